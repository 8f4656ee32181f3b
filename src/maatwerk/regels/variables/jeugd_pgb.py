"""Jeugdhulp as a persoonsgebonden budget (pgb): Verordening Sociaal Domein Lansingerland 2018, artikel 5:6, with
artikel 8.1.1 of the Jeugdwet; the spending term of artikel 5:7, vierde lid.

Conditions (5:6 lid 2, "Conform artikel 8.1.1 van de Jeugdwet verstrekt het college [...] alleen een PGB, indien"):
  g. the jeugdige or his parents can, alone or with help from the sociale netwerk, a curator, bewindvoerder,
     mentor or gemachtigde, carry out the tasks of a pgb responsibly;
  h. they state, with reasons, that the voorziening delivered by an aanbieder does not suit them ("niet passend");
  i. the college judges that the help bought with the budget is of good quality and serves the intended result.
  (The ordinance letters them g, h, i; an artefact of the text, kept so the sources match.)
When someone from the sociale netwerk is paid (5:6 lid 5), also a-e: a lower tariff than the one set under lid 3,
the care is not too heavy for him, no intermediaries are paid, no pressure was put on the recipient, and it is
no service that flows directly from a social relationship outside a helping profession.

Amount (5:6 lid 3 and 4): the budget the college sets on the plan with begroting (lid 4), at most 100 % (formal)
or 51,7 % (informal) of the cost price of the cheapest adequate voorziening in natura the college bought (lid 3).
"""

from __future__ import annotations

from datetime import date

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from maatwerk.regels import datums
from maatwerk.regels.entities import Persoon
from maatwerk.regels.lege_datum import niet_ingevuld_is_begin_maand
from maatwerk.regels.regel import SoortBron, regel
from maatwerk.regels.variables.jeugd_toegang import JW, URL_JW, VSD, jeugd_beleid


def _pgb(parameters, period):
    return jeugd_beleid(parameters, period).pgb


class JeugdPgbHulpverlener(Enum):
    """Who gives the help paid from the pgb (art. 5:6, derde lid)."""

    formeel = "Formeel pgb: een professionele hulpverlener of instelling (art. 5:6 lid 3 onder a)"
    informeel = "Informeel pgb: iemand die dit niet beroepsmatig doet, zoals iemand uit het sociale netwerk (art. 5:6 lid 3 onder b)"


class JeugdPgbReden(Enum):
    """The first condition not met, in the order of the article (geen = all met)."""

    geen = "Aan alle voorwaarden voor een pgb is voldaan"
    niet_in_staat_tot_beheer = "De jeugdige of zijn ouders kunnen de taken van een pgb niet verantwoord uitvoeren (art. 5:6 lid 2 onder g)"
    natura_niet_gemotiveerd_ongeschikt = "Niet gemotiveerd waarom de hulp van een aanbieder niet passend is (art. 5:6 lid 2 onder h)"
    kwaliteit_niet_gewaarborgd = "Niet gewaarborgd dat de hulp van goede kwaliteit is en bijdraagt aan het resultaat (art. 5:6 lid 2 onder i)"
    netwerk_tarief_niet_lager = "De persoon uit het sociale netwerk krijgt geen lager tarief (art. 5:6 lid 5 onder a)"
    netwerk_zorg_te_zwaar = "De persoon uit het sociale netwerk heeft aangegeven dat de zorg te zwaar valt (art. 5:6 lid 5 onder b)"
    netwerk_tussenpersoon = "Uit het pgb zou een tussenpersoon of belangenbehartiger worden betaald (art. 5:6 lid 5 onder c)"
    netwerk_druk = "De persoon uit het sociale netwerk heeft druk uitgeoefend op de beslissing (art. 5:6 lid 5 onder d)"
    netwerk_sociale_relatie = "De hulp vloeit rechtstreeks voort uit een sociale relatie (art. 5:6 lid 5 onder e)"
    geen_begroting = "Er is geen plan met begroting waarop het college het tarief vaststelt (art. 5:6 lid 4)"


def _bevinding(id_: str, bron: str, uitleg: str, url: str | None = None):
    """A finding of the consulent, registered so the uitleg shows it with its source."""
    return regel(id=id_, bron=bron, soort=SoortBron.DISCRETIE, uitleg=uitleg, url=url)


# ---------------------------------------------------------------- inputs: findings (5:6 lid 2 and 5)

@_bevinding("jeugd.pgb.bevinding.beheer", f"{VSD}, artikel 5:6, tweede lid, onder g; {JW}, artikel 8.1.1",
            "De jeugdige of zijn ouders kunnen, zelf of met hulp, de taken van een pgb verantwoord uitvoeren: {resultaat}.",
            url=URL_JW)
class jeugd_pgb_in_staat_tot_beheer(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Bevinding: de jeugdige of zijn ouders kunnen (zelf of met hulp) de taken van een pgb verantwoord uitvoeren (art. 5:6 lid 2 onder g)"


@_bevinding("jeugd.pgb.bevinding.natura_niet_passend", f"{VSD}, artikel 5:6, tweede lid, onder h; {JW}, artikel 8.1.1",
            "De jeugdige of zijn ouders hebben gemotiveerd waarom de hulp van een aanbieder niet passend is: {resultaat}.",
            url=URL_JW)
class jeugd_pgb_natura_niet_passend_gemotiveerd(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Bevinding: gemotiveerd dat de voorziening van een aanbieder niet passend is (art. 5:6 lid 2 onder h)"


@_bevinding("jeugd.pgb.bevinding.kwaliteit", f"{VSD}, artikel 5:6, tweede lid, onder i; {JW}, artikel 8.1.1",
            "Het is gewaarborgd dat de hulp van goede kwaliteit is en bijdraagt aan het beoogde resultaat: {resultaat}.",
            url=URL_JW)
class jeugd_pgb_kwaliteit_gewaarborgd(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Bevinding: de hulp is van goede kwaliteit en draagt bij aan het beoogde resultaat (art. 5:6 lid 2 onder i)"


class jeugd_pgb_hulp_uit_sociaal_netwerk(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Feit: de hulp wordt betaald aan iemand uit het sociale netwerk (art. 5:6 lid 5)"


class jeugd_pgb_netwerk_lager_tarief(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Bevinding: de persoon uit het sociale netwerk krijgt een lager tarief (art. 5:6 lid 5 onder a)"


class jeugd_pgb_netwerk_zorg_niet_te_zwaar(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Bevinding: de persoon heeft niet aangegeven dat de zorg hem te zwaar valt (art. 5:6 lid 5 onder b)"


class jeugd_pgb_netwerk_geen_tussenpersoon(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Bevinding: het pgb betaalt geen tussenpersonen of belangenbehartigers (art. 5:6 lid 5 onder c)"


class jeugd_pgb_netwerk_geen_druk(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Bevinding: de persoon heeft geen druk uitgeoefend op de beslissing (art. 5:6 lid 5 onder d)"


class jeugd_pgb_netwerk_geen_sociale_relatie_dienst(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Bevinding: de hulp vloeit niet rechtstreeks voort uit een sociale relatie (art. 5:6 lid 5 onder e)"


# ---------------------------------------------------------------- inputs: the amount

class jeugd_pgb_hulpverlener(Variable):
    value_type = Enum
    possible_values = JeugdPgbHulpverlener
    default_value = JeugdPgbHulpverlener.formeel
    entity = Persoon
    definition_period = MONTH
    label = "Formeel of informeel pgb (art. 5:6, derde lid)"


class jeugd_natura_kostprijs(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Kostprijs van de goedkoopst adequate ingekochte individuele voorziening in natura, per maand"
    documentation = (
        "Art. 5:6 lid 3: de kostprijs volgt uit de inkoop (contracten met aanbieders). Voorlopig invoer; de "
        "tarieven van aanbieders en producten komen als gegevens (issue 10, punt 6)."
    )


class jeugd_pgb_begroting(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Begroting per maand uit het plan van de jeugdige of zijn ouders (art. 5:6, vierde lid)"


class jeugd_pgb_toekenningsdatum(Variable):
    value_type = date
    entity = Persoon
    definition_period = MONTH
    label = "Datum van toekenning van het pgb (niet ingevuld: de eerste dag van de maand)"


# ---------------------------------------------------------------- conditions

@regel(
    id="jeugd.pgb.voorwaarde.wet",
    bron=f"{VSD}, artikel 5:6, tweede lid, onder g, h en i; {JW}, artikel 8.1.1",
    soort=SoortBron.WET,
    uitleg=(
        "U kunt een pgb beheren, u hebt gemotiveerd waarom hulp van een aanbieder niet past, en de kwaliteit van "
        "de hulp is gewaarborgd: {resultaat}."
    ),
    url=URL_JW,
)
class jeugd_pgb_voorwaarde_wet(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Voorwaarden art. 5:6 lid 2 (art. 8.1.1 Jeugdwet): beheer, motivering, kwaliteit"

    def formula(persoon, period, parameters):
        return (
            persoon("jeugd_pgb_in_staat_tot_beheer", period)
            & persoon("jeugd_pgb_natura_niet_passend_gemotiveerd", period)
            & persoon("jeugd_pgb_kwaliteit_gewaarborgd", period)
        )


_NETWERK = (
    ("jeugd_pgb_netwerk_lager_tarief", JeugdPgbReden.netwerk_tarief_niet_lager),
    ("jeugd_pgb_netwerk_zorg_niet_te_zwaar", JeugdPgbReden.netwerk_zorg_te_zwaar),
    ("jeugd_pgb_netwerk_geen_tussenpersoon", JeugdPgbReden.netwerk_tussenpersoon),
    ("jeugd_pgb_netwerk_geen_druk", JeugdPgbReden.netwerk_druk),
    ("jeugd_pgb_netwerk_geen_sociale_relatie_dienst", JeugdPgbReden.netwerk_sociale_relatie),
)


@regel(
    id="jeugd.pgb.voorwaarde.sociaal_netwerk",
    bron=f"{VSD}, artikel 5:6, vijfde lid, onder a tot en met e",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Wordt iemand uit uw sociale netwerk betaald ({jeugd_pgb_hulp_uit_sociaal_netwerk}), dan is aan alle "
        "voorwaarden voor die hulp voldaan: {resultaat}."
    ),
)
class jeugd_pgb_voorwaarde_sociaal_netwerk(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Voorwaarden art. 5:6 lid 5 voor betaling van iemand uit het sociale netwerk"

    def formula(persoon, period, parameters):
        alle = np.logical_and.reduce([persoon(naam, period) for naam, _ in _NETWERK])
        return ~persoon("jeugd_pgb_hulp_uit_sociaal_netwerk", period) | alle


@regel(
    id="jeugd.pgb.reden_niet_toekenbaar",
    bron=f"{VSD}, artikel 5:6, tweede, vierde en vijfde lid",
    soort=SoortBron.VERORDENING,
    uitleg="Eerste voorwaarde voor een pgb waaraan niet is voldaan (geen = aan alle voorwaarden is voldaan): {resultaat}.",
)
class jeugd_pgb_reden_niet_toekenbaar(Variable):
    value_type = Enum
    possible_values = JeugdPgbReden
    default_value = JeugdPgbReden.geen
    entity = Persoon
    definition_period = MONTH
    label = "De eerste voorwaarde voor een pgb jeugdhulp waaraan niet is voldaan"

    def formula(persoon, period, parameters):
        netwerk = persoon("jeugd_pgb_hulp_uit_sociaal_netwerk", period)
        voorwaarden = [
            ~persoon("jeugd_pgb_in_staat_tot_beheer", period),
            ~persoon("jeugd_pgb_natura_niet_passend_gemotiveerd", period),
            ~persoon("jeugd_pgb_kwaliteit_gewaarborgd", period),
            *[netwerk & ~persoon(naam, period) for naam, _ in _NETWERK],
            persoon("jeugd_pgb_begroting", period) <= 0,
        ]
        redenen = [
            JeugdPgbReden.niet_in_staat_tot_beheer,
            JeugdPgbReden.natura_niet_gemotiveerd_ongeschikt,
            JeugdPgbReden.kwaliteit_niet_gewaarborgd,
            *[reden for _, reden in _NETWERK],
            JeugdPgbReden.geen_begroting,
        ]
        return np.select(voorwaarden, redenen, default=JeugdPgbReden.geen)


@regel(
    id="jeugd.pgb.toekenbaar",
    bron=f"{VSD}, artikel 5:6",
    soort=SoortBron.VERORDENING,
    uitleg="Aan alle voorwaarden voor een persoonsgebonden budget voor jeugdhulp is voldaan: {resultaat}.",
)
class jeugd_pgb_toekenbaar(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Een pgb jeugdhulp kan worden toegekend"

    def formula(persoon, period, parameters):
        return persoon("jeugd_pgb_reden_niet_toekenbaar", period) == JeugdPgbReden.geen


# ---------------------------------------------------------------- amount (5:6 lid 3 and 4)

@regel(
    id="jeugd.pgb.maximum",
    bron=f"{VSD}, artikel 5:6, derde lid, onder a en b",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Een formeel pgb is ten hoogste {formeel_deel_kostprijs} en een informeel pgb ten hoogste "
        "{informeel_deel_kostprijs} van wat de hulp in natura kost ({jeugd_natura_kostprijs} per maand). Dit pgb is "
        "{jeugd_pgb_hulpverlener}: ten hoogste {resultaat} per maand."
    ),
)
class jeugd_pgb_maximum(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Hoogste pgb jeugdhulp per maand (art. 5:6 lid 3)"

    def formula(persoon, period, parameters):
        p = _pgb(parameters, period)
        informeel = persoon("jeugd_pgb_hulpverlener", period) == JeugdPgbHulpverlener.informeel
        deel = np.where(informeel, p.informeel_deel_kostprijs, p.formeel_deel_kostprijs)
        return np.round(persoon("jeugd_natura_kostprijs", period) * deel, 2)


@regel(
    id="jeugd.pgb.bedrag",
    bron=f"{VSD}, artikel 5:6, derde en vierde lid",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Het pgb is de begroting uit uw plan ({jeugd_pgb_begroting} per maand), ten hoogste het maximum van "
        "{jeugd_pgb_maximum}, als aan de voorwaarden is voldaan ({jeugd_pgb_toekenbaar}): {resultaat} per maand."
    ),
)
class jeugd_pgb_bedrag(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Pgb jeugdhulp per maand"

    def formula(persoon, period, parameters):
        bedrag = np.minimum(persoon("jeugd_pgb_begroting", period), persoon("jeugd_pgb_maximum", period))
        return np.where(persoon("jeugd_pgb_toekenbaar", period), np.maximum(bedrag, 0.0), 0.0)


@regel(
    id="jeugd.pgb.datum_toekenning",
    bron=f"{VSD}, artikel 5:7, vierde lid",
    soort=SoortBron.DISCRETIE,
    uitleg="Het pgb is toegekend op {resultaat} (niet ingevuld: de eerste dag van de maand).",
)
class jeugd_pgb_datum_toekenning(Variable):
    value_type = date
    entity = Persoon
    definition_period = MONTH
    label = "Toekenningsdatum van het pgb jeugdhulp zoals de regels die gebruiken"

    def formula(persoon, period, parameters):
        return niet_ingevuld_is_begin_maand(persoon("jeugd_pgb_toekenningsdatum", period), period)


@regel(
    id="jeugd.pgb.bestedingstermijn",
    bron=f"{VSD}, artikel 5:7, vierde lid",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Gebruikt u het pgb niet binnen {bestedingstermijn_maanden} maanden na toekenning ({jeugd_pgb_datum_toekenning}) "
        "voor de hulp waarvoor het is gegeven, dan kunnen wij het intrekken; de termijn loopt tot en met {resultaat}."
    ),
)
class jeugd_pgb_uiterste_bestedingsdatum(Variable):
    value_type = date
    entity = Persoon
    definition_period = MONTH
    label = "Laatste dag van de termijn van art. 5:7 lid 4 (drie maanden na toekenning)"

    def formula(persoon, period, parameters):
        maanden = _pgb(parameters, period).bestedingstermijn_maanden
        return datums.plus_maanden(persoon("jeugd_pgb_datum_toekenning", period), maanden)
