"""De bijstandsnorm van de Participatiewet (artikelen 19a tot en met 23) per huishouden en kalendermaand.

One vectorised computation (``_Normberekening``) serves all norm variables of a huishouden for a month:

1. Every member gets a status per day: partner age class (<18, 18-20, 21 tot AOW, AOW), partner in an
   inrichting, kind under 18, kostendelende medebewoner (art. 19a). The statuses of a household are packed into one
   integer per household with a single ``numpy.bincount``.
2. A status only changes on a birthday or on the AOW date, so the month is cut into segments at those days; only
   households whose status on the last day differs from the first day are evaluated again (a handful of extra
   evaluations on a small subset).
3. The monthly norm is the day-weighted average of the norms of the segments, rounded to cents (see
   docs/regels/bijstandsnorm.md: the norm is "per kalendermaand" and a change of age applies from the birthday).

All amounts are computed in whole cents with half-up rounding, as the published kostendelersnorm tables do.
"""

from __future__ import annotations

import numpy as np
from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import MONTH
from openfisca_core.variables import Variable

from maatwerk.regels import datums
from maatwerk.regels.entities import Huishouden
from maatwerk.regels.regel import regel

PW = "https://wetten.overheid.nl/BWBR0015703"


class Leefvorm(Enum):
    alleenstaande = "Alleenstaande"
    alleenstaande_ouder = "Alleenstaande ouder"
    gehuwden = "Gehuwden"


# Packing of a household's status into one integer (all counts are small, so no digit overflows):
#   partner at home in age class c (0..3)   -> 3**c      (at most 2 partners, base 3)
#   partner in an inrichting                 -> 81
#   kind under 18                            -> 1_000
#   kostendelende medebewoner                -> 1_000_000
_INRICHTING = 81
_KIND = 1_000
_KOSTENDELER = 1_000_000
_CACHE_MAANDEN = 4
_LAAG = 243  # upper bound of the partner digits (2 partners x 81)

_CATEGORIEEN = {
    # name: parameter path under wet.participatiewet.normen
    "p20_1a": "art20.alleenstaande",
    "p20_1b": "art20.gehuwden_beiden_jonger_dan_21",
    "p20_1c": "art20.gehuwden_een_jonger_dan_21",
    "p20_2a": "art20.alleenstaande_ouder",
    "p20_2b": "art20.gehuwden_beiden_jonger_dan_21_met_kinderen",
    "p20_2c": "art20.gehuwden_een_jonger_dan_21_met_kinderen",
    "p21a": "art21.alleenstaande",
    "p21b": "art21.gehuwden",
    "p22a": "art22.alleenstaande",
    "p22b": "art22.gehuwden_beiden_pensioengerechtigd",
    "p22c": "art22.gehuwden_een_pensioengerechtigd",
    "p22a_3a": "art22a.jongere_echtgenoot_met_kinderen",
    "p22a_3b": "art22a.jongere_echtgenoot_zonder_kinderen",
    "p23_1a": "art23.alleenstaande",
    "p23_1b": "art23.gehuwden",
    "p23_2a": "art23.verhoging_alleenstaande",
    "p23_2b": "art23.verhoging_gehuwden",
}


def _centen(bedrag) -> int:
    return int(round(float(bedrag) * 100))


def _bedragen(normen, onderdeel: str) -> dict[str, int]:
    """The amounts of one leaf (inclusief_vakantietoeslag or vakantietoeslag) in cents."""
    uit = {}
    for naam, pad in _CATEGORIEEN.items():
        node = normen
        for deel in pad.split("."):
            node = getattr(node, deel)
        uit[naam] = _centen(getattr(node, onderdeel))
    return uit


class _Normberekening:
    """Statuses of all households of one simulation for one month, and the norms derived from them."""

    def __init__(self, huishouden, period, parameters):
        p = parameters(period.start)
        pw = p.wet.participatiewet
        self._normparameters = pw.normen
        kd = pw.kostendelersnorm
        self.kd_vast = int(kd.vast_deel)
        self.kd_per_persoon = int(kd.deel_per_persoon)
        self.kd_noemer = int(kd.noemer_per_persoon)
        leeftijden = pw.leeftijden
        self.leeftijd_bijstand = int(leeftijden.minimumleeftijd_bijstand)
        self.leeftijd_21 = int(leeftijden.leeftijd_volwassenennorm)
        self.leeftijd_kind = int(leeftijden.meerderjarigheid_kind)
        self.leeftijd_kostendeler = int(kd.minimumleeftijd_kostendeler)
        self.leeftijd_telt_in_a = int(kd.minimumleeftijd_belanghebbende)

        vast = _vaste_gegevens(huishouden, period)
        leden = huishouden.members
        self.hh, self.n_hh = vast["hh"], huishouden.count
        self._begin = vast["begin"]
        self.partner, self.kind = vast["partner"], vast["kind"]
        self.gj, self.gm, self.gd, self.aow = vast["gj"], vast["gm"], vast["gd"], vast["aow"]
        self.inrichting = self.partner & leden("in_inrichting", period)
        uitgezonderd = vast["medebewoner"] & (
            leden("kamerhuurder", period)
            | leden("ontvangt_studiefinanciering", period)
            | leden("volgt_beroepsbegeleidende_leerweg", period)
        )
        self.gj16, self.gmd, self.gm8, self.gd8 = vast["gj16"], vast["gmd"], vast["gm8"], vast["gd8"]
        # Role code per person this month: 0 partner at home, 1 partner in inrichting, 2 kind,
        # 3 medebewoner who can be a kostendeler, 4 anyone else (e.g. an excepted medebewoner, art. 19a lid 1).
        rol = vast["basis_rol"]
        if self.inrichting.any() or uitgezonderd.any():
            rol = rol.copy()
            rol[self.inrichting] = 1
            rol[uitgezonderd] = 4
        self.rol16 = rol * np.uint8(16)
        self.gewicht_tabel = self._gewicht_tabel()

        self.eerste = np.datetime64(period.start.date, "D")
        self.laatste = np.datetime64(period.stop.date, "D")
        self.dagen = int((self.laatste - self.eerste).astype(np.int64)) + 1
        self._segmenten()
        del self.rol16, self.inrichting  # only needed to build the statuses
        self._cache: dict[tuple[str, bool], tuple[np.ndarray, np.ndarray]] = {}

    # -- statuses ----------------------------------------------------------------------------------------------

    def _gewicht_tabel(self) -> np.ndarray:
        """Contribution to the household status per (role, age-18, age-21, AOW reached, kostendeler age) code."""
        tabel = np.zeros(5 * 16, dtype=np.int64)
        for bits in range(16):
            a18, a21, aow, ak = bits & 1, (bits >> 1) & 1, (bits >> 2) & 1, (bits >> 3) & 1
            klasse = min(3, a18 + a21 + aow) if a18 else 0
            tabel[0 * 16 + bits] = 3**klasse
            tabel[1 * 16 + bits] = _INRICHTING
            tabel[2 * 16 + bits] = 0 if a18 else _KIND
            tabel[3 * 16 + bits] = _KOSTENDELER if ak else 0
        return tabel

    def _gewichten(self, dag: np.datetime64, sel=slice(None)) -> np.ndarray:
        """Per-person contribution to the household status on ``dag`` (persons ``sel``), by table lookup."""
        tj, tm, td = (int(x) for x in datums.jaar_maand_dag(dag))
        leeftijd = np.int16(tj) - self.gj16[sel] - (self.gmd[sel] > np.int16(tm * 32 + td))
        code = (
            self.rol16[sel]
            + (leeftijd >= self.leeftijd_bijstand)
            + 2 * (leeftijd >= self.leeftijd_21).astype(np.uint8)
            + 4 * (self.aow[sel] <= dag).astype(np.uint8)
            + 8 * (leeftijd >= self.leeftijd_kostendeler).astype(np.uint8)
        )
        return self.gewicht_tabel[code]

    def _sleutels(self, dag) -> np.ndarray:
        """Status of every household on ``dag``."""
        gewichten = self._gewichten(dag)
        if self._begin is not None:
            return np.add.reduceat(gewichten, self._begin)
        return np.bincount(self.hh, weights=gewichten, minlength=self.n_hh).astype(np.int64)

    def _segmenten(self):
        """Status on the first day for everyone; only persons with a birthday or AOW date in the month can change.

        Every status change is monotone and happens once in a month (a birthday crossing 18, 21 or the kostendeler
        age, or the AOW date), so the household status on day d is the first-day status plus the changes of the
        persons whose change day is on or before d.
        """
        self.sleutel_eerste = self._sleutels(self.eerste)
        _, maand, _ = (int(x) for x in datums.jaar_maand_dag(self.eerste))
        aow_in_maand = (self.aow > self.eerste) & (self.aow <= self.laatste)
        jarig = (self.gm8 == maand) & (self.gd8 > 1)
        kandidaten = np.flatnonzero(aow_in_maand | jarig)
        verschil = self._gewichten(self.laatste, kandidaten) - self._gewichten(self.eerste, kandidaten)
        wijzigt = verschil != 0
        kandidaten, verschil = kandidaten[wijzigt], verschil[wijzigt]
        self.sleutel_laatste = self.sleutel_eerste.copy()
        np.add.at(self.sleutel_laatste, self.hh[kandidaten], verschil)
        self.veranderd = np.flatnonzero(self.sleutel_eerste != self.sleutel_laatste)
        self.segmenten: list[tuple[int, np.ndarray]] = []
        self._codes = None
        if not self.veranderd.size:
            return
        # Change day: the AOW date for a partner reaching it this month, otherwise the birthday.
        aow_dag = (self.aow[kandidaten] - self.eerste).astype(np.int64) + 1
        wissel = np.where(aow_in_maand[kandidaten] & self.partner[kandidaten], aow_dag, self.gd[kandidaten])
        nieuw = np.full(self.n_hh, -1, dtype=np.int64)
        nieuw[self.veranderd] = np.arange(self.veranderd.size)
        hh_sub = nieuw[self.hh[kandidaten]]
        geldig = hh_sub >= 0  # changes that cancel out within a household leave its status unchanged
        hh_sub, verschil, wissel = hh_sub[geldig], verschil[geldig], wissel[geldig]
        basis = self.sleutel_eerste[self.veranderd]
        dagen = np.unique(wissel)
        grenzen = [1, *dagen.tolist(), self.dagen + 1]
        for begin, eind in zip(grenzen[:-1], grenzen[1:]):
            tot_nu = wissel <= begin
            sleutel = basis + np.bincount(hh_sub[tot_nu], weights=verschil[tot_nu], minlength=basis.size).astype(np.int64)
            if eind > begin:
                self.segmenten.append((eind - begin, sleutel))

    # -- norms -------------------------------------------------------------------------------------------------

    def _kostendelersnorm(self, a: np.ndarray, b: int | np.ndarray) -> np.ndarray:
        """Art. 22a lid 1: (40 + A x 30) / (A x 100) x B, in cents, rounded half up."""
        teller = np.asarray(b, dtype=np.int64) * (self.kd_vast + self.kd_per_persoon * a)
        noemer = self.kd_noemer * a
        return (2 * teller + noemer) // (2 * noemer)

    def _norm(self, sleutel: np.ndarray, b: dict[str, int], zonder_kostendelers: bool) -> np.ndarray:
        laag = sleutel % _KIND
        inrichting = laag // _INRICHTING
        pc = laag % _INRICHTING
        c = [(pc // 3**i) % 3 for i in range(4)]
        kind = (sleutel // _KIND) % 1000 > 0
        k = np.zeros_like(sleutel) if zonder_kostendelers else sleutel // _KOSTENDELER
        thuis = c[0] + c[1] + c[2] + c[3]
        hoog = np.where(c[3] > 0, 3, np.where(c[2] > 0, 2, np.where(c[1] > 0, 1, 0)))
        laag_k = np.where(c[0] > 0, 0, np.where(c[1] > 0, 1, np.where(c[2] > 0, 2, 3)))
        geen_k = k == 0

        # Alleenstaande (ouder): art. 20 lid 1/2 onder a, art. 21 onder a, art. 22 onder a, art. 22a lid 1.
        alleen = np.select(
            [hoog == 1, (hoog == 2) & geen_k, hoog == 2, (hoog == 3) & geen_k, hoog == 3],
            [
                np.where(kind, b["p20_2a"], b["p20_1a"]),
                b["p21a"],
                self._kostendelersnorm(k + 1, b["p21b"]),
                b["p22a"],
                self._kostendelersnorm(k + 1, b["p22b"]),
            ],
            0,
        )
        # Gehuwden: art. 20 lid 1/2 onder b en c, art. 21 onder b, art. 22 onder b en c, art. 22a lid 1-3.
        a2 = k + 2
        gemengd_kd = np.where(kind, b["p22a_3a"], b["p22a_3b"]) + self._kostendelersnorm(
            k + 1, np.where(hoog == 3, b["p22b"], b["p21b"])
        )
        gehuwd = np.select(
            [
                hoog <= 1,
                (laag_k <= 1) & geen_k,
                laag_k <= 1,
                (laag_k == 2) & (hoog == 2) & geen_k,
                (laag_k == 2) & (hoog == 2),
                (laag_k == 2) & geen_k,
                laag_k == 2,
                geen_k,
            ],
            [
                np.where(kind, b["p20_2b"], b["p20_1b"]),
                np.where(kind, b["p20_2c"], b["p20_1c"]),
                gemengd_kd,
                b["p21b"],
                2 * self._kostendelersnorm(a2, b["p21b"]),
                b["p22c"],
                self._kostendelersnorm(a2, b["p22c"]) + self._kostendelersnorm(a2, b["p22b"]),
                b["p22b"],
            ],
            2 * self._kostendelersnorm(a2, b["p22b"]),
        )
        # Inrichting: art. 23 lid 1 en 2; lid 3: one spouse in an inrichting -> sum of the two single norms.
        inr_alleen = b["p23_1a"] + b["p23_2a"]
        inr_gehuwd = b["p23_1b"] + b["p23_2b"]
        return np.select(
            [
                (inrichting == 0) & (thuis == 1),
                (inrichting == 0) & (thuis == 2),
                (inrichting == 1) & (thuis == 0),
                (inrichting == 2),
                (inrichting == 1) & (thuis == 1),
            ],
            [alleen, gehuwd, np.full_like(sleutel, inr_alleen), np.full_like(sleutel, inr_gehuwd), inr_alleen + alleen],
            0,
        )

    @staticmethod
    def _code(sleutel: np.ndarray) -> np.ndarray:
        """Compact status code: partners (< 243), any kind under 18, number of kostendelers."""
        return sleutel % _KIND + _LAAG * ((sleutel // _KIND) % 1000 > 0) + 2 * _LAAG * (sleutel // _KOSTENDELER)

    def _maandnorm(self, onderdeel: str, zonder_kostendelers: bool) -> np.ndarray:
        """Monthly norm in cents. The norm depends only on the compact status code, so it is computed once per
        possible code (a table of a few thousand entries) and looked up for every household and segment."""
        b = _bedragen(self._normparameters, onderdeel)
        if getattr(self, "_codes", None) is None:
            self._codes = [self._code(self.sleutel_eerste)] + [self._code(s) for _, s in self.segmenten]
        codes = self._codes
        hoogste = max(int(c.max()) if c.size else 0 for c in codes)
        alle = np.arange(hoogste + 1, dtype=np.int64)
        tabel_sleutel = alle % _LAAG + _KIND * ((alle // _LAAG) % 2) + _KOSTENDELER * (alle // (2 * _LAAG))
        tabel = self._norm(tabel_sleutel, b, zonder_kostendelers)
        centen = tabel[codes[0]]
        if self.segmenten:
            totaal = sum(dagen * tabel[code] for (dagen, _), code in zip(self.segmenten, codes[1:]))
            centen[self.veranderd] = (2 * totaal + self.dagen) // (2 * self.dagen)
        return centen

    def normen(self, zonder_kostendelers: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """(inclusief vakantietoeslag, vakantietoeslag) in euros for every household."""
        sleutel = ("normen", zonder_kostendelers)
        if sleutel not in self._cache:
            incl = self._maandnorm("inclusief_vakantietoeslag", zonder_kostendelers)
            vt = self._maandnorm("vakantietoeslag", zonder_kostendelers)
            self._cache[sleutel] = (incl / 100.0, vt / 100.0)
        return self._cache[sleutel]

    # -- household facts on the last day of the month ----------------------------------------------------------

    def leefvorm(self) -> np.ndarray:
        s = self.sleutel_laatste
        laag = s % _KIND
        partners = laag // _INRICHTING + sum(((laag % _INRICHTING) // 3**i) % 3 for i in range(4))
        kind = (s // _KIND) % 1000 > 0
        return np.select(
            [partners >= 2, kind],
            [Leefvorm.gehuwden.index, Leefvorm.alleenstaande_ouder.index],
            Leefvorm.alleenstaande.index,
        )

    def aantal_kostendelers(self) -> np.ndarray:
        s = self.sleutel_laatste
        laag = s % _KIND
        pc = laag % _INRICHTING
        partners = laag // _INRICHTING + sum((pc // 3**i) % 3 for i in range(4))
        volwassen = (pc // 9) % 3 + (pc // 27) % 3  # partners at home aged 21+ (incl. pensioengerechtigd)
        telt = np.maximum(volwassen, np.minimum(partners, 1))
        return telt + s // _KOSTENDELER


def _groepsbegin(hh: np.ndarray, n: int):
    """Start index of each household when persons are stored household by household (the usual layout), so that
    sums per household can use ``np.add.reduceat``; None when that layout does not hold."""
    if hh.size == 0 or n == 0:
        return None
    if not (np.all(hh[1:] >= hh[:-1]) and hh[0] == 0 and hh[-1] == n - 1):
        return None
    begin = np.flatnonzero(np.r_[True, hh[1:] != hh[:-1]])
    return begin if begin.size == n else None


def _vaste_gegevens(huishouden, period) -> dict:
    """Facts that do not change between months (roles, date of birth, AOW date), computed once per simulation."""
    vast = huishouden.__dict__.get("_maatwerk_vaste_gegevens")
    if vast is None:
        leden = huishouden.members
        geboren = datums.als_datum(leden("geboortedatum", period))
        gj, gm, gd = datums.jaar_maand_dag(geboren)
        vast = {
            "hh": huishouden.members_entity_id,
            "partner": leden.has_role(Huishouden.PARTNER),
            "kind": leden.has_role(Huishouden.KIND),
            "medebewoner": leden.has_role(Huishouden.MEDEBEWONER),
            "gj": gj, "gm": gm, "gd": gd,
            "gj16": gj.astype(np.int16), "gmd": (gm * 32 + gd).astype(np.int16),
            "gm8": gm.astype(np.int8), "gd8": gd.astype(np.int8),
            "begin": _groepsbegin(huishouden.members_entity_id, huishouden.count),
            "aow": datums.als_datum(leden("aow_datum", period)),
        }
        basis_rol = np.full(vast["hh"].size, 4, dtype=np.uint8)
        basis_rol[vast["medebewoner"]] = 3
        basis_rol[vast["kind"]] = 2
        basis_rol[vast["partner"]] = 0
        vast["basis_rol"] = basis_rol
        huishouden.__dict__["_maatwerk_vaste_gegevens"] = vast
    return vast


def _berekening(huishouden, period, parameters) -> _Normberekening:
    """One ``_Normberekening`` per simulation and month, shared by the norm variables."""
    cache = huishouden.__dict__.setdefault("_maatwerk_normberekening", {})
    sleutel = str(period.first_month)
    if sleutel not in cache:
        if len(cache) >= _CACHE_MAANDEN:  # keep memory flat when many months are evaluated (36-month look-backs)
            cache.pop(next(iter(cache)))
        cache[sleutel] = _Normberekening(huishouden, period.first_month, parameters)
    return cache[sleutel]


# --- variables ------------------------------------------------------------------------------------------------


@regel(
    id="pw.leefvorm",
    bron="Participatiewet, artikel 3 (gehuwden) en artikel 4, eerste lid, onderdelen a en b",
    soort="wet",
    uitleg="Voor de bijstand bent u: {resultaat}.",
    url=f"{PW}#Artikel4",
)
class leefvorm(Variable):
    value_type = Enum
    possible_values = Leefvorm
    default_value = Leefvorm.alleenstaande
    entity = Huishouden
    definition_period = MONTH
    label = "Leefvorm op de laatste dag van de maand (alleenstaande, alleenstaande ouder of gehuwden)"

    def formula(huishouden, period, parameters):
        return _berekening(huishouden, period, parameters).leefvorm()


@regel(
    id="pw.aantal_kostendelers",
    bron="Participatiewet, artikel 22a, eerste lid (A), en artikel 19a, eerste lid",
    soort="wet",
    uitleg="Voor de kostendelersnorm tellen {resultaat} personen mee: u, uw partner en de kostendelende medebewoners.",
    url=f"{PW}#Artikel22a",
)
class aantal_kostendelers(Variable):
    value_type = int
    entity = Huishouden
    definition_period = MONTH
    label = "A van artikel 22a: belanghebbende, echtgenoot van 21 jaar of ouder en kostendelende medebewoners op de laatste dag van de maand"

    def formula(huishouden, period, parameters):
        return _berekening(huishouden, period, parameters).aantal_kostendelers()


@regel(
    id="pw.bijstandsnorm_inclusief_vakantietoeslag",
    bron="Participatiewet, artikelen 20, 21, 22, 22a en 23",
    soort="wet",
    uitleg="Uw bijstandsnorm is {resultaat} per maand, inclusief vakantietoeslag.",
    url=f"{PW}#Hoofdstuk3_Paragraaf3.2",
)
class bijstandsnorm_inclusief_vakantietoeslag(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Bijstandsnorm per maand inclusief vakantietoeslag"

    def formula(huishouden, period, parameters):
        return _berekening(huishouden, period, parameters).normen()[0]


@regel(
    id="pw.vakantietoeslag_bijstandsnorm",
    bron="Participatiewet, artikel 19, derde lid, met de artikelen 20 tot en met 23",
    soort="wet",
    uitleg="In de bijstandsnorm zit {resultaat} per maand vakantietoeslag.",
    url=f"{PW}#Artikel19",
)
class vakantietoeslag_bijstandsnorm(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Vakantietoeslag begrepen in de bijstandsnorm, per maand"

    def formula(huishouden, period, parameters):
        return _berekening(huishouden, period, parameters).normen()[1]


@regel(
    id="pw.bijstandsnorm",
    bron="Participatiewet, artikelen 20, 21, 22, 22a en 23, met artikel 19, derde lid",
    soort="wet",
    uitleg="Uw bijstandsnorm is {resultaat} per maand zonder vakantietoeslag.",
    url=f"{PW}#Hoofdstuk3_Paragraaf3.2",
)
class bijstandsnorm(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Bijstandsnorm per maand, exclusief vakantietoeslag"

    def formula(huishouden, period, parameters):
        incl, vt = _berekening(huishouden, period, parameters).normen()
        return np.round(incl - vt, 2)


@regel(
    id="pw.bijstandsnorm_zonder_kostendelersnorm",
    bron="Participatiewet, artikelen 20, 21, 22 en 23 (zonder artikel 22a)",
    soort="wet",
    uitleg="Zonder kostendelers zou uw bijstandsnorm {resultaat} per maand zijn, inclusief vakantietoeslag.",
    url=f"{PW}#Hoofdstuk3_Paragraaf3.2",
)
class bijstandsnorm_zonder_kostendelersnorm_inclusief_vakantietoeslag(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Bijstandsnorm inclusief vakantietoeslag alsof er geen kostendelende medebewoners zijn"

    def formula(huishouden, period, parameters):
        return _berekening(huishouden, period, parameters).normen(zonder_kostendelers=True)[0]
