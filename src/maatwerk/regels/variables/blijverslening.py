"""Blijverslening: Verordening Sociaal Domein Lansingerland 2018, paragraaf 4.7 (artikelen 4:15a-4:15e).

A loan, provisionally allocated by the college and provided by SVn, for measures that adapt an owner-occupied home to
a (future) need of care. Its only legal basis is the ordinance (toelichting 4:15b: "Er is geen wettelijke grondslag
voor de Blijverslening anders dan deze Verordening Sociaal Domein"); every rule here is therefore `verordening`,
and the findings of the consulent are `discretie`.

- 4:15b lid 1: "a. De aanvrager is een woningeigenaar met een zorgvraag die aanpassing van de woning vereist of een
  woningeigenaar die de woning levensloopbestendig wil maken. b. Ten minste een van de aanvragers van een
  Blijverslening die consumptief wordt verstrekt is jonger dan 76 jaar op het moment van het indienen van de
  aanvraag Blijverslening. c. De aanvrager bewoont de woning waarvoor een Blijverslening wordt aangevraagd zelf."
- 4:15b lid 2: "realiseerbare maatregelen die aantoonbaar bijdragen aan het aanpassen van de woning aan een
  zorgvraag of het levensloopbestendig maken van een woning".
- 4:15a onder e: werkelijke kosten = materials and work, plus the costs of obtaining the loan and of a vakbedrijf,
  "verminderd met de van derden ontvangen of nog te ontvangen tegemoetkomingen (subsidies)".
- 4:15c: "Het budget voor de uitkering van Blijversleningen bedraagt € 75.375,- per jaar. [...] Het college kent
  alleen Blijversleningen toe voor zover het vastgestelde budget hiervoor toereikend is."
- 4:15d: consumptief minimaal € 2.500 en maximaal € 10.000; hypothecair minimaal € 2.500 en maximaal € 30.000.
- 4:15e lid 1: refusal (or withdrawal) when a. the rules of the ordinance are not met; b. "Het budget niet
  toereikend is om de aanvraag te honoreren"; c. the rules of SVn are not met; d. "SVn een negatieve krediettoets
  uitbrengt"; e. it was granted on incorrect information; f. "De aanvraag bij het college is ingediend ná het
  treffen van de maatregelen".

Choices (recorded in docs/wmo.md): the aanvragers are the partners of the household (the owners, "Bij twee of meer
eigenaren gelden deze gezamenlijk als aanvrager"); costs above the maximum give a loan of the maximum (the ordinance
sets the loan's height, not a cost limit); costs below the minimum are refused under 4:15e lid 1 onder a; a loan
that does not fit in the remaining budget is refused as a whole (4:15e lid 1 onder b: "om de aanvraag te
honoreren"), not granted in part.
"""

from __future__ import annotations

from datetime import date

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from maatwerk.regels import datums
from maatwerk.regels.entities import Huishouden
from maatwerk.regels.lege_datum import niet_ingevuld_is_begin_maand
from maatwerk.regels.regel import SoortBron, regel
from maatwerk.regels.wmo_beleid import wmo_beleid

VSD = "Verordening Sociaal Domein Lansingerland 2018"


class BlijversleningVorm(Enum):
    consumptief = "Consumptief (art. 4:15d lid 1)"
    hypothecair = "Hypothecair (art. 4:15d lid 2)"


class BlijversleningAfwijzingsgrond(Enum):
    """The first refusal ground of art. 4:15e lid 1 that applies (geen = the loan can be allocated)."""

    geen = "Geen afwijzingsgrond: de Blijverslening kan voorlopig worden toegewezen"
    niet_voldaan_aan_verordening = "Niet voldaan aan de voorschriften van de verordening (art. 4:15e lid 1 onder a)"
    budget_niet_toereikend = "Het budget is niet toereikend om de aanvraag te honoreren (art. 4:15e lid 1 onder b)"
    svn_voorschriften = "Niet voldaan aan de voorschriften van SVn (art. 4:15e lid 1 onder c)"
    negatieve_krediettoets = "SVn brengt een negatieve krediettoets uit (art. 4:15e lid 1 onder d)"
    onjuiste_gegevens = "Toegekend of vastgesteld op grond van onjuiste gegevens (art. 4:15e lid 1 onder e)"
    aanvraag_na_maatregelen = "De aanvraag is ingediend na het treffen van de maatregelen (art. 4:15e lid 1 onder f)"


def _p(parameters, period):
    return wmo_beleid(parameters, period).blijverslening


def _bevinding(id_: str, bron: str, uitleg: str):
    return regel(id=id_, bron=bron, soort=SoortBron.DISCRETIE, uitleg=uitleg)


# ---------------------------------------------------------------- inputs

class blijverslening_vorm(Variable):
    value_type = Enum
    possible_values = BlijversleningVorm
    default_value = BlijversleningVorm.consumptief
    entity = Huishouden
    definition_period = MONTH
    label = "Vorm van de Blijverslening: consumptief of hypothecair"


class blijverslening_aanvraagdatum(Variable):
    value_type = date
    entity = Huishouden
    definition_period = MONTH
    label = "Datum van indiening van de aanvraag Blijverslening (niet ingevuld: de eerste dag van de maand)"


@regel(
    id="blv.aanvraagdatum",
    bron=f"{VSD}, artikel 4:15b, eerste lid, onder b ('op het moment van het indienen van de aanvraag')",
    soort=SoortBron.DISCRETIE,
    uitleg="De aanvraag is ingediend op {resultaat} (niet ingevuld: de eerste dag van de maand).",
)
class blv_datum_aanvraag(Variable):
    value_type = date
    entity = Huishouden
    definition_period = MONTH
    label = "Aanvraagdatum zoals de regels die gebruiken (niet ingevuld: de eerste dag van de maand)"

    def formula(huishouden, period, parameters):
        return niet_ingevuld_is_begin_maand(huishouden("blijverslening_aanvraagdatum", period), period)


@_bevinding("blv.feit.woningeigenaar", f"{VSD}, artikel 4:15a, onder a, en 4:15b, eerste lid, onder a",
            "De aanvrager is eigenaar van de woning: {resultaat}.")
class blijverslening_woningeigenaar(Variable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = MONTH
    label = "De aanvrager (samen met de andere eigenaren) is eigenaar van de woning"


@_bevinding("blv.bevinding.zorgvraag", f"{VSD}, artikel 4:15b, eerste lid, onder a",
            "Er is een zorgvraag die aanpassing van de woning vereist: {resultaat}.")
class blijverslening_zorgvraag_vereist_aanpassing(Variable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = MONTH
    label = "Bevinding: er is een zorgvraag die aanpassing van de woning vereist"


@_bevinding("blv.bevinding.levensloopbestendig", f"{VSD}, artikel 4:15b, eerste lid, onder a",
            "De eigenaar wil de woning levensloopbestendig maken: {resultaat}.")
class blijverslening_levensloopbestendig_maken(Variable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = MONTH
    label = "Bevinding: de eigenaar wil de woning levensloopbestendig maken"


@_bevinding("blv.feit.bewoont_zelf", f"{VSD}, artikel 4:15b, eerste lid, onder c",
            "De aanvrager woont zelf in de woning: {resultaat}.")
class blijverslening_bewoont_woning_zelf(Variable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = MONTH
    label = "De aanvrager bewoont de woning zelf"


@_bevinding("blv.bevinding.maatregelen", f"{VSD}, artikel 4:15b, tweede lid",
            "De maatregelen zijn realiseerbaar en dragen aantoonbaar bij aan het aanpassen van de woning: {resultaat}.")
class blijverslening_maatregelen_realiseerbaar(Variable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = MONTH
    label = "Bevinding: realiseerbare maatregelen die aantoonbaar bijdragen aan aanpassing aan een zorgvraag of levensloopbestendigheid"


class blijverslening_kosten_maatregelen(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Door het college aanvaarde kosten van materialen, werkzaamheden en arbeidsuren van een vakbedrijf"


class blijverslening_bijkomende_kosten(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Bijkomende kosten voor het verkrijgen van de Blijverslening"


class blijverslening_subsidies(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Van derden ontvangen of nog te ontvangen tegemoetkomingen (subsidies) in de kosten"


@regel(
    id="blv.resterend_budget",
    bron=f"{VSD}, artikel 4:15c",
    soort=SoortBron.DISCRETIE,
    uitleg="Van het budget voor Blijversleningen van dit jaar is nog {resultaat} niet toegewezen.",
)
class blijverslening_resterend_budget(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Deel van het jaarbudget voor Blijversleningen dat nog niet is toegewezen (niet ingevuld: € 0, dus geen budget)"


@_bevinding("blv.bevinding.svn_voorschriften", f"{VSD}, artikel 4:15e, eerste lid, onder c",
            "Er is niet voldaan aan de voorschriften van SVn: {resultaat}.")
class blijverslening_svn_voorschriften_niet_voldaan(Variable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = MONTH
    label = "Vastgesteld: niet voldaan aan de voorschriften van SVn (SVn Informatiemap)"


@_bevinding("blv.feit.krediettoets", f"{VSD}, artikel 4:15e, eerste lid, onder d",
            "SVn heeft een negatieve krediettoets uitgebracht: {resultaat}.")
class blijverslening_negatieve_krediettoets(Variable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = MONTH
    label = "SVn heeft een negatieve krediettoets uitgebracht"


@_bevinding("blv.bevinding.onjuiste_gegevens", f"{VSD}, artikel 4:15e, eerste lid, onder e",
            "De lening is toegekend of vastgesteld op grond van onjuiste gegevens: {resultaat}.")
class blijverslening_onjuiste_gegevens(Variable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = MONTH
    label = "Vastgesteld: toegekend of vastgesteld op grond van onjuiste gegevens"


@_bevinding("blv.feit.aanvraag_na_maatregelen", f"{VSD}, artikel 4:15e, eerste lid, onder f",
            "De aanvraag is ingediend nadat de maatregelen al waren getroffen: {resultaat}.")
class blijverslening_aanvraag_na_maatregelen(Variable):
    value_type = bool
    default_value = False
    entity = Huishouden
    definition_period = MONTH
    label = "De aanvraag is ingediend na het treffen van de maatregelen"


# ---------------------------------------------------------------- conditions (4:15b)

@regel(
    id="blv.voorwaarde.eigenaar_en_doel",
    bron=f"{VSD}, artikel 4:15b, eerste lid, onder a",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "U bent eigenaar van de woning en hebt een zorgvraag die aanpassing vereist, of u wilt de woning "
        "levensloopbestendig maken: {resultaat}."
    ),
)
class blv_voorwaarde_eigenaar_en_doel(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Voorwaarde art. 4:15b lid 1 onder a"

    def formula(huishouden, period, parameters):
        doel = huishouden("blijverslening_zorgvraag_vereist_aanpassing", period) | huishouden(
            "blijverslening_levensloopbestendig_maken", period
        )
        return huishouden("blijverslening_woningeigenaar", period) & doel


@regel(
    id="blv.voorwaarde.leeftijd",
    bron=f"{VSD}, artikel 4:15b, eerste lid, onder b",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Bij een consumptieve lening is ten minste één aanvrager jonger dan {maximumleeftijd_consumptief} jaar op "
        "de dag van de aanvraag (bij een hypothecaire lening geldt geen leeftijdsgrens): {resultaat}."
    ),
)
class blv_voorwaarde_leeftijd(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Voorwaarde art. 4:15b lid 1 onder b (alleen bij een consumptieve lening)"

    def formula(huishouden, period, parameters):
        grens = _p(parameters, period).maximumleeftijd_consumptief
        aanvraag = huishouden.project(huishouden("blv_datum_aanvraag", period))
        leeftijd = datums.leeftijd_op(huishouden.members("geboortedatum", period), aanvraag)
        aanvrager = huishouden.members.has_role(Huishouden.PARTNER)
        jong_genoeg = huishouden.any(aanvrager & (leeftijd < grens))
        hypothecair = huishouden("blijverslening_vorm", period) == BlijversleningVorm.hypothecair
        return hypothecair | jong_genoeg


@regel(
    id="blv.voorwaarde.bewoont_zelf",
    bron=f"{VSD}, artikel 4:15b, eerste lid, onder c",
    soort=SoortBron.VERORDENING,
    uitleg="U woont zelf in de woning waarvoor u de lening aanvraagt: {resultaat}.",
)
class blv_voorwaarde_bewoont_zelf(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Voorwaarde art. 4:15b lid 1 onder c"

    def formula(huishouden, period, parameters):
        return huishouden("blijverslening_bewoont_woning_zelf", period)


@regel(
    id="blv.voorwaarde.maatregelen",
    bron=f"{VSD}, artikel 4:15b, tweede lid",
    soort=SoortBron.VERORDENING,
    uitleg="De aanvraag gaat over realiseerbare maatregelen die aantoonbaar helpen: {resultaat}.",
)
class blv_voorwaarde_maatregelen(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Voorwaarde art. 4:15b lid 2"

    def formula(huishouden, period, parameters):
        return huishouden("blijverslening_maatregelen_realiseerbaar", period)


# ---------------------------------------------------------------- amount (4:15a onder e, 4:15d)

@regel(
    id="blv.werkelijke_kosten",
    bron=f"{VSD}, artikel 4:15a, onder e",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "De werkelijke kosten zijn {blijverslening_kosten_maatregelen} plus {blijverslening_bijkomende_kosten} "
        "bijkomende kosten, min {blijverslening_subsidies} subsidie: {resultaat}."
    ),
)
class blv_werkelijke_kosten(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Werkelijke kosten van de maatregelen (art. 4:15a onder e)"

    def formula(huishouden, period, parameters):
        kosten = (
            huishouden("blijverslening_kosten_maatregelen", period)
            + huishouden("blijverslening_bijkomende_kosten", period)
            - huishouden("blijverslening_subsidies", period)
        )
        return np.round(np.maximum(kosten, 0.0), 2)


def _grenzen(huishouden, period, parameters):
    p = _p(parameters, period)
    hypothecair = huishouden("blijverslening_vorm", period) == BlijversleningVorm.hypothecair
    minimum = np.where(hypothecair, p.hypothecair.minimum, p.consumptief.minimum)
    maximum = np.where(hypothecair, p.hypothecair.maximum, p.consumptief.maximum)
    return minimum, maximum


@regel(
    id="blv.minimum",
    bron=f"{VSD}, artikel 4:15d, eerste en tweede lid",
    soort=SoortBron.VERORDENING,
    uitleg="De werkelijke kosten ({blv_werkelijke_kosten}) zijn ten minste het minimumbedrag van de lening: {resultaat}.",
)
class blv_kosten_boven_minimum(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "De werkelijke kosten zijn ten minste het minimumbedrag van de lening (€ 2.500)"

    def formula(huishouden, period, parameters):
        minimum, _ = _grenzen(huishouden, period, parameters)
        return huishouden("blv_werkelijke_kosten", period) >= minimum


@regel(
    id="blv.bedrag",
    bron=f"{VSD}, artikel 4:15d, eerste en tweede lid",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "De lening is de werkelijke kosten ({blv_werkelijke_kosten}), ten hoogste het maximum voor deze vorm "
        "({blijverslening_vorm}): {resultaat}."
    ),
)
class blv_leenbedrag(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Hoogte van de Blijverslening: de werkelijke kosten, ten hoogste € 10.000 (consumptief) of € 30.000 (hypothecair)"

    def formula(huishouden, period, parameters):
        _, maximum = _grenzen(huishouden, period, parameters)
        return np.minimum(huishouden("blv_werkelijke_kosten", period), maximum)


@regel(
    id="blv.budget",
    bron=f"{VSD}, artikel 4:15c, en artikel 4:15e, eerste lid, onder b",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "De lening ({blv_leenbedrag}) past in het budget dat er nog is ({blijverslening_resterend_budget}; het "
        "budget is {budget_per_jaar} per jaar): {resultaat}."
    ),
)
class blv_budget_toereikend(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Het resterende budget van dit jaar is toereikend voor deze lening"

    def formula(huishouden, period, parameters):
        jaarbudget = _p(parameters, period).budget_per_jaar
        beschikbaar = np.minimum(huishouden("blijverslening_resterend_budget", period), jaarbudget)
        return huishouden("blv_leenbedrag", period) <= beschikbaar


@regel(
    id="blv.voldoet_aan_verordening",
    bron=f"{VSD}, artikelen 4:15b en 4:15d; artikel 4:15e, eerste lid, onder a",
    soort=SoortBron.VERORDENING,
    uitleg="U voldoet aan alle voorwaarden van de verordening voor een Blijverslening: {resultaat}.",
)
class blv_voldoet_aan_verordening(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "Aan de voorwaarden van art. 4:15b en het minimumbedrag van art. 4:15d is voldaan"

    def formula(huishouden, period, parameters):
        return (
            huishouden("blv_voorwaarde_eigenaar_en_doel", period)
            & huishouden("blv_voorwaarde_leeftijd", period)
            & huishouden("blv_voorwaarde_bewoont_zelf", period)
            & huishouden("blv_voorwaarde_maatregelen", period)
            & huishouden("blv_kosten_boven_minimum", period)
        )


@regel(
    id="blv.afwijzingsgrond",
    bron=f"{VSD}, artikel 4:15e, eerste lid",
    soort=SoortBron.VERORDENING,
    uitleg="Eerste grond om de aanvraag af te wijzen (geen = geen afwijzingsgrond): {resultaat}.",
)
class blv_afwijzingsgrond(Variable):
    value_type = Enum
    possible_values = BlijversleningAfwijzingsgrond
    default_value = BlijversleningAfwijzingsgrond.geen
    entity = Huishouden
    definition_period = MONTH
    label = "De eerste afwijzingsgrond van art. 4:15e lid 1 die geldt (geen = de lening kan voorlopig worden toegewezen)"

    def formula(huishouden, period, parameters):
        g = BlijversleningAfwijzingsgrond
        return np.select(
            [
                ~huishouden("blv_voldoet_aan_verordening", period),
                ~huishouden("blv_budget_toereikend", period),
                huishouden("blijverslening_svn_voorschriften_niet_voldaan", period),
                huishouden("blijverslening_negatieve_krediettoets", period),
                huishouden("blijverslening_onjuiste_gegevens", period),
                huishouden("blijverslening_aanvraag_na_maatregelen", period),
            ],
            [
                g.niet_voldaan_aan_verordening,
                g.budget_niet_toereikend,
                g.svn_voorschriften,
                g.negatieve_krediettoets,
                g.onjuiste_gegevens,
                g.aanvraag_na_maatregelen,
            ],
            default=g.geen,
        )


@regel(
    id="blv.toewijsbaar",
    bron=f"{VSD}, artikel 4:15b, eerste lid, en artikel 4:15e",
    soort=SoortBron.VERORDENING,
    uitleg="De Blijverslening kan voorlopig worden toegewezen: {resultaat}.",
)
class blijverslening_toewijsbaar(Variable):
    value_type = bool
    entity = Huishouden
    definition_period = MONTH
    label = "De Blijverslening kan voorlopig worden toegewezen (geen afwijzingsgrond van art. 4:15e lid 1)"

    def formula(huishouden, period, parameters):
        return huishouden("blv_afwijzingsgrond", period) == BlijversleningAfwijzingsgrond.geen


@regel(
    id="blv.bedrag_toegewezen",
    bron=f"{VSD}, artikelen 4:15b tot en met 4:15e",
    soort=SoortBron.VERORDENING,
    uitleg="Het bedrag van de Blijverslening is {resultaat} (nul als de aanvraag wordt afgewezen).",
)
class blijverslening_bedrag(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    unit = "currency-EUR"
    label = "Voorlopig toe te wijzen Blijverslening (0 bij afwijzing)"

    def formula(huishouden, period, parameters):
        return np.where(huishouden("blijverslening_toewijsbaar", period), huishouden("blv_leenbedrag", period), 0.0)
