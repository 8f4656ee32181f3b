"""Demo data of the adviesraad (issue 12, point 6): one request answered point by point (the advice of seed 003
on the Uitvoeringsplan Integrale Handhaving, shortened) and one request still waiting for advice, plus members.
The answered request also shows the later steps: its advice and the college's answer went to the gemeenteraad
(art. 3:3 lid 1) and one answer was corrected with a reason (the earlier one kept). The members make the rooster van
aftreden show a member in his first term, one who steps down at the end of his second term and one who leaves early
on his own request (art. 3:4 lid 5, art. 3:5). Idempotent: a request is looked up by its unique demo subject, a
member by name, a later step by its own record."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from maatwerk.adviesraad import services
from maatwerk.adviesraad.models import (Adviesaanvraag, Aftreden, EerderAntwoord, Lid, Raadsstuk, Raadsverstrekking,
                                       Reactie)
from maatwerk.termijnen.gegevens import regel as termijnregel

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


HERBENOEMD = "H. Bakker"  # in his second term: steps down at its end, no further reappointment
TUSSENTIJDS = "S. Yilmaz"  # leaves early on his own request (art. 3:5 lid 1 onder a, lid 2)
CORRECTIE_REDEN = "Verkeerd overgenomen uit de collegebrief: het college betrekt ook de Adviesraad zelf."


def _benoemingsdag(vandaag: dt.date) -> dt.date:
    """The last 1 January or 1 July on or before `vandaag` (art. 3:4 lid 4)."""
    return dt.date(vandaag.year, 7 if vandaag.month >= 7 else 1, 1)


def _leden(beleid, vandaag: dt.date) -> None:
    for naam, begin, functie in (("M. van der Zee", dt.date(2023, 7, 1), "voorzitter"),
                                 ("G. Kamp", dt.date(2025, 1, 1), "lid")):
        if not Lid.objects.filter(naam=naam).exists():
            services.benoem(beleid, naam=naam, begin=begin, functie=functie, inwoner=True, vandaag=vandaag)
    laatste = _benoemingsdag(vandaag)
    # Two terms of four years ending within half a year of today, so the rooster shows a near step-down day.
    eerste = laatste + relativedelta(months=6) - relativedelta(years=2 * services.ZITTINGSDUUR_JAAR)
    if not Lid.objects.filter(naam=HERBENOEMD).exists() and eerste >= services.VERORDENING_VANAF:
        services.benoem(beleid, naam=HERBENOEMD, begin=eerste, inwoner=True, vandaag=vandaag)
        services.benoem(beleid, naam=HERBENOEMD, begin=eerste + relativedelta(years=services.ZITTINGSDUUR_JAAR),
                        inwoner=True, vandaag=vandaag)
    begin = laatste - relativedelta(years=2)
    if not Lid.objects.filter(naam=TUSSENTIJDS).exists() and begin >= services.VERORDENING_VANAF:
        periode = services.benoem(beleid, naam=TUSSENTIJDS, begin=begin, inwoner=True, vandaag=vandaag)
        kennisgeving = vandaag - dt.timedelta(days=14)
        # The notice period and its source live in termijnen.yaml (art. 3:5 lid 2); not repeated here.
        opzeg = relativedelta(months=int(termijnregel("adviesraad_opzegtermijn")["aantal"]))
        services.treed_af(beleid, periode, aftreden=Aftreden.EIGEN_VERZOEK, kennisgeving_op=kennisgeving,
                          laatste_dag=kennisgeving + opzeg, vandaag=vandaag)


def _latere_stappen(beleid, secretaris, aanvraag: Adviesaanvraag, vandaag: dt.date) -> None:
    """Art. 3:3 lid 1 and a corrected answer on the answered request; each step only once."""
    advies = services.advies_van(aanvraag)
    if advies is None:
        return
    if not Raadsverstrekking.objects.filter(advies=advies, stuk=Raadsstuk.ADVIES).exists():
        services.verstrek_aan_raad(secretaris, advies, stuk=Raadsstuk.ADVIES, vandaag=vandaag,
                                   verstrekt_op=min(advies.uitgebracht_op + dt.timedelta(days=3), vandaag))
    punten = list(advies.punten.order_by("volgnummer"))
    if len(punten) < 2 or any(not p.reactie for p in punten):
        return
    p2 = punten[1]
    if not EerderAntwoord.objects.filter(punt__advies=advies).exists():
        services.corrigeer_antwoord(
            beleid, p2, reactie=Reactie.DEELS, reden=CORRECTIE_REDEN, vandaag=vandaag,
            gecorrigeerd_op=min(p2.beantwoord_op + dt.timedelta(days=7), vandaag),
            antwoord="Wij betrekken ervaringsdeskundigen, aanbieders en de Adviesraad waar nodig en mogelijk.",
            motivering=p2.motivering or "Een vaste klankbordgroep vraagt meer dan de uitvoering nu kan dragen.")
    if not Raadsverstrekking.objects.filter(advies=advies, stuk=Raadsstuk.ANTWOORD).exists():
        punten = list(advies.punten.all())
        laatst = max(p.gecorrigeerd_op or p.beantwoord_op for p in punten)
        services.verstrek_aan_raad(beleid, advies, stuk=Raadsstuk.ANTWOORD, vandaag=vandaag,
                                   verstrekt_op=min(laatst + dt.timedelta(days=3), vandaag))


def laad(users: dict, vandaag: dt.date) -> None:
    beleid, secretaris = users["beleidsmedewerker"], users["adviesraad_secretaris"]
    _leden(beleid, vandaag)
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
    _latere_stappen(beleid, secretaris, Adviesaanvraag.objects.get(onderwerp=BEANTWOORD), vandaag)
    if not Adviesaanvraag.objects.filter(onderwerp=OPEN).exists():
        services.vraag_advies(beleid, onderwerp=OPEN, vraag="1. Verhoging van de inkomensgrens van 110 naar 120 %\n"
                              "2. De kosten en wie erop vooruitgaat", documenten="Impactrapport beleidsvoorstel",
                              verzonden_op=vandaag - dt.timedelta(days=6), ontvangen_op=vandaag - dt.timedelta(days=5),
                              vandaag=vandaag)
