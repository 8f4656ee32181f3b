"""Example households old vs new (issue 12, point 2): eleven household types at 100, 110, 120 and 130 % of the norm.

The set follows the form of the Nibud minima-effectrapportage (MER), which shows a municipality's minima policy for
household types at income levels around the social minimum. The eleven types below are OUR OWN choice in that form
(singles, single parents and couples, with children of primary and secondary school age, and pensioners), not a
list published by the Nibud.

What was searched (7 December 2026, the project's stored public web pages and documentation; issue 12, point 2):
"Nibud minima-effectrapportage voorbeeldhuishoudens"; "minima-effectrapportage huishoudtypen alleenstaande,
alleenstaande ouder met 1 kind 6 jaar, paar met 2 kinderen 6 en 14"; "minima-effectrapportage Nibud huishoudtypen
alleenstaande ouder met één kind van 7 jaar paar met twee kinderen van 7 en 14 jaar"; "Nibud MER
voorbeeldhuishoudens 100% 110% 120% sociaal minimum alleenstaande AOW paar kinderen leeftijd";
"Minima-effectrapportage gemeente X onderzochte huishoudens"; "Minima-effectrapportage Sociale Dienst Drechtsteden
2016 voorbeeldhuishoudens uitgangspunten". What was found:
- Nibud, "Minima-effectrapportage" (https://www.nibud.nl/beroepsmatig/minima-effectrapportage/): the MER gives
  budgets for household types the municipality chooses ("diverse door u gekozen huishoudtypen"), for example
  singles, families with children and AOW pensioners, at several income levels, for example 100, 110 and 120 % of
  the applicable norm. So the Nibud publishes no one fixed list of types: each MER has the municipality's own.
- Two MER reports (Sociale Dienst Drechtsteden 2016 on docplayer.nl; "Minima-effectrapportage gemeente X", Nibud
  2013, on studylibnl.com): the stored excerpts show only their foreword, not their household types.
No published standard list was found, so nothing was aligned; `PERCENTAGES` contains the Nibud example levels
100, 110 and 120 % and adds 130 %. tests/beleid/test_voorbeelden.py checks this text and these categories.

Every household has: adults of 40 years (pensioners 75), children of the ages named, no vermogen, and the same
income for the whole 36-month reference period of the inkomenstoeslag (a long-lasting low income). The income is
the first partner's; it is `percentage` x the norm the Regelkern computes for the household (art. 21/22 Pw, without
kostendelersnorm, with vakantietoeslag).
"""

from __future__ import annotations

import numpy as np

from maatwerk.beleid import synthetisch
from maatwerk.regels import bulk
from maatwerk.regels.beleidsversies import Beleid, systeem_met_beleid

PERCENTAGES = (1.0, 1.1, 1.2, 1.3)

# (label, number of partners, ages of the children, pensioners)
VOORBEELDEN = [
    ("Alleenstaande", 1, (), False),
    ("Alleenstaande ouder, 1 kind van 6", 1, (6,), False),
    ("Alleenstaande ouder, 2 kinderen van 6 en 10", 1, (6, 10), False),
    ("Alleenstaande ouder, 2 kinderen van 14 en 16", 1, (14, 16), False),
    ("Paar zonder kinderen", 2, (), False),
    ("Paar, 1 kind van 6", 2, (6,), False),
    ("Paar, 2 kinderen van 6 en 10", 2, (6, 10), False),
    ("Paar, 2 kinderen van 14 en 16", 2, (14, 16), False),
    ("Paar, 3 kinderen van 6, 10 en 14", 2, (6, 10, 14), False),
    ("Alleenstaande met AOW", 1, (), True),
    ("Paar met AOW", 2, (), True),
]

# The caseload is grouped by the same types as the synthetic population.
CASELOAD_TYPEN = synthetisch.TYPE_LABELS


def populatie(maand: str, inkomens: np.ndarray | None = None) -> synthetisch.Populatie:
    """The example households, each once per percentage (household order: type, then percentage)."""
    van, rol, leeftijd, type_ = [], [], [], []
    h = 0
    for _, partners, kinderen, aow in VOORBEELDEN:
        for _ in PERCENTAGES:
            for _ in range(partners):
                van.append(h), rol.append(bulk.ROL_PARTNER), leeftijd.append(75 if aow else 40)
            for k in kinderen:
                van.append(h), rol.append(bulk.ROL_KIND), leeftijd.append(k)
            type_.append(len(type_))
            h += 1
    van, rol, leeftijd = np.array(van), np.array(rol), np.array(leeftijd)
    peil = np.datetime64(f"{maand}-01")
    # Born 100 days after the birthday of that age: no age threshold within the month.
    geboortedatum = peil - (leeftijd * 365.25 + 100).astype("timedelta64[D]")
    eerste = np.r_[True, van[1:] != van[:-1]]
    hh_inkomen = np.zeros(h) if inkomens is None else inkomens
    inkomen = np.where(eerste, hh_inkomen[van], 0.0)
    return synthetisch.Populatie(maand, van, rol, geboortedatum, inkomen, inkomen, np.zeros(van.size),
                                 np.array(type_), np.zeros(h))


def _uitkomsten(tbs, pop: synthetisch.Populatie) -> dict[str, np.ndarray]:
    sim = bulk.bouw(tbs, pop.huishouden_van, pop.rol, pop.invoer(synthetisch.REFERTEMAANDEN + 1))
    return {naam: np.round(np.asarray(sim.calculate(naam, pop.maand), dtype=float), 2) for naam in
            ("bijstandsnorm_zonder_kostendelersnorm_inclusief_vakantietoeslag", "draagkracht_bijzondere_bijstand",
             "individuele_inkomenstoeslag")}


def bereken(gemeente: str, oud: Beleid, nieuw: Beleid, maand: str) -> list[dict]:
    """Per example household: per percentage the income and the draagkracht and inkomenstoeslag, old and new."""
    tbs_oud, tbs_nieuw = systeem_met_beleid(gemeente, oud), systeem_met_beleid(gemeente, nieuw)
    norm = _uitkomsten(tbs_oud, populatie(maand))["bijstandsnorm_zonder_kostendelersnorm_inclusief_vakantietoeslag"]
    factoren = np.tile(PERCENTAGES, len(VOORBEELDEN))
    inkomens = np.round(norm * factoren, 2)
    pop = populatie(maand, inkomens)
    a, b = _uitkomsten(tbs_oud, pop), _uitkomsten(tbs_nieuw, pop)
    rijen = []
    for t, (label, *_rest) in enumerate(VOORBEELDEN):
        niveaus = []
        for j, pct in enumerate(PERCENTAGES):
            i = t * len(PERCENTAGES) + j
            niveaus.append({"percentage": round(pct * 100), "inkomen": float(inkomens[i]),
                            "dk_oud": float(a["draagkracht_bijzondere_bijstand"][i]),
                            "dk_nieuw": float(b["draagkracht_bijzondere_bijstand"][i]),
                            "iit_oud": float(a["individuele_inkomenstoeslag"][i]),
                            "iit_nieuw": float(b["individuele_inkomenstoeslag"][i])})
        rijen.append({"huishouden": label, "norm": float(norm[t * len(PERCENTAGES)]), "niveaus": niveaus})
    return rijen
