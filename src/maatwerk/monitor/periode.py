"""The period a monitor figure is about: a half year (art. 8:2 "halfjaarlijks"), a quarter or a year.

Written as `2026-H2`, `2026-K3` (kwartaal) or `2026`. Bad input raises `InvoerFout("periode", Dutch message)`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from maatwerk import formaat
from maatwerk.regels.invoer import InvoerFout

_VORM = re.compile(r"^(\d{4})(?:-(H[12]|K[1-4]))?$")
UITLEG = "Schrijf de periode als 2026-H2 (half jaar), 2026-K3 (kwartaal) of 2026 (jaar)."


@dataclass(frozen=True)
class Periode:
    code: str
    van: dt.date  # first day, inclusive
    tot: dt.date  # last day, inclusive

    @property
    def label(self) -> str:
        return f"{formaat.datum(self.van)} tot en met {formaat.datum(self.tot)}"

    def bevat(self, datum: dt.date | None) -> bool:
        return datum is not None and self.van <= datum <= self.tot


def _laatste_dag(jaar: int, maand: int) -> dt.date:
    return dt.date(jaar + (maand == 12), maand % 12 + 1, 1) - dt.timedelta(days=1)


def periode(code) -> Periode:
    if not isinstance(code, str) or not (m := _VORM.match(code.strip().upper())):
        raise InvoerFout("periode", f"Onbekende periode. {UITLEG}")
    jaar = int(m.group(1))
    if not 2000 <= jaar <= 2100:
        raise InvoerFout("periode", f"Het jaar {jaar} valt buiten 2000 tot en met 2100. {UITLEG}")
    deel = m.group(2)
    if deel is None:
        eerste, laatste = 1, 12
    elif deel[0] == "H":
        eerste = 1 if deel == "H1" else 7
        laatste = eerste + 5
    else:
        eerste = 3 * (int(deel[1]) - 1) + 1
        laatste = eerste + 2
    return Periode(f"{jaar}" + (f"-{deel}" if deel else ""), dt.date(jaar, eerste, 1), _laatste_dag(jaar, laatste))


def halfjaar_van(datum: dt.date) -> Periode:
    return periode(f"{datum.year}-H{1 if datum.month <= 6 else 2}")
