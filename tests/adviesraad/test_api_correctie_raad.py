"""API for correcting the college's answer (art. 3:8 lid 7 again, earlier answer kept) and for the step to the
gemeenteraad (art. 3:3 lid 1): the same services as the pages, so the same rights, order and Dutch messages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from maatwerk.adviesraad import services
from maatwerk.adviesraad.models import EerderAntwoord, Raadsverstrekking, Reactie
from maatwerk.toegang.models import AuditRegel

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def advies(beleid, secretaris):
    vandaag = timezone.localdate()
    a = services.vraag_advies(beleid, onderwerp="Minimabeleid", vraag="De inkomensgrens",
                              verzonden_op=vandaag - dt.timedelta(days=40),
                              ontvangen_op=vandaag - dt.timedelta(days=39))
    return services.leg_advies_vast(secretaris, a, uitgebracht_op=vandaag - dt.timedelta(days=20),
                                    punten=[{"kop": "Inkomensgrens", "tekst": "Verhoog de grens naar 130 %."},
                                            {"kop": "Bereik", "tekst": "Benader wie geen aanvraag doet."}])


def _api(user) -> APIClient:
    c = APIClient()
    c.force_authenticate(user)
    return c


def _beantwoord(beleid, advies):
    op = timezone.localdate() - dt.timedelta(days=10)
    for p in advies.punten.all():
        services.beantwoord(beleid, p, reactie=Reactie.OVERGENOMEN, antwoord="Ja.", beantwoord_op=op)
    return advies.punten.order_by("volgnummer").first()


def test_correctie_via_api_bewaart_het_vorige_antwoord(beleid, advies):
    punt = _beantwoord(beleid, advies)
    dag = (timezone.localdate() - dt.timedelta(days=2)).isoformat()
    r = _api(beleid).post(f"/api/v1/adviespunten/{punt.pk}/correctie/", {
        "reactie": "niet", "antwoord": "Nee.", "motivering": "Te duur voor de begroting.",
        "reden": "Verkeerd overgenomen uit de collegebrief.", "gecorrigeerd_op": dag}, format="json")
    assert r.status_code == 200, r.json()
    data = r.json()
    assert (data["reactie"], data["antwoord"], data["gecorrigeerd_op"]) == ("niet", "Nee.", dag)
    (eerder,) = data["eerdere_antwoorden"]
    assert eerder["reactie"] == "overgenomen" and eerder["antwoord"] == "Ja."
    assert eerder["reden"] == "Verkeerd overgenomen uit de collegebrief." and "gecorrigeerd_door" not in eerder
    # The request shows the history too.
    aanvraag = _api(beleid).get(f"/api/v1/adviesaanvragen/{advies.aanvraag_id}/").json()
    assert aanvraag["punten"][0]["eerdere_antwoorden"][0]["antwoord"] == "Ja."


@pytest.mark.parametrize("invoer, veld", [
    ({"reactie": "niet", "antwoord": "Nee.", "motivering": "Te duur."}, "reden"),  # no reason
    ({"reactie": "niet", "antwoord": "Nee.", "reden": "Herzien."}, "motivering"),  # art. 3:8 lid 7
    ({"reactie": "misschien", "antwoord": "Nee.", "reden": "Herzien."}, "reactie"),
    ({"reactie": "overgenomen", "antwoord": "Ja.", "reden": "Herzien."}, "antwoord"),  # nothing changes
    ({"reactie": "niet", "antwoord": "Nee.", "motivering": "Te duur.", "reden": "Herzien.",
      "gecorrigeerd_op": "2099-01-01"}, "gecorrigeerd_op"),
    ({"reactie": "niet", "antwoord": "Nee.", "motivering": "Te duur.", "reden": "Herzien.",
      "gecorrigeerd_op": "gisteren"}, "gecorrigeerd_op"),
    ({"reactie": "niet", "antwoord": "Nee.", "motivering": "Te duur.", "reden": "Herzien.",
      "gecorrigeerd_op": "2000-01-01"}, "gecorrigeerd_op"),  # before the answer
])
def test_correctie_foute_invoer_400_met_veld(beleid, advies, invoer, veld):
    punt = _beantwoord(beleid, advies)
    r = _api(beleid).post(f"/api/v1/adviespunten/{punt.pk}/correctie/", invoer, format="json")
    assert r.status_code == 400 and veld in str(r.json()), r.json()
    assert not EerderAntwoord.objects.exists()


def test_correctie_van_onbeantwoord_punt_409_en_zonder_recht_403(beleid, secretaris, advies):
    punt = advies.punten.first()
    invoer = {"reactie": "niet", "antwoord": "Nee.", "motivering": "Te duur.", "reden": "Herzien."}
    r = _api(beleid).post(f"/api/v1/adviespunten/{punt.pk}/correctie/", invoer, format="json")
    assert r.status_code == 409 and "nog niet beantwoord" in str(r.json())
    punt = _beantwoord(beleid, advies)
    voor = AuditRegel.objects.filter(gebruiker=secretaris, toegestaan=False).count()
    assert _api(secretaris).post(f"/api/v1/adviespunten/{punt.pk}/correctie/", invoer,
                                 format="json").status_code == 403
    assert AuditRegel.objects.filter(gebruiker=secretaris, toegestaan=False).count() == voor + 1
    assert _api(beleid).post("/api/v1/adviespunten/999999/correctie/", invoer, format="json").status_code == 404
    assert not EerderAntwoord.objects.exists()


def test_raad_via_api_advies_door_secretaris_antwoord_door_college(beleid, secretaris, advies):
    pad = f"/api/v1/adviesaanvragen/{advies.aanvraag_id}/raad/"
    dag = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    # The beleidsmedewerker may not send the advice, the secretary not the college's answer (art. 3:3 lid 1).
    assert _api(beleid).post(pad, {"stuk": "advies", "verstrekt_op": dag}, format="json").status_code == 403
    r = _api(secretaris).post(pad, {"stuk": "advies", "verstrekt_op": dag}, format="json")
    assert r.status_code == 201 and r.json()["aan_gemeenteraad"] == [{"stuk": "advies", "verstrekt_op": dag}]
    r = _api(secretaris).post(pad, {"stuk": "advies", "verstrekt_op": dag}, format="json")
    assert r.status_code == 409 and "al aan de gemeenteraad verstrekt" in str(r.json())
    # The answer only once every point is answered.
    r = _api(beleid).post(pad, {"stuk": "antwoord", "verstrekt_op": dag}, format="json")
    assert r.status_code == 409 and "niet compleet" in str(r.json())
    _beantwoord(beleid, advies)
    assert _api(secretaris).post(pad, {"stuk": "antwoord", "verstrekt_op": dag}, format="json").status_code == 403
    r = _api(beleid).post(pad, {"stuk": "antwoord", "verstrekt_op": dag}, format="json")
    assert r.status_code == 201 and {v["stuk"] for v in r.json()["aan_gemeenteraad"]} == {"advies", "antwoord"}
    assert Raadsverstrekking.objects.count() == 2


@pytest.mark.parametrize("invoer, veld", [
    ({"stuk": "notulen", "verstrekt_op": "2026-01-01"}, "stuk"),
    ({"verstrekt_op": "2026-01-01"}, "stuk"),
    ({"stuk": "advies"}, "verstrekt_op"),
    ({"stuk": "advies", "verstrekt_op": "31-12-2026"}, "verstrekt_op"),
    ({"stuk": "advies", "verstrekt_op": "2099-01-01"}, "verstrekt_op"),
    ({"stuk": "advies", "verstrekt_op": "2000-01-01"}, "verstrekt_op"),  # before the request went out
])
def test_raad_foute_invoer_400_met_veld(secretaris, advies, invoer, veld):
    r = _api(secretaris).post(f"/api/v1/adviesaanvragen/{advies.aanvraag_id}/raad/", invoer, format="json")
    assert r.status_code == 400 and veld in str(r.json()), r.json()
    assert not Raadsverstrekking.objects.exists()


def test_raad_zonder_advies_409_en_onbekende_aanvraag_404(beleid, secretaris):
    a = services.vraag_advies(beleid, onderwerp="Wmo", vraag="Punt", verzonden_op=D(2026, 11, 2),
                              ontvangen_op=D(2026, 11, 3))
    invoer = {"stuk": "advies", "verstrekt_op": "2026-11-04"}
    r = _api(secretaris).post(f"/api/v1/adviesaanvragen/{a.pk}/raad/", invoer, format="json")
    assert r.status_code == 409 and "nog geen advies" in str(r.json())
    assert _api(secretaris).post("/api/v1/adviesaanvragen/999999/raad/", invoer, format="json").status_code == 404
