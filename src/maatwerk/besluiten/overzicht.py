"""Read-only overview of besluiten and open bezwaren per zaak, for pages outside this app (the household page).

Access: only zaken the user may see under `maatwerk.toegang.beleid.grond_zaak(user, zaak, VIEW)` are returned;
a zaak without a ground is left out entirely (not even its besluit count shows). Logging the list view is the
caller's job (it already logs the zaken it shows with `beleid.log_lijst_zaken`). Every value is computed here,
so the template only prints: no rule (which bezwaar is open, whether its term has passed) lives in a template.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.urls import reverse

from maatwerk.besluiten.models import Besluit, Bezwaarschrift
from maatwerk.toegang import beleid


@dataclass(frozen=True)
class BesluitRegel:
    kenmerk: str
    soort: str
    status: str
    datum: dt.date | None  # bekendmaking, else the date of the besluit, else the day it was drafted
    url: str


@dataclass(frozen=True)
class BezwaarRegel:
    kenmerk: str
    besluit_kenmerk: str
    ontvangen_op: dt.date
    beslistermijn_einde: dt.date
    dagen_over: int  # 0 on the last day, negative once passed
    verstreken: bool
    url: str


@dataclass(frozen=True)
class ZaakBesluiten:
    besluiten: list[BesluitRegel] = field(default_factory=list)
    open_bezwaren: list[BezwaarRegel] = field(default_factory=list)


def _datum(b: Besluit) -> dt.date:
    return b.bekendgemaakt_op or b.besluitdatum or dt.date.fromordinal(b.opgesteld_op.toordinal())


def per_zaak(gebruiker, zaken, *, vandaag: dt.date | None = None) -> dict[int, ZaakBesluiten]:
    """{zaak id: ZaakBesluiten} for every zaak in `zaken` that `gebruiker` may see. Open bezwaar = not yet
    decided (no uitkomst); its deadline is the stored beslistermijn (Awb 7:10, computed by maatwerk.termijnen)."""
    vandaag = vandaag or dt.date.today()
    zichtbaar = [z.pk for z in zaken if beleid.grond_zaak(gebruiker, z, beleid.VIEW).toegestaan]
    uit: dict[int, ZaakBesluiten] = {pk: ZaakBesluiten() for pk in zichtbaar}
    for b in Besluit.objects.filter(zaak_id__in=zichtbaar).order_by("-id"):
        uit[b.zaak_id].besluiten.append(BesluitRegel(
            kenmerk=b.kenmerk, soort=b.get_soort_display(), status=b.get_status_display(), datum=_datum(b),
            url=reverse("besluiten:besluit", args=[b.pk]),
        ))
    open_ = (Bezwaarschrift.objects.filter(besluit__zaak_id__in=zichtbaar, uitkomst="")
             .select_related("besluit").order_by("beslistermijn_einde", "id"))
    for bz in open_:
        dagen = (bz.beslistermijn_einde - vandaag).days
        uit[bz.besluit.zaak_id].open_bezwaren.append(BezwaarRegel(
            kenmerk=bz.kenmerk, besluit_kenmerk=bz.besluit.kenmerk, ontvangen_op=bz.ontvangen_op,
            beslistermijn_einde=bz.beslistermijn_einde, dagen_over=dagen, verstreken=dagen < 0,
            url=reverse("besluiten:bezwaar", args=[bz.pk]),
        ))
    return uit
