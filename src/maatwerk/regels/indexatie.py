"""Yearly CPI indexation of municipal amounts, rounded up to whole euros.

Verordening Sociaal Domein Lansingerland 2018, art. 7:4 lid 4 and 7:9 lid 2: "De bedragen worden
jaarlijks geïndexeerd overeenkomstig de ontwikkelingen van de consumentenprijsindex volgens het Centraal
Bureau voor de Statistiek. De bedragen worden naar boven afgerond op hele euro's."

Read as a chain from the base year (the year the ordinance fixed the amounts):

    bedrag(basisjaar) = basisbedrag
    bedrag(Y)         = ceil(bedrag(Y - 1) * (1 + CPI-jaarmutatie(Y - cpi_jaren_terug)))

Rounding up happens every year (each year's published amount is a whole euro and is the basis of the
next), not once at the end. Which CPI year feeds which amount year is a municipal choice
(`indexatie.cpi_jaren_terug`, 1 in Lansingerland: the amounts for 2019 use the CPI over 2018, the last
full year CBS has published when the new amounts take effect on 1 January).
"""

from __future__ import annotations

from typing import Callable

import numpy as np

# CPI year-on-year changes are published with one decimal (0.1 %-point), so amount x (1 + cpi) has at
# most 3 decimals. Rounding to 6 decimals removes binary float error (382 * 1.0, 100 * 1.1 =
# 110.00000000000001) without ever hiding a real fraction of a cent before `ceil`.
_FLOAT_GUARD_DECIMALS = 6


class OntbrekendeCPI(LookupError):
    """The CPI change of a year the indexation needs is not in the parameter series (not yet published)."""


def naar_boven_op_hele_euros(bedrag):
    """Round up to whole euros, immune to float error (382.0000000001 -> 382, 382.001 -> 383)."""
    return np.ceil(np.round(np.asarray(bedrag, dtype=float), _FLOAT_GUARD_DECIMALS))


def geindexeerd_bedrag(
    basisbedrag,
    basisjaar: int,
    jaar: int,
    cpi_jaarmutatie: Callable[[int], float],
    cpi_jaren_terug: int = 1,
):
    """Amount(s) for `jaar`: `basisbedrag` (scalar or numpy array) indexed year by year since `basisjaar`.

    `cpi_jaarmutatie(j)` returns the CPI change over calendar year j as a fraction (0.017 = 1.7 %).
    Years up to and including the base year return the base amount unchanged.
    """
    bedrag = np.asarray(basisbedrag, dtype=float)
    for y in range(int(basisjaar) + 1, int(jaar) + 1):
        bedrag = naar_boven_op_hele_euros(bedrag * (1.0 + cpi_jaarmutatie(y - int(cpi_jaren_terug))))
    return bedrag


def cpi_reeks(parameters) -> Callable[[int], float]:
    """The CBS CPI series as a function of the calendar year, for use inside an OpenFisca formula.

    `parameters` is the formula's third argument (parameters at an instant). Values are read through it
    at 1 January of the year they describe, so the uitleg trace lists every CPI figure used. A year
    without its own dated value raises `OntbrekendeCPI`: OpenFisca would otherwise silently carry the
    previous year's figure forward.
    """
    gepubliceerd = _gepubliceerde_jaren(parameters)

    def jaarmutatie(jaar: int) -> float:
        if gepubliceerd is not None and jaar not in gepubliceerd:
            raise OntbrekendeCPI(
                f"De CBS-jaarmutatie van de consumentenprijsindex over {jaar} staat niet in "
                "statistiek.cbs_cpi.jaarmutatie; de bedragen kunnen niet worden geïndexeerd."
            )
        return float(parameters(f"{jaar}-01-01").statistiek.cbs_cpi.jaarmutatie)

    return jaarmutatie


def _gepubliceerde_jaren(parameters) -> frozenset[int] | None:
    """Years with their own dated CPI value, read from the raw parameter tree behind `parameters`.

    A formula receives a bound method of the simulation (when tracing) or of the tax-benefit system.
    """
    eigenaar = getattr(parameters, "__self__", None)
    tbs = getattr(eigenaar, "tax_benefit_system", eigenaar)
    boom = getattr(tbs, "parameters", None)
    if boom is None:
        return None
    return _jaren(boom.statistiek.cbs_cpi.jaarmutatie)


def _jaren(parameter) -> frozenset[int]:
    cached = getattr(parameter, "_maatwerk_jaren", None)
    if cached is None:
        cached = frozenset(
            int(str(v.instant_str)[:4]) for v in parameter.values_list if v.value is not None
        )
        parameter._maatwerk_jaren = cached
    return cached


def geindexeerd_op(parameters, jaar: int, basisbedrag, indexatie):
    """For formulas: `basisbedrag` indexed to calendar year `jaar`.

    `indexatie` is the municipal node (at the period's instant) with `basisjaar` and `cpi_jaren_terug`.
    """
    return geindexeerd_bedrag(
        basisbedrag,
        int(indexatie.basisjaar),
        int(jaar),
        cpi_reeks(parameters),
        int(indexatie.cpi_jaren_terug),
    )
