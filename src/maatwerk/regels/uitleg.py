"""Uitleg: structured explanations derived from the engine's trace.

Nothing here is written per case. The trace tells which variables and parameters produced an outcome;
the rule registry (`@regel`) gives each variable its rule id, plain-Dutch sentence, legal source and kind
of source; the parameter YAML metadata gives each figure its source. A consideration (`overweging`) is:

    {"regel", "variabele", "periode", "zin", "bron", "soort", "url", "invoer", "parameters", "resultaat"}
"""

from __future__ import annotations

import datetime as dt
import functools
import string

import numpy as np
from openfisca_core import periods
from openfisca_core.indexed_enums import EnumArray

from maatwerk.regels.regel import REGELS


# ---------------------------------------------------------------- formatting (plain Dutch)

def euro(bedrag: float) -> str:
    tekst = f"{abs(bedrag):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"-€ {tekst}" if bedrag < 0 else f"€ {tekst}"


def leesbaar(waarde, unit: str | None = None) -> str:
    """Format a value for a sentence: euros, ja/nee, dates as d-m-jjjj, lists joined with 'en'."""
    if isinstance(waarde, dict):  # a value per household member: name each member
        return "; ".join(f"{naam}: {leesbaar(w, unit)}" for naam, w in waarde.items()) or "geen"
    if isinstance(waarde, list):
        delen = [leesbaar(w, unit) for w in waarde]
        if not delen:
            return "geen"
        return delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]
    if isinstance(waarde, (bool, np.bool_)):
        return "ja" if waarde else "nee"
    if isinstance(waarde, (dt.date, np.datetime64)):
        d = waarde if isinstance(waarde, dt.date) else waarde.astype("datetime64[D]").item()
        return f"{d.day}-{d.month}-{d.year}"
    if isinstance(waarde, (float, np.floating)):
        if unit == "/1":
            return f"{float(waarde) * 100:g} %".replace(".", ",")
        if unit in (None, "currency-EUR"):
            return euro(float(waarde))
        return f"{float(waarde):g}".replace(".", ",")
    if isinstance(waarde, (int, np.integer)):
        return str(int(waarde))
    return str(waarde).replace("_", " ")


def json_waarde(waarde):
    """A JSON-friendly scalar."""
    soort = type(waarde)
    if soort is float:  # the common cases first (an uitleg converts hundreds of values)
        return round(waarde, 2)
    if soort is bool or soort is int or soort is str or waarde is None:
        return waarde
    if isinstance(waarde, dict):
        return {k: json_waarde(w) for k, w in waarde.items()}
    if isinstance(waarde, list):
        return [json_waarde(w) for w in waarde]
    if isinstance(waarde, (bool, np.bool_)):
        return bool(waarde)
    if isinstance(waarde, (np.integer,)):
        return int(waarde)
    if isinstance(waarde, (float, np.floating)):
        return round(float(waarde), 2)
    if isinstance(waarde, np.datetime64):
        return str(waarde.astype("datetime64[D]"))
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, bytes):
        return waarde.decode()
    return waarde


_PYTHON_SCALAIR = (float, int, bool, str)


class _Invulling(dict):
    """Values for a rule sentence (``str.format_map``); an unknown placeholder is shown as '?' instead of failing."""

    def __missing__(self, key):
        return "?"


@functools.lru_cache(maxsize=None)
def _velden(zin: str) -> frozenset[str]:
    """The placeholders a rule sentence uses: only those values are formatted for it."""
    return frozenset(
        veld.split(".", 1)[0].split("[", 1)[0] for _, veld, _, _ in string.Formatter().parse(zin) if veld
    )


# ---------------------------------------------------------------- trace access

def _index_trace(tracer) -> dict[tuple, object]:
    """(variable, period) -> the trace node of its computation (the first occurrence; later ones are cache reads)."""
    index: dict[tuple, object] = {}

    def bezoek(node):
        index.setdefault((node.name, node.period), node)
        for kind in node.children:
            bezoek(kind)

    for boom in tracer.trees:
        bezoek(boom)
    return index


class Uitlegger:
    """Explains outcomes of one traced simulation, per household or person."""

    def __init__(self, simulation, tbs) -> None:
        self.simulation = simulation
        self.tbs = tbs
        self.index = _index_trace(simulation.tracer)
        hh = simulation.populations["huishouden"]
        self.hh_van_persoon = hh.members_entity_id
        self.n_personen = simulation.persons.count
        self.persoon_ids = list(simulation.persons.ids)
        self.n_huishoudens = hh.count
        self._leden: dict[int, np.ndarray] = {}
        self._overwegingen: dict[tuple, dict] = {}
        # Sources of parameters are facts of the (cached) system, not of this calculation: kept with the system.
        self._param_cache: dict[str, dict] = tbs.__dict__.setdefault("_maatwerk_parameterbronnen", {})

    # -- values of one entity instance
    def _waarde(self, naam: str, waarde, entiteit: str, i: int):
        if waarde is None:
            return None
        if type(waarde) in _PYTHON_SCALAIR:  # a parameter value: as np.asarray(waarde).item() would give it
            return waarde
        if isinstance(waarde, EnumArray):
            waarde = waarde.decode_to_str()
        waarde = np.asarray(waarde)
        if waarde.ndim == 0:
            return waarde.item()
        var = self.tbs.variables.get(naam)
        ent = var.entity.key if var is not None else None
        if ent is None:  # vectorial parameter: guess the entity by its length
            ent = "huishouden" if len(waarde) == self.n_huishoudens else "persoon"
        if ent == entiteit:
            return waarde[i].item() if hasattr(waarde[i], "item") else waarde[i]
        if ent == "persoon" and entiteit == "huishouden":
            leden = self._leden.get(i)
            if leden is None:
                leden = self._leden[i] = np.nonzero(self.hh_van_persoon == i)[0]
            return {str(self.persoon_ids[j]): waarde[j].item() for j in leden}
        if ent == "huishouden" and entiteit == "persoon":
            return waarde[self.hh_van_persoon[i]].item()
        return None

    def _parameter_bron(self, naam: str) -> dict:
        if naam in self._param_cache:
            return self._param_cache[naam]
        meta: dict = {}
        node = self.tbs.parameters
        ketting = [node]
        for deel in naam.split("."):
            node = node.children.get(deel) if hasattr(node, "children") else None
            if node is None:
                break
            ketting.append(node)
        for n in reversed(ketting):  # the most specific metadata wins
            for sleutel, waarde in (getattr(n, "metadata", None) or {}).items():
                meta.setdefault(sleutel, waarde)
        ref = meta.get("reference")
        if isinstance(ref, list):
            ref = ref[0] if ref else None
        bron = {
            "bron": meta.get("bron") or (ketting[-1].description if ketting else None),
            "soort": meta.get("soort_bron"),
            "url": ref if isinstance(ref, str) else None,
            "unit": meta.get("unit"),
        }
        self._param_cache[naam] = bron
        return bron

    def overwegingen(self, variabele: str, periode: str | periods.Period, entiteit: str, i: int) -> list[dict]:
        """All considerations behind `variabele` for entity instance `i`, the outcome first (`periode` as a string
        such as "2026-07" or as a Period)."""
        index = self.index
        start = index.get((variabele, periods.period(periode)))
        if start is None:
            return []
        gezien: set[str] = set()
        resultaat: list[dict] = []

        def bezoek(knoop):
            info = REGELS.get(knoop.name)
            if info is not None and knoop.name not in gezien:
                gezien.add(knoop.name)
                resultaat.append(self._overweging(knoop, info, entiteit, i))
            for kind in knoop.children:
                k = index.get((kind.name, kind.period))
                if k is not None and k.name not in gezien:
                    bezoek(k)

        bezoek(start)
        return resultaat

    def _overweging(self, knoop, info, entiteit: str, i: int) -> dict:
        """The consideration of one trace node, formatted once per Uitlegger (outcomes share their sub-rules); each
        caller gets its own top-level dict."""
        sleutel = (knoop.name, knoop.period, entiteit, i)
        overweging = self._overwegingen.get(sleutel)
        if overweging is None:
            overweging = self._overwegingen[sleutel] = self._maak_overweging(knoop, info, entiteit, i)
        return dict(overweging)

    def _maak_overweging(self, knoop, info, entiteit: str, i: int) -> dict:
        velden = _velden(info.uitleg)
        periode = str(knoop.period)
        invoer = {}
        plaats = _Invulling(resultaat=None, periode=periode)  # for a name used twice, the first value is shown
        for kind in knoop.children:
            if kind.name in invoer:
                continue
            w = self._waarde(kind.name, kind.value, entiteit, i)
            invoer[kind.name] = json_waarde(w)
            if kind.name in velden and kind.name not in plaats:
                plaats[kind.name] = leesbaar(w, getattr(self.tbs.variables.get(kind.name), "unit", None))
        parameters = []
        for p in knoop.parameters:
            w = self._waarde(p.name, p.value, entiteit, i)
            bron = self._parameter_bron(p.name)
            parameters.append({"naam": p.name, "periode": str(p.period), "waarde": json_waarde(w), **bron})
            kort = p.name.rsplit(".", 1)[-1]
            if kort in velden and kort not in plaats:
                plaats[kort] = leesbaar(w, bron["unit"] or "getal")
        waarde = self._waarde(knoop.name, knoop.value, entiteit, i)
        if "resultaat" in velden:
            plaats["resultaat"] = leesbaar(waarde, getattr(self.tbs.variables.get(knoop.name), "unit", None))
        return {
            "regel": info.id,
            "variabele": knoop.name,
            "periode": periode,
            "zin": info.uitleg.format_map(plaats),
            "bron": info.bron,
            "soort": info.soort.value,
            "url": info.url,
            "invoer": invoer,
            "parameters": parameters,
            "resultaat": json_waarde(waarde),
        }
