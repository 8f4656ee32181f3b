"""Wmo rules (issue 10 points 2-4): every outcome is explained with its sources, and bad input gets a Dutch message."""

import pytest

from maatwerk.regels.berekening import bereken
from maatwerk.regels.invoer import InvoerFout

PGB = {
    "personen": {
        "p": {
            "geboortedatum": "1950-01-01",
            "pgb_plan_ingediend": {"2026-03": True},
            "pgb_plan_betere_ondersteuning": {"2026-03": True},
            "pgb_plan_doelmatiger": {"2026-03": True},
            "pgb_client_in_staat_tot_beheer": {"2026-03": True},
            "pgb_client_gemotiveerd": {"2026-03": True},
            "pgb_kwaliteit_gewaarborgd": {"2026-03": True},
            "pgb_soort": {"2026-03": "huishoudelijke_ondersteuning_informeel"},
            "wmo_natura_kostprijs": {"2026-03": 400},
        }
    },
    "huishoudens": {"h": {"partners": ["p"], "wmo_kostprijs": {"2026-03": 300}}},
}

BLV = {
    "personen": {"a": {"geboortedatum": "1950-05-01"}},
    "huishoudens": {
        "h": {
            "partners": ["a"],
            "blijverslening_woningeigenaar": {"2026-03": True},
            "blijverslening_zorgvraag_vereist_aanpassing": {"2026-03": True},
            "blijverslening_bewoont_woning_zelf": {"2026-03": True},
            "blijverslening_maatregelen_realiseerbaar": {"2026-03": True},
            "blijverslening_kosten_maatregelen": {"2026-03": 6000},
            "blijverslening_resterend_budget": {"2026-03": 10000},
        }
    },
}


def _zinnen(antwoord, soort, ident, variabele):
    return antwoord["uitleg"][soort][ident][variabele]


def test_pgb_uitleg_names_each_rule_with_its_source_and_fills_every_figure():
    antwoord = bereken(PGB, "2026-03", variabelen=["pgb_bedrag", "pgb_uiterste_bestedingsdatum"], uitleg=True)
    assert antwoord["resultaten"]["personen"]["p"]["pgb_bedrag"] == 300.0
    overwegingen = _zinnen(antwoord, "personen", "p", "pgb_bedrag")
    regels = {o["regel"]: o for o in overwegingen}
    ho = regels["pgb.bedrag.huishoudelijke_ondersteuning"]
    assert ho["zin"] == (
        "Huishoudelijke ondersteuning door iemand die dit niet beroepsmatig doet: 75 % van het tarief in natura "
        "van € 400,00 per 4 weken is € 300,00 per 4 weken."
    )
    assert "artikel 4:8, eerste lid, onder c" in ho["bron"]
    assert ho["parameters"][0]["bron"].startswith("Verordening Sociaal Domein Lansingerland 2018, artikel 4:8")
    assert regels["pgb.voorwaarde.wet"]["soort"] == "wet"
    assert regels["pgb.bevinding.plan_ingediend"]["soort"] == "discretie"
    termijn = _zinnen(antwoord, "personen", "p", "pgb_uiterste_bestedingsdatum")[0]
    assert termijn["zin"] == (
        "U moet het pgb binnen 3 maanden na toekenning (1-3-2026) gebruiken voor het doel waarvoor het is "
        "gegeven: uiterlijk op 1-6-2026."
    )
    for o in overwegingen:
        assert "?" not in o["zin"], o


@pytest.mark.parametrize("periode, bron", [("2018-06", "artikel 4:9, vierde lid"), ("2026-03", "artikel 3.8")])
def test_eigen_bijdrage_uitleg_per_regime(periode, bron):
    situatie = {
        "personen": {"p": {"geboortedatum": "1960-01-01"}},
        "huishoudens": {"h": {"partners": ["p"], "wmo_kostprijs": {periode: 300}, "wmo_bijdrage_inkomen": {periode: 30000}}},
    }
    antwoord = bereken(situatie, periode, variabelen=["wmo_eigen_bijdrage_per_periode"], uitleg=True)
    overwegingen = _zinnen(antwoord, "huishoudens", "h", "wmo_eigen_bijdrage_per_periode")
    assert any(bron in o["bron"] for o in overwegingen)
    assert all("?" not in o["zin"] for o in overwegingen)
    tarief = [p for o in overwegingen for p in o["parameters"] if p["naam"].endswith("abonnementstarief")]
    if periode == "2026-03":
        assert tarief and tarief[0]["url"].startswith("https://")
    else:
        assert not tarief


def test_blijverslening_uitleg_names_the_budget_and_the_refusal_ground():
    antwoord = bereken(BLV, "2026-03", variabelen=["blijverslening_bedrag", "blv_afwijzingsgrond"], uitleg=True)
    assert antwoord["resultaten"]["huishoudens"]["h"] == {"blijverslening_bedrag": 6000.0, "blv_afwijzingsgrond": "geen"}
    zinnen = [o["zin"] for o in _zinnen(antwoord, "huishoudens", "h", "blijverslening_bedrag")]
    assert (
        "De lening (€ 6.000,00) past in het budget dat er nog is (€ 10.000,00; het budget is € 75.375,00 per "
        "jaar): ja." in zinnen
    )
    assert all("?" not in z for z in zinnen)


@pytest.mark.parametrize(
    "pad, waarde, veld, tekst",
    [
        (("personen", "p", "pgb_soort"), {"2026-03": "iets_anders"}, "personen.p.pgb_soort.2026-03", "geen geldige keuze"),
        (("personen", "p", "pgb_uren"), {"2026-03": -3}, "personen.p.pgb_uren.2026-03", "negatief"),
        (("personen", "p", "pgb_toekenningsdatum"), {"2026-03": "2026-02-30"}, "personen.p.pgb_toekenningsdatum.2026-03", "geen geldige datum"),
        (("huishoudens", "h", "wmo_kostprijs"), {"2026-03": "veel"}, "huishoudens.h.wmo_kostprijs.2026-03", "geen getal"),
        (("huishoudens", "h", "wmo_voorziening"), {"2026-03": 3}, "huishoudens.h.wmo_voorziening.2026-03", "geen geldige keuze"),
    ],
)
def test_bad_wmo_input_gets_a_dutch_message_naming_the_field(pad, waarde, veld, tekst):
    import copy

    situatie = copy.deepcopy(PGB)
    situatie[pad[0]][pad[1]][pad[2]] = waarde
    with pytest.raises(InvoerFout) as fout:
        bereken(situatie, "2026-03", variabelen=["pgb_bedrag", "wmo_eigen_bijdrage_per_periode"])
    assert fout.value.veld == veld
    assert tekst in fout.value.bericht


@pytest.mark.parametrize("variabele", ["pgb_bedrag", "wmo_eigen_bijdrage_totaal", "blijverslening_bedrag"])
def test_a_municipality_without_wmo_policy_is_refused_in_dutch(variabele):
    """Voorbeeldstad has no Wmo overlay: the rules refuse (on the field gemeente) rather than borrow another's amounts."""
    situatie = {**PGB, "huishoudens": {"h": {**PGB["huishoudens"]["h"], "wmo_voorziening": {"2026-03": "koopvoorziening"}}}}
    with pytest.raises(InvoerFout) as fout:
        bereken(situatie, "2026-03", gemeente="voorbeeldstad", variabelen=[variabele])
    assert fout.value.veld == "gemeente"
    assert "geen Wmo-regels" in fout.value.bericht
