"""Rule metadata: every computed variable names its rule, its legal source and the kind of source.

Principle 1 of Maatwerk: every outcome is explainable. A formula is registered with `@regel(...)`; the
uitleg module turns the engine's trace into considerations using this registry, so no explanation is
written per case.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class SoortBron(str, Enum):
    """Kind of source, as shown to residents and auditors."""

    WET = "wet"  # national law (Participatiewet, AOW, Awb)
    VERORDENING = "verordening"  # municipal ordinance (e.g. Verordening Sociaal Domein 2018)
    BELEIDSREGEL = "beleidsregel"  # municipal policy rule
    DISCRETIE = "discretie"  # a finding of the consulent (a person, with a reason)


@dataclass(frozen=True)
class Regelinfo:
    id: str
    bron: str
    soort: SoortBron
    uitleg: str  # one plain-Dutch (B1) sentence; may use {resultaat} and {<input variable>}
    url: str | None = None


REGELS: dict[str, Regelinfo] = {}


def regel(*, id: str, bron: str, soort: SoortBron | str, uitleg: str, url: str | None = None):
    """Class decorator registering the rule behind an OpenFisca variable."""

    def register(cls):
        if cls.__name__ in REGELS and REGELS[cls.__name__].id != id:
            raise ValueError(f"Regel voor {cls.__name__} is al geregistreerd")
        REGELS[cls.__name__] = Regelinfo(id=id, bron=bron, soort=SoortBron(soort), uitleg=uitleg, url=url)
        return cls

    return register
