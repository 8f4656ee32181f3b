"""Resident login: the full OIDC code flow against the bundled mock DigiD (Django test client; the client's
server-to-server calls go into the mock, see conftest.broker), machtigen in session and audit log, residents
refused on every staff page and the API, 15 minutes idle, logout ends the session."""

from __future__ import annotations

import jwt
import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.test import Client

from maatwerk.loket.models import InwonerAccount
from maatwerk.toegang.models import AuditRegel

from .conftest import BSN_INWONER, BSN_PARTNER


@pytest.mark.django_db
def test_volledige_code_flow_tegen_de_mock(client, digid_login, broker):
    klaar = digid_login(client)
    assert klaar.status_code == 302 and klaar["Location"] == "/loket/mijn/"
    # The client really fetched the token, the JWKS (RS256 signature check) and the userinfo from the mock.
    assert ("POST", "/digid-mock/token/") in broker and ("GET", "/digid-mock/jwks/") in broker
    assert ("GET", "/digid-mock/userinfo/") in broker
    account = InwonerAccount.objects.get(bsn=BSN_INWONER)
    user = account.gebruiker
    assert not user.is_staff and not user.is_superuser and not user.has_usable_password()
    assert not user.groups.exists()  # no role
    assert client.session[SESSION_KEY] == str(user.pk)
    assert client.session["loket"] == {"bsn": BSN_INWONER, "namens_bsn": None, "dienst": ""}
    pagina = client.get("/loket/mijn/").content.decode()
    assert "U handelt voor uzelf" in pagina
    regel = AuditRegel.objects.get(onderwerp="inloggen loket")
    assert BSN_INWONER in regel.toelichting and regel.gebruiker == user
    # A second login finds the same account (linked by BSN), no new user.
    client.post("/loket/uitloggen/")
    digid_login(client)
    assert InwonerAccount.objects.count() == 1


@pytest.mark.django_db
def test_machtigen_in_sessie_op_elke_pagina_en_in_het_auditlog(client, digid_login):
    digid_login(client, BSN_INWONER, namens=BSN_PARTNER, dienst="bijzondere-bijstand")
    assert client.session["loket"] == {"bsn": BSN_INWONER, "namens_bsn": BSN_PARTNER, "dienst": "bijzondere-bijstand"}
    for pad in ("/loket/", "/loket/mijn/", "/loket/gesprek/", "/loket/waar-heb-ik-recht-op/", "/loket/wmo-en-jeugd/"):
        html = client.get(pad).content.decode()
        # The banner names the represented person (unknown here: "een ander"), never a BSN on screen.
        assert "U handelt namens een ander." in html and BSN_PARTNER not in html and BSN_INWONER not in html, pad
    regel = AuditRegel.objects.get(onderwerp="inloggen loket")
    assert BSN_INWONER in regel.toelichting and BSN_PARTNER in regel.toelichting
    assert "DigiD Machtigen" in regel.grond
    # The account is the one of the person who logged in (the authorised one), not of the represented person.
    assert InwonerAccount.objects.get().bsn == BSN_INWONER


@pytest.mark.django_db
def test_mock_weigert_foute_bsn_met_melding_bij_het_veld(client):
    from urllib.parse import parse_qs, urlsplit

    start = client.get("/oidc/authenticate/")
    params = {k: v[0] for k, v in parse_qs(urlsplit(start["Location"]).query).items()}
    r = client.post("/digid-mock/authorize/", {**params, "bsn": "123456789"})
    assert r.status_code == 400 and "geen geldig burgerservicenummer" in r.content.decode()
    assert 'value="123456789"' in r.content.decode()
    r = client.post("/digid-mock/authorize/", {**params, "bsn": BSN_INWONER, "machtigen": "on", "namens_bsn": BSN_INWONER})
    assert r.status_code == 400 and "niet voor uzelf gemachtigd" in r.content.decode()
    # A request from an unknown application or with a foreign return address is refused.
    r = client.get("/digid-mock/authorize/", {**params, "redirect_uri": "https://evil.example/oidc/callback/"})
    assert r.status_code == 400 and "terugkeeradres" in r.content.decode()
    r = client.get("/digid-mock/authorize/", {**params, "client_id": "iemand-anders"})
    assert r.status_code == 400


@pytest.mark.django_db
def test_mock_token_endpoint_weigert_vervalsing(client):
    assert client.post("/digid-mock/token/", {"grant_type": "authorization_code", "code": "x", "client_id": "x",
                                              "client_secret": "y"}).status_code == 401
    r = client.post("/digid-mock/token/", {"grant_type": "authorization_code", "code": "vervalst",
                                           "client_id": settings.OIDC_RP_CLIENT_ID,
                                           "client_secret": settings.OIDC_RP_CLIENT_SECRET, "redirect_uri": "x"})
    assert r.status_code == 400 and r.json()["error"] == "invalid_grant"
    assert client.get("/digid-mock/userinfo/", HTTP_AUTHORIZATION="Bearer vervalst").status_code == 401


@pytest.mark.django_db
def test_id_token_is_rs256_getekend_met_de_jwks_sleutel(client, broker):
    """The ID token verifies with the published key and fails with any other (what a real client checks)."""
    from urllib.parse import parse_qs, urlsplit

    start = client.get("/oidc/authenticate/")
    params = {k: v[0] for k, v in parse_qs(urlsplit(start["Location"]).query).items()}
    terug = client.post("/digid-mock/authorize/", {**params, "bsn": BSN_INWONER})
    code = parse_qs(urlsplit(terug["Location"]).query)["code"][0]
    verifier = client.session["oidc_states"][params["state"]]["code_verifier"]  # PKCE (S256), required by the mock
    token = client.post("/digid-mock/token/", {"grant_type": "authorization_code", "code": code,
                                               "code_verifier": verifier, "client_id": settings.OIDC_RP_CLIENT_ID,
                                               "client_secret": settings.OIDC_RP_CLIENT_SECRET,
                                               "redirect_uri": params["redirect_uri"]}).json()
    sleutel = jwt.PyJWK(client.get("/digid-mock/jwks/").json()["keys"][0])
    claims = jwt.decode(token["id_token"], sleutel, algorithms=["RS256"], audience=settings.OIDC_RP_CLIENT_ID)
    assert claims["bsn"] == BSN_INWONER and claims["nonce"] == params["nonce"]
    from cryptography.hazmat.primitives.asymmetric import rsa

    andere = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(token["id_token"], andere, algorithms=["RS256"], audience=settings.OIDC_RP_CLIENT_ID)


# ------------------------------------------------------------------ residents are not staff

MEDEWERKER_PAGINAS = ["/", "/werkvoorraad/", "/auditlog/", "/account/tweestaps/", "/gespreksverzoeken/",
                      "/besluiten/sjablonen/", "/admin/", "/inwoners/nieuw/"]
API = ["/api/v1/zaken/", "/api/v1/inwoners/", "/api/v1/audit/", "/api/v1/schema/"]


@pytest.mark.django_db
def test_inwoner_geweigerd_op_elke_medewerkerspagina_en_de_api(client, digid_login):
    digid_login(client)
    for pad in MEDEWERKER_PAGINAS:
        r = client.get(pad)
        assert r.status_code == 403, pad
    for pad in API:
        r = client.get(pad)
        assert r.status_code == 403 and r.json()["code"] == "geen_toegang", pad
    assert client.post("/api/v1/token/", {"username": "x", "password": "y"}, content_type="application/json").status_code == 403
    assert AuditRegel.objects.filter(onderwerp="pagina voor medewerkers", toegestaan=False).count() >= len(MEDEWERKER_PAGINAS)
    assert client.get("/loket/mijn/").status_code == 200  # the loket itself stays open


@pytest.mark.django_db
def test_inwoner_nooit_naar_de_tweestapsverificatie(client, digid_login, settings):
    settings.TWEESTAPS_VERPLICHT = True  # as in production: every staff account must use TOTP
    digid_login(client)
    r = client.get("/loket/mijn/")
    assert r.status_code == 200  # no redirect to the TOTP set-up: the loket paths are deliberately free
    assert client.get("/werkvoorraad/").status_code == 403  # and a staff page is still refused


@pytest.mark.django_db
def test_medewerker_ziet_geen_inwonerspagina(client, inkomen):
    client.force_login(inkomen)
    r = client.get("/loket/mijn/")
    assert r.status_code == 302 and r["Location"].startswith("/loket/inloggen/")
    assert "Log eerst uit als medewerker" in client.get("/loket/inloggen/").content.decode()


@pytest.mark.django_db
def test_sessie_verloopt_na_15_minuten_en_uitloggen_beeindigt_haar(client, digid_login):
    digid_login(client)
    assert client.session.get_expiry_age() == settings.LOKET_SESSIE_SECONDEN == 15 * 60
    sleutel = client.session.session_key
    r = client.post("/loket/uitloggen/")
    # On to the broker's end_session endpoint, which sends the browser back to the loket (test_inloggen_veilig.py).
    assert r.status_code == 302 and r["Location"].startswith("http://testserver/digid-mock/logout/?")
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=sleutel).exists()
    assert client.get("/loket/mijn/").status_code == 302
    assert AuditRegel.objects.filter(onderwerp="uitloggen loket").exists()


@pytest.mark.django_db
def test_callback_zonder_geldige_state_logt_niet_in():
    c = Client()
    r = c.get("/oidc/callback/", {"code": "x", "state": "y"})
    assert r.status_code in (302, 400)
    assert SESSION_KEY not in c.session
