"""The impact of a proposal, computed once and stored (issue 12; task snelheid, point 5).

Computing an impact runs the caseload twice and the synthetic population twice through the Regelkern and draws
the plots: seconds of work that used to run on every view of the proposal page. Now it is stored in
`ImpactBerekening` under a key over everything the result depends on:

- the proposal (parameter, value) and the policy version it is compared with (`versie_oud`),
- the simulated month and the take-up assumptions,
- the caseload state: the situation the simulation reads (`caseload.situatie`: every income household's stored data
  for that month, their types and costs), so a change in any of it gives a new key,
- the rule set (`regels.versie.regelset_sha256`) and the size and seed of the synthetic population.

A view reads the stored result and shows when it was computed; `herbereken` computes it again on request (a POST
on the page). The result holds counts, sums and plots only, as the page does: no personal data is stored.
"""

from __future__ import annotations

import hashlib
import json

import numpy as np
from django.db import IntegrityError, transaction
from django.utils import timezone

from maatwerk.beleid import caseload, impact, synthetisch
from maatwerk.beleid.models import ImpactBerekening
from maatwerk.regels.versie import regelset_sha256


def _gewoon(waarde):
    """numpy numbers and arrays as plain JSON values."""
    if isinstance(waarde, np.generic):
        return waarde.item()
    if isinstance(waarde, np.ndarray):
        return waarde.tolist()
    return str(waarde)


def sleutel(voorstel, versie_oud: int, maand: str, waarde: float, aannames: impact.Aannames) -> str:
    """SHA-256 over everything the impact of ``voorstel`` depends on (module docstring)."""
    geheel, sleutels, typen, kosten = caseload.situatie(maand)
    inhoud = {
        "voorstel": voorstel.pk, "parameter": voorstel.parameter, "waarde": waarde, "versie_oud": versie_oud,
        "maand": maand, "opname_bb": aannames.opname_bb, "opname_iit": aannames.opname_iit,
        "caseload": geheel, "huishoudens": sleutels, "typen": typen, "kosten": kosten,
        "regelset": regelset_sha256(), "synthetisch": [synthetisch.STANDAARD_HUISHOUDENS],
    }
    tekst = json.dumps(inhoud, sort_keys=True, default=_gewoon, separators=(",", ":"))
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()


def opgeslagen(voorstel, sleutel_: str) -> ImpactBerekening | None:
    return ImpactBerekening.objects.filter(voorstel=voorstel, sleutel=sleutel_).first()


def bewaar(voorstel, sleutel_: str, resultaat: dict, opnieuw: bool = False) -> ImpactBerekening:
    """Store ``resultaat`` under the key (replacing a stored one when ``opnieuw``). Two requests that compute the
    same impact at once: the first one stored wins, the other reads it."""
    schoon = json.loads(json.dumps(resultaat, default=_gewoon))
    try:
        with transaction.atomic():
            if opnieuw:
                ImpactBerekening.objects.filter(voorstel=voorstel, sleutel=sleutel_).delete()
            return ImpactBerekening.objects.create(voorstel=voorstel, sleutel=sleutel_, resultaat=schoon,
                                                   berekend_op=timezone.now())
    except IntegrityError:
        return ImpactBerekening.objects.get(voorstel=voorstel, sleutel=sleutel_)


def lees_of_bereken(voorstel, sleutel_: str, bereken, opnieuw: bool = False) -> tuple[dict, ImpactBerekening]:
    """The stored impact for the key, or ``bereken()`` stored now (always when ``opnieuw``)."""
    if not opnieuw:
        bestaand = opgeslagen(voorstel, sleutel_)
        if bestaand is not None:
            return bestaand.resultaat, bestaand
    opslag = bewaar(voorstel, sleutel_, bereken(), opnieuw=opnieuw)
    return opslag.resultaat, opslag
