"""The verlaging page of a zaak algemene bijstand (issue 11, point 2): the consulent records the gedraging with horen
(7:14) through a form, sees the 7:13 elements and the amount per month, and drafts the besluit; bad input names the
field and keeps what was typed; other domains get 404."""

from __future__ import annotations

import pytest

from maatwerk.besluiten.models import Besluit, Soort
from maatwerk.besluiten.verlaging_models import Verlaging

from .test_verlaging import feiten, lopende_bijstand

pytestmark = pytest.mark.django_db


def _url(zaak):
    return f"/besluiten/zaak/{zaak.pk}/verlagingen/"


def test_vastleggen_tonen_en_besluit_opstellen(inkomen, client_voor):
    zaak = lopende_bijstand(inkomen, 31).zaak
    c = client_voor(inkomen)
    assert "Verlaging (afstemming)" in c.get(f"/zaken/{zaak.pk}/").content.decode()
    leeg = c.get(_url(zaak))
    assert leeg.status_code == 200 and "Er is nog geen verlaging vastgelegd." in leeg.content.decode()
    antwoord = c.post(_url(zaak), feiten())
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    v = Verlaging.objects.get(zaak=zaak)
    assert v.opgelegd and v.maanden
    html = c.get(_url(zaak)).content.decode()
    assert "Verlaging opgelegd." in html and "Verlaging per maand (artikel 7:22)" in html
    assert "Tegenprestatie niet of onvoldoende verricht (artikel 7:18, onder c, 3) — 20 juli 2026" in html
    assert "€ " in html and ">pw_tegenprestatie<" not in html  # labels, not codes
    besluit = c.post(f"/besluiten/verlagingen/{v.pk}/besluit/")
    assert besluit.status_code == 302
    b = Besluit.objects.get(soort=Soort.VERLAGING)
    assert besluit.url.startswith(f"/besluiten/{b.pk}/")
    assert f"Besluit {b.kenmerk}" in c.get(_url(zaak)).content.decode()


def test_foute_invoer_noemt_het_veld_en_houdt_de_tekst(inkomen, client_voor):
    zaak = lopende_bijstand(inkomen, 32).zaak
    antwoord = client_voor(inkomen).post(_url(zaak), feiten(horen="niet_vastgesteld", horen_datum="",
                                                            omschrijving="Kwam drie keer niet naar de tegenprestatie."))
    html = antwoord.content.decode()
    assert antwoord.status_code == 400 and "artikel 7:14" in html
    assert "Kwam drie keer niet naar de tegenprestatie." in html
    assert not Verlaging.objects.exists()
    datum = client_voor(inkomen).post(_url(zaak), feiten(datum_gedraging="2026-02-31"))
    assert datum.status_code == 400 and "geen geldige datum" in datum.content.decode()


def test_handhaver_legt_vast_maar_stelt_geen_besluit_op(inkomen, handhaver, client_voor):
    zaak = lopende_bijstand(inkomen, 33).zaak
    c = client_voor(handhaver)
    assert c.post(_url(zaak), feiten()).status_code == 302
    v = Verlaging.objects.get(zaak=zaak)
    geweigerd = c.post(f"/besluiten/verlagingen/{v.pk}/besluit/")
    assert geweigerd.status_code in (403, 404)
    assert not Besluit.objects.filter(soort=Soort.VERLAGING).exists()


@pytest.mark.parametrize("rol", ["consulent_wmo", "consulent_jeugd", "kwaliteitsmedewerker", "beheerder"])
def test_andere_rollen_krijgen_404(rol, inkomen, maak_gebruiker, client_voor):
    zaak = lopende_bijstand(inkomen, 34).zaak
    c = client_voor(maak_gebruiker(f"ander_{rol}", rol))
    assert c.get(_url(zaak)).status_code == 404
    assert c.post(_url(zaak), feiten()).status_code == 404
    assert not Verlaging.objects.exists()
