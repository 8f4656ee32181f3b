"""Demo case story 6 of seed 004 (Tim, referred by the huisarts; then a coach as pgb) runs on the Jeugd rules
(issue 10 point 9): the GP route without the 5:4 cascade, the amount above the mandate goes to a second person,
the coach's pgb is computed and stored; Wmo and Inkomen colleagues cannot see these zaken."""

from __future__ import annotations

from decimal import Decimal

import pytest

from maatwerk.toegang import beleid
from maatwerk.zaken import beoordeling, vierogen
from maatwerk.zaken.models import Status, Zaak


@pytest.fixture
def demo(db):
    from maatwerk.demo.gegevens import laad_demogegevens

    return laad_demogegevens(archief=False)


def test_casus_6_runs_on_the_jeugd_rules(demo):
    assert 6 in demo["nieuw"]
    traject, coach = Zaak.objects.filter(hoofdpersoon__voornamen="Tim").order_by("id")
    # The GP route: referral and the aanbieder's judgement recorded; the 5:4 cascade not asked, nothing missing.
    bevindingen = dict(traject.actuele_bevindingen().values_list("criterium", "waarde"))
    assert bevindingen == {"verwijzing_arts": "ja", "aanbieder_oordeelt_jeugdhulp_nodig": "ja", "pgb_gewenst": "nee"}
    assert traject.status == Status.KLAAR_VOOR_BESLUIT and beoordeling.ontbrekende_criteria(traject) == []
    # € 32.000 is above the consulent's mandate: a second person decides along (the story's missing regisseur).
    assert traject.voorstel_bedrag == Decimal("32000.00") and vierogen.oordeel(traject).vereist
    # The coach: the college's own route (5:4 asked and answered) and a formal pgb of € 950 (the begroting,
    # below 100 % of the natura cost price of € 1.200: art. 5:6 lid 3 onder a and lid 4).
    assert coach.status == Status.BEOORDELING and beoordeling.ontbrekende_criteria(coach) == []
    berekening = coach.berekeningen.get()
    assert berekening.bedrag == Decimal("950.00")
    assert berekening.resultaat["personen"]["jeugdige"]["jeugd_pgb_maximum"] == 1200.0


    # Loaded once: a second load adds nothing (the demo is idempotent).
    from maatwerk.demo.gegevens import laad_demogegevens

    assert 6 in laad_demogegevens(archief=False)["bestond"]
    assert Zaak.objects.filter(hoofdpersoon__voornamen="Tim").count() == 2
    # Purpose limitation: a Wmo or Inkomen colleague and the beheerder cannot see Tim's zaken (one load for all:
    # loading the demo takes long).
    from django.contrib.auth import get_user_model

    for rol in ("consulent_wmo", "consulent_inkomen", "beheerder"):
        gebruiker = get_user_model().objects.get(username=rol)
        for zaak in (traject, coach):
            assert not beleid.grond_zaak(gebruiker, zaak, beleid.VIEW).toegestaan, rol


def test_casus_10_and_14_run_on_the_jeugd_rules(demo):
    """Story 10 (Fabian): the college's route, the help is not vrij toegankelijk, the non-contracted provider rests
    on 5:12, a second person decides along. Story 14 (Shanice): opvoedondersteuning of 4 contacts is vrij
    toegankelijk (5:2), so no beschikking and the zaak is closed with that outcome."""
    from maatwerk.zaken import jeugd as jeugd_service

    assert 10 in demo["nieuw"] and 14 in demo["nieuw"]
    fabian = Zaak.objects.get(hoofdpersoon__bsn="999991012", regeling="jeugdhulp")
    assert jeugd_service.route(fabian) == "college" and beoordeling.ontbrekende_criteria(fabian) == []
    assert fabian.status == Status.KLAAR_VOOR_BESLUIT and vierogen.oordeel(fabian).vereist
    assert fabian.vrije_toegang.get().vrij_toegankelijk is False
    assert fabian.afwijkingen.get().bron.endswith("artikel 5:12")
    shanice = Zaak.objects.get(hoofdpersoon__voornamen="Shanice", hoofdpersoon__achternaam="Croes", regeling="jeugdhulp")
    vrij = shanice.vrije_toegang.get()
    assert vrij.vrij_toegankelijk and vrij.contactmomenten == 4 and shanice.status == Status.INGETROKKEN
    assert "Geen beschikking nodig" in shanice.overgangen.order_by("-id").first().reden
    # Jayden's zaak (story 14) is untouched: still in onderzoek.
    jayden = Zaak.objects.get(hoofdpersoon__voornamen="Jayden", regeling="jeugdhulp")
    assert jayden.status == Status.ONDERZOEK
    from django.contrib.auth import get_user_model

    for rol in ("consulent_wmo", "beheerder"):
        gebruiker = get_user_model().objects.get(username=rol)
        assert not beleid.grond_zaak(gebruiker, fabian, beleid.VIEW).toegestaan, rol
    # The zaak page shows the outcome with the rule and its source.
    from django.test import Client

    c = Client()
    c.force_login(get_user_model().objects.get(username="consulent_jeugd"))
    pagina = c.get(f"/zaken/{shanice.pk}/").content.decode()
    assert "Geen beschikking nodig" in pagina and "artikel 5:2, eerste lid" in pagina
