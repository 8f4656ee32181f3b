"""The weak points of the resident login, fixed (issue 9, Mijn zaken part): the mock's authorization code is
single-use and short-lived, PKCE (S256) is required and checked, and logging out of the loket also ends the
session at the mock broker (RP-initiated logout with id_token_hint)."""

from __future__ import annotations

import base64
import hashlib
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings

from maatwerk.digid_mock import views as mock

from .conftest import BSN_INWONER

pytestmark = pytest.mark.django_db


def _code(client, bsn: str = BSN_INWONER) -> tuple[str, str, dict]:
    """Start a login and let the mock issue a code; returns (code, PKCE verifier, authorization params)."""
    start = client.get("/oidc/authenticate/")
    params = {k: v[0] for k, v in parse_qs(urlsplit(start["Location"]).query).items()}
    verifier = client.session["oidc_states"][params["state"]]["code_verifier"]
    terug = client.post("/digid-mock/authorize/", {**params, "bsn": bsn})
    assert terug.status_code == 302
    code = parse_qs(urlsplit(terug["Location"]).query)["code"][0]
    return code, verifier, params


def _token(client, code: str, verifier: str, params: dict):
    return client.post("/digid-mock/token/", {
        "grant_type": "authorization_code", "code": code, "code_verifier": verifier,
        "redirect_uri": params["redirect_uri"], "client_id": settings.OIDC_RP_CLIENT_ID,
        "client_secret": settings.OIDC_RP_CLIENT_SECRET})


def test_pkce_s256_wordt_gestuurd_en_gecontroleerd(client):
    code, verifier, params = _code(client)
    assert params["code_challenge_method"] == "S256"
    verwacht = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    assert params["code_challenge"] == verwacht
    fout = _token(client, code, "x" * 64, params)
    assert fout.status_code == 400 and "PKCE" in fout.json()["error_description"]
    zonder = _token(client, code, "", params)
    assert zonder.status_code == 400
    assert _token(client, code, verifier, params).status_code == 200


def test_pkce_plain_of_zonder_challenge_geweigerd(client):
    start = client.get("/oidc/authenticate/")
    params = {k: v[0] for k, v in parse_qs(urlsplit(start["Location"]).query).items()}
    for extra in ({"code_challenge_method": "plain"}, {"code_challenge": ""}):
        r = client.get("/digid-mock/authorize/", {**params, **extra})
        assert r.status_code == 400 and "PKCE" in r.content.decode()


def test_code_is_eenmalig(client):
    code, verifier, params = _code(client)
    assert _token(client, code, verifier, params).status_code == 200
    tweede = _token(client, code, verifier, params)
    assert tweede.status_code == 400 and tweede.json() == {"error": "invalid_grant",
                                                           "error_description": "Deze code is al gebruikt."}


def test_code_is_kort_geldig(client, monkeypatch):
    code, verifier, params = _code(client)
    import time as tijd

    echt = tijd.time
    monkeypatch.setattr(tijd, "time", lambda: echt() + mock.CODE_SECONDEN + 1)
    verlopen = _token(client, code, verifier, params)
    assert verlopen.status_code == 400 and "verlopen" in verlopen.json()["error_description"]
    monkeypatch.setattr(tijd, "time", lambda: echt() + mock.CODE_SECONDEN - 5)
    assert _token(client, code, verifier, params).status_code == 200  # just within its lifetime


def test_uitloggen_beeindigt_ook_de_sessie_bij_de_mock(client, digid_login):
    digid_login(client)
    assert client.cookies[mock.SESSIE_COOKIE].value  # the mock's own session (single sign-on)
    id_token = client.session["oidc_id_token"]
    r = client.post("/loket/uitloggen/")
    doel = urlsplit(r["Location"])
    assert r.status_code == 302 and doel.path == "/digid-mock/logout/"
    params = {k: v[0] for k, v in parse_qs(doel.query).items()}
    assert params["id_token_hint"] == id_token and params["post_logout_redirect_uri"].endswith("/loket/?uitgelogd=1")
    assert "loket" not in client.session  # the loket session ended first
    terug = client.get(doel.path, params)
    assert terug.status_code == 302 and terug["Location"].endswith("/loket/?uitgelogd=1")
    assert client.cookies[mock.SESSIE_COOKIE].value == ""  # the mock's session cookie is deleted
    assert client.get("/loket/mijn/").status_code == 302  # logged out


def test_mock_uitloggen_weigert_vreemd_terugkeeradres_en_valse_hint(client):
    r = client.get("/digid-mock/logout/", {"post_logout_redirect_uri": "https://evil.example/loket/"})
    assert r.status_code == 400 and "terugkeeradres" in r.content.decode()
    r = client.get("/digid-mock/logout/", {"id_token_hint": "een.vals.token",
                                           "post_logout_redirect_uri": "http://testserver/loket/"})
    assert r.status_code == 400 and "id_token_hint" in r.content.decode()


def test_discovery_noemt_end_session_en_pkce(client):
    gegevens = client.get("/digid-mock/.well-known/openid-configuration").json()
    assert gegevens["end_session_endpoint"].endswith("/digid-mock/logout/")
    assert gegevens["code_challenge_methods_supported"] == ["S256"]


def test_zonder_end_session_endpoint_alleen_lokaal_uitloggen(client, digid_login, settings):
    digid_login(client)
    settings.OIDC_OP_LOGOUT_ENDPOINT = ""
    r = client.post("/loket/uitloggen/")
    assert r.status_code == 302 and r["Location"] == "/loket/?uitgelogd=1"
