"""Benchmark of a bulk policy run (issue 12, point 3): a script, not a timed test.

For N synthetic households (`maatwerk.beleid.synthetisch`, seeded) it reports separately:
- genereren: drawing the synthetic population (numpy, not part of the Regelkern);
- opbouw: building the OpenFisca simulation from arrays (`maatwerk.regels.bulk.bouw`);
- rekenen: computing the norm and the draagkracht of the bijzondere bijstand with the rules;
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

VARIABELEN = ("bijstandsnorm_zonder_kostendelersnorm_inclusief_vakantietoeslag", "draagkracht_bijzondere_bijstand")


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
        norm, dk = numpy_referentie.norm_en_draagkracht(tbs, pop.huishouden_van, pop.rol, pop.geboortedatum,
                                                        pop.inkomen, pop.vermogen, maand)
        numpy_tijd.append(time.perf_counter() - t0)
    regels_dk = np.asarray(uit["draagkracht_bijzondere_bijstand"])
    return {"huishoudens": n, "personen": int(pop.rol.size), "genereren_s": genereren, "opbouw_s": min(opbouw),
            "rekenen_s": min(rekenen), "numpy_s": min(numpy_tijd),
            "gelijk": bool(np.array_equal(regels_dk, dk)),
            "norm_gelijk": bool(np.array_equal(np.asarray(uit[VARIABELEN[0]]), norm))}


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
    print(f"  gelijk aan de referentie: draagkracht {'ja' if r['gelijk'] else 'NEE'}, "
          f"norm {'ja' if r['norm_gelijk'] else 'NEE'}")


if __name__ == "__main__":
    main()
