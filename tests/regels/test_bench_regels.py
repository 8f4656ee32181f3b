"""bench/bench_regels.py groups the persons of synthetic household k into household k (issue 12, point 3).

`SimulationBuilder.join_with_persons` maps household ids to positions through the sorted ids, so passing integer
positions where ids are expected ("h10" sorts before "h2") used to put persons into another household.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from maatwerk.regels.systeem import systeem

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
import bench_regels  # noqa: E402


def test_synthetische_huishoudens_blijven_bij_elkaar():
    sim, n_personen = bench_regels.synthetische_simulatie(systeem(), 250, seed=5)
    hh = sim.populations["huishouden"]
    leden = hh.members_entity_id
    assert leden.size == n_personen
    # Persons are declared household by household, so household k holds a consecutive run and k ascends.
    assert np.all(np.diff(leden) >= 0) and leden[0] == 0 and leden[-1] == 249
    assert hh.ids[leden[-1]] == "h249"
    # Every household has at least one partner (the builder draws 1 or 2), and at most 2.
    partners = np.bincount(leden[hh.members_role == hh.entity.PARTNER], minlength=250)
    assert partners.min() >= 1 and partners.max() <= 2
