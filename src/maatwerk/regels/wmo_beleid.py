"""The municipal Wmo policy (ordinance chapter 4) of the system's municipality, or a clear Dutch refusal.

Only a municipality whose overlay has a `wmo/` folder has Wmo amounts; `standaard` deliberately has none (there is
no national default for pgb tariffs, the 2018 bijdrage table or a Blijverslening). Asking a Wmo rule for another
municipality is bad input, answered as such (`InvoerFout` on `gemeente`), not with an engine traceback.
"""

from __future__ import annotations

from openfisca_core.errors import ParameterNotFoundError

from maatwerk.regels.invoer import InvoerFout

GEEN_WMO = (
    "voor deze gemeente zijn geen Wmo-regels (hoofdstuk 4 van de verordening: pgb, bijdrage in de kosten, "
    "Blijverslening) vastgelegd; kies een gemeente met een map wmo/ in de parameters."
)


def wmo_beleid(parameters, period):
    """`parameters(period).gemeente.wmo`, or `InvoerFout('gemeente', ...)` when the municipality has none."""
    try:
        return parameters(period).gemeente.wmo
    except ParameterNotFoundError:
        raise InvoerFout("gemeente", GEEN_WMO) from None
