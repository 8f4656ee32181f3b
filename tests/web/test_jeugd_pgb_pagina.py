"""The Jeugd pgb on the zaak page (artikel 5:6): the consulent_jeugd computes it with the Regelkern; bad input gets a
Dutch message at the field and keeps what was typed; another domain gets the 404 (purpose limitation)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from maatwerk.zaken import beoordeling, procedure
from maatwerk.zaken.models import Berekening, Status

BEVINDINGEN = {
    "verwijzing_arts": ("nee", "Moeder meldde zich zelf bij het jeugdteam, zonder verwijzing."),
    "pgb_gewenst": ("ja", "De ouders willen de begeleiding zelf regelen met een pgb."),
    "pgb_in_staat_tot_beheer": ("ja", "Vader deed eerder de administratie van een pgb."),
    "pgb_natura_niet_passend": ("ja", "Daan vertrouwt alleen zijn oom, die de begeleiding kan geven."),
    "jeugd_pgb_kwaliteit_gewaarborgd": ("ja", "De oom werkt met een plan met doelen en evalueert elk kwartaal."),
}


def _client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def zaak(jeugd, maak_zaak):
    zaak = maak_zaak(jeugd, regeling="jeugdhulp")
    procedure.voer_uit(zaak, Status.AANVRAAG, jeugd, datum=dt.date(2026, 1, 6))
    procedure.voer_uit(zaak, Status.BEOORDELING, jeugd, datum=dt.date(2026, 1, 7))
    zaak.refresh_from_db()
    return zaak


def _post(client, zaak, **velden):
    data = {"jeugd_pgb-maand": "2026-02", "jeugd_pgb-hulpverlener": "informeel", "jeugd_pgb-natura_kostprijs": "1.000,00",
            "jeugd_pgb-begroting": "800,00"}
    data.update({f"jeugd_pgb-{k}": v for k, v in velden.items()})
    return client.post(f"/zaken/{zaak.pk}/jeugd-pgb/", data)


@pytest.mark.django_db
def test_section_appears_only_when_a_pgb_is_wanted_and_computes(jeugd, zaak):
    c = _client(jeugd)
    assert "Pgb jeugdhulp" not in c.get(f"/zaken/{zaak.pk}/").content.decode()
    for criterium, (waarde, motivering) in BEVINDINGEN.items():
        beoordeling.leg_bevinding_vast(zaak, jeugd, criterium=criterium, waarde=waarde, motivering=motivering)
    assert "Pgb jeugdhulp" in c.get(f"/zaken/{zaak.pk}/").content.decode()
    antwoord = _post(c, zaak)
    assert antwoord.status_code == 302 and antwoord["Location"].endswith("#jeugd_pgb")
    assert Berekening.objects.get(zaak=zaak).bedrag == Decimal("517.00")  # 51,7 % of € 1.000 (art. 5:6 lid 3 onder b)
    pagina = c.get(f"/zaken/{zaak.pk}/").content.decode()
    assert "Pgb: € 517,00 per maand" in pagina and "Het pgb is berekend en vastgelegd." in pagina
    assert "51,7 % daarvan: € 517,00" in pagina


@pytest.mark.django_db
@pytest.mark.parametrize("veld, waarde, tekst", [
    ("begroting", "veel", "bedrag"),
    ("natura_kostprijs", "-5", "negatief"),
    ("maand", "2026-13", "maand"),
    ("hulpverlener", "oma", "keuze"),
])
def test_bad_input_is_named_at_the_field_and_kept(jeugd, zaak, veld, waarde, tekst):
    for criterium, (w, motivering) in BEVINDINGEN.items():
        beoordeling.leg_bevinding_vast(zaak, jeugd, criterium=criterium, waarde=w, motivering=motivering)
    antwoord = _post(_client(jeugd), zaak, **{veld: waarde})
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert tekst in html.lower() and "Traceback" not in html
    if veld != "hulpverlener":
        assert f'value="{waarde}"' in html
    assert not Berekening.objects.filter(zaak=zaak).exists()


@pytest.mark.django_db
def test_without_the_wish_the_service_refuses_in_dutch(jeugd, zaak):
    antwoord = _post(_client(jeugd), zaak)
    assert antwoord.status_code == 400
    assert "artikel 5:6, eerste lid" in antwoord.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("wie, status", [("wmo", 404), ("inkomen", 404), ("beheerder", 404), ("kwaliteit", 404)])
def test_other_roles_are_refused(request, jeugd, zaak, wie, status):
    """Another domain, the beheerder and the kwaliteitsmedewerker (who sees a zaak only for the four eyes, once it is
    klaar voor besluit) may not see a zaak in beoordeling: the 404, and nothing computed."""
    for criterium, (w, motivering) in BEVINDINGEN.items():
        beoordeling.leg_bevinding_vast(zaak, jeugd, criterium=criterium, waarde=w, motivering=motivering)
    assert _post(_client(request.getfixturevalue(wie)), zaak).status_code == status
    assert not Berekening.objects.filter(zaak=zaak).exists()
