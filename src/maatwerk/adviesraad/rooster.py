"""The rooster van aftreden of the Adviesraad Sociaal Domein: when each member steps down.

Art. 3:5 lid 4: "De Adviesraad draagt zorg voor een rooster van aftreden. Dit rooster is zodanig dat er voldoende
basiskennis geborgd blijft om de continuïteit van het functioneren van de Adviesraad te waarborgen. Dit rooster van
aftreden wordt opgenomen in het huishoudelijk reglement." The huishoudelijk reglement is not among our sources, so
the schedule is computed from the ordinance only:
- art. 3:4 lid 5: "De zittingsduur van de leden bedraagt 4 jaar. Een lid kan slechts één keer worden herbenoemd
  voor een periode van 4 jaar." A member in his first term may be reappointed (then the latest day is four years
  later); a reappointed member steps down at the end of his second term.
- art. 3:5 lid 1 onder d: the membership ends "na het verstrijken van de zittingsduur ... behoudens herbenoeming";
  a membership ending earlier (onder a-c, e, f, recorded with `services.treed_af`) ends on its recorded last day.
For continuity (lid 4) the schedule shows per day how many of the members stay on after it (without a
reappointment); the ordinance sets no minimum, so none is checked here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby
from typing import Iterable

from dateutil.relativedelta import relativedelta

from maatwerk.adviesraad.models import Zittingsperiode

BRON = ("Verordening Sociaal Domein Lansingerland 2018, artikel 3:4, vijfde lid, en artikel 3:5, eerste lid, "
        "onder d, en vierde lid")
ZITTINGSDUUR = relativedelta(years=4)  # art. 3:4 lid 5


@dataclass(frozen=True)
class Aftreedmoment:
    periode: Zittingsperiode
    aftreden_op: dt.date  # the last day as a member (inclusive)
    tussentijds: bool  # ends before its term (art. 3:5 lid 1 onder a-c, e, f)
    herbenoembaar: bool  # first term, not ended early: one reappointment possible (art. 3:4 lid 5)
    uiterlijk: dt.date  # the last possible day, with the reappointment if still possible
    blijven: int = 0  # members who still sit the day after `aftreden_op` (none of them reappointed)

    @property
    def naam(self) -> str:
        return self.periode.lid.naam


def bereken(perioden: Iterable[Zittingsperiode], vandaag: dt.date) -> list[Aftreedmoment]:
    """One row per member who sits on `vandaag` or is appointed for later: his latest term decides. Sorted by the
    day of stepping down, then name."""
    laatste: dict[int, Zittingsperiode] = {}
    for p in sorted(perioden, key=lambda p: p.begin):
        laatste[p.lid_id] = p
    momenten = []
    for p in laatste.values():
        einde = p.beeindigd_op or p.einde
        if einde < vandaag:
            continue
        tussentijds = p.beeindigd_op is not None
        herbenoembaar = not p.herbenoeming and not tussentijds
        uiterlijk = p.einde + ZITTINGSDUUR if herbenoembaar else einde
        momenten.append(Aftreedmoment(p, einde, tussentijds, herbenoembaar, uiterlijk))
    momenten.sort(key=lambda m: (m.aftreden_op, m.naam))
    return [Aftreedmoment(m.periode, m.aftreden_op, m.tussentijds, m.herbenoembaar, m.uiterlijk,
                          blijven=_blijven(momenten, m.aftreden_op)) for m in momenten]


def _blijven(momenten: list[Aftreedmoment], dag: dt.date) -> int:
    morgen = dag + dt.timedelta(days=1)
    return sum(1 for m in momenten if m.periode.begin <= morgen <= m.aftreden_op)


def per_dag(momenten: list[Aftreedmoment]) -> list[tuple[dt.date, list[Aftreedmoment], int]]:
    """The schedule grouped by day: (day, who steps down, how many stay on after it)."""
    dagen = []
    for dag, groep in groupby(momenten, key=lambda m: m.aftreden_op):
        rij = list(groep)
        dagen.append((dag, rij, rij[0].blijven))
    return dagen


def rooster(vandaag: dt.date) -> list[Aftreedmoment]:
    return bereken(Zittingsperiode.objects.select_related("lid"), vandaag)
