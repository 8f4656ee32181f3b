"""Regie across laws (issue 12, point 7; seed 004 "één gezin, één plan, één regisseur", cases 2, 12 and 14).

What the regisseur sees of each domain's zaak is what the plan needs: the regeling, its status, the dates of its
status steps and its deadlines, next to the agreed goals (`overzicht`). Never findings, calculations or documents:
for those the regisseur of another domain needs the zaak itself, which the access policy opens only with a recorded
consent or legal ground (`toegang.beleid.grond_zaak`, AVG art. 5 lid 1 onder b). Ground for the plan's own view:
the household's consent to coordinated support, recorded with its date and document (AVG art. 6 lid 1 onder a).

The stall detector (`signalen`) flags, per plan: a zaak without a status step for `stilstand_dagen` days, a
deadline passed, more than `max_doorverwijzingen` referrals between domains ("ping-pong"). `signaleer` escalates a
flagged plan to its named person with authority (one escalation per plan per day), with the history kept.
Every view, change and refusal writes an audit line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from maatwerk import formaat
from maatwerk.regels.invoer import InvoerFout
from maatwerk.regie.models import DOMEIN_KEUZES, Doorverwijzing, Escalatie, Huishoudplan
from maatwerk.termijnen.gegevens import TermijnFout
from maatwerk.toegang import audit
from maatwerk.toegang.beleid import CHANGE, CREATE, VIEW, GeenToegang, Grond, NietGevonden, vereis_zaak, zichtbare_zaken
from maatwerk.toegang.models import SoortGrond
from maatwerk.toegang.rollen import domeinen
from maatwerk.zaken.models import Zaak
from maatwerk.zaken.regelingen import DOMEINEN
from maatwerk.zaken.termijnen import termijnen_van_zaak

BRON_STILSTAND = "Lokaal beleid regie (Transitiecommissie Sociaal Domein 2015: escaleren als een casus vastloopt)"
BRON_PINGPONG = "Lokaal beleid regie (seed 000: geen ping-pong tussen de domeinen; seed 004, casus 2, 12 en 14)"


@dataclass(frozen=True)
class Signaal:
    soort: str  # "stilstand", "termijn", "pingpong"
    tekst: str
    bron: str


def _grond_plan(user, plan: Huishoudplan, actie: str, toelichting: str) -> None:
    """The plan is seen by its regisseur and by the person it escalates to; nobody else (purpose-bound: the
    household consented to coordination by these two, AVG art. 6 lid 1 onder a). This is access of a named
    person, not of a role, so it is not a row of the rights table (`toegang.rechten`); see docs/adviesraad.md.

    A refusal is audited. Who may see a zaak of the household may know that the plan exists (the page of that
    zaak offers it, and `nieuw` names its regisseur): 403 with the reason. Anyone else gets 404 exactly like a
    missing id, so a guessed id reveals nothing (issue 7: "a forbidden and a missing object answer the same")."""
    toegestaan = mag_zien(user, plan)
    grond = (Grond(True, SoortGrond.ROL, f"regie: toestemming gezin {plan.toestemming_kenmerk}") if toegestaan else
             Grond(False, SoortGrond.GEEN, "U bent niet de regisseur van dit huishoudplan en niet degene naar wie "
                                           "het escaleert."))
    audit.log(user, actie, grond, onderwerp="huishoudplan", toelichting=toelichting)
    if not toegestaan:
        if not zichtbare_zaken(user).filter(huishouden_id=plan.huishouden_id).exists():
            raise NietGevonden()
        raise GeenToegang(grond.omschrijving)


def mag_zien(user, plan: Huishoudplan) -> bool:
    return user.pk in (plan.regisseur_id, plan.escalatie_naar_id)


def zichtbare_plannen(user, toelichting: str = "lijst huishoudplannen"):
    """The plans of which `user` is regisseur or escalation person (the list of the page and the API), with one
    audit line naming them (also an empty list: the look itself is recorded)."""
    plannen = (Huishoudplan.objects.filter(Q(regisseur=user) | Q(escalatie_naar=user))
               .select_related("huishouden", "regisseur", "escalatie_naar").order_by("id"))
    ids = list(plannen.values_list("id", flat=True)[:200])
    audit.log(user, VIEW, Grond(True, SoortGrond.ROL, "regie: regisseur of escalatiepersoon"),
              onderwerp="huishoudplannen", toelichting=f"{toelichting}: {ids}"[:300])
    return plannen


def zichtbare_escalaties(user, plan: Huishoudplan | None = None):
    """The escalations of the plans `user` may see (of one plan: checked and audited as the plan itself)."""
    if plan is not None:
        _grond_plan(user, plan, VIEW, f"escalaties plan {plan.pk}")
        return plan.escalaties.select_related("naar").order_by("-datum", "-id")
    plannen = zichtbare_plannen(user, "escalaties van de huishoudplannen")
    return Escalatie.objects.filter(plan__in=plannen).select_related("naar").order_by("-datum", "-id")


def vereis_plan_maken(user, zaak: Zaak) -> None:
    """Making a plan starts from a zaak the user may see (audited, 404 when it is invisible to him), and only a
    consulent makes one; `maak_plan` checks that he works a zaak of the household in his own domain."""
    vereis_zaak(user, zaak, VIEW, onderwerp="huishoudplan", toelichting="huishoudplan maken")
    if not domeinen(user):
        grond = Grond(False, SoortGrond.GEEN, "Alleen een consulent maakt een huishoudplan.")
        audit.log(user, CREATE, grond, zaak=zaak, onderwerp="huishoudplan", toelichting=f"zaak {zaak.pk}")
        raise GeenToegang(grond.omschrijving)


def maak_plan_vanuit_zaak(user, zaak: Zaak, **gegevens) -> Huishoudplan:
    """The plan of the household of `zaak` (the page "Huishoudplan (regie)" of a zaak and the API)."""
    vereis_plan_maken(user, zaak)
    return maak_plan(user, huishouden=zaak.huishouden, **gegevens)


def _zaken(plan: Huishoudplan):
    return Zaak.objects.filter(huishouden_id=plan.huishouden_id).prefetch_related("overgangen").order_by("id")


def maak_plan(user, *, huishouden, regisseur, escalatie_naar, escalatie_functie, doelen, toestemming_op,
              toestemming_kenmerk, stilstand_dagen=28, max_doorverwijzingen=2) -> Huishoudplan:
    """A consulent of a domain in which the household has a zaak makes the plan; the regisseur is a consulent."""
    eigen = domeinen(user)
    if not eigen or not Zaak.objects.filter(huishouden=huishouden, regeling__in=_regelingen_van(eigen)).exists():
        grond = Grond(False, SoortGrond.GEEN, "Alleen een consulent met een zaak van dit huishouden in zijn domein "
                                              "maakt een huishoudplan.")
        audit.log(user, CREATE, grond, onderwerp="huishoudplan", toelichting=f"huishouden {huishouden.pk}")
        raise GeenToegang(grond.omschrijving)
    if not domeinen(regisseur):
        raise InvoerFout("regisseur", "De regisseur is een consulent van een van de domeinen.")
    if escalatie_naar.pk == regisseur.pk:
        raise InvoerFout("escalatie_naar", "Escalatie gaat naar een ander dan de regisseur: iemand met doorzettingsmacht.")
    for veld, waarde, naam in (("doelen", doelen, "de afgesproken doelen"),
                               ("toestemming_kenmerk", toestemming_kenmerk, "het kenmerk van de toestemming"),
                               ("escalatie_functie", escalatie_functie, "de functie van wie escalaties ontvangt")):
        if not isinstance(waarde, str) or not waarde.strip():
            raise InvoerFout(veld, f"Vul {naam} in.")
    if toestemming_op > timezone.localdate():
        raise InvoerFout("toestemming_op", "De datum van de toestemming ligt in de toekomst.")
    if not (1 <= int(stilstand_dagen) <= 365):
        raise InvoerFout("stilstand_dagen", "Stilstand na 1 tot 365 dagen zonder stap.")
    if Huishoudplan.objects.filter(huishouden=huishouden).exists():
        raise InvoerFout("huishouden", "Dit huishouden heeft al een plan: één gezin, één plan.")
    plan = Huishoudplan.objects.create(
        huishouden=huishouden, regisseur=regisseur, escalatie_naar=escalatie_naar,
        escalatie_functie=escalatie_functie.strip(), doelen=doelen.strip(), toestemming_op=toestemming_op,
        toestemming_kenmerk=toestemming_kenmerk.strip(), stilstand_dagen=stilstand_dagen,
        max_doorverwijzingen=max_doorverwijzingen, aangemaakt_door=user)
    audit.log(user, CREATE, Grond(True, SoortGrond.ROL, "regie: consulent van het huishouden"),
              onderwerp="huishoudplan", toelichting=f"plan {plan.pk}")
    return plan


def _regelingen_van(eigen) -> list[str]:
    from maatwerk.zaken.regelingen import REGELINGEN

    return [code for code, r in REGELINGEN.items() if r.domein in eigen]


def verwijs_door(user, plan: Huishoudplan, *, van_domein, naar_domein, datum, reden) -> Doorverwijzing:
    _grond_plan(user, plan, CHANGE, f"doorverwijzing plan {plan.pk}")
    geldig = dict(DOMEIN_KEUZES)
    if van_domein not in geldig:
        raise InvoerFout("van_domein", "Kies het domein waar het gezin vandaan komt.")
    if naar_domein not in geldig or naar_domein == van_domein:
        raise InvoerFout("naar_domein", "Kies een ander domein dan waar het gezin vandaan komt.")
    if not isinstance(reden, str) or not reden.strip():
        raise InvoerFout("reden", "Geef de reden van de doorverwijzing.")
    return Doorverwijzing.objects.create(plan=plan, van_domein=van_domein, naar_domein=naar_domein, datum=datum,
                                         reden=reden.strip(), door=user)


def _laatste_stap(zaak: Zaak) -> dt.date:
    overgangen = list(zaak.overgangen.all())
    return max([o.datum for o in overgangen] + [zaak.ontvangen_op])


def signalen(plan: Huishoudplan, vandaag: dt.date) -> list[Signaal]:
    uit = []
    for zaak in _zaken(plan):
        label = f"{zaak.definitie.naam} ({DOMEINEN[zaak.domein]})"
        if zaak.is_afgerond:
            continue
        stap = _laatste_stap(zaak)
        if (vandaag - stap).days > plan.stilstand_dagen:
            uit.append(Signaal("stilstand", f"{label}: geen stap sinds {formaat.datum(stap)} ({(vandaag - stap).days} "
                                            f"dagen; grens {plan.stilstand_dagen} dagen)", BRON_STILSTAND))
        try:
            termijnen = termijnen_van_zaak(zaak, vandaag)
        except TermijnFout as fout:
            uit.append(Signaal("termijn", f"{label}: termijn niet te berekenen: {fout}", "Termijnen"))
            continue
        for t in termijnen:
            if t.verstreken:
                uit.append(Signaal("termijn", f"{label}: {t.naam} verstreken op {formaat.datum(t.einde)}",
                                   f"{t.bron} ({t.soort})"))
    aantal = plan.doorverwijzingen.count()
    if aantal > plan.max_doorverwijzingen:
        uit.append(Signaal("pingpong", f"Het gezin is {aantal} keer tussen domeinen doorverwezen (grens "
                                       f"{plan.max_doorverwijzingen})", BRON_PINGPONG))
    return uit


def signaleer(vandaag: dt.date | None = None) -> list[Escalatie]:
    """Escalate every plan with signals to its named person (at most once per plan per day)."""
    vandaag = vandaag or timezone.localdate()
    nieuw = []
    for plan in Huishoudplan.objects.select_related("escalatie_naar").order_by("id"):
        gevonden = signalen(plan, vandaag)
        if not gevonden:
            continue
        with transaction.atomic():
            esc, aangemaakt = Escalatie.objects.get_or_create(
                plan=plan, datum=vandaag,
                defaults={"naar": plan.escalatie_naar, "signalen": [asdict(s) for s in gevonden]})
        if aangemaakt:
            nieuw.append(esc)
    return nieuw


def overzicht(user, plan: Huishoudplan, vandaag: dt.date | None = None) -> dict:
    """What the plan shows: the goals, and per zaak only its regeling, status, step dates and deadlines; the
    signals and the escalation history. No findings, amounts or documents (see the module docstring)."""
    _grond_plan(user, plan, VIEW, f"plan {plan.pk}")
    vandaag = vandaag or timezone.localdate()
    zaken = []
    for zaak in _zaken(plan):
        try:
            termijnen = [{"naam": t.naam, "einde": t.einde, "verstreken": t.verstreken}
                         for t in termijnen_van_zaak(zaak, vandaag)]
        except TermijnFout:
            termijnen = []
        zaken.append({"regeling": zaak.definitie.naam, "domein": DOMEINEN[zaak.domein],
                      "status": zaak.get_status_display(),
                      "stappen": [{"datum": o.datum, "naar": o.get_naar_display()} for o in zaak.overgangen.all()],
                      "termijnen": termijnen})
    return {"doelen": plan.doelen, "regisseur": plan.regisseur.get_full_name() or plan.regisseur.username,
            "escalatie": f"{plan.escalatie_naar.get_full_name() or plan.escalatie_naar.username} "
                         f"({plan.escalatie_functie})",
            "zaken": zaken, "signalen": [asdict(s) for s in signalen(plan, vandaag)],
            "doorverwijzingen": [{"datum": d.datum, "van": DOMEINEN[d.van_domein], "naar": DOMEINEN[d.naar_domein],
                                  "reden": d.reden} for d in plan.doorverwijzingen.all()],
            "escalaties": [{"datum": e.datum, "signalen": e.signalen} for e in plan.escalaties.all()]}
