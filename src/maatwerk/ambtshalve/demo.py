"""Demo data of the ambtshalve inkomenstoeslag (issue 12 point 4): two households of their own with algemene bijstand
for four years, so the batch has one sure candidate and one review case. The consulent inkomen runs the batch himself
(page "Ambtshalve toeslag" or `maatwerk ambtshalve PEILDATUM --gebruiker consulent_inkomen`).

- Sanne de Wit (BSN 999993021): bijstand, vermogen € 800, and an inkomenstoeslag fourteen months ago on which the
  consulent recorded "geen zicht op inkomensverbetering": every condition known, so a concept toekenning.
- Ahmed Yilmaz (BSN 999993033): bijstand and vermogen, but never a judgement on his prospects: the review list.

DEMO SHORTCUT (as maatwerk.handhaving.demo): the bijstand besluiten and the earlier toeslag are 'overgenomen uit het
vorige systeem' (created as bekendgemaakt, without a letter or a computation)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from maatwerk.besluiten.models import Besluit, Periode, Soort, Status
from maatwerk.personen import services as personen
from maatwerk.personen.models import Inwoner
from maatwerk.zaken.models import Bevinding, Uitkomst, Zaak
from maatwerk.zaken.models import Status as ZaakStatus

ZEKER_BSN, CONTROLE_BSN = "999993021", "999993033"
PERSONEN = [(ZEKER_BSN, "Sanne", "de Wit", "Populierenlaan", 8, dt.date(1979, 4, 12), True),
            (CONTROLE_BSN, "Ahmed", "Yilmaz", "Kastanjelaan", 21, dt.date(1983, 9, 30), False)]


def _maand_terug(vandaag: dt.date, maanden: int) -> dt.date:
    n = vandaag.year * 12 + vandaag.month - 1 - maanden
    return dt.date(n // 12, n % 12 + 1, 1)


def laad(consulent, vandaag: dt.date) -> None:
    for bsn, voornaam, achternaam, straat, huisnummer, geboren, eerder in PERSONEN:
        if Inwoner.objects.filter(bsn=bsn).exists():
            continue
        inwoner = personen.registreer_inwoner(consulent, bsn=bsn, voornamen=voornaam, achternaam=achternaam,
                                              geboortedatum=geboren, straat=straat, huisnummer=huisnummer,
                                              postcode="2651 AB", woonplaats="Berkel en Rodenrijs")
        huishouden = personen.maak_huishouden(consulent, naam=f"Huishouden {achternaam}", aanvrager=inwoner)
        begin = _maand_terug(vandaag, 48)
        zaak = Zaak.objects.create(
            regeling="algemene_bijstand", huishouden=huishouden, hoofdpersoon=inwoner, status=ZaakStatus.BESLUIT,
            omschrijving="Periodieke bijstand, overgenomen uit het vorige systeem (demo).", ontvangen_op=begin,
            besluit_uitkomst=Uitkomst.TOEGEKEND, besluitdatum=begin, aangemaakt_door=consulent)
        Besluit.objects.create(
            zaak=zaak, soort=Soort.TOEKENNING, status=Status.BEKENDGEMAAKT, voorziening="Periodieke bijstand (demo)",
            bedrag=Decimal("1150.00"), bedrag_periode=Periode.PER_MAAND, ingangsdatum=begin, opgesteld_door=consulent,
            vastgesteld_door=consulent, besluitdatum=begin, bekendgemaakt_door=consulent, bekendgemaakt_op=begin)
        personen.leg_vermogen_vast(consulent, inwoner, maand=_maand_terug(vandaag, 2), bedrag=Decimal("800"))
        if eerder:
            aanvraag = _maand_terug(vandaag, 14)
            iit = Zaak.objects.create(
                regeling="individuele_inkomenstoeslag", huishouden=huishouden, hoofdpersoon=inwoner,
                status=ZaakStatus.BESLUIT, omschrijving="Individuele inkomenstoeslag (demo, vorig systeem).",
                ontvangen_op=aanvraag, aanvraagdatum=aanvraag, besluit_uitkomst=Uitkomst.TOEGEKEND,
                besluit_bedrag=Decimal("382.00"), besluitdatum=aanvraag + dt.timedelta(days=14), aangemaakt_door=consulent)
            Bevinding.objects.create(zaak=iit, criterium="zicht_op_inkomensverbetering", waarde="nee", door=consulent,
                                     motivering="Langdurig ziek en volledig ontheffing van de arbeidsplicht; geen zicht "
                                                "op een hoger inkomen (gesprek en medisch advies).")
