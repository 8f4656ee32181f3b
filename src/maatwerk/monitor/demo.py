"""Demo data for the monitor (issue 12, point 5), so that the dashboard and the half-yearly report show figures
above the small-cell threshold: anonymous self-check counts, survey answers, and closed and open zaken of two
demo residents of their own ("archief").

DEMO SHORTCUT: the archive zaken are made by `meld_zaak` and then given their aanvraag- and besluitdatum
directly (a history in the past that the procedure rightly does not let anyone backdate). They have no
besluit, letter or findings; they exist only so the monitor has a population. The case stories of
demo/gegevens.py keep exactly their own zaken.
"""

from __future__ import annotations

import datetime as dt

from maatwerk.loket.models import ZelftestTelling, ZelftestUitkomst
from maatwerk.monitor.models import Ervaring
from maatwerk.personen import services as personen
from maatwerk.personen.models import Inwoner
from maatwerk.toegang import rollen as r
from maatwerk.zaken.models import Status, Uitkomst, Zaak
from maatwerk.zaken.services import meld_zaak

ARCHIEF = [("999997105", "Wim", "Archief-de Jong", "Populierlaan", 3),
           ("999997117", "Ria", "Archief-Mulder", "Populierlaan", 5)]
# Days from aanvraag to besluit of the closed zaken (bijzondere bijstand: Awb 8 weeks = 56 days; the last two late).
DOORLOOPTIJDEN = [12, 19, 23, 28, 31, 35, 40, 44, 50, 52, 55, 61, 70]
OPEN_DAGEN = [5, 20, 63, 70, 75, 90]  # open zaken, aanvraag this many days ago: four of them past the term
ZELFTEST_REGELINGEN = ["bijzondere_bijstand", "individuele_inkomenstoeslag", "wmo_maatwerkvoorziening"]


def _zelftesten(vandaag: dt.date) -> None:
    rijen = []
    for dag in range(1, 121):
        datum = vandaag - dt.timedelta(days=dag)
        for i, regeling in enumerate(ZELFTEST_REGELINGEN):
            rijen.append(ZelftestTelling(datum=datum, regeling=regeling, uitkomst=ZelftestUitkomst.RECHT,
                                         aantal=(dag * 7 + i * 3) % 5))
            rijen.append(ZelftestTelling(datum=datum, regeling=regeling, uitkomst=ZelftestUitkomst.GEEN_RECHT,
                                         aantal=(dag * 3 + i) % 3))
    ZelftestTelling.objects.bulk_create(rijen, ignore_conflicts=True)  # a day already counted stays as it is


def _ervaringen(vandaag: dt.date) -> None:
    if Ervaring.objects.exists():
        return
    maand = vandaag.replace(day=1)
    scores = [(4, 3, 5), (5, 4, 4), (3, 2, 4), (4, 4, 5), (2, 3, 3), (5, 5, 5), (4, 2, 4), (3, 4, 4)]
    Ervaring.objects.bulk_create(
        [Ervaring(regeling=regeling, maand=maand, brief_begrepen=b, snel_genoeg=s, gehoord=g,
                  opmerking="De brief was lang." if i % 3 == 0 else "")
         for regeling in ("bijzondere_bijstand", "wmo_maatwerkvoorziening") for i, (b, s, g) in enumerate(scores)])


def _archief(users, vandaag: dt.date) -> None:
    consulent = users[r.CONSULENT_INKOMEN]
    for nummer, (bsn, voornaam, achternaam, straat, huisnummer) in enumerate(ARCHIEF):
        if Inwoner.objects.filter(bsn=bsn).exists():
            continue
        inwoner = personen.registreer_inwoner(
            consulent, bsn=bsn, voornamen=voornaam, achternaam=achternaam, geboortedatum=dt.date(1958, 4, 2),
            straat=straat, huisnummer=huisnummer, postcode="2651 CD", woonplaats="Berkel en Rodenrijs")
        hh = personen.maak_huishouden(consulent, naam=f"Huishouden {achternaam}", aanvrager=inwoner)
        dagen = DOORLOOPTIJDEN if nummer == 0 else []
        open_ = OPEN_DAGEN if nummer == 1 else []
        for i, d in enumerate(dagen):
            besluit = vandaag - dt.timedelta(days=1 + 7 * i)
            _zaak(consulent, hh, inwoner, aanvraag=besluit - dt.timedelta(days=d), besluit=besluit)
        for d in open_:
            _zaak(consulent, hh, inwoner, aanvraag=vandaag - dt.timedelta(days=d), besluit=None)


def _zaak(consulent, hh, inwoner, *, aanvraag: dt.date, besluit: dt.date | None) -> None:
    z = meld_zaak(consulent, huishouden=hh, hoofdpersoon=inwoner, regeling="bijzondere_bijstand",
                  ontvangen_op=aanvraag, omschrijving="Archief (demo): bijzondere kosten.")
    velden = {"aanvraagdatum": aanvraag, "behandelaar": consulent, "status": Status.BEOORDELING}
    if besluit:
        velden |= {"status": Status.BESLUIT, "besluitdatum": besluit, "besluit_uitkomst": Uitkomst.TOEGEKEND}
    Zaak.objects.filter(pk=z.pk).update(**velden)


def laad(users, vandaag: dt.date) -> None:
    _zelftesten(vandaag)
    _ervaringen(vandaag)
    _archief(users, vandaag)
