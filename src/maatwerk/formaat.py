"""Dutch formats for every text a person reads (pages, letters, messages): one place, so amounts and dates look
the same everywhere. `€ 2.500,00` and `5 december 2026` (the Taalunie's spelling; NL Design System writes
amounts the same way)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")


def bedrag(waarde: Decimal | float | int | None) -> str:
    """`€ 2.500,00`; a negative amount `-€ 12,50`; None gives ''."""
    if waarde is None or waarde == "":
        return ""
    getal = Decimal(str(waarde))
    tekst = f"{abs(getal):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"-€ {tekst}" if getal < 0 else f"€ {tekst}"


def datum(waarde: dt.date | dt.datetime | str | None) -> str:
    """`5 december 2026`; an ISO string is read first; None gives ''."""
    if not waarde:
        return ""
    if isinstance(waarde, str):
        waarde = dt.date.fromisoformat(waarde[:10])
    if isinstance(waarde, dt.datetime):
        waarde = waarde.date()
    return f"{waarde.day} {MAANDEN[waarde.month - 1]} {waarde.year}"


def datumtijd(waarde: dt.datetime | None) -> str:
    """`5 december 2026 om 14.05 uur` in the local time zone."""
    if not waarde:
        return ""
    from django.utils import timezone

    if timezone.is_aware(waarde):
        waarde = timezone.localtime(waarde)
    return f"{datum(waarde)} om {waarde.hour}.{waarde.minute:02d} uur"
