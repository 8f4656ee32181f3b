"""The pages of issue 10 (points 6 and 7) pass axe-core (WCAG 2.1 AA) and reflow at 320 px: the iWmo section of a
zaak with a toewijzing, a processed and a rejected message and an open verzoek; the providers, products and the
product page with the beleidsmedewerker's tariff form (also after a refused save)."""

from __future__ import annotations

import datetime as dt

import pytest

from .test_toegankelijkheid import _inloggen, _pagina, pytestmark, wereld  # noqa: F401 - the world fixture
from .toegankelijkheid import controleer, controleer_reflow


def _berichten(wereld):
    from django.contrib.auth.models import User

    from maatwerk.iwmo import demo, services
    from maatwerk.iwmo.models import Aanbieder, Product

    demo.laad()
    wmo = User.objects.get(username="consulent_wmo")
    besluit = wereld["verstuurd"]
    uit = services.wijs_toe(wmo, besluit, product=Product.objects.get(code="01A01"),
                            aanbieder=Aanbieder.objects.get(agb_code="98000001"), volume=3, eenheid="04", frequentie="2",
                            ingangsdatum=besluit.ingangsdatum, einddatum=besluit.einddatum)
    from iwmo.conftest import aanvraag, bericht, start

    bsn = besluit.zaak.hoofdpersoon.bsn
    vandaag = dt.date(2026, 2, 10)
    services.importeer(wmo, bericht("305", start(uit.toewijzing.nummer), bsn_client=bsn), vandaag=vandaag)
    services.importeer(wmo, bericht("305", start("999999"), bsn_client=bsn, identificatie="A2"), vandaag=vandaag)
    services.importeer(wmo, bericht("315", aanvraag(), bsn_client=bsn, agb="98000002", identificatie="A3"), vandaag=vandaag)
    return besluit.zaak


def test_iwmo_paginas(page, live_server, wereld):
    u = live_server.url
    zaak = _berichten(wereld)
    _inloggen(page, live_server, "consulent_wmo")
    _pagina(page, f"{u}/zaken/{zaak.pk}/iwmo/", "toewijzing en iWmo-berichten")
    page.set_viewport_size({"width": 320, "height": 800})
    controleer(page, "toewijzing en iWmo-berichten (320 px)")
    _pagina(page, f"{u}/aanbieders/", "aanbieders")
    _pagina(page, f"{u}/producten/", "producten en tarieven")

    from maatwerk.iwmo.models import Product

    _inloggen(page, live_server, "beleidsmedewerker")
    hh = Product.objects.get(code="01A01")
    _pagina(page, f"{u}/producten/{hh.pk}/", "product met tariefformulier")
    page.get_by_label("Tarief per eenheid (€)").fill("33,00")
    page.get_by_role("button", name="Tarief vastleggen").click()
    controleer(page, "tariefformulier met fout (overlap)")
    controleer_reflow(page, "tariefformulier met fout (overlap)")
