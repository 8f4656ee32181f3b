"""The peildatum form of the batch and the non-take-up list. The date rules are in `batch.parse_peildatum`, so the
CLI, the API and the page give the same Dutch message naming the field; the form keeps what was typed."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from maatwerk.ambtshalve.batch import PeildatumFout, parse_peildatum
from maatwerk.toegang.forms import NLFormulier


class PeildatumFormulier(NLFormulier, forms.Form):
    peildatum = forms.CharField(label="Peildatum", max_length=20, help_text="Bijvoorbeeld 2026-03-01 (JJJJ-MM-DD).",
                                error_messages={"required": "Vul de peildatum in.",
                                                "max_length": "Schrijf de peildatum als JJJJ-MM-DD."})

    def clean_peildatum(self):
        try:
            return parse_peildatum(self.cleaned_data["peildatum"])
        except PeildatumFout as fout:
            raise ValidationError(fout.message_dict["peildatum"]) from None
