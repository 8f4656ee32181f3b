"""Term arithmetic by Awb convention: a term "binnen N weken na <gebeurtenis>" starts the day after the
event (Awb 6:8 lid 1: "De termijn vangt aan met ingang van de dag na die waarop het besluit ... is
bekendgemaakt") and ends at the end of its last day, which carries the event's weekday (weeks) or day of
the month (months; clipped to the month end, so 31 January + 1 month = 28 or 29 February).
"""

from __future__ import annotations

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from maatwerk import formaat
from maatwerk.termijnen.atw import atw_verlengen
from maatwerk.termijnen.gegevens import TermijnFout
from maatwerk.termijnen.gegevens import atw as atw_gegevens

EENHEDEN = {"dagen": "days", "weken": "weeks", "maanden": "months"}  # Dutch unit -> relativedelta


def eerste_dag(gebeurtenis: date) -> date:
    """First day of a term counted from `gebeurtenis` (Awb 6:8 lid 1: the day after)."""
    return gebeurtenis + timedelta(days=1)


def einddatum(
    gebeurtenis: date,
    *,
    dagen: int | None = None,
    weken: int | None = None,
    maanden: int | None = None,
    atw: bool,
) -> date:
    """Last day (inclusive) of a term of N dagen, weken or maanden after `gebeurtenis`.

    `atw=True` applies Atw art. 2 and art. 1 lid 1 (use it only for terms set by a law in the formal
    sense or an AMvB, never for terms named by the bestuursorgaan or an ordinance).
    """
    return bereken_einde(gebeurtenis, *_een_eenheid(dagen, weken, maanden), atw=atw)[0]


def bereken_einde(gebeurtenis: date, eenheid: str, aantal: int, *, atw: bool) -> tuple[date, list[str]]:
    """Like `einddatum`, but also returns the explanation lines (one per step)."""
    if eenheid not in EENHEDEN:
        raise TermijnFout(f"Onbekende eenheid {eenheid!r}; kies uit {', '.join(EENHEDEN)}")
    if aantal < 1:
        raise TermijnFout(f"Een termijn moet ten minste 1 duren, niet {aantal} {eenheid}")
    einde = gebeurtenis + relativedelta(**{EENHEDEN[eenheid]: aantal})
    stappen = [
        f"{aantal} {eenheid} na {formaat.datum(gebeurtenis)}: van {formaat.datum(eerste_dag(gebeurtenis))} "
        f"tot en met {formaat.datum(einde)}"
    ]
    if not atw:
        return einde, stappen
    if te_lang_voor_atw(eenheid, aantal):
        stappen.append(f"{_atw_lang()['bron']}: termijn langer dan de grens; de Atw is niet toegepast")
        return einde, stappen
    verlengd, atw_stappen = atw_verlengen(eerste_dag(gebeurtenis), einde)
    return verlengd, stappen + atw_stappen


def _een_eenheid(dagen: int | None, weken: int | None, maanden: int | None) -> tuple[str, int]:
    gegeven = [(naam, n) for naam, n in zip(EENHEDEN, (dagen, weken, maanden)) if n is not None]
    if len(gegeven) != 1:
        raise TermijnFout("Geef precies één van dagen=, weken= of maanden=")
    return gegeven[0]


def _atw_lang() -> dict:
    return atw_gegevens()["lange_termijnen"]


def te_lang_voor_atw(eenheid: str, aantal: int) -> bool:
    """Atw art. 4 (per secondary sources, see termijnen.yaml): no Atw for terms above the limits."""
    return aantal > _atw_lang()[f"max_{eenheid}"]
