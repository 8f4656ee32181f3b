"""`maatwerk iwmo importeer FILE` and `maatwerk iwmo exporteer BERICHT_ID`: messages as files, no live connection.

Both act for a named member of staff (`--gebruiker`): the same purpose-bound checks and audit lines as the pages
(a consulent Wmo imports iWmo, a consulent Jeugd iJw). Exit status 0: processed without findings (import) or
written (export); 1: the message was rejected (its retourbericht is still written); 2: bad input or no access.
"""

from __future__ import annotations

import sys
from pathlib import Path

FOUT = 2


def _fout(tekst: str) -> int:
    print(f"Fout: {tekst}", file=sys.stderr)
    return FOUT


def _gebruiker(naam: str):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=naam, is_active=True).first()
    return user


def importeer(args) -> int:
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.http import Http404

    from maatwerk.iwmo import services, xmlbericht
    from maatwerk.zaken.models import Zaak

    pad = Path(args.bestand)
    if not pad.is_file():
        return _fout(f"FILE: '{args.bestand}' is geen bestand.")
    if pad.stat().st_size > xmlbericht.MAX_BYTES:
        return _fout(f"FILE: het bestand is groter dan {xmlbericht.MAX_BYTES // (1024 * 1024)} MB.")
    user = _gebruiker(args.gebruiker)
    if user is None:
        return _fout(f"--gebruiker: '{args.gebruiker}' is geen actieve gebruiker.")
    zaak = None
    if args.zaak is not None:
        zaak = Zaak.objects.filter(pk=args.zaak).first()
        if zaak is None:
            return _fout(f"--zaak: zaak {args.zaak} bestaat niet of u mag haar niet zien.")
    try:
        resultaat = services.importeer(user, pad.read_bytes(), bestandsnaam=pad.name, zaak=zaak)
    except ValidationError as fout:
        return _fout("; ".join(m for ms in fout.message_dict.values() for m in ms) if hasattr(fout, "error_dict") else "; ".join(fout.messages))
    except Http404:
        return _fout(f"--zaak: zaak {args.zaak} bestaat niet of u mag haar niet zien.")
    except PermissionDenied as fout:
        return _fout(str(fout) or "geen toegang.")
    retour = resultaat.retour
    if retour is None:  # a 302/320 is a retourbericht itself: recorded, not answered
        print(resultaat.samenvatting)
        return 0
    doel = Path(args.retour) if args.retour else pad.parent
    if not doel.is_dir():
        return _fout(f"--retour: '{doel}' is geen map.")
    (doel / retour.bestandsnaam).write_text(retour.xml, encoding="utf-8")
    print(resultaat.samenvatting)
    print(f"Retourbericht: {doel / retour.bestandsnaam}")
    return 0 if resultaat.goed else 1


def exporteer(args) -> int:
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    from maatwerk.iwmo import services
    from maatwerk.iwmo.models import Bericht

    if not args.bericht.isdigit() or len(args.bericht) > 12:
        return _fout(f"BERICHT_ID: '{args.bericht}' is geen nummer van een bericht.")
    user = _gebruiker(args.gebruiker)
    if user is None:
        return _fout(f"--gebruiker: '{args.gebruiker}' is geen actieve gebruiker.")
    bericht = Bericht.objects.filter(pk=int(args.bericht)).first()
    try:
        if bericht is None:
            raise Http404
        services.bericht_voor(user, bericht)
    except (Http404, PermissionDenied):
        return _fout(f"BERICHT_ID: bericht {args.bericht} bestaat niet of u mag het niet zien.")
    doel = Path(args.uit) if args.uit else Path(bericht.bestandsnaam or f"bericht-{bericht.pk}.xml")
    if doel.is_dir():
        doel = doel / (bericht.bestandsnaam or f"bericht-{bericht.pk}.xml")
    doel.write_text(bericht.xml, encoding="utf-8")
    print(f"{bericht.type_tekst} geschreven naar {doel}")
    return 0


def voeg_toe(sub, django_setup) -> None:
    """Add `iwmo importeer|exporteer` to the `maatwerk` command (cli.py)."""
    i = sub.add_parser("iwmo", help="iWmo/iJw-berichten als bestand: importeer een 305/307/315/317 of "
                                      "een retour 302/320, exporteer een bericht (301, 319, retourbericht)")
    isub = i.add_subparsers(dest="iwmo_opdracht", parser_class=sub._parser_class)
    im = isub.add_parser("importeer", help="lees een bericht van een aanbieder in en schrijf het retourbericht")
    im.add_argument("bestand", metavar="FILE", help="het XML-bestand")
    im.add_argument("--gebruiker", required=True, help="gebruikersnaam van de consulent die het bericht verwerkt")
    im.add_argument("--zaak", type=int, help="nummer van de zaak (anders gezocht via toewijzingnummer of BSN)")
    im.add_argument("--retour", help="map voor het retourbericht (standaard: de map van FILE)")
    im.set_defaults(func=lambda a: (django_setup(), importeer(a))[1])
    ex = isub.add_parser("exporteer", help="schrijf een bericht (301, 319 of retourbericht) als XML-bestand")
    ex.add_argument("bericht", metavar="BERICHT_ID", help="nummer van het bericht")
    ex.add_argument("--gebruiker", required=True, help="gebruikersnaam van de consulent")
    ex.add_argument("--uit", help="bestand of map (standaard: de bestandsnaam van het bericht in de huidige map)")
    ex.set_defaults(func=lambda a: (django_setup(), exporteer(a))[1])
