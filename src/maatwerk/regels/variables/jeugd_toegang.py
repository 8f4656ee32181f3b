"""Jeugdhulp: which help is free to access and when a beschikking is needed. Verordening Sociaal Domein
Lansingerland 2018, artikelen 5:2, 5:3 and 5:4a, with artikel 2.6, eerste lid, onder g, of the Jeugdwet.

- 5:2 lid 1: "De volgende overige voorzieningen zijn beschikbaar: a. preventieve diensten [...] b. ambulante
  jeugd- en opvoedhulp tot en met maximaal 5 contactmomenten"; lid 2 onder b: "ambulante jeugd- en opvoedhulp
  meer dan 5 contactmomenten" is an individuele voorziening, as are the other forms of lid 2 (a, c-m).
- 5:3 lid 1: "Het college draagt zorg voor de inzet van jeugdhulp na een verwijzing door de huisarts, medisch
  specialist en jeugdarts naar een jeugdhulpaanbieder, als en voor zover genoemde jeugdhulp-aanbieder van oordeel
  is dat inzet van jeugdhulp nodig is."
- 5:4a lid 1: an individuele voorziening (or its refusal) is "in alle gevallen" laid down in a beschikking; lid 2:
  "In uitzondering op lid 1 geeft het college enkel een beschikking af als de jeugdige of zijn ouders hierom
  verzoekt, wanneer de inzet van jeugdhulp plaatsvindt na verwijzing door de huisarts, medisch specialist of
  jeugdarts."
"""

from __future__ import annotations

from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from maatwerk.regels.entities import Persoon
from maatwerk.regels.invoer import InvoerFout
from maatwerk.regels.regel import SoortBron, regel

VSD = "Verordening Sociaal Domein Lansingerland 2018"
JW = "Jeugdwet"
URL_JW = "https://wetten.overheid.nl/BWBR0034925"

GEEN_JEUGD = (
    "voor deze gemeente zijn geen jeugdhulpregels (hoofdstuk 5 van de verordening: vrij toegankelijke hulp, "
    "pgb) vastgelegd; kies een gemeente met een map jeugd/ in de parameters."
)


def jeugd_beleid(parameters, period):
    """`parameters(period).gemeente.jeugd`, or a Dutch refusal on `gemeente` when the municipality has none."""
    from openfisca_core.errors import ParameterNotFoundError

    try:
        return parameters(period).gemeente.jeugd
    except ParameterNotFoundError:
        raise InvoerFout("gemeente", GEEN_JEUGD) from None


class JeugdhulpVorm(Enum):
    """The form of help asked for, in the terms of artikel 5:2."""

    ambulante_jeugd_en_opvoedhulp = "Ambulante jeugd- en opvoedhulp (art. 5:2 lid 1 onder b of lid 2 onder b)"
    preventieve_dienst = "Preventieve dienst: informatie, advies, training, jeugdgezondheidszorg, opvoedondersteuning (art. 5:2 lid 1 onder a)"
    andere_individuele_voorziening = "Andere individuele voorziening (art. 5:2 lid 2 onder a en c tot en met m)"


class Verwijzer(Enum):
    """Who referred the jeugdige to a jeugdhulpaanbieder (art. 5:3; Jeugdwet art. 2.6 lid 1 onder g)."""

    geen = "Geen verwijzing (toegang via het college)"
    huisarts = "Huisarts"
    medisch_specialist = "Medisch specialist"
    jeugdarts = "Jeugdarts"


class jeugdhulp_vorm(Variable):
    value_type = Enum
    possible_values = JeugdhulpVorm
    default_value = JeugdhulpVorm.andere_individuele_voorziening
    entity = Persoon
    definition_period = MONTH
    label = "Vorm van jeugdhulp (artikel 5:2)"


class jeugdhulp_contactmomenten(Variable):
    value_type = int
    entity = Persoon
    definition_period = MONTH
    label = "Aantal contactmomenten ambulante jeugd- en opvoedhulp"


class jeugdhulp_verwezen_door(Variable):
    value_type = Enum
    possible_values = Verwijzer
    default_value = Verwijzer.geen
    entity = Persoon
    definition_period = MONTH
    label = "Verwezen door huisarts, medisch specialist of jeugdarts (artikel 5:3)"


class jeugdhulp_beschikking_gevraagd(Variable):
    value_type = bool
    default_value = False
    entity = Persoon
    definition_period = MONTH
    label = "De jeugdige of zijn ouders vragen om een beschikking (artikel 5:4a, tweede lid)"


@regel(
    id="jeugd.vrij_toegankelijk",
    bron=f"{VSD}, artikel 5:2, eerste lid, onder a en b",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "De hulp is vrij toegankelijk (een preventieve dienst, of ambulante jeugd- en opvoedhulp van ten hoogste "
        "{vrij_toegankelijk_max_contactmomenten} contactmomenten; gevraagd: {jeugdhulp_contactmomenten}): {resultaat}."
    ),
)
class jeugdhulp_vrij_toegankelijk(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "De hulp is een overige, vrij toegankelijke voorziening (artikel 5:2, eerste lid)"

    def formula(persoon, period, parameters):
        grens = jeugd_beleid(parameters, period).toegang.vrij_toegankelijk_max_contactmomenten
        vorm = persoon("jeugdhulp_vorm", period)
        ambulant = vorm == JeugdhulpVorm.ambulante_jeugd_en_opvoedhulp
        # "tot en met maximaal 5": five contacts are still free to access, the sixth is not.
        return (vorm == JeugdhulpVorm.preventieve_dienst) | (
            ambulant & (persoon("jeugdhulp_contactmomenten", period) <= grens)
        )


@regel(
    id="jeugd.via_verwijzing",
    bron=f"{VSD}, artikel 5:3, eerste lid; {JW}, artikel 2.6, eerste lid, onder g",
    soort=SoortBron.WET,
    uitleg="De jeugdige is verwezen door de huisarts, een medisch specialist of de jeugdarts: {resultaat}.",
    url=URL_JW,
)
class jeugdhulp_via_verwijzing(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Toegang via verwijzing door huisarts, medisch specialist of jeugdarts"

    def formula(persoon, period, parameters):
        return persoon("jeugdhulp_verwezen_door", period) != Verwijzer.geen


@regel(
    id="jeugd.beschikking_nodig",
    bron=f"{VSD}, artikel 5:4a, eerste en tweede lid",
    soort=SoortBron.VERORDENING,
    uitleg=(
        "Er is een beschikking nodig (een individuele voorziening, en bij een verwijzing door een arts alleen als u "
        "erom vraagt: {jeugdhulp_beschikking_gevraagd}): {resultaat}."
    ),
)
class jeugdhulp_beschikking_nodig(Variable):
    value_type = bool
    entity = Persoon
    definition_period = MONTH
    label = "Het college geeft een beschikking af (artikel 5:4a)"

    def formula(persoon, period, parameters):
        individueel = ~persoon("jeugdhulp_vrij_toegankelijk", period)
        verwezen = persoon("jeugdhulp_via_verwijzing", period)
        return individueel & (~verwezen | persoon("jeugdhulp_beschikking_gevraagd", period))
