"""REST API /api/v1/: auth, Dutch 400s with field errors, 403/404/409, never a 500."""

from __future__ import annotations

import json

import pytest
from knox.models import AuthToken

from maatwerk.zaken.wmo_criteria import GUNSTIG
from maatwerk.toegang.models import AuditRegel
from maatwerk.zaken.models import Status, Zaak

pytestmark = pytest.mark.django_db
V1 = "/api/v1"

INWONER = {
    "bsn": "111222333", "voornamen": "Anna", "achternaam": "de Vries", "geboortedatum": "1950-04-01",
    "straat": "Raadhuisplein", "huisnummer": 1, "postcode": "2651ab", "woonplaats": "Berkel en Rodenrijs",
}


def _post(client, url, data):
    return client.post(url, data=json.dumps(data), content_type="application/json")


def _patch(client, url, data):
    return client.patch(url, data=json.dumps(data), content_type="application/json")


def _intake_jeugd(client, regeling="jeugdhulp") -> int:
    """The intake route for the INWONER registered by another domain (issue 7); returns the zaak id."""
    r = _post(client, f"{V1}/intakes/", {"regeling": regeling, "bsn": INWONER["bsn"], "geboortedatum": INWONER["geboortedatum"],
                                         "reden": "De inwoner meldt zich aan de balie met een vraag over zijn kind."})
    assert r.status_code == 201, r.json()
    return r.json()["id"]


def _intake(client) -> tuple[int, int, int]:
    """Inwoner, household and Wmo zaak through the API; returns their ids."""
    r = _post(client, f"{V1}/inwoners/", INWONER)
    assert r.status_code == 201, r.json()
    inwoner = r.json()["id"]
    assert r.json()["postcode"] == "2651 AB"
    r = _post(client, f"{V1}/huishoudens/", {"naam": "Huishouden De Vries", "aanvrager": inwoner})
    assert r.status_code == 201, r.json()
    huishouden = r.json()["id"]
    r = _post(client, f"{V1}/zaken/", {"regeling": "wmo_maatwerkvoorziening", "huishouden": huishouden,
                                       "hoofdpersoon": inwoner, "ontvangen_op": "2026-01-05",
                                       "omschrijving": "Traplift gevraagd"})
    assert r.status_code == 201, r.json()
    assert r.json()["domein"] == "wmo" and r.json()["status"] == "melding"
    return inwoner, huishouden, r.json()["id"]


def test_zonder_inloggen_401_in_het_nederlands(api):
    r = api().get(f"{V1}/zaken/")
    assert r.status_code == 401
    assert r.json()["detail"] == "U bent niet ingelogd."


def test_token_authenticatie(api, wmo):
    _, token = AuthToken.objects.create(user=wmo)
    c = api()
    c.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert c.get(f"{V1}/zaken/").status_code == 200
    c.credentials(HTTP_AUTHORIZATION="Token onjuist")
    assert c.get(f"{V1}/zaken/").status_code == 401


def test_token_ophalen(api, wmo):
    r = _post(api(), f"{V1}/token/", {"username": "wmo1", "password": "geheim-wachtwoord-123"})
    assert r.status_code == 200 and r.json()["token"]
    r = _post(api(), f"{V1}/token/", {"username": "wmo1", "password": "fout"})
    assert r.status_code == 400


def test_volledige_wmo_procedure_via_api(api, wmo, wmo_natura):
    c = api(wmo)
    inwoner, huishouden, zaak = _intake(c)
    z = f"{V1}/zaken/{zaak}"
    r = _post(c, f"{z}/overgang/", {"naar": "onderzoek", "datum": "2026-01-12"})
    assert r.status_code == 200 and r.json()["meldingsdatum"] == "2026-01-12"
    assert r.json()["overgang"]["grondslag"].startswith("Verordening Sociaal Domein 2018, artikel 2:1")
    r = _patch(c, f"{z}/onderzoek/", {"behoefte": "Kan de trap niet meer op.", "zrm_financien": 4,
                                     "participatieladder": 2, "aanwezigen": "Mevrouw en haar dochter."})
    assert r.status_code == 200 and r.json()["zrm_financien"] == 4
    assert len(r.json()["ontbrekende_checklist"]) == 8
    r = _post(c, f"{z}/overgang/", {"naar": "ondersteuningsplan", "datum": "2026-01-13"})
    assert r.status_code == 409 and "artikel 2:4, eerste lid" in r.json()["detail"]
    velden = {v: "Besproken in het gesprek." for v in ["gewenst_resultaat", "eigen_kracht", "mantelzorg_netwerk",
              "ondersteuning_mantelzorger", "algemene_voorzieningen", "maatwerkvoorziening", "samenwerking",
              "levensovertuiging"]}
    assert _patch(c, f"{z}/onderzoek/", velden).status_code == 200
    r = _post(c, f"{z}/clientreacties/", {"tekst": "Ik wil liever een traplift dan verhuizen.", "ontvangen_op": "2026-01-13"})
    assert r.status_code == 201
    assert c.get(f"{z}/onderzoek/").json()["clientreacties"][0]["tekst"].startswith("Ik wil liever")
    assert _post(c, f"{z}/overgang/", {"naar": "ondersteuningsplan", "datum": "2026-01-13"}).status_code == 200
    r = _post(c, f"{z}/ondersteuningsplan/", {"afspraken": "Traplift; dochter helpt met boodschappen.",
                                              "ondertekend_op": "2026-01-14"})
    assert r.status_code == 201
    r = _post(c, f"{z}/overgang/", {"naar": "aanvraag", "datum": "2026-01-15", "via": "ondertekend_plan"})
    assert r.status_code == 200 and r.json()["status"] == "aanvraag"
    assert _post(c, f"{z}/overgang/", {"naar": "beoordeling", "datum": "2026-01-15"}).status_code == 200
    criteria = c.get(f"{V1}/regelingen/").json()["results"]
    wmo_criteria = next(r for r in criteria if r["code"] == "wmo_maatwerkvoorziening")["criteria"]
    for crit in wmo_criteria:
        r = _post(c, f"{z}/bevindingen/", {"criterium": crit["code"], "waarde": GUNSTIG.get(crit["code"], "ja"),
                                           "motivering": "Vastgesteld bij het huisbezoek op 12 januari."})
        assert r.status_code == 201, r.json()
    r = _post(c, f"{z}/overgang/", {"naar": "klaar_voor_besluit", "datum": "2026-01-16", "uitkomst": "toegekend",
                                    "bedrag": "8500.00"})
    assert r.status_code == 200 and r.json()["voorstel_bedrag"] == "8500.00"
    assert c.get(f"{z}/vier-ogen/").json() == {"vereist": False, "redenen": [], "goedgekeurd": False,
                                               "goedkeuring": None, "vervallen": None}
    # The decision is not a bare status change: it is a besluit with its letter (Awb 3:46).
    r = _post(c, f"{z}/overgang/", {"naar": "besluit", "datum": "2026-01-16"})
    assert r.status_code == 409 and r.json()["code"] == "besluit_vereist"
    assert "Besluiten en brieven" in r.json()["detail"] and "artikel 3:46" in r.json()["detail"]
    pk = _besluit_via_api(c, zaak, wmo_natura)
    r = _post(c, f"{V1}/besluiten/{pk}/vaststellen/", {"datum": "2026-01-16"})
    assert r.status_code == 200, r.json()
    r = c.get(f"{z}/")
    assert r.json()["status"] == "besluit" and r.json()["besluit_uitkomst"] == "toegekend"
    assert r.json()["besluit_bedrag"] == "8500.00" and r.json()["besluitdatum"] == "2026-01-16"
    stappen = [s["naar"] for s in c.get(f"{z}/overgangen/").json()["results"]]
    assert stappen == ["melding", "onderzoek", "ondersteuningsplan", "aanvraag", "beoordeling", "klaar_voor_besluit", "besluit"]
    termijnen = c.get(f"{z}/termijnen/").json()["results"]
    assert [t["regel_id"] for t in termijnen] == ["termijn.wmo.onderzoek", "termijn.wmo.beschikking"]


def _besluit_via_api(c, zaak: int, inhoud: dict) -> int:
    """A complete concept besluit (`inhoud`: the wmo_natura fixture, Verordening artikel 4:6) via /besluiten/."""
    r = _post(c, f"{V1}/besluiten/", {"zaak": zaak})
    assert r.status_code == 201, r.json()
    pk = r.json()["id"]
    velden = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in inhoud.items()}
    assert _patch(c, f"{V1}/besluiten/{pk}/", velden).status_code == 200
    return pk


def test_wmo_consulent_krijgt_404_op_jeugdzaak(api, wmo, jeugd):
    cj = api(jeugd)
    _, huishouden, _ = _intake(api(wmo))
    inwoner = Zaak.objects.get().hoofdpersoon
    # The household is Wmo's: the Jeugd consulent cannot simply open a zaak on it (issue 7) ...
    r = _post(cj, f"{V1}/zaken/", {"regeling": "jeugdhulp", "huishouden": huishouden, "hoofdpersoon": inwoner.pk})
    assert r.status_code == 400 and r.json() == {"huishouden": [f"Onbekende huishouden ({huishouden})."]}
    # ... only through the intake route, with proof that the inwoner is present and a reason.
    jeugdzaak = _intake_jeugd(cj)
    cw = api(wmo)
    for pad in ["", "overgangen/", "bevindingen/", "onderzoek/", "termijnen/"]:
        r = cw.get(f"{V1}/zaken/{jeugdzaak}/{pad}")
        assert r.status_code == 404, pad  # invisible answers like missing
        assert r.json() == {"detail": "Niet gevonden."}
    r = _post(cw, f"{V1}/zaken/{jeugdzaak}/overgang/", {"naar": "onderzoek"})
    assert r.status_code == 404
    ids = [z["id"] for z in cw.get(f"{V1}/zaken/").json()["results"]]
    assert jeugdzaak not in ids
    assert AuditRegel.objects.filter(zaak_id=jeugdzaak, gebruiker=wmo, toegestaan=False).count() == 6


def test_wmo_consulent_kan_geen_jeugdzaak_aanmaken(api, wmo):
    c = api(wmo)
    inwoner, huishouden, _ = _intake(c)
    r = _post(c, f"{V1}/zaken/", {"regeling": "jeugdhulp", "huishouden": huishouden, "hoofdpersoon": inwoner})
    assert r.status_code == 403 and "domein Jeugd" in r.json()["detail"]


def test_ongeldig_bsn_400_met_veldfout(api, wmo):
    r = _post(api(wmo), f"{V1}/inwoners/", {**INWONER, "bsn": "123456789"})
    assert r.status_code == 400
    assert r.json() == {"bsn": ["BSN: '123456789' is geen geldig burgerservicenummer (voldoet niet aan de elfproef)."]}


def test_onleesbare_json_400(api, wmo):
    r = api(wmo).post(f"{V1}/inwoners/", data="{bsn: 1,", content_type="application/json")
    assert r.status_code == 400 and r.json()["detail"] == "De invoer is geen geldige JSON."


def test_verkeerde_types_geven_nederlandse_veldfouten(api, wmo):
    r = _post(api(wmo), f"{V1}/inwoners/", {**INWONER, "huisnummer": "een", "geboortedatum": "gisteren"})
    assert r.status_code == 400
    assert r.json()["huisnummer"] == ["Een geldig getal is vereist."]
    assert "formaat" in r.json()["geboortedatum"][0]
    r = _post(api(wmo), f"{V1}/inwoners/", {})
    assert r.status_code == 400 and r.json()["bsn"] == ["Dit veld is vereist."]


def test_geboortedatum_in_de_toekomst(api, wmo):
    r = _post(api(wmo), f"{V1}/inwoners/", {**INWONER, "geboortedatum": "2999-01-01"})
    assert r.status_code == 400 and "toekomst" in r.json()["geboortedatum"][0]


def test_onbekende_ids(api, wmo):
    c = api(wmo)
    assert c.get(f"{V1}/zaken/999999/").status_code == 404
    assert c.get(f"{V1}/zaken/99999999999999999999999/").status_code == 404
    assert c.get(f"{V1}/zaken/abc/").status_code == 404
    r = _post(c, f"{V1}/zaken/", {"regeling": "wmo_maatwerkvoorziening", "huishouden": 999999, "hoofdpersoon": 1})
    assert r.status_code == 400 and "huishouden" in r.json()
    r = _post(c, f"{V1}/zaken/", {"regeling": "wmo_maatwerkvoorziening", "huishouden": 10**30, "hoofdpersoon": 1})
    assert r.status_code == 400
    r = _post(c, f"{V1}/huishoudens/", {"naam": "X", "aanvrager": 10**30})
    assert r.status_code == 400


def test_illegale_overgang_409(api, wmo):
    c = api(wmo)
    _, _, zaak = _intake(c)
    r = _post(c, f"{V1}/zaken/{zaak}/overgang/", {"naar": "besluit"})
    assert r.status_code == 409
    assert r.json()["code"] == "ongeldige_overgang"
    assert r.json()["detail"].startswith("Van 'melding' naar 'besluit' is geen toegestane stap")
    r = _post(c, f"{V1}/zaken/{zaak}/overgang/", {"naar": "aanvraag"})
    assert r.status_code == 409 and "artikel 2:5, tweede lid" in r.json()["detail"]
    r = _post(c, f"{V1}/zaken/{zaak}/overgang/", {"naar": "vliegen"})
    assert r.status_code == 400 and "naar" in r.json()


def test_mogelijke_overgangen(api, wmo):
    c = api(wmo)
    _, _, zaak = _intake(c)
    naar = [o["naar"] for o in c.get(f"{V1}/zaken/{zaak}/mogelijke-overgangen/").json()["results"]]
    assert naar == ["onderzoek", "spoedvoorziening", "aanvraag", "ingetrokken"]


@pytest.mark.parametrize("status,naar", [(Status.KLAAR_VOOR_BESLUIT, "besluit"), (Status.AANVRAAG, "buiten_behandeling"),
                                         (Status.BEOORDELING, "buiten_behandeling")])
def test_beslissen_gaat_niet_via_overgang_maar_via_een_besluit(api, wmo, breng_in, maak_zaak, status, naar):
    zaak = breng_in(maak_zaak(wmo), status, wmo)
    z = f"{V1}/zaken/{zaak.pk}"
    mogelijk = [o["naar"] for o in api(wmo).get(f"{z}/mogelijke-overgangen/").json()["results"]]
    assert naar not in mogelijk and "ingetrokken" in mogelijk
    r = _post(api(wmo), f"{z}/overgang/", {"naar": naar, "reden": "De gegevens zijn niet aangevuld."})
    assert r.status_code == 409 and r.json()["code"] == "besluit_vereist"
    detail = r.json()["detail"]
    assert "Besluiten en brieven" in detail and ("artikel 4:5" if naar == "buiten_behandeling" else "artikel 3:46") in detail
    zaak.refresh_from_db()
    assert zaak.status == status


def test_auditlog_alleen_voor_beheerder(api, wmo, beheerder):
    _intake(api(wmo))
    assert api(wmo).get(f"{V1}/audit/").status_code == 403
    r = api(beheerder).get(f"{V1}/audit/", {"gebruiker": "wmo1", "actie": "create"})
    assert r.status_code == 200
    assert [x["onderwerp"] for x in r.json()["results"]] == ["zaak", "huishouden", "inwoner"]
    assert api(beheerder).get(f"{V1}/audit/", {"van": "gisteren"}).status_code == 400
    assert api(beheerder).get(f"{V1}/audit/", {"tot": "9999-12-31", "van": "0001-01-01"}).status_code == 200


def test_auditlog_van_inwoner_voor_eigen_consulent(api, wmo, wmo2, jeugd, beheerder):
    inwoner, _, _ = _intake(api(wmo))
    api(wmo2).get(f"{V1}/inwoners/{inwoner}/")  # a colleague in the same domain looks
    r = api(wmo).get(f"{V1}/inwoners/{inwoner}/audit/")
    assert r.status_code == 200
    gebruikers = {x["gebruikersnaam"] for x in r.json()["results"]}
    assert gebruikers == {"wmo1", "wmo2"}
    assert api(jeugd).get(f"{V1}/inwoners/{inwoner}/audit/").status_code == 404  # may not even see the inwoner
    assert api(beheerder).get(f"{V1}/inwoners/{inwoner}/audit/").status_code == 404


def test_lijsten_worden_gelogd(api, wmo):
    c = api(wmo)
    _, _, zaak = _intake(c)
    voor = AuditRegel.objects.count()
    assert [z["id"] for z in c.get(f"{V1}/zaken/").json()["results"]] == [zaak]
    assert AuditRegel.objects.count() == voor + 1
    regel = AuditRegel.objects.order_by("-id").first()
    assert (regel.actie, regel.zaak_id, regel.onderwerp) == ("view", zaak, "zaak (lijst)")


def test_schema_en_docs(api, wmo):
    r = api(wmo).get(f"{V1}/schema/")
    assert r.status_code == 200 and b"/api/v1/zaken/{id}/overgang/" in r.content
    assert api(wmo).get(f"{V1}/docs/").status_code == 200


def test_toestemming_via_api(api, wmo, jeugd):
    cw, cj = api(wmo), api(jeugd)
    inwoner, huishouden, _ = _intake(cw)
    jz = _intake_jeugd(cj)
    assert cw.get(f"{V1}/zaken/{jz}/").status_code == 404
    toestemming = {"inwoner": inwoner, "ontvanger": "wmo", "domein": "jeugd", "vorm": "schriftelijk", "bron": "ondertekend",
                   "documentkenmerk": "TOE-7", "doel": "Afstemming van traplift en jeugdhulp in één plan.",
                   "geldig_vanaf": "2026-01-05", "geldig_tot": "2026-12-31"}
    assert _post(cw, f"{V1}/toestemmingen/", toestemming).status_code == 403  # never for oneself
    r = _post(cj, f"{V1}/toestemmingen/", toestemming)  # the data's domain records it
    assert r.status_code == 201, r.json()
    assert cw.get(f"{V1}/zaken/{jz}/").status_code == 200
    assert _post(cw, f"{V1}/zaken/{jz}/overgang/", {"naar": "onderzoek"}).status_code == 403  # may see, not change
    assert _post(cw, f"{V1}/toestemmingen/{r.json()['id']}/intrekken/", {}).status_code == 200
    assert cw.get(f"{V1}/zaken/{jz}/").status_code == 404
    r = _post(cj, f"{V1}/toestemmingen/", {**toestemming, "vorm": "per duif", "doel": "x"})
    assert r.status_code == 400 and {"vorm"} <= set(r.json())


GARBAGE = [None, [], "tekst", 12, {"x": 1}, {"naar": None}, {"datum": "2026-02-30"}, {"bedrag": "NaN"},
           {"bedrag": "1e400"}, {"tekst": "\x00"}, {"maand": "0000-00"}, {"invoer": []}, {"invoer": {"huishouden": []}},
           {"criterium": ["a"], "waarde": {}, "motivering": 5}, {"akkoord": "misschien"}, {"zrm_financien": 9},
           {"participatieladder": -1}, {"soort": "hardheidsclausule", "reden": "x" * 100000},
           {"inwoner": "1; DROP TABLE", "ontvanger": 3}, {"ondertekend_op": "9999-12-31"}, {"maand": "2026-07", "invoer": {"personen": {"abc": 1}}},
           {"maand": "2026-07", "invoer": {"huishouden": {"\x00": "\x00"}, "personen": {"\x00": {}}}},
           {"maand": "2026-07", "invoer": {"huishouden": {"kostensoort": "\x00"}}}]


def test_geen_enkele_invoer_geeft_500(api, wmo, inkomen, beheerder):
    c = api(wmo)
    inwoner, huishouden, zaak = _intake(c)
    ci = api(inkomen)
    ci_zaak = _intake_jeugd(ci, regeling="bijzondere_bijstand")
    posts = [f"{V1}/inwoners/", f"{V1}/huishoudens/", f"{V1}/zaken/", f"{V1}/zaken/{zaak}/overgang/",
             f"{V1}/zaken/{zaak}/bevindingen/", f"{V1}/zaken/{zaak}/afwijkingen/", f"{V1}/zaken/{zaak}/clientreacties/",
             f"{V1}/zaken/{zaak}/ondersteuningsplan/", f"{V1}/zaken/{zaak}/goedkeuring/", f"{V1}/huishoudens/{huishouden}/leden/",
             f"{V1}/inwoners/{inwoner}/inkomens/", f"{V1}/inwoners/{inwoner}/vermogens/", f"{V1}/toestemmingen/",
             f"{V1}/wettelijke-grondslagen/", f"{V1}/huishoudens/{huishouden}/leden/1/beeindigen/"]
    for url in posts:
        for data in GARBAGE:
            r = c.post(url, data=json.dumps(data), content_type="application/json")
            assert r.status_code < 500, (url, data, r.status_code)
    for data in GARBAGE:
        for url in (f"{V1}/zaken/{ci_zaak}/berekeningen/", f"{V1}/zaken/{ci_zaak}/overgang/"):
            r = ci.post(url, data=json.dumps(data), content_type="application/json")
            assert r.status_code < 500, (url, data, r.status_code)
        for url in (f"{V1}/inwoners/{inwoner}/", f"{V1}/zaken/{zaak}/", f"{V1}/zaken/{zaak}/onderzoek/"):
            r = c.patch(url, data=json.dumps(data), content_type="application/json")
            assert r.status_code < 500, (url, data, r.status_code)
    for url in [f"{V1}/zaken/?status=x", f"{V1}/zaken/?page=abc", f"{V1}/inwoners/?bsn=%00", f"{V1}/inwoners/?bsn=12345678%00", f"{V1}/audit/?gebruiker=%00",
                f"{V1}/toestemmingen/?inwoner=abc", f"{V1}/toestemmingen/", f"{V1}/zaken/{zaak}/ondersteuningsplan/"]:
        assert c.get(url).status_code < 500, url
    for query in ["gebruiker=%00", "van=2026-13-01", "inwoner=-1", "zaak=99999999999999999999999", "actie=alles"]:
        assert api(beheerder).get(f"{V1}/audit/?{query}").status_code == 400, query
    r = c.post(f"{V1}/inwoners/", data="bsn=1", content_type="application/x-www-form-urlencoded")
    assert r.status_code == 415


def test_berekening_via_api(api, inkomen):
    c = api(inkomen)
    r = _post(c, f"{V1}/inwoners/", INWONER)
    inwoner = r.json()["id"]
    huishouden = _post(c, f"{V1}/huishoudens/", {"naam": "H", "aanvrager": inwoner}).json()["id"]
    assert _post(c, f"{V1}/inwoners/{inwoner}/inkomens/", {"maand": "2026-07", "netto_bedrag": "1100.00", "soort": "pensioen"}).status_code == 201
    assert _post(c, f"{V1}/inwoners/{inwoner}/inkomens/", {"maand": "2026-7", "netto_bedrag": "1"}).status_code == 400
    assert _post(c, f"{V1}/inwoners/{inwoner}/inkomens/", {"maand": "2026-07", "netto_bedrag": "-1"}).status_code == 400
    zaak = _post(c, f"{V1}/zaken/", {"regeling": "bijzondere_bijstand", "huishouden": huishouden, "hoofdpersoon": inwoner,
                                     "kosten": "400.00", "ontvangen_op": "2026-07-01"}).json()["id"]
    assert _post(c, f"{V1}/zaken/{zaak}/overgang/", {"naar": "aanvraag", "datum": "2026-07-01"}).status_code == 200
    r = _post(c, f"{V1}/zaken/{zaak}/berekeningen/", {"maand": "2026-07"})
    assert r.status_code == 201, r.json()
    assert r.json()["maand"] == "2026-07" and "bijzondere_bijstand_bedrag" in json.dumps(r.json()["resultaat"])
    r = _post(c, f"{V1}/zaken/{zaak}/berekeningen/", {"maand": "juli"})
    assert r.status_code == 400 and "maand" in r.json()


def test_kwaliteitsmedewerker_keurt_goed_via_api(api, wmo, kwaliteit, breng_in, maak_zaak, wmo_natura):
    from decimal import Decimal

    zaak = breng_in(maak_zaak(wmo), Status.KLAAR_VOOR_BESLUIT, wmo, bedrag=Decimal("25000"))
    z = f"{V1}/zaken/{zaak.pk}"
    vo = api(wmo).get(f"{z}/vier-ogen/").json()
    assert vo["vereist"] and not vo["goedgekeurd"]
    pk = _besluit_via_api(api(wmo), zaak.pk, wmo_natura)
    r = _post(api(wmo), f"{V1}/besluiten/{pk}/vaststellen/", {"datum": "2026-02-02"})
    assert r.status_code == 409 and r.json()["code"] == "goedkeuring_nodig"
    assert _post(api(wmo), f"{z}/goedkeuring/", {"akkoord": True}).status_code == 403
    assert _post(api(wmo), f"{V1}/besluiten/{pk}/goedkeuren/", {"akkoord": True}).status_code == 403
    assert _post(api(kwaliteit), f"{V1}/besluiten/{pk}/goedkeuren/", {"akkoord": True}).status_code == 201
    assert api(wmo).get(f"{z}/vier-ogen/").json()["goedgekeurd"]  # recorded on the zaak's proposal as well
    r = _post(api(wmo), f"{V1}/besluiten/{pk}/vaststellen/", {"datum": "2026-02-02"})
    assert r.status_code == 200, r.json()
    r = api(wmo).get(f"{z}/")
    assert r.json()["status"] == "besluit" and r.json()["besluit_bedrag"] == "25000.00"


def test_openapi_schema_zonder_waarschuwingen(tmp_path):
    """drf-spectacular validates the schema and fails on any warning, e.g. two serializers with the same component
    name in different apps (which silently gives one of them the other's fields)."""
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    assert (tmp_path / "schema.yaml").stat().st_size > 0
