"""Wmo persoonsgebonden budget (pgb): Verordening Sociaal Domein Lansingerland 2018, artikelen 4:7 en 4:8,
with the national conditions of artikel 2.3.6 Wmo 2015.

Conditions (each its own rule, each failing one names itself in `pgb_reden_niet_toekenbaar`):

- 4:7 lid 1: "Om voor een PGB in aanmerking te komen dient de inwoner in een persoonlijk PGB-plan toe te lichten dat
  een maatwerkvoorziening in de vorm van een PGB aantoonbaar tot een betere en effectievere ondersteuning leidt en
  aantoonbaar doelmatiger is dan zorg in natura."
- 4:7 lid 2: the pgb may pay someone from the sociale netwerk "indien de zorg de gebruikelijke hulp overstijgt".
- 4:7 lid 3: "Het PGB kan niet worden aangewend voor de beloning voor huishoudelijke werkzaamheden door aan- of
  bloedverwanten."
- 4:7 lid 7 onder b: "tussenpersonen of belangenbehartigers mogen niet uit het persoonsgebonden budget worden
  betaald."
- Wmo 2015 art. 2.3.6 lid 2 onder a-c: the cliënt can handle a pgb (alone or with help), states motivated why he
  wants one, and the college judges that the support is safe, effective and client-centred.

Amounts (4:8), by kind of pgb (`pgb_soort`), each capped by 4:7 lid 4 onder c: "bedraagt ten hoogste de kostprijs
van de in de betreffende situatie goedkoopst passende maatwerkvoorziening in natura" where that cost price is known
(`wmo_natura_kostprijs` > 0; from the contracted product's tariff, `zaken/wmo_kostprijs.py`, else typed). The
spending term is 4:7 lid 8: "binnen drie maanden na toekenning".

Unit of an amount: see `pgb_bedrag_eenheid` (per maand, per periode van 4 weken, per jaar or eenmalig); the inputs
(hours, etmalen, costs) are given in that same unit.
"""

from __future__ import annotations

from datetime import date

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import ETERNITY, MONTH
from openfisca_core.variables import Variable

from maatwerk.regels import datums
from maatwerk.regels.entities import Persoon
from maatwerk.regels.lege_datum import niet_ingevuld_is_begin_maand
from maatwerk.regels.regel import SoortBron, regel
from maatwerk.regels.wmo_beleid import wmo_beleid

VSD = "Verordening Sociaal Domein Lansingerland 2018"
WMO = "Wet maatschappelijke ondersteuning 2015"
URL_WMO = "https://wetten.overheid.nl/BWBR0035362"


class PgbSoort(Enum):
    """What the pgb is for, as far as artikel 4:8 attaches an amount to it."""

    geen = "Geen pgb"
    individuele_begeleiding_informeel = "Individuele begeleiding door iemand die dit niet beroepsmatig doet (art. 4:8 lid 1 onder a)"
    kortdurend_verblijf_informeel = "Kortdurend verblijf door iemand die dit niet beroepsmatig doet (art. 4:8 lid 1 onder b)"
    huishoudelijke_ondersteuning_informeel = (
        "Huishoudelijke ondersteuning door iemand die dit niet beroepsmatig doet (art. 4:8 lid 1 onder c)"
    )
    professionele_hulp = "Ondersteuning door een beroepskracht (art. 4:7 lid 4 en 6)"
    hulpmiddel = "Hulpmiddel (art. 4:8 lid 2, met art. 4:7 lid 5)"
    sportvoorziening = "Sportrolstoel of andere sportvoorziening (art. 4:8 lid 2)"
    verhuizing = "Verhuizing (art. 4:8 lid 3)"
    toegankelijk_maken_woning = "Toegankelijk maken van de woning (art. 4:8 lid 4)"
    woningsanering = "Woningsanering (art. 4:8 lid 6)"
    taxi = "Taxikostenvergoeding (art. 4:8 lid 8 onder a)"
    rolstoeltaxi = "Rolstoeltaxikostenvergoeding (art. 4:8 lid 8 onder b)"


class PgbEenheid(Enum):
    per_maand = "per maand"
    per_periode_van_4_weken = "per periode van 4 weken"
    per_jaar = "per jaar"
    eenmalig = "eenmalig"


class PgbReden(Enum):
    """The first condition that is not met, in the order of the articles (geen = all met)."""

    geen = "Aan alle voorwaarden voor een pgb is voldaan"
    geen_pgb_plan = "Er is geen persoonlijk pgb-plan (art. 4:7 lid 1)"
    niet_betere_ondersteuning = "Het pgb-plan toont niet aan dat een pgb tot betere en effectievere ondersteuning leidt (art. 4:7 lid 1)"
    niet_doelmatiger = "Het pgb-plan toont niet aan dat een pgb doelmatiger is dan zorg in natura (art. 4:7 lid 1)"
    netwerk_binnen_gebruikelijke_hulp = (
        "Iemand uit het sociale netwerk wordt betaald voor zorg die de gebruikelijke hulp niet overstijgt (art. 4:7 lid 2)"
    )
    huishoudelijk_werk_door_verwant = (
        "Het pgb zou huishoudelijk werk door een aan- of bloedverwant belonen (art. 4:7 lid 3)"
    )
    betaling_tussenpersoon = "Uit het pgb zou een tussenpersoon of belangenbehartiger worden betaald (art. 4:7 lid 7 onder b)"
    niet_in_staat_tot_beheer = "De cliënt kan de taken van een pgb niet op verantwoorde wijze uitvoeren (art. 2.3.6 lid 2 onder a Wmo 2015)"
    geen_motivering = "De cliënt heeft niet gemotiveerd waarom hij een pgb wil (art. 2.3.6 lid 2 onder b Wmo 2015)"
    kwaliteit_niet_gewaarborgd = (
        "Niet gewaarborgd is dat de ondersteuning veilig, doeltreffend en cliëntgericht is (art. 2.3.6 lid 2 onder c Wmo 2015)"
    )


def _pgb(parameters, period):
    return wmo_beleid(parameters, period).pgb


def _bevinding(id_: str, bron: str, uitleg: str, soort: SoortBron = SoortBron.DISCRETIE, url: str | None = None):
    """A finding recorded by the consulent: registered so that the uitleg shows it with its source."""
    return regel(id=id_, bron=bron, soort=soort, uitleg=uitleg, url=url)


# ---------------------------------------------------------------- inputs: findings about the pgb-plan (4:7)

@_bevinding("pgb.bevinding.plan_ingediend", f"{VSD}, artikel 4:7, eerste lid",
            "Er is een persoonlijk pgb-plan ingediend: {resultaat}.")
class pgb_plan_ingediend(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Bevinding: de inwoner heeft een persoonlijk pgb-plan ingediend (art. 4:7 lid 1)"


@_bevinding("pgb.bevinding.betere_ondersteuning", f"{VSD}, artikel 4:7, eerste lid",
            "Het pgb-plan toont aan dat een pgb tot betere en effectievere ondersteuning leidt: {resultaat}.")
class pgb_plan_betere_ondersteuning(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Bevinding: het pgb-plan toont aan dat een pgb tot betere en effectievere ondersteuning leidt (art. 4:7 lid 1)"


@_bevinding("pgb.bevinding.doelmatiger", f"{VSD}, artikel 4:7, eerste lid",
            "Het pgb-plan toont aan dat een pgb doelmatiger is dan zorg in natura: {resultaat}.")
class pgb_plan_doelmatiger(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Bevinding: het pgb-plan toont aan dat een pgb doelmatiger is dan zorg in natura (art. 4:7 lid 1)"


@_bevinding("pgb.feit.sociaal_netwerk", f"{VSD}, artikel 4:7, tweede lid",
            "De hulp wordt gegeven door iemand uit het sociale netwerk: {resultaat}.")
class pgb_hulp_uit_sociaal_netwerk(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Feit: de hulp wordt gegeven door iemand uit het sociale netwerk (art. 4:7 lid 2)"


@_bevinding("pgb.bevinding.overstijgt_gebruikelijke_hulp", f"{VSD}, artikel 4:7, tweede lid",
            "De zorg overstijgt de gebruikelijke hulp: {resultaat}.")
class pgb_zorg_overstijgt_gebruikelijke_hulp(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Bevinding: de zorg door het sociale netwerk overstijgt de gebruikelijke hulp (art. 4:7 lid 2)"


@_bevinding("pgb.feit.huishoudelijk_werk_verwant", f"{VSD}, artikel 4:7, derde lid",
            "Het pgb zou huishoudelijk werk door een aan- of bloedverwant belonen: {resultaat}.")
class pgb_huishoudelijk_werk_door_verwant(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Feit: het pgb zou huishoudelijke werkzaamheden door een aan- of bloedverwant belonen (art. 4:7 lid 3)"


@_bevinding("pgb.feit.tussenpersoon", f"{VSD}, artikel 4:7, zevende lid, onder b",
            "Uit het pgb zou een tussenpersoon of belangenbehartiger worden betaald: {resultaat}.")
class pgb_betaling_aan_tussenpersoon(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Feit: uit het pgb zou een tussenpersoon of belangenbehartiger worden betaald (art. 4:7 lid 7 onder b)"


@_bevinding("pgb.bevinding.in_staat_tot_beheer", f"{WMO}, artikel 2.3.6, tweede lid, onder a",
            "De cliënt kan, zelf of met hulp, de taken van een pgb op verantwoorde wijze uitvoeren: {resultaat}.",
            url=URL_WMO)
class pgb_client_in_staat_tot_beheer(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Bevinding: de cliënt kan (zelf of met hulp) de aan een pgb verbonden taken verantwoord uitvoeren (art. 2.3.6 lid 2 onder a Wmo 2015)"


@_bevinding("pgb.bevinding.motivering", f"{WMO}, artikel 2.3.6, tweede lid, onder b",
            "De cliënt heeft gemotiveerd waarom hij de ondersteuning als pgb wil: {resultaat}.", url=URL_WMO)
class pgb_client_gemotiveerd(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Bevinding: de cliënt stelt zich gemotiveerd op het standpunt dat hij een pgb wil (art. 2.3.6 lid 2 onder b Wmo 2015)"


@_bevinding("pgb.bevinding.kwaliteit", f"{WMO}, artikel 2.3.6, tweede lid, onder c",
            "Het is gewaarborgd dat de ondersteuning veilig, doeltreffend en cliëntgericht is: {resultaat}.",
            url=URL_WMO)
class pgb_kwaliteit_gewaarborgd(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "Bevinding: gewaarborgd is dat de ondersteuning veilig, doeltreffend en cliëntgericht is (art. 2.3.6 lid 2 onder c Wmo 2015)"


# ---------------------------------------------------------------- inputs: what the pgb is for

class pgb_soort(Variable):
    value_type = Enum
    possible_values = PgbSoort
    default_value = PgbSoort.geen
    entity = Persoon
    definition_period = MONTH
    label = "Waarvoor het pgb is (soort van artikel 4:8)"


class wmo_natura_kostprijs(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Kostprijs van de goedkoopst passende maatwerkvoorziening in natura, in dezelfde eenheid als het pgb (0 = niet bekend)"
    documentation = (
        "Art. 4:7 lid 4 onder c en art. 4:9 lid 3: de kostprijs volgt uit de contracten met aanbieders (het tarief "
        "van het gekozen product, zaken/wmo_kostprijs.py; zonder product ingevuld door de consulent); voor "
        "huishoudelijke ondersteuning is dit het ZIN-tarief per periode van 4 weken (art. 4:8 lid 1 onder c)."
    )


class pgb_uren(Variable):
    value_type = float
    unit = "hour"
    entity = Persoon
    definition_period = MONTH
    label = "Aantal uren individuele begeleiding per maand"


class pgb_etmalen(Variable):
    value_type = float
    unit = "day"
    entity = Persoon
    definition_period = MONTH
    label = "Aantal etmalen kortdurend verblijf per maand"


class pgb_begrote_kosten(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Begrote kosten van wat met het pgb wordt betaald (per jaar voor vervoer, anders eenmalig of per maand)"


class pgb_maximum_niet_kostendekkend_aangetoond(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "De aanvrager heeft aangetoond dat het maximumbedrag niet kostendekkend is (art. 4:8 lid 3, 4 en 8: maatwerk)"


class datum_vorige_pgb_sportvoorziening(Variable):
    value_type = date
    entity = Persoon
    definition_period = ETERNITY
    label = "Datum van toekenning van het vorige pgb voor een sportvoorziening"
    documentation = "Niet ingevuld = 1970-01-01 = nooit eerder een pgb voor een sportvoorziening."


class woningsanering_vinyl_strekkende_meters(Variable):
    value_type = float
    unit = "meter"
    entity = Persoon
    definition_period = MONTH
    label = "Woningsanering: strekkende meters vinyl/zeil (rolbreedte 4 meter)"


class woningsanering_laminaat_m2(Variable):
    value_type = float
    unit = "m2"
    entity = Persoon
    definition_period = MONTH
    label = "Woningsanering: vierkante meters laminaat"


class woningsanering_gordijnen_meters(Variable):
    value_type = float
    unit = "meter"
    entity = Persoon
    definition_period = MONTH
    label = "Woningsanering: meters gordijnen"


class woningsanering_rolstoelvast_tapijt_m2(Variable):
    value_type = float
    unit = "m2"
    entity = Persoon
    definition_period = MONTH
    label = "Woningsanering: vierkante meters rolstoelvast tapijt"


# ---------------------------------------------------------------- conditions (4:7 and art. 2.3.6 Wmo 2015)

@regel(
    id="pgb.voorwaarde.pgb_plan",
    bron=f"{VSD}, artikel 4:7, eerste lid",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "U hebt een pgb-plan dat aantoont dat een pgb tot betere en effectievere ondersteuning leidt en "
        "doelmatiger is dan zorg in natura: {resultaat}."
    ),
)
class pgb_voorwaarde_pgb_plan(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Voorwaarde art. 4:7 lid 1: een pgb-plan dat betere, effectievere en doelmatiger ondersteuning aantoont"

    def formula(persoon, period, parameters):
        return (
            persoon("pgb_plan_ingediend", period)
            & persoon("pgb_plan_betere_ondersteuning", period)
            & persoon("pgb_plan_doelmatiger", period)
        )


@regel(
    id="pgb.voorwaarde.sociaal_netwerk",
    bron=f"{VSD}, artikel 4:7, tweede lid",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Als iemand uit uw sociale netwerk wordt betaald, gaat het om zorg die meer is dan gebruikelijke hulp: "
        "{resultaat}."
    ),
)
class pgb_voorwaarde_sociaal_netwerk(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Voorwaarde art. 4:7 lid 2: het sociale netwerk alleen voor zorg die de gebruikelijke hulp overstijgt"

    def formula(persoon, period, parameters):
        netwerk = persoon("pgb_hulp_uit_sociaal_netwerk", period)
        return ~netwerk | persoon("pgb_zorg_overstijgt_gebruikelijke_hulp", period)


@regel(
    id="pgb.voorwaarde.geen_huishoudelijk_werk_verwant",
    bron=f"{VSD}, artikel 4:7, derde lid",
    soort=SoortBron.VERORDENING,
    uitleg="Het pgb betaalt geen huishoudelijk werk door een familielid (aan- of bloedverwant): {resultaat}.",
)
class pgb_voorwaarde_geen_huishoudelijk_werk_verwant(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Voorwaarde art. 4:7 lid 3: geen beloning van huishoudelijk werk door aan- of bloedverwanten"

    def formula(persoon, period, parameters):
        return ~persoon("pgb_huishoudelijk_werk_door_verwant", period)


@regel(
    id="pgb.voorwaarde.geen_tussenpersoon",
    bron=f"{VSD}, artikel 4:7, zevende lid, onder b",
    soort=SoortBron.VERORDENING,
    uitleg="Het pgb betaalt geen tussenpersoon of belangenbehartiger: {resultaat}.",
)
class pgb_voorwaarde_geen_tussenpersoon(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Voorwaarde art. 4:7 lid 7 onder b: geen betaling van tussenpersonen of belangenbehartigers"

    def formula(persoon, period, parameters):
        return ~persoon("pgb_betaling_aan_tussenpersoon", period)


@regel(
    id="pgb.voorwaarde.wet",
    bron=f"{WMO}, artikel 2.3.6, tweede lid, onder a, b en c",
    soort=SoortBron.WET,
    uitleg=(
        "U kunt een pgb beheren, u hebt gemotiveerd waarom u een pgb wilt en de kwaliteit van de ondersteuning is "
        "gewaarborgd: {resultaat}."
    ),
    url=URL_WMO,
)
class pgb_voorwaarde_wet(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Voorwaarden art. 2.3.6 lid 2 Wmo 2015 (beheer, motivering, kwaliteit)"

    def formula(persoon, period, parameters):
        return (
            persoon("pgb_client_in_staat_tot_beheer", period)
            & persoon("pgb_client_gemotiveerd", period)
            & persoon("pgb_kwaliteit_gewaarborgd", period)
        )


@regel(
    id="pgb.reden_niet_toekenbaar",
    bron=f"{VSD}, artikel 4:7, met {WMO}, artikel 2.3.6, tweede lid",
    soort=SoortBron.VERORDENING,
    uitleg="Eerste voorwaarde voor een pgb waaraan niet is voldaan (geen = aan alle voorwaarden is voldaan): {resultaat}.",
)
class pgb_reden_niet_toekenbaar(Variable):
    value_type = Enum
    possible_values = PgbReden
    default_value = PgbReden.geen
    entity = Persoon
    definition_period = MONTH
    label = "De eerste voorwaarde voor een pgb waaraan niet is voldaan (geen = alle voorwaarden vervuld)"

    def formula(persoon, period, parameters):
        netwerk = persoon("pgb_voorwaarde_sociaal_netwerk", period)
        return np.select(
            [
                ~persoon("pgb_plan_ingediend", period),
                ~persoon("pgb_plan_betere_ondersteuning", period),
                ~persoon("pgb_plan_doelmatiger", period),
                ~netwerk,
                ~persoon("pgb_voorwaarde_geen_huishoudelijk_werk_verwant", period),
                ~persoon("pgb_voorwaarde_geen_tussenpersoon", period),
                ~persoon("pgb_client_in_staat_tot_beheer", period),
                ~persoon("pgb_client_gemotiveerd", period),
                ~persoon("pgb_kwaliteit_gewaarborgd", period),
            ],
            [
                PgbReden.geen_pgb_plan,
                PgbReden.niet_betere_ondersteuning,
                PgbReden.niet_doelmatiger,
                PgbReden.netwerk_binnen_gebruikelijke_hulp,
                PgbReden.huishoudelijk_werk_door_verwant,
                PgbReden.betaling_tussenpersoon,
                PgbReden.niet_in_staat_tot_beheer,
                PgbReden.geen_motivering,
                PgbReden.kwaliteit_niet_gewaarborgd,
            ],
            default=PgbReden.geen,
        )


@regel(
    id="pgb.toekenbaar",
    bron=f"{VSD}, artikel 4:7, met {WMO}, artikel 2.3.6, tweede lid",
    soort=SoortBron.VERORDENING,
    uitleg="Aan alle voorwaarden voor een persoonsgebonden budget is voldaan: {resultaat}.",
)
class pgb_toekenbaar(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Een pgb kan worden toegekend: alle voorwaarden van art. 4:7 en art. 2.3.6 lid 2 Wmo 2015 zijn vervuld"

    def formula(persoon, period, parameters):
        return (
            persoon("pgb_voorwaarde_pgb_plan", period)
            & persoon("pgb_voorwaarde_sociaal_netwerk", period)
            & persoon("pgb_voorwaarde_geen_huishoudelijk_werk_verwant", period)
            & persoon("pgb_voorwaarde_geen_tussenpersoon", period)
            & persoon("pgb_voorwaarde_wet", period)
        )


# ---------------------------------------------------------------- amounts (4:8)

@regel(
    id="pgb.bedrag.individuele_begeleiding",
    bron=f"{VSD}, artikel 4:8, eerste lid, onder a",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Individuele begeleiding door iemand die dit niet beroepsmatig doet: {pgb_uren} uur per maand tegen "
        "ten hoogste {individuele_begeleiding_informeel_per_uur} per uur is {resultaat} per maand."
    ),
)
class pgb_bedrag_individuele_begeleiding_informeel(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Pgb voor individuele begeleiding door een niet-professional, per maand (vóór de natura-grens)"

    def formula(persoon, period, parameters):
        return np.round(persoon("pgb_uren", period) * _pgb(parameters, period).individuele_begeleiding_informeel_per_uur, 2)


@regel(
    id="pgb.bedrag.kortdurend_verblijf",
    bron=f"{VSD}, artikel 4:8, eerste lid, onder b",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Kortdurend verblijf door iemand die dit niet beroepsmatig doet: {pgb_etmalen} etmalen per maand tegen "
        "ten hoogste {kortdurend_verblijf_informeel_per_etmaal} per etmaal is {resultaat} per maand."
    ),
)
class pgb_bedrag_kortdurend_verblijf_informeel(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Pgb voor kortdurend verblijf door een niet-professional, per maand (vóór de natura-grens)"

    def formula(persoon, period, parameters):
        return np.round(persoon("pgb_etmalen", period) * _pgb(parameters, period).kortdurend_verblijf_informeel_per_etmaal, 2)


@regel(
    id="pgb.bedrag.huishoudelijke_ondersteuning",
    bron=f"{VSD}, artikel 4:8, eerste lid, onder c",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Huishoudelijke ondersteuning door iemand die dit niet beroepsmatig doet: "
        "{huishoudelijke_ondersteuning_informeel_deel_zin_tarief} van het tarief in natura van "
        "{wmo_natura_kostprijs} per 4 weken is {resultaat} per 4 weken."
    ),
)
class pgb_bedrag_huishoudelijke_ondersteuning_informeel(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Pgb voor huishoudelijke ondersteuning door een niet-professional, per periode van 4 weken"

    def formula(persoon, period, parameters):
        deel = _pgb(parameters, period).huishoudelijke_ondersteuning_informeel_deel_zin_tarief
        return np.round(persoon("wmo_natura_kostprijs", period) * deel, 2)


@regel(
    id="pgb.sportvoorziening.buiten_termijn",
    bron=f"{VSD}, artikel 4:8, tweede lid (sportvoorziening, periode van 3 jaar)",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Het vorige pgb voor een sportvoorziening is minstens {sportvoorziening_periode_jaren} jaar voor deze "
        "toekenning gegeven, of u kreeg er nooit een: {resultaat}."
    ),
)
class pgb_sportvoorziening_buiten_termijn(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "De toekenning valt op of na de dag drie jaar na het vorige sport-pgb"

    def formula(persoon, period, parameters):
        jaren = _pgb(parameters, period).sportvoorziening_periode_jaren
        einde = datums.plus_jaren(persoon("datum_vorige_pgb_sportvoorziening", period), jaren)
        return einde <= persoon("pgb_datum_toekenning", period)


def _maximum_of_maatwerk(persoon, period, maximum):
    """4:8 lid 3, 4 and 8: the budgeted costs up to the maximum, "Tenzij de aanvrager kan aantonen dat dit bedrag
    niet kostendekkend is, in dat geval is sprake van maatwerk" (then the budgeted costs)."""
    kosten = persoon("pgb_begrote_kosten", period)
    maatwerk = persoon("pgb_maximum_niet_kostendekkend_aangetoond", period)
    return np.where(maatwerk, kosten, np.minimum(kosten, maximum))


@regel(
    id="pgb.bedrag.sportvoorziening",
    bron=f"{VSD}, artikel 4:8, tweede lid (laatste alinea)",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Sportvoorziening: de begrote kosten van {pgb_begrote_kosten}, ten hoogste {sportvoorziening_maximum} "
        "voor {sportvoorziening_periode_jaren} jaar, en alleen buiten de termijn van het vorige sport-pgb: {resultaat}."
    ),
)
class pgb_bedrag_sportvoorziening(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Pgb voor een sportrolstoel of andere sportvoorziening, eenmalig voor drie jaar"

    def formula(persoon, period, parameters):
        p = _pgb(parameters, period)
        bedrag = np.minimum(persoon("pgb_begrote_kosten", period), p.sportvoorziening_maximum)
        _ = p.sportvoorziening_periode_jaren  # named in the uitleg sentence
        return np.where(persoon("pgb_sportvoorziening_buiten_termijn", period), bedrag, 0.0)


@regel(
    id="pgb.bedrag.verhuizing",
    bron=f"{VSD}, artikel 4:8, derde lid",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Verhuizing: de begrote kosten van {pgb_begrote_kosten}, ten hoogste {verhuizing_maximum} tenzij u hebt "
        "aangetoond dat dit niet kostendekkend is ({pgb_maximum_niet_kostendekkend_aangetoond}): {resultaat}."
    ),
)
class pgb_bedrag_verhuizing(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Pgb voor een verhuizing, eenmalig"

    def formula(persoon, period, parameters):
        return _maximum_of_maatwerk(persoon, period, _pgb(parameters, period).verhuizing_maximum)


@regel(
    id="pgb.bedrag.toegankelijk_maken_woning",
    bron=f"{VSD}, artikel 4:8, vierde lid",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Toegankelijk maken van de woning: de begrote kosten van {pgb_begrote_kosten}, ten hoogste "
        "{toegankelijk_maken_woning_maximum} tenzij u hebt aangetoond dat dit niet kostendekkend is "
        "({pgb_maximum_niet_kostendekkend_aangetoond}): {resultaat}."
    ),
)
class pgb_bedrag_toegankelijk_maken_woning(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Pgb voor het toegankelijk maken van de woning, eenmalig"

    def formula(persoon, period, parameters):
        return _maximum_of_maatwerk(persoon, period, _pgb(parameters, period).toegankelijk_maken_woning_maximum)


@regel(
    id="pgb.bedrag.woningsanering",
    bron=f"{VSD}, artikel 4:8, zesde lid (door het wijzigingsdocument geschrapt, maar nog in de vastgestelde tekst)",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Woningsanering: ten hoogste {vinyl_per_strekkende_meter} per strekkende meter vinyl, "
        "{laminaat_per_m2} per m² laminaat, {gordijnen_per_meter} per meter gordijn en "
        "{rolstoelvast_tapijt_per_m2} per m² rolstoelvast tapijt, en niet meer dan de begrote kosten "
        "({pgb_begrote_kosten}): {resultaat}."
    ),
)
class pgb_bedrag_woningsanering(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Pgb voor woningsanering, eenmalig: richtlijnbedragen per eenheid, ten hoogste de begrote kosten"

    def formula(persoon, period, parameters):
        p = _pgb(parameters, period).woningsanering
        richtlijn = (
            persoon("woningsanering_vinyl_strekkende_meters", period) * p.vinyl_per_strekkende_meter
            + persoon("woningsanering_laminaat_m2", period) * p.laminaat_per_m2
            + persoon("woningsanering_gordijnen_meters", period) * p.gordijnen_per_meter
            + persoon("woningsanering_rolstoelvast_tapijt_m2", period) * p.rolstoelvast_tapijt_per_m2
        )
        return np.round(np.minimum(persoon("pgb_begrote_kosten", period), richtlijn), 2)


@regel(
    id="pgb.bedrag.taxi",
    bron=f"{VSD}, artikel 4:8, achtste lid, onder a",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Taxikostenvergoeding: de begrote kosten van {pgb_begrote_kosten} per jaar, ten hoogste {taxi_per_jaar} "
        "tenzij u hebt aangetoond dat dit niet kostendekkend is: {resultaat} per jaar."
    ),
)
class pgb_bedrag_taxi(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Pgb taxikostenvergoeding per jaar"

    def formula(persoon, period, parameters):
        return _maximum_of_maatwerk(persoon, period, _pgb(parameters, period).vervoer.taxi_per_jaar)


@regel(
    id="pgb.bedrag.rolstoeltaxi",
    bron=f"{VSD}, artikel 4:8, achtste lid, onder b",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Rolstoeltaxikostenvergoeding: de begrote kosten van {pgb_begrote_kosten} per jaar, ten hoogste "
        "{rolstoeltaxi_per_jaar} tenzij u hebt aangetoond dat dit niet kostendekkend is: {resultaat} per jaar."
    ),
)
class pgb_bedrag_rolstoeltaxi(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Pgb rolstoeltaxikostenvergoeding per jaar"

    def formula(persoon, period, parameters):
        return _maximum_of_maatwerk(persoon, period, _pgb(parameters, period).vervoer.rolstoeltaxi_per_jaar)


_PER_SOORT = {
    PgbSoort.individuele_begeleiding_informeel: ("pgb_bedrag_individuele_begeleiding_informeel", PgbEenheid.per_maand),
    PgbSoort.kortdurend_verblijf_informeel: ("pgb_bedrag_kortdurend_verblijf_informeel", PgbEenheid.per_maand),
    PgbSoort.huishoudelijke_ondersteuning_informeel: (
        "pgb_bedrag_huishoudelijke_ondersteuning_informeel", PgbEenheid.per_periode_van_4_weken,
    ),
    PgbSoort.professionele_hulp: ("pgb_begrote_kosten", PgbEenheid.per_maand),
    PgbSoort.hulpmiddel: ("wmo_natura_kostprijs", PgbEenheid.eenmalig),
    PgbSoort.sportvoorziening: ("pgb_bedrag_sportvoorziening", PgbEenheid.eenmalig),
    PgbSoort.verhuizing: ("pgb_bedrag_verhuizing", PgbEenheid.eenmalig),
    PgbSoort.toegankelijk_maken_woning: ("pgb_bedrag_toegankelijk_maken_woning", PgbEenheid.eenmalig),
    PgbSoort.woningsanering: ("pgb_bedrag_woningsanering", PgbEenheid.eenmalig),
    PgbSoort.taxi: ("pgb_bedrag_taxi", PgbEenheid.per_jaar),
    PgbSoort.rolstoeltaxi: ("pgb_bedrag_rolstoeltaxi", PgbEenheid.per_jaar),
}


@regel(
    id="pgb.eenheid",
    bron=f"{VSD}, artikel 4:8",
    soort=SoortBron.VERORDENING,
    uitleg="Het pgb-bedrag geldt {resultaat}.",
)
class pgb_bedrag_eenheid(Variable):
    value_type = Enum
    possible_values = PgbEenheid
    default_value = PgbEenheid.eenmalig
    entity = Persoon
    definition_period = MONTH
    label = "Eenheid van het pgb-bedrag (per maand, per 4 weken, per jaar of eenmalig)"

    def formula(persoon, period, parameters):
        soort = persoon("pgb_soort", period)
        return np.select(
            [soort == s for s in _PER_SOORT], [eenheid for _, eenheid in _PER_SOORT.values()],
            default=PgbEenheid.eenmalig,
        )


@regel(
    id="pgb.bedrag_volgens_4_8",
    bron=f"{VSD}, artikel 4:8 (bij een beroepskracht en een hulpmiddel: artikel 4:7, vierde en vijfde lid)",
    soort=SoortBron.VERORDENING,
    uitleg="Het bedrag voor deze soort pgb ({pgb_soort}) volgens artikel 4:8 is {resultaat}.",
)
class pgb_bedrag_volgens_4_8(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Pgb-bedrag voor de gekozen soort volgens art. 4:8, vóór de grens van de kostprijs in natura"

    def formula(persoon, period, parameters):
        soort = persoon("pgb_soort", period)
        # Only the amount of the chosen kind is computed (and shown in the uitleg), per person.
        bedrag = np.zeros(persoon.count)
        for s, (variabele, _) in _PER_SOORT.items():
            kies = soort == s
            if kies.any():
                bedrag = np.where(kies, persoon(variabele, period), bedrag)
        return bedrag


@regel(
    id="pgb.natura_grens",
    bron=f"{VSD}, artikel 4:7, vierde lid, onder c (en negende lid, onder d)",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Een pgb is nooit hoger dan de kostprijs van de goedkoopst passende voorziening in natura "
        "({wmo_natura_kostprijs}; € 0,00 = niet bekend, dan geen grens): {resultaat}."
    ),
)
class pgb_bedrag_berekend(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Pgb-bedrag volgens art. 4:8, begrensd op de kostprijs in natura (art. 4:7 lid 4 onder c)"

    def formula(persoon, period, parameters):
        bedrag = persoon("pgb_bedrag_volgens_4_8", period)
        natura = persoon("wmo_natura_kostprijs", period)
        # Huishoudelijke ondersteuning is already a share of the natura tariff; for the other kinds the cost
        # price of natura is the ceiling when it is known (> 0). Unknown stays visible in the uitleg.
        return np.round(np.where(natura > 0, np.minimum(bedrag, natura), bedrag), 2)


@regel(
    id="pgb.bedrag",
    bron=f"{VSD}, artikelen 4:7 en 4:8",
    soort=SoortBron.VERORDENING,
    uitleg="Het persoonsgebonden budget is {resultaat} ({pgb_bedrag_eenheid}); nul als niet aan de voorwaarden is voldaan.",
)
class pgb_bedrag(Variable):
    value_type = float
    entity = Persoon
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Persoonsgebonden budget (in de eenheid van pgb_bedrag_eenheid); 0 als niet toekenbaar"

    def formula(persoon, period, parameters):
        persoon("pgb_bedrag_eenheid", period)  # traced, so the uitleg names the unit
        return np.where(persoon("pgb_toekenbaar", period), persoon("pgb_bedrag_berekend", period), 0.0)


# ---------------------------------------------------------------- spending term (4:7 lid 8)

class pgb_toekenningsdatum(Variable):
    value_type = date
    entity = Persoon
    definition_period = MONTH
    label = "Datum van toekenning van het pgb (niet ingevuld: de eerste dag van de maand)"
    documentation = "Niet ingevuld = de standaarddatum 1970-01-01; de regels lezen dat als de eerste dag van de maand."


@regel(
    id="pgb.datum_toekenning",
    bron=f"{VSD}, artikel 4:7, achtste lid",
    soort=SoortBron.DISCRETIE,
    uitleg="Het pgb is toegekend op {resultaat} (niet ingevuld: de eerste dag van de maand).",
)
class pgb_datum_toekenning(Variable):
    value_type = date
    entity = Persoon
    definition_period = MONTH
    label = "Toekenningsdatum van het pgb zoals de regels die gebruiken (niet ingevuld: de eerste dag van de maand)"

    def formula(persoon, period, parameters):
        return niet_ingevuld_is_begin_maand(persoon("pgb_toekenningsdatum", period), period)


@regel(
    id="pgb.bestedingstermijn",
    bron=f"{VSD}, artikel 4:7, achtste lid",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "U moet het pgb binnen {bestedingstermijn_maanden} maanden na toekenning ({pgb_datum_toekenning}) "
        "gebruiken voor het doel waarvoor het is gegeven: uiterlijk op {resultaat}."
    ),
)
class pgb_uiterste_bestedingsdatum(Variable):
    value_type = date
    entity = Persoon
    definition_period = MONTH
    label = "Laatste dag waarop het pgb moet zijn aangewend (art. 4:7 lid 8: binnen drie maanden na toekenning)"

    def formula(persoon, period, parameters):
        maanden = _pgb(parameters, period).bestedingstermijn_maanden
        return datums.plus_maanden(persoon("pgb_datum_toekenning", period), maanden)
