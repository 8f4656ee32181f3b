"""Access to the ambtshalve batch and the non-take-up list: purpose-bound to the consulent inkomen (rights table
action `ambtshalve_inkomenstoeslag`, domain Inkomen). Personal data only for him, with an audit line per person
shown; the beleidsmedewerker sees counts only (action `beleid_voorstellen`: aggregates, no personal data). A user
without the right gets 404 for a page with data and 403 for an action, and the refusal is audited."""

from __future__ import annotations

from maatwerk.toegang import audit, rechten
from maatwerk.toegang.beleid import GeenToegang, Grond, NietGevonden
from maatwerk.toegang.models import Actie, SoortGrond
from maatwerk.toegang.rollen import rol_naam, rollen
from maatwerk.zaken.regelingen import INKOMEN

VIEW, CREATE, CHANGE = Actie.VIEW, Actie.CREATE, Actie.CHANGE


def grond(user, handeling: str = rechten.AMBTSHALVE) -> Grond:
    toegestaan = rechten.rechten(rollen(user), handeling, INKOMEN)
    if toegestaan:
        rol = toegestaan[0][0]
        return Grond(True, SoortGrond.ROL, f"Rol {rol_naam(rol)}: {rechten.HANDELINGEN[handeling][0]}")
    return Grond(False, SoortGrond.GEEN, f"'{rechten.HANDELINGEN[handeling][0]}' is voorbehouden aan de consulent inkomen.")


def mag(user, handeling: str = rechten.AMBTSHALVE) -> bool:
    return grond(user, handeling).toegestaan


def vereis(user, actie: str, *, onderwerp: str, handeling: str = rechten.AMBTSHALVE, toelichting: str = "") -> Grond:
    g = grond(user, handeling)
    audit.log(user, actie, g, onderwerp=onderwerp, toelichting=toelichting)
    if not g.toegestaan:
        if actie == VIEW:
            raise NietGevonden()
        raise GeenToegang(g.omschrijving)
    return g


def log_inwoners(user, inwoners, *, onderwerp: str, toelichting: str = "") -> None:
    """A list shows personal data of every person in it: one audit line per person."""
    g = grond(user)
    audit.log_veel([audit.nieuwe_regel(user, VIEW, g, inwoner=i, onderwerp=onderwerp, toelichting=toelichting)
                    for i in inwoners])
