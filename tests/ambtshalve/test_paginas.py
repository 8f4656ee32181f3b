"""Issue 12 point 4: the staff pages (progress bar, review list), the API, the CLI and the non-take-up list with its
count-only summary; the role matrix (Wmo, Jeugd, kwaliteit, beheerder, beleid refused; an audit line per view)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from rest_framework.test import APIClient

from maatwerk import cli
from maatwerk.ambtshalve import niet_gebruik
from maatwerk.ambtshalve.models import Batch, Uitkomst
from maatwerk.toegang.models import AuditRegel

from .conftest import PEILDATUM

pytestmark = pytest.mark.django_db


def _client(user):
    c = Client()
    c.force_login(user)
    return c


def test_pagina_start_en_verwerkt_met_voortgangsbalk(huishouden_met_bijstand, inkomen):
    huishouden_met_bijstand(naam="Zeker")
    huishouden_met_bijstand(eerdere_iit=None, naam="Twijfel")
    c = _client(inkomen)
    antwoord = c.post("/ambtshalve/", {"peildatum": "2026-03-01"})
    assert antwoord.status_code == 302
    batch = Batch.objects.get()
    pagina = c.get(f"/ambtshalve/batches/{batch.pk}/").content.decode()
    assert '<progress id="voortgang" max="2" value="0"' in pagina and "<script>" not in pagina  # no inline script (CSP)
    stap = c.post(f"/ambtshalve/batches/{batch.pk}/verwerk/", HTTP_ACCEPT="application/json")
    assert stap.json() == {"verwerkt": 2, "totaal": 2, "klaar": True}
    pagina = c.get(f"/ambtshalve/batches/{batch.pk}/").content.decode()
    assert "ZekerX" not in pagina and "Zeker" in pagina and "Twijfel" in pagina
    assert "geen zicht op inkomensverbetering" in pagina and "1 maart 2026" in pagina
    assert AuditRegel.objects.filter(onderwerp="ambtshalve uitkomst", gebruikersnaam=inkomen.username).count() == 2


@pytest.mark.parametrize("invoer, melding", [
    ("2026-02-30", "geen geldige datum"), ("", "Vul de peildatum in"), ("2999-01-01", "in de toekomst")])
def test_foute_peildatum_op_de_pagina_houdt_de_invoer(inkomen, invoer, melding):
    antwoord = _client(inkomen).post("/ambtshalve/", {"peildatum": invoer})
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert melding in tekst and f'value="{invoer}"' in tekst if invoer else melding in tekst
    assert not Batch.objects.exists()


def test_api_start_verwerk_en_uitkomsten(huishouden_met_bijstand, inkomen):
    huishouden_met_bijstand()
    api = APIClient()
    api.force_authenticate(inkomen)
    assert api.post("/api/v1/ambtshalve-batches/", {"peildatum": "1-3-2026"}, format="json").status_code == 201
    fout = api.post("/api/v1/ambtshalve-batches/", {"peildatum": "maart"}, format="json")
    assert fout.status_code == 400 and "peildatum" in fout.json()
    batch = Batch.objects.get()
    assert api.post(f"/api/v1/ambtshalve-batches/{batch.pk}/verwerk/").json()["verwerkt"] == 1
    uitkomsten = api.get(f"/api/v1/ambtshalve-batches/{batch.pk}/uitkomsten/").json()
    assert uitkomsten["count"] == 1 and uitkomsten["results"][0]["soort"] == "concept_toekenning"
    assert {v["code"] for v in uitkomsten["results"][0]["voorwaarden"]} >= {"leeftijd", "vermogen", "zicht"}


@pytest.mark.parametrize("rol", ["wmo", "jeugd", "kwaliteit", "beheerder", "beleid"])
def test_rollen_zonder_recht_krijgen_404_of_403(huishouden_met_bijstand, inkomen, rol, request):
    huishouden_met_bijstand()
    batch = Batch.objects.create(peildatum=PEILDATUM, gestart_door=inkomen, totaal=1)
    user = request.getfixturevalue(rol)
    c = _client(user)
    assert c.get("/ambtshalve/").status_code == 404
    assert c.get(f"/ambtshalve/batches/{batch.pk}/").status_code == 404
    assert c.post(f"/ambtshalve/batches/{batch.pk}/verwerk/").status_code == 403
    assert c.get("/ambtshalve/niet-gebruik/?peildatum=2026-03-01").status_code == 404
    api = APIClient()
    api.force_authenticate(user)
    assert api.get(f"/api/v1/ambtshalve-batches/{batch.pk}/uitkomsten/").status_code in (403, 404)
    assert not Uitkomst.objects.exists()
    assert AuditRegel.objects.filter(gebruikersnaam=user.username, toegestaan=False).count() >= 5


def test_niet_gebruik_lijst_voor_consulent_met_reden_en_audit(huishouden_met_bijstand, inkomen):
    huishouden_met_bijstand(naam="Zeker")
    huishouden_met_bijstand(eerdere_iit=None, naam="Twijfel")
    huishouden_met_bijstand(eerdere_iit=dt.date(2025, 9, 1), naam="Recent")  # a toeslag within twelve months
    tekst = _client(inkomen).get("/ambtshalve/niet-gebruik/?peildatum=2026-03-01").content.decode()
    assert "Zeker" in tekst and "Twijfel" in tekst and "Recent" not in tekst
    assert "nog niet bekend: geen zicht op inkomensverbetering" in tekst and "artikel 64" in tekst
    assert AuditRegel.objects.filter(gebruikersnaam=inkomen.username, onderwerp="niet-gebruik (benaderlijst)").count() == 2


def test_telling_voor_beleidsmedewerker_zonder_persoonsgegevens(huishouden_met_bijstand, beleid):
    for i in range(6):
        huishouden_met_bijstand(eerdere_iit=None if i % 2 else dt.date(2025, 1, 15), naam=f"Persoon{i}")
    t = niet_gebruik.telling(beleid, PEILDATUM)
    assert t["totaal"] == 6 and t["zeker"] is None  # 3: below the minimal cell, hidden
    tekst = _client(beleid).get("/ambtshalve/niet-gebruik/telling/?peildatum=2026-03-01").content.decode()
    assert "Persoon" not in tekst and "minder dan 5" in tekst and ">6<" in tekst
    assert _client(beleid).get("/ambtshalve/niet-gebruik/?peildatum=2026-03-01").status_code == 404


def test_cli_draait_en_geeft_nederlandse_fouten(huishouden_met_bijstand, inkomen, wmo, capsys):
    huishouden_met_bijstand()
    assert cli.main(["ambtshalve", "2026-03-01", "--gebruiker", inkomen.username]) == 0
    assert "concept-toekenningen (te controleren): 1" in capsys.readouterr().out
    assert cli.main(["ambtshalve", "2026-03-01", "--gebruiker", inkomen.username]) == 0  # again: nothing twice
    assert Uitkomst.objects.count() == 1
    assert cli.main(["ambtshalve", "30-02-2026", "--gebruiker", inkomen.username]) == 2
    assert "PEILDATUM" in capsys.readouterr().err
    assert cli.main(["ambtshalve", "2026-03-01", "--gebruiker", wmo.username]) == 2
    assert "consulent inkomen" in capsys.readouterr().err
    assert cli.main(["ambtshalve", "2026-03-01", "--gebruiker", "niemand"]) == 2
