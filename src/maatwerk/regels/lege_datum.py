"""Date inputs that may be left empty.

OpenFisca fills a date input that is given for some persons or households only with its default (1970-01-01) for the
others, and then never runs the variable's formula. So "not filled" cannot be a formula on the input itself; rules
read such an input through `niet_ingevuld_is_begin_maand`, which turns the default into the first day of the month
asked for (the usual reading: the application or decision is dated in that month).
"""

from __future__ import annotations

import numpy as np

from maatwerk.regels import datums

NIET_INGEVULD = np.datetime64("1970-01-01", "D")


def niet_ingevuld_is_begin_maand(datum, period) -> np.ndarray:
    """A date input left empty (1970-01-01) read as the first day of the period's month."""
    d = datums.als_datum(datum)
    return np.where(d == NIET_INGEVULD, np.datetime64(period.start.date, "D"), d)
