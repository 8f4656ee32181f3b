"""Issue 12 point 2: the impact of a proposed change on the caseload, a synthetic population and example households,
with plots and a council PDF; aggregates only."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import pytest
from django.test import Client
from rest_framework.test import APIClient

from maatwerk.beleid import impact, services, synthetisch, voorbeelden
from maatwerk.personen import services as personen

pytestmark = pytest.mark.django_db
GRENS = "bijzondere_bijstand.draagkracht.inkomensgrens_percentage"
MAAND = "2026-12"


@pytest.fixture(autouse=True)
def kleine_bevolking(monkeypatch):
    monkeypatch.setattr(synthetisch, "STANDAARD_HUISHOUDENS", 3000)


def test_verhoging_inkomensgrens_alleen_winnaars_in_de_banden_boven_110():
    r = impact.simuleer("lansingerland", (), GRENS, 1.2, MAAND, caseload=None)
    s = r["synthetisch"]
    assert s["huishoudens"] == 3000 and s["verliezers"] == 0 and s["winnaars"] > 0
    per_band = {b["band"]: b for b in s["per_band"]}
    # Raising the limit from 110 to 120 % changes nothing below 110 % of the norm.
    assert per_band["onder 100 %"]["winnaars"] == per_band["100-110 %"]["winnaars"] == 0
    assert per_band["110-120 %"]["winnaars"] > 0
    assert s["kosten"]["bijzondere_bijstand"] > 0 and s["kosten"]["inkomenstoeslag"] == 0
    assert sum(rij["aantal"] for rij in s["tabel"]) == 3000

    vb = {v["huishouden"]: v for v in r["voorbeelden"]}
    assert len(vb) == 11
    alleen = {n["percentage"]: n for n in vb["Alleenstaande"]["niveaus"]}
    assert alleen[110]["dk_oud"] == alleen[110]["dk_nieuw"] == 0.0  # exactly at the old limit: no draagkracht
    assert alleen[120]["dk_oud"] > 0 and alleen[120]["dk_nieuw"] == 0.0
    assert 0 < alleen[130]["dk_nieuw"] < alleen[130]["dk_oud"]


def test_verlaging_geeft_verliezers_en_negatieve_kosten():
    r = impact.simuleer("lansingerland", (), GRENS, 1.0, MAAND, caseload=None)
    assert r["synthetisch"]["winnaars"] == 0 and r["synthetisch"]["verliezers"] > 0
    assert r["synthetisch"]["kosten"]["totaal"] < 0


def test_kosten_volgen_de_aanname_over_gebruik():
    hele = impact.simuleer("lansingerland", (), GRENS, 1.2, MAAND, caseload=None,
                           aannames=impact.Aannames(1.0, 1.0))["synthetisch"]["kosten"]["bijzondere_bijstand"]
    helft = impact.simuleer("lansingerland", (), GRENS, 1.2, MAAND, caseload=None,
                            aannames=impact.Aannames(0.5, 1.0))["synthetisch"]["kosten"]["bijzondere_bijstand"]
    assert helft == pytest.approx(hele / 2, abs=0.01)


def test_kleine_aantallen_in_de_caseload_worden_onderdrukt():
    u = impact.Uitkomst(np.array([0, 0, 3]), np.array([1.15, 1.15, 1.5]), np.array([100.0, 100.0, 0.0]),
                        np.array([0.0, 0.0, 0.0]), np.zeros(3), np.zeros(3), np.array([500.0, 500.0, 500.0]))
    s = impact.samenvatting(u, impact.Aannames(), voorbeelden.CASELOAD_TYPEN, onderdruk=True)
    assert s["huishoudens"] == "minder dan 5" and s["winnaars"] == "minder dan 5"
    assert all(rij["aantal"] == "minder dan 5" for rij in s["tabel"]) and s["per_band"] == []


def _inkomenshuishouden(gebruiker):
    from maatwerk.zaken.services import meld_zaak

    aanvrager = personen.registreer_inwoner(
        gebruiker, bsn="123456782", voornamen="Ans", achternaam="Visser", geboortedatum=dt.date(1975, 5, 5),
        straat="Dorpsstraat", huisnummer=1, postcode="2651 AB", woonplaats="Berkel en Rodenrijs")
    huishouden = personen.maak_huishouden(gebruiker, naam="Huishouden Visser", aanvrager=aanvrager)
    meld_zaak(gebruiker, huishouden=huishouden, hoofdpersoon=aanvrager, regeling="bijzondere_bijstand",
              ontvangen_op=dt.date(2026, 12, 1), omschrijving="Bril", kosten=Decimal("600"))
    personen.leg_inkomen_vast(gebruiker, aanvrager, maand=dt.date(2026, 12, 1), netto_bedrag=Decimal("1650"),
                              soort="loon")


def test_pagina_api_en_pdf_tonen_alleen_totalen(maak_gebruiker, monkeypatch):
    from maatwerk.beleid import rapport

    inkomen = maak_gebruiker("inkomen1", "consulent_inkomen")
    _inkomenshuishouden(inkomen)
    b1 = maak_gebruiker("beleid1", "beleidsmedewerker")
    voorstel = services.stel_voor(b1, parameter=GRENS, waarde="120", ingangsdatum=dt.date(2099, 1, 1),
                                  reden="Raadsbesluit")
    monkeypatch.setattr(impact, "simulatiemaand", lambda vandaag: MAAND)
    client = Client()
    client.force_login(b1)
    html = client.get(f"/beleid/voorstellen/{voorstel.pk}/").content.decode()
    assert "<svg" in html and 'role="img"' in html and "Voorbeeldhuishoudens" in html
    assert "Eigen caseload" in html and "minder dan 5" in html  # one household: suppressed
    assert "Visser" not in html and "123456782" not in html and "1.650" not in html  # no personal data
    assert "110 %" in html and "120 %" in html  # the value in force and the proposal, Dutch format

    fout = client.get(f"/beleid/voorstellen/{voorstel.pk}/?opname_bb=150")
    assert fout.status_code == 400 and "opname_bb" in fout.content.decode()

    monkeypatch.setattr(rapport, "html_naar_pdf", lambda html: b"%PDF-1.7 " + html.encode())
    pdf = client.get(f"/beleid/voorstellen/{voorstel.pk}/rapport.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"Gevolgen van de wijziging" in pdf.content and b"<svg" in pdf.content

    api = APIClient()
    api.force_authenticate(b1)
    data = api.get(f"/api/v1/beleidsvoorstellen/{voorstel.pk}/impact/").json()
    assert data["caseload"]["huishoudens"] == "minder dan 5" and len(data["voorbeelden"]) == 11


def test_raadsrapport_is_een_echte_pdf(maak_gebruiker, monkeypatch):
    import io

    from pypdf import PdfReader

    b1 = maak_gebruiker("beleid1", "beleidsmedewerker")
    voorstel = services.stel_voor(b1, parameter=GRENS, waarde="120", ingangsdatum=dt.date(2099, 1, 1),
                                  reden="Raadsbesluit")
    monkeypatch.setattr(impact, "simulatiemaand", lambda vandaag: MAAND)
    client = Client()
    client.force_login(b1)
    pdf = client.get(f"/beleid/voorstellen/{voorstel.pk}/rapport.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    lezer = PdfReader(io.BytesIO(pdf.content))
    tekst = "".join(p.extract_text() for p in lezer.pages)
    assert len(lezer.pages) >= 2 and "Beleidsvoorstel" in tekst and "Voorbeeldhuishoudens" in tekst
