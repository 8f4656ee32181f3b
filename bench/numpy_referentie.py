"""A plain numpy version of the norm and draagkracht rules, for the bulk benchmark (issue 12, point 3).

The same rules as the Regelkern, written directly on the arrays of a synthetic population
(`maatwerk.beleid.synthetisch`): no OpenFisca, no entities, no caching. It reads the same parameter values
(law and municipal policy are data, not rules; the AOW-leeftijd scale too). Its domain: households of one or two
partners living at home (no inrichting, art. 23), children, and medebewoners (no
exceptions of art. 19a lid 1: no kamerhuurders or students). Ages may cross 18, 21, 27 or the AOW date within the
month. Within that domain its results must equal the Regelkern's to the cent (tests/regels/test_bulk.py,
tests/regels/test_numpy_referentie.py).

Rules (Participatiewet), in whole cents, amounts with vakantietoeslag:
- status on a day: a partner is 18-20, 21 or older, or pensioengerechtigd (AOW date reached, AOW art. 7a); a
  child under 18 (art. 4 lid 1 onder b) makes a parent; a medebewoner of 27 or older is a kostendeler (art. 19a,
  art. 22a lid 1);
- norm of a day: single 18-20 -> art20 lid 1/2 onder a; single 21+ -> art21.alleenstaande; single AOW ->
  art22.alleenstaande; couple both 18-20 -> art20 onder b; couple one 18-20 -> art20 onder c; couple 21+ ->
  art21.gehuwden; couple one AOW -> art22.gehuwden_een_pensioengerechtigd; couple both AOW ->
  art22.gehuwden_beiden_pensioengerechtigd (the alleenstaande ouder has the alleenstaande norm since 2015);
- with kostendelers (art. 22a): A = the persons of 21 or older (partners) plus the kostendelers; the norm of each
  adult partner is (40 + 30 A) / (100 A) x B, rounded half up to cents, with B the gehuwdennorm of art. 21
  onder b (or art. 22 onder b for a pensioengerechtigde; lid 3: a partner under 21 keeps art22a.jongere_echtgenoot);
- month (art. 19: "per kalendermaand"; a change of age applies from the day it happens): the day-weighted
  average of the norms of the days, rounded half up to cents;
- draagkracht (art. 35 lid 1; Divosa werkwijzer §1.5): income limit = round(norm x percentage, 2); draagkracht
  from income = max(0, partners' income - limit) x percentage above the limit x period in months; from vermogen =
  max(0, vermogen of partners and children - vermogensgrens (art. 34 lid 3, by leefvorm)) x percentage;
  total = round(max(0, sum), 2).
"""

from __future__ import annotations

import numpy as np

# Age classes of a partner on a day.
_MINDERJARIG, _JONG, _VOLWASSEN, _AOW = 0, 1, 2, 3


def _burgerlijk(dagen: np.ndarray):
    """(year, month, day) of days since 1970-01-01, by integer arithmetic of the civil calendar (H. Hinnant,
    "chrono-compatible low-level date algorithms"): a few integer passes, where numpy's datetime64 conversions
    to months and years are an order of magnitude slower."""
    z = dagen + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    dag = doy - (153 * mp + 2) // 5 + 1
    maand = np.where(mp < 10, mp + 3, mp - 9)
    return yoe + era * 400 + (maand <= 2), maand, dag


def _dagnummer(jaar, maand, dag):
    """Days since 1970-01-01 of a civil date (the inverse of `_burgerlijk`)."""
    jaar = jaar - (maand <= 2)
    era = jaar // 400
    yoe = jaar - era * 400
    doy = (153 * np.where(maand > 2, maand - 3, maand + 9) + 2) // 5 + dag - 1
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468


def _aow_datum(tbs, geboortedatum: np.ndarray) -> np.ndarray:
    """AOW art. 7a lid 1: date of birth plus the pensioenleeftijd (months) of the cohort, a day that does not exist
    becomes the month's last day. The scale is the latest version (a cohort's age never changes once fixed)."""
    return _aow_dagen(tbs, *_burgerlijk(geboortedatum.astype("datetime64[D]").view(np.int64))).view("datetime64[D]")


def _aow_dagen(tbs, jaar, maand, dag) -> np.ndarray:
    schaal = tbs.parameters.wet.aow.pensioenleeftijd
    laatste = max(v.instant_str for b in schaal.brackets for c in (b.threshold, b.amount) for v in c.values_list)
    maanden = np.round(schaal(laatste).calc(jaar * 10000 + maand * 100 + dag)).astype(np.int64)
    doel = jaar * 12 + (maand - 1) + maanden
    dj, dm = doel // 12, doel % 12 + 1
    eerste = _dagnummer(dj, dm, 1)
    lengte = _dagnummer(dj + (dm == 12), dm % 12 + 1, 1) - eerste
    return eerste + np.minimum(dag, lengte) - 1


class _Personen:
    """The fixed facts of every person: year and (month, day) of birth, AOW date (days since 1970)."""

    def __init__(self, tbs, geboortedatum: np.ndarray) -> None:
        # Computed once per day between the first and the last date of birth, then looked up per person (a
        # million persons share a few tens of thousands of birthdays).
        dagen = geboortedatum.astype("datetime64[D]").view(np.int64)
        eerste = int(dagen.min()) if dagen.size else 0
        bereik = np.arange(eerste, (int(dagen.max()) if dagen.size else 0) + 1, dtype=np.int64)
        jaar, maand, dag = _burgerlijk(bereik)
        rij = dagen - eerste
        self.jaar = jaar[rij]
        self.maanddag = (maand * 32 + dag)[rij]
        self.aow = _aow_dagen(tbs, jaar, maand, dag)[rij].view("datetime64[D]")

    def leeftijd(self, dag: np.datetime64, sel=slice(None)) -> np.ndarray:
        """Age in whole years on ``dag``: it goes up on the birthday (29 February: on 1 March in a common year)."""
        jaar, maand, d = (int(x) for x in _burgerlijk(np.int64(dag.astype("datetime64[D]").astype(np.int64))))
        return jaar - self.jaar[sel] - (self.maanddag[sel] > maand * 32 + d)


def _status(p: _Personen, pw, dag, hh, rol, sel, n):
    """Per household on ``dag``: (number of partners, highest and lowest partner class, any child, kostendelers)."""
    leeftijd = p.leeftijd(dag, sel)
    partner = rol == 0
    klasse = np.where(p.aow[sel] <= dag, _AOW, np.where(
        leeftijd >= pw.leeftijden.leeftijd_volwassenennorm, _VOLWASSEN,
        np.where(leeftijd >= pw.leeftijden.minimumleeftijd_bijstand, _JONG, _MINDERJARIG)))
    hoog = np.zeros(n, dtype=np.int64)
    laag = np.full(n, 9, dtype=np.int64)
    np.maximum.at(hoog, hh[partner], klasse[partner])
    np.minimum.at(laag, hh[partner], klasse[partner])
    partners = np.bincount(hh, weights=partner, minlength=n)
    kind = np.bincount(hh, weights=(rol == 1) & (leeftijd < pw.leeftijden.meerderjarigheid_kind), minlength=n) > 0
    kostendelers = np.bincount(hh, weights=(rol == 2) & (leeftijd >= pw.kostendelersnorm.minimumleeftijd_kostendeler),
                               minlength=n).astype(np.int64)
    return partners, hoog, laag, kind, kostendelers


def _centen(x) -> int:
    return int(round(float(x) * 100))


def _norm_centen(pw, partners, hoog, laag, kind, k) -> np.ndarray:
    """The norm of a day in cents, art. 20-22a (see the module docstring). A single person under 18 has no norm
    (art. 13 lid 1 onder f); a spouse under 18 counts as a spouse under 21, as in the rules."""
    n = pw.normen
    b = {naam: _centen(getattr(getattr(n, art), cat).inclusief_vakantietoeslag) for naam, art, cat in (
        ("20_1a", "art20", "alleenstaande"), ("20_2a", "art20", "alleenstaande_ouder"),
        ("20_1b", "art20", "gehuwden_beiden_jonger_dan_21"), ("20_2b", "art20", "gehuwden_beiden_jonger_dan_21_met_kinderen"),
        ("20_1c", "art20", "gehuwden_een_jonger_dan_21"), ("20_2c", "art20", "gehuwden_een_jonger_dan_21_met_kinderen"),
        ("21a", "art21", "alleenstaande"), ("21b", "art21", "gehuwden"),
        ("22a", "art22", "alleenstaande"), ("22b", "art22", "gehuwden_beiden_pensioengerechtigd"),
        ("22c", "art22", "gehuwden_een_pensioengerechtigd"),
        ("jong_kind", "art22a", "jongere_echtgenoot_met_kinderen"),
        ("jong", "art22a", "jongere_echtgenoot_zonder_kinderen"))}
    kd = pw.kostendelersnorm

    heeft_kostendelers = bool(k.any())

    def kdn(a, bedrag):  # art. 22a lid 1, per adult: (40 + 30 A) / (100 A) x B, half up
        if not heeft_kostendelers:
            return 0  # only chosen where k > 0 (every branch below that uses it requires kostendelers)
        teller = np.asarray(bedrag, dtype=np.int64) * (int(kd.vast_deel) + int(kd.deel_per_persoon) * a)
        noemer = int(kd.noemer_per_persoon) * a
        return (2 * teller + noemer) // (2 * noemer)

    geen = k == 0
    alleen = np.select(
        [hoog == _MINDERJARIG, hoog == _JONG, (hoog == _VOLWASSEN) & geen, hoog == _VOLWASSEN, geen],
        [0, np.where(kind, b["20_2a"], b["20_1a"]), b["21a"], kdn(k + 1, b["21b"]), b["22a"]],
        kdn(k + 1, b["22b"]))
    gehuwd = np.select(
        [hoog <= _JONG, (laag <= _JONG) & geen, laag <= _JONG,
         (hoog == _VOLWASSEN) & geen, hoog == _VOLWASSEN,
         (laag == _VOLWASSEN) & geen, laag == _VOLWASSEN, geen],
        [np.where(kind, b["20_2b"], b["20_1b"]), np.where(kind, b["20_2c"], b["20_1c"]),
         np.where(kind, b["jong_kind"], b["jong"]) + kdn(k + 1, np.where(hoog == _AOW, b["22b"], b["21b"])),
         b["21b"], 2 * kdn(k + 2, b["21b"]),
         b["22c"], kdn(k + 2, b["22c"]) + kdn(k + 2, b["22b"]), b["22b"]],
        2 * kdn(k + 2, b["22b"]))
    return np.where(partners >= 2, gehuwd, alleen)


def normen(tbs, huishouden_van, rol, geboortedatum, maand: str, personen: _Personen | None = None):
    """(norm with kostendelersnorm, norm without) per household for the month, float32 as the engine stores them.

    The status on the first day holds for the whole month except in households where someone crosses an age
    threshold or the AOW date within the month; those households are evaluated day by day.
    """
    eerste = np.datetime64(f"{maand}-01")
    laatste = (np.datetime64(maand, "M") + 1).astype("datetime64[D]") - np.timedelta64(1, "D")
    dagen = int((laatste - eerste).astype(np.int64)) + 1
    n = int(huishouden_van[-1]) + 1
    pw = tbs.parameters.wet.participatiewet(f"{maand}-01")
    p = personen or _Personen(tbs, geboortedatum)

    status = _status(p, pw, eerste, huishouden_van, rol, slice(None), n)
    met = _norm_centen(pw, *status)
    zonder = _norm_centen(pw, *status[:-1], np.zeros(n, dtype=np.int64))

    # Who crosses a threshold within the month (after day 1): 18, 21, 27 on the birthday, or the AOW date.
    drempels = (pw.leeftijden.minimumleeftijd_bijstand, pw.leeftijden.leeftijd_volwassenennorm,
                pw.leeftijden.meerderjarigheid_kind, pw.kostendelersnorm.minimumleeftijd_kostendeler)
    l1, l2 = p.leeftijd(eerste), p.leeftijd(laatste)
    kruist = (p.aow > eerste) & (p.aow <= laatste)
    for d in drempels:
        kruist |= (l1 < d) & (l2 >= d)
    huizen = np.unique(huishouden_van[kruist])
    if huizen.size:
        sel = np.flatnonzero(np.isin(huishouden_van, huizen))
        hh_sub = np.searchsorted(huizen, huishouden_van[sel])
        som_met = np.zeros(huizen.size, dtype=np.int64)
        som_zonder = np.zeros(huizen.size, dtype=np.int64)
        for i in range(dagen):
            s = _status(p, pw, eerste + np.timedelta64(i, "D"), hh_sub, rol[sel], sel, huizen.size)
            som_met += _norm_centen(pw, *s)
            som_zonder += _norm_centen(pw, *s[:-1], np.zeros(huizen.size, dtype=np.int64))
        met[huizen] = (2 * som_met + dagen) // (2 * dagen)
        zonder[huizen] = (2 * som_zonder + dagen) // (2 * dagen)
    f32 = np.float32
    return (met / 100.0).astype(f32), (zonder / 100.0).astype(f32)


def norm_en_draagkracht(tbs, huishouden_van, rol, geboortedatum, inkomen, vermogen, maand: str):
    """(norm without kostendelersnorm, draagkracht) per household, float32 as the engine stores them, in cents."""
    return alles(tbs, huishouden_van, rol, geboortedatum, inkomen, vermogen, maand)[1:]


def alles(tbs, huishouden_van, rol, geboortedatum, inkomen, vermogen, maand: str):
    """(norm, norm without kostendelersnorm, draagkracht) per household, float32, in cents."""
    n = int(huishouden_van[-1]) + 1
    partner = rol == 0
    personen = _Personen(tbs, geboortedatum)
    met_kd, norm = normen(tbs, huishouden_van, rol, geboortedatum, maand, personen)

    # The engine stores every variable as float32 (OpenFisca `value_type = float`); the reference rounds to float32
    # at the same steps, so both give the same cents (with float64 a rare cent differs).
    f32 = np.float32
    p = tbs.parameters(f"{maand}-01")
    dk = p.gemeente.bijzondere_bijstand.draagkracht
    grens = np.round(norm * dk.inkomensgrens_percentage, 2).astype(f32)
    inkomen = inkomen.astype(f32)
    inkomen_partners = np.bincount(huishouden_van[partner], weights=inkomen[partner], minlength=n).astype(f32)
    uit_inkomen = (np.maximum(f32(0.0), inkomen_partners - grens) * dk.percentage_inkomen_boven_grens
                   * dk.draagkrachtperiode_maanden).astype(f32)

    # Leefvorm on the last day of the month (art. 3 and 4): two partners -> gehuwden; a child under 18 -> ouder.
    laatste = (np.datetime64(maand, "M") + 1).astype("datetime64[D]") - np.timedelta64(1, "D")
    kind = (rol == 1) & (personen.leeftijd(laatste) < p.wet.participatiewet.leeftijden.meerderjarigheid_kind)
    partners = np.bincount(huishouden_van, weights=partner, minlength=n)
    kinderen = np.bincount(huishouden_van, weights=kind, minlength=n)
    grenzen = p.wet.participatiewet.vermogensgrenzen
    vermogensgrens = np.where(partners == 2, grenzen.gehuwden,
                              np.where(kinderen > 0, grenzen.alleenstaande_ouder, grenzen.alleenstaande)).astype(f32)
    # Art. 34: the vermogen of the gezin, partners and children; medebewoners do not count.
    gezin = rol != 2
    gezinsvermogen = np.bincount(huishouden_van[gezin], weights=vermogen.astype(f32)[gezin], minlength=n).astype(f32)
    boven = np.maximum(f32(0.0), gezinsvermogen - vermogensgrens).astype(f32)
    uit_vermogen = (boven * dk.percentage_vermogen_boven_grens).astype(f32)
    return met_kd, norm, np.round(np.maximum(f32(0.0), uit_inkomen + uit_vermogen), 2).astype(f32)
