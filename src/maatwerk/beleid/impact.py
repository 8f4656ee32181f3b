"""Impact of a proposed policy change (issue 12, point 2): who gains or loses, the yearly cost, example households.

Both sides are computed by the Regelkern itself: the old side with the approved policy version in force, the
new side with that version plus the proposed change, each an OpenFisca Reform (`regels.beleidsversies`). The
populations:

1. the municipality's own caseload: every household with a zaak of the Inkomen domain, its stored data
   (`personen.situatie.bouw_situatie`) for the month of the start date;
2. a synthetic population shaped like the municipality (`beleid.synthetisch`, seeded), for what the caseload does
   not cover (households that never applied), run in bulk from arrays (`regels.bulk`);
3. example households (`voorbeelden.VOORBEELDEN`) at 100, 110, 120 and 130 % of their norm.

Only aggregates leave this module: counts per household type and income band, sums of money. For the caseload a
cell with fewer than `MINIMUM_CEL` households is shown as "minder dan 5" (small numbers can identify a person).

Outcomes compared per household: the draagkracht of the bijzondere bijstand (over the draagkracht period; lower
is better for the household) and the individuele inkomenstoeslag (per year; higher is better).

Yearly cost, under assumptions a person states on the page (defaults below, discretion of the beleidsmedewerker,
not law): bijzondere bijstand = take-up x sum over households of the change in max(0, yearly bijzondere kosten -
draagkracht); inkomenstoeslag = take-up x sum of the change in the yearly amount.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from maatwerk.beleid import synthetisch, voorbeelden
from maatwerk.regels import bulk
from maatwerk.regels.beleidsversies import Beleid, Wijziging, systeem_met_beleid

# Income of the partners as a share of the norm without kostendelersnorm, with vakantietoeslag: the norm the
# draagkracht limit is a percentage of (Divosa werkwijzer §1.5). The inkomenstoeslag compares with the norm
# without vakantietoeslag, so a household "at 100 %" here is a little above the inkomenstoeslag's 100 %.
BANDEN = [(0.0, 1.0, "onder 100 %"), (1.0, 1.1, "100-110 %"), (1.1, 1.2, "110-120 %"), (1.2, 1.3, "120-130 %"),
          (1.3, np.inf, "130 % en hoger")]
UITKOMSTEN = ["draagkracht_bijzondere_bijstand", "individuele_inkomenstoeslag", "bb_inkomen_partners",
              "bijstandsnorm_zonder_kostendelersnorm_inclusief_vakantietoeslag"]
MINIMUM_CEL = 5
STANDAARD_OPNAME_BB = 0.40  # assumption: share of eligible households that apply for bijzondere bijstand
STANDAARD_OPNAME_IIT = 0.60  # assumption: take-up of the individuele inkomenstoeslag
BRON_AANNAMES = ("Aanname van de beleidsmedewerker (discretie, geen wet of verordening); standaard 40 % voor "
                 "bijzondere bijstand en 60 % voor de individuele inkomenstoeslag.")


@dataclass(frozen=True)
class Aannames:
    opname_bb: float = STANDAARD_OPNAME_BB
    opname_iit: float = STANDAARD_OPNAME_IIT


@dataclass
class Uitkomst:
    """Per household: old and new outcomes, the income as a share of the norm, the type and yearly costs."""

    type: np.ndarray
    verhouding: np.ndarray
    dk_oud: np.ndarray
    dk_nieuw: np.ndarray
    iit_oud: np.ndarray
    iit_nieuw: np.ndarray
    kosten: np.ndarray

    # A household gains when, for its yearly bijzondere kosten, it would receive more bijzondere bijstand
    # (max(0, kosten - draagkracht)) or more inkomenstoeslag; a lower draagkracht alone, without costs above
    # it, changes nothing for the household.
    @property
    def bb_oud(self) -> np.ndarray:
        return np.maximum(0.0, self.kosten - self.dk_oud)

    @property
    def bb_nieuw(self) -> np.ndarray:
        return np.maximum(0.0, self.kosten - self.dk_nieuw)

    @property
    def wint(self) -> np.ndarray:
        return (self.bb_nieuw > self.bb_oud + 0.005) | (self.iit_nieuw > self.iit_oud + 0.005)

    @property
    def verliest(self) -> np.ndarray:
        return (self.bb_nieuw < self.bb_oud - 0.005) | (self.iit_nieuw < self.iit_oud - 0.005)


def maand_van(ingang: dt.date) -> str:
    return f"{ingang.year:04d}-{ingang.month:02d}"


def band(verhouding: np.ndarray) -> np.ndarray:
    uit = np.zeros(verhouding.shape, dtype=np.int64)
    for i, (laag, _, _) in enumerate(BANDEN):
        uit[verhouding >= laag] = i
    return uit


def _bereken_bulk(tbs, pop: synthetisch.Populatie, maanden: int) -> dict[str, np.ndarray]:
    sim = bulk.bouw(tbs, pop.huishouden_van, pop.rol, pop.invoer(maanden))
    # float64 and cents: the engine stores amounts as float32.
    return {naam: np.round(np.asarray(sim.calculate(naam, pop.maand), dtype=float), 2) for naam in UITKOMSTEN}


def simuleer_populatie(gemeente: str, oud: Beleid, nieuw: Beleid, pop: synthetisch.Populatie,
                       maanden: int = synthetisch.REFERTEMAANDEN + 1) -> Uitkomst:
    """Old and new outcomes of a synthetic (array) population, each with its own Reform."""
    a = _bereken_bulk(systeem_met_beleid(gemeente, oud), pop, maanden)
    b = _bereken_bulk(systeem_met_beleid(gemeente, nieuw), pop, maanden)
    norm = a["bijstandsnorm_zonder_kostendelersnorm_inclusief_vakantietoeslag"]
    verhouding = np.divide(a["bb_inkomen_partners"], norm, out=np.zeros_like(norm), where=norm > 0)
    return Uitkomst(pop.type, verhouding, a["draagkracht_bijzondere_bijstand"], b["draagkracht_bijzondere_bijstand"],
                    a["individuele_inkomenstoeslag"], b["individuele_inkomenstoeslag"], pop.bijzondere_kosten)


def jaarkosten(u: Uitkomst, aannames: Aannames) -> dict[str, float]:
    bb = float(aannames.opname_bb * (u.bb_nieuw - u.bb_oud).sum())
    iit = float(aannames.opname_iit * (u.iit_nieuw - u.iit_oud).sum())
    return {"bijzondere_bijstand": round(bb, 2), "inkomenstoeslag": round(iit, 2), "totaal": round(bb + iit, 2)}


def tabel(u: Uitkomst, labels: dict[int, str], onderdruk: bool) -> list[dict]:
    """Per household type and income band: households, winners, losers (suppressed below MINIMUM_CEL)."""
    banden = band(u.verhouding)
    rijen = []
    for code, label in labels.items():
        van_type = u.type == code
        for i, (_, _, bandlabel) in enumerate(BANDEN):
            cel = van_type & (banden == i)
            aantal = int(cel.sum())
            if not aantal:
                continue
            waarden = {"aantal": aantal, "winnaars": int((cel & u.wint).sum()),
                       "verliezers": int((cel & u.verliest).sum())}
            if onderdruk:
                waarden = {k: (f"minder dan {MINIMUM_CEL}" if 0 < v < MINIMUM_CEL else v) for k, v in waarden.items()}
            rijen.append({"type": label, "band": bandlabel, **waarden})
    return rijen


def per_band(u: Uitkomst) -> list[dict]:
    banden = band(u.verhouding)
    return [{"band": label, "winnaars": int((u.wint & (banden == i)).sum()),
             "verliezers": int((u.verliest & (banden == i)).sum())} for i, (_, _, label) in enumerate(BANDEN)]


def samenvatting(u: Uitkomst, aannames: Aannames, labels: dict[int, str], onderdruk: bool) -> dict:
    def telling(n: int):
        return f"minder dan {MINIMUM_CEL}" if onderdruk and 0 < n < MINIMUM_CEL else n

    return {
        "huishoudens": telling(int(u.type.size)),
        "winnaars": telling(int(u.wint.sum())),
        "verliezers": telling(int(u.verliest.sum())),
        "kosten": jaarkosten(u, aannames),
        "tabel": tabel(u, labels, onderdruk),
        "per_band": per_band(u) if not onderdruk else [],
    }


# ------------------------------------------------------------------ the whole simulation


def voorgestelde_beleid(oud: Beleid, pad: str, maand: str, waarde: float) -> Beleid:
    """The policy in force plus the proposed change, applied from the first day of the simulated month."""
    return tuple(oud) + (Wijziging(pad, dt.date.fromisoformat(f"{maand}-01"), float(waarde)),)


def simulatiemaand(vandaag: dt.date) -> str:
    """The impact is simulated for the current month, as if the change were in force now: the norms and the
    indexed amounts of a future year are not known yet (the inkomenstoeslag is indexed with the CBS consumer price
    index of the year before, Verordening art. 7:4 lid 4), and the caseload's data are those of today."""
    return maand_van(vandaag)


def simuleer(gemeente: str, oud: Beleid, pad: str, waarde: float, maand: str, *, caseload: Uitkomst | None,
             aannames: Aannames = Aannames(), n_synthetisch: int | None = None, seed: int = 12) -> dict:
    """Everything the page and the council report show. `caseload` is computed by the caller (it reads the DB)
    with `voorgestelde_beleid(oud, pad, maand, waarde)` as the new side."""
    nieuw = voorgestelde_beleid(oud, pad, maand, waarde)
    tbs = systeem_met_beleid(gemeente, oud)
    n_synthetisch = n_synthetisch or synthetisch.STANDAARD_HUISHOUDENS
    pop = synthetisch.genereer(tbs, n_synthetisch, maand, seed)
    synth = simuleer_populatie(gemeente, oud, nieuw, pop)
    return {
        "maand": maand,
        "aannames": {"opname_bb": aannames.opname_bb, "opname_iit": aannames.opname_iit, "bron": BRON_AANNAMES},
        "synthetisch": {**samenvatting(synth, aannames, synthetisch.TYPE_LABELS, onderdruk=False),
                        "seed": seed, "aantal": n_synthetisch},
        "caseload": (samenvatting(caseload, aannames, voorbeelden.CASELOAD_TYPEN, onderdruk=True)
                     if caseload is not None else None),
        "voorbeelden": voorbeelden.bereken(gemeente, oud, nieuw, maand),
    }
