"""Serving Maatwerk with gunicorn, a production WSGI server (issue 7, point 4); used by `maatwerk demo` and
`maatwerk serve`.

Worker model: 2 x cores + 1 worker processes with one thread each (gthread, so keep-alive connections and
slow clients are handled by the worker's poller, not by blocking it). A request is mostly CPU-bound Python
(templates, serializers, the Regelkern) with many short database calls. Threads in one process share the
GIL, and a thread that comes back from a database call waits up to 5 ms for it behind a busy thread, per
call: measured with bench/bench_server.py at 50 requests/s on 2 cores, 2 workers x 4 threads gave p95
145-180 ms, 5 workers x 1 thread 55-94 ms at the same CPU. Processes let the OS schedule instead; the
spare process keeps a core busy while another waits on SQLite's write lock. The application is loaded
once in the master before the fork (preload), with the Regelkern built, so a worker starts and answers at
once and shares that memory copy-on-write.

Restart after a crash: gunicorn binds with SO_REUSEADDR, so a port with connections in TIME_WAIT can be
bound again at once; and every worker dies with its master (PR_SET_PDEATHSIG), so after a `kill -9` of
the master no orphaned worker keeps the port.
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import sys

from gunicorn.app.base import BaseApplication

THREADS = 1  # see the module docstring: threads in one process queue on the GIL
TIMEOUT = 60  # seconds a worker may spend on one request (a PDF letter takes a few) before it is replaced
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def aantal_cores() -> int:
    """The cores this process may run on (a container or taskset may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def standaard_workers() -> int:
    return 2 * aantal_cores() + 1


def poort_vrij(host: str, port: int) -> bool:
    """True when nothing listens on host:port. SO_REUSEADDR as gunicorn sets it, so connections of a crashed
    server that are still in TIME_WAIT do not count as "in use"."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def _sterf_met_master(server, worker) -> None:
    """gunicorn post_fork hook: the kernel kills this worker when the master dies (also by SIGKILL). Without
    it an orphaned worker keeps the listening socket open until it notices, up to a second or more later."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != server.pid:  # the master died between fork and prctl
        os._exit(1)


class _Gunicorn(BaseApplication):
    def __init__(self, application, opties: dict):
        self.application = application
        self.opties = opties
        super().__init__()

    def load_config(self):
        for naam, waarde in self.opties.items():
            if naam in self.cfg.settings:  # control_socket_disable exists from gunicorn 24 on
                self.cfg.set(naam, waarde)

    def load(self):
        return self.application


def laad_applicatie():
    """The WSGI application, loaded in the master before the fork, with the Regelkern of the configured
    municipality already built (otherwise every worker builds it on its first calculation)."""
    from django.conf import settings
    from django.core.wsgi import get_wsgi_application
    from django.db import connections

    from maatwerk.regels.systeem import systeem

    application = get_wsgi_application()
    systeem(settings.MAATWERK_GEMEENTE)
    connections.close_all()  # a database connection must not be shared with the forked workers
    return application


def serveer(application, *, host: str, port: int, workers: int, threads: int = THREADS,
            toegangslog: bool = False, loglevel: str = "info") -> int:
    """Serve `application` until SIGINT/SIGTERM; returns the exit status."""
    opties = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        "preload_app": True,
        "timeout": TIMEOUT,
        "graceful_timeout": 10,
        "keepalive": 5,
        "loglevel": loglevel,
        "errorlog": "-",
        "accesslog": "-" if toegangslog else None,
        # Path without query string and no Referer: a query can hold a BSN (the intake searches with
        # GET /intake/?bsn=…), and personal data do not belong in a web server log (AVG art. 5 lid 1 c).
        "access_log_format": '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms',
        "post_fork": _sterf_met_master,
        "proc_name": "maatwerk",
        # No control socket (gunicornc): it has one path per user, so a second server on the machine (a demo
        # next to a test run) would take it over.
        "control_socket_disable": True,
    }
    master = os.getpid()
    try:
        _Gunicorn(application, opties).run()
    except SystemExit as einde:  # the arbiter ends with sys.exit, also after a clean stop
        if os.getpid() != master:  # a worker ends with sys.exit too: it must not run the caller's code
            raise
        return einde.code if isinstance(einde.code, int) else (0 if einde.code is None else 1)
    return 0


def _django() -> str | None:
    """Set up Django; a Dutch message instead of a traceback when the settings refuse (e.g. no SECRET_KEY)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as fout:
        return str(fout)
    return None


def ontbrekende_migraties() -> list[str]:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{m.app_label}.{m.name}" for m, _ in plan]


def start(*, host: str, port: int, workers: int, migreer: bool = False) -> int:
    """Called by `maatwerk serve`: no demo data; migrations only with --migreer, so that a schema change in
    production happens when the operator chooses (after a backup), never as a side effect of a restart."""
    if not poort_vrij(host, port):
        print(f"Fout: poort {port} op {host} is al in gebruik (of het adres bestaat niet op deze machine).",
              file=sys.stderr)
        return 1
    if fout := _django():
        print(f"Fout: {fout}", file=sys.stderr)
        return 1
    from django.core.management import call_command
    from django.core.management.base import CommandError
    from django.db import DatabaseError

    try:
        if migreer:
            print("Database bijwerken (migraties)…", flush=True)
            call_command("migrate", interactive=False, verbosity=0)
        else:
            ontbrekend = ontbrekende_migraties()
            if ontbrekend:
                print(f"Fout: de database is niet bijgewerkt ({len(ontbrekend)} migraties ontbreken, bijvoorbeeld "
                      f"{ontbrekend[0]}). Maak een back-up en start met: maatwerk serve --migreer", file=sys.stderr)
                return 1
        call_command("collectstatic", interactive=False, verbosity=0)
    except (CommandError, DatabaseError) as fout:
        print(f"Fout bij het voorbereiden van de database: {fout}", file=sys.stderr)
        return 1
    print(f"Maatwerk luistert op http://{host}:{port}/ (gunicorn, {workers} workers). "
          "Stoppen: Ctrl+C of SIGTERM.", flush=True)
    return serveer(laad_applicatie(), host=host, port=port, workers=workers, toegangslog=True)
