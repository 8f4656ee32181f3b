"""Issue 12, point 4: the ambtshalve pages pass axe-core (WCAG 2.1 A and AA) and reflow at 320 px, in Debian's
chromium: the batch overview, the batch page with its progress bar (mid-batch and done), the concept toekenningen to
vaststellen (before and after sending, with the result per household, and with the error summary), and the
non-take-up list. The consulent inkomen of the demo works through the real flow: start, process, select, send."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.utils import timezone

from .test_toegankelijkheid import _inloggen
from .toegankelijkheid import controleer, controleer_reflow

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium ontbreekt (Debian-pakket chromium)"),
    pytest.mark.django_db(transaction=True),
]


def _beide_breedtes(page, naam: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    controleer(page, naam)
    controleer_reflow(page, naam)
    controleer(page, f"{naam} (320 px)")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_ambtshalve_paginas_toegankelijk_en_320_px(page, live_server, demo):
    from django.contrib.auth.models import User

    from maatwerk.ambtshalve import batch as batches
    from maatwerk.ambtshalve.models import Batch
    from maatwerk.besluiten.models import Besluit

    u = live_server.url
    peildatum = timezone.localdate()
    _inloggen(page, live_server, "consulent_inkomen")
    assert page.goto(f"{u}/ambtshalve/").status == 200
    _beide_breedtes(page, "ambtshalve: batches")

    # Start the batch on the page: the batch page shows the progress bar at 0.
    page.get_by_label("Peildatum").fill(peildatum.isoformat())
    page.get_by_role("button", name="Batch starten").click()
    page.wait_for_load_state()
    batch = Batch.objects.get(peildatum=peildatum)
    assert page.url.endswith(f"/ambtshalve/batches/{batch.pk}/")
    # Without waiting for maatwerk.js (it may already go on): the page as served, with the progress bar.
    assert page.locator("progress#voortgang").count() == 1
    _beide_breedtes(page, "ambtshalve: batch met voortgang")

    batches.verwerk(batch, User.objects.get(username="consulent_inkomen"))
    assert page.goto(f"{u}/ambtshalve/batches/{batch.pk}/").status == 200
    assert "De batch is klaar" in page.locator("#voortgang-tekst").inner_text()
    _beide_breedtes(page, "ambtshalve: batch klaar")

    # The concept toekenningen: an empty choice gives the error summary (400), then Sanne de Wit is sent.
    page.get_by_role("link", name="Concept-toekenningen vaststellen en versturen").click()
    page.wait_for_load_state()
    _beide_breedtes(page, "ambtshalve: vaststellen")
    page.get_by_role("button", name="Vaststellen en versturen").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").count() >= 1
    _beide_breedtes(page, "ambtshalve: vaststellen met fout")
    page.get_by_label("Sanne de Wit kiezen").check()
    page.get_by_role("button", name="Vaststellen en versturen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Resultaat per huishouden").count() == 1
    assert "is vastgesteld en verstuurd" in page.locator("#resultaat").inner_text()
    _beide_breedtes(page, "ambtshalve: vaststellen met resultaat")
    assert Besluit.objects.filter(zaak__hoofdpersoon__bsn="999993021", zaak__regeling="individuele_inkomenstoeslag",
                                  status="bekendgemaakt").count() == 1

    assert page.goto(f"{u}/ambtshalve/niet-gebruik/?peildatum={peildatum.isoformat()}").status == 200
    _beide_breedtes(page, "ambtshalve: niet-gebruik")
