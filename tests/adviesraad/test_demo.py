"""The adviesraad demo (issue 12, point 6): the answered request's advice and answer went to the gemeenteraad
(art. 3:3 lid 1), one answer was corrected with the earlier one kept, and the members make the rooster van aftreden
show a near step-down day (second term ends) and an early one (own request). Loading twice adds nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from maatwerk.adviesraad import demo, rooster
from maatwerk.adviesraad.models import (Adviesaanvraag, EerderAntwoord, Raadsstuk, Raadsverstrekking,
                                       Zittingsperiode)

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def users(maak_gebruiker):
    return {"beleidsmedewerker": maak_gebruiker("beleid1", "beleidsmedewerker"),
            "adviesraad_secretaris": maak_gebruiker("secretaris1", "adviesraad_secretaris")}


def _telling():
    return (Adviesaanvraag.objects.count(), Zittingsperiode.objects.count(), EerderAntwoord.objects.count(),
            Raadsverstrekking.objects.count())


def test_demo_op_een_vaste_dag_toont_raad_correctie_en_rooster(users):
    vandaag = D(2026, 12, 7)
    demo.laad(users, vandaag)
    aanvraag = Adviesaanvraag.objects.get(onderwerp=demo.BEANTWOORD)
    verstrekt = {r.stuk: r.verstrekt_op for r in Raadsverstrekking.objects.filter(advies__aanvraag=aanvraag)}
    assert set(verstrekt) == {Raadsstuk.ADVIES, Raadsstuk.ANTWOORD}
    assert aanvraag.verzonden_op <= verstrekt[Raadsstuk.ADVIES] <= verstrekt[Raadsstuk.ANTWOORD] <= vandaag
    (eerder,) = EerderAntwoord.objects.all()
    punt = eerder.punt
    assert eerder.reden == demo.CORRECTIE_REDEN and eerder.antwoord != punt.antwoord
    assert punt.gecorrigeerd_op <= verstrekt[Raadsstuk.ANTWOORD]  # the council got the corrected answer
    momenten = {m.naam: m for m in rooster.rooster(vandaag)}
    # Appointed 1 January 2019, reappointed 1 January 2023: steps down on 31 December 2026 (art. 3:4 lid 5).
    bakker = momenten[demo.HERBENOEMD]
    assert (bakker.aftreden_op, bakker.herbenoembaar, bakker.tussentijds) == (D(2026, 12, 31), False, False)
    # Notice on 23 November 2026, two months' notice (art. 3:5 lid 2): the last day is 23 January 2027.
    yilmaz = momenten[demo.TUSSENTIJDS]
    assert (yilmaz.aftreden_op, yilmaz.tussentijds, yilmaz.herbenoembaar) == (D(2027, 1, 23), True, False)
    assert momenten["M. van der Zee"].herbenoembaar and momenten["M. van der Zee"].uiterlijk == D(2031, 6, 30)
    assert bakker.blijven == len(momenten) - 1
    voor = _telling()
    demo.laad(users, vandaag)
    assert _telling() == voor


def test_demo_van_vandaag_staat_op_de_paginas(users):
    from django.utils import timezone

    demo.laad(users, timezone.localdate())
    aanvraag = Adviesaanvraag.objects.get(onderwerp=demo.BEANTWOORD)
    c = Client()
    c.force_login(users["beleidsmedewerker"])
    overzicht = c.get("/adviesraad/").content.decode()
    assert "Rooster van aftreden" in overzicht and demo.HERBENOEMD in overzicht and demo.TUSSENTIJDS in overzicht
    pagina = c.get(f"/adviesraad/aanvragen/{aanvraag.pk}/").content.decode()
    assert demo.CORRECTIE_REDEN in pagina
    openbaar = Client().get("/loket/adviesraad/").content.decode()
    assert "de Adviesraad waar nodig en mogelijk" in openbaar  # the corrected answer, not the earlier one
    assert "Het advies van de Adviesraad is op" in openbaar and "ter kennisname aan de gemeenteraad" in openbaar
    assert "Het antwoord van het college is op" in openbaar
