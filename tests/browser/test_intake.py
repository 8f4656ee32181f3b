"""Intake in a real browser: a Wmo consulent opens "Nieuwe melding" from the werkvoorraad, first types a BSN
that fails the elfproef (Dutch message, nothing typed lost), registers the inwoner and his household, registers
the melding with the date of the first conversation and lands on the new zaak page (status onderzoek)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .test_zaakbehandeling import TOEGANKELIJKHEID_JS

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API next to Django's ORM in one thread

GEEN_CHROMIUM = pytest.mark.skipif(
    not Path("/usr/bin/chromium").exists(),
    reason="/usr/bin/chromium ontbreekt: installeer het Debian-pakket chromium voor de browsertests",
)
pytestmark = [GEEN_CHROMIUM, pytest.mark.django_db(transaction=True)]


def _bsn(basis: str) -> str:
    """A test BSN: 8 digits plus the elfproef check digit."""
    controle = sum(int(c) * w for c, w in zip(basis, range(9, 1, -1))) % 11
    assert controle < 10
    return basis + str(controle)


def test_consulent_registreert_nieuwe_melding_en_komt_op_de_zaak(demo, inloggen, live_server):
    from django.utils import timezone

    page = inloggen("consulent_wmo")
    expect(page.get_by_role("heading", name="Werkvoorraad", level=1)).to_be_visible()
    page.get_by_role("link", name="Nieuwe melding").click()
    expect(page.get_by_role("heading", name="Nieuwe melding", level=1)).to_be_visible()
    assert page.evaluate(TOEGANKELIJKHEID_JS) == []

    form = page.get_by_role("form", name="2. Nieuwe inwoner en huishouden registreren")
    form.locator("#id_inwoner-bsn").fill("123456789")
    form.get_by_label("Voornamen").fill("Sem")
    form.get_by_label("Achternaam").fill("Visser")
    form.get_by_label("Geboortedatum").fill("1958-09-30")
    form.get_by_label("Straat").fill("Noordeindseweg")
    form.get_by_label("Huisnummer", exact=False).first.fill("12")
    form.get_by_label("Postcode").fill("2651 cd")
    form.get_by_label("Woonplaats").fill("Berkel en Rodenrijs")
    form.get_by_role("button", name="Inwoner en huishouden registreren").click()

    samenvatting = page.locator(".nl-error-summary")
    expect(samenvatting).to_contain_text("voldoet niet aan de elfproef")
    expect(page.locator("#id_inwoner-bsn")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Voornamen")).to_have_value("Sem")  # nothing typed is lost
    assert page.evaluate(TOEGANKELIJKHEID_JS) == []

    page.locator("#id_inwoner-bsn").fill(_bsn("99990123"))
    page.get_by_role("button", name="Inwoner en huishouden registreren").click()
    expect(page.get_by_role("heading", name="Huishouden Visser", level=1)).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Sem Visser is geregistreerd")
    assert page.evaluate(TOEGANKELIJKHEID_JS) == []

    page.get_by_role("link", name="Nieuwe melding", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nieuwe melding voor Huishouden Visser")
    assert page.evaluate(TOEGANKELIJKHEID_JS) == []
    melding = page.get_by_role("form", name="Melding registreren")
    melding.get_by_label("Sem Visser", exact=False).check()
    melding.get_by_label("Wmo-maatwerkvoorziening").check()
    melding.get_by_label("Wat vraagt de inwoner?").fill("Sinds mijn heupoperatie kom ik de trap niet meer op.")
    vandaag = timezone.localdate().isoformat()
    melding.get_by_label("Datum van het eerste gesprek").fill(vandaag)
    melding.get_by_role("button", name="Melding registreren").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Wmo-maatwerkvoorziening voor Sem Visser")
    expect(page.get_by_text("Status: onderzoek")).to_be_visible()
    expect(page.locator("#vraag")).to_contain_text("de trap niet meer op")
    assert "/zaken/" in page.url
    assert page.evaluate(TOEGANKELIJKHEID_JS) == []
