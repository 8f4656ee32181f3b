"""Django settings of Maatwerk.

Embedded default: SQLite in `<repo>/var/maatwerk.sqlite3` (folder from env `MAATWERK_DATA_DIR`).
Production: PostgreSQL via env `DATABASE_URL` (postgresql://user:pass@host:5432/name).
Other environment variables: `MAATWERK_SECRET_KEY`, `MAATWERK_DEBUG` (1/0), `MAATWERK_ALLOWED_HOSTS`
(comma-separated), `MAATWERK_GEMEENTE` (the municipality whose rules the Regelkern applies).

Production mode (issue 7, "Hardening"; OWASP ASVS L2, BIO): `MAATWERK_PRODUCTIE=1`. Then
- `MAATWERK_SECRET_KEY` must be set: at least 50 characters, not the development key (else the app refuses
  to start with ImproperlyConfigured), `MAATWERK_ALLOWED_HOSTS` must be set, DEBUG is off;
- session and CSRF cookies are Secure, HSTS is on (one year, subdomains, preload), plain HTTP is redirected
  to HTTPS (`MAATWERK_SSL_REDIRECT=0` only if the proxy already does that);
- behind a TLS-terminating proxy set `MAATWERK_PROXY_SSL_HEADER=1`: Django then trusts
  `X-Forwarded-Proto: https` (SECURE_PROXY_SSL_HEADER) — only if the proxy overwrites that header;
- two-factor login (TOTP) is required for every staff account (`MAATWERK_TWEESTAPS=0` does not switch it off).
Outside production the development key is accepted only with DEBUG on, in the demo (`maatwerk demo` and
`maatwerk brieven` set `MAATWERK_DEMO=1`) and under pytest; anything else without a real key refuses to start.
Everywhere: a Content-Security-Policy without inline script, a 30-minute session idle timeout
(`MAATWERK_SESSIE_MINUTEN`), `Cache-Control: no-store` on every answer except static files, passwords of
at least 12 characters, login lockout (django-axes), API tokens that expire (`MAATWERK_TOKEN_UREN`, 8) and are
stored hashed (django-rest-knox), two-factor login available for everyone (`MAATWERK_TWEESTAPS=1` requires it).
See docs/beveiliging.md.
"""

from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # src/maatwerk
BASE_DIR = PACKAGE_DIR.parent.parent  # repository root
DATA_DIR = Path(os.environ.get("MAATWERK_DATA_DIR") or BASE_DIR / "var")


def _aan(naam: str, standaard: str = "0") -> bool:
    return os.environ.get(naam, standaard).strip().lower() in ("1", "true", "ja", "yes", "on")


PRODUCTIE = _aan("MAATWERK_PRODUCTIE")
DEMO = _aan("MAATWERK_DEMO")
TESTS = "pytest" in sys.modules  # pytest-django imports the settings before any conftest can set a marker
DEBUG = _aan("MAATWERK_DEBUG") and not PRODUCTIE

ONTWIKKELSLEUTEL = "maatwerk-ontwikkelsleutel-niet-voor-productie"
MINIMALE_SLEUTELLENGTE = 50  # what `check --deploy` (security.W009) asks for


def _geheime_sleutel() -> str:
    """ASVS 2.10 / 6.4: no deployment with a known key. The development key is only accepted where the data
    is fictional (DEBUG, demo, tests) and never in production."""
    from django.core.exceptions import ImproperlyConfigured

    sleutel = os.environ.get("MAATWERK_SECRET_KEY", "")
    if sleutel and sleutel != ONTWIKKELSLEUTEL and len(sleutel) >= MINIMALE_SLEUTELLENGTE and len(set(sleutel)) >= 5:
        return sleutel
    if not PRODUCTIE and (DEBUG or DEMO or TESTS) and not sleutel:
        return ONTWIKKELSLEUTEL
    raise ImproperlyConfigured(
        "Maatwerk start niet: zet MAATWERK_SECRET_KEY op een geheime, willekeurige sleutel van minstens "
        f"{MINIMALE_SLEUTELLENGTE} tekens (bijvoorbeeld: python3 -c 'import secrets; print(secrets.token_urlsafe(64))'). "
        "De ontwikkelsleutel werkt alleen in de demo, in de tests en met MAATWERK_DEBUG=1, nooit met MAATWERK_PRODUCTIE=1."
    )


SECRET_KEY = _geheime_sleutel()
if PRODUCTIE and not os.environ.get("MAATWERK_ALLOWED_HOSTS", "").strip():
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("Maatwerk start niet: zet MAATWERK_ALLOWED_HOSTS op de hostnaam of hostnamen van de server.")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("MAATWERK_ALLOWED_HOSTS", "localhost,127.0.0.1,testserver").split(",") if h.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",  # web UI: static files via WhiteNoise, also under runserver
    "django.contrib.staticfiles",
    "rest_framework",
    "knox",  # API tokens: expire, stored as a SHA-512 digest (replaces rest_framework.authtoken's plain keys)
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI as our own static files, pinned by the package version; no CDN
    "axes",  # login lockout (login page, admin, POST /api/v1/token/)
    "django_otp",
    "django_otp.plugins.otp_totp",  # two-factor login with an authenticator app (TOTP, RFC 6238)
    "csp",
    "django_htmx",
    "maatwerk.personen",
    "maatwerk.zaken",
    "maatwerk.toegang",
    "maatwerk.besluiten",
    "maatwerk.beleid",  # policy versions with approval and impact simulation (issue 12)
    "maatwerk.adviesraad",  # requests for advice, advice and answers, members (issue 12, point 6)
    "maatwerk.regie",  # one household plan across the domains, stall detector and escalation (issue 12, point 7)
    "maatwerk.loket",  # resident loket under /loket/ (issue 9): self-check, DigiD login (OIDC), gesprek
    "maatwerk.iwmo",  # aanbieders, producten, tarieven, toewijzing and iWmo/iJw 3.2 messages (issue 10)
    "maatwerk.ambtshalve",  # ambtshalve inkomenstoeslag and non-take-up list (issue 12 point 4)
    "maatwerk.monitor",  # monitor (issue 12, point 5): figures, client experience survey, dashboard, 8:2 report
    "maatwerk.handhaving",  # enforcement (issue 11): meldpunt, casustafel, Inlichtingenbureau, huisbezoek, indicators
    "maatwerk.digid_mock",  # mock DigiD broker; its URLs are mounted only when DIGID_MOCK is on (see below)
    "maatwerk.web",  # web UI: base templates (base.html, 403/404, login) and static files (CSS, vendored htmx)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # web UI: serves STATIC_ROOT (maatwerk demo runs collectstatic)
    "maatwerk.web.beveiliging.GeenCacheMiddleware",  # Cache-Control: no-store on everything but static files
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "maatwerk.web.beveiliging.SessieVerloopMiddleware",  # idle timeout: the session lives 30 min after the last request
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): second factor given in this session
    "maatwerk.loket.middleware.InwonerScheidingMiddleware",  # a resident opens the loket only (403 elsewhere)
    "maatwerk.web.beveiliging.TweeStapsMiddleware",  # pages: verify the code, or set up 2FA where required
    "django.contrib.messages.middleware.MessageMiddleware",
    # After CSRF (its check runs first) and messages: a form posted after the session expired is kept and given
    # back on its page after login (maatwerk.web.formulier_bewaren; issue 8).
    "maatwerk.web.formulier_bewaren.FormulierBewarenMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Just before django-axes (which must be last), so it wraps the view and little else: a changing request
    # and its audit lines commit together, an error answer rolls back (maatwerk.web.transacties; issue 7).
    "maatwerk.web.transacties.VerzoekTransactieMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: turns a flagged lockout into its answer
]

ROOT_URLCONF = "maatwerk.web.urls"
WSGI_APPLICATION = "maatwerk.web.wsgi.application"
ASGI_APPLICATION = "maatwerk.web.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
# Form widgets (about 150 on a zaak page) rendered with Jinja2 from Django's own widget templates: the same
# HTML, at two thirds of the page's CPU time (issue 7: p95 <= 100 ms on 2 cores; see bench/bench_server.py).
FORM_RENDERER = "django.forms.renderers.Jinja2"


def _database() -> dict:
    url = os.environ.get("DATABASE_URL")
    if url:
        return dj_database_url.parse(url, conn_max_age=60)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(DATA_DIR / "maatwerk.sqlite3"), "OPTIONS": SQLITE_OPTIONS}


# Parallel writers on the embedded database wait for each other instead of failing with "database is locked"
# (issue 7): WAL lets readers go on while one writer writes; BEGIN IMMEDIATE takes the write lock at the start
# of a transaction, so two transactions never both read and then deadlock on the upgrade to a write lock
# (SQLite answers that at once with SQLITE_BUSY, without waiting); a writer waits up to `timeout` seconds for
# the lock. synchronous=NORMAL is safe in WAL mode (a power cut may lose the last commits, never corrupt).
# An in-memory database (the tests) ignores journal_mode=WAL and stays "memory".
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 30,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}


DATABASES = {"default": _database()}
# A connection per worker thread that lives on between requests (PostgreSQL gets 60 s from DATABASE_URL):
# opening an SQLite connection costs about 1 ms of CPU per request (issue 7, bench/bench_server.py).
DATABASES["default"].setdefault("CONN_MAX_AGE", 600)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # ASVS 2.1.1: at least 12 characters (the demo password "maatwerk-demo" has 13).
    {"NAME": "maatwerk.web.beveiliging.MinimaleWachtwoordLengte", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns when it is missing (tests run before collectstatic)

LOGIN_URL = "ui:inloggen"

# ------------------------------------------------------------------ hardening (issue 7; see the docstring)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out login before the password is checked
    "django.contrib.auth.backends.ModelBackend",
    "maatwerk.loket.oidc.InwonerOIDCBackend",  # residents only: DigiD through OpenID Connect (see "loket" below)
]
# Lockout: 5 failed logins for one username from one address block that pair for 15 minutes (a failure
# during the lockout starts the 15 minutes again). Per pair, so a stranger cannot lock a colleague out.
# Behind a proxy the address is the proxy's (REMOTE_ADDR), so the lockout is then per username.
# Reset: `django-admin axes_reset_username NAAM` (with DJANGO_SETTINGS_MODULE=maatwerk.web.settings) or
# delete the "access attempts" in the admin; see README "Beveiliging".
AXES_FAILURE_LIMIT = int(os.environ.get("MAATWERK_INLOG_POGINGEN", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("MAATWERK_INLOG_BLOKKADE_MINUTEN", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "maatwerk.web.beveiliging.geblokkeerd"

# Session idle timeout (ASVS 3.3.2, BIO): 30 minutes after the last request; SessieVerloopMiddleware renews
# the expiry at most once a minute, so not every request writes the session.
SESSION_COOKIE_AGE = int(os.environ.get("MAATWERK_SESSIE_MINUTEN", "30")) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Two-factor login (django-otp, TOTP): available to every account; required in production.
TWEESTAPS_VERPLICHT = PRODUCTIE or _aan("MAATWERK_TWEESTAPS")
OTP_TOTP_ISSUER = "Maatwerk"

# API tokens (django-rest-knox): random 64 hex characters, stored as a SHA-512 digest, valid 8 hours.
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=int(os.environ.get("MAATWERK_TOKEN_UREN", "8"))),
    "AUTH_HEADER_PREFIX": "Token",
    "AUTO_REFRESH": False,
}

# Content-Security-Policy (django-csp) on every page: scripts and styles only from our own static files, no
# inline script, no eval, no framing. Letters (HTML a beheerder's template produced) get a stricter policy
# without any script at all (maatwerk.web.beveiliging.BRIEF_CSP).
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],  # Swagger UI draws its icons as data: SVG
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

if PRODUCTIE:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31_536_000  # one year
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_SSL_REDIRECT = _aan("MAATWERK_SSL_REDIRECT", "1")
    if _aan("MAATWERK_PROXY_SSL_HEADER"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    if not SECURE_SSL_REDIRECT:
        SILENCED_SYSTEM_CHECKS = ["security.W008"]  # documented: the proxy in front redirects HTTP to HTTPS

# Largest request body (forms; the API's JSON parser applies the same limit): 1 MB, as for a situation file
# (maatwerk.regels.invoer.MAX_INVOER_BYTES). Larger answers 400 with a Dutch message (issue 7).
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024

# Documents on a zaak (issue 8, point 7; maatwerk.zaken.documenten): at most this many bytes per file (default
# 10 MB). A file's bytes do not count towards DATA_UPLOAD_MAX_MEMORY_SIZE (Django counts only the other fields);
# the upload endpoints stream the file to a temporary file above FILE_UPLOAD_MAX_MEMORY_SIZE, stop keeping it at
# this limit (maatwerk.zaken.upload) and refuse a request body far above it before reading it.
MAATWERK_DOCUMENT_MAX_BYTES = int(os.environ.get("MAATWERK_DOCUMENT_MAX_BYTES", str(10 * 1000 * 1000)))
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # Django's default, stated: larger uploads go to a temporary file

# ------------------------------------------------------------------ loket for residents (issue 9; README "Loket")
# Paths a resident may open (maatwerk.loket.middleware); the staff two-factor step is not asked there: a
# resident logs in with DigiD, whose own level of assurance is the second factor.
LOKET_PADEN = ("/loket/", "/oidc/", "/digid-mock/")
# DigiD norm: a resident's session ends after 15 minutes without activity.
LOKET_SESSIE_SECONDEN = int(os.environ.get("MAATWERK_LOKET_SESSIE_MINUTEN", "15")) * 60
# The bundled mock DigiD broker (maatwerk.digid_mock): on in the demo and the tests, off in production unless
# MAATWERK_DIGID_MOCK=1 says otherwise. Its RS256 key: MAATWERK_DIGID_MOCK_SLEUTEL (PEM) or generated in DATA_DIR.
DIGID_MOCK = _aan("MAATWERK_DIGID_MOCK", "0" if PRODUCTIE else "1")
DIGID_MOCK_SLEUTEL = os.environ.get("MAATWERK_DIGID_MOCK_SLEUTEL", "")


def _oidc(naam: str, mock: str) -> str:
    """A MAATWERK_OIDC_* setting; without it the mock's value when the mock is on (relative paths are resolved
    against the request's host by maatwerk.loket.oidc), else empty (the loket then says login is not set up)."""
    return os.environ.get(f"MAATWERK_OIDC_{naam}", "").strip() or (mock if DIGID_MOCK else "")


def _mock_geheim() -> str:
    import hashlib
    import hmac

    return hmac.new(SECRET_KEY.encode(), b"maatwerk.digid_mock.client_secret", hashlib.sha256).hexdigest()


OIDC_RP_CLIENT_ID = _oidc("CLIENT_ID", "maatwerk-loket")
OIDC_RP_CLIENT_SECRET = _oidc("CLIENT_SECRET", _mock_geheim())
OIDC_OP_AUTHORIZATION_ENDPOINT = _oidc("AUTHORIZATION_ENDPOINT", "/digid-mock/authorize/")
OIDC_OP_TOKEN_ENDPOINT = _oidc("TOKEN_ENDPOINT", "/digid-mock/token/")
OIDC_OP_USER_ENDPOINT = _oidc("USERINFO_ENDPOINT", "/digid-mock/userinfo/")
OIDC_OP_JWKS_ENDPOINT = _oidc("JWKS_ENDPOINT", "/digid-mock/jwks/")
OIDC_RP_SIGN_ALGO = os.environ.get("MAATWERK_OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("MAATWERK_OIDC_SCOPES", "openid")
OIDC_TOKEN_USE_BASIC_AUTH = _aan("MAATWERK_OIDC_BASIC_AUTH")
OIDC_USE_PKCE = _aan("MAATWERK_OIDC_PKCE", "1")
OIDC_TIMEOUT = 10
# RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): logging out of the loket also ends the session at
# the broker. The ID token is kept in the session as the id_token_hint; no end_session endpoint: local logout only.
OIDC_STORE_ID_TOKEN = True
OIDC_OP_LOGOUT_ENDPOINT = _oidc("END_SESSION_ENDPOINT", "/digid-mock/logout/")
OIDC_OP_LOGOUT_URL_METHOD = "maatwerk.loket.oidc.uitlog_url"
OIDC_CALLBACK_CLASS = "maatwerk.loket.oidc.LoketCallbackView"
OIDC_AUTHENTICATE_CLASS = "maatwerk.loket.oidc.LoketAuthenticateView"
LOGIN_REDIRECT_URL_FAILURE = "/loket/inloggen/?mislukt=1"  # read by mozilla-django-oidc only
# Where the broker puts the BSNs (a dotted name reads a nested claim). Machtigen: the authorised person, the
# represented person and the service.
LOKET_OIDC_CLAIM_BSN = os.environ.get("MAATWERK_OIDC_CLAIM_BSN", "bsn")
LOKET_OIDC_CLAIM_GEMACHTIGDE = os.environ.get("MAATWERK_OIDC_CLAIM_GEMACHTIGDE", "gemachtigde.bsn")
LOKET_OIDC_CLAIM_VERTEGENWOORDIGDE = os.environ.get("MAATWERK_OIDC_CLAIM_VERTEGENWOORDIGDE", "aanvrager.bsn")
LOKET_OIDC_CLAIM_DIENST = os.environ.get("MAATWERK_OIDC_CLAIM_DIENST", "service_id")
LOKET_OIDC_INGESTELD = all((OIDC_RP_CLIENT_ID, OIDC_OP_AUTHORIZATION_ENDPOINT, OIDC_OP_TOKEN_ENDPOINT,
                            OIDC_OP_USER_ENDPOINT))

# The municipality whose ordinance the Regelkern applies (see maatwerk.regels.systeem).
MAATWERK_GEMEENTE = os.environ.get("MAATWERK_GEMEENTE", "lansingerland")

REST_FRAMEWORK = {
    # Token first: an unauthenticated request then gets 401 with "WWW-Authenticate: Token".
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "maatwerk.web.beveiliging.TokenAuthentication",  # django-rest-knox: tokens expire and are stored hashed
        # A session counts only after the second factor where one is needed (maatwerk.web.beveiliging).
        "maatwerk.web.beveiliging.TweeStapsSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": ["maatwerk.web.parsers.JSONParser"],  # 1 MB and 20 levels at most (issue 7)
    "DEFAULT_SCHEMA_CLASS": "maatwerk.web.schema.MaatwerkAutoSchema",  # documents the error answers
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "maatwerk.web.fouten.exception_handler",
    "DATE_INPUT_FORMATS": ["iso-8601"],
}

def _nieuw_besluit_soorten():
    """The choices of a new besluit after bezwaar or herziening (never 'buiten behandeling'); loaded lazily."""
    from maatwerk.besluiten.models import Soort

    return [c for c in Soort.choices if c[0] != Soort.BUITEN_BEHANDELING]


SPECTACULAR_SETTINGS = {
    "TITLE": "Maatwerk API",
    "DESCRIPTION": (
        "Zaakbehandeling sociaal domein: inwoners, huishoudens, zaken met hun procedure (Verordening Sociaal "
        "Domein 2018, hoofdstuk 2), onderzoek, bevindingen, berekeningen met de Regelkern en het auditlog. "
        "Toegang volgt doel en rol; elke inzage en wijziging van persoonsgegevens wordt gelogd."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from drf-spectacular-sidecar (our own static files, versioned with the package), not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ZrmScoreEnum": "maatwerk.zaken.models.ZRM_SCORE_KEUZES",
        "StatusEnum": "maatwerk.zaken.models.Status",
        "UitkomstEnum": "maatwerk.zaken.models.Uitkomst",
        "AanvraagViaEnum": "maatwerk.zaken.models.AanvraagVia",
        "SoortAfwijkingEnum": "maatwerk.zaken.models.SoortAfwijking",
        "MaatwerkRolEnum": "maatwerk.toegang.rollen.ROL_KEUZES",
        "HuishoudRolEnum": "maatwerk.personen.models.Rol",
        "InkomenssoortEnum": "maatwerk.personen.models.Inkomenssoort",
        # Named so that the schema generates without warnings (`check --deploy` runs drf-spectacular's check).
        "BesluitSoortEnum": "maatwerk.besluiten.models.Soort",
        "NieuwBesluitSoortEnum": "maatwerk.web.settings._nieuw_besluit_soorten",
        "BesluitVormEnum": "maatwerk.besluiten.models.Vorm",
        "SoortBronEnum": "maatwerk.besluiten.models.SoortBron",
        "BezwaarUitkomstEnum": "maatwerk.besluiten.models.Uitkomst",
        "ToestemmingVormEnum": "maatwerk.toegang.models.Toestemming.Vorm",
        "SoortGrondEnum": "maatwerk.toegang.models.SoortGrond",
        "DocumentsoortEnum": "maatwerk.zaken.documentmodellen.Documentsoort",
        "DocumentBronEnum": "maatwerk.zaken.documentmodellen.Bron",
        "BronEnum": "maatwerk.toegang.models.Toestemming.Bron",  # the name it had before documents also had a `bron`
        "InhoudstypeEnum": "maatwerk.zaken.documentmodellen.Inhoudstype",
        "DomeinEnum": "maatwerk.zaken.regelingen.DOMEIN_KEUZES",  # Wmo, Jeugd, Inkomen
        "ZorgdomeinEnum": "maatwerk.iwmo.models.DOMEIN_KEUZES",  # providers and messages: Wmo and Jeugd only
        # The gedragingen of artikelen 7:18-7:25 (a verlaging's gedraging, gedraging_tevens, vorige_gedraging).
        "GedragingEnum": "maatwerk.besluiten.verlaging_models.GEDRAGING_KEUZES",
    },
}

# django.request: every 500 with its traceback on stderr, also with DEBUG off — Django's
# default sends them only to mail_admins then, so a crash would leave no trace (issue 7).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"tijd": {"format": "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "tijd"}},
    "loggers": {
        "maatwerk": {"handlers": ["console"], "level": "INFO"},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
