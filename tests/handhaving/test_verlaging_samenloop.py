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


# ------------------------------------------------------------------ bad input per field (form)


def _url(zaak):
    return f"/besluiten/zaak/{zaak.pk}/verlagingen/"


@pytest.mark.parametrize("anders, melding", [
    ({"bestuurlijke_boete": "on", "bestuurlijke_boete_toelichting": ""}, "artikel 7:26, derde lid"),
    ({"weigering_ioaw_ioaz": "on"}, "artikel 7:28"),
    ({"terugwerkende_kracht": "on", "terugwerkende_kracht_toelichting": TERUG}, "Kies de grond voor terugwerkende kracht"),
    ({"terugwerkende_kracht": "on", "terugwerkende_kracht_grond": "zomaar", "terugwerkende_kracht_toelichting": TERUG},
     "Kies: grond voor terugwerkende kracht uit de lijst."),
    ({"grondslag_keuze": "alles"}, "Kies de berekeningsgrondslag uit de lijst."),
    ({"grondslag_keuze": "bijzondere_bijstand", "verleende_bijzondere_bijstand": "-1", "grondslag_toelichting": GRONDSLAG},
     "De verleende bijzondere bijstand kan niet negatief zijn."),
    ({"grondslag_keuze": "bijzondere_bijstand", "verleende_bijzondere_bijstand": "twee", "grondslag_toelichting": GRONDSLAG},
     "bedrag"),
    ({"grondslag_keuze": "bijzondere_bijstand", "grondslag_toelichting": GRONDSLAG}, "groter dan 0"),
    ({"bestuurlijke_boete": "on", "bestuurlijke_boete_toelichting": BOETE, "bestuurlijke_boete_kenmerk": "K" * 101},
     "hoogstens 100 tekens"),
])
def test_foute_invoer_per_veld_in_het_formulier(inkomen, client_voor, anders, melding):
    zaak = lopende_bijstand(inkomen, 50).zaak
    gegevens = {k: w for k, w in feiten(**anders).items() if w is not False}
    antwoord = client_voor(inkomen).post(_url(zaak), gegevens)
    html = antwoord.content.decode()
    assert antwoord.status_code == 400 and melding in html
    assert "Hij wist van de afspraken" in html  # what was typed stays
    assert not Verlaging.objects.exists()


def test_formulier_legt_samenloop_vast_en_de_pagina_toont_die(inkomen, client_voor):
    zaak = lopende_bijstand(inkomen, 51).zaak
    c = client_voor(inkomen)
    formulier = c.get(_url(zaak)).content.decode()
    assert 'name="bestuurlijke_boete"' in formulier and 'name="terugwerkende_kracht_grond"' in formulier
    assert 'name="verleende_bijzondere_bijstand"' in formulier
    antwoord = c.post(_url(zaak), feiten(bestuurlijke_boete="on", bestuurlijke_boete_kenmerk="BB-2026-17",
                                          bestuurlijke_boete_toelichting=BOETE))
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    v = Verlaging.objects.get(zaak=zaak)
    assert v.bestuurlijke_boete and not v.opgelegd
    html = c.get(_url(zaak)).content.decode()
    assert "Geen verlaging." in html and "Bestuurlijke boete (artikel 7:26, derde lid)" in html and "BB-2026-17" in html
    assert "Brief opstellen" in html
    # Drafting a besluit is refused with the reason of the rules (no letter: 7:15 lid 3 is for dringende redenen).
    geweigerd = c.post(f"/besluiten/verlagingen/{v.pk}/besluit/")
    assert geweigerd.status_code == 400 and "bestuurlijke boete" in geweigerd.content.decode()


def test_formulier_grondslag_en_terugwerkende_kracht(inkomen, client_voor):
    zaak = lopende_bijstand(inkomen, 52).zaak
    c = client_voor(inkomen)
    antwoord = c.post(_url(zaak), feiten(terugwerkende_kracht="on", terugwerkende_kracht_grond="nog_niet_uitbetaald",
                                          terugwerkende_kracht_toelichting=TERUG, grondslag_keuze="bijzondere_bijstand",
                                          verleende_bijzondere_bijstand="1.250,50", grondslag_toelichting=GRONDSLAG))
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    v = Verlaging.objects.get(zaak=zaak)
    assert v.verleende_bijzondere_bijstand == Decimal("1250.50") and v.maanden[0]["maand"] == "2026-07"
    html = c.get(_url(zaak)).content.decode()
    assert "Terugwerkende kracht (artikel 7:16, tweede lid)" in html and "nog niet uitbetaald" in html
    assert "€ 1.250,50 per maand" in html and "juli 2026" in html


# ------------------------------------------------------------------ the rest a month's benefit cannot bear


def _verlaging_van(inkomen, kwaliteit, n: int, bedrag: str) -> Verlaging:
    """A bekendgemaakte verlaging of exactly `bedrag` in September 2026: 100 % (a deviation with its reason) of a
    7:17 lid 2 b grondslag of `bedrag`, one month."""
    zaak = lopende_bijstand(inkomen, n).zaak
    v = verlaging.leg_vast(inkomen, zaak, feiten(
        afwijken=True, afwijkend_percentage="1", afwijking_reden="De gedraging betreft de hele bijzondere bijstand.",
        grondslag_keuze="bijzondere_bijstand", verleende_bijzondere_bijstand=bedrag, grondslag_toelichting=GRONDSLAG))
    assert v.maanden == [{"maand": "2026-09", "bedrag": bedrag}]
    _stel_vast_en_verstuur(verlaging.stel_besluit_op(v, inkomen), inkomen, kwaliteit)
    v.refresh_from_db()
    return v


def test_verlaging_precies_gelijk_aan_de_uitkering(inkomen, kwaliteit, capsys):
    v = _verlaging_van(inkomen, kwaliteit, 53, str(VOLLE_MAAND))
    regel = next(r for r in _betaalbestand(capsys, "2026-09")["regels"] if r["zaak"] == v.zaak_id)
    assert Decimal(regel["uitkering"]) == VOLLE_MAAND
    assert Decimal(regel["verlaging"]) == VOLLE_MAAND and Decimal(regel["bedrag"]) == 0
    assert Decimal(regel["niet_uitgevoerd"]) == 0 and not any("Niet uitgevoerd" in w for w in regel["waarschuwingen"])
    v.refresh_from_db()
    assert v.niet_uitgevoerd == {}


def test_verlaging_een_cent_boven_de_uitkering_wordt_vastgelegd(inkomen, kwaliteit, client_voor, capsys):
    te_veel = VOLLE_MAAND + Decimal("0.01")
    v = _verlaging_van(inkomen, kwaliteit, 54, str(te_veel))
    bestand = _betaalbestand(capsys, "2026-09")
    regel = next(r for r in bestand["regels"] if r["zaak"] == v.zaak_id)
    assert Decimal(regel["bedrag"]) == 0 and Decimal(regel["verlaging"]) == VOLLE_MAAND
    assert Decimal(regel["niet_uitgevoerd"]) == Decimal("0.01")
    assert regel["verlagingen"][0]["ingehouden"] == str(VOLLE_MAAND) and regel["verlagingen"][0]["niet_uitgevoerd"] == "0.01"
    assert "€ 0,01" in regel["verlagingen"][0]["uitleg"][-1] and "7:22" in regel["verlagingen"][0]["uitleg"][-1]
    waarschuwing = next(w for w in regel["waarschuwingen"] if "Niet uitgevoerd" in w)
    assert "€ 0,01" in waarschuwing and v.besluit.kenmerk in waarschuwing and "doorschuiven" in waarschuwing
    # The totals add up: what is paid is the benefit minus what was withheld.
    assert Decimal(bestand["totaal"]) == Decimal(bestand["totaal_uitkering"]) - Decimal(bestand["totaal_verlaging"])
    v.refresh_from_db()
    assert v.niet_uitgevoerd == {"2026-09": "0.01"}
    # Made again: the same record, not twice; October has no verlaging and changes nothing.
    _betaalbestand(capsys, "2026-09")
    _betaalbestand(capsys, "2026-10")
    v.refresh_from_db()
    assert v.niet_uitgevoerd == {"2026-09": "0.01"}
    html = client_voor(inkomen).get(_url(v.zaak)).content.decode()
    assert "Niet uitgevoerd: € 0,01." in html and "doorschuiven" in html


def test_voer_uit_oudste_besluit_eerst(inkomen, kwaliteit):
    """Two verlagingen in one month: the benefit bears the first in full, the second for what is left."""
    v = _verlaging_van(inkomen, kwaliteit, 55, "1000.00")
    regels = [{"verlaging": v.pk, "besluit": "B1", "bedrag": "1000.00", "uitleg": []},
              {"verlaging": v.pk, "besluit": "B2", "bedrag": "500.00", "uitleg": []}]
    uit = verlaging.voer_uit("2026-12", regels, Decimal("1200.00"))
    assert [(r["ingehouden"], r["niet_uitgevoerd"]) for r in uit] == [("1000.00", "0.00"), ("200.00", "300.00")]
    assert uit[0]["uitleg"] == [] and "€ 300,00" in uit[1]["uitleg"][0]
    # A negative benefit (more income than norm) bears nothing.
    uit = verlaging.voer_uit("2027-01", [{"verlaging": v.pk, "besluit": "B1", "bedrag": "10.00", "uitleg": []}],
                             Decimal("-5.00"))
    assert uit[0]["ingehouden"] == "0.00" and uit[0]["niet_uitgevoerd"] == "10.00"
