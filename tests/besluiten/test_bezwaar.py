"""Bezwaar: timeliness (Awb 6:9, 6:11), beslistermijn (Awb 7:10, 7:13, verdaging), horen (7:2/7:3), the
decision and the new besluit after a well-founded objection (7:11) with beroep instead of bezwaar.

Dates: besluit bekendgemaakt Monday 2 February 2026; bezwaartermijn (Awb 6:7, 6:8 lid 1) ends Monday
16 March 2026. Beslistermijn (Awb 7:10 lid 1) 6 weeks from then: Monday 27 April 2026 is Koningsdag, so the
Atw (art. 1 lid 1) extends it to Tuesday 28 April; 12 weeks with an adviescommissie (art. 7:13): Monday
8 June 2026."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from maatwerk.besluiten import bezwaar as bz
from maatwerk.besluiten import services
from maatwerk.besluiten.models import Bezwaarschrift, Soort, Status
from maatwerk.zaken.fouten import OnveranderlijkFout
from maatwerk.termijnen import beslistermijn_bezwaar, bezwaartermijn
from maatwerk.zaken.fouten import ProcedureFout

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


def test_tijdig_bezwaar(besluit, wmo):
    b = bz.registreer(besluit, wmo, ontvangen_op=D(2026, 3, 16), gronden="Drie uur is te weinig.")
    assert b.tijdig and b.tijdigheid_bron == "Awb, artikel 6:9, eerste lid"
    assert b.bezwaartermijn_einde == D(2026, 3, 16)
    assert b.indiener == besluit.zaak.hoofdpersoon.naam
    assert b.beslistermijn_einde == beslistermijn_bezwaar(bezwaartermijn(BEKENDMAKING), adviescommissie=False).einde
    assert b.beslistermijn_einde == D(2026, 4, 28)
    assert "Awb, artikel 7:10, eerste lid" in b.beslistermijn_uitleg


def test_op_de_laatste_dag_gepost_en_binnen_een_week_ontvangen_is_tijdig(besluit, wmo):
    b = bz.registreer(besluit, wmo, ontvangen_op=D(2026, 3, 23), ter_post_bezorgd_op=D(2026, 3, 16), gronden="x")
    assert b.tijdig and b.tijdigheid_bron == "Awb, artikel 6:9, tweede lid"
    assert b.uiterste_ontvangst_bij_post == D(2026, 3, 23)


def test_gepost_op_laatste_dag_maar_te_laat_ontvangen(besluit, wmo):
    b = bz.registreer(besluit, wmo, ontvangen_op=D(2026, 3, 24), ter_post_bezorgd_op=D(2026, 3, 16), gronden="x")
    assert not b.tijdig and b.verschoonbaarheid_te_beoordelen


def test_te_laat_wordt_geregistreerd_en_door_een_mens_beoordeeld(besluit, wmo, wmo2):
    b = bz.registreer(besluit, wmo, ontvangen_op=D(2026, 3, 20), gronden="Ik was in het ziekenhuis.")
    assert Bezwaarschrift.objects.filter(pk=b.pk).exists()  # nothing is lost
    assert not b.tijdig and b.verschoonbaarheid_te_beoordelen and "Te laat" in b.tijdigheid_uitleg
    bz.leg_horen_vast(b, wmo2, afzien_reden="Het bezwaar is kennelijk niet-ontvankelijk; horen is niet nodig.")
    with pytest.raises(ProcedureFout) as fout:  # Awb 6:11 first
        bz.beslis(b, wmo2, uitkomst="ongegrond", motivering="De hulp van drie uur is voldoende onderbouwd.")
    assert fout.value.code == "verschoonbaarheid_open"
    with pytest.raises(ValidationError):  # a judgement needs a reason
        bz.beoordeel_verschoonbaarheid(b, wmo2, verschoonbaar=False, reden="nee")
    bz.beoordeel_verschoonbaarheid(b, wmo2, verschoonbaar=False, reden="Geen bewijs van opname in het ziekenhuis ontvangen.")
    assert b.verschoonbaarheid_door == wmo2 and "niet verschoonbaar" in b.tijdigheid_uitleg
    with pytest.raises(ProcedureFout) as fout:
        bz.beslis(b, wmo2, uitkomst="ongegrond", motivering="De hulp van drie uur is voldoende onderbouwd.")
    assert fout.value.code == "niet_ontvankelijk"
    b, nieuw = bz.beslis(b, wmo2, uitkomst="niet_ontvankelijk", motivering="Te laat zonder verschoonbare reden.",
                         datum=D(2026, 4, 1))
    assert b.uitkomst == "niet_ontvankelijk" and nieuw is None


def test_verschoonbaar_te_laat_wordt_inhoudelijk_behandeld(besluit, wmo, wmo2):
    b = bz.registreer(besluit, wmo, ontvangen_op=D(2026, 3, 20), gronden="Ik was in het ziekenhuis.")
    bz.beoordeel_verschoonbaarheid(b, wmo2, verschoonbaar=True, reden="Opnamebewijs van het ziekenhuis ontvangen.")
    bz.leg_horen_vast(b, wmo2, hoorzitting_op=D(2026, 4, 2), verslag="Mevrouw licht toe dat zij vaker hulp nodig heeft.")
    b, _ = bz.beslis(b, wmo2, uitkomst="ongegrond", motivering="Drie uur per week past bij het onderzoek.", datum=D(2026, 4, 10))
    assert b.uitkomst == "ongegrond"


def test_bezwaar_voor_bekendmaking_kan_niet(zaak_klaar, wmo, wmo_natura):
    b = services.opstellen(zaak_klaar, wmo)
    with pytest.raises(ProcedureFout):
        bz.registreer(b, wmo, ontvangen_op=D(2026, 3, 1), gronden="x")


def test_beslistermijn_met_adviescommissie_en_verdaging(besluit, wmo):
    b = bz.registreer(besluit, wmo, ontvangen_op=D(2026, 3, 10), gronden="x", adviescommissie=True)
    assert b.beslistermijn_einde == D(2026, 6, 8)  # 12 weeks (Awb 7:10 lid 1 with 7:13)
    bz.wijzig_behandeling(b, wmo, adviescommissie=False)
    assert b.beslistermijn_einde == D(2026, 4, 28)
    with pytest.raises(ValidationError) as fout:  # at most 6 weeks (Awb 7:10 lid 3)
        bz.wijzig_behandeling(b, wmo, verdaging_medegedeeld_op=D(2026, 4, 20), verdaging_weken=7)
    assert "verdaging_weken" in fout.value.message_dict
    b = Bezwaarschrift.objects.get(pk=b.pk)
    with pytest.raises(ValidationError) as fout:  # notified after the term ended: not valid
        bz.wijzig_behandeling(b, wmo, verdaging_medegedeeld_op=D(2026, 4, 29), verdaging_weken=6)
    assert "verdaging_medegedeeld_op" in fout.value.message_dict
    b = Bezwaarschrift.objects.get(pk=b.pk)
    bz.wijzig_behandeling(b, wmo, verdaging_medegedeeld_op=D(2026, 4, 20), verdaging_weken=6,
                          verdaging_reden="Wij wachten op een medisch advies.")
    # The verdaging adds 6 weeks to the Atw-extended end, without a new Atw extension: 28 April + 6 weeks.
    assert b.beslistermijn_einde == D(2026, 6, 9)
    with pytest.raises(ProcedureFout):  # one verdaging only
        bz.wijzig_behandeling(b, wmo, verdaging_medegedeeld_op=D(2026, 5, 1), verdaging_weken=1)


def test_gegrond_bezwaar_leidt_tot_nieuw_besluit_met_beroep(besluit, wmo, wmo2):
    b = bz.registreer(besluit, wmo, ontvangen_op=D(2026, 3, 10), gronden="Ik heb meer hulp nodig.")
    with pytest.raises(ProcedureFout) as fout:  # Awb 7:2: hear first
        bz.beslis(b, wmo2, uitkomst="gegrond", motivering="Het onderzoek onderschat de hulpvraag.", nieuw_besluit_soort="toekenning")
    assert fout.value.code == "niet_gehoord"
    bz.leg_horen_vast(b, wmo2, hoorzitting_op=D(2026, 3, 25), verslag="Mevrouw kan ook niet koken; dat stond niet in het verslag.")
    with pytest.raises(ProcedureFout) as fout:  # Awb 10:3 lid 3: not the one who took the besluit
        bz.beslis(b, wmo, uitkomst="gegrond", motivering="Het onderzoek onderschat de hulpvraag.", nieuw_besluit_soort="toekenning")
    assert fout.value.code == "zelfde_persoon"
    with pytest.raises(ValidationError):  # gegrond needs the new besluit's soort (Awb 7:11 lid 2)
        bz.beslis(b, wmo2, uitkomst="gegrond", motivering="Het onderzoek onderschat de hulpvraag.")
    b = Bezwaarschrift.objects.get(pk=b.pk)
    b, nieuw = bz.beslis(b, wmo2, uitkomst="gegrond", motivering="Het onderzoek onderschat de hulpvraag.",
                         datum=D(2026, 4, 1), nieuw_besluit_soort=Soort.TOEKENNING)
    assert nieuw.vervangt == besluit and nieuw.op_bezwaar == b and nieuw.status == Status.CONCEPT
    assert nieuw.rechtsmiddel == "beroep"
    services.wijzigen(nieuw, wmo2, omvang="5 uur per week")
    services.vaststellen(nieuw, wmo2, datum=D(2026, 4, 1))
    services.bekendmaken(nieuw, wmo2, datum=D(2026, 4, 1))
    nieuw.refresh_from_db()
    html = nieuw.brief.html
    assert "in beroep gaan" in html and "Dan kunt u bezwaar maken" not in html
    assert "U heeft bezwaar gemaakt." in html
    assert "uiterlijk op 13 mei 2026" in html  # Awb 6:7: six weeks, also for beroep
    with pytest.raises(ProcedureFout) as fout:  # against a decision on objection: beroep, not bezwaar (Awb 7:1)
        bz.registreer(nieuw, wmo, ontvangen_op=D(2026, 4, 10), gronden="x")
    assert fout.value.code == "beroep"
    # A decided objection never changes.
    b.motivering = "Anders."
    with pytest.raises(OnveranderlijkFout):
        b.save()
    with pytest.raises(OnveranderlijkFout):
        Bezwaarschrift.objects.filter(pk=b.pk).update(motivering="x")
    with pytest.raises(ProcedureFout):
        bz.leg_horen_vast(Bezwaarschrift.objects.get(pk=b.pk), wmo2, afzien_reden="Nu toch maar niet horen, achteraf.")


# ------------------------------------------------------------------ Awb 6:8 lid 1 and 6:10 (issue 8)


def test_bezwaar_op_de_dag_van_bekendmaking_is_tijdig(besluit, wmo):
    b = bz.registreer(besluit, wmo, ontvangen_op=BEKENDMAKING, gronden="Ik was het meteen niet eens.")
    assert b.tijdig and b.tijdigheid_bron == "Awb, artikel 6:10, eerste lid"
    assert b.bezwaartermijn_einde == D(2026, 3, 16)


def test_bezwaar_na_het_besluit_maar_voor_verzending_is_tijdig_en_ervoor_geweigerd(zaak_klaar, wmo, wmo_natura):
    b = services.opstellen(zaak_klaar, wmo)
    services.wijzigen(b, wmo, **wmo_natura)
    services.vaststellen(b, wmo, datum=D(2026, 1, 29))
    services.bekendmaken(b, wmo, datum=BEKENDMAKING)
    with pytest.raises(ValidationError) as fout:  # before the besluit existed: 6:10 does not save it
        bz.registreer(b, wmo, ontvangen_op=D(2026, 1, 28), gronden="x")
    assert "Awb 6:10, eerste lid" in fout.value.message_dict["ontvangen_op"][0]
    vroeg = bz.registreer(b, wmo, ontvangen_op=D(2026, 1, 29), gronden="Op de dag van het besluit zelf.")
    assert vroeg.tijdig and vroeg.tijdigheid_bron == "Awb, artikel 6:10, eerste lid"
    assert "vóór de bekendmaking" in vroeg.tijdigheid_uitleg
