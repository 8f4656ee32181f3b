"""The natura cost price of the Wmo computation from the contracted product tariffs (issue 10 points 2, 3 and 6).

Figures, each from its source:
- pgb huishoudelijke ondersteuning = "75 % van het ZIN tarief per periode (4 weken)" (Verordening Sociaal Domein
  2018, artikel 4:8 lid 1 onder c); the ZIN tariff per 4 weeks = tariff per hour × hours per week × 4:
  € 30,00 × 3 × 4 = € 360,00 -> pgb € 270,00; from a new tariff € 32,50: € 390,00 -> € 292,50;
- "De bijdrage in de kosten overstijgt niet de kostprijs van de voorziening" (artikel 4:9 lid 2), the cost price per
  month (the bijdrageperiode from 2020) = € 30,00 × 0,1 hour × 52/12 weeks = € 13,00 < the abonnementstarief.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from maatwerk.iwmo.models import Aanbieder, Contract, Product, Tarief
from maatwerk.zaken.models import Status
from maatwerk.zaken.wmo_berekening import bereken_wmo, resultaat

from .test_wmo_pgb import _bevindingen

pytestmark = pytest.mark.django_db
V1 = "/api/v1"
HO = {"pgb_soort": "huishoudelijke_ondersteuning_informeel", "voorziening": "doorlopend",
      "omschrijving": "hulp bij het huishouden", "omvang": "3 uur per week"}


@pytest.fixture
def product():
    p = Product.objects.create(domein="wmo", categorie="01", code="01T01", omschrijving="Hulp bij het huishouden test",
                               eenheid="04", frequentie="2")
    Tarief.objects.create(product=p, bedrag=Decimal("30.00"), van=dt.date(2026, 1, 1), tot=dt.date(2026, 2, 28),
                          bron="Tarievenbesluit Wmo 2026 (test)")
    Tarief.objects.create(product=p, bedrag=Decimal("32.50"), van=dt.date(2026, 3, 1), bron="Tarievenbesluit maart (test)")
    return p


@pytest.fixture
def aanbieder(product):
    a = Aanbieder.objects.create(naam="Thuiszorg Testkwartier", agb_code="98009901")
    Contract.objects.create(aanbieder=a, domein="wmo", van=dt.date(2026, 1, 1), kenmerk="WMO-2026-017")
    Tarief.objects.create(product=product, aanbieder=a, bedrag=Decimal("35.00"), van=dt.date(2026, 1, 1),
                          bron="Overeenkomst WMO-2026-017, bijlage tarieven")
    return a


@pytest.fixture
def pgb_zaak(maak_zaak, breng_in, wmo):
    zaak = breng_in(maak_zaak(wmo), Status.BEOORDELING, wmo)
    _bevindingen(zaak, wmo, pgb=True)
    return zaak


def test_a_tariff_change_on_the_first_of_a_month_changes_the_pgb_from_that_month(pgb_zaak, wmo, product):
    februari = bereken_wmo(pgb_zaak, wmo, maand="2026-02", product="01T01", volume="3", **HO)
    maart = bereken_wmo(pgb_zaak, wmo, maand="2026-03", product="01T01", volume="3", **HO)
    assert februari.bedrag == Decimal("270.00")  # 75 % of € 30,00 × 3 × 4
    assert maart.bedrag == Decimal("292.50")  # 75 % of € 32,50 × 3 × 4
    assert februari.gegevens["natura_kostprijs"]["voor_pgb"] == "360.00"
    k = maart.gegevens["natura_kostprijs"]
    assert k["herkomst"] == "tarief" and k["tarief"] == "32.50" and k["tarief_van"] == "2026-03-01"
    assert "01T01" in k["bron"] and "vanaf 1 maart 2026" in k["bron"] and "Tarievenbesluit maart" in k["bron"]


def test_the_providers_own_tariff_counts_and_the_uitleg_names_contract_and_period(pgb_zaak, wmo, product, aanbieder,
                                                                               client):
    b = bereken_wmo(pgb_zaak, wmo, maand="2026-02", product="01T01", aanbieder="98009901", volume="3", **HO)
    assert b.bedrag == Decimal("315.00")  # 75 % of € 35,00 × 3 × 4
    client.force_login(wmo)
    pagina = client.get(f"/zaken/{pgb_zaak.pk}/").content.decode()
    assert "Kostprijs in natura uit het tarief: € 35,00 per uur × 3 per week = € 420,00 per 4 weken" in pagina
    assert "contract WMO-2026-017" in pagina and "Thuiszorg Testkwartier" in pagina and "01T01" in pagina


def test_the_eigen_bijdrage_is_capped_at_the_monthly_cost_price_from_the_tariff(maak_zaak, breng_in, wmo, product):
    zaak = breng_in(maak_zaak(wmo), Status.BEOORDELING, wmo)
    _bevindingen(zaak, wmo, pgb=False)
    b = bereken_wmo(zaak, wmo, maand="2026-02", product="01T01", volume="0,1", voorziening="doorlopend")
    r = resultaat(b)
    assert r["wmo_eigen_bijdrage_per_periode"] == 13.0  # not the € 21,80 abonnementstarief
    assert b.gegevens["natura_kostprijs"]["voor_bijdrage"] == "13.00"


def test_without_a_product_the_typed_price_is_the_fallback_and_the_uitleg_says_so(pgb_zaak, wmo, client):
    b = bereken_wmo(pgb_zaak, wmo, maand="2026-02", natura_kostprijs="400", **HO)
    assert b.bedrag == Decimal("300.00")
    assert b.gegevens["natura_kostprijs"] == {"herkomst": "ingevuld", "bedrag": "400.0"}
    client.force_login(wmo)
    pagina = client.get(f"/zaken/{pgb_zaak.pk}/").content.decode()
    assert "Geen product gekozen: de kostprijs in natura is ingevuld door de consulent (€ 400,00)" in pagina


def test_a_product_replaces_a_typed_natura_price(pgb_zaak, wmo, product):
    b = bereken_wmo(pgb_zaak, wmo, maand="2026-02", product="01T01", volume="3", natura_kostprijs="999", **HO)
    assert b.bedrag == Decimal("270.00") and b.gegevens["natura_kostprijs"]["herkomst"] == "tarief"


@pytest.mark.parametrize("invoer, veld, tekst", [
    ({"maand": "2025-12", "product": "01T01", "volume": "3"}, "product", "geen tarief"),  # before the first tariff
    ({"maand": "2026-02", "product": "99X99", "volume": "3"}, "product", "geen Wmo-product"),
    ({"maand": "2026-02", "product": "01T01", "volume": None}, "volume", "Aantal eenheden"),
    ({"maand": "2026-02", "product": "01T01", "volume": "3", "aanbieder": "12345678"}, "aanbieder", "AGB-code"),
    ({"maand": "2026-13", "product": "01T01", "volume": "3"}, "maand", "geen geldige maand"),
    ({"maand": "2026-02", "product": "01T01", "volume": "0"}, "volume", "groter dan 0"),
])
def test_bad_product_input_gets_a_dutch_message_naming_the_field_via_the_api(pgb_zaak, wmo, api, product, invoer, veld,
                                                                           tekst):
    maand = invoer.pop("maand")
    r = api(wmo).post(f"{V1}/zaken/{pgb_zaak.pk}/berekeningen/", {"maand": maand, "wmo": {**HO, **invoer}},
                      format="json")
    assert r.status_code == 400, r.content
    assert veld in r.json() and tekst in str(r.json()[veld])
    assert not pgb_zaak.berekeningen.exists()


def test_a_provider_without_a_contract_that_month_is_refused(pgb_zaak, wmo, product, aanbieder):
    with pytest.raises(ValidationError) as fout:
        bereken_wmo(pgb_zaak, wmo, maand="2025-12", product="01T01", aanbieder=aanbieder, volume="3", **HO)
    assert "geen contract" in str(fout.value.message_dict["aanbieder"])


def test_the_page_form_with_a_product_computes_and_keeps_bad_input(pgb_zaak, wmo, client, product):
    client.force_login(wmo)
    url = f"/zaken/{pgb_zaak.pk}/berekening/"
    data = {"berekening-maand": "2025-12", "berekening-pgb_soort": "huishoudelijke_ondersteuning_informeel",
            "berekening-product": str(product.pk), "berekening-volume": "3", "berekening-voorziening": "doorlopend",
            "berekening-omvang": "3 uur per week"}
    r = client.post(url, data)
    pagina = r.content.decode()
    assert r.status_code == 400 and "geen tarief" in pagina and "3 uur per week" in pagina
    data["berekening-maand"] = "2026-03"
    r = client.post(url, data)
    assert r.status_code in (200, 302)
    assert pgb_zaak.berekeningen.get().bedrag == Decimal("292.50")
