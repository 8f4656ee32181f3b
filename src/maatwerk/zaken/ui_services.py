"""Small read-only helpers for the consulent's web UI. They only CALL the services of the case system
(procedure, termijnen, beoordeling, vierogen, beleid) and shape their answers for a page; no business rule
is decided here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from maatwerk.termijnen import Termijn, TermijnFout
from maatwerk.toegang import beleid
from maatwerk.toegang.rollen import KWALITEITSMEDEWERKER, domeinen, heeft_rol
from django.db.models import Q

from maatwerk.zaken import beoordeling, procedure, termijnen, vierogen
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import EINDSTATUSSEN, Status, Zaak
from maatwerk.zaken.regelingen import regelingen_van_domein


@dataclass
class Termijnen:
    """The terms of a zaak as `maatwerk.zaken.termijnen` computes them, or the reason it could not."""

    lijst: list[Termijn]
    fout: str | None = None

    @property
    def lopend(self) -> Termijn | None:
        """The term of the current phase: the last one the case system lists (the beslistermijn once an
        aanvraag is in, before that the onderzoekstermijn)."""
        return self.lijst[-1] if self.lijst else None


def termijnen_van(zaak: Zaak, vandaag: dt.date) -> Termijnen:
    if zaak.status in EINDSTATUSSEN:
        return Termijnen([])
    try:
        return Termijnen(termijnen.termijnen_van_zaak(zaak, vandaag))
    except TermijnFout as fout:
        return Termijnen([], str(fout))


@dataclass
class Werkregel:
    zaak: Zaak
    termijnen: Termijnen

    @property
    def termijn(self) -> Termijn | None:
        return self.termijnen.lopend

    @property
    def verstreken(self) -> bool:
        return bool(self.termijn and self.termijn.verstreken)

    def sorteersleutel(self):
        # Overdue first (most overdue first), then the fewest days left, then zaken without a running term.
        t = self.termijn
        return (0, t.dagen_resterend, self.zaak.pk) if t else (1, 0, self.zaak.pk)


@dataclass
class VierOgenRegel(Werkregel):
    """A line of the kwaliteitsmedewerker's review list: the zaak with what needs his judgement (`vierogen.te_beoordelen`)."""

    item: vierogen.TeBeoordelen | None = None


def _vier_ogen_lijsten(gebruiker, zichtbaar, vandaag: dt.date) -> tuple[list[VierOgenRegel], list[VierOgenRegel]]:
    """Also a decided zaak: a concept herziening of its besluit may need the second person."""
    from maatwerk.besluiten.models import Status as BesluitStatus

    kandidaten = zichtbaar.filter(Q(status=Status.KLAAR_VOOR_BESLUIT) | Q(besluiten__status=BesluitStatus.CONCEPT)).distinct()
    nodig, wacht = vierogen.te_beoordelen(gebruiker, kandidaten)

    def regels(items) -> list[VierOgenRegel]:
        uit = [VierOgenRegel(i.zaak, termijnen_van(i.zaak, vandaag), i) for i in items]
        return sorted(uit, key=Werkregel.sorteersleutel)

    return regels(nodig), regels(wacht)


def werkvoorraad(gebruiker, vandaag: dt.date) -> dict:
    """What `gebruiker` works on, each list sorted overdue first:
    - eigen: the open zaken of the consulent's own domains;
    - vier_ogen: for the kwaliteitsmedewerker, only what needs his judgement now: a proposal or concept besluit
      that the mandate table sends to a second person, without a valid approval, not his own work (never a zaak
      within the preparer's mandate, nor one already approved; one approved and then changed returns);
    - vier_ogen_afgekeurd: concept besluiten he or a colleague judged "niet akkoord", waiting for the consulent;
    - andere: other open zaken the user may see through a recorded ground (consent, legal ground)."""
    eigen_regelingen = [r for d in domeinen(gebruiker) for r in regelingen_van_domein(d)]
    zichtbaar = beleid.zichtbare_zaken(gebruiker).select_related("hoofdpersoon", "huishouden", "behandelaar")
    open_ = zichtbaar.exclude(status__in=EINDSTATUSSEN)

    def regels(qs) -> list[Werkregel]:
        uit = [Werkregel(z, termijnen_van(z, vandaag)) for z in qs]
        return sorted(uit, key=Werkregel.sorteersleutel)

    eigen = regels(open_.filter(regeling__in=eigen_regelingen))
    vier_ogen, afgekeurd = _vier_ogen_lijsten(gebruiker, zichtbaar, vandaag) if heeft_rol(gebruiker, KWALITEITSMEDEWERKER) else ([], [])
    al_getoond = {w.zaak.pk for w in eigen + vier_ogen + afgekeurd}
    andere = [] if heeft_rol(gebruiker, KWALITEITSMEDEWERKER) else regels(open_.exclude(pk__in=al_getoond))
    afgerond = list(zichtbaar.filter(status__in=EINDSTATUSSEN, regeling__in=eigen_regelingen).order_by("-gewijzigd_op")[:20])
    return {
        "eigen": eigen,
        "verstreken": [w for w in eigen + vier_ogen if w.verstreken],
        "vier_ogen": vier_ogen,
        "vier_ogen_afgekeurd": afgekeurd,
        "andere": andere,
        "afgerond": afgerond,
    }


def klaar_voor_besluit_melding(zaak: Zaak) -> str | None:
    """The service's Dutch message why the zaak cannot go to klaar_voor_besluit yet; None when it can."""
    if zaak.status != Status.BEOORDELING:
        return None
    try:
        beoordeling.controleer_compleet(zaak)
    except ProcedureFout as fout:
        return str(fout)
    return None


def mogelijke_stappen(zaak: Zaak) -> list[procedure.Overgang]:
    """The buttons of the zaak page: the steps a person takes directly (not besluit / buiten behandeling)."""
    return procedure.mogelijke_overgangen(zaak)


@dataclass
class Besluitstap:
    """A step the zaak takes only through a besluit (Besluiten en brieven), with the procedure's own words."""

    overgang: procedure.Overgang
    titel: str
    uitleg: str


_TITEL = {Status.BESLUIT: "Besluit nemen", Status.BUITEN_BEHANDELING: "Aanvraag buiten behandeling stellen"}


def besluitstappen(zaak: Zaak) -> list[Besluitstap]:
    """The call to action "Besluit opstellen": klaar voor besluit (the besluit itself) and, while the aanvraag is
    handled, buiten behandeling stellen (Awb 4:5)."""
    return [Besluitstap(o, _TITEL.get(o.naar, o.actie), procedure.besluit_vereist_melding(o.naar))
            for o in procedure.via_besluit(zaak)]
