"""Validation of personal data, with Dutch messages that name the field."""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils import timezone

POSTCODE = re.compile(r"^([1-9][0-9]{3}) ?([A-Za-z]{2})$")
# PostNL does not issue the letter combinations SA, SD and SS.
POSTCODE_NIET_UITGEGEVEN = {"SA", "SD", "SS"}
MAAND = re.compile(r"^(\d{4})-(\d{2})$")
VROEGSTE_DATUM = dt.date(1900, 1, 1)


def elfproef(bsn: str) -> bool:
    """BSN check: 9 digits, 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11, not all zeros."""
    if not isinstance(bsn, str) or len(bsn) != 9 or not bsn.isascii() or not bsn.isdigit():
        return False
    if set(bsn) == {"0"}:
        return False
    totaal = sum(int(c) * w for c, w in zip(bsn, (9, 8, 7, 6, 5, 4, 3, 2, -1)))
    return totaal % 11 == 0


def valideer_bsn(waarde: str) -> None:
    if not isinstance(waarde, str) or len(waarde) != 9 or not waarde.isascii() or not waarde.isdigit():
        raise ValidationError("BSN: een burgerservicenummer bestaat uit precies 9 cijfers.", code="bsn_vorm")
    if not elfproef(waarde):
        raise ValidationError(
            "BSN: '%(bsn)s' is geen geldig burgerservicenummer (voldoet niet aan de elfproef).",
            code="bsn_elfproef",
            params={"bsn": waarde},
        )


def normaliseer_postcode(waarde: str) -> str:
    """'1234ab' / '1234 ab' -> '1234 AB'; anything else is returned unchanged (and fails validation)."""
    m = POSTCODE.match((waarde or "").strip()) if isinstance(waarde, str) else None
    return f"{m.group(1)} {m.group(2).upper()}" if m else waarde


def valideer_postcode(waarde: str) -> None:
    m = POSTCODE.match(waarde) if isinstance(waarde, str) else None
    if not m or waarde != normaliseer_postcode(waarde):
        raise ValidationError(
            "Postcode: '%(p)s' is geen geldige postcode; schrijf vier cijfers, een spatie en twee hoofdletters, "
            "bijvoorbeeld 2651 AB.",
            code="postcode",
            params={"p": waarde},
        )
    if m.group(2).upper() in POSTCODE_NIET_UITGEGEVEN:
        raise ValidationError(
            "Postcode: de lettercombinatie %(l)s wordt in Nederlandse postcodes niet gebruikt.",
            code="postcode",
            params={"l": m.group(2).upper()},
        )


def valideer_verleden(waarde: dt.date, veld: str = "Datum") -> None:
    """A date of a fact (birth, conversation, receipt): not in the future, not before 1900."""
    if waarde is None:
        return
    if waarde > timezone.localdate():
        raise ValidationError(f"{veld}: deze datum ligt in de toekomst.", code="toekomst")
    if waarde < VROEGSTE_DATUM:
        raise ValidationError(f"{veld}: een datum vóór 1900 is niet mogelijk.", code="te_vroeg")


def valideer_geboortedatum(waarde: dt.date) -> None:
    valideer_verleden(waarde, "Geboortedatum")


def parse_maand(waarde: str, veld: str = "maand") -> dt.date:
    """'2026-07' -> date(2026, 7, 1); a Dutch ValidationError naming the field otherwise."""
    m = MAAND.match(waarde) if isinstance(waarde, str) else None
    if not m or not 1 <= int(m.group(2)) <= 12 or not 1900 <= int(m.group(1)) <= 2100:
        raise ValidationError(
            {veld: [f"'{waarde}' is geen geldige maand; schrijf JJJJ-MM, bijvoorbeeld 2026-07."]}, code="maand"
        )
    return dt.date(int(m.group(1)), int(m.group(2)), 1)


def maandveld(waarde: str) -> str:
    """A form's month field: the text 'JJJJ-MM' without spaces, or the field's own error (the message, not a dict
    naming the field again, which a form's clean_<veld> may not raise)."""
    waarde = waarde.strip()
    try:
        parse_maand(waarde, "maand")
    except ValidationError as fout:
        raise ValidationError(fout.message_dict["maand"]) from None
    return waarde


def valideer_eerste_van_maand(waarde: dt.date) -> None:
    if waarde is not None and waarde.day != 1:
        raise ValidationError("Maand: sla een maand op als de eerste dag van die maand.", code="maand")
