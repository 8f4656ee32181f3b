"""Nothing in the individualiseringsrapportage is lost: every change of the report or the plan through the
services stores an immutable version; the zaak page and the API show them, under the access policy."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client

from maatwerk.toegang.models import AuditRegel
from maatwerk.zaken import onderzoek, procedure
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import CHECKLIST, OnderzoekVersie, PlanVersie, Status

pytestmark = pytest.mark.django_db
V1 = "/api/v1"


def client_voor(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def wmozaak(maak_zaak, wmo):
    zaak = maak_zaak(wmo)
    procedure.voer_uit(zaak, Status.ONDERZOEK, wmo, datum=dt.date(2026, 1, 12))
    zaak.refresh_from_db()
    return zaak


def test_elke_wijziging_maakt_een_versie_en_de_oude_tekst_blijft(wmozaak, wmo):
    # The onderzoek opened by the procedure at the first conversation is version 1, before any change.
    onderzoek.werk_onderzoek_bij(wmozaak, wmo, behoefte="Kan de trap niet meer op.", zrm_financien=4)
    onderzoek.werk_onderzoek_bij(wmozaak, wmo, behoefte="Kan de trap en de drempels niet meer over.",
                                 participatieladder=2, beschrijving="Huisbezoek met dochter.")
    versies = list(OnderzoekVersie.objects.filter(zaak=wmozaak).order_by("nummer"))
    assert [v.nummer for v in versies] == [1, 2, 3]
    basis, eerste, tweede = versies
    assert basis.inhoud["behoefte"] == "" and basis.inhoud["gesprekdatum"] == "2026-01-12"
    assert basis.toelichting == onderzoek.OPEN_TOELICHTING and basis.door == wmo
    assert eerste.inhoud["behoefte"] == "Kan de trap niet meer op." and eerste.inhoud["zrm_financien"] == 4
    assert eerste.inhoud["participatieladder"] is None
    assert eerste.gewijzigde_velden == ["behoefte", "zrm_financien"] and eerste.door == wmo
    assert tweede.inhoud["behoefte"] == "Kan de trap en de drempels niet meer over."
    assert tweede.gewijzigde_velden == ["behoefte", "beschrijving", "participatieladder"]
    assert set(tweede.inhoud) == set(onderzoek.ONDERZOEK_INHOUD)
    # A save without change is no new version.
    onderzoek.werk_onderzoek_bij(wmozaak, wmo, behoefte="Kan de trap en de drempels niet meer over.")
    assert OnderzoekVersie.objects.filter(zaak=wmozaak).count() == 3
    assert "versie 3" in AuditRegel.objects.filter(zaak=wmozaak, onderwerp="onderzoek").order_by("id")[1].toelichting


def test_eerste_vastlegging_in_de_service_is_versie_1(maak_zaak, jeugd):
    # A Jeugdwet aanvraag may come in without melding (art. 2:5 lid 1); the report is then first recorded here.
    zaak = maak_zaak(jeugd, regeling="jeugdhulp")
    procedure.voer_uit(zaak, Status.AANVRAAG, jeugd, datum=dt.date(2026, 1, 12))
    zaak.refresh_from_db()
    onderzoek.werk_onderzoek_bij(zaak, jeugd, gesprekdatum=dt.date(2026, 1, 13), behoefte="Hulp bij opvoeding.")
    (v,) = OnderzoekVersie.objects.filter(zaak=zaak)
    assert v.nummer == 1 and v.toelichting == "" and "behoefte" in v.gewijzigde_velden
    assert v.inhoud["gesprekdatum"] == "2026-01-13"


def test_plan_versies(wmozaak, wmo):
    onderzoek.werk_onderzoek_bij(wmozaak, wmo, **{veld: f"Besproken: {veld}." for veld in CHECKLIST})
    procedure.voer_uit(wmozaak, Status.ONDERSTEUNINGSPLAN, wmo, datum=dt.date(2026, 1, 12))
    wmozaak.refresh_from_db()
    plan = onderzoek.stel_plan_op(wmozaak, wmo, afspraken="Traplift aanvragen.")
    onderzoek.werk_plan_bij(wmozaak, wmo, afspraken="Traplift en drempelhulpen.", verstrekt_op=dt.date(2026, 1, 14))
    eerste, tweede = PlanVersie.objects.filter(plan=plan).order_by("nummer")
    assert eerste.inhoud["afspraken"] == "Traplift aanvragen." and eerste.inhoud["verstrekt_op"] is None
    assert tweede.inhoud == {"onderzoek": plan.onderzoek_id, "afspraken": "Traplift en drempelhulpen.",
                             "verstrekt_op": "2026-01-14", "ondertekend_op": None}
    assert tweede.gewijzigde_velden == ["afspraken", "verstrekt_op"]


def test_een_mislukte_wijziging_laat_geen_versie_achter(wmozaak, wmo):
    from django.core.exceptions import ValidationError

    onderzoek.werk_onderzoek_bij(wmozaak, wmo, behoefte="Eerste tekst.")
    with pytest.raises(ValidationError):
        onderzoek.werk_onderzoek_bij(wmozaak, wmo, behoefte="Nieuw", laatste_gesprekdatum=dt.date(2026, 1, 1))
    assert [v.inhoud["behoefte"] for v in OnderzoekVersie.objects.filter(zaak=wmozaak).order_by("nummer")] == ["", "Eerste tekst."]
    assert wmozaak.huidig_onderzoek().behoefte == "Eerste tekst."


def test_versies_kunnen_niet_worden_gewijzigd_of_verwijderd(wmozaak, wmo):
    onderzoek.werk_onderzoek_bij(wmozaak, wmo, behoefte="Oorspronkelijke tekst.")
    v = OnderzoekVersie.objects.filter(zaak=wmozaak).order_by("-nummer").first()
    v.inhoud = {**v.inhoud, "behoefte": "Vervalst."}
    for poging in (v.save, v.delete, OnderzoekVersie.objects.filter(pk=v.pk).delete,
                   lambda: OnderzoekVersie.objects.filter(pk=v.pk).update(inhoud={}),
                   PlanVersie.objects.all().delete):
        with pytest.raises(ProcedureFout) as fout:
            poging()
        assert fout.value.code == "onveranderlijk"
    v.refresh_from_db()
    assert v.inhoud["behoefte"] == "Oorspronkelijke tekst."
    assert OnderzoekVersie.objects.filter(zaak=wmozaak).count() == 2


def test_zaakpagina_toont_eerdere_versies_en_de_versie_zelf(wmozaak, wmo):
    onderzoek.werk_onderzoek_bij(wmozaak, wmo, behoefte="Oude behoefte.", zrm_financien=3)
    onderzoek.werk_onderzoek_bij(wmozaak, wmo, behoefte="Nieuwe behoefte.")
    c = client_voor(wmo)
    pagina = c.get(f"/zaken/{wmozaak.pk}/").content.decode()
    assert "Eerdere versies" in pagina and "(3)" in pagina
    assert "a. behoefte, persoonskenmerken en voorkeuren" in pagina  # changed fields by their label
    oud = OnderzoekVersie.objects.get(zaak=wmozaak, nummer=2)
    assert f"/zaken/{wmozaak.pk}/onderzoek/versies/{oud.pk}/" in pagina
    antwoord = c.get(f"/zaken/{wmozaak.pk}/onderzoek/versies/{oud.pk}/")
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Oude behoefte." in tekst and "Nieuwe behoefte." not in tekst and "versie 2" in tekst
    regel = AuditRegel.objects.filter(gebruiker=wmo, zaak=wmozaak, onderwerp="onderzoekversie").get()
    assert regel.toegestaan and regel.actie == "view"
    # A version of another zaak is not reachable through this zaak.
    assert c.get(f"/zaken/{wmozaak.pk}/onderzoek/versies/999999/").status_code == 404


def test_plan_versie_op_de_pagina(wmozaak, wmo):
    onderzoek.werk_onderzoek_bij(wmozaak, wmo, **{veld: f"Besproken: {veld}." for veld in CHECKLIST})
    procedure.voer_uit(wmozaak, Status.ONDERSTEUNINGSPLAN, wmo, datum=dt.date(2026, 1, 12))
    wmozaak.refresh_from_db()
    onderzoek.stel_plan_op(wmozaak, wmo, afspraken="Eerste afspraken.")
    onderzoek.werk_plan_bij(wmozaak, wmo, afspraken="Tweede afspraken.")
    c = client_voor(wmo)
    assert 'id="plan-versies"' in c.get(f"/zaken/{wmozaak.pk}/").content.decode()
    eerste = PlanVersie.objects.get(zaak=wmozaak, nummer=1)
    tekst = c.get(f"/zaken/{wmozaak.pk}/plan/versies/{eerste.pk}/").content.decode()
    assert "Eerste afspraken." in tekst and "Tweede afspraken." not in tekst


def test_jeugdconsulent_leest_geen_versies_van_een_wmozaak(wmozaak, wmo, jeugd, api):
    onderzoek.werk_onderzoek_bij(wmozaak, wmo, behoefte="Vertrouwelijk.")
    v = OnderzoekVersie.objects.filter(zaak=wmozaak).first()
    antwoord = client_voor(jeugd).get(f"/zaken/{wmozaak.pk}/onderzoek/versies/{v.pk}/")
    assert antwoord.status_code == 404 and "Vertrouwelijk." not in antwoord.content.decode()  # invisible: like missing
    r = api(jeugd).get(f"{V1}/zaken/{wmozaak.pk}/onderzoek/versies/")
    assert r.status_code == 404 and "Vertrouwelijk." not in r.content.decode()
    assert api(jeugd).get(f"{V1}/zaken/{wmozaak.pk}/ondersteuningsplan/versies/").status_code == 404
    geweigerd = AuditRegel.objects.filter(gebruiker=jeugd, zaak=wmozaak, toegestaan=False)
    assert {r.onderwerp for r in geweigerd} >= {"onderzoekversie", "onderzoekversies"}


def test_api_toont_versies_alleen_lezen(wmozaak, wmo, api):
    c = api(wmo)
    url = f"{V1}/zaken/{wmozaak.pk}/onderzoek/"
    for tekst in ("Eerste tekst.", "Tweede tekst."):
        r = c.patch(url, data=json.dumps({"behoefte": tekst}), content_type="application/json")
        assert r.status_code == 200, r.json()
    r = c.get(f"{url}versies/")
    assert r.status_code == 200
    assert r.json()["count"] == 3  # paginated like every list
    versies = r.json()["results"]
    assert [v["nummer"] for v in versies] == [1, 2, 3]
    assert [v["inhoud"]["behoefte"] for v in versies] == ["", "Eerste tekst.", "Tweede tekst."]
    assert versies[2]["door"] == wmo.get_username() and versies[2]["gewijzigde_velden"] == ["behoefte"]
    for methode in (c.post, c.put, c.patch, c.delete):
        assert methode(f"{url}versies/", data="{}", content_type="application/json").status_code == 405
    assert OnderzoekVersie.objects.filter(zaak=wmozaak).count() == 3
    assert AuditRegel.objects.filter(gebruiker=wmo, zaak=wmozaak, onderwerp="onderzoekversies", toegestaan=True).exists()
    assert c.get(f"{V1}/zaken/{wmozaak.pk}/ondersteuningsplan/versies/").json()["results"] == []
