"""Vectorised date helpers for the rules (numpy ``datetime64[D]`` arrays, no Python loops).

All functions accept scalars (``numpy.datetime64``, ``datetime.date`` or ISO strings) or arrays and return
numpy arrays. Calendar arithmetic follows the civil calendar:

- A person reaches an age on their birthday. Someone born on 29 February reaches a new age in a common year
  on 1 March (the first day on which the birthday has passed); see ``verjaardag_bereikt``.
- Adding months to a date that has no counterpart in the target month (31 January + 1 month) gives the last
  day of the target month (28/29 February). This is the SVB practice for the AOW date ("de dag waarop u de
  AOW-leeftijd bereikt"): see docs/regels/bijstandsnorm.md.
"""

from __future__ import annotations

import functools

import numpy as np

DAG = "datetime64[D]"
MAAND = "datetime64[M]"
JAAR = "datetime64[Y]"


def als_datum(waarde) -> np.ndarray:
    """Any date-like input as a ``datetime64[D]`` array (no copy when it already is one; callers never modify it)."""
    return np.asarray(waarde).astype(DAG, copy=False)


_BEGIN = np.datetime64("1800-01-01", "D")
_EIND = np.datetime64("2300-01-01", "D")


@functools.lru_cache(maxsize=1)
def _tabellen() -> dict[str, np.ndarray]:
    """Lookup tables for 1800-2299, indexed by day (days since 1800-01-01) or by month (months since 1800-01).

    Per day: calendar year, month, day, month index, month*32+day (orders dates within a year) and YYYYMMDD.
    Per month: first day (days since 1970) and length. All int64, so a lookup needs no conversion afterwards.
    Converting ``datetime64`` arrays with ``astype`` or integer arithmetic costs several passes over millions of
    persons; a single table lookup is an order of magnitude faster.
    """
    dagen = np.arange(_BEGIN, _EIND, dtype=DAG)
    maanden = dagen.astype(MAAND)
    jaar = maanden.astype(JAAR).astype(np.int64) + 1970
    maand = maanden.astype(np.int64) % 12 + 1
    dag = (dagen - maanden.astype(DAG)).astype(np.int64) + 1
    alle_maanden = np.arange(_BEGIN.astype(MAAND), _EIND.astype(MAAND) + 1, dtype=MAAND)
    eerste = alle_maanden.astype(DAG).astype(np.int64)
    return {
        "jaar": jaar, "maand": maand, "dag": dag,
        "maandindex": (jaar - 1800) * 12 + (maand - 1),
        "maanddag": maand * 32 + dag,
        "nummer": jaar * 10000 + maand * 100 + dag,
        "eerste": eerste[:-1], "lengte": np.diff(eerste),
    }


def _tabelindex(d: np.ndarray) -> np.ndarray | None:
    """Row of each date in the day tables, or None when a date lies outside 1800-2299 (or is NaT)."""
    if d.size and not (d.min() >= _BEGIN and d.max() < _EIND):
        return None
    return d.view(np.int64) - _BEGIN.astype(np.int64)


def jaar_maand_dag(datum) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Calendar year, month (1-12) and day (1-31) as int arrays."""
    d = als_datum(datum)
    i = _tabelindex(d)
    if i is not None:
        t = _tabellen()
        return np.take(t["jaar"], i), np.take(t["maand"], i), np.take(t["dag"], i)
    return _jaar_maand_dag_berekend(d)


def _jaar_maand_dag_berekend(d: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``jaar_maand_dag`` by calendar arithmetic: for dates outside the tables (and as the reference in tests)."""
    maanden = d.astype(MAAND)
    jaar = maanden.astype(JAAR).astype(np.int64) + 1970
    maand = maanden.astype(np.int64) % 12 + 1
    dag = (d - maanden.astype(DAG)).astype(np.int64) + 1
    return jaar, maand, dag


def eerste_dag_van_maand(datum) -> np.ndarray:
    return als_datum(datum).astype(MAAND).astype(DAG)


def laatste_dag_van_maand(datum) -> np.ndarray:
    return (als_datum(datum).astype(MAAND) + 1).astype(DAG) - np.timedelta64(1, "D")


def dagen_in_maand(datum) -> np.ndarray:
    maand = als_datum(datum).astype(MAAND)
    return ((maand + 1).astype(DAG) - maand.astype(DAG)).astype(np.int64)


def plus_maanden(datum, maanden) -> np.ndarray:
    """Date plus a whole number of months; a day that does not exist becomes the month's last day."""
    d = als_datum(datum)
    i = _tabelindex(d)
    if i is not None:
        t = _tabellen()
        doel = np.take(t["maandindex"], i) + np.asarray(maanden, dtype=np.int64)
        if not doel.size or (doel.min() >= 0 and doel.max() < t["lengte"].size):
            lengte = np.take(t["lengte"], doel)
            uit = np.take(t["eerste"], doel) + np.minimum(np.take(t["dag"], i), lengte) - 1
            return uit.view(DAG)
    return _plus_maanden_berekend(d, maanden)


def _plus_maanden_berekend(d: np.ndarray, maanden) -> np.ndarray:
    """``plus_maanden`` by calendar arithmetic: for dates outside the tables (and as the reference in tests)."""
    j, m, dag = _jaar_maand_dag_berekend(d)
    doel = (j * 12 + m - 1) + np.asarray(maanden, dtype=np.int64)  # months since year 0
    doelmaand = (doel - 1970 * 12).astype("datetime64[M]")
    aantal = ((doelmaand + 1).astype(DAG) - doelmaand.astype(DAG)).astype(np.int64)
    return doelmaand.astype(DAG) + (np.minimum(dag, aantal) - 1).astype("timedelta64[D]")


def plus_jaren(datum, jaren) -> np.ndarray:
    """Date plus whole years (29 February + 1 year gives 28 February)."""
    return plus_maanden(datum, np.asarray(jaren) * 12)


def leeftijd_op(geboortedatum, peildatum) -> np.ndarray:
    """Age in whole years on ``peildatum``: it goes up on the birthday itself.

    For someone born on 29 February the age goes up on 1 March in a common year, because only then has the
    birthday (month 2, day 29) passed; this is the reading of "leeftijd bereiken" we use for the 18/21/27
    thresholds (see docs/regels/bijstandsnorm.md).
    """
    geboren, peil = als_datum(geboortedatum), als_datum(peildatum)
    gi, pi = _tabelindex(geboren), _tabelindex(peil)
    if gi is None or pi is None:
        gj, gm, gd = jaar_maand_dag(geboren)
        pj, pm, pd = jaar_maand_dag(peil)
        nog_niet_jarig = (pm < gm) | ((pm == gm) & (pd < gd))
        return pj - gj - nog_niet_jarig.astype(np.int64)
    t = _tabellen()
    # Not yet had the birthday this year <=> (month, day) of birth after (month, day) of the peildatum.
    nog_niet_jarig = np.take(t["maanddag"], gi) > np.take(t["maanddag"], pi)
    return np.take(t["jaar"], pi) - np.take(t["jaar"], gi) - nog_niet_jarig


def datumnummer(datum) -> np.ndarray:
    """Date as the number YYYYMMDD (the threshold format of the AOW-leeftijd scale)."""
    d = als_datum(datum)
    i = _tabelindex(d)
    if i is not None:
        return np.take(_tabellen()["nummer"], i)
    j, m, dag = _jaar_maand_dag_berekend(d)
    return j * 10000 + m * 100 + dag
