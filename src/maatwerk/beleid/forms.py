"""Forms of the policy pages. They only parse input; `beleid.services` decides and gives the Dutch messages."""

from __future__ import annotations

from django import forms

from maatwerk.beleid.parameters import KEUZES
from maatwerk.toegang.forms import NLFormulier

DATUM = forms.DateInput(attrs={"type": "date", "class": "nl-text-input--short"}, format="%Y-%m-%d")


class VoorstelFormulier(NLFormulier, forms.Form):
    parameter = forms.ChoiceField(label="Parameter", choices=[("", "Kies een parameter")] + KEUZES)
    # Text, not a number input: "120,5" must be accepted as typed (the service reads the decimal comma).
    waarde = forms.CharField(label="Nieuwe waarde", max_length=20,
                             help_text="Een percentage als getal (120 voor 120 %) of een bedrag in euro.")
    ingangsdatum = forms.DateField(label="Ingangsdatum", widget=DATUM,
                                   help_text="De eerste dag van een maand, niet in het verleden.")
    reden = forms.CharField(label="Reden", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
                            help_text="Bijvoorbeeld het raadsbesluit of de motie waarop de wijziging berust.")


class BeoordelingFormulier(NLFormulier, forms.Form):
    akkoord = forms.TypedChoiceField(label="Uw oordeel", coerce=lambda v: v == "ja", widget=forms.RadioSelect,
                                     choices=[("ja", "Goedkeuren: de wijziging wordt een nieuwe beleidsversie"),
                                              ("nee", "Afwijzen")])
    toelichting = forms.CharField(label="Toelichting", required=False, max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 2}),
                                  help_text="Verplicht bij afwijzen.")


class AannamesFormulier(NLFormulier, forms.Form):
    opname_bb = forms.IntegerField(label="Gebruik bijzondere bijstand (%)", min_value=0, max_value=100,
                                   required=False, initial=40)
    opname_iit = forms.IntegerField(label="Gebruik individuele inkomenstoeslag (%)", min_value=0, max_value=100,
                                    required=False, initial=60)
