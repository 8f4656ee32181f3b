"""Approved municipal policy changes on top of the YAML overlay: one OpenFisca Reform per policy version.

The YAML files under `parameters/gemeenten/<gemeente>/` are the policy as the council adopted it in the
ordinance. A later change (issue 12, point 1: e.g. the draagkracht income limit 110 % -> 120 %) is proposed
and approved in the case system (`maatwerk.beleid`) and arrives here as a tuple of `Wijziging`s: parameter,
start date, value. `systeem_met_beleid` applies them with OpenFisca's own `Parameter.update(start=...)` on a
copy of the parameters (`Reform.modify_parameters`), so

- a month before the start date is computed with the old value and a month from the start date with the new
  one (parameters are read at the first day of the computed month, so a change starts on the 1st);
- the baseline system (`systeem(gemeente)`) is never changed: a computation made under an older version can be
  reproduced with that version's tuple;
- each version is built once per process (`functools.lru_cache` keyed on the tuple, which is hashable).

This module knows nothing of Django: the case system reads the approved versions from its database and passes
them in (`maatwerk.beleid.versies.actueel`).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from openfisca_core.parameters import Parameter
from openfisca_core.periods import instant
from openfisca_core.reforms import Reform

from maatwerk.regels.systeem import DEFAULT_GEMEENTE, systeem


@dataclass(frozen=True)
class Wijziging:
    """One approved change: `pad` below the municipality's node (`gemeente.`), from `ingang` (a 1st of the month)."""

    pad: str
    ingang: dt.date
    waarde: float


Beleid = tuple[Wijziging, ...]


class OnbekendeParameter(KeyError):
    pass


def parameter(tbs, pad: str) -> Parameter:
    """The parameter `gemeente.<pad>` of a system; `OnbekendeParameter` if it is not a single-valued parameter."""
    node = tbs.parameters.gemeente
    for deel in pad.split("."):
        node = getattr(node, "children", {}).get(deel)
        if node is None:
            raise OnbekendeParameter(pad)
    if not isinstance(node, Parameter):
        raise OnbekendeParameter(pad)
    return node


def _toepassen(wijzigingen: Beleid):
    def wijzig(parameters):
        for w in sorted(wijzigingen, key=lambda w: w.ingang):
            node = parameters.gemeente
            for deel in w.pad.split("."):
                node = node.children[deel]
            # Parameter.update(start=...) closes the running value at the day before and keeps it open-ended
            # from `start`: the history of the parameter is kept, nothing before `start` changes.
            node.update(start=instant(w.ingang.isoformat()), value=float(w.waarde))
        return parameters

    return wijzig


class BeleidsReform(Reform):
    """The municipality's system with approved policy changes (an OpenFisca Reform of the baseline)."""

    wijzigingen: Beleid = ()

    def apply(self):
        self.modify_parameters(modifier_function=_toepassen(self.wijzigingen))


@functools.lru_cache(maxsize=32)
def systeem_met_beleid(gemeente: str = DEFAULT_GEMEENTE, wijzigingen: Beleid = ()):
    """The system of `gemeente` with `wijzigingen` applied; the baseline itself when there are none."""
    basis = systeem(gemeente)
    if not wijzigingen:
        return basis
    for w in wijzigingen:
        parameter(basis, w.pad)  # unknown paths fail here with a clear error, not deep inside the Reform
    reform_klasse = type("BeleidsReform_" + gemeente, (BeleidsReform,), {"wijzigingen": tuple(wijzigingen)})
    reform = reform_klasse(basis)
    reform.gemeente = basis.gemeente
    return reform
