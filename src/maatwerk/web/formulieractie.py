"""Run a service for a page form and put its refusal on the form, in Dutch, with the page's status.

One mapping for the pages of beleid and adviesraad: bad input (InvoerFout at its field, TermijnFout) 400, a
procedure rule 409, refused access 403 (what was typed stays), a conflicting write 409, a blocked database 503. The
service runs in a savepoint, so after a database error the page can still be read and shown."""

from __future__ import annotations

from django.db import IntegrityError, OperationalError, transaction

from maatwerk.regels.invoer import InvoerFout
from maatwerk.termijnen.gegevens import TermijnFout
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.web.fouten import BEZET, CONFLICT
from maatwerk.zaken.fouten import ProcedureFout


def voer_uit(form, actie):
    """Return (result, 200), or (None, status) with the Dutch message on the form."""
    try:
        with transaction.atomic():
            return actie(), 200
    except InvoerFout as fout:
        veld = fout.veld.split(".")[0]  # "punten.2.tekst" belongs to the form field "punten"
        form.add_error(veld if veld in form.fields else None, fout.bericht)
        return None, 400
    except TermijnFout as fout:
        form.add_error(None, str(fout))
        return None, 400
    except ProcedureFout as fout:
        form.add_error(None, str(fout))
        return None, 409
    except GeenToegang as fout:
        form.add_error(None, f"Niet opgeslagen: {fout} Wat u invulde, staat hieronder nog.")
        return None, 403
    except IntegrityError:
        form.add_error(None, CONFLICT)
        return None, 409
    except OperationalError:
        form.add_error(None, BEZET)
        return None, 503
