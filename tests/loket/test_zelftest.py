"""The anonymous self-check: the same Regelkern and numbers as a decision, B1 steps without JavaScript, bad
input answered in Dutch with the answers kept, and nothing stored but an anonymous count per day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.core import signing

from maatwerk.loket import zelftest
from maatwerk.loket.models import ZelftestTelling
from maatwerk.regels.berekening import bereken

VANDAAG = dt.date(2026, 12, 6)
BB = {"geboortedatum": "1980-05-01", "partner": False, "partner_geboortedatum": None, "kinderen": 0,
      "medebewoners": 0, "inkomen": "1300.00", "vermogen": "800.00", "kosten": "850.00"}


def _regelkern(regeling: str, antwoorden: dict, variabele: str, vandaag=VANDAAG) -> float:
    """Straight through the Regelkern, as zaken.beoordeling does for a zaak."""
    maand = f"{vandaag:%Y-%m}"
    uit = bereken(zelftest.situatie(regeling, antwoorden, vandaag), maand, "lansingerland", [variabele])
    return uit["resultaten"]["huishoudens"]["huishouden"][variabele]


@pytest.mark.django_db
def test_bijzondere_bijstand_zelfde_bedrag_en_uitleg_als_de_regelkern():
    uitkomst = zelftest.bereken_zelftest(zelftest.BIJZONDERE_BIJSTAND, BB, VANDAAG)
    assert uitkomst.bedrag == pytest.approx(_regelkern(zelftest.BIJZONDERE_BIJSTAND, BB, "bijzondere_bijstand_bedrag"))
    assert uitkomst.waarden["draagkracht_bijzondere_bijstand"] == pytest.approx(
        _regelkern(zelftest.BIJZONDERE_BIJSTAND, BB, "draagkracht_bijzondere_bijstand"))
    regels = {o["regel"] for o in uitkomst.uitleg}
    assert uitkomst.uitleg[0]["bron"] and all(o["soort"] in ("wet", "verordening", "beleidsregel", "discretie")
                                              for o in uitkomst.uitleg)
    assert len(regels) > 3  # the outcome with its draagkracht and norm rules, each with a source


@pytest.mark.django_db
def test_bijzondere_bijstand_inkomen_precies_op_de_grens_geen_draagkracht_uit_inkomen():
    maand = f"{VANDAAG:%Y-%m}"
    situatie = zelftest.situatie(zelftest.BIJZONDERE_BIJSTAND, BB, VANDAAG)
    grens = bereken(situatie, maand, "lansingerland", ["bb_inkomensgrens"])["resultaten"]["huishoudens"]["huishouden"]["bb_inkomensgrens"]
    op_grens = {**BB, "inkomen": f"{grens:.2f}", "vermogen": "0"}
    uitkomst = zelftest.bereken_zelftest(zelftest.BIJZONDERE_BIJSTAND, op_grens, VANDAAG)
    assert uitkomst.waarden["draagkracht_bijzondere_bijstand"] == 0
    assert uitkomst.bedrag == pytest.approx(850.0)
    boven = zelftest.bereken_zelftest(zelftest.BIJZONDERE_BIJSTAND, {**op_grens, "inkomen": f"{grens + 100:.2f}"}, VANDAAG)
    assert boven.waarden["draagkracht_bijzondere_bijstand"] > 0 and boven.bedrag < 850.0


IIT = {"geboortedatum": "1975-02-28", "partner": False, "partner_geboortedatum": None, "kinderen": 0,
       "medebewoners": 0, "drie_jaar_laag": True, "inkomen_stijgt": False, "vermogen": "0"}


def _laagste_norm(vandaag=VANDAAG) -> float:
    """The lowest bijstandsnorm (incl. vakantietoeslag) in the referteperiode: the limit a constant income meets.
    With income X the Regelkern's highest monthly excess is X minus that lowest norm."""
    maand = f"{vandaag:%Y-%m}"
    x = 5000.0
    situatie = zelftest.situatie(zelftest.INKOMENSTOESLAG, {**IIT, "inkomen": str(x)}, vandaag)
    uit = bereken(situatie, maand, "lansingerland", ["iit_hoogste_overschrijding_referteperiode"])
    return round(x - uit["resultaten"]["huishoudens"]["huishouden"]["iit_hoogste_overschrijding_referteperiode"], 2)


def _iit(inkomen: float, vandaag=VANDAAG):
    return zelftest.bereken_zelftest(zelftest.INKOMENSTOESLAG, {**IIT, "inkomen": f"{inkomen:.2f}"}, vandaag)


@pytest.mark.django_db
def test_inkomenstoeslag_precies_op_de_grens_wel_en_vijf_euro_erboven_niet():
    grens = _laagste_norm()
    op = _iit(grens)
    assert op.recht and op.bedrag == pytest.approx(
        _regelkern(zelftest.INKOMENSTOESLAG, {**IIT, "inkomen": f"{grens:.2f}"}, "individuele_inkomenstoeslag"))
    # Art. 7:3 and its toelichting: an excess below € 5,00 a month is ignored, € 5,00 or more is no low income.
    assert _iit(grens + 4.99).recht
    erboven = _iit(grens + 5)
    assert not erboven.recht and erboven.bedrag == 0
    assert any(o["regel"] == "iit.langdurig_laag_inkomen" for o in erboven.uitleg)


@pytest.mark.django_db
def test_inkomenstoeslag_maandeinde_en_korter_dan_drie_jaar():
    # A month end as the day of the check (31 December): the same outcome as earlier in that month.
    eind = dt.date(2026, 12, 31)
    assert _iit(_laagste_norm(eind), eind).recht == _iit(_laagste_norm(eind), dt.date(2026, 12, 1)).recht is True
    kort = zelftest.bereken_zelftest(zelftest.INKOMENSTOESLAG, {**IIT, "inkomen": "900", "drie_jaar_laag": False}, VANDAAG)
    assert not kort.recht and kort.uitleg[0]["bron"]  # the rule's own source (art. 36 Pw / art. 7:3)


@pytest.mark.django_db
def test_studietoeslag_zelfde_bedrag_als_de_regelkern():
    ist = {"geboortedatum": "2004-12-06", "studiefinanciering": True, "ziekte_of_beperking": True, "wajong": False,
           "stagevergoeding": "0"}
    uitkomst = zelftest.bereken_zelftest(zelftest.STUDIETOESLAG, ist, VANDAAG)
    assert uitkomst.recht
    assert uitkomst.bedrag == pytest.approx(_regelkern(zelftest.STUDIETOESLAG, ist, "individuele_studietoeslag"))
    geen = zelftest.bereken_zelftest(zelftest.STUDIETOESLAG, {**ist, "ziekte_of_beperking": False}, VANDAAG)
    assert not geen.recht and geen.uitleg


# ------------------------------------------------------------------ the pages


def _post(client, regeling, stap, antwoorden, **velden):
    return client.post(f"/loket/waar-heb-ik-recht-op/{regeling}/", {
        "antwoorden": signing.dumps(antwoorden, salt="maatwerk.loket.zelftest"), "stap": stap, "verder": "1", **velden})


def _tabellen_tellingen() -> dict:
    return {m._meta.label: m.objects.count() for m in apps.get_models()}


@pytest.mark.django_db
def test_hele_zelftest_zonder_javascript_en_alleen_een_anonieme_telling(client):
    voor = _tabellen_tellingen()
    r = client.get("/loket/waar-heb-ik-recht-op/bijzondere_bijstand/")
    assert r.status_code == 200 and "Uw huishouden" in r.content.decode()
    r = client.post("/loket/waar-heb-ik-recht-op/bijzondere_bijstand/", {
        "antwoorden": "", "stap": "0", "geboortedatum": "1980-05-01", "partner": "nee", "kinderen": "0",
        "medebewoners": "0"})
    assert r.status_code == 200 and "Uw inkomen" in r.content.decode()
    antwoorden = r.context["antwoorden"]
    r = client.post("/loket/waar-heb-ik-recht-op/bijzondere_bijstand/", {"antwoorden": antwoorden, "stap": "1",
                                                                          "inkomen": "1.300,00"})
    r = client.post("/loket/waar-heb-ik-recht-op/bijzondere_bijstand/", {"antwoorden": r.context["antwoorden"],
                                                                          "stap": "2", "vermogen": "800"})
    r = client.post("/loket/waar-heb-ik-recht-op/bijzondere_bijstand/", {"antwoorden": r.context["antwoorden"],
                                                                          "stap": "3", "kosten": "850"})
    html = r.content.decode()
    assert r.status_code == 200 and "Dit is geen besluit" in html and "Bron:" in html
    assert "Ik wil een gesprek" in html and "Uw draagkracht is € " in html
    verwacht = zelftest.bereken_zelftest(zelftest.BIJZONDERE_BIJSTAND, BB, dt.date.today(), tellen=False)
    assert r.context["uitkomst"].bedrag == pytest.approx(verwacht.bedrag)
    na = _tabellen_tellingen()
    veranderd = {k: (voor[k], na[k]) for k in na if na[k] != voor[k]}
    assert veranderd == {"loket.ZelftestTelling": (0, 1)}  # no session, no person, no answers: only the count
    telling = ZelftestTelling.objects.get()
    assert (telling.regeling, telling.uitkomst, telling.aantal) == ("bijzondere_bijstand", verwacht.uitkomst, 1)
    assert {f.name for f in ZelftestTelling._meta.get_fields()} == {"id", "datum", "regeling", "uitkomst", "aantal"}


@pytest.mark.django_db
def test_foute_invoer_noemt_het_veld_en_houdt_de_antwoorden(client):
    r = _post(client, "bijzondere_bijstand", 0, {}, geboortedatum="31-02-1980", partner="ja", kinderen="-1",
              medebewoners="twee")
    html = r.content.decode()
    assert r.status_code == 400
    assert "Vul een datum in als dag-maand-jaar" in html
    assert "Vul de geboortedatum van uw partner in." in html
    assert "Het aantal kinderen kan niet negatief zijn." in html
    assert "Vul een getal in, bijvoorbeeld 1." in html
    assert 'value="31-02-1980"' in html and 'value="twee"' in html  # what was typed stays
    # A later step keeps the earlier answers: the signed field comes back unchanged after an error.
    stap1 = {**{k: BB[k] for k in ("geboortedatum", "partner", "partner_geboortedatum", "kinderen", "medebewoners")}}
    r = _post(client, "bijzondere_bijstand", 1, stap1, inkomen="12,3,4")
    assert r.status_code == 400 and "Schrijf een bedrag als 1.234,50" in r.content.decode()
    assert signing.loads(r.context["antwoorden"], salt="maatwerk.loket.zelftest") == stap1
    assert ZelftestTelling.objects.count() == 0


@pytest.mark.django_db
def test_vervalste_antwoorden_of_overgeslagen_stap_geen_500(client):
    r = client.post("/loket/waar-heb-ik-recht-op/bijzondere_bijstand/", {"antwoorden": "knoeierij", "stap": "3",
                                                                          "kosten": "10"})
    assert r.status_code == 400 and "Begin daarom opnieuw" in r.content.decode()
    r = _post(client, "bijzondere_bijstand", 3, {}, kosten="10")  # skipping to the last step: back to step 1
    assert r.status_code == 400 and r.context["stap"] == 0
    assert client.get("/loket/waar-heb-ik-recht-op/onbekend/").status_code == 404
    assert ZelftestTelling.objects.count() == 0


@pytest.mark.django_db
def test_terug_houdt_de_antwoorden(client):
    stap1 = {k: BB[k] for k in ("geboortedatum", "partner", "partner_geboortedatum", "kinderen", "medebewoners")}
    r = client.post("/loket/waar-heb-ik-recht-op/bijzondere_bijstand/", {
        "antwoorden": signing.dumps({**stap1, "inkomen": "1300.00"}, salt="maatwerk.loket.zelftest"), "stap": "1",
        "terug": "1"})
    html = r.content.decode()
    assert r.status_code == 200 and r.context["stap"] == 0
    assert 'value="1980-05-01"' in html
