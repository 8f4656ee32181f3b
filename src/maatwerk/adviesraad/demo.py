"""Demo data of the adviesraad (issue 12, point 6): one request answered point by point (the advice of seed 003
on the Uitvoeringsplan Integrale Handhaving, shortened) and one request still waiting for advice, plus members.
Idempotent: a request is looked up by its unique demo subject, a member by name."""

from __future__ import annotations

import datetime as dt

from maatwerk.adviesraad import services
from maatwerk.adviesraad.models import Adviesaanvraag, Lid, Reactie

BEANTWOORD = "Uitvoeringsplan Integrale Handhaving (demo)"
OPEN = "Minimabeleid: inkomensgrens bijzondere bijstand (demo)"
PUNTEN = [
    {"kop": "Communicatie op maat",
     "tekst": "Communiceer ook duidelijk naar groepen die de Nederlandse taal niet machtig zijn en naar mensen met "
              "een beperking; betrek het Versimpelteam."},
    {"kop": "Klankbordgroepen",
     "tekst": "Formeer een klankbordgroep voor inwoners en een voor zorgaanbieders."},
]


def _maandag_ervoor(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def laad(users: dict, vandaag: dt.date) -> None:
    beleid, secretaris = users["beleidsmedewerker"], users["adviesraad_secretaris"]
    for naam, begin, functie in (("M. van der Zee", dt.date(2023, 7, 1), "voorzitter"),
                                 ("G. Kamp", dt.date(2025, 1, 1), "lid")):
        if not Lid.objects.filter(naam=naam).exists():
            services.benoem(beleid, naam=naam, begin=begin, functie=functie, inwoner=True, vandaag=vandaag)
    if not Adviesaanvraag.objects.filter(onderwerp=BEANTWOORD).exists():
        verzonden = _maandag_ervoor(vandaag - dt.timedelta(days=70))
        a = services.vraag_advies(beleid, onderwerp=BEANTWOORD, vraag="1. Communicatie\n2. Betrekken van inwoners",
                                  documenten="Uitvoeringsplan Integrale Handhaving", verzonden_op=verzonden,
                                  ontvangen_op=verzonden + dt.timedelta(days=1), vandaag=vandaag)
        advies = services.leg_advies_vast(secretaris, a, uitgebracht_op=verzonden + dt.timedelta(days=20),
                                          punten=PUNTEN, vandaag=vandaag)
        p1, p2 = advies.punten.all()
        antwoord_op = verzonden + dt.timedelta(days=35)
        services.beantwoord(beleid, p1, reactie=Reactie.OVERGENOMEN, beantwoord_op=antwoord_op, vandaag=vandaag,
                            antwoord="Het Versimpelteam wordt standaard betrokken bij teksten en beelden.")
        services.beantwoord(beleid, p2, reactie=Reactie.DEELS, beantwoord_op=antwoord_op, vandaag=vandaag,
                            antwoord="Wij betrekken ervaringsdeskundigen en aanbieders waar nodig en mogelijk.",
                            motivering="Een vaste klankbordgroep vraagt meer dan de uitvoering nu kan dragen; "
                                       "tussentijdse evaluaties en klanttevredenheidsonderzoek geven dezelfde input.")
    if not Adviesaanvraag.objects.filter(onderwerp=OPEN).exists():
        services.vraag_advies(beleid, onderwerp=OPEN, vraag="1. Verhoging van de inkomensgrens van 110 naar 120 %\n"
                              "2. De kosten en wie erop vooruitgaat", documenten="Impactrapport beleidsvoorstel",
                              verzonden_op=vandaag - dt.timedelta(days=6), ontvangen_op=vandaag - dt.timedelta(days=5),
                              vandaag=vandaag)
