"""Issue 12 point 3: the fast forms of the hot rules give exactly what their readable references give.

- `aow_datum`: the table per day of birth (`aow_datum_per_geboortedag`) against the readable rule
  (`aow_datum_referentie`), over the synthetic population and the edge dates (29 February, month ends, the
  cohort boundaries of the AOW scale);
- the candidates for a status change in a month: the comparison path used for the first month asked against the
  sorted path used from the second month on, for every month of two years (March included: 29 February);
- the whole norm of a bulk simulation of the standard synthetic population (25,000 households): the same with
  the AOW-date table on as with it off (patched in the module the engine loaded the formula into).
"""

from __future__ import annotations

import numpy as np
import pytest

from maatwerk.beleid import synthetisch
from maatwerk.regels import bulk, datums
from maatwerk.regels.systeem import systeem
from maatwerk.regels.variables import bijstandsnorm, persoon

MAAND = "2026-12"


@pytest.fixture(scope="module")
def populatie():
    return synthetisch.genereer(systeem(), 3000, MAAND, seed=11)


def _randdatums() -> np.ndarray:
    """Every day of 1940-1975 (the cohorts whose AOW age changes) and the month ends of 1900-2030."""
    dagen = np.arange(np.datetime64("1940-01-01"), np.datetime64("1976-01-01"), dtype="datetime64[D]")
    maanden = np.arange(np.datetime64("1900-01"), np.datetime64("2031-01"), dtype="datetime64[M]")
    einden = (maanden + 1).astype("datetime64[D]") - np.timedelta64(1, "D")
    return np.concatenate([dagen, einden, np.array(["1952-02-29", "1960-02-29", "1964-02-29"], dtype="datetime64[D]")])


def test_aow_datum_tabel_gelijk_aan_de_leesbare_regel(populatie, monkeypatch):
    sim = bulk.bouw(systeem(), populatie.huishouden_van, populatie.rol, populatie.invoer(1))
    personen = sim.populations["persoon"]
    monkeypatch.setattr(persoon, "_TABEL_VANAF", 0)  # take the table path even for these small arrays
    monkeypatch.setattr(persoon, "_TABEL_RIJEN_PER_PERSOON", 10**9)
    gebruikt = []
    echt = persoon.aow_datum_referentie
    monkeypatch.setattr(persoon, "aow_datum_referentie", lambda p, g: gebruikt.append(g.size) or echt(p, g))
    for geboren in (populatie.geboortedatum, _randdatums()):
        gebruikt.clear()
        snel = persoon.aow_datum_per_geboortedag(personen, geboren)
        assert gebruikt and gebruikt[0] != geboren.size  # the table path ran (on the days, not the persons)
        assert np.array_equal(snel, echt(personen, datums.als_datum(geboren)))
    # Unsorted input with repeats and a single person: the lookup keeps each person's own date.
    gemengd = np.array(["1999-03-31", "1950-01-01", "1999-03-31", "1957-02-28"], dtype="datetime64[D]")
    assert np.array_equal(persoon.aow_datum_per_geboortedag(personen, gemengd), echt(personen, gemengd))
    een = np.array(["1961-05-31"], dtype="datetime64[D]")
    assert np.array_equal(persoon.aow_datum_per_geboortedag(personen, een), echt(personen, een))


def test_kandidaten_van_de_eerste_maand_gelijk_aan_het_gesorteerde_pad():
    # Everyone born on some day of 1940-2026: every birthday, month end and AOW date of those years occurs.
    geboren = np.arange(np.datetime64("1940-01-01"), np.datetime64("2027-01-01"), dtype="datetime64[D]")
    gj, gm, _ = datums.jaar_maand_dag(geboren)
    aow = datums.plus_maanden(geboren, np.full(geboren.size, 67 * 12 + 3))
    drempels = (18, 21, 27)
    sorteren = bijstandsnorm._Wisselaars(gj, gm, aow)
    sorteren.in_maand(2000, 1, drempels)  # the first question takes the comparison path; the next ones sort
    for jaar in (2026, 2028):
        for maand in range(1, 13):
            vergelijken = bijstandsnorm._Wisselaars(gj, gm, aow).in_maand(jaar, maand, drempels)
            gesorteerd = sorteren.in_maand(jaar, maand, drempels)
            assert vergelijken.size > 0
            assert np.array_equal(vergelijken, gesorteerd), (jaar, maand)


def test_norm_in_bulk_gelijk_aan_de_leesbare_paden(monkeypatch):
    """The full synthetic population (its standard size, so the table path is taken with the real thresholds)
    through the fast paths against the same population with the AOW-date table off."""
    populatie = synthetisch.genereer(systeem(), synthetisch.STANDAARD_HUISHOUDENS, MAAND, seed=2026)
    assert populatie.rol.size >= persoon._TABEL_VANAF
    namen = ["bijstandsnorm_inclusief_vakantietoeslag", "bijstandsnorm_zonder_kostendelersnorm_inclusief_vakantietoeslag",
             "draagkracht_bijzondere_bijstand", "aow_datum"]
    # OpenFisca loads the variables' files as modules of its own: patch the module the engine's formula runs in.
    motor = next(iter(systeem().variables["aow_datum"].formulas.values())).__globals__
    gebruikt = []
    echt = motor["aow_datum_referentie"]
    monkeypatch.setitem(motor, "aow_datum_referentie", lambda p, g: gebruikt.append(g.size) or echt(p, g))
    snel = bulk.bouw(systeem(), populatie.huishouden_van, populatie.rol, populatie.invoer(1))
    snel_uit = {n: snel.calculate(n, MAAND) for n in namen}
    assert gebruikt and gebruikt[0] < populatie.rol.size  # the table path ran
    monkeypatch.setitem(motor, "_TABEL_VANAF", 10**12)
    gebruikt.clear()
    leesbaar = bulk.bouw(systeem(), populatie.huishouden_van, populatie.rol, populatie.invoer(1))
    for naam in namen:
        assert np.array_equal(snel_uit[naam], leesbaar.calculate(naam, MAAND)), naam
    assert gebruikt == [populatie.rol.size]  # the readable rule ran on every person
