"""Regie through the pages (issue 12, point 7): a consulent makes the household plan from a zaak of the household,
the regisseur records a referral between domains on the plan, bad input names the field and keeps what was typed,
and others are refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from maatwerk.regie.models import Doorverwijzing, Huishoudplan
from maatwerk.toegang.models import AuditRegel

from .test_regie import gezin  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def _invoer(regisseur, baas, **anders) -> dict:
    d = {"regisseur": regisseur.pk, "escalatie_naar": baas.pk, "escalatie_functie": "teamleider sociaal domein",
         "doelen": "Ouder houdt het huishouden vol; Tim gaat weer naar school.", "toestemming_op": "2026-09-01",
         "toestemming_kenmerk": "TST-REGIE-9", "stilstand_dagen": "28", "max_doorverwijzingen": "2"}
    d.update(anders)
    return d


def test_plan_maken_en_doorverwijzing_vastleggen(gezin, wmo, jeugd, maak_gebruiker):  # noqa: F811
    hh, zw, zj = gezin
    baas = maak_gebruiker("teamleider_pagina", "beleidsmedewerker")
    c = _client(wmo)
    assert "Huishoudplan (regie)" in c.get(f"/zaken/{zw.pk}/").content.decode()
    assert c.get(f"/regie/nieuw/zaak/{zw.pk}/").status_code == 200
    antwoord = c.post(f"/regie/nieuw/zaak/{zw.pk}/", _invoer(jeugd, baas))
    plan = Huishoudplan.objects.get(huishouden=hh)
    assert antwoord.status_code == 302 and plan.regisseur == jeugd and plan.aangemaakt_door == wmo
    # The Wmo consulent is neither regisseur nor escalation person: back to his zaak, not to the plan.
    assert antwoord.url == f"/zaken/{zw.pk}/"
    assert "al een huishoudplan" in c.get(f"/regie/nieuw/zaak/{zw.pk}/").content.decode()
    regisseur = _client(jeugd)
    assert "Doorverwijzing vastleggen" in regisseur.get(f"/regie/{plan.pk}/").content.decode()
    fout = regisseur.post(f"/regie/{plan.pk}/doorverwijzing/", {"van_domein": "jeugd", "naar_domein": "jeugd",
                                                                "datum": "2026-11-02", "reden": "Terug naar Jeugd."})
    assert fout.status_code == 400 and "Kies een ander domein" in fout.content.decode()
    assert "Terug naar Jeugd." in fout.content.decode()
    goed = regisseur.post(f"/regie/{plan.pk}/doorverwijzing/", {"van_domein": "jeugd", "naar_domein": "wmo",
                                                                "datum": "2026-11-02", "reden": "Begeleiding ouder."})
    assert goed.status_code == 302 and Doorverwijzing.objects.filter(plan=plan).count() == 1
    anders = _client(wmo).post(f"/regie/{plan.pk}/doorverwijzing/", {"van_domein": "wmo", "naar_domein": "jeugd",
                                                                     "datum": "2026-11-03", "reden": "Zomaar."})
    assert anders.status_code == 403 and Doorverwijzing.objects.filter(plan=plan).count() == 1


def test_foute_invoer_noemt_het_veld_en_houdt_de_tekst(gezin, wmo, jeugd, maak_gebruiker):  # noqa: F811
    hh, zw, zj = gezin
    c = _client(wmo)
    zelfde = c.post(f"/regie/nieuw/zaak/{zw.pk}/", _invoer(jeugd, jeugd, doelen="Mijn eigen doelen voor het gezin."))
    html = zelfde.content.decode()
    assert zelfde.status_code == 400 and "doorzettingsmacht" in html and "Mijn eigen doelen voor het gezin." in html
    toekomst = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    later = c.post(f"/regie/nieuw/zaak/{zw.pk}/", _invoer(jeugd, maak_gebruiker("baas2", "beleidsmedewerker"),
                                                          toestemming_op=toekomst))
    assert later.status_code == 400 and "in de toekomst" in later.content.decode()
    leeg = c.post(f"/regie/nieuw/zaak/{zw.pk}/", {})
    assert leeg.status_code == 400 and "Kies de regisseur." in leeg.content.decode()
    assert not Huishoudplan.objects.exists()


@pytest.mark.parametrize("rol", ["consulent_inkomen", "kwaliteitsmedewerker", "beheerder"])
def test_anderen_maken_geen_plan(rol, gezin, wmo, jeugd, maak_gebruiker):  # noqa: F811
    hh, zw, zj = gezin
    ander = maak_gebruiker(f"ander_{rol}", rol)
    c = _client(ander)
    assert c.get(f"/regie/nieuw/zaak/{zw.pk}/").status_code in (403, 404)
    assert c.post(f"/regie/nieuw/zaak/{zw.pk}/", _invoer(jeugd, wmo)).status_code in (403, 404)
    assert not Huishoudplan.objects.exists()
    assert AuditRegel.objects.filter(gebruikersnaam=f"ander_{rol}", toegestaan=False).exists()
