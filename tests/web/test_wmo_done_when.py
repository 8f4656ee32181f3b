"""Issue 10 'done when', end to end through the services and the API, with the natura cost price from the product
tariff: huishoudelijke ondersteuning as a pgb with informal help, cascade -> pgb and eigen bijdrage -> besluit ->
letter; no 301 for the pgb (iWmo 3.2 assigns only care in natura to a provider: docs/iwmo.md, "Pgb en de 301");
and the natura variant of the same household -> 301.

Figures: demo-style tariff € 30,00 per hour, 3 hours a week; ZIN tariff per 4 weeks € 30,00 × 3 × 4 = € 360,00;
pgb = 75 % = € 270,00 per 4 weken (Vo art. 4:8 lid 1 onder c); eigen bijdrage € 21,80 per maand (abonnementstarief
2026, CAK) below the cost price per month € 30,00 × 3 × 52/12 = € 390,00 (art. 4:9 lid 2).
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from maatwerk.besluiten import services as besluiten
from maatwerk.iwmo import services as iwmo
from maatwerk.iwmo.models import Aanbieder, Bericht, Contract, Product, Tarief
from maatwerk.zaken.models import Status
from maatwerk.zaken.regelingen import REGELINGEN
from maatwerk.zaken import beoordeling
from helpers import beantwoord_gevraagde_criteria

pytestmark = pytest.mark.django_db
V1 = "/api/v1"
REDEN = ("Besproken in het keukentafelgesprek van 12 januari met mevrouw en haar buurvrouw; de stukken van de "
         "huisarts en het verslag van het huisbezoek bevestigen dit, zie het ondersteuningsplan.")
ZAAK = {"voorziening": "doorlopend", "omschrijving": "hulp bij het huishouden", "omvang": "3 uur per week",
        "ingangsdatum": "2026-02-01", "einddatum": "2027-01-31", "product": "01D01", "aanbieder": "98007701",
        "volume": "3"}


@pytest.fixture
def contract():
    a = Aanbieder.objects.create(naam="Thuiszorg Eindtest", agb_code="98007701")
    Contract.objects.create(aanbieder=a, domein="wmo", van=dt.date(2026, 1, 1), kenmerk="WMO-2026-E2E")
    p = Product.objects.create(domein="wmo", categorie="01", code="01D01", omschrijving="Hulp bij het huishouden",
                               eenheid="04", frequentie="2")
    Tarief.objects.create(product=p, bedrag=Decimal("30.00"), van=dt.date(2026, 1, 1), bron="Tarievenbesluit (test)")
    return a, p


def _cascade(c, zaak, *, pgb: bool):
    """Answer the asked criteria in their order (the cascade of art. 4:3 lid 3 asks 'nee' per step)."""
    from maatwerk.zaken.wmo_criteria import GUNSTIG

    def via_api(code: str, waarde: str) -> None:
        r = c.post(f"{V1}/zaken/{zaak.pk}/bevindingen/", {"criterium": code, "waarde": waarde, "motivering": REDEN},
                   format="json")
        assert r.status_code in (200, 201), r.json()
        zaak.refresh_from_db()

    # Every asked criterion is a Wmo one with a GUNSTIG answer (standaard=None: no answer made up for another).
    beantwoord_gevraagde_criteria(zaak, waarden={**GUNSTIG, "vorm_pgb": "ja" if pgb else "nee"}, standaard=None,
                                  leg_vast=via_api)


def _tot_besluit(c, zaak, wmo, *, wmo_invoer: dict, bedrag: str | None = None):
    z = f"{V1}/zaken/{zaak.pk}"
    r = c.post(f"{z}/berekeningen/", {"maand": "2026-02", "wmo": wmo_invoer}, format="json")
    assert r.status_code == 201, r.json()
    overgang = {"naar": "klaar_voor_besluit", "datum": "2026-01-22", "uitkomst": "toegekend"}
    if bedrag:
        overgang["bedrag"] = bedrag
    r = c.post(f"{z}/overgang/", overgang, format="json")
    assert r.status_code == 200, r.json()
    zaak.refresh_from_db()
    besluit = besluiten.opstellen(zaak, wmo)
    besluiten.wijzigen(besluit, wmo, beoogd_resultaat="U woont in een schoon huis.",
                       vervolg="U hoort binnen twee weken wie de hulp geeft.")
    return r, besluit


def test_done_when_pgb_with_informal_help_to_a_letter_and_no_301(maak_zaak, breng_in, wmo, api, contract):
    c = api(wmo)
    zaak = breng_in(maak_zaak(wmo), Status.BEOORDELING, wmo)
    _cascade(c, zaak, pgb=True)
    waarden = beoordeling.huidige_waarden(zaak)
    cascade = [cr.code for cr in REGELINGEN["wmo_maatwerkvoorziening"].criteria if cr.cascade and not cr.vervallen]
    assert cascade and all(waarden[code] == "nee" for code in cascade)  # every step of 4:3 lid 3 recorded
    r, besluit = _tot_besluit(c, zaak, wmo, wmo_invoer={**ZAAK, "pgb_soort": "huishoudelijke_ondersteuning_informeel"})
    assert r.json()["voorstel_bedrag"] == "270.00"  # 75 % of € 360,00
    assert besluit.vorm == "pgb" and besluit.pgb_bedrag == Decimal("270.00") and besluit.bedrag_periode == "vier_weken"
    assert "€ 21,80 per maand" in besluit.bijdrage_toelichting and "CAK" in besluit.bijdrage_toelichting
    besluiten.vaststellen(besluit, wmo, datum=dt.date(2026, 1, 26))
    brief = besluiten.bekendmaken(besluit, wmo, datum=dt.date(2026, 1, 26))
    for stuk in ("€ 270,00 per 4 weken", "75 %", "€ 21,80 per maand", "CAK", "3 uur per week"):
        assert stuk in brief.html, stuk
    # No 301 for a pgb: the standard assigns care in natura to a provider (iWmo 3.2); the reason names it.
    besluit.refresh_from_db()
    a, p = contract
    with pytest.raises(ValidationError) as fout:
        iwmo.wijs_toe(wmo, besluit, product=p, aanbieder=a, volume=3, eenheid="04", frequentie="2",
                      ingangsdatum=dt.date(2026, 2, 1), einddatum=dt.date(2027, 1, 31))
    assert "iWmo 3.2" in str(fout.value) and "SVB" in str(fout.value)
    assert not Bericht.objects.filter(zaak=zaak).exists()


def test_done_when_natura_variant_of_the_same_household_gets_a_301(maak_zaak, breng_in, wmo, api, contract):
    c = api(wmo)
    zaak = breng_in(maak_zaak(wmo), Status.BEOORDELING, wmo)
    _cascade(c, zaak, pgb=False)
    _, besluit = _tot_besluit(c, zaak, wmo, wmo_invoer=ZAAK, bedrag="4680.00")  # 12 × € 390,00 natura per month
    berekening = zaak.berekeningen.get()
    assert berekening.gegevens["natura_kostprijs"]["voor_bijdrage"] == "390.00"
    assert besluit.vorm == "natura" and "€ 21,80 per maand" in besluit.bijdrage_toelichting
    besluiten.vaststellen(besluit, wmo, datum=dt.date(2026, 1, 26))
    besluit.refresh_from_db()
    a, p = contract
    bericht = iwmo.wijs_toe(wmo, besluit, product=p, aanbieder=a, volume=3, eenheid="04", frequentie="2",
                            ingangsdatum=dt.date(2026, 2, 1), einddatum=dt.date(2027, 1, 31),
                            nu=dt.datetime(2026, 1, 27, 10, 0, tzinfo=dt.timezone.utc))
    assert bericht.soort == "301" and bericht.aanbieder == a
    assert "<" in bericht.xml and "01D01" in bericht.xml and zaak.hoofdpersoon.bsn in bericht.xml
    r = c.get(f"{V1}/zaken/{zaak.pk}/iwmo-berichten/")
    assert r.status_code == 200 and [b["soort"] for b in r.json()["results"]] == ["301"]
