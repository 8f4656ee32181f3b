"""A synthetic population shaped like the municipality, for impact simulations and benchmarks (issue 12, point 2).

Seeded (`numpy.random.default_rng(seed)`), no downloads, no personal data. Same seed and size: the same
population. Shaped after what the sources say about Lansingerland, the rest is a stated assumption:

- Source (seed 001, Armoedebeleid Lansingerland, lines 775-779, from CBS and the Armoedemonitor Lansingerland
  2015): 5,4 % of households have a low income, 1,5 % a long-lasting low income (4 years or more).
  -> `AANDEEL_LAAG_INKOMEN`, `AANDEEL_LANGDURIG`: these households get a netto income between 85 % and 135 % of
  their bijstandsnorm (the band where the draagkracht limit and the inkomenstoeslag act); the long-lasting ones
  had that income for the whole 36-month reference period (art. 36 Pw), the others had 150 % of the norm
  from 13 months back.
- Assumption (not from the sources; order of magnitude of Dutch household statistics, to be replaced by the
  municipality's own CBS figures): the household types and their shares in `TYPEN`, AOW share, vermogen and
  the yearly bijzondere kosten. Households above the low-income band get 135 %-400 % of the norm: above every
  inkomenstoeslag limit that can be proposed (at most 130 %), while the draagkracht of the bijzondere bijstand
  (limits up to 200 %) still counts them.

All adults are 22 to 64 years or, in AOW households, 70 to 85 years, and children 0 to 16, so nobody reaches
18, 21 or the AOW age within the computed month: the norm of a month is one category for the whole month,
which keeps the plain numpy reference of the norm rules (bench/numpy_referentie.py) short.

The population is in the array form of `maatwerk.regels.bulk` (persons household by household, integer roles).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from maatwerk.regels import bulk

AANDEEL_LAAG_INKOMEN = 0.054  # seed 001, line 775
AANDEEL_LANGDURIG = 0.015  # seed 001, line 777
REFERTEMAANDEN = 36  # art. 36 lid 1 Pw: "langdurig" = at least 36 months (Verordening art. 7:2)
STANDAARD_HUISHOUDENS = 25_000  # assumption: order of magnitude of the households of Lansingerland

# type code: (label, partners, children, AOW, share) - shares are an assumption (see module docstring)
TYPEN = {
    0: ("alleenstaande", 1, 0, False, 0.26),
    1: ("alleenstaande ouder", 1, None, False, 0.07),
    2: ("paar zonder kinderen", 2, 0, False, 0.22),
    3: ("paar met kinderen", 2, None, False, 0.30),
    4: ("alleenstaande met AOW", 1, 0, True, 0.08),
    5: ("paar met AOW", 2, 0, True, 0.07),
}
TYPE_LABELS = {code: t[0] for code, t in TYPEN.items()}

# Norm categories per type (the shaping of incomes only; the Regelkern decides the real norm).
_NORMPAD = {0: "art21.alleenstaande", 1: "art21.alleenstaande", 2: "art21.gehuwden", 3: "art21.gehuwden",
            4: "art22.alleenstaande", 5: "art22.gehuwden_beiden_pensioengerechtigd"}


@dataclass
class Populatie:
    maand: str
    huishouden_van: np.ndarray  # per person: household index (ascending)
    rol: np.ndarray  # per person: bulk.ROL_*
    geboortedatum: np.ndarray  # per person: datetime64[D]
    inkomen: np.ndarray  # per person: netto income per month now
    inkomen_verleden: np.ndarray  # per person: netto income 13-36 months back
    vermogen: np.ndarray  # per person
    type: np.ndarray  # per household: TYPEN code
    bijzondere_kosten: np.ndarray  # per household: yearly bijzondere kosten (assumption, for the cost estimate)
    extra: dict = field(default_factory=dict)

    @property
    def n_huishoudens(self) -> int:
        return int(self.type.size)

    def invoer(self, maanden: int = 1) -> dict:
        """The inputs for `bulk.bouw`: this month and, with `maanden` > 1, the months before it."""
        jaar, m = (int(x) for x in self.maand.split("-"))
        per_maand = {}
        for k in range(maanden):
            totaal = jaar * 12 + (m - 1) - k
            naam = f"{totaal // 12:04d}-{totaal % 12 + 1:02d}"
            per_maand[naam] = self.inkomen if k <= 12 else self.inkomen_verleden
        return {
            "geboortedatum": {"ETERNITY": self.geboortedatum},
            "netto_maandinkomen": per_maand,
            "vermogen": {self.maand: self.vermogen},
        }


def _normen(tbs, maand: str) -> np.ndarray:
    normen = tbs.parameters.wet.participatiewet.normen(f"{maand}-01")
    uit = np.zeros(len(TYPEN))
    for code, pad in _NORMPAD.items():
        node = normen
        for deel in pad.split("."):
            node = getattr(node, deel)
        uit[code] = float(node.inclusief_vakantietoeslag)
    return uit


def genereer(tbs, n: int = STANDAARD_HUISHOUDENS, maand: str = "2027-01", seed: int = 12) -> Populatie:
    """`n` synthetic households for the month `maand` (seeded)."""
    rng = np.random.default_rng(seed)
    codes = np.array(list(TYPEN))
    aandelen = np.array([t[4] for t in TYPEN.values()])
    type_ = rng.choice(codes, size=n, p=aandelen / aandelen.sum())
    partners = np.array([t[1] for t in TYPEN.values()])[type_]
    kinderen = np.array([t[2] or 0 for t in TYPEN.values()])[type_]
    met_kind = np.isin(type_, [1, 3])
    kinderen[met_kind] = rng.choice([1, 2, 3], size=int(met_kind.sum()), p=[0.45, 0.4, 0.15])
    aow = np.array([t[3] for t in TYPEN.values()])[type_]

    grootte = partners + kinderen
    huishouden_van = np.repeat(np.arange(n), grootte)
    positie = np.arange(huishouden_van.size) - np.repeat(np.cumsum(grootte) - grootte, grootte)
    is_partner = positie < np.repeat(partners, grootte)
    rol = np.where(is_partner, bulk.ROL_PARTNER, bulk.ROL_KIND)

    peil = np.datetime64(f"{maand}-01")
    aow_p = np.repeat(aow, grootte)
    jaren = np.where(is_partner, np.where(aow_p, rng.integers(70, 86, rol.size), rng.integers(22, 65, rol.size)),
                     rng.integers(0, 17, rol.size))
    # Born between 40 days into the year of that age and 40 days before the next birthday: no threshold is
    # crossed within the month.
    dagen = jaren * 365.25 + rng.integers(40, 325, rol.size)
    geboortedatum = peil - dagen.astype("timedelta64[D]")

    norm = _normen(tbs, maand)[type_]
    laag = rng.random(n) < AANDEEL_LAAG_INKOMEN
    langdurig = laag & (rng.random(n) < AANDEEL_LANGDURIG / AANDEEL_LAAG_INKOMEN)
    verhouding = np.where(laag, rng.uniform(0.85, 1.35, n), rng.uniform(1.35, 4.0, n))
    hh_inkomen = np.round(norm * verhouding, 2)
    hh_verleden = np.where(langdurig | ~laag, hh_inkomen, np.round(norm * 1.5, 2))
    # The income of the household is the first partner's (the second partner has none): one simple split
    # that keeps the household income exactly as drawn.
    eerste = is_partner & (positie == 0)
    inkomen = np.where(eerste, np.repeat(hh_inkomen, grootte), 0.0)
    inkomen_verleden = np.where(eerste, np.repeat(hh_verleden, grootte), 0.0)
    vermogen = np.where(eerste, np.round(rng.gamma(1.0, 3000.0, rol.size), 2), 0.0)
    kosten = np.round(rng.gamma(2.0, 250.0, n), 2)
    return Populatie(maand, huishouden_van, rol, geboortedatum, inkomen, inkomen_verleden, vermogen, type_, kosten,
                     extra={"laag": laag, "langdurig": langdurig})
