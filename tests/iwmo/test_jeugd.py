"""iJw: the JW301 for a granted jeugdhulp besluit in natura (BerichtCode 436, iJw namespace), a JW305 back, and the
Wmo consulent kept out."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from maatwerk.iwmo import services, xmlbericht
from maatwerk.iwmo.models import ToewijzingStatus
from maatwerk.zaken import onderzoek, procedure
from maatwerk.zaken.models import CHECKLIST, Status
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.toegang.models import AuditRegel
from helpers import beantwoord_gevraagde_criteria

from .conftest import BASIS, besluit_op, maak_zaak

pytestmark = pytest.mark.django_db
D = dt.date
IJW = "http://www.istandaarden.nl/ijw/3_2/{}/schema"


def _jeugd_klaar(zaak, gebruiker):
    procedure.voer_uit(zaak, Status.ONDERZOEK, gebruiker, datum=D(2026, 1, 12))
    onderzoek.werk_onderzoek_bij(zaak, gebruiker, **{veld: f"Besproken: {veld}." for veld in CHECKLIST})
    procedure.voer_uit(zaak, Status.ONDERSTEUNINGSPLAN, gebruiker, datum=D(2026, 1, 12))
    zaak.refresh_from_db()
    onderzoek.stel_plan_op(zaak, gebruiker, afspraken="Afspraken over de hulp.")
    procedure.voer_uit(zaak, Status.AANVRAAG, gebruiker, datum=D(2026, 1, 20))
    procedure.voer_uit(zaak, Status.BEOORDELING, gebruiker, datum=D(2026, 1, 21))
    zaak.refresh_from_db()
    # No referral, so the 5:4 questions follow once the route is answered; no pgb.
    beantwoord_gevraagde_criteria(zaak, gebruiker, waarden={}, standaard="nee",
                                  motivering="Ouders en school komen er samen niet uit; er is geen voorliggende hulp.")
    procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, gebruiker, datum=D(2026, 1, 22), uitkomst="toegekend",
                       bedrag=Decimal("3000.00"))
    zaak.refresh_from_db()
    return zaak


def test_jw301_en_jw305(jeugd, wmo, aanbod):
    zaak = _jeugd_klaar(maak_zaak(jeugd, regeling="jeugdhulp"), jeugd)
    besluit = besluit_op(zaak, jeugd, voorziening="ambulante jeugdhulp", omvang="2 uur per week",
                         aanbieder="Jeugdteam Rodenrijs")
    with pytest.raises(GeenToegang):
        services.wijs_toe(wmo, besluit, product=aanbod["jeugdhulp"], aanbieder=aanbod["jeugdteam"], volume=2,
                          eenheid="04", frequentie="2", ingangsdatum=D(2026, 2, 1), einddatum=D(2027, 1, 31))
    assert AuditRegel.objects.filter(zaak=zaak, gebruikersnaam="wmo1", toegestaan=False, onderwerp="toewijzing").exists()
    uit = services.wijs_toe(jeugd, besluit, product=aanbod["jeugdhulp"], aanbieder=aanbod["jeugdteam"], volume=2,
                            eenheid="04", frequentie="2", ingangsdatum=D(2026, 2, 1), einddatum=D(2027, 1, 31))
    assert uit.bestandsnaam.startswith("JW301_") and uit.type_tekst == "JW301 Toewijzing"
    assert f'xmlns:jw301="{IJW.format("jw301")}"' in uit.xml and "<jw301:BerichtCode>436</jw301:BerichtCode>" in uit.xml
    assert xmlbericht.lees_301(uit.xml.encode(), vandaag=uit.dagtekening).goed
    t = uit.toewijzing
    data = f"""<?xml version="1.0" encoding="UTF-8"?>
<m:Bericht xmlns:m="{IJW.format('jw305')}" xmlns:b="{IJW.format('basisschema')}">
  <m:Header><m:BerichtCode>438</m:BerichtCode><m:BerichtVersie>3</m:BerichtVersie><m:BerichtSubversie>2</m:BerichtSubversie>
    <m:Afzender>98000003</m:Afzender><m:Ontvanger>1621</m:Ontvanger>
    <m:BerichtIdentificatie><b:Identificatie>J1</b:Identificatie><b:Dagtekening>2026-02-10</b:Dagtekening></m:BerichtIdentificatie>
    <m:XsdVersie><b:BasisschemaXsdVersie>1.0.0</b:BasisschemaXsdVersie><b:BerichtXsdVersie>1.0.0</b:BerichtXsdVersie></m:XsdVersie></m:Header>
  <m:Client><m:Bsn>{zaak.hoofdpersoon.bsn}</m:Bsn><m:Geboortedatum><b:Datum>1950-03-01</b:Datum></m:Geboortedatum>
    <m:StartProducten><m:StartProduct><m:ToewijzingNummer>{t.nummer}</m:ToewijzingNummer>
      <m:Product><b:Categorie>45</b:Categorie><b:Code>45A01</b:Code></m:Product>
      <m:ToewijzingIngangsdatum>2026-02-01</m:ToewijzingIngangsdatum><m:Begindatum>2026-02-01</m:Begindatum>
      <m:StatusAanlevering>1</m:StatusAanlevering></m:StartProduct></m:StartProducten></m:Client>
</m:Bericht>""".encode()
    assert not services.importeer(wmo, data, vandaag=D(2026, 2, 10)).goed  # Wmo cannot process iJw (TR019)
    r = services.importeer(jeugd, data.replace(b">J1<", b">J2<"), vandaag=D(2026, 2, 10))
    assert r.goed, r.bericht.fouten
    assert "<jw306:BerichtCode>439</jw306:BerichtCode>" in r.retour.xml
    t.refresh_from_db()
    assert t.status == ToewijzingStatus.GESTART
    assert BASIS  # the iWmo base namespace is not used in iJw messages
    assert "iwmo" not in uit.xml
