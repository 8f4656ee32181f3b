"""Benchmark of a bulk policy run (issue 12, point 3): a script, not a timed test.

For N synthetic households (`maatwerk.beleid.synthetisch`, seeded) it reports separately:
- genereren: drawing the synthetic population (numpy, not part of the Regelkern);
- opbouw: building the OpenFisca simulation from arrays (`maatwerk.regels.bulk.bouw`);
- rekenen: computing the norm (with and without the kostendelersnorm) and the draagkracht of the bijzondere
  bijstand with the rules;
- numpy: the plain numpy reference of the same rules (`bench/numpy_referentie.py`),
and checks that rules and reference agree to the cent.

    .venv/bin/python bench/bench_beleid.py [--huishoudens 1000000] [--maand 2026-12] [--herhalingen 3]

Targets (issue 12): compute < 2 s for 1 million households, within 2x of the numpy reference.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

import numpy_referentie  # noqa: E402

from maatwerk.beleid import synthetisch  # noqa: E402
from maatwerk.regels import bulk  # noqa: E402
from maatwerk.regels.systeem import systeem  # noqa: E402

VARIABELEN = ("bijstandsnorm_inclusief_vakantietoeslag", "bijstandsnorm_zonder_kostendelersnorm_inclusief_vakantietoeslag",
              "draagkracht_bijzondere_bijstand")


def meet(n: int, maand: str, herhalingen: int) -> dict:
    tbs = systeem()
    t0 = time.perf_counter()
    pop = synthetisch.genereer(tbs, n, maand, seed=2026)
    genereren = time.perf_counter() - t0
    opbouw, rekenen, numpy_tijd = [], [], []
    for _ in range(herhalingen):
        t0 = time.perf_counter()
        sim = bulk.bouw(tbs, pop.huishouden_van, pop.rol, pop.invoer(1))
        opbouw.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        uit = {naam: sim.calculate(naam, maand) for naam in VARIABELEN}
        rekenen.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        referentie = numpy_referentie.alles(tbs, pop.huishouden_van, pop.rol, pop.geboortedatum, pop.inkomen,
                                            pop.vermogen, maand)
        numpy_tijd.append(time.perf_counter() - t0)
    return {"huishoudens": n, "personen": int(pop.rol.size), "genereren_s": genereren, "opbouw_s": min(opbouw),
            "rekenen_s": min(rekenen), "numpy_s": min(numpy_tijd),
            "gelijk": {naam: bool(np.array_equal(np.asarray(uit[naam]), ref)) for naam, ref in zip(VARIABELEN, referentie)}}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--huishoudens", type=int, default=1_000_000)
    p.add_argument("--maand", default="2026-12")
    p.add_argument("--herhalingen", type=int, default=3)
    a = p.parse_args()
    r = meet(a.huishoudens, a.maand, a.herhalingen)
    print(f"{r['huishoudens']:,} huishoudens ({r['personen']:,} personen), beste van {a.herhalingen}:")
    print(f"  genereren (synthetisch)  {r['genereren_s']:.2f} s")
    print(f"  opbouw (bulk.bouw)       {r['opbouw_s']:.2f} s")
    print(f"  rekenen (Regelkern)      {r['rekenen_s']:.2f} s   (doel < 2 s)")
    print(f"  numpy-referentie         {r['numpy_s']:.2f} s   verhouding {r['rekenen_s'] / r['numpy_s']:.2f}x "
          f"(doel <= 2x)")
    for naam, gelijk in r["gelijk"].items():
        print(f"  gelijk aan de referentie: {naam} {'ja' if gelijk else 'NEE'}")


if __name__ == "__main__":
    main()
