"""Django settings of Maatwerk.

Embedded default: SQLite in `<repo>/var/maatwerk.sqlite3` (folder from env `MAATWERK_DATA_DIR`).
Production: PostgreSQL via env `DATABASE_URL` (postgresql://user:pass@host:5432/name).
Other environment variables: `MAATWERK_SECRET_KEY`, `MAATWERK_DEBUG` (1/0), `MAATWERK_ALLOWED_HOSTS`
(comma-separated), `MAATWERK_GEMEENTE` (the municipality whose rules the Regelkern applies).
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # src/maatwerk
BASE_DIR = PACKAGE_DIR.parent.parent  # repository root
DATA_DIR = Path(os.environ.get("MAATWERK_DATA_DIR") or BASE_DIR / "var")

DEBUG = os.environ.get("MAATWERK_DEBUG", "0") == "1"
# The development key only works with DEBUG on; a deployment must set MAATWERK_SECRET_KEY.
SECRET_KEY = os.environ.get("MAATWERK_SECRET_KEY") or "maatwerk-ontwikkelsleutel-niet-voor-productie"
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
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_htmx",
    "maatwerk.personen",
    "maatwerk.zaken",
    "maatwerk.toegang",
    "maatwerk.besluiten",
    "maatwerk.web",  # web UI: base templates (base.html, 403/404, login) and static files (CSS, vendored htmx)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # web UI: serves STATIC_ROOT (maatwerk demo runs collectstatic)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
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


def _database() -> dict:
    url = os.environ.get("DATABASE_URL")
    if url:
        return dj_database_url.parse(url, conn_max_age=60)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(DATA_DIR / "maatwerk.sqlite3")}


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
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

# Largest request body (forms; the API's JSON parser applies the same limit): 1 MB, as for a situation file
# (maatwerk.regels.invoer.MAX_INVOER_BYTES). Larger answers 400 with a Dutch message (issue 7).
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024

# The municipality whose ordinance the Regelkern applies (see maatwerk.regels.systeem).
MAATWERK_GEMEENTE = os.environ.get("MAATWERK_GEMEENTE", "lansingerland")

REST_FRAMEWORK = {
    # Token first: an unauthenticated request then gets 401 with "WWW-Authenticate: Token".
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": ["maatwerk.web.parsers.JSONParser"],  # 1 MB and 20 levels at most (issue 7)
    "DEFAULT_SCHEMA_CLASS": "maatwerk.web.schema.MaatwerkAutoSchema",  # documents the 4xx answers
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "maatwerk.web.fouten.exception_handler",
    "DATE_INPUT_FORMATS": ["iso-8601"],
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Maatwerk API",
    "DESCRIPTION": (
        "Zaakbehandeling sociaal domein: inwoners, huishoudens, zaken met hun procedure (Verordening Sociaal "
        "Domein 2018, hoofdstuk 2), onderzoek, bevindingen, berekeningen met de Regelkern en het auditlog. "
        "Toegang volgt doel en rol; elke inzage en wijziging van persoonsgegevens wordt gelogd."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
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
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"maatwerk": {"handlers": ["console"], "level": "INFO"}},
}
