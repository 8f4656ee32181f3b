"""The fast paths of the referteperiode give exactly the straightforward results.

- ``bijstandsnorm.py`` derives a month's household statuses from the cached neighbouring month (only persons with a
  birthday at an age threshold, an AOW date or a changed monthly fact are looked at). Here every month is also
  computed in a simulation of its own, from scratch, and must give identical arrays: walking back (as the
  referteperiode does) and forward, with persons stored household by household and shuffled.
- ``individuele_inkomenstoeslag`` without uitleg follows the referteperiode only for the households that meet the
  other conditions, each until its income exceeds the limit. Here the highest excess is recomputed with plain numpy
  from those per-month norms, and the toeslag from it.

The population is random but concentrated where the rules change: birthdays at 18, 21 and 27 and AOW dates inside
the 36 months, many on the 1st of a month or on 29 February, monthly facts (inrichting, kamerhuurder, studie) that
come and go, and incomes around the norm. No legal figure is asserted: both sides use the same parameters.
"""

from __future__ import annotations

import numpy as np
import pytest
from openfisca_core.periods import period as maak_periode
from openfisca_core.simulations import SimulationBuilder

from maatwerk.regels import systeem

PERIODE = "2026-07"
MAANDEN = [str(maak_periode(PERIODE).offset(-k, "month")) for k in range(37)]  # the peilmaand and 36 months back
NORMVARIABELEN = [
    "bijstandsnorm_inclusief_vakantietoeslag",
    "vakantietoeslag_bijstandsnorm",
    "bijstandsnorm_zonder_kostendelersnorm_inclusief_vakantietoeslag",
    "leefvorm",
    "aantal_kostendelers",
]
FEITEN = ["in_inrichting", "kamerhuurder", "ontvangt_studiefinanciering", "volgt_beroepsbegeleidende_leerweg"]


def _bevolking(seed: int, n: int, geschud: bool) -> dict:
    rng = np.random.default_rng(seed)
    n_partners = rng.choice([0, 1, 2], size=n, p=[0.03, 0.57, 0.40])
    n_kind = rng.choice([0, 1, 2, 3], size=n, p=[0.5, 0.2, 0.2, 0.1])
    n_mede = rng.choice([0, 1, 2], size=n, p=[0.6, 0.3, 0.1])
    n_partners[n_partners + n_kind + n_mede == 0] = 1
    grootte = n_partners + n_kind + n_mede
    m = int(grootte.sum())
    huishouden = np.repeat(np.arange(n), grootte)
    positie = np.arange(m) - np.repeat(np.cumsum(grootte) - grootte, grootte)
    partner = positie < np.repeat(n_partners, grootte)
    kind = ~partner & (positie < np.repeat(n_partners + n_kind, grootte))
    volgorde = rng.permutation(m) if geschud else np.arange(m)
    huishouden, partner, kind = huishouden[volgorde], partner[volgorde], kind[volgorde]
    rol = np.where(partner, "partner", np.where(kind, "kind", "medebewoner"))

    # Birth years that reach 18, 21 or 27 (kostendeler) or the AOW age inside the referteperiode.
    jaar = rng.choice(np.r_[1956:1962, 1995:2001, 2002:2009, 1960:1990], m)
    maand = rng.integers(1, 13, m)
    dag = np.where(rng.random(m) < 0.4, 1, rng.integers(1, 29, m))
    geboren = np.array([f"{j:04d}-{mm:02d}-{d:02d}" for j, mm, d in zip(jaar, maand, dag)], dtype="datetime64[D]")
    schrikkel = rng.random(m) < 0.08
    geboren[schrikkel] = np.array(["1956-02-29", "1960-02-29", "1996-02-29", "2004-02-29", "2008-02-29"],
                                  dtype="datetime64[D]")[rng.integers(0, 5, schrikkel.sum())]

    feiten = {}
    for naam, kans, wie in [
        ("in_inrichting", 0.05, partner),
        ("kamerhuurder", 0.25, ~partner & ~kind),
        ("ontvangt_studiefinanciering", 0.2, ~partner),
        ("volgt_beroepsbegeleidende_leerweg", 0.1, ~partner),
    ]:
        feiten[naam] = {maand_: wie & (rng.random(m) < kans) for maand_ in MAANDEN if rng.random() < 0.5}
    basisinkomen = rng.uniform(0, 2200, m)
    netto = {maand_: np.where(kind, 0.0, basisinkomen * rng.uniform(0.95, 1.05, m) * (rng.random(m) < 0.9)).round(2)
             for maand_ in MAANDEN if rng.random() < 0.85}
    bijstand = {
        maand_: ((rng.random(n) < 0.2) * rng.uniform(0, 400, n)).round(2) for maand_ in MAANDEN if rng.random() < 0.3
    }
    return {
        "n": n, "m": m, "huishouden": huishouden, "rol": rol, "partner": partner, "geboren": geboren,
        "feiten": feiten, "netto": netto, "bijstand": bijstand,
        "vermogen": np.where(kind, 0.0, rng.uniform(0, 6000, m)).round(2),
        "zicht": rng.random(n) < 0.05, "uitgesloten": rng.random(m) < 0.03,
    }


def _simulatie(b: dict, trace: bool = False, normen: dict | None = None):
    tbs = systeem()
    bouwer = SimulationBuilder()
    bouwer.create_entities(tbs)
    bouwer.declare_person_entity("persoon", [f"p{i}" for i in range(b["m"])])
    hh = bouwer.declare_entity("huishouden", [f"h{i}" for i in range(b["n"])])
    bouwer.join_with_persons(hh, b["huishouden"], b["rol"])
    sim = bouwer.build(tbs)
    sim.trace = trace
    sim.set_input("geboortedatum", "ETERNITY", b["geboren"])
    for naam, per_maand in b["feiten"].items():
        for maand, waarde in per_maand.items():
            sim.set_input(naam, maand, waarde)
    for maand, waarde in b["netto"].items():
        sim.set_input("netto_maandinkomen", maand, waarde)
    for maand, waarde in b["bijstand"].items():
        sim.set_input("algemene_bijstand", maand, waarde)
    for maand, waarde in (normen or {}).items():
        sim.set_input("bijstandsnorm_inclusief_vakantietoeslag", maand, waarde)
    sim.set_input("vermogen", PERIODE, b["vermogen"])
    sim.set_input("zicht_op_inkomensverbetering", PERIODE, b["zicht"])
    sim.set_input("uitgesloten_van_bijstand", PERIODE, b["uitgesloten"])
    return sim


@pytest.fixture(scope="module", params=[False, True], ids=["per_huishouden", "geschud"])
def bevolking(request):
    return _bevolking(seed=36, n=300, geschud=request.param)


@pytest.fixture(scope="module")
def losse_maanden(bevolking):
    """Every norm variable of every month, each month in a fresh simulation (no neighbouring month to start from)."""
    uit = {}
    for maand in MAANDEN:
        sim = _simulatie(bevolking)
        for naam in NORMVARIABELEN:
            uit[maand, naam] = np.asarray(sim.calculate(naam, maand)).copy()
    return uit


def _gelijk(a, b) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


@pytest.mark.parametrize("richting", ["terug", "vooruit"])
def test_normen_uit_de_buurmaand_zijn_gelijk_aan_losse_berekeningen(bevolking, losse_maanden, richting):
    sim = _simulatie(bevolking)
    volgorde = MAANDEN if richting == "terug" else MAANDEN[::-1]
    verschillen = [
        (maand, naam)
        for maand in volgorde
        for naam in NORMVARIABELEN
        if not _gelijk(sim.calculate(naam, maand), losse_maanden[maand, naam])
    ]
    assert not verschillen, verschillen[:5]


def test_de_bevolking_verandert_echt_van_maand_tot_maand(losse_maanden):
    """Guard against a test that cannot fail: statuses change within and between months for many households."""
    norm = np.array([losse_maanden[maand, "bijstandsnorm_inclusief_vakantietoeslag"] for maand in MAANDEN])
    kostendelers = np.array([losse_maanden[maand, "aantal_kostendelers"] for maand in MAANDEN])
    centen = np.round(norm.astype(np.float64) * 100) % 100
    assert (np.diff(norm, axis=0) != 0).sum() > 300  # changes between months
    assert (np.diff(kostendelers, axis=0) != 0).sum() > 50  # kostendelers come and go (age, kamerhuurder, studie)
    assert len(np.unique(centen)) > 50  # day-weighted averages within months, not only the table amounts


def _huishouden_van(b: dict) -> np.ndarray:
    """Position of each person's household in the simulation (the engine orders households by their id)."""
    return _simulatie(b).populations["huishouden"].members_entity_id


def _hoogste_rechttoe_rechtaan(b: dict, normen: dict, grens: float) -> np.ndarray:
    """The highest excess of art. 7:1/7:3 month by month, every household, with plain numpy."""
    huishouden_van = _huishouden_van(b)
    hoogste = np.zeros(b["n"])
    for maand in MAANDEN[1:]:  # the 36 months before the peilmaand
        netto = b["netto"].get(maand, np.zeros(b["m"]))
        inkomen = np.zeros(b["n"])
        np.add.at(inkomen, huishouden_van[b["partner"]], netto[b["partner"]].astype(np.float32).astype(np.float64))
        inkomen = inkomen + b["bijstand"].get(maand, np.zeros(b["n"])).astype(np.float32)
        if inkomen.any():  # a month counts when some household has income
            hoogste = np.maximum(hoogste, inkomen - grens * normen[maand])
    return np.round(hoogste, 2)


def _grenzen():
    p = systeem().parameters(PERIODE + "-01").gemeente.individuele_inkomenstoeslag
    return float(p.inkomensgrens), p.marginale_overschrijding


def test_inkomenstoeslag_zonder_uitleg_is_gelijk_aan_de_rechttoe_rechtaan_berekening(bevolking, losse_maanden):
    grens, marginaal = _grenzen()
    normen = {maand: losse_maanden[maand, "bijstandsnorm_inclusief_vakantietoeslag"] for maand in MAANDEN}
    hoogste = _hoogste_rechttoe_rechtaan(bevolking, normen, grens)

    snel = _simulatie(bevolking)
    toeslag = snel.calculate("individuele_inkomenstoeslag", PERIODE)  # first: takes the fast path
    voorwaarden = np.logical_and.reduce([
        snel.calculate(naam, PERIODE) for naam in [
            "iit_rechthebbende_partner", "iit_leeftijd_voorwaarde", "iit_geen_vermogen_boven_grens",
            "iit_geen_zicht_op_inkomensverbetering", "iit_buiten_herhalingstermijn",
        ]
    ])
    laag = hoogste.astype(np.float32) < marginaal
    verwacht = np.where(voorwaarden & laag, snel.calculate("iit_bedrag_volgens_verordening", PERIODE), 0.0)
    assert _gelijk(toeslag, verwacht.astype(toeslag.dtype))

    volledig = _simulatie(bevolking)  # the criteria as variables, for every household
    assert _gelijk(volledig.calculate("iit_hoogste_overschrijding_referteperiode", PERIODE), hoogste.astype(np.float32))
    assert _gelijk(volledig.calculate("iit_langdurig_laag_inkomen", PERIODE), laag)
    # Meaningful: households on both sides of the limit among those meeting the other conditions.
    assert (voorwaarden & laag).sum() > 20 and (voorwaarden & ~laag).sum() > 20


def test_met_uitleg_dezelfde_uitkomsten(bevolking):
    zonder = _simulatie(bevolking)
    met = _simulatie(bevolking, trace=True)
    for naam in ["individuele_inkomenstoeslag", "iit_hoogste_overschrijding_referteperiode", "bijstandsnorm"]:
        assert _gelijk(zonder.calculate(naam, PERIODE), met.calculate(naam, PERIODE)), naam


def test_een_maand_telt_als_enig_huishouden_inkomen_heeft():
    """Also when the followed households have none: with a norm given as input (here a negative one, which no
    formula produces) the month still counts for every household, as in the full calculation."""
    b = _bevolking(seed=7, n=40, geschud=False)
    b["netto"] = {maand: np.zeros(b["m"]) for maand in MAANDEN}
    b["bijstand"] = {}
    rijk = ~_simulatie(b).calculate("iit_leeftijd_voorwaarde", PERIODE)  # a household that is not followed
    assert rijk.any()
    eerste_rijke = _huishouden_van(b) == np.flatnonzero(rijk)[0]
    b["netto"][MAANDEN[5]] = np.where(eerste_rijke & b["partner"], 2500.0, 0.0)
    normen = {MAANDEN[5]: np.full(b["n"], -10.0)}
    snel = _simulatie(b, normen=normen).calculate("individuele_inkomenstoeslag", PERIODE)
    volledig = _simulatie(b, normen=normen)
    laag = volledig.calculate("iit_langdurig_laag_inkomen", PERIODE)
    assert not laag.any()  # 0 - 1 x -10 = 10 >= 5: nobody has a langdurig laag inkomen
    assert _gelijk(snel, np.zeros(b["n"], dtype=snel.dtype))
