"""Jeugd access on the zaak (issue 10, point 5): the structured referral of artikel 5:3 and free access (5:2).

The referral is recorded by the consulent_jeugd (form and API), cited by the route finding, shown on the zaak and
in the letter; bad input names the field in Dutch and keeps what was typed. Free access: up to and including the
ordinance's 5 contacts no beschikking (the zaak is closed with that outcome), the sixth contact is an
individuele voorziening and the normal route continues.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from maatwerk.toegang.models import AuditRegel
from maatwerk.zaken import jeugd as jeugd_service, jeugd_verwijzing, jeugd_vrije_toegang, procedure
from maatwerk.zaken.models import Bevinding, Status, Verwijzing, VrijeToegang

GOED = {"verwezen_door": "huisarts", "naam": "Dokter Visser", "agb_code": "01012345", "big_nummer": "",
        "datum": "2026-01-02", "hulpvraag": "Angstklachten en slecht slapen; behandeling door een jeugd-ggz-aanbieder."}


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


@pytest.fixture
def melding(jeugd, maak_zaak):
    return maak_zaak(jeugd, regeling="jeugdhulp")


# ------------------------------------------------------------------ verwijzing (5:3)

@pytest.mark.django_db
def test_referral_by_form_is_recorded_cited_by_the_route_finding_and_shown(jeugd, zaak):
    c = _client(jeugd)
    antwoord = c.post(f"/zaken/{zaak.pk}/jeugd-verwijzing/", {f"jeugd_verwijzing-{k}": v for k, v in GOED.items()})
    assert antwoord.status_code == 302 and antwoord["Location"].endswith("#jeugd_toegang")
    verwijzing = Verwijzing.objects.get(zaak=zaak)
    assert (verwijzing.verwezen_door, verwijzing.agb_code, verwijzing.datum) == ("huisarts", "01012345", dt.date(2026, 1, 2))
    bevinding = Bevinding.objects.get(zaak=zaak, criterium="verwijzing_arts", actueel=True)
    assert bevinding.waarde == "ja"
    assert "huisarts Dokter Visser (AGB 01012345) op 2 januari 2026" in bevinding.motivering
    assert jeugd_service.route(zaak) == "verwijzing"
    pagina = c.get(f"/zaken/{zaak.pk}/").content.decode()
    assert "Toegang tot jeugdhulp" in pagina and "Dokter Visser (AGB 01012345)" in pagina and "De verwijzing is vastgelegd." in pagina
    assert "jeugd_ggz" not in pagina and "huisarts Dokter" in pagina  # the label, not only the code
    assert AuditRegel.objects.filter(zaak=zaak, onderwerp="verwijzing").exists()


@pytest.mark.django_db
def test_referral_by_api_with_big_number(api, jeugd, zaak):
    data = {**GOED, "verwezen_door": "medisch_specialist", "agb_code": "", "big_nummer": "19012345601"}
    antwoord = api(jeugd).post(f"/api/v1/zaken/{zaak.pk}/jeugd-verwijzingen/", data, format="json")
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord.json()["verwezen_door_label"] == "Medisch specialist"
    lijst = api(jeugd).get(f"/api/v1/zaken/{zaak.pk}/jeugd-verwijzingen/").json()
    assert lijst["count"] == 1 and lijst["results"][0]["big_nummer"] == "19012345601"


@pytest.mark.django_db
def test_referral_dated_today_is_accepted_tomorrow_refused(jeugd, zaak):
    vandaag = timezone.localdate()
    jeugd_verwijzing.leg_verwijzing_vast(zaak, jeugd, **{**GOED, "datum": vandaag.isoformat()})
    morgen = (vandaag + dt.timedelta(days=1)).isoformat()
    antwoord = _client(jeugd).post(f"/zaken/{zaak.pk}/jeugd-verwijzing/",
                                   {f"jeugd_verwijzing-{k}": v for k, v in {**GOED, "datum": morgen}.items()})
    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert "De datum van de verwijzing ligt in de toekomst" in html and f'value="{morgen}"' in html
    assert 'value="Dokter Visser"' in html  # what was typed is kept
    assert Verwijzing.objects.filter(zaak=zaak).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("veld, waarde, tekst", [
    ("verwezen_door", "", "Kies wie verwees"),
    ("verwezen_door", "wijkteam", "Kies wie verwees"),
    ("agb_code", "1234567", "8 cijfers"),
    ("agb_code", "0101234A", "8 cijfers"),
    ("big_nummer", "1234", "11 cijfers"),
    ("naam", "", "naam"),
    ("hulpvraag", "", "hulpvraag"),
    ("datum", "2026-02-30", "datum"),
])
def test_bad_referral_input_names_the_field_over_the_api(api, jeugd, zaak, veld, waarde, tekst):
    data = {**GOED, veld: waarde}
    antwoord = api(jeugd).post(f"/api/v1/zaken/{zaak.pk}/jeugd-verwijzingen/", data, format="json")
    assert antwoord.status_code == 400
    fouten = antwoord.json()
    assert veld in fouten and tekst.lower() in " ".join(fouten[veld]).lower()
    assert not Verwijzing.objects.filter(zaak=zaak).exists()


@pytest.mark.django_db
def test_referral_needs_agb_or_big(jeugd, zaak):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as fout:
        jeugd_verwijzing.leg_verwijzing_vast(zaak, jeugd, **{**GOED, "agb_code": "", "big_nummer": ""})
    assert "AGB-code" in fout.value.message_dict["agb_code"][0]


@pytest.mark.django_db
def test_old_zaak_with_free_text_referral_still_renders(jeugd, zaak):
    from maatwerk.zaken import beoordeling

    beoordeling.leg_bevinding_vast(zaak, jeugd, criterium="verwijzing_arts", waarde="ja",
                                   motivering="Huisarts De Wit verwees op 3 januari voor gedragsproblemen.")
    pagina = _client(jeugd).get(f"/zaken/{zaak.pk}/").content.decode()
    assert "Huisarts De Wit verwees op 3 januari" in pagina and "Geen verwijzing vastgelegd." in pagina
    assert jeugd_verwijzing.verwijzing_zin(zaak) == ""


@pytest.mark.django_db
@pytest.mark.parametrize("wie", ["wmo", "inkomen", "beheerder", "kwaliteit"])
def test_other_roles_get_404_and_nothing_is_recorded(request, api, zaak, wie):
    gebruiker = request.getfixturevalue(wie)
    assert _client(gebruiker).post(f"/zaken/{zaak.pk}/jeugd-verwijzing/",
                                   {f"jeugd_verwijzing-{k}": v for k, v in GOED.items()}).status_code == 404
    assert api(gebruiker).post(f"/api/v1/zaken/{zaak.pk}/jeugd-verwijzingen/", GOED, format="json").status_code == 404
    assert api(gebruiker).get(f"/api/v1/zaken/{zaak.pk}/jeugd-vrije-toegang/").status_code == 404
    assert not Verwijzing.objects.filter(zaak=zaak).exists()
    assert AuditRegel.objects.filter(zaak=zaak, gebruiker=gebruiker, toegestaan=False).exists()


@pytest.mark.django_db
def test_referral_on_a_wmo_zaak_is_refused(api, wmo, maak_zaak):
    zaak = maak_zaak(wmo)
    antwoord = api(wmo).post(f"/api/v1/zaken/{zaak.pk}/jeugd-verwijzingen/", GOED, format="json")
    assert antwoord.status_code in (400, 409) and "jeugdhulp" in antwoord.content.decode()


# ------------------------------------------------------------------ vrije toegang (5:2)

@pytest.mark.django_db
def test_five_contacts_are_free_no_beschikking_and_the_zaak_closes(jeugd, melding):
    c = _client(jeugd)
    antwoord = c.post(f"/zaken/{melding.pk}/jeugd-vrije-toegang/",
                      {"jeugd_vrij-vorm": "ambulante_jeugd_en_opvoedhulp", "jeugd_vrij-contactmomenten": "5"})
    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    melding.refresh_from_db()
    record = VrijeToegang.objects.get(zaak=melding)
    assert record.vrij_toegankelijk and melding.status == Status.INGETROKKEN
    stap = melding.overgangen.order_by("-id").first()
    assert "Geen beschikking nodig" in stap.reden and "artikel 5:2" in stap.reden
    # The rule, its source and the Regelkern's uitleg are on the record and on the page.
    overweging = record.uitleg["overwegingen"][0]
    assert "5:2" in overweging["bron"]
    pagina = c.get(f"/zaken/{melding.pk}/").content.decode()
    assert "Geen beschikking nodig" in pagina and "artikel 5:2, eerste lid" in pagina


@pytest.mark.django_db
def test_six_contacts_continue_the_normal_route(api, jeugd, melding):
    antwoord = api(jeugd).post(f"/api/v1/zaken/{melding.pk}/jeugd-vrije-toegang/",
                               {"vorm": "ambulante_jeugd_en_opvoedhulp", "contactmomenten": 6}, format="json")
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord.json()["vrij_toegankelijk"] is False and "individuele voorziening" in antwoord.json()["uitkomst"]
    melding.refresh_from_db()
    assert melding.status == Status.MELDING


@pytest.mark.django_db
def test_preventive_service_is_free_and_other_help_is_not(jeugd, maak_zaak):
    vrij = jeugd_vrije_toegang.leg_vrije_toegang_vast(maak_zaak(jeugd, regeling="jeugdhulp"), jeugd, vorm="preventieve_dienst")
    niet = jeugd_vrije_toegang.leg_vrije_toegang_vast(maak_zaak(jeugd, regeling="jeugdhulp"), jeugd,
                                                      vorm="andere_individuele_voorziening")
    assert vrij.vrij_toegankelijk and not niet.vrij_toegankelijk


@pytest.mark.django_db
@pytest.mark.parametrize("data, veld", [
    ({"vorm": "knuffelen", "contactmomenten": 3}, "vorm"),
    ({"vorm": "ambulante_jeugd_en_opvoedhulp", "contactmomenten": -1}, "contactmomenten"),
    ({"vorm": "ambulante_jeugd_en_opvoedhulp", "contactmomenten": "veel"}, "contactmomenten"),
])
def test_bad_free_access_input_names_the_field(api, jeugd, melding, data, veld):
    antwoord = api(jeugd).post(f"/api/v1/zaken/{melding.pk}/jeugd-vrije-toegang/", data, format="json")
    assert antwoord.status_code == 400 and veld in antwoord.json()
    assert not VrijeToegang.objects.filter(zaak=melding).exists()


@pytest.mark.django_db
def test_ambulant_help_without_contacts_is_refused_on_the_form(jeugd, melding):
    antwoord = _client(jeugd).post(f"/zaken/{melding.pk}/jeugd-vrije-toegang/",
                                   {"jeugd_vrij-vorm": "ambulante_jeugd_en_opvoedhulp", "jeugd_vrij-contactmomenten": ""})
    assert antwoord.status_code == 400 and "ten minste 1" in antwoord.content.decode()
    melding.refresh_from_db()
    assert melding.status == Status.MELDING
