"""Fixtures for the Django case system tests (pytest-django).

Django is configured here (not in pyproject.toml) so that the rest of the suite runs without it:
DJANGO_SETTINGS_MODULE defaults to maatwerk.web.settings. The database is SQLite in memory unless
DATABASE_URL points at PostgreSQL (the same tests must pass on both).
"""

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


def bsn_met_elfproef(nummer: int) -> str:
    """A valid BSN derived from `nummer` (for test data): 8 digits plus the check digit."""
    for n in itertools.count(nummer):
        basis = f"{10_000_000 + n % 89_999_999:08d}"
        som = sum(int(c) * w for c, w in zip(basis, range(9, 1, -1)))
        controle = som % 11
        if controle < 10:
            return basis + str(controle)
    raise AssertionError


_teller = itertools.count(1)


@pytest.fixture
def maak_inwoner():
    def maak(gebruiker, **velden):
        n = next(_teller)
        gegevens = {
            "bsn": bsn_met_elfproef(n * 7919),
            "voornamen": f"Voornaam{n}",
            "achternaam": "Jansen",
            "geboortedatum": dt.date(1980, 1, 1),
            "straat": "Dorpsstraat",
            "huisnummer": n,
            "postcode": "2651 AB",
            "woonplaats": "Berkel en Rodenrijs",
        }
        gegevens.update(velden)
        return personen.registreer_inwoner(gebruiker, **gegevens)

    return maak


@pytest.fixture
def maak_zaak(maak_inwoner):
    """A zaak (status melding) for a new one-person household, registered by `gebruiker`."""

    def maak(gebruiker, regeling="wmo_maatwerkvoorziening", ontvangen_op=dt.date(2026, 1, 5), **velden):
        aanvrager = maak_inwoner(gebruiker)
        huishouden = personen.maak_huishouden(gebruiker, naam="Huishouden Jansen", aanvrager=aanvrager)
        return meld_zaak(gebruiker, huishouden=huishouden, hoofdpersoon=aanvrager, regeling=regeling,
                         ontvangen_op=ontvangen_op, omschrijving="Hulp gevraagd", **velden)

    return maak


def _vul_checklist(zaak, gebruiker):
    return onderzoek.werk_onderzoek_bij(zaak, gebruiker, **{veld: f"Besproken: {veld}." for veld in CHECKLIST})


def _naar_plan(zaak, gebruiker, gesprek=dt.date(2026, 1, 12), plan_op=None, ondertekend_op=None):
    """melding -> onderzoek (gesprek) -> ondersteuningsplan, with a complete report and a plan."""
    procedure.voer_uit(zaak, Status.ONDERZOEK, gebruiker, datum=gesprek)
    _vul_checklist(zaak, gebruiker)
    procedure.voer_uit(zaak, Status.ONDERSTEUNINGSPLAN, gebruiker, datum=plan_op or gesprek)
    zaak.refresh_from_db()
    onderzoek.stel_plan_op(zaak, gebruiker, afspraken="Afspraken over de ondersteuning.", ondertekend_op=ondertekend_op)
    return zaak


def _leg_bevindingen_vast(zaak, gebruiker, waarde="ja"):
    for c in zaak.definitie.criteria:
        # Wmo: the answer under which nothing stands in the way (the cascade of art. 4:3 lid 3 asks "nee" per step).
        beoordeling.leg_bevinding_vast(zaak, gebruiker, criterium=c.code,
                                       waarde=GUNSTIG.get(c.code, waarde) if zaak.domein == "wmo" else waarde,
                                       motivering="Vastgesteld in het gesprek en met stukken onderbouwd.")


def _breng_in(zaak, status, gebruiker, bedrag=Decimal("500.00")):
    """Bring a Wmo zaak into `status` through legal steps (dates in January 2026)."""
    S = Status
    if status == S.ONDERZOEK:
        procedure.voer_uit(zaak, S.ONDERZOEK, gebruiker, datum=dt.date(2026, 1, 12))
    elif status == S.SPOEDVOORZIENING:
        procedure.voer_uit(zaak, S.SPOEDVOORZIENING, gebruiker, datum=dt.date(2026, 1, 6),
                           reden="Mantelzorger plots opgenomen.")
    elif status != S.MELDING:
        _naar_plan(zaak, gebruiker)
        volgorde = [S.AANVRAAG, S.BEOORDELING, S.KLAAR_VOOR_BESLUIT]
        for i, naar in enumerate(volgorde[: volgorde.index(status) + 1] if status in volgorde else []):
            kwargs = {"datum": dt.date(2026, 1, 20 + i)}
            if naar == S.KLAAR_VOOR_BESLUIT:
                zaak.refresh_from_db()
                _leg_bevindingen_vast(zaak, gebruiker)
                kwargs.update(uitkomst="toegekend", bedrag=bedrag)
            procedure.voer_uit(zaak, naar, gebruiker, **kwargs)
    zaak.refresh_from_db()
    assert zaak.status == status
    return zaak


# The content a Wmo natura besluit needs (Verordening Sociaal Domein 2018, artikel 4:6, tweede lid), as in
# tests/besluiten/conftest.py; and what a 'buiten behandeling' besluit needs (Awb 4:5, eerste lid).
WMO_NATURA = dict(
    vorm="natura", voorziening="hulp bij het huishouden", beoogd_resultaat="U woont in een schoon huis.",
    ingangsdatum=dt.date(2026, 2, 1), einddatum=dt.date(2027, 1, 31), omvang="3 uur per week",
    bijdrage_verschuldigd=True, bijdrage_toelichting="Het CAK stuurt u daarvoor een rekening.",
    vervolg="De zorgaanbieder belt u binnen twee weken.",
)
BUITEN_BEHANDELING = dict(ontbrekende_gegevens="uw bankafschriften van de laatste drie maanden.",
                          hersteltermijn_tot=dt.date(2026, 1, 30))


def _besluit_voor(zaak, gebruiker, soort=None):
    """A complete concept Besluit for a Wmo zaak, made through the besluiten services: a decision (besluit,
    buiten behandeling) is only taken through a Besluit (procedure.ALLEEN_VIA_BESLUIT)."""
    from maatwerk.besluiten import services as besluiten

    besluit = besluiten.opstellen(zaak, gebruiker, soort=soort)
    if besluit.soort == "buiten_behandeling":
        besluiten.wijzigen(besluit, gebruiker, **BUITEN_BEHANDELING)
        besluiten.overweging_toevoegen(besluit, gebruiker, zin="Zonder die papieren kunnen wij uw aanvraag niet beoordelen.",
                                       bron="Algemene wet bestuursrecht, artikel 4:5, eerste lid, onder c", soort="wet")
    elif besluit.soort == "afwijzing":
        besluiten.wijzigen(besluit, gebruiker, vervolg="U hoeft niets te doen.")
    else:
        besluiten.wijzigen(besluit, gebruiker, **WMO_NATURA)
    return besluit


def _neem_besluit(zaak, gebruiker, *, datum, soort=None, goedkeurder=None):
    """Prepare, (approve,) and vaststellen a besluit: the zaak moves to besluit / buiten_behandeling."""
    from maatwerk.besluiten import services as besluiten

    besluit = _besluit_voor(zaak, gebruiker, soort)
    if goedkeurder is not None:
        besluiten.goedkeuren(besluit, goedkeurder, akkoord=True)
    besluiten.vaststellen(besluit, gebruiker, datum=datum)
    zaak.refresh_from_db()
    return besluit


@pytest.fixture
def wmo_natura():
    return dict(WMO_NATURA)


@pytest.fixture
def besluit_voor():
    """besluit_voor(zaak, gebruiker, soort=None): a complete concept Besluit (besluiten services)."""
    return _besluit_voor


@pytest.fixture
def neem_besluit():
    """neem_besluit(zaak, gebruiker, datum=, soort=None, goedkeurder=None): the zaak decided through a Besluit."""
    return _neem_besluit


@pytest.fixture
def vul_checklist():
    return _vul_checklist


@pytest.fixture
def naar_plan():
    return _naar_plan


@pytest.fixture
def leg_bevindingen_vast():
    return _leg_bevindingen_vast


@pytest.fixture
def breng_in():
    """breng_in(zaak, status, gebruiker): a Wmo zaak in `status` via legal steps."""
    return _breng_in


@pytest.fixture
def api():
    def client(user=None):
        c = APIClient()
        if user is not None:
            c.force_authenticate(user)
        return c

    return client

