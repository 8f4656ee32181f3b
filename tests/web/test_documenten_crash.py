"""Documents survive a crash (issue 8, point 7: "never lost once acknowledged"), against a real gunicorn server.

Three writers upload documents (distinct PDFs of 20-200 kB, and now and then the same content again) while the
server is killed with SIGKILL (master and workers at once, mid-request) a few times and restarted. Afterwards,
read back with plain SQL from the server's own database (SQLite file in WAL, or PostgreSQL with DATABASE_URL):
- every acknowledged upload (201) is stored, with exactly the bytes that were sent (SHA-256 and length match);
- no half state: every stored content is complete and referred to by a document, every document has its
  content and its audit line;
- the same content is stored once however often it was uploaded.
The server, database and helpers are those of test_gelijktijdigheid.py.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import secrets
import threading
import time
import urllib.error
import urllib.request
import uuid

import pytest

from .test_gelijktijdigheid import GUNICORN, Server, draaiende_server

pytestmark = pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is not installed")

GEDEELD = b"%PDF-1.4\n% dezelfde offerte, vaker gestuurd\n" + b"x" * 30_000 + b"\n%%EOF\n"


def _pdf(nummer: int, n: int) -> bytes:
    if n % 5 == 0:
        return GEDEELD
    grootte = 20_000 + (nummer * 7919 + n * 104_729) % 180_000
    return b"%PDF-1.4\n" + secrets.token_bytes(grootte) + b"\n%%EOF\n"


def _upload(server: Server, token: str, zaak: int, inhoud: bytes, naam: str, timeout: float = 10):
    grens = uuid.uuid4().hex
    body = b"".join([
        f"--{grens}\r\nContent-Disposition: form-data; name=\"soort\"\r\n\r\nbankafschrift\r\n".encode(),
        f"--{grens}\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"{naam}\"\r\n"
        "Content-Type: application/pdf\r\n\r\n".encode(), inhoud, f"\r\n--{grens}--\r\n".encode(),
    ])
    req = urllib.request.Request(
        f"http://127.0.0.1:{server.poort}/api/v1/zaken/{zaak}/documenten/", method="POST", data=body,
        headers={"Content-Type": f"multipart/form-data; boundary={grens}", "Accept": "application/json",
                 "Authorization": f"Token {token}"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as fout:
        return fout.code, fout.read()[:500]


@pytest.fixture(scope="module")
def omgeving(tmp_path_factory):
    with draaiende_server(tmp_path_factory.mktemp("documenten_crash"), 4_343_434) as o:
        yield o


def _blob(waarde) -> bytes:
    return bytes(waarde) if not isinstance(waarde, bytes) else waarde


def test_kill_9_verliest_geen_bevestigd_document(omgeving):
    db, server, g = omgeving
    bevestigd: list[tuple[int, str, int]] = []  # (document id, sha256 sent, length sent)
    fouten: list = []
    stop = threading.Event()

    def schrijver(nummer: int):
        n = 0
        while not stop.is_set():
            n += 1
            inhoud = _pdf(nummer, n)
            try:
                code, body = _upload(server, g["token"], g["zaak"], inhoud, f"afschrift-{nummer}-{n}.pdf")
            except (OSError, http.client.HTTPException):  # killed under this request: not acknowledged
                time.sleep(0.05)
                continue
            except Exception as fout:  # noqa: BLE001 - reported below, a thread must not die silently
                fouten.append(repr(fout))
                return
            if code == 201:
                bevestigd.append((body["id"], hashlib.sha256(inhoud).hexdigest(), len(inhoud)))
                if body["sha256"] != bevestigd[-1][1]:
                    fouten.append(("verkeerde sha256 in het antwoord", body))
            elif code >= 500 and code != 503:  # 503: database busy, nothing stored, documented "try again"
                fouten.append((code, body))

    draden = [threading.Thread(target=schrijver, args=(i,)) for i in range(3)]
    for d in draden:
        d.start()
    try:
        for _ in range(3):
            time.sleep(1.5)
            server.doden()  # kill -9, mid-upload
            server.start()
        time.sleep(1.0)
    finally:
        stop.set()
        for d in draden:
            d.join(timeout=30)
    assert not fouten, fouten[:3]
    assert len(bevestigd) > 10, "the writers hardly got through; the test proves nothing"

    documenten = {r[0]: (r[1], r[2]) for r in db.sql("SELECT id, sha256, grootte FROM zaken_document")}
    for pk, sha, lengte in bevestigd:
        assert documenten.get(pk) == (sha, lengte), f"bevestigd document {pk} ontbreekt of is anders"
    # Every stored content is complete (its bytes hash to its key) and belongs to a document: no half writes.
    inhouden = db.sql("SELECT sha256, inhoud, grootte FROM zaken_documentinhoud")
    for sha, inhoud, grootte in inhouden:
        data = _blob(inhoud)
        assert hashlib.sha256(data).hexdigest() == sha and len(data) == grootte
    assert {sha for sha, _, _ in inhouden} == {sha for sha, _ in documenten.values()}
    # Same content, stored once (the shared PDF was acknowledged several times).
    gedeeld = hashlib.sha256(GEDEELD).hexdigest()
    assert sum(1 for _, sha, _ in bevestigd if sha == gedeeld) >= 2
    assert db.sql("SELECT COUNT(*) FROM zaken_documentinhoud WHERE sha256 = ?", gedeeld)[0][0] == 1
    # Every document has its audit line (written in the same transaction).
    zonder = db.sql("SELECT d.id FROM zaken_document d WHERE NOT EXISTS (SELECT 1 FROM toegang_auditregel a WHERE "
                    "a.zaak_id = d.zaak_id AND a.actie = 'create' AND a.onderwerp = 'document' AND "
                    "a.toelichting LIKE 'toegevoegd: document ' || d.id || ?)", ",%")  # '%' as a parameter: psycopg
    assert zonder == [], f"documenten zonder auditregel: {zonder}"
    if not db.url:
        assert db.journal_mode() == "wal"
