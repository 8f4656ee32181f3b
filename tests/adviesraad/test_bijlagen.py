"""Documents with the college's request and the advice: real PDF/JPEG/PNG files (type from the content, size
limit), stored in the zaken app's content store, each accepted file kept when another is refused; downloadable
by who may see the request; public ones on the public page only once the advice is recorded."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from maatwerk.adviesraad import bijlagen, services
from maatwerk.adviesraad.models import Adviesdocument
from maatwerk.regels.invoer import InvoerFout
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.toegang.models import AuditRegel
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import Documentinhoud

pytestmark = pytest.mark.django_db
D = dt.date
VANDAAG = D(2026, 12, 7)
PDF = b"%PDF-1.4\n1 0 obj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


def _bestand(naam, inhoud):
    return SimpleUploadedFile(naam, inhoud, content_type="application/pdf")


@pytest.fixture
def aanvraag(beleid):
    return services.vraag_advies(beleid, onderwerp="Minimabeleid", vraag="De inkomensgrens",
                                 verzonden_op=D(2026, 11, 2), ontvangen_op=D(2026, 11, 3), vandaag=VANDAAG)


def _advies(secretaris, aanvraag):
    return services.leg_advies_vast(secretaris, aanvraag, uitgebracht_op=D(2026, 11, 20), vandaag=VANDAAG,
                                    punten=[{"kop": "Inkomensgrens", "tekst": "Verhoog de grens."}])


def test_goede_bestanden_opgeslagen_foute_benoemd_met_naam(beleid, aanvraag):
    opgeslagen, fouten = bijlagen.voeg_toe(beleid, aanvraag, [
        _bestand("Uitvoeringsplan.pdf", PDF), _bestand("brief.docx", b"PK\x03\x04rest"),
        _bestand("leeg.pdf", b""), _bestand("kaart.png", PNG)], bij="aanvraag", openbaar=True)
    assert [(d.bestandsnaam, d.inhoudstype) for d in opgeslagen] == [("Uitvoeringsplan.pdf", "application/pdf"),
                                                                      ("kaart.png", "image/png")]
    assert len(fouten) == 2
    assert fouten[0].startswith("Bestand ‘brief.docx’: alleen PDF, JPEG of PNG") and "zip- of Office" in fouten[0]
    assert fouten[1].startswith("Bestand ‘leeg.pdf’:") and "leeg" in fouten[1]
    assert Documentinhoud.objects.filter(sha256=opgeslagen[0].sha256).exists()
    # The same content again is stored once.
    bijlagen.voeg_toe(beleid, aanvraag, [_bestand("kopie.pdf", PDF)], bij="aanvraag")
    assert Documentinhoud.objects.filter(sha256=opgeslagen[0].sha256).count() == 1
    assert AuditRegel.objects.filter(onderwerp="adviesdocument", toegestaan=True,
                                     toelichting__contains="Uitvoeringsplan.pdf").exists()


def test_te_groot_en_geen_bestand(beleid, aanvraag, settings):
    settings.MAATWERK_DOCUMENT_MAX_BYTES = 100
    _, fouten = bijlagen.voeg_toe(beleid, aanvraag, [_bestand("groot.pdf", PDF + b"x" * 200)], bij="aanvraag")
    assert fouten[0].startswith("Bestand ‘groot.pdf’: dit bestand is groter dan 100 bytes")
    with pytest.raises(InvoerFout) as fout:
        bijlagen.voeg_toe(beleid, aanvraag, [], bij="aanvraag")
    assert fout.value.veld == "bestanden"
    with pytest.raises(InvoerFout):
        bijlagen.voeg_toe(beleid, aanvraag, [_bestand("a.pdf", PDF)], bij="bijlage")
    assert not Adviesdocument.objects.exists()


def test_wie_mag_toevoegen(beleid, secretaris, aanvraag, maak_gebruiker):
    with pytest.raises(GeenToegang):
        bijlagen.voeg_toe(secretaris, aanvraag, [_bestand("a.pdf", PDF)], bij="aanvraag")
    with pytest.raises(ProcedureFout):  # no advice yet
        bijlagen.voeg_toe(secretaris, aanvraag, [_bestand("a.pdf", PDF)], bij="advies")
    _advies(secretaris, aanvraag)
    with pytest.raises(GeenToegang):
        bijlagen.voeg_toe(beleid, aanvraag, [_bestand("a.pdf", PDF)], bij="advies")
    with pytest.raises(GeenToegang):
        bijlagen.voeg_toe(maak_gebruiker("wmo9", "consulent_wmo"), aanvraag, [_bestand("a.pdf", PDF)], bij="aanvraag")
    opgeslagen, _ = bijlagen.voeg_toe(secretaris, aanvraag, [_bestand("advies.pdf", PDF)], bij="advies")
    assert opgeslagen[0].bij == "advies"


def test_pagina_upload_houdt_goede_bestanden_bij_een_fout_en_download(beleid, secretaris, aanvraag, maak_gebruiker):
    c = Client()
    c.force_login(beleid)
    pad = f"/adviesraad/aanvragen/{aanvraag.pk}/documenten/aanvraag/"
    r = c.post(pad, {"documenten-aanvraag-bestanden": [_bestand("plan.pdf", PDF), _bestand("virus.exe", b"MZ\x90")],
                     "documenten-aanvraag-openbaar": "on"})
    html = r.content.decode()
    assert r.status_code == 400 and "Bestand ‘virus.exe’: alleen PDF, JPEG of PNG" in html and "een programma" in html
    doc = Adviesdocument.objects.get()  # the good file survived the 400 answer (its own commit)
    assert doc.bestandsnaam == "plan.pdf" and doc.openbaar
    assert "plan.pdf" in c.get(f"/adviesraad/aanvragen/{aanvraag.pk}/").content.decode()
    # Download by whoever may see the request: the secretary too; a consulent of a domain gets 403.
    s = Client()
    s.force_login(secretaris)
    r = s.get(f"/adviesraad/documenten/{doc.pk}/")
    assert r.status_code == 200 and r.content == PDF and r["Content-Type"] == "application/pdf"
    assert "attachment" in r["Content-Disposition"] and r["X-Content-Type-Options"] == "nosniff"
    assert AuditRegel.objects.filter(onderwerp="adviesdocument (download)", gebruiker=secretaris).exists()
    w = Client()
    w.force_login(maak_gebruiker("wmo9", "consulent_wmo"))
    assert w.get(f"/adviesraad/documenten/{doc.pk}/").status_code == 403
    assert c.get("/adviesraad/documenten/999999/").status_code == 404
    # The secretary may not add to the college's request: refused, nothing stored.
    r = s.post(pad, {"documenten-aanvraag-bestanden": [_bestand("x.pdf", PDF)]})
    assert r.status_code == 403 and Adviesdocument.objects.count() == 1


def test_openbaar_pas_als_het_advies_er_is_en_alleen_openbare(beleid, secretaris, aanvraag):
    (openbaar,), _ = bijlagen.voeg_toe(beleid, aanvraag, [_bestand("plan.pdf", PDF)], bij="aanvraag", openbaar=True)
    (intern,), _ = bijlagen.voeg_toe(beleid, aanvraag, [_bestand("notitie.pdf", PNG)], bij="aanvraag")
    anoniem = Client()
    assert "plan.pdf" not in anoniem.get("/loket/adviesraad/").content.decode()
    assert anoniem.get(f"/loket/adviesraad/documenten/{openbaar.pk}/").status_code == 404
    _advies(secretaris, aanvraag)
    html = anoniem.get("/loket/adviesraad/").content.decode()
    assert "plan.pdf" in html and "notitie.pdf" not in html
    r = anoniem.get(f"/loket/adviesraad/documenten/{openbaar.pk}/")
    assert r.status_code == 200 and r.content == PDF
    assert anoniem.get(f"/loket/adviesraad/documenten/{intern.pk}/").status_code == 404


def test_pagina_te_groot_bestand_wordt_tijdens_het_ontvangen_geweigerd_met_naam(beleid, aanvraag, settings):
    settings.MAATWERK_DOCUMENT_MAX_BYTES = 100
    c = Client()
    c.force_login(beleid)
    r = c.post(f"/adviesraad/aanvragen/{aanvraag.pk}/documenten/aanvraag/", {
        "documenten-aanvraag-bestanden": [_bestand("scan.pdf", PDF + b"x" * 500), _bestand("klein.pdf", PDF)]})
    html = r.content.decode()
    assert r.status_code == 400 and "Bestand ‘scan.pdf’: dit bestand is groter dan 100 bytes" in html
    assert list(Adviesdocument.objects.values_list("bestandsnaam", flat=True)) == ["klein.pdf"]
