"""One entry point to the rules: compute outputs (and their uitleg) for a situation and a month.

Used by the CLI, the case system and the API alike, so that every channel validates the same way and
returns the same structure:

    {"periode": "2026-07", "gemeente": "lansingerland",
     "resultaten": {"huishoudens": {"<id>": {"<variabele>": value}}, "personen": {...}},
     "uitleg": {"huishoudens": {"<id>": {"<variabele>": [overweging, ...]}}, "personen": {...}}}
"""

from __future__ import annotations

from openfisca_core import periods
from openfisca_core.errors import SituationParsingError
from openfisca_core.simulations import SimulationBuilder

from maatwerk.regels.beleidsversies import Beleid, systeem_met_beleid
from maatwerk.regels.invoer import InvoerFout, parse_maand, valideer_situatie
from maatwerk.regels.systeem import DEFAULT_GEMEENTE, OnbekendeGemeente, systeem
from maatwerk.regels.uitleg import Uitlegger, json_waarde

# The public output contract of the Regelkern (issue 2), in the order a consulent reads them.
STANDAARD_VARIABELEN = [
    "bijstandsnorm",
    "bijstandsnorm_inclusief_vakantietoeslag",
    "aantal_kostendelers",
    "vermogensgrens",
    "draagkracht_bijzondere_bijstand",
    "bijzondere_bijstand_bedrag",
    "individuele_inkomenstoeslag",
    "individuele_studietoeslag",
]

ENTITEIT_MEERVOUD = {"huishouden": "huishoudens", "persoon": "personen"}


def _systeem(gemeente: str, beleid: Beleid = ()):
    try:
        # Approved policy versions (issue 12) are a Reform of the baseline, built once per version.
        return systeem_met_beleid(gemeente, tuple(beleid)) if beleid else systeem(gemeente)
    except OnbekendeGemeente as fout:
        raise InvoerFout("gemeente", str(fout)) from None


def _check_variabelen(tbs, variabelen: list[str]) -> None:
    for naam in variabelen:
        variable = tbs.variables.get(naam)
        if variable is None:
            raise InvoerFout("variabelen", f"onbekende variabele '{naam}'.")
        if variable.definition_period.name not in ("MONTH", "ETERNITY"):
            raise InvoerFout("variabelen", f"'{naam}' wordt niet per maand berekend.")


def _situatie_fout(fout: SituationParsingError) -> InvoerFout:
    """Translate the engine's nested error dict into one Dutch message with the field path."""
    pad, node = [], fout.error
    while isinstance(node, dict) and node:
        sleutel = next(iter(node))
        pad.append(str(sleutel))
        node = node[sleutel]
    return InvoerFout(".".join(pad) or "situatie", f"deze waarde kan niet worden verwerkt ({node}).")


def simulatie(situatie: dict, periode: str, gemeente: str = DEFAULT_GEMEENTE, trace: bool = False,
              beleid: Beleid = ()):
    """Validate the situation and build an OpenFisca simulation for it."""
    parse_maand(periode)
    tbs = _systeem(gemeente, beleid)
    valideer_situatie(tbs, situatie)
    builder = SimulationBuilder()
    builder.set_default_period(periode)
    try:
        sim = builder.build_from_entities(tbs, situatie)
    except SituationParsingError as fout:
        raise _situatie_fout(fout) from None
    sim.trace = trace
    return tbs, sim


def bereken(
    situatie: dict,
    periode: str,
    gemeente: str = DEFAULT_GEMEENTE,
    variabelen: list[str] | None = None,
    uitleg: bool = False,
    beleid: Beleid = (),
) -> dict:
    """Compute `variabelen` (default: the output contract) for the month `periode`, with the approved policy
    changes `beleid` (`maatwerk.regels.beleidsversies`; none: the ordinance as in the YAML files)."""
    tbs = _systeem(gemeente, beleid)
    variabelen = list(variabelen or STANDAARD_VARIABELEN)
    _check_variabelen(tbs, variabelen)
    tbs, sim = simulatie(situatie, periode, gemeente, trace=uitleg, beleid=beleid)

    ids = {
        "huishouden": list(situatie["huishoudens"].keys()),
        "persoon": list(situatie["personen"].keys()),
    }
    resultaten: dict = {"huishoudens": {i: {} for i in ids["huishouden"]}, "personen": {i: {} for i in ids["persoon"]}}
    berekend: list[tuple[str, object]] = []
    # Periods parsed once (the engine and the uitleg would parse the string again for every variable).
    # ETERNITY variables (geboortedatum, aow_datum) are asked for with the month too: the engine cannot
    # pick a formula for the ETERNITY period itself, and an eternal value is the same in every month.
    maand = periods.period(periode)
    for naam in variabelen:
        variable = tbs.variables[naam]
        per = maand
        waarden = sim.calculate(naam, per)
        if hasattr(waarden, "decode_to_str"):
            waarden = waarden.decode_to_str()
        entiteit = variable.entity.key
        for i, ident in enumerate(ids[entiteit]):
            resultaten[ENTITEIT_MEERVOUD[entiteit]][ident][naam] = json_waarde(waarden[i].item() if hasattr(waarden[i], "item") else waarden[i])
        berekend.append((naam, per))

    antwoord = {"periode": periode, "gemeente": tbs.gemeente, "resultaten": resultaten}
    if uitleg:
        uitlegger = Uitlegger(sim, tbs)
        toelichting: dict = {"huishoudens": {}, "personen": {}}
        for naam, per in berekend:
            entiteit = tbs.variables[naam].entity.key
            meervoud = ENTITEIT_MEERVOUD[entiteit]
            for i, ident in enumerate(ids[entiteit]):
                toelichting[meervoud].setdefault(ident, {})[naam] = uitlegger.overwegingen(naam, per, entiteit, i)
        antwoord["uitleg"] = toelichting
    return antwoord
