"""Requests for advice, the advice point by point, the college's answer and the members of the Adviesraad
Sociaal Domein (Verordening Sociaal Domein Lansingerland 2018, hoofdstuk 3; issue 12, point 6).

Rights come from the rights table: the beleidsmedewerker prepares requests and answers for the college and records
its appointments (`advies_aanvragen`); the secretary of the adviesraad records the advice (`advies_vastleggen`).
Every view, change and refusal writes an audit line. Bad input raises `InvoerFout(veld, Dutch message)`; a step
out of order raises `ProcedureFout` (409).
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from maatwerk import formaat
from maatwerk.adviesraad import termijn as t
from maatwerk.adviesraad.models import (Advies, Adviesaanvraag, Adviespunt, Aftreden, EerderAntwoord, Functie, Lid,
                                       Raadsstuk, Raadsverstrekking, Reactie, Zittingsperiode)
from maatwerk.regels.invoer import InvoerFout
from maatwerk.termijnen.gegevens import TermijnFout
from maatwerk.termijnen.gegevens import regel as termijnregel
from maatwerk.termijnen.termijn import Termijn
from maatwerk.toegang import audit, rechten
from maatwerk.toegang.beleid import CHANGE, CREATE, VIEW, Grond
from maatwerk.toegang.models import SoortGrond
from maatwerk.toegang.rolrecht import heeft_recht, vereis_recht
from maatwerk.zaken.fouten import ProcedureFout

MAX_TEKST = 5000
MAX_KOP = 200
MAX_PUNTEN = 50
# Art. 3:4 lid 5: "De zittingsduur van de leden bedraagt 4 jaar. Een lid kan slechts één keer worden herbenoemd
# voor een periode van 4 jaar."
ZITTINGSDUUR_JAAR = 4
MAX_PERIODEN = 2
BRON_ZITTING = "Verordening Sociaal Domein Lansingerland 2018, artikel 3:4, vijfde lid"
BRON_BENOEMINGSDATUM = "Verordening Sociaal Domein Lansingerland 2018, artikel 3:4, vierde lid"
VERORDENING_VANAF = dt.date(2018, 1, 1)  # art. 8:3: in force on 1 January 2018


def vereis_recht_op(user, handeling: str, onderwerp: str, actie: str, toelichting: str = "") -> Grond:
    """The rights-table check (no domain: policy of the whole social domain), with its audit line; also used by the
    other modules of the adviesraad."""
    return vereis_recht(user, handeling, actie=actie, onderwerp=onderwerp, toelichting=toelichting)


def mag(user, handeling: str) -> bool:
    return heeft_recht(user, handeling)


def mag_inzien(user) -> bool:
    return mag(user, rechten.ADVIES_AANVRAGEN) or mag(user, rechten.ADVIES_VASTLEGGEN)


def vereis_inzien(user, onderwerp: str, toelichting: str = "") -> None:
    """The internal pages: whoever prepares requests or records advice (no personal data here)."""
    handeling = rechten.ADVIES_AANVRAGEN if mag(user, rechten.ADVIES_AANVRAGEN) else rechten.ADVIES_VASTLEGGEN
    vereis_recht_op(user, handeling, onderwerp, VIEW, toelichting)


# ------------------------------------------------------------------ validation


def _tekst(veld: str, ruw, naam: str, *, max_lengte: int = MAX_TEKST, verplicht: bool = True) -> str:
    tekst = ruw.strip() if isinstance(ruw, str) else ""
    if verplicht and not tekst:
        raise InvoerFout(veld, f"Vul {naam} in.")
    if len(tekst) > max_lengte:
        raise InvoerFout(veld, f"{naam[0].upper()}{naam[1:]} is te lang (ten hoogste {max_lengte} tekens).")
    return tekst


def _datum(veld: str, ruw, naam: str) -> dt.date:
    if isinstance(ruw, dt.datetime):
        return ruw.date()
    if isinstance(ruw, dt.date):
        return ruw
    try:
        return dt.date.fromisoformat(str(ruw).strip())
    except (TypeError, ValueError):
        raise InvoerFout(veld, f"{naam} is geen geldige datum (jjjj-mm-dd).") from None


def _niet_in_toekomst(veld: str, datum: dt.date, naam: str, vandaag: dt.date) -> None:
    if datum > vandaag:
        raise InvoerFout(veld, f"{naam} ({formaat.datum(datum)}) ligt in de toekomst.")


# ------------------------------------------------------------------ the request and its term


def termijn(aanvraag: Adviesaanvraag, vandaag: dt.date | None = None) -> Termijn:
    return t.adviestermijn(aanvraag.ontvangen_op, uitstel_weken=aanvraag.uitstel_weken,
                           vandaag=vandaag or timezone.localdate())


def vraag_advies(user, *, onderwerp, vraag, documenten="", verzonden_op, ontvangen_op,
                 vandaag: dt.date | None = None) -> Adviesaanvraag:
    """Art. 3:8 lid 3: a written request that names the points on which advice is asked."""
    vereis_recht_op(user, rechten.ADVIES_AANVRAGEN, "adviesaanvraag", CREATE, toelichting="nieuwe aanvraag")
    vandaag = vandaag or timezone.localdate()
    onderwerp = _tekst("onderwerp", onderwerp, "het onderwerp", max_lengte=MAX_KOP)
    vraag = _tekst("vraag", vraag, "de punten waarover advies wordt gevraagd (artikel 3:8, derde lid)")
    documenten = _tekst("documenten", documenten, "de stukken", verplicht=False)
    verzonden = _datum("verzonden_op", verzonden_op, "De verzenddatum")
    ontvangen = _datum("ontvangen_op", ontvangen_op, "De ontvangstdatum")
    if verzonden < VERORDENING_VANAF:
        raise InvoerFout("verzonden_op", f"De verzenddatum ligt vóór {formaat.datum(VERORDENING_VANAF)}, de dag "
                                         "waarop de verordening in werking trad (artikel 8:3).")
    _niet_in_toekomst("verzonden_op", verzonden, "De verzenddatum", vandaag)
    _niet_in_toekomst("ontvangen_op", ontvangen, "De ontvangstdatum", vandaag)
    if ontvangen < verzonden:
        raise InvoerFout("ontvangen_op", "De adviesraad kan de aanvraag niet ontvangen vóór zij is verzonden.")
    aanvraag = Adviesaanvraag.objects.create(onderwerp=onderwerp, vraag=vraag, documenten=documenten,
                                             verzonden_op=verzonden, ontvangen_op=ontvangen, aangemaakt_door=user)
    audit.log(user, CREATE, Grond(True, SoortGrond.ROL, "rol: adviesaanvraag"), onderwerp="adviesaanvraag",
              toelichting=f"aanvraag {aanvraag.pk}")
    return aanvraag


def _vergrendel(aanvraag: Adviesaanvraag) -> Adviesaanvraag:
    """Lock the request row: two people acting at once must not both pass the checks below."""
    return Adviesaanvraag.objects.select_for_update().get(pk=aanvraag.pk)


def verleen_uitstel(user, aanvraag: Adviesaanvraag, *, reden, afgesproken_op, weken=1,
                    vandaag: dt.date | None = None) -> Adviesaanvraag:
    """Art. 3:8 lid 4: "na overleg met de gemeente, met maximaal een week ... uitgesteld indien het om een
    beleidsvraag van grotere omvang gaat". The municipality records what was agreed: once, with the reason,
    agreed before the term ended (a term that has passed cannot be extended)."""
    vereis_recht_op(user, rechten.ADVIES_AANVRAGEN, "adviesaanvraag", CHANGE,
                    toelichting=f"uitstel aanvraag {aanvraag.pk}")
    vandaag = vandaag or timezone.localdate()
    reden = _tekst("reden", reden, "waarom het een beleidsvraag van grotere omvang is")
    afgesproken = _datum("afgesproken_op", afgesproken_op, "De datum van de afspraak")
    _niet_in_toekomst("afgesproken_op", afgesproken, "De datum van de afspraak", vandaag)
    try:
        weken = int(weken)
    except (TypeError, ValueError):
        raise InvoerFout("weken", "Het uitstel is een aantal weken (1).") from None
    if not 1 <= weken <= t.max_uitstel_weken():
        raise InvoerFout("weken", f"Het uitstel is ten hoogste {t.max_uitstel_weken()} week (artikel 3:8, vierde lid).")
    with transaction.atomic():
        aanvraag = _vergrendel(aanvraag)
        if Advies.objects.filter(aanvraag=aanvraag).exists():
            raise ProcedureFout("Het advies is al uitgebracht; uitstel is niet meer nodig.", code="al_geadviseerd")
        if aanvraag.uitstel_weken:
            raise ProcedureFout("Deze aanvraag heeft al uitstel gekregen; de verordening staat ten hoogste één week "
                                "uitstel toe (artikel 3:8, vierde lid).", code="al_uitgesteld")
        oorspronkelijk = termijn(aanvraag, vandaag)
        if afgesproken < aanvraag.ontvangen_op:
            raise InvoerFout("afgesproken_op", "De afspraak over uitstel ligt vóór de ontvangst van de aanvraag.")
        if afgesproken > oorspronkelijk.einde:
            raise InvoerFout("afgesproken_op", f"De adviestermijn liep af op {formaat.datum(oorspronkelijk.einde)}; "
                                               "een verstreken termijn kan niet meer worden uitgesteld.")
        aanvraag.uitstel_weken, aanvraag.uitstel_reden, aanvraag.uitstel_afgesproken_op = weken, reden, afgesproken
        aanvraag.save(update_fields=["uitstel_weken", "uitstel_reden", "uitstel_afgesproken_op"])
    return aanvraag


# ------------------------------------------------------------------ the advice, point by point


def leg_advies_vast(user, aanvraag: Adviesaanvraag, *, uitgebracht_op, punten,
                    vandaag: dt.date | None = None) -> Advies:
    """The advice as the adviesraad gave it (art. 3:8 lid 4), one row per point (`punten`: a list of
    {"kop", "tekst"}). A late advice is recorded too (the college may still use it) and shown as late."""
    vereis_recht_op(user, rechten.ADVIES_VASTLEGGEN, "advies", CREATE, toelichting=f"advies op aanvraag {aanvraag.pk}")
    vandaag = vandaag or timezone.localdate()
    uitgebracht = _datum("uitgebracht_op", uitgebracht_op, "De datum van het advies")
    _niet_in_toekomst("uitgebracht_op", uitgebracht, "De datum van het advies", vandaag)
    if not isinstance(punten, (list, tuple)) or not punten:
        raise InvoerFout("punten", "Leg ten minste één adviespunt vast (een kop en de tekst van het advies).")
    if len(punten) > MAX_PUNTEN:
        raise InvoerFout("punten", f"Ten hoogste {MAX_PUNTEN} adviespunten per advies.")
    schoon = []
    for i, p in enumerate(punten):
        if not isinstance(p, dict):
            raise InvoerFout(f"punten.{i}", f"Adviespunt {i + 1} heeft een kop en een tekst nodig.")
        schoon.append((_tekst(f"punten.{i}.kop", p.get("kop"), f"de kop van adviespunt {i + 1}", max_lengte=MAX_KOP),
                       _tekst(f"punten.{i}.tekst", p.get("tekst"), f"de tekst van adviespunt {i + 1}")))
    with transaction.atomic():
        aanvraag = _vergrendel(aanvraag)
        if Advies.objects.filter(aanvraag=aanvraag).exists():
            raise ProcedureFout("Op deze aanvraag is het advies al vastgelegd.", code="al_geadviseerd")
        if uitgebracht < aanvraag.ontvangen_op:
            raise InvoerFout("uitgebracht_op", f"Het advies kan niet vóór de ontvangst van de aanvraag "
                                               f"({formaat.datum(aanvraag.ontvangen_op)}) zijn uitgebracht.")
        advies = Advies.objects.create(aanvraag=aanvraag, uitgebracht_op=uitgebracht, vastgelegd_door=user)
        Adviespunt.objects.bulk_create([Adviespunt(advies=advies, volgnummer=i + 1, kop=kop, tekst=tekst)
                                        for i, (kop, tekst) in enumerate(schoon)])
    return advies


def _antwoordvelden(reactie, antwoord, motivering) -> tuple[str, str, str]:
    """Art. 3:8 lid 7: "Indien het college het advies van de Adviesraad niet overneemt, deelt het college dat
    schriftelijk en gemotiveerd mee": where a point is not or only partly followed, the reasons are required."""
    if reactie not in Reactie.values:
        raise InvoerFout("reactie", "Kies of het college het advies overneemt, deels overneemt of niet overneemt.")
    antwoord = _tekst("antwoord", antwoord, "het antwoord van het college")
    motivering = _tekst("motivering", motivering, "de motivering", verplicht=False)
    if reactie != Reactie.OVERGENOMEN and not motivering:
        raise InvoerFout("motivering", "Het college neemt dit advies niet (geheel) over: geef schriftelijk de "
                                       "redenen en op welke onderdelen wordt afgeweken (artikel 3:8, zesde en "
                                       "zevende lid).")
    return reactie, antwoord, motivering


def beantwoord(user, punt: Adviespunt, *, reactie, antwoord, motivering="",
               beantwoord_op=None, vandaag: dt.date | None = None) -> Adviespunt:
    """The college's answer to one point (seed 003: "Antwoord:" under each advice), with art. 3:8 lid 7's reasons."""
    vereis_recht_op(user, rechten.ADVIES_AANVRAGEN, "advies", CHANGE, toelichting=f"antwoord op adviespunt {punt.pk}")
    vandaag = vandaag or timezone.localdate()
    reactie, antwoord, motivering = _antwoordvelden(reactie, antwoord, motivering)
    datum = _datum("beantwoord_op", beantwoord_op or vandaag, "De datum van het antwoord")
    _niet_in_toekomst("beantwoord_op", datum, "De datum van het antwoord", vandaag)
    with transaction.atomic():
        _vergrendel(punt.advies.aanvraag)
        punt = Adviespunt.objects.select_related("advies").get(pk=punt.pk)
        if punt.reactie:
            raise ProcedureFout("Dit adviespunt is al beantwoord; verbeter het antwoord met een reden.",
                                code="al_beantwoord")
        if datum < punt.advies.uitgebracht_op:
            raise InvoerFout("beantwoord_op", "Het antwoord kan niet vóór het advies "
                                              f"({formaat.datum(punt.advies.uitgebracht_op)}) liggen.")
        punt.reactie, punt.antwoord, punt.motivering = reactie, antwoord, motivering
        punt.beantwoord_door, punt.beantwoord_op = user, datum
        punt.save()
    return punt


def corrigeer_antwoord(user, punt: Adviespunt, *, reactie, antwoord, motivering="", reden,
                       gecorrigeerd_op=None, vandaag: dt.date | None = None) -> Adviespunt:
    """Correct the college's answer to a point (a wrong answer was recorded, or the college changed it). The
    answer as it stood is kept in `EerderAntwoord` with who corrected it, the date and the reason, so the history
    is never overwritten silently; the same rules as the first answer apply (art. 3:8 lid 7)."""
    vereis_recht_op(user, rechten.ADVIES_AANVRAGEN, "advies", CHANGE,
                    toelichting=f"correctie antwoord adviespunt {punt.pk}")
    vandaag = vandaag or timezone.localdate()
    reactie, antwoord, motivering = _antwoordvelden(reactie, antwoord, motivering)
    reden = _tekst("reden", reden, "de reden van de correctie")
    datum = _datum("gecorrigeerd_op", gecorrigeerd_op or vandaag, "De datum van de correctie")
    _niet_in_toekomst("gecorrigeerd_op", datum, "De datum van de correctie", vandaag)
    with transaction.atomic():
        _vergrendel(punt.advies.aanvraag)
        punt = Adviespunt.objects.select_related("advies").get(pk=punt.pk)
        if not punt.reactie:
            raise ProcedureFout("Dit adviespunt is nog niet beantwoord; leg eerst het antwoord vast.",
                                code="nog_niet_beantwoord")
        vorige = punt.gecorrigeerd_op or punt.beantwoord_op
        if datum < vorige:
            raise InvoerFout("gecorrigeerd_op", f"De correctie kan niet vóór het vorige antwoord "
                                                f"({formaat.datum(vorige)}) liggen.")
        if (reactie, antwoord, motivering) == (punt.reactie, punt.antwoord, punt.motivering):
            raise InvoerFout("antwoord", "Het verbeterde antwoord is gelijk aan het huidige antwoord.")
        EerderAntwoord.objects.create(
            punt=punt, reactie=punt.reactie, antwoord=punt.antwoord, motivering=punt.motivering,
            beantwoord_door=punt.beantwoord_door, beantwoord_op=vorige, gecorrigeerd_op=datum,
            gecorrigeerd_door=user, reden=reden)
        punt.reactie, punt.antwoord, punt.motivering = reactie, antwoord, motivering
        punt.beantwoord_door, punt.gecorrigeerd_op = user, datum
        punt.save(update_fields=["reactie", "antwoord", "motivering", "beantwoord_door", "gecorrigeerd_op"])
    return punt


# ------------------------------------------------------------------ to the gemeenteraad (art. 3:3 lid 1)

BRON_RAAD = "Verordening Sociaal Domein Lansingerland 2018, artikel 3:3, eerste lid"
# Art. 3:3 lid 1 names no term for sending the advice to the council, only a moment before which it may not go.
RAAD_TERMIJN = "De verordening noemt hiervoor geen termijn; het advies gaat niet eerder naar de raad dan het stuk " \
               "van het college naar de Adviesraad is verstuurd."


def verstrek_aan_raad(user, advies: Advies, *, stuk, verstrekt_op, vandaag: dt.date | None = None) -> Raadsverstrekking:
    """Record that the advice (by the adviesraad's secretary) or the college's answer (by the beleidsmedewerker,
    for the college) went to the gemeenteraad ter kennisname, once per piece. Art. 3:3 lid 1: the advice goes
    "onverkort" and "niet eerder dan wanneer het betreffende stuk vanuit het college naar de Adviesraad is
    verstuurd"; not before the advice was given either. The answer goes once every point is answered."""
    if stuk not in Raadsstuk.values:
        raise InvoerFout("stuk", "Kies het advies of het antwoord van het college.")
    handeling = rechten.ADVIES_VASTLEGGEN if stuk == Raadsstuk.ADVIES else rechten.ADVIES_AANVRAGEN
    vereis_recht_op(user, handeling, "advies (gemeenteraad)", CREATE,
                    toelichting=f"{stuk} van advies {advies.pk} aan de raad")
    vandaag = vandaag or timezone.localdate()
    datum = _datum("verstrekt_op", verstrekt_op, "De datum van verstrekking aan de gemeenteraad")
    _niet_in_toekomst("verstrekt_op", datum, "De datum van verstrekking aan de gemeenteraad", vandaag)
    with transaction.atomic():
        aanvraag = _vergrendel(advies.aanvraag)
        advies = Advies.objects.get(pk=advies.pk)
        if Raadsverstrekking.objects.filter(advies=advies, stuk=stuk).exists():
            raise ProcedureFout(f"{Raadsstuk(stuk).label[0].upper()}{Raadsstuk(stuk).label[1:]} is al aan de "
                                "gemeenteraad verstrekt.", code="al_verstrekt")
        vroegst = max(aanvraag.verzonden_op, advies.uitgebracht_op)
        if stuk == Raadsstuk.ANTWOORD:
            punten = list(advies.punten.all())
            if any(not p.reactie for p in punten):
                raise ProcedureFout("Nog niet elk adviespunt is beantwoord; het antwoord van het college is niet "
                                    "compleet.", code="antwoord_onvolledig")
            vroegst = max([vroegst, *(p.gecorrigeerd_op or p.beantwoord_op for p in punten)])
        if datum < vroegst:
            raise InvoerFout("verstrekt_op", f"{Raadsstuk(stuk).label[0].upper()}{Raadsstuk(stuk).label[1:]} kan niet "
                                             f"vóór {formaat.datum(vroegst)} aan de gemeenteraad zijn verstrekt "
                                             f"({BRON_RAAD}).")
        return Raadsverstrekking.objects.create(advies=advies, stuk=stuk, verstrekt_op=datum, vastgelegd_door=user)


def raadsverstrekkingen(advies: Advies | None) -> dict[str, Raadsverstrekking]:
    if advies is None:
        return {}
    return {r.stuk: r for r in advies.raadsverstrekkingen.all()}


# ------------------------------------------------------------------ members and terms of office


def benoem(user, *, naam, begin, functie=Functie.LID, inwoner=False, onverenigbaar=False,
           vandaag: dt.date | None = None) -> Zittingsperiode:
    """Record the college's appointment (art. 3:4 lid 2) of a member or the chair, or a reappointment.

    - lid 4: appointment on 1 January or 1 July only;
    - lid 5: a term of 4 years; reappointment once, for 4 years (here: starting the day after the first term
      ends — a reappointment continues the membership; a later return would be a third term, which lid 5 forbids);
    - art. 3:6 lid 4: members live in the municipality; lid 6: not a member of the council, its committees or
      the college.
    """
    vereis_recht_op(user, rechten.ADVIES_AANVRAGEN, "adviesraad_lid", CREATE, toelichting="benoeming")
    naam = _tekst("naam", naam, "de naam", max_lengte=MAX_KOP)
    begin = _datum("begin", begin, "De benoemingsdatum")
    if functie not in Functie.values:
        raise InvoerFout("functie", "Kies lid of voorzitter.")
    if (begin.month, begin.day) not in ((1, 1), (7, 1)):
        raise InvoerFout("begin", f"Leden worden benoemd op 1 januari of 1 juli ({BRON_BENOEMINGSDATUM}); "
                                  f"{formaat.datum(begin)} kan niet.")
    if begin < VERORDENING_VANAF:
        raise InvoerFout("begin", f"De benoemingsdatum ligt vóór {formaat.datum(VERORDENING_VANAF)} (artikel 8:3).")
    if not inwoner:
        raise InvoerFout("inwoner", "Leden zijn inwoner van de gemeente (artikel 3:6, vierde lid).")
    if onverenigbaar:
        raise InvoerFout("onverenigbaar", "Het lidmaatschap is onverenigbaar met het lidmaatschap van de "
                                          "gemeenteraad, een raadscommissie of het college (artikel 3:6, zesde lid).")
    einde = begin + relativedelta(years=ZITTINGSDUUR_JAAR) - dt.timedelta(days=1)
    with transaction.atomic():
        lid, _ = Lid.objects.select_for_update().get_or_create(naam=naam, defaults={"functie": functie})
        perioden = list(lid.perioden.order_by("begin"))
        if len(perioden) >= MAX_PERIODEN:
            raise InvoerFout("naam", f"{naam} is al herbenoemd; een lid kan slechts één keer worden herbenoemd "
                                     f"({BRON_ZITTING}).")
        if perioden:
            vorige = perioden[-1]
            if vorige.beeindigd_op is not None:
                raise InvoerFout("naam", f"Het lidmaatschap van {naam} is beëindigd op {formaat.datum(vorige.beeindigd_op)} "
                                         f"({BRON_AFTREDEN}); een herbenoeming sluit aan op een lopende zittingsperiode.")
            if begin != vorige.einde + dt.timedelta(days=1):
                raise InvoerFout("begin", f"Een herbenoeming sluit aan op de lopende zittingsperiode: die eindigt op "
                                          f"{formaat.datum(vorige.einde)}, dus de herbenoeming gaat in op "
                                          f"{formaat.datum(vorige.einde + dt.timedelta(days=1))} ({BRON_ZITTING}).")
        if lid.functie != functie:
            lid.functie = functie
            lid.save(update_fields=["functie"])
        periode = Zittingsperiode.objects.create(lid=lid, begin=begin, einde=einde, herbenoeming=bool(perioden),
                                                 vastgelegd_door=user)
    return periode


BRON_AFTREDEN = "Verordening Sociaal Domein Lansingerland 2018, artikel 3:5"


def treed_af(user, periode: Zittingsperiode, *, aftreden, laatste_dag, kennisgeving_op=None, toelichting="",
             vandaag: dt.date | None = None) -> Zittingsperiode:
    """Record that a membership ends before its term (art. 3:5 lid 1 onder a, b, c, e, f).

    - lid 2: leaving on one's own request is by written notice to the college, with two months' notice: the last
      day is at least two months after the notice;
    - onder f: the college's ontslagbesluit (after a proposal of the dagelijks bestuur, lid 3) states its reason.
    """
    vereis_recht_op(user, rechten.ADVIES_AANVRAGEN, "adviesraad_lid", CHANGE,
                    toelichting=f"aftreden periode {periode.pk}")
    vandaag = vandaag or timezone.localdate()
    if aftreden not in Aftreden.values:
        raise InvoerFout("aftreden", "Kies de grond van artikel 3:5, eerste lid.")
    laatste_dag = _datum("laatste_dag", laatste_dag, "De laatste dag van het lidmaatschap")
    toelichting = toelichting.strip() if isinstance(toelichting, str) else ""
    if aftreden == Aftreden.EIGEN_VERZOEK:
        if kennisgeving_op in (None, ""):
            raise InvoerFout("kennisgeving_op", "Vul de datum van de schriftelijke kennisgeving aan het college in "
                                                f"({BRON_AFTREDEN}, tweede lid).")
        kennisgeving_op = _datum("kennisgeving_op", kennisgeving_op, "De datum van de kennisgeving")
        _niet_in_toekomst("kennisgeving_op", kennisgeving_op, "De datum van de kennisgeving", vandaag)
        opzeg = termijnregel("adviesraad_opzegtermijn")  # the number and its source: termijnen.yaml
        vroegst = kennisgeving_op + relativedelta(months=int(opzeg["aantal"]))
        if laatste_dag < vroegst:
            raise InvoerFout("laatste_dag", f"Opzeggen gaat met een opzegtermijn van {opzeg['aantal']} maanden "
                                            f"({BRON_AFTREDEN}, tweede lid): de laatste dag is op zijn vroegst "
                                            f"{formaat.datum(vroegst)}.")
    if aftreden == Aftreden.ONTSLAG and not toelichting:
        raise InvoerFout("aftreden_toelichting", "Schrijf de reden van het ontslagbesluit op (bijvoorbeeld het voorstel "
                                                 f"van het dagelijks bestuur, {BRON_AFTREDEN}, derde lid).")
    with transaction.atomic():
        periode = Zittingsperiode.objects.select_for_update().get(pk=periode.pk)
        if periode.beeindigd_op is not None:
            raise InvoerFout("periode", "Dit lidmaatschap is al beëindigd.")
        if not periode.begin <= laatste_dag <= periode.einde:
            raise InvoerFout("laatste_dag", f"De laatste dag ligt in de zittingsperiode ({formaat.datum(periode.begin)} "
                                            f"tot en met {formaat.datum(periode.einde)}).")
        periode.beeindigd_op, periode.aftreden, periode.aftreden_toelichting = laatste_dag, aftreden, toelichting
        periode.save(update_fields=["beeindigd_op", "aftreden", "aftreden_toelichting"])
    return periode


def zittend(vandaag: dt.date | None = None) -> list[Zittingsperiode]:
    """The terms of office running on `vandaag` (one per sitting member), without memberships that ended (3:5)."""
    vandaag = vandaag or timezone.localdate()
    return list(Zittingsperiode.objects.filter(begin__lte=vandaag, einde__gte=vandaag)
                .filter(Q(beeindigd_op__isnull=True) | Q(beeindigd_op__gte=vandaag)).select_related("lid")
                .order_by("lid__functie", "lid__naam"))


def advies_van(aanvraag: Adviesaanvraag) -> Advies | None:
    """The advice on a request: the one loaded with it (select_related), else from the database (an instance made
    before the advice was recorded remembers "no advice")."""
    geladen = aanvraag._state.fields_cache.get("advies")
    return geladen if geladen is not None else Advies.objects.filter(aanvraag_id=aanvraag.pk).first()


def status_tekst(aanvraag: Adviesaanvraag, vandaag: dt.date | None = None) -> str:
    """Where a request stands, as a person reads it."""
    vandaag = vandaag or timezone.localdate()
    tm = termijn(aanvraag, vandaag)
    advies = advies_van(aanvraag)
    if advies is None:
        if tm.verstreken:
            return f"Termijn verstreken op {formaat.datum(tm.einde)}; nog geen advies"
        return f"Wacht op advies (uiterlijk {formaat.datum(tm.einde)})"
    op_tijd = "op tijd" if t.op_tijd(tm, advies.uitgebracht_op) else "na de termijn"
    open_punten = sum(1 for p in advies.punten.all() if not p.reactie)
    raad = raadsverstrekkingen(advies)
    naar_raad = (f"; aan de gemeenteraad verstrekt op {formaat.datum(raad[Raadsstuk.ADVIES].verstrekt_op)}"
                 if Raadsstuk.ADVIES in raad else "")
    if open_punten:
        return f"Advies uitgebracht op {formaat.datum(advies.uitgebracht_op)} ({op_tijd}){naar_raad}; " \
               f"{open_punten} punt(en) nog te beantwoorden"
    antwoord_raad = (f" (antwoord aan de gemeenteraad verstrekt op "
                     f"{formaat.datum(raad[Raadsstuk.ANTWOORD].verstrekt_op)})" if Raadsstuk.ANTWOORD in raad else "")
    return f"Advies uitgebracht op {formaat.datum(advies.uitgebracht_op)} ({op_tijd}){naar_raad}; beantwoord" \
           f"{antwoord_raad}"


__all__ = ["TermijnFout", "benoem", "beantwoord", "corrigeer_antwoord", "leg_advies_vast", "verleen_uitstel", "vraag_advies", "zittend"]
