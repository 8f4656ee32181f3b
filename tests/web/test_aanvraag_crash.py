"""Online aanvragen survive a crash (issue 9, point 3: "never lost"), against a real gunicorn server.

Three residents, each logged in (a DigiD session made in the server's database), keep submitting an aanvraag
bijzondere bijstand with two uploads (a PDF and a PNG of 20-150 kB) while the server is killed with SIGKILL
(master and workers at once, mid-request) a few times and restarted. A submission whose connection broke is sent
again with the same form token, as a resident pressing "versturen" again would. Afterwards, read back with plain
SQL from the server's own database (SQLite in WAL, or PostgreSQL with DATABASE_URL):
- every submission whose receipt came back (a redirect to its ontvangstbewijs) has exactly one zaak, with both
  documents, byte for byte (SHA-256 and length);
- no half submissions: every online zaak has its Indiening, exactly its two documents with complete content,
  and its audit lines; no content without a document;
- a form token sent again after a crash never made a second zaak.
The server and database helpers are those of test_gelijktijdigheid.py.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import re
import secrets
import subprocess
import sys
import threading
import time
import uuid

import pytest

from .conftest import bsn_met_elfproef
from .test_gelijktijdigheid import GUNICORN, Server, draaiende_server

pytestmark = pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is not installed")

BEWONERS = 3

# Run in the server's environment: residents known in personen, each with a logged-in loket session.
OPZET = """
import datetime as dt, json, django
django.setup()
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from maatwerk.loket.models import InwonerAccount
from maatwerk.personen import services as personen
medewerker = User.objects.get(username="wmo_gelijktijdig")
sessies = []
for n, bsn in enumerate({bsns}):
    personen.registreer_inwoner(medewerker, bsn=bsn, voornamen=f"Bewoner{{n}}", achternaam="Crash",
        geboortedatum=dt.date(1970, 1, 1), straat="Dorpsstraat", huisnummer=10 + n, postcode="2651 AB",
        woonplaats="Berkel en Rodenrijs")
    gebruiker = User.objects.create(username=f"inwoner-crash-{{n}}")
    gebruiker.set_unusable_password(); gebruiker.save()
    InwonerAccount.objects.create(gebruiker=gebruiker, bsn=bsn)
    c = Client()
    c.force_login(gebruiker, backend="maatwerk.loket.oidc.InwonerOIDCBackend")
    s = SessionStore(session_key=c.cookies["sessionid"].value)
    s["loket"] = {{"bsn": bsn, "namens_bsn": None, "dienst": ""}}
    s.set_expiry(3600)
    s.save()
    sessies.append(s.session_key)
print(json.dumps(sessies))
"""


def _pdf(n: int) -> bytes:
    return b"%PDF-1.4\n" + secrets.token_bytes(20_000 + (n * 7919) % 130_000) + b"\n%%EOF\n"


def _png(n: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + secrets.token_bytes(20_000 + (n * 104_729) % 130_000)


class Bewoner:
    def __init__(self, server: Server, sessie: str):
        self.server, self.cookies = server, {"sessionid": sessie}

    def _verzoek(self, methode: str, pad: str, body: bytes | None = None, headers: dict | None = None):
        c = http.client.HTTPConnection("127.0.0.1", self.server.poort, timeout=20)
        try:
            cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            c.request(methode, pad, body=body, headers={"Cookie": cookie, **(headers or {})})
            r = c.getresponse()
            inhoud = r.read()
            for kop, waarde in r.getheaders():
                if kop.lower() == "set-cookie":
                    naam, _, rest = waarde.partition("=")
                    self.cookies[naam.strip()] = rest.split(";", 1)[0]
            return r.status, r.getheader("Location", ""), inhoud
        finally:
            c.close()

    def formulier(self) -> tuple[str, str]:
        code, _, html = self._verzoek("GET", "/loket/aanvragen/bijzondere_bijstand/")
        assert code == 200, html[:500]
        tekst = html.decode()
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', tekst).group(1)
        return csrf, re.search(r'name="formuliersleutel" value="([0-9a-f-]+)"', tekst).group(1)

    def dien_in(self, csrf: str, sleutel: str, bestanden: list[tuple[str, bytes]]):
        grens = uuid.uuid4().hex
        velden = {"csrfmiddlewaretoken": csrf, "formuliersleutel": sleutel, "vraag": "Een nieuwe koelkast",
                  "kosten": "400,00", "bedrag": "400,00"}
        delen = [f"--{grens}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n".encode()
                 for k, v in velden.items()]
        for naam, inhoud in bestanden:
            delen.append(f"--{grens}\r\nContent-Disposition: form-data; name=\"bestanden\"; filename=\"{naam}\"\r\n"
                         "Content-Type: application/octet-stream\r\n\r\n".encode() + inhoud + b"\r\n")
        delen.append(f"--{grens}--\r\n".encode())
        return self._verzoek("POST", "/loket/aanvragen/bijzondere_bijstand/", b"".join(delen), {
            "Content-Type": f"multipart/form-data; boundary={grens}",
            "Referer": f"http://127.0.0.1:{self.server.poort}/loket/aanvragen/bijzondere_bijstand/"})


@pytest.fixture(scope="module")
def omgeving(tmp_path_factory):
    with draaiende_server(tmp_path_factory.mktemp("aanvraag_crash"), 4_545_454) as (db, server, g):
        bsns = [bsn_met_elfproef(4_646_460 + i * 13) for i in range(BEWONERS)]
        uit = subprocess.run([sys.executable, "-c", OPZET.format(bsns=json.dumps(bsns))], env=db.env, check=True,
                             capture_output=True, text=True, timeout=120)
        g["sessies"] = json.loads(uit.stdout.strip().splitlines()[-1])
        yield db, server, g


def _blob(waarde) -> bytes:
    return bytes(waarde) if not isinstance(waarde, bytes) else waarde


def test_kill_9_verliest_geen_bevestigde_aanvraag(omgeving):
    db, server, g = omgeving
    bevestigd: dict[str, tuple[str, list[tuple[str, int]]]] = {}  # form token -> (receipt, [(sha256, length)])
    geprobeerd: set[str] = set()
    fouten: list = []
    stop = threading.Event()

    def bewoner(nummer: int):
        b = Bewoner(server, g["sessies"][nummer])
        n = 0
        while not stop.is_set():
            n += 1
            bestanden = [(f"offerte-{nummer}-{n}.pdf", _pdf(nummer * 1000 + n)), (f"foto-{nummer}-{n}.png", _png(n))]
            try:
                csrf, sleutel = b.formulier()
            except (OSError, http.client.HTTPException):
                time.sleep(0.05)
                continue
            geprobeerd.add(sleutel)
            # Send until an answer comes back; after a crash the same form token again (the resident retries).
            while True:
                try:
                    code, locatie, body = b.dien_in(csrf, sleutel, bestanden)
                    break
                except (OSError, http.client.HTTPException):
                    if stop.is_set():
                        return
                    time.sleep(0.1)
                except Exception as fout:  # noqa: BLE001 - reported below, a thread must not die silently
                    fouten.append(repr(fout))
                    return
            if code == 302 and "/loket/aanvragen/ontvangen/" in locatie:
                bevestigd[sleutel] = (locatie, [(hashlib.sha256(i).hexdigest(), len(i)) for _, i in bestanden])
            elif code >= 500 and code != 503:
                fouten.append((code, body[:300]))

    draden = [threading.Thread(target=bewoner, args=(i,)) for i in range(BEWONERS)]
    for d in draden:
        d.start()
    try:
        for _ in range(3):
            time.sleep(2.0)
            server.doden()  # kill -9, mid-upload or mid-submission
            server.start()
        time.sleep(1.5)
    finally:
        stop.set()
        for d in draden:
            d.join(timeout=60)
    assert not fouten, fouten[:3]
    assert len(bevestigd) >= 5, "the residents hardly got through; the test proves nothing"

    indieningen = {str(uuid.UUID(str(s))): z for s, z in db.sql("SELECT formuliersleutel, zaak_id FROM loket_indiening")}
    documenten: dict[int, list[tuple[str, int]]] = {}
    for zaak, sha, grootte, bron in db.sql("SELECT zaak_id, sha256, grootte, bron FROM zaken_document"):
        assert bron == "inwoner"
        documenten.setdefault(zaak, []).append((sha, grootte))
    # Every acknowledged submission: one zaak with exactly the two files that were sent.
    for sleutel, (locatie, gestuurd) in bevestigd.items():
        assert locatie.endswith(f"/{sleutel}/")
        zaak = indieningen.get(sleutel)
        assert zaak is not None, f"bevestigde aanvraag {sleutel} ontbreekt"
        assert sorted(documenten.get(zaak, [])) == sorted(gestuurd), f"zaak {zaak}: documenten kloppen niet"
    # No half submissions: every online zaak has its Indiening and its two documents; only tokens that were sent.
    online = {z for (z,) in db.sql("SELECT id FROM zaken_zaak WHERE aanvraag_via = 'online'")}
    assert online == set(indieningen.values())
    assert set(indieningen) <= geprobeerd
    assert all(len(documenten.get(z, [])) == 2 for z in online), "een zaak zonder al haar documenten"
    assert set(documenten) <= online, "documenten zonder online zaak"
    # Every stored content is complete and referred to by a document.
    inhouden = db.sql("SELECT sha256, inhoud, grootte FROM zaken_documentinhoud")
    for sha, inhoud, grootte in inhouden:
        data = _blob(inhoud)
        assert hashlib.sha256(data).hexdigest() == sha and len(data) == grootte
    assert {sha for sha, _, _ in inhouden} == {sha for docs in documenten.values() for sha, _ in docs}
    # Each zaak has its audit lines: one for the zaak and one per document, written in the same transaction.
    regels = db.sql("SELECT zaak_id, onderwerp FROM toegang_auditregel WHERE actie = 'create' AND zaak_id IS NOT NULL")
    for zaak in online:
        assert sorted(o for z, o in regels if z == zaak) == ["document", "document", "zaak"], zaak
    if not db.url:
        assert db.journal_mode() == "wal"
