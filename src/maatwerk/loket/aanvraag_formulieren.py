"""The questions of the online aanvraag and melding, in B1, asking only what is needed (issue 9, point 3).

Who it is about is never asked: that is the person logged in with DigiD, or the person he acts for (the
session, loket/sessie.py), and what the municipality already knows of him is shown, not typed again. The files
are not a form field: the view reads them from the request (several per submission) and the service checks them.
"""

from __future__ import annotations

import re

from django import forms

from maatwerk.loket.formulieren import TELEFOON, LoketFormulier
from maatwerk.web.formvelden import BedragVeld
from maatwerk.zaken.regelingen import INKOMEN, REGELINGEN

MAX_VRAAG = 2000
BIJZONDERE_BIJSTAND = "bijzondere_bijstand"


class AanvraagFormulier(LoketFormulier):
    formuliersleutel = forms.UUIDField(widget=forms.HiddenInput, error_messages={
        "required": "Dit formulier is niet compleet. Open het formulier opnieuw.",
        "invalid": "Dit formulier is niet compleet. Open het formulier opnieuw."})
    vraag = forms.CharField(
        label="Waarmee wilt u hulp?", max_length=MAX_VRAAG, widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Schrijf op waarmee u hulp wilt.",
                        "max_length": f"Schrijf hoogstens {MAX_VRAAG} tekens."})
    telefoon = forms.CharField(
        label="Op welk telefoonnummer kunnen we u bellen?", max_length=20, required=False,
        help_text="Bijvoorbeeld 06 12345678. Dan kan de consulent u bellen als er iets niet duidelijk is.",
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
        error_messages={"max_length": "Dit telefoonnummer is te lang."})

    def __init__(self, *args, regeling: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.regeling = regeling
        domein = REGELINGEN[regeling].domein
        if regeling == BIJZONDERE_BIJSTAND:
            self.fields["vraag"].label = "Waarvoor vraagt u geld?"
            self.fields["vraag"].help_text = "Bijvoorbeeld: een nieuwe wasmachine, want de oude is kapot."
            self.fields["vraag"].error_messages["required"] = "Schrijf op waarvoor u geld vraagt."
        elif domein == INKOMEN:
            self.fields["vraag"].label = "Wilt u iets vertellen over uw situatie?"
            self.fields["vraag"].help_text = "Bijvoorbeeld hoe lang u al een laag inkomen heeft, of over uw studie."
            self.fields["vraag"].required = False
        else:
            self.fields["vraag"].help_text = ("Vertel in uw eigen woorden wat u moeilijk vindt. In het gesprek "
                                              "praten we er samen verder over.")

    def clean_telefoon(self) -> str:
        ruw = self.cleaned_data.get("telefoon", "")
        if not ruw:
            return ""
        nummer = re.sub(r"[\s\-().]", "", ruw)
        if not TELEFOON.match(nummer):
            raise forms.ValidationError(
                "Dit is geen Nederlands telefoonnummer. Vul 10 cijfers in, bijvoorbeeld 06 12345678.")
        return nummer


class BijzondereBijstandFormulier(AanvraagFormulier):
    kosten = BedragVeld(
        label="Hoeveel kost het?", min_value=0, help_text="Het bedrag op de offerte of de rekening. Bijvoorbeeld 450,00.",
        error_messages={"required": "Vul in hoeveel het kost.", "min_value": "De kosten kunnen niet negatief zijn."})
    bedrag = BedragVeld(
        label="Hoeveel geld vraagt u aan de gemeente?", min_value=0,
        help_text="Betaalt u zelf een deel? Vul dan alleen in wat u van de gemeente vraagt.",
        error_messages={"required": "Vul in hoeveel geld u vraagt.", "min_value": "Het bedrag kan niet negatief zijn."})

    field_order = ["formuliersleutel", "vraag", "kosten", "bedrag", "telefoon"]

    def clean(self):
        schoon = super().clean()
        kosten, bedrag = schoon.get("kosten"), schoon.get("bedrag")
        if kosten is not None and bedrag is not None and bedrag > kosten:
            self.add_error("bedrag", "U vraagt meer dan het kost. Vul een bedrag in dat niet hoger is dan de kosten.")
        return schoon


def formulier_voor(regeling: str):
    return BijzondereBijstandFormulier if regeling == BIJZONDERE_BIJSTAND else AanvraagFormulier
