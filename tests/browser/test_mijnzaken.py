"""Mijn zaken in the browser, on a phone-sized screen (320 px) in Debian's chromium: demo resident Gerard Bakker
(case story 9; his besluit letter was sent three days ago) logs in through the mock DigiD, opens Mijn zaken,
reads the letter (HTML), downloads the PDF, adds a reaction to the rapportage and submits a bezwaar; the jurist
then finds the bezwaar on his list. On every loket page: axe-core finds no WCAG 2.1 A/AA violation and the page
reflows at 320 px (tests/browser/toegankelijkheid.py)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import CHROMIUM
from .toegankelijkheid import controleer, controleer_reflow

GEEN_CHROMIUM = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium ontbreekt: installeer het Debian-pakket chromium voor de browsertests"
)
pytestmark = [GEEN_CHROMIUM, pytest.mark.django_db(transaction=True)]

SMAL = {"width": 320, "height": 640}
GERARD = "999990172"


def toegankelijk(page) -> None:
    controleer(page, page.url)
    controleer_reflow(page, page.url)


@pytest.fixture
def telefoon(browser):
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", viewport=SMAL, accept_downloads=True)
    context.set_default_timeout(20_000)
    pagina = context.new_page()
    csp: list[str] = []
    pagina.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
    pagina.csp = csp
    yield pagina
    context.close()


def test_inwoner_leest_brief_reageert_en_maakt_bezwaar_de_jurist_ziet_het(demo, telefoon, live_server, inloggen):
    page = telefoon
    page.goto(f"{live_server.url}/loket/inloggen/")
    page.get_by_role("link", name="Inloggen met DigiD").click()
    page.get_by_label(f"Gerard Bakker ({GERARD})").check()
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Mijn loket", level=1)).to_be_visible()
    expect(page.get_by_text("U bent ingelogd met DigiD als Gerard Bakker.")).to_be_visible()
    assert GERARD not in page.content()  # the name, never the BSN

    page.get_by_role("main").get_by_role("link", name="Mijn zaken").click()
    expect(page.get_by_role("heading", name="Mijn zaken", level=1)).to_be_visible()
    toegankelijk(page)
    page.get_by_role("link", name="Bijzondere bijstand").click()
    expect(page.get_by_text("Er is een besluit. U vindt de brief op deze pagina.")).to_be_visible()
    expect(page.get_by_text(re.compile(r"U kunt bezwaar maken tot en met \d+ \w+ \d{4}\."))).to_be_visible()
    toegankelijk(page)
    zaakpagina = page.url

    # The letter as HTML, then the PDF download.
    page.get_by_role("link", name=re.compile("Brief met ons besluit van")).click()
    expect(page.locator("body")).to_contain_text("Gerard")
    controleer_reflow(page, page.url)
    page.goto(zaakpagina)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download de brief als PDF").click()
    pad = download.value.path()
    with open(pad, "rb") as f:
        assert f.read(5) == b"%PDF-"
    assert download.value.suggested_filename.startswith("besluit-B")

    # The rapportage and a reaction (nothing typed first: a Dutch message, the page stays usable).
    page.get_by_role("link", name="Lees het verslag en geef uw reactie").click()
    expect(page.get_by_role("heading", name="Verslag van uw gesprek", level=1)).to_be_visible()
    toegankelijk(page)
    page.get_by_role("button", name="Reactie versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("Schrijf uw reactie op.")
    toegankelijk(page)
    page.get_by_label("Uw reactie").fill("Mijn begeleider helpt mij ook met de post van het CJIB.")
    page.get_by_role("button", name="Reactie versturen").click()
    expect(page.get_by_text("Wij hebben uw reactie ontvangen.")).to_be_visible()
    expect(page.get_by_text("Mijn begeleider helpt mij ook met de post van het CJIB.")).to_be_visible()
    toegankelijk(page)

    # The bezwaar.
    page.goto(zaakpagina)
    page.get_by_role("link", name="Bezwaar maken tegen dit besluit").click()
    expect(page.get_by_role("heading", name="Bezwaar maken", level=1)).to_be_visible()
    toegankelijk(page)
    page.get_by_role("button", name="Bezwaar versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("Schrijf op waarom u het niet eens bent met het besluit.")
    toegankelijk(page)
    page.get_by_label("Waarom bent u het niet eens met het besluit?").fill(
        "Ik vraag geen geld voor een schuld maar om zelfstandig te kunnen wonen.")
    page.get_by_label("Bijlage (niet verplicht)").set_input_files(
        files=[{"name": "brief-begeleider.png", "mimeType": "image/png", "buffer": b"\x89PNG\r\n\x1a\n" + b"\x00" * 32}])
    page.get_by_role("button", name="Bezwaar versturen").click()
    expect(page.get_by_role("heading", name="Uw bezwaar is verstuurd", level=1)).to_be_visible()
    expect(page.get_by_text(re.compile(r"Wij beslissen uiterlijk op \d+ \w+ \d{4}\."))).to_be_visible()
    toegankelijk(page)
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_text("U bent uitgelogd.")).to_be_visible()
    assert page.csp == []

    from maatwerk.besluiten.models import Bezwaarschrift
    from maatwerk.zaken.models import Clientreactie

    bezwaar = Bezwaarschrift.objects.get(besluit__zaak__hoofdpersoon__bsn=GERARD)
    assert bezwaar.tijdig and "brief-begeleider.png" in bezwaar.gronden
    assert Clientreactie.objects.filter(onderzoek__zaak=bezwaar.besluit.zaak).exists()

    # The jurist sees the bezwaar on his list (staff pages, normal width).
    staf = inloggen("jurist")
    staf.goto(f"{live_server.url}/besluiten/bezwaren/")
    expect(staf.get_by_text(bezwaar.besluit.kenmerk).first).to_be_visible()
