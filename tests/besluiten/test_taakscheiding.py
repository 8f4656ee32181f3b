"""Separation of duties (issue 7, point 2): the kwaliteitsmedewerker is the second pair of eyes only, and his
own approval is never enough for his own work."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from maatwerk.besluiten import services
from maatwerk.besluiten.models import Status
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.zaken import vierogen
from maatwerk.zaken.fouten import VierOgenFout
from maatwerk.zaken.models import Status as ZaakStatus

BOVEN_MANDAAT = Decimal("12000.00")  # the Wmo consulent's mandate is € 10 000 (mandaat_standaard.yaml)
DAG = dt.date(2026, 1, 23)


def _client(user):
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def concept(nieuwe_zaak, klaar, wmo, wmo_natura):
    zaak = klaar(nieuwe_zaak(wmo), wmo, bedrag=BOVEN_MANDAAT)
    besluit = services.opstellen(zaak, wmo)
    services.wijzigen(besluit, wmo, **wmo_natura)
    return besluit


def test_kwaliteitsmedewerker_stelt_niet_op_stelt_niet_vast_en_verstuurt_niet(concept, kwaliteit, wmo, wmo_natura):
    zaak = concept.zaak
    assert vierogen.oordeel(zaak).vereist
    with pytest.raises(GeenToegang):
        services.wijzigen(concept, kwaliteit, omvang="5 uur per week")
    services.goedkeuren(concept, kwaliteit, akkoord=True)
    with pytest.raises(GeenToegang):
        services.vaststellen(concept, kwaliteit, datum=DAG)
    services.vaststellen(concept, wmo, datum=DAG)  # the consulent of the domain decides, after the approval
    with pytest.raises(GeenToegang):
        services.bekendmaken(concept, kwaliteit, datum=DAG)
    assert concept.status == Status.VASTGESTELD


def test_wie_aan_het_besluit_werkte_keurt_het_niet_goed(concept, maak_gebruiker, kwaliteit):
    """A user with both roles who changed the draft is no second pair of eyes for it."""
    beide = maak_gebruiker("wmo_en_kwaliteit", "consulent_wmo", "kwaliteitsmedewerker")
    services.wijzigen(concept, beide, omvang="4 uur per week")
    with pytest.raises(VierOgenFout) as fout:
        services.goedkeuren(concept, beide, akkoord=True)
    assert fout.value.code == "zelfde_persoon"
    assert beide.pk in services.eigen_werk(concept)
    services.goedkeuren(concept, kwaliteit, akkoord=True)
    assert services.geldige_goedkeuring(concept).door == kwaliteit


def test_behandelaar_keurt_zijn_eigen_zaak_niet_goed(nieuwe_zaak, klaar, wmo, maak_gebruiker):
    beide = maak_gebruiker("behandelaar_kwm", "consulent_wmo", "kwaliteitsmedewerker")
    zaak = nieuwe_zaak(wmo)
    zaak.behandelaar = beide
    zaak.save()
    zaak = klaar(zaak, wmo, bedrag=BOVEN_MANDAAT)
    with pytest.raises(VierOgenFout) as fout:
        vierogen.keur_goed(zaak, beide, akkoord=True)
    assert fout.value.code == "zelfde_persoon"


def test_binnen_mandaat_geen_tweede_beoordeling(nieuwe_zaak, klaar, wmo, kwaliteit):
    zaak = klaar(nieuwe_zaak(wmo), wmo)  # € 3 900: within the mandate
    with pytest.raises(GeenToegang):
        vierogen.keur_goed(zaak, kwaliteit, akkoord=True)
    assert _client(kwaliteit).get(f"/zaken/{zaak.pk}/").status_code in (403, 404)


def test_besluitpagina_toont_de_kwaliteitsmedewerker_alleen_zijn_oordeel(concept, kwaliteit, wmo):
    tekst = _client(kwaliteit).get(f"/besluiten/{concept.pk}/").content.decode()
    assert 'action="/besluiten/{}/goedkeuren/"'.format(concept.pk) in tekst
    assert f"/besluiten/{concept.pk}/vaststellen/" not in tekst and f"/besluiten/{concept.pk}/wijzigen/" not in tekst
    tekst = _client(wmo).get(f"/besluiten/{concept.pk}/").content.decode()
    assert f"/besluiten/{concept.pk}/vaststellen/" in tekst and f"/besluiten/{concept.pk}/goedkeuren/" not in tekst


def test_na_niet_akkoord_terug_naar_de_werkvoorraad(concept, kwaliteit):
    antwoord = _client(kwaliteit).post(f"/besluiten/{concept.pk}/goedkeuren/", {
        "akkoord": "nee", "toelichting": "De omvang is niet onderbouwd in het verslag."})
    assert antwoord.status_code == 302 and antwoord["Location"] == "/werkvoorraad/"
    concept.zaak.refresh_from_db()
    assert concept.zaak.status == ZaakStatus.BEOORDELING


def test_wie_de_zaak_wijzigde_keurt_het_voorstel_niet_goed(nieuwe_zaak, klaar, wmo, maak_gebruiker, kwaliteit):
    from maatwerk.zaken.services import wijzig_zaak

    beide = maak_gebruiker("wijziger_kwm", "consulent_wmo", "kwaliteitsmedewerker")
    zaak = nieuwe_zaak(wmo)
    wijzig_zaak(beide, zaak, omschrijving="U vroeg om hulp bij het huishouden en de was.")
    zaak = klaar(zaak, wmo, bedrag=BOVEN_MANDAAT)
    assert beide.pk in vierogen.betrokkenen(zaak) and kwaliteit.pk not in vierogen.betrokkenen(zaak)
    with pytest.raises(VierOgenFout):
        vierogen.keur_goed(zaak, beide, akkoord=True)
    vierogen.keur_goed(zaak, kwaliteit, akkoord=True)
