"""The regie API (issue 12, point 7): the same plans, view and services as the pages. Per-person access: the
regisseur and the escalation person see the plan; a consulent with a zaak of the household gets 403, anyone
without one 404 like a missing id, each refusal audited; bad input answers 400 in Dutch naming the field."""

from __future__ import annotations

import datetime as dt

import pytest
from rest_framework.test import APIClient

from maatwerk.regie import services
from maatwerk.regie.models import Doorverwijzing, Escalatie, Huishoudplan
from maatwerk.toegang.models import AuditRegel
from maatwerk.zaken.models import Bevinding

from .test_regie import gezin  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
D = dt.date
PLANNEN = "/api/v1/regie/plannen/"


def _api(user) -> APIClient:
    c = APIClient()
    c.force_authenticate(user)
    return c


def _invoer(zaak, regisseur, baas, /, **anders) -> dict:
    d = {"zaak": zaak.pk, "regisseur": regisseur.username, "escalatie_naar": baas.username,
         "escalatie_functie": "teamleider sociaal domein", "doelen": "Tim gaat weer naar school.",
         "toestemming_op": "2026-09-01", "toestemming_kenmerk": "TST-REGIE-API"}
    d.update(anders)
    return d


@pytest.fixture
def baas(maak_gebruiker):
    return maak_gebruiker("teamleider_api", "beleidsmedewerker")


@pytest.fixture
def plan(gezin, wmo, jeugd, baas):  # noqa: F811
    hh, zw, zj = gezin
    return services.maak_plan(wmo, huishouden=hh, regisseur=jeugd, escalatie_naar=baas,
                              escalatie_functie="teamleider sociaal domein", doelen="Tim gaat weer naar school.",
                              toestemming_op=D(2026, 9, 1), toestemming_kenmerk="TST-REGIE-API")


def test_plan_maken_via_de_api_en_dan_zien_als_regisseur(gezin, wmo, jeugd, baas):  # noqa: F811
    hh, zw, zj = gezin
    antwoord = _api(wmo).post(PLANNEN, _invoer(zw, jeugd, baas), format="json")
    assert antwoord.status_code == 201, antwoord.content
    plan = Huishoudplan.objects.get(huishouden=hh)
    assert antwoord.json()["id"] == plan.pk and plan.regisseur == jeugd and plan.aangemaakt_door == wmo
    assert AuditRegel.objects.filter(gebruiker=wmo, onderwerp="huishoudplan", actie="create", toegestaan=True).exists()
    # The maker is not the regisseur: he does not see the plan in his list (as the page).
    assert _api(wmo).get(PLANNEN).json()["count"] == 0
    lijst = _api(jeugd).get(PLANNEN).json()
    assert [p["id"] for p in lijst["results"]] == [plan.pk] and lijst["results"][0]["regisseur"] == "jeugd1"
    tweede = _api(wmo).post(PLANNEN, _invoer(zw, jeugd, baas), format="json")
    assert tweede.status_code == 400 and "één plan" in tweede.json()["huishouden"][0]


def test_detail_toont_alleen_wat_het_plan_nodig_heeft(plan, gezin, jeugd, baas):  # noqa: F811
    hh, zw, zj = gezin
    Bevinding.objects.create(zaak=zj, criterium="hulpvraag", waarde="ja", motivering="GEHEIM-JEUGD-DETAIL", door=jeugd)
    for user in (jeugd, baas):
        antwoord = _api(user).get(f"{PLANNEN}{plan.pk}/")
        assert antwoord.status_code == 200
        data = antwoord.json()
        assert "GEHEIM-JEUGD-DETAIL" not in antwoord.content.decode()
        assert [z["domein"] for z in data["zaken"]] == ["Wmo", "Jeugd"]
        assert set(data["zaken"][0]) == {"regeling", "domein", "status", "stappen", "termijnen"}
        assert data["huishouden"] == hh.naam and data["doelen"] == "Tim gaat weer naar school."
        assert AuditRegel.objects.filter(gebruiker=user, onderwerp="huishoudplan", toegestaan=True,
                                         toelichting=f"plan {plan.pk}").exists()


def test_doorverwijzing_en_escalaties(plan, gezin, jeugd, baas, wmo):  # noqa: F811
    c = _api(jeugd)
    fout = c.post(f"{PLANNEN}{plan.pk}/doorverwijzingen/", {"van_domein": "jeugd", "naar_domein": "jeugd",
                                                            "datum": "2026-11-02", "reden": "x"}, format="json")
    assert fout.status_code == 400 and "Kies een ander domein" in fout.json()["naar_domein"][0]
    goed = c.post(f"{PLANNEN}{plan.pk}/doorverwijzingen/", {"van_domein": "jeugd", "naar_domein": "wmo",
                                                            "datum": "2026-11-02", "reden": "Begeleiding ouder."},
                  format="json")
    assert goed.status_code == 201 and goed.json()["door"] == "jeugd1"
    assert Doorverwijzing.objects.filter(plan=plan).count() == 1
    # A consulent of the household who is not the regisseur: 403 with the reason, nothing recorded.
    wmo_poging = _api(wmo).post(f"{PLANNEN}{plan.pk}/doorverwijzingen/", {
        "van_domein": "wmo", "naar_domein": "jeugd", "datum": "2026-11-03", "reden": "Zomaar."}, format="json")
    assert wmo_poging.status_code == 403 and "niet de regisseur" in wmo_poging.json()["detail"]
    assert Doorverwijzing.objects.filter(plan=plan).count() == 1
    services.signaleer(D(2026, 12, 7))
    esc = Escalatie.objects.get(plan=plan)
    for user in (jeugd, baas):
        for pad in ("/api/v1/regie/escalaties/", f"/api/v1/regie/escalaties/?plan={plan.pk}"):
            data = _api(user).get(pad).json()
            assert [e["id"] for e in data["results"]] == [esc.pk] and data["results"][0]["naar"] == baas.username
            assert data["results"][0]["signalen"][0]["soort"] in ("stilstand", "termijn", "pingpong")
    assert _api(wmo).get("/api/v1/regie/escalaties/").json()["count"] == 0
    assert _api(wmo).get(f"/api/v1/regie/escalaties/?plan={plan.pk}").status_code == 403
    assert _api(jeugd).get("/api/v1/regie/escalaties/?plan=twee").status_code == 400
    assert _api(jeugd).get("/api/v1/regie/escalaties/?plan=999999").status_code == 404


@pytest.mark.parametrize("rol", ["consulent_inkomen", "consulent_wmo", "kwaliteitsmedewerker", "beheerder", "jurist",
                                 "beleidsmedewerker", "handhaver"])
def test_zonder_zaak_van_het_huishouden_404_en_geaudit(rol, plan, maak_gebruiker):
    """A colleague who may see no zaak of this household (it has a Wmo and a Jeugd zaak) gets 404 on every route,
    like a missing id; a consulent Wmo may see its Wmo zaak, so he learns why: 403. Both audited."""
    ander = maak_gebruiker(f"nieuwsgierig_{rol}", rol)
    c = _api(ander)
    verwacht = 403 if rol == "consulent_wmo" else 404
    assert c.get(f"{PLANNEN}{plan.pk}/").status_code == verwacht
    assert c.post(f"{PLANNEN}{plan.pk}/doorverwijzingen/", {"van_domein": "wmo", "naar_domein": "jeugd",
                                                            "datum": "2026-11-03", "reden": "Zomaar."},
                  format="json").status_code == verwacht
    assert c.get(f"/api/v1/regie/escalaties/?plan={plan.pk}").status_code == verwacht
    assert c.get(PLANNEN).json()["count"] == 0
    assert not Doorverwijzing.objects.filter(plan=plan).exists()
    assert AuditRegel.objects.filter(gebruiker=ander, onderwerp="huishoudplan", toegestaan=False).count() == 3
    # The 404 answers exactly like an id that does not exist.
    if verwacht == 404:
        assert c.get(f"{PLANNEN}{plan.pk}/").json() == c.get(f"{PLANNEN}999999/").json()


@pytest.mark.parametrize("veld, waarde, melding", [
    ("regisseur", "bestaat_niet", "Onbekende gebruiker voor regisseur"),
    ("escalatie_naar", "", "Kies de persoon met doorzettingsmacht."),
    ("toestemming_op", "1-9-2026", "geen geldige datum"),
    ("stilstand_dagen", 0, "1 tot 365"),
    ("stilstand_dagen", "veel", "heel aantal"),
    ("doelen", "", "doelen"),
    ("zaak", "een", "geheel getal"),
    ("escalatie_naar", "jeugd1", "doorzettingsmacht"),  # the service's rule: someone other than the regisseur
    # A NUL byte in a username: PostgreSQL refuses it even in a look-up (found by the fuzzer as a 500).
    ("regisseur", "jeugd\x001", "Geef de gebruikersnaam van de regisseur"),
    ("escalatie_naar", ["baas"], "Geef de gebruikersnaam van de persoon met doorzettingsmacht"),
])
def test_foute_invoer_400_met_het_veld(veld, waarde, melding, gezin, wmo, jeugd, baas):  # noqa: F811
    hh, zw, zj = gezin
    invoer = _invoer(zw, jeugd, baas)
    invoer[veld] = waarde
    antwoord = _api(wmo).post(PLANNEN, invoer, format="json")
    assert antwoord.status_code == 400, antwoord.content
    assert melding in antwoord.json()[veld][0]
    assert not Huishoudplan.objects.exists()


def test_ontbrekende_velden_en_geen_json(gezin, wmo):  # noqa: F811
    c = _api(wmo)
    leeg = c.post(PLANNEN, {}, format="json")
    assert leeg.status_code == 400
    assert {"zaak", "regisseur", "escalatie_naar", "doelen", "toestemming_op"} <= set(leeg.json())
    assert leeg.json()["regisseur"] == ["Kies de regisseur (een consulent)."]
    assert c.post(PLANNEN, "geen json", content_type="application/json").status_code == 400
    assert c.post(PLANNEN, [1, 2], format="json").status_code == 400


def test_plan_maken_geweigerd_buiten_het_huishouden(gezin, jeugd, baas, maak_gebruiker):  # noqa: F811
    hh, zw, zj = gezin
    inkomen = maak_gebruiker("consulent_inkomen_api", "consulent_inkomen")
    # The Wmo zaak is invisible to a consulent Inkomen: 400 on the field, exactly like a zaak that does not exist.
    onzichtbaar = _api(inkomen).post(PLANNEN, _invoer(zw, jeugd, baas), format="json")
    onbekend = _api(inkomen).post(PLANNEN, _invoer(zw, jeugd, baas, zaak=999999), format="json")
    assert onzichtbaar.status_code == onbekend.status_code == 400
    assert onzichtbaar.json()["zaak"][0].startswith("Onbekende zaak") and onbekend.json()["zaak"][0].startswith("Onbekende zaak")
    # A beleidsmedewerker sees no zaak, so he makes no plan either.
    assert _api(baas).post(PLANNEN, _invoer(zw, jeugd, baas), format="json").json()["zaak"][0].startswith("Onbekende")
    assert not Huishoudplan.objects.exists()
    assert AuditRegel.objects.filter(gebruiker=inkomen, onderwerp="zaak (verwijzing)", toegestaan=False).exists()


def test_consulent_wmo_zonder_zaak_van_het_huishouden_krijgt_404(jeugd, wmo, baas):
    """Issue 12 point 7 / docs/adviesraad.md "Waarom toegang per persoon": a consulent Wmo who is neither regisseur
    nor escalation person, and may see no zaak of the household (it has only a Jeugd zaak), gets 404 on the plan
    in the API and on the page, the same answer as for a plan that does not exist; each refusal is audited."""
    from django.test import Client

    from maatwerk.personen.models import Huishoudlid, Huishouden, Inwoner
    from maatwerk.toegang.beleid import Grond
    from maatwerk.toegang.models import SoortGrond
    from maatwerk.zaken.services import registreer_melding

    from .test_regie import bsn_met_elfproef

    hh = Huishouden.objects.create(naam="Huishouden Alleenjeugd")
    kind = Inwoner.objects.create(bsn=bsn_met_elfproef(883_001), voornamen="Lot", achternaam="Alleenjeugd",
                                  geboortedatum="2014-01-01", straat="Kerkstraat", huisnummer=8, postcode="2651 AB",
                                  woonplaats="Berkel en Rodenrijs")
    Huishoudlid.objects.create(huishouden=hh, inwoner=kind, rol="kind", relatie="kind")
    registreer_melding(jeugd, huishouden=hh, hoofdpersoon=kind, regeling="jeugdhulp", omschrijving="Jeugdhulp",
                       ontvangen_op=D(2026, 11, 2), kosten=None, grond=Grond(True, SoortGrond.ROL, "test"))
    plan = services.maak_plan(jeugd, huishouden=hh, regisseur=jeugd, escalatie_naar=baas,
                              escalatie_functie="teamleider sociaal domein", doelen="Lot gaat weer naar school.",
                              toestemming_op=D(2026, 11, 2), toestemming_kenmerk="TST-ALLEENJEUGD")
    api = _api(wmo)
    bestaat_niet = api.get(f"{PLANNEN}{plan.pk + 1000}/")
    gezien = api.get(f"{PLANNEN}{plan.pk}/")
    assert gezien.status_code == bestaat_niet.status_code == 404 and gezien.json() == bestaat_niet.json()
    assert api.post(f"{PLANNEN}{plan.pk}/doorverwijzingen/", {"van_domein": "wmo", "naar_domein": "jeugd",
                                                              "datum": "2026-11-03", "reden": "Zomaar."},
                    format="json").status_code == 404
    assert api.get("/api/v1/regie/escalaties/", {"plan": plan.pk}).status_code == 404
    pagina = Client()
    pagina.force_login(wmo)
    assert pagina.get(f"/regie/{plan.pk}/").status_code == 404
    assert pagina.post(f"/regie/{plan.pk}/doorverwijzing/", {"van_domein": "wmo", "naar_domein": "jeugd",
                                                             "datum": "2026-11-03", "reden": "Zomaar."}).status_code == 404
    assert "Alleenjeugd" not in pagina.get("/regie/").content.decode()
    assert not Doorverwijzing.objects.filter(plan=plan).exists()
    assert AuditRegel.objects.filter(gebruiker=wmo, onderwerp="huishoudplan", toegestaan=False).count() == 5
    # The regisseur still sees it: the 404 is about who asks, not about the plan.
    assert _api(jeugd).get(f"{PLANNEN}{plan.pk}/").status_code == 200
