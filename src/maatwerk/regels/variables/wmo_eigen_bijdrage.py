"""Wmo bijdrage in de kosten (eigen bijdrage): Verordening Sociaal Domein Lansingerland 2018, artikel 4:9, and from
2019 the national abonnementstarief (Wmo 2015 art. 2.1.4; Uitvoeringsbesluit Wmo 2015 art. 3.8).

Two regimes, switched by the dated parameter `wet.wmo_2015.bijdrage_in_de_kosten.abonnementstarief_geldt`:

1. Until 31 December 2018, art. 4:9 lid 4: a table per household ("Eenpersoons/Meerpersoons, niet/wel
   AOW-gerechtigd") with a fixed amount per period of 4 weeks (€ 13,13, or € 0,00 for a couple of whom at least
   one has not reached the AOW age), an income limit per year and a "Marginaal tarief" of 12,5 %. Above the limit,
   12,5 % of the income above it is added, spread over the 13 periods of a year (the national method of art. 3.8
   Uitvoeringsbesluit Wmo 2015 as it read in 2018; the ordinance does not spell out the division by 13).
2. From 1 January 2019 a fixed maximum per household, regardless of income: € 17,50 per 4 weeks in 2019, per month
   from 2020 (€ 19, € 20,60 in 2024, € 21 in 2025, € 21,80 in 2026 per the CAK, see the parameter). Couples of
   whom at least one has not reached the AOW age pay nothing.

Always (art. 4:9 lid 2): "De bijdrage in de kosten overstijgt niet de kostprijs van de voorziening." For a
koopvoorziening (lid 7): "onder de 702 euro een eigen bijdrage geïnd in 13 periodes en boven de 702 euro in 39
periodes" — exactly € 702 is read as 13 periods (the reading most favourable to the resident).

No bijdrage (`wmo_geen_bijdrage_reden`): beschermd wonen (lid 5: the aanbieder sets and collects it), cliënt-
ondersteuning (lid 1 onder a), a rolstoel (art. 3.8 lid 4 onder d Uitvoeringsbesluit), a cliënt under 18 (lid 8 for a
woningaanpassing; by law for the other provisions, see the parameter), and by decision of the college a provision
in a shared space (lid 6, discretion).

This computes the bijdrage for one provision; the abonnementstarief is owed once per household however many
provisions it has (the CAK collects it). Who owes the bijdrage for a minor (lid 9 and 10: the parents) matters only
where a bijdrage is owed; with lid 8 none is.
"""

from __future__ import annotations

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from maatwerk.regels.entities import Huishouden, Persoon
from maatwerk.regels.regel import SoortBron, regel
from maatwerk.regels.wmo_beleid import wmo_beleid

VSD = "Verordening Sociaal Domein Lansingerland 2018"
UB = "Uitvoeringsbesluit Wmo 2015, artikel 3.8"
URL_CAK = "https://www.hetcak.nl/zakelijk/regelingen/wmo"


class WmoVoorziening(Enum):
    doorlopend = "Doorlopende voorziening (dienst, of een voorziening in bruikleen)"
    koopvoorziening = "Koopvoorziening (eenmalige kostprijs)"
    woningaanpassing = "Woningaanpassing"
    rolstoel = "Rolstoel (geen sportrolstoel)"
    clientondersteuning = "Cliëntondersteuning"
    beschermd_wonen = "Beschermd wonen"


class WmoHuishoudtype(Enum):
    eenpersoons_niet_aow = "Eenpersoons, niet AOW-gerechtigd"
    eenpersoons_aow = "Eenpersoons, wel AOW-gerechtigd"
    meerpersoons_niet_aow = "Meerpersoons, niet AOW-gerechtigd (ten minste één partner heeft de AOW-leeftijd nog niet)"
    meerpersoons_aow = "Meerpersoons, wel AOW-gerechtigd (beide partners hebben de AOW-leeftijd)"


class WmoBijdrageperiode(Enum):
    vier_weken = "per periode van 4 weken"
    maand = "per maand"


class WmoGeenBijdrageReden(Enum):
    geen = "Er is een bijdrage in de kosten verschuldigd"
    beschermd_wonen = "Beschermd wonen: de aanbieder stelt de bijdrage vast en int die (art. 4:9 lid 5)"
    clientondersteuning = "Voor cliëntondersteuning wordt geen bijdrage gevraagd (art. 4:9 lid 1 onder a)"
    rolstoel = "Voor een rolstoel is geen bijdrage verschuldigd (art. 3.8 lid 4 onder d Uitvoeringsbesluit Wmo 2015)"
    minderjarige_client = "De voorziening is voor een inwoner jonger dan 18 jaar (art. 4:9 lid 8; Wmo 2015)"
    algemene_ruimte = "Voorziening in een algemene ruimte: het college heeft besloten geen bijdrage te heffen (art. 4:9 lid 6)"


def _verordening(parameters, period):
    return wmo_beleid(parameters, period).eigen_bijdrage


def _wet(parameters, period):
    return parameters(period).wet.wmo_2015.bijdrage_in_de_kosten


# ---------------------------------------------------------------- inputs

class wmo_client(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Deze persoon is de cliënt voor wie de Wmo-voorziening is"


class wmo_voorziening(Variable):
    value_type = Enum
    possible_values = WmoVoorziening
    default_value = WmoVoorziening.doorlopend
    entity = Huishouden
    definition_period = MONTH
    label = "Soort Wmo-voorziening waarvoor de bijdrage wordt berekend"


class wmo_kostprijs(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Kostprijs van de voorziening: per bijdrageperiode bij een doorlopende voorziening, in totaal bij een koopvoorziening of woningaanpassing"
    documentation = "Art. 4:9 lid 3: 'bepaald door de contractuele afspraken tussen de gemeente en de aanbieder'. Voorlopig invoer."


class wmo_bijdrage_inkomen(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Inkomen per jaar voor de bijdrage in de kosten (regeling tot en met 2018), zoals het CAK het vaststelt"


@regel(
    id="wmo.bijdrage.bevinding.algemene_ruimte",
    bron=f"{VSD}, artikel 4:9, zesde lid",
    soort=SoortBron.DISCRETIE,
    uitleg="Het college heeft besloten geen bijdrage te heffen voor een voorziening in een algemene ruimte: {resultaat}.",
)
class wmo_bijdrage_algemene_ruimte_vrijgesteld(Variable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = MONTH
    label = "Besluit van het college: geen bijdrage voor een voorziening in een algemene ruimte (art. 4:9 lid 6)"


# ---------------------------------------------------------------- household type (table of 4:9 lid 4)

@regel(
    id="wmo.bijdrage.huishoudtype",
    bron=f"{VSD}, artikel 4:9, vierde lid (tabel); {UB}",
    soort=SoortBron.VERORDENING,
    uitleg="Voor de bijdrage in de kosten bent u: {resultaat}.",
)
class wmo_huishoudtype(Variable):
    value_type = Enum
    possible_values = WmoHuishoudtype
    default_value = WmoHuishoudtype.eenpersoons_niet_aow
    entity = Huishouden
    definition_period = MONTH
    label = "Soort huishouden voor de bijdrage in de kosten (eenpersoons/meerpersoons, wel/niet AOW-gerechtigd)"

    def formula(huishouden, period, parameters):
        # Meerpersoons = cliënt with echtgenoot or partner (children and other residents do not count). A couple is
        # "AOW-gerechtigd" only when both have reached the AOW age: the €0 row is for a couple of whom at least
        # one has not (Drimmelen, Ede: see wet/wmo_2015/bijdrage_in_de_kosten/vrijstelling_gehuwden_niet_aow).
        partners = huishouden.nb_persons(Huishouden.PARTNER)
        aow = huishouden.members("pensioengerechtigd", period)
        partner = huishouden.members.has_role(Huishouden.PARTNER)
        niet_aow_partners = huishouden.sum(partner & ~aow)
        meer = partners >= 2
        allen_aow = niet_aow_partners == 0
        return np.select(
            [meer & allen_aow, meer, allen_aow],
            [WmoHuishoudtype.meerpersoons_aow, WmoHuishoudtype.meerpersoons_niet_aow, WmoHuishoudtype.eenpersoons_aow],
            default=WmoHuishoudtype.eenpersoons_niet_aow,
        )


# ---------------------------------------------------------------- regime 1: the table of 2018

@regel(
    id="wmo.bijdrage.periodebijdrage_2018",
    bron=f"{VSD}, artikel 4:9, vierde lid (tabel), met de rekenwijze van {UB} (tekst 2018)",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Bijdrage per 4 weken volgens de tabel van de verordening: het vaste bedrag voor uw huishouden, plus "
        "{marginaal_tarief} van uw inkomen ({wmo_bijdrage_inkomen}) boven de inkomensgrens, gedeeld door "
        "{perioden_per_jaar}: {resultaat}."
    ),
)
class wmo_periodebijdrage_verordening(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Maximale bijdrage per periode van 4 weken volgens de tabel van art. 4:9 lid 4 (regeling tot en met 2018)"

    def formula(huishouden, period, parameters):
        p = _verordening(parameters, period)
        soort = huishouden("wmo_huishoudtype", period)
        inkomen = huishouden("wmo_bijdrage_inkomen", period)
        namen = [s.name for s in WmoHuishoudtype]
        kies = [soort == getattr(WmoHuishoudtype, n) for n in namen]
        vast = np.select(kies, [p.periodebijdrage[n] for n in namen])
        grens = np.select(kies, [p.inkomensgrens[n] for n in namen])
        # Income exactly at the limit adds nothing: only the part "boven" the limit counts.
        marginaal = p.marginaal_tarief * np.maximum(inkomen - grens, 0.0) / p.perioden_per_jaar
        return np.round(vast + marginaal, 2)


# ---------------------------------------------------------------- regime 2: the abonnementstarief (from 2019)

@regel(
    id="wmo.bijdrage.abonnementstarief",
    bron="Wet maatschappelijke ondersteuning 2015, artikel 2.1.4; " + UB,
    soort=SoortBron.WET,
    uitleg=(
        "Het landelijke abonnementstarief is {abonnementstarief}; voor een echtpaar of samenwonenden van wie "
        "ten minste één de AOW-leeftijd nog niet heeft, is het nihil. Voor u: {resultaat}."
    ),
    url=URL_CAK,
)
class wmo_abonnementstarief(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Abonnementstarief voor dit huishouden per bijdrageperiode (vanaf 2019)"

    def formula_2019_01(huishouden, period, parameters):
        p = _wet(parameters, period)
        vrij = (huishouden("wmo_huishoudtype", period) == WmoHuishoudtype.meerpersoons_niet_aow) & bool(
            p.vrijstelling_gehuwden_niet_aow
        )
        return np.where(vrij, 0.0, p.abonnementstarief)


@regel(
    id="wmo.bijdrage.periode",
    bron=UB,
    soort=SoortBron.WET,
    uitleg="De bijdrage wordt geheven per {resultaat}.",
    url=URL_CAK,
)
class wmo_bijdrageperiode(Variable):
    value_type = Enum
    possible_values = WmoBijdrageperiode
    default_value = WmoBijdrageperiode.vier_weken
    entity = Huishouden
    definition_period = MONTH
    label = "Bijdrageperiode: 4 weken (tot en met 2019) of kalendermaand (vanaf 2020)"

    def formula(huishouden, period, parameters):
        per_maand = bool(_wet(parameters, period).per_maand)
        return np.full(huishouden.count, WmoBijdrageperiode.maand if per_maand else WmoBijdrageperiode.vier_weken)


@regel(
    id="wmo.bijdrage.maximum_per_periode",
    bron=f"{VSD}, artikel 4:9, vierde lid (tot en met 2018); {UB} (vanaf 2019)",
    soort=SoortBron.WET,
    uitleg="Uw bijdrage is ten hoogste {resultaat} per periode, voordat de kostprijs en de vrijstellingen meetellen.",
)
class wmo_maximale_periodebijdrage(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Maximale bijdrage per bijdrageperiode (tabel van de verordening tot 2019, daarna het abonnementstarief)"

    def formula(huishouden, period, parameters):
        if bool(_wet(parameters, period).abonnementstarief_geldt):
            return huishouden("wmo_abonnementstarief", period)
        return huishouden("wmo_periodebijdrage_verordening", period)


# ---------------------------------------------------------------- no bijdrage

@regel(
    id="wmo.bijdrage.client_minderjarig",
    bron=f"{VSD}, artikel 4:9, achtste lid; Wet maatschappelijke ondersteuning 2015, artikel 2.1.4",
    soort=SoortBron.WET,
    uitleg="De voorziening is voor iemand die op de eerste dag van de maand jonger was dan {minimumleeftijd_client} jaar: {resultaat}.",
)
class wmo_client_minderjarig(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "De cliënt is op de eerste dag van de maand jonger dan 18 jaar"

    def formula(huishouden, period, parameters):
        # "tot het achttiende levensjaar" (4:9 lid 8): free until the 18th birthday; the month is judged on its
        # first day, so the month of the birthday is still free.
        grens = _wet(parameters, period).minimumleeftijd_client
        jong = huishouden.members("wmo_client", period) & (huishouden.members("leeftijd", period) < grens)
        return huishouden.any(jong)


@regel(
    id="wmo.bijdrage.geen_bijdrage",
    bron=f"{VSD}, artikel 4:9, eerste, vijfde, zesde en achtste lid; {UB}, vierde lid, onder d",
    soort=SoortBron.VERORDENING,
    uitleg="Grond waarom geen bijdrage verschuldigd is (geen = er is wel een bijdrage verschuldigd): {resultaat}.",
)
class wmo_geen_bijdrage_reden(Variable):
    value_type = Enum
    possible_values = WmoGeenBijdrageReden
    default_value = WmoGeenBijdrageReden.geen
    entity = Huishouden
    definition_period = MONTH
    label = "Waarom geen bijdrage verschuldigd is (geen = er is een bijdrage verschuldigd)"

    def formula(huishouden, period, parameters):
        soort = huishouden("wmo_voorziening", period)
        rolstoel_vrij = bool(_wet(parameters, period).vrijstelling_rolstoel)
        return np.select(
            [
                soort == WmoVoorziening.beschermd_wonen,
                soort == WmoVoorziening.clientondersteuning,
                (soort == WmoVoorziening.rolstoel) & rolstoel_vrij,
                huishouden("wmo_client_minderjarig", period),
                huishouden("wmo_bijdrage_algemene_ruimte_vrijgesteld", period),
            ],
            [
                WmoGeenBijdrageReden.beschermd_wonen,
                WmoGeenBijdrageReden.clientondersteuning,
                WmoGeenBijdrageReden.rolstoel,
                WmoGeenBijdrageReden.minderjarige_client,
                WmoGeenBijdrageReden.algemene_ruimte,
            ],
            default=WmoGeenBijdrageReden.geen,
        )


# ---------------------------------------------------------------- the bijdrage

def _is_koop(huishouden, period):
    soort = huishouden("wmo_voorziening", period)
    return (soort == WmoVoorziening.koopvoorziening) | (soort == WmoVoorziening.woningaanpassing)


@regel(
    id="wmo.bijdrage.per_periode",
    bron=f"{VSD}, artikel 4:9, tweede lid ('overstijgt niet de kostprijs'); {UB}",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Uw eigen bijdrage is {resultaat} per periode: ten hoogste {wmo_maximale_periodebijdrage} en nooit meer dan "
        "de kostprijs van de voorziening ({wmo_kostprijs})."
    ),
)
class wmo_eigen_bijdrage_per_periode(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Eigen bijdrage per bijdrageperiode voor deze voorziening (0 als geen bijdrage verschuldigd is)"

    def formula(huishouden, period, parameters):
        verschuldigd = huishouden("wmo_geen_bijdrage_reden", period) == WmoGeenBijdrageReden.geen
        huishouden("wmo_bijdrageperiode", period)  # traced: the uitleg names the period
        bedrag = np.minimum(huishouden("wmo_maximale_periodebijdrage", period), huishouden("wmo_kostprijs", period))
        return np.where(verschuldigd, np.round(bedrag, 2), 0.0)


@regel(
    id="wmo.bijdrage.aantal_perioden",
    bron=f"{VSD}, artikel 4:9, zevende lid",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Bij een koopvoorziening of woningaanpassing met een kostprijs tot en met {kostprijsgrens} betaalt u in "
        "{perioden_tot_grens} perioden, daarboven in {perioden_boven_grens} perioden (0 = zolang de voorziening "
        "loopt): {resultaat}."
    ),
)
class wmo_eigen_bijdrage_aantal_perioden(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "Aantal perioden waarin de bijdrage voor een koopvoorziening wordt geïnd (0 = doorlopend, zolang de voorziening loopt)"

    def formula(huishouden, period, parameters):
        p = _verordening(parameters, period).koopvoorziening
        kostprijs = huishouden("wmo_kostprijs", period)
        aantal = np.where(kostprijs <= p.kostprijsgrens, p.perioden_tot_grens, p.perioden_boven_grens)
        return np.where(_is_koop(huishouden, period), aantal, 0)


@regel(
    id="wmo.bijdrage.totaal_koop",
    bron=f"{VSD}, artikel 4:9, tweede en zevende lid",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Voor deze koopvoorziening betaalt u in totaal {resultaat}: {wmo_eigen_bijdrage_per_periode} per periode "
        "gedurende {wmo_eigen_bijdrage_aantal_perioden} perioden, en nooit meer dan de kostprijs ({wmo_kostprijs})."
    ),
)
class wmo_eigen_bijdrage_totaal(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Totale eigen bijdrage voor een koopvoorziening of woningaanpassing (0 bij een doorlopende voorziening)"

    def formula(huishouden, period, parameters):
        per_periode = huishouden("wmo_eigen_bijdrage_per_periode", period)
        aantal = huishouden("wmo_eigen_bijdrage_aantal_perioden", period)
        return np.round(np.minimum(per_periode * aantal, huishouden("wmo_kostprijs", period)), 2)
