"""Schema validation (Maatwerk's own XSDs, iwmo/xsd/): every message Maatwerk makes matches its schema, and a
provider's file that does not is rejected as a whole with retourcode 0001 naming the element, never a 500."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError

from maatwerk.iwmo import schema, services
from maatwerk.iwmo.models import Bericht, BerichtStatus, ToewijzingStatus, Verzoek
from maatwerk.personen.models import Inwoner

from .conftest import BASIS, WMO_NS, aanvraag, bericht, start, stop, wijziging

VANDAAG = dt.date(2026, 2, 10)
NU = dt.datetime(2026, 1, 27, 10, 30, tzinfo=dt.timezone.utc)


def _toewijzen(besluit, wmo, aanbod):
    return services.wijs_toe(wmo, besluit, product=aanbod["hh"], aanbieder=aanbod["thuiszorg"], volume=3, eenheid="04",
                             frequentie="2", ingangsdatum=dt.date(2026, 2, 1), einddatum=dt.date(2027, 1, 31), nu=NU)


def _geldig(b: Bericht) -> list:
    return schema.valideer(ET.fromstring(b.xml.encode()), b.domein, b.soort)


def _codes(xml: str, pad: str, soort: str) -> list[str]:
    root = ET.fromstring(xml.encode())
    return [e.text for e in root.iterfind(pad, {"m": WMO_NS.format(f"wmo{soort}"), "b": BASIS})]


@pytest.mark.parametrize("domein", ["wmo", "jeugd"])
def test_elk_schema_laadt_zonder_iets_op_te_halen(domein):
    for soort in ("301", "302", "305", "306", "307", "308", "315", "316", "317", "318", "319", "320"):
        s = schema.schema(domein, soort)
        assert s.target_namespace.endswith(f"{'wmo' if domein == 'wmo' else 'jw'}{soort}/schema")


@pytest.mark.django_db
def test_alles_wat_maatwerk_maakt_voldoet_aan_het_schema(besluit, wmo, aanbod):
    """301, 306, 308, 316, 318 and 319 (toegekend and afgewezen) each validate against their own XSD."""
    uit = _toewijzen(besluit, wmo, aanbod)
    t, bsn = uit.toewijzing, besluit.zaak.hoofdpersoon.bsn
    assert _geldig(uit) == []
    gemaakt = [uit]
    for data in (bericht("305", start(t.nummer), bsn_client=bsn, identificatie="S1"),
                 bericht("317", wijziging(t.nummer, "VOW-9"), bsn_client=bsn, identificatie="S2"),
                 bericht("315", aanvraag(), bsn_client=bsn, agb="98000002", identificatie="S3"),
                 bericht("305", start("999999"), bsn_client=bsn, identificatie="S4")):  # rejected: still a valid 306
        gemaakt.append(services.importeer(wmo, data, vandaag=VANDAAG).retour)
    gemaakt.append(services.beoordeel_verzoek(wmo, Verzoek.objects.get(referentie_aanbieder="REF-1"), akkoord=True, nu=NU))
    services.beoordeel_verzoek(wmo, Verzoek.objects.get(referentie_aanbieder="VOW-9"), akkoord=False,
                               reden="Vijf uur per week past niet bij het besluit.")
    gemaakt.append(services.importeer(wmo, bericht("307", stop(t.nummer), bsn_client=bsn, identificatie="S5"),
                                      vandaag=VANDAAG).retour)
    gemaakt += list(Bericht.objects.filter(soort="319"))
    assert sorted({b.soort for b in gemaakt}) == ["301", "306", "308", "316", "318", "319"]
    for b in gemaakt:
        assert _geldig(b) == [], b.soort


@pytest.mark.django_db
@pytest.mark.parametrize("geval, element", [
    # Begindatum before ToewijzingIngangsdatum: the order of the sequence is part of the schema.
    ("volgorde", "Client/StartProducten/StartProduct/Begindatum"),
    ("onbekend_element", "Client/StartProducten/StartProduct/Extra"),
    ("bsn_8_cijfers", "Client/Bsn"),
    ("29_februari_geen_schrikkeljaar", "Client/StartProducten/StartProduct/Begindatum"),
    ("31_april", "Client/StartProducten/StartProduct/ToewijzingIngangsdatum"),
    ("kind_in_verkeerde_namespace", "Client/StartProducten/StartProduct/Product/Categorie"),
    ("status_4", "Client/StartProducten/StartProduct/StatusAanlevering"),
])
def test_schemafout_is_technische_afkeuring_met_element(geval, element, besluit, wmo, aanbod):
    t = _toewijzen(besluit, wmo, aanbod).toewijzing
    bsn = besluit.zaak.hoofdpersoon.bsn
    goed = start(t.nummer)
    inhoud, client_bsn = {
        "volgorde": (goed.replace("<m:ToewijzingIngangsdatum>2026-02-01</m:ToewijzingIngangsdatum><m:Begindatum>2026-02-03</m:Begindatum>",
                                  "<m:Begindatum>2026-02-03</m:Begindatum><m:ToewijzingIngangsdatum>2026-02-01</m:ToewijzingIngangsdatum>"), bsn),
        "onbekend_element": (goed.replace("</m:StatusAanlevering>", "</m:StatusAanlevering><m:Extra>x</m:Extra>"), bsn),
        "bsn_8_cijfers": (goed, bsn[:8]),
        "29_februari_geen_schrikkeljaar": (start(t.nummer, begin="2026-02-29"), bsn),
        "31_april": (start(t.nummer, ingang="2026-04-31"), bsn),
        "kind_in_verkeerde_namespace": (goed.replace("<b:Categorie>01</b:Categorie>", "<m:Categorie>01</m:Categorie>"), bsn),
        "status_4": (start(t.nummer, status="4"), bsn),
    }[geval]
    r = services.importeer(wmo, bericht("305", inhoud, bsn_client=client_bsn), vandaag=VANDAAG)
    assert r.bericht.status == BerichtStatus.AFGEKEURD and r.bericht.retourcodes.split() == ["0001"]
    assert f"{element}:" in r.bericht.fouten and "(XSD)" in r.bericht.fouten
    # The whole message is rejected before the business rules: header 0001, client and product not judged.
    assert _codes(r.retour.xml, "m:Header/m:RetourCodes/m:RetourCode", "306") == ["0001"]
    assert _codes(r.retour.xml, "m:Client/m:StartProduct/m:RetourCodes/m:RetourCode", "306") in ([], ["0233"])
    assert _geldig(r.retour) == []
    t.refresh_from_db()
    assert t.status == ToewijzingStatus.TOEGEWEZEN


@pytest.mark.django_db
def test_schrikkeldag_en_maandeinde_zijn_geldig(besluit, wmo, aanbod):
    t = _toewijzen(besluit, wmo, aanbod).toewijzing
    data = bericht("305", start(t.nummer, ingang="2026-02-01", begin="2026-01-31"), bsn_client=besluit.zaak.hoofdpersoon.bsn,
                   geboortedatum="1948-02-29", dagtekening="2026-02-28")
    r = services.importeer(wmo, data, vandaag=dt.date(2026, 2, 28))
    assert "(XSD)" not in r.bericht.fouten  # 31 January and 29 February 1948 are real dates


@pytest.mark.django_db
@pytest.mark.parametrize("afzender, element", [("9800001", "Header/Afzender"), ("98000001X", "Header/Afzender")])
def test_zonder_geldige_afzender_geen_retourbericht_maar_melding(afzender, element, besluit, wmo, aanbod):
    t = _toewijzen(besluit, wmo, aanbod).toewijzing
    with pytest.raises(ValidationError) as fout:
        services.importeer(wmo, bericht("305", start(t.nummer), bsn_client=besluit.zaak.hoofdpersoon.bsn, agb=afzender),
                           vandaag=VANDAAG)
    assert str(fout.value.message_dict["bestand"][0]).startswith(f"{element}:")
    assert not Bericht.objects.filter(richting="in").exists()


@pytest.mark.django_db
def test_301_met_adres_dat_het_schema_weigert_geeft_nederlandse_melding(besluit, wmo, aanbod):
    Inwoner.objects.filter(pk=besluit.zaak.hoofdpersoon_id).update(postcode="0651 AB")  # no Dutch postcode starts with 0
    with pytest.raises(ValidationError) as fout:
        _toewijzen(besluit, wmo, aanbod)
    tekst = str(fout.value.message_dict["__all__"][0])
    assert "kan niet als 301 worden gemaakt" in tekst and "Adres/Postcode" in tekst
    assert not Bericht.objects.exists()
