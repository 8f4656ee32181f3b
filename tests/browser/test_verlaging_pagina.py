"""Issue 11: the verlaging page of a zaak algemene bijstand (`/besluiten/zaak/<id>/verlagingen/`) passes axe-core
(WCAG 2.1 A and AA) and reflows at 320 px, with the demo's recorded verlaging (elements of 7:13, the months of 7:22,
the besluit) and with its error messages; what the consulent typed stays in the form."""

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

FEITEN = "Kwam op 3 en 10 november niet naar de tegenprestatie (presentielijst)."


def test_verlagingspagina_toegankelijk_ook_met_fouten_en_houdt_de_invoer(page, live_server, demo):
    from maatwerk.besluiten.verlaging_models import Verlaging
    from maatwerk.handhaving.demo import VERLAGING_BSN

    v = Verlaging.objects.select_related("besluit").get(zaak__hoofdpersoon__bsn=VERLAGING_BSN)
    url = f"{live_server.url}/besluiten/zaak/{v.zaak_id}/verlagingen/"
    _inloggen(page, live_server, "consulent_inkomen")

    def veld(naam):  # the field with its label (checked by axe); by id, as the labels carry "(verplicht)"
        return page.locator(f"#id_{naam}")

    antwoord = page.goto(url)
    assert antwoord.status == 200, f"HTTP {antwoord.status}"
    # The demo's verlaging with its computation and besluit, as the consulent reads it.
    assert page.get_by_role("table", name="Verlaging per maand (artikel 7:22)").count() == 1
    assert page.get_by_role("link", name=f"Besluit {v.besluit.kenmerk}").count() == 1
    controleer(page, "verlaging")
    controleer_reflow(page, "verlaging")
    controleer(page, "verlaging (320 px)")

    # Errors of the form (a required choice left open) at 320 px: named, and the typed facts stay.
    veld("omschrijving").fill(FEITEN)
    veld("gedraging").select_option("pw_tegenprestatie")
    page.get_by_role("button", name="Vastleggen en berekenen").click()
    page.wait_for_load_state()
    assert page.title().startswith("Fout:")
    assert veld("omschrijving").input_value() == FEITEN
    assert veld("gedraging").input_value() == "pw_tegenprestatie"
    controleer(page, "verlaging met fouten van het formulier (320 px)")
    controleer_reflow(page, "verlaging met fouten van het formulier")

    # An error of the rules (horen is a step, artikel 7:14) once the form itself is complete: named, text kept.
    veld("datum_gedraging").fill("2026-11-10")
    veld("datum_constatering").fill("2026-11-17")
    veld("verwijtbaarheid").select_option("verwijtbaar")
    veld("verwijtbaarheid_toelichting").fill("Hij kende de afspraken en meldde zich niet af.")
    veld("horen").select_option("niet_vastgesteld")
    page.get_by_role("button", name="Vastleggen en berekenen").click()
    page.wait_for_load_state()
    assert page.get_by_text("artikel 7:14").first.is_visible()
    assert veld("omschrijving").input_value() == FEITEN
    assert veld("datum_constatering").input_value() == "2026-11-17"
    controleer(page, "verlaging met een fout van de regels (320 px)")
    controleer_reflow(page, "verlaging met een fout van de regels")
    assert Verlaging.objects.filter(zaak=v.zaak).count() == 1  # nothing was recorded
