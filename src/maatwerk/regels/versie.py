"""The version of the rule set, the engine and Maatwerk: what a besluit was computed with.

Rule-set version: a SHA-256 over the sorted relative paths and the bytes of every file that decides the
outcome of a computation from a given situation:

- `parameters/**` (law, statistics and municipal policy, YAML),
- `variables/**` (the formulas),
- the modules the formulas import or that build the system from those files: `entities.py`, `systeem.py`
  (the municipal overlay decides which parameter applies), `datums.py`, `indexatie.py`, `regel.py`,
  `lege_datum.py` (what an empty date means), `wmo_beleid.py` (which municipal Wmo parameters apply);
- `beleidsversies.py`: it applies an approved policy version (issue 12, point 1) to the parameters, so how it
  does that decides the outcome as much as the values do;
- `bulk.py`: it builds the simulations of the bulk and impact runs from arrays (integer roles, inputs cast to the
  variable's dtype) and hands the role masks to the fast paths of the hot rules.
  The fast paths themselves live in `variables/` beside their readable rules, so they are hashed with them.

`bestanden(root)` lists the files, relative to the package, in hash order (the tests assert on it).

Not included, on purpose: `situaties/` (example input only), `uitleg.py` (the words of the explanation, not
the numbers), and `personen/situatie.py`, `zaken/regelingen.py`, `zaken/procedure.yaml` (they decide how the
stored data and findings become the situation; a receipt stores that situation as it was, so a recomputation
does not depend on them — a change there shows in the Maatwerk version instead).

The hash is computed once per process (`regelset_sha256()`); `bereken_regelset_sha256(root)` computes it for
any copy of the package (used by the tests with a temporary copy, never the real files).
"""

from __future__ import annotations

import functools
import hashlib
import os
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).parent
MAPPEN = ("parameters", "variables")
MODULES = ("entities.py", "systeem.py", "datums.py", "indexatie.py", "regel.py", "lege_datum.py", "wmo_beleid.py",
           "beleidsversies.py", "bulk.py")
EXTENSIES = {".yaml", ".yml", ".py", ".json", ".csv"}
# Set by the build (e.g. `MAATWERK_COMMIT=$(git rev-parse HEAD)` in the image); never read from git at run time.
COMMIT_VARIABELE = "MAATWERK_COMMIT"


def _bestanden(root: Path) -> list[Path]:
    gevonden = [root / m for m in MODULES if (root / m).is_file()]
    for map_ in MAPPEN:
        for pad in (root / map_).rglob("*"):
            if pad.is_file() and pad.suffix in EXTENSIES and "__pycache__" not in pad.parts:
                gevonden.append(pad)
    return sorted(gevonden, key=lambda p: p.relative_to(root).as_posix())


def bestanden(root: Path = ROOT) -> list[str]:
    """The relative paths of the files the rule-set hash covers, in hash order."""
    return [pad.relative_to(root).as_posix() for pad in _bestanden(Path(root))]


def bereken_regelset_sha256(root: Path = ROOT) -> str:
    """SHA-256 over (relative path, length, bytes) of each rule file, in sorted path order. The length
    prefix keeps two different splits of the same bytes from giving the same hash."""
    h = hashlib.sha256()
    for pad in _bestanden(Path(root)):
        inhoud = pad.read_bytes()
        naam = pad.relative_to(root).as_posix().encode("utf-8")
        h.update(len(naam).to_bytes(4, "big") + naam + len(inhoud).to_bytes(8, "big") + inhoud)
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def regelset_sha256() -> str:
    """The rule-set version of this process (the files do not change while it runs)."""
    return bereken_regelset_sha256(ROOT)


def _pakketversie(naam: str) -> str:
    try:
        return metadata.version(naam)
    except metadata.PackageNotFoundError:
        return "onbekend"


def versies() -> dict:
    """Everything a receipt records about the software: rule set, engine, Maatwerk (and commit if built in)."""
    return {
        "regelset_sha256": regelset_sha256(),
        "openfisca_core": _pakketversie("openfisca-core"),
        "maatwerk": _pakketversie("maatwerk"),
        "commit": os.environ.get(COMMIT_VARIABELE) or None,
    }


def versietekst() -> str:
    """One line for `maatwerk --version`."""
    v = versies()
    commit = f" (commit {v['commit'][:12]})" if v["commit"] else ""
    return (f"maatwerk {v['maatwerk']}{commit} · openfisca-core {v['openfisca_core']} · "
            f"regelset {v['regelset_sha256'][:16]}")
