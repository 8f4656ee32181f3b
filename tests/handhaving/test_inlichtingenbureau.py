"""The monthly Inlichtingenbureau comparison (issue 11, point 5): validation per line and field, the whole file
refused when unreadable, every client with a running benefit checked the same way, a signal per hit, totals,
and only approved indicators used."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from maatwerk.handhaving import inlichtingenbureau as ib
from maatwerk.handhaving.demo import DEMO_BESTAND
from maatwerk.handhaving.models import IndicatorGoedkeuring, Signaal, Vergelijking
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.toegang.models import AuditRegel

from .conftest import bsn_met_elfproef

KOP = "maand;bsn;soort;bron;bedrag;begindatum;einddatum;omschrijving\n"


def _csv(*regels: str) -> bytes:
    return (KOP + "\n".join(regels) + "\n").encode()


@pytest.fixture
def clienten(client_met_uitkering):
    return [client_met_uitkering(), client_met_uitkering(), client_met_uitkering()]


def test_elke_client_wordt_gecontroleerd_en_elke_treffer_is_een_signaal(handhaver, clienten, indicatoren_goedgekeurd):
    a, b, c = clienten
    inhoud = _csv(f"2026-11;{a.bsn};inkomen;UWV Polisadministratie;412,50;2026-11-01;2026-11-30;Loon",
                  f"2026-11;{b.bsn};samenwoning;BRP;;2026-10-15;;Medebewoner",
                  f"2026-11;{a.bsn};vermogen;Belastingdienst;8000.00;;;Spaargeld")
    run = ib.vergelijk(handhaver, inhoud, "ib.csv", "2026-11")
    assert (run.aantal_regels, run.aantal_signalen, run.aantal_gecontroleerd, run.aantal_geweigerd) == (3, 3, 3, 0)
    signalen = list(run.signalen.order_by("regel"))
    assert [(s.inwoner, s.soort, s.regel) for s in signalen] == [(a, "inkomen", 2), (b, "samenwoning", 3), (a, "vermogen", 4)]
    assert signalen[0].bedrag == Decimal("412.50") and signalen[0].begindatum == dt.date(2026, 11, 1)
    assert signalen[2].bedrag == Decimal("8000.00")
    # Nothing ranked or scored: a signal has no such field, and c (no line) simply has no signal.
    assert not hasattr(Signaal, "score") and not Signaal.objects.filter(inwoner=c).exists()
    assert AuditRegel.objects.filter(gebruikersnaam="handhaver1", onderwerp="signaal", inwoner=a).exists()


def test_foute_regel_geweigerd_met_regel_en_veld_de_rest_wel(handhaver, clienten, indicatoren_goedgekeurd):
    a = clienten[0]
    inhoud = _csv("2026-11;123456789;inkomen;UWV;100,00;;;elfproef fout",
                  f"2026-11;{a.bsn};inkomen;UWV;veel;;;bedrag fout",
                  f"2026-11;{a.bsn};loterij;UWV;10,00;;;soort fout",
                  f"2026-10;{a.bsn};inkomen;UWV;10,00;;;andere maand",
                  f"2026-11;{a.bsn};inkomen;UWV;;;;bedrag ontbreekt",
                  f"2026-11;{a.bsn};detentie;DJI;;2026-11-30;2026-11-01;einde voor begin",
                  f"2026-11;{a.bsn};detentie;DJI;;2026-11-31;;geen datum",
                  f"2026-11;{a.bsn};inkomen;UWV",
                  f"2026-11;{a.bsn};inkomen;UWV;50,00;;;goed")
    run = ib.vergelijk(handhaver, inhoud, "ib.csv", "2026-11")
    fouten = {(f["regel"], f["veld"]) for f in run.fouten}
    assert fouten == {(2, "bsn"), (3, "bedrag"), (4, "soort"), (5, "maand"), (6, "bedrag"), (7, "einddatum"),
                      (8, "begindatum"), (9, "regel")}
    assert all(f["melding"] and "Traceback" not in f["melding"] for f in run.fouten)
    assert run.aantal_geweigerd == 8 and run.aantal_signalen == 1 and run.signalen.get().regel == 10


def test_onbekend_bsn_wordt_geteld_en_niet_bewaard(handhaver, clienten, indicatoren_goedgekeurd):
    onbekend = bsn_met_elfproef(77_777_777)
    run = ib.vergelijk(handhaver, _csv(f"2026-11;{onbekend};inkomen;UWV;10,00;;;iemand zonder uitkering"), "ib.csv", "2026-11")
    assert (run.aantal_zonder_uitkering, run.aantal_signalen, run.aantal_geweigerd) == (1, 0, 0)
    assert onbekend not in json.dumps(run.fouten) and not Signaal.objects.exists()


@pytest.mark.parametrize("ingang, einde, telt", [
    (dt.date(2026, 11, 30), None, True),            # starts on the month's last day
    (dt.date(2026, 12, 1), None, False),            # starts the day after the month
    (dt.date(2026, 1, 1), dt.date(2026, 11, 1), True),   # ends on the month's first day
    (dt.date(2026, 1, 1), dt.date(2026, 10, 31), False),  # ended the day before
])
def test_lopende_uitkering_randen_van_de_maand(handhaver, client_met_uitkering, indicatoren_goedgekeurd, ingang, einde, telt):
    c = client_met_uitkering(ingang=ingang, einde=einde)
    run = ib.vergelijk(handhaver, _csv(f"2026-11;{c.bsn};inkomen;UWV;10,00;;;x"), "ib.csv", "2026-11")
    assert run.aantal_signalen == (1 if telt else 0)
    assert run.aantal_gecontroleerd == (1 if telt else 0)


def test_concept_besluit_is_geen_lopende_uitkering(handhaver, client_met_uitkering, indicatoren_goedgekeurd):
    from maatwerk.besluiten.models import Status

    c = client_met_uitkering(status=Status.CONCEPT)
    assert ib.vergelijk(handhaver, _csv(f"2026-11;{c.bsn};inkomen;UWV;10,00;;;x"), "ib.csv", "2026-11").aantal_signalen == 0


def test_niet_goedgekeurde_indicator_wordt_niet_gebruikt(handhaver, clienten, indicatoren_goedgekeurd):
    a = clienten[0]
    studie = indicatoren_goedgekeurd["studiefinanciering"]
    IndicatorGoedkeuring.objects.filter(indicator=studie).order_by("-id").first().delete()
    run = ib.vergelijk(handhaver, _csv(f"2026-11;{a.bsn};studiefinanciering;DUO;288,00;;;x",
                                       f"2026-11;{a.bsn};inkomen;UWV;10,00;;;x"), "ib.csv", "2026-11")
    assert (run.aantal_niet_goedgekeurd, run.aantal_signalen) == (1, 1)
    assert run.signalen.get().soort == "inkomen"


@pytest.mark.parametrize("inhoud, naam, melding", [
    (b"", "ib.csv", "leeg"),
    (b"\xff\xfe\x00kapot", "ib.csv", "UTF-8"),
    (b"bsn;bedrag\n999990019;10\n", "ib.csv", "kolommen"),
    (KOP.encode(), "ib.csv", "geen regels"),
    (b"{\"bsn\": 1}", "ib.json", "lijst"),
    (b"[kapot", "ib.json", "JSON"),
])
def test_onleesbaar_bestand_wordt_geheel_geweigerd(handhaver, clienten, indicatoren_goedgekeurd, inhoud, naam, melding):
    with pytest.raises(ValidationError) as fout:
        ib.vergelijk(handhaver, inhoud, naam, "2026-11")
    assert melding in str(fout.value.message_dict["bestand"])
    assert not Vergelijking.objects.exists()


def test_foute_maand_en_dubbel_bestand(handhaver, clienten, indicatoren_goedgekeurd):
    inhoud = _csv(f"2026-11;{clienten[0].bsn};inkomen;UWV;10,00;;;x")
    with pytest.raises(ValidationError) as fout:
        ib.vergelijk(handhaver, inhoud, "ib.csv", "2026-13")
    assert "maand" in fout.value.message_dict
    ib.vergelijk(handhaver, inhoud, "ib.csv", "2026-11")
    with pytest.raises(ValidationError) as fout:
        ib.vergelijk(handhaver, inhoud, "ib.csv", "2026-11")
    assert "al ingelezen" in str(fout.value.message_dict["bestand"])


def test_json_layout(handhaver, clienten, indicatoren_goedgekeurd):
    inhoud = json.dumps([{"maand": "2026-11", "bsn": clienten[1].bsn, "soort": "detentie", "bron": "DJI",
                          "begindatum": "2026-11-03", "einddatum": "2026-11-20", "omschrijving": "Detentie"},
                         {"maand": "2026-11", "bsn": clienten[1].bsn, "soort": "detentie", "bron": "DJI", "kleur": "rood"}])
    run = ib.vergelijk(handhaver, inhoud.encode(), "ib.json", "2026-11")
    assert run.aantal_signalen == 1 and run.fouten == [{"regel": 2, "veld": "kleur", "melding": "Onbekend veld 'kleur'."}]


def test_demobestand(handhaver, client_met_uitkering, indicatoren_goedgekeurd):
    """The shipped demo file: its three demo clients, one line without a benefit, two malformed lines."""
    for bsn in ("999990202", "999990214", "999990226"):
        client_met_uitkering(bsn=bsn)
    run = ib.vergelijk(handhaver, DEMO_BESTAND.read_bytes(), DEMO_BESTAND.name, "2026-11")
    assert (run.aantal_regels, run.aantal_signalen, run.aantal_zonder_uitkering, run.aantal_geweigerd) == (7, 4, 1, 2)


@pytest.mark.parametrize("rol", ["consulent_inkomen", "consulent_wmo", "kwaliteitsmedewerker", "beleidsmedewerker",
                                 "beheerder", "jurist"])
def test_alleen_de_handhaver_leest_in(maak_gebruiker, rol, clienten, indicatoren_goedgekeurd):
    user = maak_gebruiker(f"ander_{rol}", rol)
    with pytest.raises(GeenToegang):
        ib.vergelijk(user, _csv(f"2026-11;{clienten[0].bsn};inkomen;UWV;10,00;;;x"), "ib.csv", "2026-11")
    assert not Vergelijking.objects.exists()
    assert AuditRegel.objects.filter(gebruikersnaam=f"ander_{rol}", toegestaan=False, onderwerp="Inlichtingenbureau").exists()
