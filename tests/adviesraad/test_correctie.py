"""The college's answer to an advice point can be corrected with a reason; the earlier answer is kept and shown
(never overwritten silently); the public page shows the current answer and the date it was corrected."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from maatwerk.adviesraad import services
from maatwerk.adviesraad.models import EerderAntwoord, Reactie
from maatwerk.regels.invoer import InvoerFout
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.zaken.fouten import ProcedureFout

pytestmark = pytest.mark.django_db
D = dt.date
VANDAAG = D(2026, 12, 7)


@pytest.fixture
def punt(beleid, secretaris):
    a = services.vraag_advies(beleid, onderwerp="Minimabeleid", vraag="De inkomensgrens", verzonden_op=D(2026, 11, 2),
                              ontvangen_op=D(2026, 11, 3), vandaag=VANDAAG)
    advies = services.leg_advies_vast(secretaris, a, uitgebracht_op=D(2026, 11, 20), vandaag=VANDAAG,
                                      punten=[{"kop": "Inkomensgrens", "tekst": "Verhoog de grens naar 130 %."}])
    return advies.punten.get()


def _beantwoord(beleid, punt):
    return services.beantwoord(beleid, punt, reactie=Reactie.OVERGENOMEN, antwoord="Wij verhogen naar 130 %.",
                               beantwoord_op=D(2026, 11, 30), vandaag=VANDAAG)


def test_correctie_bewaart_het_vorige_antwoord(beleid, punt):
    with pytest.raises(ProcedureFout):  # nothing to correct yet
        services.corrigeer_antwoord(beleid, punt, reactie=Reactie.NIET, antwoord="x", motivering="y", reden="z",
                                    vandaag=VANDAAG)
    _beantwoord(beleid, punt)
    punt = services.corrigeer_antwoord(
        beleid, punt, reactie=Reactie.DEELS, antwoord="Wij verhogen naar 125 %.", motivering="De begroting 2027.",
        reden="Verkeerd overgenomen uit de collegebrief.", gecorrigeerd_op=D(2026, 12, 2), vandaag=VANDAAG)
    assert (punt.reactie, punt.antwoord, punt.gecorrigeerd_op) == (Reactie.DEELS, "Wij verhogen naar 125 %.",
                                                                   D(2026, 12, 2))
    assert punt.beantwoord_op == D(2026, 11, 30)  # the first answer's date stays
    eerder = EerderAntwoord.objects.get(punt=punt)
    assert (eerder.reactie, eerder.antwoord, eerder.beantwoord_op, eerder.gecorrigeerd_op, eerder.reden) == (
        Reactie.OVERGENOMEN, "Wij verhogen naar 130 %.", D(2026, 11, 30), D(2026, 12, 2),
        "Verkeerd overgenomen uit de collegebrief.")
    # A second correction keeps both earlier versions, the second dated by the first correction.
    services.corrigeer_antwoord(beleid, punt, reactie=Reactie.OVERGENOMEN, antwoord="Toch 130 %.", reden="Herzien.",
                                gecorrigeerd_op=D(2026, 12, 3), vandaag=VANDAAG)
    versies = list(EerderAntwoord.objects.filter(punt=punt).order_by("id").values_list("antwoord", "beantwoord_op"))
    assert versies == [("Wij verhogen naar 130 %.", D(2026, 11, 30)), ("Wij verhogen naar 125 %.", D(2026, 12, 2))]


@pytest.mark.parametrize("kw, veld, tekst", [
    ({"reden": "  "}, "reden", "reden van de correctie"),
    ({"reactie": "niet", "motivering": ""}, "motivering", "artikel 3:8"),
    ({"reactie": "misschien"}, "reactie", "Kies of het college"),
    ({"gecorrigeerd_op": D(2026, 11, 29)}, "gecorrigeerd_op", "30 november 2026"),
    ({"gecorrigeerd_op": D(2026, 12, 8)}, "gecorrigeerd_op", "toekomst"),
    ({"gecorrigeerd_op": "31-12-2026"}, "gecorrigeerd_op", "geen geldige datum"),
    ({"antwoord": "Wij verhogen naar 130 %."}, "antwoord", "gelijk aan het huidige antwoord"),
])
def test_correctie_met_onjuiste_invoer(beleid, punt, kw, veld, tekst):
    _beantwoord(beleid, punt)
    d = {"reactie": Reactie.OVERGENOMEN, "antwoord": "Wij verhogen naar 135 %.", "reden": "Herzien.",
         "gecorrigeerd_op": D(2026, 12, 1), **kw}
    with pytest.raises(InvoerFout) as fout:
        services.corrigeer_antwoord(beleid, punt, vandaag=VANDAAG, **d)
    assert fout.value.veld == veld and tekst in fout.value.bericht
    assert not EerderAntwoord.objects.exists()


def test_alleen_wie_het_antwoord_vastlegt_mag_corrigeren(beleid, secretaris, punt, maak_gebruiker):
    _beantwoord(beleid, punt)
    for user in (secretaris, maak_gebruiker("wmo9", "consulent_wmo")):
        with pytest.raises(GeenToegang):
            services.corrigeer_antwoord(user, punt, reactie=Reactie.NIET, antwoord="Nee.", motivering="m",
                                        reden="r", vandaag=VANDAAG)
    pre = f"correctie{punt.pk}-"
    geldig = {pre + "reactie": "niet", pre + "antwoord": "Nee.", pre + "motivering": "m", pre + "reden": "r",
              pre + "gecorrigeerd_op": timezone.localdate().isoformat()}
    c = Client()
    c.force_login(secretaris)  # sees the request, may not correct the college's answer
    assert c.post(f"/adviesraad/punten/{punt.pk}/correctie/", geldig).status_code == 403
    c.force_login(maak_gebruiker("jeugd9", "consulent_jeugd"))  # another domain: refused before the form is read
    assert c.post(f"/adviesraad/punten/{punt.pk}/correctie/", {}).status_code == 403
    punt.refresh_from_db()
    assert punt.antwoord == "Wij verhogen naar 130 %." and not EerderAntwoord.objects.exists()


def test_pagina_corrigeert_toont_geschiedenis_en_openbaar_de_datum(beleid, punt):
    _beantwoord(beleid, punt)
    c = Client()
    c.force_login(beleid)
    pre = f"correctie{punt.pk}-"
    vandaag = timezone.localdate()
    data = {pre + "reactie": "deels", pre + "antwoord": "Wij verhogen naar 125 %.", pre + "motivering": "",
            pre + "reden": "Verkeerd overgenomen.", pre + "gecorrigeerd_op": vandaag.isoformat()}
    r = c.post(f"/adviesraad/punten/{punt.pk}/correctie/", data)
    html = r.content.decode()
    assert r.status_code == 400 and "Wij verhogen naar 125 %." in html and "artikel 3:8" in html
    r = c.post(f"/adviesraad/punten/{punt.pk}/correctie/", {**data, pre + "motivering": "De begroting 2027."})
    assert r.status_code == 302
    html = c.get(f"/adviesraad/aanvragen/{punt.advies.aanvraag_id}/").content.decode()
    assert "Eerdere antwoorden op punt 1 (1)" in html and "Wij verhogen naar 130 %." in html
    assert "Verkeerd overgenomen." in html and "Wij verhogen naar 125 %." in html
    openbaar = Client().get("/loket/adviesraad/").content.decode()
    assert "Wij verhogen naar 125 %." in openbaar and "Wij verhogen naar 130 %." not in openbaar
    assert "Het college heeft dit antwoord verbeterd op" in openbaar and "beleid1" not in openbaar
