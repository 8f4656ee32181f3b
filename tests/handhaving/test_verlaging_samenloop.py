"""Issue 11 point 2: the facts of samenloop and grondslag the zaak now records and the Regelkern decides on —
bestuurlijke boete (Vo 7:26 lid 3), IOAW/IOAZ weigering (7:28), terugwerkende kracht (7:16 lid 2), grondslag
(7:17 lid 2 a/b) — with bad input per field (service and form), and the unexecuted rest of a month whose benefit
cannot bear the verlaging (the ordinance has no carry-forward: recorded and shown, never silently lost)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from maatwerk.besluiten import verlaging
from maatwerk.besluiten.models import Verlaging
from maatwerk.brieven.leesbaarheid import meet_brief
from maatwerk.brieven.pdf import paginas_hoofddeel
from maatwerk.zaken.fouten import ProcedureFout

from .test_verlaging import NORM, VOLLE_MAAND, _betaalbestand, _stel_vast_en_verstuur, feiten, lopende_bijstand

pytestmark = pytest.mark.django_db
BOETE = "Boetebesluit van 15 augustus 2026 wegens het niet melden van loon in juli."
IOAW = "De IOAW-uitkering is op 10 augustus 2026 tijdelijk geweigerd om dezelfde gedraging."
TERUG = "De bijstand over juli is nog niet uitbetaald; verlagen in september kan niet meer."
GRONDSLAG = "Hij krijgt aanvullende bijzondere bijstand als jongere; de gedraging betreft die bijstand."


def _geen_verlaging(v: Verlaging, reden: str, artikel: str) -> None:
    assert not v.opgelegd and v.maanden == []
    assert v.resultaat["afstemming_reden_geen_verlaging"] == reden
    assert v.elementen[0]["naam"] == "Geen verlaging" and artikel in v.elementen[0]["tekst"]


# ------------------------------------------------------------------ samenloop: no verlaging


def test_bestuurlijke_boete_geeft_geen_verlaging(inkomen):
    zaak = lopende_bijstand(inkomen, 41).zaak
    v = verlaging.leg_vast(inkomen, zaak, feiten(bestuurlijke_boete=True, bestuurlijke_boete_kenmerk="BB-2026-17",
                                                 bestuurlijke_boete_toelichting=BOETE))
    _geen_verlaging(v, "bestuurlijke_boete", "artikel 7:26, derde lid")
    assert v.bestuurlijke_boete_kenmerk == "BB-2026-17" and v.bestuurlijke_boete_toelichting == BOETE
    assert v.situatie["huishoudens"][next(iter(v.situatie["huishoudens"]))]["afstemming_bestuurlijke_boete"] == {
        "ETERNITY": True}
    # The rules say no verlaging and no letter (7:15 lid 3 is only for dringende redenen): no besluit.
    with pytest.raises(ProcedureFout, match="bestuurlijke boete"):
        verlaging.stel_besluit_op(v, inkomen)


def test_weigering_ioaw_ioaz_geeft_geen_verlaging(inkomen):
    zaak = lopende_bijstand(inkomen, 42).zaak
    v = verlaging.leg_vast(inkomen, zaak, feiten(weigering_ioaw_ioaz=True, weigering_ioaw_ioaz_toelichting=IOAW))
    _geen_verlaging(v, "weigering_ioaw_ioaz", "artikel 7:28")
    with pytest.raises(ProcedureFout, match="IOAW"):
        verlaging.stel_besluit_op(v, inkomen)


def test_zonder_samenloop_wel_een_verlaging(inkomen):
    """The same facts without boete or weigering: a verlaging (so the two tests above can fail)."""
    zaak = lopende_bijstand(inkomen, 43).zaak
    v = verlaging.leg_vast(inkomen, zaak, feiten(bestuurlijke_boete=False, weigering_ioaw_ioaz=False))
    assert v.opgelegd and v.resultaat["afstemming_reden_geen_verlaging"] == "geen"


# ------------------------------------------------------------------ 7:16 lid 2: terugwerkende kracht


def test_terugwerkende_kracht_begint_in_de_maand_van_de_gedraging(inkomen, kwaliteit):
    zaak = lopende_bijstand(inkomen, 44).zaak
    v = verlaging.leg_vast(inkomen, zaak, feiten(terugwerkende_kracht=True, terugwerkende_kracht_grond="nog_niet_uitbetaald",
                                                 terugwerkende_kracht_toelichting=TERUG))
    assert v.opgelegd and v.resultaat["afstemming_ingangsdatum"] == "2026-07-01"
    assert [m["maand"] for m in v.maanden] == ["2026-07"]  # the gedraging was on 20 July; lid 1 would give September
    assert "terugwerkende kracht" in v.elementen[1]["tekst"] and "7:16, tweede lid" in v.elementen[1]["tekst"]
    besluit = verlaging.stel_besluit_op(v, inkomen)
    assert besluit.ingangsdatum == dt.date(2026, 7, 1) and besluit.einddatum == dt.date(2026, 7, 31)
    brief = _stel_vast_en_verstuur(besluit, inkomen, kwaliteit)
    assert "1 juli 2026" in brief.html and "terugwerkende kracht" in brief.html
    assert meet_brief(brief.html).voldoet and paginas_hoofddeel(brief.html) <= 2


def test_zonder_terugwerkende_kracht_de_maand_na_bekendmaking(inkomen):
    zaak = lopende_bijstand(inkomen, 45).zaak
    v = verlaging.leg_vast(inkomen, zaak, feiten())
    assert [m["maand"] for m in v.maanden] == ["2026-09"] and "terugwerkende" not in v.elementen[1]["tekst"]


def test_beeindigde_uitkering_alleen_met_terugwerkende_kracht(inkomen):
    """Art. 7:16 lid 2: when the benefit ended, the verlaging goes back over the period of the gedraging."""
    besluit = lopende_bijstand(inkomen, 46, einddatum=dt.date(2026, 7, 31))
    with pytest.raises(ProcedureFout, match="geen lopende"):
        verlaging.leg_vast(inkomen, besluit.zaak, feiten())
    v = verlaging.leg_vast(inkomen, besluit.zaak, feiten(
        terugwerkende_kracht=True, terugwerkende_kracht_grond="beeindigd_of_ingetrokken",
        terugwerkende_kracht_toelichting="De bijstand is per 1 augustus 2026 beëindigd; er is niets meer om te verlagen."))
    assert v.opgelegd and v.maanden[0]["maand"] == "2026-07"


# ------------------------------------------------------------------ 7:17: grondslag


def test_grondslag_bijzondere_bijstand_7_17_lid_2_b(inkomen):
    zaak = lopende_bijstand(inkomen, 47).zaak
    v = verlaging.leg_vast(inkomen, zaak, feiten(grondslag_keuze="bijzondere_bijstand",
                                                 verleende_bijzondere_bijstand="250,00", grondslag_toelichting=GRONDSLAG))
    pct = Decimal(str(v.resultaat["afstemming_percentage"]))
    assert v.resultaat["afstemming_berekeningsgrondslag"] == pytest.approx(250.0)
    assert Decimal(str(v.resultaat["afstemming_verlaging_totaal"])) == (Decimal("250.00") * pct).quantize(Decimal("0.01"))
    assert "€ 250,00" in v.elementen[2]["tekst"] and "7:17, tweede lid, onder b" in v.elementen[2]["tekst"]


def test_grondslag_norm_met_artikel_12_7_17_lid_2_a(inkomen):
    zaak = lopende_bijstand(inkomen, 48).zaak
    v = verlaging.leg_vast(inkomen, zaak, feiten(grondslag_keuze="norm_met_artikel_12",
                                                 verleende_bijzondere_bijstand="100", grondslag_toelichting=GRONDSLAG))
    assert v.resultaat["afstemming_berekeningsgrondslag"] == pytest.approx(float(NORM + 100))
    assert "onder a" in v.elementen[2]["tekst"]


# ------------------------------------------------------------------ bad input per field (service)


@pytest.mark.parametrize("anders, veld", [
    ({"bestuurlijke_boete": True, "bestuurlijke_boete_toelichting": ""}, "bestuurlijke_boete_toelichting"),
    ({"bestuurlijke_boete": True, "bestuurlijke_boete_toelichting": "boete"}, "bestuurlijke_boete_toelichting"),
    ({"weigering_ioaw_ioaz": True, "weigering_ioaw_ioaz_toelichting": "   "}, "weigering_ioaw_ioaz_toelichting"),
    ({"terugwerkende_kracht": True, "terugwerkende_kracht_toelichting": TERUG}, "terugwerkende_kracht_grond"),
    ({"terugwerkende_kracht": True, "terugwerkende_kracht_grond": "omdat_het_kan",
      "terugwerkende_kracht_toelichting": TERUG}, "terugwerkende_kracht_grond"),
    ({"terugwerkende_kracht": True, "terugwerkende_kracht_grond": "nog_niet_uitbetaald"}, "terugwerkende_kracht_toelichting"),
    ({"terugwerkende_kracht_grond": "nog_niet_uitbetaald"}, "terugwerkende_kracht_grond"),  # ground without the choice
    ({"grondslag_keuze": "alles"}, "grondslag_keuze"),
    ({"grondslag_keuze": "bijzondere_bijstand", "grondslag_toelichting": GRONDSLAG}, "verleende_bijzondere_bijstand"),
    ({"grondslag_keuze": "bijzondere_bijstand", "verleende_bijzondere_bijstand": "0",
      "grondslag_toelichting": GRONDSLAG}, "verleende_bijzondere_bijstand"),
    ({"grondslag_keuze": "bijzondere_bijstand", "verleende_bijzondere_bijstand": "-5",
      "grondslag_toelichting": GRONDSLAG}, "verleende_bijzondere_bijstand"),
    ({"grondslag_keuze": "bijzondere_bijstand", "verleende_bijzondere_bijstand": "veel",
      "grondslag_toelichting": GRONDSLAG}, "verleende_bijzondere_bijstand"),
    ({"grondslag_keuze": "bijzondere_bijstand", "verleende_bijzondere_bijstand": "NaN",
      "grondslag_toelichting": GRONDSLAG}, "verleende_bijzondere_bijstand"),
    ({"grondslag_keuze": "norm_met_artikel_12", "verleende_bijzondere_bijstand": "100"}, "grondslag_toelichting"),
    ({"verleende_bijzondere_bijstand": "100"}, "verleende_bijzondere_bijstand"),  # an amount without its grondslag
])
def test_foute_invoer_per_veld_in_de_service(inkomen, anders, veld):
    zaak = lopende_bijstand(inkomen, 49).zaak
    with pytest.raises(ValidationError) as fout:
        verlaging.leg_vast(inkomen, zaak, feiten(**anders))
    assert veld in fout.value.message_dict
    assert all(m and "_" not in m for m in fout.value.message_dict[veld])
    assert not Verlaging.objects.exists()
