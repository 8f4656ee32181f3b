"""Issue 10, done when (Wmo), in a real browser: a consulent_wmo takes a request for huishoudelijke ondersteuning
as a pgb with informal help through the cascade of artikel 4:3 lid 3 (step by step, in order), computes the pgb and
the eigen bijdrage, proposes the grant and drafts the besluit, which is prefilled with the computed pgb and bijdrage.
The zaak page and the besluit page pass axe-core (WCAG 2.1 AA) and reflow at 320 px."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from . import toegankelijkheid

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

GEEN_CHROMIUM = pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists(),
    reason="/usr/bin/chromium ontbreekt: installeer het Debian-pakket chromium voor de browsertests",
)
pytestmark = [GEEN_CHROMIUM, pytest.mark.django_db(transaction=True)]

REDEN = "Besproken bij het huisbezoek; bevestigd door het ondersteuningsplan."
STAPPEN = [
    "Kan het gewenste resultaat worden bereikt op eigen kracht?",
    "Kan het gewenste resultaat worden bereikt met gebruikelijke hulp?",
    "Kan het gewenste resultaat worden bereikt met mantelzorg?",
    "Kan het gewenste resultaat worden bereikt met hulp van andere personen uit het sociale netwerk?",
    "Kan het gewenste resultaat worden bereikt met algemeen gebruikelijke voorzieningen?",
    "Kan het gewenste resultaat worden bereikt met algemene voorzieningen?",
    "Kan het gewenste resultaat worden bereikt met andere voorzieningen",
]


@pytest.fixture
def zaak_in_beoordeling(transactional_db):
    """A Wmo zaak in beoordeling (services), with every finding except the cascade, which the test records."""
    from .conftest import _zaai_migratiegegevens
    from maatwerk.demo.gegevens import gebruikers
    from maatwerk.personen import services as personen
    from maatwerk.zaken import beoordeling, onderzoek, procedure
    from maatwerk.zaken.models import CHECKLIST, Status
    from maatwerk.zaken.regelingen import REGELINGEN
    from maatwerk.zaken.services import meld_zaak
    from maatwerk.zaken.wmo_criteria import GUNSTIG

    _zaai_migratiegegevens()
    u = gebruikers()["consulent_wmo"]
    vandaag = dt.date.today()
    inwoner = personen.registreer_inwoner(u, bsn="999994049", voornamen="Johanna", tussenvoegsel="van",
                                          achternaam="Dijk", geboortedatum=dt.date(1947, 3, 1), straat="Irisstraat",
                                          huisnummer=7, postcode="2651 DK", woonplaats="Berkel en Rodenrijs")
    hh = personen.maak_huishouden(u, naam="Huishouden Van Dijk", aanvrager=inwoner)
    zaak = meld_zaak(u, huishouden=hh, hoofdpersoon=inwoner, regeling="wmo_maatwerkvoorziening",
                     ontvangen_op=vandaag - dt.timedelta(days=20), omschrijving="Hulp bij het huishouden gevraagd.")
    procedure.voer_uit(zaak, Status.ONDERZOEK, u, datum=vandaag - dt.timedelta(days=18))
    onderzoek.werk_onderzoek_bij(zaak, u, **{veld: "Besproken bij het huisbezoek." for veld in CHECKLIST})
    procedure.voer_uit(zaak, Status.ONDERSTEUNINGSPLAN, u, datum=vandaag - dt.timedelta(days=15))
    zaak.refresh_from_db()
    onderzoek.stel_plan_op(zaak, u, afspraken="Hulp bij het huishouden door de buurvrouw, betaald uit een pgb.",
                           ondertekend_op=vandaag - dt.timedelta(days=14))
    procedure.voer_uit(zaak, Status.AANVRAAG, u, datum=vandaag - dt.timedelta(days=14), via="ondertekend_plan")
    procedure.voer_uit(zaak, Status.BEOORDELING, u, datum=vandaag - dt.timedelta(days=13))
    zaak.refresh_from_db()
    for c in REGELINGEN["wmo_maatwerkvoorziening"].criteria:
        if c.vervallen or c.cascade or c.code.startswith("woon_"):
            continue
        waarde = "ja" if c.code == "vorm_pgb" else GUNSTIG[c.code]
        beoordeling.leg_bevinding_vast(zaak, u, criterium=c.code, waarde=waarde, motivering=REDEN)
    return zaak


def test_wmo_pgb_huishoudelijke_ondersteuning_door_de_cascade_naar_een_besluit(zaak_in_beoordeling, inloggen):
    page = inloggen("consulent_wmo")
    page.goto(page.url.split("/werkvoorraad")[0].rstrip("/") + f"/zaken/{zaak_in_beoordeling.pk}/")
    bevindingen = page.locator("#bevindingen")
    # Only step a can be recorded; b to g wait for the previous step (art. 4:3 lid 3: in order).
    expect(bevindingen).to_contain_text("Stap a:")
    expect(page.locator("article").filter(has_text=STAPPEN[1]).get_by_role("button")).to_have_count(0)
    expect(page.locator("article").filter(has_text=STAPPEN[1])).to_contain_text("Eerst de vorige stap")
    toegankelijkheid.controleer(page, "zaak met de stappen van artikel 4:3")

    for vraag in STAPPEN:
        artikel = page.locator("article").filter(has_text=vraag)
        artikel.get_by_label("nee", exact=True).check()
        artikel.get_by_label("Motivering").fill("Besproken bij het huisbezoek: dit lost de vraag niet op.")
        artikel.get_by_role("button", name=re.compile("Bevinding vastleggen")).click()
        expect(page.locator("article").filter(has_text=vraag).get_by_text("Bevinding: nee")).to_be_visible()
    expect(page.locator("#bevindingen")).to_contain_text("Alle criteria hebben een bevinding.")

    # The pgb and the eigen bijdrage (art. 4:8 lid 1 onder c: 75 % of the natura tariff; art. 4:9).
    berekening = page.locator("#berekening")
    berekening.get_by_label("Waarvoor is het pgb").select_option("huishoudelijke_ondersteuning_informeel")
    berekening.get_by_label("Kostprijs in natura").fill("400,00")
    berekening.get_by_label("Welke voorziening").fill("hulp bij het huishouden")
    berekening.get_by_label("Omvang").fill("3 uur per week")
    berekening.get_by_role("button", name="Berekenen").click()
    expect(page.get_by_text("De berekening is gemaakt en vastgelegd.")).to_be_visible()
    expect(page.locator("#berekening")).to_contain_text("€ 300,00 per 4 weken")
    expect(page.locator("#berekening")).to_contain_text("Het CAK stelt de eigen bijdrage vast")
    toegankelijkheid.controleer(page, "zaak met pgb en eigen bijdrage")
    toegankelijkheid.controleer_reflow(page, "zaak met pgb en eigen bijdrage")
    page.set_viewport_size({"width": 1280, "height": 900})

    form = page.get_by_role("form", name="Voorstel klaar voor besluit")
    form.get_by_label("toegekend", exact=True).check()
    form.get_by_role("button", name="Naar klaar voor besluit").click()
    expect(page.get_by_text("Status: klaar voor besluit")).to_be_visible()

    page.get_by_role("link", name=re.compile("[Bb]esluit")).first.click()
    page.get_by_role("button", name="Besluit opstellen").click()
    expect(page.get_by_label("Welke voorziening")).to_have_value("hulp bij het huishouden")
    expect(page.get_by_label("Omvang")).to_have_value("3 uur per week")
    expect(page.get_by_label("Hoogte van het pgb", exact=True)).to_have_value(re.compile(r"300[,.]00"))
    expect(page.get_by_label("Hoe de hoogte van het pgb is berekend")).to_have_value(re.compile("75 %"))
    expect(page.get_by_label("Toelichting op de bijdrage")).to_have_value(re.compile("CAK"))
    toegankelijkheid.controleer(page, "besluit met pgb en eigen bijdrage")
