"""The forms of the zaak page: bad input re-renders the page with status 400 and a Dutch message at the field
(and in the error summary at the top of the form), what was typed is kept, nothing stored is changed; a
refusal by a service shows the service's own Dutch message. Never a 500."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from maatwerk.zaken import procedure
from maatwerk.zaken.models import Bevinding, Clientreactie, Onderzoek, Status, Statusovergang

pytestmark = pytest.mark.django_db


def client_voor(user) -> Client:
    c = Client(raise_request_exception=True)
    c.force_login(user)
    return c


def html(antwoord) -> str:
    return antwoord.content.decode()


def fouten(antwoord) -> str:
    tekst = html(antwoord)
    assert "nl-error-summary" in tekst, "er hoort een foutoverzicht bovenaan het formulier te staan"
    return tekst


@pytest.fixture
def bb_zaak(inkomen, maak_zaak):
    """Bijzondere bijstand, status aanvraag (no onderzoek: allowed outside the Wmo, art. 2:5)."""
    zaak = maak_zaak(inkomen, regeling="bijzondere_bijstand")
    procedure.voer_uit(zaak, Status.AANVRAAG, inkomen, datum=dt.date(2026, 1, 7))
    zaak.refresh_from_db()
    return zaak


# ------------------------------------------------------------------ steps of the procedure


def test_stap_zonder_verplichte_reden_wordt_geweigerd_bij_het_veld(wmo, maak_zaak):
    zaak = maak_zaak(wmo)
    antwoord = client_voor(wmo).post(f"/zaken/{zaak.pk}/overgang/", {
        "naar": "ingetrokken", "stap-ingetrokken-datum": "2026-01-06",
        "stap-ingetrokken-reden": ""})
    assert antwoord.status_code == 400
    tekst = fouten(antwoord)
    assert "Geef een reden voor deze stap." in tekst
    assert 'href="#id_stap-ingetrokken-reden"' in tekst  # summary links to the field
    assert 'aria-invalid="true"' in tekst
    zaak.refresh_from_db()
    assert zaak.status == Status.MELDING


def test_te_korte_reden_krijgt_de_melding_van_de_procedure(wmo, maak_zaak):
    zaak = maak_zaak(wmo)
    antwoord = client_voor(wmo).post(f"/zaken/{zaak.pk}/overgang/", {
        "naar": "ingetrokken", "stap-ingetrokken-datum": "2026-01-06",
        "stap-ingetrokken-reden": "kort"})
    assert antwoord.status_code == 400
    assert "Geef een reden van ten minste 10 tekens" in fouten(antwoord)
    assert "kort</textarea>" in html(antwoord)  # what was typed is kept


@pytest.mark.parametrize("datum,melding", [
    ("31-02-2026", "Vul een geldige datum in"),
    ("2999-01-01", "deze datum ligt in de toekomst"),
    ("2025-12-01", "ligt vóór de vorige stap"),
])
def test_stap_met_foute_datum(wmo, maak_zaak, datum, melding):
    zaak = maak_zaak(wmo)
    antwoord = client_voor(wmo).post(f"/zaken/{zaak.pk}/overgang/", {
        "naar": "onderzoek", "stap-onderzoek-datum": datum})
    assert antwoord.status_code == 400
    assert melding in fouten(antwoord)
    zaak.refresh_from_db()
    assert zaak.status == Status.MELDING and zaak.meldingsdatum is None


def test_geldige_stap_legt_overgang_vast_en_gaat_terug_naar_de_zaak(wmo, maak_zaak):
    zaak = maak_zaak(wmo)
    antwoord = client_voor(wmo).post(f"/zaken/{zaak.pk}/overgang/", {
        "naar": "onderzoek", "stap-onderzoek-datum": "2026-01-12",
        "stap-onderzoek-reden": "Keukentafelgesprek bij de inwoner thuis."}, follow=True)
    assert antwoord.redirect_chain[-1][0].startswith(f"/zaken/{zaak.pk}/")
    zaak.refresh_from_db()
    assert zaak.status == Status.ONDERZOEK and zaak.meldingsdatum == dt.date(2026, 1, 12)
    assert Statusovergang.objects.filter(zaak=zaak, naar="onderzoek", reden__contains="Keukentafelgesprek").exists()
    assert "Stap uitgevoerd" in html(antwoord)
    assert "Wmo 2015, artikel 2.3.2" in html(antwoord)  # the onderzoekstermijn now runs, with its source


def test_wmo_aanvraag_tijdens_onderzoekstermijn_toont_de_regel(wmo, maak_zaak):
    zaak = maak_zaak(wmo)
    procedure.voer_uit(zaak, Status.ONDERZOEK, wmo, datum=dt.date(2026, 1, 12))
    antwoord = client_voor(wmo).post(f"/zaken/{zaak.pk}/overgang/", {
        "naar": "aanvraag", "stap-aanvraag-datum": "2026-01-13",
        "stap-aanvraag-via": "aanvraagformulier"})
    assert antwoord.status_code == 400
    assert "artikel 2:5, tweede lid" in fouten(antwoord)
    zaak.refresh_from_db()
    assert zaak.status == Status.ONDERZOEK


def test_stap_die_niet_kan_vanuit_de_huidige_status_geeft_melding_geen_500(wmo, maak_zaak):
    zaak = maak_zaak(wmo)
    antwoord = client_voor(wmo).post(f"/zaken/{zaak.pk}/overgang/", {"naar": "besluit"}, follow=True)
    assert antwoord.status_code == 200
    assert "is geen toegestane stap" in html(antwoord)
    antwoord = client_voor(wmo).post(f"/zaken/{zaak.pk}/overgang/", {"naar": "bestaat-niet"}, follow=True)
    assert antwoord.status_code == 200
    assert "Onbekende status" in html(antwoord)


def test_klaar_voor_besluit_toont_besluit_opstellen_en_geen_knop_naar_besluit(wmo, maak_zaak, breng_in):
    zaak = breng_in(maak_zaak(wmo), Status.KLAAR_VOOR_BESLUIT, wmo)
    tekst = html(client_voor(wmo).get(f"/zaken/{zaak.pk}/"))
    assert 'name="naar" value="besluit"' not in tekst and "Naar besluit<" not in tekst
    assert 'id="besluit-opstellen"' in tekst
    assert f'href="/besluiten/zaak/{zaak.pk}/">Besluit opstellen</a>' in tekst
    assert "artikel 3:46" in tekst
    assert "Naar beoordeling" in tekst  # the other steps stay buttons


def test_aanvraag_toont_buiten_behandeling_als_besluit_niet_als_knop(inkomen, bb_zaak):
    tekst = html(client_voor(inkomen).get(f"/zaken/{bb_zaak.pk}/"))
    assert 'value="buiten_behandeling"' not in tekst and "Naar buiten behandeling gesteld" not in tekst
    assert "Aanvraag buiten behandeling stellen" in tekst and "artikel 4:5" in tekst
    assert f'href="/besluiten/zaak/{bb_zaak.pk}/">Besluit opstellen</a>' in tekst


def test_melding_toont_geen_besluit_opstellen(wmo, maak_zaak):
    tekst = html(client_voor(wmo).get(f"/zaken/{maak_zaak(wmo).pk}/"))
    assert 'id="besluit-opstellen"' not in tekst


@pytest.mark.parametrize("status,naar", [(Status.KLAAR_VOOR_BESLUIT, "besluit"), (Status.BEOORDELING, "buiten_behandeling")])
def test_besluit_via_de_knop_van_een_oude_pagina_wordt_geweigerd(wmo, maak_zaak, breng_in, status, naar):
    zaak = breng_in(maak_zaak(wmo), status, wmo)
    aantal = Statusovergang.objects.count()
    antwoord = client_voor(wmo).post(f"/zaken/{zaak.pk}/overgang/", {
        "naar": naar, f"stap-{naar}-datum": "2026-02-02", f"stap-{naar}-reden": "De gegevens zijn niet aangevuld."},
        follow=True)
    assert antwoord.status_code == 200
    tekst = html(antwoord)
    assert "Besluiten en brieven" in tekst and ("artikel 4:5" if naar == "buiten_behandeling" else "artikel 3:46") in tekst
    zaak.refresh_from_db()
    assert zaak.status == status and Statusovergang.objects.count() == aantal


def test_afwijking_vier_ogen_volgt_de_regel_van_de_kern(wmo, maak_zaak, breng_in):
    from maatwerk.zaken import beoordeling, vierogen

    zaak = breng_in(maak_zaak(wmo), Status.BEOORDELING, wmo)
    tekst = html(client_voor(wmo).get(f"/zaken/{zaak.pk}/"))
    assert 'id="afwijking-vierogen"' not in tekst and vierogen.REGEL_AFWIJKING in tekst
    beoordeling.leg_afwijking_vast(zaak, wmo, soort="hardheidsclausule",
                                   reden="Toepassing leidt tot een onbillijkheid van overwegende aard.")
    assert vierogen.vereist_door_afwijking(zaak)
    tekst = html(client_voor(wmo).get(f"/zaken/{zaak.pk}/"))
    assert 'id="afwijking-vierogen"' in tekst and vierogen.REGEL_AFWIJKING in tekst


def test_stap_door_consulent_van_ander_domein_is_verboden(jeugd, wmo, maak_zaak):
    zaak = maak_zaak(wmo)
    antwoord = client_voor(jeugd).post(f"/zaken/{zaak.pk}/overgang/", {
        "naar": "onderzoek", "stap-onderzoek-datum": "2026-01-12"})
    assert antwoord.status_code == 404  # a zaak he may not see answers like a missing one (issue 7)
    zaak.refresh_from_db()
    assert zaak.status == Status.MELDING


def test_get_op_formulieradres_gaat_naar_de_zaak(wmo, maak_zaak):
    zaak = maak_zaak(wmo)
    antwoord = client_voor(wmo).get(f"/zaken/{zaak.pk}/onderzoek/")
    assert antwoord.status_code == 302 and antwoord["Location"] == f"/zaken/{zaak.pk}/"


# ------------------------------------------------------------------ onderzoek, reactie, plan


def test_onderzoek_met_foute_score_houdt_alle_ingevulde_tekst(wmo, maak_zaak):
    zaak = maak_zaak(wmo)
    procedure.voer_uit(zaak, Status.ONDERZOEK, wmo, datum=dt.date(2026, 1, 12))
    antwoord = client_voor(wmo).post(f"/zaken/{zaak.pk}/onderzoek/", {
        "onderzoek-behoefte": "Wil zelfstandig blijven wonen.", "onderzoek-zrm_financien": "9",
        "onderzoek-participatieladder": "3"})
    assert antwoord.status_code == 400
    tekst = fouten(antwoord)
    assert "Kies een score van 1 tot en met 5." in tekst
    assert "Wil zelfstandig blijven wonen." in tekst
    assert Onderzoek.objects.get(zaak=zaak).behoefte == ""  # nothing half-saved


def test_onderzoek_opslaan_vult_checklist_en_meetinstrument(wmo, maak_zaak):
    from maatwerk.zaken.models import CHECKLIST

    zaak = maak_zaak(wmo)
    procedure.voer_uit(zaak, Status.ONDERZOEK, wmo, datum=dt.date(2026, 1, 12))
    data = {f"onderzoek-{v}": f"Besproken: {v}." for v in CHECKLIST}
    data.update({"onderzoek-zrm_huisvesting": "2", "onderzoek-participatieladder": "4",
                 "onderzoek-beschrijving": "Beschrijvend verslag.", "onderzoek-doel_en_procedure_uitgelegd": "on"})
    antwoord = client_voor(wmo).post(f"/zaken/{zaak.pk}/onderzoek/", data, follow=True)
    assert antwoord.status_code == 200 and "Het onderzoeksverslag is opgeslagen." in html(antwoord)
    o = Onderzoek.objects.get(zaak=zaak)
    assert o.ontbrekende_checklist() == [] and o.zrm_huisvesting == 2 and o.participatieladder == 4
    assert o.doel_en_procedure_uitgelegd is True
    assert "Alle onderdelen a tot en met i" in html(antwoord)


def test_onderzoek_zonder_gesprek_vraagt_de_gespreksdatum(inkomen, bb_zaak):
    antwoord = client_voor(inkomen).post(f"/zaken/{bb_zaak.pk}/onderzoek/", {"onderzoek-behoefte": "Inrichting."})
    assert antwoord.status_code == 400
    assert "Vul de datum van het eerste gesprek in." in fouten(antwoord)
    antwoord = client_voor(inkomen).post(f"/zaken/{bb_zaak.pk}/onderzoek/", {
        "onderzoek-gesprekdatum": "2026-01-08", "onderzoek-behoefte": "Inrichting."}, follow=True)
    assert Onderzoek.objects.get(zaak=bb_zaak).gesprekdatum == dt.date(2026, 1, 8)


def test_reactie_van_de_inwoner(wmo, maak_zaak):
    zaak = maak_zaak(wmo)
    procedure.voer_uit(zaak, Status.ONDERZOEK, wmo, datum=dt.date(2026, 1, 12))
    c = client_voor(wmo)
    leeg = c.post(f"/zaken/{zaak.pk}/reactie/", {"reactie-tekst": "  ", "reactie-ontvangen_op": "2026-01-13",
                                                   "reactie-bij": "onderzoek"})
    assert leeg.status_code == 400 and "Neem de reactie van de inwoner op." in fouten(leeg)
    plan = c.post(f"/zaken/{zaak.pk}/reactie/", {"reactie-tekst": "Klopt niet helemaal.",
                                                   "reactie-ontvangen_op": "2026-01-13", "reactie-bij": "plan"})
    assert plan.status_code == 400  # there is no plan yet: that choice is not offered
    goed = c.post(f"/zaken/{zaak.pk}/reactie/", {"reactie-tekst": "Ik wil liever hulp van mijn buurvrouw.",
                                                   "reactie-ontvangen_op": "2026-01-13", "reactie-bij": "onderzoek"},
                  follow=True)
    assert "Ik wil liever hulp van mijn buurvrouw." in html(goed)
    assert Clientreactie.objects.filter(onderzoek__zaak=zaak).count() == 1


def test_plan_zonder_afspraken_en_met_datum_in_de_toekomst(wmo, maak_zaak, vul_checklist):
    zaak = maak_zaak(wmo)
    procedure.voer_uit(zaak, Status.ONDERZOEK, wmo, datum=dt.date(2026, 1, 12))
    vul_checklist(zaak, wmo)
    procedure.voer_uit(zaak, Status.ONDERSTEUNINGSPLAN, wmo, datum=dt.date(2026, 1, 14))
    c = client_voor(wmo)
    antwoord = c.post(f"/zaken/{zaak.pk}/plan/", {"plan-afspraken": "", "plan-ondertekend_op": ""})
    assert antwoord.status_code == 400 and "Beschrijf de afspraken" in fouten(antwoord)
    antwoord = c.post(f"/zaken/{zaak.pk}/plan/", {"plan-afspraken": "Huishoudelijke hulp, 3 uur.",
                                                  "plan-ondertekend_op": "2999-01-01"})
    assert antwoord.status_code == 400 and "toekomst" in fouten(antwoord)
    assert "Huishoudelijke hulp, 3 uur." in html(antwoord)
    antwoord = c.post(f"/zaken/{zaak.pk}/plan/", {"plan-afspraken": "Huishoudelijke hulp, 3 uur.",
                                                  "plan-ondertekend_op": "2026-01-15"}, follow=True)
    assert "voor akkoord ondertekend op 15 januari 2026" in html(antwoord)


# ------------------------------------------------------------------ bevindingen, klaar voor besluit


def test_bevinding_met_te_korte_motivering(inkomen, bb_zaak):
    antwoord = client_voor(inkomen).post(f"/zaken/{bb_zaak.pk}/bevinding/", {
        "criterium": "kosten_noodzakelijk", "bevinding-kosten_noodzakelijk-waarde": "ja", "bevinding-kosten_noodzakelijk-motivering": "Nodig."})
    assert antwoord.status_code == 400
    assert "Schrijf een motivering van ten minste 20 tekens." in fouten(antwoord)
    assert not Bevinding.objects.filter(zaak=bb_zaak).exists()


def test_bevinding_zonder_keuze_en_onbekend_criterium(inkomen, bb_zaak):
    c = client_voor(inkomen)
    antwoord = c.post(f"/zaken/{bb_zaak.pk}/bevinding/", {
        "criterium": "kosten_noodzakelijk", "bevinding-kosten_noodzakelijk-motivering": "Een motivering die lang genoeg is."})
    assert antwoord.status_code == 400 and "Kies ja, nee of niet vastgesteld." in fouten(antwoord)
    antwoord = c.post(f"/zaken/{bb_zaak.pk}/bevinding/", {"criterium": "bestaat_niet"})
    assert antwoord.status_code == 400 and "Onbekend criterium" in html(antwoord)


def test_bevinding_vastleggen_ook_via_htmx(inkomen, bb_zaak):
    antwoord = client_voor(inkomen).post(f"/zaken/{bb_zaak.pk}/bevinding/", {
        "criterium": "kosten_noodzakelijk", "bevinding-kosten_noodzakelijk-waarde": "nee",
        "bevinding-kosten_noodzakelijk-motivering": "Goedkopere tweedehands inrichting is mogelijk."},
        HTTP_HX_REQUEST="true", follow=True)
    assert antwoord.status_code == 200
    tekst = html(antwoord)
    assert 'id="bevindingen"' in tekst and 'id="status"' in tekst and 'id="meldingen"' in tekst  # htmx selects these
    assert "Bevinding: nee" in tekst and "Nog vast te stellen (5)" in tekst
    assert Bevinding.objects.get(zaak=bb_zaak, actueel=True).waarde == "nee"


def test_klaar_voor_besluit_alleen_als_de_beoordeling_compleet_is(inkomen, bb_zaak):
    procedure.voer_uit(bb_zaak, Status.BEOORDELING, inkomen, datum=dt.date(2026, 1, 8))
    c = client_voor(inkomen)
    tekst = html(c.get(f"/zaken/{bb_zaak.pk}/"))
    assert "Nog niet klaar voor besluit." in tekst and "er ontbreekt een bevinding" in tekst
    assert "Naar klaar voor besluit" not in tekst  # the step is not offered while the service says no
    antwoord = c.post(f"/zaken/{bb_zaak.pk}/overgang/", {
        "naar": "klaar_voor_besluit", "stap-klaar_voor_besluit-datum": "2026-01-09", "stap-klaar_voor_besluit-uitkomst": "toegekend"})
    assert antwoord.status_code == 400
    assert "er ontbreekt een bevinding" in fouten(antwoord)
    bb_zaak.refresh_from_db()
    assert bb_zaak.status == Status.BEOORDELING


def test_berekening_met_foute_maand(inkomen, bb_zaak):
    antwoord = client_voor(inkomen).post(f"/zaken/{bb_zaak.pk}/berekening/", {"berekening-maand": "2026-13",
                                                                              "berekening-kostensoort": "overig"})
    assert antwoord.status_code == 400
    assert "geen geldige maand" in fouten(antwoord)
    antwoord = client_voor(inkomen).post(f"/zaken/{bb_zaak.pk}/berekening/", {"berekening-maand": "2026-01",
                                                                              "berekening-kostensoort": "onzin"})
    assert antwoord.status_code == 400
    assert "Selecteer een geldige keuze" in fouten(antwoord)


def test_vier_ogen_formulier_alleen_voor_kwaliteitsmedewerker(wmo, kwaliteit, maak_zaak, breng_in):
    zaak = breng_in(maak_zaak(wmo), Status.KLAAR_VOOR_BESLUIT, wmo, bedrag=Decimal("12000.00"))  # above the mandate
    assert "Oordeel vastleggen" not in html(client_voor(wmo).get(f"/zaken/{zaak.pk}/"))
    c = client_voor(kwaliteit)
    assert "Oordeel vastleggen" in html(c.get(f"/zaken/{zaak.pk}/"))
    antwoord = c.post(f"/zaken/{zaak.pk}/vierogen/", {"vierogen-akkoord": "nee", "vierogen-toelichting": "Nee."})
    assert antwoord.status_code == 400
    assert "Licht toe waarom u niet akkoord gaat" in fouten(antwoord)
    antwoord = c.post(f"/zaken/{zaak.pk}/vierogen/", {"vierogen-akkoord": "ja"}, follow=True)
    assert "Uw oordeel als tweede paar ogen is vastgelegd." in html(antwoord)


# ------------------------------------------------------------------ never a 500


@pytest.mark.parametrize("pad", ["overgang", "onderzoek", "reactie", "plan", "bevinding", "berekening", "vierogen"])
@pytest.mark.parametrize("data", [
    {},
    {"naar": ["onderzoek", "aanvraag"], "criterium": "\x00", "onderzoek-zrm_financien": "-1"},
    {"naar": "x" * 5000, "reactie-ontvangen_op": "0000-00-00", "berekening-maand": "💥", "vierogen-akkoord": "misschien"},
])
def test_rommel_geeft_nooit_een_500(wmo, maak_zaak, pad, data):
    zaak = maak_zaak(wmo)
    antwoord = client_voor(wmo).post(f"/zaken/{zaak.pk}/{pad}/", data)
    assert antwoord.status_code in (302, 400, 403)


@pytest.mark.django_db
def test_geweigerde_actie_op_de_zaakpagina_houdt_wat_getypt_is(client, maak_zaak, breng_in, wmo, kwaliteit):
    """Issue 8: a refused action never loses what was typed. The kwaliteitsmedewerker may see this zaak (it waits
    for his second judgement) but not add the inwoner's reaction: the page comes back, 403, with his text."""
    from decimal import Decimal

    from maatwerk.zaken.models import Status

    zaak = breng_in(maak_zaak(wmo), Status.KLAAR_VOOR_BESLUIT, wmo, bedrag=Decimal("20000"))
    client.force_login(kwaliteit)
    tekst = "Mevrouw wil liever hulp op dinsdag en donderdag."
    antwoord = client.post(f"/zaken/{zaak.pk}/reactie/", {"reactie-tekst": tekst, "tekst": tekst,
                                                           "reactie-ontvangen_op": "2026-01-05", "ontvangen_op": "2026-01-05",
                                                           "reactie-bij": "onderzoek", "bij": "onderzoek"})
    assert antwoord.status_code == 403
    html = antwoord.content.decode()
    assert "Niet opgeslagen:" in html and "staat hieronder nog" in html
    assert tekst in html
