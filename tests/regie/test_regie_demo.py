"""Issue 12, point 7: the demo household Croes (seed 004, case 14) has a plan that escalates at loading; the plan
page shows it to the regisseur and the teamleider, with the history, and refuses a consulent Inkomen (403) even
though the household has an Inkomen zaak; the demo's adviesraad requests exist (point 6). Loading twice adds nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from maatwerk.adviesraad.demo import BEANTWOORD, OPEN
from maatwerk.adviesraad.models import Adviesaanvraag
from maatwerk.demo.gegevens import laad_demogegevens
from maatwerk.regie.demo import TEAMLEIDER
from maatwerk.regie.models import Escalatie, Huishoudplan

pytestmark = pytest.mark.django_db


def test_demo_croes_escaleert_en_de_pagina_toont_alleen_wat_het_plan_nodig_heeft():
    laad_demogegevens(archief=False)
    plan = Huishoudplan.objects.get(huishouden__naam="Huishouden Croes")
    esc = Escalatie.objects.get(plan=plan)
    assert esc.naar.username == TEAMLEIDER and any(s["soort"] == "pingpong" for s in esc.signalen)
    # The person with doorzettingsmacht is the demo's teamleider (role of the team monitor), not a roleless account.
    assert esc.naar.groups.filter(name="teamleider").exists()
    assert Adviesaanvraag.objects.filter(onderwerp__in=[BEANTWOORD, OPEN]).count() == 2
    for naam in ("consulent_jeugd", TEAMLEIDER):
        c = Client()
        c.force_login(User.objects.get(username=naam))
        html = c.get(f"/regie/{plan.pk}/").content.decode()
        assert "Geschiedenis" in html and "keer tussen domeinen doorverwezen" in html
        assert "Bijzondere bijstand" in html and "De generalist stelt voor" not in html  # no zaak details
        assert f"/regie/{plan.pk}/" in c.get("/regie/").content.decode()
    c = Client()
    c.force_login(User.objects.get(username="consulent_inkomen"))
    assert c.get(f"/regie/{plan.pk}/").status_code == 403
    assert f"/regie/{plan.pk}/" not in c.get("/regie/").content.decode()
    laad_demogegevens(archief=False)
    assert Huishoudplan.objects.count() == 1 and Escalatie.objects.count() == 1
