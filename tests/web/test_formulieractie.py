"""web.formulieractie.voer_uit: one mapping from a service's refusal to the form's Dutch message and the page's
status, shared by the pages of beleid, adviesraad, regie and besluiten."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import ValidationError

from maatwerk.regels.invoer import InvoerFout
from maatwerk.toegang.beleid import GeenToegang, NietGevonden
from maatwerk.web.formulieractie import voer_uit
from maatwerk.zaken.fouten import ProcedureFout

pytestmark = pytest.mark.django_db


class _Formulier(forms.Form):
    punten = forms.CharField(required=False)
    datum = forms.CharField(required=False)


def _formulier():
    form = _Formulier({"punten": "x", "datum": "y"})
    assert form.is_valid()
    return form


def _weiger(fout):
    def actie():
        raise fout
    return actie


def test_gelukt_geeft_resultaat_en_200():
    assert voer_uit(_formulier(), lambda: "klaar") == ("klaar", 200)


def test_invoerfout_op_het_veld_van_het_formulier():
    form = _formulier()
    assert voer_uit(form, _weiger(InvoerFout("punten.2.tekst", "Vul de tekst in."))) == (None, 400)
    assert form.errors["punten"] == ["Vul de tekst in."]
    form = _formulier()
    assert voer_uit(form, _weiger(InvoerFout("onbekend", "Fout."))) == (None, 400)
    assert form.non_field_errors() == ["Fout."]


def test_validationerror_op_zijn_velden():
    form = _formulier()
    fout = ValidationError({"datum": ["Geen datum."], "elders": ["Niet hier."]})
    assert voer_uit(form, _weiger(fout)) == (None, 400)
    assert form.errors["datum"] == ["Geen datum."] and "elders: Niet hier." in form.non_field_errors()


def test_procedurefout_409_of_de_status_van_de_pagina():
    form = _formulier()
    assert voer_uit(form, _weiger(ProcedureFout("Eerst goedkeuren (art. 4:6)."))) == (None, 409)
    assert form.non_field_errors() == ["Eerst goedkeuren (art. 4:6)."]
    assert voer_uit(_formulier(), _weiger(ProcedureFout("x")), procedurefout=400) == (None, 400)


def test_geen_toegang_403_maar_niet_gevonden_blijft_404():
    form = _formulier()
    assert voer_uit(form, _weiger(GeenToegang("Niet uw domein."))) == (None, 403)
    assert "Niet opgeslagen: Niet uw domein." in form.non_field_errors()[0]
    with pytest.raises(NietGevonden):
        voer_uit(_formulier(), _weiger(NietGevonden()))


def test_validationerror_met_punt_hoort_bij_het_veld_ervoor_en_een_lijst_komt_bovenaan():
    form = _formulier()
    assert voer_uit(form, _weiger(ValidationError({"punten.2": ["Vul punt 2 in."]}))) == (None, 400)
    assert form.errors["punten"] == ["Vul punt 2 in."]
    form = _formulier()
    assert voer_uit(form, _weiger(ValidationError("Alles fout."))) == (None, 400)
    assert form.non_field_errors() == ["Alles fout."]
