"""Demo data of enforcement (issue 11): the indicator register (four approved by two people, one still
waiting), running benefits for three demo clients of its own, and two meldingen. The demo Inlichtingenbureau file is
`demo_bestanden/ib_2026-11.csv` (layout in docs/handhaving.md); the handhaver imports it himself.

The running benefits go through the real flow, as a consulent would: a zaak algemene bijstand, its findings, the
computation by the Regelkern, a besluit (four eyes where the mandate asks), vastgesteld and sent with its letter. So
the comparison, the betaalbestand and a verlaging work on real besluiten. One of them, Kees Smit, has a verlaging
made the same way (gedraging, hearing, besluit, letter): the betaalbestand of November 2026 keeps it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from maatwerk.handhaving import meldpunt
from maatwerk.handhaving.models import Indicator, IndicatorGoedkeuring, Richting
from maatwerk.personen import services as personen
from maatwerk.personen.models import Inwoner
from maatwerk.toegang import rollen as r
from maatwerk.zaken.models import Status as ZaakStatus
from maatwerk.zaken.models import Uitkomst

DEMO_BESTAND = Path(__file__).parent / "demo_bestanden" / "ib_2026-11.csv"
BEGIN_UITKERING = dt.date(2026, 1, 1)
# Three demo clients of their own (the case stories of demo/gegevens.py keep exactly their own zaken).
CLIENTEN = [("999990202", "Johan", "Visser", "Dahliastraat", 5), ("999990214", "Anouk", "Bakker", "Irisweg", 12),
            ("999990226", "Kees", "Smit", "Lindelaan", 40)]

GRONDSLAG = ("Participatiewet artikel 17 lid 2 en 64 (gegevens van andere instanties), Wet SUWI artikel 54 lid 3 "
             "(het Inlichtingenbureau), Participatiewet artikel 53a (onderzoek naar het recht op bijstand).")
MENS = ("Een signaal is geen besluit. De casustafel (ten minste twee disciplines) beoordeelt elk signaal op feiten "
        "met hun bron; de inwoner wordt gehoord voordat er iets verandert.")

INDICATOREN = [
    ("ib-inkomen", "Inkomen naast de uitkering", "inkomen",
     "Elke maand kijken wij of iemand met een uitkering ook loon of een andere uitkering krijgt.",
     "Alle regels van soort 'inkomen' in het maandbestand van het Inlichtingenbureau over een cliënt met een lopende "
     "uitkering in die maand.", "BSN, bedrag en periode van het inkomen (UWV Polisadministratie, via het "
     "Inlichtingenbureau)."),
    ("ib-vermogen", "Vermogen boven de grens", "vermogen",
     "Wij kijken of iemand met een uitkering spaargeld of ander vermogen heeft dat de gemeente niet kent.",
     "Alle regels van soort 'vermogen' over een cliënt met een lopende uitkering; er is geen drempel: de consulent "
     "toetst aan de vermogensgrens van artikel 34 Participatiewet.", "BSN en bedrag van het vermogen (Belastingdienst)."),
    ("ib-samenwoning", "Een andere volwassene op het adres", "samenwoning",
     "Wij kijken of er iemand bij een cliënt is komen wonen; dat kan de hoogte van de uitkering veranderen.",
     "Alle regels van soort 'samenwoning' over een cliënt met een lopende uitkering.",
     "BSN, datum van inschrijving van een medebewoner (BRP)."),
    ("ib-detentie", "Detentie", "detentie",
     "Iemand in detentie heeft geen recht op bijstand (artikel 13 lid 1 onder a Participatiewet).",
     "Alle regels van soort 'detentie' over een cliënt met een lopende uitkering.", "BSN en periode (DJI)."),
    ("ib-studiefinanciering", "Studiefinanciering", "studiefinanciering",
     "Wij kijken of een cliënt studiefinanciering krijgt; daarmee is bijstand vaak niet mogelijk (artikel 13 lid 2 "
     "onder c Participatiewet).", "Alle regels van soort 'studiefinanciering' over een cliënt met een lopende uitkering.",
     "BSN, bedrag en periode (DUO)."),
]


def laad(users: dict, vandaag: dt.date) -> None:
    if Indicator.objects.exists():
        return
    handhaver, tweede, derde = users[r.HANDHAVER], users[r.BELEIDSMEDEWERKER], users[r.KWALITEITSMEDEWERKER]
    for code, naam, soort, doel, criteria, gegevens in INDICATOREN:
        indicator = Indicator.objects.create(
            code=code, naam=naam, omschrijving=doel, doel=doel, wettelijke_grondslag=GRONDSLAG, criteria=criteria,
            gegevens=gegevens, eigenaar="Teamleider handhaving", signaalsoort=soort, menselijke_tussenkomst=MENS,
            auteur=handhaver)
        IndicatorGoedkeuring.objects.create(indicator=indicator, door=tweede,
                                            toelichting="Criteria zijn openbaar en gelden voor iedereen met een uitkering.")
        if soort != "studiefinanciering":  # one waits for its second approval: the import does not use it
            IndicatorGoedkeuring.objects.create(indicator=indicator, door=derde,
                                                toelichting="Geen selectie of score; ethisch verantwoord.")
    for bsn, voornaam, achternaam, straat, huisnummer in CLIENTEN:
        if not Inwoner.objects.filter(bsn=bsn).exists():
            _lopende_uitkering(users, bsn=bsn, voornamen=voornaam, achternaam=achternaam,
                               straat=straat, huisnummer=huisnummer)
    _verlaging(users)
    meldpunt.meld({"richting": Richting.AANBIEDER, "domein": "wmo", "betreft": "Thuiszorgbureau De Linde",
                   "omschrijving": "Mijn buurvrouw krijgt volgens haar al weken geen hulp, maar de uren worden wel "
                                   "geschreven. Dat zei ze mij op 2 november."})
    meldpunt.meld({"richting": Richting.CLIENT, "domein": "inkomen", "betreft": "Een cliënt (naam bij de consulent)",
                   "omschrijving": "Tijdens het gesprek vertelde de cliënt over werk in de avonduren dat niet is "
                                   "opgegeven. Dat heb ik zelf gehoord.", "melder": "professional",
                   "melder_naam": "Consulent inkomen"}, door=users[r.CONSULENT_INKOMEN])


# Kees Smit missed his tegenprestatie in September; heard in October, the besluit was made known on 13 October, so
# the verlaging is kept in November (artikel 7:16, eerste lid) and the betaalbestand of November shows it.
VERLAGING_BSN = "999990226"
VERLAGING_BEKENDMAKING = dt.date(2026, 10, 13)
VERLAGING = {
    "gedraging": "pw_tegenprestatie",
    "omschrijving": "Kees kwam op 8, 15 en 22 september niet naar de afgesproken tegenprestatie bij de kringloopwinkel "
                    "(presentielijst van de kringloopwinkel).",
    "datum_gedraging": "2026-09-22", "datum_constatering": "2026-09-29",
    "verwijtbaarheid": "verwijtbaar",
    "verwijtbaarheid_toelichting": "Hij kende de afspraken (plan van aanpak, getekend in juni) en meldde zich niet af.",
    "horen": "gehoord", "horen_datum": "2026-10-06", "horen_wijze": "gesprek op het gemeentehuis",
    "horen_toelichting": "Hij zegt dat hij de afspraken vergat; hij gaat weer vanaf oktober.",
    "geplande_bekendmaking": VERLAGING_BEKENDMAKING.isoformat(),
}


def _verlaging(users: dict) -> None:
    """One verlaging through the real flow (issue 11): the consulent records the gedraging with the hearing (7:14),
    the Regelkern computes it, the besluit is drafted, approved where the mandate asks, vastgesteld and sent with its
    letter. Only once, and only where letters can be sent (a test database without the seeded templates cannot)."""
    from maatwerk.besluiten import services as besluiten
    from maatwerk.besluiten import verlaging
    from maatwerk.besluiten.models import BriefSjabloon, Verlaging
    from maatwerk.zaken.models import Zaak

    zaak = Zaak.objects.filter(regeling="algemene_bijstand", hoofdpersoon__bsn=VERLAGING_BSN).first()
    if zaak is None or Verlaging.objects.filter(zaak=zaak).exists() or not BriefSjabloon.objects.exists():
        return
    consulent = users[r.CONSULENT_INKOMEN]
    besluit = verlaging.stel_besluit_op(verlaging.leg_vast(consulent, zaak, VERLAGING), consulent)
    if besluiten.vier_ogen(besluit).vereist:
        besluiten.goedkeuren(besluit, users[r.KWALITEITSMEDEWERKER], akkoord=True,
                             toelichting="Gehoord, elementen van artikel 7:13 met hun bron; akkoord.")
    besluiten.vaststellen(besluit, consulent, datum=VERLAGING_BEKENDMAKING)
    besluiten.bekendmaken(besluit, consulent, datum=VERLAGING_BEKENDMAKING)


def _lopende_uitkering(users: dict, **persoon) -> None:
    from maatwerk.besluiten import services as besluiten
    from maatwerk.besluiten.demo import demo_gemeente
    from maatwerk.besluiten.models import BriefSjabloon, Gemeentegegevens
    from maatwerk.zaken import beoordeling, procedure
    from maatwerk.zaken.services import meld_zaak

    consulent = users[r.CONSULENT_INKOMEN]
    inwoner = personen.registreer_inwoner(consulent, geboortedatum=dt.date(1975, 6, 1), postcode="2651 AB",
                                          woonplaats="Berkel en Rodenrijs", **persoon)
    huishouden = personen.maak_huishouden(consulent, naam=f"Huishouden {inwoner.achternaam}", aanvrager=inwoner)
    melding = BEGIN_UITKERING - dt.timedelta(days=14)
    zaak = meld_zaak(consulent, huishouden=huishouden, hoofdpersoon=inwoner, regeling="algemene_bijstand",
                     ontvangen_op=melding, omschrijving=f"{inwoner.voornamen} vraagt bijstand voor levensonderhoud.")
    procedure.voer_uit(zaak, ZaakStatus.AANVRAAG, consulent, datum=melding + dt.timedelta(days=1),
                       via="aanvraagformulier")
    procedure.voer_uit(zaak, ZaakStatus.BEOORDELING, consulent, datum=melding + dt.timedelta(days=2))
    for criterium, waarde, motivering in (
            ("arbeid_draagt_bij_aan_arbeidsinschakeling", "nee", "Geen inkomsten uit arbeid (gesprek en UWV)."),
            ("afwijzingsgronden", "nee", "Geen grond uit artikel 13 Participatiewet: gecontroleerd in het gesprek.")):
        beoordeling.leg_bevinding_vast(zaak, consulent, criterium=criterium, waarde=waarde, motivering=motivering)
    beoordeling.bereken(zaak, consulent, maand=f"{BEGIN_UITKERING:%Y-%m}")
    procedure.voer_uit(zaak, ZaakStatus.KLAAR_VOOR_BESLUIT, consulent, datum=melding + dt.timedelta(days=10),
                       uitkomst=Uitkomst.TOEGEKEND)
    zaak.refresh_from_db()
    besluit = besluiten.opstellen(zaak, consulent)
    besluiten.wijzigen(besluit, consulent, ingangsdatum=BEGIN_UITKERING,
                       vervolg="Wij betalen de bijstand elke maand. Geef veranderingen in uw situatie meteen aan ons door.")
    if besluiten.vier_ogen(besluit).vereist:
        besluiten.goedkeuren(besluit, users[r.KWALITEITSMEDEWERKER], akkoord=True)
    besluiten.vaststellen(besluit, consulent, datum=BEGIN_UITKERING)
    if BriefSjabloon.objects.exists():  # a test database without the seeded templates cannot send letters
        if Gemeentegegevens.huidige() is None:
            demo_gemeente().save()
        besluiten.bekendmaken(besluit, consulent, datum=BEGIN_UITKERING)
