"""Documents in a real browser (issue 8, point 7): the consulent attaches Pedro's offerte on the zaak page, sees
it in the dossier with its Dutch size and date, a wrong file gets the message at the field with the typed
description kept, and the section reflows at 320 px (WCAG 1.4.10)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .test_zaakbehandeling import TOEGANKELIJKHEID_JS

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium ontbreekt"),
    pytest.mark.django_db(transaction=True),
]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


def test_consulent_voegt_offerte_toe_op_de_zaakpagina(demo, inloggen, live_server):
    from maatwerk.zaken.models import Document, Zaak

    zaak = Zaak.objects.get(hoofdpersoon__voornamen="Pedro")
    page = inloggen("consulent_inkomen")
    page.goto(f"{live_server.url}/zaken/{zaak.pk}/#documenten")
    form = page.get_by_role("form", name="Document toevoegen")

    # A text file named .pdf: refused at the field, the description stays.
    form.get_by_label("Bestand").set_input_files(files=[{"name": "offerte.pdf", "mimeType": "application/pdf",
                                                           "buffer": b"geen pdf"}])
    form.get_by_label("Soort document").select_option("offerte")
    form.get_by_label("Omschrijving").fill("Offerte boekhouder slotbalans")
    form.get_by_role("button", name="Document toevoegen").click()
    expect(page.locator("#documenten .nl-error-summary")).to_contain_text("alleen PDF, JPEG of PNG")
    expect(page.get_by_label("Omschrijving")).to_have_value("Offerte boekhouder slotbalans")
    assert page.evaluate(TOEGANKELIJKHEID_JS) == []

    form = page.get_by_role("form", name="Document toevoegen")
    form.get_by_label("Bestand").set_input_files(files=[{"name": "offerte.pdf", "mimeType": "application/pdf",
                                                           "buffer": PDF}])
    form.get_by_role("button", name="Document toevoegen").click()
    expect(page.locator("#documenten")).to_contain_text("is opgeslagen bij de zaak")
    rij = page.locator("#documenten tbody tr").first
    expect(rij).to_contain_text("Offerte")
    expect(rij).to_contain_text("offerte.pdf")
    expect(rij).to_contain_text(f"{len(PDF)} bytes")
    assert Document.objects.filter(zaak=zaak, soort="offerte").count() == 1

    # Reflow (WCAG 1.4.10): at 320 px nothing in the section is wider than the section itself; the table
    # scrolls inside its own wrapper, as the other tables of the zaak page do.
    page.set_viewport_size({"width": 320, "height": 800})
    overloop = page.evaluate("""() => {
      const s = document.querySelector('#documenten');
      return s.scrollWidth - s.clientWidth;
    }""")
    assert overloop <= 0, f"de sectie Documenten loopt {overloop} px over bij 320 px"
