"""Benchmark of the Regelkern (a script, not a timed test).

1. Evaluates every output of the public contract for 1,000,000 synthetic households (vectorised).
2. Runs one situation with uitleg many times and reports the median latency.

    .venv/bin/python bench/bench_regels.py [--huishoudens N] [--herhalingen K]

Targets (issue 2): 1M households in <= 2 s; one situation with uitleg <= 5 ms median.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import numpy as np
from openfisca_core.periods import period as make_period
from openfisca_core.simulations import SimulationBuilder

from maatwerk.regels import systeem
from maatwerk.regels.berekening import STANDAARD_VARIABELEN, bereken

PERIODE = "2026-07"
VOORBEELD = Path(__file__).parents[1] / "src" / "maatwerk" / "regels" / "situaties" / "voorbeeld_gezin.json"


def synthetische_simulatie(tbs, n_huishoudens: int, seed: int = 2026):
    """Households of 1 or 2 partners, 0-3 children and 0-1 medebewoner, with 37 months of income."""
    rng = np.random.default_rng(seed)
    n_partners = rng.choice([1, 2], size=n_huishoudens, p=[0.6, 0.4])
    n_kinderen = rng.choice([0, 1, 2, 3], size=n_huishoudens, p=[0.55, 0.2, 0.18, 0.07])
    n_mede = rng.choice([0, 1], size=n_huishoudens, p=[0.85, 0.15])
    grootte = n_partners + n_kinderen + n_mede
    n_personen = int(grootte.sum())
    huishouden_van = np.repeat(np.arange(n_huishoudens), grootte)
    positie = np.arange(n_personen) - np.repeat(np.cumsum(grootte) - grootte, grootte)
    is_partner = positie < np.repeat(n_partners, grootte)
    is_kind = ~is_partner & (positie < np.repeat(n_partners + n_kinderen, grootte))
    rol = np.where(is_partner, "partner", np.where(is_kind, "kind", "medebewoner"))

    builder = SimulationBuilder()
    builder.create_entities(tbs)
    builder.declare_person_entity("persoon", [f"p{i}" for i in range(n_personen)])
    ids = np.array([f"h{i}" for i in range(n_huishoudens)])
    hh = builder.declare_entity("huishouden", ids)
    # join_with_persons wants the household *id* of each person: it maps ids to positions through the sorted ids
    # ("h10" sorts before "h2"), so integer positions would put the persons of household k into another one.
    builder.join_with_persons(hh, ids[huishouden_van], rol)
    sim = builder.build(tbs)

    vandaag = np.datetime64("2026-07-01")
    leeftijd_dagen = np.where(
        is_kind, rng.integers(0, 18 * 365, n_personen), rng.integers(18 * 365, 90 * 365, n_personen)
    )
    sim.set_input("geboortedatum", "ETERNITY", (vandaag - leeftijd_dagen.astype("timedelta64[D]")))
    inkomen = np.where(is_kind, 0.0, rng.gamma(2.0, 700.0, n_personen)).round(2)
    start = make_period(PERIODE).offset(-36, "month")
    for k in range(37):
        maand = str(start.offset(k, "month"))
        sim.set_input("netto_maandinkomen", maand, inkomen)
    sim.set_input("vermogen", PERIODE, np.where(is_kind, 0.0, rng.gamma(1.0, 4000.0, n_personen)).round(2))
    sim.set_input("bijzondere_kosten", PERIODE, rng.gamma(2.0, 300.0, n_huishoudens).round(2))
    return sim, n_personen


def bench_bulk(n: int) -> dict:
    tbs = systeem()
    t0 = time.perf_counter()
    sim, n_personen = synthetische_simulatie(tbs, n)
    opbouw = time.perf_counter() - t0
    t0 = time.perf_counter()
    for naam in STANDAARD_VARIABELEN:
        sim.calculate(naam, PERIODE)
    rekentijd = time.perf_counter() - t0
    return {"huishoudens": n, "personen": n_personen, "opbouw_s": opbouw, "rekentijd_s": rekentijd,
            "huishoudens_per_s": n / rekentijd}


def bench_enkel(herhalingen: int) -> dict:
    situatie = json.loads(VOORBEELD.read_text(encoding="utf-8"))
    bereken(situatie, PERIODE, uitleg=True)  # warm-up: builds and caches the system
    tijden = []
    for _ in range(herhalingen):
        t0 = time.perf_counter()
        bereken(situatie, PERIODE, uitleg=True)
        tijden.append(time.perf_counter() - t0)
    return {"herhalingen": herhalingen, "mediaan_ms": statistics.median(tijden) * 1000,
            "p90_ms": sorted(tijden)[int(0.9 * len(tijden))] * 1000}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--huishoudens", type=int, default=1_000_000)
    p.add_argument("--herhalingen", type=int, default=200)
    args = p.parse_args()
    bulk = bench_bulk(args.huishoudens)
    print(f"bulk: {bulk['huishoudens']:,} huishoudens ({bulk['personen']:,} personen), "
          f"opbouw {bulk['opbouw_s']:.2f} s, berekening alle uitkomsten {bulk['rekentijd_s']:.2f} s "
          f"= {bulk['huishoudens_per_s']:,.0f} huishoudens/s (doel: 1M in <= 2 s)")
    enkel = bench_enkel(args.herhalingen)
    print(f"enkel: één situatie met uitleg, mediaan {enkel['mediaan_ms']:.2f} ms, p90 {enkel['p90_ms']:.2f} ms "
          f"over {enkel['herhalingen']} runs (doel: mediaan <= 5 ms)")


if __name__ == "__main__":
    main()
