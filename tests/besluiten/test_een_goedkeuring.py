"""Issue 8 point 3: one four-eyes approval, bound to the content it approved.

The kwaliteitsmedewerker judges once; the `zaken.Goedkeuring` counts for the zaak's proposal and for the besluit
drafted from it as long as outcome, amount (and its period), computation, deviations and findings are the same.
Any change of those voids it (kept as history, with a message saying what changed); the letter's wording does not.
The review list holds exactly what needs a second judgement."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from maatwerk.zaken.wmo_criteria import GUNSTIG
from maatwerk.besluiten import services
from maatwerk.besluiten.models import Status
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.zaken import beoordeling, procedure, ui_services, vierogen
from maatwerk.zaken.fouten import OnveranderlijkFout, ProcedureFout, VierOgenFout
from maatwerk.zaken.models import Goedkeuring
from maatwerk.zaken.models import Status as ZaakStatus

pytestmark = pytest.mark.django_db

BOVEN_MANDAAT = Decimal("12000.00")  # the Wmo consulent's mandate is € 10 000 (mandaattabel)
DAG = dt.date(2026, 1, 23)
REDEN = "Toepassing van de regel leidt hier tot een onbillijkheid van overwegende aard."


def _client(user):
    c = Client()
    c.force_login(user)
    return c


def _te_beoordelen(gebruiker) -> dict[int, vierogen.TeBeoordelen]:
    lijsten = ui_services.werkvoorraad(gebruiker, timezone.localdate())
    return {w.zaak.pk: w.item for w in lijsten["vier_ogen"]}


@pytest.fixture
def leg_bevindingen():
    def leg(zaak, gebruiker):
        for c in zaak.definitie.criteria:
            beoordeling.leg_bevinding_vast(zaak, gebruiker, criterium=c.code, waarde=GUNSTIG.get(c.code, "ja"),
                                           motivering="Vastgesteld in het gesprek en met stukken onderbouwd.")
    return leg


@pytest.fixture
def boven(nieuwe_zaak, klaar, wmo):
    """A Wmo proposal above the consulent's mandate, klaar voor besluit."""
    return klaar(nieuwe_zaak(wmo), wmo, bedrag=BOVEN_MANDAAT)


def _concept(zaak, wmo, wmo_natura):
    besluit = services.opstellen(zaak, wmo)
    services.wijzigen(besluit, wmo, **wmo_natura)
    return besluit


# ------------------------------------------------------------------ one approval serves both steps


def test_goedkeuring_op_het_voorstel_geldt_ook_voor_het_besluit(boven, wmo, kwaliteit, wmo_natura):
    goedkeuring = vierogen.keur_goed(boven, kwaliteit, akkoord=True)
    assert goedkeuring.besluit is None and "€ 12.000,00" in goedkeuring.samenvatting
    besluit = _concept(boven, wmo, wmo_natura)
    assert services.vier_ogen(besluit).vereist
    assert services.geldige_goedkeuring(besluit) == goedkeuring  # no second approval asked
    with pytest.raises(ProcedureFout) as fout:  # and none can be given: it would be the same judgement twice
        services.goedkeuren(besluit, kwaliteit, akkoord=True)
    assert fout.value.code == "al_goedgekeurd"
    services.vaststellen(besluit, wmo, datum=DAG)
    boven.refresh_from_db()
    assert boven.status == ZaakStatus.BESLUIT
    assert Goedkeuring.objects.filter(zaak=boven).count() == 1


def test_goedkeuring_op_het_besluit_geldt_ook_voor_het_voorstel(boven, wmo, kwaliteit, wmo_natura):
    besluit = _concept(boven, wmo, wmo_natura)
    goedkeuring = services.goedkeuren(besluit, kwaliteit, akkoord=True)
    assert goedkeuring.besluit == besluit and goedkeuring.zaak == boven
    assert vierogen.geldige_goedkeuring(boven) == goedkeuring
    with pytest.raises(ProcedureFout) as fout:
        vierogen.keur_goed(boven, kwaliteit, akkoord=True)
    assert fout.value.code == "al_goedgekeurd"
    assert Goedkeuring.objects.filter(zaak=boven).count() == 1
    # the zaak page shows the one approval and offers no second form
    tekst = _client(kwaliteit).get(f"/zaken/{boven.pk}/").content.decode()
    assert "Goedgekeurd door kwaliteit1" in tekst and "€ 12.000,00" in tekst
    assert f'action="/zaken/{boven.pk}/vierogen/"' not in tekst


def test_twee_kwaliteitsmedewerkers_na_elkaar_geven_een_goedkeuring(boven, kwaliteit, maak_gebruiker, wmo, wmo_natura):
    """Both judge the same proposal: the second request runs on the locked, current zaak (`vergrendel`) and finds
    the first approval (409), so there is one. (Truly parallel requests: the zaak lock serialises them the same way.)"""
    tweede = maak_gebruiker("kwaliteit2", "kwaliteitsmedewerker")
    vierogen.keur_goed(boven, kwaliteit, akkoord=True)
    besluit = _concept(boven, wmo, wmo_natura)
    with pytest.raises(ProcedureFout):
        services.goedkeuren(besluit, tweede, akkoord=True)
    with pytest.raises(ProcedureFout):
        vierogen.keur_goed(boven, tweede, akkoord=True)
    assert list(Goedkeuring.objects.filter(zaak=boven).values_list("door__username", flat=True)) == ["kwaliteit1"]


# ------------------------------------------------------------------ what voids it, and what does not


def test_bedragwijziging_laat_de_goedkeuring_vervallen_en_de_pagina_zegt_het(boven, wmo, kwaliteit, wmo_natura):
    goedkeuring = vierogen.keur_goed(boven, kwaliteit, akkoord=True)
    besluit = _concept(boven, wmo, wmo_natura)
    services.wijzigen(besluit, wmo, pgb_bedrag=Decimal("12500.00"))
    assert services.geldige_goedkeuring(besluit) is None
    melding = services.vervallen_besluit(besluit)
    assert melding.startswith("De goedkeuring van kwaliteit1 op ")
    assert "geldt niet meer: het bedrag is gewijzigd van € 12.000,00 naar € 12.500,00" in melding
    with pytest.raises(VierOgenFout) as fout:
        services.vaststellen(besluit, wmo, datum=DAG)
    assert "het bedrag is gewijzigd van € 12.000,00 naar € 12.500,00" in str(fout.value)
    tekst = _client(wmo).get(f"/besluiten/{besluit.pk}/").content.decode()
    assert "het bedrag is gewijzigd van € 12.000,00 naar € 12.500,00" in tekst
    # history: the old approval is kept, it just no longer counts
    assert Goedkeuring.objects.filter(pk=goedkeuring.pk, akkoord=True).exists()
    # asked again: a new approval on the new content
    nieuw = services.goedkeuren(besluit, kwaliteit, akkoord=True)
    assert services.geldige_goedkeuring(besluit) == nieuw != goedkeuring
    assert Goedkeuring.objects.filter(zaak=boven).count() == 2


def test_andere_periode_van_het_bedrag_laat_de_goedkeuring_vervallen(boven, wmo, kwaliteit, wmo_natura):
    besluit = _concept(boven, wmo, wmo_natura)
    services.goedkeuren(besluit, kwaliteit, akkoord=True)
    services.wijzigen(besluit, wmo, bedrag_periode="per_maand")
    assert services.geldige_goedkeuring(besluit) is None
    assert "de periode van het bedrag is gewijzigd" in services.vervallen_besluit(besluit)


def test_tekst_van_de_brief_laat_de_goedkeuring_staan(boven, wmo, kwaliteit, wmo_natura):
    goedkeuring = vierogen.keur_goed(boven, kwaliteit, akkoord=True)
    besluit = _concept(boven, wmo, wmo_natura)
    services.wijzigen(besluit, wmo, toelichting_beslissing="Wij kennen u hulp bij het huishouden toe.",
                      vervolg="De zorgaanbieder belt u binnen een week.")
    overweging = besluit.overwegingen.first()
    services.overweging_wijzigen(overweging, wmo, zin="U kunt uw huis zelf niet meer schoonhouden.")
    services.overweging_toevoegen(besluit, wmo, zin="Wij hebben met u gesproken.", bron="Wmo 2015, art. 2.3.2",
                                  soort="wet")
    assert services.geldige_goedkeuring(besluit) == goedkeuring
    assert services.vervallen_besluit(besluit) is None
    services.vaststellen(besluit, wmo, datum=DAG)
    assert besluit.status == Status.VASTGESTELD


def test_nieuwe_afwijking_of_uitkomst_laat_de_goedkeuring_vervallen(boven, wmo, kwaliteit):
    vierogen.keur_goed(boven, kwaliteit, akkoord=True)
    voor = vierogen.inhoud_van_voorstel(boven)
    procedure.voer_uit(boven, ZaakStatus.BEOORDELING, wmo, reden="Nieuwe informatie van de inwoner ontvangen.")
    beoordeling.leg_afwijking_vast(boven, wmo, soort="hardheidsclausule", reden=REDEN)
    procedure.voer_uit(boven, ZaakStatus.KLAAR_VOOR_BESLUIT, wmo, uitkomst="gedeeltelijk_toegekend",
                       bedrag=Decimal("11000.00"))
    boven.refresh_from_db()
    na = vierogen.inhoud_van_voorstel(boven)
    assert vierogen.inhoud_sha256(voor) != vierogen.inhoud_sha256(na)
    assert vierogen.geldige_goedkeuring(boven) is None
    melding = vierogen.vervallen_voorstel(boven)
    assert "de uitkomst is gewijzigd van 'toegekend' naar 'gedeeltelijk toegekend'" in melding
    assert "het bedrag is gewijzigd van € 12.000,00 naar € 11.000,00" in melding
    assert "er is een afwijking van beleid bijgekomen" in melding


def test_goedkeuring_wordt_nooit_gewijzigd_of_verwijderd(boven, kwaliteit):
    goedkeuring = vierogen.keur_goed(boven, kwaliteit, akkoord=True)
    goedkeuring.toelichting = "achteraf"
    with pytest.raises(OnveranderlijkFout):
        goedkeuring.save()
    with pytest.raises(OnveranderlijkFout):
        goedkeuring.delete()
    with pytest.raises(OnveranderlijkFout):
        Goedkeuring.objects.filter(zaak=boven).update(akkoord=False)


# ------------------------------------------------------------------ separation of duties


def test_wie_het_bedrag_wijzigde_keurt_niet_goed_en_andere_rollen_niet(boven, wmo, wmo2, jeugd, beheerder, maak_gebruiker,
                                                                      kwaliteit, wmo_natura):
    beide = maak_gebruiker("wmo_kwm", "consulent_wmo", "kwaliteitsmedewerker")
    besluit = _concept(boven, wmo, wmo_natura)
    services.wijzigen(besluit, beide, pgb_bedrag=Decimal("12100.00"))
    with pytest.raises(VierOgenFout) as fout:
        services.goedkeuren(besluit, beide, akkoord=True)
    assert fout.value.code == "zelfde_persoon"
    for ander in (wmo2, jeugd, beheerder):  # a colleague consulent, another domain, the beheerder
        with pytest.raises(GeenToegang):
            services.goedkeuren(besluit, ander, akkoord=True)
        with pytest.raises(GeenToegang):
            vierogen.keur_goed(boven, ander, akkoord=True)
    assert not Goedkeuring.objects.filter(zaak=boven).exists()
    services.goedkeuren(besluit, kwaliteit, akkoord=True)


def test_goedkeurder_zonder_mandaat_voor_het_nieuwe_bedrag(boven, wmo, kwaliteit, wmo_natura):
    from maatwerk.zaken.models import Mandaatregel

    Mandaatregel.objects.filter(rol="kwaliteitsmedewerker", regeling="wmo_maatwerkvoorziening").update(max_bedrag=12000)
    besluit = _concept(boven, wmo, wmo_natura)
    services.wijzigen(besluit, wmo, pgb_bedrag=Decimal("12000.01"))
    with pytest.raises(VierOgenFout) as fout:
        services.goedkeuren(besluit, kwaliteit, akkoord=True)
    assert fout.value.code == "buiten_mandaat" and "€ 12.000,00" in str(fout.value)


# ------------------------------------------------------------------ the review list


def test_werkvoorraad_van_de_kwaliteitsmedewerker_bevat_precies_wat_beoordeling_vraagt(
        nieuwe_zaak, klaar, wmo, kwaliteit, maak_gebruiker, wmo_natura, leg_bevindingen):
    binnen = klaar(nieuwe_zaak(wmo), wmo)  # € 3 900: within the mandate
    boven = klaar(nieuwe_zaak(wmo), wmo, bedrag=BOVEN_MANDAAT)
    afwijking = klaar(nieuwe_zaak(wmo), wmo, tot=ZaakStatus.BEOORDELING)
    beoordeling.leg_afwijking_vast(afwijking, wmo, soort="hardheidsclausule", reden=REDEN)
    leg_bevindingen(afwijking, wmo)
    procedure.voer_uit(afwijking, ZaakStatus.KLAAR_VOOR_BESLUIT, wmo, datum=dt.date(2026, 1, 22), uitkomst="toegekend",
                       bedrag=Decimal("500.00"))
    goedgekeurd = klaar(nieuwe_zaak(wmo), wmo, bedrag=BOVEN_MANDAAT)
    vierogen.keur_goed(goedgekeurd, kwaliteit, akkoord=True)
    gewijzigd = klaar(nieuwe_zaak(wmo), wmo, bedrag=BOVEN_MANDAAT)
    vierogen.keur_goed(gewijzigd, kwaliteit, akkoord=True)
    besluit = _concept(gewijzigd, wmo, wmo_natura)
    assert gewijzigd.pk not in _te_beoordelen(kwaliteit)
    services.wijzigen(besluit, wmo, pgb_bedrag=Decimal("13000.00"))  # approved, then changed: it returns

    lijst = _te_beoordelen(kwaliteit)
    assert set(lijst) == {boven.pk, afwijking.pk, gewijzigd.pk}
    assert lijst[boven.pk].besluit is None and "hoger dan het mandaat" in lijst[boven.pk].redenen[0]
    assert "Afwijking van beleid" in lijst[afwijking.pk].redenen[0]
    assert lijst[gewijzigd.pk].besluit == besluit
    assert "het bedrag is gewijzigd van € 12.000,00 naar € 13.000,00" in lijst[gewijzigd.pk].vervallen

    tekst = _client(kwaliteit).get("/werkvoorraad/").content.decode()
    assert f"Zaak {boven.pk}<" in tekst and f"Zaak {gewijzigd.pk}<" in tekst
    assert f"Zaak {binnen.pk}<" not in tekst and f"Zaak {goedgekeurd.pk}<" not in tekst
    assert "het bedrag is gewijzigd van € 12.000,00 naar € 13.000,00" in tekst

    # A user with both roles: his own domain's zaak within the mandate is in "Mijn zaken", never in the review
    # list; his own work is for another kwaliteitsmedewerker.
    beide = maak_gebruiker("wmo_kwm2", "consulent_wmo", "kwaliteitsmedewerker")
    eigen = klaar(nieuwe_zaak(beide), beide, bedrag=BOVEN_MANDAAT)
    lijst = _te_beoordelen(beide)
    assert binnen.pk not in lijst and eigen.pk not in lijst and boven.pk in lijst
    assert eigen.pk in _te_beoordelen(kwaliteit)


def test_niet_akkoord_op_een_herziening_wacht_op_de_consulent(boven, wmo, kwaliteit, wmo_natura):
    besluit = _concept(boven, wmo, wmo_natura)
    services.goedkeuren(besluit, kwaliteit, akkoord=True)
    services.vaststellen(besluit, wmo, datum=DAG)
    services.bekendmaken(besluit, wmo, datum=DAG)
    herziening = services.stel_nieuw_besluit_op(besluit, wmo, soort="herziening")
    services.wijzigen(herziening, wmo, reden_wijziging="De omvang van de hulp wordt groter.", pgb_bedrag=Decimal("15000.00"))
    assert services.vier_ogen(herziening).vereist
    # the first approval was for the first decision: it does not carry over to the herziening
    assert services.geldige_goedkeuring(herziening) is None
    assert boven.pk in _te_beoordelen(kwaliteit)
    services.goedkeuren(herziening, kwaliteit, akkoord=False, toelichting="De hogere omvang is niet onderbouwd.")
    lijsten = ui_services.werkvoorraad(kwaliteit, timezone.localdate())
    assert boven.pk not in {w.zaak.pk for w in lijsten["vier_ogen"]}
    assert [w.item.besluit for w in lijsten["vier_ogen_afgekeurd"]] == [herziening]
    tekst = _client(kwaliteit).get("/werkvoorraad/").content.decode()
    assert "Niet akkoord, wacht op de consulent" in tekst and "niet onderbouwd" in tekst
    # the consulent changes the amount: a new content, back in the review list
    services.wijzigen(herziening, wmo, pgb_bedrag=Decimal("14000.00"))
    assert boven.pk in _te_beoordelen(kwaliteit)


# ------------------------------------------------------------------ API


def test_api_wijst_naar_de_ene_goedkeuring(boven, wmo, kwaliteit, wmo_natura, api):
    besluit = _concept(boven, wmo, wmo_natura)
    antwoord = api(kwaliteit).post(f"/api/v1/zaken/{boven.pk}/goedkeuring/", {"akkoord": True}, format="json")
    assert antwoord.status_code == 201 and antwoord.json()["besluit"] is None
    tweede = api(kwaliteit).post(f"/api/v1/besluiten/{besluit.pk}/goedkeuren/", {"akkoord": True}, format="json")
    assert tweede.status_code == 409 and "al goedgekeurd" in str(tweede.json())
    data = api(wmo).get(f"/api/v1/besluiten/{besluit.pk}/").json()
    assert data["vier_ogen"]["goedgekeurd"] and data["vier_ogen"]["goedkeuring"] == antwoord.json()["id"]
    services.wijzigen(besluit, wmo, pgb_bedrag=Decimal("12345.00"))
    data = api(wmo).get(f"/api/v1/besluiten/{besluit.pk}/").json()
    assert not data["vier_ogen"]["goedgekeurd"] and "€ 12.345,00" in data["vier_ogen"]["vervallen"]
    zaak = api(wmo).get(f"/api/v1/zaken/{boven.pk}/vier-ogen/").json()
    assert zaak["goedgekeurd"] and zaak["goedkeuring"]["samenvatting"] and zaak["vervallen"] is None
    fout = api(kwaliteit).post(f"/api/v1/besluiten/{besluit.pk}/goedkeuren/", {"akkoord": "misschien"}, format="json")
    assert fout.status_code == 400 and "akkoord" in fout.json()
