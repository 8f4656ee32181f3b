"""Issue 10, last gap: the Jeugd sections of the zaak page (Toegang tot jeugdhulp, art. 5:2 and 5:3; Pgb jeugdhulp,
art. 5:6) and the 5:7 herziening page of a granted Jeugd besluit pass axe-core (WCAG 2.1 A and AA) and reflow at
320 px, also with the Dutch error messages shown after bad input (Debian's chromium, under the CSP)."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from importlib import import_module
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .toegankelijkheid import controleer, controleer_reflow

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API next to Django's ORM in one thread

pytestmark = [
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium ontbreekt (Debian-pakket chromium)"),
    pytest.mark.django_db(transaction=True),
]
WACHTWOORD = "geheim-wachtwoord-123"
DAG = dt.date(2026, 1, 26)
# The same facts as tests/besluiten/test_jeugd_herziening.py: a pgb for Daan's oom (informal help, 5:6).
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


def _zaai() -> None:
    """A transactional test flushes what the data migrations seeded: roles, mandate table, letter templates."""
    from django.apps import apps

    import_module("maatwerk.toegang.migrations.0002_rollen").maak(apps, None)
    import_module("maatwerk.zaken.migrations.0002_mandaattabel").vul(apps, None)
    import_module("maatwerk.besluiten.migrations.0002_sjablonen_en_gemeente").seed(apps, None)


@pytest.fixture
def jeugd(transactional_db):
    """A consulent jeugd, a kwaliteitsmedewerker, and two pgb zaken of Daan: one in beoordeling with its pgb
    computed (both Jeugd sections with their forms), one with a bekendgemaakt besluit (the 5:7 page)."""
    from django.contrib.auth.models import Group, User

    from maatwerk.besluiten import services
    from maatwerk.besluiten.demo import demo_gemeente
    from maatwerk.personen import services as personen
    from maatwerk.zaken import beoordeling, procedure
    from maatwerk.zaken import jeugd as jeugd_service
    from maatwerk.zaken.models import Status
    from maatwerk.zaken.services import meld_zaak

    _zaai()
    demo_gemeente().save()
    consulent = User.objects.create_user("consulent_jeugd_p", password=WACHTWOORD)
    consulent.groups.add(Group.objects.get(name="consulent_jeugd"))
    kwaliteit = User.objects.create_user("kwaliteit_p")
    kwaliteit.groups.add(Group.objects.get(name="kwaliteitsmedewerker"))
    daan = personen.registreer_inwoner(
        consulent, bsn="999993653", voornamen="Daan", achternaam="Herzien", geboortedatum=dt.date(2014, 5, 1),
        straat="Dorpsstraat", huisnummer=12, postcode="2651 AB", woonplaats="Berkel en Rodenrijs")
    huishouden = personen.maak_huishouden(consulent, naam="Huishouden Herzien", aanvrager=daan)

    def pgb_zaak():
        zaak = meld_zaak(consulent, huishouden=huishouden, hoofdpersoon=daan, regeling="jeugdhulp",
                         ontvangen_op=dt.date(2026, 1, 5), omschrijving="Hulp voor Daan")
        procedure.voer_uit(zaak, Status.AANVRAAG, consulent, datum=dt.date(2026, 1, 6))
        procedure.voer_uit(zaak, Status.BEOORDELING, consulent, datum=dt.date(2026, 1, 7))
        for criterium, (waarde, motivering) in PGB.items():
            beoordeling.leg_bevinding_vast(zaak, consulent, criterium=criterium, waarde=waarde, motivering=motivering)
        jeugd_service.bereken_pgb(zaak, consulent, maand="2026-02", hulpverlener="informeel", natura_kostprijs="1000",
                                  begroting="800", sociaal_netwerk=True)
        return zaak

    open_zaak = pgb_zaak()
    zaak = pgb_zaak()
    procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, consulent, datum=DAG, uitkomst="toegekend",
                       bedrag=Decimal("5687.00"))
    besluit = services.opstellen(zaak, consulent)
    services.wijzigen(
        besluit, consulent, voorziening="begeleiding van Daan door zijn oom", beoogd_resultaat="Daan gaat weer naar school.",
        kwaliteitseisen="De begeleider werkt met een plan met doelen.",
        verantwoording="De SVB betaalt de begeleider. U tekent elke maand de uren.",
        ingangsdatum=dt.date(2026, 2, 1), einddatum=dt.date(2026, 12, 31), vervolg="U kunt de begeleiding nu regelen.")
    if services.vier_ogen(besluit).vereist and services.geldige_goedkeuring(besluit) is None:
        services.goedkeuren(besluit, kwaliteit, akkoord=True)
    services.vaststellen(besluit, consulent, datum=DAG)
    services.bekendmaken(besluit, consulent, datum=DAG)
    return open_zaak, besluit


def _inloggen(page, live_server) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("consulent_jeugd_p")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


def _breed_en_smal(page, naam: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    controleer(page, naam)
    controleer_reflow(page, naam)  # sets 320 px
    controleer(page, f"{naam} (320 px)")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_jeugdsecties_van_de_zaakpagina(page, live_server, jeugd):
    open_zaak, _ = jeugd
    _inloggen(page, live_server)
    page.goto(f"{live_server.url}/zaken/{open_zaak.pk}/")
    expect(page.locator("#jeugd_toegang")).to_contain_text("Toegang tot jeugdhulp")
    expect(page.locator("#jeugd_pgb")).to_be_visible()
    _breed_en_smal(page, "zaak jeugdhulp: toegang en pgb")

    # Bad input in each Jeugd form: the page comes back with the Dutch messages at the fields, and still passes.
    for sectie, knop in (("#jeugd_pgb", "Pgb opnieuw berekenen"), ("#jeugd_toegang", "Verwijzing vastleggen"),
                         ("#jeugd_toegang", "Gevraagde hulp vastleggen")):
        page.goto(f"{live_server.url}/zaken/{open_zaak.pk}/")
        formulier = page.locator(f"{sectie} form").filter(has=page.get_by_role("button", name=knop))
        for veld in formulier.locator("input[type=text], input[type=number], input:not([type])").all():
            veld.fill("")
        formulier.get_by_role("button", name=knop).click()
        page.wait_for_load_state()
        expect(page.locator(".nl-form-field-error-message").first).to_be_visible()
        _breed_en_smal(page, f"zaak jeugdhulp: fout in '{knop}'")


def test_herzieningspagina_5_7(page, live_server, jeugd):
    _, besluit = jeugd
    _inloggen(page, live_server)
    url = f"{live_server.url}/besluiten/{besluit.pk}/jeugd-herziening/"
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    _breed_en_smal(page, "herziening jeugd (5:7)")

    page.get_by_role("button", name="Nieuw besluit opstellen").click()  # nothing chosen
    page.wait_for_load_state()
    expect(page.get_by_text("Kies herziening of intrekking.").first).to_be_visible()
    _breed_en_smal(page, "herziening jeugd (5:7): fouten")
