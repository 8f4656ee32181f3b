"""Schemathesis over the whole API (issue 7, "Fuzzing in CI"): every operation of /api/v1/schema/, with a
token of a real user, against real objects. Asserts no 5xx and no answer outside the documented schema
(status code documented, content type and body as documented).

Bounded so that it stays within CI's limit on 2 cores: FUZZ_MAX_EXAMPLES generated cases per operation
(default 12, environment variable `MAATWERK_FUZZ_VOORBEELDEN`), a fixed seed and derandomised generation so
that a failure is reproducible, no shrinking and no example database (no files written)."""

from __future__ import annotations

import os

import pytest
from django.db import transaction
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from .wereld import ROLLEN, Wereld, maak_wereld

VOORBEELDEN = int(os.environ.get("MAATWERK_FUZZ_VOORBEELDEN", "12"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
CONFIG = schemathesis.Config.from_dict({
    "seed": 20260701,
    "generation": {"mode": "all", "max-examples": VOORBEELDEN, "deterministic": True, "no-shrink": True,
                   "database": "none"},
    "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
})

# The world of the running test; the generation hooks below read it (they are registered once per schema).
HUIDIG: dict[str, Wereld] = {}

# Which kind of object a path parameter names, by the collection it follows.
SOORT_VAN_PAD = {"zaken": "zaak", "besluiten": "besluit", "bezwaren": "bezwaar", "inwoners": "inwoner",
                 "huishoudens": "huishouden", "toestemmingen": "toestemming"}
SOORT_VAN_VELD = {"zaak": "zaak", "besluit": "besluit", "inwoner": "inwoner", "huishouden": "huishouden",
                  "hoofdpersoon": "inwoner", "aanvrager": "inwoner"}


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


schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", WSGIHandler(), config=CONFIG)


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    return _met_bekende_ids(path_parameters, lambda naam: _kandidaten(context.operation.path, naam))


def _id_velden(context, waarden):
    wereld = HUIDIG.get("wereld")
    return _met_bekende_ids(waarden, lambda naam: wereld.ids.get(SOORT_VAN_VELD.get(naam), []) if wereld else [])


schema.hook("flatmap_query")(_id_velden)
schema.hook("flatmap_body")(_id_velden)


@pytest.fixture(scope="module")
def wereld(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction that is rolled back at the end; every operation's test
    runs in its own savepoint (pytest-django's `db`), so each starts from the same objects."""
    with django_db_blocker.unblock(), transaction.atomic():
        HUIDIG["wereld"] = maak_wereld()
        yield HUIDIG["wereld"]
        HUIDIG.clear()
        transaction.set_rollback(True)


@pytest.fixture(params=ROLLEN)
def token(request, wereld, db):
    return wereld.headers[request.param]


@schema.parametrize()
@settings(suppress_health_check=list(HealthCheck), deadline=None)
def test_api(case, token):
    case.call_and_validate(headers=token, checks=CHECKS)
