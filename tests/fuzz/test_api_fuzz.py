"""Schemathesis over the whole API (issue 7, "Fuzzing in CI"): every operation of /api/v1/schema/, with the
token of a real user, against real objects (see wereld.py). Asserts no 5xx and nothing outside the documented
schema: the status code is documented, and content type and body are as documented.

Three runs, bounded so that together they stay around two minutes per database on 2 cores:
- as the consulent Wmo who owns the objects: schemathesis' coverage phase (boundary values, missing and
  wrongly typed fields, wrong methods and media types, for every parameter) and then
  `MAATWERK_FUZZ_VOORBEELDEN` (default 10) generated cases per operation, valid and invalid;
- as the beheerder (audit log, letter templates; no case files): only the generated cases;
- as the consulent Inkomen, only the verlaging operations (issue 11), on his zaak of running algemene bijstand
  with a recorded verlaging: coverage phase and generated cases, as the first run.
A fixed seed and derandomised generation make a failure reproducible; no shrinking and no example database
(nothing is written to disk)."""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core import signals
from django.db import close_old_connections, transaction
from django.test import Client
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from .wereld import Wereld, maak_wereld

VOORBEELDEN = int(os.environ.get("MAATWERK_FUZZ_VOORBEELDEN", "10"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def _config(coverage: bool) -> schemathesis.Config:
    return schemathesis.Config.from_dict({
        "seed": 20260701,
        "generation": {"mode": "all", "max-examples": VOORBEELDEN, "deterministic": True, "no-shrink": True,
                       "database": "none"},
        "phases": {"coverage": {"enabled": coverage}, "stateful": {"enabled": False}},
    })


# The world of the running test; the generation hooks below read it (they are registered once per schema).
HUIDIG: dict[str, Wereld] = {}

# Which kind of object a path parameter names, by the collection it follows.
SOORT_VAN_PAD = {"zaken": "zaak", "besluiten": "besluit", "bezwaren": "bezwaar", "inwoners": "inwoner",
                 "huishoudens": "huishouden", "toestemmingen": "toestemming", "documenten": "document",
                 "plannen": "plan"}
SOORT_VAN_VELD = {"zaak": "zaak", "besluit": "besluit", "inwoner": "inwoner", "huishouden": "huishouden",
                  "hoofdpersoon": "inwoner", "aanvrager": "inwoner", "plan": "plan"}


def _kandidaten(pad: str, naam: str) -> list:
    wereld = HUIDIG.get("wereld")
    if wereld is None:
        return []
    delen = pad.strip("/").split("/")
    if naam == "code":
        return wereld.codes
    if naam == "overweging":
        return wereld.ids["overweging"]
    if naam == "lid_id":
        return wereld.ids["lid"]
    if naam == "record_id":
        return wereld.ids["inkomen" if "inkomens" in delen else "vermogen"]
    if naam == "verlaging":
        return wereld.ids["verlaging"]
    if naam == "id" and "verlagingen" in delen:  # the zaak of the verlaging, and one of another domain
        return wereld.ids["bijstand"] + wereld.ids["zaak"][:1]
    if naam == "id":
        soort = SOORT_VAN_PAD.get(delen[delen.index("{id}") - 1])
        return wereld.ids.get(soort, [])
    return []


def _met_bekende_ids(waarden: dict, kandidaten) -> st.SearchStrategy:
    """Keep each generated value or swap in the id of a real object, so operations reach real objects too."""
    if not isinstance(waarden, dict):
        return st.just(waarden)
    keuzes = {}
    for naam, waarde in waarden.items():
        ids = kandidaten(naam)
        keuzes[naam] = st.sampled_from([waarde, *ids]) if ids else st.just(waarde)
    return st.fixed_dictionaries(keuzes)


def _id_velden(context, waarden):
    wereld = HUIDIG.get("wereld")
    return _met_bekende_ids(waarden, lambda naam: wereld.ids.get(SOORT_VAN_VELD.get(naam), []) if wereld else [])


def _path_parameters(context, path_parameters):
    return _met_bekende_ids(path_parameters, lambda naam: _kandidaten(context.operation.path, naam))


def _schema(openapi: dict, coverage: bool, alleen: str | None = None):
    schema = schemathesis.openapi.from_dict(openapi, config=_config(coverage))
    if alleen:
        schema = schema.include(path_regex=alleen)
    schema.app = WSGIHandler()
    schema.hook("flatmap_path_parameters")(_path_parameters)
    schema.hook("flatmap_query")(_id_velden)
    schema.hook("flatmap_body")(_id_velden)
    return schema


# The schema exactly as the API serves it (generated without touching the database).
OPENAPI = Client().get("/api/v1/schema/", {"format": "json"}).json()
grondig = _schema(OPENAPI, coverage=True)
snel = _schema(OPENAPI, coverage=False)
# The verlaging (issue 11) once more as the consulent Inkomen who may record it, on his zaak of running bijstand.
verlaging = _schema(OPENAPI, coverage=True, alleen=r"/verlagingen/")


@pytest.fixture(scope="module")
def wereld(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction that is rolled back at the end; every operation's test
    runs in its own savepoint (pytest-django's `db`), so each starts from the same objects."""
    with django_db_blocker.unblock(), transaction.atomic():
        HUIDIG["wereld"] = maak_wereld()
        yield HUIDIG["wereld"]
        HUIDIG.clear()
        transaction.set_rollback(True)


@pytest.fixture
def als(wereld, db):
    """The Authorization header of a role; each operation's test runs in its own savepoint (`db`)."""
    # The WSGI handler closes the database connection after a request made inside a transaction (as here);
    # Django's test client switches that off in the same way for its own requests.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield lambda rol: wereld.headers[rol]
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@grondig.parametrize()
@settings(suppress_health_check=list(HealthCheck), deadline=None)
def test_api_als_consulent(case, als):
    case.call_and_validate(headers=als("consulent_wmo"), checks=CHECKS)


@snel.parametrize()
@settings(suppress_health_check=list(HealthCheck), deadline=None)
def test_api_als_beheerder(case, als):
    case.call_and_validate(headers=als("beheerder"), checks=CHECKS)


@verlaging.parametrize()
@settings(suppress_health_check=list(HealthCheck), deadline=None)
def test_verlaging_api_als_consulent_inkomen(case, als):
    case.call_and_validate(headers=als("consulent_inkomen"), checks=CHECKS)
