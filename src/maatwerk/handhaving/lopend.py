"""Who has a running benefit in a month: the population of the Inlichtingenbureau comparison (seed 003:
"Iedereen met een uitkering wordt gecontroleerd").

For now: every person who is hoofdpersoon of an Inkomen zaak with a bekendgemaakt besluit that grants
(toekenning, gedeeltelijke toekenning, herziening) and whose period (ingangsdatum – einddatum) covers part
of the month, and that is not replaced by a later bekendgemaakt besluit. When the regeling
`algemene_bijstand` exists (issue 11 point 1, another part of this round), only its zaken count."""

from __future__ import annotations

import calendar
import datetime as dt

from django.db.models import Q

from maatwerk.besluiten.models import MET_VERSTREKKING, Besluit, Status
from maatwerk.personen.models import Inwoner
from maatwerk.zaken.regelingen import INKOMEN, REGELINGEN, regelingen_van_domein

ALGEMENE_BIJSTAND = "algemene_bijstand"


def regelingen() -> list[str]:
    if ALGEMENE_BIJSTAND in REGELINGEN:
        return [ALGEMENE_BIJSTAND]
    return list(regelingen_van_domein(INKOMEN))


def besluiten_in(begin: dt.date, einde: dt.date):
    return (Besluit.objects.filter(zaak__regeling__in=regelingen(), status=Status.BEKENDGEMAAKT, soort__in=MET_VERSTREKKING,
                                   ingangsdatum__isnull=False, ingangsdatum__lte=einde)
            .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=begin))
            .exclude(vervangen_door__status=Status.BEKENDGEMAAKT))


def clienten(maand: dt.date):
    """Every client with a running benefit in `maand` (any day of it), each once."""
    einde = maand.replace(day=calendar.monthrange(maand.year, maand.month)[1])
    return Inwoner.objects.filter(pk__in=besluiten_in(maand.replace(day=1), einde).values("zaak__hoofdpersoon_id"))


def client_op_bsn(bsn: str, datum: dt.date) -> Inwoner | None:
    return Inwoner.objects.filter(bsn=bsn, pk__in=besluiten_in(datum, datum).values("zaak__hoofdpersoon_id")).first()
