"""Demo data for the monitor (issue 12, point 5), so that the dashboard and the half-yearly report show figures
above the small-cell threshold: anonymous self-check counts, survey answers, and closed and open zaken of two
demo residents of their own ("archief").

The archive zaken go through the real flow (issue 12 point 5, leftover): melding, aanvraag and beoordeling
(`procedure.voer_uit`), findings and the Regelkern's calculation, klaar voor besluit, and a besluit that is
vastgesteld and bekendgemaakt with its letter (`besluiten.services`). Their history lies in the past: every
service takes the day of the step as `datum` (it refuses only a future day or one before the previous step), so
no field is written directly. They exist so the monitor has a population; the case stories of demo/gegevens.py
keep exactly their own zaken.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from maatwerk.loket.models import ZelftestTelling, ZelftestUitkomst
from maatwerk.monitor.models import Ervaring
from maatwerk.personen import services as personen
from maatwerk.personen.models import Inwoner
from maatwerk.toegang import rollen as r
from maatwerk.zaken import beoordeling, procedure
from maatwerk.zaken.models import Status, Uitkomst, Zaak
from maatwerk.zaken.services import meld_zaak

ARCHIEF = [("999997105", "Wim", "Archief-de Jong", "Populierlaan", 3),
           ("999997117", "Ria", "Archief-Mulder", "Populierlaan", 5)]
# Days from aanvraag to besluit of the closed zaken (bijzondere bijstand: Awb 8 weeks = 56 days; the last two late).
DOORLOOPTIJDEN = [12, 19, 23, 28, 31, 35, 40, 44, 50, 52, 55, 61, 70]
OPEN_DAGEN = [5, 20, 63, 70, 75, 90]  # open zaken, aanvraag this many days ago: four of them past the term
# Fictional facts of the archive zaken: a granted request for € 350 of special costs (a washing machine).
KOSTEN = Decimal("350.00")
BEVINDINGEN = {"voorliggende_voorziening": "nee", "afwijzingsgronden": "nee", "zeer_dringende_redenen": "nee"}
MOTIVERING = "Archief (demo): vastgesteld in het gesprek en onderbouwd met de offerte."
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
    from maatwerk.besluiten.demo import demo_gemeente
    from maatwerk.besluiten.models import BriefSjabloon, Gemeentegegevens

    if not BriefSjabloon.objects.exists():  # letters cannot be made (a test database without the seeded templates)
        return
    if Gemeentegegevens.huidige() is None:
        demo_gemeente().save()
    consulent, tweede = users[r.CONSULENT_INKOMEN], users[r.KWALITEITSMEDEWERKER]
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
            _beslist(consulent, tweede, _aanvraag(consulent, hh, inwoner, besluit - dt.timedelta(days=d)), besluit)
        for d in open_:
            _aanvraag(consulent, hh, inwoner, vandaag - dt.timedelta(days=d))


def _aanvraag(consulent, hh, inwoner, aanvraag: dt.date) -> Zaak:
    """A zaak through the procedure up to beoordeling; the historic date goes in through the procedure's own
    `datum` (the day of the step), which refuses only a date in the future or before the previous step."""
    z = meld_zaak(consulent, huishouden=hh, hoofdpersoon=inwoner, regeling="bijzondere_bijstand",
                  ontvangen_op=aanvraag, kosten=KOSTEN, omschrijving="Archief (demo): bijzondere kosten.")
    procedure.voer_uit(z, Status.AANVRAAG, consulent, datum=aanvraag, via="aanvraagformulier")
    procedure.voer_uit(z, Status.BEOORDELING, consulent, datum=aanvraag)
    z.refresh_from_db()
    return z


def _beslist(consulent, tweede, z: Zaak, besluitdatum: dt.date) -> None:
    """Findings, the Regelkern's calculation, klaar voor besluit, the besluit vastgesteld and bekendgemaakt on
    `besluitdatum`, all through the services (their `datum`); four eyes where the mandate table asks them."""
    from maatwerk.besluiten import services as besluiten

    while ontbrekend := beoordeling.ontbrekende_criteria(z):
        code = ontbrekend[0].code
        beoordeling.leg_bevinding_vast(z, consulent, criterium=code, waarde=BEVINDINGEN.get(code, "ja"),
                                       motivering=MOTIVERING)
    beoordeling.bereken(z, consulent, maand=f"{z.aanvraagdatum.year:04d}-{z.aanvraagdatum.month:02d}")
    procedure.voer_uit(z, Status.KLAAR_VOOR_BESLUIT, consulent, datum=besluitdatum, uitkomst=Uitkomst.TOEGEKEND,
                       bedrag=KOSTEN)
    z.refresh_from_db()
    besluit = besluiten.opstellen(z, consulent)
    besluiten.wijzigen(besluit, consulent, ingangsdatum=z.aanvraagdatum,
                       vervolg="Wij maken het bedrag binnen vijf werkdagen aan u over.")
    if besluiten.vier_ogen(besluit).vereist and besluiten.geldige_goedkeuring(besluit) is None:
        besluiten.goedkeuren(besluit, tweede, akkoord=True)
    besluiten.vaststellen(besluit, consulent, datum=besluitdatum)
    besluiten.bekendmaken(besluit, consulent, datum=besluitdatum)


def laad(users, vandaag: dt.date, *, archief: bool = True) -> None:
    _zelftesten(vandaag)
    _ervaringen(vandaag)
    if archief:
        _archief(users, vandaag)
