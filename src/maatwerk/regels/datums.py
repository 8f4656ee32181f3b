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
    """Any date-like input as a ``datetime64[D]`` array."""
    return np.asarray(waarde).astype(DAG)


_BEGIN = np.datetime64("1800-01-01", "D")
_EIND = np.datetime64("2300-01-01", "D")


@functools.lru_cache(maxsize=1)
def _tabellen():
    """Lookup tables (calendar year, month, day per day; first day and length per month) for 1800-2299.

    Converting ``datetime64`` arrays with ``astype`` or integer arithmetic costs several passes over millions of
    persons; a single table lookup is an order of magnitude faster.
    """
    dagen = np.arange(_BEGIN, _EIND, dtype=DAG)
    maanden = dagen.astype(MAAND)
    jaar = (maanden.astype(JAAR).astype(np.int64) + 1970).astype(np.int32)
    maand = (maanden.astype(np.int64) % 12 + 1).astype(np.int8)
    dag = ((dagen - maanden.astype(DAG)).astype(np.int64) + 1).astype(np.int8)
    alle_maanden = np.arange(_BEGIN.astype(MAAND), _EIND.astype(MAAND) + 1, dtype=MAAND)
    eerste = alle_maanden.astype(DAG).astype(np.int64)
    lengte = np.diff(eerste)
    return jaar, maand, dag, eerste[:-1], lengte


def _binnen_tabel(d: np.ndarray) -> bool:
    return d.size == 0 or (d.min() >= _BEGIN and d.max() < _EIND)


def jaar_maand_dag(datum) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Calendar year, month (1-12) and day (1-31) as int arrays."""
    d = als_datum(datum)
    if _binnen_tabel(d):
        jaar, maand, dag = _tabellen()[:3]
        i = (d - _BEGIN).astype(np.int64)
        return jaar[i].astype(np.int64), maand[i].astype(np.int64), dag[i].astype(np.int64)
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
    j, m, dag = jaar_maand_dag(d)
    doel = (j * 12 + m - 1) + np.asarray(maanden, dtype=np.int64)  # months since year 0
    begin_index = int(_BEGIN.astype(MAAND).astype(np.int64)) + 1970 * 12
    i = doel - begin_index
    eerste, lengte = _tabellen()[3:]
    if i.size and (i.min() >= 0 and i.max() < lengte.size):
        uit = eerste[i] + np.minimum(dag, lengte[i]) - 1
        return uit.astype(DAG)
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
    gj, gm, gd = jaar_maand_dag(geboortedatum)
    pj, pm, pd = jaar_maand_dag(peildatum)
    nog_niet_jarig = (pm < gm) | ((pm == gm) & (pd < gd))
    return pj - gj - nog_niet_jarig.astype(np.int64)


def datumnummer(datum) -> np.ndarray:
    """Date as the number YYYYMMDD (the threshold format of the AOW-leeftijd scale)."""
    j, m, d = jaar_maand_dag(datum)
    return j * 10000 + m * 100 + d
