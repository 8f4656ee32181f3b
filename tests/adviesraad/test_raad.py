"""Art. 3:3 lid 1: every advice goes "onverkort ter kennisname" to the gemeenteraad, not before the college sent
its request to the adviesraad; a recorded step with its date (also for the college's answer), on the request page,
the overview and the public page. The ordinance names no term for it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from maatwerk.adviesraad import services
from maatwerk.adviesraad.models import Raadsstuk, Raadsverstrekking, Reactie
from maatwerk.regels.invoer import InvoerFout
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.zaken.fouten import ProcedureFout

pytestmark = pytest.mark.django_db
D = dt.date
VANDAAG = D(2026, 12, 7)


@pytest.fixture
def advies(beleid, secretaris):
    a = services.vraag_advies(beleid, onderwerp="Minimabeleid", vraag="De inkomensgrens", verzonden_op=D(2026, 11, 2),
                              ontvangen_op=D(2026, 11, 3), vandaag=VANDAAG)
    return services.leg_advies_vast(secretaris, a, uitgebracht_op=D(2026, 11, 20), vandaag=VANDAAG,
                                    punten=[{"kop": "Inkomensgrens", "tekst": "Verhoog de grens naar 130 %."},
                                            {"kop": "Bereik", "tekst": "Benader wie geen aanvraag doet."}])


def test_advies_naar_de_raad_op_of_na_de_dag_van_het_advies_en_eenmaal(secretaris, advies):
    with pytest.raises(InvoerFout) as fout:
        services.verstrek_aan_raad(secretaris, advies, stuk="advies", verstrekt_op=D(2026, 11, 19), vandaag=VANDAAG)
    assert fout.value.veld == "verstrekt_op" and "20 november 2026" in fout.value.bericht
    assert "artikel 3:3, eerste lid" in fout.value.bericht
    r = services.verstrek_aan_raad(secretaris, advies, stuk="advies", verstrekt_op=D(2026, 11, 20), vandaag=VANDAAG)
    assert (r.stuk, r.verstrekt_op) == (Raadsstuk.ADVIES, D(2026, 11, 20))
    assert "aan de gemeenteraad verstrekt op 20 november 2026" in services.status_tekst(advies.aanvraag, VANDAAG)
    with pytest.raises(ProcedureFout):
        services.verstrek_aan_raad(secretaris, advies, stuk="advies", verstrekt_op=D(2026, 11, 21), vandaag=VANDAAG)


@pytest.mark.parametrize("kw, veld, tekst", [
    ({"verstrekt_op": D(2026, 12, 8)}, "verstrekt_op", "toekomst"),
    ({"verstrekt_op": "morgen"}, "verstrekt_op", "geen geldige datum"),
    ({"stuk": "notulen"}, "stuk", "Kies het advies"),
])
def test_onjuiste_invoer(secretaris, advies, kw, veld, tekst):
    with pytest.raises(InvoerFout) as fout:
        services.verstrek_aan_raad(secretaris, advies, vandaag=VANDAAG, **{"stuk": "advies", "verstrekt_op": D(2026, 11, 21), **kw})
    assert fout.value.veld == veld and tekst in fout.value.bericht
    assert not Raadsverstrekking.objects.exists()


def test_antwoord_pas_als_elk_punt_beantwoord_is_en_niet_voor_het_laatste_antwoord(beleid, secretaris, advies):
    p1, p2 = advies.punten.all()
    services.beantwoord(beleid, p1, reactie=Reactie.OVERGENOMEN, antwoord="Ja.", beantwoord_op=D(2026, 11, 25),
                        vandaag=VANDAAG)
    with pytest.raises(ProcedureFout):
        services.verstrek_aan_raad(beleid, advies, stuk="antwoord", verstrekt_op=D(2026, 12, 1), vandaag=VANDAAG)
    services.beantwoord(beleid, p2, reactie=Reactie.OVERGENOMEN, antwoord="Ja.", beantwoord_op=D(2026, 11, 30),
                        vandaag=VANDAAG)
    with pytest.raises(InvoerFout) as fout:
        services.verstrek_aan_raad(beleid, advies, stuk="antwoord", verstrekt_op=D(2026, 11, 29), vandaag=VANDAAG)
    assert "30 november 2026" in fout.value.bericht
    # The secretary sends the advice, the college (beleidsmedewerker) its answer; not the other way round.
    with pytest.raises(GeenToegang):
        services.verstrek_aan_raad(secretaris, advies, stuk="antwoord", verstrekt_op=D(2026, 11, 30), vandaag=VANDAAG)
    with pytest.raises(GeenToegang):
        services.verstrek_aan_raad(beleid, advies, stuk="advies", verstrekt_op=D(2026, 11, 30), vandaag=VANDAAG)
    services.verstrek_aan_raad(beleid, advies, stuk="antwoord", verstrekt_op=D(2026, 11, 30), vandaag=VANDAAG)
    assert list(Raadsverstrekking.objects.values_list("stuk", flat=True)) == ["antwoord"]
    assert services.status_tekst(advies.aanvraag, VANDAAG).endswith(
        "beantwoord (antwoord aan de gemeenteraad verstrekt op 30 november 2026)")


def test_paginas_tonen_de_stap_en_houden_invoer_vast(secretaris, advies):
    c = Client()
    c.force_login(secretaris)
    pad = f"/adviesraad/aanvragen/{advies.aanvraag_id}/"
    html = c.get(pad).content.decode()
    assert "Ter kennisname aan de gemeenteraad (artikel 3:3)" in html and "geen termijn" in html
    r = c.post(pad + "raad/advies/", {"raad-advies-verstrekt_op": "2026-11-01"})
    assert r.status_code == 400 and "2026-11-01" in r.content.decode() and "20 november 2026" in r.content.decode()
    assert c.post(pad + "raad/notulen/", {}).status_code == 404
    vandaag = timezone.localdate()
    r = c.post(pad + "raad/advies/", {"raad-advies-verstrekt_op": vandaag.isoformat()})
    assert r.status_code == 302
    assert "aan de gemeenteraad verstrekt op" in c.get("/adviesraad/").content.decode()
    openbaar = Client().get("/loket/adviesraad/").content.decode()
    assert "Het advies van de Adviesraad is op" in openbaar and "ter kennisname aan de gemeenteraad verstrekt" in openbaar
