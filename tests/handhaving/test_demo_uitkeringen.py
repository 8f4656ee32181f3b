"""The demo's running algemene bijstand goes through the real flow (issue 11, point 1): for each of the three demo
clients of enforcement a zaak with findings, a computation by the Regelkern, a besluit that was vastgesteld and
sent with its letter. So the Inlichtingenbureau comparison and the betaalbestand run on real besluiten."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from maatwerk.besluiten.models import Status
from maatwerk.handhaving import lopend
from maatwerk.handhaving.demo import BEGIN_UITKERING, CLIENTEN
from maatwerk.zaken import betaalbestand
from maatwerk.zaken.models import Zaak

pytestmark = pytest.mark.django_db


def test_demo_uitkeringen_via_zaak_berekening_besluit_en_brief():
    from maatwerk.demo.gegevens import laad_demogegevens

    laad_demogegevens()
    bsns = {bsn for bsn, *_ in CLIENTEN}
    zaken = Zaak.objects.filter(regeling="algemene_bijstand", hoofdpersoon__bsn__in=bsns)
    assert zaken.count() == 3
    for zaak in zaken:
        assert zaak.bevindingen.filter(criterium="afwijzingsgronden", waarde="nee").exists()
        assert zaak.berekeningen.exists()  # computed by the Regelkern, with its uitleg
        besluit = zaak.besluiten.get()
        assert besluit.status == Status.BEKENDGEMAAKT and besluit.ingangsdatum == BEGIN_UITKERING
        assert besluit.brief.pdf  # the letter as it was sent
    november = dt.date(2026, 11, 1)
    assert set(lopend.clienten(november).values_list("bsn", flat=True)) >= bsns
    bestand = betaalbestand.betaalbestand("2026-11")
    regels = [r for r in bestand["regels"] if r["besluit"] in {z.besluiten.get().kenmerk for z in zaken}]
    assert len(regels) == 3 and all(Decimal(r["bedrag"]) > 0 for r in regels)
