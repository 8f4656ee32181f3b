"""Value objects of the termijnen module and the overdue helpers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Iterable

from maatwerk import formaat
from maatwerk.termijnen.gegevens import TermijnFout


@dataclass(frozen=True)
class Termijn:
    """A computed deadline that names its rule and source (principle 1: every outcome is explainable)."""

    naam: str
    regel_id: str
    bron: str  # e.g. "Wmo 2015, artikel 2.3.2, eerste lid; Verordening Sociaal Domein Lansingerland 2018, ..."
    soort: str  # "wet" or "verordening"
    gebeurtenis: date  # melding, ontvangst aanvraag, bekendmaking, einde bezwaartermijn
    start: date  # first day of the term (the day after the gebeurtenis)
    einde: date  # last day, inclusive: the term ends at the end of this day
    vandaag: date
    atw_van_toepassing: bool
    stappen: tuple[str, ...] = ()  # how `einde` was reached, one line per rule applied

    @property
    def dagen_resterend(self) -> int:
        """Days from `vandaag` to `einde`: 0 on the last day, negative once the term has passed."""
        return dagen_over(self, self.vandaag)

    @property
    def verstreken(self) -> bool:
        return self.vandaag > self.einde

    def op(self, vandaag: date) -> Termijn:
        """The same term seen from another day."""
        return replace(self, vandaag=vandaag)


@dataclass(frozen=True)
class Opschorting:
    """The clock stands still from `van` (inclusive) until `tot` (exclusive: on `tot` it runs again).

    Calendar days count, weekends included: a suspension is not a term that ends, so the Atw plays no
    part in its length (it only applies to where the suspended term finally ends).
    """

    van: date
    tot: date
    grond: str | None = None  # None: the function uses its rule's opschorting_bron

    def __post_init__(self) -> None:
        if self.tot < self.van:
            raise TermijnFout(f"Opschorting eindigt ({formaat.datum(self.tot)}) vóór zij begint ({formaat.datum(self.van)})")

    @property
    def dagen(self) -> int:
        return (self.tot - self.van).days

    @classmethod
    def aanvulling(cls, verzocht_op: date, hervat_op: date, grond: str | None = None) -> Opschorting:
        """Awb 4:15 lid 1 onder a (and 7:10 lid 2 for bezwaar): suspended "met ingang van de dag na die
        waarop het bestuursorgaan de aanvrager ... uitnodigt de aanvraag aan te vullen, tot de dag waarop
        de aanvraag is aangevuld of de daarvoor gestelde termijn ongebruikt is verstreken".

        `hervat_op` is the day the documents arrived, or the last day of the hersteltermijn when it
        expired unused; the clock runs again on that day.
        """
        if hervat_op < verzocht_op:
            raise TermijnFout(f"Aanvulling ({hervat_op}) kan niet vóór het verzoek ({verzocht_op}) liggen")
        van = verzocht_op + timedelta(days=1)
        return cls(van=van, tot=max(van, hervat_op), grond=grond)


@dataclass(frozen=True)
class Verdaging:
    """The bestuursorgaan's notice that it decides later (Awb 4:14 lid 1 / lid 3, Awb 7:10 lid 3)."""

    medegedeeld_op: date
    weken: int
    reden: str = ""


def dagen_over(termijn: Termijn, vandaag: date) -> int:
    """Days left until the end of `termijn` seen from `vandaag`; negative = overdue by that many days."""
    return (termijn.einde - vandaag).days


def verlopen(termijnen: Iterable[Termijn], vandaag: date) -> list[Termijn]:
    """The terms that have passed on `vandaag`, most overdue first (each seen from `vandaag`)."""
    over = [t.op(vandaag) for t in termijnen if dagen_over(t, vandaag) < 0]
    return sorted(over, key=lambda t: (t.einde, t.naam))
