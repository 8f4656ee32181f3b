"""Helpers shared by the test folders (tests/ is on sys.path: `from helpers import ...`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

MOTIVERING = "Vastgesteld in het gesprek en met stukken onderbouwd."


def beantwoord_gevraagde_criteria(zaak, gebruiker=None, *, waarden: Mapping[str, str] | None = None,
                                  standaard: str | None = "ja", motivering: str = MOTIVERING,
                                  leg_vast: Callable[[str, str], object] | None = None) -> list[str]:
    """Answer the criteria the zaak asks, one at a time in their order (`beoordeling.ontbrekende_criteria`): a
    conditional one only once its condition holds, a Wmo cascade step (art. 4:3 lid 3) only until a step solved the
    need. Each answer is `waarden[code]`, else `standaard` (None: every asked code must be in `waarden`); `waarden` defaults to `wmo_criteria.GUNSTIG` (nothing
    stands in the way of a grant in natura). `leg_vast(code, waarde)` records an answer another way (e.g. through the
    API); by default `beoordeling.leg_bevinding_vast` by `gebruiker`. Returns the codes answered, in order."""
    from maatwerk.zaken import beoordeling
    from maatwerk.zaken.wmo_criteria import GUNSTIG

    waarden = GUNSTIG if waarden is None else waarden
    if leg_vast is None:
        def leg_vast(code: str, waarde: str) -> None:
            beoordeling.leg_bevinding_vast(zaak, gebruiker, criterium=code, waarde=waarde, motivering=motivering)
    beantwoord: list[str] = []
    while ontbrekend := beoordeling.ontbrekende_criteria(zaak):
        code = ontbrekend[0].code
        assert code not in beantwoord, f"{code} is asked again after it was answered"  # never loop forever
        waarde = waarden.get(code, standaard)
        assert waarde is not None, f"no answer given for the asked criterion {code}"
        leg_vast(code, waarde)
        beantwoord.append(code)
    return beantwoord
