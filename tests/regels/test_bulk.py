"""Issue 12 point 3: a simulation built from arrays gives what the dict-built one gives; the fast hot rules equal
their readable references; the plain numpy reference of the norm and draagkracht rules equals the rules."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from openfisca_core.simulations import SimulationBuilder

from maatwerk.beleid import synthetisch
from maatwerk.regels import bulk
from maatwerk.regels.systeem import systeem
from maatwerk.regels.variables.bijzondere_bijstand import inkomen_partners_referentie
from maatwerk.regels.variables.vermogen import vermogen_huishouden_referentie

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
import numpy_referentie  # noqa: E402

MAAND = "2026-12"
UITKOMSTEN = ["bijstandsnorm_zonder_kostendelersnorm_inclusief_vakantietoeslag", "draagkracht_bijzondere_bijstand",
              "vermogen_huishouden", "bb_inkomen_partners"]


@pytest.fixture(scope="module")
def populatie():
    return synthetisch.genereer(systeem(), 400, MAAND, seed=7)


def _dict_simulatie(pop):
    """The same population through the engine's generic builder: string ids and role names per person."""
    tbs = systeem()
    b = SimulationBuilder()
    b.create_entities(tbs)
    b.declare_person_entity("persoon", [f"p{i}" for i in range(pop.rol.size)])
    hh = b.declare_entity("huishouden", [f"h{i}" for i in range(pop.n_huishoudens)])
    ids = np.array([f"h{i}" for i in range(pop.n_huishoudens)])
    b.join_with_persons(hh, ids[pop.huishouden_van], np.array(["partner", "kind", "medebewoner"])[pop.rol])
    sim = b.build(tbs)
    for naam, per in pop.invoer(1).items():
        for periode, waarden in per.items():
            sim.set_input(naam, periode, waarden)
    return sim


def test_bulk_gelijk_aan_de_generieke_opbouw(populatie):
    a = bulk.bouw(systeem(), populatie.huishouden_van, populatie.rol, populatie.invoer(1))
    b = _dict_simulatie(populatie)
    for naam in UITKOMSTEN:
        assert np.array_equal(a.calculate(naam, MAAND), b.calculate(naam, MAAND)), naam


def test_snelle_regels_gelijk_aan_de_leesbare(populatie):
    sim = _dict_simulatie(populatie)  # generic roles: the fast rules compute their own masks here
    hh = sim.populations["huishouden"]
    assert np.array_equal(sim.calculate("bb_inkomen_partners", MAAND), inkomen_partners_referentie(hh, MAAND))
    assert np.array_equal(sim.calculate("vermogen_huishouden", MAAND), vermogen_huishouden_referentie(hh, MAAND))
    assert sim.calculate("bb_inkomen_partners", MAAND).max() > 0 and sim.calculate("vermogen_huishouden", MAAND).max() > 0


def test_numpy_referentie_gelijk_aan_de_regels(populatie):
    sim = bulk.bouw(systeem(), populatie.huishouden_van, populatie.rol, populatie.invoer(1))
    norm, dk = numpy_referentie.norm_en_draagkracht(systeem(), populatie.huishouden_van, populatie.rol,
                                                    populatie.geboortedatum, populatie.inkomen, populatie.vermogen,
                                                    MAAND)
    assert np.array_equal(sim.calculate(UITKOMSTEN[0], MAAND), norm)
    assert np.array_equal(sim.calculate("draagkracht_bijzondere_bijstand", MAAND), dk)
    assert (dk > 0).any() and (dk == 0).any()  # both sides of the limit occur
    assert len(set(populatie.type.tolist())) == len(synthetisch.TYPEN)  # every household type occurs


@pytest.mark.parametrize("huishouden_van, rol, bericht", [
    ([0, 0], [0], "even lang"),
    ([1, 0], [0, 0], "op volgorde"),
    ([0, 0], [0, 7], "rolcode"),
])
def test_bulk_weigert_onjuiste_arrays(huishouden_van, rol, bericht):
    with pytest.raises(bulk.BulkFout, match=bericht):
        bulk.bouw(systeem(), np.array(huishouden_van), np.array(rol), {})


def test_bulk_weigert_onbekende_variabele_en_verkeerde_lengte():
    with pytest.raises(bulk.BulkFout, match="onbekende variabele"):
        bulk.bouw(systeem(), np.array([0]), np.array([0]), {"bestaat_niet": {MAAND: np.zeros(1)}})
    with pytest.raises(bulk.BulkFout, match="1 waarden"):
        bulk.bouw(systeem(), np.array([0]), np.array([0]), {"netto_maandinkomen": {MAAND: np.zeros(2)}})


def test_synthetische_bevolking_is_herhaalbaar():
    a = synthetisch.genereer(systeem(), 50, MAAND, seed=3)
    b = synthetisch.genereer(systeem(), 50, MAAND, seed=3)
    c = synthetisch.genereer(systeem(), 50, MAAND, seed=4)
    assert np.array_equal(a.inkomen, b.inkomen) and np.array_equal(a.geboortedatum, b.geboortedatum)
    assert not np.array_equal(a.inkomen, c.inkomen)
