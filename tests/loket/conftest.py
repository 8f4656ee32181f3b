"""Fixtures of the loket tests: Django set up as in tests/web, plus the OIDC code flow through the test client.

mozilla-django-oidc calls the broker's token, userinfo and JWKS endpoints with `requests`. In these tests the
broker is the bundled mock DigiD on the same Django application, so those server-to-server calls are routed
into the Django test client (no network, no live server): the full authorization code flow runs for real.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qs, urlsplit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")

import django  # noqa: E402

django.setup()

import pytest  # noqa: E402
from django.test import Client  # noqa: E402

BSN_INWONER = "999990019"  # demo person Pedro Verhoef (case 1), valid elfproef
BSN_PARTNER = "999990032"  # Rosa Verhoef


class _Antwoord:
    """Enough of requests.Response for mozilla-django-oidc."""

    def __init__(self, django_antwoord, url):
        self.status_code = django_antwoord.status_code
        self.text = django_antwoord.content.decode()
        self.headers = {"content-type": django_antwoord.get("Content-Type", "")}
        self.url = url
        self._json = django_antwoord.json() if "json" in self.headers["content-type"] else None

    def json(self):
        return self._json

    def raise_for_status(self):
        if self.status_code >= 400:
            import requests

            raise requests.HTTPError(f"{self.status_code} {self.text}")


@pytest.fixture
def broker(monkeypatch):
    """Route the OIDC client's server-to-server calls into a separate test client (the broker's side)."""
    import mozilla_django_oidc.auth as oidc_auth

    server = Client()
    aanroepen = []

    def post(url, data=None, auth=None, **kwargs):
        aanroepen.append(("POST", urlsplit(url).path))
        extra = {}
        if auth is not None:
            import base64

            extra["HTTP_AUTHORIZATION"] = "Basic " + base64.b64encode(f"{auth.username}:{auth.password}".encode()).decode()
        return _Antwoord(server.post(urlsplit(url).path, data=data, **extra), url)

    def get(url, headers=None, **kwargs):
        aanroepen.append(("GET", urlsplit(url).path))
        extra = {"HTTP_AUTHORIZATION": headers["Authorization"]} if headers and "Authorization" in headers else {}
        return _Antwoord(server.get(urlsplit(url).path, **extra), url)

    monkeypatch.setattr(oidc_auth.requests, "post", post)
    monkeypatch.setattr(oidc_auth.requests, "get", get)
    return aanroepen


@pytest.fixture
def digid_login(db, broker):
    """Log a test client in through the whole OIDC code flow against the mock DigiD; returns the client."""

    def inloggen(client: Client, bsn: str = BSN_INWONER, *, namens: str | None = None, dienst: str = "sociaal-domein",
                 volgende: str = "/loket/mijn/"):
        start = client.get("/oidc/authenticate/", {"next": volgende})
        assert start.status_code == 302, start
        naar_broker = urlsplit(start["Location"])
        assert naar_broker.path == "/digid-mock/authorize/"
        params = {k: v[0] for k, v in parse_qs(naar_broker.query).items()}
        pagina = client.get("/digid-mock/authorize/", params)
        assert pagina.status_code == 200
        formulier = {**params, "bsn": bsn}
        if namens:
            formulier.update(machtigen="on", namens_bsn=namens, dienst=dienst)
        terug = client.post("/digid-mock/authorize/", formulier)
        assert terug.status_code == 302, terug.content.decode()[:2000]
        terugkeer = urlsplit(terug["Location"])
        assert terugkeer.path == "/oidc/callback/"
        klaar = client.get(terugkeer.path + "?" + terugkeer.query)
        return klaar

    return inloggen
