"""Algemene termijnenwet: holidays (art. 3), art. 1 lid 1 extension and art. 2 minimum of two werkdagen.

Sources of the asserted dates:
- Atw art. 3 lid 1 and lid 2 (Goede Vrijdag gelijkgesteld), https://wetten.overheid.nl/BWBR0002448
- Koningsdag 27 April, Saturday 26 April when 27 April is a Sunday: Besluit van 30 januari 2013
  (Stcrt. 2013, 4075; BWBR0032908) and koninklijkhuis.nl
- Gelijkgestelde dagen (Atw art. 3 lid 3): "Besluit gelijkstelling van 28 april 2023, 19 mei 2023,
  10 mei 2024, 27 december 2024 en 30 mei 2025 ..." and "Besluit gelijkstelling van 2 januari 2026,
  15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 ..." (titles as cited by sterfgeval.nl, 4-10-2025)
"""

from datetime import date

import pytest

from maatwerk.termijnen import (
    ondersteunde_jaren,
    bezwaartermijn,
    einddatum,
    feestdagen,
    is_werkdag,
)
from maatwerk.termijnen.atw import atw_verlengen


def test_feestdagen_2026_volledig_en_in_volgorde():
    assert [(f.datum, f.naam) for f in feestdagen(2026)] == [
        (date(2026, 1, 1), "Nieuwjaarsdag"),
        (date(2026, 1, 2), "met een algemeen erkende feestdag gelijkgestelde dag"),
        (date(2026, 4, 3), "Goede Vrijdag"),
        (date(2026, 4, 6), "Tweede Paasdag"),
        (date(2026, 4, 27), "Koningsdag"),
        (date(2026, 5, 5), "Bevrijdingsdag (de vijfde mei)"),
        (date(2026, 5, 14), "Hemelvaartsdag"),
        (date(2026, 5, 15), "met een algemeen erkende feestdag gelijkgestelde dag"),
        (date(2026, 5, 25), "Tweede Pinksterdag"),
        (date(2026, 12, 25), "Eerste Kerstdag"),
        (date(2026, 12, 26), "Tweede Kerstdag"),
    ]


def test_goede_vrijdag_staat_er_op_grond_van_lid_2_niet_lid_1():
    goede_vrijdag = next(f for f in feestdagen(2026) if f.naam == "Goede Vrijdag")
    assert goede_vrijdag.datum == date(2026, 4, 3)
    assert goede_vrijdag.bron == "Algemene termijnenwet, artikel 3, tweede lid"


@pytest.mark.parametrize(
    "jaar, koningsdag",
    [
        (2023, date(2023, 4, 27)),  # donderdag
        (2024, date(2024, 4, 27)),  # zaterdag: blijft 27 april
        (2025, date(2025, 4, 26)),  # 27 april is zondag -> zaterdag 26 april
        (2026, date(2026, 4, 27)),  # maandag
        (2027, date(2027, 4, 27)),  # dinsdag
        (2028, date(2028, 4, 27)),  # donderdag
    ],
)
def test_koningsdag_per_jaar(jaar, koningsdag):
    assert [f.datum for f in feestdagen(jaar) if f.naam == "Koningsdag"] == [koningsdag]


def test_koningsdag_2025_op_zaterdag_verandert_niets_aan_maandag_28_april():
    assert is_werkdag(date(2025, 4, 28)) is True
    assert is_werkdag(date(2025, 4, 27)) is False  # zondag


def test_werkdagen_en_niet_werkdagen():
    assert is_werkdag(date(2026, 4, 28)) is True  # dinsdag na Koningsdag
    assert is_werkdag(date(2026, 4, 3)) is False  # Goede Vrijdag (art. 3 lid 2)
    assert is_werkdag(date(2026, 5, 15)) is False  # gelijkgesteld (art. 3 lid 3)
    assert is_werkdag(date(2026, 5, 4)) is True  # maandag vóór Bevrijdingsdag: niet gelijkgesteld
    assert is_werkdag(date(2026, 2, 28)) is False  # zaterdag


@pytest.mark.parametrize("jaar", [2016, 2020, 2021, 2022, 2029])
def test_jaar_zonder_gelijkstellingsbesluit_rekent_met_de_wettelijke_dagen_en_waarschuwt(jaar):
    namen = {f.naam for f in feestdagen(jaar)}
    assert "met een algemeen erkende feestdag gelijkgestelde dag" not in namen
    assert len(namen) >= 8  # art. 3 lid 1 and lid 2 still apply
    assert jaar not in ondersteunde_jaren()
    # a term ending in such a year is computed, and its explanation says bridge days may be missing
    t = bezwaartermijn(date(jaar, 3, 2), vandaag=date(jaar, 3, 2))
    assert any(f"voor {jaar} is geen Besluit gelijkstelling" in s for s in t.stappen)


def test_bezwaartermijn_eindigt_op_koningsdag_2026():
    # bekendmaking maandag 16 maart 2026 -> 6 weken -> maandag 27 april (Koningsdag) -> dinsdag 28 april
    assert bezwaartermijn(date(2026, 3, 16), vandaag=date(2026, 3, 16)).einde == date(2026, 4, 28)


def test_bezwaartermijn_eindigt_op_tweede_kerstdag_2025():
    # vrijdag 26 december 2025, dan zaterdag en zondag -> maandag 29 december
    assert bezwaartermijn(date(2025, 11, 14), vandaag=date(2025, 11, 14)).einde == date(2025, 12, 29)


def test_bezwaartermijn_eindigt_op_hemelvaartsdag_2026_en_de_gelijkgestelde_vrijdag():
    # donderdag 14 mei (Hemelvaart), vrijdag 15 mei (gelijkgesteld), weekend -> maandag 18 mei
    t = bezwaartermijn(date(2026, 4, 2), vandaag=date(2026, 4, 2))
    assert t.einde == date(2026, 5, 18)
    assert "15 mei 2026 (met een algemeen erkende feestdag gelijkgestelde dag" in t.stappen[-1]


def test_bezwaartermijn_eindigt_op_zaterdag():
    assert bezwaartermijn(date(2026, 1, 17), vandaag=date(2026, 1, 17)).einde == date(2026, 3, 2)


def test_bezwaartermijn_eindigt_op_koningsdag_2025_zaterdag():
    # zaterdag 26 april 2025 (Koningsdag en zaterdag), zondag 27 april -> maandag 28 april 2025
    assert bezwaartermijn(date(2025, 3, 15), vandaag=date(2025, 3, 15)).einde == date(2025, 4, 28)


def test_wettelijke_termijn_op_goede_vrijdag_wordt_wel_verlengd():
    # Atw art. 3 lid 2 stelt Goede Vrijdag gelijk: vr 3 april, za, zo, ma 6 april (2e Paasdag) -> di 7 april
    t = bezwaartermijn(date(2026, 2, 20), vandaag=date(2026, 2, 20))
    assert t.einde == date(2026, 4, 7)
    assert "Goede Vrijdag, Algemene termijnenwet, artikel 3, tweede lid" in t.stappen[-1]


def test_niet_wettelijke_termijn_op_goede_vrijdag_wordt_niet_verlengd():
    assert einddatum(date(2026, 2, 20), weken=6, atw=False) == date(2026, 4, 3)


def test_werkdag_einde_blijft_staan():
    assert atw_verlengen(date(2026, 6, 2), date(2026, 7, 13)) == (date(2026, 7, 13), [])


def test_artikel_2_termijn_van_drie_dagen_bevat_twee_werkdagen():
    # Termijn vr 3 t/m zo 5 april 2026 (Goede Vrijdag, za, zo). Art. 1 alleen zou di 7 april geven;
    # art. 2 eist twee werkdagen in de termijn: di 7 en wo 8 april.
    assert einddatum(date(2026, 4, 2), dagen=3, atw=True) == date(2026, 4, 8)


def test_artikel_2_geldt_niet_voor_termijn_korter_dan_drie_dagen():
    # 2 dagen: vr 3 en za 4 april -> alleen art. 1 -> di 7 april
    assert einddatum(date(2026, 4, 2), dagen=2, atw=True) == date(2026, 4, 7)
