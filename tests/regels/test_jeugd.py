"""Jeugd rules (issue 10 point 5): every outcome names its rule and source, bad input gets a Dutch message naming
the field, and a municipality without a Jeugd policy is refused. Amounts cross-checked against the ordinance:
Verordening Sociaal Domein Lansingerland 2018, art. 5:6 lid 3 (seed 001, lines 10057-10066): formal at most 100 %,
informal at most 51,7 % of the cost price of the cheapest adequate voorziening in natura."""

import copy

import pytest

from maatwerk.regels.berekening import bereken
from maatwerk.regels.invoer import InvoerFout

PGB = {
    "personen": {
        "j": {
            "geboortedatum": "2014-05-01",
            "jeugd_pgb_in_staat_tot_beheer": {"2026-03": True},
            "jeugd_pgb_natura_niet_passend_gemotiveerd": {"2026-03": True},
            "jeugd_pgb_kwaliteit_gewaarborgd": {"2026-03": True},
            "jeugd_pgb_hulpverlener": {"2026-03": "informeel"},
            "jeugd_natura_kostprijs": {"2026-03": 1000},
            "jeugd_pgb_begroting": {"2026-03": 800},
        }
    },
    "huishoudens": {"h": {"partners": ["j"]}},
}


def _overwegingen(antwoord, variabele):
    return {o["regel"]: o for o in antwoord["uitleg"]["personen"]["j"][variabele]}


def test_pgb_uitleg_names_the_percentage_the_cost_price_and_the_article():
    antwoord = bereken(PGB, "2026-03", variabelen=["jeugd_pgb_bedrag"], uitleg=True)
    # 51,7 % of € 1.000 = € 517 (art. 5:6 lid 3 onder b); the begroting of € 800 is capped.
    assert antwoord["resultaten"]["personen"]["j"]["jeugd_pgb_bedrag"] == 517.0
    regels = _overwegingen(antwoord, "jeugd_pgb_bedrag")
    maximum = regels["jeugd.pgb.maximum"]
    assert maximum["zin"] == (
        "Een formeel pgb is ten hoogste 100 % en een informeel pgb ten hoogste 51,7 % van wat de hulp in natura kost "
        "(€ 1.000,00 per maand). Dit pgb is informeel: ten hoogste € 517,00 per maand."
    )
    assert "artikel 5:6, derde lid" in maximum["bron"]
    bronnen = {p["bron"] for p in maximum["parameters"]}
    assert any("artikel 5:6, derde lid, onder b" in b for b in bronnen)
    assert "artikel 5:6, tweede, vierde en vijfde lid" in regels["jeugd.pgb.reden_niet_toekenbaar"]["bron"]
    assert "Jeugdwet, artikel 8.1.1" in regels["jeugd.pgb.bevinding.beheer"]["bron"]
    assert regels["jeugd.pgb.bevinding.beheer"]["soort"] == "discretie"
    assert all("?" not in o["zin"] and "{" not in o["zin"] for o in regels.values())


def test_beschikking_rule_explains_the_gp_route():
    situatie = {"personen": {"j": {"geboortedatum": "2014-05-01", "jeugdhulp_verwezen_door": {"2026-03": "huisarts"}}}, "huishoudens": {"h": {"partners": ["j"]}}}
    antwoord = bereken(situatie, "2026-03", variabelen=["jeugdhulp_beschikking_nodig"], uitleg=True)
    assert antwoord["resultaten"]["personen"]["j"]["jeugdhulp_beschikking_nodig"] is False
    regels = _overwegingen(antwoord, "jeugdhulp_beschikking_nodig")
    assert "artikel 5:4a" in regels["jeugd.beschikking_nodig"]["bron"]
    assert "artikel 2.6, eerste lid, onder g" in regels["jeugd.via_verwijzing"]["bron"]


@pytest.mark.parametrize(
    "variabele, waarde, veld, tekst",
    [
        ("jeugd_pgb_hulpverlener", {"2026-03": "oma"}, "personen.j.jeugd_pgb_hulpverlener.2026-03", "geen geldige keuze"),
        ("jeugd_natura_kostprijs", {"2026-03": "duur"}, "personen.j.jeugd_natura_kostprijs.2026-03", "geen getal"),
        ("jeugd_pgb_begroting", {"2026-03": -5}, "personen.j.jeugd_pgb_begroting.2026-03", "negatief"),
        ("jeugd_pgb_toekenningsdatum", {"2026-03": "2026-02-30"}, "personen.j.jeugd_pgb_toekenningsdatum.2026-03", "geen geldige datum"),
        ("jeugdhulp_contactmomenten", {"2026-03": -1}, "personen.j.jeugdhulp_contactmomenten.2026-03", "negatief"),
    ],
)
def test_bad_jeugd_input_gets_a_dutch_message_naming_the_field(variabele, waarde, veld, tekst):
    situatie = copy.deepcopy(PGB)
    situatie["personen"]["j"][variabele] = waarde
    with pytest.raises(InvoerFout) as fout:
        bereken(situatie, "2026-03", variabelen=["jeugd_pgb_bedrag", "jeugdhulp_beschikking_nodig",
                                                  "jeugd_pgb_uiterste_bestedingsdatum"])
    assert fout.value.veld == veld
    assert tekst in fout.value.bericht


@pytest.mark.parametrize("variabele", ["jeugd_pgb_bedrag", "jeugdhulp_vrij_toegankelijk", "jeugd_pgb_uiterste_bestedingsdatum"])
def test_a_municipality_without_jeugd_policy_is_refused_in_dutch(variabele):
    with pytest.raises(InvoerFout) as fout:
        bereken(PGB, "2026-03", "voorbeeldstad", variabelen=[variabele])
    assert fout.value.veld == "gemeente"
    assert "jeugdhulpregels" in fout.value.bericht


def test_terugvordering_only_for_intentional_wrong_data():
    situatie = {
        "personen": {"j": {"geboortedatum": "2014-05-01",
            "jeugd_herzieningsgrond": {"2026-03": "onjuiste_gegevens"},
            "jeugd_gegevens_opzettelijk_onjuist": {"2026-03": True},
            "jeugd_ten_onrechte_genoten_waarde": {"2026-03": 1551.0},
        }},
        "huishoudens": {"h": {"partners": ["j"]}},
    }
    antwoord = bereken(situatie, "2026-03", variabelen=["jeugd_terugvordering_maximum"], uitleg=True)
    assert antwoord["resultaten"]["personen"]["j"]["jeugd_terugvordering_maximum"] == 1551.0
    regels = _overwegingen(antwoord, "jeugd_terugvordering_maximum")
    assert "artikel 5:7, derde lid" in regels["jeugd.terugvordering.mogelijk"]["bron"]
