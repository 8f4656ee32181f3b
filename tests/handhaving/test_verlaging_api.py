"""The verlaging through the API (issue 11): `/api/v1/zaken/{id}/verlagingen/` records a gedraging through the same
service as the page (the Regelkern computes, horen 7:14 is a step), shows one verlaging with the elements of 7:13
and their source, and drafts the besluit. Bad input names the field in Dutch (400), a step the procedure does not
allow answers 409, never a 500; other domains get 404 and the refusal is in the audit log."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from maatwerk.besluiten.models import Besluit, Soort
from maatwerk.besluiten.verlaging_models import Verlaging
from maatwerk.handhaving import meldpunt
from maatwerk.handhaving.models import Casustafel
from maatwerk.toegang.models import AuditRegel

from .test_verlaging import feiten, lopende_bijstand

pytestmark = pytest.mark.django_db


def _url(zaak, *rest) -> str:
    return "/".join([f"/api/v1/zaken/{zaak.pk}/verlagingen", *map(str, rest)]) + "/"


def _post(client, url, data=None):
    return client.post(url, data=json.dumps(data if data is not None else {}), content_type="application/json")


def test_vastleggen_lijst_detail_en_besluit(inkomen, client_voor):
    zaak = lopende_bijstand(inkomen, 41).zaak
    c = client_voor(inkomen, api=True)
    assert c.get(_url(zaak)).json()["results"] == []
    r = _post(c, _url(zaak), feiten())
    assert r.status_code == 201, r.json()
    v = r.json()
    assert v["opgelegd"] and v["gedraging"] == "pw_tegenprestatie" and v["horen"] == "gehoord"
    assert v["gedraging_label"].startswith("Tegenprestatie niet of onvoldoende verricht (artikel 7:18")
    # The elements of 7:13, each with its source; the amount per month of 7:22 from the month after bekendmaking.
    assert [e["onderdeel"] for e in v["elementen"]] == ["a", "b", "c"]
    assert all(e["bron"] and e["tekst"] for e in v["elementen"])
    totaal = Decimal(str(v["resultaat"]["afstemming_verlaging_totaal"]))
    assert v["maanden"] == [{"maand": "2026-09", "bedrag": str(totaal)}] and totaal > 0
    assert "afstemming_verlaging_totaal" in v["uitleg"] and v["besluit"] is None
    # The list is paginated and lighter (no uitleg); the detail has the computation.
    lijst = c.get(_url(zaak)).json()
    assert lijst["count"] == 1 and lijst["results"][0]["id"] == v["id"] and "uitleg" not in lijst["results"][0]
    detail = c.get(_url(zaak, v["id"])).json()
    assert detail["resultaat"] == v["resultaat"] and detail["elementen"] == v["elementen"]
    # Drafting the besluit: a concept besluit tot verlaging with the elements as overwegingen.
    b = _post(c, _url(zaak, v["id"], "besluit"))
    assert b.status_code == 201, b.json()
    besluit = Besluit.objects.get(pk=b.json()["id"])
    assert besluit.soort == Soort.VERLAGING and besluit.bedrag == totaal and b.json()["status"] == "concept"
    assert any("7:14" in o["bron"] for o in b.json()["overwegingen"])
    assert c.get(_url(zaak, v["id"])).json()["besluit_kenmerk"] == besluit.kenmerk
    # Twice is a procedure conflict, with the rule in Dutch: 409.
    nog = _post(c, _url(zaak, v["id"], "besluit"))
    assert nog.status_code == 409 and nog.json()["code"] == "besluit_bestaat" and besluit.kenmerk in nog.json()["detail"]
    # Every look and every write is in the audit log, about this zaak and its inwoner.
    regels = AuditRegel.objects.filter(onderwerp="verlaging", zaak_id=zaak.pk, gebruikersnaam=inkomen.username)
    assert {"view", "create"} <= set(regels.values_list("actie", flat=True))
    assert regels.filter(toelichting__contains=f"verlaging {v['id']} vastgelegd").exists()


def test_afzien_om_dringende_redenen_geeft_een_besluit_afzien(inkomen, client_voor):
    zaak = lopende_bijstand(inkomen, 42).zaak
    c = client_voor(inkomen, api=True)
    r = _post(c, _url(zaak), feiten(dringende_redenen=True, dringende_redenen_toelichting=(
        "De inwoner lag in juli twee weken in het ziekenhuis na een ongeluk.")))
    assert r.status_code == 201 and not r.json()["opgelegd"] and r.json()["maanden"] == []
    b = _post(c, _url(zaak, r.json()["id"], "besluit"))
    assert b.status_code == 201 and b.json()["soort"] == Soort.AFZIEN_VERLAGING


def test_geen_verwijtbaarheid_geen_besluit_409(inkomen, client_voor):
    zaak = lopende_bijstand(inkomen, 43).zaak
    c = client_voor(inkomen, api=True)
    r = _post(c, _url(zaak), feiten(verwijtbaarheid="geen_verwijtbaarheid"))
    assert r.status_code == 201 and not r.json()["opgelegd"]
    b = _post(c, _url(zaak, r.json()["id"], "besluit"))
    assert b.status_code == 409 and b.json()["code"] == "geen_verlaging"
    assert not Besluit.objects.filter(soort__in=[Soort.VERLAGING, Soort.AFZIEN_VERLAGING]).exists()


@pytest.mark.parametrize("anders, veld", [
    ({"gedraging": "bestaat_niet"}, "gedraging"),
    ({"gedraging": None}, "gedraging"),
    ({"horen": "niet_vastgesteld"}, "horen"),
    ({"horen": "achterwege_spoed", "horen_toelichting": ""}, "horen_toelichting"),
    ({"horen_datum": None}, "horen_datum"),
    ({"datum_gedraging": "gisteren"}, "datum_gedraging"),
    ({"datum_gedraging": "2026-02-30"}, "datum_gedraging"),
    ({"datum_gedraging": "2999-01-01"}, "datum_gedraging"),
    ({"benadelingsbedrag": "NaN"}, "benadelingsbedrag"),
    ({"benadelingsbedrag": "-5"}, "benadelingsbedrag"),
    ({"benadelingsbedrag": "1e400"}, "benadelingsbedrag"),
    ({"afwijken": True, "afwijkend_percentage": "1.5", "afwijking_reden": "Een reden die lang genoeg is, echt."},
     "afwijkend_percentage"),
    ({"afwijken": "misschien"}, "afwijken"),
    ({"omschrijving": "kort"}, "omschrijving"),
    ({"omschrijving": "Kwam niet naar de tegenprestatie.\x00"}, "omschrijving"),
    ({"omschrijving": ["een", "lijst"]}, "omschrijving"),
    ({"horen_wijze": "x" * 201}, "horen_wijze"),
    ({"vorige_duur_maanden": 99}, "vorige_duur_maanden"),
    ({"vorige_duur_maanden": "veel"}, "vorige_duur_maanden"),
    ({"casustafel": 987654}, "casustafel"),
    ({"casustafel": "een"}, "casustafel"),
])
def test_foute_invoer_400_noemt_het_veld_en_bewaart_niets(inkomen, client_voor, anders, veld):
    zaak = lopende_bijstand(inkomen, 44).zaak
    r = _post(client_voor(inkomen, api=True), _url(zaak), feiten(**anders))
    assert r.status_code == 400, r.content
    assert veld in r.json() and all(isinstance(m, str) and m and "_" not in m for m in r.json()[veld]), r.json()
    assert not Verlaging.objects.exists()


@pytest.mark.parametrize("body", [None, [], "tekst", 12, {"x": 1}, {"gedraging": {"a": 1}}, {"horen": []}])
def test_onzin_geeft_400_nooit_500(inkomen, client_voor, body):
    zaak = lopende_bijstand(inkomen, 45).zaak
    c = client_voor(inkomen, api=True)
    r = c.post(_url(zaak), data=json.dumps(body), content_type="application/json")
    assert r.status_code == 400, r.content
    assert c.post(_url(zaak), data="{gedraging: 1,", content_type="application/json").status_code == 400


def test_zonder_lopende_bijstand_of_andere_regeling_409(inkomen, client_voor, client_met_uitkering):
    c = client_voor(inkomen, api=True)
    bijzonder = client_met_uitkering(regeling="bijzondere_bijstand").hoofdzaken.get()
    r = _post(c, _url(bijzonder), feiten())
    assert r.status_code == 409 and r.json()["code"] == "geen_algemene_bijstand"
    zonder = client_met_uitkering(ingang=dt.date(2026, 1, 1), einde=dt.date(2026, 3, 31)).hoofdzaken.get()
    r = _post(c, _url(zonder), feiten())  # the benefit ended before the constatering
    assert r.status_code == 409 and r.json()["code"] == "geen_lopende_bijstand"
    assert not Verlaging.objects.exists()


def test_handhaver_legt_vast_met_casustafel_maar_stelt_geen_besluit_op(inkomen, handhaver, client_voor):
    zaak = lopende_bijstand(inkomen, 46).zaak
    andere = lopende_bijstand(inkomen, 47).zaak
    c = client_voor(handhaver, api=True)
    melding = meldpunt.meld({"richting": "client", "domein": "inkomen", "betreft": "Een inwoner",
                             "omschrijving": "Wat de melder zelf zag, en wanneer."}).melding
    tafel = Casustafel.objects.create(richting="client", melding=melding, datum=dt.date(2026, 8, 10), interventie="verlaging",
                                      motivering="Tegenprestatie niet verricht.", uitkomst="Verlaging.",
                                      vastgelegd_door=handhaver)
    # A casustafel on a melding, not on a signal about this inwoner, cannot be linked: its field is named.
    r = _post(c, _url(zaak), feiten(casustafel=tafel.pk))
    assert r.status_code == 400 and "casustafel" in r.json()
    r = _post(c, _url(zaak), feiten())
    assert r.status_code == 201 and r.json()["casustafel"] is None
    v = r.json()["id"]
    assert c.get(_url(zaak, v)).status_code == 200
    assert _post(c, _url(zaak, v, "besluit")).status_code in (403, 404)  # deciding stays with the consulent
    assert not Besluit.objects.filter(soort=Soort.VERLAGING).exists()
    # A verlaging is only reached through its own zaak.
    assert c.get(_url(andere, v)).status_code == 404
    assert c.get(_url(zaak, 999999)).status_code == 404
    assert c.get("/api/v1/zaken/999999/verlagingen/").status_code == 404


@pytest.mark.parametrize("rol", ["consulent_wmo", "consulent_jeugd", "kwaliteitsmedewerker", "beleidsmedewerker",
                                 "beheerder", "jurist"])
def test_andere_rollen_krijgen_404_en_de_weigering_is_gelogd(rol, inkomen, maak_gebruiker, client_voor):
    zaak = lopende_bijstand(inkomen, 48).zaak
    v = Verlaging.objects.get(pk=_post(client_voor(inkomen, api=True), _url(zaak), feiten()).json()["id"])
    ander = maak_gebruiker(f"ander_{rol}", rol)
    c = client_voor(ander, api=True)
    assert c.get(_url(zaak)).status_code == 404
    assert _post(c, _url(zaak), feiten()).status_code == 404
    assert _post(c, _url(zaak), {"gedraging": "onzin"}).status_code == 404  # refused before the input is read
    assert c.get(_url(zaak, v.pk)).status_code == 404
    assert _post(c, _url(zaak, v.pk, "besluit")).status_code == 404
    assert Verlaging.objects.count() == 1 and not Besluit.objects.filter(soort=Soort.VERLAGING).exists()
    weigeringen = AuditRegel.objects.filter(gebruikersnaam=ander.username, onderwerp="verlaging", toegestaan=False,
                                            zaak_id=zaak.pk)
    assert weigeringen.count() == 5


def test_schema_beschrijft_de_verlaging(client_voor, inkomen):
    schema = client_voor(inkomen, api=True).get("/api/v1/schema/", {"format": "json"}).json()
    paden = schema["paths"]
    assert {"get", "post"} <= set(paden["/api/v1/zaken/{id}/verlagingen/"])
    assert "get" in paden["/api/v1/zaken/{id}/verlagingen/{verlaging}/"]
    assert "post" in paden["/api/v1/zaken/{id}/verlagingen/{verlaging}/besluit/"]
    invoer = schema["components"]["schemas"]["VerlagingInvoerRequest"]["properties"]
    assert {"gedraging", "horen", "horen_datum", "afwijkend_percentage", "casustafel"} <= set(invoer)
    detail = schema["components"]["schemas"]["VerlagingDetail"]["properties"]
    assert {"resultaat", "uitleg", "elementen", "maanden"} <= set(detail)


def test_samenloop_en_grondslag_via_de_api(inkomen, client_voor):
    """The facts of 7:26 lid 3 and 7:17 lid 2 go through the API like on the page: a bestuurlijke boete for the same
    gedraging means no verlaging; a wrong tick box or a missing amount names its field."""
    zaak = lopende_bijstand(inkomen, 47).zaak
    c = client_voor(inkomen, api=True)
    r = _post(c, _url(zaak), feiten(bestuurlijke_boete=True, bestuurlijke_boete_kenmerk="BB-2026-0047",
                                     bestuurlijke_boete_toelichting="Boete om dezelfde schending van de inlichtingenplicht."))
    assert r.status_code == 201, r.json()
    assert r.json()["bestuurlijke_boete"] is True and not r.json()["opgelegd"] and r.json()["maanden"] == []
    assert r.json()["niet_uitgevoerd"] == {}
    fout = _post(c, _url(zaak), feiten(bestuurlijke_boete="misschien"))
    assert fout.status_code == 400 and "bestuurlijke_boete" in fout.json(), fout.json()
    geen_bedrag = _post(c, _url(zaak), feiten(grondslag_keuze="bijzondere_bijstand",
                                              grondslag_toelichting="Alleen bijzondere bijstand wordt verstrekt."))
    assert geen_bedrag.status_code == 400 and "verleende_bijzondere_bijstand" in geen_bedrag.json()
    assert Verlaging.objects.filter(zaak=zaak).count() == 1
