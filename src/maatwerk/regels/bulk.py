"""Build an OpenFisca simulation for a bulk run straight from arrays (issue 12, point 3).

`SimulationBuilder.build_from_entities` reads one dict per person and household, and even its lower-level path
(`declare_person_entity` + `join_with_persons`) wants string ids and string role names per person. For a
million households that building costs more than the computation itself. Here:

- ids are the integers 0..n-1 (a simulation never needs them to be strings);
- the household of each person is an integer array (`huishouden_van`, persons stored household by household,
  the layout the bijstandsnorm's `reduceat` fast path expects);
- the role of each person is an integer code (`ROL_PARTNER`, `ROL_KIND`, `ROL_MEDEBEWONER`), turned into role
  objects with one fancy-index;
- every input is cast once to the variable's dtype (`invoer`: {variable: {period: array}}).

The result is a plain `openfisca_core.simulations.Simulation`: every rule runs unchanged on it.
"""

from __future__ import annotations

import numpy as np
from openfisca_core.simulations import Simulation

from maatwerk.regels.entities import Huishouden

ROL_PARTNER, ROL_KIND, ROL_MEDEBEWONER = 0, 1, 2
_ROLLEN = np.array([Huishouden.PARTNER, Huishouden.KIND, Huishouden.MEDEBEWONER], dtype=object)


class BulkFout(ValueError):
    pass


def bouw(tbs, huishouden_van: np.ndarray, rol: np.ndarray, invoer: dict[str, dict[str, np.ndarray]]) -> Simulation:
    """A simulation of `len(huishouden_van)` persons in `huishouden_van.max() + 1` households."""
    huishouden_van = np.asarray(huishouden_van, dtype=np.int64)
    rol = np.asarray(rol, dtype=np.int64)
    if huishouden_van.shape != rol.shape:
        raise BulkFout("huishouden_van en rol moeten even lang zijn.")
    if huishouden_van.size and np.any(np.diff(huishouden_van) < 0):
        raise BulkFout("personen moeten per huishouden op volgorde staan (huishouden_van oplopend).")
    if rol.size and (rol.min() < 0 or rol.max() > ROL_MEDEBEWONER):
        raise BulkFout("onbekende rolcode.")
    n_personen = int(huishouden_van.size)
    n_huishoudens = int(huishouden_van[-1]) + 1 if n_personen else 0

    populaties = tbs.instantiate_entities()
    personen, huishoudens = populaties["persoon"], populaties["huishouden"]
    personen.ids, personen.count = np.arange(n_personen), n_personen
    huishoudens.ids, huishoudens.count = np.arange(n_huishoudens), n_huishoudens
    huishoudens.members_entity_id = huishouden_van
    huishoudens.members_role = _ROLLEN[rol]
    # The role masks the hot rules read (`variables.bijstandsnorm.rollen`), straight from the integer codes:
    # OpenFisca's `has_role` compares an array of role objects, tens of milliseconds per million persons.
    huishoudens.__dict__["_maatwerk_rollen"] = {
        "partner": rol == ROL_PARTNER, "kind": rol == ROL_KIND, "medebewoner": rol == ROL_MEDEBEWONER}
    sim = Simulation(tbs, populaties)

    for naam, per_periode in invoer.items():
        variabele = tbs.variables.get(naam)
        if variabele is None:
            raise BulkFout(f"onbekende variabele '{naam}'.")
        lengte = n_personen if variabele.entity.is_person else n_huishoudens
        for periode, waarden in per_periode.items():
            waarden = np.asarray(waarden)
            if waarden.shape != (lengte,):
                raise BulkFout(f"'{naam}' ({periode}) moet {lengte} waarden hebben.")
            if variabele.value_type is not object and waarden.dtype != variabele.dtype:
                waarden = waarden.astype(variabele.dtype)  # cast once, here, not per rule
            sim.set_input(naam, periode, waarden)
    return sim
