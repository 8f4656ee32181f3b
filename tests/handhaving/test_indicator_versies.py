"""Changing and withdrawing an indicator (issue 11, point 7; seed 003 'twee ogen beleid'): a change is a new
version that needs two approvals of its own before it is used, the old version stays in use until then; an
indicator taken out of use selects no one and the public register says why."""

from __future__ import annotations

import pytest

from maatwerk.handhaving import indicatoren
from maatwerk.handhaving.models import Indicator
from maatwerk.toegang.models import AuditRegel

from .test_indicatoren import NIEUW, STANDAARD, _keur_goed, _registreer

GEWIJZIGD = {**{k: v for k, v in NIEUW.items() if k != "code"}, "criteria": "Elke regel van soort inkomen boven € 100."}


def _in_gebruik(client_voor, handhaver, beleid, kwaliteit):
    i = _registreer(client_voor, handhaver)
    for door in (beleid, kwaliteit):
        assert _keur_goed(client_voor, door, i).status_code == 302
    return i


def _wijzig(client_voor, user, indicator, gegevens=GEWIJZIGD):
    return client_voor(user).post(f"/handhaving/indicatoren/{indicator.pk}/wijzigen/",
                                  {f"wijziging-{k}": v for k, v in gegevens.items()})


def test_wijziging_geldt_pas_na_twee_goedkeuringen(handhaver, handhaver2, beleid, kwaliteit, client_voor):
    v1 = _in_gebruik(client_voor, handhaver, beleid, kwaliteit)
    antwoord = _wijzig(client_voor, handhaver2, v1)
    assert antwoord.status_code == 302
    v2 = Indicator.objects.get(code="ib-inkomen", versie=2)
    assert v2.vorige == v1 and v2.auteur == handhaver2 and "boven € 100" in v2.criteria
    # Not approved yet: version 1 keeps selecting; the change is not applied.
    assert indicatoren.voor_signaalsoort("inkomen") == v1
    assert indicatoren.status_tekst(v2) == "In ontwikkeling"
    assert _keur_goed(client_voor, beleid, v2).status_code == 302
    assert indicatoren.voor_signaalsoort("inkomen") == v1
    assert _keur_goed(client_voor, handhaver2, v2).status_code == 409  # its author does not approve it
    assert _keur_goed(client_voor, handhaver, v2).status_code == 302  # the author of v1 may approve v2
    v1.refresh_from_db()
    assert indicatoren.voor_signaalsoort("inkomen") == v2
    assert v1.buiten_gebruik_op is not None and v1.buiten_gebruik_reden == "Vervangen door versie 2."
    export = {r["source_id"]: r for r in indicatoren.register()}
    assert export["ib-inkomen"]["status"] == "Buiten gebruik" and export["ib-inkomen"]["end_date"]
    assert export["ib-inkomen-v2"]["status"] == "In gebruik" and "Versie 2" in export["ib-inkomen-v2"]["description_short"]
    assert all(set(r) == STANDAARD for r in export.values())


def test_een_oude_versie_wordt_niet_meer_gewijzigd_of_goedgekeurd(handhaver, handhaver2, beleid, kwaliteit, client_voor):
    v1 = _in_gebruik(client_voor, handhaver, beleid, kwaliteit)
    assert _wijzig(client_voor, handhaver2, v1).status_code == 302
    tweede = _wijzig(client_voor, handhaver, v1)
    assert tweede.status_code == 400 and "nieuwere versie" in tweede.content.decode()
    assert Indicator.objects.filter(code="ib-inkomen").count() == 2
    api = client_voor(handhaver, api=True).post(f"/api/v1/handhaving/indicatoren/{v1.pk}/wijzigen/", GEWIJZIGD,
                                                format="json")
    assert api.status_code == 400


def test_wijzigen_foute_invoer_noemt_het_veld_en_houdt_de_tekst(handhaver, beleid, kwaliteit, client_voor):
    v1 = _in_gebruik(client_voor, handhaver, beleid, kwaliteit)
    antwoord = _wijzig(client_voor, handhaver, v1, {**GEWIJZIGD, "naam": "", "criteria": "Mijn nieuwe tekst"})
    html = antwoord.content.decode()
    assert antwoord.status_code == 400 and "Mijn nieuwe tekst" in html and "Naam" in html
    assert Indicator.objects.filter(code="ib-inkomen").count() == 1


def test_buiten_gebruik_met_reden_in_het_openbare_register(handhaver, beleid, kwaliteit, client_voor):
    from django.test import Client

    v1 = _in_gebruik(client_voor, handhaver, beleid, kwaliteit)
    zonder = client_voor(handhaver).post(f"/handhaving/indicatoren/{v1.pk}/buiten-gebruik/", {"buiten-reden": " "})
    assert zonder.status_code == 400 and indicatoren.voor_signaalsoort("inkomen") == v1
    met = client_voor(handhaver).post(f"/handhaving/indicatoren/{v1.pk}/buiten-gebruik/",
                                      {"buiten-reden": "Het UWV levert deze gegevens niet meer."})
    assert met.status_code == 302
    v1.refresh_from_db()
    assert indicatoren.voor_signaalsoort("inkomen") is None and v1.buiten_gebruik_door == handhaver
    openbaar = Client().get("/loket/algoritmes/").content.decode()
    assert "Buiten gebruik" in openbaar and "Het UWV levert deze gegevens niet meer." in openbaar
    nog_eens = client_voor(handhaver, api=True).post(f"/api/v1/handhaving/indicatoren/{v1.pk}/buiten-gebruik/",
                                                     {"reden": "Weer."}, format="json")
    assert nog_eens.status_code == 400
    assert _keur_goed(client_voor, beleid, v1).status_code in (400, 409)  # no approvals once out of use


@pytest.mark.parametrize("rol", ["consulent_inkomen", "consulent_wmo", "kwaliteitsmedewerker", "beheerder"])
def test_anderen_wijzigen_of_stoppen_geen_indicator(rol, maak_gebruiker, handhaver, beleid, kwaliteit, client_voor):
    v1 = _in_gebruik(client_voor, handhaver, beleid, kwaliteit)
    ander = maak_gebruiker(f"ander_{rol}", rol)
    voor = AuditRegel.objects.filter(toegestaan=False).count()
    assert _wijzig(client_voor, ander, v1).status_code in (403, 404)
    assert client_voor(ander).post(f"/handhaving/indicatoren/{v1.pk}/buiten-gebruik/",
                                   {"buiten-reden": "Zomaar."}).status_code in (403, 404)
    assert client_voor(ander, api=True).post(f"/api/v1/handhaving/indicatoren/{v1.pk}/buiten-gebruik/",
                                             {"reden": "Zomaar."}, format="json").status_code in (403, 404)
    v1.refresh_from_db()
    assert v1.buiten_gebruik_op is None and Indicator.objects.count() == 1
    assert AuditRegel.objects.filter(toegestaan=False).count() > voor
