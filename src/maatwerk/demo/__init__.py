"""`maatwerk demo`: migrate the database, load the demo data (idempotent) and serve the web UI locally.

    maatwerk demo [--port N]

The database is whatever the settings define (SQLite under var/ by default). Static files are collected
into STATIC_ROOT and served by WhiteNoise, so the demo needs no separate web server. The demo runs on the
same production server as `maatwerk serve` (gunicorn, see maatwerk.web.server).
"""

from __future__ import annotations

import os
import sys

HOST = "127.0.0.1"


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    # The demo runs with fictional data: the development SECRET_KEY is accepted (see web/settings.py).
    os.environ.setdefault("MAATWERK_DEMO", "1")
    import django

    django.setup()


def voorbereiden(uitvoer=sys.stdout) -> dict:
    """Migrate, collect static files and load the demo data. Returns what the loader reports."""
    from django.core.management import call_command

    from maatwerk.demo.gegevens import laad_demogegevens

    print("Database bijwerken (migraties)…", file=uitvoer, flush=True)
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    return laad_demogegevens()


def welkom(port: int, verslag: dict) -> str:
    from django.conf import settings

    from maatwerk.demo.gebruikers import DEMO_GEBRUIKERS, DEMO_WACHTWOORD

    db = settings.DATABASES["default"]
    regels = [
        "",
        "Maatwerk-demo",
        "=============",
        f"Demogegevens: {verslag.get('samenvatting', '')}",
        f"Database: {db.get('NAME')} ({db.get('ENGINE', '').rsplit('.', 1)[-1]})",
        "",
        f"Open in uw browser:  http://{HOST}:{port}/",
        "",
        "Inloggen: de gebruikersnaam is de naam van de rol; alle demo-accounts hebben het wachtwoord",
        f"  {DEMO_WACHTWOORD}",
        "(alleen voor deze demo met verzonnen gegevens — nooit gebruiken met echte gegevens).",
        "",
        "Rollen: " + ", ".join(g for g, _ in DEMO_GEBRUIKERS),
        "Begin bijvoorbeeld als consulent_inkomen met de nieuwe melding van Pedro Verhoef.",
        "",
        f"Loket voor inwoners:  http://{HOST}:{port}/loket/  (inloggen met de mock-DigiD van de demo:",
        "  kies een demopersoon of typ een BSN; ook DigiD Machtigen)",
        "",
        "Stoppen: Ctrl+C.",
        "",
    ]
    return "\n".join(regels)


def poort_vrij(port: int) -> bool:
    from maatwerk.web.server import poort_vrij as vrij

    return vrij(HOST, port)


def start(port: int, workers: int | None = None) -> int:
    """Called by `maatwerk demo`. Serves until Ctrl+C; returns the exit status."""
    from maatwerk.web import server

    if not poort_vrij(port):
        print(f"Fout: poort {port} op {HOST} is al in gebruik. Kies een andere, bijvoorbeeld: "
              f"maatwerk demo --port {port + 1}", file=sys.stderr)
        return 1
    _django()
    from django.core.management.base import CommandError

    try:
        verslag = voorbereiden()
    except CommandError as fout:
        print(f"Fout bij het voorbereiden van de database: {fout}", file=sys.stderr)
        return 1
    print(welkom(port, verslag), flush=True)
    status = server.serveer(server.laad_applicatie(), host=HOST, port=port,
                            workers=workers or server.standaard_workers(), loglevel="warning")
    print("Demo gestopt.")
    return status
