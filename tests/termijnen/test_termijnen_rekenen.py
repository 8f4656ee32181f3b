"""Term arithmetic (Awb 6:8 lid 1: the term starts the day after the event; ends at the end of its last day)."""

from datetime import date

import pytest

from maatwerk.termijnen import TermijnFout, eerste_dag, einddatum


def test_termijn_begint_de_dag_na_de_gebeurtenis():
    assert eerste_dag(date(2026, 3, 16)) == date(2026, 3, 17)
    assert eerste_dag(date(2026, 12, 31)) == date(2027, 1, 1)


def test_weken_eindigen_op_dezelfde_weekdag():
    assert einddatum(date(2026, 6, 3), weken=6, atw=False) == date(2026, 7, 15)


def test_dagen():
    assert einddatum(date(2026, 6, 3), dagen=10, atw=False) == date(2026, 6, 13)


@pytest.mark.parametrize(
    "gebeurtenis, verwacht",
    [
        (date(2026, 1, 31), date(2026, 2, 28)),  # geen schrikkeljaar
        (date(2024, 1, 31), date(2024, 2, 29)),  # schrikkeljaar
        (date(2028, 1, 30), date(2028, 2, 29)),  # schrikkeljaar, 30 januari
        (date(2026, 3, 31), date(2026, 4, 30)),  # april heeft 30 dagen
        (date(2026, 1, 15), date(2026, 2, 15)),
    ],
)
def test_een_maand_bij_maandeinde(gebeurtenis, verwacht):
    assert einddatum(gebeurtenis, maanden=1, atw=False) == verwacht


def test_maand_over_jaargrens_en_schrikkeldag():
    assert einddatum(date(2023, 12, 31), maanden=2, atw=False) == date(2024, 2, 29)
    assert einddatum(date(2024, 2, 29), maanden=12, atw=False) == date(2025, 2, 28)


def test_maandeinde_met_atw():
    # 31 jan 2026 + 1 maand = za 28 februari -> Atw art. 1 -> ma 2 maart
    assert einddatum(date(2026, 1, 31), maanden=1, atw=True) == date(2026, 3, 2)
    # 29 februari 2024 is een donderdag: blijft staan
    assert einddatum(date(2024, 1, 31), maanden=1, atw=True) == date(2024, 2, 29)


def test_atw_niet_voor_termijnen_langer_dan_twaalf_weken():
    # Atw art. 4 (volgens secundaire bronnen, zie termijnen.yaml): 13 weken na za 17 januari 2026 eindigt
    # op za 18 april 2026 en wordt niet verlengd; 12 weken (de grens zelf) wel.
    assert einddatum(date(2026, 1, 17), weken=13, atw=True) == date(2026, 4, 18)
    assert einddatum(date(2026, 1, 24), weken=12, atw=True) == date(2026, 4, 20)  # za 18 april -> ma 20


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"dagen": 1, "weken": 1}, {"weken": 0}, {"maanden": -1}],
)
def test_ongeldige_invoer(kwargs):
    with pytest.raises(TermijnFout):
        einddatum(date(2026, 1, 1), atw=False, **kwargs)
