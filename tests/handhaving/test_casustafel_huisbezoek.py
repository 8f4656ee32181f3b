"""Casustafel (issue 11, point 4) and huisbezoek (point 6): facts with a source, at least two participants and
two who agreed, the intervention and why; the huisbezoek protocol's fields and rules."""

from __future__ import annotations

import datetime as dt

import pytest

from maatwerk.handhaving import inlichtingenbureau as ib
from maatwerk.handhaving import meldpunt
from maatwerk.handhaving.models import Casustafel, Huisbezoek, MeldingStatus, SignaalStatus
from maatwerk.toegang.models import AuditRegel

TAFEL = {
    "casustafel-datum": "2026-12-01", "casustafel-interventie": "gesprek",
    "casustafel-motivering": "Eerste signaal; een gesprek past, geen verwijtbaarheid vastgesteld.",
    "casustafel-uitkomst": "Consulent nodigt de inwoner uit voor een gesprek.",
    "casustafel-feit_1": "Loon van € 412,50 in november 2026.", "casustafel-bron_1": "Inlichtingenbureau november 2026, regel 2",
    "casustafel-deelnemer_1": "A. Jansen", "casustafel-discipline_1": "handhaver", "casustafel-akkoord_1": "on",
    "casustafel-deelnemer_2": "B. Pieters", "casustafel-discipline_2": "consulent inkomen", "casustafel-akkoord_2": "on",
    "casustafel-afgerond": "on",
}


@pytest.fixture
def signaal(handhaver, client_met_uitkering, indicatoren_goedgekeurd):
    c = client_met_uitkering()
    inhoud = ("maand;bsn;soort;bron;bedrag;begindatum;einddatum;omschrijving\n"
              f"2026-11;{c.bsn};inkomen;UWV Polisadministratie;412,50;2026-11-01;2026-11-30;Loon\n").encode()
    return ib.vergelijk(handhaver, inhoud, "ib.csv", "2026-11").signalen.get()


def test_signaal_wordt_casustafelbesluit(handhaver, client_voor, signaal):
    antwoord = client_voor(handhaver).post(f"/handhaving/signalen/{signaal.pk}/", TAFEL)
    assert antwoord.status_code == 302
    tafel = Casustafel.objects.get()
    assert tafel.richting == "client" and tafel.signaal == signaal and tafel.interventie == "gesprek"
    assert [(f.feit, f.bron) for f in tafel.feiten.all()] == [("Loon van € 412,50 in november 2026.",
                                                               "Inlichtingenbureau november 2026, regel 2")]
    assert [d.akkoord for d in tafel.deelnemers.all()] == [True, True]
    signaal.refresh_from_db()
    assert signaal.status == SignaalStatus.BESPROKEN
    html = client_voor(handhaver).get(antwoord["Location"]).content.decode()
    assert "1 december 2026" in html and "bron: Inlichtingenbureau november 2026, regel 2" in html


@pytest.mark.parametrize("wijziging, veld, melding", [
    ({"casustafel-deelnemer_2": "", "casustafel-discipline_2": "", "casustafel-akkoord_2": ""}, "deelnemer_1",
     "ten minste twee deelnemers"),
    ({"casustafel-akkoord_2": ""}, "akkoord_1", "Ten minste twee deelnemers moeten akkoord"),
    ({"casustafel-deelnemer_2": "a. jansen"}, "deelnemer_1", "één keer"),
    ({"casustafel-bron_1": ""}, "bron_1", "Zonder bron is het een aanname"),
    ({"casustafel-feit_1": "", "casustafel-bron_1": ""}, "feit_1", "ten minste één feit"),
    ({"casustafel-motivering": ""}, "motivering", "Vul dit veld in."),
    ({"casustafel-datum": "2099-01-01"}, "datum", "toekomst"),
    ({"casustafel-datum": "31-02-2026"}, "datum", "geldige datum"),
])
def test_casustafel_foute_invoer(handhaver, client_voor, signaal, wijziging, veld, melding):
    antwoord = client_voor(handhaver).post(f"/handhaving/signalen/{signaal.pk}/", {**TAFEL, **wijziging})
    assert antwoord.status_code == 400
    assert melding in str(antwoord.context["form"].errors[veld])
    assert not Casustafel.objects.exists()
    assert 'value="A. Jansen"' in antwoord.content.decode() or wijziging.get("casustafel-deelnemer_1") == ""


def test_melding_afgehandeld_door_casustafel_en_api(handhaver, client_voor):
    bewijs = meldpunt.meld({"richting": "aanbieder", "domein": "jeugd", "betreft": "Zorgboerderij",
                            "omschrijving": "Kinderen worden niet opgehaald terwijl dat wel is afgesproken."})
    gegevens = {k.removeprefix("casustafel-"): v for k, v in TAFEL.items()}
    gegevens.update(interventie="kwaliteitsonderzoek", akkoord_1=True, akkoord_2=True, afgerond=True)
    antwoord = client_voor(handhaver, api=True).post(f"/api/v1/handhaving/meldingen/{bewijs.melding.pk}/casustafel/",
                                                     gegevens, format="json")
    assert antwoord.status_code == 201 and antwoord.json()["richting"] == "aanbieder"
    bewijs.melding.refresh_from_db()
    assert bewijs.melding.status == MeldingStatus.AFGEHANDELD
    een = {**gegevens, "deelnemer_2": "", "discipline_2": "", "akkoord_2": False}
    fout = client_voor(handhaver, api=True).post(f"/api/v1/handhaving/meldingen/{bewijs.melding.pk}/casustafel/",
                                                 een, format="json")
    assert fout.status_code == 400 and "deelnemer_1" in fout.json()


@pytest.mark.parametrize("rol", ["consulent_inkomen", "kwaliteitsmedewerker", "beleidsmedewerker", "beheerder"])
def test_casustafel_alleen_handhaver(maak_gebruiker, client_voor, signaal, rol):
    user = maak_gebruiker(f"c_{rol}", rol)
    assert client_voor(user).post(f"/handhaving/signalen/{signaal.pk}/", TAFEL).status_code == 404
    assert client_voor(user, api=True).post(f"/api/v1/handhaving/signalen/{signaal.pk}/casustafel/",
                                            {}, format="json").status_code == 403
    assert client_voor(user).get(f"/handhaving/signalen/{signaal.pk}/").status_code == 404
    assert not Casustafel.objects.exists()


# ------------------------------------------------------------------ huisbezoek

BEZOEK = {"datum": "2026-12-02", "reden": "Signaal samenwoning uit het Inlichtingenbureau-bestand.",
          "grond": "toestemming", "toestemming_gegeven": "ja", "aangekondigd": "ja",
          "medewerkers": "A. Jansen (handhaver), B. Pieters (consulent)", "bevindingen": "Eén bed, spullen van één persoon.",
          "reactie_inwoner": "De inwoner legt uit dat haar zus tijdelijk logeerde.", "uitkomst": "geen_wijziging"}


def test_huisbezoek_volgens_protocol(handhaver, client_voor, client_met_uitkering):
    c = client_met_uitkering()
    antwoord = client_voor(handhaver).post("/handhaving/huisbezoeken/nieuw/", {**BEZOEK, "bsn": c.bsn})
    assert antwoord.status_code == 302
    bezoek = Huisbezoek.objects.get()
    assert bezoek.inwoner == c and bezoek.toestemming_gegeven and bezoek.aangekondigd
    assert AuditRegel.objects.filter(onderwerp="huisbezoek", inwoner=c, toegestaan=True).exists()
    html = client_voor(handhaver).get(antwoord["Location"]).content.decode()
    assert "2 december 2026" in html and "toestemming van de inwoner" in html


@pytest.mark.parametrize("wijziging, veld", [
    ({"grond": "art_53a"}, "toelichting_grond"),
    ({"aangekondigd": "nee"}, "reden_niet_aangekondigd"),
    ({"toestemming_gegeven": "nee"}, "uitkomst"),
    ({"bsn": "12345678a"}, "bsn"),
    ({"datum": "2099-12-31"}, "datum"),
    ({"reactie_inwoner": ""}, "reactie_inwoner"),
])
def test_huisbezoek_foute_invoer(handhaver, client_voor, client_met_uitkering, wijziging, veld):
    c = client_met_uitkering()
    antwoord = client_voor(handhaver).post("/handhaving/huisbezoeken/nieuw/", {**BEZOEK, "bsn": c.bsn, **wijziging})
    assert antwoord.status_code == 400 and veld in antwoord.context["form"].errors
    assert not Huisbezoek.objects.exists()


def test_huisbezoek_onbekend_bsn_of_geen_uitkering(handhaver, client_voor, client_met_uitkering, inkomen):
    from .conftest import bsn_met_elfproef

    zonder = client_met_uitkering(ingang=dt.date(2027, 1, 1))  # benefit starts after the visit
    for bsn in (bsn_met_elfproef(55_555_555), zonder.bsn):
        antwoord = client_voor(handhaver).post("/handhaving/huisbezoeken/nieuw/", {**BEZOEK, "bsn": bsn})
        assert antwoord.status_code == 400
        assert "geen inwoner met een lopende uitkering" in str(antwoord.context["form"].errors["bsn"])
    api = client_voor(handhaver, api=True).post("/api/v1/handhaving/huisbezoeken/", {**BEZOEK, "bsn": zonder.bsn}, format="json")
    assert api.status_code == 400 and "bsn" in api.json()
    assert not Huisbezoek.objects.exists()


@pytest.mark.parametrize("rol", ["consulent_inkomen", "consulent_wmo", "kwaliteitsmedewerker", "beleidsmedewerker",
                                 "beheerder"])
def test_huisbezoek_alleen_handhaver(maak_gebruiker, client_voor, client_met_uitkering, rol):
    user = maak_gebruiker(f"h_{rol}", rol)
    c = client_met_uitkering()
    assert client_voor(user).post("/handhaving/huisbezoeken/nieuw/", {**BEZOEK, "bsn": c.bsn}).status_code == 403
    assert client_voor(user, api=True).get("/api/v1/handhaving/huisbezoeken/").status_code == 404
    assert not Huisbezoek.objects.exists()
