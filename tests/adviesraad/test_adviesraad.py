"""Issue 12, point 6: a request for advice goes through its term, the adviesraad's secretary records the advice
point by point, the college answers per point with written reasons where it departs (art. 3:8 lid 3-7; seed 003);
members and terms of office (art. 3:4-3:6); a public page; the API; the rights (nobody else may act here)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from rest_framework.test import APIClient

from maatwerk.adviesraad import services
from maatwerk.adviesraad.models import Advies, Adviesaanvraag, Adviespunt, Reactie, Zittingsperiode
from maatwerk.regels.invoer import InvoerFout
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.toegang.models import AuditRegel
from maatwerk.zaken.fouten import ProcedureFout

pytestmark = pytest.mark.django_db
D = dt.date
VANDAAG = D(2026, 12, 7)
PUNTEN = [{"kop": "Communicatie op maat – pagina 5", "tekst": "Communiceer ook met wie de taal niet machtig is."},
          {"kop": "Klankbordgroepen", "tekst": "Vorm een klankbordgroep voor inwoners."}]


def _aanvraag(user, **kw):
    d = {"onderwerp": "Uitvoeringsplan handhaving", "vraag": "1. De inleiding\n2. Communicatie",
         "documenten": "Uitvoeringsplan 2026\nActie-agenda", "verzonden_op": D(2026, 11, 2),
         "ontvangen_op": D(2026, 11, 3)}
    d.update(kw)
    return services.vraag_advies(user, vandaag=VANDAAG, **d)


def test_aanvraag_advies_en_antwoord_per_punt(beleid, secretaris):
    a = _aanvraag(beleid)
    assert services.termijn(a, VANDAAG).einde == D(2026, 11, 24)
    assert a.documentenlijst == ["Uitvoeringsplan 2026", "Actie-agenda"]
    assert "Termijn verstreken op 24 november 2026" in services.status_tekst(a, VANDAAG)
    advies = services.leg_advies_vast(secretaris, a, uitgebracht_op=D(2026, 11, 24), punten=PUNTEN, vandaag=VANDAAG)
    assert [p.kop for p in advies.punten.all()] == [PUNTEN[0]["kop"], PUNTEN[1]["kop"]]
    assert "(op tijd); 2 punt(en) nog te beantwoorden" in services.status_tekst(a, VANDAAG)
    p1, p2 = advies.punten.all()
    services.beantwoord(beleid, p1, reactie=Reactie.OVERGENOMEN, antwoord="Het versimpelteam doet mee.",
                        beantwoord_op=D(2026, 12, 1), vandaag=VANDAAG)
    # Not followed without reasons: refused, naming the field and the article.
    with pytest.raises(InvoerFout) as fout:
        services.beantwoord(beleid, p2, reactie=Reactie.NIET, antwoord="Wij doen dit niet.", vandaag=VANDAAG)
    assert fout.value.veld == "motivering" and "artikel 3:8" in fout.value.bericht
    with pytest.raises(InvoerFout) as fout:
        services.beantwoord(beleid, p2, reactie=Reactie.DEELS, antwoord="Deels.", motivering="  ", vandaag=VANDAAG)
    assert fout.value.veld == "motivering"
    services.beantwoord(beleid, p2, reactie=Reactie.DEELS, antwoord="Waar mogelijk.",
                        motivering="Een vaste groep is te zwaar; wij vragen ervaringsdeskundigen per onderwerp.",
                        vandaag=VANDAAG)
    assert services.status_tekst(a, VANDAAG).endswith("beantwoord")
    with pytest.raises(ProcedureFout):
        services.beantwoord(beleid, p1, reactie=Reactie.NIET, antwoord="Toch niet.", motivering="x", vandaag=VANDAAG)
    with pytest.raises(ProcedureFout):
        services.leg_advies_vast(secretaris, a, uitgebracht_op=D(2026, 11, 24), punten=PUNTEN, vandaag=VANDAAG)


def test_advies_na_de_termijn_wordt_vastgelegd_en_als_te_laat_getoond(beleid, secretaris):
    a = _aanvraag(beleid)
    services.leg_advies_vast(secretaris, a, uitgebracht_op=D(2026, 11, 25), punten=PUNTEN, vandaag=VANDAAG)
    assert "(na de termijn)" in services.status_tekst(a, VANDAAG)


def test_uitstel_een_keer_binnen_de_termijn_met_reden(beleid, secretaris):
    a = _aanvraag(beleid)
    with pytest.raises(InvoerFout) as fout:
        services.verleen_uitstel(beleid, a, reden="Groot", afgesproken_op=D(2026, 11, 25), vandaag=VANDAAG)
    assert fout.value.veld == "afgesproken_op" and "verstreken" in fout.value.bericht
    with pytest.raises(InvoerFout) as fout:
        services.verleen_uitstel(beleid, a, reden="", afgesproken_op=D(2026, 11, 24), vandaag=VANDAAG)
    assert fout.value.veld == "reden"
    with pytest.raises(InvoerFout) as fout:
        services.verleen_uitstel(beleid, a, reden="Groot", afgesproken_op=D(2026, 11, 20), weken=2, vandaag=VANDAAG)
    assert fout.value.veld == "weken"
    services.verleen_uitstel(beleid, a, reden="Herziening van het hele minimabeleid", afgesproken_op=D(2026, 11, 24),
                             vandaag=VANDAAG)  # agreed on the last day: still within the term
    a.refresh_from_db()
    assert services.termijn(a, VANDAAG).einde == D(2026, 12, 1)
    with pytest.raises(ProcedureFout):
        services.verleen_uitstel(beleid, a, reden="Nog groter", afgesproken_op=D(2026, 11, 24), vandaag=VANDAAG)
    services.leg_advies_vast(secretaris, a, uitgebracht_op=D(2026, 12, 1), punten=PUNTEN, vandaag=VANDAAG)
    assert "(op tijd)" in services.status_tekst(a, VANDAAG)


@pytest.mark.parametrize("veld,waarde,tekst", [
    ("onderwerp", "  ", "Vul het onderwerp in"),
    ("vraag", "", "artikel 3:8, derde lid"),
    ("verzonden_op", "7-12-2026", "geen geldige datum"),
    ("verzonden_op", D(2017, 12, 31), "in werking trad"),
    ("ontvangen_op", D(2026, 11, 1), "vóór zij is verzonden"),
    ("ontvangen_op", D(2026, 12, 8), "in de toekomst"),
])
def test_aanvraag_met_onjuiste_invoer_noemt_het_veld(beleid, veld, waarde, tekst):
    with pytest.raises(InvoerFout) as fout:
        _aanvraag(beleid, **{veld: waarde})
    assert fout.value.veld == veld and tekst in fout.value.bericht
    assert not Adviesaanvraag.objects.exists()


def test_advies_met_onjuiste_invoer(beleid, secretaris):
    a = _aanvraag(beleid)
    for punten, veld in (([], "punten"), ([{"kop": "Kop", "tekst": ""}], "punten.0.tekst"), (["los"], "punten.0")):
        with pytest.raises(InvoerFout) as fout:
            services.leg_advies_vast(secretaris, a, uitgebracht_op=D(2026, 11, 20), punten=punten, vandaag=VANDAAG)
        assert fout.value.veld == veld
    with pytest.raises(InvoerFout) as fout:
        services.leg_advies_vast(secretaris, a, uitgebracht_op=D(2026, 11, 2), punten=PUNTEN, vandaag=VANDAAG)
    assert fout.value.veld == "uitgebracht_op"
    assert not Advies.objects.exists()


def test_rechten_alleen_beleidsmedewerker_vraagt_en_antwoordt_alleen_secretaris_adviseert(
        maak_gebruiker, beleid, secretaris):
    a = _aanvraag(beleid)
    with pytest.raises(GeenToegang):
        _aanvraag(secretaris)
    with pytest.raises(GeenToegang):
        services.leg_advies_vast(beleid, a, uitgebracht_op=D(2026, 11, 20), punten=PUNTEN, vandaag=VANDAAG)
    advies = services.leg_advies_vast(secretaris, a, uitgebracht_op=D(2026, 11, 20), punten=PUNTEN, vandaag=VANDAAG)
    with pytest.raises(GeenToegang):
        services.beantwoord(secretaris, advies.punten.first(), reactie="overgenomen", antwoord="Ja", vandaag=VANDAAG)
    for rol in ("consulent_wmo", "consulent_jeugd", "consulent_inkomen", "kwaliteitsmedewerker", "handhaver",
                "beheerder", "jurist"):
        user = maak_gebruiker(f"x_{rol}", rol)
        for actie in (lambda u: _aanvraag(u),
                      lambda u: services.verleen_uitstel(u, a, reden="r", afgesproken_op=D(2026, 11, 5)),
                      lambda u: services.beantwoord(u, advies.punten.first(), reactie="overgenomen", antwoord="Ja"),
                      lambda u: services.benoem(u, naam="Iemand", begin=D(2027, 1, 1), inwoner=True),
                      lambda u: services.vereis_inzien(u, "adviesraad")):
            with pytest.raises(GeenToegang):
                actie(user)
        assert AuditRegel.objects.filter(gebruiker=user, toegestaan=False).exists()
        for pad in ("/adviesraad/", f"/adviesraad/aanvragen/{a.pk}/", "/api/v1/adviesaanvragen/"):
            client = Client()
            client.force_login(user)
            assert client.get(pad).status_code == 403, (rol, pad)
    assert Adviesaanvraag.objects.count() == 1 and Adviespunt.objects.filter(reactie="").count() == 2


def test_benoeming_zittingsduur_en_eenmalige_herbenoeming(beleid):
    p1 = services.benoem(beleid, naam="A. de Vries", begin=D(2019, 7, 1), inwoner=True)
    assert p1.einde == D(2023, 6, 30) and not p1.herbenoeming
    with pytest.raises(InvoerFout) as fout:
        services.benoem(beleid, naam="A. de Vries", begin=D(2024, 1, 1), inwoner=True)
    assert fout.value.veld == "begin" and "1 juli 2023" in fout.value.bericht
    p2 = services.benoem(beleid, naam="A. de Vries", begin=D(2023, 7, 1), inwoner=True)
    assert p2.herbenoeming and p2.einde == D(2027, 6, 30)
    with pytest.raises(InvoerFout) as fout:
        services.benoem(beleid, naam="A. de Vries", begin=D(2027, 7, 1), inwoner=True)
    assert fout.value.veld == "naam" and "slechts één keer" in fout.value.bericht
    assert [p.lid.naam for p in services.zittend(VANDAAG)] == ["A. de Vries"]
    assert services.zittend(D(2027, 7, 1)) == []


@pytest.mark.parametrize("kw,veld,tekst", [
    ({"begin": D(2027, 2, 1)}, "begin", "1 januari of 1 juli"),
    ({"begin": D(2027, 1, 31)}, "begin", "1 januari of 1 juli"),
    ({"inwoner": False}, "inwoner", "artikel 3:6, vierde lid"),
    ({"onverenigbaar": True}, "onverenigbaar", "artikel 3:6, zesde lid"),
    ({"naam": " "}, "naam", "Vul de naam in"),
    ({"functie": "penningmeester"}, "functie", "lid of voorzitter"),
])
def test_benoeming_met_onjuiste_invoer(beleid, kw, veld, tekst):
    d = {"naam": "B. Jansen", "begin": D(2027, 1, 1), "inwoner": True}
    d.update(kw)
    with pytest.raises(InvoerFout) as fout:
        services.benoem(beleid, **d)
    assert fout.value.veld == veld and tekst in fout.value.bericht
    assert not Zittingsperiode.objects.exists()


def test_paginas_houden_invoer_vast_en_de_openbare_pagina_toont_advies_en_antwoord(beleid, secretaris):
    c = Client()
    c.force_login(beleid)
    leeg = {"onderwerp": "Minimabeleid 2027", "vraag": "", "documenten": "", "verzonden_op": "2026-11-02",
            "ontvangen_op": "2026-11-03"}
    r = c.post("/adviesraad/", leeg)
    assert r.status_code == 400 and "Minimabeleid 2027" in r.content.decode()
    r = c.post("/adviesraad/", {**leeg, "vraag": "De inkomensgrens van 120 %"})
    assert r.status_code == 302
    a = Adviesaanvraag.objects.get(onderwerp="Minimabeleid 2027")
    assert "uiterlijk" in c.get(f"/adviesraad/aanvragen/{a.pk}/").content.decode()

    s = Client()
    s.force_login(secretaris)
    tekst = "Inkomensgrens\nVerhoog de grens naar 130 %.\n\nBereik\nBenader wie geen aanvraag doet."
    r = s.post(f"/adviesraad/aanvragen/{a.pk}/advies/", {"uitgebracht_op": "2026-11-02", "punten": tekst})
    assert r.status_code == 400 and "Verhoog de grens naar 130 %." in r.content.decode()
    r = s.post(f"/adviesraad/aanvragen/{a.pk}/advies/", {"uitgebracht_op": "2026-11-20", "punten": tekst})
    assert r.status_code == 302
    p1, p2 = a.advies.punten.all()
    assert (p1.kop, p2.tekst) == ("Inkomensgrens", "Benader wie geen aanvraag doet.")

    r = c.post(f"/adviesraad/punten/{p1.pk}/antwoord/", {f"punt{p1.pk}-reactie": "niet", f"punt{p1.pk}-antwoord":
               "Wij houden 120 %.", f"punt{p1.pk}-beantwoord_op": "2026-11-30"})
    html = r.content.decode()
    assert r.status_code == 400 and "Wij houden 120 %." in html and "artikel 3:8, zesde en zevende lid" in html
    r = c.post(f"/adviesraad/punten/{p1.pk}/antwoord/", {f"punt{p1.pk}-reactie": "niet", f"punt{p1.pk}-antwoord":
               "Wij houden 120 %.", f"punt{p1.pk}-motivering": "De kosten passen niet in de begroting 2027.",
               f"punt{p1.pk}-beantwoord_op": "2026-11-30"})
    assert r.status_code == 302

    openbaar = Client().get("/loket/adviesraad/")  # no login
    html = openbaar.content.decode()
    assert openbaar.status_code == 200
    assert "Verhoog de grens naar 130 %." in html and "De kosten passen niet in de begroting 2027." in html
    assert "niet overgenomen" in html and "beleid1" not in html and "secretaris1" not in html


def test_api_aanvraag_advies_antwoord_en_foute_invoer(beleid, secretaris):
    api = APIClient()
    api.force_authenticate(beleid)
    r = api.post("/api/v1/adviesaanvragen/", {"onderwerp": "Wmo-beleid", "vraag": "Punt 1",
                                               "verzonden_op": "2026-12-01", "ontvangen_op": "2099-12-31"}, format="json")
    assert r.status_code == 400 and "toekomst" in str(r.json())
    r = api.post("/api/v1/adviesaanvragen/", {"onderwerp": "Wmo-beleid", "vraag": "Punt 1",
                                               "verzonden_op": "2026-12-01", "ontvangen_op": "2026-12-01"}, format="json")
    assert r.status_code == 201 and r.json()["termijn_einde"] == "2026-12-22"
    pk = r.json()["id"]
    s = APIClient()
    s.force_authenticate(secretaris)
    assert s.post(f"/api/v1/adviesaanvragen/{pk}/advies/", {"uitgebracht_op": "2026-12-02", "punten": []},
                  format="json").status_code == 400
    r = s.post(f"/api/v1/adviesaanvragen/{pk}/advies/", {"uitgebracht_op": "2026-12-02", "punten": PUNTEN},
               format="json")
    assert r.status_code == 201 and len(r.json()["punten"]) == 2
    punt = r.json()["punten"][0]["id"]
    assert api.post(f"/api/v1/adviespunten/{punt}/antwoord/", {"reactie": "deels", "antwoord": "Deels"},
                    format="json").status_code == 400
    assert s.post(f"/api/v1/adviespunten/{punt}/antwoord/", {"reactie": "overgenomen", "antwoord": "Ja"},
                  format="json").status_code == 403
    r = api.post(f"/api/v1/adviespunten/{punt}/antwoord/", {"reactie": "overgenomen", "antwoord": "Ja"}, format="json")
    assert r.status_code == 200 and r.json()["reactie"] == "overgenomen"
    lijst = api.get("/api/v1/adviesaanvragen/").json()
    assert lijst["count"] == 1 and "results" in lijst
