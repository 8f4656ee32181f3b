"""Tariffs per product (and per provider where contracted), valid per period: the natura cost price that the
pgb (e.g. 75 % of the natura tariff for huishoudelijke ondersteuning, Verordening art. 4:8) and the eigen
bijdrage (never above the cost price, art. 4:9) depend on.

`tarief_op(product, datum)` answers the tariff on a day; periods of the same product and provider never
overlap (`leg_tarief_vast` refuses with a message naming the period it collides with). Who may record a tariff
is a cell of the rights table (`aanbieders_beheren`: the beleidsmedewerker; `maatwerk.toegang.rechten`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db.models import Q

from maatwerk import formaat
from maatwerk.iwmo.models import Aanbieder, Contract, Product, Tarief
from maatwerk.toegang import rechten
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.toegang.rollen import rollen

MAX_BEDRAG = Decimal("99999999.99")


def tarief_op(product: Product, datum: dt.date, aanbieder: Aanbieder | None = None) -> Tarief | None:
    """The tariff of `product` on `datum`: the provider's own contracted tariff when there is one, else the
    municipality's tariff for every provider; None when no tariff is valid that day."""
    geldig = Tarief.objects.filter(Q(tot__isnull=True) | Q(tot__gte=datum), product=product, van__lte=datum)
    if aanbieder is not None:
        eigen = geldig.filter(aanbieder=aanbieder).first()
        if eigen is not None:
            return eigen
    return geldig.filter(aanbieder__isnull=True).first()


def gecontracteerd(aanbieder: Aanbieder, domein: str, datum: dt.date) -> bool:
    return Contract.objects.filter(Q(tot__isnull=True) | Q(tot__gte=datum), aanbieder=aanbieder, domein=domein,
                                   van__lte=datum).exists()


def mag_beheren(gebruiker, domein: str) -> bool:
    return bool(rechten.rechten(rollen(gebruiker), rechten.AANBIEDERS_BEHEREN, domein))


def _overlap(product: Product, aanbieder: Aanbieder | None, van: dt.date, tot: dt.date | None) -> Tarief | None:
    andere = Tarief.objects.filter(product=product, aanbieder=aanbieder).filter(Q(tot__isnull=True) | Q(tot__gte=van))
    if tot is not None:
        andere = andere.filter(van__lte=tot)
    return andere.first()


def _periode(t: Tarief) -> str:
    return f"{formaat.datum(t.van)} tot en met {formaat.datum(t.tot)}" if t.tot else f"{formaat.datum(t.van)} (zonder einddatum)"


def leg_tarief_vast(gebruiker, *, product: Product, aanbieder: Aanbieder | None, bedrag, van: dt.date | None,
                    tot: dt.date | None, bron: str) -> Tarief:
    """Record a tariff. Refused (GeenToegang) without the right; bad input gives a ValidationError per field."""
    if not mag_beheren(gebruiker, product.domein):
        raise GeenToegang("Alleen de beleidsmedewerker legt tarieven vast (rechtentabel: aanbieders en tarieven beheren).")
    fouten: dict[str, list[str]] = {}
    try:
        bedrag = Decimal(str(bedrag))
        if not bedrag.is_finite() or bedrag < 0 or bedrag > MAX_BEDRAG or bedrag != bedrag.quantize(Decimal("0.01")):
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        fouten["bedrag"] = ["Tarief: vul een bedrag in euro's in van 0 of meer, met ten hoogste twee decimalen."]
    if van is None:
        fouten["van"] = ["Geldig vanaf: vul een datum in."]
    if van is not None and tot is not None and tot < van:
        fouten["tot"] = ["Geldig tot en met: deze datum ligt vóór 'geldig vanaf'."]
    if not (bron or "").strip():
        fouten["bron"] = ["Bron: noem het besluit, het contract of de beleidsregel waar dit tarief uit komt."]
    if aanbieder is not None and van is not None and not gecontracteerd(aanbieder, product.domein, van):
        fouten["aanbieder"] = [f"Aanbieder: {aanbieder.naam} heeft op {formaat.datum(van)} geen contract voor "
                               f"{product.get_domein_display()}."]
    if not fouten:
        botsing = _overlap(product, aanbieder, van, tot)
        if botsing is not None:
            wie = f"voor {aanbieder.naam}" if aanbieder else "voor alle aanbieders"
            fouten["van"] = [f"Geldig vanaf: deze periode overlapt met het tarief {wie} van {_periode(botsing)} "
                             f"({formaat.bedrag(botsing.bedrag)}). Sluit dat tarief eerst af of kies een andere periode."]
    if fouten:
        raise ValidationError(fouten)
    return Tarief.objects.create(product=product, aanbieder=aanbieder, bedrag=bedrag, van=van, tot=tot,
                                 bron=bron.strip(), vastgelegd_door=gebruiker)
