"""Issue 8 point 5: every vastgesteld besluit has an immutable receipt (ontvangstbewijs) with the rule-set
version, engine and Maatwerk versions, inputs, findings and uitleg; `maatwerk herbereken` recomputes from it
(read-only) and the API shows it with the besluit's access rules."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import shutil
from decimal import Decimal

import pytest

from maatwerk import cli
from maatwerk.besluiten import ontvangstbewijs, services
from maatwerk.besluiten.models import Ontvangstbewijs
from maatwerk.personen import services as personen
from maatwerk.regels import versie
from maatwerk.toegang.models import AuditRegel
from maatwerk.zaken import beoordeling, procedure
from maatwerk.zaken.fouten import OnveranderlijkFout, ProcedureFout
from maatwerk.zaken.models import Berekening, Status
from maatwerk.zaken.services import meld_zaak

pytestmark = pytest.mark.django_db
URL = "/api/v1/besluiten/"
JULI = dt.date(2026, 7, 1)
systeemmodule = importlib.import_module("maatwerk.regels.systeem")  # the module (the package exports a function)
BEVINDINGEN = {"bijzondere_omstandigheden": "ja", "kosten_noodzakelijk": "ja", "kosten_daadwerkelijk_gemaakt": "ja",
               "voorliggende_voorziening": "nee", "afwijzingsgronden": "nee", "zeer_dringende_redenen": "nee"}


def bsn(n: int) -> str:
    """A BSN that passes the elfproef (the register refuses others)."""
    while True:
        basis = f"{20_000_000 + n:08d}"
        if (controle := sum(int(c) * w for c, w in zip(basis, range(9, 1, -1))) % 11) < 10:
            return basis + str(controle)
        n += 1


def _inkomen_besluit(gebruiker, kosten=Decimal("850")):
    """Bijzondere bijstand for a single person with € 1.650 income: computed by the Regelkern, vastgesteld."""
    aanvrager = personen.registreer_inwoner(
        gebruiker, bsn=bsn(424242), voornamen="Jan", achternaam="Bakker", geboortedatum=dt.date(1980, 1, 1),
        straat="Dorpsstraat", huisnummer=7, postcode="2651 AB", woonplaats="Berkel en Rodenrijs")
    huishouden = personen.maak_huishouden(gebruiker, naam="Huishouden Bakker", aanvrager=aanvrager)
    zaak = meld_zaak(gebruiker, huishouden=huishouden, hoofdpersoon=aanvrager, regeling="bijzondere_bijstand",
                     ontvangen_op=dt.date(2026, 7, 1), omschrijving="Bijzondere bijstand voor een wasmachine", kosten=kosten)
    personen.leg_inkomen_vast(gebruiker, aanvrager, maand=JULI, netto_bedrag=Decimal("1650"), soort="loon")
    personen.leg_vermogen_vast(gebruiker, aanvrager, maand=JULI, bedrag=Decimal("500"))
    procedure.voer_uit(zaak, Status.AANVRAAG, gebruiker, datum=dt.date(2026, 7, 2))
    procedure.voer_uit(zaak, Status.BEOORDELING, gebruiker, datum=dt.date(2026, 7, 3))
    for code, waarde in BEVINDINGEN.items():
        beoordeling.leg_bevinding_vast(zaak, gebruiker, criterium=code, waarde=waarde,
                                       motivering="Blijkt uit de offerte en het gesprek aan de keukentafel.")
    beoordeling.bereken(zaak, gebruiker, maand="2026-07", invoer={"huishouden": {"kostensoort": "overig"}})
    procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, gebruiker, datum=dt.date(2026, 7, 3), uitkomst="toegekend")
    zaak.refresh_from_db()
    besluit = services.opstellen(zaak, gebruiker)
    services.wijzigen(besluit, gebruiker, ingangsdatum=dt.date(2026, 7, 1), vervolg="Wij betalen binnen twee weken.")
    return services.vaststellen(besluit, gebruiker, datum=dt.date(2026, 7, 6))


@pytest.fixture
def inkomen_besluit(inkomen):
    return _inkomen_besluit(inkomen)


@pytest.fixture
def wmo_besluit(zaak_klaar, wmo, wmo_natura):
    zaak = zaak_klaar
    besluit = services.opstellen(zaak, wmo)
    services.wijzigen(besluit, wmo, **wmo_natura)
    return services.vaststellen(besluit, wmo, datum=dt.date(2026, 2, 2))


# ------------------------------------------------------------------ the receipt


def test_vastgesteld_besluit_heeft_ontvangstbewijs_dat_klopt(inkomen_besluit):
    bewijs = inkomen_besluit.ontvangstbewijs
    assert bewijs.controleer_integriteit()
    inhoud = bewijs.inhoud
    assert inhoud["besluit"]["id"] == inkomen_besluit.pk and inhoud["besluit"]["kenmerk"] == inkomen_besluit.kenmerk
    assert inhoud["besluit"]["soort"] == "toekenning"
    assert inhoud["besluit"]["inhoud_sha256"] == inkomen_besluit.inhoud_sha256()
    assert inhoud["invoer"] == "berekening"
    b = inhoud["berekening"]
    assert b["id"] == inkomen_besluit.berekening_id and b["maand"] == "2026-07" and b["gemeente"] == "lansingerland"
    assert b["uitkomst_variabele"] == "bijzondere_bijstand_bedrag"
    assert b["situatie"] == inkomen_besluit.berekening.situatie  # the input as stored
    assert b["bedrag"] == str(inkomen_besluit.berekening.bedrag) == inhoud["besluit"]["bedrag"]
    assert b["uitleg"]["huishoudens"]  # the trace a person reads: rules, sources, inputs
    assert {x["criterium"]: x["waarde"] for x in inhoud["bevindingen"]} == BEVINDINGEN
    assert all(x["motivering"] and x["door"] == "inkomen1" and x["op"] for x in inhoud["bevindingen"])
    v = inhoud["versies"]
    assert v["regelset_sha256"] == versie.regelset_sha256() == bewijs.regelset_sha256
    assert v["openfisca_core"] == "46.0.1" and v["maatwerk"]
    assert inhoud["besluit"]["vastgesteld_door"] == "inkomen1" and inhoud["besluit"]["besluitdatum"] == "2026-07-06"


def test_besluit_zonder_berekening_heeft_bevindingen_als_invoer(wmo_besluit):
    inhoud = wmo_besluit.ontvangstbewijs.inhoud
    assert inhoud["invoer"] == "bevindingen" and inhoud["berekening"] is None
    assert len(inhoud["bevindingen"]) == wmo_besluit.zaak.actuele_bevindingen().count()
    assert wmo_besluit.ontvangstbewijs.controleer_integriteit()
    verslag = ontvangstbewijs.herbereken(wmo_besluit.ontvangstbewijs)
    assert verslag["zelfde"] and verslag["verschillen"] == []


def test_concept_heeft_geen_ontvangstbewijs(zaak_klaar, wmo):
    besluit = services.opstellen(zaak_klaar, wmo)
    assert ontvangstbewijs.van(besluit) is None
    with pytest.raises(ProcedureFout) as fout:
        ontvangstbewijs.maak(besluit)
    assert fout.value.code == "niet_vastgesteld"


def test_vaststellen_dat_mislukt_laat_geen_ontvangstbewijs_achter(zaak_klaar, wmo):
    besluit = services.opstellen(zaak_klaar, wmo)  # incomplete: vaststellen refuses
    with pytest.raises(ProcedureFout):
        services.vaststellen(besluit, wmo, datum=dt.date(2026, 2, 2))
    assert not Ontvangstbewijs.objects.exists()


def test_ontvangstbewijs_wijzigt_en_verdwijnt_nooit(inkomen_besluit):
    bewijs = inkomen_besluit.ontvangstbewijs
    bewijs.inhoud["besluit"]["bedrag"] = "9999.00"
    with pytest.raises(OnveranderlijkFout):
        bewijs.save()
    with pytest.raises(OnveranderlijkFout):
        bewijs.delete()
    with pytest.raises(OnveranderlijkFout):
        Ontvangstbewijs.objects.filter(pk=bewijs.pk).update(sha256="0" * 64)
    with pytest.raises(OnveranderlijkFout):
        Ontvangstbewijs.objects.filter(pk=bewijs.pk).delete()
    with pytest.raises(ProcedureFout):  # a second vaststelling (and so a second receipt) is refused
        services.vaststellen(inkomen_besluit, inkomen_besluit.vastgesteld_door, datum=dt.date(2026, 7, 6))
    assert Ontvangstbewijs.objects.get(pk=bewijs.pk).controleer_integriteit()


def _knoei(bewijs, pad, waarde):
    """Change the stored content behind the model's back (as a database user could), like tampering would."""
    from django.db import connection

    inhoud = json.loads(json.dumps(bewijs.inhoud))
    doel = inhoud
    for stap in pad[:-1]:
        doel = doel[stap]
    doel[pad[-1]] = waarde
    with connection.cursor() as c:
        c.execute(f"UPDATE {Ontvangstbewijs._meta.db_table} SET inhoud = %s WHERE id = %s", [json.dumps(inhoud), bewijs.pk])
    return Ontvangstbewijs.objects.get(pk=bewijs.pk)


def test_knoeien_wordt_ontdekt(inkomen_besluit, inkomen, capsys):
    bewijs = _knoei(inkomen_besluit.ontvangstbewijs, ["berekening", "bedrag"], "9999.00")
    assert not bewijs.controleer_integriteit()
    assert cli.main(["herbereken", str(inkomen_besluit.pk)]) == 2
    assert "klopt niet meer met zijn SHA-256" in capsys.readouterr().err


def test_knoeien_met_besluitnummer_wordt_ontdekt(inkomen_besluit):
    assert not _knoei(inkomen_besluit.ontvangstbewijs, ["besluit", "id"], inkomen_besluit.pk + 1).controleer_integriteit()


def test_oud_besluit_zonder_ontvangstbewijs(wmo_besluit, wmo, api):
    """A besluit vastgesteld before this version (simulated: its receipt row removed in the database)."""
    from django.db import connection

    with connection.cursor() as c:
        c.execute(f"DELETE FROM {Ontvangstbewijs._meta.db_table} WHERE besluit_id = %s", [wmo_besluit.pk])
    antwoord = api(wmo).get(f"{URL}{wmo_besluit.pk}/ontvangstbewijs/")
    assert antwoord.status_code == 409
    assert "geen ontvangstbewijs (vastgesteld vóór deze versie)" in antwoord.json()["detail"]
    pagina = _pagina(wmo, wmo_besluit)
    assert "Geen ontvangstbewijs (vastgesteld vóór deze versie)." in pagina


# ------------------------------------------------------------------ herbereken (CLI)


def test_herbereken_zelfde_uitkomst(inkomen_besluit, capsys):
    aantal = Berekening.objects.count()
    assert cli.main(["herbereken", str(inkomen_besluit.pk)]) == 0
    uit = capsys.readouterr().out
    assert "zelfde regelset" in uit and "Zelfde uitkomst" in uit
    assert f"Herberekening van besluit {inkomen_besluit.kenmerk} (toekenning)" in uit
    assert Berekening.objects.count() == aantal  # read-only: no new computation stored


def test_herbereken_json(inkomen_besluit, capsys):
    assert cli.main(["herbereken", str(inkomen_besluit.pk), "--json"]) == 0
    verslag = json.loads(capsys.readouterr().out)
    assert verslag["zelfde"] is True and verslag["regelset"]["zelfde"] is True and verslag["integriteit"] is True
    assert verslag["uitkomst"]["toen"]["berekend_bedrag"] == verslag["uitkomst"]["nu"]["berekend_bedrag"]


@pytest.fixture
def andere_regels(tmp_path, monkeypatch):
    """A temporary copy of the rules package with the draagkracht percentage changed; the real files stay as
    they are. The system and the rule-set hash are rebuilt from the copy."""
    kopie = tmp_path / "regels"
    shutil.copytree(versie.ROOT, kopie, ignore=shutil.ignore_patterns("__pycache__"))
    bestand = kopie / "parameters/gemeenten/standaard/bijzondere_bijstand/draagkracht/percentage_inkomen_boven_grens.yaml"
    tekst = bestand.read_text()
    oud = next(r for r in tekst.splitlines() if r.strip().startswith("value:"))
    bestand.write_text(tekst.replace(oud, oud.split(":")[0] + ": 1.0", 1))
    monkeypatch.setattr(systeemmodule, "PARAMETERS", kopie / "parameters")
    monkeypatch.setattr(systeemmodule, "GEMEENTEN", kopie / "parameters" / "gemeenten")
    monkeypatch.setattr(versie, "ROOT", kopie)
    systeemmodule.systeem.cache_clear()
    versie.regelset_sha256.cache_clear()
    yield kopie
    systeemmodule.systeem.cache_clear()
    versie.regelset_sha256.cache_clear()


def test_herbereken_meldt_verschil_bij_andere_parameter(inkomen_besluit, andere_regels, capsys):
    assert Decimal(inkomen_besluit.ontvangstbewijs.inhoud["berekening"]["bedrag"]) > 0
    aantal = Berekening.objects.count()
    assert cli.main(["herbereken", str(inkomen_besluit.pk)]) == 1
    uit = capsys.readouterr().out
    assert "andere regelset" in uit and "Andere uitkomst" in uit
    assert "Verschillen:" in uit and "huishouden — " in uit and "toen € " in uit
    assert "inwoner_" not in uit and "huishouden_" not in uit  # labels, no internal ids
    assert cli.main(["herbereken", str(inkomen_besluit.pk), "--json"]) == 1
    verslag = json.loads(capsys.readouterr().out)
    assert verslag["regelset"]["zelfde"] is False and verslag["uitkomst"]["zelfde"] is False
    verschil = {v["variabele"]: v for v in verslag["verschillen"]}
    assert verschil["bijzondere_bijstand_bedrag"]["nu"] < verschil["bijzondere_bijstand_bedrag"]["toen"]
    assert Berekening.objects.count() == aantal
    assert inkomen_besluit.ontvangstbewijs.controleer_integriteit()  # the receipt itself did not change


def test_andere_regelset_met_zelfde_getallen_is_zelfde_uitkomst(inkomen_besluit, tmp_path, monkeypatch, capsys):
    """A change elsewhere in the rules (here: the studietoeslag) changes the rule-set version, not this outcome."""
    kopie = tmp_path / "regels"
    shutil.copytree(versie.ROOT, kopie, ignore=shutil.ignore_patterns("__pycache__"))
    bestand = kopie / "parameters/gemeenten/lansingerland/individuele_studietoeslag/bedrag.yaml"
    bestand.write_text(bestand.read_text() + "\n# toelichting gewijzigd\n")
    monkeypatch.setattr(versie, "ROOT", kopie)
    versie.regelset_sha256.cache_clear()
    try:
        assert cli.main(["herbereken", str(inkomen_besluit.pk)]) == 0
    finally:
        versie.regelset_sha256.cache_clear()
    uit = capsys.readouterr().out
    assert "andere regelset" in uit and "Zelfde uitkomst" in uit and "Verschillen" not in uit


@pytest.mark.parametrize("invoer,melding", [
    (["herbereken", "abc"], "'abc' is geen nummer van een besluit"),
    (["herbereken", "-3"], "is geen nummer van een besluit"),
    (["herbereken", "99999999"], "besluit 99999999 bestaat niet"),
    (["herbereken"], "deze argumenten ontbreken"),
])
def test_herbereken_foute_invoer(invoer, melding, capsys):
    try:
        status = cli.main(invoer)
    except SystemExit as einde:  # argparse's own errors end the program (NederlandseParser: exit 2)
        status = einde.code
    assert status == 2
    err = capsys.readouterr().err
    assert melding in err and "Traceback" not in err


def test_herbereken_concept_zonder_ontvangstbewijs(zaak_klaar, wmo, capsys):
    besluit = services.opstellen(zaak_klaar, wmo)
    assert cli.main(["herbereken", str(besluit.pk)]) == 2
    assert "een concept heeft nog geen ontvangstbewijs" in capsys.readouterr().err


# ------------------------------------------------------------------ API and page


def test_api_geeft_ontvangstbewijs_aan_consulent_van_het_domein(inkomen_besluit, inkomen, api):
    antwoord = api(inkomen).get(f"{URL}{inkomen_besluit.pk}/ontvangstbewijs/")
    assert antwoord.status_code == 200, antwoord.content
    data = antwoord.json()
    assert data["besluit"] == inkomen_besluit.pk and data["kenmerk"] == inkomen_besluit.kenmerk
    assert data["sha256"] == inkomen_besluit.ontvangstbewijs.sha256 and data["integriteit"] is True
    assert data["inhoud"]["berekening"]["situatie"] == inkomen_besluit.berekening.situatie
    assert data["herberekening"] is None
    assert AuditRegel.objects.filter(zaak=inkomen_besluit.zaak, onderwerp="ontvangstbewijs", toegestaan=True).exists()
    met = api(inkomen).get(f"{URL}{inkomen_besluit.pk}/ontvangstbewijs/?herbereken=1")
    assert met.status_code == 200 and met.json()["herberekening"]["zelfde"] is True


def test_api_weigert_andere_rollen(inkomen_besluit, wmo, kwaliteit, beheerder, api):
    pad = f"{URL}{inkomen_besluit.pk}/ontvangstbewijs/"
    assert api(wmo).get(pad).status_code == 404  # a colleague of another domain: as if it did not exist
    assert AuditRegel.objects.filter(zaak=inkomen_besluit.zaak, toegestaan=False).exists()
    assert api(beheerder).get(pad).status_code in (403, 404)
    # The kwaliteitsmedewerker sees a zaak only while it awaits his second judgement; this one does not.
    assert api(kwaliteit).get(pad).status_code in (403, 404)
    assert api().get(pad).status_code in (401, 403)


@pytest.mark.parametrize("waarde", ["ja", "2", "1; DROP"])
def test_api_foute_herbereken_parameter(inkomen_besluit, inkomen, api, waarde):
    antwoord = api(inkomen).get(f"{URL}{inkomen_besluit.pk}/ontvangstbewijs/", {"herbereken": waarde})
    assert antwoord.status_code == 400
    assert "herbereken" in antwoord.json()


def test_api_concept_409(zaak_klaar, wmo, api):
    besluit = services.opstellen(zaak_klaar, wmo)
    antwoord = api(wmo).get(f"{URL}{besluit.pk}/ontvangstbewijs/")
    assert antwoord.status_code == 409 and "concept" in antwoord.json()["detail"]


def test_api_schema_documenteert_ontvangstbewijs(inkomen, api):
    schema = api(inkomen).get("/api/v1/schema/", {"format": "json"})
    assert schema.status_code == 200
    pad = json.loads(schema.content)["paths"]["/api/v1/besluiten/{id}/ontvangstbewijs/"]["get"]
    assert [p["name"] for p in pad["parameters"] if p["in"] == "query"] == ["herbereken"]


def _pagina(gebruiker, besluit) -> str:
    from django.test import Client

    c = Client()
    c.force_login(gebruiker)
    antwoord = c.get(f"/besluiten/{besluit.pk}/")
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def test_pagina_toont_samenvatting(inkomen_besluit, inkomen):
    html = _pagina(inkomen, inkomen_besluit)
    assert 'id="ontvangstbewijs"' in html
    assert inkomen_besluit.ontvangstbewijs.regelset_sha256[:16] in html
    assert "Het ontvangstbewijs is ongewijzigd" in html
