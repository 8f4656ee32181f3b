"""De bijstandsnorm van de Participatiewet (artikelen 19a tot en met 23) per huishouden en kalendermaand.

One vectorised computation (``_Normberekening``) serves all norm variables of a huishouden for a month:

1. Every member gets a status per day: partner age class (<18, 18-20, 21 tot AOW, AOW), partner in an
   inrichting, kind under 18, kostendelende medebewoner (art. 19a). The statuses of a household are packed into one
   integer per household with a single ``numpy.bincount``.
2. A status only changes when someone reaches an age threshold (18, 21, the kostendeler age) on a birthday, on the
   AOW date, or when a monthly fact (inrichting, kamerhuurder, studie) changes from one month to the next. The month
   is cut into segments at those days; only households whose status on the last day differs from the first day are
   evaluated again (a handful of extra evaluations on a small subset).
3. Consecutive months: the status on the first day of month m is the status on the last day of month m-1 except for
   the persons named in 2. When the neighbouring month is still cached (the 36-month look-back of the individuele
   inkomenstoeslag walks month by month) only their contributions are applied, a few thousand persons instead of a
   pass over everyone. A month without a cached neighbour, or whose age thresholds differ from the neighbour's, is
   computed from scratch; both ways give the same integers.
4. The monthly norm is the day-weighted average of the norms of the segments, rounded to cents (see
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
_ONDERDELEN = ("inclusief_vakantietoeslag", "vakantietoeslag")


def _centen(bedrag) -> int:
    return int(round(float(bedrag) * 100))


def _bedragen(normen) -> dict[str, dict[str, int]]:
    """The amounts in cents per leaf (inclusief_vakantietoeslag, vakantietoeslag) and category.

    Each category node is looked up once (with a trace every lookup creates a tracing node); the amounts are read
    leaf by leaf, all of one leaf first, which is the order in which the uitleg lists them.
    """
    knopen = {}
    for naam, pad in _CATEGORIEEN.items():
        node = normen
        for deel in pad.split("."):
            node = getattr(node, deel)
        knopen[naam] = node
    return {o: {naam: _centen(getattr(node, o)) for naam, node in knopen.items()} for o in _ONDERDELEN}


def _gewicht_tabel() -> np.ndarray:
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


_GEWICHTEN = _gewicht_tabel()


def _eerste_geval(voorwaarden: list, waarden: list, standaard) -> np.ndarray:
    """``np.select``: per element the value of the first condition that holds, else ``standaard``. Written as nested
    ``np.where`` because the per-code tables are small and ``np.select`` has a large fixed cost per call."""
    uit = standaard
    for voorwaarde, waarde in zip(reversed(voorwaarden), reversed(waarden)):
        uit = np.where(voorwaarde, waarde, uit)
    return uit


def _code(sleutel: np.ndarray) -> np.ndarray:
    """Compact status code: partners (< 243), any kind under 18, number of kostendelers."""
    return sleutel % _KIND + _LAAG * ((sleutel // _KIND) % 1000 > 0) + 2 * _LAAG * (sleutel // _KOSTENDELER)


def _sleutel_van_code(code: np.ndarray) -> np.ndarray:
    """A status with the given compact code (one kind stands for 'any kind'): the rows of the per-code tables."""
    return code % _LAAG + _KIND * ((code // _LAAG) % 2) + _KOSTENDELER * (code // (2 * _LAAG))


def _per_huishouden(huis: np.ndarray, verschil: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sum of the (integer) status changes of some persons per household: (households, nonzero net change)."""
    uniek, positie = np.unique(huis, return_inverse=True)
    netto = np.zeros(uniek.size, dtype=np.int64)
    np.add.at(netto, positie, verschil)
    houden = netto != 0  # changes that cancel out within a household leave its status unchanged
    return uniek[houden], netto[houden]


class _Gesorteerd:
    """Persons sorted once by an integer key (a month number), to find everyone with given keys by slicing."""

    def __init__(self, sleutels: np.ndarray) -> None:
        sleutels = np.asarray(sleutels, dtype=np.int64)
        relatief = sleutels - (sleutels.min() if sleutels.size else 0)
        if relatief.size and relatief.max() < 2**15:
            # numpy sorts 16-bit integers with a (linear) radix sort; months of a population span far fewer.
            relatief = relatief.astype(np.int16)
        self._orde = np.argsort(relatief, kind="stable")
        self._gesorteerd = sleutels[self._orde]

    def met(self, waarden: list[int]) -> np.ndarray:
        waarden = np.asarray(waarden, dtype=np.int64)
        begin = np.searchsorted(self._gesorteerd, waarden, "left")
        eind = np.searchsorted(self._gesorteerd, waarden, "right")
        return np.concatenate([self._orde[b:e] for b, e in zip(begin, eind)] + [np.empty(0, np.intp)])


class _Wisselaars:
    """Who can change status in a given month, found without a pass over all persons.

    A contribution changes only when a person reaches an age threshold (in the month of birth, ``drempel`` years
    later; someone born on 29 February reaches it on 1 March in a common year) or their AOW date. Persons are sorted
    once by month of birth and by month of the AOW date; each month's candidates are then a few slices.
    """

    def __init__(self, gj: np.ndarray, gm: np.ndarray, aow: np.ndarray) -> None:
        self._gj, self._gm, self._aow_datum = gj, gm, aow
        self._geboorte: _Gesorteerd | None = None
        self._aow: _Gesorteerd | None = None
        self._eerste_maand_gevraagd = False

    def in_maand(self, jaar: int, maand: int, drempels: tuple[int, ...]) -> np.ndarray:
        leeftijden = sorted(set(drempels))
        geboren = [(jaar - a) * 12 + (maand - 1) for a in leeftijden]
        if maand == 3:
            geboren += [(jaar - a) * 12 + 1 for a in leeftijden]  # born in February: 29 February
        if not self._eerste_maand_gevraagd:
            # The first month asked (a bulk run asks one): a few comparisons over all persons cost less than
            # sorting them. Sorting pays off from the second month on (look-backs), so it is done then.
            self._eerste_maand_gevraagd = True
            return self._in_maand_door_vergelijken(jaar, maand, geboren)
        if self._geboorte is None:
            self._geboorte = _Gesorteerd(self._gj * 12 + (self._gm - 1))
            aj, am, _ = datums.jaar_maand_dag(self._aow_datum)
            self._aow = _Gesorteerd(aj * 12 + (am - 1))
        aow = [jaar * 12 + (maand - 1)]
        return np.unique(np.concatenate([self._geboorte.met(geboren), self._aow.met(aow)]))

    def _in_maand_door_vergelijken(self, jaar: int, maand: int, geboren: list[int]) -> np.ndarray:
        """The same persons as the sorted path (sorted, each once), by comparing every person's month of birth
        and AOW date with this month."""
        geboortemaand = self._gj * 12 + (self._gm - 1)
        kandidaat = np.zeros(geboortemaand.size, dtype=bool)
        for g in set(geboren):
            kandidaat |= geboortemaand == g
        eerste = np.datetime64(f"{jaar:04d}-{maand:02d}", "M")
        kandidaat |= (self._aow_datum >= eerste.astype("datetime64[D]")) & (
            self._aow_datum < (eerste + 1).astype("datetime64[D]"))
        return np.flatnonzero(kandidaat)


class _Normberekening:
    """Statuses of all households of one simulation for one month, and the norms derived from them.

    A month is stored as the status of every household on its first day plus the few households whose status
    changes during the month (``veranderd``, with their status on the last day). ``buur`` is the cached computation
    of the previous or the next month, if any (point 3 of the module docstring).
    """

    def __init__(self, huishouden, period, parameters, buur: _Normberekening | None = None,
                 vrij: _Normberekening | None = None):
        pw = _participatiewet(huishouden, parameters, period.start)
        self._vrij = vrij  # a month that just left the cache: its arrays are reused (see _kopie)
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
        self.drempels = (self.leeftijd_bijstand, self.leeftijd_21, self.leeftijd_kostendeler)

        vast = _vaste_gegevens(huishouden, period)
        self._vast = vast
        leden = huishouden.members
        self.hh, self.n_hh = vast["hh"], huishouden.count
        self._begin = vast["begin"]
        self.partner = vast["partner"]
        self.gd, self.aow = vast["gd"], vast["aow"]
        self.gj16, self.gmd = vast["gj16"], vast["gmd"]
        feiten = [_maandfeit(leden, naam, period) for naam in _MAANDFEITEN]
        # Role code per person this month: 0 partner at home, 1 partner in inrichting, 2 kind,
        # 3 medebewoner who can be a kostendeler, 4 anyone else (e.g. an excepted medebewoner, art. 19a lid 1).
        # Without any of these facts the shared base roles are used: equal roles of two months are then one object.
        self.rol16 = vast["basis_rol16"]
        if any(feit is not None and feit.any() for feit in feiten):
            inrichting, kamerhuurder, studiefinanciering, bbl = (
                np.zeros(self.hh.size, dtype=bool) if feit is None else feit for feit in feiten
            )
            rol = vast["basis_rol"].copy()
            rol[self.partner & inrichting] = 1
            rol[vast["medebewoner"] & (kamerhuurder | studiefinanciering | bbl)] = 4
            self.rol16 = rol * np.uint8(16)

        self.eerste = np.datetime64(period.start.date, "D")
        self.laatste = np.datetime64(period.stop.date, "D")
        self.dag_eerste = (period.start.year, period.start.month, 1, self.eerste)
        self.dag_laatste = (period.stop.year, period.stop.month, period.stop.day, self.laatste)
        self.dagen = period.stop.day
        # Everyone whose contribution can change on some day of this month (day 1 included).
        self.kandidaten = _wisselaars(vast).in_maand(period.start.year, period.start.month, self.drempels)

        # Changes within the month: every status change is monotone and happens once in a month (a birthday
        # crossing 18, 21 or the kostendeler age, or the AOW date), so the status on the last day is the status on
        # the first day plus the changes of these persons.
        kandidaten = self.kandidaten
        verschil = self._gewichten(self.dag_laatste, kandidaten) - self._gewichten(self.dag_eerste, kandidaten)
        wijzigt = verschil != 0
        kandidaten, verschil = kandidaten[wijzigt], verschil[wijzigt]
        self.veranderd, netto = _per_huishouden(self.hh[kandidaten], verschil)

        if buur is not None and buur.drempels == self.drempels:
            van_buur = self._vanaf_vorige if buur.eerste < self.eerste else self._vanaf_volgende
            sleutel, code, gewijzigd = van_buur(buur, netto)
            # Upper bound of the codes (sizes the per-code tables) without a pass over all households.
            self.hoogste_code = max(buur.hoogste_code, int(code[gewijzigd].max()) if gewijzigd.size else 0)
        else:
            sleutel = self._sleutels(self.dag_eerste)
            code = _code(sleutel)
            self.hoogste_code = int(code.max()) if code.size else 0
        self.sleutel_eerste, self.code_eerste = sleutel, code
        self.laatste_veranderd = sleutel[self.veranderd] + netto
        self.segment_dagen, self.segment_sleutels = self._segmenten(kandidaten, verschil)
        self._vrij = None
        self._bedragen: dict[bool, dict[str, dict[str, int]]] = {}
        self._cache: dict[bool, dict[str, tuple[np.ndarray, np.ndarray]]] = {}
        self._tabel: tuple[tuple, np.ndarray] | None = None

    # -- statuses ----------------------------------------------------------------------------------------------

    def _gewichten(self, dag, sel=slice(None)) -> np.ndarray:
        """Per-person contribution to the household status on ``dag`` (persons ``sel``), by table lookup."""
        tj, tm, td, datum = dag
        leeftijd = np.int16(tj) - self.gj16[sel] - (self.gmd[sel] > np.int16(tm * 32 + td))
        code = (
            self.rol16[sel]
            + (leeftijd >= self.leeftijd_bijstand)
            + 2 * (leeftijd >= self.leeftijd_21).astype(np.uint8)
            + 4 * (self.aow[sel] <= datum).astype(np.uint8)
            + 8 * (leeftijd >= self.leeftijd_kostendeler).astype(np.uint8)
        )
        return _GEWICHTEN[code]

    def _sleutels(self, dag) -> np.ndarray:
        """Status of every household on ``dag``."""
        gewichten = self._gewichten(dag)
        if self._begin is not None:
            return np.add.reduceat(gewichten, self._begin)
        return np.bincount(self.hh, weights=gewichten, minlength=self.n_hh).astype(np.int64)

    def _vanaf_vorige(self, vorige: _Normberekening, netto: np.ndarray):
        """First day of this month = last day of the previous month + the changes on the 1st."""
        huis, grens = _grens(vorige, self)
        sleutel = self._kopie(vorige.sleutel_eerste, "sleutel_eerste")
        sleutel[vorige.veranderd] = vorige.laatste_veranderd
        sleutel[huis] += grens
        gewijzigd = np.union1d(vorige.veranderd, huis)
        code = self._kopie(vorige.code_eerste, "code_eerste")
        code[gewijzigd] = _code(sleutel[gewijzigd])
        return sleutel, code, gewijzigd

    def _vanaf_volgende(self, volgende: _Normberekening, netto: np.ndarray):
        """Last day of this month = first day of the next month - the changes on its 1st; then back to day 1 with
        this month's own changes (``netto`` per ``veranderd`` household)."""
        huis, grens = _grens(self, volgende)
        sleutel = self._kopie(volgende.sleutel_eerste, "sleutel_eerste")
        sleutel[huis] -= grens
        sleutel[self.veranderd] -= netto
        gewijzigd = np.union1d(huis, self.veranderd)
        code = self._kopie(volgende.code_eerste, "code_eerste")
        code[gewijzigd] = _code(sleutel[gewijzigd])
        return sleutel, code, gewijzigd

    def _kopie(self, bron: np.ndarray, naam: str) -> np.ndarray:
        """A copy of ``bron``, written into the same array of the month that just left the cache when there is one:
        touching fresh memory (page faults) costs more than the copy itself, 36 times in a look-back."""
        vrij = getattr(self._vrij, naam, None)
        if vrij is None or vrij is bron or vrij.shape != bron.shape or vrij.dtype != bron.dtype:
            return bron.copy()
        np.copyto(vrij, bron)
        return vrij

    def _segmenten(self, kandidaten: np.ndarray, verschil: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The parts of the month between change days: (number of days per part, status of the ``veranderd``
        households in each part, one row per part)."""
        if not self.veranderd.size:
            return np.empty(0, np.int64), np.empty((0, 0), np.int64)
        # Change day: the AOW date for a partner reaching it this month, otherwise the birthday.
        aow = self.aow[kandidaten]
        aow_in_maand = (aow > self.eerste) & (aow <= self.laatste)
        aow_dag = (aow - self.eerste).astype(np.int64) + 1
        wissel = np.where(aow_in_maand & self.partner[kandidaten], aow_dag, self.gd[kandidaten])
        huis = self.hh[kandidaten]
        hh_sub = np.minimum(np.searchsorted(self.veranderd, huis), self.veranderd.size - 1)
        geldig = self.veranderd[hh_sub] == huis  # changes that cancel out within a household leave its status unchanged
        hh_sub, verschil, wissel = hh_sub[geldig], verschil[geldig], wissel[geldig]
        # Part k runs from day grenzen[k] up to grenzen[k + 1]; a change counts from the part that starts on its day.
        grenzen = np.concatenate([[1], np.unique(wissel), [self.dagen + 1]])
        deel = np.searchsorted(grenzen[:-1], wissel)
        wijziging = np.zeros((grenzen.size - 1, self.veranderd.size), dtype=np.int64)
        np.add.at(wijziging, (deel, hh_sub), verschil)
        sleutels = self.sleutel_eerste[self.veranderd] + np.cumsum(wijziging, axis=0)
        dagen = np.diff(grenzen)
        return dagen[dagen > 0], sleutels[dagen > 0]

    # -- norms -------------------------------------------------------------------------------------------------

    def _kostendelersnorm(self, a: np.ndarray, b: int | np.ndarray) -> np.ndarray:
        """Art. 22a lid 1: (40 + A x 30) / (A x 100) x B, in cents, rounded half up."""
        teller = np.asarray(b, dtype=np.int64) * (self.kd_vast + self.kd_per_persoon * a)
        noemer = self.kd_noemer * a
        return (2 * teller + noemer) // (2 * noemer)

    def _norm(self, sleutel: np.ndarray, b: dict[str, int | np.ndarray]) -> np.ndarray:
        laag = sleutel % _KIND
        inrichting = laag // _INRICHTING
        pc = laag % _INRICHTING
        c = [(pc // 3**i) % 3 for i in range(4)]
        kind = (sleutel // _KIND) % 1000 > 0
        k = sleutel // _KOSTENDELER
        thuis = c[0] + c[1] + c[2] + c[3]
        hoog = np.where(c[3] > 0, 3, np.where(c[2] > 0, 2, np.where(c[1] > 0, 1, 0)))
        laag_k = np.where(c[0] > 0, 0, np.where(c[1] > 0, 1, np.where(c[2] > 0, 2, 3)))
        geen_k = k == 0

        # Alleenstaande (ouder): art. 20 lid 1/2 onder a, art. 21 onder a, art. 22 onder a, art. 22a lid 1.
        alleen = _eerste_geval(
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
        gehuwd = _eerste_geval(
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
        return _eerste_geval(
            [
                (inrichting == 0) & (thuis == 1),
                (inrichting == 0) & (thuis == 2),
                (inrichting == 1) & (thuis == 0),
                (inrichting == 2),
                (inrichting == 1) & (thuis == 1),
            ],
            [alleen, gehuwd, inr_alleen, inr_gehuwd, inr_alleen + alleen],
            0,
        )

    def _centen(self, onderdeel: str, zonder_kostendelers: bool) -> tuple[np.ndarray, np.ndarray]:
        """The monthly norm in cents: (table per status code, day-weighted average of the ``veranderd`` households).

        The norm depends only on the compact status code, so it is computed once per possible code (a table of a few
        thousand entries) and looked up for every household and segment.
        """
        if zonder_kostendelers not in self._cache:
            if zonder_kostendelers not in self._bedragen:  # read here, so the uitleg names them under this variable
                self._bedragen[zonder_kostendelers] = _bedragen(self._normparameters)
            codes = _code(self.segment_sleutels)
            tabellen = self._tabellen(self._bedragen[zonder_kostendelers], int(codes.max()) if codes.size else 0)
            if zonder_kostendelers:
                # Without art. 22a: the norm of the same household without kostendelers, i.e. of the code without
                # its kostendelers part (the codes below 2 x 243).
                tabellen = tabellen[:, np.arange(tabellen.shape[1]) % (2 * _LAAG)]
            self._cache[zonder_kostendelers] = {}
            for deel, tabel in zip(_ONDERDELEN, tabellen):
                totaal = (self.segment_dagen[:, None] * tabel[codes]).sum(axis=0)
                self._cache[zonder_kostendelers][deel] = (tabel, (2 * totaal + self.dagen) // (2 * self.dagen))
        return self._cache[zonder_kostendelers][onderdeel]

    def _tabellen(self, per_deel: dict[str, dict[str, int]], hoogste_segmentcode: int) -> np.ndarray:
        """The norm in cents per status code, one row per part (with and without vakantietoeslag), computed in one
        pass: the amounts are a column per part, so every step works on both at once."""
        bedragen = tuple(per_deel[o][naam] for o in _ONDERDELEN for naam in _CATEGORIEEN)
        if self._tabel is None or self._tabel[0] != bedragen:
            b = {naam: np.array([[per_deel[o][naam]] for o in _ONDERDELEN], dtype=np.int64) for naam in _CATEGORIEEN}
            hoogste = max(self.hoogste_code, hoogste_segmentcode)
            self._tabel = (bedragen, self._norm(_sleutel_van_code(np.arange(hoogste + 1, dtype=np.int64)), b))
        return self._tabel[1]

    def norm(self, onderdeel: str = "inclusief_vakantietoeslag", zonder_kostendelers: bool = False,
             dtype=np.float64) -> np.ndarray:
        """Monthly norm in euros for every household: ``onderdeel`` is inclusief_vakantietoeslag or vakantietoeslag.

        The amounts of both parts are read together on the first request, so the trace (and the uitleg) names every
        figure of the norm under the variable that first asked for it. ``dtype`` float32 gives the values exactly as
        OpenFisca stores a float variable (each cent amount / 100 rounded to float32), without a float64 array first.
        """
        tabel, veranderd = self._centen(onderdeel, zonder_kostendelers)
        euro = (tabel / 100.0).astype(dtype)[self.code_eerste]
        euro[self.veranderd] = veranderd / 100.0
        return euro

    # -- household facts on the last day of the month ----------------------------------------------------------

    def _per_code_op_laatste_dag(self, functie) -> np.ndarray:
        """``functie`` of the status on the last day, evaluated once per status code and looked up per household.

        Exact only while the code keeps the partner digits, i.e. at most 2 partners per household (the role's
        maximum); otherwise ``functie`` is applied to the full status directly.
        """
        if self._vast["meer_dan_twee_partners"]:
            sleutel = self.sleutel_eerste.copy()
            sleutel[self.veranderd] = self.laatste_veranderd
            return functie(sleutel)
        code = self.code_eerste.copy()
        code[self.veranderd] = _code(self.laatste_veranderd)
        hoogste = int(code.max()) if code.size else 0
        return functie(_sleutel_van_code(np.arange(hoogste + 1, dtype=np.int64)))[code]

    def leefvorm(self) -> np.ndarray:
        return self._per_code_op_laatste_dag(_leefvorm)

    def aantal_kostendelers(self) -> np.ndarray:
        return self._per_code_op_laatste_dag(_aantal_kostendelers)


def _leefvorm(s: np.ndarray) -> np.ndarray:
    laag = s % _KIND
    partners = laag // _INRICHTING + sum(((laag % _INRICHTING) // 3**i) % 3 for i in range(4))
    kind = (s // _KIND) % 1000 > 0
    return np.select(
        [partners >= 2, kind],
        [Leefvorm.gehuwden.index, Leefvorm.alleenstaande_ouder.index],
        Leefvorm.alleenstaande.index,
    )


def _aantal_kostendelers(s: np.ndarray) -> np.ndarray:
    laag = s % _KIND
    pc = laag % _INRICHTING
    partners = laag // _INRICHTING + sum((pc // 3**i) % 3 for i in range(4))
    volwassen = (pc // 9) % 3 + (pc // 27) % 3  # partners at home aged 21+ (incl. pensioengerechtigd)
    telt = np.maximum(volwassen, np.minimum(partners, 1))
    return telt + s // _KOSTENDELER


def _grens(vroeg: _Normberekening, laat: _Normberekening) -> tuple[np.ndarray, np.ndarray]:
    """Status changes between the last day of month ``vroeg`` and the first day of the next month ``laat``.

    Only persons whose contribution can change on day 1 of ``laat`` (the candidates of that month) or whose role
    differs between the two months can contribute. Returns (households, net change of their status).
    """
    kandidaten = laat.kandidaten
    if vroeg.rol16 is not laat.rol16:
        kandidaten = np.union1d(kandidaten, np.flatnonzero(vroeg.rol16 != laat.rol16))
    verschil = laat._gewichten(laat.dag_eerste, kandidaten) - vroeg._gewichten(vroeg.dag_laatste, kandidaten)
    wijzigt = verschil != 0
    return _per_huishouden(laat.hh[kandidaten[wijzigt]], verschil[wijzigt])


_MAANDFEITEN = ("in_inrichting", "kamerhuurder", "ontvangt_studiefinanciering", "volgt_beroepsbegeleidende_leerweg")


def _maandfeit(leden, naam: str, period) -> np.ndarray | None:
    """A monthly fact of every person that is an input (in_inrichting, kamerhuurder, ...); None means "nobody".

    With a trace (one situation with uitleg) it is read through the engine, so that the uitleg lists it. Without one
    it is read from the holder: the engine would store a default array for every month in which the fact is not
    set (2.3 MB per fact and month for a million households, 36 times in the look-back of the inkomenstoeslag).
    """
    holder = leden.get_holder(naam)
    if leden.simulation.trace or holder.variable.formulas:
        return leden(naam, period)
    waarde = holder.get_array(period)
    if waarde is None and not holder.variable.default_value:
        return None
    return holder.default_array() if waarde is None else waarde


def _participatiewet(huishouden, parameters, instant):
    """The parameters wet.participatiewet at ``instant``.

    With a trace through ``parameters``, so that the uitleg lists every figure read. Otherwise only this part of the
    tree is built: ``parameters(instant)`` builds the whole tree (thousands of nodes) for each new month.
    """
    if huishouden.simulation.trace:
        return parameters(instant).wet.participatiewet
    return huishouden.simulation.tax_benefit_system.parameters.wet.participatiewet(instant)


def _groepsbegin(hh: np.ndarray, n: int):
    """Start index of each household when persons are stored household by household (the usual layout), so that
    sums per household can use ``np.add.reduceat``; None when that layout does not hold."""
    if hh.size == 0 or n == 0:
        return None
    if not (np.all(hh[1:] >= hh[:-1]) and hh[0] == 0 and hh[-1] == n - 1):
        return None
    begin = np.flatnonzero(np.r_[True, hh[1:] != hh[:-1]])
    return begin if begin.size == n else None


def rollen(huishouden) -> dict[str, np.ndarray]:
    """Masks of the members with each role, computed once per simulation (never modify them).

    ``has_role`` compares an array of role objects: tens of milliseconds per million persons on every call.
    """
    masker = huishouden.__dict__.get("_maatwerk_rollen")
    if masker is None:
        leden = huishouden.members
        masker = {
            "partner": leden.has_role(Huishouden.PARTNER),
            "kind": leden.has_role(Huishouden.KIND),
            "medebewoner": leden.has_role(Huishouden.MEDEBEWONER),
        }
        huishouden.__dict__["_maatwerk_rollen"] = masker
    return masker


def _vaste_gegevens(huishouden, period) -> dict:
    """Facts that do not change between months (roles, date of birth, AOW date), computed once per simulation."""
    vast = huishouden.__dict__.get("_maatwerk_vaste_gegevens")
    if vast is None:
        leden = huishouden.members
        geboren = datums.als_datum(leden("geboortedatum", period))
        gj, gm, gd = datums.jaar_maand_dag(geboren)
        hh = huishouden.members_entity_id
        vast = {
            "hh": hh,
            **rollen(huishouden),
            "gj": gj, "gm": gm, "gd": gd,
            "gj16": gj.astype(np.int16), "gmd": (gm * 32 + gd).astype(np.int16),
            "begin": _groepsbegin(hh, huishouden.count),
            "aow": datums.als_datum(leden("aow_datum", period)),
        }
        basis_rol = np.full(hh.size, 4, dtype=np.uint8)
        basis_rol[vast["medebewoner"]] = 3
        basis_rol[vast["kind"]] = 2
        basis_rol[vast["partner"]] = 0
        vast["basis_rol"] = basis_rol
        vast["basis_rol16"] = basis_rol * np.uint8(16)
        partners = np.bincount(hh[vast["partner"]], minlength=huishouden.count)
        vast["meer_dan_twee_partners"] = bool(partners.size and partners.max() > 2)
        huishouden.__dict__["_maatwerk_vaste_gegevens"] = vast
    return vast


def _wisselaars(vast: dict) -> _Wisselaars:
    if "wisselaars" not in vast:
        vast["wisselaars"] = _Wisselaars(vast["gj"], vast["gm"], vast["aow"])
    return vast["wisselaars"]


def _berekening(huishouden, period, parameters) -> _Normberekening:
    """One ``_Normberekening`` per simulation and month, shared by the norm variables; derived from the previous or
    next month when that one is still cached."""
    cache = huishouden.__dict__.setdefault("_maatwerk_normberekening", {})
    maand = period.first_month
    sleutel = str(maand)
    if sleutel not in cache:
        buur = cache.get(str(maand.offset(-1, MONTH))) or cache.get(str(maand.offset(1, MONTH)))
        vrij = None
        if len(cache) >= _CACHE_MAANDEN:  # keep memory flat when many months are evaluated (36-month look-backs)
            vrij = cache.pop(next(iter(cache)))
        cache[sleutel] = _Normberekening(huishouden, maand, parameters, buur, vrij)
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
        # float32 is how OpenFisca stores a float variable: the same values, without a float64 array first.
        return _berekening(huishouden, period, parameters).norm("inclusief_vakantietoeslag", dtype=np.float32)


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
        return _berekening(huishouden, period, parameters).norm("vakantietoeslag")


@regel(
    id="pw.bijstandsnorm",
    bron="Participatiewet, artikelen 20, 21, 22, 22a en 23, met artikel 19, derde lid",
    soort="wet",
    uitleg=(
        "U bent voor de bijstand {leefvorm}. In uw woning tellen {aantal_kostendelers} personen mee voor de "
        "kostendelersnorm (u zelf ook). Daarom is uw bijstandsnorm {resultaat} per maand, zonder vakantietoeslag."
    ),
    url=f"{PW}#Hoofdstuk3_Paragraaf3.2",
)
class bijstandsnorm(Variable):
    value_type = float
    entity = Huishouden
    definition_period = MONTH
    label = "Bijstandsnorm per maand, exclusief vakantietoeslag"

    def formula(huishouden, period, parameters):
        # Asked for here (both come from the same cached month) so the trace, and so the uitleg, shows the
        # two facts the norm rests on: the leefvorm (art. 20-22) and A of art. 22a.
        huishouden("leefvorm", period)
        huishouden("aantal_kostendelers", period)
        berekening = _berekening(huishouden, period, parameters)
        incl = berekening.norm("inclusief_vakantietoeslag")
        return np.round(incl - berekening.norm("vakantietoeslag"), 2)


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
        return _berekening(huishouden, period, parameters).norm("inclusief_vakantietoeslag", zonder_kostendelers=True)
