"""The consulent's web pages: start page, login, werkvoorraad, household, zaak, printable report, audit log.
Access follows the policy of maatwerk.toegang.beleid; a refusal is a Dutch 403 page and is logged."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from maatwerk.personen import services as personen
from maatwerk.personen.models import Relatie, Rol
from maatwerk.toegang import register
from maatwerk.toegang.models import AuditRegel
from maatwerk.zaken import procedure
from maatwerk.zaken.models import Status
from maatwerk.zaken.intake import meld_via_intake
from maatwerk.zaken.services import meld_zaak

pytestmark = pytest.mark.django_db


def client_voor(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def html(antwoord) -> str:
    return antwoord.content.decode()


@pytest.fixture
def gezin(inkomen, jeugd, maak_inwoner):
    """A household with an inkomen zaak (mother) and a jeugd zaak (child)."""
    moeder = maak_inwoner(inkomen, voornamen="Helena", achternaam="Croes")
    kind = maak_inwoner(inkomen, voornamen="Jayden", achternaam="Croes", geboortedatum=dt.date(2019, 3, 1))
    hh = personen.maak_huishouden(inkomen, naam="Huishouden Croes", aanvrager=moeder)
    personen.voeg_lid_toe(inkomen, hh, kind, rol=Rol.KIND, relatie=Relatie.KIND)
    bb = meld_zaak(inkomen, huishouden=hh, hoofdpersoon=moeder, regeling="bijzondere_bijstand",
                   ontvangen_op=dt.date(2026, 1, 5), omschrijving="Inrichting van de nieuwe woning")
    # Jeugd comes in through the intake route: the household is known to Inkomen only (issue 7).
    jz = meld_via_intake(jeugd, bsn=kind.bsn, geboortedatum=kind.geboortedatum, regeling="jeugdhulp",
                         ontvangen_op=dt.date(2026, 1, 6), omschrijving="Hulp voor Jayden na de verhuizing",
                         reden="Moeder meldt zich met haar zoon bij het wijkteam, verwezen door school.")
    return {"hh": hh, "moeder": moeder, "kind": kind, "bb": bb, "jz": jz}


# ------------------------------------------------------------------ start page and login


def test_startpagina_is_nederlands_en_toegankelijk_opgebouwd(client):
    antwoord = client.get("/")
    assert antwoord.status_code == 200
    tekst = html(antwoord)
    assert '<html lang="nl">' in tekst
    assert 'href="#inhoud"' in tekst and 'id="inhoud"' in tekst  # skip link to <main>
    assert "Maatwerk" in tekst
    assert "Inloggen in de demo" not in tekst  # no demo accounts: no password on the page


def test_startpagina_toont_demo_accounts_en_wachtwoord_alleen_als_de_demo_geladen_is(client, db):
    from maatwerk.demo.gebruikers import DEMO_WACHTWOORD
    from maatwerk.demo.gegevens import gebruikers

    accounts = gebruikers()
    tekst = html(client.get("/"))
    assert "Alleen voor de demo" in tekst and DEMO_WACHTWOORD in tekst
    for rol in ("consulent_wmo", "consulent_jeugd", "consulent_inkomen", "kwaliteitsmedewerker", "handhaver",
                "beleidsmedewerker", "beheerder"):
        assert f"<code>{rol}</code>" in tekst
    # Once the shared password is changed, the page no longer publishes it.
    accounts["consulent_inkomen"].set_password("een-ander-wachtwoord-42")
    accounts["consulent_inkomen"].save()
    assert DEMO_WACHTWOORD not in html(client.get("/"))


def test_inloggen_met_fout_wachtwoord_geeft_nederlandse_melding(client, wmo):
    antwoord = client.post("/inloggen/", {"username": "wmo1", "password": "fout"})
    assert antwoord.status_code == 200
    tekst = html(antwoord)
    assert "nl-error-summary" in tekst
    assert "gebruikersnaam" in tekst.lower() and "wachtwoord" in tekst.lower()
    assert 'value="wmo1"' in tekst  # what was typed is kept


def test_inloggen_stuurt_consulent_naar_werkvoorraad_en_beheerder_naar_auditlog(client, wmo, beheerder):
    antwoord = client.post("/inloggen/", {"username": "wmo1", "password": "geheim-wachtwoord-123"})
    assert antwoord.status_code == 302 and antwoord["Location"] == reverse("ui:werkvoorraad")
    client.post("/uitloggen/")
    antwoord = client.post("/inloggen/", {"username": "beheerder1", "password": "geheim-wachtwoord-123"})
    assert antwoord["Location"] == reverse("ui:auditlog")


@pytest.mark.parametrize("url", ["/werkvoorraad/", "/auditlog/", "/zaken/1/", "/huishoudens/1/", "/zaken/1/rapportage/"])
def test_paginas_vragen_om_inloggen(client, url):
    antwoord = client.get(url)
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/inloggen/?next=")


# ------------------------------------------------------------------ werkvoorraad


def test_werkvoorraad_toont_eigen_domein_verlopen_termijn_eerst_en_apart(inkomen, gezin, maak_zaak):
    # An aanvraag received long ago: its Awb beslistermijn has passed.
    oud = maak_zaak(inkomen, regeling="bijzondere_bijstand", ontvangen_op=dt.date(2025, 1, 6))
    procedure.voer_uit(oud, Status.AANVRAAG, inkomen, datum=dt.date(2025, 1, 6))
    tekst = html(client_voor(inkomen).get("/werkvoorraad/"))
    mijn = tekst[tekst.index('id="eigen-kop"'):]
    assert mijn.index(f"Zaak {oud.pk}<") < mijn.index(f"Zaak {gezin['bb'].pk}<")  # overdue first
    assert "nl-row--overdue" in mijn and "Termijn verstreken:" in mijn
    verstreken = tekst[tekst.index('id="verstreken-kop"'):tekst.index('id="eigen-kop"')]
    assert f"Zaak {oud.pk}:" in verstreken and f"Zaak {gezin['bb'].pk}:" not in verstreken
    assert "Awb, artikel 4:13" in verstreken  # the legal source of the term
    assert f"Zaak {gezin['jz'].pk}<" not in tekst  # the Jeugd zaak is not in the inkomen worklist


def test_werkvoorraad_logt_elke_getoonde_zaak(inkomen, gezin):
    client_voor(inkomen).get("/werkvoorraad/")
    assert AuditRegel.objects.filter(gebruikersnaam="inkomen1", zaak=gezin["bb"], onderwerp="zaak (lijst)").exists()
    assert not AuditRegel.objects.filter(gebruikersnaam="inkomen1", zaak=gezin["jz"]).exists()


def test_werkvoorraad_van_kwaliteitsmedewerker_toont_voorstellen(kwaliteit, wmo, maak_zaak, breng_in):
    zaak = breng_in(maak_zaak(wmo), Status.KLAAR_VOOR_BESLUIT, wmo, bedrag=Decimal("12000.00"))  # above the mandate
    binnen = breng_in(maak_zaak(wmo), Status.KLAAR_VOOR_BESLUIT, wmo)  # within it: never his work (issue 7)
    tekst = html(client_voor(kwaliteit).get("/werkvoorraad/"))
    assert "Wacht op een tweede paar ogen" in tekst and f"Zaak {zaak.pk}<" in tekst
    assert f"Zaak {binnen.pk}<" not in tekst


def test_werkvoorraad_van_beleidsmedewerker_toont_geen_dossiers(maak_gebruiker, gezin):
    beleid = maak_gebruiker("beleid1", "beleidsmedewerker")
    antwoord = client_voor(beleid).get("/werkvoorraad/")
    assert antwoord.status_code == 200
    assert "geen werkvoorraad" in html(antwoord) and "Croes" not in html(antwoord)


# ------------------------------------------------------------------ household


def test_huishouden_toont_leden_en_zaak_van_ander_domein_zonder_toegang(inkomen, gezin):
    antwoord = client_voor(inkomen).get(f"/huishoudens/{gezin['hh'].pk}/")
    assert antwoord.status_code == 200
    tekst = html(antwoord)
    assert "Helena Croes" in tekst and "Jayden Croes" in tekst
    assert "aanvrager" in tekst and "kind" in tekst
    assert f'href="/zaken/{gezin["bb"].pk}/"' in tekst
    assert "Zaak in ander domein (Jeugd) — geen toegang" in tekst
    assert f'href="/zaken/{gezin["jz"].pk}/"' not in tekst
    assert "Hulp voor Jayden" not in tekst


def test_huishouden_met_toestemming_toont_zaak_van_ander_domein(jeugd, gezin):
    # Recorded by the data's domain (Inkomen), signed by the inwoner; never by the recipient (issue 7).
    register.leg_toestemming_vast(gezin["bb"].behandelaar, gezin["moeder"], ontvanger="jeugd", domein="inkomen",
                                  vorm="schriftelijk", bron="ondertekend", documentkenmerk="TOE-1",
                                  geldig_vanaf=dt.date(2026, 1, 6), geldig_tot=dt.date(2026, 12, 31),
                                  doel="Afstemmen jeugdhulp en inrichting woning.")
    tekst = html(client_voor(jeugd).get(f"/huishoudens/{gezin['hh'].pk}/"))
    assert f'href="/zaken/{gezin["bb"].pk}/"' in tekst and "geen toegang" not in tekst
    assert "Toestemming van de inwoner" in tekst
    zaak = client_voor(jeugd).get(f"/zaken/{gezin['bb'].pk}/")
    assert zaak.status_code == 200
    assert "Alleen lezen" in html(zaak) and "Naar onderzoek" not in html(zaak)  # may see, not change


def test_huishouden_zonder_zaak_in_eigen_domein_is_verboden(wmo, gezin):
    # Invisible answers like missing (issue 7).
    antwoord = client_voor(wmo).get(f"/huishoudens/{gezin['hh'].pk}/")
    assert antwoord.status_code == 404
    assert "Pagina niet gevonden" in html(antwoord) and "Croes" not in html(antwoord)


def test_onbekend_huishouden_of_zaak_geeft_404(inkomen):
    assert client_voor(inkomen).get("/huishoudens/999999/").status_code == 404
    assert client_voor(inkomen).get("/zaken/999999/").status_code == 404


# ------------------------------------------------------------------ zaak page


def test_zaakpagina_toont_vraag_status_stappen_termijnen_en_criteria(inkomen, gezin):
    zaak = gezin["bb"]
    procedure.voer_uit(zaak, Status.AANVRAAG, inkomen, datum=dt.date(2026, 1, 7))
    tekst = html(client_voor(inkomen).get(f"/zaken/{zaak.pk}/"))
    assert "Wat vraagt de inwoner?" in tekst and "Inrichting van de nieuwe woning" in tekst
    assert "Status: aanvraag" in tekst
    assert "Naar beoordeling" in tekst  # the next step, one button per allowed transition
    assert "Naar ingetrokken" in tekst
    assert "Naar besluit" not in tekst  # not allowed from aanvraag
    assert "Beslistermijn aanvraag" in tekst and "Awb, artikel 4:13" in tekst
    assert "Nog vast te stellen (6)" in tekst
    for c in zaak.definitie.criteria:
        assert c.vraag in tekst


def test_wmo_consulent_krijgt_404_op_jeugdzaak_en_dat_wordt_gelogd(wmo, gezin):
    antwoord = client_voor(wmo).get(f"/zaken/{gezin['jz'].pk}/")
    assert antwoord.status_code == 404  # invisible answers like missing (issue 7)
    tekst = html(antwoord)
    assert "Pagina niet gevonden" in tekst and "domein Jeugd" not in tekst
    assert "Hulp voor Jayden" not in tekst
    assert AuditRegel.objects.filter(gebruikersnaam="wmo1", zaak=gezin["jz"], toegestaan=False).exists()


def test_zaakpagina_toont_historie_wie_wanneer_waarom(inkomen, gezin):
    zaak = gezin["bb"]
    procedure.voer_uit(zaak, Status.SPOEDVOORZIENING, inkomen, datum=dt.date(2026, 1, 6),
                       reden="Geen bed voor de kinderen vannacht.")
    tekst = html(client_voor(inkomen).get(f"/zaken/{zaak.pk}/"))
    historie = tekst[tekst.index('id="historie"'):]
    assert "Geen bed voor de kinderen vannacht." in historie
    assert "inkomen1" in historie
    assert "artikel 2:1, onder d" in historie


def test_rapportage_is_afdrukbaar_in_b1_en_alleen_voor_wie_de_zaak_mag_zien(inkomen, wmo, gezin, vul_checklist):
    zaak = gezin["bb"]
    procedure.voer_uit(zaak, Status.ONDERZOEK, inkomen, datum=dt.date(2026, 1, 8))
    vul_checklist(zaak, inkomen)
    antwoord = client_voor(inkomen).get(f"/zaken/{zaak.pk}/rapportage/")
    assert antwoord.status_code == 200
    tekst = html(antwoord)
    for kop in ("Verslag van ons gesprek", "Uw vraag", "Wat we hebben besproken", "Wat we hebben afgesproken",
                "Uw reactie", "Wat gebeurt er nu?"):
        assert kop in tekst
    assert "Besproken: behoefte." in tekst
    # The print button works through maatwerk.js (data-afdrukken): no inline onclick under the CSP.
    assert "data-afdrukken" in tekst and "onclick" not in tekst
    assert client_voor(wmo).get(f"/zaken/{zaak.pk}/rapportage/").status_code == 404


# ------------------------------------------------------------------ audit log


def test_auditlog_alleen_voor_beheerder(beheerder, inkomen, gezin):
    client_voor(inkomen).get(f"/zaken/{gezin['bb'].pk}/")
    assert client_voor(inkomen).get("/auditlog/").status_code == 403
    antwoord = client_voor(beheerder).get("/auditlog/", {"gebruiker": "inkomen1"})
    assert antwoord.status_code == 200
    tekst = html(antwoord)
    assert "inkomen1" in tekst and "Eigen domein" in tekst
    assert "Helena" not in tekst  # the beheerder sees inwoner numbers, not names


def test_auditlog_filter_met_foute_invoer_geeft_nederlandse_melding(beheerder):
    antwoord = client_voor(beheerder).get("/auditlog/", {"zaak": "abc"})
    assert antwoord.status_code == 400
    assert "Vul een zaaknummer in (alleen cijfers)." in html(antwoord)
    assert re.search(r'href="#id_zaak"', html(antwoord))  # the error summary links to the field


def test_geweigerde_poging_staat_in_auditlog(beheerder, wmo, gezin):
    client_voor(wmo).get(f"/zaken/{gezin['jz'].pk}/")
    tekst = html(client_voor(beheerder).get("/auditlog/", {"alleen_geweigerd": "on"}))
    assert "wmo1" in tekst and "geweigerd" in tekst
