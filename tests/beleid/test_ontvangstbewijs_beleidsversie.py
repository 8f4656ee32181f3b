"""Issue 12 point 1: a computation records the approved policy version; the receipt of the besluit names it, and
the old besluit keeps its rules after a later version."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from maatwerk.beleid import services as beleid
from maatwerk.besluiten import ontvangstbewijs, services
from maatwerk.personen import services as personen
from maatwerk.zaken import beoordeling, procedure
from maatwerk.zaken.models import Status
from maatwerk.zaken.services import meld_zaak

pytestmark = pytest.mark.django_db
JULI = dt.date(2026, 7, 1)
BEVINDINGEN = {"bijzondere_omstandigheden": "ja", "kosten_noodzakelijk": "ja", "kosten_daadwerkelijk_gemaakt": "ja",
               "voorliggende_voorziening": "nee", "afwijzingsgronden": "nee", "zeer_dringende_redenen": "nee"}
GRENS = "bijzondere_bijstand.draagkracht.inkomensgrens_percentage"


def _bsn(n: int) -> str:
    while True:
        basis = f"{20_000_000 + n:08d}"
        if (controle := sum(int(c) * w for c, w in zip(basis, range(9, 1, -1))) % 11) < 10:
            return basis + str(controle)
        n += 1


def _besluit(gebruiker, n: int):
    """Bijzondere bijstand of € 850 for a single person with € 1.650 income (July 2026), vastgesteld."""
    aanvrager = personen.registreer_inwoner(
        gebruiker, bsn=_bsn(515151 + n * 7), voornamen="Jan", achternaam=f"Bakker{n}", geboortedatum=dt.date(1980, 1, 1),
        straat="Dorpsstraat", huisnummer=7 + n, postcode="2651 AB", woonplaats="Berkel en Rodenrijs")
    huishouden = personen.maak_huishouden(gebruiker, naam=f"Huishouden {n}", aanvrager=aanvrager)
    zaak = meld_zaak(gebruiker, huishouden=huishouden, hoofdpersoon=aanvrager, regeling="bijzondere_bijstand",
                     ontvangen_op=JULI, omschrijving="Wasmachine", kosten=Decimal("850"))
    personen.leg_inkomen_vast(gebruiker, aanvrager, maand=JULI, netto_bedrag=Decimal("1650"), soort="loon")
    procedure.voer_uit(zaak, Status.AANVRAAG, gebruiker, datum=dt.date(2026, 7, 2))
    procedure.voer_uit(zaak, Status.BEOORDELING, gebruiker, datum=dt.date(2026, 7, 3))
    for code, waarde in BEVINDINGEN.items():
        beoordeling.leg_bevinding_vast(zaak, gebruiker, criterium=code, waarde=waarde, motivering="Blijkt uit de offerte en het gesprek aan de keukentafel.")
    beoordeling.bereken(zaak, gebruiker, maand="2026-07", invoer={"huishouden": {"kostensoort": "overig"}})
    procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, gebruiker, datum=dt.date(2026, 7, 3), uitkomst="toegekend")
    zaak.refresh_from_db()
    besluit = services.opstellen(zaak, gebruiker)
    services.wijzigen(besluit, gebruiker, ingangsdatum=JULI, vervolg="Wij betalen binnen twee weken.")
    return services.vaststellen(besluit, gebruiker, datum=dt.date(2026, 7, 6))


def test_ontvangstbewijs_noemt_de_beleidsversie_en_oude_besluiten_houden_hun_regels(maak_gebruiker):
    inkomen = maak_gebruiker("inkomen1", "consulent_inkomen")
    b1, b2 = maak_gebruiker("beleid1", "beleidsmedewerker"), maak_gebruiker("beleid2", "beleidsmedewerker")

    oud = _besluit(inkomen, 1)  # before any policy version: version 0, draagkracht under 110 %
    inhoud = oud.ontvangstbewijs.inhoud
    assert inhoud["versies"]["beleidsversie"] == 0
    assert inhoud["berekening"]["beleidsversie"] == {"nummer": 0, "wijzigingen": []}
    assert oud.bedrag < Decimal("850")  # draagkracht was subtracted

    # Approved in June (the test's "today"), in force from July: 120 % of the norm, no draagkracht for € 1.650.
    voorstel = beleid.stel_voor(b1, parameter=GRENS, waarde="120", ingangsdatum=JULI, reden="Raadsbesluit",
                                vandaag=dt.date(2026, 6, 1))
    beleid.beoordeel(b2, voorstel, akkoord=True, vandaag=dt.date(2026, 6, 2))

    nieuw = _besluit(inkomen, 2)
    inhoud = nieuw.ontvangstbewijs.inhoud
    assert inhoud["versies"]["beleidsversie"] == 1
    assert inhoud["berekening"]["beleidsversie"]["wijzigingen"] == [
        {"parameter": GRENS, "ingangsdatum": "2026-07-01", "waarde": 1.2}]
    assert nieuw.bedrag == Decimal("850.00")  # no draagkracht under the new limit
    assert ontvangstbewijs.samenvatting(nieuw.ontvangstbewijs)["beleidsversie"] == 1

    # The old besluit keeps its receipt and amount; recomputing it with today's rules shows the difference.
    oud.refresh_from_db()
    assert oud.ontvangstbewijs.inhoud["versies"]["beleidsversie"] == 0 and oud.bedrag < Decimal("850")
    verslag = ontvangstbewijs.herbereken(oud.ontvangstbewijs)
    assert not verslag["zelfde"] and verslag["uitkomst"]["nu"]["berekend_bedrag"] == "850.00"
