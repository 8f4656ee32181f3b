"""Issue 12, point 6: the adviesraad's pages — the overview with the request and appointment forms, a request with
its advice and answer forms, and the public page without login — pass axe-core (WCAG 2.1 A and AA) and reflow at
320 px, under the CSP, in Debian's chromium. Uses the demo's requests (one answered, one waiting for advice)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .test_toegankelijkheid import _inloggen
from .toegankelijkheid import controleer, controleer_reflow

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium ontbreekt (Debian-pakket chromium)"),
    pytest.mark.django_db(transaction=True),
]


def _pagina(page, url: str, naam: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    antwoord = page.goto(url)
    assert antwoord.status == 200, f"{naam}: HTTP {antwoord.status}"
    controleer(page, naam)
    controleer_reflow(page, naam)
    controleer(page, f"{naam} (320 px)")


def test_adviesraadpaginas_toegankelijk_en_320_px(page, live_server, demo):
    from maatwerk.adviesraad.demo import BEANTWOORD, OPEN
    from maatwerk.adviesraad.models import Adviesaanvraag

    beantwoord = Adviesaanvraag.objects.get(onderwerp=BEANTWOORD)
    open_ = Adviesaanvraag.objects.get(onderwerp=OPEN)
    u = live_server.url
    _pagina(page, f"{u}/loket/adviesraad/", "adviesraad: openbare pagina")
    assert page.get_by_text("Waarom het college afwijkt").count() == 1
    _inloggen(page, live_server, "beleidsmedewerker")
    _pagina(page, f"{u}/adviesraad/", "adviesraad: overzicht")
    _pagina(page, f"{u}/adviesraad/aanvragen/{beantwoord.pk}/", "adviesraad: beantwoorde aanvraag")
    _inloggen(page, live_server, "adviesraad_secretaris")
    _pagina(page, f"{u}/adviesraad/aanvragen/{open_.pk}/", "adviesraad: advies vastleggen")
    # The secretary records the advice on the open request through the form; the page shows it point by point.
    page.get_by_label("Adviespunten").fill("Inkomensgrens\nVerhoog naar 130 %.\n\nBereik\nBenader niet-gebruikers.")
    page.get_by_role("button", name="Advies vastleggen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="2. Bereik").count() == 1
    controleer(page, "adviesraad: advies vastgelegd")


def test_upload_en_correctie_toegankelijk_ook_met_foutmeldingen(page, live_server, demo, tmp_path):
    """The documents form (with a refused file next to an accepted one) and the form that corrects the college's
    answer (with its error messages) pass axe, also at 320 px; what was typed stays."""
    from maatwerk.adviesraad.demo import BEANTWOORD
    from maatwerk.adviesraad.models import Adviesaanvraag, Adviesdocument

    beantwoord = Adviesaanvraag.objects.get(onderwerp=BEANTWOORD)
    goed, fout = tmp_path / "uitvoeringsplan.pdf", tmp_path / "notulen.docx"
    goed.write_bytes(b"%PDF-1.4\n%%EOF\n")
    fout.write_bytes(b"PK\x03\x04 geen pdf")
    u = live_server.url
    _inloggen(page, live_server, "beleidsmedewerker")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{u}/adviesraad/aanvragen/{beantwoord.pk}/")
    formulier = page.locator(f"form[action='/adviesraad/aanvragen/{beantwoord.pk}/documenten/aanvraag/']")
    formulier.get_by_label("Bestanden").set_input_files([str(goed), str(fout)])
    formulier.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.get_by_text("Bestand ‘notulen.docx’: alleen PDF, JPEG of PNG").count() >= 1
    assert page.get_by_role("link", name="uitvoeringsplan.pdf").count() == 1
    assert Adviesdocument.objects.filter(aanvraag=beantwoord, bestandsnaam="uitvoeringsplan.pdf").exists()
    controleer(page, "adviesraad: documenten met foutmelding")
    controleer_reflow(page, "adviesraad: documenten met foutmelding")
    controleer(page, "adviesraad: documenten met foutmelding (320 px)")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{u}/adviesraad/aanvragen/{beantwoord.pk}/")
    page.get_by_text("Antwoord op punt 1 verbeteren").click()
    correctie = page.locator("form[action$='/correctie/']").first
    correctie.get_by_label("Verbeterd antwoord van het college").fill("")
    correctie.get_by_label("Reden van de correctie").fill("Verkeerd overgenomen uit de collegebrief.")
    correctie.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.get_by_label("Reden van de correctie").first.input_value() == "Verkeerd overgenomen uit de collegebrief."
    controleer(page, "adviesraad: correctie met foutmelding")
    controleer_reflow(page, "adviesraad: correctie met foutmelding")
    controleer(page, "adviesraad: correctie met foutmelding (320 px)")
