"""Who may see the monitor: the rights table's `monitor_inzien` (the beleidsmedewerker; aggregates only) and
`team_monitor_inzien` (the teamleider; his team by name, `monitor.team`). Every view, download and refusal writes
an audit line."""

from __future__ import annotations

from maatwerk.toegang import audit, rechten
from maatwerk.toegang.beleid import VIEW, GeenToegang, Grond
from maatwerk.toegang.models import SoortGrond
from maatwerk.toegang.rollen import rollen


def mag(user, handeling: str = rechten.MONITOR_INZIEN) -> bool:
    return rechten.ooit_toegestaan(rollen(user), handeling)


def vereis(user, onderwerp: str, toelichting: str = "", handeling: str = rechten.MONITOR_INZIEN) -> Grond:
    label = rechten.HANDELINGEN[handeling][0]
    grond = (Grond(True, SoortGrond.ROL, f"rol: {label}") if mag(user, handeling) else
             Grond(False, SoortGrond.GEEN, f"Uw rol geeft geen recht op: {label}."))
    audit.log(user, VIEW, grond, onderwerp=onderwerp, toelichting=toelichting)
    if not grond.toegestaan:
        raise GeenToegang(grond.omschrijving)
    return grond
