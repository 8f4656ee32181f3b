"""The receipt section on the besluit page in a real browser: readable at 320 px (WCAG 1.4.10 reflow), no
horizontal scrolling from the 64-character SHA-256."""

from __future__ import annotations

import datetime as dt
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


@pytest.fixture
def vastgesteld(transactional_db):
    from django.apps import apps
    from django.contrib.auth.models import Group, User

    from maatwerk.besluiten import services

    import_module("maatwerk.toegang.migrations.0002_rollen").maak(apps, None)
    import_module("maatwerk.zaken.migrations.0002_mandaattabel").vul(apps, None)
    import_module("maatwerk.besluiten.migrations.0002_sjablonen_en_gemeente").seed(apps, None)
    spec = importlib.util.spec_from_file_location("besluiten_hulp", Path(__file__).resolve().parent.parent / "besluiten" / "conftest.py")
    hulp = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hulp)
    consulent = User.objects.create_user("consulent_wmo_o", password=WACHTWOORD)
    consulent.groups.add(Group.objects.get(name="consulent_wmo"))
    zaak = hulp._klaar(hulp._zaak(consulent), consulent, bedrag=Decimal("3900.00"))
    besluit = services.opstellen(zaak, consulent)
    services.wijzigen(besluit, consulent, **hulp.WMO_NATURA)
    return services.vaststellen(besluit, consulent, datum=dt.date(2026, 2, 2))


def test_ontvangstbewijs_leesbaar_op_320_px(page, live_server, vastgesteld):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("consulent_wmo_o")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"{live_server.url}/besluiten/{vastgesteld.pk}/")
    sectie = page.locator("#ontvangstbewijs")
    expect(sectie.get_by_role("heading", name="Ontvangstbewijs")).to_be_visible()
    expect(sectie).to_contain_text("Het ontvangstbewijs is ongewijzigd")
    expect(sectie).to_contain_text("de bevindingen van de consulent")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
