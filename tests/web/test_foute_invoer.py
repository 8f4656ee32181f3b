"""Bad input through the API (issue 7, "bad input everywhere"): a month key that is no month inside the
calculation input, a body above 1 MB and deeply nested JSON each answer 400 with a Dutch message that names
the field, as JSON; never a 500, a traceback or an HTML page."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from maatwerk.regels.invoer import MAX_INVOER_BYTES, TE_DIEP, TE_GROOT
from maatwerk.zaken import procedure
from maatwerk.zaken.models import Status

pytestmark = pytest.mark.django_db
V1 = "/api/v1"
DIEP = "[" * 100_000 + "]" * 100_000


@pytest.fixture
def berekeningen(maak_zaak, inkomen):
    """The calculation endpoint of a bijzondere-bijstand zaak in status aanvraag."""
    zaak = maak_zaak(inkomen, regeling="bijzondere_bijstand", kosten=Decimal("400"), ontvangen_op=dt.date(2026, 7, 1))
    procedure.voer_uit(zaak, Status.AANVRAAG, inkomen, datum=dt.date(2026, 7, 1))
    return f"{V1}/zaken/{zaak.pk}/berekeningen/"


def _post(client, url, body: str):
    return client.post(url, data=body, content_type="application/json")


@pytest.mark.parametrize("sleutel", ["2025-13", "2025-00", "abcd-01", "2025-1"])
def test_maand_die_geen_maand_is_in_de_invoer(api, inkomen, berekeningen, sleutel):
    body = {"maand": "2026-07", "invoer": {"huishouden": {"kostensoort": {sleutel: "overig"}}}}
    r = _post(api(inkomen), berekeningen, json.dumps(body))
    assert r.status_code == 400
    [(veld, [bericht])] = r.json().items()
    assert veld == f"invoer.huishoudens.huishouden_{veld.split('_')[1].split('.')[0]}.kostensoort.{sleutel}"
    assert f"'{sleutel}' is geen geldige" in bericht and "JJJJ-MM" in bericht


def test_een_geldige_maand_in_de_invoer_rekent(api, inkomen, berekeningen):
    body = {"maand": "2026-07", "invoer": {"huishouden": {"kostensoort": {"2026-07": "overig"}}}}
    assert _post(api(inkomen), berekeningen, json.dumps(body)).status_code == 201


def test_body_boven_1_mb(api, inkomen, berekeningen):
    body = json.dumps({"maand": "2026-07", "invoer": {"huishouden": {"x": "a" * MAX_INVOER_BYTES}}})
    r = _post(api(inkomen), berekeningen, body)
    assert r.status_code == 400 and r["Content-Type"] == "application/json"
    assert r.json() == {"invoer": [TE_GROOT]} and "1 MB" in TE_GROOT


def test_een_body_van_precies_1_mb_wordt_gelezen(api, inkomen, berekeningen):
    body = json.dumps({"maand": "2026-07", "invoer": {"huishouden": {"x": ""}}})
    body = body.replace('""', '"' + "a" * (MAX_INVOER_BYTES - len(body)) + '"')
    assert len(body.encode()) == MAX_INVOER_BYTES
    r = _post(api(inkomen), berekeningen, body)
    assert r.status_code == 400 and "invoer.huishoudens" in next(iter(r.json()))  # read, then refused as unknown


@pytest.mark.parametrize("body", [DIEP, '{"maand": "2026-07", "invoer": ' + "{\"a\": " * 30 + "1" + "}" * 31])
def test_diep_geneste_json(api, inkomen, berekeningen, body):
    r = _post(api(inkomen), berekeningen, body)
    assert r.status_code == 400 and r["Content-Type"] == "application/json"
    assert r.json() == {"invoer": [TE_DIEP]} and "te diep genest" in TE_DIEP


@pytest.mark.parametrize("body", [DIEP, json.dumps({"username": "x" * (MAX_INVOER_BYTES + 1), "password": "p"})])
def test_token_weigert_te_grote_en_te_diepe_json(api, body):
    r = _post(api(), f"{V1}/token/", body)
    assert r.status_code == 400 and list(r.json()) == ["invoer"]


def test_door_django_geweigerd_verzoek_aan_de_api_antwoordt_json(client):
    """Django refuses some requests before any view (here an unknown Host header): under /api/ the answer is
    still Dutch JSON, on the pages the HTML page."""
    r = client.get(f"{V1}/zaken/", HTTP_HOST="aanvaller.example")
    assert r.status_code == 400 and r.json()["code"] == "ongeldig_verzoek"
    assert client.get("/", HTTP_HOST="aanvaller.example")["Content-Type"].startswith("text/html")


def test_onbekend_api_adres_antwoordt_json(api, inkomen):
    r = api(inkomen).get(f"{V1}/zaken/abc/")
    assert r.status_code == 404 and r.json()["detail"] == "Niet gevonden."


def test_django_en_de_regelkern_hanteren_dezelfde_grens(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == MAX_INVOER_BYTES
