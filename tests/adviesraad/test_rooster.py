"""The rooster van aftreden (art. 3:5 lid 4, computed from art. 3:4 lid 5 and 3:5 lid 1 onder d): when each member
steps down, whether one reappointment is still possible, and how many stay on — at exact dates."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from maatwerk.adviesraad import rooster, services

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def beleid(maak_gebruiker):
    return maak_gebruiker("beleid_rooster", "beleidsmedewerker")


@pytest.fixture
def leden(beleid):
    services.benoem(beleid, naam="A. Eerst", begin=D(2019, 1, 1), inwoner=True)  # term to 31-12-2022
    services.benoem(beleid, naam="A. Eerst", begin=D(2023, 1, 1), inwoner=True)  # reappointed to 31-12-2026
    services.benoem(beleid, naam="B. Tweede", begin=D(2023, 1, 1), inwoner=True)  # first term to 31-12-2026
    services.benoem(beleid, naam="C. Derde", begin=D(2024, 7, 1), inwoner=True)  # first term to 30-06-2028
    d = services.benoem(beleid, naam="D. Vierde", begin=D(2025, 1, 1), inwoner=True)
    services.treed_af(beleid, d, aftreden="verhuizing", laatste_dag=D(2027, 3, 31), vandaag=D(2026, 12, 7))
    services.benoem(beleid, naam="E. Oud", begin=D(2018, 7, 1), inwoner=True)  # ended 30-06-2022


def test_rooster_op_exacte_data(leden):
    m = rooster.rooster(D(2026, 12, 7))
    assert [(x.naam, x.aftreden_op, x.herbenoembaar, x.uiterlijk, x.blijven) for x in m] == [
        ("A. Eerst", D(2026, 12, 31), False, D(2026, 12, 31), 2),
        ("B. Tweede", D(2026, 12, 31), True, D(2030, 12, 31), 2),
        ("D. Vierde", D(2027, 3, 31), False, D(2027, 3, 31), 1),
        ("C. Derde", D(2028, 6, 30), True, D(2032, 6, 30), 0),
    ]
    assert m[2].tussentijds and not m[0].tussentijds
    dagen = rooster.per_dag(m)
    assert [(dag, [x.naam for x in rij], blijven) for dag, rij, blijven in dagen] == [
        (D(2026, 12, 31), ["A. Eerst", "B. Tweede"], 2), (D(2027, 3, 31), ["D. Vierde"], 1),
        (D(2028, 6, 30), ["C. Derde"], 0)]


def test_de_laatste_dag_telt_mee_de_dag_erna_niet(leden):
    assert {x.naam for x in rooster.rooster(D(2026, 12, 31))} == {"A. Eerst", "B. Tweede", "C. Derde", "D. Vierde"}
    assert {x.naam for x in rooster.rooster(D(2027, 1, 1))} == {"C. Derde", "D. Vierde"}
    assert [x.naam for x in rooster.rooster(D(2028, 7, 1))] == []


def test_herbenoeming_verschuift_het_aftreden_en_een_later_benoemd_lid_telt_mee(beleid, leden):
    services.benoem(beleid, naam="B. Tweede", begin=D(2027, 1, 1), inwoner=True)
    services.benoem(beleid, naam="F. Nieuw", begin=D(2027, 1, 1), inwoner=True)
    m = {x.naam: x for x in rooster.rooster(D(2026, 12, 7))}
    assert (m["B. Tweede"].aftreden_op, m["B. Tweede"].herbenoembaar) == (D(2030, 12, 31), False)
    # After 31-12-2026 B. Tweede (second term), F. Nieuw, C. Derde and D. Vierde sit.
    assert m["A. Eerst"].blijven == 4 and m["F. Nieuw"].aftreden_op == D(2030, 12, 31)


def test_overzicht_toont_het_rooster(beleid, leden):
    c = Client()
    c.force_login(beleid)
    html = c.get("/adviesraad/").content.decode()
    assert "Rooster van aftreden" in html and "artikel 3:5, eerste lid, onder d" in html
    assert "herbenoembaar, uiterlijk tot en met 30 juni 2032" in html
