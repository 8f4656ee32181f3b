"""(Individuele) studietoeslag: artikel 36b Participatiewet, with the municipal ordinance where it still applies.

Two regimes, switched by the dated parameter `wet.participatiewet.art_36b_studietoeslag.landelijke_regeling`:

1. Until 31 March 2022: the individuele studietoeslag was bijzondere bijstand; the raad set amount and
   frequency by ordinance (art. 8 lid 1 onder c and lid 3 Pw). Lansingerland, Verordening Sociaal Domein
   2018: art. 7:7 (dringende redenen, an extra condition), 7:8 (once per six months), 7:9 (€ 900, CPI-indexed,
   rounded up to whole euros), 7:10 (paid once, as one amount). Conditions of art. 36b lid 1 Pw (old text):
   18 jaar of ouder; recht op studiefinanciering (WSF 2000) or WTOS hoofdstuk 4; geen vermogen (art. 34);
   "een persoon is van wie is vastgesteld dat hij met voltijdse arbeid niet in staat is tot het verdienen
   van het wettelijk minimumloon, doch wel mogelijkheden tot arbeidsparticipatie heeft".
   The period asked for is the month of the application; the amount is paid in that month only.

2. From 1 April 2022 (Verzamelwet SZW 2022): the college "verstrekt" a studietoeslag to a student who "als
   rechtstreeks gevolg van een ziekte of gebrek structureel niet in staat is naast de studie inkomsten te
   verwerven", per month, at least the national amount for the student's age (Besluit loonkostensubsidie
   en minimumbedragen studietoeslag Participatiewet 2021), less the part of a stagevergoeding above the
   vrijlating; no vermogenstoets, no age limit of 18, no verordeningsplicht. A higher law overrides the
   ordinance: articles 7:6-7:10 are no longer applied from that date. (The brief expected this change around
   1 July 2024; the sources found date it 1 April 2022 — see docs/regels/inkomenstoeslag_studietoeslag.md.)
   Lansingerland may pay more than the minimum; no such decision was found, so the minimum applies.
"""

from __future__ import annotations

from datetime import date

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from maatwerk.regels.entities import Huishouden, Persoon
from maatwerk.regels.indexatie import geindexeerd_op
from maatwerk.regels.regel import regel


class Vaststelling(Enum):
    """A finding recorded by a person. Not recorded yet = the condition is not (yet) met."""

    niet_vastgesteld = "Nog niet vastgesteld"
    ja = "Ja"
    nee = "Nee"


def _maanden_sinds(datums, period):
    maanden_1970 = np.asarray(datums).astype("datetime64[M]").astype(np.int64)
    return (period.start.year - 1970) * 12 + (period.start.month - 1) - maanden_1970


# ---------------------------------------------------------------- inputs (findings and facts)

class kan_wettelijk_minimumloon_verdienen(Variable):
    value_type = Enum
    possible_values = Vaststelling
    default_value = Vaststelling.niet_vastgesteld
    entity = Persoon
    definition_period = DateUnit.MONTH
    label = "Vastgesteld of de persoon met voltijdse arbeid het wettelijk minimumloon kan verdienen"
    documentation = "Vaststelling door het college (art. 36b lid 1 onder b Pw, tekst tot 1 april 2022). 'nee' opent de studietoeslag."


class mogelijkheden_tot_arbeidsparticipatie(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = DateUnit.MONTH
    label = "Vastgesteld dat de persoon wel mogelijkheden tot arbeidsparticipatie heeft"


class dringende_redenen_studietoeslag(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = DateUnit.MONTH
    label = "Vastgesteld dat dringende redenen de studietoeslag noodzakelijk maken (art. 7:7 verordening)"


class datum_laatste_individuele_studietoeslag(Variable):
    value_type = date
    entity = Persoon
    definition_period = DateUnit.ETERNITY
    label = "Datum van de aanvraag waarop de laatste individuele studietoeslag werd verleend"
    documentation = "Niet ingevuld = de standaarddatum 1970-01-01 = nooit eerder een individuele studietoeslag."


class structureel_geen_inkomsten_naast_studie(Variable):
    value_type = Enum
    possible_values = Vaststelling
    default_value = Vaststelling.niet_vastgesteld
    entity = Persoon
    definition_period = DateUnit.MONTH
    label = "Vastgesteld dat de student door ziekte of gebrek structureel geen inkomsten naast de studie kan verwerven"
    documentation = "Vaststelling door het college (art. 36b lid 1 Pw vanaf 1 april 2022), zo nodig na medisch advies."


class recht_op_wajong(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = DateUnit.MONTH
    label = "De student heeft recht op een Wajong-uitkering"


class stagevergoeding(Variable):
    value_type = float
    entity = Persoon
    definition_period = DateUnit.MONTH
    unit = "currency-EUR"
    label = "Netto stagevergoeding in deze maand"


# ---------------------------------------------------------------- criteria (persoon)

@regel(
    id="ist.leeftijd",
    bron="Participatiewet, artikel 36b, eerste lid, onder a (tekst tot 1 april 2022)",
    soort="wet",
    uitleg="U bent {minimumleeftijd} jaar of ouder: {resultaat}.",
)
class ist_18_jaar_of_ouder(Variable):
    value_type = bool
    entity = Persoon
    definition_period = DateUnit.MONTH
    label = "18 jaar of ouder op de datum van de aanvraag"

    def formula(persoon, period, parameters):
        minimum = parameters(period).wet.participatiewet.art_36b_studietoeslag.minimumleeftijd
        return persoon("leeftijd", period) >= minimum


@regel(
    id="ist.studiefinanciering",
    bron="Participatiewet, artikel 36b, eerste lid (studiefinanciering WSF 2000 of tegemoetkoming WTOS hoofdstuk 4)",
    soort="wet",
    uitleg="U hebt recht op studiefinanciering of een tegemoetkoming scholieren: {resultaat}.",
)
class ist_recht_op_studiefinanciering(Variable):
    value_type = bool
    entity = Persoon
    definition_period = DateUnit.MONTH
    label = "Recht op studiefinanciering (WSF 2000) of WTOS-tegemoetkoming"

    def formula(persoon, period, parameters):
        return persoon("ontvangt_studiefinanciering", period)


@regel(
    id="ist.vermogen",
    bron="Participatiewet, artikel 36b, eerste lid, met artikel 34 (tekst tot 1 april 2022)",
    soort="wet",
    uitleg="U hebt geen vermogen boven de vermogensgrens: {resultaat}.",
)
class ist_geen_vermogen_boven_grens(Variable):
    value_type = bool
    entity = Persoon
    definition_period = DateUnit.MONTH
    label = "Geen in aanmerking te nemen vermogen boven de vermogensgrens"

    def formula(persoon, period, parameters):
        # A partner is tested with the household (art. 34: vermogen van het gezin). An adult who is not a
        # partner (e.g. a student living with his parents) is not part of their gezin (art. 4 Pw) and is
        # tested on his own vermogen against the limit for an alleenstaande.
        partner = persoon.has_role(Huishouden.PARTNER)
        boven = persoon.huishouden("vermogen_boven_vermogensgrens", period)
        volwassen_anders = np.logical_not(partner) & persoon("ist_18_jaar_of_ouder", period)
        if volwassen_anders.any():
            grens = parameters(period).wet.participatiewet.vermogensgrenzen.alleenstaande
            boven = np.where(partner, boven, persoon("vermogen", period) > grens)
        return np.logical_not(boven)


@regel(
    id="ist.geen_wml",
    bron="Participatiewet, artikel 36b, eerste lid, onder b (tekst tot 1 april 2022)",
    soort="discretie",
    uitleg="Het college heeft vastgesteld dat u met voltijds werk niet het minimumloon kunt verdienen: {resultaat}.",
)
class ist_kan_geen_wml_verdienen(Variable):
    value_type = bool
    entity = Persoon
    definition_period = DateUnit.MONTH
    label = "Vastgesteld: met voltijdse arbeid niet in staat het wettelijk minimumloon te verdienen"

    def formula(persoon, period, parameters):
        vaststelling = persoon("kan_wettelijk_minimumloon_verdienen", period)
        return vaststelling == Vaststelling.nee


@regel(
    id="ist.arbeidsparticipatie",
    bron="Participatiewet, artikel 36b, eerste lid, onder b (tekst tot 1 april 2022)",
    soort="discretie",
    uitleg="Het college heeft vastgesteld dat u wel mogelijkheden hebt om te werken: {resultaat}.",
)
class ist_mogelijkheden_tot_arbeidsparticipatie(Variable):
    value_type = bool
    entity = Persoon
    definition_period = DateUnit.MONTH
    label = "Vastgesteld: wel mogelijkheden tot arbeidsparticipatie"

    def formula(persoon, period, parameters):
        return persoon("mogelijkheden_tot_arbeidsparticipatie", period)


@regel(
    id="ist.dringende_redenen",
    bron="Verordening Sociaal Domein 2018, artikel 7:7",
    soort="discretie",
    uitleg="Er zijn dringende redenen waardoor u de studietoeslag nodig hebt: {resultaat}.",
)
class ist_dringende_redenen(Variable):
    value_type = bool
    entity = Persoon
    definition_period = DateUnit.MONTH
    label = "Dringende redenen (art. 7:7 verordening)"

    def formula(persoon, period, parameters):
        return persoon("dringende_redenen_studietoeslag", period)


@regel(
    id="ist.herhalingstermijn",
    bron="Verordening Sociaal Domein 2018, artikel 7:8",
    soort="verordening",
    uitleg=(
        "Uw vorige individuele studietoeslag is minstens {herhalingstermijn} maanden geleden (of u kreeg er "
        "nooit een): {resultaat}."
    ),
)
class ist_buiten_herhalingstermijn(Variable):
    value_type = bool
    entity = Persoon
    definition_period = DateUnit.MONTH
    label = "De vorige individuele studietoeslag ligt ten minste zes maanden terug"

    def formula(persoon, period, parameters):
        termijn = parameters(period).gemeente.individuele_studietoeslag.herhalingstermijn
        laatste = persoon("datum_laatste_individuele_studietoeslag", period)
        return _maanden_sinds(laatste, period) >= termijn


@regel(
    id="ist.bedrag_verordening",
    bron="Verordening Sociaal Domein 2018, artikelen 7:9 en 7:10",
    soort="verordening",
    uitleg=(
        "De individuele studietoeslag is in dit jaar {resultaat}, eenmalig (jaarlijks aangepast aan de "
        "prijsstijging volgens het CBS en naar boven afgerond op hele euro's)."
    ),
)
class ist_bedrag_volgens_verordening(Variable):
    value_type = float
    entity = Persoon
    definition_period = DateUnit.MONTH
    unit = "currency-EUR"
    label = "Bedrag van de individuele studietoeslag volgens de verordening, geïndexeerd"

    def formula(persoon, period, parameters):
        p = parameters(period).gemeente.individuele_studietoeslag
        bedrag = geindexeerd_op(parameters, period.start.year, float(p.bedrag), p.indexatie)
        return np.full(persoon.count, float(bedrag))


@regel(
    id="ist.structureel_geen_inkomsten",
    bron="Participatiewet, artikel 36b, eerste lid (vanaf 1 april 2022)",
    soort="discretie",
    uitleg=(
        "Het college heeft vastgesteld dat u door ziekte of handicap blijvend geen inkomen naast uw studie "
        "kunt verdienen: {resultaat}."
    ),
)
class ist_structureel_geen_inkomsten(Variable):
    value_type = bool
    entity = Persoon
    definition_period = DateUnit.MONTH
    label = "Vastgesteld: structureel niet in staat naast de studie inkomsten te verwerven"

    def formula(persoon, period, parameters):
        return persoon("structureel_geen_inkomsten_naast_studie", period) == Vaststelling.ja


@regel(
    id="ist.geen_wajong",
    bron="Participatiewet, artikel 36b (vanaf 1 april 2022): geen recht op Wajong",
    soort="wet",
    uitleg="U hebt geen recht op een Wajong-uitkering: {resultaat}.",
)
class ist_geen_wajong(Variable):
    value_type = bool
    entity = Persoon
    definition_period = DateUnit.MONTH
    label = "Geen recht op een Wajong-uitkering"

    def formula(persoon, period, parameters):
        return np.logical_not(persoon("recht_op_wajong", period))


@regel(
    id="ist.bedrag_landelijk",
    bron="Participatiewet, artikel 36b; Besluit loonkostensubsidie en minimumbedragen studietoeslag Participatiewet 2021",
    soort="wet",
    uitleg=(
        "De studietoeslag voor uw leeftijd ({leeftijd} jaar) is {resultaat} per maand, na aftrek van het deel "
        "van uw stagevergoeding boven {vrijlating_stagevergoeding}."
    ),
)
class ist_bedrag_landelijk(Variable):
    value_type = float
    entity = Persoon
    definition_period = DateUnit.MONTH
    unit = "currency-EUR"
    label = "Landelijk minimumbedrag studietoeslag per maand naar leeftijd, minus stagevergoeding boven de vrijlating"

    def formula(persoon, period, parameters):
        p = parameters(period).wet.participatiewet.art_36b_studietoeslag
        bedrag = p.bedrag_per_maand.calc(persoon("leeftijd", period))
        boven_vrijlating = np.maximum(persoon("stagevergoeding", period) - p.vrijlating_stagevergoeding, 0.0)
        return np.round(np.maximum(bedrag - boven_vrijlating, 0.0), 2)


# ---------------------------------------------------------------- outcome

@regel(
    id="ist.toekenning",
    bron="Participatiewet, artikel 36b; tot 1 april 2022 met Verordening Sociaal Domein 2018, artikelen 7:6 tot en met 7:10",
    soort="wet",
    uitleg="Uw studietoeslag is {resultaat}.",
)
class individuele_studietoeslag_persoon(Variable):
    value_type = float
    entity = Persoon
    definition_period = DateUnit.MONTH
    unit = "currency-EUR"
    label = "(Individuele) studietoeslag van deze persoon in deze maand"
    documentation = (
        "Tot 1 april 2022: eenmalig bedrag volgens de verordening in de maand van de aanvraag. Vanaf 1 april "
        "2022: landelijk maandbedrag naar leeftijd (hogere wet gaat voor de verordening)."
    )

    def formula(persoon, period, parameters):
        if parameters(period).wet.participatiewet.art_36b_studietoeslag.landelijke_regeling:
            recht = (
                persoon("ist_recht_op_studiefinanciering", period)
                & persoon("ist_structureel_geen_inkomsten", period)
                & persoon("ist_geen_wajong", period)
            )
            return np.where(recht, persoon("ist_bedrag_landelijk", period), 0.0)
        recht = (
            persoon("ist_18_jaar_of_ouder", period)
            & persoon("ist_recht_op_studiefinanciering", period)
            & persoon("ist_kan_geen_wml_verdienen", period)
            & persoon("ist_mogelijkheden_tot_arbeidsparticipatie", period)
            & persoon("ist_dringende_redenen", period)
            & persoon("ist_buiten_herhalingstermijn", period)
        )
        # Vermogen last: before 2024 the national vermogensgrenzen are not in the parameters yet, so only
        # look when someone otherwise qualifies.
        if recht.any():
            recht = recht & persoon("ist_geen_vermogen_boven_grens", period)
        return np.where(recht, persoon("ist_bedrag_volgens_verordening", period), 0.0)


@regel(
    id="ist.huishouden",
    bron="Participatiewet, artikel 36b; Verordening Sociaal Domein 2018, toelichting op artikel 7:9 (per persoon)",
    soort="wet",
    uitleg="De studietoeslagen van de leden van uw huishouden zijn samen {resultaat}.",
)
class individuele_studietoeslag(Variable):
    value_type = float
    entity = Huishouden
    definition_period = DateUnit.MONTH
    unit = "currency-EUR"
    label = "Som van de (individuele) studietoeslagen van de personen in het huishouden"

    def formula(huishouden, period, parameters):
        return huishouden.sum(huishouden.members("individuele_studietoeslag_persoon", period))
