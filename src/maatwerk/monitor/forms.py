"""The survey form in Mijn zaken (B1 language; every question names its field in the error message)."""

from __future__ import annotations

from django import forms

from maatwerk.loket.formulieren import LoketFormulier
from maatwerk.monitor.ervaring import MAX_OPMERKING, OPEN_VRAAG, SCHAAL, VRAGEN


def _schaal(vraag: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=vraag, choices=SCHAAL, coerce=int, widget=forms.RadioSelect,
        error_messages={"required": "Kies een antwoord.",
                        "invalid_choice": "Kies een cijfer van 1 tot en met 5."})


class ErvaringFormulier(LoketFormulier):  # the loket's NL Design System classes (reflow at 320 px)
    brief_begrepen = _schaal(VRAGEN["brief_begrepen"])
    snel_genoeg = _schaal(VRAGEN["snel_genoeg"])
    gehoord = _schaal(VRAGEN["gehoord"])
    opmerking = forms.CharField(
        label=OPEN_VRAAG, required=False, max_length=MAX_OPMERKING, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Schrijf hier geen namen of andere gegevens over uzelf of anderen.",
        error_messages={"max_length": f"Uw antwoord is te lang: gebruik ten hoogste {MAX_OPMERKING} tekens."})


class FilterFormulier(forms.Form):
    """The dashboard's filters (GET). The period is written as 2026-H2, 2026-K3 or 2026."""

    periode = forms.CharField(label="Periode", max_length=10,
                              help_text="Bijvoorbeeld 2026-H2 (half jaar), 2026-K3 (kwartaal) of 2026 (jaar).")
    regeling = forms.ChoiceField(label="Regeling", required=False)

    def __init__(self, *args, **kwargs):
        from maatwerk.zaken.regelingen import REGELING_KEUZES

        super().__init__(*args, **kwargs)
        self.fields["regeling"].choices = [("", "alle regelingen"), *REGELING_KEUZES]
        self.fields["regeling"].error_messages["invalid_choice"] = "Kies een regeling uit de lijst."
