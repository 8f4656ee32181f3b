"""The `maatwerk` command.

    maatwerk bereken SITUATIE.json --periode JJJJ-MM [--gemeente G] [--variabelen a,b] [--uitleg] [--json]
    maatwerk demo [--port N] [--workers N]
    maatwerk serve [--host H] [--port N] [--workers N] [--migreer]
    maatwerk herbereken BESLUIT_ID [--json]     (exit 0 zelfde uitkomst, 1 verschil, 2 foute invoer)
    maatwerk betaalbestand MAAND [--json]       (lopende algemene bijstand van een maand met totalen)
    maatwerk ambtshalve PEILDATUM --gebruiker N (jaarlijkse ambtshalve inkomenstoeslag)
    maatwerk regie signaleer [--datum D]        (escaleer vastgelopen huishoudplannen)
    maatwerk --version

Bad input never ends in a traceback: a Dutch message naming the field goes to stderr, exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

FOUT_STATUS = 2

_ARGPARSE_NL = {
    "the following arguments are required": "deze argumenten ontbreken",
    "unrecognized arguments": "onbekende argumenten",
    "invalid choice": "ongeldige keuze",
    "expected one argument": "verwacht één waarde",
    "argument": "argument",
}


class NederlandseParser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D102 - argparse API
        for en, nl in _ARGPARSE_NL.items():
            message = message.replace(en, nl)
        self.print_usage(sys.stderr)
        print(f"Fout: {message}", file=sys.stderr)
        sys.exit(FOUT_STATUS)


def _fout(bericht: str) -> int:
    print(f"Fout: {bericht}", file=sys.stderr)
    return FOUT_STATUS


def _lees_situatie(pad: str):
    from maatwerk.regels.invoer import MAX_INVOER_BYTES, InvoerFout, lees_json

    bestand = Path(pad)
    if not bestand.is_file():
        raise InvoerFout("SITUATIE", f"bestand '{pad}' bestaat niet.")
    with bestand.open("rb") as f:
        data = f.read(MAX_INVOER_BYTES + 1)  # never more than the limit in memory
    try:
        return lees_json(data, "SITUATIE")
    except InvoerFout as fout:
        raise InvoerFout("SITUATIE", f"bestand '{pad}': {fout.bericht}") from None


def _toon(antwoord: dict, tbs, uitleg: bool) -> str:
    from maatwerk.regels.uitleg import leesbaar

    regels = [f"Berekening voor {antwoord['periode']} — gemeente {antwoord['gemeente']}"]
    for meervoud, titel in (("huishoudens", "Huishouden"), ("personen", "Persoon")):
        for ident, waarden in antwoord["resultaten"][meervoud].items():
            if not waarden:
                continue
            regels.append("")
            regels.append(f"{titel} {ident}")
            getoond: set[str] = set()  # a consideration shared by several outcomes is shown once
            for naam, waarde in waarden.items():
                var = tbs.variables[naam]
                regels.append(f"  {var.label or naam}: {leesbaar(waarde, var.unit)}")
                if uitleg:
                    for o in antwoord["uitleg"][meervoud][ident][naam]:
                        if o["regel"] in getoond:
                            continue
                        getoond.add(o["regel"])
                        regels.append(f"      • {o['zin']}")
                        regels.append(f"        [{o['bron']} — {o['soort']}; regel {o['regel']}]")
    return "\n".join(regels)


def cmd_bereken(args) -> int:
    from maatwerk.regels.berekening import bereken
    from maatwerk.regels.invoer import InvoerFout
    from maatwerk.regels.systeem import systeem

    try:
        situatie = _lees_situatie(args.situatie)
        variabelen = [v.strip() for v in args.variabelen.split(",") if v.strip()] if args.variabelen else None
        if args.variabelen is not None and not variabelen:
            raise InvoerFout("--variabelen", "geef ten minste één variabele op.")
        antwoord = bereken(situatie, args.periode, args.gemeente, variabelen, uitleg=args.uitleg)
    except InvoerFout as fout:
        return _fout(str(fout))
    if args.json:
        print(json.dumps(antwoord, ensure_ascii=False, indent=2))
    else:
        print(_toon(antwoord, systeem(antwoord["gemeente"]), args.uitleg))
    return 0


def _controleer_server(args) -> str | None:
    if not 1 <= args.port <= 65535:
        return f"--port: {args.port} is geen geldig poortnummer (1–65535)."
    if args.workers is not None and not 1 <= args.workers <= 64:
        return f"--workers: {args.workers} is geen geldig aantal (1–64)."
    return None


def cmd_demo(args) -> int:
    from maatwerk.demo import start

    if fout := _controleer_server(args):
        return _fout(fout)
    return start(port=args.port, workers=args.workers)


def cmd_serve(args) -> int:
    from maatwerk.web import server

    if fout := _controleer_server(args):
        return _fout(fout)
    return server.start(host=args.host, port=args.port, workers=args.workers or server.standaard_workers(),
                        migreer=args.migreer)


def cmd_brieven(args) -> int:
    import os

    os.environ.setdefault("MAATWERK_DEMO", "1")  # example letters with demo data, like `maatwerk demo`
    from maatwerk.besluiten.preview import main as preview

    return preview(args.map)


def _django() -> None:
    """Django with the configured database, as `maatwerk serve` uses it (settings from the environment)."""
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    import django

    django.setup()


def cmd_herbereken(args) -> int:
    from maatwerk.besluiten import herberekening

    if not args.besluit.isdigit() or len(args.besluit) > 12:
        return _fout(f"BESLUIT_ID: '{args.besluit}' is geen nummer van een besluit.")
    _django()
    return herberekening.main(int(args.besluit), als_json=args.json)


def cmd_betaalbestand(args) -> int:
    import re

    # Checked before Django starts: a wrong month never needs the database.
    m = re.fullmatch(r"(\d{4})-(\d{2})", args.maand or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        return _fout(f"MAAND: '{args.maand}' is geen geldige maand; schrijf JJJJ-MM, bijvoorbeeld 2026-07.")
    _django()
    from maatwerk.zaken import betaalbestand

    return betaalbestand.main(args.maand, als_json=args.json)


class _Versie(argparse.Action):
    """`--version`: Maatwerk, OpenFisca and the rule-set fingerprint; computed only when asked."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        from maatwerk.regels.versie import versietekst

        print(versietekst())
        parser.exit(0)


def parser() -> argparse.ArgumentParser:
    from maatwerk.regels.systeem import DEFAULT_GEMEENTE

    p = NederlandseParser(prog="maatwerk", description="Maatwerk: sociaal domein met uitlegbare regels.")
    p.add_argument("--version", action=_Versie, help="toon de versies van Maatwerk, OpenFisca en de regelset")
    sub = p.add_subparsers(dest="opdracht", parser_class=NederlandseParser)
    b = sub.add_parser("bereken", help="bereken normen en toeslagen voor een situatie (OpenFisca-JSON)")
    b.add_argument("situatie", metavar="SITUATIE", help="pad naar de situatie als JSON")
    b.add_argument("--periode", required=True, help="maand, JJJJ-MM")
    b.add_argument("--gemeente", default=DEFAULT_GEMEENTE, help=f"gemeente (standaard {DEFAULT_GEMEENTE})")
    b.add_argument("--variabelen", help="komma-gescheiden lijst van te berekenen variabelen")
    b.add_argument("--uitleg", action="store_true", help="toon per uitkomst de regels en bronnen")
    b.add_argument("--json", action="store_true", help="uitvoer als één JSON-object")
    b.set_defaults(func=cmd_bereken)
    d = sub.add_parser("demo", help="migreer, laad demogegevens en start de webapplicatie op 127.0.0.1")
    d.add_argument("--port", type=int, default=8000, help="poort (standaard 8000)")
    d.add_argument("--workers", type=int, help="aantal gunicorn-workers (standaard: 2 × het aantal cores + 1)")
    d.set_defaults(func=cmd_demo)
    s = sub.add_parser("serve", help="start de webapplicatie op een productieserver (gunicorn), zonder demogegevens")
    s.add_argument("--host", default="127.0.0.1", help="adres om op te luisteren (standaard 127.0.0.1)")
    s.add_argument("--port", type=int, default=8000, help="poort (standaard 8000)")
    s.add_argument("--workers", type=int, help="aantal gunicorn-workers (standaard: 2 × het aantal cores + 1)")
    s.add_argument("--migreer", action="store_true", help="werk eerst de database bij (migraties); maak vooraf een back-up")
    s.set_defaults(func=cmd_serve)
    br = sub.add_parser("brieven", help="schrijf elke briefvariant met demogegevens als HTML en PDF in MAP")
    br.add_argument("map", metavar="MAP", help="map waarin de voorbeeldbrieven komen")
    br.set_defaults(func=cmd_brieven)
    h = sub.add_parser("herbereken", help="bereken een vastgesteld besluit opnieuw uit zijn ontvangstbewijs met de regels van nu")
    h.add_argument("besluit", metavar="BESLUIT_ID", help="nummer van het besluit")
    h.add_argument("--json", action="store_true", help="uitvoer als één JSON-object")
    h.set_defaults(func=cmd_herbereken)
    bb = sub.add_parser("betaalbestand", help="lijst van de lopende algemene bijstand van een maand, met totalen")
    bb.add_argument("maand", metavar="MAAND", help="maand, JJJJ-MM")
    bb.add_argument("--json", action="store_true", help="uitvoer als één JSON-object")
    bb.set_defaults(func=cmd_betaalbestand)
    from maatwerk.iwmo.cli import voeg_toe as iwmo_opdrachten

    iwmo_opdrachten(sub, _django)  # `maatwerk iwmo importeer|exporteer` (issue 10)
    from maatwerk.ambtshalve.cli import voeg_toe as ambtshalve_opdracht

    ambtshalve_opdracht(sub, _django)  # `maatwerk ambtshalve PEILDATUM` (issue 12 point 4)
    from maatwerk.monitor.cli import voeg_toe as monitor_opdrachten

    monitor_opdrachten(sub, _django)  # `maatwerk monitor rapport 2026-H2` (issue 12, point 5)
    from maatwerk.regie.cli import voeg_toe as regie_opdrachten

    regie_opdrachten(sub, _django)  # `maatwerk regie signaleer` (issue 12, point 7)
    return p


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    if not getattr(args, "func", None):
        p.print_help()
        return FOUT_STATUS
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
