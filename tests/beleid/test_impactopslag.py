"""Issue 12 (task snelheid, point 5): the impact of a proposal is computed once per (proposal, compared version,
caseload state, assumptions) and stored; the page reads it, says when it was computed, and a POST recomputes it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from maatwerk.beleid import impact, rapport, services, synthetisch
from maatwerk.beleid.models import ImpactBerekening
from maatwerk.personen import services as personen

pytestmark = pytest.mark.django_db
GRENS = "bijzondere_bijstand.draagkracht.inkomensgrens_percentage"
MAAND = "2026-12"


@pytest.fixture
def opzet(maak_gebruiker, monkeypatch):
    monkeypatch.setattr(synthetisch, "STANDAARD_HUISHOUDENS", 500)
    monkeypatch.setattr(impact, "simulatiemaand", lambda vandaag: MAAND)
    berekeningen = []
    echt = impact.simuleer
    monkeypatch.setattr(impact, "simuleer", lambda *a, **k: berekeningen.append(1) or echt(*a, **k))
    b1 = maak_gebruiker("beleid1", "beleidsmedewerker")
    voorstel = services.stel_voor(b1, parameter=GRENS, waarde="120", ingangsdatum=dt.date(2099, 1, 1),
                                  reden="Raadsbesluit")
    client = Client()
    client.force_login(b1)
    return voorstel, client, berekeningen


def _inkomenshuishouden(gebruiker, bsn="123456782", netto="1650"):
    from maatwerk.zaken.services import meld_zaak

    aanvrager = personen.registreer_inwoner(
        gebruiker, bsn=bsn, voornamen="Ans", achternaam="Visser", geboortedatum=dt.date(1975, 5, 5),
        straat="Dorpsstraat", huisnummer=1, postcode="2651 AB", woonplaats="Berkel en Rodenrijs")
    huishouden = personen.maak_huishouden(gebruiker, naam=f"Huishouden {bsn}", aanvrager=aanvrager)
    meld_zaak(gebruiker, huishouden=huishouden, hoofdpersoon=aanvrager, regeling="bijzondere_bijstand",
              ontvangen_op=dt.date(2026, 12, 1), omschrijving="Bril", kosten=Decimal("600"))
    personen.leg_inkomen_vast(gebruiker, aanvrager, maand=dt.date(2026, 12, 1), netto_bedrag=Decimal(netto),
                              soort="loon")
    return aanvrager


def test_de_tweede_weergave_leest_de_bewaarde_uitkomst(opzet, monkeypatch):
    voorstel, client, berekeningen = opzet
    eerste = client.get(f"/beleid/voorstellen/{voorstel.pk}/")
    assert eerste.status_code == 200 and len(berekeningen) == 1
    html = eerste.content.decode()
    assert "Berekend op" in html and "Opnieuw berekenen" in html
    opslag = ImpactBerekening.objects.get(voorstel=voorstel)
    tweede = client.get(f"/beleid/voorstellen/{voorstel.pk}/").content.decode()
    assert len(berekeningen) == 1 and ImpactBerekening.objects.count() == 1  # read, not computed
    assert "<svg" in tweede and "Voorbeeldhuishoudens" in tweede  # the stored result renders the whole page
    # The PDF for the council reads the same stored result.
    monkeypatch.setattr(rapport, "html_naar_pdf", lambda html: b"%PDF-1.7 " + html.encode())
    pdf = client.get(f"/beleid/voorstellen/{voorstel.pk}/rapport.pdf")
    assert pdf.status_code == 200 and b"Gevolgen van de wijziging" in pdf.content and len(berekeningen) == 1
    assert opslag.resultaat["synthetisch"]["huishoudens"] == 500


def test_andere_aannames_en_andere_caseload_geven_een_nieuwe_berekening(opzet, maak_gebruiker):
    voorstel, client, berekeningen = opzet
    client.get(f"/beleid/voorstellen/{voorstel.pk}/")
    client.get(f"/beleid/voorstellen/{voorstel.pk}/?opname_bb=50")
    assert len(berekeningen) == 2
    client.get(f"/beleid/voorstellen/{voorstel.pk}/?opname_bb=50")
    assert len(berekeningen) == 2
    # A new income household changes the caseload state: the impact is computed again.
    _inkomenshuishouden(maak_gebruiker("inkomen1", "consulent_inkomen"))
    html = client.get(f"/beleid/voorstellen/{voorstel.pk}/").content.decode()
    assert len(berekeningen) == 3 and "minder dan 5" in html
    assert ImpactBerekening.objects.filter(voorstel=voorstel).count() == 3


def test_opnieuw_berekenen_is_een_post_met_de_getoonde_aannames(opzet):
    voorstel, client, berekeningen = opzet
    client.get(f"/beleid/voorstellen/{voorstel.pk}/?opname_bb=50")
    voor = ImpactBerekening.objects.get(voorstel=voorstel)
    assert client.get(f"/beleid/voorstellen/{voorstel.pk}/impact/herberekenen/").status_code == 405
    antwoord = client.post(f"/beleid/voorstellen/{voorstel.pk}/impact/herberekenen/", {"opname_bb": "50"})
    assert antwoord.status_code == 302 and antwoord["Location"].endswith("?opname_bb=50")
    assert len(berekeningen) == 2
    na = ImpactBerekening.objects.get(voorstel=voorstel)  # replaced, not added
    assert na.pk != voor.pk and na.berekend_op >= voor.berekend_op and na.sleutel == voor.sleutel


def test_opnieuw_berekenen_met_onjuiste_invoer_noemt_het_veld(opzet):
    voorstel, client, berekeningen = opzet
    antwoord = client.post(f"/beleid/voorstellen/{voorstel.pk}/impact/herberekenen/", {"opname_bb": "150"})
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Gebruik bijzondere bijstand" in html and 'value="150"' in html  # the field's message, input kept
    assert len(berekeningen) == 1  # the page itself, with the standard assumptions; nothing recomputed


@pytest.mark.parametrize("rol", ["consulent_inkomen", "kwaliteitsmedewerker", "beheerder", "consulent_wmo"])
def test_andere_rollen_mogen_niet_herberekenen(opzet, maak_gebruiker, rol):
    voorstel, _, berekeningen = opzet
    client = Client()
    client.force_login(maak_gebruiker(f"ander_{rol}", rol))
    antwoord = client.post(f"/beleid/voorstellen/{voorstel.pk}/impact/herberekenen/", {})
    assert antwoord.status_code in (403, 404)
    assert not berekeningen and not ImpactBerekening.objects.exists()
