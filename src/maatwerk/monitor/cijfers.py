"""The monitor's figures per regeling and period (issue 12, point 5; seed 000 and 003 ask for monitoring of
how residents experience the approach and of consulent workload; ordinance art. 8:2 asks for a half-yearly
report on the effectiveness and effects of the ordinance in practice).

Only counts, shares and durations leave this module: every query selects dates, codes and counts, never a
name, BSN, address or zaak id. Two protections on top of that:

- **Small cells.** A count from 1 to 4 is shown as "< 5", and a median or p90 over fewer than 5 zaken is
  not shown. Why: AVG art. 5 lid 1 onder c (minimale gegevensverwerking) and art. 89 (statistics with
  safeguards): in a municipality of this size a cell of 1 to 4 (e.g. "2 bezwaren gegrond tegen Jeugd in
  maart") can point to a person a reader knows. 0 identifies no one and is shown as 0. The threshold is
  the usual CBS-practice for published tables; it is local policy, so it is a named constant here.
- **Consulenten are pseudonymised** in the caseload figure: "Wmo, consulent A". The monitor is for the
  beleidsmedewerker, whose role gives no access to personal data (rights table), and a consulent's name
  next to his workload is personal data of that employee (AVG art. 4 lid 1). The letters are given in
  order of caseload (not of account), so they cannot be linked to an account from the order.

Durations are in calendar days. Median: `statistics.median` (the mean of the two middle values for an
even number). p90: the nearest-rank method (the smallest value with at least 90 % of the values at or
below it), so it is always a duration that occurred.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from django.db.models import Count, Exists, OuterRef, Q, Sum

from maatwerk.besluiten.models import Besluit, Bezwaarschrift
from maatwerk.besluiten.models import Status as BesluitStatus
from maatwerk.besluiten.models import Uitkomst as BezwaarUitkomst
from maatwerk.loket.models import ZelftestTelling, ZelftestUitkomst
from maatwerk.monitor.periode import Periode
from maatwerk.termijnen import TermijnFout
from maatwerk.zaken.models import EINDSTATUSSEN, Goedkeuring, Zaak
from maatwerk.zaken.regelingen import REGELINGEN
from maatwerk.zaken.termijnen import beslistermijn

# Local policy, not law: the smallest count that is shown as a number (see the module docstring).
KLEINSTE_CEL = 5
KLEINE_CEL = f"< {KLEINSTE_CEL}"
BRON_KLEINE_CEL = ("AVG art. 5 lid 1 onder c en art. 89; gemeentelijk beleid: aantallen van 1 tot en met 4 "
                   "worden niet getoond (herleidbaarheid tot personen)")


def cel(aantal: int) -> int | str:
    """A count as it may be shown: 0 and 5 or more as the number, 1 to 4 as "< 5"."""
    return KLEINE_CEL if 0 < aantal < KLEINSTE_CEL else aantal


def mediaan(waarden: list[int]) -> float | None:
    return statistics.median(waarden) if len(waarden) >= KLEINSTE_CEL else None


def p90(waarden: list[int]) -> int | None:
    """Nearest rank: the ceil(0.9 n)-th smallest value."""
    if len(waarden) < KLEINSTE_CEL:
        return None
    geordend = sorted(waarden)
    return geordend[math.ceil(0.9 * len(geordend)) - 1]


def aandeel(deel: int, geheel: int) -> str | None:
    """A percentage, not shown when the whole or the part is a small cell (it would give the count away)."""
    if geheel < KLEINSTE_CEL or 0 < deel < KLEINSTE_CEL or 0 < geheel - deel < KLEINSTE_CEL:
        return None
    return f"{round(100 * deel / geheel)} %"


def _regelingen(regeling: str | None) -> list[str]:
    return [regeling] if regeling else list(REGELINGEN)


# ------------------------------------------------------------------ doorlooptijd and overdue


@dataclass
class Doorlooptijd:
    regeling: str
    naam: str
    termijn: str  # e.g. "8 weken" with its source
    termijn_dagen: int
    bron: str
    soort: str  # "wet" or "verordening"
    besluiten: int | str
    mediaan_dagen: float | None
    p90_dagen: int | None
    te_laat: int | str  # decided after the end of the term
    te_laat_nu: int | str  # open, term passed on the peildatum
    niet_te_berekenen: int | str = 0  # a term the termijnen module refuses (e.g. year without gelijkstelling)


def _termijn_tekst(wet: str) -> tuple[str, int, str, str]:
    """The legal term of a regeling's beslistermijn in words, with source and kind (from maatwerk.termijnen)."""
    voorbeeld = beslistermijn(wet, dt.date(2026, 1, 5))  # a Monday without holidays: the plain length
    dagen = (voorbeeld.einde - voorbeeld.gebeurtenis).days
    woorden = f"{dagen // 7} weken" if dagen % 7 == 0 else f"{dagen} dagen"
    return woorden, dagen, voorbeeld.bron, voorbeeld.soort


def doorlooptijden(periode: Periode, *, regeling: str | None = None, peildatum: dt.date | None = None) -> list[Doorlooptijd]:
    """Per regeling: zaken decided in the period (besluitdatum in it), days from aanvraag to besluit against the
    beslistermijn (Wmo 2015 art. 2.3.5 lid 1; Awb 4:13), and the zaken open on `peildatum` (default: the
    period's last day) whose term has passed. The term's last day itself is not late (it ends at midnight)."""
    peildatum = peildatum or periode.tot
    uit = []
    for code in _regelingen(regeling):
        definitie = REGELINGEN[code]
        woorden, termijn_dagen, bron, soort = _termijn_tekst(definitie.wet)
        beslist = Zaak.objects.filter(regeling=code, besluitdatum__range=(periode.van, periode.tot),
                                      aanvraagdatum__isnull=False).values_list("aanvraagdatum", "besluitdatum")
        dagen, te_laat, fout = [], 0, 0
        for aanvraag, besluit in beslist:
            dagen.append((besluit - aanvraag).days)
            try:
                te_laat += besluit > beslistermijn(definitie.wet, aanvraag).einde
            except TermijnFout:
                fout += 1
        open_ = Zaak.objects.filter(regeling=code, aanvraagdatum__isnull=False, aanvraagdatum__lte=peildatum).filter(
            ~Q(status__in=EINDSTATUSSEN) | Q(besluitdatum__gt=peildatum)).values_list("aanvraagdatum", flat=True)
        te_laat_nu = 0
        for aanvraag in open_:
            try:
                te_laat_nu += beslistermijn(definitie.wet, aanvraag, peildatum).verstreken
            except TermijnFout:
                fout += 1
        uit.append(Doorlooptijd(code, definitie.naam, woorden, termijn_dagen, bron, soort, cel(len(dagen)), mediaan(dagen),
                                p90(dagen), cel(te_laat), cel(te_laat_nu), cel(fout)))
    return uit


# ------------------------------------------------------------------ caseload


@dataclass
class Caseload:
    team: str
    consulent: str  # pseudonym, e.g. "consulent A"
    open_zaken: int | str


def caseload(peildatum: dt.date, *, regeling: str | None = None) -> list[Caseload]:
    """Open zaken per behandelaar on `peildatum`, per team (the domain of the zaak), pseudonymised (see the
    module docstring). A zaak without behandelaar counts as "nog niet toegewezen"."""
    zaken = Zaak.objects.filter(ontvangen_op__lte=peildatum).filter(
        ~Q(status__in=EINDSTATUSSEN) | Q(besluitdatum__gt=peildatum))
    if regeling:
        zaken = zaken.filter(regeling=regeling)
    per_team: dict[str, Counter] = defaultdict(Counter)
    for code, behandelaar, aantal in zaken.values_list("regeling", "behandelaar").annotate(n=Count("id")):
        per_team[REGELINGEN[code].domein][behandelaar] += aantal
    uit = []
    for team in sorted(per_team):
        rang = sorted(per_team[team].items(), key=lambda kv: (kv[0] is None, -kv[1]))
        letter = 0
        for behandelaar, aantal in rang:
            if behandelaar is None:
                naam = "nog niet toegewezen"
            else:
                naam = f"consulent {chr(ord('A') + letter % 26)}{'' if letter < 26 else letter // 26}"
                letter += 1
            uit.append(Caseload(_TEAMS.get(team, team), naam, cel(aantal)))
    return uit


_TEAMS = {"wmo": "Wmo", "jeugd": "Jeugd", "inkomen": "Inkomen"}


# ------------------------------------------------------------------ bezwaren


@dataclass
class Bezwaren:
    regeling: str
    naam: str
    ontvangen: int | str
    uitkomsten: dict[str, int | str] = field(default_factory=dict)  # label -> count, for those decided in the period
    mediaan_dagen: float | None = None  # ontvangen_op -> beslist_op
    te_laat: int | str = 0  # decided after the Awb 7:10 beslistermijn


def bezwaren(periode: Periode, *, regeling: str | None = None) -> list[Bezwaren]:
    """Bezwaren received in the period, and those decided in it with outcome and time to decision (Awb 7:10)."""
    uit = []
    for code in _regelingen(regeling):
        alle = Bezwaarschrift.objects.filter(besluit__zaak__regeling=code)
        ontvangen = alle.filter(ontvangen_op__range=(periode.van, periode.tot)).count()
        beslist = alle.filter(beslist_op__range=(periode.van, periode.tot)).exclude(uitkomst="")
        tellingen = dict(beslist.values_list("uitkomst").annotate(n=Count("id")))
        dagen, te_laat = [], 0
        for ontv, op, einde in beslist.values_list("ontvangen_op", "beslist_op", "beslistermijn_einde"):
            dagen.append((op - ontv).days)
            te_laat += op > einde
        uitkomsten = {label: cel(tellingen.get(waarde, 0)) for waarde, label in BezwaarUitkomst.choices}
        uit.append(Bezwaren(code, REGELINGEN[code].naam, cel(ontvangen), uitkomsten, mediaan(dagen), cel(te_laat)))
    return uit


# ------------------------------------------------------------------ four eyes


@dataclass
class VierOgen:
    regeling: str
    naam: str
    besluiten: int | str
    met_vier_ogen: int | str
    aandeel: str | None


def vier_ogen(periode: Periode, *, regeling: str | None = None) -> list[VierOgen]:
    """Besluiten bekendgemaakt in the period, and how many of them a second person approved (zaken/vierogen.py:
    an approving `Goedkeuring` on the besluit or on the zaak's proposal)."""
    goedgekeurd = Goedkeuring.objects.filter(Q(besluit=OuterRef("pk")) | Q(besluit__isnull=True, zaak=OuterRef("zaak")),
                                             akkoord=True)
    uit = []
    for code in _regelingen(regeling):
        besluiten = Besluit.objects.filter(zaak__regeling=code, status=BesluitStatus.BEKENDGEMAAKT,
                                           bekendgemaakt_op__range=(periode.van, periode.tot))
        totaal = besluiten.count()
        met = besluiten.filter(Exists(goedgekeurd)).count()
        uit.append(VierOgen(code, REGELINGEN[code].naam, cel(totaal), cel(met), aandeel(met, totaal)))
    return uit


# ------------------------------------------------------------------ anonymous self-check


@dataclass
class Zelftest:
    regeling: str
    naam: str
    uitkomsten: dict[str, int | str]


def zelftesten(periode: Periode, *, regeling: str | None = None) -> list[Zelftest]:
    """The anonymous self-check counts (`loket.ZelftestTelling`: no time, no answers, no session) per outcome."""
    rijen = ZelftestTelling.objects.filter(datum__range=(periode.van, periode.tot))
    if regeling:
        rijen = rijen.filter(regeling=regeling)
    som: dict[str, dict[str, int]] = defaultdict(dict)
    for code, uitkomst, aantal in rijen.values_list("regeling", "uitkomst").annotate(n=Sum("aantal")):
        som[code][uitkomst] = aantal
    return [Zelftest(code, REGELINGEN[code].naam if code in REGELINGEN else code,
                     {label: cel(som[code].get(waarde, 0)) for waarde, label in ZelftestUitkomst.choices})
            for code in sorted(som)]


# ------------------------------------------------------------------ client experience


@dataclass
class Ervaringen:
    regeling: str
    naam: str
    antwoorden: int | str
    gemiddeld: dict[str, str | None]  # question -> mean score "3,8" (not shown below 5 answers)
    met_opmerking: int | str


def ervaringen(periode: Periode, *, regeling: str | None = None) -> list[Ervaringen]:
    """The survey after a besluit (`monitor.ervaring`), as aggregates only: count and mean score per question.
    The open answers are counted, not shown: they are free text and may name a person."""
    from maatwerk.monitor.ervaring import VRAGEN
    from maatwerk.monitor.models import Ervaring

    uit = []
    for code in _regelingen(regeling):
        rijen = Ervaring.objects.filter(regeling=code, maand__range=(periode.van, periode.tot))
        totalen = rijen.aggregate(n=Count("id"), **{veld: Sum(veld) for veld in VRAGEN})
        n = totalen["n"]
        gemiddeld = {vraag: (f"{totalen[veld] / n:.1f}".replace(".", ",") if n >= KLEINSTE_CEL else None)
                     for veld, vraag in VRAGEN.items()}
        uit.append(Ervaringen(code, REGELINGEN[code].naam, cel(n), gemiddeld,
                              cel(rijen.exclude(opmerking="").count())))
    return uit


# ------------------------------------------------------------------ all together


@dataclass
class Monitor:
    periode: Periode
    regeling: str | None
    peildatum: dt.date
    doorlooptijden: list[Doorlooptijd]
    caseload: list[Caseload]
    bezwaren: list[Bezwaren]
    vier_ogen: list[VierOgen]
    zelftesten: list[Zelftest]
    ervaringen: list[Ervaringen]
    kleine_cel: str = BRON_KLEINE_CEL


def monitor(periode: Periode, *, regeling: str | None = None, peildatum: dt.date | None = None) -> Monitor:
    if regeling is not None and regeling not in REGELINGEN:
        from maatwerk.regels.invoer import InvoerFout

        raise InvoerFout("regeling", "Onbekende regeling: kies een regeling uit de lijst.")
    # "Now" is today for the running period, the last day for a period that has passed.
    peildatum = peildatum or min(periode.tot, timezone.localdate())
    return Monitor(periode, regeling, peildatum, doorlooptijden(periode, regeling=regeling, peildatum=peildatum),
                   caseload(peildatum, regeling=regeling), bezwaren(periode, regeling=regeling),
                   vier_ogen(periode, regeling=regeling), zelftesten(periode, regeling=regeling),
                   ervaringen(periode, regeling=regeling))
