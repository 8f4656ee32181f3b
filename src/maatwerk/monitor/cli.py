"""`maatwerk monitor rapport 2026-H2 [--uit BESTAND]`: the half-yearly report of art. 8:2 as PDF."""

from __future__ import annotations

import sys
from pathlib import Path

FOUT_STATUS = 2


def _fout(bericht: str) -> int:
    print(f"Fout: {bericht}", file=sys.stderr)
    return FOUT_STATUS


def rapport(args, django_setup) -> int:
    from maatwerk.monitor.periode import periode
    from maatwerk.regels.invoer import InvoerFout

    try:  # checked before Django starts: a wrong period never needs the database
        p = periode(args.periode)
    except InvoerFout as fout:
        return _fout(f"PERIODE: '{args.periode}': {fout.bericht}")
    if not p.code.endswith(("-H1", "-H2")):
        return _fout(f"PERIODE: '{args.periode}': de rapportage van artikel 8:2 gaat over een half jaar; "
                     "schrijf bijvoorbeeld 2026-H2.")
    uit = Path(args.uit) if args.uit else Path(f"halfjaarrapportage-{p.code}.pdf")
    if uit.is_dir():
        uit = uit / f"halfjaarrapportage-{p.code}.pdf"
    if not uit.parent.exists():
        return _fout(f"--uit: de map '{uit.parent}' bestaat niet.")
    django_setup()
    from maatwerk.monitor import rapport as r
    from maatwerk.toegang.views import gemeente_naam

    try:
        uit.write_bytes(r.pdf(p, gemeente_naam=gemeente_naam()))
    except OSError as fout:
        return _fout(f"--uit: '{uit}' kan niet worden geschreven ({fout.strerror}).")
    print(f"Halfjaarrapportage {p.code} geschreven naar {uit}.")
    return 0


def voeg_toe(sub, django_setup) -> None:
    """Add `monitor rapport PERIODE` to the `maatwerk` command (cli.py)."""
    m = sub.add_parser("monitor", help="de monitor: halfjaarrapportage aan de raad (art. 8:2) als PDF")
    msub = m.add_subparsers(dest="monitor_opdracht", parser_class=sub._parser_class)
    r = msub.add_parser("rapport", help="schrijf de halfjaarrapportage van een half jaar als PDF")
    r.add_argument("periode", metavar="PERIODE", help="half jaar, bijvoorbeeld 2026-H2")
    r.add_argument("--uit", help="bestand of map (standaard: halfjaarrapportage-PERIODE.pdf in de huidige map)")
    r.set_defaults(func=lambda a: rapport(a, django_setup))
