"""Bad or uncovered input for algemene bijstand and afstemming is a Dutch InvoerFout naming the field, never an engine
traceback: no amount is invented for a month without a dated, sourced parameter."""

import pytest

from maatwerk.regels.berekening import bereken
from maatwerk.regels.invoer import InvoerFout


def _situatie(persoon=None, **huishouden):
    a = {"geboortedatum": {"ETERNITY": "1980-01-01"}, **(persoon or {})}
    h = {"partners": ["a"], **{k: {"ETERNITY": v} for k, v in huishouden.items()}}
    return {"personen": {"a": a}, "huishoudens": {"h": h}}


def test_zonder_inkomen_uit_arbeid_rekent_2025_zonder_het_maximum_van_2026():
    uit = bereken(_situatie(), "2025-03", variabelen=["algemene_bijstand_uit_te_betalen"])
    # 2025-01: norm 1.345,45 incl. 67,27 vakantietoeslag (art. 21 onder a Pw, BWBR0015703/2025-01-01).
    assert uit["resultaten"]["huishoudens"]["h"]["algemene_bijstand_uit_te_betalen"] == 1278.18


def test_vrijlating_in_een_maand_zonder_vastgelegd_maximum_is_een_fout_met_het_veld():
    arbeid = {"netto_maandinkomen": {"2025-03": 500}, "netto_inkomsten_uit_arbeid": {"2025-03": 500},
              "arbeid_draagt_bij_aan_arbeidsinschakeling": {"2025-03": True}}
    with pytest.raises(InvoerFout) as fout:
        bereken(_situatie(arbeid), "2025-03", variabelen=["algemene_bijstand_uit_te_betalen"])
    assert fout.value.veld == "netto_inkomsten_uit_arbeid" and "2025-03" in fout.value.bericht


def test_bekendmaking_voor_de_normen_is_een_fout_met_het_veld():
    with pytest.raises(InvoerFout) as fout:
        bereken(_situatie(afstemming_gedraging="verbaal_geweld", datum_bekendmaking_verlaging="1950-01-10"),
                "2026-03", variabelen=["afstemming_verlaging"])
    assert fout.value.veld == "datum_bekendmaking_verlaging"


def test_een_gemeente_zonder_afstemmingsregels_weigert_een_verlaging_maar_rekent_de_bijstand():
    with pytest.raises(InvoerFout) as fout:
        bereken(_situatie(afstemming_gedraging="verbaal_geweld", datum_bekendmaking_verlaging="2026-02-10"),
                "2026-03", "voorbeeldstad", variabelen=["afstemming_verlaging"])
    assert fout.value.veld == "gemeente" and "Verordening" in fout.value.bericht
    uit = bereken(_situatie(), "2026-03", "voorbeeldstad", variabelen=["algemene_bijstand_uit_te_betalen"])
    assert uit["resultaten"]["huishoudens"]["h"]["algemene_bijstand_uit_te_betalen"] == 1331.42


def test_een_maand_voor_de_verordening_weigert_een_verlaging():
    with pytest.raises(InvoerFout) as fout:
        bereken(_situatie(afstemming_gedraging="verbaal_geweld", datum_bekendmaking_verlaging="2017-05-10"),
                "2017-06", variabelen=["afstemming_verlaging"])
    assert fout.value.veld == "gemeente"


def _vrijlating(maand: str, arbeid: float) -> float:
    persoon = {"netto_maandinkomen": {maand: arbeid}, "netto_inkomsten_uit_arbeid": {maand: arbeid},
               "arbeid_draagt_bij_aan_arbeidsinschakeling": {maand: True}}
    uit = bereken(_situatie(persoon), maand, variabelen=["vrijlating_arbeidsinkomen"])
    return uit["resultaten"]["personen"]["a"]["vrijlating_arbeidsinkomen"]


@pytest.mark.parametrize("maand, arbeid, verwacht", [
    # velsen.nl "Bijstandsnormen per 1 januari 2024": 25 %, maximum per maand € 264.
    ("2024-01", 1056.00, 264.00),   # 25 % is exactly the maximum
    ("2024-01", 1055.96, 263.99),   # just under it
    ("2024-06", 2000.00, 264.00),   # the last month of the first half year
    # velsen.nl "Bijstandsnormen per 1 juli 2024": maximum per maand € 269.
    ("2024-07", 2000.00, 269.00),
    ("2024-12", 1076.00, 269.00),
    # iasz.nl "Bijstandsnormen, overige bedragen" per 1 januari 2026: € 285; no later amount found, so it runs on.
    ("2026-01", 2000.00, 285.00),
    ("2026-07", 2000.00, 285.00),
])
def test_maximum_vrijlating_per_gepubliceerde_datum(maand, arbeid, verwacht):
    assert _vrijlating(maand, arbeid) == pytest.approx(verwacht, abs=0.005)


@pytest.mark.parametrize("maand", ["2023-12", "2025-01", "2025-07", "2025-12"])
def test_maanden_zonder_gepubliceerd_maximum_geven_een_fout_geen_doorgelopen_bedrag(maand):
    # Before 2024 nothing is recorded; 2025 is explicitly null so the 1 July 2024 amount does not run on.
    with pytest.raises(InvoerFout) as fout:
        _vrijlating(maand, 2000.00)
    assert fout.value.veld == "netto_inkomsten_uit_arbeid" and maand in fout.value.bericht
