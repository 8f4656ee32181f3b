"""The procedure state machine (Verordening Sociaal Domein 2018, hoofdstuk 2)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from maatwerk import formaat
from maatwerk.zaken import beoordeling, onderzoek, procedure
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import Onderzoek, Status, Statusovergang
from maatwerk.zaken.regelingen import REGELINGEN

S = Status
pytestmark = pytest.mark.django_db


ALLE_PAREN = [(van, naar) for van in S.values for naar in S.values]
ILLEGAAL = [(van, naar) for van, naar in ALLE_PAREN if (van, naar) not in procedure.TABEL]


def test_tabel_bevat_alleen_bekende_statussen_en_eindstatussen_hebben_geen_uitgang():
    for o in procedure.OVERGANGEN:
        assert o.van in S.values and o.naar in S.values and o.grondslag
    for eind in (S.BESLUIT, S.BUITEN_BEHANDELING, S.INGETROKKEN):
        assert not [o for o in procedure.OVERGANGEN if o.van == eind]


@pytest.mark.parametrize("van,naar", ILLEGAAL)
def test_illegale_overgang_geeft_procedurefout(maak_zaak, wmo, van, naar):
    zaak = maak_zaak(wmo)
    zaak.status = van  # put the zaak directly in the starting state: only the table is under test here
    zaak.save()
    aantal = Statusovergang.objects.count()
    with pytest.raises(ProcedureFout) as fout:
        procedure.voer_uit(zaak, naar, wmo, datum=dt.date(2026, 2, 1), reden="Een reden van voldoende lengte.")
    # Statuses by their label, not their code (issue 8: no internal codes in text a person reads).
    assert f"Van '{S(van).label}' naar '{S(naar).label}' is geen toegestane stap" in str(fout.value)
    assert "_" not in str(fout.value).split(" is geen")[0]
    zaak.refresh_from_db()
    assert zaak.status == van
    assert Statusovergang.objects.count() == aantal


LEGAAL_WMO = [(o.van, o.naar) for o in procedure.OVERGANGEN if (o.van, o.naar) != (S.MELDING, S.AANVRAAG)]


@pytest.mark.parametrize("van,naar", LEGAAL_WMO)
def test_elke_legale_overgang_wordt_vastgelegd(maak_zaak, wmo, breng_in, vul_checklist, leg_bevindingen_vast,
                                               besluit_voor, van, naar):
    zaak = breng_in(maak_zaak(wmo), van, wmo)
    kwargs = {"datum": dt.date(2026, 3, 2), "reden": "Toelichting bij deze stap."}
    if naar in procedure.ALLEEN_VIA_BESLUIT:  # a decision is taken only with its Besluit (Awb 3:46, 4:5)
        kwargs["besluit"] = besluit_voor(zaak, wmo, "buiten_behandeling" if naar == S.BUITEN_BEHANDELING else None)
    if naar == S.AANVRAAG and van == S.ONDERZOEK:
        kwargs["datum"] = dt.date(2026, 3, 2)  # more than six weeks after the conversation of 12 January
    if naar == S.KLAAR_VOOR_BESLUIT:
        leg_bevindingen_vast(zaak, wmo)
        kwargs.update(uitkomst="toegekend", bedrag=Decimal("100"))
    if naar == S.ONDERSTEUNINGSPLAN:
        vul_checklist(zaak, wmo)
    stap = procedure.voer_uit(zaak, naar, wmo, **kwargs)
    zaak.refresh_from_db()
    assert zaak.status == naar == stap.naar
    assert (stap.van, stap.door, stap.datum) == (van, wmo, dt.date(2026, 3, 2))
    assert stap.grondslag == procedure.TABEL[(van, naar)].grondslag
    assert "Toelichting bij deze stap." in stap.reden


def test_melding_naar_aanvraag_mag_buiten_de_wmo(maak_zaak, inkomen):
    zaak = maak_zaak(inkomen, regeling="bijzondere_bijstand")
    stap = procedure.voer_uit(zaak, S.AANVRAAG, inkomen, datum=dt.date(2026, 1, 6))
    zaak.refresh_from_db()
    assert stap.naar == S.AANVRAAG and zaak.aanvraagdatum == dt.date(2026, 1, 6)
    assert zaak.aanvraag_via == "aanvraagformulier"


def test_wmo_aanvraag_vanuit_melding_kan_niet(maak_zaak, wmo):
    zaak = maak_zaak(wmo)
    with pytest.raises(ProcedureFout) as fout:
        procedure.voer_uit(zaak, S.AANVRAAG, wmo, datum=dt.date(2026, 6, 1))
    assert "artikel 2:5, tweede lid" in str(fout.value)
    assert fout.value.code == "wmo_aanvraag_voor_onderzoek"


def test_meldingsdatum_is_datum_eerste_gesprek(maak_zaak, wmo):
    zaak = maak_zaak(wmo, ontvangen_op=dt.date(2026, 1, 5))
    assert zaak.meldingsdatum is None
    procedure.voer_uit(zaak, S.ONDERZOEK, wmo, datum=dt.date(2026, 1, 14))
    zaak.refresh_from_db()
    assert zaak.meldingsdatum == dt.date(2026, 1, 14)
    assert Onderzoek.objects.get(zaak=zaak).gesprekdatum == dt.date(2026, 1, 14)


# Wmo 2015 art. 2.3.2 lid 1 / verordening art. 2:5 lid 3: six weeks after the melding (the first conversation).
# Monday 2 March 2026 + 6 weeks = Monday 13 April 2026 (no holiday): the term runs to and including 13 April.
# Friday 3 April 2026 (Goede Vrijdag) + 6 weeks = Friday 15 May 2026, a day equated with a public holiday
# (Besluit gelijkstelling 2026: 15 mei 2026); Atw art. 1 lid 1 extends the term past the weekend to Monday 18 May.
@pytest.mark.parametrize(
    "gesprek,laatste_dag",
    [(dt.date(2026, 3, 2), dt.date(2026, 4, 13)), (dt.date(2026, 4, 3), dt.date(2026, 5, 18))],
)
def test_wmo_aanvraag_voor_afronding_onderzoek_pas_na_zes_weken(maak_zaak, wmo, gesprek, laatste_dag):
    zaak = maak_zaak(wmo, ontvangen_op=dt.date(2026, 3, 1))
    procedure.voer_uit(zaak, S.ONDERZOEK, wmo, datum=gesprek)
    with pytest.raises(ProcedureFout) as fout:
        procedure.voer_uit(zaak, S.AANVRAAG, wmo, datum=laatste_dag)
    assert f"tot en met {formaat.datum(laatste_dag)}" in str(fout.value)  # Dutch date (issue 8)
    assert "artikel 2:5, derde lid" in str(fout.value)
    stap = procedure.voer_uit(zaak, S.AANVRAAG, wmo, datum=laatste_dag + dt.timedelta(days=1))
    assert stap.naar == S.AANVRAAG


def test_wmo_aanvraag_na_afgerond_onderzoek_kan_direct(maak_zaak, naar_plan, wmo):
    zaak = naar_plan(maak_zaak(wmo), wmo, gesprek=dt.date(2026, 1, 12))
    stap = procedure.voer_uit(zaak, S.AANVRAAG, wmo, datum=dt.date(2026, 1, 13))
    assert stap.naar == S.AANVRAAG


# Art. 2:5 lid 4: a signed plan counts as aanvraag unless the conversation was more than three months ago.
# 31 January 2026 + 3 months = 30 April 2026 (month end); 15 February 2026 + 3 months = 15 May 2026.
@pytest.mark.parametrize(
    "gesprek,laatste_dag",
    [(dt.date(2026, 1, 31), dt.date(2026, 4, 30)), (dt.date(2026, 2, 15), dt.date(2026, 5, 15))],
)
def test_ondertekend_plan_geldt_als_aanvraag_tot_en_met_drie_maanden(maak_zaak, naar_plan, wmo, gesprek, laatste_dag):
    zaak = naar_plan(maak_zaak(wmo), wmo, gesprek=gesprek, ondertekend_op=gesprek)
    stap = procedure.voer_uit(zaak, S.AANVRAAG, wmo, datum=laatste_dag, via="ondertekend_plan")
    zaak.refresh_from_db()
    assert stap.naar == S.AANVRAAG and zaak.aanvraag_via == "ondertekend_plan"
    assert zaak.aanvraagdatum == laatste_dag


@pytest.mark.parametrize(
    "gesprek,eerste_te_late_dag",
    [(dt.date(2026, 1, 31), dt.date(2026, 5, 1)), (dt.date(2026, 2, 15), dt.date(2026, 5, 16))],
)
def test_gedateerd_ondertekend_plan_maakt_de_aanvraag_een_melding(maak_zaak, naar_plan, wmo, gesprek, eerste_te_late_dag):
    zaak = naar_plan(maak_zaak(wmo), wmo, gesprek=gesprek, ondertekend_op=gesprek)
    stap = procedure.voer_uit(zaak, S.AANVRAAG, wmo, datum=eerste_te_late_dag, via="ondertekend_plan")
    zaak.refresh_from_db()
    assert stap.naar == zaak.status == S.MELDING
    assert zaak.meldingsdatum is None and zaak.aanvraagdatum is None
    assert "artikel 2:5, vierde lid" in stap.grondslag and "artikel 2:6, vierde lid" in stap.grondslag
    assert "langer dan 3 maanden" in stap.reden
    # A new conversation starts a new onderzoek; the first one is kept.
    procedure.voer_uit(zaak, S.ONDERZOEK, wmo, datum=eerste_te_late_dag)
    assert zaak.onderzoeken.count() == 2


def test_laatste_gesprek_telt_voor_de_drie_maanden(maak_zaak, naar_plan, wmo):
    zaak = naar_plan(maak_zaak(wmo), wmo, gesprek=dt.date(2026, 1, 5), plan_op=dt.date(2026, 2, 20),
                     ondertekend_op=dt.date(2026, 2, 20))
    rapport = zaak.huidig_onderzoek()
    rapport.laatste_gesprekdatum = dt.date(2026, 2, 20)
    rapport.save()
    stap = procedure.voer_uit(zaak, S.AANVRAAG, wmo, datum=dt.date(2026, 5, 20), via="ondertekend_plan")
    assert stap.naar == S.AANVRAAG


def test_niet_ondertekend_plan_is_geen_aanvraag(maak_zaak, naar_plan, wmo):
    zaak = naar_plan(maak_zaak(wmo), wmo)
    with pytest.raises(ProcedureFout) as fout:
        procedure.voer_uit(zaak, S.AANVRAAG, wmo, datum=dt.date(2026, 1, 20), via="ondertekend_plan")
    assert "artikel 2:5, vierde lid" in str(fout.value)
    # The aanvraagformulier (art. 2:5 lid 1) remains possible.
    assert procedure.voer_uit(zaak, S.AANVRAAG, wmo, datum=dt.date(2026, 1, 20)).naar == S.AANVRAAG


def test_ondersteuningsplan_vraagt_volledige_checklist(maak_zaak, wmo):
    zaak = maak_zaak(wmo)
    procedure.voer_uit(zaak, S.ONDERZOEK, wmo, datum=dt.date(2026, 1, 12))
    onderzoek.werk_onderzoek_bij(zaak, wmo, behoefte="Hulp bij het huishouden.", gewenst_resultaat="Schoon huis.")
    with pytest.raises(ProcedureFout) as fout:
        procedure.voer_uit(zaak, S.ONDERSTEUNINGSPLAN, wmo, datum=dt.date(2026, 1, 13))
    bericht = str(fout.value)
    assert "artikel 2:4, eerste lid" in bericht
    assert "c (de mogelijkheden op eigen kracht" in bericht and "i (rekening houden" in bericht
    assert "a (" not in bericht and "b (" not in bericht


def test_reden_verplicht_bij_intrekken(maak_zaak, wmo):
    zaak = maak_zaak(wmo)
    with pytest.raises(ValidationError) as fout:
        procedure.voer_uit(zaak, S.INGETROKKEN, wmo, datum=dt.date(2026, 1, 6), reden="kort")
    assert "reden" in fout.value.message_dict


def test_datum_niet_in_de_toekomst_en_niet_voor_vorige_stap(maak_zaak, wmo):
    zaak = maak_zaak(wmo, ontvangen_op=dt.date(2026, 1, 5))
    with pytest.raises(ValidationError) as fout:
        procedure.voer_uit(zaak, S.ONDERZOEK, wmo, datum=dt.date.today() + dt.timedelta(days=1))
    assert "toekomst" in fout.value.message_dict["datum"][0]
    with pytest.raises(ValidationError) as fout:
        procedure.voer_uit(zaak, S.ONDERZOEK, wmo, datum=dt.date(2026, 1, 4))
    assert "vóór de vorige stap" in fout.value.message_dict["datum"][0]


def test_spoedprocedure_eerst_voorziening_dan_onderzoek(maak_zaak, wmo):
    zaak = maak_zaak(wmo)
    with pytest.raises(ValidationError):
        procedure.voer_uit(zaak, S.SPOEDVOORZIENING, wmo, datum=dt.date(2026, 1, 5))  # reason required
    procedure.voer_uit(zaak, S.SPOEDVOORZIENING, wmo, datum=dt.date(2026, 1, 5), reden="Mantelzorger plots opgenomen.")
    zaak.refresh_from_db()
    assert zaak.spoed and zaak.meldingsdatum is None
    procedure.voer_uit(zaak, S.ONDERZOEK, wmo, datum=dt.date(2026, 1, 9))
    zaak.refresh_from_db()
    assert zaak.status == S.ONDERZOEK and zaak.meldingsdatum == dt.date(2026, 1, 9)
    assert "artikel 2:1, onder d" in zaak.overgangen.get(naar=S.SPOEDVOORZIENING).grondslag


def test_statusgeschiedenis_compleet(maak_zaak, breng_in, wmo):
    zaak = breng_in(maak_zaak(wmo), S.BEOORDELING, wmo)
    stappen = list(zaak.overgangen.values_list("van", "naar"))
    assert stappen == [("", "melding"), ("melding", "onderzoek"), ("onderzoek", "ondersteuningsplan"),
                       ("ondersteuningsplan", "aanvraag"), ("aanvraag", "beoordeling")]


def test_klaar_voor_besluit_noemt_ontbrekende_criteria(maak_zaak, breng_in, wmo):
    zaak = breng_in(maak_zaak(wmo), S.BEOORDELING, wmo)
    beoordeling.leg_bevinding_vast(zaak, wmo, criterium="passende_bijdrage", waarde="ja",
                                   motivering="De scootmobiel maakt boodschappen doen mogelijk.")
    with pytest.raises(ProcedureFout) as fout:
        procedure.voer_uit(zaak, S.KLAAR_VOOR_BESLUIT, wmo, datum=dt.date(2026, 1, 22), uitkomst="toegekend")
    bericht = str(fout.value)
    # Issue 10: every asked criterion is named; replaced criteria and conditional ones (woonvoorziening, pgb) whose
    # condition is not met are not asked.
    wmo_criteria = REGELINGEN["wmo_maatwerkvoorziening"].criteria
    ontbrekend = [c.code for c in wmo_criteria if c.code != "passende_bijdrage" and not c.vervallen and not c.alleen_als]
    assert all(code in bericht for code in ontbrekend)
    assert "passende_bijdrage" not in bericht
    assert not any(f"{c.code} (" in bericht for c in wmo_criteria if c.vervallen or c.alleen_als)


def test_bevinding_vraagt_motivering_en_bekend_criterium(maak_zaak, breng_in, wmo):
    zaak = breng_in(maak_zaak(wmo), S.BEOORDELING, wmo)
    with pytest.raises(ValidationError) as fout:
        beoordeling.leg_bevinding_vast(zaak, wmo, criterium="passende_bijdrage", waarde="ja", motivering="ok")
    assert "motivering" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        beoordeling.leg_bevinding_vast(zaak, wmo, criterium="kosten_noodzakelijk", waarde="ja",
                                       motivering="Een motivering van voldoende lengte.")
    assert "criterium" in fout.value.message_dict


def test_nieuwe_bevinding_vervangt_maar_bewaart_de_vorige(maak_zaak, breng_in, wmo):
    zaak = breng_in(maak_zaak(wmo), S.BEOORDELING, wmo)
    eerste = beoordeling.leg_bevinding_vast(zaak, wmo, criterium="goedkoopst_passend", waarde="nee",
                                            motivering="Er is een goedkopere rolstoel beschikbaar.")
    tweede = beoordeling.leg_bevinding_vast(zaak, wmo, criterium="goedkoopst_passend", waarde="ja",
                                            motivering="De goedkopere rolstoel past niet in de woning.")
    eerste.refresh_from_db()
    assert not eerste.actueel and tweede.actueel
    assert zaak.actuele_bevindingen().get(criterium="goedkoopst_passend").waarde == "ja"


# ------------------------------------------------------------------ a decision only through a Besluit


def test_soorten_waarop_de_procedure_rekent_bestaan_in_besluiten():
    from maatwerk.besluiten.models import Soort, Status as BesluitStatus

    assert set(procedure.UITKOMST_VAN_SOORT) | {procedure.SOORT_BUITEN_BEHANDELING} <= set(Soort.values)
    assert procedure.BESLUIT_VERVALLEN in BesluitStatus.values


@pytest.mark.parametrize("van,naar", [(S.KLAAR_VOOR_BESLUIT, S.BESLUIT), (S.AANVRAAG, S.BUITEN_BEHANDELING),
                                      (S.BEOORDELING, S.BUITEN_BEHANDELING)])
def test_besluit_of_buiten_behandeling_zonder_besluit_wordt_geweigerd(maak_zaak, wmo, breng_in, van, naar):
    zaak = breng_in(maak_zaak(wmo), van, wmo)
    aantal = Statusovergang.objects.count()
    with pytest.raises(ProcedureFout) as fout:
        procedure.voer_uit(zaak, naar, wmo, datum=dt.date(2026, 3, 2), reden="Een reden van voldoende lengte.")
    assert fout.value.code == "besluit_vereist"
    tekst = str(fout.value)
    assert "‘Besluiten en brieven’" in tekst
    assert ("artikel 4:5" if naar == S.BUITEN_BEHANDELING else "artikel 3:46") in tekst
    zaak.refresh_from_db()
    assert zaak.status == van and Statusovergang.objects.count() == aantal
    assert naar not in [o.naar for o in procedure.mogelijke_overgangen(zaak)]
    assert naar in [o.naar for o in procedure.via_besluit(zaak)]


def test_besluit_moet_bij_de_zaak_en_de_stap_passen(maak_zaak, wmo, breng_in, besluit_voor):
    zaak = breng_in(maak_zaak(wmo), S.KLAAR_VOOR_BESLUIT, wmo)
    ander = breng_in(maak_zaak(wmo), S.KLAAR_VOOR_BESLUIT, wmo)
    van_ander = besluit_voor(ander, wmo)
    with pytest.raises(ProcedureFout) as fout:
        procedure.voer_uit(zaak, S.BESLUIT, wmo, besluit=van_ander)
    assert fout.value.code == "besluit_andere_zaak"
    with pytest.raises(ProcedureFout) as fout:
        procedure.voer_uit(zaak, S.BESLUIT, wmo, besluit="B-1")
    assert fout.value.code == "besluit_ongeldig"
    with pytest.raises(ProcedureFout) as fout:  # a besluit belongs only to a decision step
        procedure.voer_uit(zaak, S.BEOORDELING, wmo, besluit=besluit_voor(zaak, wmo), reden="Een reden van voldoende lengte.")
    assert fout.value.code == "besluit_niet_van_toepassing"
    assert zaak.status == S.KLAAR_VOOR_BESLUIT


def test_vervallen_besluit_neemt_geen_besluit(maak_zaak, wmo, breng_in, besluit_voor):
    from maatwerk.besluiten import services as besluiten

    zaak = breng_in(maak_zaak(wmo), S.KLAAR_VOOR_BESLUIT, wmo)
    besluit = besluiten.laat_vervallen(besluit_voor(zaak, wmo), wmo, reden="Verkeerd opgesteld, opnieuw beginnen.")
    with pytest.raises(ProcedureFout) as fout:
        procedure.voer_uit(zaak, S.BESLUIT, wmo, besluit=besluit)
    assert fout.value.code == "besluit_vervallen"


def test_buiten_behandeling_vraagt_een_besluit_buiten_behandeling(maak_zaak, wmo, breng_in, besluit_voor):
    zaak = breng_in(maak_zaak(wmo), S.KLAAR_VOOR_BESLUIT, wmo)
    toekenning = besluit_voor(zaak, wmo)
    procedure.voer_uit(zaak, S.BEOORDELING, wmo, reden="Nieuwe informatie ontvangen.")
    with pytest.raises(ProcedureFout) as fout:
        procedure.voer_uit(zaak, S.BUITEN_BEHANDELING, wmo, besluit=toekenning, reden="Gegevens niet aangevuld.")
    assert fout.value.code == "soort_past_niet" and "artikel 4:5" in str(fout.value)


def test_besluit_volgt_het_beoordeelde_voorstel(maak_zaak, wmo, breng_in, besluit_voor):
    zaak = breng_in(maak_zaak(wmo), S.KLAAR_VOOR_BESLUIT, wmo)
    besluit = besluit_voor(zaak, wmo)
    # The proposal changes after the besluit was prepared: the besluit no longer follows it.
    procedure.voer_uit(zaak, S.BEOORDELING, wmo, reden="Nieuwe informatie ontvangen.")
    procedure.voer_uit(zaak, S.KLAAR_VOOR_BESLUIT, wmo, uitkomst="afgewezen")
    with pytest.raises(ProcedureFout) as fout:
        procedure.voer_uit(zaak, S.BESLUIT, wmo, besluit=besluit)
    assert fout.value.code == "soort_past_niet"
