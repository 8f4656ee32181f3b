"""Fixtures for the iWmo/iJw tests: demo providers and products, a Wmo zaak with a vastgesteld besluit in
natura (through the real procedure and besluit services), and builders for providers' messages."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")

import django  # noqa: E402

django.setup()

import pytest  # noqa: E402
from rest_framework.test import APIClient  # noqa: E402

from maatwerk.besluiten import services as besluiten  # noqa: E402
from maatwerk.iwmo import demo  # noqa: E402
from maatwerk.iwmo.models import Aanbieder, Product  # noqa: E402
from maatwerk.personen import services as personen  # noqa: E402
from maatwerk.zaken.wmo_criteria import GUNSTIG
from maatwerk.zaken import onderzoek, procedure  # noqa: E402
from maatwerk.zaken.models import CHECKLIST, Status  # noqa: E402
from maatwerk.zaken.services import meld_zaak  # noqa: E402
from helpers import beantwoord_gevraagde_criteria  # noqa: E402

D = dt.date
_teller = itertools.count(1)
WMO_NATURA = dict(
    vorm="natura", voorziening="hulp bij het huishouden", beoogd_resultaat="U woont in een schoon huis.",
    ingangsdatum=D(2026, 2, 1), einddatum=D(2027, 1, 31), omvang="3 uur per week",
    bijdrage_verschuldigd=True, bijdrage_toelichting="Het CAK stuurt u daarvoor een rekening.",
    vervolg="De zorgaanbieder belt u binnen twee weken.",
)


def bsn(nummer: int) -> str:
    for n in itertools.count(nummer):
        basis = f"{10_000_000 + n % 89_999_999:08d}"
        controle = sum(int(c) * w for c, w in zip(basis, range(9, 1, -1))) % 11
        if controle < 10:
            return basis + str(controle)
    raise AssertionError


def maak_zaak(gebruiker, regeling="wmo_maatwerkvoorziening"):
    n = next(_teller)
    aanvrager = personen.registreer_inwoner(
        gebruiker, bsn=bsn(n * 7919 + 71), voornamen="Sanne Maria", achternaam=f"Vries{n}", tussenvoegsel="de",
        geboortedatum=D(1950, 3, 1), straat="Dorpsstraat", huisnummer=n, postcode="2651 AB", woonplaats="Berkel en Rodenrijs",
    )
    huishouden = personen.maak_huishouden(gebruiker, naam="Huishouden De Vries", aanvrager=aanvrager)
    return meld_zaak(gebruiker, huishouden=huishouden, hoofdpersoon=aanvrager, regeling=regeling,
                     ontvangen_op=D(2026, 1, 5), omschrijving="U vroeg om hulp bij het schoonmaken van uw huis.")


def klaar(zaak, gebruiker):
    S = Status
    procedure.voer_uit(zaak, S.ONDERZOEK, gebruiker, datum=D(2026, 1, 12))
    onderzoek.werk_onderzoek_bij(zaak, gebruiker, **{veld: f"Besproken: {veld}." for veld in CHECKLIST})
    procedure.voer_uit(zaak, S.ONDERSTEUNINGSPLAN, gebruiker, datum=D(2026, 1, 12))
    zaak.refresh_from_db()
    onderzoek.stel_plan_op(zaak, gebruiker, afspraken="Afspraken over de ondersteuning.")
    procedure.voer_uit(zaak, S.AANVRAAG, gebruiker, datum=D(2026, 1, 20))
    procedure.voer_uit(zaak, S.BEOORDELING, gebruiker, datum=D(2026, 1, 21))
    zaak.refresh_from_db()
    # Every asked criterion in order, with the answer under which nothing stands in the way (the Wmo cascade of
    # art. 4:3 lid 3 asks "nee" per step); in natura, so no pgb.
    waarden = {**GUNSTIG, "vorm_pgb": "nee", "pgb_gewenst": "nee"}
    beantwoord_gevraagde_criteria(zaak, gebruiker, waarden=waarden,
                                  motivering="U kunt uw huis zelf niet meer schoonhouden door uw rugklachten.")
    procedure.voer_uit(zaak, S.KLAAR_VOOR_BESLUIT, gebruiker, datum=D(2026, 1, 22), uitkomst="toegekend",
                       bedrag=Decimal("3900.00"))
    zaak.refresh_from_db()
    return zaak


def besluit_op(zaak, gebruiker, *, vaststellen=True, **velden):
    besluit = besluiten.opstellen(zaak, gebruiker)
    besluiten.wijzigen(besluit, gebruiker, **{**WMO_NATURA, **velden})
    if vaststellen:
        besluiten.vaststellen(besluit, gebruiker, datum=D(2026, 1, 26))
    besluit.refresh_from_db()
    return besluit


@pytest.fixture
def aanbod(db):
    demo.laad()
    return {
        "thuiszorg": Aanbieder.objects.get(agb_code="98000001"),
        "oostland": Aanbieder.objects.get(agb_code="98000002"),
        "jeugdteam": Aanbieder.objects.get(agb_code="98000003"),
        "hh": Product.objects.get(code="01A01"),
        "begeleiding": Product.objects.get(code="02A01"),
        "jeugdhulp": Product.objects.get(code="45A01"),
    }


@pytest.fixture
def besluit(wmo, aanbod):
    return besluit_op(klaar(maak_zaak(wmo), wmo), wmo)


@pytest.fixture
def api():
    def client(user=None):
        c = APIClient()
        if user is not None:
            c.force_authenticate(user)
        return c

    return client


@pytest.fixture
def beleid_mw(maak_gebruiker):
    return maak_gebruiker("beleid1", "beleidsmedewerker")


# ------------------------------------------------------------------ messages of a provider

WMO_NS = "http://www.istandaarden.nl/iwmo/3_2/{}/schema"
BASIS = WMO_NS.format("basisschema")
CODES = {"305": "418", "307": "420", "315": "444", "317": "480"}


def bericht(soort: str, inhoud: str, *, bsn_client: str, agb="98000001", identificatie="A1", dagtekening="2026-02-10",
            berichtcode=None, ontvanger="1621", geboortedatum="1950-03-01") -> bytes:
    ns = WMO_NS.format(f"wmo{soort}")
    code = berichtcode or CODES[soort]
    geboorte = f"<m:Geboortedatum><b:Datum>{geboortedatum}</b:Datum></m:Geboortedatum>" if soort != "317" else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<m:Bericht xmlns:m="{ns}" xmlns:b="{BASIS}">
  <m:Header>
    <m:BerichtCode>{code}</m:BerichtCode><m:BerichtVersie>3</m:BerichtVersie><m:BerichtSubversie>2</m:BerichtSubversie>
    <m:Afzender>{agb}</m:Afzender><m:Ontvanger>{ontvanger}</m:Ontvanger>
    <m:BerichtIdentificatie><b:Identificatie>{identificatie}</b:Identificatie><b:Dagtekening>{dagtekening}</b:Dagtekening></m:BerichtIdentificatie>
    <m:XsdVersie><b:BasisschemaXsdVersie>1.0.0</b:BasisschemaXsdVersie><b:BerichtXsdVersie>1.0.0</b:BerichtXsdVersie></m:XsdVersie>
  </m:Header>
  <m:Client><m:Bsn>{bsn_client}</m:Bsn>{geboorte}{inhoud}</m:Client>
</m:Bericht>""".encode()


def start(nummer, *, ingang="2026-02-01", begin="2026-02-03", status="1", categorie="01", code="01A01") -> str:
    return (f"<m:StartProducten><m:StartProduct><m:ToewijzingNummer>{nummer}</m:ToewijzingNummer>"
            f"<m:Product><b:Categorie>{categorie}</b:Categorie><b:Code>{code}</b:Code></m:Product>"
            f"<m:ToewijzingIngangsdatum>{ingang}</m:ToewijzingIngangsdatum><m:Begindatum>{begin}</m:Begindatum>"
            f"<m:StatusAanlevering>{status}</m:StatusAanlevering></m:StartProduct></m:StartProducten>")


def stop(nummer, *, ingang="2026-02-01", begin="2026-02-03", eind="2026-02-09", reden="19", status="1") -> str:
    return (f"<m:StopProducten><m:StopProduct><m:ToewijzingNummer>{nummer}</m:ToewijzingNummer>"
            f"<m:Product><b:Categorie>01</b:Categorie><b:Code>01A01</b:Code></m:Product>"
            f"<m:ToewijzingIngangsdatum>{ingang}</m:ToewijzingIngangsdatum><m:Begindatum>{begin}</m:Begindatum>"
            f"<m:RedenBeeindiging>{reden}</m:RedenBeeindiging><m:Einddatum>{eind}</m:Einddatum>"
            f"<m:StatusAanlevering>{status}</m:StatusAanlevering></m:StopProduct></m:StopProducten>")


def aanvraag(referentie="REF-1", *, categorie="02", code="02A01", ingang="2026-03-01", eind="2026-12-31", volume="2") -> str:
    return (f"<m:AangevraagdeProducten><m:AangevraagdProduct><m:ReferentieAanbieder>{referentie}</m:ReferentieAanbieder>"
            f"<m:Product><b:Categorie>{categorie}</b:Categorie><b:Code>{code}</b:Code></m:Product>"
            f"<m:ToewijzingIngangsdatum>{ingang}</m:ToewijzingIngangsdatum><m:ToewijzingEinddatum>{eind}</m:ToewijzingEinddatum>"
            f"<m:Omvang><b:Volume>{volume}</b:Volume><b:Eenheid>04</b:Eenheid><b:Frequentie>2</b:Frequentie></m:Omvang>"
            f"</m:AangevraagdProduct></m:AangevraagdeProducten>")


def wijziging(nummer, referentie="VOW-1", *, ingang="2026-02-01", eind="2026-12-31", volume="5") -> str:
    return (f"<m:Verzoek><m:ReferentieAanbieder>{referentie}</m:ReferentieAanbieder><m:RedenVerzoek>01</m:RedenVerzoek>"
            f"<m:TeWijzigenProducten><m:TeWijzigenProduct><m:ToewijzingNummer>{nummer}</m:ToewijzingNummer>"
            f"<m:GewensteIngangsdatum>{ingang}</m:GewensteIngangsdatum><m:Einddatum>{eind}</m:Einddatum>"
            f"<m:Omvang><b:Volume>{volume}</b:Volume><b:Eenheid>04</b:Eenheid><b:Frequentie>2</b:Frequentie></m:Omvang>"
            f"</m:TeWijzigenProduct></m:TeWijzigenProducten></m:Verzoek>")
