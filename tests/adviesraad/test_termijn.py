"""Art. 3:8 lid 4: advice within three weeks after receipt, extension by at most one week; an ordinance term, so
no Algemene termijnenwet. Edge dates: across a month end, leap year, the last day itself and the day after."""

from __future__ import annotations

import datetime as dt

import pytest

from maatwerk.adviesraad.termijn import adviestermijn, op_tijd
from maatwerk.termijnen.gegevens import TermijnFout

D = dt.date


def test_drie_weken_na_ontvangst_over_het_einde_van_de_maand():
    t = adviestermijn(D(2026, 2, 10), vandaag=D(2026, 2, 10))
    assert t.start == D(2026, 2, 11) and t.einde == D(2026, 3, 3)  # February 2026 has 28 days
    assert t.soort == "verordening" and "artikel 3:8, vierde lid" in t.bron and not t.atw_van_toepassing


def test_schrikkeljaar_en_de_laatste_dag_van_de_maand():
    assert adviestermijn(D(2028, 2, 10)).einde == D(2028, 3, 2)  # 29 February 2028 counts
    assert adviestermijn(D(2026, 1, 31)).einde == D(2026, 2, 21)


def test_geen_atw_einde_op_zaterdag_blijft_zaterdag():
    t = adviestermijn(D(2026, 11, 14))  # a Saturday; three weeks later is a Saturday too
    assert t.einde == D(2026, 12, 5) and t.einde.isoweekday() == 6
    assert any("Atw" in s or "termijnenwet" in s for s in t.stappen)


def test_uitstel_met_een_week_en_niet_meer():
    t = adviestermijn(D(2026, 2, 10), uitstel_weken=1)
    assert t.einde == D(2026, 3, 10)
    assert any("uitgesteld met 1 week" in s for s in t.stappen)
    with pytest.raises(TermijnFout, match="ten hoogste 1 week"):
        adviestermijn(D(2026, 2, 10), uitstel_weken=2)


def test_advies_op_de_laatste_dag_is_op_tijd_de_dag_erna_niet():
    t = adviestermijn(D(2026, 2, 10))
    assert op_tijd(t, D(2026, 3, 3))
    assert not op_tijd(t, D(2026, 3, 4))
    assert t.op(D(2026, 3, 3)).dagen_resterend == 0 and not t.op(D(2026, 3, 3)).verstreken
    assert t.op(D(2026, 3, 4)).verstreken
