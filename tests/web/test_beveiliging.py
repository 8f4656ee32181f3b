"""Hardening (issue 7, point 5; OWASP ASVS L2, BIO): production settings, secret key, CSP, no-store, session
idle timeout, password length, login lockout, expiring hashed API tokens, two-factor login, vendored Swagger UI."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings
from django.utils import timezone, translation
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from knox.models import AuthToken

from maatwerk.web.beveiliging import GeenCacheMiddleware

pytestmark = pytest.mark.django_db
SRC = Path(__file__).resolve().parents[2] / "src" / "maatwerk"
WACHTWOORD = "geheim-wachtwoord-123"  # tests/conftest.py
SLEUTEL = "k" * 20 + "0123456789abcdefghijklmnopqrstuvwxyz"  # 56 characters, not the development key


# ------------------------------------------------------------------ production mode and the secret key


def _django_in_subprocess(code: str, tmp_path, **env) -> subprocess.CompletedProcess:
    """Run `code` after django.setup() in a fresh interpreter (no pytest: the settings see a real start)."""
    # DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser tests for their own process (Playwright next to the ORM);
    # a real start never has it, and `check --deploy` rightly refuses it.
    omgeving = {k: v for k, v in os.environ.items()
                if not k.startswith("MAATWERK_") and k not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    omgeving.update(DJANGO_SETTINGS_MODULE="maatwerk.web.settings", MAATWERK_DATA_DIR=str(tmp_path), **env)
    script = "import django\ndjango.setup()\n" + code
    return subprocess.run([sys.executable, "-c", script], env=omgeving, capture_output=True, text=True, timeout=180)


@pytest.mark.parametrize("env", [
    {"MAATWERK_PRODUCTIE": "1", "MAATWERK_ALLOWED_HOSTS": "maatwerk.example.nl"},  # no key at all
    {"MAATWERK_PRODUCTIE": "1", "MAATWERK_ALLOWED_HOSTS": "maatwerk.example.nl",
     "MAATWERK_SECRET_KEY": "maatwerk-ontwikkelsleutel-niet-voor-productie"},  # the published development key
    {"MAATWERK_PRODUCTIE": "1", "MAATWERK_ALLOWED_HOSTS": "maatwerk.example.nl", "MAATWERK_SECRET_KEY": "kort"},
    {"MAATWERK_PRODUCTIE": "1", "MAATWERK_DEMO": "1", "MAATWERK_ALLOWED_HOSTS": "x"},  # the demo marker does not help
    {},  # not production, but also not DEBUG, demo or tests: a real start without a key
])
def test_zonder_echte_sleutel_start_de_app_niet(tmp_path, env):
    uit = _django_in_subprocess("print('gestart')", tmp_path, **env)
    assert uit.returncode != 0 and "gestart" not in uit.stdout
    assert "ImproperlyConfigured" in uit.stderr and "MAATWERK_SECRET_KEY" in uit.stderr


def test_demo_en_debug_mogen_de_ontwikkelsleutel_gebruiken(tmp_path):
    for env in ({"MAATWERK_DEMO": "1"}, {"MAATWERK_DEBUG": "1"}):
        uit = _django_in_subprocess("from django.conf import settings; print(settings.SECRET_KEY)", tmp_path, **env)
        assert uit.returncode == 0, uit.stderr
        assert uit.stdout.strip() == "maatwerk-ontwikkelsleutel-niet-voor-productie"


def test_check_deploy_is_schoon_met_productie_instellingen(tmp_path):
    code = (
        "from django.conf import settings\n"
        "from django.core.management import call_command\n"
        "call_command('check', deploy=True, fail_level='WARNING')\n"
        "print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS,"
        " settings.SECURE_SSL_REDIRECT, settings.DEBUG, settings.TWEESTAPS_VERPLICHT)\n"
    )
    uit = _django_in_subprocess(code, tmp_path, MAATWERK_PRODUCTIE="1", MAATWERK_SECRET_KEY=SLEUTEL,
                                MAATWERK_ALLOWED_HOSTS="maatwerk.example.nl")
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert "System check identified no issues" in uit.stdout + uit.stderr
    assert "WARNING" not in uit.stderr
    assert uit.stdout.strip().splitlines()[-1] == "True True 31536000 True False True"


# ------------------------------------------------------------------ CSP, no inline script, no-store


def test_templates_hebben_geen_inline_script_of_event_handlers():
    for pad in SRC.rglob("templates/**/*.html"):
        tekst = pad.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", tekst, re.I):
            assert "src=" in tag, f"{pad}: inline <script>"
        assert not re.search(r"\son[a-z]+\s*=", tekst, re.I), f"{pad}: inline event handler"
        assert "javascript:" not in tekst.lower(), f"{pad}: javascript: URL"


def test_csp_zonder_inline_script_op_elke_pagina(client):
    antwoord = client.get("/inloggen/")
    csp = antwoord["Content-Security-Policy"]
    richtlijnen = dict(r.strip().split(" ", 1) for r in csp.split(";") if r.strip())
    assert richtlijnen["script-src"] == "'self'"
    assert "unsafe" not in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp


def test_no_store_op_paginas_api_en_pdf_niet_op_statische_bestanden(client, api, wmo):
    for antwoord in (client.get("/inloggen/"), api(wmo).get("/api/v1/zaken/"), api().get("/api/v1/zaken/"),
                     client.get("/bestaat-niet/")):
        assert "no-store" in antwoord["Cache-Control"], antwoord
    middleware = GeenCacheMiddleware(lambda r: HttpResponse(b"%PDF-1.7", content_type="application/pdf"))
    assert "no-store" in middleware(RequestFactory().get("/besluiten/1/brief.pdf"))["Cache-Control"]
    assert not middleware(RequestFactory().get("/static/maatwerk/maatwerk.css")).has_header("Cache-Control")


# ------------------------------------------------------------------ session idle timeout


def test_sessie_verloopt_na_30_minuten_zonder_verzoek(client, wmo):
    client.force_login(wmo)
    assert client.get("/werkvoorraad/").status_code == 200
    sessie = Session.objects.get(session_key=client.session.session_key)
    resterend = (sessie.expire_date - timezone.now()).total_seconds()
    assert 29 * 60 < resterend <= 30 * 60

    # Active: a request after a few minutes moves the end forward.
    s = client.session
    s["_maatwerk_actief"] = int(time.time()) - 5 * 60
    s.save()
    Session.objects.filter(pk=sessie.pk).update(expire_date=timezone.now() + dt.timedelta(minutes=25))
    assert client.get("/werkvoorraad/").status_code == 200
    assert Session.objects.get(pk=sessie.pk).expire_date > timezone.now() + dt.timedelta(minutes=29)

    # Idle for 30 minutes: the session has expired, the next request goes to the login page.
    Session.objects.filter(pk=sessie.pk).update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    antwoord = client.get("/werkvoorraad/")
    assert antwoord.status_code == 302 and antwoord["Location"].startswith("/inloggen/")


# ------------------------------------------------------------------ passwords


def test_wachtwoord_minstens_12_tekens(wmo):
    with translation.override("nl"), pytest.raises(ValidationError) as fout:
        validate_password("Zomer-2026!", wmo)  # 11 characters
    assert "12 tekens" in " ".join(fout.value.messages)
    validate_password("lange-zin-als-wachtwoord", wmo)
    validate_password("maatwerk-demo", wmo)  # the demo password (13) still passes


# ------------------------------------------------------------------ lockout (django-axes)


def test_inlogpagina_blokkeert_na_vijf_mislukte_pogingen(maak_gebruiker):
    maak_gebruiker("slot1", "consulent_wmo")
    c = Client()
    for _ in range(4):
        assert c.post("/inloggen/", {"username": "slot1", "password": "fout-wachtwoord"}).status_code == 200
    blokkade = c.post("/inloggen/", {"username": "slot1", "password": "fout-wachtwoord"})
    assert blokkade.status_code == 429
    assert "Te veel mislukte inlogpogingen" in blokkade.content.decode()
    # Also the right password is refused during the lockout.
    assert c.post("/inloggen/", {"username": "slot1", "password": WACHTWOORD}).status_code == 429
    # Reset by the beheerder (README: django-admin axes_reset_username): logging in works again.
    from axes.utils import reset

    reset(username="slot1")
    assert c.post("/inloggen/", {"username": "slot1", "password": WACHTWOORD}).status_code == 302


def test_token_endpoint_blokkeert_ook(api, maak_gebruiker):
    maak_gebruiker("slot2", "consulent_wmo")
    c = api()
    for _ in range(4):
        fout = c.post("/api/v1/token/", {"username": "slot2", "password": "fout-wachtwoord"}, format="json")
        assert fout.status_code == 400
        assert fout.json() == {"non_field_errors": ["Inloggen is mislukt: onjuiste gebruikersnaam of wachtwoord."]}
    blokkade = c.post("/api/v1/token/", {"username": "slot2", "password": "fout-wachtwoord"}, format="json")
    assert blokkade.status_code == 429 and blokkade.json()["code"] == "geblokkeerd"
    assert "Te veel mislukte inlogpogingen" in blokkade.json()["detail"]
    assert c.post("/api/v1/token/", {"username": "slot2", "password": WACHTWOORD}, format="json").status_code == 429


# ------------------------------------------------------------------ API tokens (django-rest-knox)


def _alle_tekst_in_de_database() -> str:
    """Every text value of every table (small test database): to prove a plain key is stored nowhere."""
    delen = []
    with connection.cursor() as cursor:
        for tabel in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(tabel)}")
            delen.extend(str(v) for rij in cursor.fetchall() for v in rij if isinstance(v, str))
    return "\n".join(delen)


def test_token_contract_en_opgeslagen_als_hash(api, wmo):
    antwoord = api().post("/api/v1/token/", {"username": "wmo1", "password": WACHTWOORD}, format="json")
    assert antwoord.status_code == 200
    token = antwoord.json()["token"]
    assert len(token) >= 64 and antwoord.json()["verloopt_op"]
    c = api()
    c.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert c.get("/api/v1/zaken/").status_code == 200
    assert token not in _alle_tekst_in_de_database()  # only a digest (SHA-512) and a 15-character prefix
    opgeslagen = AuthToken.objects.get(user=wmo)
    assert opgeslagen.digest != token and len(opgeslagen.digest) == 128
    assert dt.timedelta(hours=7, minutes=59) < opgeslagen.expiry - timezone.now() <= dt.timedelta(hours=8)


def test_verlopen_token_geeft_401(api, wmo):
    _, token = AuthToken.objects.create(user=wmo)
    AuthToken.objects.filter(user=wmo).update(expiry=timezone.now() - dt.timedelta(seconds=1))
    c = api()
    c.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    antwoord = c.get("/api/v1/zaken/")
    assert antwoord.status_code == 401
    assert antwoord.json()["detail"] == "Inloggen is mislukt: onjuiste gegevens of token."
    assert not AuthToken.objects.filter(user=wmo).exists()  # the expired token is removed
    for kapot in ("Token é", "Token", "Token a b"):  # "é" arrives as one Latin-1 byte: not UTF-8
        c.credentials(HTTP_AUTHORIZATION=kapot)
        assert c.get("/api/v1/zaken/").status_code == 401


# ------------------------------------------------------------------ two-factor login (django-otp, TOTP)


def _code(apparaat: TOTPDevice, verschuiving: int = 0) -> str:
    totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
    totp.time = time.time() + verschuiving
    return f"{totp.token():06d}"


def test_inloggen_met_tweestapsverificatie(wmo):
    apparaat = TOTPDevice.objects.create(user=wmo, name="telefoon", confirmed=True)
    c = Client()
    na_wachtwoord = c.post("/inloggen/", {"username": "wmo1", "password": WACHTWOORD, "next": "/werkvoorraad/"})
    assert na_wachtwoord.status_code == 302
    # Without the code no page opens, and the API does not accept the session either.
    naar_code = c.get("/werkvoorraad/")
    assert naar_code.status_code == 302 and naar_code["Location"].startswith("/inloggen/code/")
    assert c.get("/api/v1/zaken/").status_code in (401, 403)
    fout = c.post("/inloggen/code/", {"code": "000000" if _code(apparaat) != "000000" else "111111"})
    assert fout.status_code == 400 and "Deze code klopt niet" in fout.content.decode()
    # django-otp slows a device down after a failure (1 s, then 2 s, …); the test does not wait for that.
    TOTPDevice.objects.filter(pk=apparaat.pk).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    goed = c.post("/inloggen/code/", {"code": _code(apparaat), "next": "/werkvoorraad/"})
    assert goed.status_code == 302 and goed["Location"] == "/werkvoorraad/"
    assert c.get("/werkvoorraad/").status_code == 200
    assert c.get("/api/v1/zaken/").status_code == 200


def test_foute_codes_tellen_voor_de_blokkade(wmo):
    apparaat = TOTPDevice.objects.create(user=wmo, name="telefoon", confirmed=True)
    c = Client()
    c.post("/inloggen/", {"username": "wmo1", "password": WACHTWOORD})
    fout = "000000" if _code(apparaat) != "000000" else "111111"
    for _ in range(4):
        assert c.post("/inloggen/code/", {"code": fout}).status_code == 400
    assert c.post("/inloggen/code/", {"code": fout}).status_code == 429
    TOTPDevice.objects.filter(pk=apparaat.pk).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    blokkade = c.post("/inloggen/code/", {"code": _code(apparaat)})  # even the right code, during the lockout
    assert blokkade.status_code == 429 and "Te veel mislukte inlogpogingen" in blokkade.content.decode()
    assert c.get("/werkvoorraad/").status_code == 302


def test_token_vraagt_de_code_als_tweestaps_is_ingesteld(api, wmo):
    apparaat = TOTPDevice.objects.create(user=wmo, name="telefoon", confirmed=True)
    c = api()
    zonder = c.post("/api/v1/token/", {"username": "wmo1", "password": WACHTWOORD}, format="json")
    assert zonder.status_code == 400 and "otp" in zonder.json()
    met = c.post("/api/v1/token/", {"username": "wmo1", "password": WACHTWOORD, "otp": _code(apparaat)}, format="json")
    assert met.status_code == 200 and met.json()["token"]


@override_settings(TWEESTAPS_VERPLICHT=True)
def test_verplicht_stuurt_naar_instellen_met_qr_code(api, wmo):
    assert api().post("/api/v1/token/", {"username": "wmo1", "password": WACHTWOORD},
                      format="json").status_code == 403  # no device yet: no token
    c = Client()
    c.post("/inloggen/", {"username": "wmo1", "password": WACHTWOORD})
    naar = c.get("/werkvoorraad/")
    assert naar.status_code == 302 and naar["Location"].startswith("/account/tweestaps/")
    pagina = c.get("/account/tweestaps/")
    tekst = pagina.content.decode()
    assert pagina.status_code == 200 and 'src="data:image/svg+xml;base64,' in tekst
    assert "otpauth://totp/Maatwerk%3Awmo1?secret=" in tekst
    apparaat = TOTPDevice.objects.get(user=wmo, confirmed=False)
    assert c.post("/account/tweestaps/", {"code": "12345"}).status_code == 400
    assert c.post("/account/tweestaps/", {"code": _code(apparaat)}).status_code == 302
    assert TOTPDevice.objects.get(pk=apparaat.pk).confirmed
    assert c.get("/werkvoorraad/").status_code == 200


def test_zonder_code_geen_nieuw_apparaat(wmo):
    """Someone with only the password cannot replace the second factor by setting up a new device."""
    TOTPDevice.objects.create(user=wmo, name="telefoon", confirmed=True)
    c = Client()
    c.post("/inloggen/", {"username": "wmo1", "password": WACHTWOORD})
    antwoord = c.get("/account/tweestaps/")
    assert antwoord.status_code == 302 and antwoord["Location"].startswith("/inloggen/code/")
    assert not TOTPDevice.objects.filter(user=wmo, confirmed=False).exists()


def test_standaard_geen_tweestaps_in_demo_en_tests(client, wmo):
    client.post("/inloggen/", {"username": "wmo1", "password": WACHTWOORD})
    assert client.get("/werkvoorraad/").status_code == 200


# ------------------------------------------------------------------ Swagger UI vendored


def test_swagger_ui_zonder_externe_host_en_zonder_inline_script(api, wmo):
    c = api(wmo)
    pagina = c.get("/api/v1/docs/")
    tekst = pagina.content.decode()
    assert pagina.status_code == 200
    assert not re.search(r"(src|href)=\"(https?:)?//", tekst), tekst
    assert "cdn" not in tekst.lower()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in tekst
    for tag in re.findall(r"<script\b[^>]*>", tekst):
        assert "src=" in tag
    assert "<style" not in tekst
    script = c.get("/api/v1/docs/?script=")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()
    assert not re.search(r"https?://", script.content.decode())
