"""A consulent takes a zaak from 'klaar voor besluit' to a sent letter (PDF downloaded) and registers a
bezwaar, in a real browser (Debian chromium) against pytest-django's live_server."""

from __future__ import annotations

import importlib.util
import os
from decimal import Decimal
from importlib import import_module
from pathlib import Path

import pytest
from playwright.sync_api import expect

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API next to Django's ORM in one thread

pytestmark = [
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium ontbreekt (Debian-pakket chromium)"),
    pytest.mark.django_db(transaction=True),
]
WACHTWOORD = "geheim-wachtwoord-123"


def _zaai() -> None:
    """A transactional test flushes what the data migrations seeded: roles, mandate table, letter templates."""
    from django.apps import apps

    import_module("maatwerk.toegang.migrations.0002_rollen").maak(apps, None)
    import_module("maatwerk.zaken.migrations.0002_mandaattabel").vul(apps, None)
    import_module("maatwerk.besluiten.migrations.0002_sjablonen_en_gemeente").seed(apps, None)


@pytest.fixture
def zaak_klaar(transactional_db):
    from django.contrib.auth.models import Group, User

    _zaai()
    # The besluiten tests' helpers bring a zaak through the real procedure (tests/ is no package).
    spec = importlib.util.spec_from_file_location("besluiten_hulp", Path(__file__).resolve().parent.parent / "besluiten" / "conftest.py")
    hulp = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hulp)
    consulent = User.objects.create_user("consulent_wmo_b", password=WACHTWOORD)
    consulent.groups.add(Group.objects.get(name="consulent_wmo"))
    return hulp._klaar(hulp._zaak(consulent), consulent, bedrag=Decimal("3900.00"))


def _inloggen(page, live_server, naam: str):
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(naam)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()


def test_van_klaar_voor_besluit_tot_verstuurde_brief_en_bezwaar(page, live_server, zaak_klaar, tmp_path):
    _inloggen(page, live_server, "consulent_wmo_b")
    page.goto(f"{live_server.url}/besluiten/zaak/{zaak_klaar.pk}/")
    page.get_by_role("button", name="Besluit opstellen").click()
    expect(page.get_by_text("Dit besluit is nog niet compleet.")).to_be_visible()

    page.get_by_label("Vorm van de verstrekking").select_option("natura")
    page.get_by_label("Welke voorziening").fill("hulp bij het huishouden")
    page.get_by_label("Beoogd resultaat").fill("U woont in een schoon huis.")
    page.get_by_label("Ingangsdatum").fill("2026-02-01")
    page.get_by_label("Einddatum (tot en met)").fill("2027-01-31")
    page.get_by_label("Omvang").fill("3 uur per week")
    page.get_by_label("Bijdrage in de kosten verschuldigd").select_option("true")
    page.get_by_label("Wat gebeurt er nu (betaling, start)").fill("De zorgaanbieder belt u binnen twee weken.")
    page.get_by_role("button", name="Inhoud opslaan").click()
    expect(page.get_by_text("Alle verplichte onderdelen zijn ingevuld.")).to_be_visible()

    page.get_by_label("Datum van het besluit").fill("2026-02-02")
    page.get_by_role("button", name="Besluit vaststellen").click()
    expect(page.locator("#besluit-status")).to_contain_text("vastgesteld")
    page.get_by_label("Dag van versturen (bekendmaking)").fill("2026-02-02")
    page.get_by_role("button", name="Brief versturen").click()
    expect(page.locator("#besluit-status")).to_contain_text("bekendgemaakt")
    expect(page.locator("#bezwaartermijn")).to_have_text("16 maart 2026")

    with page.expect_download() as download:
        page.get_by_role("link", name="Brief downloaden (PDF)").click()
    pad = tmp_path / "brief.pdf"
    download.value.save_as(pad)
    assert pad.read_bytes().startswith(b"%PDF")

    page.get_by_text("Bezwaarschrift registreren").first.click()  # opens the <details>
    page.get_by_label("Ontvangen op").fill("2026-03-16")
    page.get_by_label("Gronden: waarom is de indiener het niet eens?").fill("Drie uur per week is te weinig.")
    page.get_by_role("button", name="Bezwaarschrift registreren").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bezwaar")
    expect(page.locator("#tijdigheid")).to_contain_text("Tijdig")
    expect(page.locator("#beslistermijn")).to_have_text("28 april 2026")
