"""Case story 7 (Pedro, seed 004) from melding to a decided bezwaar, in a real browser on the demo data (issue 8):
the consulent opens the fresh melding, records the onderzoek and the inwoner's remarks, moves to aanvraag, records
the findings, computes and reaches 'klaar voor besluit'; the kwaliteitsmedewerker approves once (the same approval
holds for the besluit); the consulent fixes and sends the letter (at most 2 pages, PDF/UA); the jurist registers a
bezwaar received that same day (in time, Awb 6:8-6:10) and decides it. And: a Wmo consulent cannot open a Jeugd zaak."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API next to Django's ORM in one thread

GEEN_CHROMIUM = pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists(),
    reason="/usr/bin/chromium ontbreekt: installeer het Debian-pakket chromium voor de browsertests",
)
pytestmark = [GEEN_CHROMIUM, pytest.mark.django_db(transaction=True)]

CHECKLIST = {
    "a. behoefte, persoonskenmerken en voorkeuren": "Pedro wil een frisse start voor zijn gezin.",
    "b. gewenst resultaat": "Een schuldregeling en weer rondkomen zonder beslag op het leefgeld.",
    "c. eigen kracht en gebruikelijke hulp": "Pedro kan de slotbalans door zijn hersenletsel niet zelf opstellen.",
    "d. mantelzorg en sociaal netwerk": "Zijn vrouw helpt met de post; niemand in het netwerk kan boekhouden.",
    "e. ondersteuning van de mantelzorger": "Rosa heeft af en toe rust nodig; het wijkteam houdt contact.",
    "f. algemene of vrij toegankelijke voorzieningen": "De vrijwillige thuisadministratie kan geen slotbalans maken.",
    "g. individuele of maatwerkvoorziening": "Een boekhouder inhuren voor de slotbalans (€ 2.500).",
    "h. samenwerking met aanbieders en partijen": "Afstemming met schuldhulpverlening en de Belastingdienst.",
    "i. culturele achtergrond, godsdienst, levensovertuiging": "Geen bijzonderheden.",
}

BEVINDINGEN = {
    "Vloeien de kosten voort uit bijzondere omstandigheden?":
        ("ja", "Faillissement en hersenletsel maken het onmogelijk de boeken zelf te sluiten."),
    "Zijn de kosten noodzakelijk?":
        ("ja", "Zonder slotbalans geen schuldregeling; het gezin blijft dan onder het bestaansminimum."),
    "Worden of zijn de kosten daadwerkelijk gemaakt?":
        ("ja", "Offerte van een boekhouder van € 2.500 ligt in het dossier."),
    "Is er een voorliggende voorziening die passend en toereikend is?":
        ("nee", "Schuldhulpverlening betaalt de slotbalans niet; er is geen andere regeling."),
    "Is er een grond waarop de aanvrager geen recht heeft (artikel 13 of 14 Participatiewet)?":
        ("nee", "Het gaat om de kosten van een boekhouder, niet om het aflossen van schulden."),
    "Zijn er zeer dringende redenen die bijstand noodzakelijk maken ondanks een afwijzingsgrond?":
        ("nee", "Er is geen afwijzingsgrond, dus artikel 16 is hier niet nodig."),
}


def _stap(page, actie: str, knop: str, reden: str = ""):
    form = page.get_by_role("form", name=actie)
    if reden:
        form.get_by_label("Reden").fill(reden)
    form.get_by_role("button", name=knop).click()


def test_casus_7_van_melding_tot_verstuurde_brief_en_beslist_bezwaar(demo, inloggen, live_server, tmp_path):
    page = inloggen("consulent_inkomen")
    expect(page.get_by_role("heading", name="Werkvoorraad", level=1)).to_be_visible()

    # Open the fresh melding of case 7 from the worklist.
    rij = page.get_by_role("row").filter(has_text="Pedro Verhoef")
    expect(rij).to_contain_text("melding")
    rij.get_by_role("link", name=re.compile(r"Zaak \d+")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bijzondere bijstand voor Pedro Verhoef")
    expect(page.get_by_text("Status: melding")).to_be_visible()
    expect(page.locator("#vraag")).to_contain_text("slotbalans")

    # melding -> onderzoek: the first conversation (art. 2:1 onder b, 2:3 lid 1).
    _stap(page, "Eerste gesprek gevoerd: het onderzoek start", "Naar onderzoek")
    expect(page.get_by_text("Status: onderzoek")).to_be_visible()

    # The individualiseringsrapportage: a bad date is refused in Dutch and nothing typed is lost.
    onderzoek = page.locator("#onderzoek form")
    onderzoek.get_by_label("a. behoefte, persoonskenmerken en voorkeuren").fill(CHECKLIST["a. behoefte, persoonskenmerken en voorkeuren"])
    onderzoek.get_by_label("waar en hoe").fill("Huisbezoek")
    onderzoek.locator("input[name='onderzoek-laatste_gesprekdatum']").evaluate("e => { e.type = 'text'; e.value = '31-02-2025' }")
    onderzoek.get_by_role("button", name="Onderzoeksverslag opslaan").click()
    samenvatting = page.locator("#onderzoek .nl-error-summary")
    expect(samenvatting).to_contain_text("Vul een geldige datum in")
    expect(samenvatting).to_be_focused()  # the re-rendered page takes the user straight to the problem
    expect(page.locator("#onderzoek form").get_by_label("a. behoefte, persoonskenmerken en voorkeuren")).to_have_value(
        CHECKLIST["a. behoefte, persoonskenmerken en voorkeuren"])

    onderzoek = page.locator("#onderzoek form")
    onderzoek.locator("input[name='onderzoek-laatste_gesprekdatum']").evaluate("e => { e.type = 'date'; e.value = '' }")
    for label, tekst in CHECKLIST.items():
        onderzoek.get_by_label(label).fill(tekst)
    onderzoek.get_by_label("Financiën").select_option("2")
    onderzoek.get_by_label("Werk en opleiding").select_option("2")
    onderzoek.get_by_label("trede participatieladder").select_option("2")
    onderzoek.get_by_label("doel, procedure, rechten en plichten uitgelegd (art. 2:3 lid 2)").check()
    onderzoek.get_by_label("beschrijvende rapportage").fill("Gezin met grote schuld, gemotiveerd voor een frisse start.")
    onderzoek.get_by_role("button", name="Onderzoeksverslag opslaan").click()
    expect(page.get_by_text("Het onderzoeksverslag is opgeslagen.")).to_be_visible()
    expect(page.locator("#onderzoek")).to_contain_text("Alle onderdelen a tot en met i")

    # Reactie van de inwoner, added to the report.
    reactie = page.locator("#reactie form")
    reactie.get_by_label("Reactie van de inwoner").fill("Wij willen graag dat de boekhouder ook met de Belastingdienst praat.")
    reactie.get_by_role("button", name="Reactie toevoegen").click()
    expect(page.locator("#reactie blockquote")).to_contain_text("ook met de Belastingdienst praat")

    # onderzoek -> aanvraag (allowed before the end of the onderzoek outside the Wmo, art. 2:5).
    _stap(page, "Aanvraag vóór afronding van het onderzoek", "Naar aanvraag")
    expect(page.get_by_text("Status: aanvraag")).to_be_visible()
    expect(page.locator("#termijnen")).to_contain_text("Beslistermijn aanvraag")

    # Findings: a too short reason is refused at the field (htmx swap, status 400), the text stays.
    eerste = page.locator("article").filter(has_text="Vloeien de kosten voort uit bijzondere omstandigheden?")
    eerste.get_by_label("ja", exact=True).check()
    eerste.get_by_label("Motivering").fill("te kort")
    eerste.get_by_role("button", name=re.compile("Bevinding vastleggen")).click()
    eerste = page.locator("article").filter(has_text="Vloeien de kosten voort uit bijzondere omstandigheden?")
    expect(eerste.locator(".nl-form-field-error-message")).to_contain_text("ten minste 20 tekens")
    expect(eerste.get_by_label("Motivering")).to_have_value("te kort")

    for vraag, (waarde, motivering) in BEVINDINGEN.items():
        artikel = page.locator("article").filter(has_text=vraag)
        artikel.get_by_label(waarde, exact=True).check()
        artikel.get_by_label("Motivering").fill(motivering)
        artikel.get_by_role("button", name=re.compile("Bevinding vastleggen")).click()
        expect(page.locator("article").filter(has_text=vraag).get_by_text(f"Bevinding: {waarde}")).to_be_visible()
    expect(page.locator("#bevindingen")).to_contain_text("Alle criteria hebben een bevinding.")

    # aanvraag -> beoordeling; the service says what is still missing before klaar voor besluit.
    _stap(page, "Beoordeling van de aanvraag gestart", "Naar beoordeling")
    expect(page.get_by_text("Status: beoordeling")).to_be_visible()
    expect(page.locator("#niet-klaar")).to_contain_text("berekening")

    # The Regelkern computes; its uitleg names sentence, source and kind.
    page.locator("#berekening").get_by_role("button", name="Berekenen").click()
    expect(page.get_by_text("De berekening is gemaakt en vastgelegd.")).to_be_visible()
    uitleg = page.locator("#berekening details[open]")
    expect(uitleg).to_contain_text("Bedrag bijzondere bijstand")
    expect(uitleg).to_contain_text("Bron: Participatiewet, artikel 35")

    # beoordeling -> klaar voor besluit, with the proposed outcome.
    expect(page.locator("#niet-klaar")).to_have_count(0)
    form = page.get_by_role("form", name="Voorstel klaar voor besluit")
    form.get_by_label("toegekend", exact=True).check()
    form.get_by_role("button", name="Naar klaar voor besluit").click()
    expect(page.get_by_text("Status: klaar voor besluit")).to_be_visible()
    # € 2.500 exceeds the consulent's mandate (mandaattabel): four eyes.
    expect(page.locator("#vierogen")).to_contain_text("tweede paar ogen")
    historie = page.locator("#historie")
    for stap in ("melding", "onderzoek", "aanvraag", "beoordeling", "klaar voor besluit"):
        expect(historie).to_contain_text(stap)
    expect(historie).to_contain_text("consulent_inkomen")

    # One four-eyes approval, given on the proposal by the kwaliteitsmedewerker.
    zaak_url = page.url.split("#")[0]
    page.context.clear_cookies()
    page = inloggen("kwaliteitsmedewerker")
    lijst = page.locator("main")
    expect(lijst).to_contain_text("Pedro Verhoef")
    page.goto(zaak_url)
    oordeel = page.locator("#vierogen")
    oordeel.get_by_label("Akkoord met het voorstel").check()
    oordeel.get_by_role("button", name="Oordeel vastleggen").click()
    expect(page.locator("body")).to_contain_text("Goedgekeurd door kwaliteitsmedewerker")

    # The consulent drafts the besluit: the approval on the proposal holds for it; no second approval.
    page.context.clear_cookies()
    page = inloggen("consulent_inkomen")
    page.goto(zaak_url)
    page.get_by_role("link", name=re.compile("[Bb]esluit")).first.click()
    page.get_by_role("button", name="Besluit opstellen").click()
    expect(page.locator("body")).to_contain_text("(op het voorstel in de zaak)")
    vandaag = dt.date.today().isoformat()
    page.get_by_label("Welke voorziening").fill("de kosten van een boekhouder voor de slotbalans")
    page.get_by_label("Ingangsdatum").fill(vandaag)
    page.get_by_label("Wat gebeurt er nu (betaling, start)").fill("Wij maken het geld binnen twee weken over.")
    page.get_by_role("button", name="Inhoud opslaan").click()
    expect(page.get_by_text("Alle verplichte onderdelen zijn ingevuld.")).to_be_visible()
    expect(page.locator("body")).to_contain_text("(op het voorstel in de zaak)")  # an unchanged amount keeps it

    page.get_by_label("Datum van het besluit").fill(vandaag)
    page.get_by_role("button", name="Besluit vaststellen").click()
    expect(page.locator("#besluit-status")).to_contain_text("vastgesteld")
    page.get_by_label("Dag van versturen (bekendmaking)").fill(vandaag)
    page.get_by_role("button", name="Brief versturen").click()
    expect(page.locator("#besluit-status")).to_contain_text("bekendgemaakt")
    kenmerk = re.search(r"B\d{6}-Z\d{6}", page.locator("main").inner_text()).group(0)

    with page.expect_download() as download:
        page.get_by_role("link", name="Brief downloaden (PDF)").click()
    pad = tmp_path / "brief.pdf"
    download.value.save_as(pad)
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(pad.read_bytes()))
    tekst = "\n".join(p.extract_text() for p in pdf.pages)
    assert "€ 2.500,00" in tekst and "inwoner_" not in tekst and "hersenbeschadiging" not in tekst
    from maatwerk.besluiten.models import Besluit
    from maatwerk.brieven.pdf import paginas_hoofddeel

    besluit = Besluit.objects.get(pk=int(kenmerk[1:7]))
    assert paginas_hoofddeel(besluit.brief.html) <= 2  # a simple grant fits on two pages (the bijlage apart)

    # The jurist registers a bezwaar received on the day the letter was sent (in time) and decides it.
    page.context.clear_cookies()
    page = inloggen("jurist")
    page.get_by_role("link", name="Bezwaren").click()
    page.get_by_label(re.compile("Kenmerk van het besluit")).fill(kenmerk)
    page.get_by_label("Ontvangen op").fill(vandaag)
    page.get_by_label("Gronden: waarom is de indiener het niet eens?").fill("Ik wil ook de kosten van de Belastingdienst vergoed.")
    page.get_by_role("button", name="Bezwaarschrift registreren").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bezwaar")
    expect(page.locator("#tijdigheid")).to_contain_text("Tijdig")
    # Horen (Awb 7:2) before deciding: the jurist records the hearing.
    horen = page.locator("form").filter(has=page.get_by_role("button", name="Horen vastleggen"))
    horen.get_by_label("Datum hoorzitting (Awb 7:2)").fill(vandaag)
    horen.get_by_label("Verslag van de hoorzitting").fill("Pedro legde uit dat hij ook een aangifte moet laten doen.")
    horen.get_by_role("button", name="Horen vastleggen").click()
    beslissen = page.locator("form").filter(has=page.get_by_role("button", name="Beslissen"))
    beslissen.get_by_label("ongegrond").check()
    beslissen.get_by_label("Motivering").fill("De bijstand dekt de kosten van de boekhouder helemaal. Andere kosten zijn niet gevraagd.")
    beslissen.get_by_label("Datum beslissing").fill(vandaag)
    beslissen.get_by_role("button", name="Beslissen").click()
    expect(page.locator("#bezwaar-brief")).to_contain_text("verstuurd op")


def test_wmo_consulent_kan_jeugdzaak_niet_openen(demo, inloggen, live_server):
    from maatwerk.zaken.models import Zaak

    jeugdzaak = Zaak.objects.get(regeling="jeugdhulp", hoofdpersoon__voornamen="Jayden")
    page = inloggen("consulent_wmo")
    expect(page.get_by_role("heading", name="Werkvoorraad", level=1)).to_be_visible()
    expect(page.get_by_role("main")).not_to_contain_text("Jayden")
    antwoord = page.goto(f"{live_server.url}/zaken/{jeugdzaak.pk}/")
    # A zaak he may not see answers like a missing one (issue 7); the refusal is in the audit log.
    assert antwoord.status == 404
    expect(page.get_by_role("heading", name="Pagina niet gevonden", level=1)).to_be_visible()
    expect(page.get_by_role("main")).not_to_contain_text("domein Jeugd")
    expect(page.get_by_role("main")).not_to_contain_text("Jayden")


# Checked in the browser, on every page a consulent uses: WCAG 2.1 AA basics that can be verified mechanically.
TOEGANKELIJKHEID_JS = """() => {
  const fouten = [];
  if (document.documentElement.lang !== 'nl') fouten.push('lang is niet nl');
  if (document.querySelectorAll('h1').length !== 1) fouten.push('niet precies één h1');
  const skip = document.querySelector('a.nl-skip-link');
  if (!skip || !document.querySelector(skip.getAttribute('href'))) fouten.push('geen werkende skiplink');
  for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
    const naam = (el.labels && el.labels.length) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
    if (!naam) fouten.push('veld zonder label: ' + (el.name || el.id));
  }
  for (const id of new Set([...document.querySelectorAll('[id]')].map(e => e.id))) {
    if (document.querySelectorAll('#' + CSS.escape(id)).length > 1) fouten.push('dubbel id: ' + id);
  }
  for (const el of document.querySelectorAll('[aria-describedby]')) {
    for (const id of el.getAttribute('aria-describedby').split(/\\s+/).filter(Boolean)) {
      if (!document.getElementById(id)) fouten.push('aria-describedby naar onbekend id: ' + id);
    }
  }
  for (const img of document.querySelectorAll('img:not([alt])')) fouten.push('afbeelding zonder alt');
  return fouten;
}"""


def test_paginas_hebben_labels_koppen_en_skiplink(demo, inloggen, live_server):
    from maatwerk.zaken.models import Zaak

    page = inloggen("consulent_inkomen")
    paden = ["/", "/werkvoorraad/"]
    for zaak in Zaak.objects.filter(regeling="bijzondere_bijstand"):
        paden += [f"/zaken/{zaak.pk}/", f"/huishoudens/{zaak.huishouden_id}/", f"/zaken/{zaak.pk}/rapportage/"]
    for pad in paden:
        page.goto(live_server.url + pad)
        assert page.evaluate(TOEGANKELIJKHEID_JS) == [], pad
    # A form with errors: the summary is linked to the fields and those fields are marked invalid.
    zaak = Zaak.objects.get(hoofdpersoon__voornamen="Pedro")
    page.goto(f"{live_server.url}/zaken/{zaak.pk}/")
    page.locator("#status summary", has_text="Melding ingetrokken").click()  # a less common step, folded away
    page.get_by_role("form", name="Melding ingetrokken").get_by_role("button", name="Naar ingetrokken").click()
    samenvatting = page.locator("#status .nl-error-summary")
    expect(samenvatting).to_contain_text("Geef een reden voor deze stap.")
    assert page.evaluate(TOEGANKELIJKHEID_JS) == []
    link = samenvatting.get_by_role("link")
    doel = link.get_attribute("href")
    expect(page.locator(doel)).to_have_attribute("aria-invalid", "true")
    page.goto(live_server.url + "/inloggen/")  # log out happens via POST; the login page itself is checked too
    assert page.evaluate(TOEGANKELIJKHEID_JS) == []
