"""Rights that come from the role alone: policy work without a zaak or an inwoner (beleid, adviesraad, monitor).

The rights table (`toegang.rechten`) gives such actions per domain; there is no zaak to check them against, so the
question is only "does one of the user's roles have this right (in `domein`, or in some domain)?". One helper for
the pages and services of `beleid`, `adviesraad` and `monitor`, so they write the same audit line (also on a
refusal) and refuse with the same Dutch message.
"""

from __future__ import annotations

from maatwerk.toegang import audit, rechten
from maatwerk.toegang.beleid import GeenToegang, Grond
from maatwerk.toegang.models import SoortGrond
from maatwerk.toegang.rollen import rollen


def heeft_recht(gebruiker, handeling: str, domein: str | None = None) -> bool:
    """Whether a role of `gebruiker` has `handeling` in `domein`; without a domain: in some domain."""
    if domein is None:
        return rechten.ooit_toegestaan(rollen(gebruiker), handeling)
    return bool(rechten.rechten(rollen(gebruiker), handeling, domein))


def rolgrond(handeling: str) -> Grond:
    """The ground an allowed action is logged with: the role's right, by its label in the rights table."""
    return Grond(True, SoortGrond.ROL, f"rol: {rechten.HANDELINGEN[handeling][0]}")


def vereis_recht(gebruiker, handeling: str, *, actie: str, onderwerp: str, toelichting: str = "",
                 domein: str | None = None) -> Grond:
    """Check the right, write the audit line (allowed or refused) and raise `GeenToegang` (403) when refused."""
    toegestaan = heeft_recht(gebruiker, handeling, domein)
    grond = (rolgrond(handeling) if toegestaan else
             Grond(False, SoortGrond.GEEN, f"Uw rol geeft geen recht op: {rechten.HANDELINGEN[handeling][0]}."))
    audit.log(gebruiker, actie, grond, onderwerp=onderwerp, toelichting=toelichting)
    if not toegestaan:
        raise GeenToegang(grond.omschrijving)
    return grond
