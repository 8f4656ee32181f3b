"""Issue 12: the beleidsmedewerker's pages (overview with the proposal form, a proposal with its impact, plots and
tables) pass axe-core (WCAG 2.1 A and AA) and reflow at 320 px, under the CSP, in Debian's chromium."""

from __future__ import annotations

import datetime as dt
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


def test_beleidspaginas_toegankelijk_en_320_px(page, live_server, demo, monkeypatch):
    from django.contrib.auth.models import User

    from maatwerk.beleid import services, synthetisch

    monkeypatch.setattr(synthetisch, "STANDAARD_HUISHOUDENS", 2000)  # the page, not the population, is tested
    beleid = User.objects.get(username="beleidsmedewerker")
    voorstel = services.stel_voor(beleid, parameter="bijzondere_bijstand.draagkracht.inkomensgrens_percentage",
                                  waarde="120", ingangsdatum=dt.date(2099, 1, 1), reden="Raadsbesluit")
    u = live_server.url
    _inloggen(page, live_server, "beleidsmedewerker")
    for url, naam in ((f"{u}/beleid/", "beleid: overzicht"),
                      (f"{u}/beleid/voorstellen/{voorstel.pk}/", "beleid: voorstel met gevolgen")):
        page.set_viewport_size({"width": 1280, "height": 900})
        antwoord = page.goto(url)
        assert antwoord.status == 200, f"{naam}: HTTP {antwoord.status}"
        controleer(page, naam)
        controleer_reflow(page, naam)
        controleer(page, f"{naam} (320 px)")
    assert page.locator("svg[role=img]").count() == 2
