"""Load benchmark of the served application (issue 7, point 4). A script, not a test.

    .venv/bin/python bench/bench_server.py [--rps 50] [--duur 60] [--doelen pagina,api,berekening]
                                           [--workers N] [--url http://127.0.0.1:8000]

Starts `maatwerk demo` (gunicorn, demo data loaded) on a temporary data directory and a free port, unless
--url points at a running server with the demo accounts. Logs in as consulent_inkomen (a session for the
page, a token from /api/v1/token/ for the API) and picks the demo's bijzondere-bijstand zaken in beoordeling
(page and API) and in aanvraag (calculations).
Then it drives a fixed rate of --rps requests per second in total for --duur seconds, spread evenly over the
targets:

    pagina      GET  /zaken/<id>/                         the zaak page
    api         GET  /api/v1/zaken/<id>/                  the zaak in the API (token)
    berekening  POST /api/v1/zaken/<id2>/berekeningen/    a calculation by the Regelkern, stored with uitleg

Open loop: request i is sent at start + i/rps whatever the earlier answers did, and its latency is measured
from that planned moment, so a slow server cannot hide its queue by slowing the client down. Prints per
target: count, errors (status other than 200/201, or no answer within 10 s), p50/p95/p99 in ms.
Goal (issue 7): 0 errors, p95 <= 100 ms for the zaak page and the API on 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

GEBRUIKER, WACHTWOORD = "consulent_inkomen", "maatwerk-demo"
TIMEOUT = 10.0
DOELEN = ("pagina", "api", "berekening")


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_demo(poort: int, workers: int | None, map_: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "maatwerk.cli", "demo", "--port", str(poort)]
    if workers:
        cmd += ["--workers", str(workers)]
    env = {**os.environ, "MAATWERK_DATA_DIR": map_}
    log = open(Path(map_) / "server.log", "wb")
    return subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def wacht_op(url: str, proces: subprocess.Popen | None, seconden: float = 180) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if proces is not None and proces.poll() is not None:
            raise SystemExit(f"De server stopte met status {proces.returncode} voordat hij antwoordde.")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"De server op {url} antwoordde niet binnen {seconden:.0f} s.")


def stop(proces: subprocess.Popen) -> None:
    try:
        os.killpg(proces.pid, signal.SIGTERM)
        proces.wait(timeout=15)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(proces.pid, signal.SIGKILL)
        proces.wait()


def inloggen(basis: str) -> tuple[httpx.Cookies, str, int, int]:
    """A session (cookies) for the page, a token for the API, the zaak to show and the zaak to calculate."""
    with httpx.Client(base_url=basis, timeout=TIMEOUT) as c:
        c.get("/inloggen/")
        csrf = c.cookies.get("csrftoken")
        r = c.post("/inloggen/", data={"username": GEBRUIKER, "password": WACHTWOORD, "csrfmiddlewaretoken": csrf},
                   headers={"Referer": basis + "/inloggen/"})
        if "sessionid" not in c.cookies:
            raise SystemExit(f"Inloggen als {GEBRUIKER} mislukte (status {r.status_code}).")
        sessie = httpx.Cookies(c.cookies)
    # Without the session cookie: with it, DRF's SessionAuthentication would ask for a CSRF token.
    with httpx.Client(base_url=basis, timeout=TIMEOUT) as c:
        r = c.post("/api/v1/token/", json={"username": GEBRUIKER, "password": WACHTWOORD})
        r.raise_for_status()
        token = r.json()["token"]
        c.headers["Authorization"] = f"Token {token}"

        def zaak_in(status: str) -> int:
            r = c.get("/api/v1/zaken/", params={"regeling": "bijzondere_bijstand", "status": status})
            r.raise_for_status()
            zaken = r.json()["results"]
            if not zaken:
                raise SystemExit(f"Geen zaak bijzondere bijstand in {status} (zijn de demogegevens geladen?).")
            return zaken[0]["id"]

        # The page and the API show the demo's zaak in beoordeling (findings, report, steps: the fullest page);
        # the calculations go to the zaak in aanvraag, so that 1,000 stored calculations in a minute do not
        # make the measured page an unusual one.
        return sessie, token, zaak_in("beoordeling"), zaak_in("aanvraag")


def verzoeken(zaak: int, rekenzaak: int) -> dict:
    maand = dt.date.today().strftime("%Y-%m")
    return {
        "pagina": dict(method="GET", url=f"/zaken/{zaak}/"),
        "api": dict(method="GET", url=f"/api/v1/zaken/{zaak}/"),
        "berekening": dict(method="POST", url=f"/api/v1/zaken/{rekenzaak}/berekeningen/",
                           json={"maand": maand, "invoer": {"huishouden": {"kostensoort": "overig"}}}),
    }


async def belast(basis: str, doelen: list[str], verzoek: dict, sessie: httpx.Cookies, token: str,
                 rps: float, duur: float) -> dict:
    uitslagen: dict[str, list] = {d: [] for d in doelen}  # (latency in s, status or error name)
    limieten = httpx.Limits(max_connections=1000, max_keepalive_connections=200)
    # The page with the session of a logged-in user, the API with the token (as its clients use them).
    async with (httpx.AsyncClient(base_url=basis, timeout=TIMEOUT, limits=limieten, cookies=sessie) as browser,
                httpx.AsyncClient(base_url=basis, timeout=TIMEOUT, limits=limieten,
                                  headers={"Authorization": f"Token {token}"}) as api):
        clients = {"pagina": browser, "api": api, "berekening": api}
        lus = asyncio.get_running_loop()

        async def een(doel: str, gepland: float):
            try:
                r = await clients[doel].request(**verzoek[doel])
                status = r.status_code
            except httpx.HTTPError as fout:
                status = type(fout).__name__
            uitslagen[doel].append((lus.time() - gepland, status))

        totaal = int(rps * duur)
        start = lus.time() + 0.1
        taken = []
        for i in range(totaal):
            gepland = start + i / rps
            vertraging = gepland - lus.time()
            if vertraging > 0:
                await asyncio.sleep(vertraging)
            taken.append(asyncio.create_task(een(doelen[i % len(doelen)], gepland)))
        await asyncio.gather(*taken)
    return uitslagen


def percentiel(waarden: list[float], p: float) -> float:
    if not waarden:
        return float("nan")
    k = max(0, min(len(waarden) - 1, round(p / 100 * len(waarden) + 0.5) - 1))  # nearest rank
    return sorted(waarden)[k]


def verslag(uitslagen: dict, rps: float, duur: float) -> str:
    regels = [f"{rps:g} verzoeken/s in totaal gedurende {duur:g} s (open loop)", "",
              f"{'doel':<12}{'aantal':>8}{'fouten':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"]
    for doel, rijen in uitslagen.items():
        goed = [t for t, s in rijen if s in (200, 201)]
        fouten = [s for _, s in rijen if s not in (200, 201)]
        regels.append(f"{doel:<12}{len(rijen):>8}{len(fouten):>8}{percentiel(goed, 50) * 1000:>9.0f}"
                      f"{percentiel(goed, 95) * 1000:>9.0f}{percentiel(goed, 99) * 1000:>9.0f}")
        if fouten:
            soorten = {}
            for s in fouten:
                soorten[s] = soorten.get(s, 0) + 1
            regels.append(f"{'':<12}fouten: {soorten}")
    return "\n".join(regels)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rps", type=float, default=50, help="verzoeken per seconde in totaal (standaard 50)")
    p.add_argument("--duur", type=float, default=60, help="duur in seconden (standaard 60)")
    p.add_argument("--doelen", default=",".join(DOELEN), help=f"komma-gescheiden uit {', '.join(DOELEN)}")
    p.add_argument("--workers", type=int, help="gunicorn-workers van de gestarte demo (standaard die van de demo)")
    p.add_argument("--url", help="een draaiende server met de demogegevens in plaats van zelf een demo te starten")
    p.add_argument("--opwarmen", type=float, default=5, help="seconden opwarmen (niet meegeteld; standaard 5)")
    args = p.parse_args(argv)
    doelen = [d.strip() for d in args.doelen.split(",") if d.strip()]
    if not doelen or set(doelen) - set(DOELEN):
        p.error(f"--doelen: kies uit {', '.join(DOELEN)}")

    proces, map_ = None, None
    try:
        if args.url:
            basis = args.url.rstrip("/")
            wacht_op(basis + "/", None, 10)
        else:
            map_ = tempfile.mkdtemp(prefix="maatwerk-bench-")
            poort = vrije_poort()
            basis = f"http://127.0.0.1:{poort}"
            print(f"maatwerk demo starten op {basis} (gegevens in {map_})…", flush=True)
            proces = start_demo(poort, args.workers, map_)
            wacht_op(basis + "/", proces)
        sessie, token, zaak, rekenzaak = inloggen(basis)
        verzoek = verzoeken(zaak, rekenzaak)
        print(f"Zaak {zaak} (pagina, api), zaak {rekenzaak} (berekening); doelen: {', '.join(doelen)}", flush=True)
        if args.opwarmen > 0:
            asyncio.run(belast(basis, doelen, verzoek, sessie, token, min(args.rps, 20), args.opwarmen))
        uitslagen = asyncio.run(belast(basis, doelen, verzoek, sessie, token, args.rps, args.duur))
        print(verslag(uitslagen, args.rps, args.duur))
        fouten = sum(1 for rijen in uitslagen.values() for _, s in rijen if s not in (200, 201))
        return 1 if fouten else 0
    finally:
        if proces is not None:
            stop(proces)
            if proces.returncode not in (0, None, -signal.SIGTERM):
                print(f"(server stopte met status {proces.returncode}; log: {map_}/server.log)")


if __name__ == "__main__":
    sys.exit(main())
