"""Jeugdhulp (issue 10 points 5 and 8, Jeugd part): a consulent_jeugd grants jeugdhulp through the GP route
(Verordening Sociaal Domein Lansingerland 2018, art. 5:3; Jeugdwet art. 2.6 lid 1 onder g) without the 5:4 cascade;
without a referral the cascade of 5:4 is asked in order; the pgb of 5:6 is computed by the Regelkern and stored on
the zaak; the besluit holds what 5:5 requires; the letter is B1 and at most two pages without the bijlage.

Amounts cross-checked against art. 5:6 lid 3 onder b (seed 001, line 10063): informal pgb at most 51,7 % of the
natura cost price: 51,7 % of € 1.000,00 = € 517,00."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from maatwerk.besluiten import services
from maatwerk.besluiten.demo import demo_gemeente
from maatwerk.brieven.leesbaarheid import meet_brief
from maatwerk.brieven.pdf import paginas_hoofddeel
from maatwerk.personen import services as personen
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.zaken import beoordeling, procedure
from maatwerk.zaken import jeugd as jeugd_service
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import Berekening, Status
from maatwerk.zaken.services import meld_zaak


DAG = dt.date(2026, 1, 26)
BIJLAGE = re.compile(r'<section class="bijlage".*?</section>', re.S)
GP_ROUTE = {
    "verwijzing_arts": ("ja", "Huisarts dr. Bakker verwees Daan op 5 januari 2026 naar Praktijk De Linde voor hulp bij angst."),
    "aanbieder_oordeelt_jeugdhulp_nodig": ("ja", "Praktijk De Linde vindt 12 gesprekken van een uur nodig, in drie maanden."),
    "pgb_gewenst": ("nee", "De ouders willen dat Praktijk De Linde de hulp geeft, in natura."),
}
NATURA = dict(
    vorm="natura", voorziening="gesprekken met een hulpverlener", beoogd_resultaat="Daan is minder bang en gaat weer naar school.",
    ingangsdatum=dt.date(2026, 2, 1), omvang="12 gesprekken van een uur", duur="drie maanden",
    aanbieder="Praktijk De Linde", vervolg="Praktijk De Linde belt u binnen een week voor de eerste afspraak.",
)
PGB_BEVINDINGEN = {
    "verwijzing_arts": ("nee", "Moeder meldde zich zelf bij het jeugdteam; er is geen verwijzing van een arts."),
    "oplossing_eigen_kracht_of_omgeving": ("nee", "Ouders en opa komen er niet uit."),
    "oplossing_overige_of_voorliggende_voorziening": ("nee", "De cursus van het CJG hielp niet."),
    "pgb_gewenst": ("ja", "De ouders willen de begeleiding zelf regelen met een pgb."),
    "pgb_in_staat_tot_beheer": ("ja", "Vader deed eerder een pgb."),
    "pgb_natura_niet_passend": ("ja", "Daan vertrouwt alleen zijn oom."),
    "jeugd_pgb_kwaliteit_gewaarborgd": ("ja", "De oom werkt met een plan met doelen."),
    "pgb_sociaal_netwerk": ("ja", "De oom krijgt een laag tarief, de zorg valt hem niet te zwaar, geen druk."),
}


def bsn(nummer: int) -> str:
    """A valid test BSN (elfproef) derived from `nummer`."""
    for n in itertools.count(nummer):
        basis = f"{20_000_000 + n % 79_999_999:08d}"
        controle = sum(int(c) * w for c, w in zip(basis, range(9, 1, -1))) % 11
        if controle < 10:
            return basis + str(controle)
    raise AssertionError


@pytest.fixture
def gemeente(db):
    g = demo_gemeente()
    g.save()
    return g


def _jeugd_zaak(consulent):
    daan = personen.registreer_inwoner(
        consulent, bsn=bsn(4242 + consulent.pk * 31), voornamen="Daan", achternaam="Visser", geboortedatum=dt.date(2014, 5, 1),
        straat="Dorpsstraat", huisnummer=12, postcode="2651 AB", woonplaats="Berkel en Rodenrijs",
    )
    huishouden = personen.maak_huishouden(consulent, naam="Huishouden Visser", aanvrager=daan)
    zaak = meld_zaak(consulent, huishouden=huishouden, hoofdpersoon=daan, regeling="jeugdhulp",
                     ontvangen_op=dt.date(2026, 1, 5), omschrijving="Hulp voor Daan")
    procedure.voer_uit(zaak, Status.AANVRAAG, consulent, datum=dt.date(2026, 1, 6))
    procedure.voer_uit(zaak, Status.BEOORDELING, consulent, datum=dt.date(2026, 1, 7))
    zaak.refresh_from_db()
    return zaak


def _bevindingen(zaak, consulent, bevindingen):
    for criterium, (waarde, motivering) in bevindingen.items():
        beoordeling.leg_bevinding_vast(zaak, consulent, criterium=criterium, waarde=waarde, motivering=motivering)


def _klaar(zaak, consulent, bedrag=None):
    """To klaar voor besluit; `bedrag` is the estimated cost per year the mandate table reads (local policy)."""
    procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, consulent, datum=DAG, uitkomst="toegekend", bedrag=bedrag)
    zaak.refresh_from_db()
    return zaak


def _stel_vast_en_verstuur(besluit, consulent, kwaliteit):
    if services.vier_ogen(besluit).vereist and services.geldige_goedkeuring(besluit) is None:
        services.goedkeuren(besluit, kwaliteit, akkoord=True)
    services.vaststellen(besluit, consulent, datum=DAG)
    return services.bekendmaken(besluit, consulent, datum=DAG)


# ------------------------------------------------------------------ the GP route (done-when of issue 10)


@pytest.mark.django_db
def test_consulent_jeugd_grants_through_the_gp_route_without_the_5_4_cascade(jeugd, kwaliteit, gemeente):
    zaak = _jeugd_zaak(jeugd)
    _bevindingen(zaak, jeugd, GP_ROUTE)
    # After a referral the 5:4 criteria are not asked (art. 5:3 lid 1); what the college still checks is recorded.
    assert beoordeling.ontbrekende_criteria(zaak) == []
    assert jeugd_route(zaak) == "verwijzing"
    _klaar(zaak, jeugd)
    besluit = services.opstellen(zaak, jeugd)
    assert "U heeft ons gevraagd om een beschikking." in besluit.aanvraag  # 5:4a lid 2
    services.wijzigen(besluit, jeugd, **{**NATURA, "aanbieder": ""})
    # 5:5 lid 2 onder c: without the contracted aanbieder the besluit cannot be vastgesteld; the message names it.
    with pytest.raises(ProcedureFout) as fout:
        services.vaststellen(besluit, jeugd, datum=DAG)
    assert "welke gecontracteerde of gesubsidieerde aanbieder de jeugdhulp levert" in str(fout.value)
    assert "artikel 5:5, tweede lid, onder c" in str(fout.value)
    services.wijzigen(besluit, jeugd, aanbieder="Praktijk De Linde")
    brief = _stel_vast_en_verstuur(besluit, jeugd, kwaliteit)
    zaak.refresh_from_db()
    assert zaak.status == Status.BESLUIT and zaak.besluit_uitkomst == "toegekend"
    hoofd = BIJLAGE.sub("", brief.html)
    assert "Uw kind is door een arts doorverwezen naar een jeugdhulpaanbieder." in hoofd
    assert "De jeugdhulpaanbieder vindt dat uw kind deze hulp nodig heeft." in hoofd
    assert "De hulp komt van: Praktijk De Linde" in hoofd
    assert "verwijzing_arts" not in brief.html and "aanbieder_oordeelt" not in brief.html
    assert paginas_hoofddeel(brief.html) <= 2
    assert brief.leesbaarheid["b1"] is True and meet_brief(brief.html).voldoet


@pytest.mark.django_db
def test_structured_referral_is_named_in_the_letter_which_stays_two_pages(jeugd, kwaliteit, gemeente):
    from maatwerk.zaken import jeugd_verwijzing

    zaak = _jeugd_zaak(jeugd)
    jeugd_verwijzing.leg_verwijzing_vast(zaak, jeugd, verwezen_door="jeugdarts", naam="J. de Vries", agb_code="01012345",
                                         big_nummer="", datum="2026-01-05", hulpvraag="hulp bij angst")
    _bevindingen(zaak, jeugd, {k: v for k, v in GP_ROUTE.items() if k != "verwijzing_arts"})
    assert jeugd_route(zaak) == "verwijzing" and beoordeling.ontbrekende_criteria(zaak) == []
    _klaar(zaak, jeugd)
    besluit = services.opstellen(zaak, jeugd)
    services.wijzigen(besluit, jeugd, **NATURA)
    brief = _stel_vast_en_verstuur(besluit, jeugd, kwaliteit)
    hoofd = BIJLAGE.sub("", brief.html)
    assert "De jeugdarts (J. de Vries) verwees uw kind op 5 januari 2026 voor: hulp bij angst." in hoofd
    assert "jeugdarts (" in hoofd and "jeugd_verwijzing" not in hoofd
    assert paginas_hoofddeel(brief.html) <= 2
    assert brief.leesbaarheid["b1"] is True


def jeugd_route(zaak):
    return jeugd_service.route(zaak)


@pytest.mark.django_db
def test_without_referral_the_5_4_cascade_is_asked_in_order(jeugd):
    zaak = _jeugd_zaak(jeugd)
    codes = [c.code for c in beoordeling.ontbrekende_criteria(zaak)]
    # Before the route is known the route itself is asked; the questions of one route wait for its answer.
    assert "verwijzing_arts" in codes and "oplossing_eigen_kracht_of_omgeving" not in codes
    assert "aanbieder_oordeelt_jeugdhulp_nodig" not in codes
    _bevindingen(zaak, jeugd, {"verwijzing_arts": PGB_BEVINDINGEN["verwijzing_arts"],
                               "pgb_gewenst": ("nee", "De ouders willen hulp in natura van een aanbieder.")})
    codes = [c.code for c in beoordeling.ontbrekende_criteria(zaak)]
    assert codes == ["oplossing_eigen_kracht_of_omgeving", "oplossing_overige_of_voorliggende_voorziening"]
    with pytest.raises(ProcedureFout) as fout:
        _klaar(zaak, jeugd)
    assert "artikel 5:4, onder a" in str(fout.value) and "artikel 5:4, onder b" in str(fout.value)
    # The pgb conditions of 5:6 lid 2 are asked only when a pgb is wanted.
    assert not any(c.startswith("pgb_in") for c in codes)


# ------------------------------------------------------------------ the pgb (art. 5:6)


@pytest.mark.django_db
def test_pgb_is_computed_by_the_regelkern_stored_on_the_zaak_and_fills_the_besluit(jeugd, kwaliteit, gemeente):
    zaak = _jeugd_zaak(jeugd)
    _bevindingen(zaak, jeugd, PGB_BEVINDINGEN)
    berekening = jeugd_service.bereken_pgb(zaak, jeugd, maand="2026-02", hulpverlener="informeel", natura_kostprijs="1000",
                                   begroting="800,00", sociaal_netwerk=True)
    assert Berekening.objects.filter(zaak=zaak).count() == 1
    assert berekening.bedrag == Decimal("517.00")  # 51,7 % of € 1.000 (art. 5:6 lid 3 onder b)
    assert berekening.resultaat["personen"]["jeugdige"]["jeugd_pgb_reden_niet_toekenbaar"] == "geen"
    # Purpose limitation: the Jeugd computation reads no income or capital.
    invoer = berekening.situatie["personen"]["jeugdige"]
    assert not {"netto_maandinkomen", "vermogen"} & set(invoer)
    _klaar(zaak, jeugd, bedrag=Decimal("5687.00"))  # 11 months x € 517: within the consulent's mandate
    besluit = services.opstellen(zaak, jeugd)
    assert besluit.vorm == "pgb" and besluit.pgb_bedrag == Decimal("517.00") and besluit.berekening_id == berekening.pk
    assert "51,7 %" in besluit.pgb_berekening and "€ 1.000,00" in besluit.pgb_berekening
    assert besluit.meldplicht  # 5:5 lid 3 onder f
    # 5:5 lid 3: what the consulent still has to write is named, with its source.
    with pytest.raises(ProcedureFout) as fout:
        services.vaststellen(besluit, jeugd, datum=DAG)
    melding = str(fout.value)
    for naam in ("welke kwaliteitseisen gelden voor de besteding", "hoe de besteding van het pgb wordt verantwoord",
                 "artikel 5:5, derde lid, onder b", "artikel 5:5, derde lid, onder e"):
        assert naam in melding
    services.wijzigen(
        besluit, jeugd, voorziening="begeleiding van Daan door zijn oom", beoogd_resultaat="Daan gaat weer naar school.",
        kwaliteitseisen="De begeleider werkt met een plan met doelen.",
        verantwoording="De SVB betaalt de begeleider. U tekent elke maand de uren.",
        ingangsdatum=dt.date(2026, 2, 1), einddatum=dt.date(2026, 12, 31), vervolg="U kunt de begeleiding nu regelen.",
    )
    brief = _stel_vast_en_verstuur(besluit, jeugd, kwaliteit)
    hoofd = BIJLAGE.sub("", brief.html)
    assert "€ 517,00" in hoofd and "51,7 %" in hoofd
    # Issue 10: the pgb letter with five reasons fits two pages (measured in the PDF), still with 5:5 lid 3.
    assert paginas_hoofddeel(brief.html) <= 2
    assert "Zo hebben wij het bedrag berekend:" in hoofd and "Regels voor het pgb:" in hoofd
    assert "De begeleider werkt met een plan met doelen." in hoofd and "De SVB betaalt de begeleider." in hoofd
    assert "Geef dat dan meteen aan ons door." in hoofd  # 5:5 lid 3 onder f
    assert brief.leesbaarheid["b1"] is True


@pytest.mark.django_db
def test_pgb_not_granted_when_a_condition_fails_names_the_condition(jeugd):
    zaak = _jeugd_zaak(jeugd)
    _bevindingen(zaak, jeugd, {**PGB_BEVINDINGEN,
                               "pgb_natura_niet_passend": ("nee", "De ouders noemen geen reden waarom de aanbieder niet past.")})
    berekening = jeugd_service.bereken_pgb(zaak, jeugd, maand="2026-02", hulpverlener="formeel", natura_kostprijs=900, begroting=900)
    assert berekening.bedrag == Decimal("0.00")
    assert berekening.resultaat["personen"]["jeugdige"]["jeugd_pgb_reden_niet_toekenbaar"] == "natura_niet_gemotiveerd_ongeschikt"


@pytest.mark.django_db
@pytest.mark.parametrize("velden, veld", [
    (dict(begroting="veel"), "begroting"),
    (dict(natura_kostprijs="-10"), "natura_kostprijs"),
    (dict(hulpverlener="oma"), "hulpverlener"),
    (dict(maand="2026-13"), "maand"),
])
def test_bad_pgb_input_gets_a_dutch_message_naming_the_field(jeugd, velden, veld):
    zaak = _jeugd_zaak(jeugd)
    _bevindingen(zaak, jeugd, PGB_BEVINDINGEN)
    invoer = dict(maand="2026-02", hulpverlener="informeel", natura_kostprijs="1000", begroting="800")
    invoer.update(velden)
    with pytest.raises(ValidationError) as fout:
        jeugd_service.bereken_pgb(zaak, jeugd, **invoer)
    assert veld in fout.value.message_dict
    assert not Berekening.objects.filter(zaak=zaak).exists()


@pytest.mark.django_db
def test_pgb_needs_the_wish_of_5_6_lid_1(jeugd):
    zaak = _jeugd_zaak(jeugd)
    with pytest.raises(ProcedureFout) as fout:
        jeugd_service.bereken_pgb(zaak, jeugd, maand="2026-02", hulpverlener="informeel", natura_kostprijs=1000, begroting=800)
    assert "artikel 5:6, eerste lid" in str(fout.value)


@pytest.mark.django_db
@pytest.mark.parametrize("wie", ["wmo", "inkomen", "kwaliteit", "beheerder"])
def test_other_roles_may_not_compute_a_jeugd_pgb(request, jeugd, wie):
    zaak = _jeugd_zaak(jeugd)
    _bevindingen(zaak, jeugd, PGB_BEVINDINGEN)
    with pytest.raises(GeenToegang):
        jeugd_service.bereken_pgb(zaak, request.getfixturevalue(wie), maand="2026-02", hulpverlener="informeel",
                          natura_kostprijs=1000, begroting=800)
    assert not Berekening.objects.filter(zaak=zaak).exists()


# ------------------------------------------------------------------ hardheidsclausule (art. 5:12)


@pytest.mark.django_db
def test_hardheidsclausule_names_article_5_12(jeugd):
    zaak = _jeugd_zaak(jeugd)
    afwijking = beoordeling.leg_afwijking_vast(
        zaak, jeugd, soort="hardheidsclausule",
        reden="Daan heeft door de scheiding van zijn ouders nu hulp nodig; wachten is onbillijk van overwegende aard.")
    assert afwijking.bron == "Verordening Sociaal Domein 2018, artikel 5:12"


# ------------------------------------------------------------------ herziening, intrekking, terugvordering (art. 5:7)


def _verleend_via_huisarts(jeugd, kwaliteit):
    zaak = _jeugd_zaak(jeugd)
    _bevindingen(zaak, jeugd, GP_ROUTE)
    _klaar(zaak, jeugd)
    besluit = services.opstellen(zaak, jeugd)
    services.wijzigen(besluit, jeugd, **NATURA)
    _stel_vast_en_verstuur(besluit, jeugd, kwaliteit)
    return besluit


@pytest.mark.django_db
def test_intrekking_rests_on_a_ground_of_5_7_and_computes_what_may_be_recovered(jeugd, kwaliteit, gemeente):
    from maatwerk.besluiten import jeugd as jeugd_besluit

    vorig = _verleend_via_huisarts(jeugd, kwaliteit)
    intrekking = services.stel_nieuw_besluit_op(vorig, jeugd, soort="intrekking")
    services.wijzigen(intrekking, jeugd, reden_wijziging="U gaf ons gegevens die niet klopten.",
                      ingangsdatum=dt.date(2026, 3, 1), vervolg="De hulp stopt op 1 maart 2026.")
    with pytest.raises(ProcedureFout) as fout:
        services.vaststellen(intrekking, jeugd, datum=dt.date(2026, 2, 20))
    assert "artikel 5:7, tweede of vierde lid" in str(fout.value)
    # Only ground a with intent allows recovery (lid 3): without intent nothing, with intent the whole value at most.
    assert jeugd_besluit.leg_grond_vast(intrekking, jeugd, grond="niet_langer_aangewezen", ten_onrechte_genoten="900") == Decimal("0")
    maximum = jeugd_besluit.leg_grond_vast(intrekking, jeugd, grond="onjuiste_gegevens", opzet=True,
                                           ten_onrechte_genoten="1551,00")
    assert maximum == Decimal("1551.0")
    zinnen = {o.regel_id: o for o in intrekking.overwegingen.all()}
    assert "artikel 5:7, tweede lid, onder a" in zinnen["jeugd.herziening.grond.onjuiste_gegevens"].bron
    assert "€ 1.551,00" in zinnen["jeugd.terugvordering"].zin
    assert "artikel 5:7, derde lid" in zinnen["jeugd.terugvordering"].bron
    services.vaststellen(intrekking, jeugd, datum=dt.date(2026, 2, 20))


@pytest.mark.django_db
@pytest.mark.parametrize("soort, velden, veld", [
    ("intrekking", dict(grond="geen_zin"), "grond"),
    ("herziening", dict(grond="pgb_niet_binnen_termijn_aangewend"), "grond"),  # lid 4 allows only intrekking
    ("intrekking", dict(grond="onjuiste_gegevens", opzet=True, ten_onrechte_genoten="veel"), "ten_onrechte_genoten"),
    ("intrekking", dict(grond="onjuiste_gegevens", opzet=True, ten_onrechte_genoten="-1"), "ten_onrechte_genoten"),
])
def test_bad_ground_input_gets_a_dutch_message_naming_the_field(jeugd, kwaliteit, gemeente, soort, velden, veld):
    from maatwerk.besluiten import jeugd as jeugd_besluit

    nieuw = services.stel_nieuw_besluit_op(_verleend_via_huisarts(jeugd, kwaliteit), jeugd, soort=soort)
    aantal = nieuw.overwegingen.count()
    with pytest.raises(ValidationError) as fout:
        jeugd_besluit.leg_grond_vast(nieuw, jeugd, **velden)
    assert veld in fout.value.message_dict
    assert nieuw.overwegingen.count() == aantal


@pytest.mark.django_db
@pytest.mark.parametrize("wie", ["wmo", "inkomen", "beheerder"])
def test_other_domains_may_not_record_a_ground(request, jeugd, kwaliteit, gemeente, wie):
    from maatwerk.besluiten import jeugd as jeugd_besluit

    nieuw = services.stel_nieuw_besluit_op(_verleend_via_huisarts(jeugd, kwaliteit), jeugd, soort="intrekking")
    with pytest.raises(GeenToegang):
        jeugd_besluit.leg_grond_vast(nieuw, request.getfixturevalue(wie), grond="niet_langer_aangewezen")
