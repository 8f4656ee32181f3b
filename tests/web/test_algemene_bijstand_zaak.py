"""Issue 11 point 4: a consulent inkomen computes algemene bijstand on a zaak; the finding of art. 31 lid 2 n reaches
the Regelkern, a missing finding counts the income in full, and other roles are refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from maatwerk.personen import services as personen
from maatwerk.regels.berekening import bereken
from maatwerk.zaken import beoordeling, procedure
from maatwerk.zaken.models import Berekening, Status

pytestmark = pytest.mark.django_db
MAAND = "2026-07"
JULI = dt.date(2026, 7, 1)
MOTIVERING = "Vastgesteld in het gesprek en onderbouwd met de stukken in het dossier."


@pytest.fixture
def zaak(maak_zaak, inkomen):
    zaak = maak_zaak(inkomen, regeling="algemene_bijstand")
    personen.leg_inkomen_vast(inkomen, zaak.hoofdpersoon, maand=JULI, netto_bedrag=Decimal("800"), soort="loon")
    procedure.voer_uit(zaak, Status.AANVRAAG, inkomen, datum=dt.date(2026, 7, 2))
    zaak.refresh_from_db()
    return zaak


def _persoon(b):
    return b.situatie["personen"][f"inwoner_{b.zaak.hoofdpersoon_id}"]


def _regelkern(b, **persoon):
    situatie = b.situatie
    situatie["personen"][f"inwoner_{b.zaak.hoofdpersoon_id}"].update(persoon)
    uit = bereken(situatie, MAAND, variabelen=["algemene_bijstand_uit_te_betalen", "vrijlating_arbeidsinkomen"])
    return uit["resultaten"]


def test_de_bevinding_vrijlating_bereikt_de_regelkern(zaak, inkomen):
    for criterium, waarde in (("arbeid_draagt_bij_aan_arbeidsinschakeling", "ja"), ("afwijzingsgronden", "nee")):
        beoordeling.leg_bevinding_vast(zaak, inkomen, criterium=criterium, waarde=waarde, motivering=MOTIVERING)
    invoer = {"personen": {str(zaak.hoofdpersoon_id): {"netto_inkomsten_uit_arbeid": {MAAND: 800}}}}
    b = beoordeling.bereken(zaak, inkomen, maand=MAAND, invoer=invoer)
    assert _persoon(b)["arbeid_draagt_bij_aan_arbeidsinschakeling"] == {MAAND: True}
    assert b.bedrag is not None and b.bedrag > 0
    # The stored amount is the Regelkern's, and the vrijlating (25 % of € 800) is part of it.
    h = _regelkern(b)["huishoudens"][f"huishouden_{zaak.huishouden_id}"]
    assert b.bedrag == Decimal(str(h["algemene_bijstand_uit_te_betalen"])).quantize(Decimal("0.01"))
    zonder = _regelkern(b, arbeid_draagt_bij_aan_arbeidsinschakeling={MAAND: False})
    verschil = h["algemene_bijstand_uit_te_betalen"] - zonder["huishoudens"][f"huishouden_{zaak.huishouden_id}"]["algemene_bijstand_uit_te_betalen"]
    assert round(verschil, 2) == round(200 * (1 - 70.97 / 1419.46), 2)  # € 200 vrij, minus its vakantietoeslag share


def test_zonder_bevinding_telt_het_inkomen_helemaal(zaak, inkomen):
    b = beoordeling.bereken(zaak, inkomen, maand=MAAND,
                            invoer={"personen": {str(zaak.hoofdpersoon_id): {"netto_inkomsten_uit_arbeid": {MAAND: 800}}}})
    assert _persoon(b)["arbeid_draagt_bij_aan_arbeidsinschakeling"] == {MAAND: False}
    assert any("arbeid_draagt_bij_aan_arbeidsinschakeling" in w for w in b.waarschuwingen)
    h = _regelkern(b)["huishoudens"][f"huishouden_{zaak.huishouden_id}"]
    assert _regelkern(b)["personen"][f"inwoner_{zaak.hoofdpersoon_id}"]["vrijlating_arbeidsinkomen"] == 0
    assert b.bedrag == Decimal(str(h["algemene_bijstand_uit_te_betalen"])).quantize(Decimal("0.01"))


@pytest.mark.parametrize("rol", ["wmo", "kwaliteit", "beheerder"])
def test_andere_rollen_mogen_niet_rekenen(zaak, rol, request):
    gebruiker = request.getfixturevalue(rol)
    with pytest.raises((Http404, PermissionDenied)):
        beoordeling.bereken(zaak, gebruiker, maand=MAAND)
    assert not Berekening.objects.filter(zaak=zaak).exists()
