"""The mock DigiD is on in the demo and off in production unless explicitly enabled; production points at a
real broker through MAATWERK_OIDC_* only (a fresh interpreter, so the settings see a real start)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

SLEUTEL = "k" * 20 + "0123456789abcdefghijklmnopqrstuvwxyz"
TOON = """
from django.conf import settings
from django.test import Client
from django.urls import NoReverseMatch, reverse
try:
    reverse("digid_mock:autoriseren"); mock = True
except NoReverseMatch:
    mock = False
print(settings.DIGID_MOCK, mock, settings.LOKET_OIDC_INGESTELD, settings.OIDC_OP_TOKEN_ENDPOINT or "-",
      settings.LOKET_OIDC_CLAIM_BSN, settings.LOKET_SESSIE_SECONDEN)
"""
PRODUCTIE = {"MAATWERK_PRODUCTIE": "1", "MAATWERK_SECRET_KEY": SLEUTEL, "MAATWERK_ALLOWED_HOSTS": "maatwerk.example.nl"}


def _start(tmp_path, **env) -> list[str]:
    omgeving = {k: v for k, v in os.environ.items()
                if not k.startswith("MAATWERK_") and k not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    omgeving.update(DJANGO_SETTINGS_MODULE="maatwerk.web.settings", MAATWERK_DATA_DIR=str(tmp_path), **env)
    uit = subprocess.run([sys.executable, "-c", "import django\ndjango.setup()\n" + TOON], env=omgeving,
                         capture_output=True, text=True, timeout=180)
    assert uit.returncode == 0, uit.stderr
    return uit.stdout.split()


@pytest.mark.parametrize("env, verwacht", [
    ({"MAATWERK_DEMO": "1"}, ["True", "True", "True", "/digid-mock/token/", "bsn", "900"]),
    (PRODUCTIE, ["False", "False", "False", "-", "bsn", "900"]),
    ({**PRODUCTIE, "MAATWERK_DIGID_MOCK": "1"}, ["True", "True", "True", "/digid-mock/token/", "bsn", "900"]),
    ({**PRODUCTIE, "MAATWERK_OIDC_CLIENT_ID": "maatwerk", "MAATWERK_OIDC_CLIENT_SECRET": "geheim",
      "MAATWERK_OIDC_AUTHORIZATION_ENDPOINT": "https://broker.example.nl/auth",
      "MAATWERK_OIDC_TOKEN_ENDPOINT": "https://broker.example.nl/token",
      "MAATWERK_OIDC_USERINFO_ENDPOINT": "https://broker.example.nl/userinfo",
      "MAATWERK_OIDC_JWKS_ENDPOINT": "https://broker.example.nl/jwks",
      "MAATWERK_OIDC_CLAIM_BSN": "urn:nl-eid-gdi:1.0:id:BSN", "MAATWERK_LOKET_SESSIE_MINUTEN": "10"},
     ["False", "False", "True", "https://broker.example.nl/token", "urn:nl-eid-gdi:1.0:id:BSN", "600"]),
], ids=["demo", "productie", "productie-met-mock", "productie-met-makelaar"])
def test_mock_en_makelaar_via_instellingen(tmp_path, env, verwacht):
    assert _start(tmp_path, **env) == verwacht


@pytest.mark.django_db
def test_zonder_makelaar_geen_inlogknop_en_geen_doorverwijzing(client, settings):
    settings.LOKET_OIDC_INGESTELD = False
    assert "Inloggen kan nu niet" in client.get("/loket/inloggen/").content.decode()
    assert client.get("/oidc/authenticate/").status_code == 404
    # The self-check needs no login and keeps working.
    assert client.get("/loket/waar-heb-ik-recht-op/bijzondere_bijstand/").status_code == 200


@pytest.mark.django_db
def test_geneste_en_eigen_claimnamen(settings):
    from django.core.exceptions import SuspiciousOperation

    from maatwerk.loket.oidc import handelend_uit_claims

    settings.LOKET_OIDC_CLAIM_BSN = "urn:nl-eid-gdi:1.0:id:BSN"
    assert handelend_uit_claims({"urn:nl-eid-gdi:1.0:id:BSN": "999990019"}).bsn == "999990019"
    h = handelend_uit_claims({"gemachtigde": {"bsn": "999990019"}, "aanvrager": {"bsn": "999990032"}, "service_id": "x"})
    assert (h.bsn, h.namens_bsn, h.dienst, h.betreft_bsn) == ("999990019", "999990032", "x", "999990032")
    for fout in ({}, {"urn:nl-eid-gdi:1.0:id:BSN": "123456789"}, {"urn:nl-eid-gdi:1.0:id:BSN": 999990019},
                 {"gemachtigde": {"bsn": "999990019"}, "aanvrager": {"bsn": "999990019"}},
                 {"gemachtigde": {"bsn": "12"}, "aanvrager": {"bsn": "999990032"}}):
        with pytest.raises(SuspiciousOperation):
            handelend_uit_claims(fout)
