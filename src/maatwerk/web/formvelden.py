"""Form fields shared by the web forms.

BedragVeld reads an amount the way residents and consulenten type it: "1.234,50", "€ 1.234,50", "1234,50",
"1234.50", "1.234" or "1.234,-". Django's localized DecimalField only knows the comma as decimal separator
while USE_THOUSAND_SEPARATOR is off, so it refused "1.234,50"; turning that setting on would change how every
number on every page is shown. Hence one field that does the parsing itself.

Dates need no such field: every date in the UI is an <input type="date">, which always posts ISO 8601.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError

BEDRAG_ONGELDIG = "Vul een bedrag in, bijvoorbeeld 1.234,50."
BEDRAG_SCHRIJFWIJZE = ("Schrijf een bedrag als 1.234,50: een komma voor de centen, "
                       "en punten alleen tussen groepjes van drie cijfers.")

# A group of thousands never starts with 0, so "0.500" is not read as five hundred euros (it is a decimal
# with three decimals, which the max_decimal_places check refuses).
_GEGROEPEERD = r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+"
_MET_KOMMA = re.compile(rf"(?P<heel>[0-9]*|{_GEGROEPEERD}),(?P<cent>[0-9]+)")
_HEEL = re.compile(rf"[0-9]+|{_GEGROEPEERD}")
_PUNT_ALS_KOMMA = re.compile(r"(?P<heel>[0-9]*)\.(?P<cent>[0-9]+)")
_SPATIES = re.compile(r"\s+")  # also no-break spaces, which a copied bank statement or a browser may contain
_MINTEKENS = str.maketrans({"\u2212": "-", "\u2013": "-"})  # the real minus sign and the en dash of word processors
_TOEGESTAAN = frozenset("0123456789.,")


class _Schrijfwijze(ValueError):
    """The input looks like a number but its separators are misplaced ("1.23,4", "1,2,3")."""


def lees_bedrag(tekst: str) -> Decimal | None:
    """The amount in `tekst`, or None when nothing but a euro sign or spaces was typed.

    Raises _Schrijfwijze for misplaced separators and ValueError for anything else that is no amount.
    """
    s = _SPATIES.sub("", str(tekst).replace("€", "")).translate(_MINTEKENS)
    if not s:
        return None
    teken = ""
    if s[0] in "+-":
        teken, s = ("-" if s[0] == "-" else ""), s[1:]
    hele_euros = False
    for staart in (",--", ",-"):  # "€ 25,-": the Dutch way of writing whole euros
        if s.endswith(staart):
            s, hele_euros = s[: -len(staart)], True
            break
    if not s or not set(s) <= _TOEGESTAAN:
        raise ValueError(tekst)
    if _HEEL.fullmatch(s):
        heel, cent = s, ""
    elif hele_euros:
        raise _Schrijfwijze(tekst)
    elif m := _MET_KOMMA.fullmatch(s) or _PUNT_ALS_KOMMA.fullmatch(s):
        # A single dot that is no valid thousands grouping ("1234.5") can only be meant as decimal separator.
        heel, cent = m["heel"] or "0", m["cent"]
    else:
        raise _Schrijfwijze(tekst)
    try:
        return Decimal(f"{teken}{heel.replace('.', '')}{'.' + cent if cent else ''}")
    except InvalidOperation:  # not reachable with the patterns above; kept so a change there cannot give a 500
        raise ValueError(tekst) from None


class BedragVeld(forms.DecimalField):
    """An amount in euros, typed the Dutch way; at most 2 decimals and 12 digits unless told otherwise.

    Error codes: invalid (no amount), schrijfwijze (misplaced dots or commas), required, min_value, max_value,
    max_digits, max_decimal_places, max_whole_digits; pass error_messages to word them for one form.
    What was typed stays in the input when the form is shown again (a bound form renders its raw data).
    """

    widget = forms.TextInput
    default_error_messages = {
        "invalid": BEDRAG_ONGELDIG,
        "schrijfwijze": BEDRAG_SCHRIJFWIJZE,
        "min_value": "Het bedrag moet ten minste € %(limit_value)s zijn.",
        "max_value": "Het bedrag mag hoogstens € %(limit_value)s zijn.",
        "max_digits": "Dit bedrag is te groot: gebruik hoogstens %(max)s cijfers.",
        "max_decimal_places": "Gebruik hoogstens %(max)s cijfers achter de komma.",
        "max_whole_digits": "Dit bedrag is te groot: gebruik hoogstens %(max)s cijfers voor de komma.",
    }

    def __init__(self, *, max_digits=12, decimal_places=2, localize=True, widget=None, error_messages=None, **kwargs):
        if widget is None:
            # A text input, not type="number": browsers refuse "1.234,50" in a number input before we see it.
            widget = forms.TextInput(attrs={"inputmode": "decimal", "class": "nl-text-input nl-text-input--short"})
        berichten = dict(error_messages or {})
        if kwargs.get("min_value") == 0:
            berichten.setdefault("min_value", "Het bedrag kan niet negatief zijn.")
        # localize: an initial Decimal is shown as "1234,50", which a Dutch user recognises and which reads back.
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, localize=localize, widget=widget,
                         error_messages=berichten, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            return Decimal(value)
        if isinstance(value, float):
            return Decimal(str(value))  # str() first: Decimal(0.1) would carry the binary rounding error
        try:
            return lees_bedrag(value)
        except _Schrijfwijze:
            raise ValidationError(self.error_messages["schrijfwijze"], code="schrijfwijze") from None
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


__all__ = ["BEDRAG_ONGELDIG", "BEDRAG_SCHRIJFWIJZE", "BedragVeld", "lees_bedrag"]
