"""Herziening, intrekking and terugvordering of a granted Jeugd besluit on screen and API (issue 10, point 5;
Verordening Sociaal Domein Lansingerland 2018, artikel 5:7). The consulent chooses the ground (each shown with its
ordinance text); for a pgb the value wrongly received is the monthly pgb times the months (5:7 lid 3), and the
Regelkern gives the most that may be recovered; it leads to a new besluit via the existing services. Other domains
get the 404; every step has an audit line.

Cross-check: 3 months of a pgb of € 517,00 = € 1.551,00 (51,7 % of € 1.000, art. 5:6 lid 3 onder b)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from rest_framework.test import APIClient

from maatwerk.besluiten import services
from maatwerk.besluiten.demo import demo_gemeente
from maatwerk.besluiten.models import Besluit
from maatwerk.personen import services as personen
from maatwerk.toegang.models import AuditRegel
from maatwerk.zaken import beoordeling, procedure
from maatwerk.zaken.models import Status
from maatwerk.zaken.services import meld_zaak

DAG = dt.date(2026, 1, 26)
PGB = {
    "verwijzing_arts": ("nee", "Moeder meldde zich zelf bij het jeugdteam; er is geen verwijzing van een arts."),
    "oplossing_eigen_kracht_of_omgeving": ("nee", "Ouders en opa komen er niet uit."),
    "oplossing_overige_of_voorliggende_voorziening": ("nee", "De cursus van het CJG hielp niet."),
    "pgb_gewenst": ("ja", "De ouders willen de begeleiding zelf regelen met een pgb."),
    "pgb_in_staat_tot_beheer": ("ja", "Vader deed eerder een pgb."),
    "pgb_natura_niet_passend": ("ja", "Daan vertrouwt alleen zijn oom."),
    "jeugd_pgb_kwaliteit_gewaarborgd": ("ja", "De oom werkt met een plan met doelen."),
    "pgb_sociaal_netwerk": ("ja", "De oom krijgt een laag tarief, de zorg valt hem niet te zwaar, geen druk."),
}


@pytest.fixture
def pgb_besluit(db, jeugd, kwaliteit):
    """A bekendgemaakt Jeugd pgb besluit of € 517,00 per month."""
    from maatwerk.zaken import jeugd as jeugd_service

    demo_gemeente().save()
    daan = personen.registreer_inwoner(
        jeugd, bsn="999993653", voornamen="Daan", achternaam="Herzien", geboortedatum=dt.date(2014, 5, 1),
        straat="Dorpsstraat", huisnummer=12, postcode="2651 AB", woonplaats="Berkel en Rodenrijs")
    huishouden = personen.maak_huishouden(jeugd, naam="Huishouden Herzien", aanvrager=daan)
    zaak = meld_zaak(jeugd, huishouden=huishouden, hoofdpersoon=daan, regeling="jeugdhulp",
                     ontvangen_op=dt.date(2026, 1, 5), omschrijving="Hulp voor Daan")
    procedure.voer_uit(zaak, Status.AANVRAAG, jeugd, datum=dt.date(2026, 1, 6))
    procedure.voer_uit(zaak, Status.BEOORDELING, jeugd, datum=dt.date(2026, 1, 7))
    for criterium, (waarde, motivering) in PGB.items():
        beoordeling.leg_bevinding_vast(zaak, jeugd, criterium=criterium, waarde=waarde, motivering=motivering)
    jeugd_service.bereken_pgb(zaak, jeugd, maand="2026-02", hulpverlener="informeel", natura_kostprijs="1000",
                              begroting="800", sociaal_netwerk=True)
    procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, jeugd, datum=DAG, uitkomst="toegekend", bedrag=Decimal("5687.00"))
    besluit = services.opstellen(zaak, jeugd)
    services.wijzigen(
        besluit, jeugd, voorziening="begeleiding van Daan door zijn oom", beoogd_resultaat="Daan gaat weer naar school.",
        kwaliteitseisen="De begeleider werkt met een plan met doelen.",
        verantwoording="De SVB betaalt de begeleider. U tekent elke maand de uren.",
        ingangsdatum=dt.date(2026, 2, 1), einddatum=dt.date(2026, 12, 31), vervolg="U kunt de begeleiding nu regelen.")
    if services.vier_ogen(besluit).vereist and services.geldige_goedkeuring(besluit) is None:
        services.goedkeuren(besluit, kwaliteit, akkoord=True)
    services.vaststellen(besluit, jeugd, datum=DAG)
    services.bekendmaken(besluit, jeugd, datum=DAG)
    besluit.refresh_from_db()
    return besluit


def _client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def _api(user) -> APIClient:
    c = APIClient()
    c.force_authenticate(user)
    return c


@pytest.mark.django_db
def test_page_shows_each_ground_with_its_ordinance_text_and_makes_an_intrekking_with_recovery(jeugd, pgb_besluit):
    c = _client(jeugd)
    pagina = c.get(f"/besluiten/{pgb_besluit.pk}/jeugd-herziening/").content.decode()
    for tekst in ("artikel 5:7, tweede lid, onder a", "onder e", "artikel 5:7, vierde lid", "€ 517,00 per maand"):
        assert tekst in pagina
    assert "jeugd-herziening" in c.get(f"/besluiten/{pgb_besluit.pk}/").content.decode()  # linked from the besluit
    antwoord = c.post(f"/besluiten/{pgb_besluit.pk}/jeugd-herziening/",
                      {"soort": "intrekking", "grond": "onjuiste_gegevens", "opzet": "on", "maanden": "3"})
    assert antwoord.status_code == 302
    nieuw = Besluit.objects.get(vervangt=pgb_besluit)
    assert antwoord["Location"].endswith(f"/besluiten/{nieuw.pk}/")
    assert nieuw.soort == "intrekking" and nieuw.status == "concept"
    zinnen = {o.regel_id: o for o in nieuw.overwegingen.all()}
    assert "artikel 5:7, tweede lid, onder a" in zinnen["jeugd.herziening.grond.onjuiste_gegevens"].bron
    assert "€ 1.551,00" in zinnen["jeugd.terugvordering"].zin  # 3 x € 517,00
    pgb_besluit.refresh_from_db()
    assert pgb_besluit.status == "bekendgemaakt"  # the old besluit never changes
    volg = c.get(antwoord["Location"]).content.decode()
    assert "3 maanden pgb van € 517,00 per maand = € 1.551,00" in volg
    assert AuditRegel.objects.filter(zaak=pgb_besluit.zaak, onderwerp="overweging", toelichting__contains="5:7").exists()


@pytest.mark.django_db
def test_api_herziening_without_intent_recovers_nothing(jeugd, pgb_besluit):
    antwoord = _api(jeugd).post(f"/api/v1/besluiten/{pgb_besluit.pk}/jeugd-herziening/",
                                {"soort": "herziening", "grond": "niet_toereikend"}, format="json")
    assert antwoord.status_code == 201, antwoord.content
    data = antwoord.json()
    assert data["soort"] == "herziening" and data["maximum_terugvordering"] is None
    gronden = _api(jeugd).get(f"/api/v1/besluiten/{pgb_besluit.pk}/jeugd-herziening/").json()["gronden"]
    assert len(gronden) == 6 and all("artikel 5:7" in g["bron"] for g in gronden)


@pytest.mark.django_db
def test_api_recovery_over_months_without_intent_is_zero_with_uitleg(jeugd, pgb_besluit):
    antwoord = _api(jeugd).post(f"/api/v1/besluiten/{pgb_besluit.pk}/jeugd-herziening/",
                                {"soort": "intrekking", "grond": "onjuiste_gegevens", "maanden": 2}, format="json")
    assert antwoord.status_code == 201
    data = antwoord.json()
    assert Decimal(data["ten_onrechte_genoten"]) == Decimal("1034.00") and Decimal(data["maximum_terugvordering"]) == 0
    assert "opzettelijk" in data["uitleg"]


@pytest.mark.django_db
@pytest.mark.parametrize("data, veld", [
    ({"soort": "intrekking", "grond": "geen_zin"}, "grond"),
    ({"soort": "herziening", "grond": "pgb_niet_binnen_termijn_aangewend"}, "grond"),
    ({"soort": "vernietiging", "grond": "onjuiste_gegevens"}, "soort"),
    ({"soort": "intrekking", "grond": "onjuiste_gegevens", "maanden": 0}, "maanden"),
    ({"soort": "intrekking", "grond": "onjuiste_gegevens", "maanden": 2, "ten_onrechte_genoten": "10.00"}, "maanden"),
    ({"soort": "intrekking", "grond": "onjuiste_gegevens", "ten_onrechte_genoten": "-1"}, "ten_onrechte_genoten"),
])
def test_bad_input_names_the_field_and_makes_no_besluit(jeugd, pgb_besluit, data, veld):
    antwoord = _api(jeugd).post(f"/api/v1/besluiten/{pgb_besluit.pk}/jeugd-herziening/", data, format="json")
    assert antwoord.status_code == 400 and veld in antwoord.json(), antwoord.content
    assert not Besluit.objects.filter(vervangt=pgb_besluit).exists()


@pytest.mark.django_db
def test_bad_form_input_keeps_what_was_typed(jeugd, pgb_besluit):
    antwoord = _client(jeugd).post(f"/besluiten/{pgb_besluit.pk}/jeugd-herziening/",
                                   {"soort": "herziening", "grond": "pgb_niet_binnen_termijn_aangewend", "maanden": "4"})
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "alleen intrekking" in html and 'value="4"' in html
    assert not Besluit.objects.filter(vervangt=pgb_besluit).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("wie", ["wmo", "inkomen", "beheerder", "kwaliteit"])
def test_other_roles_are_refused(request, pgb_besluit, wie):
    gebruiker = request.getfixturevalue(wie)
    data = {"soort": "intrekking", "grond": "onjuiste_gegevens", "opzet": True, "maanden": 3}
    status = _api(gebruiker).post(f"/api/v1/besluiten/{pgb_besluit.pk}/jeugd-herziening/", data, format="json").status_code
    pagina = _client(gebruiker).get(f"/besluiten/{pgb_besluit.pk}/jeugd-herziening/").status_code
    if wie == "kwaliteit":  # sees the zaak's decisions for the four eyes, but may not draft one: 403/404
        assert status in (403, 404)
    else:
        assert status == 404 and pagina == 404
    assert not Besluit.objects.filter(vervangt=pgb_besluit).exists()
    assert AuditRegel.objects.filter(zaak=pgb_besluit.zaak, gebruiker=gebruiker, toegestaan=False).exists()
