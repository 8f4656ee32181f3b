"""`maatwerk betaalbestand MAAND`: every running algemene bijstand of the month, its amount computed by the Regelkern
with the income of that month (art. 19 Pw) from the besluit's ingangsdatum (art. 44), and the totals; bad input is a
Dutch message with exit status 2."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from maatwerk import cli
from maatwerk.besluiten import services
from maatwerk.besluiten.models import Besluit, Status as BesluitStatus
from maatwerk.personen import services as personen
from maatwerk.zaken import beoordeling, procedure
from maatwerk.zaken.models import Status
from maatwerk.zaken.services import meld_zaak

pytestmark = pytest.mark.django_db
MOTIVERING = "Blijkt uit het gesprek en de loonstroken in het dossier."
# Norm alleenstaande 21 jaar tot AOW per 1 juli 2026: € 1.419,46 incl. € 70,97 vakantietoeslag (art. 21 onder a Pw).
VOLLE_MAAND = Decimal("1348.49")


def _bsn(n: int) -> str:
    while True:
        basis = f"{30_000_000 + n:08d}"
        if (controle := sum(int(c) * w for c, w in zip(basis, range(9, 1, -1))) % 11) < 10:
            return basis + str(controle)
        n += 1


def _lopend(gebruiker, n: int, *, ingang: dt.date, einde: dt.date | None = None, inkomen: Decimal | None = None,
            bekendmaken: bool = True) -> Besluit:
    aanvrager = personen.registreer_inwoner(
        gebruiker, bsn=_bsn(n * 977), voornamen="Anna", achternaam=f"Visser{n}", geboortedatum=dt.date(1980, 1, 1),
        straat="Dorpsstraat", huisnummer=n, postcode="2651 AB", woonplaats="Berkel en Rodenrijs")
    huishouden = personen.maak_huishouden(gebruiker, naam=f"Huishouden Visser{n}", aanvrager=aanvrager)
    zaak = meld_zaak(gebruiker, huishouden=huishouden, hoofdpersoon=aanvrager, regeling="algemene_bijstand",
                     ontvangen_op=dt.date(2026, 6, 1), omschrijving="Bijstand voor levensonderhoud")
    if inkomen is not None:
        for maand in (dt.date(2026, 7, 1), dt.date(2026, 8, 1)):
            personen.leg_inkomen_vast(gebruiker, aanvrager, maand=maand, netto_bedrag=inkomen, soort="loon")
    procedure.voer_uit(zaak, Status.AANVRAAG, gebruiker, datum=dt.date(2026, 6, 2))
    procedure.voer_uit(zaak, Status.BEOORDELING, gebruiker, datum=dt.date(2026, 6, 3))
    for code, waarde in (("arbeid_draagt_bij_aan_arbeidsinschakeling", "nee"), ("afwijzingsgronden", "nee")):
        beoordeling.leg_bevinding_vast(zaak, gebruiker, criterium=code, waarde=waarde, motivering=MOTIVERING)
    beoordeling.bereken(zaak, gebruiker, maand="2026-06")
    procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, gebruiker, datum=dt.date(2026, 6, 3), uitkomst="toegekend")
    zaak.refresh_from_db()
    besluit = services.opstellen(zaak, gebruiker)
    services.wijzigen(besluit, gebruiker, ingangsdatum=ingang, einddatum=einde, vervolg="Wij betalen elke maand.")
    besluit = services.vaststellen(besluit, gebruiker, datum=dt.date(2026, 6, 5))
    if bekendmaken:
        # How the letter is sent is tested elsewhere (test_besluit.py); here only the state counts.
        besluit.status = BesluitStatus.BEKENDGEMAAKT
        besluit.bekendgemaakt_op = dt.date(2026, 6, 5)
        besluit.save(update_fields=["status", "bekendgemaakt_op"])
    return besluit


def _run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_lopende_uitkeringen_met_bedragen_en_totaal(inkomen, capsys):
    vol = _lopend(inkomen, 1, ingang=dt.date(2026, 6, 1))
    half = _lopend(inkomen, 2, ingang=dt.date(2026, 7, 17))  # 15 of 31 days in July
    met_loon = _lopend(inkomen, 3, ingang=dt.date(2026, 6, 1), inkomen=Decimal("500"))
    _lopend(inkomen, 4, ingang=dt.date(2026, 6, 1), einde=dt.date(2026, 6, 30))  # ended before July
    _lopend(inkomen, 5, ingang=dt.date(2026, 8, 1))  # starts after July
    _lopend(inkomen, 6, ingang=dt.date(2026, 6, 1), bekendmaken=False)  # not sent: not running
    code, out, err = _run(capsys, "betaalbestand", "2026-07", "--json")
    assert code == 0, err
    bestand = json.loads(out)
    regels = {r["besluit"]: r for r in bestand["regels"]}
    assert set(regels) == {vol.kenmerk, half.kenmerk, met_loon.kenmerk}
    assert Decimal(regels[vol.kenmerk]["bedrag"]) == VOLLE_MAAND
    # 1.419,46 x 15/31 = 686,84 incl. vakantietoeslag; 5 % of it (70,97/1.419,46) reserved: 34,34.
    assert Decimal(regels[half.kenmerk]["bedrag"]) == Decimal("652.50")
    # 1.419,46 - 500 = 919,46 incl. vakantietoeslag; reserved 45,97.
    assert Decimal(regels[met_loon.kenmerk]["bedrag"]) == Decimal("873.49")
    assert bestand["aantal"] == 3
    assert Decimal(bestand["totaal"]) == VOLLE_MAAND + Decimal("652.50") + Decimal("873.49")
    assert all(r["uitleg"] for r in regels.values())

    code, out, err = _run(capsys, "betaalbestand", "2026-07")
    assert code == 0, err
    assert "Betaalbestand algemene bijstand juli 2026" in out
    assert "Aantal lopende uitkeringen: 3" in out
    assert "Totaal: € 2.874,48" in out
    assert "_" not in out.replace("algemene bijstand", "")  # no internal codes


def test_geen_lopende_uitkeringen_geeft_nul(capsys):
    code, out, err = _run(capsys, "betaalbestand", "2026-07")
    assert code == 0, err
    assert "Aantal lopende uitkeringen: 0" in out and "Totaal: € 0,00" in out


@pytest.mark.parametrize("maand", ["2026-13", "juli", "2026-7", ""])
def test_foute_maand(maand, capsys):
    code, out, err = _run(capsys, "betaalbestand", maand)
    assert code == 2 and out == ""
    assert "MAAND" in err and "JJJJ-MM" in err and "Traceback" not in err
