"""Collect the OpenFisca YAML tests of `maatwerk.regels` as ordinary pytest items.

A YAML test under `src/maatwerk/regels/tests/gemeenten/<naam>/` runs against that municipality's
system; every other YAML test runs against the default municipality (lansingerland).
"""

from pathlib import Path

from openfisca_core.tools.test_runner import YamlFile

REGEL_TESTS = Path(__file__).parent / "src" / "maatwerk" / "regels" / "tests"


def _gemeente_for(path: Path) -> str:
    from maatwerk.regels.systeem import DEFAULT_GEMEENTE

    parts = path.relative_to(REGEL_TESTS).parts
    if len(parts) > 2 and parts[0] == "gemeenten":
        return parts[1]
    return DEFAULT_GEMEENTE


def pytest_collect_file(parent, file_path):
    if file_path.suffix in (".yaml", ".yml") and REGEL_TESTS in file_path.parents:
        from maatwerk.regels.systeem import systeem

        return YamlFile.from_parent(
            parent,
            path=file_path,
            tax_benefit_system=systeem(_gemeente_for(file_path)),
            options={},
        )
    return None
