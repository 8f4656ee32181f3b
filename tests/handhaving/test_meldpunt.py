"""The meldpunt (issue 11, point 3): anyone reports, anonymously too; a receipt with kenmerk, date and a secret
code; feedback by kenmerk + code with only the status; client and provider reports in separate queues."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from maatwerk.handhaving import meldpunt
from maatwerk.handhaving.models import Melding
from maatwerk.toegang.models import AuditRegel

MELDING = {"richting": "aanbieder", "domein": "wmo", "betreft": "Thuiszorgbureau De Linde",
           "omschrijving": "De uren worden geschreven maar de hulp komt niet. Dat zag ik op 2 november."}


def _meld(client, **extra):
    return client.post("/loket/melden/", {**MELDING, **extra})


def _kenmerk_en_code(html: str) -> tuple[str, str]:
    kenmerk = re.search(r"HM-\d{4}-\d{5}", html).group(0)
    code = re.search(r"Uw geheime code: <strong>([A-Z0-9]{10})</strong>", html).group(1)
    return kenmerk, code


@pytest.mark.django_db
def test_anoniem_melden_op_het_loket_met_ontvangstbewijs():
    antwoord = _meld(Client())
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    kenmerk, code = _kenmerk_en_code(html)
    melding = Melding.objects.get(kenmerk=kenmerk)
    assert melding.anoniem and melding.richting == "aanbieder" and melding.geregistreerd_door is None
    assert code not in melding.code_hash and len(melding.code_hash) == 64  # only the hash is stored
    assert re.search(r"Ontvangen op: \d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
                     r"november|december) \d{4}", html)  # a Dutch date on the receipt


@pytest.mark.django_db
def test_fout_invoer_houdt_wat_getypt_is_en_noemt_het_veld():
    antwoord = _meld(Client(), richting="", omschrijving="kort", betreft="Mevrouw Jansen")
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Kies een van de mogelijkheden." in html and "Schrijf in een paar woorden" in html
    assert 'value="Mevrouw Jansen"' in html
    assert not Melding.objects.exists()


@pytest.mark.django_db
def test_terugkoppeling_alleen_de_status_met_kenmerk_en_code():
    c = Client()
    kenmerk, code = _kenmerk_en_code(_meld(c).content.decode())
    antwoord = c.post("/loket/melden/volgen/", {"kenmerk": kenmerk.lower(), "code": code})
    assert antwoord.status_code == 200 and "in behandeling" in antwoord.content.decode()
    assert MELDING["omschrijving"] not in antwoord.content.decode()
    melding = Melding.objects.get(kenmerk=kenmerk)
    meldpunt.handel_af(melding)
    html = c.post("/loket/melden/volgen/", {"kenmerk": kenmerk, "code": code}).content.decode()
    assert "afgehandeld" in html and "mogen wij u niet vertellen" in html


@pytest.mark.django_db
def test_verkeerde_code_en_onbekend_kenmerk_antwoorden_hetzelfde():
    c = Client()
    kenmerk, code = _kenmerk_en_code(_meld(c).content.decode())
    fout = c.post("/loket/melden/volgen/", {"kenmerk": kenmerk, "code": "AAAAAAAAAA"})
    onbekend = c.post("/loket/melden/volgen/", {"kenmerk": "HM-2026-99999", "code": code})
    assert fout.status_code == onbekend.status_code == 404
    assert "Wij vinden geen melding" in fout.content.decode() and "Wij vinden geen melding" in onbekend.content.decode()
    assert c.post("/loket/melden/volgen/", {"kenmerk": "xyz", "code": code}).status_code == 400
    assert AuditRegel.objects.filter(onderwerp="terugkoppeling melding", toegestaan=False).count() == 2


@pytest.mark.django_db
def test_professional_meldt_via_het_formulier_voor_medewerkers(inkomen, client_voor):
    antwoord = client_voor(inkomen).post("/handhaving/melden/", {**MELDING, "melder": "professional", "richting": "client",
                                                                 "domein": "inkomen", "melder_naam": "J. de Vries"})
    assert antwoord.status_code == 200 and "Geheime code voor de melder" in antwoord.content.decode()
    m = Melding.objects.get()
    assert m.melder == "professional" and not m.anoniem and m.geregistreerd_door == inkomen


@pytest.mark.django_db
def test_aanbieder_meldt_via_de_api(inkomen, client_voor):
    antwoord = client_voor(inkomen, api=True).post("/api/v1/handhaving/meldingen/", {**MELDING, "melder": "aanbieder"},
                                                   format="json")
    assert antwoord.status_code == 201 and re.fullmatch(r"[A-Z0-9]{10}", antwoord.json()["code"])
    fout = client_voor(inkomen, api=True).post("/api/v1/handhaving/meldingen/", {"melder": "x"}, format="json")
    assert fout.status_code == 400 and "melder" in fout.json() and "omschrijving" in fout.json()
    assert client_voor(inkomen, api=True).post("/api/v1/handhaving/meldingen/", [1, 2], format="json").status_code == 400


@pytest.mark.django_db
def test_wachtrijen_client_en_aanbieder_gescheiden(handhaver, client_voor):
    meldpunt.meld({**MELDING})
    meldpunt.meld({**MELDING, "richting": "client", "domein": "inkomen", "betreft": "Buurman"})
    api = client_voor(handhaver, api=True)
    aanbieders = api.get("/api/v1/handhaving/meldingen/?richting=aanbieder").json()
    clienten = api.get("/api/v1/handhaving/meldingen/?richting=client").json()
    assert [m["betreft"] for m in aanbieders["results"]] == ["Thuiszorgbureau De Linde"]
    assert [m["betreft"] for m in clienten["results"]] == ["Buurman"]
    assert api.get("/api/v1/handhaving/meldingen/?richting=iedereen").status_code == 400
    html = client_voor(handhaver).get("/handhaving/").content.decode()
    assert "Wachtrij casustafel: cliënten" in html and "Wachtrij casustafel: aanbieders" in html


@pytest.mark.django_db
@pytest.mark.parametrize("rol", ["consulent_inkomen", "consulent_wmo", "consulent_jeugd", "kwaliteitsmedewerker",
                                 "beleidsmedewerker", "beheerder", "jurist"])
def test_anderen_zien_de_meldingen_niet(maak_gebruiker, client_voor, rol):
    user = maak_gebruiker(f"x_{rol}", rol)
    bewijs = meldpunt.meld({**MELDING})
    assert client_voor(user, api=True).get("/api/v1/handhaving/meldingen/").status_code == 404
    assert client_voor(user).get("/handhaving/").status_code == 404
    assert client_voor(user).get(f"/handhaving/meldingen/{bewijs.melding.pk}/").status_code == 404
    assert AuditRegel.objects.filter(gebruikersnaam=f"x_{rol}", toegestaan=False).count() >= 3
