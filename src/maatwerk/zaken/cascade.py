"""The ordered steps of a regeling's cascade (Wmo: Verordening Sociaal Domein 2018, artikel 4:3, derde lid) and
the refusal grounds that follow from the findings.

Artikel 4:3 lid 3: "Tijdens een onderzoek naar de inzet van een maatwerkvoorziening wordt eerst onderzocht of de
gewenste resultaten behaald kunnen worden a. op eigen kracht; b. met gebruikelijke hulp; [...] g. met
gebruikmaking van andere voorzieningen." So the steps are asked in that order: a step can only be recorded when
every earlier step has a finding (never silently skipped), and a step whose finding solves the need makes the
later steps "niet meer nodig" and leads to the refusal ground of artikel 4:4 lid 1 that belongs to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.regelingen import Criterium, Regeling

VASTGELEGD, AAN_DE_BEURT, NOG_NIET, NIET_MEER_NODIG = "vastgelegd", "aan_de_beurt", "nog_niet", "niet_meer_nodig"
STAND_LABELS = {
    VASTGELEGD: "vastgelegd",
    AAN_DE_BEURT: "nu aan de beurt",
    NOG_NIET: "eerst de vorige stap",
    NIET_MEER_NODIG: "niet meer nodig",
}


@dataclass(frozen=True)
class Stap:
    criterium: Criterium
    waarde: str | None
    stand: str

    @property
    def stand_label(self) -> str:
        return STAND_LABELS[self.stand]


def stappen(definitie: Regeling, bevindingen: dict[str, str]) -> list[Stap]:
    """The cascade steps in order with their state, given the current findings (criterion code -> waarde)."""
    uitkomst, opgelost, open_ = [], False, False
    for c in definitie.criteria:
        if c.cascade is None:
            continue
        waarde = bevindingen.get(c.code)
        if opgelost:
            stand = NIET_MEER_NODIG
        elif waarde is not None:
            stand = VASTGELEGD
        elif not open_:
            stand, open_ = AAN_DE_BEURT, True
        else:
            stand = NOG_NIET
        uitkomst.append(Stap(c, waarde, stand))
        # A recorded step that solves the need makes every later step "niet meer nodig" (also behind an open
        # step in old data: controleer_volgorde keeps new findings in order). Regeling.gevraagde_criteria uses this.
        opgelost = opgelost or (stand == VASTGELEGD and waarde == c.lost_op)
    return uitkomst


def oplossende_stap(definitie: Regeling, bevindingen: dict[str, str]) -> Stap | None:
    """The step that solved the need (its finding equals `lost_op`), if any."""
    return next((s for s in stappen(definitie, bevindingen) if s.stand == VASTGELEGD and s.waarde == s.criterium.lost_op),
                None)


def controleer_volgorde(definitie: Regeling, code: str, bevindingen: dict[str, str]) -> None:
    """Refuse recording a cascade step out of order, or one made unnecessary by an earlier step."""
    stap = next((s for s in stappen(definitie, bevindingen) if s.criterium.code == code), None)
    if stap is None or stap.stand in (VASTGELEGD, AAN_DE_BEURT):
        return
    if stap.stand == NIET_MEER_NODIG:
        eerder = oplossende_stap(definitie, bevindingen)
        raise ProcedureFout(
            f"Deze stap is niet meer nodig: bij stap {eerder.criterium.cascade} ({eerder.criterium.vraag}) is "
            f"vastgelegd dat het resultaat zo bereikt kan worden. Wijzig eerst die bevinding als dat niet klopt.",
            code="stap_niet_meer_nodig",
        )
    volgende = next(s for s in stappen(definitie, bevindingen) if s.stand == AAN_DE_BEURT)
    raise ProcedureFout(
        f"De stappen van artikel 4:3, derde lid, van de verordening gaan op volgorde. Leg eerst stap "
        f"{volgende.criterium.cascade} vast: {volgende.criterium.vraag}", code="stap_overgeslagen",
    )


def weigergronden(definitie: Regeling, bevindingen: dict[str, str], grond_codes: frozenset[str]) -> list[tuple[str, str]]:
    """The refusal grounds the findings give, as (criterion code, source): the step that solved the need (with
    its ground of 4:4 lid 1) and every ground-criterion answered "ja"."""
    gronden = []
    stap = oplossende_stap(definitie, bevindingen)
    if stap is not None:
        gronden.append((stap.criterium.code, stap.criterium.weigergrond or stap.criterium.bron))
    for c in definitie.criteria:
        if c.code in grond_codes and bevindingen.get(c.code) == "ja":
            gronden.append((c.code, c.bron))
    return gronden
