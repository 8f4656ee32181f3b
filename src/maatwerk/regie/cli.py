"""`maatwerk regie signaleer [--datum JJJJ-MM-DD]`: run the stall detector over every household plan and escalate
each flagged plan to its named person with authority (once per plan per day). Prints per new escalation the plan
number, to whom and the signals (no names of residents). Exit 0; 2 on bad input."""

from __future__ import annotations

import datetime as dt
import sys

FOUT = 2


def signaleer(args) -> int:
    from maatwerk.regie import services

    try:
        datum = dt.date.fromisoformat(args.datum) if args.datum else None
    except ValueError:
        print(f"Fout: --datum: '{args.datum}' is geen datum (JJJJ-MM-DD).", file=sys.stderr)
        return FOUT
    nieuw = services.signaleer(datum)
    for e in nieuw:
        print(f"Huishoudplan {e.plan_id}: geëscaleerd naar {e.naar.get_full_name() or e.naar.username} "
              f"({e.plan.escalatie_functie})")
        for s in e.signalen:
            print(f"  - {s['tekst']} [{s['bron']}]")
    print(f"{len(nieuw)} nieuwe escalatie(s).")
    return 0


def voeg_toe(sub, django_setup) -> None:
    """Add `regie signaleer` to the `maatwerk` command (cli.py)."""
    r = sub.add_parser("regie", help="regie over de domeinen heen: signaleer vastgelopen huishoudplannen en escaleer")
    rsub = r.add_subparsers(dest="regie_opdracht", parser_class=sub._parser_class)
    s = rsub.add_parser("signaleer", help="zoek stilstand, verstreken termijnen en ping-pong; escaleer")
    s.add_argument("--datum", help="peildatum JJJJ-MM-DD (standaard vandaag)")
    s.set_defaults(func=lambda a: (django_setup(), signaleer(a))[1])
