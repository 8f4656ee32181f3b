"""Letters: readability of every variant (B1), the measure itself, template versions, refused templates,
the preview command and the PDF renderer's refusal to fetch anything."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from maatwerk.besluiten import brief as briefmodule
from maatwerk.besluiten import demo, services, sjabloonbeheer
from maatwerk.besluiten.models import BriefSjabloon, BriefSjabloonVersie
from maatwerk.besluiten.preview import main as preview
from maatwerk.brieven import leesbaarheid as L
from maatwerk.brieven.pdf import html_naar_pdf
from maatwerk.toegang.beleid import GeenToegang

VARIANTEN = demo.varianten()
ALLE_VARIANTEN = demo.alle_varianten()  # besluit letters and the letters on a bezwaar (Awb 7:12)


def _html(variant, bronnen=None) -> str:
    return briefmodule.maak_html(variant.besluit, bronnen=bronnen or briefmodule.bronnen_uit_bestanden(),
                                 overwegingen=variant.overwegingen, bekendmaking=demo.BEKENDMAKING,
                                 gemeente=demo.demo_gemeente()).html


# ------------------------------------------------------------------ leesbaarheid (B1)


def test_alle_varianten_zijn_gedekt():
    """Every soort for every regeling; natura and pgb for Wmo and Jeugd; lening and natura for bijzondere bijstand."""
    namen = {v.naam for v in VARIANTEN}
    # 39 + the six soorten of algemene bijstand (issue 11) + its verlaging and afzien van verlaging (issue 11, 7:13/7:15)
    assert len(namen) == len(VARIANTEN) == 47
    assert {"algemene_bijstand-verlaging", "algemene_bijstand-afzien_verlaging"} <= namen
    for regeling in ("wmo_maatwerkvoorziening", "jeugdhulp", "bijzondere_bijstand", "individuele_inkomenstoeslag",
                     "individuele_studietoeslag", "algemene_bijstand"):
        for soort in ("toekenning", "gedeeltelijke_toekenning", "afwijzing", "buiten_behandeling", "herziening", "intrekking"):
            assert any(n.startswith(f"{regeling}-{soort}") for n in namen), (regeling, soort)
    assert {"jeugdhulp-toekenning-pgb", "bijzondere_bijstand-toekenning-geld-lening",
            "bijzondere_bijstand-toekenning-natura", "wmo_maatwerkvoorziening-toekenning-natura-na-bezwaar"} <= namen


@pytest.mark.parametrize("variant", ALLE_VARIANTEN, ids=[v.naam for v in ALLE_VARIANTEN])
def test_brief_is_b1(variant):
    """Flesch-Douma >= 60 and <= 15 words per sentence on the body (see maatwerk.brieven.leesbaarheid)."""
    html = demo.maak_voorbeeld(variant, bronnen=briefmodule.bronnen_uit_bestanden(), gemeente=demo.demo_gemeente()).html
    meting = L.meet_brief(html)
    assert meting.voldoet, f"{variant.naam}: {meting}"
    assert meting.woorden > 150, meting
    assert meting.flesch_douma >= L.MIN_FLESCH_DOUMA, f"{variant.naam}: {meting}"
    assert meting.woorden_per_zin <= L.MAX_WOORDEN_PER_ZIN, f"{variant.naam}: {meting}"


def test_gemeten_tekst_is_de_kern_zonder_adres_en_bijlage():
    html = _html(VARIANTEN[0])
    kern = L.kerntekst(html)
    assert "Wat hebben wij besloten?" in kern and "Dan kunt u bezwaar maken. Dat is gratis." in kern
    assert "Postbus" not in kern and "Dorpsstraat" not in kern            # address blocks
    assert "Algemene wet bestuursrecht" not in kern and "artikel" not in kern  # the bijlage with the articles
    assert "Bijlage" in html and "artikel 4:6" in html


def test_de_maat_keurt_moeilijke_tekst_af():
    """Guard: the readability test can fail (a typical legal sentence)."""
    moeilijk = ("<main data-leesbaarheid='meten'><p>Gelet op het bepaalde in artikel 4:6 van de Verordening "
                "maatschappelijke ondersteuning besluit het college de maatwerkvoorziening hulp bij het huishouden in "
                "natura toe te kennen, onverminderd de verplichting tot het betalen van een eigen bijdrage die door het "
                "Centraal Administratiekantoor wordt vastgesteld en geïnd.</p></main>")
    meting = L.meet_brief(moeilijk)
    assert not meting.voldoet
    assert any("Flesch-Douma" in t for t in meting.tekortkomingen())
    assert any("woorden" in t for t in meting.tekortkomingen())


def test_bedragen_zijn_geen_zinseinde():
    assert L.kerntekst("<main data-leesbaarheid='meten'><p>U krijgt € 1.234,56 per maand</p></main>") == \
        "U krijgt € 1234,56 per maand."


def test_brief_noemt_de_werkelijke_einddatum_van_de_bezwaartermijn():
    html = _html(VARIANTEN[0])
    # Bekendmaking Monday 22 June 2026; six weeks (Awb 6:7, 6:8 lid 1) -> Monday 3 August 2026.
    assert "Doe dit uiterlijk op 3 augustus 2026. U heeft daar 6 weken voor." in html
    assert "Dat is gratis." in html and "cliëntondersteuner" in html


# ------------------------------------------------------------------ sjablonen in de database


@pytest.mark.django_db
def test_migratie_zet_de_meegeleverde_sjablonen_als_versie_1():
    bestanden = briefmodule.bronnen_uit_bestanden().inhoud
    for sjabloon in BriefSjabloon.objects.all():
        versie = sjabloon.huidige_versie()
        assert versie.nummer == 1 and versie.inhoud == bestanden[sjabloon.code]
    assert set(BriefSjabloon.objects.values_list("code", flat=True)) == set(briefmodule.SJABLONEN)


@pytest.mark.django_db
def test_elke_opslag_is_een_nieuwe_versie_en_de_brief_onthoudt_welke(zaak_klaar, wmo, beheerder, wmo_natura):
    oud = BriefSjabloonVersie.objects.get(sjabloon__code="clientondersteuning", nummer=1)
    nieuwe_tekst = oud.inhoud.replace("Iemand uit uw familie of een vriend kan u ook helpen.",
                                      "Ook iemand uit uw familie of een vriend kan u helpen.")
    versie = sjabloonbeheer.sla_op("clientondersteuning", nieuwe_tekst, beheerder, toelichting="Zin omgedraaid")
    assert versie.nummer == 2 and versie.opgeslagen_door == beheerder
    assert BriefSjabloonVersie.objects.filter(sjabloon__code="clientondersteuning").count() == 2
    assert BriefSjabloonVersie.objects.get(pk=oud.pk).inhoud == oud.inhoud  # version 1 unchanged

    besluit = services.opstellen(zaak_klaar, wmo)
    services.wijzigen(besluit, wmo, **wmo_natura)
    services.vaststellen(besluit, wmo, datum=dt.date(2026, 2, 2))
    brief = services.bekendmaken(besluit, wmo, datum=dt.date(2026, 2, 2))
    gebruikt = {v["code"]: (v["versie"], v["id"]) for v in brief.sjabloonversies}
    assert gebruikt["clientondersteuning"] == (2, versie.pk)
    assert gebruikt["brief"][0] == 1
    assert "Ook iemand uit uw familie of een vriend kan u helpen." in brief.html


@pytest.mark.django_db
@pytest.mark.parametrize("code, inhoud, melding", [
    ("rechtsmiddel", "{% if rechtsmiddel.is_bezwaar %}<p>Bezwaar</p>", "fout in de sjabloontaal"),
    ("rechtsmiddel", "{% load static %}<p>x</p>", "{% load %} is in een brief niet toegestaan"),
    ("rechtsmiddel", "<p>{{ gemeente.naam|safe }}</p>", "het filter |safe is in een brief niet toegestaan"),
    ("rechtsmiddel", "<p>{% debug %}</p>", "{% debug %} is in een brief niet toegestaan"),
    ("rechtsmiddel", "<p>Tot {{ rechtsmiddel.einddatum }} bij {{ inwoner.bsn }}.</p>", "gegevens die niet bestaan: 'inwoner.bsn'"),
    ("rechtsmiddel", "<p>Bent u het niet eens? Bel ons.</p>", "De brief noemt niet tot wanneer"),
    ("beslissing", "{% include \"bestaat_niet\" %}", "Het sjabloon 'bestaat_niet' bestaat niet"),
    ("beslissing_op_bezwaar", "{% extends \"opmaak\" %}{% block inhoud %}<p>Bent u het niet eens? Bel ons.</p>{% endblock %}",
     "in beroep kan gaan"),
    ("clientondersteuning",
     "<p>Teneinde u in de gelegenheid te stellen onafhankelijke cliëntondersteuning te verkrijgen, verwijzen wij u "
     "naar de desbetreffende professionele organisatie, waarmee de gemeente daartoe een subsidieovereenkomst heeft "
     "gesloten overeenkomstig de toepasselijke verordening en nadere regelgeving.</p>", "taalniveau B1"),
])
def test_slecht_sjabloon_wordt_geweigerd(beheerder, code, inhoud, melding):
    voor = BriefSjabloonVersie.objects.count()
    with pytest.raises(ValidationError) as fout:
        sjabloonbeheer.sla_op(code, inhoud, beheerder)
    bericht = " ".join(fout.value.message_dict["inhoud"])
    assert melding in bericht, bericht
    assert BriefSjabloonVersie.objects.count() == voor


@pytest.mark.django_db
def test_alleen_de_beheerder_wijzigt_sjablonen(wmo, beheerder):
    with pytest.raises(GeenToegang):
        sjabloonbeheer.sla_op("clientondersteuning", "<p>x</p>", wmo)
    huidig = BriefSjabloon.objects.get(code="clientondersteuning").huidige_versie().inhoud
    with pytest.raises(ValidationError) as fout:
        sjabloonbeheer.sla_op("clientondersteuning", huidig, beheerder)
    assert "niet gewijzigd" in fout.value.message_dict["inhoud"][0]


# ------------------------------------------------------------------ voorbeeldbrieven en pdf


@pytest.mark.django_db
def test_preview_schrijft_html_en_pdf_per_variant(tmp_path):
    assert preview(str(tmp_path / "brieven")) == 0
    bestanden = {p.name for p in (tmp_path / "brieven").iterdir()}
    for v in ALLE_VARIANTEN:
        assert f"{v.naam}.html" in bestanden and f"{v.naam}.pdf" in bestanden
    assert (tmp_path / "brieven" / f"{VARIANTEN[0].naam}.pdf").read_bytes().startswith(b"%PDF")
    assert "VOORBEELD" in (tmp_path / "brieven" / f"{VARIANTEN[0].naam}.html").read_text(encoding="utf-8")
    assert "overzicht.html" in bestanden
    overzicht = (tmp_path / "brieven" / "overzicht.html").read_text(encoding="utf-8")
    assert "pagina's zonder bijlage" in overzicht and "<td>2</td>" in overzicht


def test_preview_weigert_een_bestand_als_map(tmp_path, capsys):
    bestand = tmp_path / "bestand.txt"
    bestand.write_text("x")
    assert preview(str(bestand)) == 2
    assert "geen map" in capsys.readouterr().err


def test_pdf_haalt_niets_van_buiten(tmp_path):
    geheim = tmp_path / "geheim.css"
    geheim.write_text("p { color: red }")
    pdf = html_naar_pdf(f"<link rel='stylesheet' href='file://{geheim}'><img src='http://127.0.0.1:9/x.png'><p>Hallo</p>")
    assert pdf.startswith(b"%PDF")
