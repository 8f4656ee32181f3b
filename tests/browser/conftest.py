"""Browser tests (Playwright for Python) against pytest-django's live_server, with Debian's chromium.

Django is configured as in tests/web/conftest.py (DJANGO_SETTINGS_MODULE defaults to maatwerk.web.settings).
Playwright's sync API runs an event loop in this thread, which Django's async-safety check would refuse.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import django  # noqa: E402

django.setup()

import pytest  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    pagina = context.new_page()
    yield pagina
    context.close()


def _zaai_migratiegegevens() -> None:
    """A live_server test is transactional: the database is flushed after each test, which also removes
    what the data migrations seeded (roles, mandate table, letter templates). Re-seed it with the migrations' own functions
    (both get_or_create); serialized_rollback cannot be used because Playwright's sync API runs the test
    in another context than the one that created the test database."""
    from importlib import import_module

    from django.apps import apps

    import_module("maatwerk.toegang.migrations.0002_rollen").maak(apps, None)
    import_module("maatwerk.toegang.migrations.0005_jurist_rol").maak(apps, None)
    import_module("maatwerk.toegang.migrations.0006_adviesraad_rol").maak(apps, None)
    import_module("maatwerk.toegang.migrations.0007_teamleider_rol").maak(apps, None)
    import_module("maatwerk.zaken.migrations.0002_mandaattabel").vul(apps, None)
    # The letter templates as a fresh database has them (the demo cannot send a letter without them).
    import_module("maatwerk.besluiten.migrations.0002_sjablonen_en_gemeente").seed(apps, None)
    import_module("maatwerk.besluiten.migrations.0004_sjabloon_beslissing_op_bezwaar").seed(apps, None)
    import_module("maatwerk.besluiten.migrations.0007_brief_sjablonen_versie_2").nieuwe_versies(apps, None)


@pytest.fixture
def demo(transactional_db, request):
    """The demo data of `maatwerk demo` (accounts per role and the five case stories). The monitor's archive zaken
    (19 zaken through the whole flow, 13 letters as PDF) are loaded only for tests marked `demo_archief`: the other
    pages do not show them, and loading them for every browser test would cost minutes of CI
    (tests/monitor/test_demo.py tests the archive itself)."""
    from maatwerk.demo.gegevens import laad_demogegevens

    _zaai_migratiegegevens()
    return laad_demogegevens(archief=request.node.get_closest_marker("demo_archief") is not None)


@pytest.fixture
def inloggen(page, live_server):
    def log_in(gebruikersnaam: str):
        from maatwerk.demo.gebruikers import DEMO_WACHTWOORD

        page.goto(f"{live_server.url}/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
        page.get_by_label("Wachtwoord").fill(DEMO_WACHTWOORD)
        page.get_by_role("button", name="Inloggen").click()
        return page

    return log_in
