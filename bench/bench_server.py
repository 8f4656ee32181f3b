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
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import urllib.request

import aiohttp
from yarl import URL

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
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
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


async def inloggen(basis: str) -> tuple[dict, str, int, int]:
    """A session cookie for the page, a token for the API, the zaak to show and the zaak to calculate."""
    async with aiohttp.ClientSession(basis, cookie_jar=aiohttp.CookieJar(unsafe=True)) as c:  # unsafe: an IP
        async with c.get("/inloggen/") as r:
            await r.read()
        csrf = c.cookie_jar.filter_cookies(URL(basis))["csrftoken"].value
        async with c.post("/inloggen/", data={"username": GEBRUIKER, "password": WACHTWOORD,
                                              "csrfmiddlewaretoken": csrf},
                          headers={"Referer": basis + "/inloggen/"}) as r:
            status = r.status
        cookies = {k: m.value for k, m in c.cookie_jar.filter_cookies(URL(basis)).items()}
        if "sessionid" not in cookies:
            raise SystemExit(f"Inloggen als {GEBRUIKER} mislukte (status {status}).")
    # Without the session cookie: with it, DRF's SessionAuthentication would ask for a CSRF token.
    async with aiohttp.ClientSession(basis) as c:
        async with c.post("/api/v1/token/", json={"username": GEBRUIKER, "password": WACHTWOORD}) as r:
            r.raise_for_status()
            token = (await r.json())["token"]

        async def zaak_in(status: str) -> int:
            async with c.get("/api/v1/zaken/", params={"regeling": "bijzondere_bijstand", "status": status},
                             headers={"Authorization": f"Token {token}"}) as r:
                r.raise_for_status()
                zaken = (await r.json())["results"]
            if not zaken:
                raise SystemExit(f"Geen zaak bijzondere bijstand in {status} (zijn de demogegevens geladen?).")
            return zaken[0]["id"]

        # The page and the API show the demo's zaak in beoordeling (findings, report, steps: the fullest page);
        # the calculations go to the zaak in aanvraag, so that 1,000 stored calculations in a minute do not
        # make the measured page an unusual one.
        return cookies, token, await zaak_in("beoordeling"), await zaak_in("aanvraag")


def verzoeken(zaak: int, rekenzaak: int, cookies: dict, token: str) -> dict:
    maand = dt.date.today().strftime("%Y-%m")
    sessie = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
    api = {"Authorization": f"Token {token}"}
    return {
        "pagina": dict(method="GET", url=f"/zaken/{zaak}/", headers=sessie),
        "api": dict(method="GET", url=f"/api/v1/zaken/{zaak}/", headers=api),
        "berekening": dict(method="POST", url=f"/api/v1/zaken/{rekenzaak}/berekeningen/", headers=api,
                           json={"maand": maand, "invoer": {"huishouden": {"kostensoort": "overig"}}}),
    }


async def belast(basis: str, doelen: list[str], verzoek: dict, rps: float, duur: float) -> dict:
    uitslagen: dict[str, list] = {d: [] for d in doelen}  # (latency in s, status or error name)
    verbindingen = aiohttp.TCPConnector(limit=0)  # open loop: never queue a request in the client
    async with aiohttp.ClientSession(basis, connector=verbindingen, cookie_jar=aiohttp.DummyCookieJar(),
                                     timeout=aiohttp.ClientTimeout(total=TIMEOUT)) as client:
        lus = asyncio.get_running_loop()

        async def een(doel: str, gepland: float):
            try:
                async with client.request(**verzoek[doel]) as r:
                    await r.read()
                    status = r.status
            except (aiohttp.ClientError, asyncio.TimeoutError) as fout:
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


def cpu_seconden(master: int) -> float:
    """CPU time (user + system) of the server: the master and its workers, from /proc (Linux)."""
    tik = os.sysconf("SC_CLK_TCK")
    totaal = 0.0
    pids = [master]
    try:
        pids += [int(p) for p in Path(f"/proc/{master}/task/{master}/children").read_text().split()]
    except OSError:
        return float("nan")
    for pid in pids:
        try:
            velden = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        totaal += (int(velden[11]) + int(velden[12])) / tik
    return totaal


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
        cookies, token, zaak, rekenzaak = asyncio.run(inloggen(basis))
        verzoek = verzoeken(zaak, rekenzaak, cookies, token)
        print(f"Zaak {zaak} (pagina, api), zaak {rekenzaak} (berekening); doelen: {', '.join(doelen)}", flush=True)
        if args.opwarmen > 0:
            asyncio.run(belast(basis, doelen, verzoek, min(args.rps, 20), args.opwarmen))
        cpu_voor = cpu_seconden(proces.pid) if proces else float("nan")
        uitslagen = asyncio.run(belast(basis, doelen, verzoek, args.rps, args.duur))
        cpu = cpu_seconden(proces.pid) - cpu_voor if proces else float("nan")
        print(verslag(uitslagen, args.rps, args.duur))
        fouten = sum(1 for rijen in uitslagen.values() for _, s in rijen if s not in (200, 201))
        if proces:
            # Independent of what else runs on the machine: what the load costs the server itself.
            aantal = sum(len(r) for r in uitslagen.values())
            print(f"\nCPU van de server: {cpu:.1f} s voor {aantal} verzoeken = {cpu / aantal * 1000:.1f} ms per verzoek; "
                  f"{cpu / args.duur:.2f} cores bezet bij {args.rps:g} verzoeken/s.")
            if fouten:
                print("(Met fouten was de server verzadigd: niet elk verzoek is afgehandeld, de CPU per verzoek is "
                      "dan te laag.)")
        print(f"Belasting van de machine (load average 1 min) na afloop: {os.getloadavg()[0]:.1f} op {os.cpu_count()} cores.")
        return 1 if fouten else 0
    finally:
        if proces is not None:
            stop(proces)
            if proces.returncode not in (0, None, -signal.SIGTERM):
                print(f"(server stopte met status {proces.returncode}; log: {map_}/server.log)")
            else:
                shutil.rmtree(map_, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
