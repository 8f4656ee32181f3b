"""Algemene termijnenwet (Atw): holidays (art. 3) and the extension rules of art. 1 and art. 2.

Atw art. 1 lid 1: "Een in een wet gestelde termijn die op een zaterdag, zondag of algemeen erkende
feestdag eindigt, wordt verlengd tot en met de eerstvolgende dag die niet een zaterdag, zondag of
algemeen erkende feestdag is." All dates and article texts come from `termijnen.yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter

from maatwerk import formaat
from maatwerk.termijnen.gegevens import atw

EEN_DAG = timedelta(days=1)


@dataclass(frozen=True)
class Feestdag:
    datum: date
    naam: str
    bron: str


def ondersteunde_jaren() -> frozenset[int]:
    """Years for which a Besluit gelijkstelling (Atw art. 3 lid 3) is recorded, so the list is complete."""
    return frozenset(jaar for besluit in atw()["gelijkgestelde_dagen"] for jaar in besluit["jaren"])


@lru_cache(maxsize=64)
def _feestdagen_per_datum(jaar: int) -> dict[date, Feestdag]:
    # A year without a recorded Besluit gelijkstelling (art. 3 lid 3) still gets every day of art. 3
    # lid 1 and lid 2; `atw_verlengen` then says in its explanation that bridge days may be missing,
    # so a deadline is never refused (a consulent must always see one) and never silently incomplete.
    gegevens = atw()["feestdagen"]
    dagen: list[Feestdag] = [
        Feestdag(date(jaar, f["maand"], f["dag"]), f["naam"], f["bron"]) for f in gegevens["vast"]
    ]
    paaszondag = easter(jaar)
    dagen += [
        Feestdag(paaszondag + timedelta(days=f["dagen_na_pasen"]), f["naam"], f["bron"]) for f in gegevens["pasen"]
    ]
    kd = gegevens["koningsdag"]
    if date(jaar, 12, 31) >= kd["geldig_vanaf"]:
        koningsdag = date(jaar, kd["maand"], kd["dag"])
        if koningsdag.isoweekday() == 7:  # "behoudens uitzonderingen in verband met zondagen"
            koningsdag = date(jaar, kd["maand"], kd["dag_als_zondag"])
        dagen.append(Feestdag(koningsdag, kd["naam"], " ".join(kd["bron"].split())))
    for besluit in atw()["gelijkgestelde_dagen"]:
        bron = "Algemene termijnenwet, artikel 3, derde lid; " + " ".join(besluit["besluit"].split())
        dagen += [Feestdag(d, "met een algemeen erkende feestdag gelijkgestelde dag", bron)
                  for d in besluit["dagen"] if d.year == jaar]
    return {f.datum: f for f in sorted(dagen, key=lambda f: f.datum)}


def feestdagen(jaar: int) -> list[Feestdag]:
    """Algemeen erkende feestdagen of `jaar` for the Atw: art. 3 lid 1, Goede Vrijdag (lid 2) and lid 3 days."""
    return list(_feestdagen_per_datum(jaar).values())


def feestdag(d: date) -> Feestdag | None:
    return _feestdagen_per_datum(d.year).get(d)


def is_werkdag(d: date) -> bool:
    """True if `d` is a day "die niet een zaterdag, zondag of algemeen erkende feestdag is" (Atw art. 1)."""
    if d.isoweekday() in atw()["verlenging"]["weekend_isoweekdagen"]:
        return False
    return feestdag(d) is None


def reden_geen_werkdag(d: date) -> str | None:
    """Why `d` is not a werkdag in Atw terms (for explanations), or None."""
    f = feestdag(d)
    if f is not None:
        return f"{f.naam}, {f.bron}"
    if d.isoweekday() in atw()["verlenging"]["weekend_isoweekdagen"]:
        return "zaterdag" if d.isoweekday() == 6 else "zondag"
    return None


def atw_verlengen(eerste_dag: date, laatste_dag: date) -> tuple[date, list[str]]:
    """Apply Atw art. 2 and then art. 1 lid 1 to a statutory term running from `eerste_dag` to `laatste_dag`.

    Returns the (possibly) extended last day and one explanation line per extension applied.
    Not for terms computed backwards (Atw art. 1 lid 2): callers never pass those.
    """
    stappen: list[str] = []
    einde = laatste_dag
    art2 = atw()["minimum_werkdagen"]
    if (einde - eerste_dag).days + 1 >= art2["termijn_van_ten_minste_dagen"]:
        # Art. 2: extend day by day until the term contains the minimum number of werkdagen.
        while not _bevat_werkdagen(eerste_dag, einde, art2["werkdagen"]):
            einde += EEN_DAG
        if einde != laatste_dag:
            stappen.append(
                f"{art2['bron']}: de termijn bevat te weinig werkdagen en loopt door tot en met {formaat.datum(einde)}"
            )
    if not is_werkdag(einde):
        oorspronkelijk, overgeslagen = einde, []
        while not is_werkdag(einde):
            overgeslagen.append(f"{formaat.datum(einde)} ({reden_geen_werkdag(einde)})")
            einde += EEN_DAG
        stappen.append(
            f"{atw()['verlenging']['bron']}: de termijn eindigde op {formaat.datum(oorspronkelijk)}; geen werkdag: "
            f"{', '.join(overgeslagen)}; verlengd tot en met {formaat.datum(einde)}"
        )
    if einde.year not in ondersteunde_jaren():
        stappen.append(onvolledig_jaar(einde.year))
    return einde, stappen


def onvolledig_jaar(jaar: int) -> str:
    return (
        f"Let op: voor {jaar} is geen Besluit gelijkstelling (Algemene termijnenwet, artikel 3, derde lid) "
        f"vastgelegd; een met een feestdag gelijkgestelde dag (zoals de vrijdag na Hemelvaart) kan ontbreken."
    )


def _bevat_werkdagen(eerste_dag: date, laatste_dag: date, minimum: int) -> bool:
    aantal, d = 0, eerste_dag
    while d <= laatste_dag and aantal < minimum:  # stop early: long terms need not be scanned
        aantal += is_werkdag(d)
        d += EEN_DAG
    return aantal >= minimum
