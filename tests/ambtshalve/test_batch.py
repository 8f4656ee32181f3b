"""Issue 12 point 4: who qualifies ambtshalve (each condition with what it rests on), the batch (concept zaak, findings
"vastgesteld uit eigen gegevens", berekening, concept besluit with the B1 letter; review list), idempotence and a crash
halfway, and the edge dates of the peildatum."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from unittest import mock

import pytest

from maatwerk.ambtshalve import batch, voorwaarden
from maatwerk.ambtshalve.models import Batch, Soort, Uitkomst
from maatwerk.besluiten.models import Besluit
from maatwerk.zaken.models import Zaak

from .conftest import PEILDATUM

pytestmark = pytest.mark.django_db
IIT = "individuele_inkomenstoeslag"


def _waarden(kandidaat):
    return {v.code: v.waarde for v in kandidaat.voorwaarden}


def test_zekere_kandidaat_heeft_per_voorwaarde_een_grond(huishouden_met_bijstand):
    h = huishouden_met_bijstand()
    k = voorwaarden.beoordeel(h, PEILDATUM)
    assert k.zeker, k.reden
    inkomen = k.voorwaarde("langdurig_laag_inkomen")
    assert "algemene bijstand in alle 36 maanden" in inkomen.grond and "besluit" in inkomen.grond
    assert "7:3" in inkomen.bron and inkomen.soort_bron == "verordening"
    assert "€ 1.000,00" in k.voorwaarde("vermogen").grond
    assert k.voorwaarde("zicht").soort_bron == "discretie"


def test_zonder_vastgesteld_zicht_naar_de_controlelijst(huishouden_met_bijstand):
    k = voorwaarden.beoordeel(huishouden_met_bijstand(eerdere_iit=None), PEILDATUM)
    assert not k.zeker and not k.uitgesloten
    assert _waarden(k)["zicht"] == "onbekend" and _waarden(k)["herhalingstermijn"] == "ja"
    assert "geen zicht op inkomensverbetering" in k.reden


def test_zicht_wel_vastgesteld_is_geen_zekerheid(huishouden_met_bijstand):
    k = voorwaarden.beoordeel(huishouden_met_bijstand(zicht="ja"), PEILDATUM)
    assert _waarden(k)["zicht"] == "onbekend"


def test_bijstand_korter_dan_referteperiode_is_onbekend(huishouden_met_bijstand):
    k = voorwaarden.beoordeel(huishouden_met_bijstand(ingang=dt.date(2023, 4, 1)), PEILDATUM)
    assert _waarden(k)["langdurig_laag_inkomen"] == "onbekend"
    assert "35 van de 36 maanden" in k.voorwaarde("langdurig_laag_inkomen").grond
    # Bijstand from the first month of the referteperiode (March 2023 .. February 2026) is enough.
    k = voorwaarden.beoordeel(huishouden_met_bijstand(ingang=dt.date(2023, 3, 1)), PEILDATUM)
    assert _waarden(k)["langdurig_laag_inkomen"] == "ja"


def test_vermogen_onbekend_en_boven_de_grens(huishouden_met_bijstand):
    assert _waarden(voorwaarden.beoordeel(huishouden_met_bijstand(vermogen=None), PEILDATUM))["vermogen"] == "onbekend"
    k = voorwaarden.beoordeel(huishouden_met_bijstand(vermogen=Decimal("90000")), PEILDATUM)
    assert _waarden(k)["vermogen"] == "nee" and k.uitgesloten


@pytest.mark.parametrize("peildatum, verwacht", [
    (dt.date(2026, 1, 1), "ja"),  # the month of the last aanvraag (January 2025) + 12 months: exactly twelve
    (dt.date(2025, 12, 31), "nee"),  # one day earlier: eleven months
])
def test_twaalf_maanden_precies(huishouden_met_bijstand, peildatum, verwacht):
    k = voorwaarden.beoordeel(huishouden_met_bijstand(eerdere_iit=dt.date(2025, 1, 15)), peildatum)
    assert _waarden(k)["herhalingstermijn"] == verwacht


@pytest.mark.parametrize("geboren, verwacht", [
    (dt.date(2005, 3, 1), "ja"),  # 21st birthday on the peildatum: the situation on the peildatum counts (7:4 lid 3)
    (dt.date(2005, 3, 2), "nee"),  # one day later: still 20
])
def test_verjaardag_op_de_peildatum(huishouden_met_bijstand, geboren, verwacht):
    k = voorwaarden.beoordeel(huishouden_met_bijstand(geboren=geboren), PEILDATUM)
    assert _waarden(k)["leeftijd"] == verwacht


def test_aow_leeftijd_bereikt(huishouden_met_bijstand):
    k = voorwaarden.beoordeel(huishouden_met_bijstand(geboren=dt.date(1955, 1, 1)), PEILDATUM)
    assert _waarden(k)["leeftijd"] == "nee" and "AOW-leeftijd" in k.reden


def test_batch_maakt_concept_zaak_met_bevindingen_berekening_en_brief(huishouden_met_bijstand, inkomen):
    zeker = huishouden_met_bijstand(naam="Zeker")
    twijfel = huishouden_met_bijstand(eerdere_iit=None, naam="Twijfel")
    b = batch.draai(inkomen, PEILDATUM)
    assert b.klaar_op is not None and b.totaal == 2
    assert batch.samenvatting(b) == {"concept_toekenning": 1, "controle": 1, "geen_recht": 0}
    uitkomst = Uitkomst.objects.get(batch=b, huishouden=zeker)
    zaak = uitkomst.zaak
    assert zaak.regeling == IIT and zaak.status == "klaar_voor_besluit" and zaak.aanvraagdatum == PEILDATUM
    bevindingen = {x.criterium: x for x in zaak.actuele_bevindingen()}
    assert bevindingen["zicht_op_inkomensverbetering"].waarde == "nee"
    assert bevindingen["zicht_op_inkomensverbetering"].motivering.startswith("Vastgesteld uit eigen gegevens")
    assert "lopende algemene bijstand: besluit B" in bevindingen["afwijzingsgronden"].motivering
    berekening = zaak.berekeningen.get()
    assert berekening.bedrag > 0 and berekening.gegevens["ambtshalve"]
    besluit = Besluit.objects.get(zaak=zaak)
    assert besluit.status == "concept" and besluit.bedrag == berekening.bedrag
    from maatwerk.besluiten import services as besluiten

    html = besluiten.voorbeeld_html(besluit, inkomen)
    assert "zonder dat u die hoefde aan te vragen" in html
    assert "Klopt er iets niet?" in html and "bezwaar" in html.lower()
    # The legal basis of granting without an aanvraag: art. 43 lid 1 Pw, in the letter's reason and the zaak's ground.
    assert any("artikel 43, eerste lid" in o.bron for o in besluit.overwegingen.all())
    review = Uitkomst.objects.get(batch=b, huishouden=twijfel)
    assert review.soort == Soort.CONTROLE and review.zaak is None and "zicht" in review.reden


def test_twee_keer_draaien_maakt_niets_dubbel(huishouden_met_bijstand, inkomen):
    huishouden_met_bijstand()
    batch.draai(inkomen, PEILDATUM)
    batch.draai(inkomen, PEILDATUM)
    assert Batch.objects.count() == 1 and Uitkomst.objects.count() == 1
    assert Zaak.objects.filter(regeling=IIT, aanvraagdatum=PEILDATUM).count() == 1


def test_crash_halverwege_houdt_wat_klaar_was_en_gaat_verder(huishouden_met_bijstand, inkomen):
    eerste, tweede = huishouden_met_bijstand(), huishouden_met_bijstand()
    echte = batch.maak_concept
    aantal = {"n": 0}

    def crash_bij_tweede(*args, **kwargs):
        aantal["n"] += 1
        if aantal["n"] == 2:
            raise RuntimeError("stroomstoring")
        return echte(*args, **kwargs)

    with mock.patch.object(batch, "maak_concept", crash_bij_tweede), pytest.raises(RuntimeError):
        batch.draai(inkomen, PEILDATUM)
    assert list(Uitkomst.objects.values_list("huishouden_id", flat=True)) == [eerste.pk]
    assert Zaak.objects.filter(regeling=IIT, aanvraagdatum=PEILDATUM).count() == 1  # the second one was rolled back
    b = batch.draai(inkomen, PEILDATUM)
    assert b.klaar_op is not None
    assert sorted(Uitkomst.objects.values_list("huishouden_id", flat=True)) == sorted([eerste.pk, tweede.pk])
    assert Zaak.objects.filter(regeling=IIT, aanvraagdatum=PEILDATUM).count() == 2


def test_lopende_concept_zaak_telt_bij_een_volgende_peildatum(huishouden_met_bijstand, inkomen):
    h = huishouden_met_bijstand()
    batch.draai(inkomen, PEILDATUM)
    k = voorwaarden.beoordeel(h, dt.date(2026, 4, 1))
    assert _waarden(k)["herhalingstermijn"] == "nee" and "loopt al een aanvraag" in k.reden


@pytest.mark.parametrize("tekst", ["", "2026-13-01", "morgen", "1-1-2017", "2999-01-01"])
def test_foute_peildatum_geeft_nederlandse_melding(tekst):
    with pytest.raises(batch.PeildatumFout) as fout:
        batch.parse_peildatum(tekst)
    assert "peildatum" in fout.value.message_dict


@pytest.mark.parametrize("rol", ["wmo", "jeugd", "kwaliteit", "beheerder", "beleid"])
def test_andere_rollen_mogen_de_batch_niet_draaien(huishouden_met_bijstand, rol, request):
    from django.core.exceptions import PermissionDenied

    huishouden_met_bijstand()
    with pytest.raises(PermissionDenied):
        batch.draai(request.getfixturevalue(rol), PEILDATUM)
    assert not Batch.objects.exists() and not Zaak.objects.filter(regeling=IIT, aanvraagdatum=PEILDATUM).exists()
