"""The 301 for a granted besluit and the round trip of 305/307/315/317 with their retourberichten, including bad
files: each is answered with a Dutch message naming the element (and its rule), never a traceback."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError

from maatwerk.iwmo import services, xmlbericht
from maatwerk.iwmo.models import Bericht, BerichtStatus, Toewijzing, ToewijzingStatus, Verzoek, VerzoekStatus

from .conftest import BASIS, WMO_NS, aanvraag, besluit_op, bericht, klaar, maak_zaak, start, stop, wijziging

pytestmark = pytest.mark.django_db
VANDAAG = dt.date(2026, 2, 10)
NU = dt.datetime(2026, 1, 27, 10, 30, tzinfo=dt.timezone.utc)


def _toewijzen(besluit, wmo, aanbod, **anders):
    velden = dict(product=aanbod["hh"], aanbieder=aanbod["thuiszorg"], volume=3, eenheid="04", frequentie="2",
                  ingangsdatum=dt.date(2026, 2, 1), einddatum=dt.date(2027, 1, 31), nu=NU)
    return services.wijs_toe(wmo, besluit, **{**velden, **anders})


def _tekst(xml: str, pad: str, ns: str) -> list[str]:
    root = ET.fromstring(xml.encode())
    return [e.text for e in root.iterfind(pad, {"m": ns, "b": BASIS})]


def test_301_voor_een_toegekend_besluit_volgt_de_standaard(besluit, wmo, aanbod):
    uit = _toewijzen(besluit, wmo, aanbod)
    ns = WMO_NS.format("wmo301")
    assert uit.soort == "301" and uit.richting == "uit" and uit.bestandsnaam.startswith("WMO301_")
    assert _tekst(uit.xml, "m:Header/m:BerichtCode", ns) == ["414"]
    assert _tekst(uit.xml, "m:Header/m:BerichtVersie", ns) == ["3"]
    assert _tekst(uit.xml, "m:Header/m:BerichtSubversie", ns) == ["2"]
    assert _tekst(uit.xml, "m:Header/m:Afzender", ns) == ["1621"]
    assert _tekst(uit.xml, "m:Header/m:Ontvanger", ns) == ["98000001"]
    assert _tekst(uit.xml, "m:Client/m:Bsn", ns) == [besluit.zaak.hoofdpersoon.bsn]
    assert _tekst(uit.xml, "m:Client/m:Geboortedatum/b:Datum", ns) == ["1950-03-01"]
    assert _tekst(uit.xml, "m:Client/m:Naam/b:Geslachtsnaam/b:Voorvoegsel", ns) == ["de"]
    tp = "m:Client/m:ToegewezenProducten/m:ToegewezenProduct/"
    assert _tekst(uit.xml, tp + "m:ToewijzingNummer", ns) == [uit.toewijzing.nummer]
    assert _tekst(uit.xml, tp + "m:Product/b:Code", ns) == ["01A01"]
    assert _tekst(uit.xml, tp + "m:Ingangsdatum", ns) == ["2026-02-01"]
    assert _tekst(uit.xml, tp + "m:Einddatum", ns) == ["2027-01-31"]
    assert _tekst(uit.xml, tp + "m:Omvang/b:Volume", ns) == ["3"]
    # The message Maatwerk made passes its own checks (structure, BSN elfproef, date order, gemeentecode).
    assert xmlbericht.lees_301(uit.xml.encode(), vandaag=dt.date(2026, 1, 27)).goed


def test_toewijzing_weigert_concept_pgb_en_datums_buiten_het_besluit(wmo, aanbod):
    concept = besluit_op(klaar(maak_zaak(wmo), wmo), wmo, vaststellen=False)
    with pytest.raises(ValidationError, match="eerst worden vastgesteld"):
        _toewijzen(concept, wmo, aanbod)
    pgb = besluit_op(klaar(maak_zaak(wmo), wmo), wmo, vorm="pgb", pgb_bedrag=Decimal("1000.00"),
                     pgb_berekening="75 % van het tarief in natura.", verantwoording="Via de SVB.",
                     kwaliteitseisen="Hulp van een bekende.")
    with pytest.raises(ValidationError, match="natura"):
        _toewijzen(pgb, wmo, aanbod)
    besluit = besluit_op(klaar(maak_zaak(wmo), wmo), wmo)
    with pytest.raises(ValidationError) as fout:
        _toewijzen(besluit, wmo, aanbod, ingangsdatum=dt.date(2026, 1, 31))  # the day before the besluit starts
    assert "Ingangsdatum" in str(fout.value)
    with pytest.raises(ValidationError) as fout:
        _toewijzen(besluit, wmo, aanbod, einddatum=dt.date(2027, 2, 1))  # the day after it ends
    assert "Einddatum" in str(fout.value)
    with pytest.raises(ValidationError) as fout:
        _toewijzen(besluit, wmo, aanbod, aanbieder=aanbod["jeugdteam"])  # no Wmo contract
    assert "geen contract" in str(fout.value)
    # Exactly on the besluit's first and last day is fine.
    assert _toewijzen(besluit, wmo, aanbod, ingangsdatum=dt.date(2026, 2, 1), einddatum=dt.date(2027, 1, 31)).pk
    assert Toewijzing.objects.count() == 1


def test_305_en_307_zetten_de_zorg_aan_en_uit_met_retourbericht(besluit, wmo, aanbod):
    t = _toewijzen(besluit, wmo, aanbod).toewijzing
    bsn = besluit.zaak.hoofdpersoon.bsn
    r = services.importeer(wmo, bericht("305", start(t.nummer), bsn_client=bsn), vandaag=VANDAAG)
    assert r.goed and r.bericht.zaak == besluit.zaak
    t.refresh_from_db()
    assert t.status == ToewijzingStatus.GESTART and t.zorg_gestart_op == dt.date(2026, 2, 3)
    ns306 = WMO_NS.format("wmo306")
    assert r.retour.soort == "306" and _tekst(r.retour.xml, "m:Header/m:BerichtCode", ns306) == ["419"]
    assert _tekst(r.retour.xml, "m:Header/m:RetourCodes/m:RetourCode", ns306) == ["0200"]
    assert _tekst(r.retour.xml, "m:Header/m:BerichtIdentificatie/b:Identificatie", ns306) == ["A1"]
    # A second start while the zorg runs: TR326.
    r2 = services.importeer(wmo, bericht("305", start(t.nummer), bsn_client=bsn, identificatie="A2"), vandaag=VANDAAG)
    assert not r2.goed and "9326" in r2.bericht.retourcodes and "TR326" in r2.bericht.fouten
    # Stop on the day the zorg started is allowed (end == begin).
    r3 = services.importeer(wmo, bericht("307", stop(t.nummer, eind="2026-02-03"), bsn_client=bsn, identificatie="S1"),
                            vandaag=VANDAAG)
    assert r3.goed, r3.bericht.fouten
    t.refresh_from_db()
    assert t.status == ToewijzingStatus.GESTOPT and t.zorg_gestopt_op == dt.date(2026, 2, 3) and t.reden_beeindiging == "19"
    assert _tekst(r3.retour.xml, "m:Header/m:BerichtCode", WMO_NS.format("wmo308")) == ["421"]


def test_stop_zonder_start_en_einde_voor_begin(besluit, wmo, aanbod):
    t = _toewijzen(besluit, wmo, aanbod).toewijzing
    bsn = besluit.zaak.hoofdpersoon.bsn
    r = services.importeer(wmo, bericht("307", stop(t.nummer), bsn_client=bsn), vandaag=VANDAAG)
    assert not r.goed and "9069" in r.bericht.retourcodes
    services.importeer(wmo, bericht("305", start(t.nummer), bsn_client=bsn, identificatie="A2"), vandaag=VANDAAG)
    r = services.importeer(wmo, bericht("307", stop(t.nummer, eind="2026-02-02"), bsn_client=bsn, identificatie="A3"),
                           vandaag=VANDAAG)
    assert not r.goed and "StopProduct/Einddatum: de einddatum ligt vóór de begindatum. (TR018)" in r.bericht.fouten
    t.refresh_from_db()
    assert t.status == ToewijzingStatus.GESTART  # a rejected message changes nothing


@pytest.mark.parametrize("geval, verwacht", [
    ("onbekend_nummer", "9019"),
    ("verkeerde_bsn", "0001"),
    ("berichtcode", "0001"),
    ("toekomst", "8848"),
    ("andere_gemeente", "0001"),
])
def test_foute_berichten_krijgen_een_retourcode_en_een_nederlandse_melding(geval, verwacht, besluit, wmo, aanbod):
    t = _toewijzen(besluit, wmo, aanbod).toewijzing
    bsn = besluit.zaak.hoofdpersoon.bsn
    data = {
        "onbekend_nummer": bericht("305", start("999999"), bsn_client=bsn),
        "verkeerde_bsn": bericht("305", start(t.nummer), bsn_client="123456789"),
        "berichtcode": bericht("305", start(t.nummer), bsn_client=bsn, berichtcode="420"),
        "toekomst": bericht("305", start(t.nummer), bsn_client=bsn, dagtekening="2026-02-11"),
        "andere_gemeente": bericht("305", start(t.nummer), bsn_client=bsn, ontvanger="0363"),
    }[geval]
    r = services.importeer(wmo, data, vandaag=VANDAAG)
    element = {"onbekend_nummer": "StartProduct/ToewijzingNummer", "verkeerde_bsn": "Client/Bsn",
               "berichtcode": "Header/BerichtCode", "toekomst": "Header/BerichtIdentificatie/Dagtekening",
               "andere_gemeente": "Header/Ontvanger"}[geval]
    assert not r.goed and verwacht in r.bericht.retourcodes.split() and element in r.bericht.fouten
    assert r.retour is not None and r.retour.status == BerichtStatus.AANGEMAAKT
    t.refresh_from_db()
    assert t.status == ToewijzingStatus.TOEGEWEZEN


def test_dubbele_identificatie_tr056(besluit, wmo, aanbod):
    t = _toewijzen(besluit, wmo, aanbod).toewijzing
    bsn = besluit.zaak.hoofdpersoon.bsn
    assert services.importeer(wmo, bericht("305", start(t.nummer), bsn_client=bsn), vandaag=VANDAAG).goed
    r = services.importeer(wmo, bericht("305", start(t.nummer, status="3"), bsn_client=bsn), vandaag=VANDAAG)
    assert "9056" in r.bericht.retourcodes


@pytest.mark.parametrize("data, melding", [
    (b"<niet-af", "Bestand: dit is geen geldige XML"),
    (b"", "Bestand: het bestand is leeg"),
    (b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>", "DTD of entiteiten"),
    (b"<Bericht xmlns='urn:iets-anders'/>", "Bericht: het hoofdelement"),
    (b"\xff\xfe\x00<", "Bestand:"),
    (b"<a>" + b" " * (xmlbericht.MAX_BYTES + 1) + b"</a>", "groter dan 2 MB"),
])
def test_onleesbare_bestanden_geven_een_melding_en_bewaren_niets(data, melding, wmo, aanbod):
    with pytest.raises(ValidationError) as fout:
        services.importeer(wmo, data, vandaag=VANDAAG)
    assert melding in str(fout.value.message_dict["bestand"])
    assert not Bericht.objects.exists()


def test_een_301_inlezen_als_aanbiedersbericht_wordt_geweigerd(besluit, wmo, aanbod):
    uit = _toewijzen(besluit, wmo, aanbod)
    with pytest.raises(ValidationError, match="Maatwerk leest alleen 305, 307, 315 en 317 en de retourberichten 302 en 320"):
        services.importeer(wmo, uit.xml.encode(), vandaag=VANDAAG)


def test_315_wordt_een_verzoek_dat_de_consulent_toewijst(besluit, wmo, aanbod):
    bsn = besluit.zaak.hoofdpersoon.bsn
    r = services.importeer(wmo, bericht("315", aanvraag(), bsn_client=bsn, agb="98000002"), vandaag=VANDAAG)
    assert r.goed, r.bericht.fouten
    assert r.retour.soort == "316"
    verzoek = Verzoek.objects.get()
    assert verzoek.zaak == besluit.zaak and verzoek.product == aanbod["begeleiding"] and verzoek.volume == 2
    # A second request of the same provider while the first is open: TR374.
    r2 = services.importeer(wmo, bericht("315", aanvraag("REF-2"), bsn_client=bsn, agb="98000002", identificatie="A2"),
                            vandaag=VANDAAG)
    assert "9374" in r2.bericht.retourcodes
    uit = services.beoordeel_verzoek(wmo, verzoek, akkoord=True, nu=NU)
    assert uit.soort == "301" and uit.toewijzing.aanbieder == aanbod["oostland"]
    assert _tekst(uit.xml, "m:Client/m:ToegewezenProducten/m:ToegewezenProduct/m:ReferentieAanbieder",
                  WMO_NS.format("wmo301")) == ["REF-1"]
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.TOEGEWEZEN
    with pytest.raises(ValidationError, match="al behandeld"):
        services.beoordeel_verzoek(wmo, verzoek, akkoord=False, reden="Te laat.")


def test_317_wijziging_toewijzen_of_afwijzen_met_reden(besluit, wmo, aanbod):
    t = _toewijzen(besluit, wmo, aanbod).toewijzing
    bsn = besluit.zaak.hoofdpersoon.bsn
    r = services.importeer(wmo, bericht("317", wijziging(t.nummer), bsn_client=bsn), vandaag=VANDAAG)
    assert r.goed, r.bericht.fouten
    verzoek = Verzoek.objects.get()
    with pytest.raises(ValidationError) as fout:
        services.beoordeel_verzoek(wmo, verzoek, akkoord=False, reden="  ")
    assert "Reden" in str(fout.value)
    uit = services.beoordeel_verzoek(wmo, verzoek, akkoord=True, nu=NU)
    t.refresh_from_db()
    assert t.volume == 5 and t.einddatum == dt.date(2026, 12, 31) and t.reden_wijziging == "12"
    assert _tekst(uit.xml, "m:Client/m:ToegewezenProducten/m:ToegewezenProduct/m:RedenWijziging",
                  WMO_NS.format("wmo301")) == ["12"]
    # A change of a number that is not a current toewijzing of this client: TR019/9019.
    r = services.importeer(wmo, bericht("317", wijziging("555555", "VOW-2"), bsn_client=bsn, identificatie="A2"),
                           vandaag=VANDAAG)
    assert "9019" in r.bericht.retourcodes
    # Refusal keeps the reason.
    r = services.importeer(wmo, bericht("317", wijziging(t.nummer, "VOW-3", volume="9"), bsn_client=bsn, identificatie="A3"),
                           vandaag=VANDAAG)
    v = Verzoek.objects.get(referentie_aanbieder="VOW-3")
    services.beoordeel_verzoek(wmo, v, akkoord=False, reden="Negen uur per week past niet bij het besluit.")
    v.refresh_from_db()
    assert v.status == VerzoekStatus.AFGEWEZEN and "Negen uur" in v.reden_afwijzing


def test_afgekeurde_header_laat_de_rest_onbeoordeeld(besluit, wmo, aanbod):
    t = _toewijzen(besluit, wmo, aanbod).toewijzing
    r = services.importeer(wmo, bericht("305", start(t.nummer), bsn_client=besluit.zaak.hoofdpersoon.bsn,
                                        berichtcode="999"), vandaag=VANDAAG)
    ns = WMO_NS.format("wmo306")
    assert _tekst(r.retour.xml, "m:Header/m:RetourCodes/m:RetourCode", ns) == ["0001"]
    assert _tekst(r.retour.xml, "m:Client/m:RetourCodes/m:RetourCode", ns) == ["0233"]
    assert _tekst(r.retour.xml, "m:Client/m:StartProduct/m:RetourCodes/m:RetourCode", ns) == ["0233"]
