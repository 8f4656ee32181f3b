"""Demo providers, products and tariffs (issue 10, point 6). ILLUSTRATIVE: the names, AGB codes, KvK numbers,
product codes and tariffs are made up in the style of a Lansingerland contract; no published Lansingerland
tariffs were found. The product categories are those of the iWmo code list WMO020 (and JZ020 for Jeugd, see
codelijsten.py); product codes are chosen by the municipality in the standard, so any 5 characters are valid."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from maatwerk.iwmo.models import Aanbieder, Contract, Product, Tarief

BRON = "Demogegevens: illustratief tarief, geen gepubliceerd tarief van Lansingerland"
START = dt.date(2026, 1, 1)

AANBIEDERS = [
    # naam, AGB, KvK, domeinen
    ("Thuiszorg De Berkel", "98000001", "60000001", ("wmo",)),
    ("Begeleiding Oostland", "98000002", "60000002", ("wmo", "jeugd")),
    ("Jeugdteam Rodenrijs", "98000003", "60000003", ("jeugd",)),
]
PRODUCTEN = [
    # domein, categorie, code, omschrijving, eenheid, frequentie, tarief per eenheid
    ("wmo", "01", "01A01", "Hulp bij het huishouden", "04", "2", Decimal("32.50")),
    ("wmo", "02", "02A01", "Individuele begeleiding", "04", "2", Decimal("62.00")),
    ("wmo", "07", "07A01", "Dagbesteding", "16", "2", Decimal("45.00")),
    ("wmo", "04", "04A01", "Kortdurend verblijf", "14", "4", Decimal("120.00")),
    ("jeugd", "45", "45A01", "Jeugdhulp ambulant", "04", "2", Decimal("85.00")),
]


def laad() -> bool:
    """Create the demo providers, products and tariffs once; False when they were already there."""
    if Aanbieder.objects.filter(agb_code=AANBIEDERS[0][1]).exists():
        return False
    for naam, agb, kvk, domeinen in AANBIEDERS:
        a = Aanbieder.objects.create(naam=naam, agb_code=agb, kvk_nummer=kvk)
        for d in domeinen:
            Contract.objects.create(aanbieder=a, domein=d, van=START, kenmerk=f"Demo-contract {d} 2026")
    for domein, categorie, code, omschrijving, eenheid, frequentie, bedrag in PRODUCTEN:
        p, _ = Product.objects.get_or_create(domein=domein, categorie=categorie, code=code, defaults={
            "omschrijving": omschrijving, "eenheid": eenheid, "frequentie": frequentie})
        Tarief.objects.create(product=p, bedrag=bedrag, van=START, bron=BRON)
    return True
