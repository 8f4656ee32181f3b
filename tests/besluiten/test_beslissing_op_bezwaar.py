"""The beslissing op bezwaar as a reasoned decision with a letter (Awb 7:11, 7:12 lid 1, 3:45), the beslistermijn
of an excused late bezwaarschrift (Awb 6:11, 7:10; choice in docs/besluiten.md) and the household page listing
besluiten and open bezwaren only for zaken the user may see.

Dates: besluit bekendgemaakt Monday 2 February 2026; bezwaartermijn ends Monday 16 March 2026 (Awb 6:7, 6:8)."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from maatwerk.besluiten import bezwaar as bz
from maatwerk.besluiten import overzicht, services
from maatwerk.besluiten.models import BezwaarBrief, Soort
from maatwerk.zaken.fouten import OnveranderlijkFout
from maatwerk.brieven import leesbaarheid as L
from maatwerk.termijnen import bezwaartermijn
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.intake import meld_via_intake

pytestmark = pytest.mark.django_db
D = dt.date
BEKENDMAKING = D(2026, 2, 2)


@pytest.fixture
def besluit(zaak_klaar, wmo, wmo_natura):
    b = services.opstellen(zaak_klaar, wmo)
    services.wijzigen(b, wmo, **wmo_natura)
    services.vaststellen(b, wmo, datum=BEKENDMAKING)
    services.bekendmaken(b, wmo, datum=BEKENDMAKING)
    b.refresh_from_db()
    return b


def _client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


# ------------------------------------------------------------------ the letter


def test_ongegrond_geeft_een_brief_met_motivering_horen_en_beroep(besluit, wmo, wmo2):
    b = bz.registreer(besluit, wmo, ontvangen_op=D(2026, 3, 10), gronden="Drie uur hulp per week is te weinig.")
    bz.leg_horen_vast(b, wmo2, hoorzitting_op=D(2026, 3, 25), verslag="Mevrouw licht toe dat zij meer hulp nodig heeft.")
    b, nieuw = bz.beslis(b, wmo2, uitkomst="ongegrond", datum=D(2026, 4, 1),
                         motivering="Drie uur per week is genoeg om uw huis schoon te houden.")
    assert nieuw is None
    brief = BezwaarBrief.objects.get(bezwaar=b)
    html = brief.html
    assert "Beslissing op uw bezwaar" in html
    assert "Drie uur hulp per week is te weinig." in html                      # what was objected to
    assert "uw bezwaar is ongegrond" in html                                   # what we decided
    assert "Op 25 maart 2026 hebben wij met u gepraat" in html                 # the hearing (Awb 7:2)
    assert "Drie uur per week is genoeg om uw huis schoon te houden." in html  # the decider's reasons (7:12)
    # Beroep within six weeks from the day after sending (Awb 6:7, 6:8 lid 1): the termijnen module's function.
    assert brief.bekendgemaakt_op == D(2026, 4, 1)
    assert brief.beroepstermijn_einde == bezwaartermijn(D(2026, 4, 1)).einde == D(2026, 5, 13)
    assert "in beroep gaan" in html and "Doe dit uiterlijk op 13 mei 2026. U heeft daar 6 weken voor." in html
    assert "griffierecht" in html and "www.rechtspraak.nl" in html and "€" not in html  # costs, no invented amount
    assert "artikel 7:12, eerste lid" in html and "artikel 7:2 " in html         # bijlage
    assert "Dan kunt u bezwaar maken" not in html
    # Stored like a besluit letter: HTML + PDF with their SHA-256, template versions, readability.
    assert bytes(brief.pdf).startswith(b"%PDF")
    assert brief.html_sha256 == hashlib.sha256(html.encode()).hexdigest()
    assert brief.pdf_sha256 == hashlib.sha256(bytes(brief.pdf)).hexdigest()
    assert brief.controleer_integriteit()
    assert brief.sjabloonversies[0]["code"] == "beslissing_op_bezwaar" and brief.sjabloonversies[0]["versie"] == 1
    assert {v["code"] for v in brief.sjabloonversies} >= {"opmaak", "clientondersteuning"}
    assert brief.leesbaarheid["b1"] is True and L.meet_brief(html).voldoet


def test_brief_bij_bezwaar_is_onveranderlijk(besluit, wmo, wmo2):
    b = bz.registreer(besluit, wmo, ontvangen_op=D(2026, 3, 10), gronden="Te weinig hulp.")
    bz.leg_horen_vast(b, wmo2, afzien_reden="Mevrouw heeft laten weten dat zij niet gehoord wil worden.")
    bz.beslis(b, wmo2, uitkomst="ongegrond", motivering="Drie uur per week past bij het onderzoek.", datum=D(2026, 4, 1))
    brief = BezwaarBrief.objects.get(bezwaar=b)
    brief.html = "<p>Anders</p>"
    with pytest.raises(OnveranderlijkFout):
        brief.save()
    with pytest.raises(OnveranderlijkFout):
        brief.delete()
    with pytest.raises(OnveranderlijkFout):
        BezwaarBrief.objects.filter(pk=brief.pk).update(html="x")
    with pytest.raises(OnveranderlijkFout):
        BezwaarBrief.objects.filter(pk=brief.pk).delete()
    opgeslagen = BezwaarBrief.objects.get(pk=brief.pk)
    assert opgeslagen.html != "<p>Anders</p>" and opgeslagen.controleer_integriteit()
    # Tampering directly in the database shows in the integrity check.
    from django.db import connection
    with connection.cursor() as c:
        c.execute(f"UPDATE {BezwaarBrief._meta.db_table} SET html = %s WHERE id = %s", ["<p>vervalst</p>", brief.pk])
    assert not BezwaarBrief.objects.get(pk=brief.pk).controleer_integriteit()
    # Awb 7:3: no hearing, and the letter says why.
    assert "Wij hebben niet met u gepraat over uw bezwaar. Dit is de reden:" in opgeslagen.html
    assert "niet gehoord wil worden" in opgeslagen.html and "artikel 7:3" in opgeslagen.html


def test_niet_ontvankelijk_te_laat_zonder_reden(besluit, wmo, wmo2):
    b = bz.registreer(besluit, wmo, ontvangen_op=D(2026, 3, 20), gronden="Ik was op vakantie.")
    bz.beoordeel_verschoonbaarheid(b, wmo2, verschoonbaar=False, reden="Tijdens een vakantie kunt u iemand vragen de post te lezen.")
    bz.leg_horen_vast(b, wmo2, afzien_reden="Het bezwaar is kennelijk niet-ontvankelijk; horen is niet nodig.")
    bz.beslis(b, wmo2, uitkomst="niet_ontvankelijk", motivering="Een te laat bezwaar behandelen wij niet.", datum=D(2026, 4, 1))
    html = BezwaarBrief.objects.get(bezwaar=b).html
    assert "uw bezwaar is niet-ontvankelijk" in html
    assert "U kon bezwaar maken tot en met 16 maart 2026. Wij kregen uw bezwaar op 20 maart 2026. Dat is te laat." in html
    assert "iemand vragen de post te lezen" in html and "artikelen 6:7, 6:9 en 6:11" in html
    assert "uiterlijk op 13 mei 2026" in html


def test_niet_ontvankelijk_om_verzuim_vraagt_een_verstreken_hersteltermijn(besluit, wmo, wmo2):
    b = bz.registreer(besluit, wmo, ontvangen_op=D(2026, 3, 10), gronden="")
    bz.leg_horen_vast(b, wmo2, afzien_reden="Zonder gronden valt er niets toe te lichten; horen is niet nodig.")
    with pytest.raises(ValidationError) as fout:  # Awb 6:6: only after a chance to repair
        bz.beslis(b, wmo2, uitkomst="niet_ontvankelijk", motivering="Het bezwaar bevat geen gronden.",
                  datum=D(2026, 4, 20), verzuim="de gronden van uw bezwaar")
    assert "hersteltermijn_tot" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:  # the term has not passed yet
        bz.beslis(b, wmo2, uitkomst="niet_ontvankelijk", motivering="Het bezwaar bevat geen gronden.",
                  datum=D(2026, 4, 20), verzuim="de gronden van uw bezwaar", hersteltermijn_tot=D(2026, 4, 20))
    assert "hersteltermijn_tot" in fout.value.message_dict
    assert not b.is_beslist and not BezwaarBrief.objects.exists()
    b, _ = bz.beslis(b, wmo2, uitkomst="niet_ontvankelijk", motivering="Het bezwaar bevat geen gronden.",
                     datum=D(2026, 4, 20), verzuim="de reden waarom u het niet eens bent.", hersteltermijn_tot=D(2026, 4, 7))
    assert b.verzuim and b.hersteltermijn_tot == D(2026, 4, 7)
    html = BezwaarBrief.objects.get(bezwaar=b).html
    assert "U heeft niet geschreven waarom." in html
    assert "In uw bezwaar ontbrak iets. Het ging om: de reden waarom u het niet eens bent." in html
    assert "Dat kon tot en met 7 april 2026." in html and "artikelen 6:5 en 6:6" in html


def test_gegrond_geeft_geen_eigen_brief_maar_een_nieuw_besluit(besluit, wmo, wmo2):
    b = bz.registreer(besluit, wmo, ontvangen_op=D(2026, 3, 10), gronden="Ik heb meer hulp nodig.")
    bz.leg_horen_vast(b, wmo2, hoorzitting_op=D(2026, 3, 25), verslag="Mevrouw kan ook niet koken; dat stond er niet in.")
    _, nieuw = bz.beslis(b, wmo2, uitkomst="gegrond", motivering="Het onderzoek onderschat de hulpvraag.",
                         datum=D(2026, 4, 1), nieuw_besluit_soort=Soort.TOEKENNING)
    assert nieuw is not None and not BezwaarBrief.objects.exists()


def test_brief_bij_bezwaar_via_pagina_en_api_met_toegang(besluit, wmo, wmo2, jeugd, api):
    b = bz.registreer(besluit, wmo, ontvangen_op=D(2026, 3, 10), gronden="Te weinig hulp.")
    assert _client(wmo).get(f"/besluiten/bezwaren/{b.pk}/brief/").status_code == 302  # no letter yet
    bz.leg_horen_vast(b, wmo2, afzien_reden="Mevrouw heeft laten weten dat zij niet gehoord wil worden.")
    bz.beslis(b, wmo2, uitkomst="ongegrond", motivering="Drie uur per week past bij het onderzoek.", datum=D(2026, 4, 1))
    brief = BezwaarBrief.objects.get(bezwaar=b)
    pagina = _client(wmo).get(f"/besluiten/bezwaren/{b.pk}/")
    assert f"/besluiten/bezwaren/{b.pk}/brief/" in pagina.content.decode()
    assert _client(wmo).get(f"/besluiten/bezwaren/{b.pk}/brief/").content.decode() == brief.html
    pdf = _client(wmo).get(f"/besluiten/bezwaren/{b.pk}/brief.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content == bytes(brief.pdf)
    assert api(wmo).get(f"/api/v1/bezwaren/{b.pk}/brief/").content.decode() == brief.html
    assert api(wmo).get(f"/api/v1/bezwaren/{b.pk}/brief/pdf/").content == bytes(brief.pdf)
    assert _client(jeugd).get(f"/besluiten/bezwaren/{b.pk}/brief/").status_code == 404  # invisible: like missing
    assert api(jeugd).get(f"/api/v1/bezwaren/{b.pk}/brief/").status_code == 404


# ------------------------------------------------------------------ beslistermijn of an excused late bezwaar


def test_beslistermijn_verschoonbaar_te_laat_telt_vanaf_ontvangst(besluit, wmo, wmo2):
    b = bz.registreer(besluit, wmo, ontvangen_op=D(2026, 3, 20), gronden="Ik lag in het ziekenhuis.")
    assert not b.tijdig and b.beslistermijn_einde == D(2026, 4, 28)  # not judged yet: from the end of the bezwaartermijn
    bz.beoordeel_verschoonbaarheid(b, wmo2, verschoonbaar=True, reden="Opnamebewijs van het ziekenhuis ontvangen.")
    # Six weeks from the day after receipt (Friday 20 March 2026): Friday 1 May 2026 (Awb 7:10 lid 1, Atw art. 1).
    assert b.beslistermijn_einde == D(2026, 5, 1)
    assert "vanaf de dag na ontvangst" in b.beslistermijn_uitleg and "6:11" in b.beslistermijn_uitleg
    assert b.__class__.objects.get(pk=b.pk).beslistermijn_einde == D(2026, 5, 1)  # stored
    bz.wijzig_behandeling(b, wmo2, adviescommissie=True)  # 12 weeks (art. 7:13), still from receipt
    assert b.beslistermijn_einde == D(2026, 6, 12)


def test_beslistermijn_niet_verschoonbaar_blijft_vanaf_einde_bezwaartermijn(besluit, wmo, wmo2):
    b = bz.registreer(besluit, wmo, ontvangen_op=D(2026, 3, 20), gronden="Ik was het vergeten.")
    bz.beoordeel_verschoonbaarheid(b, wmo2, verschoonbaar=False, reden="Vergeten is geen reden om te laat te zijn.")
    assert b.beslistermijn_einde == D(2026, 4, 28)


# ------------------------------------------------------------------ household page


def test_huishouden_toont_besluiten_en_open_bezwaren_alleen_voor_zichtbare_zaken(besluit, wmo, wmo2, jeugd, kwaliteit):
    zaak = besluit.zaak
    hh = zaak.huishouden
    b = bz.registreer(besluit, wmo, ontvangen_op=D(2026, 3, 10), gronden="Te weinig hulp.")
    jeugdzaak = meld_via_intake(jeugd, bsn=zaak.hoofdpersoon.bsn, geboortedatum=zaak.hoofdpersoon.geboortedatum,
                                regeling="jeugdhulp", ontvangen_op=D(2026, 1, 5), omschrijving="Hulp voor de zoon.",
                                reden="De inwoner meldt zich met een vraag over opvoeden (intakeroute, issue 7).")

    eigen = overzicht.per_zaak(wmo, [zaak, jeugdzaak], vandaag=D(2026, 4, 1))
    assert set(eigen) == {zaak.pk}  # the jeugd zaak is not in the wmo consulent's domain
    regel = eigen[zaak.pk].besluiten[0]
    assert (regel.kenmerk, regel.soort, regel.status, regel.datum) == (besluit.kenmerk, "toekenning", "bekendgemaakt (verzonden)", BEKENDMAKING)
    open_ = eigen[zaak.pk].open_bezwaren[0]
    assert open_.beslistermijn_einde == D(2026, 4, 28) and open_.dagen_over == 27 and not open_.verstreken
    assert overzicht.per_zaak(wmo, [zaak], vandaag=D(2026, 4, 29))[zaak.pk].open_bezwaren[0].verstreken
    assert overzicht.per_zaak(jeugd, [zaak, jeugdzaak]) == {jeugdzaak.pk: overzicht.ZaakBesluiten()}
    assert set(overzicht.per_zaak(kwaliteit, [zaak, jeugdzaak])) == set()  # no second review asked (issue 7)

    pagina = _client(wmo).get(f"/huishoudens/{hh.pk}/").content.decode()
    assert "Besluiten en bezwaren" in pagina
    assert besluit.kenmerk in pagina and f"/besluiten/{besluit.pk}/" in pagina
    assert b.kenmerk in pagina and f"/besluiten/bezwaren/{b.pk}/" in pagina and "beslissen uiterlijk 28 april 2026" in pagina
    vreemd = _client(jeugd).get(f"/huishoudens/{hh.pk}/")
    assert vreemd.status_code == 200  # jeugd sees the household through its own zaak ...
    tekst = vreemd.content.decode()
    assert besluit.kenmerk not in tekst and b.kenmerk not in tekst  # ... but not the wmo zaak's besluit or bezwaar
    assert f"Zaak {jeugdzaak.pk}" in tekst and "Nog geen besluit." in tekst

    # Once decided, the bezwaar is no longer open.
    bz.leg_horen_vast(b, wmo2, afzien_reden="Mevrouw heeft laten weten dat zij niet gehoord wil worden.")
    bz.beslis(b, wmo2, uitkomst="ongegrond", motivering="Drie uur per week past bij het onderzoek.", datum=D(2026, 4, 1))
    assert overzicht.per_zaak(wmo, [zaak])[zaak.pk].open_bezwaren == []
    assert "beslissen uiterlijk" not in _client(wmo).get(f"/huishoudens/{hh.pk}/").content.decode()
