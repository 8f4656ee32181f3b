"""In a real browser (issue 8 point 4): the jurist types a bezwaarschrift, his session expires before he sends
it; after logging in again the same form shows what he typed, with the message, and nothing was sent."""

from __future__ import annotations

import os

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # the ORM is used from the test while Playwright runs

import pytest  # noqa: E402
from playwright.sync_api import expect  # noqa: E402

from .conftest import CHROMIUM  # noqa: E402

GEEN_CHROMIUM = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium ontbreekt: installeer het Debian-pakket chromium voor de browsertests"
)
pytestmark = [GEEN_CHROMIUM, pytest.mark.django_db(transaction=True)]

GRONDEN = "Ik heb de brief op 2 februari gekregen en ben het niet eens met de drie uur hulp."


def test_getypt_bezwaar_overleeft_een_verlopen_sessie(demo, inloggen, live_server):
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from maatwerk.besluiten.models import Bezwaarschrift
    from maatwerk.web.formulier_bewaren import BERICHT

    voor = Bezwaarschrift.objects.count()
    page = inloggen("jurist")
    expect(page.get_by_role("heading", name="Bezwaren", level=1)).to_be_visible()
    page.locator("#id_kenmerk").fill("B000001-Z000001")
    page.locator("#id_ontvangen_op").fill("2026-02-02")
    page.locator("#id_gronden").fill(GRONDEN)

    # The idle timeout passes (SessieVerloopMiddleware): the stored session is expired.
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(minutes=1))
    page.get_by_role("button", name="Bezwaarschrift registreren").click()

    expect(page.get_by_role("heading", name="Inloggen", level=1)).to_be_visible()
    assert "Ik%20heb" not in page.url and "Ik+heb" not in page.url  # the text is never in the URL
    from maatwerk.demo.gebruikers import DEMO_WACHTWOORD

    page.get_by_label("Gebruikersnaam").fill("jurist")
    page.get_by_label("Wachtwoord").fill(DEMO_WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_text(BERICHT)).to_be_visible()
    expect(page.locator("#id_gronden")).to_have_value(GRONDEN)
    expect(page.locator("#id_kenmerk")).to_have_value("B000001-Z000001")
    expect(page.locator("#id_ontvangen_op")).to_have_value("2026-02-02")
    assert Bezwaarschrift.objects.count() == voor  # shown again, not sent


def test_zaakpagina_vult_het_formulier_met_het_script(demo, inloggen, live_server):
    """A page that does not restore its forms on the server: maatwerk.js puts the kept text back (no submit)."""
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from maatwerk.web.formulier_bewaren import BERICHT
    from maatwerk.zaken.models import Zaak

    zaak = Zaak.objects.get(regeling="wmo_maatwerkvoorziening", hoofdpersoon__voornamen__startswith="Floris")
    page = inloggen("consulent_wmo")
    page.goto(f"{live_server.url}/zaken/{zaak.pk}/")
    veld = page.locator("#id_onderzoek-behoefte")
    veld.evaluate("el => { const d = el.closest('details'); if (d) d.open = true; }")
    tekst = "Floris wil eerst een eigen kamer; daarna begeleiding bij zijn geldzaken."
    veld.fill(tekst)
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(minutes=1))
    veld.evaluate("el => el.form.requestSubmit()")
    expect(page.get_by_role("heading", name="Inloggen", level=1)).to_be_visible()
    from maatwerk.demo.gebruikers import DEMO_WACHTWOORD

    page.get_by_label("Gebruikersnaam").fill("consulent_wmo")
    page.get_by_label("Wachtwoord").fill(DEMO_WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text(BERICHT)).to_be_visible()
    expect(page.locator("#id_onderzoek-behoefte")).to_have_value(tekst)
