"""Mijn zaken (issue 9, point 5): the resident sees only his own zaken (a forged id answers 404), the status in
plain words, the deadline, only sent letters (HTML and PDF), his own documents, the shared rapportage with his
reaction (dated, audited, the report unchanged, visible to the consulent), and a bezwaar online that lands with
the jurist (on time, after the term with a reason, never twice, Dutch messages for empty grounds and bad uploads).
Staff on the loket and residents on staff pages are refused.

The zaken are built through the real services (Wmo: melding, onderzoek, plan, aanvraag, beoordeling, besluit),
with dates relative to today so the terms are real."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from maatwerk import formaat
from maatwerk.besluiten import services as besluiten
from maatwerk.besluiten.models import Bezwaarschrift
from maatwerk.personen import services as personen
from maatwerk.termijnen import bezwaartermijn
from maatwerk.toegang.models import AuditRegel
from maatwerk.zaken import onderzoek, procedure
from maatwerk.zaken.documentmodellen import Document
from maatwerk.zaken.models import CHECKLIST, Clientreactie, OnderzoekVersie, Status
from maatwerk.zaken.services import meld_zaak
from helpers import beantwoord_gevraagde_criteria

from .conftest import BSN_INWONER, BSN_PARTNER

pytestmark = pytest.mark.django_db
BSN_ANDER = "999990081"  # Hadia Amrani in the demo; here simply another resident
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
GRONDEN = "Drie uur hulp per week is te weinig. Ik kan mijn huis niet schoonhouden."


def _vandaag() -> dt.date:
    return timezone.localdate()


def _inwoner(gebruiker, bsn: str, voornaam: str, achternaam: str, geboren=dt.date(1980, 5, 1)):
    return personen.registreer_inwoner(gebruiker, bsn=bsn, voornamen=voornaam, achternaam=achternaam,
                                       geboortedatum=geboren, straat="Klaproosstraat", huisnummer=14,
                                       postcode="2651 XK", woonplaats="Berkel en Rodenrijs")


def _zaak(gebruiker, bsn=BSN_INWONER, voornaam="Pedro", achternaam="Verhoef", *, tot="bekendgemaakt",
          bekendmaking: dt.date | None = None, verstrekt: bool = False):
    """A Wmo zaak of the resident `bsn`, brought to `tot`: 'onderzoek', 'vastgesteld' or 'bekendgemaakt'."""
    v = _vandaag()
    bekendmaking = bekendmaking or v - dt.timedelta(days=3)
    begin = min(bekendmaking, v) - dt.timedelta(days=30)
    aanvrager = _inwoner(gebruiker, bsn, voornaam, achternaam)
    hh = personen.maak_huishouden(gebruiker, naam=f"Huishouden {achternaam}", aanvrager=aanvrager)
    zaak = meld_zaak(gebruiker, huishouden=hh, hoofdpersoon=aanvrager, regeling="wmo_maatwerkvoorziening",
                     ontvangen_op=begin, omschrijving="Hulp bij het huishouden gevraagd.")
    procedure.voer_uit(zaak, Status.ONDERZOEK, gebruiker, datum=begin + dt.timedelta(days=1))
    onderzoek.werk_onderzoek_bij(zaak, gebruiker, plaats="Huisbezoek", aanwezigen="Pedro en de consulent",
                                 beschrijving="Pedro kan niet meer stofzuigen.", zrm_huisvesting=3,
                                 **{veld: f"Besproken: {veld}." for veld in CHECKLIST})
    if tot == "onderzoek":
        zaak.refresh_from_db()
        return zaak, None
    procedure.voer_uit(zaak, Status.ONDERSTEUNINGSPLAN, gebruiker, datum=begin + dt.timedelta(days=2))
    zaak.refresh_from_db()
    onderzoek.stel_plan_op(zaak, gebruiker, afspraken="Afspraken over de ondersteuning.",
                           verstrekt_op=begin + dt.timedelta(days=3) if verstrekt else None)
    procedure.voer_uit(zaak, Status.AANVRAAG, gebruiker, datum=begin + dt.timedelta(days=4))
    procedure.voer_uit(zaak, Status.BEOORDELING, gebruiker, datum=begin + dt.timedelta(days=5))
    zaak.refresh_from_db()
    # Every asked criterion in order, with the answer under which nothing stands in the way (the Wmo cascade of
    # art. 4:3 lid 3 asks "nee" per step).
    beantwoord_gevraagde_criteria(zaak, gebruiker,
                                  motivering="INTERN: rugklachten volgens de huisarts, niet voor de inwoner.")
    procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, gebruiker, datum=begin + dt.timedelta(days=6),
                       uitkomst="toegekend", bedrag=Decimal("3900.00"))
    zaak.refresh_from_db()
    besluit = besluiten.opstellen(zaak, gebruiker)
    besluiten.wijzigen(besluit, gebruiker, vorm="natura", voorziening="hulp bij het huishouden",
                       beoogd_resultaat="U woont in een schoon huis.", ingangsdatum=bekendmaking,
                       einddatum=bekendmaking + dt.timedelta(days=364), omvang="3 uur per week",
                       bijdrage_verschuldigd=True, bijdrage_toelichting="Het CAK stuurt u daarvoor een rekening.",
                       vervolg="De zorgaanbieder belt u binnen twee weken.")
    besluiten.vaststellen(besluit, gebruiker, datum=bekendmaking)
    if tot == "bekendgemaakt":
        besluiten.bekendmaken(besluit, gebruiker, datum=bekendmaking)
    besluit.refresh_from_db()
    zaak.refresh_from_db()
    return zaak, besluit


@pytest.fixture
def jurist(maak_gebruiker):
    return maak_gebruiker("jurist1", "jurist")


def _staf(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


# ------------------------------------------------------------------ list, page, status, deadline


def test_lijst_en_zaakpagina_in_gewone_woorden(client, digid_login, wmo):
    zaak, besluit = _zaak(wmo)
    digid_login(client)
    lijst = client.get("/loket/mijn/zaken/")
    html = lijst.content.decode()
    assert lijst.status_code == 200 and f'href="/loket/mijn/zaken/{zaak.pk}/"' in html
    assert "Er is een besluit. U vindt de brief op deze pagina." in html
    pagina = client.get(f"/loket/mijn/zaken/{zaak.pk}/")
    html = pagina.content.decode()
    einde = bezwaartermijn(besluit.bekendgemaakt_op, vandaag=_vandaag()).einde
    assert f"U kunt bezwaar maken tot en met {formaat.datum(einde)}." in html
    assert "artikel 6:7" in html  # the term names its source
    assert f"/loket/mijn/zaken/{zaak.pk}/brief/{besluit.pk}/" in html and "Bezwaar maken tegen dit besluit" in html
    # Never the BSN, internal codes or the consulent's findings.
    for verboden in (BSN_INWONER, "INTERN", "klaar_voor_besluit", "wmo_maatwerkvoorziening"):
        assert verboden not in html, verboden
    assert "Pedro Verhoef" in html  # the banner names him
    regels = AuditRegel.objects.filter(onderwerp__in=("mijn zaken", "mijn zaak"), toegestaan=True)
    assert regels.count() == 2 and all(BSN_INWONER in r.toelichting for r in regels)


@pytest.mark.parametrize("status, zin", [
    (Status.MELDING, "We hebben uw vraag ontvangen."), (Status.ONDERZOEK, "We onderzoeken uw vraag."),
    (Status.AANVRAAG, "We hebben uw aanvraag ontvangen."), (Status.BEOORDELING, "We onderzoeken uw aanvraag."),
])
def test_statuszin_per_status(status, zin):
    from maatwerk.loket.mijnzaken import STATUSZINNEN

    assert STATUSZINNEN[status].startswith(zin)
    assert set(STATUSZINNEN) == set(Status.values)  # every status has its sentence


def test_beslistermijn_van_lopende_aanvraag_in_het_nederlands(client, digid_login, wmo):
    zaak, _ = _zaak(wmo, tot="onderzoek")
    digid_login(client)
    html = client.get(f"/loket/mijn/zaken/{zaak.pk}/").content.decode()
    from maatwerk.zaken.termijnen import termijnen_van_zaak

    (termijn,) = termijnen_van_zaak(zaak, _vandaag())
    assert f"We ronden het onderzoek af uiterlijk op {formaat.datum(termijn.einde)}." in html
    assert "We onderzoeken uw vraag." in html
    assert "Er zijn nog geen brieven." in html


# ------------------------------------------------------------------ only his own, only what was sent


def test_zaak_van_een_ander_en_vervalst_nummer_geven_404(client, digid_login, wmo):
    eigen, _ = _zaak(wmo)
    ander, ander_besluit = _zaak(wmo, BSN_ANDER, "Hadia", "Amrani")
    digid_login(client)
    assert [r for r in re.findall(r'/loket/mijn/zaken/(\d+)/"', client.get("/loket/mijn/zaken/").content.decode())] \
        == [str(eigen.pk)]
    for pad in (f"/loket/mijn/zaken/{ander.pk}/", f"/loket/mijn/zaken/{ander.pk}/brief/{ander_besluit.pk}/",
                f"/loket/mijn/zaken/{ander.pk}/brief/{ander_besluit.pk}/pdf/", f"/loket/mijn/zaken/{ander.pk}/rapportage/",
                f"/loket/mijn/zaken/{ander.pk}/bezwaar/{ander_besluit.pk}/", "/loket/mijn/zaken/999999/",
                # his own zaak with the other's besluit number: still 404
                f"/loket/mijn/zaken/{eigen.pk}/brief/{ander_besluit.pk}/"):
        assert client.get(pad).status_code == 404, pad
    assert client.post(f"/loket/mijn/zaken/{ander.pk}/bezwaar/{ander_besluit.pk}/", {"gronden": GRONDEN}).status_code == 404
    assert not Bezwaarschrift.objects.exists()
    geweigerd = AuditRegel.objects.filter(toegestaan=False, toelichting__contains=f"zaak {ander.pk}")
    assert geweigerd.exists() and BSN_INWONER in geweigerd.first().grond


def test_brief_die_nog_niet_verstuurd_is_blijft_onzichtbaar(client, digid_login, wmo):
    zaak, besluit = _zaak(wmo, tot="vastgesteld")
    digid_login(client)
    html = client.get(f"/loket/mijn/zaken/{zaak.pk}/").content.decode()
    assert "We zijn bijna klaar. U krijgt snel een brief met ons besluit." in html
    assert f"/brief/{besluit.pk}/" not in html
    assert client.get(f"/loket/mijn/zaken/{zaak.pk}/brief/{besluit.pk}/").status_code == 404
    assert client.get(f"/loket/mijn/zaken/{zaak.pk}/brief/{besluit.pk}/pdf/").status_code == 404
    assert client.get(f"/loket/mijn/zaken/{zaak.pk}/bezwaar/{besluit.pk}/").status_code == 404


def test_verzonden_brief_als_html_en_pdf(client, digid_login, wmo):
    zaak, besluit = _zaak(wmo)
    digid_login(client)
    html = client.get(f"/loket/mijn/zaken/{zaak.pk}/brief/{besluit.pk}/")
    assert html.status_code == 200 and html.content.decode() == besluit.brief.html
    pdf = client.get(f"/loket/mijn/zaken/{zaak.pk}/brief/{besluit.pk}/pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF") and pdf.content == bytes(besluit.brief.pdf)
    assert pdf["Content-Disposition"] == f'attachment; filename="besluit-{besluit.kenmerk}.pdf"'
    assert AuditRegel.objects.filter(onderwerp="brief (loket)", toelichting__contains=BSN_INWONER).count() == 2


# ------------------------------------------------------------------ the rapportage and his reaction


def test_rapportage_pas_zichtbaar_als_die_gedeeld_is(client, digid_login, wmo):
    zaak, _ = _zaak(wmo, tot="onderzoek")
    digid_login(client)
    assert "Lees het verslag" not in client.get(f"/loket/mijn/zaken/{zaak.pk}/").content.decode()
    assert client.get(f"/loket/mijn/zaken/{zaak.pk}/rapportage/").status_code == 404
    assert client.post(f"/loket/mijn/zaken/{zaak.pk}/rapportage/", {"tekst": "Hallo"}).status_code == 404
    assert not Clientreactie.objects.exists()


def test_rapportage_gedeeld_met_verstrekt_plan(wmo):
    from maatwerk.loket.mijnzaken import rapportage_gedeeld

    zaak, _ = _zaak(wmo, tot="vastgesteld", verstrekt=True)
    assert rapportage_gedeeld(zaak) == zaak.huidig_onderzoek()
    zaak2, _ = _zaak(wmo, BSN_ANDER, "Hadia", "Amrani", tot="vastgesteld", verstrekt=False)
    assert rapportage_gedeeld(zaak2) is None


def test_reactie_op_de_rapportage(client, digid_login, wmo):
    zaak, _ = _zaak(wmo)
    digid_login(client)
    pagina = client.get(f"/loket/mijn/zaken/{zaak.pk}/rapportage/")
    html = pagina.content.decode()
    assert pagina.status_code == 200 and "Pedro kan niet meer stofzuigen." in html and "Huisbezoek" in html
    assert "beperkt zelfredzaam" in html and "INTERN" not in html  # the measurement in words; never the findings
    versies = OnderzoekVersie.objects.filter(zaak=zaak).count()
    inhoud = zaak.huidig_onderzoek().beschrijving

    leeg = client.post(f"/loket/mijn/zaken/{zaak.pk}/rapportage/", {"tekst": "   "})
    assert leeg.status_code == 400 and "Schrijf uw reactie op." in leeg.content.decode()
    te_lang = client.post(f"/loket/mijn/zaken/{zaak.pk}/rapportage/", {"tekst": "x" * 5001})
    assert te_lang.status_code == 400 and "te lang" in te_lang.content.decode()
    assert "x" * 5001 in te_lang.content.decode()  # what he typed stays

    r = client.post(f"/loket/mijn/zaken/{zaak.pk}/rapportage/", {"tekst": "Ik kan ook niet meer koken."})
    assert r.status_code == 302
    reactie = Clientreactie.objects.get()
    assert reactie.onderzoek == zaak.huidig_onderzoek() and reactie.ontvangen_op == _vandaag()
    assert reactie.vastgelegd_door.inwoner_account.bsn == BSN_INWONER
    # The report itself never changes: no new version, the same text.
    assert OnderzoekVersie.objects.filter(zaak=zaak).count() == versies
    assert zaak.huidig_onderzoek().beschrijving == inhoud
    regel = AuditRegel.objects.get(onderwerp="clientreactie", toegestaan=True)
    assert BSN_INWONER in regel.toelichting and regel.zaak == zaak
    terug = client.get(r["Location"]).content.decode()
    assert "Ik kan ook niet meer koken." in terug and formaat.datum(_vandaag()) in terug
    # The consulent sees it on the zaak page, marked as the resident's own.
    staf = _staf(wmo).get(f"/zaken/{zaak.pk}/").content.decode()
    assert "Ik kan ook niet meer koken." in staf and "ingediend door de inwoner zelf via het loket" in staf


# ------------------------------------------------------------------ bezwaar online


def test_bezwaar_online_met_bijlage_komt_bij_de_jurist(client, digid_login, wmo, jurist):
    zaak, besluit = _zaak(wmo)
    digid_login(client)
    formulier = client.get(f"/loket/mijn/zaken/{zaak.pk}/bezwaar/{besluit.pk}/").content.decode()
    assert "Waarom bent u het niet eens met het besluit?" in formulier and "Waarom maakt u later" not in formulier
    r = client.post(f"/loket/mijn/zaken/{zaak.pk}/bezwaar/{besluit.pk}/",
                    {"gronden": GRONDEN, "bestand": SimpleUploadedFile("arts.png", PNG, content_type="image/png")})
    assert r.status_code == 302, r.content.decode()[:3000]
    bezwaar = Bezwaarschrift.objects.get()
    assert bezwaar.besluit == besluit and bezwaar.ontvangen_op == _vandaag() and bezwaar.tijdig
    assert bezwaar.gronden.startswith(GRONDEN) and "arts.png" in bezwaar.gronden
    assert "Pedro Verhoef" in bezwaar.indiener and "loket" in bezwaar.indiener
    document = Document.objects.get(zaak=zaak)
    assert document.bron == "inwoner" and document.geupload_door is None and document.inhoudstype == "image/png"
    bewijs = client.get(r["Location"]).content.decode()
    assert f"Wij kregen uw bezwaar op {formaat.datum(_vandaag())}." in bewijs
    assert f"Wij beslissen uiterlijk op {formaat.datum(bezwaar.beslistermijn_einde)}." in bewijs
    assert AuditRegel.objects.filter(onderwerp="bezwaar online", toelichting__contains=BSN_INWONER).exists()
    # His zaak page now says so, and lists the document he sent.
    html = client.get(f"/loket/mijn/zaken/{zaak.pk}/").content.decode()
    assert "U hebt bezwaar gemaakt. We behandelen uw bezwaar." in html and "arts.png" in html
    assert client.get(f"/loket/mijn/zaken/{zaak.pk}/document/{document.pk}/").content == PNG
    # The jurist finds it on his list and can open the zaak now.
    j = _staf(jurist)
    assert besluit.kenmerk in j.get("/besluiten/bezwaren/").content.decode()
    assert j.get(f"/besluiten/bezwaren/{bezwaar.pk}/").status_code == 200
    assert j.get(f"/zaken/{zaak.pk}/").status_code == 200


def test_bezwaar_twee_keer_wordt_geweigerd(client, digid_login, wmo):
    zaak, besluit = _zaak(wmo)
    digid_login(client)
    pad = f"/loket/mijn/zaken/{zaak.pk}/bezwaar/{besluit.pk}/"
    assert client.post(pad, {"gronden": GRONDEN}).status_code == 302
    tweede = client.post(pad, {"gronden": "Nog een keer."})
    html = tweede.content.decode()
    assert tweede.status_code == 409 and "U hebt al bezwaar gemaakt tegen dit besluit." in html
    assert formaat.datum(_vandaag()) in html and "<form" not in html.split('id="inhoud"')[1]
    assert Bezwaarschrift.objects.count() == 1
    herhaald = client.get(pad).content.decode()  # opening the form again: the same reason, no form
    assert "U hebt al bezwaar gemaakt tegen dit besluit." in herhaald and 'name="gronden"' not in herhaald


def test_lege_gronden_en_fout_bestand_met_nederlandse_melding(client, digid_login, wmo):
    zaak, besluit = _zaak(wmo)
    digid_login(client)
    pad = f"/loket/mijn/zaken/{zaak.pk}/bezwaar/{besluit.pk}/"
    leeg = client.post(pad, {"gronden": "  "})
    assert leeg.status_code == 400 and "Schrijf op waarom u het niet eens bent met het besluit." in leeg.content.decode()
    fout = client.post(pad, {"gronden": GRONDEN,
                             "bestand": SimpleUploadedFile("brief.pdf", b"Dit is gewoon tekst", content_type="application/pdf")})
    html = fout.content.decode()
    assert fout.status_code == 400 and "alleen PDF, JPEG of PNG" in html and "Bijlage" in html
    assert GRONDEN in html  # what he typed stays
    leeg_bestand = client.post(pad, {"gronden": GRONDEN, "bestand": SimpleUploadedFile("leeg.pdf", b"")})
    assert leeg_bestand.status_code == 400 and "leeg" in leeg_bestand.content.decode()
    assert not Bezwaarschrift.objects.exists() and not Document.objects.exists()


def test_bezwaar_na_de_termijn_vraagt_de_reden(client, digid_login, wmo):
    bekendmaking = _vandaag() - dt.timedelta(days=70)
    zaak, besluit = _zaak(wmo, bekendmaking=bekendmaking)
    digid_login(client)
    pad = f"/loket/mijn/zaken/{zaak.pk}/bezwaar/{besluit.pk}/"
    einde = bezwaartermijn(bekendmaking, vandaag=_vandaag()).einde
    html = client.get(pad).content.decode()
    assert f"U kon bezwaar maken tot en met {formaat.datum(einde)}. Die tijd is voorbij." in html
    assert "Waarom maakt u later bezwaar?" in html and "6:11" in html
    zonder = client.post(pad, {"gronden": GRONDEN})
    assert zonder.status_code == 400 and "Schrijf op waarom u later bezwaar maakt." in zonder.content.decode()
    assert client.post(pad, {"gronden": GRONDEN, "reden_te_laat": "Ik lag in het ziekenhuis."}).status_code == 302
    bezwaar = Bezwaarschrift.objects.get()
    assert not bezwaar.tijdig and "Ik lag in het ziekenhuis." in bezwaar.gronden
    assert "kwam na de termijn" in client.get(f"/loket/mijn/zaken/{zaak.pk}/bezwaar-ontvangen/{bezwaar.pk}/").content.decode()


def test_bezwaartermijn_laatste_dag_nog_op_tijd(client, digid_login, wmo):
    """Edge date: the last day of the term itself (Awb 6:8, 6:9) is still on time: no reason asked."""
    from maatwerk.termijnen import bezwaartermijn as bt

    bekendmaking = next(d for d in (_vandaag() - dt.timedelta(days=n) for n in range(38, 60))
                        if bt(d, vandaag=_vandaag()).einde == _vandaag())
    zaak, besluit = _zaak(wmo, bekendmaking=bekendmaking)
    digid_login(client)
    pad = f"/loket/mijn/zaken/{zaak.pk}/bezwaar/{besluit.pk}/"
    assert "Waarom maakt u later" not in client.get(pad).content.decode()
    assert client.post(pad, {"gronden": GRONDEN}).status_code == 302
    assert Bezwaarschrift.objects.get().tijdig


def test_gemachtigde_ziet_en_handelt_namens_de_inwoner(client, digid_login, wmo):
    zaak, besluit = _zaak(wmo)
    _inwoner(wmo, BSN_PARTNER, "Rosa", "Verhoef")
    digid_login(client, BSN_PARTNER, namens=BSN_INWONER)
    html = client.get(f"/loket/mijn/zaken/{zaak.pk}/").content.decode()
    assert "U handelt namens Pedro Verhoef." in html and BSN_INWONER not in html and BSN_PARTNER not in html
    assert client.post(f"/loket/mijn/zaken/{zaak.pk}/bezwaar/{besluit.pk}/", {"gronden": GRONDEN}).status_code == 302
    assert "Rosa Verhoef, gemachtigde namens Pedro Verhoef" in Bezwaarschrift.objects.get().indiener


def test_partner_ziet_de_zaak_van_de_ander_niet_maar_ouder_ziet_jeugdzaak_van_kind(client, digid_login, maak_gebruiker):
    beide = maak_gebruiker("wijkteam1", "consulent_wmo", "consulent_jeugd")
    zaak, _ = _zaak(beide)
    rosa = _inwoner(beide, BSN_PARTNER, "Rosa", "Verhoef")
    personen.voeg_lid_toe(beide, zaak.huishouden, rosa, rol="partner", relatie="partner")
    lotte = _inwoner(beide, "999990056", "Lotte", "Verhoef", geboren=_vandaag() - dt.timedelta(days=8 * 365))
    personen.voeg_lid_toe(beide, zaak.huishouden, lotte, rol="kind", relatie="kind")
    eva = _inwoner(beide, "999990044", "Eva", "Verhoef", geboren=_vandaag() - dt.timedelta(days=19 * 365))
    personen.voeg_lid_toe(beide, zaak.huishouden, eva, rol="medebewoner", relatie="kind")
    jeugdzaak = meld_zaak(beide, huishouden=zaak.huishouden, hoofdpersoon=lotte, regeling="jeugdhulp",
                          ontvangen_op=_vandaag(), omschrijving="Hulp voor Lotte.")
    volwassen = meld_zaak(beide, huishouden=zaak.huishouden, hoofdpersoon=eva, regeling="jeugdhulp",
                          ontvangen_op=_vandaag(), omschrijving="Verlengde jeugdhulp voor Eva.")
    digid_login(client, BSN_PARTNER)
    assert client.get(f"/loket/mijn/zaken/{zaak.pk}/").status_code == 404  # Pedro's Wmo zaak is his
    assert client.get(f"/loket/mijn/zaken/{jeugdzaak.pk}/").status_code == 200  # the minor's Jeugd zaak: parent
    assert client.get(f"/loket/mijn/zaken/{volwassen.pk}/").status_code == 404  # an adult child's zaak is hers
    # Lotte herself (a minor with her own DigiD) sees her zaak too.
    client.post("/loket/uitloggen/")
    digid_login(client, "999990056")
    assert client.get(f"/loket/mijn/zaken/{jeugdzaak.pk}/").status_code == 200


# ------------------------------------------------------------------ the role matrix


@pytest.mark.parametrize("rol", ["wmo", "jeugd", "kwaliteit", "beheerder", "jurist"])
def test_medewerker_op_het_loket_ziet_geen_mijn_zaken(request, rol, wmo):
    zaak, besluit = _zaak(wmo)
    c = _staf(request.getfixturevalue(rol))
    for pad in ("/loket/mijn/zaken/", f"/loket/mijn/zaken/{zaak.pk}/", f"/loket/mijn/zaken/{zaak.pk}/brief/{besluit.pk}/"):
        r = c.get(pad)
        assert r.status_code == 302 and r["Location"].startswith("/loket/inloggen/"), pad
    assert c.post(f"/loket/mijn/zaken/{zaak.pk}/bezwaar/{besluit.pk}/", {"gronden": GRONDEN}).status_code == 302
    assert not Bezwaarschrift.objects.exists()


def test_inwoner_op_medewerkerspaginas_geweigerd(client, digid_login, wmo):
    zaak, besluit = _zaak(wmo)
    digid_login(client)
    for pad in (f"/zaken/{zaak.pk}/", f"/besluiten/{besluit.pk}/brief/", "/besluiten/bezwaren/", f"/api/v1/zaken/{zaak.pk}/"):
        assert client.get(pad).status_code == 403, pad


def test_banner_toont_naam_nooit_bsn(client, digid_login, wmo):
    _inwoner(wmo, BSN_INWONER, "Pedro", "Verhoef")
    digid_login(client)
    html = client.get("/loket/mijn/").content.decode()
    assert "U bent ingelogd met DigiD als Pedro Verhoef." in html and BSN_INWONER not in html


def test_banner_onbekende_inwoner_is_u(client, digid_login):
    digid_login(client)
    html = client.get("/loket/mijn/").content.decode()
    assert "U bent ingelogd met DigiD als u zelf." in html and BSN_INWONER not in html
    assert "U hebt nog geen zaken bij ons." in client.get("/loket/mijn/zaken/").content.decode()


def test_te_groot_bestand_413_met_nederlandse_uitleg(client, digid_login, wmo, settings):
    settings.MAATWERK_DOCUMENT_MAX_BYTES = 1000
    zaak, besluit = _zaak(wmo)
    digid_login(client)
    pad = f"/loket/mijn/zaken/{zaak.pk}/bezwaar/{besluit.pk}/"
    # Within the margin for the other fields: the file is dropped while it streams in, the text is kept.
    r = client.post(pad, {"gronden": GRONDEN, "bestand": SimpleUploadedFile("groot.pdf", b"%PDF-" + b"0" * 5000)})
    assert r.status_code == 400 and "groter dan 1 kB" in r.content.decode() and GRONDEN in r.content.decode()
    # Far above the limit: refused before anything is read.
    r = client.post(pad, {"gronden": GRONDEN, "bestand": SimpleUploadedFile("heel-groot.pdf", b"%PDF-" + b"0" * 2_000_000)})
    assert r.status_code == 413 and "Uw bestand is te groot" in r.content.decode() and "1 kB" in r.content.decode()
    assert not Bezwaarschrift.objects.exists() and not Document.objects.exists()
