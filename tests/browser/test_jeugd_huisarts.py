"""Issue 10, done when (Jeugd part), in a real browser: a consulent_jeugd grants jeugdhulp through the GP route.
After a referral by the huisarts (Verordening Sociaal Domein Lansingerland 2018, art. 5:3; Jeugdwet art. 2.6 lid 1
onder g) the college records the referral and the aanbieder's judgement; the 5:4 cascade is not asked. The besluit
holds what 5:5 lid 2 requires, incl. the contracted aanbieder; the letter is sent. Pages pass axe (WCAG 2.1 AA)."""

from __future__ import annotations

import datetime as dt
import os
import re
from importlib import import_module
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .toegankelijkheid import controleer

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API next to Django's ORM in one thread

pytestmark = [
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium ontbreekt (Debian-pakket chromium)"),
    pytest.mark.django_db(transaction=True),
]
WACHTWOORD = "geheim-wachtwoord-123"
BEVINDINGEN = {
    "Is de jeugdige door de huisarts, een medisch specialist of de jeugdarts verwezen":
        ("ja", "Huisarts dr. Bakker verwees Daan op 5 januari 2026 naar Praktijk De Linde."),
    "Is de jeugdhulpaanbieder naar wie is verwezen van oordeel":
        ("ja", "Praktijk De Linde vindt 12 gesprekken van een uur nodig, in drie maanden."),
    "Willen de jeugdige of zijn ouders de jeugdhulp als persoonsgebonden budget":
        ("nee", "De ouders willen dat Praktijk De Linde de hulp geeft."),
}


def _zaai() -> None:
    """A transactional test flushes what the data migrations seeded: roles, mandate table, letter templates."""
    from django.apps import apps

    import_module("maatwerk.toegang.migrations.0002_rollen").maak(apps, None)
    import_module("maatwerk.zaken.migrations.0002_mandaattabel").vul(apps, None)
    import_module("maatwerk.besluiten.migrations.0002_sjablonen_en_gemeente").seed(apps, None)


@pytest.fixture
def jeugdzaak(transactional_db):
    """A jeugdhulp zaak in beoordeling (melding -> aanvraag -> beoordeling, allowed outside the Wmo: art. 2:5)."""
    from django.contrib.auth.models import Group, User

    from maatwerk.personen import services as personen
    from maatwerk.zaken import procedure
    from maatwerk.zaken.models import Status
    from maatwerk.zaken.services import meld_zaak

    _zaai()
    consulent = User.objects.create_user("consulent_jeugd_b", password=WACHTWOORD)
    consulent.groups.add(Group.objects.get(name="consulent_jeugd"))
    daan = personen.registreer_inwoner(
        consulent, bsn="111222333", voornamen="Daan", achternaam="Visser", geboortedatum=dt.date(2014, 5, 1),
        straat="Dorpsstraat", huisnummer=12, postcode="2651 AB", woonplaats="Berkel en Rodenrijs",
    )
    huishouden = personen.maak_huishouden(consulent, naam="Huishouden Visser", aanvrager=daan)
    vandaag = dt.date.today()
    zaak = meld_zaak(consulent, huishouden=huishouden, hoofdpersoon=daan, regeling="jeugdhulp",
                     ontvangen_op=vandaag, omschrijving="Hulp voor Daan")
    procedure.voer_uit(zaak, Status.AANVRAAG, consulent, datum=vandaag)
    procedure.voer_uit(zaak, Status.BEOORDELING, consulent, datum=vandaag)
    return zaak


def test_consulent_jeugd_verleent_jeugdhulp_via_de_huisarts(page, live_server, jeugdzaak):
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("consulent_jeugd_b")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.goto(f"{live_server.url}/zaken/{jeugdzaak.pk}/")
    # Before the route is known, the route is asked first; the 5:4 questions wait for its answer.
    expect(page.locator("#bevindingen .nl-alert--warning")).to_contain_text("door de huisarts")
    expect(page.locator("#bevindingen .nl-alert--warning")).not_to_contain_text("op eigen kracht")
    controleer(page, "zaak jeugdhulp in beoordeling")

    for vraag, (waarde, motivering) in BEVINDINGEN.items():
        artikel = page.locator("article").filter(has_text=vraag)
        artikel.get_by_label(waarde, exact=True).check()
        artikel.get_by_label("Motivering").fill(motivering)
        artikel.get_by_role("button", name=re.compile("Bevinding vastleggen")).click()
        expect(page.locator("article").filter(has_text=vraag).get_by_text(f"Bevinding: {waarde}")).to_be_visible()
    # After the referral the 5:4 criteria are not needed (art. 5:3): nothing left to establish.
    expect(page.locator("#bevindingen")).to_contain_text("Alle criteria hebben een bevinding.")

    form = page.get_by_role("form", name="Voorstel klaar voor besluit")
    form.get_by_label("toegekend", exact=True).check()
    form.get_by_label(re.compile("Bedrag")).fill("1800")  # the estimated cost per year: within the mandate
    form.get_by_role("button", name="Naar klaar voor besluit").click()
    expect(page.get_by_text("Status: klaar voor besluit")).to_be_visible()

    page.goto(f"{live_server.url}/besluiten/zaak/{jeugdzaak.pk}/")
    page.get_by_role("button", name="Besluit opstellen").click()
    expect(page.get_by_text("Dit besluit is nog niet compleet.")).to_be_visible()
    vandaag = dt.date.today().isoformat()
    page.get_by_label("Vorm van de verstrekking").select_option("natura")
    page.get_by_label("Welke voorziening").fill("gesprekken met een hulpverlener")
    page.get_by_label("Beoogd resultaat").fill("Daan gaat weer graag naar school.")
    page.get_by_label("Ingangsdatum").fill(vandaag)
    page.get_by_label("Omvang").fill("12 gesprekken van een uur")
    page.get_by_label("Duur in woorden").fill("drie maanden")
    page.get_by_label("Wat gebeurt er nu (betaling, start)").fill("Praktijk De Linde belt u voor de eerste afspraak.")
    page.get_by_role("button", name="Inhoud opslaan").click()
    # 5:5 lid 2 onder c: the contracted aanbieder is still missing, and named as such.
    expect(page.locator("main")).to_contain_text("welke gecontracteerde of gesubsidieerde aanbieder de jeugdhulp levert")
    page.get_by_label("Aanbieder").fill("Praktijk De Linde")
    page.get_by_role("button", name="Inhoud opslaan").click()
    expect(page.get_by_text("Alle verplichte onderdelen zijn ingevuld.")).to_be_visible()
    controleer(page, "besluit jeugdhulp")

    page.get_by_label("Datum van het besluit").fill(vandaag)
    page.get_by_role("button", name="Besluit vaststellen").click()
    expect(page.locator("#besluit-status")).to_contain_text("vastgesteld")
    page.get_by_label("Dag van versturen (bekendmaking)").fill(vandaag)
    page.get_by_role("button", name="Brief versturen").click()
    expect(page.locator("#besluit-status")).to_contain_text("bekendgemaakt")

    from maatwerk.besluiten.models import Besluit
    from maatwerk.brieven.pdf import paginas_hoofddeel

    besluit = Besluit.objects.get(zaak=jeugdzaak)
    html = besluit.brief.html
    assert "Uw kind is door een arts doorverwezen naar een jeugdhulpaanbieder." in html
    assert paginas_hoofddeel(html) <= 2
