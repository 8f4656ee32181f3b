"""The handhaver's flow in Debian's chromium at 320 px (issue 11, point 7): import the demo Inlichtingenbureau
file, open a signal, record a casustafel decision; and the public meldpunt and indicator register. On every page
axe-core finds no WCAG 2.1 A/AA violation and the page reflows (no sideways scrolling)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import CHROMIUM
from .toegankelijkheid import controleer, controleer_reflow

pytestmark = [pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium ontbreekt"),
              pytest.mark.django_db(transaction=True)]


def _toegankelijk(page) -> None:
    controleer(page, page.url)
    controleer_reflow(page, page.url)


@pytest.fixture
def smal(browser):
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", viewport={"width": 320, "height": 700})
    context.set_default_timeout(20_000)
    pagina = context.new_page()
    yield pagina
    context.close()


def test_handhaver_bestand_signaal_casustafel(smal, live_server, demo):
    from maatwerk.demo.gebruikers import DEMO_WACHTWOORD
    from maatwerk.handhaving.demo import DEMO_BESTAND
    from maatwerk.handhaving.models import Casustafel

    page = smal
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("handhaver")
    page.get_by_label("Wachtwoord").fill(DEMO_WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"{live_server.url}/handhaving/inlichtingenbureau/")
    _toegankelijk(page)
    page.get_by_label("Maand van het bestand").fill("2026-11")
    page.get_by_label("Bestand van het Inlichtingenbureau (CSV of JSON)").set_input_files(str(DEMO_BESTAND))
    page.get_by_role("button", name="Inlezen en vergelijken").click()
    expect(page.get_by_role("heading", name="Inlichtingenbureau november 2026", level=1)).to_be_visible()
    expect(page.get_by_text("Regel 7, veld bsn: Geen geldig burgerservicenummer")).to_be_visible()
    _toegankelijk(page)

    page.get_by_role("link", name="Johan Visser").click()
    expect(page.get_by_role("heading", name="Signaal: inkomen naast de uitkering")).to_be_visible()
    _toegankelijk(page)
    # One participant first: refused with the field named, what was typed is kept.
    page.get_by_label("Datum van de casustafel").fill("2026-12-01")
    page.get_by_label("Feit 1", exact=True).fill("Loon van € 412,50 in november 2026.")
    page.get_by_label("Bron van feit 1").fill("Inlichtingenbureau november 2026, regel 2")
    page.get_by_label("gesprek met de inwoner of aanbieder (uitleg en hulp)").check()
    page.get_by_label("Waarom deze interventie?").fill("Eerste signaal; een gesprek past.")
    page.get_by_label("Deelnemer 1: naam").fill("A. Jansen")
    page.get_by_label("Deelnemer 1: discipline").fill("handhaver")
    page.get_by_label("Deelnemer 1 is akkoord met de interventie").check()
    page.get_by_label("Uitkomst en vervolg").fill("De consulent nodigt Johan uit.")
    page.get_by_role("button", name="Casustafel vastleggen").click()
    expect(page.get_by_text("vul ten minste twee deelnemers in").first).to_be_visible()
    expect(page.get_by_label("Deelnemer 1: naam")).to_have_value("A. Jansen")
    _toegankelijk(page)
    page.get_by_label("Deelnemer 2: naam").fill("B. Pieters")
    page.get_by_label("Deelnemer 2: discipline").fill("consulent inkomen")
    page.get_by_label("Deelnemer 2 is akkoord met de interventie").check()
    page.get_by_role("button", name="Casustafel vastleggen").click()
    expect(page.get_by_role("heading", name="Casustafel van 1 december 2026")).to_be_visible()
    _toegankelijk(page)
    assert Casustafel.objects.get().deelnemers.filter(akkoord=True).count() == 2


def test_openbaar_meldpunt_en_register(smal, live_server, demo):
    page = smal
    page.goto(f"{live_server.url}/loket/melden/")
    _toegankelijk(page)
    page.get_by_label("Over een zorgaanbieder of begeleider").check()
    page.get_by_label("Hulp thuis of begeleiding (Wmo)").check()
    page.get_by_label("Over wie of welke organisatie gaat het?").fill("Thuiszorgbureau De Linde")
    page.get_by_label("Wat is er aan de hand?").fill("De hulp komt niet, maar de uren worden wel geschreven.")
    page.get_by_role("button", name="Verstuur melding").click()
    expect(page.get_by_role("heading", name="Wij hebben uw melding ontvangen")).to_be_visible()
    _toegankelijk(page)
    tekst = page.locator("main").inner_text()
    kenmerk = re.search(r"HM-\d{4}-\d{5}", tekst).group(0)
    code = re.search(r"Uw geheime code: ([A-Z0-9]{10})", tekst).group(1)
    page.get_by_role("link", name="Hoe staat mijn melding?").click()
    page.get_by_label("Kenmerk van uw melding").fill(kenmerk)
    page.get_by_label("Uw geheime code").fill(code)
    page.get_by_role("button", name="Bekijk").click()
    expect(page.get_by_text(f"Melding {kenmerk}: in behandeling")).to_be_visible()
    _toegankelijk(page)
    page.goto(f"{live_server.url}/loket/algoritmes/")
    expect(page.get_by_role("heading", name="Inkomen naast de uitkering")).to_be_visible()
    _toegankelijk(page)
