"""Issue 12 point 3: the plain numpy reference (bench/numpy_referentie.py) equals the rules to the cent, also with
kostendelers (art. 22a Pw) and with ages that cross 18, 21, 27 or the AOW date within the month (art. 19: the norm
is per kalendermaand, a change applies from its day)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from maatwerk.regels import bulk
from maatwerk.regels.systeem import systeem

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
import numpy_referentie  # noqa: E402


def _bevolking(maand: str, n: int, seed: int):
    """Households of 1-2 partners, 0-2 children and 0-2 medebewoners; half the persons have a birthday in
    ``maand`` at an age threshold (17->18, 20->21, 26->27), some partners reach the AOW date within it."""
    rng = np.random.default_rng(seed)
    tbs = systeem()
    partners = rng.integers(1, 3, n)
    kinderen = rng.integers(0, 3, n)
    mede = rng.choice([0, 1, 2], n, p=[0.5, 0.3, 0.2])
    grootte = partners + kinderen + mede
    hh = np.repeat(np.arange(n), grootte)
    positie = np.arange(hh.size) - np.repeat(np.cumsum(grootte) - grootte, grootte)
    rol = np.where(positie < np.repeat(partners, grootte), bulk.ROL_PARTNER,
                   np.where(positie < np.repeat(partners + kinderen, grootte), bulk.ROL_KIND, bulk.ROL_MEDEBEWONER))

    eerste = np.datetime64(f"{maand}-01")
    dagen = int(((np.datetime64(maand, "M") + 1).astype("datetime64[D]") - eerste).astype(np.int64))
    # Ages: partners 18-90, children 0-19, medebewoners 18-90 (uniform over days).
    jaren = np.where(rol == bulk.ROL_KIND, rng.integers(0, 20, hh.size), rng.integers(18, 91, hh.size))
    geboren = eerste - (jaren * 365.25 + rng.integers(0, 365, hh.size)).astype("timedelta64[D]")
    # Half: a birthday in this month at a threshold (the day before it they are one year younger).
    drempel = np.where(rol == bulk.ROL_KIND, 18, rng.choice([18, 21, 27], hh.size))
    dag = rng.integers(1, dagen + 1, hh.size)
    jaar = int(str(maand)[:4])
    op_drempel = (np.datetime64(maand, "M") - (drempel * 12).astype("timedelta64[M]")).astype("datetime64[D]") + (dag - 1)
    kies = rng.random(hh.size) < 0.5
    geboren = np.where(kies, op_drempel, geboren)
    # Some partners reach the AOW date within the month (and a few on its first day).
    kandidaat = np.arange(np.datetime64(f"{jaar - 70}-01-01"), np.datetime64(f"{jaar - 64}-01-01"))
    aow = numpy_referentie._aow_datum(tbs, kandidaat)
    in_maand = kandidaat[(aow >= eerste) & (aow < eerste + dagen)]
    aow_kies = (rol == bulk.ROL_PARTNER) & (rng.random(hh.size) < 0.15)
    if in_maand.size:  # months in which nobody reaches the AOW age exist (the age rose by 3 months in 2028)
        geboren[aow_kies] = rng.choice(in_maand, int(aow_kies.sum()))
    inkomen = np.where(rol == bulk.ROL_PARTNER, np.round(rng.uniform(0, 3000, hh.size), 2), 0.0)
    vermogen = np.where(rol != bulk.ROL_KIND, np.round(rng.gamma(1.0, 4000.0, hh.size), 2), 0.0)
    return hh, rol, geboren.astype("datetime64[D]"), inkomen, vermogen


@pytest.mark.parametrize("maand", ["2026-12", "2028-02", "2027-03", "2026-04"])
def test_referentie_gelijk_aan_de_regels_met_kostendelers_en_leeftijdswissel(maand):
    hh, rol, geboren, inkomen, vermogen = _bevolking(maand, 1500, seed=int(maand.replace("-", "")))
    sim = bulk.bouw(systeem(), hh, rol, {"geboortedatum": {"ETERNITY": geboren}, "netto_maandinkomen": {maand: inkomen},
                                         "vermogen": {maand: vermogen}})
    met, zonder, dk = numpy_referentie.alles(systeem(), hh, rol, geboren, inkomen, vermogen, maand)
    regels_met = sim.calculate("bijstandsnorm_inclusief_vakantietoeslag", maand)
    regels_zonder = sim.calculate("bijstandsnorm_zonder_kostendelersnorm_inclusief_vakantietoeslag", maand)
    assert np.array_equal(regels_met, met), np.flatnonzero(regels_met != met)[:10]
    assert np.array_equal(regels_zonder, zonder)
    assert np.array_equal(sim.calculate("draagkracht_bijzondere_bijstand", maand), dk)
    # The population really has what the test is about: kostendelers lower the norm, and part-month norms occur
    # (a norm that is none of the day norms' amounts because it is a day-weighted average).
    assert (met < zonder).any()
    assert len(np.unique(zonder)) > 25
