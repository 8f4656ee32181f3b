"""Issue 12 point 5: the monitor's figures on known fixtures — exact medians and p90, overdue on the term's last
day vs the day after, the small-cell rule at 4 and 5, pseudonymised caseload, bezwaren, four eyes, self-checks.

The zaken are made by the real `meld_zaak`; their dates are then set directly, because the figures are about
dates in the past that the procedure (rightly) does not let a consulent backdate."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from maatwerk.besluiten.models import Besluit, Bezwaarschrift
from maatwerk.loket.models import ZelftestTelling
from maatwerk.monitor import cijfers
from maatwerk.monitor.periode import periode
from maatwerk.personen import services as personen
from maatwerk.regels.invoer import InvoerFout
from maatwerk.zaken.models import Goedkeuring, Zaak
from maatwerk.zaken.services import meld_zaak
from maatwerk.zaken.termijnen import beslistermijn

pytestmark = pytest.mark.django_db
BB = "bijzondere_bijstand"
WMO = "wmo_maatwerkvoorziening"
H1 = periode("2026-H1")
_teller = itertools.count(1)


def _bsn(n: int) -> str:
    for k in itertools.count(n):
        basis = f"{20_000_000 + k:08d}"
        controle = sum(int(c) * w for c, w in zip(basis, range(9, 1, -1))) % 11
        if controle < 10:
            return basis + str(controle)
    raise AssertionError


def zaak(gebruiker, regeling=BB, *, aanvraag=None, besluit=None, behandelaar=None) -> Zaak:
    n = next(_teller)
    inwoner = personen.registreer_inwoner(
        gebruiker, bsn=_bsn(n * 7919 + 29), voornamen="Sanne", achternaam=f"Monitor{n}",
        geboortedatum=dt.date(1970, 3, 1), straat="Dorpsstraat", huisnummer=n, postcode="2651 AB",
        woonplaats="Berkel en Rodenrijs")
    huishouden = personen.maak_huishouden(gebruiker, naam=f"Huishouden Monitor{n}", aanvrager=inwoner)
    z = meld_zaak(gebruiker, huishouden=huishouden, hoofdpersoon=inwoner, regeling=regeling,
                  ontvangen_op=dt.date(2026, 1, 5), omschrijving="Vraag om bijzondere bijstand.")
    velden = {"aanvraagdatum": aanvraag, "behandelaar": behandelaar}
    if besluit:
        velden |= {"besluitdatum": besluit, "status": "besluit", "besluit_uitkomst": "toegekend"}
    Zaak.objects.filter(pk=z.pk).update(**velden)
    z.refresh_from_db()
    return z


AANVRAAG = dt.date(2026, 2, 2)


def _beslist_na(gebruiker, *dagen: int, regeling=BB):
    for d in dagen:
        zaak(gebruiker, regeling, aanvraag=AANVRAAG, besluit=AANVRAAG + dt.timedelta(days=d))


def _rij(lijst, regeling=BB):
    return next(r for r in lijst if r.regeling == regeling)


def test_cel_at_4_and_5():
    assert [cijfers.cel(n) for n in (0, 1, 4, 5, 6)] == [0, "< 5", "< 5", 5, 6]


def test_exact_median_and_p90_odd_and_even(inkomen):
    _beslist_na(inkomen, 10, 20, 30, 40, 100)
    rij = _rij(cijfers.doorlooptijden(H1, regeling=BB))
    assert (rij.besluiten, rij.mediaan_dagen, rij.p90_dagen) == (5, 30, 100)
    assert rij.termijn == "8 weken" and "4:13" in rij.bron and rij.soort == "wet"
    _beslist_na(inkomen, 50)
    rij = _rij(cijfers.doorlooptijden(H1, regeling=BB))
    assert (rij.besluiten, rij.mediaan_dagen, rij.p90_dagen) == (6, 35, 100)
    # 100 days is after the 8-week term; 50 days is not.
    assert rij.te_laat == "< 5"


def test_four_zaken_show_no_count_and_no_median(inkomen):
    _beslist_na(inkomen, 10, 20, 30, 40)
    rij = _rij(cijfers.doorlooptijden(H1, regeling=BB))
    assert (rij.besluiten, rij.mediaan_dagen, rij.p90_dagen) == ("< 5", None, None)


def test_only_besluiten_in_the_period_count(inkomen):
    _beslist_na(inkomen, 10, 20, 30, 40, 50)
    zaak(inkomen, aanvraag=dt.date(2026, 6, 1), besluit=dt.date(2026, 7, 1))  # decided in H2
    assert _rij(cijfers.doorlooptijden(H1, regeling=BB)).besluiten == 5
    assert _rij(cijfers.doorlooptijden(periode("2026-H2"), regeling=BB)).besluiten == "< 5"


def test_overdue_on_the_last_day_vs_the_day_after(inkomen):
    einde = beslistermijn("Participatiewet", AANVRAAG).einde
    for _ in range(5):
        zaak(inkomen, aanvraag=AANVRAAG)  # open
    assert _rij(cijfers.doorlooptijden(H1, regeling=BB, peildatum=einde)).te_laat_nu == 0
    assert _rij(cijfers.doorlooptijden(H1, regeling=BB, peildatum=einde + dt.timedelta(days=1))).te_laat_nu == 5


def test_decided_on_the_last_day_is_in_time_the_day_after_is_late(inkomen):
    einde = beslistermijn("Participatiewet", AANVRAAG).einde
    dagen_tot_einde = (einde - AANVRAAG).days
    _beslist_na(inkomen, *[dagen_tot_einde] * 5)
    assert _rij(cijfers.doorlooptijden(H1, regeling=BB)).te_laat == 0
    _beslist_na(inkomen, *[dagen_tot_einde + 1] * 5)
    assert _rij(cijfers.doorlooptijden(H1, regeling=BB)).te_laat == 5


def test_wmo_term_is_two_weeks_with_its_source(wmo):
    rij = _rij(cijfers.doorlooptijden(H1, regeling=WMO), WMO)
    assert rij.termijn == "2 weken" and "2.3.5" in rij.bron


def test_caseload_is_pseudonymised_per_team_in_order_of_load(inkomen, maak_gebruiker, wmo):
    tweede = maak_gebruiker("inkomen2", "consulent_inkomen")
    for _ in range(6):
        zaak(inkomen, aanvraag=AANVRAAG, behandelaar=tweede)
    for _ in range(5):
        zaak(inkomen, aanvraag=AANVRAAG, behandelaar=inkomen)
    zaak(wmo, WMO, aanvraag=AANVRAAG, behandelaar=wmo)
    rijen = cijfers.caseload(dt.date(2026, 6, 30))
    assert [(r.team, r.consulent, r.open_zaken) for r in rijen] == [
        ("Inkomen", "consulent A", 6), ("Inkomen", "consulent B", 5), ("Wmo", "consulent A", "< 5")]
    tekst = repr(rijen)
    assert "inkomen1" not in tekst and "inkomen2" not in tekst and "wmo1" not in tekst


def _besluit(z, gebruiker, bekendgemaakt: dt.date) -> Besluit:
    return Besluit.objects.create(zaak=z, soort="toekenning", status="bekendgemaakt", opgesteld_door=gebruiker,
                                  besluitdatum=bekendgemaakt, bekendgemaakt_op=bekendgemaakt)


def _bezwaar(besluit, gebruiker, ontvangen, *, uitkomst="", beslist=None, einde=None):
    return Bezwaarschrift.objects.create(
        besluit=besluit, indiener="Indiener", ontvangen_op=ontvangen, gronden="Ik ben het er niet mee eens.",
        geregistreerd_door=gebruiker, bezwaartermijn_einde=ontvangen, tijdig=True, tijdigheid_bron="Awb 6:7",
        tijdigheid_uitleg="Op tijd.", uiterste_ontvangst_bij_post=ontvangen,
        beslistermijn_einde=einde or ontvangen + dt.timedelta(days=42), uitkomst=uitkomst, beslist_op=beslist)


def test_bezwaren_outcomes_and_time_to_decision(inkomen):
    z = zaak(inkomen, aanvraag=AANVRAAG, besluit=dt.date(2026, 2, 20))
    besluit = _besluit(z, inkomen, dt.date(2026, 2, 20))
    ontvangen = dt.date(2026, 3, 2)
    for dagen in (10, 20, 30, 40, 50):
        _bezwaar(besluit, inkomen, ontvangen, uitkomst="ongegrond", beslist=ontvangen + dt.timedelta(days=dagen))
    _bezwaar(besluit, inkomen, ontvangen, uitkomst="gegrond", beslist=ontvangen + dt.timedelta(days=60))
    _bezwaar(besluit, inkomen, ontvangen)  # still open
    rij = _rij(cijfers.bezwaren(H1, regeling=BB))
    assert rij.ontvangen == 7
    assert rij.uitkomsten == {"gegrond": "< 5", "ongegrond": 5, "niet-ontvankelijk": 0}
    assert rij.mediaan_dagen == 35  # 10 20 30 40 50 60
    assert rij.te_laat == "< 5"  # 50 and 60 days are after the 42 days


def test_four_eyes_share(inkomen, kwaliteit):
    for i in range(10):
        z = zaak(inkomen, aanvraag=AANVRAAG, besluit=dt.date(2026, 3, 2))
        b = _besluit(z, inkomen, dt.date(2026, 3, 2))
        if i < 5:
            Goedkeuring.objects.create(zaak=z, besluit=b, akkoord=True, door=kwaliteit)
        elif i == 5:
            Goedkeuring.objects.create(zaak=z, akkoord=False, door=kwaliteit)  # refused: not four eyes given
    rij = _rij(cijfers.vier_ogen(H1, regeling=BB))
    assert (rij.besluiten, rij.met_vier_ogen, rij.aandeel) == (10, 5, "50 %")
    assert cijfers.aandeel(4, 10) is None and cijfers.aandeel(6, 10) is None  # 6 of 10 gives away the 4 others


def test_self_checks_per_outcome(db):
    ZelftestTelling.objects.create(datum=dt.date(2026, 3, 1), regeling=BB, uitkomst="recht", aantal=3)
    ZelftestTelling.objects.create(datum=dt.date(2026, 3, 2), regeling=BB, uitkomst="recht", aantal=4)
    ZelftestTelling.objects.create(datum=dt.date(2026, 3, 2), regeling=BB, uitkomst="geen_recht", aantal=2)
    ZelftestTelling.objects.create(datum=dt.date(2026, 7, 1), regeling=BB, uitkomst="geen_recht", aantal=50)
    assert cijfers.zelftesten(H1) == [cijfers.Zelftest(BB, "Bijzondere bijstand", {
        "waarschijnlijk recht": 7, "waarschijnlijk geen recht": "< 5"})]


@pytest.mark.parametrize("code,van,tot", [
    ("2026-H1", dt.date(2026, 1, 1), dt.date(2026, 6, 30)), ("2026-h2", dt.date(2026, 7, 1), dt.date(2026, 12, 31)),
    ("2024-K1", dt.date(2024, 1, 1), dt.date(2024, 3, 31)), ("2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31))])
def test_periode(code, van, tot):
    p = periode(code)
    assert (p.van, p.tot) == (van, tot)


@pytest.mark.parametrize("fout", ["2026-H3", "H2", "", None, "1800-H1", "2026-K5"])
def test_bad_periode_names_the_field(fout):
    with pytest.raises(InvoerFout) as e:
        periode(fout)
    assert e.value.veld == "periode" and "2026-H2" in e.value.bericht


def test_unknown_regeling_is_refused(db):
    with pytest.raises(InvoerFout) as e:
        cijfers.monitor(H1, regeling="bestaat_niet")
    assert e.value.veld == "regeling"


def test_whole_monitor_runs_on_an_empty_database(db):
    m = cijfers.monitor(H1)
    assert len(m.doorlooptijden) == len(m.bezwaren) == len(m.vier_ogen) >= 5
