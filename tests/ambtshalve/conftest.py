"""Fixtures of the ambtshalve tests (issue 12 point 4): households with algemene bijstand over the referteperiode,
an earlier inkomenstoeslag with the consulent's finding "geen zicht op inkomensverbetering", and vermogen."""

from __future__ import annotations

import datetime as dt
import itertools
import os
from decimal import Decimal

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")

import django  # noqa: E402

django.setup()

import pytest  # noqa: E402

from maatwerk.besluiten.models import Besluit, Periode, Soort, Status  # noqa: E402
from maatwerk.personen import services as personen  # noqa: E402
from maatwerk.zaken.models import Bevinding, Status as ZaakStatus, Zaak  # noqa: E402
from maatwerk.zaken.services import meld_zaak  # noqa: E402

_teller = itertools.count(1)
PEILDATUM = dt.date(2026, 3, 1)


def bsn_met_elfproef(nummer: int) -> str:
    for n in itertools.count(nummer):
        cijfers = f"{n % 10**8:08d}"
        som = sum(int(c) * w for c, w in zip(cijfers, range(9, 1, -1)))
        if som % 11 < 10:
            return cijfers + str(som % 11)
    raise AssertionError  # pragma: no cover


@pytest.fixture
def maak_gebruiker(db):
    """Without a password (hashing costs seconds under load); the page tests log in with force_login."""
    from django.contrib.auth.models import Group, User

    def maak(naam: str, *rollen: str) -> User:
        user = User.objects.create_user(naam)
        for rol in rollen:
            user.groups.add(Group.objects.get(name=rol))
        return user

    return maak


@pytest.fixture
def beleid(maak_gebruiker):
    return maak_gebruiker("beleid1", "beleidsmedewerker")


@pytest.fixture
def huishouden_met_bijstand(inkomen):
    """huishouden_met_bijstand(ingang=, einde=None, geboren=, vermogen=Decimal('1000'), eerdere_iit=date|None,
    zicht='nee'): an alleenstaande with algemene bijstand from `ingang` (a bekendgemaakt toekenning made directly:
    the besluit flow is tested in tests/besluiten), a vermogensopgave and optionally an earlier granted toeslag."""

    def maak(*, ingang=dt.date(2022, 1, 1), einde=None, geboren=dt.date(1980, 1, 1), vermogen=Decimal("1000"),
             eerdere_iit=dt.date(2025, 1, 15), zicht="nee", naam=None):
        n = next(_teller)
        inwoner = personen.registreer_inwoner(
            inkomen, bsn=bsn_met_elfproef(50000000 + n * 7919), voornamen=naam or f"Client{n}", achternaam="Smit",
            geboortedatum=geboren, straat="Dorpsstraat", huisnummer=n, postcode="2651 AB",
            woonplaats="Berkel en Rodenrijs")
        huishouden = personen.maak_huishouden(inkomen, naam=f"Huishouden Smit {n}", aanvrager=inwoner)
        zaak = meld_zaak(inkomen, huishouden=huishouden, hoofdpersoon=inwoner, regeling="algemene_bijstand",
                         ontvangen_op=ingang, omschrijving="Periodieke bijstand")
        Besluit.objects.create(zaak=zaak, soort=Soort.TOEKENNING, status=Status.BEKENDGEMAAKT, voorziening="Bijstand",
                               bedrag=Decimal("1100.00"), bedrag_periode=Periode.PER_MAAND, ingangsdatum=ingang,
                               einddatum=einde, opgesteld_door=inkomen, besluitdatum=ingang)
        if vermogen is not None:
            personen.leg_vermogen_vast(inkomen, inwoner, maand=dt.date(2025, 12, 1), bedrag=vermogen)
        if eerdere_iit is not None:
            iit = Zaak.objects.create(regeling="individuele_inkomenstoeslag", huishouden=huishouden, hoofdpersoon=inwoner,
                                      ontvangen_op=eerdere_iit, aanvraagdatum=eerdere_iit, status=ZaakStatus.BESLUIT,
                                      besluit_uitkomst="toegekend", besluit_bedrag=Decimal("382"),
                                      besluitdatum=eerdere_iit + dt.timedelta(days=20), behandelaar=inkomen,
                                      aangemaakt_door=inkomen)
            Bevinding.objects.create(zaak=iit, criterium="zicht_op_inkomensverbetering", waarde=zicht,
                                     motivering="Vastgesteld in het gesprek.", door=inkomen)
        return huishouden

    return maak
