"""Fixtures of the enforcement tests (issue 11): Django set up as in tests/web, users per role, clients with a
running benefit (the population of the Inlichtingenbureau comparison) and approved indicators."""

from __future__ import annotations

import datetime as dt
import itertools
import os
from decimal import Decimal

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")

import django  # noqa: E402

django.setup()

import pytest  # noqa: E402
from django.test import Client  # noqa: E402
from rest_framework.test import APIClient  # noqa: E402

from maatwerk.besluiten.models import Besluit, Periode, Soort, Status  # noqa: E402
from maatwerk.handhaving.models import Indicator, IndicatorGoedkeuring, SignaalSoort  # noqa: E402
from maatwerk.personen import services as personen  # noqa: E402
from maatwerk.zaken.services import meld_zaak  # noqa: E402

_teller = itertools.count(1)


def bsn_met_elfproef(nummer: int) -> str:
    for n in itertools.count(nummer):
        cijfers = f"{n % 10**8:08d}"
        som = sum(int(c) * w for c, w in zip(cijfers, range(9, 1, -1)))
        controle = som % 11
        if controle < 10:
            return cijfers + str(controle)
    raise AssertionError  # pragma: no cover


@pytest.fixture
def maak_gebruiker(db):
    """As tests/conftest.py, without a password: hashing one costs seconds under load, and these tests log in
    with force_login."""
    from django.contrib.auth.models import Group, User

    def maak(naam: str, *rollen: str) -> User:
        user = User.objects.create_user(naam)
        for rol in rollen:
            user.groups.add(Group.objects.get(name=rol))
        return user

    return maak


@pytest.fixture
def handhaver(maak_gebruiker):
    return maak_gebruiker("handhaver1", "handhaver")


@pytest.fixture
def handhaver2(maak_gebruiker):
    return maak_gebruiker("handhaver2", "handhaver")


@pytest.fixture
def beleid(maak_gebruiker):
    return maak_gebruiker("beleid1", "beleidsmedewerker")


@pytest.fixture
def client_voor():
    def maak(user, api: bool = False):
        if api:
            c = APIClient()
            c.force_authenticate(user)
            return c
        c = Client()
        c.force_login(user)
        return c

    return maak


@pytest.fixture
def client_met_uitkering(inkomen):
    """client_met_uitkering(ingang=, einde=None, regeling=...): an inwoner with a bekendgemaakt toekenning of an
    Inkomen zaak over that period (made directly: the besluit flow itself is tested in tests/besluiten)."""

    def maak(*, ingang=dt.date(2026, 1, 1), einde=None, regeling="algemene_bijstand", bsn=None, status=Status.BEKENDGEMAAKT):
        n = next(_teller)
        inwoner = personen.registreer_inwoner(
            inkomen, bsn=bsn or bsn_met_elfproef(40000000 + n * 7919), voornamen=f"Client{n}", achternaam="Vos",
            geboortedatum=dt.date(1980, 1, 1), straat="Dorpsstraat", huisnummer=n, postcode="2651 AB",
            woonplaats="Berkel en Rodenrijs")
        huishouden = personen.maak_huishouden(inkomen, naam="Huishouden Vos", aanvrager=inwoner)
        zaak = meld_zaak(inkomen, huishouden=huishouden, hoofdpersoon=inwoner, regeling=regeling,
                         ontvangen_op=dt.date(2025, 12, 1), omschrijving="Periodieke bijstand")
        Besluit.objects.create(zaak=zaak, soort=Soort.TOEKENNING, status=status, voorziening="Periodieke bijstand",
                               bedrag=Decimal("250.00"), bedrag_periode=Periode.PER_MAAND, ingangsdatum=ingang,
                               einddatum=einde, opgesteld_door=inkomen, besluitdatum=ingang)
        return inwoner

    return maak


@pytest.fixture
def indicatoren_goedgekeurd(handhaver, beleid, kwaliteit):
    """One approved indicator per signal type (author handhaver; approved by beleid and kwaliteit)."""
    uit = {}
    for soort in SignaalSoort.values:
        i = Indicator.objects.create(code=f"ib-{soort}", naam=f"Signaal {soort}", omschrijving="Omschrijving.",
                                     doel="Doel.", wettelijke_grondslag="Participatiewet art. 17 en 64.",
                                     criteria=f"Elke regel van soort {soort}.", gegevens="BSN en bedrag.",
                                     eigenaar="Teamleider handhaving", signaalsoort=soort,
                                     menselijke_tussenkomst="De casustafel beoordeelt.", auteur=handhaver)
        for door in (beleid, kwaliteit):
            IndicatorGoedkeuring.objects.create(indicator=i, door=door, toelichting="Akkoord.")
        uit[soort] = i
    return uit
