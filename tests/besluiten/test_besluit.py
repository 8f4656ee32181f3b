"""Besluit: content rules (Verordening art. 4:6 and 5:5), four eyes, immutability after bekendmaking,
correction by a new besluit, and the bezwaartermijn started by the bekendmaking."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from maatwerk.besluiten import services
from maatwerk.besluiten.inhoud import ontbrekende_elementen
from maatwerk.besluiten.models import (
    Besluit,
    Brief,
    BriefSjabloonVersie,
    Overweging,
    Soort,
    Status,
    sha256,
)
from maatwerk.termijnen import bezwaartermijn
from maatwerk.zaken import vierogen
from maatwerk.zaken.models import Goedkeuring
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.zaken.fouten import OnveranderlijkFout
from maatwerk.toegang.models import AuditRegel
from maatwerk.zaken.fouten import ProcedureFout, VierOgenFout
from maatwerk.zaken.models import Status as ZaakStatus
from maatwerk.zaken.models import Zaak

pytestmark = pytest.mark.django_db
VO = "Verordening Sociaal Domein 2018"
VASTSTELLING = dt.date(2026, 2, 2)
BEKENDMAKING = dt.date(2026, 2, 2)


def _verstuurd(zaak, gebruiker, velden, *, datum=BEKENDMAKING):
    besluit = services.opstellen(zaak, gebruiker)
    services.wijzigen(besluit, gebruiker, **velden)
    services.vaststellen(besluit, gebruiker, datum=VASTSTELLING)
    services.bekendmaken(besluit, gebruiker, datum=datum)
    besluit.refresh_from_db()
    return besluit


# ------------------------------------------------------------------ opstellen


def test_opstellen_neemt_voorstel_en_bevindingen_over(zaak_klaar, wmo):
    besluit = services.opstellen(zaak_klaar, wmo)
    assert (besluit.soort, besluit.status) == (Soort.TOEKENNING, Status.CONCEPT)
    # Issue 8: a neutral sentence from the regeling, not the consulent's notes (zaak.omschrijving).
    assert besluit.aanvraag == "U vroeg ondersteuning uit de Wmo."
    overwegingen = list(besluit.overwegingen.all())
    # One consideration per finding that decided the grant (a met condition), in a plain sentence, each with the
    # criterion's article, kind discretie. The motivering names a health detail (rugklachten): not copied.
    # Issue 10: the cascade of art. 4:3 lid 3 gives one sentence on a grant, by its last step (g).
    decisief = {"beperkingen_niet_zelf_op_te_heffen", "cascade_andere_voorziening", "passende_bijdrage",
                "goedkoopst_passend"}
    assert {o.regel_id for o in overwegingen} == {f"bevinding.{c}" for c in decisief}
    assert {o.bron for o in overwegingen} == {zaak_klaar.definitie.criterium(c).bron for c in decisief}
    assert {o.soort for o in overwegingen} == {"discretie"}
    assert "Dit is de goedkoopste hulp die bij u past." in [o.zin for o in overwegingen]
    assert not any("rugklachten" in o.zin for o in overwegingen)
    assert AuditRegel.objects.filter(zaak=zaak_klaar, onderwerp="besluit", actie="create").exists()


def test_opstellen_alleen_als_zaak_klaar_voor_besluit(nieuwe_zaak, klaar, wmo):
    zaak = klaar(nieuwe_zaak(wmo), wmo, tot=ZaakStatus.BEOORDELING)
    with pytest.raises(ProcedureFout) as fout:
        services.opstellen(zaak, wmo)
    assert fout.value.code == "zaak_niet_klaar"
    # Buiten behandeling stellen can (Awb 4:5), while the aanvraag is being handled.
    besluit = services.opstellen(zaak, wmo, soort=Soort.BUITEN_BEHANDELING)
    assert besluit.soort == Soort.BUITEN_BEHANDELING


def test_soort_moet_bij_voorstel_passen(zaak_klaar, wmo):
    with pytest.raises(ProcedureFout) as fout:
        services.opstellen(zaak_klaar, wmo, soort=Soort.AFWIJZING)
    assert "toegekend" in str(fout.value) and fout.value.code == "soort_past_niet"


def test_ander_domein_mag_geen_besluit_opstellen(zaak_klaar, inkomen):
    with pytest.raises(GeenToegang):
        services.opstellen(zaak_klaar, inkomen)
    assert AuditRegel.objects.filter(zaak=zaak_klaar, toegestaan=False).exists()


# ------------------------------------------------------------------ inhoud (art. 4:6 / 5:5)


def test_vaststellen_noemt_ontbrekende_elementen_van_artikel_4_6(zaak_klaar, wmo, wmo_natura):
    besluit = services.opstellen(zaak_klaar, wmo)
    with pytest.raises(ProcedureFout) as fout:
        services.vaststellen(besluit, wmo, datum=VASTSTELLING)
    assert f"of de voorziening in natura of als persoonsgebonden budget wordt verstrekt ({VO}, artikel 4:6, eerste lid)" in str(fout.value)
    zonder_bijdrage = {k: v for k, v in wmo_natura.items() if k not in ("bijdrage_verschuldigd", "omvang")}
    services.wijzigen(besluit, wmo, **zonder_bijdrage)
    with pytest.raises(ProcedureFout) as fout:
        services.vaststellen(besluit, wmo, datum=VASTSTELLING)
    bericht = str(fout.value)
    assert bericht.startswith("Dit besluit kan nog niet worden vastgesteld. Het mist:")
    assert f"de omvang ({VO}, artikel 4:6, tweede lid, onder b)" in bericht
    assert f"of een bijdrage in de kosten verschuldigd is ({VO}, artikel 4:6, tweede lid, onder c)" in bericht
    assert "beoogde resultaat" not in bericht
    besluit.refresh_from_db()
    assert besluit.status == Status.CONCEPT
    services.wijzigen(besluit, wmo, bijdrage_verschuldigd=False, omvang="3 uur per week")
    services.vaststellen(besluit, wmo, datum=VASTSTELLING)
    assert besluit.status == Status.VASTGESTELD


def test_pgb_vraagt_bedrag_en_berekening(zaak_klaar, wmo, wmo_natura):
    besluit = services.opstellen(zaak_klaar, wmo)
    services.wijzigen(besluit, wmo, **{**wmo_natura, "vorm": "pgb"})
    namen = {str(e) for e in ontbrekende_elementen(besluit)}
    lid3 = f"{VO}, artikel 4:6, derde lid"
    assert namen == {
        f"welke kwaliteitseisen gelden voor de besteding ({lid3}, onder b)",
        f"de hoogte van het pgb ({lid3}, onder c)",
        f"hoe de hoogte van het pgb tot stand is gekomen ({lid3}, onder c)",
        f"hoe de besteding van het pgb wordt verantwoord ({lid3}, onder e)",
    }


def _onopgeslagen(regeling: str, **velden) -> Besluit:
    return Besluit(zaak=Zaak(regeling=regeling), **velden)


@pytest.mark.parametrize("vorm, verwacht", [
    ("natura", {"voorziening", "beoogd_resultaat", "ingangsdatum", "omvang", "duur", "aanbieder"}),
    ("pgb", {"voorziening", "beoogd_resultaat", "kwaliteitseisen", "pgb_bedrag", "pgb_berekening", "duur",
             "verantwoording", "ingangsdatum", "meldplicht"}),
])
def test_jeugd_artikel_5_5(vorm, verwacht):
    besluit = _onopgeslagen("jeugdhulp", soort=Soort.TOEKENNING, vorm=vorm, aanvraag="Hulp voor Daan.", vervolg="Wij bellen u.")
    ontbreekt = ontbrekende_elementen(besluit)
    assert {e.veld for e in ontbreekt} == verwacht | {"overwegingen"}
    bronnen = {e.veld: e.bron for e in ontbreekt}
    if vorm == "natura":
        # 5:5 lid 2 onder c: the contracted provider (Wmo 4:6 asks the contribution instead).
        assert bronnen["aanbieder"] == f"{VO}, artikel 5:5, tweede lid, onder c"
        assert "bijdrage_verschuldigd" not in bronnen
    else:
        assert bronnen["meldplicht"] == f"{VO}, artikel 5:5, derde lid, onder f"


def test_duur_mag_in_woorden():
    besluit = _onopgeslagen("jeugdhulp", soort=Soort.TOEKENNING, vorm="natura", duur="zolang Daan het nodig heeft")
    assert "duur" not in {e.veld for e in ontbrekende_elementen(besluit)}


def test_inkomen_lening_en_natura_vragen_voorwaarden_en_reden():
    besluit = _onopgeslagen("bijzondere_bijstand", soort=Soort.TOEKENNING, vorm="natura", financiering="lening",
                            voorziening="wasmachine", bedrag=Decimal("450"), bedrag_periode="eenmalig",
                            ingangsdatum=dt.date(2026, 2, 1), aanvraag="x", vervolg="x")
    velden = {e.veld: e.bron for e in ontbrekende_elementen(besluit)}
    assert set(velden) == {"overwegingen", "reden_natura", "lening_voorwaarden"}
    assert "Participatiewet, artikel 57" in velden["reden_natura"]


def test_afwijzing_en_buiten_behandeling_vragen_geen_verstrekking():
    afwijzing = _onopgeslagen("wmo_maatwerkvoorziening", soort=Soort.AFWIJZING, aanvraag="Hulp.")
    assert {e.veld for e in ontbrekende_elementen(afwijzing)} == {"overwegingen"}
    buiten = _onopgeslagen("wmo_maatwerkvoorziening", soort=Soort.BUITEN_BEHANDELING, aanvraag="Hulp.")
    assert {e.veld: e.bron for e in ontbrekende_elementen(buiten)}["hersteltermijn_tot"].startswith(
        "Algemene wet bestuursrecht, artikel 4:5, eerste lid")


def test_overweging_hoogstens_twee_zinnen(zaak_klaar, wmo):
    besluit = services.opstellen(zaak_klaar, wmo)
    with pytest.raises(ValidationError) as fout:
        services.overweging_toevoegen(besluit, wmo, zin="Een. Twee. Drie.", bron=f"{VO}, artikel 4:3", soort="discretie")
    assert "hoogstens 2 zinnen" in fout.value.message_dict["zin"][0]
    o = services.overweging_toevoegen(besluit, wmo, zin="U krijgt € 1.234,56. Dat is genoeg.", bron=f"{VO}, artikel 4:8",
                                      soort="verordening")
    assert o.herkomst == "consulent"


# ------------------------------------------------------------------ vier ogen


def test_boven_mandaat_eerst_goedkeuring_op_precies_deze_inhoud(nieuwe_zaak, klaar, wmo, wmo2, kwaliteit, wmo_natura):
    zaak = klaar(nieuwe_zaak(wmo), wmo, bedrag=Decimal("20000.00"))  # mandate consulent_wmo: € 10.000
    besluit = services.opstellen(zaak, wmo)
    services.wijzigen(besluit, wmo, **wmo_natura)
    oordeel = services.vier_ogen(besluit)
    assert oordeel.vereist and "hoger dan het mandaat" in oordeel.redenen[0]
    with pytest.raises(VierOgenFout) as fout:
        services.vaststellen(besluit, wmo, datum=VASTSTELLING)
    assert fout.value.code == "goedkeuring_nodig"

    with pytest.raises(GeenToegang):  # a colleague consulent is no kwaliteitsmedewerker
        services.goedkeuren(besluit, wmo2, akkoord=True)
    with pytest.raises(GeenToegang):  # the preparer himself has no kwaliteitsmedewerker role either
        services.goedkeuren(besluit, wmo, akkoord=True)

    goedkeuring = services.goedkeuren(besluit, kwaliteit, akkoord=True, toelichting="Akkoord, goed onderbouwd.")
    assert goedkeuring.inhoud_sha256 == vierogen.inhoud_sha256(services.inhoud_van_besluit(besluit))
    # Changing the amount afterwards voids the approval: it was given on other content (issue 8 point 3) ...
    services.wijzigen(besluit, wmo, pgb_bedrag=Decimal("20500.00"))
    assert services.geldige_goedkeuring(besluit) is None
    with pytest.raises(VierOgenFout):
        services.vaststellen(besluit, wmo, datum=VASTSTELLING)
    services.wijzigen(besluit, wmo, pgb_bedrag=None)  # back to the approved content
    assert services.geldige_goedkeuring(besluit) == goedkeuring
    # ... the letter's wording does not (docs/besluiten.md: the content hash defines what was approved).
    services.wijzigen(besluit, wmo, omvang="4 uur per week")
    assert services.geldige_goedkeuring(besluit) == goedkeuring
    services.vaststellen(besluit, wmo, datum=VASTSTELLING)
    zaak.refresh_from_db()
    assert (besluit.status, zaak.status) == (Status.VASTGESTELD, ZaakStatus.BESLUIT)


def test_goedkeurder_is_niet_de_opsteller(nieuwe_zaak, klaar, maak_gebruiker, wmo_natura):
    beide = maak_gebruiker("beide", "consulent_wmo", "kwaliteitsmedewerker")
    zaak = klaar(nieuwe_zaak(beide), beide, bedrag=Decimal("20000.00"))
    besluit = services.opstellen(zaak, beide)
    services.wijzigen(besluit, beide, **wmo_natura)
    with pytest.raises(VierOgenFout) as fout:
        services.goedkeuren(besluit, beide, akkoord=True)
    assert fout.value.code == "zelfde_persoon"
    assert not Goedkeuring.objects.filter(besluit=besluit).exists()


def test_niet_akkoord_zet_zaak_terug(nieuwe_zaak, klaar, wmo, kwaliteit, wmo_natura):
    zaak = klaar(nieuwe_zaak(wmo), wmo, bedrag=Decimal("20000.00"))
    besluit = services.opstellen(zaak, wmo)
    services.wijzigen(besluit, wmo, **wmo_natura)
    with pytest.raises(ValidationError):
        services.goedkeuren(besluit, kwaliteit, akkoord=False, toelichting="te kort")
    services.goedkeuren(besluit, kwaliteit, akkoord=False, toelichting="Het aantal uren is niet onderbouwd in het verslag.")
    zaak.refresh_from_db()
    assert zaak.status == ZaakStatus.BEOORDELING
    with pytest.raises(ProcedureFout):
        services.vaststellen(besluit, wmo, datum=VASTSTELLING)


def test_binnen_mandaat_zonder_tweede_persoon(zaak_klaar, wmo, wmo_natura):
    besluit = services.opstellen(zaak_klaar, wmo)
    services.wijzigen(besluit, wmo, **wmo_natura)
    assert not services.vier_ogen(besluit).vereist
    services.vaststellen(besluit, wmo, datum=VASTSTELLING)
    assert besluit.vastgesteld_door == wmo


# ------------------------------------------------------------------ bekendmaking en onveranderlijkheid


def test_bekendmaking_slaat_brief_op_en_start_bezwaartermijn(zaak_klaar, wmo, wmo_natura):
    besluit = _verstuurd(zaak_klaar, wmo, wmo_natura)
    assert besluit.status == Status.BEKENDGEMAAKT and besluit.bekendgemaakt_op == BEKENDMAKING
    # Awb 6:7/6:8: six weeks from the day after 2 February 2026 -> Monday 16 March 2026.
    assert besluit.bezwaartermijn_einde == bezwaartermijn(BEKENDMAKING).einde == dt.date(2026, 3, 16)
    brief = besluit.brief
    assert "uiterlijk op 16 maart 2026" in brief.html
    assert bytes(brief.pdf).startswith(b"%PDF")
    assert brief.html_sha256 == sha256(brief.html) and brief.pdf_sha256 == sha256(bytes(brief.pdf))
    assert brief.controleer_integriteit()
    # The letter records every template version it used, the main one first.
    assert brief.sjabloonversies[0]["code"] == "brief" and brief.sjabloonversie.sjabloon.code == "brief"
    assert {v["code"] for v in brief.sjabloonversies} >= {"opmaak", "beslissing", "voorziening", "rechtsmiddel",
                                                           "clientondersteuning", "bijlage"}
    assert brief.leesbaarheid["b1"] is True


def test_bekendgemaakt_besluit_en_brief_veranderen_nooit(zaak_klaar, wmo, wmo_natura):
    besluit = _verstuurd(zaak_klaar, wmo, wmo_natura)
    besluit.omvang = "10 uur per week"
    with pytest.raises(OnveranderlijkFout):
        besluit.save()
    with pytest.raises(OnveranderlijkFout):
        besluit.delete()
    with pytest.raises(OnveranderlijkFout):
        Besluit.objects.filter(pk=besluit.pk).update(omvang="10 uur per week")
    with pytest.raises(OnveranderlijkFout):
        Besluit.objects.filter(pk=besluit.pk).delete()
    with pytest.raises(ProcedureFout):
        services.wijzigen(Besluit.objects.get(pk=besluit.pk), wmo, omvang="10 uur per week")
    with pytest.raises(ProcedureFout):
        services.overweging_toevoegen(besluit, wmo, zin="Nog iets.", bron="x", soort="discretie")
    overweging = besluit.overwegingen.first()
    overweging.zin = "Anders."
    with pytest.raises(OnveranderlijkFout):
        overweging.save()
    with pytest.raises(OnveranderlijkFout):
        Overweging.objects.filter(besluit=besluit).update(zin="Anders.")
    with pytest.raises(OnveranderlijkFout):
        Overweging.objects.filter(besluit=besluit).delete()
    brief = Brief.objects.get(besluit=besluit)
    brief.html = "<p>vervalst</p>"
    with pytest.raises(OnveranderlijkFout):
        brief.save()
    with pytest.raises(OnveranderlijkFout):
        Brief.objects.filter(pk=brief.pk).update(html="x")
    with pytest.raises(OnveranderlijkFout):
        brief.delete()
    opnieuw = Besluit.objects.get(pk=besluit.pk)
    assert opnieuw.omvang == "3 uur per week" and opnieuw.brief.controleer_integriteit()


def test_vastgesteld_besluit_kan_alleen_nog_worden_bekendgemaakt(zaak_klaar, wmo, wmo_natura):
    besluit = services.opstellen(zaak_klaar, wmo)
    services.wijzigen(besluit, wmo, **wmo_natura)
    services.vaststellen(besluit, wmo, datum=VASTSTELLING)
    besluit.omvang = "10 uur per week"
    with pytest.raises(OnveranderlijkFout) as fout:
        besluit.save()
    assert "omvang" in str(fout.value)
    besluit = Besluit.objects.get(pk=besluit.pk)
    with pytest.raises(ValidationError):  # not before the date of the besluit
        services.bekendmaken(besluit, wmo, datum=VASTSTELLING - dt.timedelta(days=1))
    services.bekendmaken(besluit, wmo, datum=VASTSTELLING)


def test_sjabloonversie_verandert_nooit(db):
    versie = BriefSjabloonVersie.objects.filter(sjabloon__code="brief").first()
    versie.inhoud = "anders"
    with pytest.raises(OnveranderlijkFout):
        versie.save()
    with pytest.raises(OnveranderlijkFout):
        BriefSjabloonVersie.objects.all().delete()


# ------------------------------------------------------------------ correctie door een nieuw besluit


def test_correctie_is_nieuw_besluit_dat_naar_het_oude_verwijst(zaak_klaar, wmo, wmo_natura):
    oud = _verstuurd(zaak_klaar, wmo, wmo_natura)
    oude_html = oud.brief.html
    with pytest.raises(ValidationError):
        services.stel_nieuw_besluit_op(oud, wmo, soort=Soort.BUITEN_BEHANDELING)
    nieuw = services.stel_nieuw_besluit_op(oud, wmo, soort=Soort.HERZIENING)
    assert nieuw.vervangt == oud and nieuw.status == Status.CONCEPT and nieuw.omvang == oud.omvang
    assert nieuw.overwegingen.count() == oud.overwegingen.count()
    with pytest.raises(ProcedureFout) as fout:  # one open correction at a time
        services.stel_nieuw_besluit_op(oud, wmo, soort=Soort.INTREKKING)
    assert fout.value.code == "besluit_bestaat"
    with pytest.raises(ProcedureFout) as fout:  # a herziening needs its reason (Wmo 2015 art. 2.3.10)
        services.vaststellen(nieuw, wmo, datum=dt.date(2026, 3, 2))
    assert "Wet maatschappelijke ondersteuning 2015, artikel 2.3.10" in str(fout.value)
    services.wijzigen(nieuw, wmo, reden_wijziging="Uw rug is slechter geworden.", omvang="4 uur per week",
                      ingangsdatum=dt.date(2026, 3, 1))
    services.overweging_toevoegen(nieuw, wmo, zin="De hulp die u had, is niet meer genoeg.",
                                  bron="Wet maatschappelijke ondersteuning 2015, artikel 2.3.10", soort="wet")
    services.vaststellen(nieuw, wmo, datum=dt.date(2026, 3, 2))
    services.bekendmaken(nieuw, wmo, datum=dt.date(2026, 3, 2))
    nieuw.refresh_from_db()
    assert "Op 2 februari 2026 kreeg u een brief van ons" in nieuw.brief.html
    assert "4 uur per week" in nieuw.brief.html
    oud = Besluit.objects.get(pk=oud.pk)
    assert (oud.status, oud.omvang, oud.brief.html) == (Status.BEKENDGEMAAKT, "3 uur per week", oude_html)
    assert list(oud.vervangen_door.all()) == [nieuw]
    zaak_klaar.refresh_from_db()
    assert zaak_klaar.status == ZaakStatus.BESLUIT


def test_buiten_behandeling_zet_zaak_buiten_behandeling(nieuwe_zaak, klaar, wmo):
    zaak = klaar(nieuwe_zaak(wmo), wmo, tot=ZaakStatus.BEOORDELING)
    besluit = services.opstellen(zaak, wmo, soort=Soort.BUITEN_BEHANDELING)
    services.wijzigen(besluit, wmo, ontbrekende_gegevens="uw bankafschriften van de laatste drie maanden.",
                      hersteltermijn_tot=dt.date(2026, 1, 30))
    services.overweging_toevoegen(besluit, wmo, zin="Zonder die papieren kunnen wij uw aanvraag niet beoordelen.",
                                  bron="Algemene wet bestuursrecht, artikel 4:5, eerste lid, onder c", soort="wet")
    services.vaststellen(besluit, wmo, datum=VASTSTELLING)
    zaak.refresh_from_db()
    assert zaak.status == ZaakStatus.BUITEN_BEHANDELING
    assert zaak.overgangen.last().reden.startswith(f"Besluit {besluit.kenmerk}")


# ------------------------------------------------------------------ a later besluit updates the zaak's decision


def test_later_besluit_werkt_het_besluit_van_de_zaak_bij(nieuwe_zaak, klaar, wmo, wmo2, wmo_natura):
    from maatwerk.besluiten import bezwaar as bz

    zaak = klaar(nieuwe_zaak(wmo), wmo, uitkomst="afgewezen", bedrag=None)
    afwijzing = services.opstellen(zaak, wmo)
    assert afwijzing.soort == Soort.AFWIJZING
    services.vaststellen(afwijzing, wmo, datum=VASTSTELLING)
    services.bekendmaken(afwijzing, wmo, datum=VASTSTELLING)
    zaak.refresh_from_db()
    assert (zaak.status, zaak.besluit_uitkomst, zaak.besluitdatum) == (ZaakStatus.BESLUIT, "afgewezen", VASTSTELLING)

    # Bezwaar gegrond (Awb 7:11): the new besluit grants; the zaak shows it (natura: no amount stated).
    bezwaar = bz.registreer(Besluit.objects.get(pk=afwijzing.pk), wmo, ontvangen_op=dt.date(2026, 3, 10),
                            gronden="Ik heb wel hulp nodig.")
    bz.leg_horen_vast(bezwaar, wmo2, hoorzitting_op=dt.date(2026, 3, 25), verslag="Mevrouw kan niet meer schoonmaken.")
    bezwaar, na_bezwaar = bz.beslis(bezwaar, wmo2, uitkomst="gegrond", motivering="Het onderzoek onderschat de hulpvraag.",
                                    datum=dt.date(2026, 4, 1), nieuw_besluit_soort=Soort.TOEKENNING)
    services.wijzigen(na_bezwaar, wmo2, **wmo_natura)
    services.vaststellen(na_bezwaar, wmo2, datum=dt.date(2026, 4, 1))
    services.bekendmaken(na_bezwaar, wmo2, datum=dt.date(2026, 4, 1))
    zaak.refresh_from_db()
    assert (zaak.status, zaak.besluit_uitkomst, zaak.besluit_bedrag, zaak.besluitdatum) == (
        ZaakStatus.BESLUIT, "toegekend", None, dt.date(2026, 4, 1))
    assert AuditRegel.objects.filter(zaak=zaak, onderwerp="besluit", actie="change",
                                     toelichting__contains=f"besluit {na_bezwaar.kenmerk}: afgewezen").exists()

    # Herziening with a stated amount: still granted, the new amount.
    herziening = services.stel_nieuw_besluit_op(Besluit.objects.get(pk=na_bezwaar.pk), wmo, soort=Soort.HERZIENING)
    services.wijzigen(herziening, wmo, reden_wijziging="Uw rug is slechter geworden.", ingangsdatum=dt.date(2026, 5, 1),
                      omvang="4 uur per week", pgb_bedrag=Decimal("4200.00"))
    with pytest.raises(ValidationError) as fout:  # not dated before the besluit it changes
        services.vaststellen(herziening, wmo, datum=dt.date(2026, 3, 31))
    assert "datum" in fout.value.message_dict
    herziening = Besluit.objects.get(pk=herziening.pk)
    assert herziening.status == Status.CONCEPT
    services.vaststellen(herziening, wmo, datum=dt.date(2026, 5, 4))
    services.bekendmaken(herziening, wmo, datum=dt.date(2026, 5, 4))
    zaak.refresh_from_db()
    assert (zaak.besluit_uitkomst, zaak.besluit_bedrag, zaak.besluitdatum) == ("toegekend", Decimal("4200.00"), dt.date(2026, 5, 4))

    # Intrekking: nothing granted any more.
    intrekking = services.stel_nieuw_besluit_op(Besluit.objects.get(pk=herziening.pk), wmo, soort=Soort.INTREKKING)
    services.wijzigen(intrekking, wmo, reden_wijziging="U bent verhuisd naar een andere gemeente.",
                      ingangsdatum=dt.date(2026, 7, 1))
    services.vaststellen(intrekking, wmo, datum=dt.date(2026, 6, 1))
    zaak.refresh_from_db()
    assert (zaak.status, zaak.besluit_uitkomst, zaak.besluit_bedrag, zaak.besluitdatum) == (
        ZaakStatus.BESLUIT, "afgewezen", None, dt.date(2026, 6, 1))
