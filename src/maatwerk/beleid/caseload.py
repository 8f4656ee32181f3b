"""The municipality's own caseload as one simulation, for the impact of a proposed change (issue 12, point 2).

The households with a zaak in the Inkomen domain, with their stored data for the simulated month (the same
`bouw_situatie` a consulent's computation uses), put together in one situation and computed twice by the
Regelkern (old and new policy). Nothing of it leaves `impact` but counts and sums: the beleidsmedewerker has
no access to personal data (rights table), so the page shows aggregates with small cells suppressed.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from django.core.exceptions import ValidationError

from maatwerk.beleid.impact import UITKOMSTEN, Uitkomst
from maatwerk.personen.models import Huishouden
from maatwerk.personen.situatie import bouw_situatie
from maatwerk.regels.beleidsversies import Beleid
from maatwerk.regels.berekening import simulatie
from maatwerk.regels.invoer import InvoerFout
from maatwerk.zaken.models import Zaak
from maatwerk.zaken.regelingen import INKOMEN, regelingen_van_domein


def _type(huishouden_json: dict) -> int:
    partners = len(huishouden_json.get("partners") or [])
    kinderen = len(huishouden_json.get("kinderen") or [])
    if partners >= 2:
        return 3 if kinderen else 2
    return 1 if kinderen else 0


def situatie(maand: str) -> tuple[dict, list[str], np.ndarray, np.ndarray]:
    """One situation with every income household; its household keys, types and yearly bijzondere kosten."""
    peil = dt.date.fromisoformat(f"{maand}-01")
    zaken = Zaak.objects.filter(regeling__in=list(regelingen_van_domein(INKOMEN)))
    kosten: dict[int, float] = {}
    for z in zaken.exclude(kosten__isnull=True).order_by("id"):
        kosten[z.huishouden_id] = float(z.kosten)  # the latest zaak's costs stand for the household's year
    geheel: dict = {"personen": {}, "huishoudens": {}}
    sleutels, typen, bedragen = [], [], []
    for h in Huishouden.objects.filter(pk__in=zaken.values("huishouden_id")).order_by("pk"):
        try:
            s = bouw_situatie(h, peil)
        except ValidationError:
            continue  # no aanvrager on that date: the household is not in the caseload of this month
        if any(p in geheel["personen"] for p in s.json["personen"]):
            continue  # a person in two households: counted once, in the first
        geheel["personen"].update(s.json["personen"])
        geheel["huishoudens"].update(s.json["huishoudens"])
        sleutels.append(s.huishouden_sleutel)
        typen.append(_type(s.json["huishoudens"][s.huishouden_sleutel]))
        bedragen.append(kosten.get(h.pk, 0.0))
    return geheel, sleutels, np.array(typen, dtype=np.int64), np.array(bedragen, dtype=float)


def _bereken(geheel: dict, maand: str, gemeente: str, beleid: Beleid, sleutels: list[str]) -> dict[str, np.ndarray]:
    _, sim = simulatie(geheel, maand, gemeente, beleid=beleid)
    volgorde = {k: i for i, k in enumerate(geheel["huishoudens"])}
    idx = np.array([volgorde[k] for k in sleutels], dtype=np.int64)
    return {naam: np.round(np.asarray(sim.calculate(naam, maand), dtype=float)[idx], 2) for naam in UITKOMSTEN}


def simuleer(gemeente: str, oud: Beleid, nieuw: Beleid, maand: str) -> Uitkomst | None:
    """Old and new outcomes of the caseload; None when there is no income household (or its data cannot be read)."""
    geheel, sleutels, typen, kosten = situatie(maand)
    if not sleutels:
        return None
    try:
        a = _bereken(geheel, maand, gemeente, oud, sleutels)
        b = _bereken(geheel, maand, gemeente, nieuw, sleutels)
    except InvoerFout:
        return None
    norm = a["bijstandsnorm_zonder_kostendelersnorm_inclusief_vakantietoeslag"]
    verhouding = np.divide(a["bb_inkomen_partners"], norm, out=np.zeros_like(norm), where=norm > 0)
    return Uitkomst(typen, verhouding, a["draagkracht_bijzondere_bijstand"], b["draagkracht_bijzondere_bijstand"],
                    a["individuele_inkomenstoeslag"], b["individuele_inkomenstoeslag"], kosten)
