"""Issue 12 point 4, review list -> bulk vaststellen (art. 43 lid 1 Pw): the selected households' concept besluiten go
through the ordinary besluit services (vaststellen + bekendmaken with the B1 letter), one transaction each; four eyes
per the mandate table are never bypassed; a failure is reported per household and leaves nothing half-done."""

from __future__ import annotations

from decimal import Decimal
from unittest import mock

import pytest
from django.core.exceptions import ValidationError

from maatwerk.ambtshalve import batch, vaststelling
from maatwerk.besluiten import services as besluiten
from maatwerk.besluiten.models import Besluit, Brief
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.toegang.models import AuditRegel
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import Mandaatregel, Status as ZaakStatus

from .conftest import PEILDATUM

pytestmark = pytest.mark.django_db
IIT = "individuele_inkomenstoeslag"


@pytest.fixture
def twee_concepten(huishouden_met_bijstand, inkomen):
    huishouden_met_bijstand(naam="Anna")
    huishouden_met_bijstand(naam="Bram")
    huishouden_met_bijstand(eerdere_iit=None, naam="Controle")  # review list, no concept
    b = batch.draai(inkomen, PEILDATUM)
    return b, list(vaststelling.concepten(b))


def test_verstuurt_de_gekozen_huishoudens_met_brief(twee_concepten, inkomen):
    b, (anna, bram) = twee_concepten
    assert [r.status for r in vaststelling.rijen(inkomen, [anna, bram])] == ["klaar", "klaar"]
    resultaten = vaststelling.verstuur(b, inkomen, [anna.pk])
    assert [(r.uitkomst, r.status) for r in resultaten] == [(anna, "bekendgemaakt")]
    besluit = Besluit.objects.get(zaak=anna.zaak)
    assert besluit.status == "bekendgemaakt" and besluit.ingangsdatum == PEILDATUM
    assert "zonder dat u die hoefde aan te vragen" in Brief.objects.get(besluit=besluit).html
    anna.zaak.refresh_from_db()
    assert anna.zaak.status == ZaakStatus.BESLUIT and anna.zaak.besluit_uitkomst == "toegekend"
    assert Besluit.objects.get(zaak=bram.zaak).status == "concept"  # not selected: untouched
    assert vaststelling.voortgang(b) == {"klaar": 1, "vier_ogen": 0, "vastgesteld": 0, "bekendgemaakt": 1,
                                         "geen_besluit": 0, "totaal": 2}
    assert AuditRegel.objects.filter(onderwerp="ambtshalve vaststellen", inwoner=anna.hoofdpersoon,
                                     toelichting__contains="bekendgemaakt").exists()
    # Sent twice: reported, nothing made twice.
    again = vaststelling.verstuur(b, inkomen, [anna.pk])
    assert again[0].status == "bekendgemaakt" and "al bekendgemaakt" in again[0].melding
    assert Brief.objects.filter(besluit=besluit).count() == 1


def test_boven_het_mandaat_naar_de_vier_ogen_wachtrij_en_na_goedkeuring_verstuurd(twee_concepten, inkomen, kwaliteit):
    b, (anna, bram) = twee_concepten
    Mandaatregel.objects.filter(rol="consulent_inkomen", regeling=IIT).update(max_bedrag=Decimal("100.00"))
    resultaten = vaststelling.verstuur(b, inkomen, [anna.pk, bram.pk])
    assert [r.status for r in resultaten] == ["vier_ogen", "vier_ogen"]
    assert "hoger dan het mandaat" in resultaten[0].melding
    besluit = Besluit.objects.get(zaak=anna.zaak)
    assert besluit.status == "concept"  # never bypassed
    # It is in the kwaliteitsmedewerker's queue ...
    from maatwerk.zaken import vierogen

    nodig, _ = vierogen.te_beoordelen(kwaliteit, [anna.zaak, bram.zaak])
    assert {t.zaak.pk for t in nodig} == {anna.zaak_id, bram.zaak_id}
    # ... and once approved, the next bulk run sends it; the other still waits.
    besluiten.goedkeuren(besluit, kwaliteit, akkoord=True)
    resultaten = vaststelling.verstuur(b, inkomen, [anna.pk, bram.pk])
    assert [r.status for r in resultaten] == ["bekendgemaakt", "vier_ogen"]
    besluit.refresh_from_db()
    assert besluit.status == "bekendgemaakt" and besluit.vastgesteld_door == inkomen


def test_fout_bij_een_huishouden_laat_niets_half_en_de_rest_gaat_door(twee_concepten, inkomen):
    b, (anna, bram) = twee_concepten
    echt = besluiten.bekendmaken

    def faalt_voor_anna(besluit, gebruiker, **kw):
        if besluit.zaak_id == anna.zaak_id:
            raise ProcedureFout("De brief kan niet worden gemaakt: testfout.", code="sjabloon")
        return echt(besluit, gebruiker, **kw)

    with mock.patch.object(besluiten, "bekendmaken", faalt_voor_anna):
        resultaten = vaststelling.verstuur(b, inkomen, [anna.pk, bram.pk])
    assert [(r.status, r.melding) for r in resultaten][0] == ("fout", "De brief kan niet worden gemaakt: testfout.")
    assert resultaten[1].status == "bekendgemaakt"
    besluit = Besluit.objects.get(zaak=anna.zaak)
    assert besluit.status == "concept" and besluit.besluitdatum is None  # vaststellen rolled back with it
    anna.zaak.refresh_from_db()
    assert anna.zaak.status == ZaakStatus.KLAAR_VOOR_BESLUIT
    assert not Brief.objects.filter(besluit=besluit).exists()
    # Retried without the fault: sent.
    assert vaststelling.verstuur(b, inkomen, [anna.pk])[0].status == "bekendgemaakt"


@pytest.mark.parametrize("ids, melding", [
    ([], "ten minste één"), (["x"], "nummer"), ([999999], "geen concept-toekenning van deze batch"),
    ([10**30], "geen concept-toekenning van deze batch"), ([-1], "geen concept-toekenning van deze batch")])
def test_foute_selectie_geeft_melding_met_veldnaam_en_verstuurt_niets(twee_concepten, inkomen, ids, melding):
    b, (anna, _) = twee_concepten
    with pytest.raises(ValidationError) as fout:
        vaststelling.verstuur(b, inkomen, ids + [anna.pk] if ids and isinstance(ids[0], int) else ids)
    assert melding in " ".join(fout.value.message_dict["uitkomsten"])
    assert Besluit.objects.get(zaak=anna.zaak).status == "concept"


def test_controlelijst_is_niet_te_versturen(twee_concepten, inkomen):
    b, _ = twee_concepten
    controle = b.uitkomsten.get(soort="controle")
    with pytest.raises(ValidationError):
        vaststelling.verstuur(b, inkomen, [controle.pk])


@pytest.mark.parametrize("rol", ["wmo", "jeugd", "kwaliteit", "beleid"])
def test_andere_rollen_mogen_niet_versturen(twee_concepten, rol, request):
    b, (anna, _) = twee_concepten
    with pytest.raises(GeenToegang):
        vaststelling.verstuur(b, request.getfixturevalue(rol), [anna.pk])
    assert Besluit.objects.get(zaak=anna.zaak).status == "concept"


# ------------------------------------------------------------------ page and API


def _client(user):
    from django.test import Client

    c = Client()
    c.force_login(user)
    return c


def _api(user):
    from rest_framework.test import APIClient

    c = APIClient()
    c.force_authenticate(user)
    return c


def test_pagina_toont_voorwaarden_bedrag_en_verstuurt_de_keuze(twee_concepten, inkomen):
    b, (anna, bram) = twee_concepten
    c = _client(inkomen)
    html = c.get(f"/ambtshalve/batches/{b.pk}/vaststellen/").content.decode()
    assert "Anna Smit kiezen" in html and "Bram Smit kiezen" in html and "Controle Smit" not in html
    assert "€ " in html and "geen zicht op inkomensverbetering" in html and "artikel 43, eerste lid" in html
    assert 'value="0"' in html  # the progress bar starts at 0 sent
    assert AuditRegel.objects.filter(onderwerp="ambtshalve concept-toekenning", inwoner=anna.hoofdpersoon).exists()
    antwoord = c.post(f"/ambtshalve/batches/{b.pk}/vaststellen/", {"uitkomsten": [bram.pk]})
    html = antwoord.content.decode()
    assert antwoord.status_code == 200 and "Resultaat per huishouden" in html and "is vastgesteld en verstuurd" in html
    assert Besluit.objects.get(zaak=bram.zaak).status == "bekendgemaakt"
    assert "Bram Smit kiezen" not in html and "1 van 2 concept-toekenningen zijn verstuurd" in html


def test_pagina_zonder_keuze_geeft_400_met_foutoverzicht(twee_concepten, inkomen):
    b, _ = twee_concepten
    antwoord = _client(inkomen).post(f"/ambtshalve/batches/{b.pk}/vaststellen/", {})
    assert antwoord.status_code == 400 and "Kies ten minste één huishouden" in antwoord.content.decode()


def test_api_concepten_en_vaststellen(twee_concepten, inkomen):
    b, (anna, bram) = twee_concepten
    api = _api(inkomen)
    lijst = api.get(f"/api/v1/ambtshalve-batches/{b.pk}/concepten/").json()
    assert lijst["count"] == 2 and {r["status"] for r in lijst["results"]} == {"klaar"}
    assert Decimal(lijst["results"][0]["bedrag"]) > 0 and lijst["results"][0]["voorwaarden"]
    antwoord = api.post(f"/api/v1/ambtshalve-batches/{b.pk}/vaststellen/", {"uitkomsten": [anna.pk]}, format="json")
    assert antwoord.status_code == 200
    data = antwoord.json()
    assert [r["status"] for r in data["resultaten"]] == ["bekendgemaakt"] and data["voortgang"]["bekendgemaakt"] == 1


@pytest.mark.parametrize("invoer", [{}, {"uitkomsten": []}, {"uitkomsten": "1"}, {"uitkomsten": ["a"]},
                                    {"uitkomsten": [123456]}, {"uitkomsten": [10**30]}, {"uitkomsten": [0]}])
def test_api_foute_invoer_geeft_400_met_veldnaam(twee_concepten, inkomen, invoer):
    b, (anna, _) = twee_concepten
    antwoord = _api(inkomen).post(f"/api/v1/ambtshalve-batches/{b.pk}/vaststellen/", invoer, format="json")
    assert antwoord.status_code == 400 and "uitkomsten" in antwoord.json()
    assert Besluit.objects.get(zaak=anna.zaak).status == "concept"


@pytest.mark.parametrize("rol", ["wmo", "jeugd", "kwaliteit", "beheerder", "beleid"])
def test_pagina_en_api_voor_andere_rollen_geweigerd_en_gelogd(twee_concepten, rol, request):
    b, (anna, _) = twee_concepten
    user = request.getfixturevalue(rol)
    assert _client(user).get(f"/ambtshalve/batches/{b.pk}/vaststellen/").status_code == 404
    assert _client(user).post(f"/ambtshalve/batches/{b.pk}/vaststellen/", {"uitkomsten": [anna.pk]}).status_code == 403
    assert _api(user).get(f"/api/v1/ambtshalve-batches/{b.pk}/concepten/").status_code == 404
    assert _api(user).post(f"/api/v1/ambtshalve-batches/{b.pk}/vaststellen/", {"uitkomsten": [anna.pk]},
                           format="json").status_code == 403
    assert Besluit.objects.get(zaak=anna.zaak).status == "concept"
    assert AuditRegel.objects.filter(gebruiker=user, toegestaan=False, onderwerp__startswith="ambtshalve").count() >= 4
