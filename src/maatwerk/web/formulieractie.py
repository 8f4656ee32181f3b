"""Run a service for a page form and put its refusal on the form, in Dutch, with the page's status.

One mapping for the pages of beleid, adviesraad, regie and besluiten: bad input (InvoerFout at its field, a
ValidationError at its fields, TermijnFout) 400, a procedure rule 409 (the besluiten pages answer it 400: their
forms ask what the rule needs), refused access 403 (what was typed stays), a conflicting write 409, a blocked
database 503. A page the user may not see at all (NietGevonden) is not caught: it stays a 404, like a missing page.
The service runs in a savepoint, so after a database error the page can still be read and shown."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, transaction

from maatwerk.regels.invoer import InvoerFout
from maatwerk.termijnen.gegevens import TermijnFout
from maatwerk.toegang.beleid import GeenToegang, NietGevonden
from maatwerk.web.fouten import BEZET, CONFLICT
from maatwerk.zaken.fouten import ProcedureFout


def fouten_overnemen(form, fout: ValidationError) -> None:
    """Put a service's ValidationError on the form: at the field when the form has it ("punten.2" at "punten"),
    otherwise on top with the field's name in front."""
    if hasattr(fout, "error_dict"):
        for veld, berichten in fout.message_dict.items():
            naam = veld if veld in form.fields else None
            if naam is None and "." in veld and veld.split(".", 1)[0] in form.fields:
                naam = veld.split(".", 1)[0]
            form.add_error(naam, berichten if naam else [f"{veld}: {b}" if veld != "__all__" else b for b in berichten])
    else:
        form.add_error(None, fout.messages)


def voer_uit(form, actie, *, procedurefout: int = 409):
    """Return (result, 200), or (None, status) with the Dutch message on the form. `procedurefout` is the status
    of a ProcedureFout."""
    try:
        with transaction.atomic():
            return actie(), 200
    except InvoerFout as fout:
        veld = fout.veld.split(".")[0]  # "punten.2.tekst" belongs to the form field "punten"
        form.add_error(veld if veld in form.fields else None, fout.bericht)
        return None, 400
    except ValidationError as fout:
        fouten_overnemen(form, fout)
        return None, 400
    except TermijnFout as fout:
        form.add_error(None, str(fout))
        return None, 400
    except ProcedureFout as fout:
        form.add_error(None, str(fout))
        return None, procedurefout
    except NietGevonden:
        raise  # the page itself is not his to see: answered like a missing page
    except GeenToegang as fout:
        form.add_error(None, f"Niet opgeslagen: {fout} Wat u invulde, staat hieronder nog.")
        return None, 403
    except IntegrityError:
        form.add_error(None, CONFLICT)
        return None, 409
    except OperationalError:
        form.add_error(None, BEZET)
        return None, 503
