"""Algemene bijstand (levensonderhoud): Participatiewet, artikelen 11, 19, 31-34 and 44.

Art. 19 lid 1: "Het college stelt de algemene bijstand vast op ... de toepasselijke bijstandsnorm, ... verminderd met
de middelen." Per calendar month and per huishouden (the gezin of art. 4: partners and their children):

1. Norm: the existing `bijstandsnorm_inclusief_vakantietoeslag` (art. 20-22a, with the kostendelersnorm).
2. Middelen (art. 31-33): the netto income of the partners in the month (art. 32: netto; art. 33: over the month),
   less the exemption of art. 31 lid 2 onder n for arbeidsinkomen ("inkomsten uit arbeid tot 25 procent van die
   inkomsten, met een maximum van € ... per maand, gedurende een aaneengesloten periode van zes maanden, indien
   dit naar het oordeel van het college bijdraagt aan zijn arbeidsinschakeling"). Income of children and of
   medebewoners is not counted (art. 31 lid 2 onder j; art. 4: they are not the gezin).
3. Vermogen above the vermogensgrens of art. 34 lid 3 blocks the right (art. 11 with art. 31 lid 1 and 34).
4. Start and end: art. 44 lid 1 "Indien het recht op bijstand bestaat, wordt de bijstand toegekend met ingang van
   de dag waarover bijstand is aangevraagd, doch niet eerder dan de dag van melding"; lid 2: for a person under 27
   "niet eerder dan vier weken na de melding" (the zoektermijn of art. 41 lid 4). A month partly covered is paid
   for its days in the right (a benefit "per dag", art. 44 with art. 45: bijstand is vastgesteld per kalendermaand,
   a broken month is paid pro rata of its calendar days).
5. Vakantietoeslag (art. 19 lid 3 with the norms that include it): the part of the benefit reserved as
   vakantietoeslag is the benefit times the norm's share of vakantietoeslag; the monthly payment is the rest.
6. Afstemming: the verlaging of `afstemming_verlaging` (ordinance art. 7:11-7:28) lowers the benefit of the month.

Not modelled (the consulent decides them outside these rules): the exclusions of art. 13 (detention, abroad,
studie), other exemptions of art. 31 lid 2 (onder r alleenstaande ouder and onder y medische urenbeperking have no
dated, sourced amounts here yet), and income of a month paid in another month.
"""

from __future__ import annotations

from datetime import date

import numpy as np
from openfisca_core.errors import ParameterNotFoundError
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from maatwerk.regels import datums
from maatwerk.regels.entities import Huishouden, Persoon
from maatwerk.regels.invoer import InvoerFout
from maatwerk.regels.lege_datum import NIET_INGEVULD
from maatwerk.regels.regel import regel

PW = "https://wetten.overheid.nl/BWBR0015703"


# ---------------------------------------------------------------- inputs

class netto_inkomsten_uit_arbeid(Variable):
    value_type = float
    entity = Persoon
    definition_period = DateUnit.MONTH
    unit = "currency-EUR"
    label = "Waarvan netto inkomsten uit arbeid in deze maand (deel van het netto maandinkomen)"


class arbeid_draagt_bij_aan_arbeidsinschakeling(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = DateUnit.MONTH
    label = "Naar het oordeel van het college draagt de arbeid bij aan de arbeidsinschakeling (artikel 31, tweede lid, onder n)"


class begin_vrijlating_arbeidsinkomen(Variable):
    value_type = date
    entity = Persoon
    definition_period = DateUnit.ETERNITY
    label = "Eerste maand waarin de vrijlating van inkomsten uit arbeid is toegepast"
    documentation = "Niet ingevuld: de vrijlating begint in de berekende maand."


class datum_melding_bijstand(Variable):
    value_type = date
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "Dag van de melding voor bijstand (artikel 44, eerste lid, en artikel 41 Participatiewet)"


class gevraagde_ingangsdatum_bijstand(Variable):
    value_type = date
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "Dag waarover bijstand is aangevraagd (niet ingevuld: de dag van melding)"


class datum_einde_bijstand(Variable):
    value_type = date
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "Laatste dag van het recht op bijstand (niet ingevuld: lopend)"


def _ingevuld(d) -> np.ndarray:
    return datums.als_datum(d) != NIET_INGEVULD


# ---------------------------------------------------------------- middelen (art. 31-34)

@regel(
    id="pw.arbeid_draagt_bij",
    bron="Participatiewet, artikel 31, tweede lid, onderdeel n (\"indien dit naar het oordeel van het college bijdraagt aan zijn arbeidsinschakeling\")",
    soort="discretie",
    uitleg="Het college vindt dat uw werk helpt om aan het werk te komen: {resultaat}.",
    url=f"{PW}#Artikel31",
)
class vrijlating_arbeid_draagt_bij(Variable):
    value_type = bool
    entity = Persoon
    definition_period = DateUnit.MONTH
    label = "Vastgesteld: de arbeid draagt bij aan de arbeidsinschakeling (oordeel van het college)"

    def formula(persoon, period, parameters):
        return persoon("arbeid_draagt_bij_aan_arbeidsinschakeling", period)


@regel(
    id="pw.vrijlating_arbeidsinkomen",
    bron="Participatiewet, artikel 31, tweede lid, onderdeel n",
    soort="wet",
    uitleg=(
        "Van uw inkomsten uit werk telt {resultaat} niet mee (25 %, ten hoogste een maximum per maand, zes "
        "maanden achter elkaar, als het werk helpt om aan het werk te komen)."
    ),
    url=f"{PW}#Artikel31",
)
class vrijlating_arbeidsinkomen(Variable):
    value_type = float
    entity = Persoon
    definition_period = DateUnit.MONTH
    unit = "currency-EUR"
    label = "Vrijgelaten inkomsten uit arbeid in deze maand (artikel 31, tweede lid, onderdeel n)"

    def formula(persoon, period, parameters):
        p = parameters(period).wet.participatiewet.art_31_vrijlating_arbeidsinkomen
        arbeid = np.maximum(persoon("netto_inkomsten_uit_arbeid", period), 0.0)
        begin = datums.als_datum(persoon("begin_vrijlating_arbeidsinkomen", period))
        maand = np.datetime64(period.start.date, "M")
        begin_maand = np.where(_ingevuld(begin), begin.astype("datetime64[M]"), maand)
        # "gedurende een aaneengesloten periode van zes maanden": the begin month and the five after it.
        index = (maand - begin_maand).astype(np.int64)
        binnen = (index >= 0) & (index < int(p.duur_maanden))
        van_toepassing = binnen & persoon("vrijlating_arbeid_draagt_bij", period) & (arbeid > 0)
        if not van_toepassing.any():
            return np.zeros(persoon.count)
        try:
            maximum = p.maximum_per_maand
        except ParameterNotFoundError:
            # No dated, sourced maximum for this month: refuse rather than invent one (docs/regels/bijstand.md).
            raise InvoerFout("netto_inkomsten_uit_arbeid", f"voor {period.start.year}-{period.start.month:02d} is het "
                             "maximum van de vrijlating van inkomsten uit arbeid (artikel 31, tweede lid, onderdeel n, "
                             "Participatiewet) niet vastgelegd; de vrijlating kan niet worden berekend.") from None
        bedrag = np.minimum(np.round(arbeid * p.percentage, 2), maximum)
        return np.where(van_toepassing, bedrag, 0.0)


@regel(
    id="pw.middelen",
    bron="Participatiewet, artikelen 31, 32 en 33 (inkomen in de maand van de alleenstaande of het gezin) met artikel 31, tweede lid, onderdeel n",
    soort="wet",
    uitleg="Uw inkomen dat meetelt (van u en uw partner, na de vrijlating) is {resultaat} per maand.",
    url=f"{PW}#Artikel31",
)
class middelen_algemene_bijstand(Variable):
    value_type = float
    entity = Huishouden
    definition_period = DateUnit.MONTH
    unit = "currency-EUR"
    label = "Middelen in de maand: netto inkomen van de partners min de vrijlating"

    def formula(huishouden, period, parameters):
        leden = huishouden.members
        partner = leden.has_role(Huishouden.PARTNER)
        inkomen = np.maximum(leden("netto_maandinkomen", period), 0.0)
        netto = np.maximum(inkomen - leden("vrijlating_arbeidsinkomen", period), 0.0)
        return np.round(huishouden.sum(np.where(partner, netto, 0.0)), 2)


# ---------------------------------------------------------------- start and end (art. 44)

@regel(
    id="pw.ingangsdatum_bijstand",
    bron="Participatiewet, artikel 44, eerste en tweede lid (met artikel 41, vierde lid)",
    soort="wet",
    uitleg="Uw recht op bijstand kan ingaan op {resultaat}.",
    url=f"{PW}#Artikel44",
)
class algemene_bijstand_ingangsdatum(Variable):
    value_type = date
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "Eerste dag van het recht op algemene bijstand"

    def formula(huishouden, period, parameters):
        p = parameters(period).wet.participatiewet.art_44_ingangsdatum
        melding = datums.als_datum(huishouden("datum_melding_bijstand", period))
        melding = np.where(_ingevuld(melding), melding, np.datetime64(period.start.date, "D"))
        gevraagd = datums.als_datum(huishouden("gevraagde_ingangsdatum_bijstand", period))
        # Lid 1: "met ingang van de dag waarover bijstand is aangevraagd, doch niet eerder dan de dag van melding".
        ingang = np.where(_ingevuld(gevraagd), np.maximum(gevraagd, melding), melding)
        # Lid 2: "jonger dan 27 jaar ... niet eerder dan vier weken na de melding" (a partner under 27 on the day of
        # melding is enough: the gezin has one right).
        leden = huishouden.members
        leeftijd = datums.leeftijd_op(leden("geboortedatum", period), huishouden.project(melding))
        jong = huishouden.any(leden.has_role(Huishouden.PARTNER) & (leeftijd < p.leeftijd_zoektermijn))
        zoektermijn = melding + np.timedelta64(7 * int(p.zoektermijn_weken), "D")
        return np.where(jong, np.maximum(ingang, zoektermijn), ingang)


@regel(
    id="pw.dagen_recht",
    bron="Participatiewet, artikel 44 (ingang) en artikel 45 (vaststelling per kalendermaand)",
    soort="wet",
    uitleg="U hebt in deze maand {resultaat} van de dagen recht op bijstand.",
    url=f"{PW}#Artikel44",
)
class algemene_bijstand_deel_van_maand(Variable):
    value_type = float
    entity = Huishouden
    definition_period = DateUnit.MONTH
    unit = "/1"
    label = "Deel van de kalendermaand binnen het recht (ingang tot en met einde), in dagen"

    def formula(huishouden, period, parameters):
        eerste = np.datetime64(period.start.date, "D")
        laatste = np.datetime64(period.stop.date, "D")
        ingang = datums.als_datum(huishouden("algemene_bijstand_ingangsdatum", period))
        einde = datums.als_datum(huishouden("datum_einde_bijstand", period))
        einde = np.where(_ingevuld(einde), einde, laatste)
        van = np.maximum(ingang, eerste)
        tot = np.minimum(einde, laatste)
        dagen = np.maximum((tot - van).astype(np.int64) + 1, 0)
        return np.round(dagen / ((laatste - eerste).astype(np.int64) + 1), 6)


# ---------------------------------------------------------------- the right and the amount

@regel(
    id="pw.recht_algemene_bijstand",
    bron="Participatiewet, artikel 11 (recht op bijstand), artikel 19, eerste lid, en artikel 34 (vermogen)",
    soort="wet",
    uitleg="U hebt in deze maand recht op algemene bijstand: {resultaat}.",
    url=f"{PW}#Artikel11",
)
class recht_op_algemene_bijstand(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "Recht op algemene bijstand in (een deel van) deze maand"

    def formula(huishouden, period, parameters):
        minimum = parameters(period).wet.participatiewet.leeftijden.minimumleeftijd_bijstand
        leden = huishouden.members
        volwassen = huishouden.any(leden.has_role(Huishouden.PARTNER) & (leden("leeftijd", period) >= minimum))
        geen_vermogen = np.logical_not(huishouden("vermogen_boven_vermogensgrens", period))
        tekort = huishouden("bijstandsnorm_inclusief_vakantietoeslag", period) > huishouden("middelen_algemene_bijstand", period)
        return volwassen & geen_vermogen & tekort & (huishouden("algemene_bijstand_deel_van_maand", period) > 0)


@regel(
    id="pw.algemene_bijstand_inclusief_vakantietoeslag",
    bron="Participatiewet, artikel 19, eerste lid (norm verminderd met de middelen), met artikel 44",
    soort="wet",
    uitleg="De bijstand is de norm ({bijstandsnorm_inclusief_vakantietoeslag}) min uw inkomen ({middelen_algemene_bijstand}), voor de dagen met recht: {resultaat}.",
    url=f"{PW}#Artikel19",
)
class algemene_bijstand_inclusief_vakantietoeslag(Variable):
    value_type = float
    entity = Huishouden
    definition_period = DateUnit.MONTH
    unit = "currency-EUR"
    label = "Algemene bijstand in deze maand, inclusief vakantietoeslag, voor afstemming"

    def formula(huishouden, period, parameters):
        norm = huishouden("bijstandsnorm_inclusief_vakantietoeslag", period)
        tekort = np.maximum(norm - huishouden("middelen_algemene_bijstand", period), 0.0)
        bedrag = np.round(tekort * huishouden("algemene_bijstand_deel_van_maand", period), 2)
        return np.where(huishouden("recht_op_algemene_bijstand", period), bedrag, 0.0)


@regel(
    id="pw.algemene_bijstand_na_afstemming",
    bron="Participatiewet, artikel 18, tweede lid, met Verordening Sociaal Domein Lansingerland 2018, artikelen 7:16 en 7:17",
    soort="verordening",
    uitleg="Na de verlaging ({afstemming_verlaging}) is de bijstand inclusief vakantietoeslag {resultaat}.",
)
class algemene_bijstand_na_afstemming_inclusief_vakantietoeslag(Variable):
    value_type = float
    entity = Huishouden
    definition_period = DateUnit.MONTH
    unit = "currency-EUR"
    label = "Algemene bijstand in deze maand, inclusief vakantietoeslag, na de verlaging (niet lager dan 0)"

    def formula(huishouden, period, parameters):
        bijstand = huishouden("algemene_bijstand_inclusief_vakantietoeslag", period)
        return np.round(np.maximum(bijstand - huishouden("afstemming_verlaging", period), 0.0), 2)


@regel(
    id="pw.vakantietoeslag_reservering",
    bron="Participatiewet, artikel 19, derde lid, met de normen van de artikelen 20 tot en met 22a (inclusief vakantietoeslag)",
    soort="wet",
    uitleg="Van de bijstand wordt {resultaat} gespaard als vakantietoeslag (eenmaal per jaar uitbetaald).",
    url=f"{PW}#Artikel19",
)
class algemene_bijstand_vakantietoeslag(Variable):
    value_type = float
    entity = Huishouden
    definition_period = DateUnit.MONTH
    unit = "currency-EUR"
    label = "Deel van de bijstand in deze maand dat als vakantietoeslag wordt gereserveerd"

    def formula(huishouden, period, parameters):
        norm = huishouden("bijstandsnorm_inclusief_vakantietoeslag", period)
        aandeel = np.where(norm > 0, huishouden("vakantietoeslag_bijstandsnorm", period) / np.where(norm > 0, norm, 1), 0.0)
        return np.round(huishouden("algemene_bijstand_na_afstemming_inclusief_vakantietoeslag", period) * aandeel, 2)


@regel(
    id="pw.algemene_bijstand_uit_te_betalen",
    bron="Participatiewet, artikel 19, eerste en derde lid, en artikel 18, tweede lid",
    soort="wet",
    uitleg="U krijgt deze maand {resultaat} algemene bijstand uitbetaald.",
    url=f"{PW}#Artikel19",
)
class algemene_bijstand_uit_te_betalen(Variable):
    value_type = float
    entity = Huishouden
    definition_period = DateUnit.MONTH
    unit = "currency-EUR"
    label = "Algemene bijstand die deze maand wordt betaald (na afstemming, zonder de gereserveerde vakantietoeslag)"

    def formula(huishouden, period, parameters):
        return np.round(huishouden("algemene_bijstand_na_afstemming_inclusief_vakantietoeslag", period)
                        - huishouden("algemene_bijstand_vakantietoeslag", period), 2)
