"""Issue 12 point 4, wider selection: besides algemene bijstand, the batch looks at households the municipality knows
from an inkomenstoeslag granted on an aanvraag in the referteperiode, or from a bijzondere bijstand zaak with recorded
income or vermogen. Without algemene bijstand on the peildatum the afwijzingsgronden are not known: such a household
reaches the review list (or geen_recht), never a concept toekenning. Edges: the referteperiode of the IIT exactly, and
an income exactly at the limit (7:3 with the marginal excess of its toelichting)."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from django.conf import settings

from maatwerk.ambtshalve import batch, voorwaarden
from maatwerk.ambtshalve.models import Soort, Uitkomst
from maatwerk.personen import services as personen
from maatwerk.personen.models import Maandinkomen
from maatwerk.zaken.models import Status as ZaakStatus, Zaak

from .conftest import PEILDATUM, bsn_met_elfproef

pytestmark = pytest.mark.django_db
IIT = "individuele_inkomenstoeslag"
_n = itertools.count(1)
EERSTE = dt.date(2023, 3, 1)  # first month of the referteperiode of PEILDATUM (36 months before March 2026)
GRENSMAAND = dt.date(2025, 6, 1)


@pytest.fixture
def zonder_bijstand(inkomen):
    """An alleenstaande without algemene bijstand; optionally income in every month of the referteperiode
    (`inkomen`: amount per month, or a dict month -> amount; months missing from a dict have no record), an earlier
    granted IIT on `eerdere_iit`, or a bijzondere bijstand zaak received on `bijzondere_bijstand`."""

    def maak(*, inkomen_per_maand=None, eerdere_iit=None, bijzondere_bijstand=None, vermogen=Decimal("500")):
        n = next(_n)
        inwoner = personen.registreer_inwoner(
            inkomen, bsn=bsn_met_elfproef(70000000 + n * 7919), voornamen=f"Buiten{n}", achternaam="Jansen",
            geboortedatum=dt.date(1980, 1, 1), straat="Kerkweg", huisnummer=n, postcode="2651 AB",
            woonplaats="Berkel en Rodenrijs")
        huishouden = personen.maak_huishouden(inkomen, naam=f"Huishouden Jansen {n}", aanvrager=inwoner,
                                              vanaf=dt.date(2020, 1, 1))
        if inkomen_per_maand is not None:
            maanden = voorwaarden.referteperiode(PEILDATUM)
            bedragen = inkomen_per_maand if isinstance(inkomen_per_maand, dict) else {m: inkomen_per_maand for m in maanden}
            Maandinkomen.objects.bulk_create([Maandinkomen(inwoner=inwoner, maand=m, netto_bedrag=b, vastgelegd_door=inkomen)
                                              for m, b in bedragen.items()])
        if vermogen is not None:
            personen.leg_vermogen_vast(inkomen, inwoner, maand=dt.date(2025, 12, 1), bedrag=vermogen)
        if eerdere_iit is not None:
            Zaak.objects.create(regeling=IIT, huishouden=huishouden, hoofdpersoon=inwoner, ontvangen_op=eerdere_iit,
                                aanvraagdatum=eerdere_iit, status=ZaakStatus.BESLUIT, besluit_uitkomst="toegekend",
                                besluit_bedrag=Decimal("382"), besluitdatum=eerdere_iit + dt.timedelta(days=20),
                                behandelaar=inkomen, aangemaakt_door=inkomen)
        if bijzondere_bijstand is not None:
            Zaak.objects.create(regeling="bijzondere_bijstand", huishouden=huishouden, hoofdpersoon=inwoner,
                                ontvangen_op=bijzondere_bijstand, behandelaar=inkomen, aangemaakt_door=inkomen)
        return huishouden

    return maak


def _grens_van(huishouden, maand: dt.date) -> tuple[Decimal, Decimal]:
    """The income limit of the month (grens x bijstandsnorm, from the Regelkern) and the marginal excess."""
    from maatwerk.personen.situatie import bouw_situatie
    from maatwerk.regels.berekening import bereken

    situatie = bouw_situatie(huishouden, maand)
    uit = bereken(situatie.json, f"{maand.year}-{maand.month:02d}", settings.MAATWERK_GEMEENTE,
                  ["bijstandsnorm_inclusief_vakantietoeslag"])["resultaten"]["huishoudens"][situatie.huishouden_sleutel]
    p = voorwaarden.parameters(PEILDATUM).gemeente.individuele_inkomenstoeslag
    grens = Decimal(str(round(float(p.inkomensgrens) * uit["bijstandsnorm_inclusief_vakantietoeslag"], 2)))
    return grens, Decimal(str(p.marginale_overschrijding))


def test_alleen_bekende_huishoudens(zonder_bijstand):
    onbekend = zonder_bijstand(inkomen_per_maand=Decimal("900"))  # income, but no zaak that makes it known
    bb_zonder_gegevens = zonder_bijstand(bijzondere_bijstand=dt.date(2025, 6, 1), vermogen=None)
    bb = zonder_bijstand(inkomen_per_maand=Decimal("900"), bijzondere_bijstand=dt.date(2025, 6, 1))
    bekend = voorwaarden.huishoudens_bekend(PEILDATUM)
    assert onbekend.pk not in bekend and bb_zonder_gegevens.pk not in bekend
    assert bekend[bb.pk] == [voorwaarden.BEKEND_BIJZONDERE_BIJSTAND]


@pytest.mark.parametrize("aanvraag, bekend", [
    (EERSTE, True),  # the first day of the referteperiode: inside
    (EERSTE - dt.timedelta(days=1), False),  # one day before: outside
    (PEILDATUM, True),  # on the peildatum itself: inside
])
def test_eerdere_toeslag_precies_aan_de_rand_van_de_referteperiode(zonder_bijstand, aanvraag, bekend):
    h = zonder_bijstand(eerdere_iit=aanvraag)
    assert (h.pk in voorwaarden.huishoudens_bekend(PEILDATUM)) is bekend
    if bekend:
        assert voorwaarden.huishoudens_bekend(PEILDATUM)[h.pk] == [voorwaarden.BEKEND_IIT]


def _inkomen_rond_grens(zonder_bijstand, boven: Decimal, door):
    """Income € 0 in every month, and in GRENSMAAND exactly the limit plus `boven`."""
    h = zonder_bijstand(eerdere_iit=dt.date(2024, 1, 10))
    grens, marginaal = _grens_van(h, GRENSMAAND)
    inwoner = h.lidmaatschappen_op(PEILDATUM)[0].inwoner
    Maandinkomen.objects.bulk_create([
        Maandinkomen(inwoner=inwoner, maand=m, netto_bedrag=(grens + boven if m == GRENSMAAND else Decimal("0")),
                     vastgelegd_door=door)
        for m in voorwaarden.referteperiode(PEILDATUM)])
    return h, marginaal


@pytest.mark.parametrize("boven, verwacht", [
    (Decimal("0"), "ja"),  # exactly at the limit: "niet hoger dan 100 procent" (7:3)
    ("marginaal_min_cent", "ja"),  # below the marginal excess of the toelichting: ignored
    ("marginaal", "nee"),  # the marginal excess itself: not low any more
])
def test_inkomen_op_de_grens(zonder_bijstand, inkomen, boven, verwacht):
    if boven == "marginaal_min_cent" or boven == "marginaal":
        probe = zonder_bijstand()
        _, marginaal = _grens_van(probe, GRENSMAAND)
        boven = marginaal - Decimal("0.01") if boven == "marginaal_min_cent" else marginaal
    h, _ = _inkomen_rond_grens(zonder_bijstand, boven, inkomen)
    k = voorwaarden.beoordeel(h, PEILDATUM)
    laag = k.voorwaarde("langdurig_laag_inkomen")
    assert laag.waarde == verwacht, laag.grond
    assert "vastgelegd inkomen in 36 maanden" in laag.grond
    # Never sure without algemene bijstand: the afwijzingsgronden are not known.
    assert k.voorwaarde("afwijzingsgronden").waarde == "onbekend" and not k.zeker


def test_een_maand_zonder_inkomen_is_onbekend(zonder_bijstand):
    maanden = voorwaarden.referteperiode(PEILDATUM)
    h = zonder_bijstand(inkomen_per_maand={m: Decimal("100") for m in maanden[1:]}, eerdere_iit=dt.date(2024, 1, 10))
    laag = voorwaarden.beoordeel(h, PEILDATUM).voorwaarde("langdurig_laag_inkomen")
    assert laag.waarde == "onbekend" and "35 van de 36" in laag.grond


def test_batch_zet_bredere_selectie_op_de_controlelijst_nooit_stil_toegekend(zonder_bijstand, huishouden_met_bijstand,
                                                                             inkomen):
    buiten = zonder_bijstand(inkomen_per_maand=Decimal("100"), eerdere_iit=dt.date(2024, 1, 10))
    boven = zonder_bijstand(inkomen_per_maand=Decimal("9000"), bijzondere_bijstand=dt.date(2025, 6, 1))
    binnen = huishouden_met_bijstand(naam="Binnen")
    b = batch.draai(inkomen, PEILDATUM)
    assert b.totaal == 3 and b.klaar_op is not None
    u = Uitkomst.objects.get(batch=b, huishouden=buiten)
    assert u.soort == Soort.CONTROLE and u.zaak is None and u.bekend_uit == voorwaarden.BEKEND_IIT
    assert "geen lopende algemene bijstand" in u.reden
    assert Uitkomst.objects.get(batch=b, huishouden=boven).soort == Soort.GEEN_RECHT
    assert Uitkomst.objects.get(batch=b, huishouden=binnen).bekend_uit == "; ".join(
        [voorwaarden.BEKEND_BIJSTAND, voorwaarden.BEKEND_IIT])  # its earlier toeslag of 2025 too
    assert not Zaak.objects.filter(regeling=IIT, huishouden__in=[buiten, boven], aanvraagdatum=PEILDATUM).exists()
