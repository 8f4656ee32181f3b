"""The indicator register (issue 11, point 7): registered with purpose, legal ground, criteria, data and owner;
approved by two different people who are not the author before use; published as an Algoritmeregister 1.0
export and on a public page."""

from __future__ import annotations

import pytest
from django.test import Client

from maatwerk.handhaving import indicatoren
from maatwerk.handhaving.models import Indicator, IndicatorGoedkeuring
from maatwerk.toegang.models import AuditRegel

NIEUW = {"code": "ib-inkomen", "naam": "Inkomen naast de uitkering", "omschrijving": "Wij kijken of iemand ook loon krijgt.",
         "doel": "Rechtmatige bijstand.", "wettelijke_grondslag": "Participatiewet artikel 17 en 64.",
         "criteria": "Elke regel van soort inkomen.", "gegevens": "BSN, bedrag (UWV).", "eigenaar": "Teamleider handhaving",
         "menselijke_tussenkomst": "De casustafel beoordeelt elk signaal.", "signaalsoort": "inkomen"}

# Field names of the Algoritmeregister publicatiestandaard 1.0.0 (MinBZK/Algoritmeregister,
# backend/app/schemas/config/v1_0_0.json) that the export fills.
STANDAARD = {"name", "description_short", "organization", "category", "status", "begin_date", "end_date",
             "contact_email", "publication_category", "goal", "proportionality", "human_intervention", "risks",
             "lawful_basis", "lawful_basis_grouping", "source_data", "methods_and_models", "provider", "lang",
             "standard_version", "source_id", "tags"}


def _registreer(client_voor, user):
    antwoord = client_voor(user).post("/handhaving/indicatoren/", {f"indicator-{k}": v for k, v in NIEUW.items()})
    assert antwoord.status_code == 302, antwoord.content
    return Indicator.objects.get(code="ib-inkomen")


def _keur_goed(client_voor, user, indicator):
    return client_voor(user).post(f"/handhaving/indicatoren/{indicator.pk}/",
                                  {"goedkeuring-toelichting": "Transparant en voor iedereen gelijk."})


def test_twee_anderen_keuren_goed_dan_pas_in_gebruik(handhaver, handhaver2, beleid, kwaliteit, client_voor):
    i = _registreer(client_voor, handhaver)
    assert indicatoren.status_tekst(i) == "In ontwikkeling" and indicatoren.voor_signaalsoort("inkomen") is None
    assert _keur_goed(client_voor, beleid, i).status_code == 302
    assert indicatoren.voor_signaalsoort("inkomen") is None  # one approval is not enough
    assert _keur_goed(client_voor, kwaliteit, i).status_code == 302
    assert indicatoren.status_tekst(i) == "In gebruik" and indicatoren.voor_signaalsoort("inkomen") == i


def test_zelf_goedkeuren_en_twee_keer_goedkeuren_geweigerd(handhaver, beleid, client_voor):
    i = _registreer(client_voor, handhaver)
    zelf = _keur_goed(client_voor, handhaver, i)
    assert zelf.status_code == 409 and "zelf geregistreerd" in zelf.content.decode()
    assert _keur_goed(client_voor, beleid, i).status_code == 302
    twee = client_voor(beleid, api=True).post(f"/api/v1/handhaving/indicatoren/{i.pk}/goedkeuren/",
                                              {"toelichting": "Nog eens."}, format="json")
    assert twee.status_code == 409 and twee.json()["code"] == "zelfde_persoon"
    assert IndicatorGoedkeuring.objects.filter(indicator=i).count() == 1
    assert AuditRegel.objects.filter(onderwerp="indicator", toegestaan=False).count() == 2


def test_registreren_foute_invoer_en_dubbele_code(handhaver, client_voor):
    fout = client_voor(handhaver).post("/handhaving/indicatoren/", {"indicator-code": "Geen Slug!", "indicator-naam": "x"})
    assert fout.status_code == 400 and {"code", "doel", "criteria"} <= set(fout.context["form"].errors)
    assert 'value="x"' in fout.content.decode()
    _registreer(client_voor, handhaver)
    dubbel = client_voor(handhaver, api=True).post("/api/v1/handhaving/indicatoren/", NIEUW, format="json")
    assert dubbel.status_code == 400 and "code" in dubbel.json()


@pytest.mark.parametrize("rol, registreren, goedkeuren", [
    ("consulent_inkomen", False, False), ("consulent_wmo", False, False), ("beheerder", False, False),
    ("jurist", False, False), ("kwaliteitsmedewerker", False, True), ("beleidsmedewerker", True, True),
])
def test_wie_mag_registreren_en_goedkeuren(maak_gebruiker, handhaver, client_voor, rol, registreren, goedkeuren):
    user = maak_gebruiker(f"i_{rol}", rol)
    i = Indicator.objects.create(auteur=handhaver, **{**NIEUW, "code": "ander"})
    api = client_voor(user, api=True)
    assert (api.post("/api/v1/handhaving/indicatoren/", NIEUW, format="json").status_code == 201) == registreren
    antwoord = api.post(f"/api/v1/handhaving/indicatoren/{i.pk}/goedkeuren/", {"toelichting": "Akkoord."}, format="json")
    assert antwoord.status_code == (201 if goedkeuren else 403)


def test_algoritmeregister_export_en_openbare_pagina(indicatoren_goedgekeurd):
    open_ = Client()
    export = open_.get("/loket/algoritmes/algoritmeregister.json")
    assert export.status_code == 200 and export["Content-Type"].startswith("application/json")
    regels = export.json()
    assert len(regels) == 5 and all(set(r) == STANDAARD for r in regels)
    inkomen = next(r for r in regels if r["source_id"] == "ib-inkomen")
    assert inkomen["status"] == "In gebruik" and inkomen["standard_version"] == "1.0.0" and inkomen["lang"] == "nld"
    assert inkomen["lawful_basis"] == "Participatiewet art. 17 en 64." and len(inkomen["begin_date"]) == 7
    pagina = open_.get("/loket/algoritmes/")
    html = pagina.content.decode()
    assert pagina.status_code == 200 and "Signaal inkomen" in html and "Teamleider handhaving" in html
    assert "Elke regel van soort inkomen." in html
