"""The demo's running algemene bijstand goes through the real flow (issue 11, point 1): for each of the three demo
clients of enforcement a zaak with findings, a computation by the Regelkern, a besluit that was vastgesteld and
sent with its letter. So the Inlichtingenbureau comparison and the betaalbestand run on real besluiten. One client
has a verlaging made the same way, and the betaalbestand of November shows it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from maatwerk.besluiten.models import Soort, Status, Verlaging
from maatwerk.handhaving import lopend
from maatwerk.handhaving.demo import BEGIN_UITKERING, CLIENTEN, VERLAGING_BEKENDMAKING, VERLAGING_BSN
from maatwerk.zaken import betaalbestand
from maatwerk.zaken.models import Zaak

pytestmark = pytest.mark.django_db


def test_demo_uitkeringen_via_zaak_berekening_besluit_en_brief():
    from maatwerk.demo.gegevens import laad_demogegevens

    laad_demogegevens(archief=False)
    bsns = {bsn for bsn, *_ in CLIENTEN}
    zaken = Zaak.objects.filter(regeling="algemene_bijstand", hoofdpersoon__bsn__in=bsns)
    assert zaken.count() == 3
    for zaak in zaken:
        assert zaak.bevindingen.filter(criterium="afwijzingsgronden", waarde="nee").exists()
        assert zaak.berekeningen.exists()  # computed by the Regelkern, with its uitleg
        besluit = zaak.besluiten.get(soort=Soort.TOEKENNING)
        assert besluit.status == Status.BEKENDGEMAAKT and besluit.ingangsdatum == BEGIN_UITKERING
        assert besluit.brief.pdf  # the letter as it was sent
    november = dt.date(2026, 11, 1)
    assert set(lopend.clienten(november).values_list("bsn", flat=True)) >= bsns
    bestand = betaalbestand.betaalbestand("2026-11")
    toekenningen = {z.besluiten.get(soort=Soort.TOEKENNING).kenmerk for z in zaken}
    regels = [r for r in bestand["regels"] if r["besluit"] in toekenningen]
    assert len(regels) == 3 and all(Decimal(r["bedrag"]) > 0 for r in regels)
    # One verlaging through the real flow (issue 11): recorded with the hearing, besluit vastgesteld and sent.
    v = Verlaging.objects.get(zaak__hoofdpersoon__bsn=VERLAGING_BSN)
    assert v.opgelegd and v.horen == "gehoord" and v.horen_datum and [e["onderdeel"] for e in v.elementen] == ["a", "b", "c"]
    assert v.besluit.soort == Soort.VERLAGING and v.besluit.status == Status.BEKENDGEMAAKT
    assert v.besluit.bekendgemaakt_op == VERLAGING_BEKENDMAKING and v.besluit.brief.pdf
    assert "Wij verlagen uw bijstand" in v.besluit.brief.html
    assert v.besluit.overwegingen.filter(bron__contains="7:14").exists()
    # The betaalbestand of November keeps it from the benefit (7:16 lid 1: the month after the bekendmaking),
    # with the besluit and the rule; October and December pay the whole benefit.
    regel = next(r for r in regels if r["zaak"] == v.zaak_id)
    assert [m["maand"] for m in v.maanden] == ["2026-11"]
    assert Decimal(regel["verlaging"]) == Decimal(v.maanden[0]["bedrag"]) > 0
    assert Decimal(regel["bedrag"]) == Decimal(regel["uitkering"]) - Decimal(regel["verlaging"])
    assert regel["verlagingen"][0]["besluit"] == v.besluit.kenmerk and "7:22" in regel["verlagingen"][0]["regel"]
    assert all(Decimal(r["verlaging"]) == 0 for r in regels if r["zaak"] != v.zaak_id)
    for maand in ("2026-10", "2026-12"):
        andere = next(r for r in betaalbestand.betaalbestand(maand)["regels"] if r["zaak"] == v.zaak_id)
        assert andere["verlagingen"] == [] and Decimal(andere["bedrag"]) == Decimal(regel["uitkering"])
    # Loading again changes nothing: still one verlaging.
    laad_demogegevens(archief=False)
    assert Verlaging.objects.filter(zaak=v.zaak).count() == 1
