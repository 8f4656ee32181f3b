"""Documents on a zaak (issue 8, point 7): upload, list and download for the consulent through the API and the
pages; refusals (type from the content, size, empty, wrong domain and roles) with Dutch field messages;
content-addressed storage (same content once); withdrawal instead of deletion; an audit line for each step.
The crash test (kill -9 during a burst of uploads) is in test_documenten_crash.py."""

from __future__ import annotations

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from maatwerk.toegang.models import AuditRegel
from maatwerk.zaken import documenten
from maatwerk.zaken.documentmodellen import Document, Documentinhoud
from maatwerk.zaken.fouten import OnveranderlijkFout

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x01" * 40


def bestand(inhoud: bytes = PDF, naam: str = "offerte.pdf", content_type: str = "application/pdf"):
    return SimpleUploadedFile(naam, inhoud, content_type=content_type)


def upload(client, zaak, inhoud=PDF, naam="offerte.pdf", soort="offerte", **extra):
    return client.post(f"/api/v1/zaken/{zaak.pk}/documenten/",
                       {"bestand": bestand(inhoud, naam), "soort": soort, **extra}, format="multipart")


@pytest.fixture
def zaak(wmo, maak_zaak):
    return maak_zaak(wmo)


@pytest.fixture
def pagina():
    def client(user):
        c = Client()
        c.force_login(user)
        return c

    return client


# ------------------------------------------------------------------ pure functions


@pytest.mark.parametrize("begin, verwacht", [
    (PDF, "application/pdf"), (PNG, "image/png"), (JPEG, "image/jpeg"),
    (b"GIF89a....", None), (b"PK\x03\x04 docx", None), (b"hallo", None), (b"", None), (b"%PD", None),
])
def test_type_uit_de_inhoud(begin, verwacht):
    assert documenten.detecteer_type(begin) == verwacht


@pytest.mark.parametrize("n, tekst", [
    (1, "1 byte"), (999, "999 bytes"), (1000, "1 kB"), (34_400, "34 kB"), (1_200_000, "1,2 MB"),
    (10_000_000, "10 MB"), (1_250_000, "1,2 MB"),
])
def test_bestandsgrootte_in_nederlandse_vorm(n, tekst):
    assert documenten.bestandsgrootte(n) == tekst


@pytest.mark.parametrize("naam, schoon", [
    ("../../etc/passwd.pdf", "passwd.pdf"), ("C:\\Users\\an\\loon strook.pdf", "loon strook.pdf"),
    ("\x00\x1bkwaad\x7f.pdf", "kwaad.pdf"), ("", "document"), ("..", "document"), (None, "document"),
    ("a" * 300 + ".pdf", "a" * 196 + ".pdf"),
])
def test_bestandsnaam_wordt_opgeschoond(naam, schoon):
    assert documenten.schone_naam(naam) == schoon


# ------------------------------------------------------------------ API: the consulent's path


def test_consulent_voegt_toe_ziet_lijst_en_downloadt(api, wmo, zaak):
    c = api(wmo)
    antwoord = upload(c, zaak, omschrijving="Offerte traplift")
    assert antwoord.status_code == 201, antwoord.content
    body = antwoord.json()
    assert body["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert (body["soort"], body["inhoudstype"], body["grootte"], body["bestandsnaam"]) == (
        "offerte", "application/pdf", len(PDF), "offerte.pdf")
    assert body["geupload_door"] == "wmo1" and body["bron"] == "medewerker" and body["ingetrokken"] is False
    assert body["bijzondere_persoonsgegevens"] is False and body["omschrijving"] == "Offerte traplift"

    lijst = c.get(f"/api/v1/zaken/{zaak.pk}/documenten/").json()
    assert lijst["count"] == 1 and lijst["results"][0]["id"] == body["id"]
    assert c.get(f"/api/v1/documenten/{body['id']}/").json()["sha256"] == body["sha256"]

    inhoud = c.get(f"/api/v1/documenten/{body['id']}/inhoud/")
    assert inhoud.status_code == 200 and inhoud.content == PDF
    assert inhoud["Content-Type"] == "application/pdf"
    assert inhoud["Content-Disposition"] == 'attachment; filename="offerte.pdf"'
    assert inhoud["X-Content-Type-Options"] == "nosniff"

    regels = AuditRegel.objects.filter(zaak=zaak, gebruiker=wmo, toegestaan=True)
    assert regels.filter(actie="create", onderwerp="document", toelichting__contains=f"document {body['id']}").count() == 1
    assert regels.filter(actie="view", onderwerp="documenten (lijst)").count() == 1
    assert regels.filter(actie="view", onderwerp="document", toelichting__contains="inzien").count() == 1
    download = regels.get(actie="view", onderwerp="document (download)")
    assert download.soort_grond == "eigen_domein" and "Eigen domein Wmo" in download.grond


def test_jpeg_en_png_met_misleidende_naam_krijgen_het_echte_type(api, wmo, zaak):
    c = api(wmo)
    png = upload(c, zaak, PNG, naam="scan.pdf", soort="bankafschrift").json()
    assert png["inhoudstype"] == "image/png"
    download = c.get(f"/api/v1/documenten/{png['id']}/inhoud/")
    assert download["Content-Type"] == "image/png"
    assert download["Content-Disposition"] == 'attachment; filename="scan.pdf.png"'
    assert upload(c, zaak, JPEG, naam="foto.jpeg", soort="identiteitsbewijs").json()["inhoudstype"] == "image/jpeg"


def test_medische_verklaring_is_gemarkeerd(api, wmo, zaak):
    body = upload(api(wmo), zaak, soort="medische_verklaring").json()
    assert body["bijzondere_persoonsgegevens"] is True
    regel = AuditRegel.objects.get(zaak=zaak, actie="create", onderwerp="document")
    assert "bijzondere persoonsgegevens" in regel.toelichting


def test_zelfde_inhoud_wordt_eenmaal_opgeslagen(api, wmo, zaak, maak_zaak):
    andere = maak_zaak(wmo)
    c = api(wmo)
    assert upload(c, zaak).status_code == 201
    assert upload(c, zaak, naam="nogmaals.pdf").status_code == 201
    assert upload(c, andere, soort="overig").status_code == 201
    assert Document.objects.count() == 3
    assert Documentinhoud.objects.count() == 1
    assert bytes(Documentinhoud.objects.get().inhoud) == PDF


# ------------------------------------------------------------------ API: refusals with Dutch field messages


def test_verkeerd_type_uit_de_inhoud_ook_met_pdf_naam_en_content_type(api, wmo, zaak):
    antwoord = upload(api(wmo), zaak, b"Dit is gewoon tekst, geen PDF.", naam="echt.pdf")
    assert antwoord.status_code == 400
    melding = antwoord.json()["bestand"][0]
    assert melding.startswith("Bestand: alleen PDF, JPEG of PNG; dit bestand is tekst")
    for inhoud, wat in ((b"PK\x03\x04rest", "zip- of Office"), (b"GIF89a", "GIF"), (b"MZ\x90\x00", "programma")):
        assert wat in upload(api(wmo), zaak, inhoud).json()["bestand"][0]
    assert not Document.objects.exists() and not Documentinhoud.objects.exists()


def test_leeg_bestand_en_geen_bestand(api, wmo, zaak):
    c = api(wmo)
    leeg = upload(c, zaak, b"")
    assert leeg.status_code == 400 and "leeg" in leeg.json()["bestand"][0]
    zonder = c.post(f"/api/v1/zaken/{zaak.pk}/documenten/", {"soort": "offerte"}, format="multipart")
    assert zonder.status_code == 400 and zonder.json()["bestand"][0].startswith("Bestand: kies een bestand")
    assert not Document.objects.exists()


def test_onbekende_soort_en_te_lange_omschrijving(api, wmo, zaak):
    antwoord = upload(api(wmo), zaak, soort="paspoortfoto", omschrijving="x" * 501)
    assert antwoord.status_code == 400
    fouten = antwoord.json()
    assert fouten["soort"][0].startswith("Soort document: kies uit offerte, bankafschrift")
    assert fouten["omschrijving"][0] == "Omschrijving: ten hoogste 500 tekens."
    assert not Document.objects.exists()


@override_settings(MAATWERK_DOCUMENT_MAX_BYTES=1000)
def test_te_groot_wordt_geweigerd_met_de_grens_in_de_melding(api, wmo, zaak):
    c = api(wmo)
    precies = upload(c, zaak, PDF + b" " * (1000 - len(PDF)))
    assert precies.status_code == 201  # exactly at the limit is allowed
    te_groot = upload(c, zaak, PDF + b" " * (1001 - len(PDF)))
    assert te_groot.status_code == 400
    assert te_groot.json()["bestand"][0].startswith("Bestand: dit bestand is groter dan 1 kB")
    assert Document.objects.count() == 1


@override_settings(MAATWERK_DOCUMENT_MAX_BYTES=1000)
def test_veel_te_groot_verzoek_wordt_ongelezen_geweigerd(api, wmo, zaak):
    # More than limit + 1 MB: refused from Content-Length before the body is parsed (413, no 500).
    groot = PDF + b"0" * (1024 * 1024 + 2000)
    antwoord = upload(api(wmo), zaak, groot)
    assert antwoord.status_code == 413
    assert antwoord.json()["bestand"][0].startswith("Bestand: dit bestand is groter dan")
    assert not Document.objects.exists()


def test_json_naar_upload_is_een_nette_fout(api, wmo, zaak):
    antwoord = api(wmo).post(f"/api/v1/zaken/{zaak.pk}/documenten/", {"soort": "offerte"}, format="json")
    assert antwoord.status_code == 415


# ------------------------------------------------------------------ access: purpose and roles


@pytest.mark.parametrize("rol", ["consulent_jeugd", "consulent_inkomen", "kwaliteitsmedewerker", "beheerder",
                                 "beleidsmedewerker", "handhaver"])
def test_andere_rollen_krijgen_niets(api, wmo, zaak, maak_gebruiker, rol):
    document = upload(api(wmo), zaak).json()
    ander = api(maak_gebruiker(f"ander_{rol}", rol))
    assert ander.get(f"/api/v1/zaken/{zaak.pk}/documenten/").status_code == 404
    assert ander.get(f"/api/v1/documenten/{document['id']}/").status_code == 404
    assert ander.get(f"/api/v1/documenten/{document['id']}/inhoud/").status_code == 404
    assert upload(ander, zaak, PNG).status_code == 404
    assert ander.post(f"/api/v1/documenten/{document['id']}/intrekken/", {"reden": "weg"},
                      format="json").status_code == 404
    assert Document.objects.count() == 1 and not Document.objects.get().ingetrokken
    weigeringen = AuditRegel.objects.filter(gebruikersnaam=f"ander_{rol}", toegestaan=False, zaak=zaak)
    assert weigeringen.count() == 5


def test_onbekend_document_is_404_zoals_verboden(api, wmo):
    assert api(wmo).get("/api/v1/documenten/999999/").status_code == 404
    assert api(wmo).get("/api/v1/documenten/999999/inhoud/").status_code == 404


def test_niet_ingelogd(api, zaak):
    assert api().get(f"/api/v1/zaken/{zaak.pk}/documenten/").status_code == 401
    assert upload(api(), zaak).status_code == 401


# ------------------------------------------------------------------ never deleted: withdrawal


def test_intrekken_met_reden_blijft_zichtbaar(api, wmo, zaak):
    c = api(wmo)
    d = upload(c, zaak).json()
    zonder = c.post(f"/api/v1/documenten/{d['id']}/intrekken/", {"reden": "  "}, format="json")
    assert zonder.status_code == 400 and zonder.json()["reden"][0].startswith("Reden:")
    ok = c.post(f"/api/v1/documenten/{d['id']}/intrekken/", {"reden": "Hoort bij een andere zaak."}, format="json")
    assert ok.status_code == 200 and ok.json()["ingetrokken"] is True
    assert ok.json()["reden_intrekking"] == "Hoort bij een andere zaak." and ok.json()["ingetrokken_door"] == "wmo1"
    nogmaals = c.post(f"/api/v1/documenten/{d['id']}/intrekken/", {"reden": "Nog eens."}, format="json")
    assert nogmaals.status_code == 409 and nogmaals.json()["code"] == "al_ingetrokken"
    assert c.get(f"/api/v1/zaken/{zaak.pk}/documenten/").json()["results"][0]["ingetrokken"] is True
    assert c.get(f"/api/v1/documenten/{d['id']}/inhoud/").content == PDF  # still readable, for the audit trail
    assert AuditRegel.objects.filter(zaak=zaak, actie="change", onderwerp="document", toegestaan=True,
                                     toelichting__contains="ingetrokken").count() == 1


def test_document_en_inhoud_worden_nooit_verwijderd(api, wmo, zaak):
    upload(api(wmo), zaak)
    with pytest.raises(OnveranderlijkFout):
        Document.objects.get().delete()
    with pytest.raises(OnveranderlijkFout):
        Document.objects.all().delete()
    with pytest.raises(OnveranderlijkFout):
        Documentinhoud.objects.all().delete()
    inhoud = Documentinhoud.objects.get()
    with pytest.raises(OnveranderlijkFout):
        inhoud.save()


# ------------------------------------------------------------------ pages


def test_zaakpagina_toont_documenten_en_formulier(api, wmo, zaak, pagina):
    upload(api(wmo), zaak, PDF + b" " * 1_200_000, naam="bankafschrift mei.pdf", soort="bankafschrift")
    upload(api(wmo), zaak, PNG, naam="verklaring.png", soort="medische_verklaring")
    html = pagina(wmo).get(f"/zaken/{zaak.pk}/").content.decode()
    assert 'id="documenten"' in html and "Document toevoegen" in html and 'enctype="multipart/form-data"' in html
    assert "bankafschrift mei.pdf" in html and "1,2 MB" in html and "Bankafschrift" in html
    assert "Bijzonder persoonsgegeven (gezondheid)" in html
    d = Document.objects.get(soort="bankafschrift")
    from maatwerk.formaat import datum

    assert datum(d.geupload_op) in html and "wmo1" in html
    assert f'href="/documenten/{d.pk}/inhoud/"' in html
    assert "medische_verklaring" not in html.replace('value="medische_verklaring"', "")  # labels, not codes


def test_pagina_upload_en_download(wmo, zaak, pagina):
    c = pagina(wmo)
    antwoord = c.post(f"/zaken/{zaak.pk}/documenten/", {
        "document-bestand": bestand(JPEG, "pasfoto.jpg", "image/jpeg"), "document-soort": "identiteitsbewijs",
        "document-omschrijving": "Kopie paspoort"})
    assert antwoord.status_code == 302 and antwoord["Location"].endswith("#documenten")
    d = Document.objects.get()
    assert (d.soort, d.inhoudstype, d.omschrijving, d.geupload_door) == ("identiteitsbewijs", "image/jpeg",
                                                                          "Kopie paspoort", wmo)
    download = c.get(f"/documenten/{d.pk}/inhoud/")
    assert download.content == JPEG and download["Content-Type"] == "image/jpeg"
    assert download["Content-Disposition"].startswith("attachment;") and download["X-Content-Type-Options"] == "nosniff"
    assert "is opgeslagen bij de zaak" in c.get(f"/zaken/{zaak.pk}/").content.decode()


def test_pagina_fout_bestand_houdt_wat_is_ingevuld(wmo, zaak, pagina):
    antwoord = pagina(wmo).post(f"/zaken/{zaak.pk}/documenten/", {
        "document-bestand": bestand(b"#!/bin/sh\necho hoi\n", "offerte.pdf"), "document-soort": "offerte",
        "document-omschrijving": "Offerte scootmobiel"})
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "Alleen PDF, JPEG of PNG; dit bestand is tekst" in html or "alleen PDF, JPEG of PNG; dit bestand is tekst" in html
    assert "Offerte scootmobiel" in html and 'value="offerte" selected' in html
    assert not Document.objects.exists()


@override_settings(MAATWERK_DOCUMENT_MAX_BYTES=1000)
def test_pagina_te_groot_bestand_wordt_overgeslagen_met_melding(wmo, zaak, pagina):
    antwoord = pagina(wmo).post(f"/zaken/{zaak.pk}/documenten/", {
        "document-bestand": bestand(PDF + b" " * 5000), "document-soort": "loonstrook",
        "document-omschrijving": "Loonstrook april"})
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "dit bestand is groter dan 1 kB" in html and "Loonstrook april" in html
    assert not Document.objects.exists()


def test_pagina_upload_vraagt_csrf(wmo, zaak):
    c = Client(enforce_csrf_checks=True)
    c.force_login(wmo)
    antwoord = c.post(f"/zaken/{zaak.pk}/documenten/", {"document-bestand": bestand(), "document-soort": "offerte"})
    assert antwoord.status_code == 403 and not Document.objects.exists()


def test_pagina_intrekken(api, wmo, zaak, pagina):
    d = upload(api(wmo), zaak).json()
    c = pagina(wmo)
    leeg = c.post(f"/documenten/{d['id']}/intrekken/", {f"intrekken-{d['id']}-reden": ""})
    assert leeg.status_code == 400 and "schrijf op waarom" in leeg.content.decode()
    ok = c.post(f"/documenten/{d['id']}/intrekken/", {f"intrekken-{d['id']}-reden": "Verkeerde inwoner."})
    assert ok.status_code == 302
    html = c.get(f"/zaken/{zaak.pk}/").content.decode()
    assert "Ingetrokken" in html and "Verkeerde inwoner." in html


def test_pagina_andere_domein_ziet_geen_documenten(api, wmo, zaak, jeugd, pagina):
    d = upload(api(wmo), zaak).json()
    c = pagina(jeugd)
    assert c.get(f"/documenten/{d['id']}/inhoud/").status_code == 404
    assert c.post(f"/zaken/{zaak.pk}/documenten/", {"document-bestand": bestand(), "document-soort": "offerte"}
                  ).status_code == 404
    assert c.post(f"/documenten/{d['id']}/intrekken/", {f"intrekken-{d['id']}-reden": "x"}).status_code == 404
    assert Document.objects.count() == 1


def test_kwaliteitsmedewerker_ziet_zaak_maar_geen_documentensectie(api, wmo, zaak, kwaliteit, pagina, monkeypatch):
    from maatwerk.toegang import beleid

    upload(api(wmo), zaak)
    monkeypatch.setattr(beleid, "tweede_beoordeling_nodig", lambda z: True)  # the zaak is his to review
    antwoord = pagina(kwaliteit).get(f"/zaken/{zaak.pk}/")
    assert antwoord.status_code == 200
    assert 'id="documenten"' not in antwoord.content.decode()
    assert api(kwaliteit).get(f"/api/v1/zaken/{zaak.pk}/documenten/").status_code == 404
