"""One transaction per changing request, JSON errors under /api/, logged tracebacks, paginated lists and the
error answers in the OpenAPI schema (issue 7, Deliver 3)."""

from __future__ import annotations

import json
import logging

import pytest
from django.db import IntegrityError, OperationalError
from django.test import Client
from django.urls import path

from maatwerk.personen.models import Inwoner
from maatwerk.toegang.models import AuditRegel
from maatwerk.web import fouten, transacties
from maatwerk.web.urls import urlpatterns as maatwerk_urls
from maatwerk.zaken.models import Zaak

from .conftest import bsn_met_elfproef

V1 = "/api/v1"


def _schrijf_en_crash(request):
    """A write followed by an unexpected error: the write must not stay."""
    Inwoner.objects.create(bsn=bsn_met_elfproef(777_001), voornamen="Half", achternaam="Opgeslagen",
                           geboortedatum="1980-01-01", straat="Dorpsstraat", huisnummer=1, postcode="2651 AB",
                           woonplaats="Berkel en Rodenrijs")
    raise RuntimeError("onverwacht")


urlpatterns = [path("api/v1/test/crash/", _schrijf_en_crash), path("test/crash/", _schrijf_en_crash), *maatwerk_urls]
handler404 = fouten.handler404
handler500 = fouten.handler500


@pytest.fixture
def ingelogd(wmo):
    c = Client(raise_request_exception=False)
    c.force_login(wmo)
    return c


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_500_antwoordt_json_draait_terug_en_logt_de_traceback(ingelogd, caplog):
    with caplog.at_level(logging.ERROR, logger="django.request"):
        r = ingelogd.post(f"{V1}/test/crash/")
    assert r.status_code == 500 and r["Content-Type"] == "application/json"
    assert r.json()["code"] == "serverfout" and "Traceback" not in r.content.decode()
    assert not Inwoner.objects.filter(achternaam="Opgeslagen").exists()  # rolled back with the request
    fout = next(rec for rec in caplog.records if rec.name == "django.request")
    assert fout.exc_info and fout.exc_info[0] is RuntimeError  # the traceback goes to the log
    pagina = ingelogd.post("/test/crash/")
    assert pagina.status_code == 500 and pagina["Content-Type"].startswith("text/html")


def test_django_request_logt_ook_zonder_debug():
    from django.conf import settings

    logger = settings.LOGGING["loggers"]["django.request"]
    assert logger["level"] == "ERROR" and "console" in logger["handlers"]


@pytest.mark.django_db
def test_onbekende_api_url_en_methode_antwoorden_json(ingelogd):
    r = ingelogd.get(f"{V1}/bestaat-niet/")
    assert r.status_code == 404 and r.json() == {"detail": "Niet gevonden.", "code": "niet_gevonden"}
    r = ingelogd.delete(f"{V1}/regelingen/")
    assert r.status_code == 405 and r["Content-Type"] == "application/json" and "niet toegestaan" in r.json()["detail"]
    r = ingelogd.get(f"{V1}/zaken/999999/")
    assert r.status_code == 404 and r["Content-Type"] == "application/json"
    pagina = ingelogd.get("/bestaat-niet/")
    assert pagina.status_code == 404 and pagina["Content-Type"].startswith("text/html")


@pytest.mark.parametrize(("fout", "code", "status"), [
    (OperationalError("database is locked"), "database_bezet", 503),
    (IntegrityError("UNIQUE constraint failed"), "conflict", 409),
])
def test_databasefouten_worden_nederlandse_antwoorden(fout, code, status):
    r = fouten.exception_handler(fout, {})
    assert r.status_code == status and r.data["code"] == code
    assert "UNIQUE" not in r.data["detail"] and "locked" not in r.data["detail"]  # Dutch, no database text


@pytest.mark.django_db
def test_fout_na_een_schrijfactie_draait_de_hele_verzoek_terug(wmo, maak_zaak, api):
    """A 4xx answer after a service already saved: nothing of the request stays, the refusal log does."""
    zaak = maak_zaak(wmo)
    voor = (Zaak.objects.count(), AuditRegel.objects.filter(toegestaan=True).count())
    # meld_zaak stores the zaak, its first step and audit line; the view then fails on purpose (status 409).
    from maatwerk.zaken import api as zaken_api

    origineel = zaken_api.services.meld_zaak

    def meld_en_faal(*args, **kwargs):
        origineel(*args, **kwargs)
        raise zaken_api.ProcedureFout("Kunstmatige fout na het opslaan.")

    zaken_api.services.meld_zaak = meld_en_faal
    try:
        r = api(wmo).post(f"{V1}/zaken/", data=json.dumps({
            "huishouden": zaak.huishouden_id, "hoofdpersoon": zaak.hoofdpersoon_id,
            "regeling": "wmo_maatwerkvoorziening", "ontvangen_op": "2026-01-05"}), content_type="application/json")
    finally:
        zaken_api.services.meld_zaak = origineel
    assert r.status_code == 409
    assert (Zaak.objects.count(), AuditRegel.objects.filter(toegestaan=True).count()) == voor


@pytest.mark.django_db
def test_weigering_blijft_gelogd_als_het_verzoek_wordt_teruggedraaid(jeugd, wmo, maak_zaak, api):
    zaak = maak_zaak(wmo)
    r = api(jeugd).post(f"{V1}/zaken/{zaak.pk}/overgang/", data=json.dumps({"naar": "onderzoek"}),
                        content_type="application/json")
    assert r.status_code in (403, 404)
    assert AuditRegel.objects.filter(gebruiker=jeugd, zaak=zaak, toegestaan=False).exists()


def test_inloggen_valt_buiten_de_verzoektransactie():
    from django.urls import reverse

    assert reverse("ui:inloggen") in transacties._uitgezonderde_paden()
    assert reverse("api-token") in transacties._uitgezonderde_paden()


@pytest.mark.django_db
def test_lijsten_in_de_api_zijn_gepagineerd(wmo, maak_zaak, api):
    zaak = maak_zaak(wmo)
    c = api(wmo)
    for url in (f"{V1}/regelingen/", f"{V1}/mandaten/", f"{V1}/zaken/{zaak.pk}/overgangen/",
                f"{V1}/zaken/{zaak.pk}/mogelijke-overgangen/", f"{V1}/zaken/{zaak.pk}/termijnen/",
                f"{V1}/zaken/{zaak.pk}/bevindingen/", f"{V1}/zaken/{zaak.pk}/afwijkingen/",
                f"{V1}/zaken/{zaak.pk}/berekeningen/", f"{V1}/zaken/{zaak.pk}/onderzoek/versies/",
                # inkomens/ and vermogens/ are Inkomen data (doelbinding): see the next test
                f"{V1}/toestemmingen/?inwoner={zaak.hoofdpersoon_id}", f"{V1}/zaken/", f"{V1}/inwoners/"):
        r = c.get(url)
        assert r.status_code == 200, (url, r.content[:300])
        assert set(r.json()) == {"count", "next", "previous", "results"}, url


@pytest.mark.django_db
def test_inkomensgegevens_zijn_gepagineerd(inkomen, maak_zaak, api):
    zaak = maak_zaak(inkomen, regeling="bijzondere_bijstand")
    for url in (f"{V1}/inwoners/{zaak.hoofdpersoon_id}/inkomens/", f"{V1}/inwoners/{zaak.hoofdpersoon_id}/vermogens/"):
        r = api(inkomen).get(url)
        assert r.status_code == 200, (url, r.content[:300])
        assert set(r.json()) == {"count", "next", "previous", "results"}, url


@pytest.mark.django_db
def test_schema_noemt_paginering_en_foutantwoorden(api, wmo):
    r = api(wmo).get(f"{V1}/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert r.status_code == 200
    schema = json.loads(r.content)
    operaties = [(p, m, o) for p, ms in schema["paths"].items() for m, o in ms.items()
                 if m in ("get", "post", "put", "patch", "delete")]
    assert len(operaties) > 50
    for pad, methode, operatie in operaties:
        assert {"400", "401", "403", "404", "409"} <= set(operatie["responses"]), (pad, methode)
        if methode == "get":
            inhoud = operatie["responses"].get("200", {}).get("content", {}).get("application/json", {})
            assert inhoud.get("schema", {}).get("type") != "array", f"{pad}: lijst zonder paginering"
    overgangen = schema["paths"]["/api/v1/zaken/{id}/overgangen/"]["get"]["responses"]
    assert overgangen["200"]["content"]["application/json"]["schema"]["$ref"].endswith("PaginatedStatusovergangList")
    overgang = schema["paths"]["/api/v1/zaken/{id}/overgang/"]["post"]["responses"]
    assert overgang["409"]["content"]["application/json"]["schema"]["$ref"].endswith("/Fout")
    assert "503" in overgang
    assert set(schema["components"]["schemas"]["Fout"]["properties"]) == {"detail", "code"}


@pytest.mark.django_db
def test_werkvoorraad_is_gepagineerd_en_logt_alleen_de_getoonde_pagina(wmo, maak_zaak, monkeypatch):
    monkeypatch.setattr("maatwerk.web.paginering.PER_PAGINA", 2)
    zaken = [maak_zaak(wmo) for _ in range(3)]
    c = Client()
    c.force_login(wmo)
    eerste = c.get("/werkvoorraad/").content.decode()
    assert "Pagina 1 van 2 (3 in totaal)" in eerste and "?pagina=2" in eerste
    getoond = [z for z in zaken if f"Zaak {z.pk}<" in eerste]
    assert len(getoond) == 2
    gelogd = set(AuditRegel.objects.filter(gebruiker=wmo, onderwerp="zaak (lijst)").values_list("zaak_id", flat=True))
    assert gelogd == {z.pk for z in getoond}  # the zaak on page 2 was not shown, so not logged as seen
    tweede = c.get("/werkvoorraad/?pagina=2").content.decode()
    assert [z for z in zaken if f"Zaak {z.pk}<" in tweede] == [z for z in zaken if z not in getoond]
    assert "Pagina 2 van 2" in tweede and "Vorige pagina" in tweede


@pytest.mark.django_db
def test_een_schrijfactie_zonder_auditregel_wordt_niet_opgeslagen(wmo, monkeypatch):
    """A crash between the write and its audit line (here: the audit insert fails) leaves neither."""

    def kapot(self, *args, **kwargs):
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(AuditRegel, "save", kapot)
    c = Client(raise_request_exception=False)
    c.force_login(wmo)
    r = c.post(f"{V1}/inwoners/", data=json.dumps({
        "bsn": bsn_met_elfproef(777_002), "voornamen": "Zonder", "achternaam": "Audit", "geboortedatum": "1980-01-01",
        "straat": "Dorpsstraat", "huisnummer": 2, "postcode": "2651 AB", "woonplaats": "Berkel en Rodenrijs"}),
        content_type="application/json")
    assert r.status_code == 500 and r.json()["code"] == "serverfout"
    assert not Inwoner.objects.filter(achternaam="Audit").exists()
