"""Dutch formats (issue 8: `€ 2.500,00`, `5 december 2026`, never `€ 2500.00` or ISO dates in Dutch text)."""

import datetime as dt
from decimal import Decimal

from django.template import Context, Template

from maatwerk import formaat


def test_bedrag_met_punt_voor_duizendtallen_en_komma_voor_centen():
    assert formaat.bedrag(Decimal("2500")) == "€ 2.500,00"
    assert formaat.bedrag(Decimal("1234567.891")) == "€ 1.234.567,89"
    assert formaat.bedrag(0) == "€ 0,00"
    assert formaat.bedrag(Decimal("-12.5")) == "-€ 12,50"
    assert formaat.bedrag(None) == ""


def test_datum_voluit_met_maandnaam():
    assert formaat.datum(dt.date(2026, 12, 5)) == "5 december 2026"
    assert formaat.datum("2027-01-31") == "31 januari 2027"
    assert formaat.datum(None) == ""


def test_filters_in_sjablonen():
    t = Template("{% load nl %}{{ b|bedrag }} op {{ d|datum }}")
    assert t.render(Context({"b": Decimal("2500.00"), "d": dt.date(2026, 12, 5)})) == "€ 2.500,00 op 5 december 2026"
