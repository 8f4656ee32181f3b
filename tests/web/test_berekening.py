"""The situation built from stored data, and the Regelkern run on a zaak (income schemes)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from maatwerk.personen import services as personen
from maatwerk.personen.situatie import bouw_situatie
from maatwerk.zaken import beoordeling, procedure
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import Status

pytestmark = pytest.mark.django_db
JULI = dt.date(2026, 7, 1)


@pytest.fixture
def gezin(maak_zaak, inkomen, maak_inwoner):
    """A couple with a child; bijzondere bijstand for € 850 of costs, as an aanvraag."""
    zaak = maak_zaak(inkomen, regeling="bijzondere_bijstand", kosten=Decimal("850"))
    aanvrager = zaak.hoofdpersoon
    partner = maak_inwoner(inkomen, voornamen="Partner", geboortedatum=dt.date(1987, 11, 2))
    kind = maak_inwoner(inkomen, voornamen="Kind", geboortedatum=dt.date(2015, 6, 1))
    personen.voeg_lid_toe(inkomen, zaak.huishouden, partner, rol="partner", relatie="partner")
    personen.voeg_lid_toe(inkomen, zaak.huishouden, kind, rol="kind", relatie="kind")
    personen.leg_inkomen_vast(inkomen, aanvrager, maand=JULI, netto_bedrag=Decimal("1200"), soort="loon")
    personen.leg_inkomen_vast(inkomen, aanvrager, maand=JULI, netto_bedrag=Decimal("450"), soort="alimentatie")
    personen.leg_inkomen_vast(inkomen, partner, maand=JULI, netto_bedrag=Decimal("450"))
    personen.leg_vermogen_vast(inkomen, aanvrager, maand=dt.date(2026, 3, 1), bedrag=Decimal("2500"))
    procedure.voer_uit(zaak, Status.AANVRAAG, inkomen, datum=dt.date(2026, 7, 2))
    return zaak, aanvrager, partner, kind


def test_situatie_uit_opgeslagen_gegevens(gezin):
    zaak, aanvrager, partner, kind = gezin
    s = bouw_situatie(zaak.huishouden, JULI)
    a, p, k = (f"inwoner_{i.pk}" for i in (aanvrager, partner, kind))
    assert s.json["huishoudens"][s.huishouden_sleutel] == {"partners": [a, p], "kinderen": [k]}
    assert s.json["personen"][a]["netto_maandinkomen"] == {"2026-07": 1650.0}  # loon + alimentatie
    assert s.json["personen"][a]["vermogen"] == {"2026-03": 2500.0, "2026-07": 2500.0}  # carried forward
    assert s.json["personen"][k] == {"geboortedatum": "2015-06-01"}
    assert any("laatste opgave is van 2026-03" in w for w in s.waarschuwingen)
    assert any("Partner" in w and "geen vermogen" in w for w in s.waarschuwingen)


def test_vervallen_inkomen_telt_niet_mee(gezin, inkomen):
    zaak, aanvrager, *_ = gezin
    record = aanvrager.maandinkomens.get(soort="alimentatie")
    personen.laat_vervallen(inkomen, record)
    s = bouw_situatie(zaak.huishouden, JULI)
    assert s.json["personen"][f"inwoner_{aanvrager.pk}"]["netto_maandinkomen"] == {"2026-07": 1200.0}


def test_beeindigd_lid_telt_niet_mee(gezin, inkomen):
    zaak, _, partner, _ = gezin
    lid = zaak.huishouden.lidmaatschappen.get(inwoner=partner)
    personen.beeindig_lidmaatschap(inkomen, lid, dt.date(2026, 6, 30))
    s = bouw_situatie(zaak.huishouden, JULI)
    assert f"inwoner_{partner.pk}" not in s.json["personen"]


def test_berekening_slaat_invoer_resultaat_en_uitleg_op(gezin, inkomen):
    zaak, *_ = gezin
    for code, waarde in [("bijzondere_omstandigheden", "ja"), ("kosten_noodzakelijk", "ja"),
                         ("kosten_daadwerkelijk_gemaakt", "ja"), ("voorliggende_voorziening", "nee"),
                         ("afwijzingsgronden", "nee"), ("zeer_dringende_redenen", "nee")]:
        beoordeling.leg_bevinding_vast(zaak, inkomen, criterium=code, waarde=waarde,
                                       motivering="Blijkt uit de offerte en het gesprek aan de keukentafel.")
    b = beoordeling.bereken(zaak, inkomen, maand="2026-07", invoer={"huishouden": {"kostensoort": "overig"}})
    h = b.situatie["huishoudens"][f"huishouden_{zaak.huishouden_id}"]
    assert h["bijzondere_kosten"] == {"2026-07": 850.0}
    assert h["kosten_noodzakelijk"] == {"2026-07": "ja"}
    assert h["voorliggende_voorziening_passend_en_toereikend"] == {"2026-07": "nee"}
    assert h["kostensoort"] == "overig"
    resultaat = b.resultaat["huishoudens"][f"huishouden_{zaak.huishouden_id}"]
    assert b.bedrag == Decimal(str(resultaat["bijzondere_bijstand_bedrag"])).quantize(Decimal("0.01"))
    assert b.uitleg["huishoudens"][f"huishouden_{zaak.huishouden_id}"]["bijzondere_bijstand_bedrag"]
    assert b.gemeente == "lansingerland"
    # With all findings and a fresh computation the zaak can go to klaar_voor_besluit.
    procedure.voer_uit(zaak, Status.BEOORDELING, inkomen, datum=dt.date(2026, 7, 3))
    procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, inkomen, datum=dt.date(2026, 7, 3), uitkomst="toegekend")
    assert zaak.voorstel_bedrag == b.bedrag


def test_ontbrekende_bevindingen_worden_gemeld_niet_verzwegen(gezin, inkomen):
    zaak, *_ = gezin
    b = beoordeling.bereken(zaak, inkomen, maand="2026-07")
    assert any("kosten_noodzakelijk is nog niet vastgelegd" in w for w in b.waarschuwingen)


def test_klaar_voor_besluit_vraagt_berekening_na_laatste_bevinding(gezin, inkomen):
    zaak, *_ = gezin
    procedure.voer_uit(zaak, Status.BEOORDELING, inkomen, datum=dt.date(2026, 7, 3))
    beoordeling.bereken(zaak, inkomen, maand="2026-07")
    for c in zaak.definitie.criteria:
        beoordeling.leg_bevinding_vast(zaak, inkomen, criterium=c.code, waarde="ja",
                                       motivering="Een motivering van voldoende lengte.")
    with pytest.raises(ProcedureFout) as fout:
        procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, inkomen, datum=dt.date(2026, 7, 3), uitkomst="toegekend")
    assert fout.value.code == "berekening_verouderd"


def test_hoger_bedrag_dan_berekend_is_een_afwijking(gezin, inkomen):
    zaak, *_ = gezin
    procedure.voer_uit(zaak, Status.BEOORDELING, inkomen, datum=dt.date(2026, 7, 3))
    for c in zaak.definitie.criteria:
        beoordeling.leg_bevinding_vast(zaak, inkomen, criterium=c.code, waarde="ja",
                                       motivering="Een motivering van voldoende lengte.")
    b = beoordeling.bereken(zaak, inkomen, maand="2026-07")
    with pytest.raises(ProcedureFout) as fout:
        procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, inkomen, datum=dt.date(2026, 7, 3), uitkomst="toegekend",
                           bedrag=(b.bedrag or Decimal("0")) + Decimal("1"))
    assert fout.value.code == "afwijking_nodig"


@pytest.mark.parametrize(
    "invoer,veld",
    [
        ({"huishouden": {"bijzondere_kosten": 5}}, "invoer.huishouden.bijzondere_kosten"),
        ({"huishouden": {"onbekend_ding": 5}}, "invoer.huishoudens"),
        ({"personen": {"999999": {"kamerhuurder": True}}}, "invoer.personen.999999"),
        ({"iets": 1}, "invoer"),
        ({"huishouden": {"kostensoort": "bestaat_niet"}}, "invoer.huishoudens"),
    ],
)
def test_foute_aanvullende_invoer_geeft_veldfout(gezin, inkomen, invoer, veld):
    zaak, *_ = gezin
    with pytest.raises(ValidationError) as fout:
        beoordeling.bereken(zaak, inkomen, maand="2026-07", invoer=invoer)
    assert any(k.startswith(veld) for k in fout.value.message_dict)


def test_jeugd_rekent_niet(maak_zaak, jeugd):
    # Issue 10: the Wmo computes its pgb and eigen bijdrage (tests/web/test_wmo_pgb.py); Jeugd has no rules here yet.
    zaak = maak_zaak(jeugd, regeling="jeugdhulp")
    with pytest.raises(ProcedureFout):
        beoordeling.bereken(zaak, jeugd, maand="2026-07")


def test_ongeldige_maand(gezin, inkomen):
    zaak, *_ = gezin
    with pytest.raises(ValidationError) as fout:
        beoordeling.bereken(zaak, inkomen, maand="2026-13")
    assert "maand" in fout.value.message_dict


def test_een_stap_tijdens_het_rekenen_weigert_het_opslaan(gezin, inkomen, monkeypatch):
    """The Regelkern runs before the zaak is locked (so the write lock is not held during the computation);
    storing checks the zaak again. A proposal set ready for decision while the Regelkern ran gets no berekening."""
    zaak, *_ = gezin
    from maatwerk.regels import berekening as regelkern
    from maatwerk.zaken.models import Zaak

    echte = regelkern.bereken

    def rekent_terwijl_een_ander_afsluit(*args, **kwargs):
        uitkomst = echte(*args, **kwargs)
        Zaak.objects.filter(pk=zaak.pk).update(status=Status.KLAAR_VOOR_BESLUIT)  # a parallel request, committed
        return uitkomst

    monkeypatch.setattr(regelkern, "bereken", rekent_terwijl_een_ander_afsluit)
    with pytest.raises(ProcedureFout):
        beoordeling.bereken(zaak, inkomen, maand="2026-07")
    assert not zaak.berekeningen.exists()
