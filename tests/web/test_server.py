"""The production server (issue 7, point 4): `maatwerk serve` runs gunicorn, answers a page and a static file,
refuses a database that is not migrated, and after a `kill -9` starts again on the same port at once (the
development server refused that for about a minute: the port was in TIME_WAIT).

Each server is a real subprocess on a free port on 127.0.0.1, with SQLite in a temporary folder (also when
the suite runs on PostgreSQL: the database is not what is tested here). Every process is killed in a finally.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="gunicorn and the test need Linux")

OPSTARTEN = 60  # seconds: Django, migrations on an empty database and the Regelkern, on a busy CI machine


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def omgeving(map_: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "MAATWERK_PRODUCTIE", "MAATWERK_DEBUG")}
    # `serve` is not the demo: it needs a real secret key (a random one per run).
    env.update(MAATWERK_DATA_DIR=str(map_), MAATWERK_SECRET_KEY=secrets.token_urlsafe(64))
    return env


def start(map_: Path, poort: int, *extra: str) -> subprocess.Popen:
    """The server's output goes to a file (a pipe nobody reads would block it once full): `log(proces)`."""
    cmd = [sys.executable, "-m", "maatwerk.cli", "serve", "--port", str(poort), "--workers", "2", *extra]
    uitvoer = open(map_ / f"server-{poort}-{time.monotonic_ns()}.log", "w+b")
    proces = subprocess.Popen(cmd, env=omgeving(map_), stdout=uitvoer, stderr=subprocess.STDOUT, start_new_session=True)
    proces.logbestand = uitvoer
    return proces


def log(proces: subprocess.Popen) -> str:
    proces.logbestand.seek(0)
    return proces.logbestand.read().decode(errors="replace")


def haal(poort: int, pad: str, timeout: float = 5) -> tuple[int, bytes, dict]:
    with urllib.request.urlopen(f"http://127.0.0.1:{poort}{pad}", timeout=timeout) as r:
        return r.status, r.read(), dict(r.headers)


def wacht_tot_hij_antwoordt(proces: subprocess.Popen, poort: int, seconden: float) -> float:
    begin = time.monotonic()
    while time.monotonic() - begin < seconden:
        if proces.poll() is not None:
            pytest.fail(f"de server stopte met status {proces.returncode}:\n{log(proces)}")
        try:
            if haal(poort, "/", timeout=2)[0] == 200:
                return time.monotonic() - begin
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    pytest.fail(f"de server antwoordde niet binnen {seconden} s")


def kinderen(pid: int) -> list[int]:
    pad = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in pad.read_text().split()] if pad.exists() else []


def leeft(pid: int) -> bool:
    try:
        toestand = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return toestand != "Z"  # a zombie holds no socket


def stop(proces: subprocess.Popen | None) -> None:
    if proces is None:
        return
    try:
        os.killpg(proces.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proces.wait(timeout=10)
    proces.logbestand.close()


@pytest.fixture(scope="module")
def gemigreerd(tmp_path_factory):
    """A data folder with a migrated database and collected static files, and a running server on it."""
    map_ = tmp_path_factory.mktemp("server")
    poort = vrije_poort()
    proces = start(map_, poort, "--migreer")
    try:
        wacht_tot_hij_antwoordt(proces, poort, OPSTARTEN)
        yield map_, poort, proces
    finally:
        stop(proces)


def test_serve_answers_a_page_and_a_static_file(gemigreerd):
    _, poort, proces = gemigreerd
    status, inhoud, _ = haal(poort, "/inloggen/?bsn=999993653")
    assert status == 200 and "Inloggen".encode() in inhoud
    status, inhoud, headers = haal(poort, "/static/maatwerk/maatwerk.css")
    assert status == 200 and b"--nl-" in inhoud
    assert headers["Content-Type"].startswith("text/css")
    # gunicorn, not Django's development server: the master has the two workers asked for.
    assert len([p for p in kinderen(proces.pid) if leeft(p)]) == 2
    # The access log has the path, never the query string: it can hold a BSN (the intake searches by GET).
    einde = time.monotonic() + 5
    while "GET /inloggen/ " not in log(proces) and time.monotonic() < einde:
        time.sleep(0.1)
    assert "GET /inloggen/ " in log(proces)
    assert "999993653" not in log(proces)


def test_serve_refuses_a_database_without_migrations(tmp_path):
    proces = start(tmp_path, vrije_poort())
    try:
        proces.wait(timeout=OPSTARTEN)
        uitvoer = log(proces)
    finally:
        stop(proces)
    assert proces.returncode == 1
    assert "maatwerk serve --migreer" in uitvoer
    assert "Traceback" not in uitvoer


def test_restart_on_the_same_port_at_once_after_kill_9(gemigreerd):
    map_, _, _ = gemigreerd
    poort = vrije_poort()
    eerste = tweede = None
    try:
        eerste = start(map_, poort)
        wacht_tot_hij_antwoordt(eerste, poort, OPSTARTEN)
        for _ in range(5):  # connections that the server closes end in TIME_WAIT on its port
            haal(poort, "/")
        workers = kinderen(eerste.pid)
        assert workers

        eerste.send_signal(signal.SIGKILL)  # a crash of the master; its workers are not told
        eerste.wait(timeout=5)
        einde = time.monotonic() + 3
        while any(leeft(w) for w in workers) and time.monotonic() < einde:
            time.sleep(0.05)
        assert not any(leeft(w) for w in workers), "a worker outlived its master and keeps the port"

        tweede = start(map_, poort)  # at once, on the same port
        wacht_tot_hij_antwoordt(tweede, poort, OPSTARTEN)
        assert haal(poort, "/")[0] == 200
    finally:
        stop(eerste)
        stop(tweede)
