"""The survey form in Mijn zaken (B1 language; every question names its field in the error message)."""

from __future__ import annotations

from django import forms

from maatwerk.monitor.ervaring import MAX_OPMERKING, OPEN_VRAAG, SCHAAL, VRAGEN


def _schaal(vraag: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=vraag, choices=SCHAAL, coerce=int, widget=forms.RadioSelect,
        error_messages={"required": "Kies een antwoord.",
                        "invalid_choice": "Kies een cijfer van 1 tot en met 5."})


class ErvaringFormulier(forms.Form):
    brief_begrepen = _schaal(VRAGEN["brief_begrepen"])
    snel_genoeg = _schaal(VRAGEN["snel_genoeg"])
    gehoord = _schaal(VRAGEN["gehoord"])
    opmerking = forms.CharField(
        label=OPEN_VRAAG, required=False, max_length=MAX_OPMERKING, widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Schrijf hier geen namen of andere gegevens over uzelf of anderen.",
        error_messages={"max_length": f"Uw antwoord is te lang: gebruik ten hoogste {MAX_OPMERKING} tekens."})
