"""Issue 12, point 7 (simplest version): one household plan across Wmo and Jeugd with one regisseur; the plan
shows status, step dates, deadlines and goals only — never findings; only the regisseur and the person it
escalates to see it; the stall detector escalates (no step for N days, deadline passed, ping-pong) once per day,
with the history kept; `maatwerk regie signaleer`."""

from __future__ import annotations

import datetime as dt

import pytest

from maatwerk.cli import main
from maatwerk.personen.models import Huishoudlid, Huishouden, Inwoner
from maatwerk.regels.invoer import InvoerFout
from maatwerk.regie import services
from maatwerk.regie.models import Escalatie
from maatwerk.toegang.beleid import GeenToegang, Grond
from maatwerk.toegang.models import AuditRegel, SoortGrond
from maatwerk.zaken.models import Bevinding
from maatwerk.zaken.services import registreer_melding


def bsn_met_elfproef(nummer: int) -> str:
    """A valid BSN for test data: 8 digits plus the check digit (as tests/web/conftest.py)."""
    while True:
        basis = f"{10_000_000 + nummer % 89_999_999:08d}"
        controle = sum(int(c) * w for c, w in zip(basis, range(9, 1, -1))) % 11
        if controle < 10:
            return basis + str(controle)
        nummer += 1

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def gezin(wmo, jeugd):
    hh = Huishouden.objects.create(naam="Huishouden Regietest")
    ouder = Inwoner.objects.create(bsn=bsn_met_elfproef(881_001), voornamen="Sanne", achternaam="Regietest",
                                   geboortedatum="1985-01-01", straat="Dorpsstraat", huisnummer=3,
                                   postcode="2651 AB", woonplaats="Berkel en Rodenrijs")
    kind = Inwoner.objects.create(bsn=bsn_met_elfproef(881_101), voornamen="Tim", achternaam="Regietest",
                                  geboortedatum="2015-01-01", straat="Dorpsstraat", huisnummer=3,
                                  postcode="2651 AB", woonplaats="Berkel en Rodenrijs")
    Huishoudlid.objects.create(huishouden=hh, inwoner=ouder, rol="partner", relatie="aanvrager")
    Huishoudlid.objects.create(huishouden=hh, inwoner=kind, rol="kind", relatie="kind")
    g = Grond(True, SoortGrond.ROL, "test")
    zw = registreer_melding(wmo, huishouden=hh, hoofdpersoon=ouder, regeling="wmo_maatwerkvoorziening",
                            omschrijving="Begeleiding", ontvangen_op=D(2026, 9, 1), kosten=None, grond=g)
    zj = registreer_melding(jeugd, huishouden=hh, hoofdpersoon=kind, regeling="jeugdhulp",
                            omschrijving="Jeugdhulp", ontvangen_op=D(2026, 11, 20), kosten=None, grond=g)
    return hh, zw, zj


def _plan(wmo, jeugd, hh, baas, **kw):
    d = dict(huishouden=hh, regisseur=wmo, escalatie_naar=baas, escalatie_functie="teamleider sociaal domein",
             doelen="Ouder houdt het huishouden vol; Tim gaat weer naar school.", toestemming_op=D(2026, 9, 1),
             toestemming_kenmerk="TST-REGIE-1")
    d.update(kw)
    return services.maak_plan(wmo, **d)


def test_stilstand_escaleert_een_keer_per_dag_met_geschiedenis(gezin, wmo, jeugd, maak_gebruiker):
    hh, zw, zj = gezin
    baas = maak_gebruiker("teamleider", "beleidsmedewerker")
    plan = _plan(wmo, jeugd, hh, baas)
    # The Wmo zaak had its last step on 1 September: 29 days later is stall (> 28), 28 days is not.
    assert services.signalen(plan, D(2026, 9, 29)) == []
    s = services.signalen(plan, D(2026, 9, 30))
    assert [x.soort for x in s] == ["stilstand"] and "1 september 2026" in s[0].tekst
    eerste = services.signaleer(D(2026, 12, 7))
    assert len(eerste) == 1 and eerste[0].naar == baas
    assert services.signaleer(D(2026, 12, 7)) == []  # once per plan per day
    assert len(services.signaleer(D(2026, 12, 8))) == 1
    o = services.overzicht(baas, plan, D(2026, 12, 8))
    assert [e["datum"] for e in o["escalaties"]] == [D(2026, 12, 8), D(2026, 12, 7)]


def test_pingpong_boven_de_grens(gezin, wmo, jeugd, maak_gebruiker):
    hh, zw, zj = gezin
    plan = _plan(wmo, jeugd, hh, maak_gebruiker("teamleider", "beleidsmedewerker"), stilstand_dagen=365)
    for i, (van, naar) in enumerate((("wmo", "inkomen"), ("inkomen", "wmo"))):
        services.verwijs_door(wmo, plan, van_domein=van, naar_domein=naar, datum=D(2026, 10, 1 + i), reden="Niet van ons")
    assert not [s for s in services.signalen(plan, D(2026, 10, 5)) if s.soort == "pingpong"]
    services.verwijs_door(wmo, plan, van_domein="wmo", naar_domein="inkomen", datum=D(2026, 10, 4), reden="Weer terug")
    assert [s.soort for s in services.signalen(plan, D(2026, 10, 5))] == ["pingpong"]
    with pytest.raises(InvoerFout) as fout:
        services.verwijs_door(wmo, plan, van_domein="wmo", naar_domein="wmo", datum=D(2026, 10, 4), reden="x")
    assert fout.value.veld == "naar_domein"


def test_plan_toont_geen_bevindingen_en_alleen_aan_regisseur_en_escalatie(gezin, wmo, jeugd, maak_gebruiker):
    hh, zw, zj = gezin
    baas = maak_gebruiker("teamleider", "beleidsmedewerker")
    plan = _plan(wmo, jeugd, hh, baas)
    Bevinding.objects.create(zaak=zj, criterium="hulpvraag", waarde="ja", motivering="GEHEIM-JEUGD-DETAIL", door=jeugd)
    o = services.overzicht(wmo, plan, D(2026, 12, 7))
    assert [z["domein"] for z in o["zaken"]] == ["Wmo", "Jeugd"]
    assert set(o["zaken"][1]) == {"regeling", "domein", "status", "stappen", "termijnen"}
    assert "GEHEIM-JEUGD-DETAIL" not in repr(o)
    for rol in ("consulent_jeugd", "consulent_inkomen", "kwaliteitsmedewerker", "beheerder", "jurist"):
        ander = maak_gebruiker(f"ander_{rol}", rol)
        with pytest.raises(GeenToegang):
            services.overzicht(ander, plan)
        assert AuditRegel.objects.filter(gebruiker=ander, toegestaan=False, onderwerp="huishoudplan").exists()
    with pytest.raises(GeenToegang):  # the Jeugd consulent of the same household is not the regisseur either
        services.verwijs_door(jeugd, plan, van_domein="jeugd", naar_domein="wmo", datum=D(2026, 12, 1), reden="x")


def test_plan_aanmaken_weigert_foute_invoer_en_een_tweede_plan(gezin, wmo, jeugd, inkomen, maak_gebruiker):
    hh, zw, zj = gezin
    baas = maak_gebruiker("teamleider", "beleidsmedewerker")
    with pytest.raises(GeenToegang):  # no zaak of this household in the Inkomen domain
        _plan(inkomen, jeugd, hh, baas)
    with pytest.raises(InvoerFout) as fout:
        _plan(wmo, jeugd, hh, wmo)
    assert fout.value.veld == "escalatie_naar"
    with pytest.raises(InvoerFout) as fout:
        _plan(wmo, jeugd, hh, baas, doelen=" ")
    assert fout.value.veld == "doelen"
    _plan(wmo, jeugd, hh, baas)
    with pytest.raises(InvoerFout) as fout:
        _plan(wmo, jeugd, hh, baas)
    assert fout.value.veld == "huishouden"


def test_cli_signaleer(gezin, wmo, jeugd, maak_gebruiker, capsys):
    hh, zw, zj = gezin
    _plan(wmo, jeugd, hh, maak_gebruiker("teamleider", "beleidsmedewerker"))
    assert main(["regie", "signaleer", "--datum", "7-12-2026"]) == 2
    assert "--datum" in capsys.readouterr().err
    assert main(["regie", "signaleer", "--datum", "2026-12-07"]) == 0
    uit = capsys.readouterr().out
    assert "geëscaleerd naar teamleider (teamleider sociaal domein)" in uit and "1 nieuwe escalatie(s)." in uit
    assert "Regietest" not in uit
    assert Escalatie.objects.count() == 1
