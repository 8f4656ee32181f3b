"""Every page type passes axe-core (WCAG 2.1 A and AA) with 0 violations and reflows at 320 px (WCAG 1.4.10),
in Debian's chromium against pytest-django's live_server.

The world is the demo data (`maatwerk.demo`, five case stories) plus, made through the real services: a Wmo
besluit that is finalised and sent with a bezwaar registered against it, and a concept besluit (bijzondere
bijstand of case 1) that waits for the kwaliteitsmedewerker. One test per role keeps the browser work small;
each page is checked at 1280 px, then at 320 px (reflow, and axe again: the narrow layout is another page).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
from decimal import Decimal
from importlib import import_module
from pathlib import Path

import pytest

from .toegankelijkheid import controleer, controleer_reflow

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API next to Django's ORM in one thread

pytestmark = [
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium ontbreekt (Debian-pakket chromium)"),
    pytest.mark.django_db(transaction=True),
]


def _besluiten_hulp():
    spec = importlib.util.spec_from_file_location("besluiten_hulp", Path(__file__).resolve().parent.parent / "besluiten" / "conftest.py")
    hulp = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hulp)
    return hulp


@pytest.fixture
def wereld(demo):
    """The demo world plus a sent Wmo besluit with a bezwaar, and a concept besluit for case 1 (Bart)."""
    from django.apps import apps
    from django.contrib.auth.models import User

    from maatwerk.besluiten import bezwaar, services
    from maatwerk.zaken.models import Status, Zaak

    import_module("maatwerk.besluiten.migrations.0002_sjablonen_en_gemeente").seed(apps, None)
    hulp = _besluiten_hulp()
    wmo = User.objects.get(username="consulent_wmo")
    inkomen = User.objects.get(username="consulent_inkomen")

    zaak_wmo = hulp._klaar(hulp._zaak(wmo), wmo, bedrag=Decimal("2500.00"))
    verstuurd = services.opstellen(zaak_wmo, wmo)
    services.wijzigen(verstuurd, wmo, **hulp.WMO_NATURA)
    services.overweging_toevoegen(verstuurd, wmo, zin="U heeft veel pijn in uw rug. Daardoor kunt u niet zelf schoonmaken.",
                                  bron="Verordening Sociaal Domein Lansingerland 2018, artikel 7", soort="verordening")
    services.vaststellen(verstuurd, wmo, datum=dt.date(2026, 2, 2))
    services.bekendmaken(verstuurd, wmo, datum=dt.date(2026, 2, 2))
    bz = bezwaar.registreer(verstuurd, wmo, ontvangen_op=dt.date(2026, 3, 2), gronden="Drie uur per week is te weinig.")

    bart = Zaak.objects.get(hoofdpersoon__voornamen="Bart", status=Status.KLAAR_VOOR_BESLUIT)
    concept = services.opstellen(bart, inkomen)
    pedro = Zaak.objects.get(hoofdpersoon__voornamen="Pedro")
    floris = Zaak.objects.get(hoofdpersoon__voornamen="Floris")
    return {"verstuurd": verstuurd, "bezwaar": bz, "zaak_wmo": zaak_wmo, "concept": concept, "bart": bart,
            "pedro": pedro, "floris": floris}


def _inloggen(page, live_server, naam: str) -> None:
    from maatwerk.demo.gebruikers import DEMO_WACHTWOORD

    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(naam)
    page.get_by_label("Wachtwoord").fill(DEMO_WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()


# Pages whose narrow layout differs most (forms, stacked lists): axe runs there at 320 px too. Elsewhere the
# rules axe checks do not depend on the width, and one run per page keeps the test near two minutes.
OOK_SMAL = {"startpagina", "werkvoorraad consulent", "zaak met onderzoek, bevindingen en berekening",
            "besluitformulier (concept)", "bezwaar", "huishouden"}


def _pagina(page, url: str, naam: str, status: int = 200) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    antwoord = page.goto(url)
    assert antwoord.status == status, f"{naam}: HTTP {antwoord.status} op {url}"
    controleer(page, naam)
    controleer_reflow(page, naam)
    if naam in OOK_SMAL:
        controleer(page, f"{naam} (320 px)")


def test_publieke_paginas_en_tweestaps(page, live_server, demo):
    from django.contrib.auth.models import User
    from django_otp.plugins.otp_totp.models import TOTPDevice

    u = live_server.url
    _pagina(page, f"{u}/", "startpagina")
    _pagina(page, f"{u}/inloggen/", "inlogpagina")
    # A wrong password: the login form with its error.
    page.get_by_label("Gebruikersnaam").fill("consulent_inkomen")
    page.get_by_label("Wachtwoord").fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    controleer(page, "inlogpagina met fout")
    _pagina(page, f"{u}/bestaat-niet/", "404 (niet ingelogd)", status=404)

    # Second step of the login for an account with an authenticator app.
    TOTPDevice.objects.create(user=User.objects.get(username="beleidsmedewerker"), name="app", confirmed=True)
    _inloggen(page, live_server, "beleidsmedewerker")
    assert "/inloggen/code/" in page.url
    _pagina(page, page.url, "tweestaps: code")


def test_paginas_van_de_consulent_inkomen(page, live_server, wereld):
    u = live_server.url
    _inloggen(page, live_server, "consulent_inkomen")
    bart, pedro, concept = wereld["bart"], wereld["pedro"], wereld["concept"]
    _pagina(page, f"{u}/werkvoorraad/", "werkvoorraad consulent")
    _pagina(page, f"{u}/intake/", "intake")
    _pagina(page, f"{u}/huishoudens/{bart.huishouden_id}/", "huishouden")
    _pagina(page, f"{u}/huishoudens/{bart.huishouden_id}/inkomen/", "inkomen en vermogen")
    _pagina(page, f"{u}/zaken/{pedro.pk}/", "zaak in melding")
    _pagina(page, f"{u}/zaken/{bart.pk}/", "zaak met onderzoek, bevindingen en berekening")
    _pagina(page, f"{u}/zaken/{bart.pk}/rapportage/", "rapportage voor de inwoner")
    _pagina(page, f"{u}/zaken/{bart.pk}/onderzoek/versies/{bart.onderzoekversies.first().pk}/", "versie van het onderzoeksverslag")
    _pagina(page, f"{u}/besluiten/zaak/{bart.pk}/", "besluiten bij een zaak")
    _pagina(page, f"{u}/besluiten/{concept.pk}/", "besluitformulier (concept)")
    # The form after a refused save: error summary and messages per row.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator("#redenen textarea").first.fill("")
    page.locator("#redenen").get_by_role("button", name="Redenen opslaan").click()
    controleer(page, "besluitformulier met fouten")
    controleer_reflow(page, "besluitformulier met fouten")
    _pagina(page, f"{u}/besluiten/{concept.pk}/brief/", "conceptbrief")
    _pagina(page, f"{u}/besluiten/sjablonen/", "403 (geen beheerder)", status=403)
    _pagina(page, f"{u}/zaken/999999/", "404", status=404)


def test_paginas_van_de_consulent_wmo(page, live_server, wereld):
    u = live_server.url
    _inloggen(page, live_server, "consulent_wmo")
    _pagina(page, f"{u}/zaken/{wereld['floris'].pk}/", "zaak met ondersteuningsplan")
    _pagina(page, f"{u}/zaken/{wereld['floris'].pk}/plan/versies/{wereld['floris'].planversies.first().pk}/", "versie van het plan")
    _pagina(page, f"{u}/zaken/{wereld['zaak_wmo'].pk}/", "zaak met besluit")
    _pagina(page, f"{u}/besluiten/{wereld['verstuurd'].pk}/", "verstuurd besluit")
    _pagina(page, f"{u}/besluiten/{wereld['verstuurd'].pk}/brief/", "verstuurde brief")
    _pagina(page, f"{u}/besluiten/bezwaren/{wereld['bezwaar'].pk}/", "bezwaar")
    _pagina(page, f"{u}/account/tweestaps/", "tweestapsverificatie instellen")


def test_paginas_van_kwaliteit_en_beheer(page, live_server, wereld):
    u = live_server.url
    _inloggen(page, live_server, "kwaliteitsmedewerker")
    _pagina(page, f"{u}/werkvoorraad/", "werkvoorraad kwaliteitsmedewerker")
    _pagina(page, f"{u}/besluiten/{wereld['concept'].pk}/", "besluit ter goedkeuring")
    _pagina(page, f"{u}/grondslagen/", "register van wettelijke grondslagen")

    _inloggen(page, live_server, "beheerder")
    _pagina(page, f"{u}/auditlog/", "auditlog")
    _pagina(page, f"{u}/besluiten/sjablonen/", "briefsjablonen")
    _pagina(page, f"{u}/besluiten/sjablonen/beslissing/", "briefsjabloon bewerken")


def test_paginas_van_de_jurist_en_de_gespreksverzoeken(page, live_server, wereld):
    """The page types the other parts of issue 8 and 9 added: the jurist's bezwaren, a decided bezwaar and its
    letter; the consulent's list of gespreksverzoeken from the loket."""
    from django.contrib.auth.models import User

    from maatwerk.besluiten import bezwaar

    u = live_server.url
    _inloggen(page, live_server, "jurist")
    _pagina(page, f"{u}/besluiten/bezwaren/", "bezwaren (jurist)")
    bz = wereld["bezwaar"]
    jurist = User.objects.get(username="jurist")
    bezwaar.leg_horen_vast(bz, jurist, hoorzitting_op=dt.date(2026, 3, 10), verslag="De indiener lichtte zijn bezwaar toe.")
    bezwaar.beslis(bz, jurist, uitkomst="ongegrond", datum=dt.date(2026, 3, 20),
                   motivering="Drie uur per week is genoeg om het huis schoon te houden. Dat bleek bij het huisbezoek.")
    _pagina(page, f"{u}/besluiten/bezwaren/{bz.pk}/", "beslist bezwaar (jurist)")
    _pagina(page, f"{u}/besluiten/bezwaren/{bz.pk}/brief/", "brief: beslissing op bezwaar")

    _inloggen(page, live_server, "consulent_wmo")
    _pagina(page, f"{u}/gespreksverzoeken/", "gespreksverzoeken (consulent)")
