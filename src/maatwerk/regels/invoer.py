"""Validation of a situation (OpenFisca situation JSON) before it reaches the engine.

Bad input from anyone gets a Dutch message that names the offending field; the engine's own (English)
errors are never shown to a user. Checks here are about form (types, dates, roles, known variables);
legal judgements belong in the rules.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from openfisca_core.indexed_enums import Enum as OpenfiscaEnum
from openfisca_core.periods import DateUnit

ROLLEN = {"partners": "partner", "kinderen": "kind", "medebewoners": "medebewoner"}
ENTITEITEN = {"personen": "persoon", "huishoudens": "huishouden"}
PERIODE_MAAND = re.compile(r"^(\d{4})-(\d{2})$")
PERIODE_SLEUTEL = re.compile(r"^(ETERNITY|eternity|\d{4}(-\d{2}(-\d{2})?)?|month:\d{4}-\d{2}(:\d+)?|year:\d{4}(-\d{2})?(:\d+)?)$")

# Limits on input from outside (a situation file, an API body), issue 7 "bad input everywhere": larger or deeper
# input is refused with a Dutch message before it can exhaust memory or the stack. A situation is at most five
# levels deep (personen > id > variabele > maand > waarde); an API body a few more.
MAX_INVOER_BYTES = 1024 * 1024  # 1 MB; Django's DATA_UPLOAD_MAX_MEMORY_SIZE (web/settings.py) is the same
MAX_INVOER_DIEPTE = 20
TE_GROOT = "de invoer is groter dan 1 MB (1.048.576 bytes); stuur minder gegevens."
TE_DIEP = f"de JSON is te diep genest (hoogstens {MAX_INVOER_DIEPTE} niveaus)."

# Amounts that can legitimately be negative: vermogen is bezittingen minus schulden (art. 34 lid 1 Pw).
MAG_NEGATIEF = frozenset({"vermogen"})


@dataclass
class InvoerFout(ValueError):
    """A user-facing input error: `veld` is the path of the field, `bericht` a Dutch sentence."""

    veld: str
    bericht: str

    def __str__(self) -> str:
        return f"{self.veld}: {self.bericht}" if self.veld else self.bericht


class OngeldigeJSON(InvoerFout):
    """The input is not JSON at all (or not UTF-8); the API answers that with its own parse error."""


def lees_json(data: bytes | str, veld: str):
    """Parse JSON from outside within the limits above; a Dutch `InvoerFout` on `veld` otherwise."""
    if len(data) > MAX_INVOER_BYTES:
        raise InvoerFout(veld, TE_GROOT)
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise OngeldigeJSON(veld, "de invoer is geen tekst (UTF-8).") from None
    try:
        waarde = json.loads(data)
    except RecursionError:
        # Python's parser recurses per level: 100 000 times '[' ends here, not in a traceback.
        raise InvoerFout(veld, TE_DIEP) from None
    except json.JSONDecodeError as fout:
        raise OngeldigeJSON(veld, f"geen geldige JSON (regel {fout.lineno}, kolom {fout.colno}: {fout.msg}).") from None
    if _diepte(waarde) > MAX_INVOER_DIEPTE:
        raise InvoerFout(veld, TE_DIEP)
    return waarde


def _diepte(waarde) -> int:
    """Nesting depth of parsed JSON, without recursion (a scalar is 0, [] and {} are 1)."""
    diepste, stapel = 0, [(waarde, 0)]
    while stapel:
        w, d = stapel.pop()
        if isinstance(w, dict):
            w = list(w.values())
        if isinstance(w, list):
            diepste = max(diepste, d + 1)
            if d + 1 > MAX_INVOER_DIEPTE:
                break
            stapel.extend((x, d + 1) for x in w)
    return diepste


def parse_maand(periode: str, veld: str = "periode") -> str:
    """Validate a month written as YYYY-MM."""
    m = PERIODE_MAAND.match(str(periode or ""))
    if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1900:
        raise InvoerFout(veld, f"'{periode}' is geen geldige maand; schrijf JJJJ-MM, bijvoorbeeld 2026-07.")
    return periode


def _is_datum(value) -> bool:
    if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _check_waarde(variable, value, veld: str) -> None:
    vt = variable.value_type
    if value is None:
        raise InvoerFout(veld, "er is geen waarde ingevuld.")
    if vt is dt.date:
        if not _is_datum(value):
            raise InvoerFout(veld, f"'{value}' is geen geldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 1990-05-31.")
    elif vt is bool:
        if not isinstance(value, bool):
            raise InvoerFout(veld, f"'{value}' is geen ja/nee-waarde; gebruik true of false.")
    elif vt in (float, int):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise InvoerFout(veld, f"'{value}' is geen getal.")
        if value != value or value in (float("inf"), float("-inf")):
            raise InvoerFout(veld, "dit is geen eindig getal.")
        if vt is int and int(value) != value:
            raise InvoerFout(veld, f"'{value}' is geen geheel getal.")
        if value < 0 and variable.name not in MAG_NEGATIEF:
            raise InvoerFout(veld, f"een negatief bedrag ({value}) is hier niet mogelijk.")
    elif isinstance(vt, type) and issubclass(vt, OpenfiscaEnum):
        namen = [item.name for item in variable.possible_values]
        if value not in namen:
            raise InvoerFout(veld, f"'{value}' is geen geldige keuze; kies uit: {', '.join(namen)}.")
    elif vt is str:
        if not isinstance(value, str):
            raise InvoerFout(veld, f"'{value}' is geen tekst.")


def _check_periode(variable, periode, veld: str) -> None:
    """A period key must fit the variable: a real month JJJJ-MM (2025-13, 2025-00, 2025-1 and abcd-01 are not)
    for a monthly variable, ETERNITY for a value that does not depend on time. The engine's own answer to a
    wrong key is English or an unreadable list; this one is Dutch and names the key."""
    if variable.definition_period == DateUnit.ETERNITY:
        if str(periode).upper() != "ETERNITY":
            raise InvoerFout(veld, "deze waarde hangt niet van een periode af; geef één waarde.")
    elif variable.definition_period == DateUnit.MONTH:
        if not PERIODE_MAAND.match(str(periode)):
            raise InvoerFout(veld, f"'{periode}' is geen geldige periode; geef per maand een waarde met als sleutel "
                                   "JJJJ-MM, bijvoorbeeld 2026-07.")
        parse_maand(periode, veld)
    elif not PERIODE_SLEUTEL.match(str(periode)):
        raise InvoerFout(veld, f"'{periode}' is geen geldige periode; schrijf JJJJ-MM of JJJJ.")


def _check_variabele(tbs, entiteit: str, naam: str, waarde, veld: str) -> None:
    variable = tbs.variables.get(naam)
    if variable is None:
        raise InvoerFout(veld, f"onbekende variabele '{naam}'.")
    if variable.entity.key != ENTITEITEN[entiteit]:
        raise InvoerFout(veld, f"'{naam}' hoort bij een {variable.entity.key}, niet bij een {ENTITEITEN[entiteit]}.")
    if isinstance(waarde, dict):
        if not waarde:
            raise InvoerFout(veld, "er is geen periode met een waarde ingevuld.")
        for periode, w in waarde.items():
            _check_periode(variable, periode, f"{veld}.{periode}")
            _check_waarde(variable, w, f"{veld}.{periode}")
    else:
        _check_waarde(variable, waarde, veld)


def valideer_situatie(tbs, situatie) -> None:
    """Raise `InvoerFout` for the first problem found in `situatie`."""
    if not isinstance(situatie, dict):
        raise InvoerFout("situatie", "de situatie moet een JSON-object zijn met 'personen' en 'huishoudens'.")
    for sleutel in situatie:
        if sleutel not in ENTITEITEN:
            raise InvoerFout(str(sleutel), f"onbekend onderdeel '{sleutel}'; gebruik 'personen' en 'huishoudens'.")
    personen = situatie.get("personen")
    huishoudens = situatie.get("huishoudens")
    if not isinstance(personen, dict) or not personen:
        raise InvoerFout("personen", "geef ten minste één persoon op.")
    if not isinstance(huishoudens, dict) or not huishoudens:
        raise InvoerFout("huishoudens", "geef ten minste één huishouden op.")

    for pid, persoon in personen.items():
        if not isinstance(persoon, dict):
            raise InvoerFout(f"personen.{pid}", "een persoon moet een JSON-object zijn.")
        if "geboortedatum" not in persoon:
            raise InvoerFout(f"personen.{pid}.geboortedatum", "de geboortedatum ontbreekt.")
        for naam, waarde in persoon.items():
            _check_variabele(tbs, "personen", naam, waarde, f"personen.{pid}.{naam}")

    geplaatst: dict[str, str] = {}
    for hid, huishouden in huishoudens.items():
        veld = f"huishoudens.{hid}"
        if not isinstance(huishouden, dict):
            raise InvoerFout(veld, "een huishouden moet een JSON-object zijn.")
        for naam, waarde in huishouden.items():
            if naam in ROLLEN:
                if not isinstance(waarde, list) or not all(isinstance(p, str) for p in waarde):
                    raise InvoerFout(f"{veld}.{naam}", "geef een lijst met namen van personen.")
                for p in waarde:
                    if p not in personen:
                        raise InvoerFout(f"{veld}.{naam}", f"persoon '{p}' staat niet bij 'personen'.")
                    if p in geplaatst:
                        raise InvoerFout(f"{veld}.{naam}", f"persoon '{p}' staat al in {geplaatst[p]}.")
                    geplaatst[p] = f"huishoudens.{hid}.{naam}"
            elif naam in tbs.variables:
                _check_variabele(tbs, "huishoudens", naam, waarde, f"{veld}.{naam}")
            else:
                raise InvoerFout(
                    f"{veld}.{naam}",
                    f"onbekende rol of variabele '{naam}'; rollen zijn: {', '.join(ROLLEN)}.",
                )
        partners = huishouden.get("partners") or []
        if not 1 <= len(partners) <= 2:
            raise InvoerFout(f"{veld}.partners", "een huishouden heeft één aanvrager en hoogstens één partner.")
    for pid in personen:
        if pid not in geplaatst:
            raise InvoerFout(f"personen.{pid}", "deze persoon hoort bij geen enkel huishouden.")
