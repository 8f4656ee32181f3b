"""`maatwerk ambtshalve PEILDATUM --gebruiker NAAM`: the yearly ambtshalve inkomenstoeslag batch (issue 12 point 4).

Acts for a named consulent inkomen (the same rights-table check and audit lines as the page). Running it again for the
same peildatum continues the batch and creates nothing twice. Exit status 0: done; 2: bad input or no access, with a
Dutch message naming the field on stderr.
"""

from __future__ import annotations

import sys

FOUT = 2


def _fout(tekst: str) -> int:
    print(f"Fout: {tekst}", file=sys.stderr)
    return FOUT


def draai(args, django_setup) -> int:
    from maatwerk.ambtshalve.batch import PeildatumFout, parse_peildatum

    django_setup()
    try:
        peildatum = parse_peildatum(args.peildatum, "PEILDATUM")
    except PeildatumFout as fout:
        return _fout(f"PEILDATUM: {' '.join(fout.message_dict['PEILDATUM'])}")
    from django.contrib.auth import get_user_model
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.db import DatabaseError
    from django.http import Http404

    from maatwerk import formaat
    from maatwerk.ambtshalve import batch

    try:
        user = get_user_model().objects.filter(username=args.gebruiker, is_active=True).first()
        if user is None:
            return _fout(f"--gebruiker: '{args.gebruiker}' is geen actieve gebruiker.")
        b = batch.draai(user, peildatum)
    except (PermissionDenied, Http404):
        return _fout("--gebruiker: de ambtshalve batch is voorbehouden aan de consulent inkomen.")
    except ValidationError as fout:
        return _fout("; ".join(fout.messages))
    except DatabaseError:
        return _fout("de database is niet bereikbaar of niet bijgewerkt (voer eerst de migraties uit).")
    s = batch.samenvatting(b)
    print(f"Ambtshalve individuele inkomenstoeslag, peildatum {formaat.datum(b.peildatum)}")
    print(f"  huishoudens beoordeeld: {b.verwerkt} van {b.totaal}")
    print(f"  concept-toekenningen (te controleren): {s['concept_toekenning']}")
    print(f"  op de controlelijst: {s['controle']}")
    print(f"  voldoet niet: {s['geen_recht']}")
    return 0


def voeg_toe(sub, django_setup) -> None:
    p = sub.add_parser("ambtshalve", help="jaarlijkse batch ambtshalve individuele inkomenstoeslag voor een peildatum")
    p.add_argument("peildatum", metavar="PEILDATUM", help="datum, JJJJ-MM-DD")
    p.add_argument("--gebruiker", required=True, help="gebruikersnaam van de consulent inkomen namens wie de batch draait")
    p.set_defaults(func=lambda args: draai(args, django_setup))
