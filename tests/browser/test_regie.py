"""Issue 12, point 7: the regie pages (the list of plans and the plan of the demo household Croes with its signals
and escalation history) pass axe-core (WCAG 2.1 A and AA) and reflow at 320 px, in Debian's chromium."""

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


def test_regiepaginas_toegankelijk_en_320_px(page, live_server, demo):
    from maatwerk.regie.models import Huishoudplan

    plan = Huishoudplan.objects.get(huishouden__naam="Huishouden Croes")
    u = live_server.url
    _inloggen(page, live_server, "consulent_jeugd")
    for url, naam in ((f"{u}/regie/", "regie: plannen"), (f"{u}/regie/{plan.pk}/", "regie: plan Croes")):
        page.set_viewport_size({"width": 1280, "height": 900})
        antwoord = page.goto(url)
        assert antwoord.status == 200, f"{naam}: HTTP {antwoord.status}"
        controleer(page, naam)
        controleer_reflow(page, naam)
        controleer(page, f"{naam} (320 px)")
    assert page.get_by_role("heading", name="Escalaties", exact=True).count() == 1
