"""The online aanvraag in a real browser on a phone-sized screen (issue 9, point 7): Pedro logs in through the
mock DigiD, applies for bijzondere bijstand with two uploads (a wrong file in between is refused by name, the
good one and the typed text stay), gets the receipt; then the consulent inkomen sees the same zaak in his
werkvoorraad and both documents on the zaak page. axe-core and the 320 px reflow on every new page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import CHROMIUM
from .toegankelijkheid import controleer, controleer_reflow

pytestmark = [pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium ontbreekt"),
              pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + b"0" * 3000 + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 1500


def toegankelijk(page) -> None:
    controleer(page, page.url)
    controleer_reflow(page, page.url)


@pytest.fixture
def telefoon(browser):
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", viewport={"width": 320, "height": 640})
    context.set_default_timeout(20_000)
    pagina = context.new_page()
    csp: list[str] = []
    pagina.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
    pagina.csp = csp
    yield pagina
    context.close()


def test_aanvraag_met_twee_bestanden_en_de_consulent_ziet_haar(demo, telefoon, inloggen, live_server):
    page = telefoon
    page.goto(f"{live_server.url}/loket/inloggen/")
    page.get_by_role("link", name="Inloggen met DigiD").click()
    page.get_by_label("Pedro Verhoef (999990019)").check()
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Mijn loket", level=1)).to_be_visible()
    page.get_by_role("link", name="Iets aanvragen of melden").click()
    expect(page.get_by_role("heading", name="Iets aanvragen of melden", level=1)).to_be_visible()
    toegankelijk(page)
    page.get_by_role("link", name="Bijzondere bijstand").click()
    expect(page.get_by_role("heading", name="Aanvraag bijzondere bijstand", level=1)).to_be_visible()
    expect(page.get_by_text("Pedro", exact=False).first).to_be_visible()  # prefilled from personen
    toegankelijk(page)

    page.get_by_label("Waarvoor vraagt u geld?").fill("Een nieuwe wasmachine, de oude is kapot.")
    page.get_by_label("Hoeveel kost het?").fill("450,00")
    page.get_by_label("Hoeveel geld vraagt u aan de gemeente?").fill("450,00")
    bestanden = page.get_by_label("Wilt u bestanden meesturen? (niet verplicht)")
    bestanden.set_input_files(files=[
        {"name": "offerte.pdf", "mimeType": "application/pdf", "buffer": PDF},
        {"name": "brief.docx", "mimeType": "application/pdf", "buffer": b"PK\x03\x04 geen pdf"}])
    page.get_by_role("button", name="Verstuur mijn aanvraag").click()
    expect(page.get_by_role("alert").first).to_contain_text("brief.docx: alleen PDF, JPEG of PNG")
    expect(page.get_by_label("Waarvoor vraagt u geld?")).to_have_value("Een nieuwe wasmachine, de oude is kapot.")
    expect(page.locator(".loket-bestanden")).to_contain_text("offerte.pdf")  # kept: no need to choose it again
    toegankelijk(page)

    page.get_by_label("Wilt u nog meer bestanden meesturen? (niet verplicht)").set_input_files(files=[
        {"name": "bankafschrift.png", "mimeType": "image/png", "buffer": PNG}])
    page.get_by_role("button", name="Verstuur mijn aanvraag").click()
    expect(page.get_by_role("heading", name="Uw aanvraag is verstuurd", level=1)).to_be_visible()
    expect(page.locator(".loket-bestanden")).to_contain_text("offerte.pdf")
    expect(page.locator(".loket-bestanden")).to_contain_text("bankafschrift.png")
    expect(page.get_by_text("We beslissen uiterlijk op", exact=True)).to_be_visible()
    toegankelijk(page)
    assert page.csp == []

    # The same zaak in Mijn zaken: its status in plain words and the two files the resident sent.
    page.get_by_role("link", name="Bekijk uw aanvraag in Mijn zaken").click()
    expect(page.get_by_role("heading", name="Bijzondere bijstand", level=1)).to_be_visible()
    expect(page.get_by_text("We hebben uw aanvraag ontvangen.", exact=False).first).to_be_visible()
    documenten = page.get_by_role("heading", name="Documenten die u stuurde", level=2).locator("xpath=following-sibling::*[1]")
    expect(documenten).to_contain_text("offerte.pdf")
    expect(documenten).to_contain_text("bankafschrift.png")
    toegankelijk(page)
    pad = page.url.removeprefix(live_server.url)
    page.get_by_role("link", name="Mijn zaken").first.click()
    expect(page.get_by_role("heading", name="Mijn zaken", level=1)).to_be_visible()
    expect(page.locator(f'a[href="{pad}"]')).to_have_text("Bijzondere bijstand")

    from maatwerk.zaken.models import Zaak

    zaak = Zaak.objects.get(aanvraag_via="online")
    assert zaak.hoofdpersoon.bsn == "999990019" and zaak.documenten.count() == 2

    staf = inloggen("consulent_inkomen")
    staf.goto(f"{live_server.url}/werkvoorraad/")
    expect(staf.locator(f'a[href="/zaken/{zaak.pk}/"]').first).to_be_visible()
    staf.goto(f"{live_server.url}/zaken/{zaak.pk}/#documenten")
    expect(staf.locator("#documenten")).to_contain_text("offerte.pdf")
    expect(staf.locator("#documenten")).to_contain_text("bankafschrift.png")


def _digid(page, live_server, volgende: str) -> None:
    page.goto(f"{live_server.url}/loket/inloggen/?next={volgende}")
    page.get_by_role("link", name="Inloggen met DigiD").click()
    page.get_by_label("Pedro Verhoef (999990019)").check()
    page.get_by_role("button", name="Inloggen").click()


def test_melding_wmo_en_het_ontvangstbewijs_zonder_einddatum(demo, telefoon, live_server):
    page = telefoon
    _digid(page, live_server, "/loket/aanvragen/wmo_maatwerkvoorziening/")
    expect(page.get_by_role("heading", name="Melding wmo-maatwerkvoorziening", level=1)).to_be_visible()
    page.get_by_role("button", name="Verstuur mijn melding").click()  # nothing typed: the message at the field
    expect(page.get_by_role("alert").first).to_contain_text("Schrijf op waarmee u hulp wilt.")
    toegankelijk(page)
    page.get_by_label("Waarmee wilt u hulp?").fill("Ik kan de trap niet meer op.")
    page.get_by_role("button", name="Verstuur mijn melding").click()
    expect(page.get_by_role("heading", name="Uw melding is verstuurd", level=1)).to_be_visible()
    expect(page.get_by_text("De dag van dat eerste gesprek is de datum van uw melding.", exact=False)).to_be_visible()
    toegankelijk(page)
    assert page.csp == []


def test_onbekende_inwoner_krijgt_een_uitlegpagina(telefoon, live_server):
    page = telefoon  # no demo data: Pedro is not in personen
    _digid(page, live_server, "/loket/aanvragen/jeugdhulp/")
    expect(page.get_by_role("heading", name="We kunnen uw gegevens niet vinden", level=1)).to_be_visible()
    toegankelijk(page)
