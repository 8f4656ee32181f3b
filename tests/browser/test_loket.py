"""The loket as a new resident uses it on a phone-sized screen (320 px wide), in Debian's chromium: the
anonymous self-check up to its result, then login through the bundled mock DigiD, asking for a gesprek and the
receipt. On every page: axe-core finds no WCAG 2.1 A/AA violation and the page reflows (no horizontal scroll).

The axe helper is local to this file on purpose (another part adds tests/browser/toegankelijkheid.py in parallel;
the integrator merges them).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .toegankelijkheid import controleer, controleer_reflow

from .conftest import CHROMIUM

GEEN_CHROMIUM = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium ontbreekt: installeer het Debian-pakket chromium voor de browsertests"
)
pytestmark = [GEEN_CHROMIUM, pytest.mark.django_db(transaction=True)]

SMAL = {"width": 320, "height": 640}


def toegankelijk(page) -> None:
    """axe-core: no WCAG 2.1 A/AA violation, and reflow at 320 px (WCAG 1.4.10); the shared helper of the
    browser tests (tests/browser/toegankelijkheid.py)."""
    controleer(page, page.url)
    controleer_reflow(page, page.url)


@pytest.fixture
def telefoon(browser):
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", viewport=SMAL)
    context.set_default_timeout(20_000)
    pagina = context.new_page()
    csp: list[str] = []
    pagina.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
    pagina.csp = csp
    yield pagina
    context.close()


def test_zelftest_anoniem_daarna_inloggen_en_gesprek_aanvragen(telefoon, live_server):
    page = telefoon
    page.goto(f"{live_server.url}/loket/")
    toegankelijk(page)
    # Keyboard only: the first Tab reaches the skip link, visibly, and it moves to the content.
    page.keyboard.press("Tab")
    overslaan = page.get_by_role("link", name="Direct naar de inhoud")
    expect(overslaan).to_be_focused()
    expect(overslaan).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "inhoud"

    page.get_by_role("link", name="Waar heb ik recht op?").first.click()
    toegankelijk(page)
    page.get_by_role("link", name="Bijzondere bijstand").click()
    expect(page.get_by_role("heading", name="Uw huishouden", level=1)).to_be_visible()
    toegankelijk(page)
    page.get_by_role("button", name="Volgende vraag").click()  # nothing filled in: Dutch messages per field
    expect(page.get_by_role("alert")).to_contain_text("Vul uw geboortedatum in.")
    toegankelijk(page)
    page.get_by_label("Wat is uw geboortedatum?").fill("1980-05-01")
    page.get_by_role("group", name="Woont u samen met een partner?").get_by_label("Nee").check()
    page.get_by_label("Hoeveel kinderen onder de 18 wonen bij u?").fill("0")
    page.get_by_label("Hoeveel andere volwassenen van 21 jaar of ouder wonen bij u?").fill("0")
    page.get_by_role("button", name="Volgende vraag").click()
    page.get_by_label("Hoeveel geld krijgt u per maand?").fill("1.300,00")
    toegankelijk(page)
    page.get_by_role("button", name="Volgende vraag").click()
    page.get_by_label("Hoeveel geld heeft u samen op de bank en als spaargeld?").fill("800")
    page.get_by_role("button", name="Volgende vraag").click()
    page.get_by_label("Hoeveel kosten de dingen waarvoor u hulp vraagt?").fill("850")
    page.get_by_role("button", name="Bekijk de uitkomst").click()
    expect(page.get_by_role("heading", name="Uitkomst: bijzondere bijstand")).to_be_visible()
    expect(page.get_by_text("Dit is geen besluit.")).to_be_visible()
    expect(page.locator(".loket-uitleg li").first).to_contain_text("Bron:")
    toegankelijk(page)

    # Log in through the mock DigiD to ask for a gesprek.
    page.get_by_role("link", name="Ik wil een gesprek").first.click()
    expect(page.get_by_role("heading", name="Inloggen", level=1)).to_be_visible()
    toegankelijk(page)
    page.get_by_role("link", name="Inloggen met DigiD").click()
    expect(page.get_by_role("heading", name="Inloggen met DigiD (demo)")).to_be_visible()
    toegankelijk(page)
    page.get_by_label("Pedro Verhoef (999990019)").check()
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", name="Ik wil een gesprek", level=1)).to_be_visible()
    expect(page.get_by_text("U handelt voor uzelf.")).to_be_visible()
    toegankelijk(page)
    page.get_by_role("group", name="Waarover wilt u praten?").get_by_label("Hulp of zorg thuis (Wmo)").check()
    page.get_by_label("Een gesprek bij mij thuis (keukentafelgesprek)").check()
    page.get_by_label("dinsdag").check()
    page.get_by_label("ochtend").check()
    page.get_by_label("Op welk telefoonnummer kunnen we u bellen?").fill("06 1234")
    page.get_by_label("Ja, een cliëntondersteuner", exact=True).check()
    page.get_by_role("button", name="Verstuur").click()
    expect(page.get_by_role("alert")).to_contain_text("geen Nederlands telefoonnummer")
    toegankelijk(page)
    expect(page.get_by_label("dinsdag")).to_be_checked()  # what was chosen stays
    page.get_by_label("Op welk telefoonnummer kunnen we u bellen?").fill("06 12345678")
    page.get_by_role("button", name="Verstuur").click()
    expect(page.get_by_role("heading", name="Uw vraag is verstuurd")).to_be_visible()
    toegankelijk(page)

    from maatwerk.loket.models import Gespreksverzoek

    assert Gespreksverzoek.objects.filter(bsn="999990019", domein="wmo", telefoon="0612345678").exists()
    page.get_by_role("link", name="Terug naar Mijn loket").click()
    expect(page.get_by_role("heading", name="Mijn loket", level=1)).to_be_visible()
    toegankelijk(page)
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_text("U bent uitgelogd.")).to_be_visible()
    assert page.csp == []


def test_overige_loketpaginas_toegankelijk_bij_320_px(telefoon, live_server):
    """The pages the flow above does not pass: the guide for Wmo and Jeugd and the first question of each
    scheme (the later questions share the template), each with axe and the 320 px reflow."""
    page = telefoon
    for pad, kop in (("/loket/wmo-en-jeugd/", "Hulp thuis en hulp voor kinderen"),
                     ("/loket/waar-heb-ik-recht-op/individuele_inkomenstoeslag/", "Uw huishouden"),
                     ("/loket/waar-heb-ik-recht-op/individuele_studietoeslag/", "Over u")):
        page.goto(f"{live_server.url}{pad}")
        expect(page.get_by_role("heading", name=kop, level=1)).to_be_visible()
        toegankelijk(page)
    assert page.csp == []
