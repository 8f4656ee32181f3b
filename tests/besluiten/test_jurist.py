"""The jurist (issue 8 point 4): registers a bezwaar on a besluit's kenmerk and decides it, with the letter;
purpose-bound (nothing of a zaak before its bezwaar, read-only after, never the household); never on a besluit
he prepared or took (Awb 7:5 lid 1 onder a, 10:3 lid 3); and the demo has a bezwaar ready for him.

Dates: besluit bekendgemaakt Monday 2 February 2026 (as in test_bezwaar.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from maatwerk.besluiten import bezwaar as bz
from maatwerk.besluiten import services
from maatwerk.besluiten.models import BezwaarBrief, Bezwaarschrift
from maatwerk.toegang.models import AuditRegel
from maatwerk.zaken.fouten import ProcedureFout

pytestmark = pytest.mark.django_db
D = dt.date
BEKENDMAKING = D(2026, 2, 2)
GRONDEN = "Drie uur hulp per week is te weinig voor mij."
AFZIEN = "De indiener heeft laten weten niet gehoord te willen worden."
MOTIVERING = "Het onderzoek onderbouwt de drie uur hulp per week voldoende."


@pytest.fixture
def jurist(maak_gebruiker):
    return maak_gebruiker("jurist1", "jurist")


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


def test_jurist_registreert_op_kenmerk_en_beslist_met_brief(besluit, jurist):
    c = _client(jurist)
    zaak = besluit.zaak
    # Before a bezwaar: nothing of the zaak (a forbidden page answers like a missing one).
    assert c.get(f"/zaken/{zaak.pk}/").status_code == 404
    assert c.get(f"/besluiten/{besluit.pk}/").status_code == 404
    pagina = c.get("/besluiten/bezwaren/")
    assert pagina.status_code == 200 and "Bezwaarschrift registreren" in pagina.content.decode()

    # Received on the very day of bekendmaking: in time (Awb 6:8 lid 1, 6:10 lid 1), not "vóór de bekendmaking".
    antwoord = c.post("/besluiten/bezwaren/registreren/", {
        "kenmerk": besluit.kenmerk.lower(), "ontvangen_op": BEKENDMAKING.isoformat(), "gronden": GRONDEN})
    bezwaar = Bezwaarschrift.objects.get(besluit=besluit)
    assert antwoord.status_code == 302 and antwoord["Location"] == f"/besluiten/bezwaren/{bezwaar.pk}/"
    assert bezwaar.tijdig and bezwaar.tijdigheid_bron == "Awb, artikel 6:10, eerste lid"
    assert bezwaar.geregistreerd_door == jurist

    # Now the zaak, its besluit and letter are readable; the treatment forms are offered to him.
    assert c.get(f"/zaken/{zaak.pk}/").status_code == 200
    besluitpagina = c.get(f"/besluiten/{besluit.pk}/").content.decode()
    assert 'action="/besluiten/%d/wijzigen/"' % besluit.pk not in besluitpagina
    assert 'action="/besluiten/%d/nieuw/"' % besluit.pk not in besluitpagina
    assert c.get(f"/besluiten/{besluit.pk}/brief/").status_code == 200
    bezwaarpagina = c.get(f"/besluiten/bezwaren/{bezwaar.pk}/").content.decode()
    assert f'action="/besluiten/bezwaren/{bezwaar.pk}/beslissen/"' in bezwaarpagina
    assert "Tijdig" in bezwaarpagina and "op de dag van bekendmaking" in bezwaarpagina

    assert c.post(f"/besluiten/bezwaren/{bezwaar.pk}/horen/", {"afzien_reden": AFZIEN}).status_code == 302
    beslist = c.post(f"/besluiten/bezwaren/{bezwaar.pk}/beslissen/", {
        "uitkomst": "ongegrond", "motivering": MOTIVERING, "datum": "2026-03-02"})
    assert beslist.status_code == 302
    bezwaar.refresh_from_db()
    assert bezwaar.uitkomst == "ongegrond" and bezwaar.beslist_door == jurist
    brief = BezwaarBrief.objects.get(bezwaar=bezwaar)
    assert c.get(f"/besluiten/bezwaren/{bezwaar.pk}/brief/").content.decode() == brief.html
    pdf = c.get(f"/besluiten/bezwaren/{bezwaar.pk}/brief.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_jurist_ziet_geen_huishouden_persoon_of_andere_zaak(besluit, jurist, nieuwe_zaak, wmo):
    bz.registreer(besluit, wmo, ontvangen_op=D(2026, 2, 10), gronden=GRONDEN)
    andere = nieuwe_zaak(wmo)
    c = _client(jurist)
    zaak = besluit.zaak
    assert c.get(f"/zaken/{zaak.pk}/").status_code == 200
    assert c.get(f"/huishoudens/{zaak.huishouden_id}/").status_code in (403, 404)
    assert c.get(f"/api/v1/inwoners/{zaak.hoofdpersoon_id}/").status_code in (403, 404)
    assert c.get(f"/zaken/{andere.pk}/").status_code == 404
    werkvoorraad = c.get("/api/v1/zaken/").json()
    assert [z["id"] for z in werkvoorraad["results"]] == [zaak.pk]
    # No consulent actions on the zaak under bezwaar: refused (403), nothing changed.
    assert c.post(f"/besluiten/{besluit.pk}/nieuw/", {"soort": "toekenning"}).status_code == 403
    assert besluit.vervangen_door.count() == 0


def test_onbekend_of_verboden_kenmerk_antwoordt_hetzelfde_en_bewaart_de_invoer(besluit, jurist, maak_gebruiker,
                                                                                 zaak_klaar, wmo):
    jeugd = maak_gebruiker("jeugd9", "consulent_jeugd")
    for user, kenmerk in ((jurist, "B999999-Z999999"), (jurist, "onzin"), (jeugd, besluit.kenmerk)):
        antwoord = _client(user).post("/besluiten/bezwaren/registreren/", {
            "kenmerk": kenmerk, "ontvangen_op": "2026-02-10", "gronden": GRONDEN})
        tekst = antwoord.content.decode()
        assert antwoord.status_code == 400 and "Onbekend kenmerk" in tekst and GRONDEN in tekst, user
    assert not Bezwaarschrift.objects.exists()
    assert AuditRegel.objects.filter(gebruiker=jeugd, toegestaan=False, onderwerp="bezwaar").exists()


@pytest.mark.parametrize("rol", ["kwaliteitsmedewerker", "beheerder", "beleidsmedewerker", "handhaver"])
def test_andere_rollen_registreren_en_beslissen_niet(besluit, maak_gebruiker, wmo, rol):
    bezwaar = bz.registreer(besluit, wmo, ontvangen_op=D(2026, 2, 10), gronden=GRONDEN)
    c = _client(maak_gebruiker(f"{rol}9", rol))
    assert "Bezwaarschrift registreren" not in c.get("/besluiten/bezwaren/").content.decode()
    antwoord = c.post("/besluiten/bezwaren/registreren/", {
        "kenmerk": besluit.kenmerk, "ontvangen_op": "2026-02-10", "gronden": GRONDEN})
    assert antwoord.status_code == 400 and "Onbekend kenmerk" in antwoord.content.decode()
    assert c.post(f"/besluiten/bezwaren/{bezwaar.pk}/horen/", {"afzien_reden": AFZIEN}).status_code in (403, 404)
    assert Bezwaarschrift.objects.count() == 1 and not Bezwaarschrift.objects.get().afzien_van_horen_reden


def test_wie_het_besluit_voorbereidde_hoort_en_beslist_niet(besluit, wmo, wmo2, maak_gebruiker):
    # wmo prepared and took the besluit; as consulent he may register the bezwaar handed in at his desk.
    bezwaar = bz.registreer(besluit, wmo, ontvangen_op=D(2026, 2, 10), gronden=GRONDEN)
    with pytest.raises(ProcedureFout) as fout:
        bz.leg_horen_vast(bezwaar, wmo, afzien_reden=AFZIEN)
    assert fout.value.code == "zelfde_persoon" and "7:5" in str(fout.value)
    # A jurist who also is that consulent: no forms, the reason instead; a POST anyway keeps what he typed.
    wmo.groups.add(maak_gebruiker("dummy", "jurist").groups.get())
    c = _client(wmo)
    pagina = c.get(f"/besluiten/bezwaren/{bezwaar.pk}/").content.decode()
    assert 'id="eigen-besluit"' in pagina and f"/besluiten/bezwaren/{bezwaar.pk}/horen/" not in pagina
    antwoord = c.post(f"/besluiten/bezwaren/{bezwaar.pk}/horen/", {"afzien_reden": AFZIEN})
    assert antwoord.status_code == 400 and AFZIEN in antwoord.content.decode() and "7:5" in antwoord.content.decode()
    # A colleague who did not prepare it hears and decides.
    bz.leg_horen_vast(bezwaar, wmo2, afzien_reden=AFZIEN)
    bezwaar, _ = bz.beslis(bezwaar, wmo2, uitkomst="ongegrond", motivering=MOTIVERING, datum=D(2026, 3, 2))
    assert bezwaar.beslist_door == wmo2


def test_bezwaar_van_voor_het_besluit_wordt_geweigerd_met_6_10(besluit, jurist):
    antwoord = _client(jurist).post("/besluiten/bezwaren/registreren/", {
        "kenmerk": besluit.kenmerk, "ontvangen_op": "2026-02-01", "gronden": GRONDEN})
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 400 and "Awb 6:10, eerste lid" in tekst and "1 februari 2026" in tekst
    assert GRONDEN in tekst and not Bezwaarschrift.objects.exists()


def test_demo_heeft_een_bezwaar_dat_de_jurist_kan_beslissen(db):
    from django.contrib.auth import get_user_model

    from maatwerk.demo.gebruikers import PROBEER
    from maatwerk.demo.gegevens import laad_demogegevens

    laad_demogegevens(archief=False)
    assert "jurist" in PROBEER
    jurist = get_user_model().objects.get(username="jurist")
    bezwaar = Bezwaarschrift.objects.get()
    assert bezwaar.tijdig and bezwaar.ontvangen_op == bezwaar.besluit.bekendgemaakt_op
    c = _client(jurist)
    assert bezwaar.kenmerk in c.get("/besluiten/bezwaren/").content.decode()
    assert c.post(f"/besluiten/bezwaren/{bezwaar.pk}/horen/", {"afzien_reden": AFZIEN}).status_code == 302
    vandaag = dt.date.today().isoformat()
    assert c.post(f"/besluiten/bezwaren/{bezwaar.pk}/beslissen/", {
        "uitkomst": "ongegrond", "motivering": MOTIVERING, "datum": vandaag}).status_code == 302
    assert BezwaarBrief.objects.filter(bezwaar=bezwaar).exists()
