"""Unit tests of the CPI indexation (maatwerk.regels.indexatie): chain, rounding, float guard, missing CPI."""

import numpy as np
import pytest

from maatwerk.regels import systeem
from maatwerk.regels.indexatie import OntbrekendeCPI, geindexeerd_bedrag, naar_boven_op_hele_euros

# CBS 83131NED / cbs.nl nieuws 2024/02, 2025/03; 2025: CBS 13-01-2026.
CPI = {2018: 0.017, 2019: 0.026, 2020: 0.013, 2021: 0.027, 2022: 0.100, 2023: 0.038, 2024: 0.033, 2025: 0.033}


def test_float_guard_keeps_whole_euros():
    assert naar_boven_op_hele_euros(382 * 1.0) == 382
    assert naar_boven_op_hele_euros(100 * 1.1) == 110  # 110.00000000000001 in binary float
    assert naar_boven_op_hele_euros(382.001) == 383  # a real fraction still rounds up


def test_chain_rounds_up_every_year():
    # 382 -> 389 (388,494) -> 400 (399,114) -> 406 (405,2): rounding once at the end would give 404.
    assert geindexeerd_bedrag(382, 2018, 2021, CPI.__getitem__) == 406
    assert np.ceil(382 * 1.017 * 1.026 * 1.013) == 404


def test_vectorised_and_base_year():
    bedragen = geindexeerd_bedrag(np.array([382.0, 486.0, 544.0]), 2018, 2026, CPI.__getitem__)
    assert bedragen.tolist() == [510, 646, 725]
    assert geindexeerd_bedrag(np.array([382.0]), 2018, 2018, CPI.__getitem__).tolist() == [382]


def test_zero_inflation_keeps_amount():
    assert geindexeerd_bedrag(382, 2018, 2020, lambda jaar: 0.0) == 382


def test_cpi_year_offset_is_a_parameter():
    # cpi_jaren_terug = 2: the 2019 amount would use the CPI over 2017 (1,4 %): 382 x 1,014 = 387,348 -> 388.
    assert geindexeerd_bedrag(382, 2018, 2019, {2017: 0.014}.__getitem__, cpi_jaren_terug=2) == 388


def test_missing_cpi_year_is_an_error_not_a_guess():
    from openfisca_core.simulations import SimulationBuilder

    tbs = systeem()
    situatie = {
        "personen": {"a": {"geboortedatum": {"ETERNITY": "1980-01-01"}}},
        "huishoudens": {"h": {"partners": ["a"]}},
    }
    sim = SimulationBuilder().build_from_entities(tbs, situatie)
    # 2028 needs the CPI over 2027, which CBS has not published.
    with pytest.raises(OntbrekendeCPI):
        sim.calculate("iit_bedrag_volgens_verordening", "2028-01")
