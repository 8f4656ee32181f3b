"""The Content-Security-Policy (no inline script, no eval) breaks nothing in the browser: the pages a consulent
uses, htmx, and the vendored Swagger UI work, and chromium reports no CSP violation (issue 7, point 5)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import CHROMIUM

GEEN_CHROMIUM = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium ontbreekt: installeer het Debian-pakket chromium voor de browsertests"
)
pytestmark = [GEEN_CHROMIUM, pytest.mark.django_db(transaction=True)]


def _schendingen(page) -> list[str]:
    meldingen: list[str] = []
    page.on("console", lambda m: meldingen.append(m.text) if "Content Security Policy" in m.text else None)
    return meldingen


def test_paginas_en_swagger_ui_werken_onder_de_csp(demo, inloggen, live_server):
    from maatwerk.zaken.models import Zaak

    page = inloggen("consulent_inkomen")
    schendingen = _schendingen(page)
    expect(page.get_by_role("heading", name="Werkvoorraad", level=1)).to_be_visible()
    zaak = Zaak.objects.filter(regeling="bijzondere_bijstand").first()
    page.goto(f"{live_server.url}/zaken/{zaak.pk}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.evaluate("() => typeof htmx") == "object"  # the vendored htmx loaded under script-src 'self'

    page.goto(f"{live_server.url}/api/v1/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Maatwerk API")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()  # the operations from the schema
    assert schendingen == []
