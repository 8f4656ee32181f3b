"""Issue 12 point 5: the monitor dashboard on the demo data (plots with tables, filters, the report button) passes
axe-core (WCAG 2.1 A and AA) and reflows at 320 px, under the CSP, in Debian's chromium; a bad period gets a
Dutch message at the field."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .test_toegankelijkheid import _inloggen
from .toegankelijkheid import controleer, controleer_reflow

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [
    pytest.mark.demo_archief,  # the dashboard shows the archive zaken (doorlooptijden, caseload)
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium ontbreekt (Debian-pakket chromium)"),
    pytest.mark.django_db(transaction=True),
]


def test_monitor_toegankelijk_en_320_px(page, live_server, demo):
    u = live_server.url
    _inloggen(page, live_server, "beleidsmedewerker")
    for url, naam in ((f"{u}/monitor/", "monitor"), (f"{u}/monitor/?periode=2026-H7", "monitor: foute periode")):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(url)
        controleer(page, naam)
        controleer_reflow(page, naam)
        controleer(page, f"{naam} (320 px)")
    assert "2026-H2 (half jaar)" in page.content()
    page.goto(f"{u}/monitor/")
    assert page.locator("svg[role=img]").count() == 2
    assert page.get_by_role("link", name="Download de halfjaarrapportage").count() == 1


def test_teammonitor_toegankelijk_en_320_px(page, live_server, demo):
    """The teamleider's page (issue 12 point 5) on the demo data: names, overdue zaken by number, four-eyes queue."""
    u = live_server.url
    _inloggen(page, live_server, "teamleider")
    assert page.url.endswith("/monitor/team/")  # login lands him where his work is
    page.set_viewport_size({"width": 1280, "height": 900})
    controleer(page, "teammonitor")
    controleer_reflow(page, "teammonitor")
    controleer(page, "teammonitor (320 px)")
    assert page.get_by_role("heading", name="Team Inkomen").count() == 1
    assert page.get_by_role("table", name="Zaken over de termijn, team Inkomen").count() == 1
    assert "Archief-Mulder" not in page.content()  # the inwoner of an overdue demo zaak is not shown
