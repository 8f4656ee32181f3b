"""Art. 7:13 of the ordinance: a besluit tot verlaging states the reason, the duration, the amount or percentage and,
if the consulent deviates, why; each element names its source. No internal codes in the texts a person reads."""

import re

import pytest

from maatwerk.regels.afstemming_besluit import elementen
from maatwerk.regels.invoer import InvoerFout


def _situatie(**huishouden):
    basis = {
        "partners": ["a"],
        "afstemming_gedraging": {"ETERNITY": "art_18_lid_4_overig"},
        "afstemming_verwijtbaarheid": {"ETERNITY": "verwijtbaar"},
        "afstemming_horen": {"ETERNITY": "gehoord"},
        "datum_gedraging": {"ETERNITY": "2026-01-10"},
        "datum_constatering_gedraging": {"ETERNITY": "2026-01-20"},
        "datum_bekendmaking_verlaging": {"ETERNITY": "2026-02-15"},
    }
    basis.update({k: {"ETERNITY": v} for k, v in huishouden.items()})
    return {"personen": {"a": {"geboortedatum": {"ETERNITY": "1980-01-01"}}}, "huishoudens": {"h": basis}}


def _geen_codes(teksten):
    for tekst in teksten:
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", tekst), tekst


def test_a_b_c_with_sources_for_a_spread_verlaging_of_7_21():
    uit = elementen(_situatie(), "2026-03")
    assert [e.onderdeel for e in uit] == ["a", "b", "c"]
    a, b, c = uit
    assert "artikel 18, vierde lid" in a.tekst and "7:18 tot en met 7:25" in a.bron
    assert b.tekst == "één maand, vanaf 1 maart 2026; het bedrag wordt verdeeld over 3 maanden."
    assert "7:20 tot en met 7:25" in b.bron
    assert c.tekst == "100 % van € 1.401,50 per maand; in totaal € 1.401,50."
    assert all(e.soort == "verordening" and "Verordening Sociaal Domein" in e.bron for e in uit)
    _geen_codes(e.tekst for e in uit)


def test_d_only_when_the_consulent_deviates():
    uit = elementen(_situatie(afstemming_gedraging="art_55_vermindering", afstemming_afwijken=True,
                              afstemming_afwijkend_percentage=0.2), "2026-03")
    assert [e.onderdeel for e in uit] == ["a", "b", "c", "d"]
    assert uit[2].tekst == "20 % van € 1.401,50 per maand; in totaal € 280,30."
    assert uit[3].soort == "discretie" and "40 %" in uit[3].tekst and "artikel 18, tweede lid" in uit[3].bron


def test_recidive_is_stated_with_the_duration():
    uit = elementen(_situatie(
        afstemming_gedraging="pw_tegenprestatie", vorige_afstemming_gedraging="pw_plan_van_aanpak",
        vorige_afstemming_percentage=0.5, vorige_afstemming_duur_maanden=1,
        datum_bekendmaking_vorige_verlaging="2025-03-01", datum_gedraging="2027-03-01",
        datum_constatering_gedraging="2027-03-05", datum_bekendmaking_verlaging="2027-03-20"), "2027-04")
    assert uit[1].tekst.startswith("2 maanden, vanaf 1 april 2027; de duur is verdubbeld")


def test_no_verlaging_names_the_reason_and_the_letter_of_7_15_lid_3():
    uit = elementen(_situatie(afstemming_dringende_redenen=True), "2026-03")
    assert [e.naam for e in uit] == ["Geen verlaging", "Brief"]
    assert "dringende redenen" in uit[0].tekst and "7:15" in uit[1].bron
    uit = elementen(_situatie(afstemming_horen="niet_vastgesteld"), "2026-03")
    assert [e.naam for e in uit] == ["Geen verlaging"] and "gehoord" in uit[0].tekst
    _geen_codes(e.tekst for e in uit)


def test_bad_input_is_a_dutch_message_naming_the_field():
    with pytest.raises(InvoerFout) as fout:
        elementen(_situatie(afstemming_gedraging="bestaat_niet"), "2026-03")
    assert "afstemming_gedraging" in fout.value.veld
