"""Afstemming (verlaging) van de uitkering: Verordening Sociaal Domein Lansingerland 2018, artikelen 7:11-7:28.

The ordinance fills in artikel 18, tweede lid, Participatiewet ("Het college stemt de bijstand en de daaraan
verbonden verplichtingen af op de omstandigheden, mogelijkheden en middelen van de belanghebbende") and artikel 8,
eerste lid, onderdeel a (the raad sets rules on verlaging by ordinance). One gedraging per huishouden per
computation: several gedragingen (art. 7:26 lid 2 and 4) are several computations, one besluit each.

The steps, in the order a consulent takes them and each a variable below:

1. What was done (art. 7:18, 7:19, 7:21, 7:23, 7:24, 7:25): the gedraging gives a standard percentage of the
   bijstandsnorm for one month; one gedraging that breaches two obligations takes the higher one (7:26 lid 1).
2. Whether a verlaging is imposed at all: no verlaging when verwijtbaarheid is wholly absent or the gedraging was
   more than one year before the college found it (7:15 lid 1), or when a bestuurlijke boete is imposed for the
   same gedraging (7:26 lid 3), or when the IOAW/IOAZ benefit is refused for it (7:28); the college may refrain
   for dringende redenen (7:15 lid 2) and then tells the belanghebbende in writing (7:15 lid 3). The
   belanghebbende is heard first unless one of the grounds of 7:14 lid 2 applies.
3. How much and how long: recidive doubles the duration each time within 24 months of the previous besluit's
   bekendmaking (7:27 lid 1); a second breach of art. 18 lid 4 Pw within twelve months gives 100 % for two months
   (7:27 lid 2). The consulent may deviate from the standard with a reason (art. 18 lid 2 Pw: "afgestemd op de
   ernst van de gedraging en de mate van verwijtbaarheid"; the besluit states the reason, 7:13 onder d).
4. Over what and from when: the bijstandsnorm valid at the bekendmaking (7:16 lid 1, 7:17 lid 1), from the
   calendar month after the bekendmaking (7:16 lid 1), or retroactively over the month of the gedraging (7:16
   lid 2); a verlaging of art. 7:21 is spread over that month and the next two (7:22), except for art. 18 lid 4
   onder a Pw (7:22 lid 2).

Percentages are fractions (0.30 = 30 %). Dates left empty are read as "not known" (1970-01-01, see lege_datum).
"""

from __future__ import annotations

from datetime import date

import numpy as np
from openfisca_core.errors import ParameterNotFoundError
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from maatwerk.regels import datums
from maatwerk.regels.entities import Huishouden
from maatwerk.regels.invoer import InvoerFout
from maatwerk.regels.lege_datum import NIET_INGEVULD
from maatwerk.regels.regel import regel

VSD = "Verordening Sociaal Domein Lansingerland 2018"


class Gedraging(Enum):
    """The gedragingen of the ordinance, one value per onderdeel (the label is what a person reads)."""

    geen = "Geen gedraging"
    # Artikel 7:18 (Participatiewet)
    pw_registratie_uwv = "Niet tijdig laten registreren of verlengen als werkzoekende bij UWV (artikel 7:18, onder a, 1)"
    pw_jongere_zoektermijn = "Jonger dan 27: verplichtingen onvoldoende nagekomen in de vier weken na de melding (artikel 7:18, onder b, 1)"
    pw_niet_naar_vermogen_arbeid = "Niet naar vermogen proberen algemeen geaccepteerde arbeid te verkrijgen (artikel 7:18, onder c, 1)"
    pw_ontheffing_alleenstaande_ouder = "Ontheffing arbeidsplicht alleenstaande ouder ingetrokken door houding en gedrag (artikel 7:18, onder c, 2)"
    pw_tegenprestatie = "Tegenprestatie niet of onvoldoende verricht (artikel 7:18, onder c, 3)"
    pw_plan_van_aanpak = "Niet of onvoldoende meewerken aan het plan van aanpak (artikel 7:18, onder c, 4)"
    pw_voorziening_arbeidsmarkt = "Niet of onvoldoende meewerken aan een voorziening naar de arbeidsmarkt (artikel 7:18, onder c, 5)"
    # Artikel 7:19 (IOAW en IOAZ)
    io_registratie_uwv = "IOAW/IOAZ: niet tijdig laten registreren of verlengen bij UWV (artikel 7:19, onder a, 1)"
    io_onderzoek_arbeidsinschakeling = "IOAW/IOAZ: niet meewerken aan onderzoek naar arbeidsinschakeling (artikel 7:19, onder b, 1)"
    io_voorziening_zonder_gevolg = "IOAW/IOAZ: voorziening onvoldoende gebruikt, zonder afbreken ervan (artikel 7:19, onder b, 2)"
    io_oproep = "IOAW/IOAZ: niet (tijdig) verschenen op een oproep (artikel 7:19, onder b, 3)"
    io_tegenprestatie = "IOAW/IOAZ: tegenprestatie niet of onvoldoende verricht (artikel 7:19, onder c, 1)"
    io_ontheffing_alleenstaande_ouder = "IOAW/IOAZ: ontheffing alleenstaande ouder ingetrokken (artikel 7:19, onder c, 2)"
    io_belemmeren_arbeidsinschakeling = "IOAW/IOAZ: gedragingen die de arbeidsinschakeling belemmeren (artikel 7:19, onder c, 3)"
    io_voorziening_arbeidsmarkt = "IOAW/IOAZ: niet meewerken aan een voorziening naar de arbeidsmarkt (artikel 7:19, onder c, 4)"
    io_niet_naar_vermogen_arbeid = "IOAW/IOAZ: niet naar vermogen proberen arbeid te verkrijgen (artikel 7:19, onder d, 1)"
    io_arbeid_niet_aanvaard = "IOAW/IOAZ: algemeen geaccepteerde arbeid niet aanvaard (artikel 7:19, onder d, 2)"
    io_arbeid_niet_behouden = "IOAW/IOAZ: arbeid door eigen toedoen niet behouden (artikel 7:19, onder d, 3)"
    io_voorziening_afgebroken = "IOAW/IOAZ: voorziening niet gebruikt, waardoor die niet doorging of voortijdig eindigde (artikel 7:19, onder d, 4)"
    # Artikel 7:21 en 7:22 (geüniformeerde verplichtingen, artikel 18, vierde lid, Participatiewet)
    art_18_lid_4_onder_a = "Geüniformeerde arbeidsverplichting geschonden: artikel 18, vierde lid, onder a, Participatiewet (artikel 7:21)"
    art_18_lid_4_overig = "Geüniformeerde arbeidsverplichting geschonden: artikel 18, vierde lid, onder b tot en met i, Participatiewet (artikel 7:21)"
    # Artikel 7:23
    tekortschietend_besef = "Tekortschietend besef van verantwoordelijkheid voor de voorziening in het bestaan (artikel 7:23)"
    # Artikel 7:24
    verbaal_geweld = "Zeer ernstige misdraging: verbaal geweld (artikel 7:24, onder a)"
    geweld_tegen_zaken_of_bedreiging = "Zeer ernstige misdraging: fysiek geweld tegen zaken of bedreiging (artikel 7:24, onder b)"
    fysiek_geweld_tegen_personen = "Zeer ernstige misdraging: fysiek geweld tegen personen (artikel 7:24, onder c)"
    # Artikel 7:25 (verplichtingen van artikel 55 Participatiewet)
    art_55_arbeidsinschakeling = "Verplichting gericht op arbeidsinschakeling niet nagekomen (artikel 7:25, onder a)"
    art_55_aard_en_doel = "Verplichting over aard en doel van de bijstand niet nagekomen (artikel 7:25, onder b)"
    art_55_vermindering = "Verplichting gericht op vermindering van de bijstand niet nagekomen (artikel 7:25, onder c)"
    art_55_beeindiging = "Verplichting gericht op beëindiging van de bijstand niet nagekomen (artikel 7:25, onder d)"


# Gedraging -> (artikel of the ordinance, parameter under gemeente.afstemming). 7:23 depends on the
# benadelingsbedrag and is resolved in `_standaardpercentage`.
GEDRAGINGEN: dict[str, tuple[str, str | None]] = {
    "geen": ("", None),
    "pw_registratie_uwv": ("artikel 7:18, onder a, met artikel 7:20, onder a", "art_7_20.eerste_categorie"),
    "pw_jongere_zoektermijn": ("artikel 7:18, onder b, met artikel 7:20, onder b", "art_7_20.tweede_categorie"),
    "pw_niet_naar_vermogen_arbeid": ("artikel 7:18, onder c, met artikel 7:20, onder c", "art_7_20.derde_categorie"),
    "pw_ontheffing_alleenstaande_ouder": ("artikel 7:18, onder c, met artikel 7:20, onder c", "art_7_20.derde_categorie"),
    "pw_tegenprestatie": ("artikel 7:18, onder c, met artikel 7:20, onder c", "art_7_20.derde_categorie"),
    "pw_plan_van_aanpak": ("artikel 7:18, onder c, met artikel 7:20, onder c", "art_7_20.derde_categorie"),
    "pw_voorziening_arbeidsmarkt": ("artikel 7:18, onder c, met artikel 7:20, onder c", "art_7_20.derde_categorie"),
    "io_registratie_uwv": ("artikel 7:19, onder a, met artikel 7:20, onder a", "art_7_20.eerste_categorie"),
    "io_onderzoek_arbeidsinschakeling": ("artikel 7:19, onder b, met artikel 7:20, onder b", "art_7_20.tweede_categorie"),
    "io_voorziening_zonder_gevolg": ("artikel 7:19, onder b, met artikel 7:20, onder b", "art_7_20.tweede_categorie"),
    "io_oproep": ("artikel 7:19, onder b, met artikel 7:20, onder b", "art_7_20.tweede_categorie"),
    "io_tegenprestatie": ("artikel 7:19, onder c, met artikel 7:20, onder c", "art_7_20.derde_categorie"),
    "io_ontheffing_alleenstaande_ouder": ("artikel 7:19, onder c, met artikel 7:20, onder c", "art_7_20.derde_categorie"),
    "io_belemmeren_arbeidsinschakeling": ("artikel 7:19, onder c, met artikel 7:20, onder c", "art_7_20.derde_categorie"),
    "io_voorziening_arbeidsmarkt": ("artikel 7:19, onder c, met artikel 7:20, onder c", "art_7_20.derde_categorie"),
    "io_niet_naar_vermogen_arbeid": ("artikel 7:19, onder d, met artikel 7:20, onder d", "art_7_20.vierde_categorie"),
    "io_arbeid_niet_aanvaard": ("artikel 7:19, onder d, met artikel 7:20, onder d", "art_7_20.vierde_categorie"),
    "io_arbeid_niet_behouden": ("artikel 7:19, onder d, met artikel 7:20, onder d", "art_7_20.vierde_categorie"),
    "io_voorziening_afgebroken": ("artikel 7:19, onder d, met artikel 7:20, onder d", "art_7_20.vierde_categorie"),
    "art_18_lid_4_onder_a": ("artikel 7:21 (artikel 18, vierde lid, onder a, Participatiewet)", "art_7_21.percentage"),
    "art_18_lid_4_overig": ("artikel 7:21 en 7:22 (artikel 18, vierde lid, Participatiewet)", "art_7_21.percentage"),
    "tekortschietend_besef": ("artikel 7:23, tweede lid", None),
    "verbaal_geweld": ("artikel 7:24, onder a", "art_7_24.verbaal_geweld"),
    "geweld_tegen_zaken_of_bedreiging": ("artikel 7:24, onder b", "art_7_24.geweld_tegen_zaken_of_bedreiging"),
    "fysiek_geweld_tegen_personen": ("artikel 7:24, onder c", "art_7_24.fysiek_geweld_tegen_personen"),
    "art_55_arbeidsinschakeling": ("artikel 7:25, onder a", "art_7_25.arbeidsinschakeling"),
    "art_55_aard_en_doel": ("artikel 7:25, onder b", "art_7_25.aard_en_doel_bijstand"),
    "art_55_vermindering": ("artikel 7:25, onder c", "art_7_25.vermindering_bijstand"),
    "art_55_beeindiging": ("artikel 7:25, onder d", "art_7_25.beeindiging_bijstand"),
}
assert list(GEDRAGINGEN) == [g.name for g in Gedraging], "every gedraging needs its article and parameter"

_ART_18_LID_4 = ("art_18_lid_4_onder_a", "art_18_lid_4_overig")
# Art. 7:27 lid 1 counts a previous verlaging "vanwege een gedraging als bedoeld in de artikelen 7:18, 7:19, 7:23,
# 7:24 of 7:25": every gedraging except geen and art. 18 lid 4 (which has its own rule in lid 2).
_RECIDIVE_LID_1 = tuple(n for n in GEDRAGINGEN if n != "geen" and n not in _ART_18_LID_4)


class Verwijtbaarheid(Enum):
    niet_vastgesteld = "Nog niet vastgesteld"
    verwijtbaar = "Verwijtbaar"
    verminderd_verwijtbaar = "Verminderd verwijtbaar"
    geen_verwijtbaarheid = "Elke vorm van verwijtbaarheid ontbreekt"


class Horen(Enum):
    """Art. 7:14: the belanghebbende is heard before a verlaging, unless one of the grounds of lid 2 applies."""

    niet_vastgesteld = "Nog niet gehoord"
    gehoord = "Gehoord: in de gelegenheid gesteld zijn zienswijze te geven"
    achterwege_spoed = "Niet gehoord: de vereiste spoed verzet zich ertegen (artikel 7:14, tweede lid, onder a)"
    achterwege_eerder_gehoord = "Niet gehoord: eerder gehoord, geen nieuwe feiten (artikel 7:14, tweede lid, onder b)"
    achterwege_niet_nodig = "Niet gehoord: niet nodig voor ernst en verwijtbaarheid (artikel 7:14, tweede lid, onder c)"
    achterwege_afgezien = "Niet gehoord: belanghebbende ziet ervan af (artikel 7:14, tweede lid, onder d)"


class Grondslag(Enum):
    """Art. 7:17: over what the verlaging is computed."""

    bijstandsnorm = "De bijstandsnorm (artikel 7:17, eerste lid)"
    norm_met_artikel_12 = "De bijstandsnorm met de bijzondere bijstand op grond van artikel 12 Pw (artikel 7:17, tweede lid, onder a)"
    bijzondere_bijstand = "De verleende bijzondere bijstand (artikel 7:17, tweede lid, onder b)"


class RedenGeenVerlaging(Enum):
    geen = "Er wordt een verlaging opgelegd"
    geen_gedraging = "Er is geen gedraging vastgesteld"
    verwijtbaarheid_niet_vastgesteld = "De verwijtbaarheid is nog niet vastgesteld"
    niet_gehoord = "De belanghebbende is nog niet gehoord (artikel 7:14)"
    geen_verwijtbaarheid = "Elke vorm van verwijtbaarheid ontbreekt (artikel 7:15, eerste lid, onder a)"
    ouder_dan_een_jaar = "De gedraging was meer dan één jaar voor de constatering (artikel 7:15, eerste lid, onder b)"
    bestuurlijke_boete = "Voor de gedraging wordt een bestuurlijke boete opgelegd (artikel 7:26, derde lid)"
    weigering_ioaw_ioaz = "De IOAW- of IOAZ-uitkering wordt om dezelfde gedraging geweigerd (artikel 7:28)"
    dringende_redenen = "Het college ziet af van de verlaging om dringende redenen (artikel 7:15, tweede lid)"


# ---------------------------------------------------------------- inputs: the facts of one gedraging


class afstemming_gedraging(Variable):
    value_type = Enum
    possible_values = Gedraging
    default_value = Gedraging.geen
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "De vastgestelde gedraging (artikelen 7:18-7:25)"


class afstemming_gedraging_tevens(Variable):
    value_type = Enum
    possible_values = Gedraging
    default_value = Gedraging.geen
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "Dezelfde gedraging schendt ook deze verplichting (artikel 7:26, eerste lid)"


class afstemming_verwijtbaarheid(Variable):
    value_type = Enum
    possible_values = Verwijtbaarheid
    default_value = Verwijtbaarheid.niet_vastgesteld
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "De vastgestelde mate van verwijtbaarheid"
    documentation = "Vaststelling door de consulent (artikel 18, tweede lid, Participatiewet; artikel 7:15, eerste lid, onder a)."


class afstemming_horen(Variable):
    value_type = Enum
    possible_values = Horen
    default_value = Horen.niet_vastgesteld
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "Het horen van de belanghebbende (artikel 7:14)"


class afstemming_grondslag_keuze(Variable):
    value_type = Enum
    possible_values = Grondslag
    default_value = Grondslag.bijstandsnorm
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "Waarover de verlaging wordt berekend (artikel 7:17)"


class benadelingsbedrag(Variable):
    value_type = float
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    unit = "currency-EUR"
    label = "Benadelingsbedrag: netto-uitkering waarop eerder, langer of hoger een beroep is gedaan (artikel 7:11, onder a)"


class benadelingsbedrag_niet_vast_te_stellen(Variable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "Het benadelingsbedrag is niet vast te stellen (artikel 7:23, tweede lid, onder a)"


class afstemming_verleende_bijzondere_bijstand(Variable):
    value_type = float
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    unit = "currency-EUR"
    label = "Verleende bijzondere bijstand per maand, als grondslag volgens artikel 7:17, tweede lid"


class datum_gedraging(Variable):
    value_type = date
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "Datum waarop de gedraging plaatsvond"


class datum_constatering_gedraging(Variable):
    value_type = date
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "Datum waarop het college de gedraging constateerde"


class datum_bekendmaking_verlaging(Variable):
    value_type = date
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "Datum van bekendmaking van het besluit tot verlaging"


class afstemming_terugwerkende_kracht(Variable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "Verlaging met terugwerkende kracht: de uitkering is beëindigd of ingetrokken, of nog niet uitbetaald (artikel 7:16, tweede lid)"


class afstemming_dringende_redenen(Variable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "Het college acht dringende redenen aanwezig om af te zien van de verlaging (artikel 7:15, tweede lid)"


class afstemming_bestuurlijke_boete(Variable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "Voor dezelfde gedraging wordt een bestuurlijke boete opgelegd (artikel 7:26, derde lid)"


class afstemming_weigering_ioaw_ioaz(Variable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "De IOAW- of IOAZ-uitkering wordt om dezelfde gedraging blijvend of tijdelijk geweigerd (artikel 7:28)"


class afstemming_afwijken(Variable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "De consulent wijkt met een reden af van de standaardverlaging (artikel 7:13, onder d)"


class afstemming_afwijkend_percentage(Variable):
    value_type = float
    default_value = 0.0
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    unit = "/1"
    label = "Het percentage bij afwijking van de standaard, als fractie (0,2 = 20 %)"


class vorige_afstemming_gedraging(Variable):
    value_type = Enum
    possible_values = Gedraging
    default_value = Gedraging.geen
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "De gedraging van het vorige besluit tot verlaging (artikel 7:27)"


class datum_bekendmaking_vorige_verlaging(Variable):
    value_type = date
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "Datum van bekendmaking van het vorige besluit tot verlaging (artikel 7:27)"


class vorige_afstemming_percentage(Variable):
    value_type = float
    default_value = 0.0
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    unit = "/1"
    label = "Het standaardpercentage van de vorige verlaging, als fractie (de categorie, artikel 7:27, eerste lid)"


class vorige_afstemming_duur_maanden(Variable):
    value_type = int
    default_value = 0
    entity = Huishouden
    definition_period = DateUnit.ETERNITY
    label = "De duur van de vorige verlaging in maanden (artikel 7:27, eerste lid: telkens verdubbeld)"


# ---------------------------------------------------------------- helpers

GEEN_AFSTEMMING = (
    "voor deze gemeente of maand zijn geen regels voor verlaging vastgelegd (hoofdstuk 7, onderdeel 3, van de "
    "Verordening Sociaal Domein Lansingerland 2018, vanaf 1 januari 2018)."
)


def _p(parameters, period):
    """The ordinance's afstemming parameters, or a Dutch refusal when the municipality or month has none."""
    try:
        afs = parameters(period).gemeente.afstemming
        float(afs.standaardduur.maanden)  # a month before the ordinance has the node but no values
    except (ParameterNotFoundError, AttributeError):
        raise InvoerFout("gemeente", GEEN_AFSTEMMING) from None
    return afs


def _is(waarden, *namen) -> np.ndarray:
    uit = np.zeros(len(waarden), dtype=bool)
    for naam in namen:
        uit |= waarden == Gedraging[naam]
    return uit


def _percentage_per_gedraging(gedraging, afs, benadeling, niet_vast) -> np.ndarray:
    """Standard percentage of one gedraging: the table above, 7:23 by the benadelingsbedrag."""
    uit = np.zeros(len(gedraging))
    for naam, (_artikel, pad) in GEDRAGINGEN.items():
        if pad is None:
            continue
        node = afs
        for deel in pad.split("."):
            node = getattr(node, deel)
        uit = np.where(gedraging == Gedraging[naam], float(node), uit)
    b = afs.art_7_23
    # Art. 7:23 lid 2: "tot € 2.000,-" 30 %, "vanaf € 2.000,- tot € 4.000,-" 50 %, "€ 4.000,- of hoger" 100 %.
    besef = np.select(
        [niet_vast, benadeling < b.ondergrens, benadeling < b.bovengrens],
        [b.percentage_niet_vast_te_stellen, b.percentage_tot_ondergrens, b.percentage_tot_bovengrens],
        b.percentage_vanaf_bovengrens,
    )
    return np.where(gedraging == Gedraging.tekortschietend_besef, besef, uit)


def _datum(waarde) -> np.ndarray:
    return datums.als_datum(waarde)


def _ingevuld(d) -> np.ndarray:
    return _datum(d) != NIET_INGEVULD


# ---------------------------------------------------------------- step 1: the standard verlaging

@regel(
    id="afstemming.standaardpercentage",
    bron=f"{VSD}, artikelen 7:18 tot en met 7:25, met artikel 7:26, eerste lid (de hoogste bij één gedraging)",
    soort="verordening",
    uitleg="Voor deze gedraging noemt de verordening een verlaging van {resultaat} van de bijstandsnorm.",
)
class afstemming_standaardpercentage(Variable):
    value_type = float
    entity = Huishouden
    definition_period = DateUnit.MONTH
    unit = "/1"
    label = "Standaardverlaging als deel van de bijstandsnorm (artikelen 7:20, 7:21, 7:23, 7:24, 7:25)"

    def formula(huishouden, period, parameters):
        afs = _p(parameters, period)
        benadeling = huishouden("benadelingsbedrag", period)
        niet_vast = huishouden("benadelingsbedrag_niet_vast_te_stellen", period)
        een = _percentage_per_gedraging(huishouden("afstemming_gedraging", period), afs, benadeling, niet_vast)
        # Art. 7:26 lid 1: "één gedraging die schending oplevert van meerdere ... verplichtingen": one verlaging,
        # "uitgegaan van de gedraging waarop de hoogste verlaging is gesteld".
        tevens = _percentage_per_gedraging(huishouden("afstemming_gedraging_tevens", period), afs, benadeling, niet_vast)
        return np.maximum(een, tevens)


@regel(
    id="afstemming.geldende_gedraging",
    bron=f"{VSD}, artikel 7:26, eerste lid",
    soort="verordening",
    uitleg="Schendt één gedraging meer verplichtingen, dan gaat de verlaging uit van de gedraging met de hoogste verlaging.",
)
class afstemming_geldende_gedraging(Variable):
    value_type = Enum
    possible_values = Gedraging
    default_value = Gedraging.geen
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "De gedraging waarvan de verlaging uitgaat (artikel 7:26, eerste lid)"

    def formula(huishouden, period, parameters):
        afs = _p(parameters, period)
        benadeling = huishouden("benadelingsbedrag", period)
        niet_vast = huishouden("benadelingsbedrag_niet_vast_te_stellen", period)
        een = huishouden("afstemming_gedraging", period)
        tevens = huishouden("afstemming_gedraging_tevens", period)
        p_een = _percentage_per_gedraging(een, afs, benadeling, niet_vast)
        p_tevens = _percentage_per_gedraging(tevens, afs, benadeling, niet_vast)
        return np.where(p_tevens > p_een, tevens, een)


# ---------------------------------------------------------------- step 2: whether a verlaging is imposed

@regel(
    id="afstemming.horen",
    bron=f"{VSD}, artikel 7:14",
    soort="verordening",
    uitleg="U bent gehoord, of horen mocht achterwege blijven: {resultaat}.",
)
class afstemming_horen_voldaan(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "Aan artikel 7:14 is voldaan: gehoord, of een grond van het tweede lid om niet te horen"

    def formula(huishouden, period, parameters):
        # Lid 1: "Voordat een verlaging wordt opgelegd wordt een belanghebbende in de gelegenheid gesteld zijn
        # zienswijze naar voren te brengen." Lid 2 onder a-d: when hearing may be omitted.
        return huishouden("afstemming_horen", period) != Horen.niet_vastgesteld


@regel(
    id="afstemming.ouder_dan_een_jaar",
    bron=f"{VSD}, artikel 7:15, eerste lid, onder b",
    soort="verordening",
    uitleg="De gedraging was meer dan één jaar voordat het college haar constateerde: {resultaat}.",
)
class afstemming_gedraging_ouder_dan_een_jaar(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "De gedraging vond meer dan één jaar voor de constatering plaats (artikel 7:15, eerste lid, onder b)"

    def formula(huishouden, period, parameters):
        maanden = _p(parameters, period).art_7_15.verjaring_maanden
        gedraging = _datum(huishouden("datum_gedraging", period))
        constatering = _datum(huishouden("datum_constatering_gedraging", period))
        # "meer dan één jaar voor constatering": exactly one year (the same date a year later) is not more.
        beide = _ingevuld(gedraging) & _ingevuld(constatering)
        return beide & (datums.plus_maanden(gedraging, int(maanden)) < constatering)


@regel(
    id="afstemming.reden_geen_verlaging",
    bron=f"{VSD}, artikelen 7:14, 7:15, 7:26, derde lid, en 7:28",
    soort="verordening",
    uitleg="Het college bekijkt of er een reden is om geen verlaging op te leggen: geen verwijtbaarheid, ouder dan een jaar, een boete, een weigering van IOAW of IOAZ, dringende redenen of nog niet gehoord.",
)
class afstemming_reden_geen_verlaging(Variable):
    value_type = Enum
    possible_values = RedenGeenVerlaging
    default_value = RedenGeenVerlaging.geen
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "Waarom er (nog) geen verlaging wordt opgelegd, of dat er een wordt opgelegd"

    def formula(huishouden, period, parameters):
        gedraging = huishouden("afstemming_gedraging", period)
        verwijtbaarheid = huishouden("afstemming_verwijtbaarheid", period)
        # Order: the grounds that forbid a verlaging ("ziet af", "wordt geen verlaging opgelegd", "blijft
        # achterwege") before the discretionary one (7:15 lid 2 "kan afzien") and before the procedural step.
        return np.select(
            [
                gedraging == Gedraging.geen,
                huishouden("afstemming_weigering_ioaw_ioaz", period),
                huishouden("afstemming_bestuurlijke_boete", period),
                verwijtbaarheid == Verwijtbaarheid.geen_verwijtbaarheid,
                huishouden("afstemming_gedraging_ouder_dan_een_jaar", period),
                verwijtbaarheid == Verwijtbaarheid.niet_vastgesteld,
                huishouden("afstemming_dringende_redenen", period),
                np.logical_not(huishouden("afstemming_horen_voldaan", period)),
            ],
            [
                RedenGeenVerlaging.geen_gedraging,
                RedenGeenVerlaging.weigering_ioaw_ioaz,
                RedenGeenVerlaging.bestuurlijke_boete,
                RedenGeenVerlaging.geen_verwijtbaarheid,
                RedenGeenVerlaging.ouder_dan_een_jaar,
                RedenGeenVerlaging.verwijtbaarheid_niet_vastgesteld,
                RedenGeenVerlaging.dringende_redenen,
                RedenGeenVerlaging.niet_gehoord,
            ],
            RedenGeenVerlaging.geen,
        )


@regel(
    id="afstemming.opgelegd",
    bron=f"{VSD}, artikelen 7:14, 7:15, 7:26, derde lid, en 7:28",
    soort="verordening",
    uitleg="Er wordt een verlaging opgelegd: {resultaat}.",
)
class afstemming_wordt_opgelegd(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "Er wordt een verlaging opgelegd"

    def formula(huishouden, period, parameters):
        return huishouden("afstemming_reden_geen_verlaging", period) == RedenGeenVerlaging.geen


@regel(
    id="afstemming.schriftelijk_afzien",
    bron=f"{VSD}, artikel 7:15, derde lid",
    soort="verordening",
    uitleg="U krijgt een brief dat het college om dringende redenen afziet van de verlaging: {resultaat}.",
)
class afstemming_brief_afzien(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "Schriftelijk melden dat om dringende redenen wordt afgezien van de verlaging (artikel 7:15, derde lid)"

    def formula(huishouden, period, parameters):
        return huishouden("afstemming_reden_geen_verlaging", period) == RedenGeenVerlaging.dringende_redenen


# ---------------------------------------------------------------- step 3: recidive, percentage and duration

def _binnen(bekendmaking, gedraging, maanden) -> np.ndarray:
    """The gedraging was after the bekendmaking and no later than the same date ``maanden`` months on.

    "binnen 24 maanden na bekendmaking": the term starts the day after the bekendmaking (as art. 6:8 Awb counts a
    term after a bekendmaking) and ends with the date with the same number 24 months later (a missing day: the
    month's last day). Bekendmaking 1 March 2025: 1 March 2027 (day 730) is within, 2 March 2027 (day 731) is not.
    """
    b, g = _datum(bekendmaking), _datum(gedraging)
    return _ingevuld(b) & _ingevuld(g) & (g > b) & (g <= datums.plus_maanden(b, maanden))


@regel(
    id="afstemming.recidive",
    bron=f"{VSD}, artikel 7:27, eerste lid",
    soort="verordening",
    uitleg=(
        "U deed binnen 24 maanden na het vorige besluit tot verlaging opnieuw iets van dezelfde of een hogere "
        "categorie: {resultaat}."
    ),
)
class afstemming_recidive(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "Recidive binnen 24 maanden, dezelfde of hogere categorie (artikel 7:27, eerste lid)"

    def formula(huishouden, period, parameters):
        p = _p(parameters, period).art_7_27
        vorige = huishouden("vorige_afstemming_gedraging", period)
        nu = huishouden("afstemming_geldende_gedraging", period)
        binnen = _binnen(huishouden("datum_bekendmaking_vorige_verlaging", period),
                         huishouden("datum_gedraging", period), int(p.termijn_maanden))
        # "van dezelfde of hogere categorie": the ordinance ranks its verlagingen by percentage, so the category of a
        # gedraging is its standard percentage (10 % < 30 % < 50 % < 100 %); the previous one is given as stated in
        # its besluit (art. 7:13 onder c).
        hoger_of_gelijk = huishouden("afstemming_standaardpercentage", period) >= huishouden("vorige_afstemming_percentage", period)
        return _is(vorige, *_RECIDIVE_LID_1) & _is(nu, *_RECIDIVE_LID_1) & binnen & hoger_of_gelijk


@regel(
    id="afstemming.recidive_art_18_lid_4",
    bron=f"{VSD}, artikel 7:27, tweede lid",
    soort="verordening",
    uitleg=(
        "U schond binnen twaalf maanden na het vorige besluit opnieuw een verplichting van artikel 18, vierde lid, "
        "van de Participatiewet: {resultaat}."
    ),
)
class afstemming_recidive_art_18_lid_4(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "Recidive van artikel 18, vierde lid, Participatiewet binnen twaalf maanden (artikel 7:27, tweede lid)"

    def formula(huishouden, period, parameters):
        p = _p(parameters, period).art_7_27
        binnen = _binnen(huishouden("datum_bekendmaking_vorige_verlaging", period),
                         huishouden("datum_gedraging", period), int(p.art_18_lid_4_termijn_maanden))
        return (_is(huishouden("vorige_afstemming_gedraging", period), *_ART_18_LID_4)
                & _is(huishouden("afstemming_geldende_gedraging", period), *_ART_18_LID_4) & binnen)


@regel(
    id="afstemming.percentage",
    bron=f"{VSD}, artikelen 7:20 tot en met 7:25 en 7:27, tweede lid; afwijking: artikel 18, tweede lid, Participatiewet en artikel 7:13, onder d",
    soort="verordening",
    uitleg="De verlaging is {resultaat} van de berekeningsgrondslag per maand.",
)
class afstemming_percentage(Variable):
    value_type = float
    entity = Huishouden
    definition_period = DateUnit.MONTH
    unit = "/1"
    label = "Percentage van de verlaging (standaard, recidive van artikel 18 lid 4, of afwijkend met reden)"

    def formula(huishouden, period, parameters):
        p = _p(parameters, period).art_7_27
        standaard = np.where(huishouden("afstemming_recidive_art_18_lid_4", period), p.art_18_lid_4_percentage,
                             huishouden("afstemming_standaardpercentage", period))
        afwijkend = np.clip(huishouden("afstemming_afwijkend_percentage", period), 0.0, 1.0)
        return np.where(huishouden("afstemming_afwijken", period), afwijkend, standaard)


@regel(
    id="afstemming.duur",
    bron=f"{VSD}, artikelen 7:20 tot en met 7:25 (één maand) en 7:27 (recidive)",
    soort="verordening",
    uitleg="De verlaging duurt {resultaat} maand(en).",
)
class afstemming_duur_maanden(Variable):
    value_type = int
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "Duur van de verlaging in maanden"

    def formula(huishouden, period, parameters):
        afs = _p(parameters, period)
        standaard = int(afs.standaardduur.maanden)
        # Art. 7:27 lid 1: "wordt telkens de duur van de verlaging verdubbeld": twice the previous duration (a
        # first recidive doubles one month to two; the next doubles two to four).
        vorige = np.maximum(huishouden("vorige_afstemming_duur_maanden", period), standaard)
        verdubbeld = (vorige * afs.art_7_27.factor_duur).astype(int)
        duur = np.where(huishouden("afstemming_recidive", period), verdubbeld, standaard)
        return np.where(huishouden("afstemming_recidive_art_18_lid_4", period),
                        int(afs.art_7_27.art_18_lid_4_duur_maanden), duur)


@regel(
    id="afstemming.verrekening",
    bron=f"{VSD}, artikel 7:22",
    soort="verordening",
    uitleg="Het bedrag van de verlaging wordt verdeeld over {resultaat} maand(en).",
)
class afstemming_verrekening_maanden(Variable):
    value_type = int
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "Aantal maanden waarover het bedrag van de verlaging wordt toegepast"

    def formula(huishouden, period, parameters):
        afs = _p(parameters, period)
        duur = huishouden("afstemming_duur_maanden", period)
        # Lid 1: the verlaging of art. 7:21 "wordt toegepast over de maand van oplegging van de afstemming en de
        # volgende twee maanden"; lid 2: not for art. 18 lid 4 onder a Pw. Recidive of 7:27 lid 2 is its own rule.
        spreiden = (_is(huishouden("afstemming_geldende_gedraging", period), "art_18_lid_4_overig")
                    & np.logical_not(huishouden("afstemming_recidive_art_18_lid_4", period)))
        return np.where(spreiden, np.maximum(duur, int(afs.art_7_21.verrekening_maanden)), duur)


# ---------------------------------------------------------------- step 4: from when and over what

@regel(
    id="afstemming.ingangsdatum",
    bron=f"{VSD}, artikel 7:16, eerste en tweede lid",
    soort="verordening",
    uitleg="De verlaging gaat in op {resultaat}.",
)
class afstemming_ingangsdatum(Variable):
    value_type = date
    entity = Huishouden
    definition_period = DateUnit.MONTH
    label = "Eerste dag van de eerste maand waarover de verlaging wordt toegepast"

    def formula(huishouden, period, parameters):
        bekendmaking = _datum(huishouden("datum_bekendmaking_verlaging", period))
        bekendmaking = np.where(_ingevuld(bekendmaking), bekendmaking, np.datetime64(period.start.date, "D"))
        # Lid 1: "over de kalendermaand volgend op de maand waarin het besluit ... is bekendgemaakt".
        volgende = datums.eerste_dag_van_maand(datums.plus_maanden(datums.eerste_dag_van_maand(bekendmaking), 1))
        # Lid 2: retroactively "over de periode waarin de gedraging heeft plaatsgevonden" when lid 1 is not possible.
        gedraging = _datum(huishouden("datum_gedraging", period))
        terug = huishouden("afstemming_terugwerkende_kracht", period) & _ingevuld(gedraging)
        return np.where(terug, datums.eerste_dag_van_maand(gedraging), volgende)


@regel(
    id="afstemming.grondslag",
    bron=f"{VSD}, artikel 7:17 en artikel 7:16, eerste lid, tweede zin (de bijstandsnorm die geldt bij de bekendmaking); artikel 7:11, onder b, en artikel 5, onder c, Participatiewet",
    soort="verordening",
    uitleg="De verlaging wordt berekend over {resultaat} per maand.",
)
class afstemming_berekeningsgrondslag(Variable):
    value_type = float
    entity = Huishouden
    definition_period = DateUnit.MONTH
    unit = "currency-EUR"
    label = "Berekeningsgrondslag van de verlaging per maand"

    def formula(huishouden, period, parameters):
        # "Daarbij wordt uitgegaan van de op dat tijdstip voor die belanghebbende geldende bijstandsnorm": the norm
        # (art. 5 onder c Pw: the norms of art. 20-22a, which include the vakantietoeslag) in the month of the
        # bekendmaking; a besluit not yet known is computed with the norm of the month asked.
        bekendmaking = _datum(huishouden("datum_bekendmaking_verlaging", period))
        maand = np.where(_ingevuld(bekendmaking), bekendmaking, np.datetime64(period.start.date, "D")).astype("datetime64[M]")
        norm = np.zeros(huishouden.count)
        for m in np.unique(maand):
            try:
                waarden = huishouden("bijstandsnorm_inclusief_vakantietoeslag", str(m))
            except ParameterNotFoundError:
                raise InvoerFout("datum_bekendmaking_verlaging", f"voor {m} zijn geen bijstandsnormen vastgelegd "
                                 "(die staan er vanaf januari 2015).") from None
            norm = np.where(maand == m, waarden, norm)
        bijzonder = huishouden("afstemming_verleende_bijzondere_bijstand", period)
        keuze = huishouden("afstemming_grondslag_keuze", period)
        return np.round(np.select(
            [keuze == Grondslag.norm_met_artikel_12, keuze == Grondslag.bijzondere_bijstand],
            [norm + bijzonder, bijzonder],
            norm,
        ), 2)


@regel(
    id="afstemming.totaal",
    bron=f"{VSD}, artikelen 7:17 en 7:20 tot en met 7:27",
    soort="verordening",
    uitleg="De verlaging is in totaal {resultaat} ({afstemming_percentage} van {afstemming_berekeningsgrondslag}, {afstemming_duur_maanden} maand(en)).",
)
class afstemming_verlaging_totaal(Variable):
    value_type = float
    entity = Huishouden
    definition_period = DateUnit.MONTH
    unit = "currency-EUR"
    label = "Totaalbedrag van de verlaging (0 als er geen verlaging wordt opgelegd)"

    def formula(huishouden, period, parameters):
        totaal = (huishouden("afstemming_berekeningsgrondslag", period) * huishouden("afstemming_percentage", period)
                  * huishouden("afstemming_duur_maanden", period))
        return np.where(huishouden("afstemming_wordt_opgelegd", period), np.round(totaal, 2), 0.0)


@regel(
    id="afstemming.verlaging_in_maand",
    bron=f"{VSD}, artikelen 7:16, 7:20 tot en met 7:22 en 7:27",
    soort="verordening",
    uitleg="In deze maand wordt de bijstand verlaagd met {resultaat}.",
)
class afstemming_verlaging(Variable):
    value_type = float
    entity = Huishouden
    definition_period = DateUnit.MONTH
    unit = "currency-EUR"
    label = "Verlaging van de bijstand in deze maand"

    def formula(huishouden, period, parameters):
        if not (huishouden("afstemming_gedraging", period) != Gedraging.geen).any():
            # Nothing to reduce: no ordinance rules are needed (a municipality or month without them still computes
            # its algemene bijstand).
            return np.zeros(huishouden.count)
        totaal = huishouden("afstemming_verlaging_totaal", period)
        maanden = np.maximum(huishouden("afstemming_verrekening_maanden", period), 1)
        ingang = huishouden("afstemming_ingangsdatum", period).astype("datetime64[M]")
        index = (np.datetime64(period.start.date, "M") - ingang).astype(np.int64)  # 0 = first month
        per_maand = np.floor(totaal / maanden * 100 + 0.5) / 100
        # The last month takes what is left, so the months add up to the total to the cent.
        laatste = np.round(totaal - per_maand * (maanden - 1), 2)
        bedrag = np.where(index == maanden - 1, laatste, per_maand)
        return np.where((index >= 0) & (index < maanden), bedrag, 0.0)


@regel(
    id="afstemming.percentage_in_maand",
    bron=f"{VSD}, artikelen 7:17 en 7:22",
    soort="verordening",
    uitleg="Dat is {resultaat} van de berekeningsgrondslag.",
)
class afstemming_verlaging_percentage_in_maand(Variable):
    value_type = float
    entity = Huishouden
    definition_period = DateUnit.MONTH
    unit = "/1"
    label = "Verlaging in deze maand als deel van de berekeningsgrondslag"

    def formula(huishouden, period, parameters):
        grondslag = huishouden("afstemming_berekeningsgrondslag", period)
        verlaging = huishouden("afstemming_verlaging", period)
        return np.where(grondslag > 0, np.round(verlaging / np.where(grondslag > 0, grondslag, 1), 4), 0.0)
