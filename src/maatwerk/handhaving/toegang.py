"""Access to enforcement data: purpose-bound to the handhaver (issue 11, point 8; seed 003).

Every right is a cell of the rights table (`maatwerk.toegang.rechten`: handhaving_meldingen,
casustafel_vastleggen, ib_vergelijken, huisbezoek_vastleggen, indicator_registreren, indicator_goedkeuren).
Every view and change writes an audit line, also a refusal (`maatwerk.toegang.audit`). A user without the
right gets 404 for data (a list or record he may not know exists) and 403 for an action (convention of
`maatwerk.toegang.beleid`).
"""

from __future__ import annotations

from maatwerk.toegang import audit, rechten
from maatwerk.toegang.beleid import GeenToegang, Grond, NietGevonden
from maatwerk.toegang.models import Actie, SoortGrond
from maatwerk.toegang.rollen import rol_naam, rollen
from maatwerk.zaken.regelingen import DOMEINEN, INKOMEN

VIEW, CREATE, CHANGE = Actie.VIEW, Actie.CREATE, Actie.CHANGE


def grond(user, handeling: str, domein: str | None = None) -> Grond:
    """May `user` perform `handeling` (in `domein`, or in some domain)? Conditions such as 'niet eigen werk'
    are checked by the service that knows the content."""
    domeinen = [domein] if domein else list(DOMEINEN)
    for d in domeinen:
        toegestaan = rechten.rechten(rollen(user), handeling, d)
        if toegestaan:
            rol = toegestaan[0][0]
            return Grond(True, SoortGrond.ROL, f"Rol {rol_naam(rol)}: {rechten.HANDELINGEN[handeling][0]} "
                                               f"(handhaving, doelbinding)")
    return Grond(False, SoortGrond.GEEN, f"'{rechten.HANDELINGEN[handeling][0]}' is voorbehouden aan de handhaver.")


def mag(user, handeling: str, domein: str | None = None) -> bool:
    return grond(user, handeling, domein).toegestaan


def vereis(user, handeling: str, actie: str, *, onderwerp: str, domein: str | None = None, inwoner=None,
           toelichting: str = "") -> Grond:
    """Check, log (also a refusal) and raise: 404 when viewing, 403 for an action."""
    g = grond(user, handeling, domein)
    audit.log(user, actie, g, inwoner=inwoner, onderwerp=onderwerp, toelichting=toelichting)
    if not g.toegestaan:
        if actie == VIEW:
            raise NietGevonden()
        raise GeenToegang(g.omschrijving)
    return g


def log_inwoners(user, inwoners, *, onderwerp: str, handeling: str, toelichting: str = "") -> None:
    """A list shows personal data of every person in it: one audit line per person."""
    g = grond(user, handeling, INKOMEN)
    audit.log_veel([audit.nieuwe_regel(user, VIEW, g, inwoner=i, onderwerp=onderwerp, toelichting=toelichting)
                    for i in inwoners])
