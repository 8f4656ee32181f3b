"""The tax-benefit system of Maatwerk: national law plus one municipality's overlay.

National parameters live under `parameters/wet/` (by law and article) and `parameters/statistiek/`.
Municipal policy lives under `parameters/gemeenten/<naam>/`; `gemeenten/standaard/` holds the default
policy (Divosa werkwijzer §1.5) that a municipality inherits unless it overrides a parameter. Formulas
read municipal policy through `parameters(period).gemeente`, so adding a municipality means adding a
folder of YAML files: no Python code changes.
"""

from __future__ import annotations

import functools
from pathlib import Path

from openfisca_core.parameters import Parameter, ParameterNode
from openfisca_core.parameters.parameter_scale import ParameterScale
from openfisca_core.taxbenefitsystems import TaxBenefitSystem

from maatwerk.regels.entities import entities

ROOT = Path(__file__).parent
PARAMETERS = ROOT / "parameters"
VARIABLES = ROOT / "variables"
GEMEENTEN = PARAMETERS / "gemeenten"
STANDAARD = "standaard"
DEFAULT_GEMEENTE = "lansingerland"


class OnbekendeGemeente(ValueError):
    pass


def beschikbare_gemeenten() -> list[str]:
    return sorted(p.name for p in GEMEENTEN.iterdir() if p.is_dir() and p.name != STANDAARD)


def _overlay(name: str, base: ParameterNode | None, override: ParameterNode) -> ParameterNode:
    """Merge two parameter nodes: children of `override` replace those of `base`, recursively."""
    merged = ParameterNode(name, data={})
    merged.metadata.update(getattr(base, "metadata", {}) or {})
    merged.metadata.update(override.metadata or {})
    merged.description = override.description or (base.description if base else None)
    base_children = dict(base.children) if base is not None else {}
    for key, child in override.children.items():
        if isinstance(child, ParameterNode) and isinstance(base_children.get(key), ParameterNode):
            base_children[key] = _overlay(f"{name}.{key}", base_children[key], child)
        else:
            base_children[key] = child
    for key, child in base_children.items():
        merged.add_child(key, child)
    return merged


class MaatwerkSysteem(TaxBenefitSystem):
    """OpenFisca tax-benefit system for one municipality."""

    def __init__(self, gemeente: str = DEFAULT_GEMEENTE) -> None:
        if gemeente not in beschikbare_gemeenten():
            raise OnbekendeGemeente(
                f"Onbekende gemeente '{gemeente}'. Beschikbaar: {', '.join(beschikbare_gemeenten())}."
            )
        super().__init__(entities)
        self.gemeente = gemeente
        self.load_parameters(str(PARAMETERS))
        gemeenten = self.parameters.gemeenten
        merged = _overlay("gemeente", gemeenten.children.get(STANDAARD), gemeenten.children[gemeente])
        self.parameters.add_child("gemeente", merged)
        self.add_variables_from_directory(str(VARIABLES))


@functools.lru_cache(maxsize=None)
def systeem(gemeente: str = DEFAULT_GEMEENTE) -> MaatwerkSysteem:
    """The (cached) system for a municipality; building one reads all YAML files once."""
    return MaatwerkSysteem(gemeente)


def parameter_bron(parameter: Parameter | ParameterScale | ParameterNode) -> dict:
    """Source metadata of a parameter, as written in its YAML file."""
    meta = dict(parameter.metadata or {})
    return {
        "bron": meta.get("bron") or meta.get("reference") or parameter.documentation,
        "soort": meta.get("soort_bron"),
        "url": meta.get("reference") if isinstance(meta.get("reference"), str) else None,
    }
