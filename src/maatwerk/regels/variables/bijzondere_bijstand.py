"""Bijzondere bijstand (artikel 35 Participatiewet): draagkracht, toetsingscriteria, afwijzingsgronden, vorm.

Art. 35, eerste lid: "Onverminderd paragraaf 2.2, heeft de alleenstaande of het gezin recht op bijzondere
bijstand voorzover de alleenstaande of het gezin niet beschikt over de middelen om te voorzien in de uit
bijzondere omstandigheden voortvloeiende noodzakelijke kosten van het bestaan en deze kosten naar het
oordeel van het college niet kunnen worden voldaan uit de bijstandsnorm, [...] het vermogen en het inkomen
voorzover dit meer bedraagt dan de bijstandsnorm [...]."

The six criteria of the Divosa werkwijzer (2014, §1.2) map onto this module as follows:
- bijzondere omstandigheden, noodzakelijk, daadwerkelijk gemaakt, voorliggende voorziening: findings of a
  consulent (`Bevinding`); a finding that is `niet_vastgesteld` is never read as "ja": the amount is 0 and
  `bb_alle_bevindingen_vastgesteld` tells the case system what is missing;
- te dragen uit de bijstandsnorm: computed (`draagkracht_bijzondere_bijstand`, municipal policy §1.5);
- uitsluitingsgronden: computed from `kostensoort` (art. 13, eerste lid, onder g, and art. 14 Pw), the age of
  the partners (art. 13, eerste lid, onder f) and the date of the costs (art. 44, eerste lid).
Art. 16 (zeer dringende redenen) may set aside the grounds of paragraaf 2.2 (art. 11 to 16) only.
"""

from __future__ import annotations

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from maatwerk.regels.entities import Huishouden
from maatwerk.regels.regel import SoortBron, regel
from maatwerk.regels.variables.bijstandsnorm import rollen

PW = "Participatiewet"
WERKWIJZER = "Divosa werkwijzer Maatwerk in de bijzondere bijstand (2014)"
URL_PW = "https://wetten.overheid.nl/jci1.3:c:BWBR0015703&artikel={}"


# ------------------------------------------------------------------ enums

class Bevinding(Enum):
    """A discretionary finding of a consulent. There is no default "yes": unknown stays unknown."""

    niet_vastgesteld = "Nog niet vastgesteld"
    ja = "Ja"
    nee = "Nee"


class Kostensoort(Enum):
    """The kind of costs applied for, as far as the law attaches a consequence to it."""

    overig = "Overige kosten"
    alimentatie = "Voldoening aan alimentatieverplichtingen (art. 14, aanhef en onder a, Pw)"
    boete = "Betaling van een boete (art. 14, aanhef en onder b, Pw)"
    schade = "Geleden of toegebrachte schade (art. 14, aanhef en onder c, Pw)"
    vrijwillige_premie_publiekrechtelijke_verzekering = (
        "Vrijwillige premiebetaling in het kader van een publiekrechtelijke verzekering (art. 14, aanhef en onder d, Pw)"
    )
    medische_handeling_ontwikkelingsgeneeskunde = (
        "Medische handelingen en verrichtingen die tot de ontwikkelingsgeneeskunde worden gerekend, of zodanige "
        "behandelingen buiten Nederland (art. 14, aanhef en onder e, Pw)"
    )
    schuldaflossing = "Gedeeltelijke of volledige aflossing van een schuldenlast (art. 13, eerste lid, onder g, Pw)"
    waarborgsom = "Een door de belanghebbende te betalen waarborgsom (art. 48, tweede lid, onder c, Pw)"
    inrichting_duurzame_gebruiksgoederen = "Woninginrichting en noodzakelijke duurzame gebruiksgoederen (art. 51 Pw)"


# Art. 14 Pw: "In ieder geval worden niet tot de noodzakelijke kosten van het bestaan gerekend kosten met
# betrekking tot: a. [...] e. [...]" (one paragraph, no leden).
KOSTENSOORTEN_ARTIKEL_14 = (
    Kostensoort.alimentatie,
    Kostensoort.boete,
    Kostensoort.schade,
    Kostensoort.vrijwillige_premie_publiekrechtelijke_verzekering,
    Kostensoort.medische_handeling_ontwikkelingsgeneeskunde,
)


class LeningGrond(Enum):
    """Legal ground for granting bijzondere bijstand as a loan instead of om niet (art. 48, eerste lid)."""

    geen = "Geen: bijstand om niet (art. 48, eerste lid, Pw)"
    art_48_lid_2_onder_a = (
        "Redelijkerwijs kan worden aangenomen dat de belanghebbende op korte termijn over voldoende middelen "
        "zal beschikken (art. 48, tweede lid, onder a, Pw)"
    )
    art_48_lid_2_onder_b = (
        "De noodzaak tot bijstandsverlening is het gevolg van een tekortschietend besef van verantwoordelijkheid "
        "voor de voorziening in het bestaan (art. 48, tweede lid, onder b, Pw)"
    )
    art_48_lid_2_onder_c = "De aanvraag betreft een door de belanghebbende te betalen waarborgsom (art. 48, tweede lid, onder c, Pw)"
    art_48_lid_2_onder_d = (
        "Het betreft bijstand ter gedeeltelijke of volledige aflossing van een schuldenlast (art. 48, tweede lid, onder d, Pw)"
    )
    art_51_lid_1 = "Bijzondere bijstand voor de kosten van noodzakelijke duurzame gebruiksgoederen (art. 51, eerste lid, Pw)"


class InNaturaGrond(Enum):
    """Ground for bijstand in natura. Outside art. 57 there is no such ground (CRvB, ECLI:NL:CRVB:2011:BU7542)."""

    geen = "Geen: bijstand in geld"
    art_57_onder_b = (
        "Gegronde redenen om aan te nemen dat de belanghebbende zonder hulp niet in staat is tot een verantwoorde "
        "besteding van zijn bestaansmiddelen (art. 57, aanhef en onder b, Pw)"
    )


class VormBijzondereBijstand(Enum):
    om_niet = "Om niet"
    lening = "Geldlening"


# ------------------------------------------------------------------ helpers

def _is(waarde, item) -> np.ndarray:
    return waarde == item


def _gemeente(parameters, period):
    return parameters(period).gemeente.bijzondere_bijstand


# ------------------------------------------------------------------ inputs: the aanvraag

@regel(
    id="bb.invoer.bijzondere_kosten",
    bron=f"{PW}, artikel 35, eerste lid",
    soort=SoortBron.DISCRETIE,
    uitleg="De kosten waarvoor u bijzondere bijstand vraagt, zijn vastgesteld op {resultaat}.",
    url=URL_PW.format(35),
)
class bijzondere_kosten(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    default_value = 0.0
    unit = "currency-EUR"
    label = "Bijzondere kosten waarvoor bijstand wordt gevraagd (deze maand)"


@regel(
    id="bb.invoer.kostensoort",
    bron=f"{PW}, artikelen 13, eerste lid, onder g, 14, 48, tweede lid, onder c, en 51",
    soort=SoortBron.DISCRETIE,
    uitleg="De soort kosten is: {resultaat}.",
    url=URL_PW.format(14),
)
class kostensoort(Variable):
    value_type = Enum
    possible_values = Kostensoort
    default_value = Kostensoort.overig
    entity = Huishouden
    definition_period = MONTH
    label = "Soort kosten waarvoor bijzondere bijstand wordt gevraagd"


@regel(
    id="bb.invoer.kosten_gemaakt_voor_aanvraag",
    bron=f"{PW}, artikel 44, eerste lid",
    soort=SoortBron.DISCRETIE,
    uitleg="De kosten zijn gemaakt vóór de aanvraag: {resultaat}.",
    url=URL_PW.format(44),
)
class kosten_gemaakt_voor_aanvraag(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    default_value = False
    label = "De kosten zijn gemaakt vóór de dag van de aanvraag (melding)"


@regel(
    id="bb.invoer.maanden_kosten_voor_aanvraag",
    bron=f"{PW}, artikel 44, eerste lid; {WERKWIJZER}, hoofdstuk 6",
    soort=SoortBron.DISCRETIE,
    uitleg="De kosten zijn {resultaat} (begonnen) maanden vóór de aanvraag gemaakt.",
    url=URL_PW.format(44),
)
class maanden_kosten_voor_aanvraag(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    default_value = 0
    label = "Aantal begonnen maanden tussen het maken van de kosten en de aanvraag (minimaal 1 als de kosten vóór de aanvraag zijn gemaakt)"


# ------------------------------------------------------------------ inputs: findings of the consulent

@regel(
    id="bb.bevinding.bijzondere_omstandigheden",
    bron=f"{PW}, artikel 35, eerste lid ('uit bijzondere omstandigheden voortvloeiende')",
    soort=SoortBron.DISCRETIE,
    uitleg="De consulent heeft beoordeeld of de kosten voortkomen uit bijzondere omstandigheden: {resultaat}.",
    url=URL_PW.format(35),
)
class bijzondere_omstandigheden(Variable):
    value_type = Enum
    possible_values = Bevinding
    default_value = Bevinding.niet_vastgesteld
    entity = Huishouden
    definition_period = MONTH
    label = "Bevinding: de kosten vloeien voort uit bijzondere omstandigheden"


@regel(
    id="bb.bevinding.kosten_noodzakelijk",
    bron=f"{PW}, artikel 35, eerste lid ('noodzakelijke kosten van het bestaan')",
    soort=SoortBron.DISCRETIE,
    uitleg="De consulent heeft beoordeeld of de kosten noodzakelijk zijn: {resultaat}.",
    url=URL_PW.format(35),
)
class kosten_noodzakelijk(Variable):
    value_type = Enum
    possible_values = Bevinding
    default_value = Bevinding.niet_vastgesteld
    entity = Huishouden
    definition_period = MONTH
    label = "Bevinding: de kosten zijn noodzakelijk"


@regel(
    id="bb.bevinding.kosten_daadwerkelijk_gemaakt",
    bron=f"{PW}, artikel 35, eerste lid; {WERKWIJZER}, §1.2 en §1.4",
    soort=SoortBron.DISCRETIE,
    uitleg="De consulent heeft beoordeeld of de kosten zich echt voordoen: {resultaat}.",
    url=URL_PW.format(35),
)
class kosten_daadwerkelijk_gemaakt(Variable):
    value_type = Enum
    possible_values = Bevinding
    default_value = Bevinding.niet_vastgesteld
    entity = Huishouden
    definition_period = MONTH
    label = "Bevinding: de kosten doen zich daadwerkelijk voor"


@regel(
    id="bb.bevinding.voorliggende_voorziening",
    bron=f"{PW}, artikel 15, eerste lid",
    soort=SoortBron.DISCRETIE,
    uitleg="De consulent heeft beoordeeld of een andere regeling deze kosten passend en genoeg vergoedt: {resultaat}.",
    url=URL_PW.format(15),
)
class voorliggende_voorziening_passend_en_toereikend(Variable):
    value_type = Enum
    possible_values = Bevinding
    default_value = Bevinding.niet_vastgesteld
    entity = Huishouden
    definition_period = MONTH
    label = (
        "Bevinding: er is een voorliggende voorziening die passend en toereikend is (ja = afwijzen; vergoedt zij "
        "een deel, vul dan bij bijzondere_kosten alleen het niet vergoede deel in)"
    )


@regel(
    id="bb.bevinding.zeer_dringende_redenen",
    bron=f"{PW}, artikel 16, eerste lid (voor schulden ook artikel 49, onder b)",
    soort=SoortBron.DISCRETIE,
    uitleg="De consulent heeft beoordeeld of er zeer dringende redenen zijn (een acute noodsituatie): {resultaat}.",
    url=URL_PW.format(16),
)
class zeer_dringende_redenen(Variable):
    value_type = Enum
    possible_values = Bevinding
    default_value = Bevinding.niet_vastgesteld
    entity = Huishouden
    definition_period = MONTH
    label = "Bevinding: zeer dringende redenen noodzaken tot bijstand (art. 16 Pw)"


@regel(
    id="bb.bevinding.middelen_bij_ontstaan_schuldenlast",
    bron=f"{PW}, artikel 13, eerste lid, onder g",
    soort=SoortBron.DISCRETIE,
    uitleg=(
        "De consulent heeft beoordeeld of u bij het ontstaan van de schuld, of daarna, genoeg geld had om in uw "
        "kosten van bestaan te voorzien: {resultaat}."
    ),
    url=URL_PW.format(13),
)
class middelen_bij_ontstaan_schuldenlast(Variable):
    value_type = Enum
    possible_values = Bevinding
    default_value = Bevinding.niet_vastgesteld
    entity = Huishouden
    definition_period = MONTH
    label = (
        "Bevinding (alleen bij schuldaflossing): de aanvrager beschikte bij het ontstaan van de schuldenlast of "
        "nadien over de middelen om in de noodzakelijke kosten van het bestaan te voorzien"
    )


@regel(
    id="bb.invoer.lening_grond",
    bron=f"{PW}, artikel 48, eerste en tweede lid, en artikel 51, eerste lid",
    soort=SoortBron.DISCRETIE,
    uitleg="De consulent heeft als grond voor een lening gekozen: {resultaat}.",
    url=URL_PW.format(48),
)
class lening_grond(Variable):
    value_type = Enum
    possible_values = LeningGrond
    default_value = LeningGrond.geen
    entity = Huishouden
    definition_period = MONTH
    label = "Wettelijke grond om de bijzondere bijstand als geldlening te verlenen (standaard: om niet)"


@regel(
    id="bb.invoer.in_natura_grond",
    bron=f"{PW}, artikel 57, aanhef en onder b",
    soort=SoortBron.DISCRETIE,
    uitleg="De consulent heeft als grond voor hulp in natura gekozen: {resultaat}.",
    url=URL_PW.format(57),
)
class in_natura_grond(Variable):
    value_type = Enum
    possible_values = InNaturaGrond
    default_value = InNaturaGrond.geen
    entity = Huishouden
    definition_period = MONTH
    label = "Grond om de bijzondere bijstand in natura te verstrekken (standaard: in geld)"


# ------------------------------------------------------------------ draagkracht (§1.5 of the werkwijzer)

@regel(
    id="bb.draagkracht.inkomen_partners",
    bron=f"{PW}, artikel 35, eerste lid, en artikel 32",
    soort=SoortBron.WET,
    uitleg="Uw netto-inkomen per maand, samen met dat van uw partner, is {resultaat}.",
    url=URL_PW.format(35),
)
class bb_inkomen_partners(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Netto-inkomen per maand van de aanvrager en zijn echtgenoot of partner"

    def formula(huishouden, period, parameters):
        # Hot rule of the bulk runs (issue 12, point 3): the partner mask is computed once per simulation
        # (`bijstandsnorm.rollen`) and summed with one bincount, instead of OpenFisca's generic role-filtered
        # `huishouden.sum(..., role=PARTNER)` that compares an array of role objects on every call. The readable
        # rule is `inkomen_partners_referentie` below; tests/regels/test_bulk.py checks that both are equal.
        inkomen = huishouden.members("netto_maandinkomen", period)
        partner = rollen(huishouden)["partner"]
        return np.bincount(huishouden.members_entity_id[partner], weights=inkomen[partner],
                           minlength=huishouden.count)


def inkomen_partners_referentie(huishouden, period):
    """The readable form of `bb_inkomen_partners`: the sum of the partners' netto income (art. 35 lid 1, art. 32)."""
    return huishouden.sum(huishouden.members("netto_maandinkomen", period), role=Huishouden.PARTNER)


@regel(
    id="bb.draagkracht.inkomensgrens",
    bron=f"{WERKWIJZER}, §1.5; {PW}, artikel 35, eerste lid (kostendelersnorm art. 22a buiten beschouwing)",
    soort=SoortBron.BELEIDSREGEL,
    uitleg=(
        "Uw inkomensgrens is {inkomensgrens_percentage} van de bijstandsnorm zonder kostendelersnorm, met "
        "vakantietoeslag ({bijstandsnorm_zonder_kostendelersnorm_inclusief_vakantietoeslag}): {resultaat}."
    ),
    url=URL_PW.format(35),
)
class bb_inkomensgrens(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Inkomensgrens voor de draagkracht bij bijzondere bijstand"

    def formula(huishouden, period, parameters):
        norm = huishouden("bijstandsnorm_zonder_kostendelersnorm_inclusief_vakantietoeslag", period)
        percentage = _gemeente(parameters, period).draagkracht.inkomensgrens_percentage
        # Rounded to cents so that an income exactly at the published limit gives no draagkracht.
        return np.round(norm * percentage, 2)


@regel(
    id="bb.draagkracht.inkomen",
    bron=f"{WERKWIJZER}, §1.5; {PW}, artikel 35, eerste lid",
    soort=SoortBron.BELEIDSREGEL,
    uitleg=(
        "Van uw inkomen boven de grens ({bb_inkomen_partners} tegen {bb_inkomensgrens}) telt "
        "{percentage_inkomen_boven_grens} per maand mee, over {draagkrachtperiode_maanden} maanden: {resultaat}."
    ),
    url=URL_PW.format(35),
)
class bb_draagkracht_inkomen(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Draagkracht uit inkomen over de draagkrachtperiode"

    def formula(huishouden, period, parameters):
        draagkracht = _gemeente(parameters, period).draagkracht
        boven_grens = np.maximum(
            0.0, huishouden("bb_inkomen_partners", period) - huishouden("bb_inkomensgrens", period)
        )
        return boven_grens * draagkracht.percentage_inkomen_boven_grens * draagkracht.draagkrachtperiode_maanden


@regel(
    id="bb.draagkracht.vermogen",
    bron=f"{WERKWIJZER}, §1.5; {PW}, artikel 35, eerste lid, en artikel 34, derde lid",
    soort=SoortBron.BELEIDSREGEL,
    uitleg=(
        "Van uw vermogen boven de vermogensgrens ({vermogen_boven_vermogensgrens_bedrag}) telt "
        "{percentage_vermogen_boven_grens} mee: {resultaat}."
    ),
    url=URL_PW.format(35),
)
class bb_draagkracht_vermogen(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Draagkracht uit vermogen"

    def formula(huishouden, period, parameters):
        # Art. 35 lid 1 lets all vermogen count (art. 34 lid 2 does not apply); counting only the part above
        # the art. 34 limit is the municipality's (more generous) policy choice.
        percentage = _gemeente(parameters, period).draagkracht.percentage_vermogen_boven_grens
        return np.maximum(0.0, huishouden("vermogen_boven_vermogensgrens_bedrag", period)) * percentage


@regel(
    id="bb.draagkracht",
    bron=f"{PW}, artikel 35, eerste lid; {WERKWIJZER}, §1.5",
    soort=SoortBron.BELEIDSREGEL,
    uitleg=(
        "Uw draagkracht is {resultaat}: {bb_draagkracht_inkomen} uit inkomen en {bb_draagkracht_vermogen} uit "
        "vermogen. Dit deel van de kosten betaalt u zelf."
    ),
    url=URL_PW.format(35),
)
class draagkracht_bijzondere_bijstand(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Draagkracht voor bijzondere bijstand over de draagkrachtperiode"

    def formula(huishouden, period, parameters):
        totaal = huishouden("bb_draagkracht_inkomen", period) + huishouden("bb_draagkracht_vermogen", period)
        return np.round(np.maximum(0.0, totaal), 2)


# ------------------------------------------------------------------ afwijzingsgronden of paragraaf 2.2

@regel(
    id="bb.afwijzing.kostensoort",
    bron=f"{PW}, artikel 14, aanhef en onder a tot en met e",
    soort=SoortBron.WET,
    uitleg="Voor sommige soorten kosten geeft de wet nooit bijstand; dat geldt voor uw kosten ({kostensoort}): {resultaat}.",
    url=URL_PW.format(14),
)
class bb_afwijzingsgrond_kostensoort(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Afwijzingsgrond: de kosten horen volgens artikel 14 Pw niet tot de noodzakelijke kosten"

    def formula(huishouden, period, parameters):
        soort = huishouden("kostensoort", period)
        return np.isin(np.asarray(soort), [k.index for k in KOSTENSOORTEN_ARTIKEL_14])


@regel(
    id="bb.afwijzing.schuldenlast",
    bron=f"{PW}, artikel 13, eerste lid, onder g",
    soort=SoortBron.WET,
    uitleg=(
        "Voor het aflossen van een schuld geeft de wet geen bijstand als u toen of later genoeg geld had "
        "({middelen_bij_ontstaan_schuldenlast}); dat geldt hier: {resultaat}."
    ),
    url=URL_PW.format(13),
)
class bb_afwijzingsgrond_schuldenlast(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Afwijzingsgrond: aflossing van een schuldenlast terwijl de middelen er waren (art. 13, eerste lid, onder g, Pw)"

    def formula(huishouden, period, parameters):
        # Art. 13 lid 1 onder g excludes only who "bij het ontstaan van de schuldenlast, dan wel nadien,
        # beschikte of beschikt over de middelen"; that is a finding, not an assumption.
        schuld = _is(huishouden("kostensoort", period), Kostensoort.schuldaflossing)
        middelen = _is(huishouden("middelen_bij_ontstaan_schuldenlast", period), Bevinding.ja)
        return schuld & middelen


@regel(
    id="bb.afwijzing.jonger_dan_18",
    bron=f"{PW}, artikel 13, eerste lid, onder f, en artikel 11, vierde lid",
    soort=SoortBron.WET,
    uitleg="Wie jonger is dan {minimumleeftijd_bijstand} jaar heeft geen recht op bijstand; dat geldt hier: {resultaat}.",
    url=URL_PW.format(13),
)
class bb_afwijzingsgrond_jonger_dan_18(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Afwijzingsgrond: de aanvrager (en zijn partner) is jonger dan 18 jaar"

    def formula(huishouden, period, parameters):
        # Art. 11 lid 4: the right belongs to the spouses together "tenzij een van de echtgenoten geen recht op
        # bijstand heeft", so the ground refuses the household only when no partner is 18 or older.
        grens = parameters(period).wet.participatiewet.leeftijden.minimumleeftijd_bijstand
        minderjarig = huishouden.members("leeftijd", period) < grens
        return huishouden.all(minderjarig, role=Huishouden.PARTNER)


@regel(
    id="bb.afwijzing.voorliggende_voorziening",
    bron=f"{PW}, artikel 15, eerste lid",
    soort=SoortBron.WET,
    uitleg="Er is een andere regeling die deze kosten passend en genoeg vergoedt: {resultaat}.",
    url=URL_PW.format(15),
)
class bb_afwijzingsgrond_voorliggende_voorziening(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Afwijzingsgrond: een passende en toereikende voorliggende voorziening (art. 15, eerste lid, Pw)"

    def formula(huishouden, period, parameters):
        return _is(huishouden("voorliggende_voorziening_passend_en_toereikend", period), Bevinding.ja)


@regel(
    id="bb.afwijzing.paragraaf_2_2",
    bron=f"{PW}, paragraaf 2.2 (artikelen 13, 14 en 15), van toepassing via artikel 35, eerste lid ('Onverminderd paragraaf 2.2')",
    soort=SoortBron.WET,
    uitleg="Er is een wettelijke grond om de bijstand te weigeren: {resultaat}.",
    url=URL_PW.format(35),
)
class bb_afwijzingsgrond_paragraaf_2_2(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Er geldt een afwijzingsgrond uit paragraaf 2.2 Pw (art. 13, 14 of 15), waarvan art. 16 kan afwijken"

    def formula(huishouden, period, parameters):
        return (
            huishouden("bb_afwijzingsgrond_kostensoort", period)
            | huishouden("bb_afwijzingsgrond_schuldenlast", period)
            | huishouden("bb_afwijzingsgrond_jonger_dan_18", period)
            | huishouden("bb_afwijzingsgrond_voorliggende_voorziening", period)
        )


@regel(
    id="bb.zeer_dringende_redenen",
    bron=f"{PW}, artikel 16, eerste lid (voor schulden ook artikel 49, onder b)",
    soort=SoortBron.WET,
    uitleg=(
        "Er is een wettelijke grond om te weigeren, maar er zijn zeer dringende redenen "
        "({zeer_dringende_redenen}); daarom kan toch bijstand worden gegeven: {resultaat}."
    ),
    url=URL_PW.format(16),
)
class bb_zeer_dringende_redenen_route(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Bijstand ondanks een afwijzingsgrond van paragraaf 2.2, wegens zeer dringende redenen (art. 16 Pw)"

    def formula(huishouden, period, parameters):
        # Art. 16 lid 1: "in afwijking van deze paragraaf" = paragraaf 2.2 (art. 11-16) only. It does not set
        # aside art. 35 (draagkracht, noodzakelijk, bijzondere omstandigheden) nor art. 44 (kosten vóór aanvraag).
        # Art. 16 lid 2 (vreemdelingen other than art. 11 lid 2 and 3) is not modelled: no residence status input.
        return huishouden("bb_afwijzingsgrond_paragraaf_2_2", period) & _is(
            huishouden("zeer_dringende_redenen", period), Bevinding.ja
        )


# ------------------------------------------------------------------ kosten vóór de aanvraag (art. 44, beleid)

@regel(
    id="bb.kosten_voor_aanvraag.beleid",
    bron=f"{WERKWIJZER}, §2.1 en hoofdstuk 6 (buitenwettelijk begunstigend beleid)",
    soort=SoortBron.BELEIDSREGEL,
    uitleg=(
        "De gemeente vergoedt ook kosten die u tot {kosten_voor_aanvraag_maanden} maanden vóór de aanvraag maakte; "
        "dat geldt voor uw kosten: {resultaat}."
    ),
)
class bb_kosten_voor_aanvraag_binnen_beleidstermijn(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "De kosten zijn vóór de aanvraag gemaakt, maar binnen de termijn van het gemeentelijk begunstigend beleid"

    def formula(huishouden, period, parameters):
        termijn = _gemeente(parameters, period).kosten_voor_aanvraag_maanden
        gemaakt = huishouden("kosten_gemaakt_voor_aanvraag", period)
        # Costs made before the aanvraag are at least one begun month old, also if 0 was entered.
        maanden = np.maximum(huishouden("maanden_kosten_voor_aanvraag", period), 1)
        return gemaakt & (maanden <= termijn)


@regel(
    id="bb.kosten_voor_aanvraag",
    bron=f"{PW}, artikel 44, eerste lid; CRvB 15 mei 2007, ECLI:NL:CRVB:2007:BA6875",
    soort=SoortBron.WET,
    uitleg="De kosten zijn gemaakt vóór de aanvraag en daarom wordt er geen bijstand voor gegeven: {resultaat}.",
    url=URL_PW.format(44),
)
class bb_kosten_voor_aanvraag_afgewezen(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Afwijzingsgrond: de kosten zijn vóór de aanvraag gemaakt (en vallen buiten het begunstigend beleid)"

    def formula(huishouden, period, parameters):
        # Art. 44 lid 1: bijstand is granted from the day the right arose "voorzover deze dag niet ligt voor de
        # dag waarop de belanghebbende zich heeft gemeld". Art. 16 cannot set this aside (it is in par. 5.2).
        return huishouden("kosten_gemaakt_voor_aanvraag", period) & ~huishouden(
            "bb_kosten_voor_aanvraag_binnen_beleidstermijn", period
        )


# ------------------------------------------------------------------ criteria of art. 35

@regel(
    id="bb.kosten_uit_draagkracht",
    bron=f"{PW}, artikel 35, eerste lid",
    soort=SoortBron.WET,
    uitleg="U kunt de kosten ({bijzondere_kosten}) zelf betalen uit uw draagkracht ({draagkracht_bijzondere_bijstand}): {resultaat}.",
    url=URL_PW.format(35),
)
class bb_kosten_uit_draagkracht_te_voldoen(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "De kosten kunnen volledig uit de draagkracht worden voldaan"

    def formula(huishouden, period, parameters):
        return huishouden("bijzondere_kosten", period) <= huishouden("draagkracht_bijzondere_bijstand", period)


@regel(
    id="bb.bevindingen_compleet",
    bron=f"{PW}, artikelen 13, eerste lid, onder g, 15, 16 en 35, eerste lid",
    soort=SoortBron.WET,
    uitleg="Alle beoordelingen die de consulent moet maken, zijn gedaan: {resultaat}.",
    url=URL_PW.format(35),
)
class bb_alle_bevindingen_vastgesteld(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Alle benodigde bevindingen van de consulent zijn vastgesteld (nee = er ontbreekt een bevinding)"

    def formula(huishouden, period, parameters):
        open_ = Bevinding.niet_vastgesteld
        altijd = (
            ~_is(huishouden("bijzondere_omstandigheden", period), open_)
            & ~_is(huishouden("kosten_noodzakelijk", period), open_)
            & ~_is(huishouden("kosten_daadwerkelijk_gemaakt", period), open_)
            & ~_is(huishouden("voorliggende_voorziening_passend_en_toereikend", period), open_)
        )
        # The debt finding only matters for schuldaflossing; zeer dringende redenen only when a ground of
        # paragraaf 2.2 applies (then it decides the case).
        schuld = _is(huishouden("kostensoort", period), Kostensoort.schuldaflossing)
        schuld_ok = ~schuld | ~_is(huishouden("middelen_bij_ontstaan_schuldenlast", period), open_)
        grond = huishouden("bb_afwijzingsgrond_paragraaf_2_2", period)
        zdr_ok = ~grond | ~_is(huishouden("zeer_dringende_redenen", period), open_)
        return altijd & schuld_ok & zdr_ok


@regel(
    id="bb.criteria",
    bron=f"{PW}, artikel 35, eerste lid, juncto paragraaf 2.2 en artikel 44, eerste lid",
    soort=SoortBron.WET,
    uitleg="U voldoet aan alle voorwaarden voor bijzondere bijstand: {resultaat}.",
    url=URL_PW.format(35),
)
class bb_voldoet_aan_criteria(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Aan alle voorwaarden voor bijzondere bijstand is voldaan"

    def formula(huishouden, period, parameters):
        ja = Bevinding.ja
        bevindingen = (
            _is(huishouden("bijzondere_omstandigheden", period), ja)
            & _is(huishouden("kosten_noodzakelijk", period), ja)
            & _is(huishouden("kosten_daadwerkelijk_gemaakt", period), ja)
        )
        paragraaf_2_2_ok = ~huishouden("bb_afwijzingsgrond_paragraaf_2_2", period) | huishouden(
            "bb_zeer_dringende_redenen_route", period
        )
        return (
            huishouden("bb_alle_bevindingen_vastgesteld", period)
            & bevindingen
            & paragraaf_2_2_ok
            & ~huishouden("bb_kosten_voor_aanvraag_afgewezen", period)
            & ~huishouden("bb_kosten_uit_draagkracht_te_voldoen", period)
            & (huishouden("bijzondere_kosten", period) > 0)
        )


@regel(
    id="bb.afgewezen",
    bron=f"{PW}, artikel 35, eerste lid, juncto paragraaf 2.2 en artikel 44, eerste lid",
    soort=SoortBron.WET,
    uitleg="Er is al een reden om de aanvraag af te wijzen: {resultaat}.",
    url=URL_PW.format(35),
)
class bb_afgewezen(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Er staat al een grond voor afwijzing vast (ook als nog niet alle bevindingen zijn vastgesteld)"

    def formula(huishouden, period, parameters):
        nee = Bevinding.nee
        bevinding_nee = (
            _is(huishouden("bijzondere_omstandigheden", period), nee)
            | _is(huishouden("kosten_noodzakelijk", period), nee)
            | _is(huishouden("kosten_daadwerkelijk_gemaakt", period), nee)
        )
        grond_zonder_uitweg = huishouden("bb_afwijzingsgrond_paragraaf_2_2", period) & _is(
            huishouden("zeer_dringende_redenen", period), nee
        )
        return (
            bevinding_nee
            | grond_zonder_uitweg
            | huishouden("bb_kosten_voor_aanvraag_afgewezen", period)
            | huishouden("bb_kosten_uit_draagkracht_te_voldoen", period)
        )


# ------------------------------------------------------------------ outcome

@regel(
    id="bb.bedrag",
    bron=f"{PW}, artikel 35, eerste lid",
    soort=SoortBron.WET,
    uitleg=(
        "U krijgt {resultaat} bijzondere bijstand: de kosten ({bijzondere_kosten}) min uw draagkracht "
        "({draagkracht_bijzondere_bijstand}), als u aan alle voorwaarden voldoet ({bb_voldoet_aan_criteria})."
    ),
    url=URL_PW.format(35),
)
class bijzondere_bijstand_bedrag(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Bedrag bijzondere bijstand"

    def formula(huishouden, period, parameters):
        tekort = np.maximum(
            0.0, huishouden("bijzondere_kosten", period) - huishouden("draagkracht_bijzondere_bijstand", period)
        )
        return np.where(huishouden("bb_voldoet_aan_criteria", period), np.round(tekort, 2), 0.0)


@regel(
    id="bb.lening_grond_past",
    bron=f"{PW}, artikel 48, tweede lid, onder a tot en met d, en artikel 51, eerste lid",
    soort=SoortBron.WET,
    uitleg="De gekozen grond voor een lening ({lening_grond}) past bij de soort kosten ({kostensoort}): {resultaat}.",
    url=URL_PW.format(48),
)
class bb_lening_grond_past(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "De gekozen leninggrond past bij de soort kosten (nee = de lening heeft geen wettelijke grond)"

    def formula(huishouden, period, parameters):
        grond = huishouden("lening_grond", period)
        soort = huishouden("kostensoort", period)
        # a and b concern the person, not the costs; c, d and art. 51 name a kind of costs.
        return np.select(
            [
                _is(grond, LeningGrond.geen),
                _is(grond, LeningGrond.art_48_lid_2_onder_a) | _is(grond, LeningGrond.art_48_lid_2_onder_b),
                _is(grond, LeningGrond.art_48_lid_2_onder_c),
                _is(grond, LeningGrond.art_48_lid_2_onder_d),
                _is(grond, LeningGrond.art_51_lid_1),
            ],
            [
                True,
                True,
                _is(soort, Kostensoort.waarborgsom),
                _is(soort, Kostensoort.schuldaflossing),
                _is(soort, Kostensoort.inrichting_duurzame_gebruiksgoederen),
            ],
            default=False,
        )


@regel(
    id="bb.vorm",
    bron=f"{PW}, artikel 48, eerste en tweede lid, en artikel 51, eerste lid",
    soort=SoortBron.WET,
    uitleg="U krijgt de bijstand als: {resultaat}.",
    url=URL_PW.format(48),
)
class bijzondere_bijstand_vorm(Variable):
    value_type = Enum
    possible_values = VormBijzondereBijstand
    default_value = VormBijzondereBijstand.om_niet
    entity = Huishouden
    definition_period = MONTH
    label = "Vorm van de bijzondere bijstand: om niet of als geldlening"

    def formula(huishouden, period, parameters):
        # Art. 48 lid 1: "Tenzij in deze wet anders is bepaald, wordt de bijstand verleend om niet."
        lening = (
            ~_is(huishouden("lening_grond", period), LeningGrond.geen)
            & huishouden("bb_lening_grond_past", period)
            & (huishouden("bijzondere_bijstand_bedrag", period) > 0)
        )
        return np.where(lening, VormBijzondereBijstand.lening, VormBijzondereBijstand.om_niet)


@regel(
    id="bb.in_natura",
    bron=f"{PW}, artikel 57, aanhef en onder b; CRvB 2011, ECLI:NL:CRVB:2011:BU7542",
    soort=SoortBron.WET,
    uitleg="U krijgt de bijstand niet als geld maar als product of dienst: {resultaat}.",
    url=URL_PW.format(57),
)
class bijzondere_bijstand_in_natura(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "De bijzondere bijstand wordt in natura verstrekt (art. 57 Pw)"

    def formula(huishouden, period, parameters):
        # Art. 57: only "indien en zolang er gegronde redenen zijn om aan te nemen dat de belanghebbende zonder
        # hulp niet in staat is tot een verantwoorde besteding van zijn bestaansmiddelen".
        return _is(huishouden("in_natura_grond", period), InNaturaGrond.art_57_onder_b) & (
            huishouden("bijzondere_bijstand_bedrag", period) > 0
        )
