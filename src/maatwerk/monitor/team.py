"""The teamleider's operational monitor (`/monitor/team/`, issue 12 point 5): how the work of the team sociaal
domein is spread and where terms are passing.

Unlike the beleidsmedewerker's monitor (`cijfers.py`, pseudonymised aggregates), this page names the consulenten:
the teamleider manages them, divides the work and answers for the terms (Awb 4:13, Wmo 2015 art. 2.3.5 lid 1),
and he cannot do that with "consulent A". That is the purpose (AVG art. 5 lid 1 onder b) and the reason the names
of employees are processed here (AVG art. 6 lid 1 onder e; art. 88 / UAVG for employee data); see
docs/monitor.md. It shows no inwoner: per overdue zaak only its number, regeling, term and last day, never the
hoofdpersoon, findings, besluit or documents (AVG art. 5 lid 1 onder c). The rights table gives the teamleider
no right to open a zaak.

The terms come from the case system (`zaken.termijnen.termijnen_van_zaak`), the four-eyes queue from the access
policy (`beleid.zaken_voor_tweede_beoordeling`): nothing is computed here that the case system does not decide.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from maatwerk.termijnen import TermijnFout
from maatwerk.toegang import beleid
from maatwerk.zaken import termijnen
from maatwerk.zaken.models import EINDSTATUSSEN, Zaak
from maatwerk.zaken.regelingen import DOMEINEN, REGELINGEN

NIET_TOEGEWEZEN = "nog niet toegewezen"


@dataclass
class TeLaat:
    """An overdue zaak as the teamleider sees it: number, regeling and the term that passed; nothing about the
    inwoner or the contents."""

    zaak: int
    regeling: str
    termijn: str
    einde: dt.date
    bron: str


@dataclass
class Consulent:
    naam: str
    open_zaken: int = 0
    te_laat: list[TeLaat] = field(default_factory=list)
    niet_te_berekenen: int = 0  # a term the termijnen module refuses (shown as a count, never guessed)


@dataclass
class Team:
    domein: str
    naam: str
    consulenten: list[Consulent]
    vier_ogen_wachtrij: int

    @property
    def open_zaken(self) -> int:
        return sum(c.open_zaken for c in self.consulenten)

    @property
    def te_laat(self) -> int:
        return sum(len(c.te_laat) for c in self.consulenten)


def _naam(user) -> str:
    if user is None:
        return NIET_TOEGEWEZEN
    return user.get_full_name() or user.username


def _te_laat(zaak: Zaak, vandaag: dt.date) -> tuple[TeLaat | None, bool]:
    """The term of the current phase if it has passed, and whether it could be computed. The current phase's term
    is the last one the case system lists (the beslistermijn once an aanvraag is in, before that the Wmo
    onderzoekstermijn), as on the consulent's werkvoorraad (`zaken.ui_services.Termijnen.lopend`)."""
    try:
        lijst = termijnen.termijnen_van_zaak(zaak, vandaag)
    except TermijnFout:
        return None, False
    if not lijst or not lijst[-1].verstreken:
        return None, True
    t = lijst[-1]
    return TeLaat(zaak.pk, zaak.definitie.naam, t.naam, t.einde, t.bron), True


def teams(vandaag: dt.date) -> list[Team]:
    """Per team (the domain of the zaak): the open zaken per behandelaar by name, his overdue zaken (oldest term
    first), and the number of zaken waiting for a second person now."""
    per_team: dict[str, dict[int | None, Consulent]] = defaultdict(dict)
    open_ = (Zaak.objects.exclude(status__in=EINDSTATUSSEN).filter(ontvangen_op__lte=vandaag)
             .select_related("behandelaar").order_by("id"))
    for zaak in open_:
        team = per_team[zaak.domein]
        sleutel = zaak.behandelaar_id
        if sleutel not in team:
            team[sleutel] = Consulent(_naam(zaak.behandelaar))
        c = team[sleutel]
        c.open_zaken += 1
        te_laat, berekend = _te_laat(zaak, vandaag)
        if te_laat:
            c.te_laat.append(te_laat)
        c.niet_te_berekenen += not berekend
    wachtrij: dict[str, int] = defaultdict(int)
    for regeling in Zaak.objects.filter(pk__in=beleid.zaken_voor_tweede_beoordeling()).values_list("regeling", flat=True):
        wachtrij[REGELINGEN[regeling].domein] += 1
    uit = []
    for domein, naam in DOMEINEN.items():
        consulenten = sorted(per_team[domein].values(), key=lambda c: (c.naam == NIET_TOEGEWEZEN, c.naam.lower()))
        for c in consulenten:
            c.te_laat.sort(key=lambda t: (t.einde, t.zaak))
        uit.append(Team(domein, naam, consulenten, wachtrij[domein]))
    return uit
