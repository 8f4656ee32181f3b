"""Issue 12 point 1 and 4: a policy change is proposed, refused to its own proposer, approved by a second person,
applies from its start date and not before, and the receipt of a besluit names the policy version."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from maatwerk.beleid import services, versies
from maatwerk.beleid.models import Beleidsversie, OnveranderlijkeVersie, VoorstelStatus
from maatwerk.regels.berekening import bereken
from maatwerk.regels.invoer import InvoerFout
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.toegang.models import AuditRegel
from maatwerk.zaken.fouten import ProcedureFout

pytestmark = pytest.mark.django_db
GRENS = "bijzondere_bijstand.draagkracht.inkomensgrens_percentage"
VANDAAG = dt.date(2026, 12, 7)
JAN = dt.date(2027, 1, 1)
# A single person with € 1.650 netto: above 110 % of the norm (draagkracht), below 120 % (none).
SITUATIE = {
    "personen": {"aanvrager": {"geboortedatum": "1980-01-01",
                               "netto_maandinkomen": {"2026-12": 1650.0, "2027-01": 1650.0}}},
    "huishoudens": {"h": {"partners": ["aanvrager"]}},
}


@pytest.fixture
def beleid1(maak_gebruiker):
    return maak_gebruiker("beleid1", "beleidsmedewerker")


@pytest.fixture
def beleid2(maak_gebruiker):
    return maak_gebruiker("beleid2", "beleidsmedewerker")


def _voorstel(user, **kw):
    d = {"parameter": GRENS, "waarde": "120", "ingangsdatum": JAN, "reden": "Raadsbesluit minimabeleid 2027"}
    d.update(kw)
    return services.stel_voor(user, vandaag=VANDAAG, **d)


def _draagkracht(maand: str, beleid=()) -> float:
    r = bereken(SITUATIE, maand, variabelen=["draagkracht_bijzondere_bijstand"], beleid=beleid)
    return r["resultaten"]["huishoudens"]["h"]["draagkracht_bijzondere_bijstand"]


def test_voorstel_eigen_goedkeuring_geweigerd_tweede_persoon_keurt_goed_en_het_geldt_vanaf_de_datum(beleid1, beleid2):
    voorstel = _voorstel(beleid1)
    assert voorstel.status == VoorstelStatus.VOORGESTELD and voorstel.waarde == Decimal("120")
    assert versies.actueel("lansingerland").nummer == 0

    with pytest.raises(ProcedureFout) as fout:
        services.beoordeel(beleid1, voorstel, akkoord=True, vandaag=VANDAAG)
    assert fout.value.code == "zelfde_persoon"
    assert not Beleidsversie.objects.exists()

    services.beoordeel(beleid2, voorstel, akkoord=True, vandaag=VANDAAG)
    voorstel.refresh_from_db()
    assert voorstel.status == VoorstelStatus.GOEDGEKEURD and voorstel.beoordeeld_door == beleid2
    versie = versies.actueel("lansingerland")
    assert versie.nummer == 1 and versie.wijzigingen[0].waarde == pytest.approx(1.2)

    # The day before the start date (December) keeps the old limit (110 %): draagkracht; on the start date
    # (January) the new limit (120 %): none. Without the version January has draagkracht too.
    assert _draagkracht("2026-12", versie.wijzigingen) == _draagkracht("2026-12") > 0
    assert _draagkracht("2027-01") > 0
    assert _draagkracht("2027-01", versie.wijzigingen) == 0.0

    # Audit lines for the proposal and the approval, and the refused self-approval was not an approval.
    assert AuditRegel.objects.filter(onderwerp="beleidsvoorstel", gebruikersnaam="beleid2", toegestaan=True).exists()


def test_versie_wordt_nooit_gewijzigd(beleid1, beleid2):
    services.beoordeel(beleid2, _voorstel(beleid1), akkoord=True, vandaag=VANDAAG)
    versie = Beleidsversie.objects.get()
    versie.waarde = Decimal("130")
    with pytest.raises(OnveranderlijkeVersie):
        versie.save()
    with pytest.raises(OnveranderlijkeVersie):
        versie.delete()


def test_afwijzen_vraagt_een_reden_en_maakt_geen_versie(beleid1, beleid2):
    voorstel = _voorstel(beleid1)
    with pytest.raises(InvoerFout) as fout:
        services.beoordeel(beleid2, voorstel, akkoord=False, vandaag=VANDAAG)
    assert fout.value.veld == "toelichting"
    services.beoordeel(beleid2, voorstel, akkoord=False, toelichting="Eerst de adviesraad horen.", vandaag=VANDAAG)
    voorstel.refresh_from_db()
    assert voorstel.status == VoorstelStatus.AFGEWEZEN and not Beleidsversie.objects.exists()
    with pytest.raises(ProcedureFout):
        services.beoordeel(beleid2, voorstel, akkoord=True, vandaag=VANDAAG)


@pytest.mark.parametrize("veld, invoer, tekst", [
    ("parameter", {"parameter": "wet.participatiewet.normen.art21.alleenstaande"}, "Onbekende parameter"),
    ("parameter", {"parameter": "bestaat.niet"}, "Onbekende parameter"),
    ("waarde", {"waarde": "honderdtwintig"}, "geen getal"),
    ("waarde", {"waarde": ""}, "Vul een nieuwe waarde in"),
    ("waarde", {"waarde": "NaN"}, "geen getal"),
    ("waarde", {"waarde": "95"}, "tussen 100 en 200"),
    ("waarde", {"waarde": "250"}, "tussen 100 en 200"),
    ("waarde", {"waarde": "120,555"}, "twee cijfers"),
    ("ingangsdatum", {"ingangsdatum": dt.date(2026, 12, 1)}, "in het verleden"),
    ("ingangsdatum", {"ingangsdatum": dt.date(2027, 1, 15)}, "eerste dag van een maand"),
    ("ingangsdatum", {"ingangsdatum": "31-01-2027"}, "geen geldige datum"),
    ("reden", {"reden": "   "}, "reden"),
])
def test_onjuiste_invoer_geeft_nederlandse_melding_met_het_veld(beleid1, veld, invoer, tekst):
    with pytest.raises(InvoerFout) as fout:
        _voorstel(beleid1, **invoer)
    assert fout.value.veld == veld and tekst in fout.value.bericht


def test_ingangsdatum_voor_de_laatste_versie_geweigerd(beleid1, beleid2):
    services.beoordeel(beleid2, _voorstel(beleid1, ingangsdatum=dt.date(2027, 3, 1)), akkoord=True, vandaag=VANDAAG)
    with pytest.raises(InvoerFout) as fout:
        _voorstel(beleid1, ingangsdatum=dt.date(2027, 2, 1), waarde="125")
    assert fout.value.veld == "ingangsdatum" and "laatste versie" in fout.value.bericht
    # The same start date as the last version is allowed (a correction is a new version), and a comma too.
    assert _voorstel(beleid1, ingangsdatum=dt.date(2027, 3, 1), waarde="125,5").waarde == Decimal("125.5")


def test_goedkeuren_na_de_ingangsdatum_geweigerd(beleid1, beleid2):
    voorstel = _voorstel(beleid1)
    with pytest.raises(InvoerFout) as fout:
        services.beoordeel(beleid2, voorstel, akkoord=True, vandaag=dt.date(2027, 1, 2))
    assert fout.value.veld == "ingangsdatum" and not Beleidsversie.objects.exists()


@pytest.mark.parametrize("rol", ["consulent_inkomen", "consulent_wmo", "consulent_jeugd", "handhaver", "beheerder",
                                 "kwaliteitsmedewerker", "jurist"])
def test_rollen_zonder_beleid_geweigerd(maak_gebruiker, beleid1, rol):
    ander = maak_gebruiker("ander", rol)
    with pytest.raises(GeenToegang):
        _voorstel(ander)
    voorstel = _voorstel(beleid1)
    with pytest.raises(GeenToegang):
        services.beoordeel(ander, voorstel, akkoord=True, vandaag=VANDAAG)
    assert AuditRegel.objects.filter(gebruikersnaam="ander", toegestaan=False).count() == 2
    client = APIClient()
    client.force_authenticate(ander)
    assert client.get("/api/v1/beleidsvoorstellen/").status_code == 403
    assert client.post(f"/api/v1/beleidsvoorstellen/{voorstel.pk}/beoordelen/", {"akkoord": True},
                       format="json").status_code == 403
    client.force_login(ander)
    assert client.get("/beleid/").status_code == 403
    assert client.post("/beleid/", {"parameter": GRENS, "waarde": "120", "ingangsdatum": "2027-01-01",
                                    "reden": "x"}).status_code == 403


def test_api_onjuiste_invoer_400_met_veld_en_eigen_goedkeuring_409(beleid1, beleid2):
    client = APIClient()
    client.force_authenticate(beleid1)
    fout = client.post("/api/v1/beleidsvoorstellen/", {"parameter": GRENS, "waarde": "abc", "ingangsdatum": "2027-01-01",
                                                       "reden": "x"}, format="json")
    assert fout.status_code == 400 and "waarde" in fout.json()
    fout = client.post("/api/v1/beleidsvoorstellen/", {"parameter": "onzin", "waarde": "1", "ingangsdatum": "2027-01-01",
                                                       "reden": "x"}, format="json")
    assert fout.status_code == 400 and "Onbekende parameter" in fout.json()["parameter"][0]
    ok = client.post("/api/v1/beleidsvoorstellen/", {"parameter": GRENS, "waarde": 120, "ingangsdatum": "2099-01-01",
                                                     "reden": "Raadsbesluit"}, format="json")
    assert ok.status_code == 201, ok.content
    pk = ok.json()["id"]
    zelf = client.post(f"/api/v1/beleidsvoorstellen/{pk}/beoordelen/", {"akkoord": True}, format="json")
    assert zelf.status_code == 409 and zelf.json()["code"] == "zelfde_persoon"
    client.force_authenticate(beleid2)
    assert client.post(f"/api/v1/beleidsvoorstellen/{pk}/beoordelen/", {"akkoord": True},
                       format="json").json()["versie"] == 1
    assert client.get("/api/v1/beleidsversies/").json()["results"][0]["nummer"] == 1


def test_pagina_houdt_de_invoer_en_noemt_het_veld(beleid1):
    from django.test import Client

    client = Client()
    client.force_login(beleid1)
    antwoord = client.post("/beleid/", {"parameter": GRENS, "waarde": "95", "ingangsdatum": "2099-01-01",
                                        "reden": "Mijn reden"})
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "tussen 100 en 200" in html and "Mijn reden" in html and 'value="95"' in html
