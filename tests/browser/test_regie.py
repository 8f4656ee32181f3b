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


def test_plan_maken_toegankelijk_ook_met_fouten(page, live_server, demo):
    from maatwerk.regie.models import Huishoudplan
    from maatwerk.zaken.models import Zaak

    zaak = (Zaak.objects.filter(regeling="jeugdhulp").exclude(huishouden__in=Huishoudplan.objects.values("huishouden"))
            .order_by("id").first())
    _inloggen(page, live_server, "consulent_jeugd")
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.goto(f"{live_server.url}/regie/nieuw/zaak/{zaak.pk}/").status == 200
    controleer(page, "regie: plan maken (320 px)")
    controleer_reflow(page, "regie: plan maken")
    page.get_by_label("Met het gezin afgesproken doelen").fill("Samen één plan voor het gezin.")
    page.get_by_role("button", name="Huishoudplan maken").click()
    assert page.get_by_label("Met het gezin afgesproken doelen").input_value() == "Samen één plan voor het gezin."
    controleer(page, "regie: plan maken met fouten (320 px)")
