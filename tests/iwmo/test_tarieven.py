"""Tariffs valid per period (issue 10, point 6): tarief_op on the edges of a period, the provider's own tariff
before the municipality's, overlapping periods refused with a message naming the other period, the rights
table (only the beleidsmedewerker records), and the paginated API."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from maatwerk.iwmo.models import Product, Tarief
from maatwerk.iwmo.tarieven import leg_tarief_vast, tarief_op
from maatwerk.toegang.beleid import GeenToegang

pytestmark = pytest.mark.django_db
D = dt.date


def test_tarief_op_grenzen_van_de_periode(aanbod, beleid_mw):
    p = Product.objects.create(domein="wmo", categorie="07", code="07B01", omschrijving="Dagbesteding groep",
                               eenheid="16", frequentie="2")
    leg_tarief_vast(beleid_mw, product=p, aanbieder=None, bedrag=Decimal("40.00"), van=D(2026, 1, 1),
                    tot=D(2026, 1, 31), bron="Raadsbesluit tarieven 2026")
    leg_tarief_vast(beleid_mw, product=p, aanbieder=None, bedrag=Decimal("41.20"), van=D(2026, 2, 1), tot=None,
                    bron="Indexatie 2026")
    assert tarief_op(p, D(2025, 12, 31)) is None
    assert tarief_op(p, D(2026, 1, 1)).bedrag == Decimal("40.00")
    assert tarief_op(p, D(2026, 1, 31)).bedrag == Decimal("40.00")  # month end: still the old tariff
    assert tarief_op(p, D(2026, 2, 1)).bedrag == Decimal("41.20")
    assert tarief_op(p, D(2030, 6, 1)).bedrag == Decimal("41.20")


def test_eigen_tarief_van_de_aanbieder_gaat_voor(aanbod, beleid_mw):
    hh = aanbod["hh"]
    leg_tarief_vast(beleid_mw, product=hh, aanbieder=aanbod["thuiszorg"], bedrag=Decimal("30.00"), van=D(2026, 3, 1),
                    tot=None, bron="Contract Thuiszorg De Berkel 2026")
    assert tarief_op(hh, D(2026, 3, 1), aanbod["thuiszorg"]).bedrag == Decimal("30.00")
    assert tarief_op(hh, D(2026, 2, 28), aanbod["thuiszorg"]).bedrag == Decimal("32.50")  # before: the general one
    assert tarief_op(hh, D(2026, 3, 1), aanbod["oostland"]).bedrag == Decimal("32.50")


def test_overlappende_periode_geweigerd_met_duidelijke_melding(aanbod, beleid_mw):
    with pytest.raises(ValidationError) as fout:
        leg_tarief_vast(beleid_mw, product=aanbod["hh"], aanbieder=None, bedrag=Decimal("33.00"), van=D(2026, 6, 1),
                        tot=None, bron="Nieuw tarief")
    melding = fout.value.message_dict["van"][0]
    assert "overlapt met het tarief voor alle aanbieders van 1 januari 2026 (zonder einddatum)" in melding
    assert "€ 32,50" in melding
    # The same day as the end of the other period overlaps too; the day after does not.
    p = aanbod["begeleiding"]
    Tarief.objects.filter(product=p).update(tot=D(2026, 5, 31))
    with pytest.raises(ValidationError):
        leg_tarief_vast(beleid_mw, product=p, aanbieder=None, bedrag=Decimal("63.00"), van=D(2026, 5, 31), tot=None, bron="x")
    assert leg_tarief_vast(beleid_mw, product=p, aanbieder=None, bedrag=Decimal("63.00"), van=D(2026, 6, 1), tot=None,
                           bron="Indexatie").pk


@pytest.mark.parametrize("velden, veld", [
    ({"bedrag": Decimal("-1")}, "bedrag"),
    ({"bedrag": Decimal("1.001")}, "bedrag"),
    ({"van": None}, "van"),
    ({"tot": D(2026, 12, 31), "van": D(2027, 1, 1)}, "tot"),
    ({"bron": "  "}, "bron"),
])
def test_foute_invoer_noemt_het_veld(velden, veld, aanbod, beleid_mw):
    p = Product.objects.create(domein="wmo", categorie="14", code="14A01", omschrijving="Hulpmiddel", eenheid="82", frequentie="6")
    with pytest.raises(ValidationError) as fout:
        leg_tarief_vast(beleid_mw, **{"product": p, "aanbieder": None, "bedrag": Decimal("10"), "van": D(2027, 1, 1),
                                      "tot": None, "bron": "Contract", **velden})
    assert veld in fout.value.message_dict


def test_aanbieder_zonder_contract_in_het_domein(aanbod, beleid_mw):
    with pytest.raises(ValidationError) as fout:
        leg_tarief_vast(beleid_mw, product=aanbod["hh"], aanbieder=aanbod["jeugdteam"], bedrag=Decimal("10"),
                        van=D(2026, 1, 1), tot=None, bron="x")
    assert "geen contract voor Wmo" in fout.value.message_dict["aanbieder"][0]


def test_alleen_de_beleidsmedewerker_legt_tarieven_vast(aanbod, wmo, beheerder, kwaliteit):
    for gebruiker in (wmo, beheerder, kwaliteit):
        with pytest.raises(GeenToegang):
            leg_tarief_vast(gebruiker, product=aanbod["hh"], aanbieder=None, bedrag=Decimal("1"), van=D(2030, 1, 1),
                            tot=None, bron="x")


def test_api_lijsten_gepagineerd_en_tarief_vastleggen(aanbod, api, wmo, beleid_mw):
    for pad in ("/api/v1/aanbieders/", "/api/v1/producten/", "/api/v1/tarieven/"):
        antwoord = api(wmo).get(pad)
        assert antwoord.status_code == 200 and {"count", "next", "previous", "results"} <= set(antwoord.json())
    assert api().get("/api/v1/aanbieders/").status_code in (401, 403)
    data = {"product": aanbod["hh"].pk, "bedrag": "34.00", "van": "2026-01-01", "bron": "Contract"}
    antwoord = api(beleid_mw).post("/api/v1/tarieven/", data, format="json")
    assert antwoord.status_code == 400 and "overlapt" in str(antwoord.json())
    data["van"] = "2030-01-01"
    assert api(wmo).post("/api/v1/tarieven/", data, format="json").status_code == 403
    Tarief.objects.filter(product=aanbod["hh"]).update(tot=D(2029, 12, 31))
    antwoord = api(beleid_mw).post("/api/v1/tarieven/", data, format="json")
    assert antwoord.status_code == 201 and antwoord.json()["bedrag"] == "34.00"
    assert api(beleid_mw).post("/api/v1/tarieven/", {**data, "product": 999999}, format="json").status_code == 400


def test_paginas_aanbieders_en_producten(aanbod, wmo, beleid_mw):
    c = Client()
    c.force_login(wmo)
    assert "Thuiszorg De Berkel" in c.get("/aanbieders/").content.decode()
    pagina = c.get("/producten/").content.decode()
    assert "Hulp bij het huishouden" in pagina and "€ 32,50" in pagina
    assert "Tarief vastleggen" not in c.get(f"/producten/{aanbod['hh'].pk}/").content.decode()
    c.force_login(beleid_mw)
    assert "Tarief vastleggen" in c.get(f"/producten/{aanbod['hh'].pk}/").content.decode()
    antwoord = c.post(f"/producten/{aanbod['hh'].pk}/", {"tarief-bedrag": "12,50", "tarief-van": "2026-02-01",
                                                        "tarief-bron": "Contract"})
    assert antwoord.status_code == 400 and "overlapt" in antwoord.content.decode()
    assert 'value="12,50"' in antwoord.content.decode()  # what was typed stays
    antwoord = c.post(f"/producten/{aanbod['hh'].pk}/", {"tarief-bedrag": "abc", "tarief-van": "31-02-2026", "tarief-bron": ""})
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "Tarief: vul een bedrag in" in tekst and "Geldig vanaf: vul een bestaande datum in" in tekst


@pytest.mark.parametrize("data", [
    {},
    {"product": "abc", "bedrag": "x", "van": "gisteren", "bron": ""},
    {"product": None, "bedrag": None, "van": None, "bron": None},
    {"product": {"a": 1}, "bedrag": [1], "van": 5, "bron": ["x"]},
    {"product": 1, "bedrag": "1e400", "van": "2026-02-30", "bron": "x"},
    {"product": 1, "bedrag": "-0.01", "van": "2026-01-01", "bron": "x" * 301},
    {"product": 2**70, "aanbieder": -1, "bedrag": "NaN", "van": "0000-01-01", "tot": "9999-12-31", "bron": "x"},
])
def test_api_tarief_foute_invoer_geeft_400(data, aanbod, api, beleid_mw):
    antwoord = api(beleid_mw).post("/api/v1/tarieven/", data, format="json")
    assert antwoord.status_code == 400, antwoord.content


def test_api_berichten_van_een_onbekende_zaak(api, wmo):
    assert api(wmo).get("/api/v1/zaken/999999/iwmo-berichten/").status_code == 404
    assert api(wmo).get("/api/v1/aanbieders/999999/").status_code == 404
