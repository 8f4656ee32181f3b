"""Every discretionary finding recorded on a zaak reaches the Regelkern (zaken/regelingen.py: Criterium.invoer),
a finding not recorded becomes the safe 'niet vastgesteld' value, and criteria and the Regelkern's
discretionary inputs cannot drift apart unnoticed."""

from __future__ import annotations

import datetime as dt
import inspect
import re
from decimal import Decimal

import numpy as np
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from openfisca_core.indexed_enums import Enum as OpenfiscaEnum

from maatwerk.regels.regel import REGELS, SoortBron
from maatwerk.regels.systeem import systeem
from maatwerk.zaken import beoordeling, procedure
from maatwerk.zaken.models import Status, Zaak
from maatwerk.zaken.regelingen import HOOFDPERSOON, HUISHOUDEN, REGELINGEN

MAAND = "2026-07"
MOTIVERING = "Vastgesteld in het gesprek en onderbouwd met de stukken in het dossier."
# Regelkern file (src/maatwerk/regels/variables/<name>.py) per regeling: its discretionary inputs must each be a criterion or declared otherwise.
MODULES = {
    "bijzondere_bijstand": "bijzondere_bijstand",
    "individuele_inkomenstoeslag": "individuele_inkomenstoeslag",
    "individuele_studietoeslag": "individuele_studietoeslag",
    "algemene_bijstand": "algemene_bijstand",
}
ENTITEIT = {HUISHOUDEN: "huishouden", HOOFDPERSOON: "persoon"}


@pytest.fixture(scope="module")
def tbs():
    return systeem(settings.MAATWERK_GEMEENTE)


def _discretionaire_invoer(tbs, module: str) -> set[str]:
    """Input variables (no formula) a rule of soort 'discretie' in `module` is, or reads directly."""
    gevonden = set()
    for naam, info in REGELS.items():
        variable = tbs.variables.get(naam)
        # OpenFisca loads the variable files under a generated module name ending in the file name.
        if info.soort != SoortBron.DISCRETIE or variable is None or not type(variable).__module__.endswith(f"_{module}"):
            continue
        if not variable.formulas:
            gevonden.add(naam)
            continue
        for gelezen in re.findall(r"""\(\s*["'](\w+)["']\s*,\s*period""", inspect.getsource(type(variable))):
            if gelezen in tbs.variables and not tbs.variables[gelezen].formulas:
                gevonden.add(gelezen)
    return gevonden


def test_alle_rekenende_regelingen_hebben_een_module():
    assert set(MODULES) == {code for code, r in REGELINGEN.items() if r.rekent}


@pytest.mark.parametrize("code", sorted(MODULES))
def test_criteria_en_discretionaire_regelkern_invoer_passen_op_elkaar(tbs, code):
    r = REGELINGEN[code]
    for c in r.criteria:
        # Every criterion either reaches the Regelkern or says why not: nothing is skipped silently.
        assert (c.invoer is None) != (c.buiten_regelkern is None), c.code
        if c.invoer is None:
            continue
        variable = tbs.variables.get(c.invoer.variabele)
        assert variable is not None, f"{c.code}: de Regelkern kent {c.invoer.variabele} niet"
        assert variable.entity.key == ENTITEIT[c.invoer.entiteit], c.code
        for waarde in (c.invoer.ja, c.invoer.nee, c.invoer.niet_vastgesteld):
            if variable.value_type is OpenfiscaEnum:
                assert waarde in [i.name for i in variable.possible_values], (c.code, waarde)
            else:
                assert isinstance(waarde, variable.value_type), (c.code, waarde)
        if variable.value_type is OpenfiscaEnum:  # the Regelkern's own "not established" is the default
            assert c.invoer.niet_vastgesteld == variable.default_value.name == "niet_vastgesteld", c.code
        assert c.invoer.ja != c.invoer.nee, c.code
    gemapt = {c.invoer.variabele for c in r.criteria if c.invoer}
    zonder = {naam for naam, _ in r.regelkern_zonder_criterium}
    discretie = _discretionaire_invoer(tbs, MODULES[code])
    assert discretie, "geen discretionaire invoer gevonden: de zoekfunctie van deze test klopt niet meer"
    assert discretie - gemapt - zonder == set(), "discretionaire Regelkern-invoer zonder criterium"
    assert zonder <= discretie and not (zonder & gemapt), "verouderde regelkern_zonder_criterium"
    if r.eerdere_toekenning:
        variable = tbs.variables[r.eerdere_toekenning.variabele]
        assert variable.value_type is dt.date and variable.entity.key == ENTITEIT[r.eerdere_toekenning.entiteit]


# ------------------------------------------------------------------ zaken


def _zaak(maak_zaak, gebruiker, regeling, **velden):
    zaak = maak_zaak(gebruiker, regeling=regeling, **velden)
    procedure.voer_uit(zaak, Status.AANVRAAG, gebruiker, datum=dt.date(2026, 7, 2))
    zaak.refresh_from_db()
    return zaak


def _leg_vast(zaak, gebruiker, waarden: dict[str, str]):
    for code, waarde in waarden.items():
        beoordeling.leg_bevinding_vast(zaak, gebruiker, criterium=code, waarde=waarde, motivering=MOTIVERING)


def _h(b):
    return b.situatie["huishoudens"][f"huishouden_{b.zaak.huishouden_id}"]


def _p(b):
    return b.situatie["personen"][f"inwoner_{b.zaak.hoofdpersoon_id}"]


def _bevindingen_fouten(b):
    return [w for w in b.waarschuwingen if w.startswith("Bevinding")]


STUDIETOESLAG_ALLES = {
    "niet_in_staat_wml_te_verdienen": "ja", "mogelijkheden_tot_arbeidsparticipatie": "ja", "dringende_redenen": "ja",
    "structureel_geen_inkomsten_naast_studie": "ja", "recht_op_wajong": "nee", "afwijzingsgronden": "nee",
}
STUDIETOESLAG_INVOER_JA = {
    "kan_wettelijk_minimumloon_verdienen": "nee", "mogelijkheden_tot_arbeidsparticipatie": True,
    "dringende_redenen_studietoeslag": True, "structureel_geen_inkomsten_naast_studie": "ja", "recht_op_wajong": False,
}
STUDIETOESLAG_VEILIG = {
    "kan_wettelijk_minimumloon_verdienen": "niet_vastgesteld", "mogelijkheden_tot_arbeidsparticipatie": False,
    "dringende_redenen_studietoeslag": False, "structureel_geen_inkomsten_naast_studie": "niet_vastgesteld",
    "recht_op_wajong": True,
}


def _studiefinanciering(zaak):
    return {"personen": {str(zaak.hoofdpersoon_id): {"ontvangt_studiefinanciering": {MAAND: True}}}}


@pytest.mark.django_db
def test_studietoeslag_met_alle_bevindingen_geeft_het_bedrag_van_de_regelkern(maak_zaak, inkomen, tbs):
    zaak = _zaak(maak_zaak, inkomen, "individuele_studietoeslag")
    _leg_vast(zaak, inkomen, STUDIETOESLAG_ALLES)
    b = beoordeling.bereken(zaak, inkomen, maand=MAAND, invoer=_studiefinanciering(zaak))
    assert {k: _p(b)[k] for k in STUDIETOESLAG_INVOER_JA} == {k: {MAAND: v} for k, v in STUDIETOESLAG_INVOER_JA.items()}
    assert "datum_laatste_individuele_studietoeslag" not in _p(b)  # never granted before
    assert _bevindingen_fouten(b) == []
    # Art. 36b Pw from 1 April 2022: the national minimum for the student's age (born 1980: 46 years).
    p = tbs.parameters(f"{MAAND}-01").wet.participatiewet.art_36b_studietoeslag
    verwacht = Decimal(str(float(p.bedrag_per_maand.calc(np.array([46]))[0]))).quantize(Decimal("0.01"))
    assert verwacht > 0 and b.bedrag == verwacht
    procedure.voer_uit(zaak, Status.BEOORDELING, inkomen, datum=dt.date(2026, 7, 3))
    procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, inkomen, datum=dt.date(2026, 7, 3), uitkomst="toegekend")


@pytest.mark.django_db
@pytest.mark.parametrize("niet_vastgesteld_vastleggen", [False, True])
def test_studietoeslag_zonder_bevindingen_krijgt_de_veilige_waarde(maak_zaak, inkomen, niet_vastgesteld_vastleggen):
    zaak = _zaak(maak_zaak, inkomen, "individuele_studietoeslag")
    if niet_vastgesteld_vastleggen:
        _leg_vast(zaak, inkomen, {code: "niet_vastgesteld" for code in STUDIETOESLAG_ALLES})
    b = beoordeling.bereken(zaak, inkomen, maand=MAAND, invoer=_studiefinanciering(zaak))
    assert {k: _p(b)[k] for k in STUDIETOESLAG_VEILIG} == {k: {MAAND: v} for k, v in STUDIETOESLAG_VEILIG.items()}
    assert b.bedrag == Decimal("0.00")
    # Only the criteria of the law that applies to this aanvraag (from 1 April 2022) are reported missing.
    gemeld = {w.split()[1] for w in _bevindingen_fouten(b)}
    assert gemeld == {"structureel_geen_inkomsten_naast_studie", "recht_op_wajong", "afwijzingsgronden"}
    assert [c.code for c in beoordeling.ontbrekende_criteria(zaak)] == (
        [] if niet_vastgesteld_vastleggen else ["structureel_geen_inkomsten_naast_studie", "recht_op_wajong", "afwijzingsgronden"]
    )


@pytest.mark.django_db
@pytest.mark.parametrize("code,variabele", [("recht_op_wajong", "recht_op_wajong"),
                                            ("structureel_geen_inkomsten_naast_studie", "structureel_geen_inkomsten_naast_studie")])
def test_een_ontbrekende_bevinding_houdt_de_studietoeslag_op_nul(maak_zaak, inkomen, code, variabele):
    zaak = _zaak(maak_zaak, inkomen, "individuele_studietoeslag")
    _leg_vast(zaak, inkomen, {k: v for k, v in STUDIETOESLAG_ALLES.items() if k != code})
    b = beoordeling.bereken(zaak, inkomen, maand=MAAND, invoer=_studiefinanciering(zaak))
    assert _p(b)[variabele] == {MAAND: STUDIETOESLAG_VEILIG[variabele]}
    assert b.bedrag == Decimal("0.00")


@pytest.mark.django_db
def test_bevindingen_kunnen_niet_via_aanvullende_invoer_worden_overschreven(maak_zaak, inkomen):
    zaak = _zaak(maak_zaak, inkomen, "individuele_studietoeslag")
    for invoer, veld in [
        ({"personen": {str(zaak.hoofdpersoon_id): {"recht_op_wajong": False}}}, "recht_op_wajong"),
        ({"personen": {str(zaak.hoofdpersoon_id): {"datum_laatste_individuele_studietoeslag": {"ETERNITY": "1970-01-01"}}}},
         "datum_laatste_individuele_studietoeslag"),
    ]:
        with pytest.raises(ValidationError) as fout:
            beoordeling.bereken(zaak, inkomen, maand=MAAND, invoer=invoer)
        assert any(k.endswith(veld) for k in fout.value.message_dict)


def _eerder_toegekend(maak_zaak, gebruiker, regeling, *, hoofdpersoon=None, huishouden=None, aanvraag, uitkomst="toegekend"):
    """An earlier zaak with a besluit. The besluit fields are set directly: how a besluit is taken is tested elsewhere."""
    eerder = maak_zaak(gebruiker, regeling=regeling)
    velden = dict(status=Status.BESLUIT, aanvraagdatum=aanvraag, besluit_uitkomst=uitkomst,
                  besluitdatum=aanvraag + dt.timedelta(days=20))
    if hoofdpersoon is not None:
        velden["hoofdpersoon"] = hoofdpersoon
    if huishouden is not None:
        velden["huishouden"] = huishouden
    Zaak.objects.filter(pk=eerder.pk).update(**velden)


@pytest.mark.django_db
def test_vorige_studietoeslag_komt_uit_eerdere_toegekende_zaken_van_de_persoon(maak_zaak, inkomen):
    zaak = _zaak(maak_zaak, inkomen, "individuele_studietoeslag")
    _eerder_toegekend(maak_zaak, inkomen, "individuele_studietoeslag", hoofdpersoon=zaak.hoofdpersoon, aanvraag=dt.date(2025, 3, 4))
    _eerder_toegekend(maak_zaak, inkomen, "individuele_studietoeslag", hoofdpersoon=zaak.hoofdpersoon,
                      aanvraag=dt.date(2026, 2, 1), uitkomst="afgewezen")
    _eerder_toegekend(maak_zaak, inkomen, "individuele_inkomenstoeslag", hoofdpersoon=zaak.hoofdpersoon, aanvraag=dt.date(2026, 1, 1))
    b = beoordeling.bereken(zaak, inkomen, maand=MAAND)
    assert _p(b)["datum_laatste_individuele_studietoeslag"] == {"ETERNITY": "2025-03-04"}


@pytest.mark.django_db
def test_inkomenstoeslag_bevindingen_en_veilige_standaard(maak_zaak, inkomen):
    zaak = _zaak(maak_zaak, inkomen, "individuele_inkomenstoeslag")
    b = beoordeling.bereken(zaak, inkomen, maand=MAAND)
    # Art. 36 lid 1 Pw: without a finding "geen uitzicht op inkomensverbetering" is not established.
    assert _h(b)["zicht_op_inkomensverbetering"] == {MAAND: True}
    assert b.bedrag == Decimal("0.00")
    assert {w.split()[1] for w in _bevindingen_fouten(b)} == {"zicht_op_inkomensverbetering", "afwijzingsgronden"}

    _leg_vast(zaak, inkomen, {"zicht_op_inkomensverbetering": "nee", "afwijzingsgronden": "nee"})
    b = beoordeling.bereken(zaak, inkomen, maand=MAAND)
    assert _h(b)["zicht_op_inkomensverbetering"] == {MAAND: False}
    assert "datum_laatste_individuele_inkomenstoeslag" not in _h(b)
    assert _bevindingen_fouten(b) == []
    toeslag = b.resultaat["huishoudens"][f"huishouden_{zaak.huishouden_id}"]["individuele_inkomenstoeslag"]
    assert b.bedrag == Decimal(str(toeslag)).quantize(Decimal("0.01")) > 0

    # Art. 36 Pw: at most once per twelve months; an earlier grant to this household counts.
    _eerder_toegekend(maak_zaak, inkomen, "individuele_inkomenstoeslag", huishouden=zaak.huishouden, aanvraag=dt.date(2026, 1, 8))
    b = beoordeling.bereken(zaak, inkomen, maand=MAAND)
    assert _h(b)["datum_laatste_individuele_inkomenstoeslag"] == {"ETERNITY": "2026-01-08"}
    assert b.bedrag == Decimal("0.00")

    with pytest.raises(ValidationError):
        beoordeling.bereken(zaak, inkomen, maand=MAAND, invoer={"huishouden": {"zicht_op_inkomensverbetering": {MAAND: False}}})


@pytest.mark.django_db
def test_afwijzingsgrond_ja_geeft_een_waarschuwing(maak_zaak, inkomen):
    zaak = _zaak(maak_zaak, inkomen, "individuele_inkomenstoeslag")
    _leg_vast(zaak, inkomen, {"zicht_op_inkomensverbetering": "nee", "afwijzingsgronden": "ja"})
    b = beoordeling.bereken(zaak, inkomen, maand=MAAND)
    assert any("afwijzingsgronden is 'ja'" in w and "beoordeelt dit criterium niet" in w for w in b.waarschuwingen)


BB_INVOER = {
    "bijzondere_omstandigheden": "bijzondere_omstandigheden", "kosten_noodzakelijk": "kosten_noodzakelijk",
    "kosten_daadwerkelijk_gemaakt": "kosten_daadwerkelijk_gemaakt",
    "voorliggende_voorziening": "voorliggende_voorziening_passend_en_toereikend", "zeer_dringende_redenen": "zeer_dringende_redenen",
}


@pytest.mark.django_db
def test_bijzondere_bijstand_alle_bevindingen_en_ontbrekende(maak_zaak, inkomen):
    zaak = _zaak(maak_zaak, inkomen, "bijzondere_bijstand", kosten=Decimal("400"))
    b = beoordeling.bereken(zaak, inkomen, maand=MAAND)
    assert {v: _h(b)[v] for v in BB_INVOER.values()} == {v: {MAAND: "niet_vastgesteld"} for v in BB_INVOER.values()}
    assert b.bedrag == Decimal("0.00")

    waarden = {"bijzondere_omstandigheden": "ja", "kosten_noodzakelijk": "ja", "kosten_daadwerkelijk_gemaakt": "ja",
               "voorliggende_voorziening": "nee", "zeer_dringende_redenen": "nee", "afwijzingsgronden": "nee"}
    _leg_vast(zaak, inkomen, waarden)
    b = beoordeling.bereken(zaak, inkomen, maand=MAAND)
    assert {v: _h(b)[v] for v in BB_INVOER.values()} == {v: {MAAND: waarden[c]} for c, v in BB_INVOER.items()}
    assert _bevindingen_fouten(b) == []
    assert b.bedrag > 0
