"""Wmo criteria as recorded steps (issue 10 point 1): the cascade of artikel 4:3 lid 3 of the Verordening Sociaal
Domein 2018 in order, the refusal grounds of artikel 4:4 each as a finding, goedkoopst passend, duur, the
hardheidsclausule of artikel 4:16, old zaken with the first version's criteria, and the role matrix."""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError

from maatwerk.zaken import beoordeling, procedure
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import Bevinding, Status, Zaak
from maatwerk.zaken.regelingen import REGELINGEN
from maatwerk.zaken.wmo_criteria import GUNSTIG

pytestmark = pytest.mark.django_db

WMO_REGELING = REGELINGEN["wmo_maatwerkvoorziening"]
REDEN = "Besproken in het keukentafelgesprek van 12 januari."
STAPPEN = ["cascade_eigen_kracht", "cascade_gebruikelijke_hulp", "cascade_mantelzorg", "cascade_sociaal_netwerk",
           "cascade_algemeen_gebruikelijk", "cascade_algemene_voorziening", "cascade_andere_voorziening"]


def _leg(zaak, gebruiker, criterium, waarde):
    return beoordeling.leg_bevinding_vast(zaak, gebruiker, criterium=criterium, waarde=waarde, motivering=REDEN)


def _leg_gunstig(zaak, gebruiker, *, behalve=()):
    for c in WMO_REGELING.criteria:
        if c.vervallen or c.code in behalve:
            continue
        if not c.nodig_bij(beoordeling.huidige_waarden(zaak)):
            continue
        _leg(zaak, gebruiker, c.code, GUNSTIG[c.code])


@pytest.fixture
def in_beoordeling(maak_zaak, breng_in, wmo):
    return breng_in(maak_zaak(wmo), Status.BEOORDELING, wmo)


def test_the_cascade_is_seven_ordered_steps_quoting_article_4_3_with_their_refusal_ground():
    stappen = [c for c in WMO_REGELING.criteria if c.cascade]
    assert [c.code for c in stappen] == STAPPEN
    assert [c.cascade for c in stappen] == list("abcdefg")
    # Seed 001, artikel 4:3 lid 3: "eerst onderzocht of de gewenste resultaten behaald kunnen worden a. op eigen kracht;"
    assert "eerst onderzocht of de gewenste resultaten behaald kunnen worden a. op eigen kracht;" in stappen[0].bron
    assert "g. met gebruikmaking van andere voorzieningen." in stappen[6].bron
    # Each step names the ground of artikel 4:4 lid 1 it leads to: c for a-d, e, d, and b/f.
    assert all("artikel 4:4, eerste lid" in c.weigergrond for c in stappen)
    assert [c.weigergrond.split("verstrekt: ")[1][:2] for c in stappen] == [
        "c.", "c.", "c.", "c.", "e.", "d.", "b."]


def test_old_bundled_criteria_are_kept_answerable_but_no_longer_asked():
    vandaag = dt.date(2026, 1, 20)
    asked = {c.code for c in WMO_REGELING.criteria_op(vandaag)}
    for oud in ("oplossing_eigen_kracht_of_netwerk", "oplossing_andere_voorziening", "weigeringsgrond"):
        assert WMO_REGELING.criterium(oud).vervallen and oud not in asked
    # Kept from the first version and still asked:
    assert {"beperkingen_niet_zelf_op_te_heffen", "passende_bijdrage", "goedkoopst_passend"} <= asked


def test_a_step_cannot_be_skipped(in_beoordeling, wmo):
    with pytest.raises(ProcedureFout) as fout:
        _leg(in_beoordeling, wmo, "cascade_mantelzorg", "nee")
    assert fout.value.code == "stap_overgeslagen" and "stap a" in str(fout.value)
    assert not Bevinding.objects.filter(zaak=in_beoordeling, criterium="cascade_mantelzorg").exists()
    _leg(in_beoordeling, wmo, "cascade_eigen_kracht", "nee")
    with pytest.raises(ProcedureFout, match="stap b"):
        _leg(in_beoordeling, wmo, "cascade_mantelzorg", "nee")
    _leg(in_beoordeling, wmo, "cascade_gebruikelijke_hulp", "niet_vastgesteld")  # recorded, so the next may follow
    _leg(in_beoordeling, wmo, "cascade_mantelzorg", "nee")


def test_a_step_that_solves_the_need_makes_later_steps_unneeded_and_leads_to_refusal(in_beoordeling, wmo):
    zaak = in_beoordeling
    _leg(zaak, wmo, "beperkingen_niet_zelf_op_te_heffen", "ja")
    _leg(zaak, wmo, "cascade_eigen_kracht", "nee")
    _leg(zaak, wmo, "cascade_gebruikelijke_hulp", "ja")  # the partner can do the housework (gebruikelijke hulp)
    ontbrekend = {c.code for c in beoordeling.ontbrekende_criteria(zaak)}
    assert not ontbrekend & set(STAPPEN[2:])  # niet meer nodig
    with pytest.raises(ProcedureFout) as fout:
        _leg(zaak, wmo, "cascade_mantelzorg", "nee")
    assert fout.value.code == "stap_niet_meer_nodig"
    _leg_gunstig(zaak, wmo, behalve=STAPPEN)
    with pytest.raises(ProcedureFout) as fout:
        procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, wmo, datum=dt.date(2026, 1, 22), uitkomst="toegekend")
    assert fout.value.code == "weigergrond" and "artikel 4:4, eerste lid: 'Geen maatwerkvoorziening wordt verstrekt: c." in str(fout.value)
    procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, wmo, datum=dt.date(2026, 1, 22), uitkomst="afgewezen")
    assert Zaak.objects.get(pk=zaak.pk).status == Status.KLAAR_VOOR_BESLUIT


def test_changing_the_solving_step_reopens_the_later_steps(in_beoordeling, wmo):
    zaak = in_beoordeling
    _leg(zaak, wmo, "cascade_eigen_kracht", "ja")
    assert "cascade_gebruikelijke_hulp" not in {c.code for c in beoordeling.ontbrekende_criteria(zaak)}
    _leg(zaak, wmo, "cascade_eigen_kracht", "nee")
    assert "cascade_gebruikelijke_hulp" in {c.code for c in beoordeling.ontbrekende_criteria(zaak)}
    _leg(zaak, wmo, "cascade_gebruikelijke_hulp", "nee")


@pytest.mark.parametrize("grond, letter", [
    ("weigering_geen_inwoner", "a."), ("weigering_al_beschikbaar", "g."), ("weigering_afschrijftermijn", "h."),
    ("weigering_nalatigheid", "i."),
])
def test_each_ground_of_4_4_lid_1_is_its_own_finding_and_refuses(in_beoordeling, wmo, grond, letter):
    zaak = in_beoordeling
    _leg_gunstig(zaak, wmo, behalve=(grond,))
    _leg(zaak, wmo, grond, "ja")
    assert WMO_REGELING.criterium(grond).bron.split("verstrekt: ")[1].startswith(letter)
    with pytest.raises(ProcedureFout) as fout:
        procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, wmo, datum=dt.date(2026, 1, 22), uitkomst="toegekend")
    assert fout.value.code == "weigergrond"


def test_woonvoorziening_grounds_of_4_4_lid_2_are_asked_only_for_a_woonvoorziening(in_beoordeling, wmo):
    zaak = in_beoordeling
    woon = {c.code for c in WMO_REGELING.criteria if c.code.startswith("woon_")}
    assert len(woon) == 6  # artikel 4:4 lid 2 onder a tot en met f
    _leg_gunstig(zaak, wmo)
    assert not beoordeling.ontbrekende_criteria(zaak)
    _leg(zaak, wmo, "woonvoorziening", "ja")
    assert {c.code for c in beoordeling.ontbrekende_criteria(zaak)} == woon
    with pytest.raises(ProcedureFout, match="ontbreekt een bevinding"):
        procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, wmo, datum=dt.date(2026, 1, 22), uitkomst="toegekend")


def test_goedkoopst_passend_and_duur_are_asked_with_their_article(in_beoordeling):
    codes = {c.code: c for c in beoordeling.ontbrekende_criteria(in_beoordeling)}
    assert "artikel 4:3, vierde lid" in codes["goedkoopst_passend"].bron
    assert "periode die noodzakelijk is om het gewenste resultaat te bereiken" in codes["duur_noodzakelijk"].bron


def test_hardheidsclausule_4_16_allows_a_grant_despite_a_ground(in_beoordeling, wmo):
    zaak = in_beoordeling
    _leg_gunstig(zaak, wmo, behalve=("weigering_afschrijftermijn",))
    _leg(zaak, wmo, "weigering_afschrijftermijn", "ja")
    afwijking = beoordeling.leg_afwijking_vast(zaak, wmo, soort="hardheidsclausule",
                                               reden="De rolstoel is gestolen; zonder rolstoel kan zij het huis niet uit.")
    assert afwijking.bron == "Verordening Sociaal Domein 2018, artikel 4:16, derde lid"
    procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, wmo, datum=dt.date(2026, 1, 22), uitkomst="toegekend")
    assert Zaak.objects.get(pk=zaak.pk).voorstel_uitkomst == "toegekend"


def test_an_old_zaak_with_the_old_criteria_still_renders_and_decides(client, in_beoordeling, wmo, besluit_voor):
    """Decision: old codes stay answerable, not required; findings are not migrated (a finding is a person's
    recorded judgement: rewriting it into finer steps would put words in the consulent's mouth)."""
    from maatwerk.besluiten import services as besluiten

    zaak = in_beoordeling
    oud = {"beperkingen_niet_zelf_op_te_heffen": "ja", "oplossing_eigen_kracht_of_netwerk": "nee",
           "oplossing_andere_voorziening": "nee", "passende_bijdrage": "ja", "goedkoopst_passend": "ja",
           "weigeringsgrond": "nee"}
    for code, waarde in oud.items():
        Bevinding.objects.create(zaak=zaak, criterium=code, waarde=waarde, motivering=REDEN, door=wmo)
    Zaak.objects.filter(pk=zaak.pk).update(status=Status.KLAAR_VOOR_BESLUIT, voorstel_uitkomst="toegekend")
    zaak.refresh_from_db()
    client.force_login(wmo)
    pagina = client.get(f"/zaken/{zaak.pk}/").content.decode()
    assert "(vervangen door de stappen a tot en met d)" in pagina and "vervangen door fijnere stappen" in pagina
    besluit = besluit_voor(zaak, wmo)
    besluiten.vaststellen(besluit, wmo, datum=dt.date(2026, 1, 23))
    assert Zaak.objects.get(pk=zaak.pk).status == Status.BESLUIT
    # A zaak still in beoordeling with an old finding is asked the new steps; the old code stays answerable.
    nieuw = Zaak.objects.get(pk=zaak.pk)
    assert nieuw.definitie.criterium("weigeringsgrond") is not None


def test_zaak_page_shows_the_ordered_steps_and_their_state(client, in_beoordeling, wmo):
    zaak = in_beoordeling
    _leg(zaak, wmo, "cascade_eigen_kracht", "ja")
    client.force_login(wmo)
    pagina = client.get(f"/zaken/{zaak.pk}/").content.decode()
    assert "Stap a: Kan het gewenste resultaat worden bereikt op eigen kracht?" in pagina
    assert pagina.index("Stap a:") < pagina.index("Stap b:") < pagina.index("Stap g:")
    assert pagina.count("Niet meer nodig") == 6
    assert "De bevindingen leiden tot een weigering" in pagina
    zichtbaar = re.sub(r"<[^>]+>", " ", pagina)
    assert "cascade_" not in zichtbaar  # labels, no internal codes in text a person reads


@pytest.mark.parametrize("wie", ["jeugd", "inkomen", "kwaliteit", "beheerder"])
def test_other_roles_cannot_record_a_cascade_step_or_compute(request, in_beoordeling, wie, api):
    from maatwerk.toegang import beleid
    from maatwerk.zaken.wmo_berekening import bereken_wmo

    gebruiker = request.getfixturevalue(wie)
    with pytest.raises((beleid.GeenToegang, beleid.NietGevonden)):
        _leg(in_beoordeling, gebruiker, "cascade_eigen_kracht", "nee")
    with pytest.raises((beleid.GeenToegang, beleid.NietGevonden)):
        bereken_wmo(in_beoordeling, gebruiker, maand="2026-01", natura_kostprijs="400")
    assert not Bevinding.objects.filter(zaak=in_beoordeling).exists()
    assert not in_beoordeling.berekeningen.exists()
    antwoord = api(gebruiker).get(f"/api/v1/zaken/{in_beoordeling.pk}/berekeningen/")
    assert antwoord.status_code in (403, 404)


def test_bad_finding_input_names_the_field(in_beoordeling, wmo):
    with pytest.raises(ValidationError) as fout:
        beoordeling.leg_bevinding_vast(in_beoordeling, wmo, criterium="cascade_eigen_kracht", waarde="misschien",
                                       motivering=REDEN)
    assert "waarde" in fout.value.message_dict


@pytest.mark.parametrize("bevindingen, gevraagd", [
    ({}, STAPPEN),
    ({"cascade_eigen_kracht": "ja"}, STAPPEN[:1]),
    ({"cascade_eigen_kracht": "nee", "cascade_gebruikelijke_hulp": "nee", "cascade_mantelzorg": "ja"}, STAPPEN[:3]),
    ({s: "nee" for s in STAPPEN}, STAPPEN),
    # A recorded "ja" at step d (old data with a gap at b and c) makes e-g "niet meer nodig"; b and c stay asked,
    # the same on the zaak page (cascade.stappen) as in what is still to answer.
    ({"cascade_eigen_kracht": "nee", "cascade_sociaal_netwerk": "ja"}, STAPPEN[:4]),
])
def test_asked_steps_end_at_the_step_that_solved_the_need_as_the_cascade_says(bevindingen, gevraagd):
    from maatwerk.zaken import cascade

    stappen = WMO_REGELING.gevraagde_criteria(dt.date(2026, 1, 20), bevindingen)
    assert [c.code for c in stappen if c.cascade] == gevraagd
    niet_meer_nodig = [s.criterium.code for s in cascade.stappen(WMO_REGELING, bevindingen)
                       if s.stand == cascade.NIET_MEER_NODIG]
    assert niet_meer_nodig == [s for s in STAPPEN if s not in gevraagd]
