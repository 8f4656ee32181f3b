"""Online aanvraag and melding (issue 9, points 3 and 7): stored in one go with its documents (bron inwoner),
a receipt with the term's start date and source, idempotent per form token, refused files named in Dutch with
everything already typed or accepted kept, and the zaak visible to the consulent of its domain only."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone

from maatwerk import formaat
from maatwerk.loket.models import ConceptBestand, Indiening
from maatwerk.personen import services as personen
from maatwerk.toegang.models import AuditRegel
from maatwerk.zaken.documentmodellen import Document, Documentinhoud
from maatwerk.zaken.models import Status, Zaak

from .conftest import BSN_INWONER, BSN_PARTNER

PDF = b"%PDF-1.4\n% offerte wasmachine\n" + b"0" * 2000 + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 500
URL = "/loket/aanvragen/bijzondere_bijstand/"


def _bestand(naam: str, inhoud: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(naam, inhoud, content_type="application/octet-stream")


@pytest.fixture
def inwoners(db, inkomen):
    pedro = personen.registreer_inwoner(inkomen, bsn=BSN_INWONER, voornamen="Pedro", achternaam="Verhoef",
                                        geboortedatum=dt.date(1980, 1, 1), straat="Dorpsstraat", huisnummer=1,
                                        postcode="2651 AB", woonplaats="Berkel en Rodenrijs")
    rosa = personen.registreer_inwoner(inkomen, bsn=BSN_PARTNER, voornamen="Rosa", achternaam="Verhoef",
                                       geboortedatum=dt.date(1982, 2, 2), straat="Dorpsstraat", huisnummer=1,
                                       postcode="2651 AB", woonplaats="Berkel en Rodenrijs")
    huishouden = personen.maak_huishouden(inkomen, naam="Huishouden Verhoef", aanvrager=pedro)
    personen.voeg_lid_toe(inkomen, huishouden, rosa, rol="partner", relatie="partner")
    return pedro, rosa


def _sleutel(html: str) -> str:
    return re.search(r'name="formuliersleutel" value="([0-9a-f-]+)"', html).group(1)


def _open(client, url=URL) -> str:
    r = client.get(url)
    assert r.status_code == 200, r.content.decode()[:500]
    return _sleutel(r.content.decode())


GOED = {"vraag": "Mijn wasmachine is kapot.", "kosten": "450,00", "bedrag": "450,00", "telefoon": "06 12345678"}


def test_aanvraag_bijzondere_bijstand_met_twee_bestanden(client, digid_login, inwoners):
    digid_login(client)
    html = client.get(URL).content.decode()
    assert "Pedro" in html and "Rosa" in html and "Dorpsstraat 1" in html  # prefilled from personen
    sleutel = _sleutel(html)
    r = client.post(URL, {**GOED, "formuliersleutel": sleutel,
                          "bestanden": [_bestand("offerte.pdf", PDF), _bestand("foto.png", PNG)]})
    assert r.status_code == 302, r.content.decode()[:3000]
    indiening = Indiening.objects.get()
    zaak = indiening.zaak
    vandaag = timezone.localdate()
    assert (zaak.regeling, zaak.status, zaak.aanvraag_via, zaak.aanvraagdatum) == (
        "bijzondere_bijstand", Status.AANVRAAG, "online", vandaag)
    assert zaak.hoofdpersoon.bsn == BSN_INWONER and zaak.kosten == Decimal("450.00") and zaak.behandelaar is None
    documenten = {d.bestandsnaam: d for d in zaak.documenten.all()}
    assert set(documenten) == {"offerte.pdf", "foto.png"}
    assert all(d.bron == "inwoner" and d.geupload_door is None for d in documenten.values())
    assert documenten["offerte.pdf"].sha256 == hashlib.sha256(PDF).hexdigest()
    assert not ConceptBestand.objects.exists()  # the draft became the documents
    # Audit lines name the resident, for the zaak and for each document.
    regels = AuditRegel.objects.filter(zaak=zaak, actie="create")
    assert {r.onderwerp for r in regels} == {"zaak", "document"} and regels.count() == 3
    assert all(BSN_INWONER in r.toelichting for r in regels)
    # The receipt: number, files with sizes, the date that starts the term, the deadline and its source.
    bewijs = client.get(r["Location"])
    tekst = bewijs.content.decode()
    assert bewijs.status_code == 200
    assert f">{zaak.pk}<" in tekst and "offerte.pdf" in tekst and "foto.png" in tekst and "2 kB" in tekst
    assert indiening.termijn_start == vandaag and indiening.termijn_einde > vandaag
    assert formaat.datum(vandaag) in tekst and formaat.datum(indiening.termijn_einde) in tekst
    assert "artikel 4:13" in tekst and "€ 450,00" in tekst


def test_dubbel_versturen_geeft_hetzelfde_ontvangstbewijs(client, digid_login, inwoners):
    digid_login(client)
    sleutel = _open(client)
    eerste = client.post(URL, {**GOED, "formuliersleutel": sleutel, "bestanden": [_bestand("a.pdf", PDF)]})
    tweede = client.post(URL, {**GOED, "formuliersleutel": sleutel, "bestanden": [_bestand("a.pdf", PDF)]})
    assert eerste.status_code == tweede.status_code == 302 and eerste["Location"] == tweede["Location"]
    assert Zaak.objects.count() == 1 and Document.objects.count() == 1


def test_melding_wmo_zonder_termijn_tot_het_eerste_gesprek(client, digid_login, inwoners):
    digid_login(client)
    url = "/loket/aanvragen/wmo_maatwerkvoorziening/"
    sleutel = _open(client, url)
    r = client.post(url, {"vraag": "Ik kan de trap niet meer op.", "formuliersleutel": sleutel})
    assert r.status_code == 302
    zaak = Zaak.objects.get()
    assert (zaak.status, zaak.meldingsdatum, zaak.aanvraagdatum, zaak.aanvraag_via) == (Status.MELDING, None, None, "")
    tekst = client.get(r["Location"]).content.decode()
    assert "Uw melding is verstuurd" in tekst and "eerste gesprek" in tekst and "artikel 2:1 onder b" in tekst
    assert Indiening.objects.get().termijn_start is None


def test_fout_bestandstype_bewaart_het_goede_bestand_en_de_tekst(client, digid_login, inwoners):
    digid_login(client)
    sleutel = _open(client)
    r = client.post(URL, {**GOED, "formuliersleutel": sleutel,
                          "bestanden": [_bestand("offerte.pdf", PDF), _bestand("brief.docx", b"PK\x03\x04rest")]})
    html = r.content.decode()
    assert r.status_code == 400
    assert "brief.docx: alleen PDF, JPEG of PNG" in html and "zip- of Office-bestand" in html
    assert "Mijn wasmachine is kapot." in html and 'value="450,00"' in html  # what was typed stays
    assert "offerte.pdf" in html and not Zaak.objects.exists()  # the accepted file is kept and listed
    assert ConceptBestand.objects.filter(bestandsnaam="offerte.pdf").count() == 1
    # Submit again without choosing the PDF anew: it comes along.
    r = client.post(URL, {**GOED, "formuliersleutel": sleutel})
    assert r.status_code == 302
    assert [d.bestandsnaam for d in Zaak.objects.get().documenten.all()] == ["offerte.pdf"]


def test_leeg_bestand(client, digid_login, inwoners):
    digid_login(client)
    sleutel = _open(client)
    r = client.post(URL, {**GOED, "formuliersleutel": sleutel, "bestanden": [_bestand("leeg.pdf", b"")]})
    assert r.status_code == 400 and "leeg.pdf: dit bestand is leeg" in r.content.decode()
    assert not Zaak.objects.exists()


@override_settings(MAATWERK_DOCUMENT_MAX_BYTES=1000)
def test_te_groot_bestand(client, digid_login, inwoners):
    digid_login(client)
    sleutel = _open(client)
    r = client.post(URL, {**GOED, "formuliersleutel": sleutel,
                          "bestanden": [_bestand("groot.pdf", PDF), _bestand("klein.png", PNG)]})
    html = r.content.decode()
    assert r.status_code == 400 and "groot.pdf: dit bestand is groter dan 1 kB" in html
    assert "klein.png" in html and ConceptBestand.objects.filter(bestandsnaam="klein.png").exists()
    assert not Zaak.objects.exists()


def test_verplicht_veld_ontbreekt_en_bedrag_fout(client, digid_login, inwoners):
    digid_login(client)
    sleutel = _open(client)
    r = client.post(URL, {"formuliersleutel": sleutel, "kosten": "veel", "bedrag": "",
                          "bestanden": [_bestand("offerte.pdf", PDF)]})
    html = r.content.decode()
    assert r.status_code == 400
    assert "Schrijf op waarvoor u geld vraagt." in html and "Vul in hoeveel geld u vraagt." in html
    assert 'value="veel"' in html and "offerte.pdf" in html and not Zaak.objects.exists()
    r = client.post(URL, {**GOED, "bedrag": "500,00", "formuliersleutel": sleutel})
    assert r.status_code == 400 and "U vraagt meer dan het kost." in r.content.decode()


def test_onbekende_regeling_en_niet_ingelogd(client, digid_login, inwoners):
    r = client.get(URL)
    assert r.status_code == 302 and r["Location"].startswith("/loket/inloggen/")
    r = client.post(URL, {**GOED, "formuliersleutel": "8b0f5c2e-0000-4000-8000-000000000000"})
    assert r.status_code == 302 and r["Location"].startswith("/loket/inloggen/") and not Zaak.objects.exists()
    digid_login(client)
    assert client.get("/loket/aanvragen/belastingteruggave/").status_code == 404
    assert client.post("/loket/aanvragen/belastingteruggave/", GOED).status_code == 404


def test_bsn_van_een_ander_in_een_vervalst_formulier_telt_niet(client, digid_login, inwoners):
    digid_login(client)
    sleutel = _open(client)
    r = client.post(URL, {**GOED, "formuliersleutel": sleutel, "bsn": BSN_PARTNER, "namens_bsn": BSN_PARTNER,
                          "hoofdpersoon": inwoners[1].pk})
    assert r.status_code == 302
    assert Zaak.objects.get().hoofdpersoon.bsn == BSN_INWONER
    # Someone else's receipt: 404, and his form token does not give his receipt or a second zaak.
    anders = Client()
    digid_login(anders, BSN_PARTNER)
    assert anders.get(r["Location"]).status_code == 404
    assert AuditRegel.objects.filter(onderwerp="ontvangstbewijs aanvraag", toegestaan=False,
                                     toelichting__contains=BSN_PARTNER).exists()
    r2 = anders.post(URL, {**GOED, "formuliersleutel": sleutel})
    assert r2.status_code == 400 and "al verstuurd" in r2.content.decode() and Zaak.objects.count() == 1


def test_machtiging_zaak_voor_de_vertegenwoordigde_audit_noemt_beiden(client, digid_login, inwoners):
    digid_login(client, BSN_INWONER, namens=BSN_PARTNER)
    sleutel = _open(client)
    assert client.post(URL, {**GOED, "formuliersleutel": sleutel}).status_code == 302
    indiening = Indiening.objects.get()
    assert (indiening.bsn, indiening.gemachtigde_bsn, indiening.zaak.hoofdpersoon.bsn) == (
        BSN_PARTNER, BSN_INWONER, BSN_PARTNER)
    regel = AuditRegel.objects.get(zaak=indiening.zaak, onderwerp="zaak", actie="create")
    assert BSN_INWONER in regel.toelichting and BSN_PARTNER in regel.toelichting


def test_consulent_van_het_domein_ziet_zaak_en_documenten_anderen_niet(client, digid_login, inwoners, inkomen, wmo,
                                                                       kwaliteit, beheerder):
    digid_login(client)
    sleutel = _open(client)
    client.post(URL, {**GOED, "formuliersleutel": sleutel, "bestanden": [_bestand("offerte.pdf", PDF)]})
    zaak = Zaak.objects.get()
    document = zaak.documenten.get()
    staf = Client()
    staf.force_login(inkomen)
    assert f"/zaken/{zaak.pk}/" in staf.get("/werkvoorraad/").content.decode()
    pagina = staf.get(f"/zaken/{zaak.pk}/")
    assert pagina.status_code == 200 and "offerte.pdf" in pagina.content.decode()
    assert "inwoner-" not in pagina.content.decode()  # no internal user name: "de inwoner zelf"
    assert "de inwoner zelf (online, DigiD)" in pagina.content.decode()
    for ander in (wmo, kwaliteit, beheerder):
        staf.force_login(ander)
        assert staf.get(f"/zaken/{zaak.pk}/").status_code == 404
        assert f"/zaken/{zaak.pk}/" not in staf.get("/werkvoorraad/").content.decode()
    assert Documentinhoud.objects.filter(sha256=document.sha256).exists()


def test_zelftest_uitkomst_linkt_naar_aanvragen_zonder_gegevens_mee(client, db):
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    html = render_to_string("loket/zelftest_uitkomst.html", {
        "regeling": "bijzondere_bijstand", "naam": "Bijzondere bijstand", "antwoorden": "geheim", "laatste_stap": 3,
        "uitkomst": SimpleNamespace(recht=False, uitleg=[], aannames=[], waarden={})})
    link = re.search(r'href="(/loket/aanvragen/[^"]*)"', html).group(1)
    assert link == URL  # no answers of the self-check in the link
    r = client.get(link)  # anonymous: to the DigiD login, and back to the empty form afterwards
    assert r.status_code == 302 and r["Location"].startswith("/loket/inloggen/") and "aanvragen" in r["Location"]


def test_onbekende_inwoner_krijgt_uitleg_geen_fout(client, digid_login, db):
    digid_login(client)
    r = client.get(URL)
    assert r.status_code == 200 and "We kunnen uw gegevens niet vinden" in r.content.decode()


def test_vragen_en_termijnzinnen_b1():
    from maatwerk.brieven import leesbaarheid as L
    from maatwerk.loket import aanvraag
    from maatwerk.loket.aanvraag_formulieren import AanvraagFormulier, BijzondereBijstandFormulier

    teksten = []
    for regeling in ("bijzondere_bijstand", "individuele_inkomenstoeslag", "wmo_maatwerkvoorziening"):
        form = (BijzondereBijstandFormulier if regeling == "bijzondere_bijstand" else AanvraagFormulier)(regeling=regeling)
        for veld in form.fields.values():
            teksten += [str(veld.label), str(veld.help_text or "")]
            teksten += [str(m) for k, m in veld.error_messages.items() if k in ("required", "min_value")]
    for regeling in ("bijzondere_bijstand", "jeugdhulp", "wmo_maatwerkvoorziening"):
        teksten += aanvraag.termijn_bij_ontvangst(regeling, dt.date(2026, 12, 7)).zinnen
    meting = L.meet_brief('<div data-leesbaarheid="meten">' + "".join(f"<p>{t}</p>" for t in teksten if t) + "</div>")
    assert meting.voldoet, f"{meting} — {meting.tekortkomingen()}"


@pytest.mark.parametrize("ontvangen", [dt.date(2026, 1, 31), dt.date(2026, 12, 31), dt.date(2026, 12, 7)])
def test_beslistermijn_vanaf_ontvangst_ook_aan_het_eind_van_de_maand(ontvangen):
    from maatwerk import termijnen
    from maatwerk.loket import aanvraag

    uitleg = aanvraag.termijn_bij_ontvangst("individuele_studietoeslag", ontvangen)
    verwacht = termijnen.awb_beslistermijn(ontvangen, wet="Participatiewet", vandaag=ontvangen)
    assert (uitleg.start, uitleg.einde) == (ontvangen, verwacht.einde) and "4:13" in uitleg.bron
    assert formaat.datum(verwacht.einde) in " ".join(uitleg.zinnen)


def test_hetzelfde_bestand_opnieuw_gestuurd_telt_een_keer_en_de_consulent_leest_bedrag_en_telefoon(
        client, digid_login, inwoners):
    digid_login(client)
    sleutel = _open(client)
    r = client.post(URL, {"formuliersleutel": sleutel, "bestanden": [_bestand("offerte.pdf", PDF)]})
    assert r.status_code == 400  # the question is missing; the file is kept
    # The resident chooses the same file again (or the browser resends after a broken connection).
    r = client.post(URL, {**GOED, "bedrag": "400,00", "formuliersleutel": sleutel,
                          "bestanden": [_bestand("offerte.pdf", PDF), _bestand("offerte-kopie.pdf", PDF)]})
    assert r.status_code == 302
    zaak = Zaak.objects.get()
    assert zaak.documenten.count() == 1
    assert "Gevraagd bedrag: € 400,00." in zaak.omschrijving and "Telefoonnummer: 0612345678." in zaak.omschrijving


def test_consulent_kan_online_niet_zelf_kiezen(inwoners, inkomen):
    from django.core.exceptions import ValidationError

    from maatwerk.zaken import procedure
    from maatwerk.zaken.services import meld_zaak

    pedro = inwoners[0]
    zaak = meld_zaak(inkomen, huishouden=pedro.lidmaatschappen.get().huishouden, hoofdpersoon=pedro,
                     regeling="bijzondere_bijstand", omschrijving="Aan de balie")
    with pytest.raises(ValidationError, match="alleen binnen via het loket"):
        procedure.voer_uit(zaak, Status.AANVRAAG, inkomen, datum=timezone.localdate(), via="online")
    zaak.refresh_from_db()
    assert zaak.status == Status.MELDING and zaak.aanvraag_via == ""
    from maatwerk.zaken.models import AANVRAAG_VIA_MEDEWERKER

    assert "online" not in dict(AANVRAAG_VIA_MEDEWERKER)  # not offered in the staff form nor the API
