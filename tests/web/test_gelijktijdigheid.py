"""Integrity under concurrency and crashes (issue 7), against a real multi-process server.

A gunicorn server (3 workers) runs on 127.0.0.1 on a database of its own: a SQLite file in WAL mode, or, when
DATABASE_URL points at PostgreSQL, a separate database on that server (pytest-django's test database is in
memory or inside a transaction, out of the server's sight). Then:

- 8 parallel requests × several rounds at one zaak (state changes, onderzoek PATCH, creates): no 500, exactly
  one of 8 identical state changes wins and the others get a 409, every acknowledged write is stored and
  complete, and every stored write has its audit line;
- a writer keeps creating inwoners while the server is killed with SIGKILL a few times and restarted: every
  acknowledged inwoner exists with its audit line, and no inwoner exists without one.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .conftest import bsn_met_elfproef

PARALLEL = 8
WORKERS = 3
GUNICORN = Path(sys.executable).with_name("gunicorn")

pytestmark = pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is not installed")

# Run in the server's environment: a consulent and a zaak in melding on a one-person household.
OPZET = """
import datetime as dt, json, django
django.setup()
from django.contrib.auth.models import Group, User
from maatwerk.personen import services as personen
from maatwerk.zaken.services import meld_zaak
wmo = User.objects.create_user("wmo_gelijktijdig", password="{wachtwoord}")
wmo.groups.add(Group.objects.get(name="consulent_wmo"))
inwoner = personen.registreer_inwoner(wmo, bsn="{bsn}", voornamen="Anna", achternaam="Gelijktijdig",
    geboortedatum=dt.date(1950, 1, 1), straat="Dorpsstraat", huisnummer=1, postcode="2651 AB",
    woonplaats="Berkel en Rodenrijs")
hh = personen.maak_huishouden(wmo, naam="Huishouden Gelijktijdig", aanvrager=inwoner)
zaak = meld_zaak(wmo, huishouden=hh, hoofdpersoon=inwoner, regeling="wmo_maatwerkvoorziening",
                 ontvangen_op=dt.date(2026, 1, 5), omschrijving="Hulp gevraagd")
print(json.dumps({{"zaak": zaak.pk, "huishouden": hh.pk, "inwoner": inwoner.pk}}))
"""


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Database:
    """The server's own database, read back with plain SQL (no Django connection in the test process)."""

    def __init__(self, tmp: Path):
        self.url = os.environ.get("DATABASE_URL", "")
        self.env = {**os.environ, "DJANGO_SETTINGS_MODULE": "maatwerk.web.settings", "MAATWERK_DATA_DIR": str(tmp),
                    "MAATWERK_SECRET_KEY": secrets.token_urlsafe(50)}
        if self.url:
            import psycopg

            self.psycopg = psycopg
            self.naam = f"maatwerk_gelijktijdig_{uuid.uuid4().hex[:8]}"
            self.beheer = self.url.rsplit("/", 1)[0] + "/postgres"
            with psycopg.connect(self.beheer, autocommit=True) as c:
                c.execute(f'CREATE DATABASE "{self.naam}"')
            self.env["DATABASE_URL"] = self.url.rsplit("/", 1)[0] + "/" + self.naam
        else:
            self.env.pop("DATABASE_URL", None)
            self.pad = tmp / "maatwerk.sqlite3"

    def sql(self, query: str, *params) -> list[tuple]:
        if self.url:
            with self.psycopg.connect(self.env["DATABASE_URL"]) as c:
                return c.execute(query.replace("?", "%s"), params).fetchall()
        c = sqlite3.connect(self.pad)
        try:
            return c.execute(query, params).fetchall()
        finally:
            c.close()

    def journal_mode(self) -> str:
        return self.sql("PRAGMA journal_mode")[0][0]

    def opruimen(self) -> None:
        if self.url:
            with self.psycopg.connect(self.beheer, autocommit=True) as c:
                c.execute(f'DROP DATABASE IF EXISTS "{self.naam}" WITH (FORCE)')


class Server:
    def __init__(self, db: Database, log: Path):
        self.db, self.log, self.poort, self.proces = db, log, _vrije_poort(), None

    def start(self) -> None:
        self.proces = subprocess.Popen(
            [str(GUNICORN), "maatwerk.web.wsgi:application", "--workers", str(WORKERS), "--bind",
             f"127.0.0.1:{self.poort}", "--timeout", "60", "--graceful-timeout", "2"],
            env=self.db.env, stdout=subprocess.DEVNULL, stderr=self.log.open("a"), start_new_session=True,
        )
        einde = time.monotonic() + 30
        while time.monotonic() < einde:
            try:
                if verzoek(self, "", "GET", "/api/v1/regelingen/")[0] == 401:  # answering, and JSON
                    return
            except OSError:
                pass
            assert self.proces.poll() is None, self.log.read_text()[-3000:]
            time.sleep(0.1)
        raise AssertionError("de server start niet: " + self.log.read_text()[-3000:])

    def doden(self, sig=signal.SIGKILL) -> None:
        """SIGKILL the master and every worker at once (its process group): a crash mid-request."""
        if self.proces and self.proces.poll() is None:
            os.killpg(self.proces.pid, sig)
            self.proces.wait(timeout=10)


def verzoek(server: Server, token: str, methode: str, pad: str, data: dict | None = None, timeout: float = 30):
    req = urllib.request.Request(
        f"http://127.0.0.1:{server.poort}{pad}", method=methode,
        data=json.dumps(data).encode() if data is not None else None,
        headers={"Content-Type": "application/json", "Accept": "application/json",
                 **({"Authorization": f"Token {token}"} if token else {})},
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as fout:
        tekst = fout.read()
        assert fout.headers.get_content_type() == "application/json", tekst[:500]  # never an HTML error page
        return fout.code, json.loads(tekst or b"null")


@contextlib.contextmanager
def draaiende_server(tmp: Path, bsn_nummer: int):
    """A migrated database with one Wmo consulent and his zaak, and gunicorn running on it; yields
    (db, server, gegevens with a token). Shared with the kill -9 test of the documents."""
    db = Database(tmp)
    try:
        subprocess.run([sys.executable, "-m", "django", "migrate", "--no-input", "-v", "0"], env=db.env, check=True,
                       timeout=300)
        wachtwoord = secrets.token_urlsafe(24)
        uit = subprocess.run([sys.executable, "-c", OPZET.format(bsn=bsn_met_elfproef(bsn_nummer), wachtwoord=wachtwoord)],
                             env=db.env, check=True, capture_output=True, text=True, timeout=120)
        gegevens = json.loads(uit.stdout.strip().splitlines()[-1])
        server = Server(db, tmp / "server.log")
        server.start()
        code, body = verzoek(server, "", "POST", "/api/v1/token/", {"username": "wmo_gelijktijdig", "password": wachtwoord})
        assert code == 200, body
        gegevens["token"] = body["token"]
        yield db, server, gegevens
    finally:
        if "server" in locals():
            server.doden(signal.SIGTERM)
        db.opruimen()


@pytest.fixture(scope="module")
def omgeving(tmp_path_factory):
    with draaiende_server(tmp_path_factory.mktemp("gelijktijdig"), 4_242_424) as o:
        yield o


def _parallel(functie, argumenten):
    with ThreadPoolExecutor(PARALLEL) as pool:
        return list(pool.map(functie, argumenten))


def _zonder_serverfout(antwoorden) -> None:
    fouten = [a for a in antwoorden if a[0] >= 500]
    assert not fouten, fouten[:3]


def test_embedded_database_in_wal(omgeving):
    db, _, _ = omgeving
    if db.url:
        pytest.skip("PostgreSQL")
    assert db.journal_mode() == "wal"


def test_parallelle_schrijvers_op_een_zaak(omgeving):
    db, server, g = omgeving
    token, zaak = g["token"], g["zaak"]
    z = f"/api/v1/zaken/{zaak}"

    def stap(naar):
        def uit(i):
            return verzoek(server, token, "POST", f"{z}/overgang/",
                           {"naar": naar, "datum": "2026-01-06", "reden": f"Spoed nodig, verzoek {i} van de ronde"})
        return uit

    # State changes: of 8 identical steps exactly one wins; the others see the new status and get a 409.
    gewonnen = 0
    for naar in ("onderzoek", "spoedvoorziening", "onderzoek", "spoedvoorziening", "onderzoek"):
        antwoorden = _parallel(stap(naar), range(PARALLEL))
        _zonder_serverfout(antwoorden)
        codes = sorted(a[0] for a in antwoorden)
        assert codes == [200] + [409] * (PARALLEL - 1), antwoorden
        assert all(a[1]["code"] == "ongeldige_overgang" for a in antwoorden if a[0] == 409)
        gewonnen += 1
    assert db.sql("SELECT status FROM zaken_zaak WHERE id = ?", zaak) == [("onderzoek",)]
    overgangen = db.sql("SELECT COUNT(*) FROM zaken_statusovergang WHERE zaak_id = ?", zaak)[0][0]
    assert overgangen == 1 + gewonnen  # the melding plus each winner, no lost or doubled step
    audit_status = db.sql("SELECT COUNT(*) FROM toegang_auditregel WHERE zaak_id = ? AND onderwerp = 'status' "
                          "AND toegestaan = ?", zaak, True)[0][0]
    assert audit_status == gewonnen

    # Onderzoek PATCH: every acknowledged text is stored as its own version, numbers without gaps or doubles.
    teksten = [f"Behoefte volgens gesprek {r}-{i}." for r in range(2) for i in range(PARALLEL)]
    antwoorden = _parallel(lambda t: verzoek(server, token, "PATCH", f"{z}/onderzoek/", {"behoefte": t}), teksten)
    _zonder_serverfout(antwoorden)
    assert [a[0] for a in antwoorden] == [200] * len(teksten), antwoorden
    versies = db.sql("SELECT nummer, inhoud FROM zaken_onderzoekversie WHERE zaak_id = ? ORDER BY nummer", zaak)
    assert [v[0] for v in versies] == list(range(1, len(versies) + 1))
    opgeslagen = {(v[1] if isinstance(v[1], dict) else json.loads(v[1]))["behoefte"] for v in versies}
    assert set(teksten) <= opgeslagen
    audit_onderzoek = db.sql("SELECT COUNT(*) FROM toegang_auditregel WHERE zaak_id = ? AND onderwerp = 'onderzoek' "
                             "AND actie = 'change'", zaak)[0][0]
    assert audit_onderzoek == len(teksten)

    # Creates: 8 parallel new zaken on the same household, each stored complete with its audit line.
    def nieuwe_zaak(i):
        return verzoek(server, token, "POST", "/api/v1/zaken/", {
            "huishouden": g["huishouden"], "hoofdpersoon": g["inwoner"], "regeling": "wmo_maatwerkvoorziening",
            "omschrijving": f"Parallelle melding {i}", "ontvangen_op": "2026-01-05"})

    antwoorden = _parallel(nieuwe_zaak, range(PARALLEL * 2))
    _zonder_serverfout(antwoorden)
    assert [a[0] for a in antwoorden] == [201] * (PARALLEL * 2), antwoorden
    for status_code, body in antwoorden:
        rij = db.sql("SELECT omschrijving, status FROM zaken_zaak WHERE id = ?", body["id"])
        assert rij == [(body["omschrijving"], "melding")]
        assert db.sql("SELECT COUNT(*) FROM zaken_statusovergang WHERE zaak_id = ?", body["id"])[0][0] == 1
        assert db.sql("SELECT COUNT(*) FROM toegang_auditregel WHERE zaak_id = ? AND actie = 'create'",
                      body["id"])[0][0] == 1
    _elke_rij_heeft_audit(db)


def _elke_rij_heeft_audit(db: Database) -> None:
    zonder = db.sql("SELECT z.id FROM zaken_zaak z WHERE NOT EXISTS (SELECT 1 FROM toegang_auditregel a "
                    "WHERE a.zaak_id = z.id AND a.actie = 'create' AND a.onderwerp = 'zaak')")
    assert zonder == [], f"zaken zonder auditregel: {zonder}"
    zonder = db.sql("SELECT i.id FROM personen_inwoner i WHERE NOT EXISTS (SELECT 1 FROM toegang_auditregel a "
                    "WHERE a.inwoner_id = i.id AND a.actie = 'create' AND a.onderwerp = 'inwoner')")
    assert zonder == [], f"inwoners zonder auditregel: {zonder}"


def test_kill_9_verliest_geen_bevestigde_schrijfactie(omgeving):
    db, server, g = omgeving
    token = g["token"]
    bevestigd: list[int] = []
    stop = threading.Event()
    serverfouten: list = []

    def schrijver(nummer: int):
        n = 0
        while not stop.is_set():
            n += 1
            gegevens = {"bsn": bsn_met_elfproef(5_000_000 + nummer * 100_000 + n * 13), "voornamen": f"Kill{nummer}",
                        "achternaam": f"Negen{n}", "geboortedatum": "1970-01-01", "straat": "Dorpsstraat",
                        "huisnummer": n, "postcode": "2651 AB", "woonplaats": "Berkel en Rodenrijs"}
            try:
                code, body = verzoek(server, token, "POST", "/api/v1/inwoners/", gegevens, timeout=10)
            except (OSError, http.client.HTTPException):  # killed under this request: not acknowledged
                time.sleep(0.05)
                continue
            except Exception as fout:  # noqa: BLE001 - reported below, a thread must not die silently
                serverfouten.append(repr(fout))
                return
            if code == 201:
                bevestigd.append(body["id"])
            elif code >= 500:
                serverfouten.append((code, body))

    draden = [threading.Thread(target=schrijver, args=(i,)) for i in range(3)]
    for d in draden:
        d.start()
    try:
        for _ in range(3):
            time.sleep(1.0)
            server.doden()  # kill -9, mid-stream
            server.start()
        time.sleep(0.5)
    finally:
        stop.set()
        for d in draden:
            d.join(timeout=30)
    assert not serverfouten, serverfouten[:3]
    assert len(bevestigd) > 10, "the writers hardly got through; the test proves nothing"
    opgeslagen = {r[0] for r in db.sql("SELECT id FROM personen_inwoner")}
    assert set(bevestigd) <= opgeslagen, f"bevestigd maar niet opgeslagen: {set(bevestigd) - opgeslagen}"
    _elke_rij_heeft_audit(db)


def test_terugkoppeling_meldpunt_remt_ook_bij_parallelle_pogingen(omgeving):
    """16 parallel guesses at the code of one kenmerk (issue 11, point 3): never a 500, and at most the limit
    gets an answer; the rest get 429. The counter is in the database, so it holds across the 3 workers."""
    import http.cookiejar
    import re

    from maatwerk.handhaving import remmen

    _, server, _ = omgeving
    basis = f"http://127.0.0.1:{server.poort}/loket/melden/volgen/"
    koekjes = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(koekjes))
    with opener.open(basis, timeout=30) as r:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', r.read().decode()).group(1)
    cookie = "; ".join(f"{c.name}={c.value}" for c in koekjes)

    def raad(i):
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "kenmerk": "HM-2026-00001",
                                       "code": f"ABCDEFGH{i:02d}"}).encode()
        req = urllib.request.Request(basis, data=data, method="POST",
                                     headers={"Cookie": cookie, "Referer": basis})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status
        except urllib.error.HTTPError as fout:
            return fout.code

    codes = _parallel(raad, range(16))
    assert all(c < 500 for c in codes), codes
    assert set(codes) <= {404, 429}, codes
    assert codes.count(404) <= remmen.MAX_PER_KENMERK and codes.count(429) >= 16 - remmen.MAX_PER_KENMERK
