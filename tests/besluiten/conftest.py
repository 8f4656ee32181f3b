"""Fixtures for the besluiten tests: users with roles, and zaken brought to 'klaar voor besluit' through the
core procedure (so the tests exercise the real state machine, mandate table and policy)."""

from __future__ import annotations

import datetime as dt
import itertools
import os
from decimal import Decimal

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")

import django  # noqa: E402

django.setup()

import pytest  # noqa: E402
from rest_framework.test import APIClient  # noqa: E402

from maatwerk.zaken.wmo_criteria import GUNSTIG
from maatwerk.personen import services as personen  # noqa: E402
from maatwerk.zaken import beoordeling, onderzoek, procedure  # noqa: E402
from maatwerk.zaken.models import CHECKLIST, Status  # noqa: E402
from maatwerk.zaken.services import meld_zaak  # noqa: E402
from helpers import beantwoord_gevraagde_criteria  # noqa: E402

_teller = itertools.count(1)


def bsn(nummer: int) -> str:
    for n in itertools.count(nummer):
        basis = f"{10_000_000 + n % 89_999_999:08d}"
        controle = sum(int(c) * w for c, w in zip(basis, range(9, 1, -1))) % 11
        if controle < 10:
            return basis + str(controle)
    raise AssertionError


def _zaak(gebruiker, regeling="wmo_maatwerkvoorziening"):
    n = next(_teller)
    aanvrager = personen.registreer_inwoner(
        gebruiker, bsn=bsn(n * 7919 + 13), voornamen="Sanne", achternaam=f"de Vries{n}", geboortedatum=dt.date(1970, 3, 1),
        straat="Dorpsstraat", huisnummer=n, postcode="2651 AB", woonplaats="Berkel en Rodenrijs",
    )
    huishouden = personen.maak_huishouden(gebruiker, naam="Huishouden De Vries", aanvrager=aanvrager)
    return meld_zaak(gebruiker, huishouden=huishouden, hoofdpersoon=aanvrager, regeling=regeling,
                     ontvangen_op=dt.date(2026, 1, 5), omschrijving="U vroeg om hulp bij het schoonmaken van uw huis.")


def _klaar(zaak, gebruiker, *, uitkomst="toegekend", bedrag=Decimal("3900.00"), tot=Status.KLAAR_VOOR_BESLUIT):
    """A Wmo zaak through melding → onderzoek → plan → aanvraag → beoordeling (→ klaar_voor_besluit)."""
    S = Status
    procedure.voer_uit(zaak, S.ONDERZOEK, gebruiker, datum=dt.date(2026, 1, 12))
    onderzoek.werk_onderzoek_bij(zaak, gebruiker, **{veld: f"Besproken: {veld}." for veld in CHECKLIST})
    procedure.voer_uit(zaak, S.ONDERSTEUNINGSPLAN, gebruiker, datum=dt.date(2026, 1, 12))
    zaak.refresh_from_db()
    onderzoek.stel_plan_op(zaak, gebruiker, afspraken="Afspraken over de ondersteuning.")
    procedure.voer_uit(zaak, S.AANVRAAG, gebruiker, datum=dt.date(2026, 1, 20))
    procedure.voer_uit(zaak, S.BEOORDELING, gebruiker, datum=dt.date(2026, 1, 21))
    zaak.refresh_from_db()
    if tot == S.BEOORDELING:
        return zaak
    # Wmo: every asked criterion in order, with the answer under which nothing stands in the way (the cascade of
    # art. 4:3 lid 3 asks "nee" per step); for a refusal, step a solves the need (art. 4:4 lid 1 onder c).
    waarden = {**GUNSTIG, **({"cascade_eigen_kracht": "ja"} if uitkomst == "afgewezen" else {})}
    beantwoord_gevraagde_criteria(zaak, gebruiker, waarden=waarden,
                                  motivering="U kunt uw huis zelf niet meer schoonhouden door uw rugklachten.")
    procedure.voer_uit(zaak, S.KLAAR_VOOR_BESLUIT, gebruiker, datum=dt.date(2026, 1, 22), uitkomst=uitkomst, bedrag=bedrag)
    zaak.refresh_from_db()
    assert zaak.status == S.KLAAR_VOOR_BESLUIT
    return zaak


@pytest.fixture
def nieuwe_zaak():
    return _zaak


@pytest.fixture
def klaar():
    return _klaar


@pytest.fixture
def zaak_klaar(wmo):
    return _klaar(_zaak(wmo), wmo)


WMO_NATURA = dict(
    vorm="natura", voorziening="hulp bij het huishouden", beoogd_resultaat="U woont in een schoon huis.",
    ingangsdatum=dt.date(2026, 2, 1), einddatum=dt.date(2027, 1, 31), omvang="3 uur per week",
    bijdrage_verschuldigd=True, bijdrage_toelichting="Het CAK stuurt u daarvoor een rekening.",
    vervolg="De zorgaanbieder belt u binnen twee weken.",
)


@pytest.fixture
def wmo_natura():
    return dict(WMO_NATURA)


@pytest.fixture
def api():
    def client(user=None):
        c = APIClient()
        if user is not None:
            c.force_authenticate(user)
        return c

    return client


# ------------------------------------------------------------------ demo case 7 (issue 8) through the real procedure

CASUS_7_BEVINDINGEN = {
    # The consulent's internal motivering, as written in the demo: it names a medical detail on purpose (the
    # letter must not copy it, AVG art. 9).
    "bijzondere_omstandigheden": ("ja", "Pedro heeft een lichte hersenbeschadiging na een ongeluk en kan de slotbalans "
                                        "van zijn failliete bedrijf niet zelf opstellen."),
    "kosten_noodzakelijk": ("ja", "Zonder slotbalans kan de schuldhulpverlening niet beginnen."),
    "kosten_daadwerkelijk_gemaakt": ("ja", "Offerte van de boekhouder van € 2.500 ligt in het dossier."),
    "voorliggende_voorziening": ("nee", "Er is geen verzekering of andere regeling die een boekhouder betaalt."),
    "afwijzingsgronden": ("nee", "Het gaat om de kosten van een boekhouder, niet om een schuld."),
    "zeer_dringende_redenen": ("nee", "Er is geen afwijzingsgrond, dus artikel 16 is niet nodig."),
}


def _casus_7(consulent, *, vandaag=dt.date(2026, 10, 5), bevindingen=None, uitkomst="toegekend"):
    """Demo case 7 (Pedro Verhoef, bijzondere bijstand € 2.500 for a bookkeeper), from the demo household and
    melding through onderzoek, aanvraag, beoordeling (findings, Regelkern) to 'klaar voor besluit'."""
    from maatwerk.demo import gegevens as demo_gegevens

    casus = next(c for c in demo_gegevens.casussen() if c.nummer == 7)
    ctx = demo_gegevens._Context(vandaag=vandaag, consulent=consulent, gebruikers={})
    ctx.hh, ctx.inwoners = demo_gegevens._maak_huishouden(casus, consulent, vandaag)
    casus.opbouw(ctx)
    from maatwerk.zaken.models import Zaak

    zaak = Zaak.objects.get(hoofdpersoon=ctx.inwoners[0])
    S = Status
    procedure.voer_uit(zaak, S.ONDERZOEK, consulent, datum=vandaag)
    onderzoek.werk_onderzoek_bij(zaak, consulent, **{veld: f"Besproken: {veld}." for veld in CHECKLIST})
    procedure.voer_uit(zaak, S.AANVRAAG, consulent, datum=vandaag, via="aanvraagformulier")
    procedure.voer_uit(zaak, S.BEOORDELING, consulent, datum=vandaag)
    zaak.refresh_from_db()
    for criterium, (waarde, motivering) in (bevindingen or CASUS_7_BEVINDINGEN).items():
        beoordeling.leg_bevinding_vast(zaak, consulent, criterium=criterium, waarde=waarde, motivering=motivering)
    beoordeling.bereken(zaak, consulent, maand=f"{vandaag.year:04d}-{vandaag.month:02d}")
    procedure.voer_uit(zaak, S.KLAAR_VOOR_BESLUIT, consulent, datum=vandaag, uitkomst=uitkomst)
    zaak.refresh_from_db()
    assert zaak.status == S.KLAAR_VOOR_BESLUIT
    return zaak


@pytest.fixture
def casus_7():
    return _casus_7


@pytest.fixture
def casus_7_bevindingen():
    return dict(CASUS_7_BEVINDINGEN)
