"""Who may see the monitor: the rights table's `monitor_inzien` (the beleidsmedewerker; aggregates only) and
`team_monitor_inzien` (the teamleider; his team by name, `monitor.team`). Every view, download and refusal writes
an audit line (`toegang.rolrecht`, the same role-only check as beleid and adviesraad)."""

from __future__ import annotations

from maatwerk.toegang import rechten
from maatwerk.toegang.beleid import VIEW, Grond
from maatwerk.toegang.rolrecht import heeft_recht, vereis_recht


def mag(user, handeling: str = rechten.MONITOR_INZIEN) -> bool:
    return heeft_recht(user, handeling)


def vereis(user, onderwerp: str, toelichting: str = "", handeling: str = rechten.MONITOR_INZIEN) -> Grond:
    return vereis_recht(user, handeling, actie=VIEW, onderwerp=onderwerp, toelichting=toelichting)
