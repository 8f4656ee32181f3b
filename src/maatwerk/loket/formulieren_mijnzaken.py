"""Forms of Mijn zaken: the reaction to the rapportage and the bezwaar. B1 labels and messages that name the
field (measured in tests/loket/test_b1.py). The rules are in mijnzaken.py and bezwaar_online.py."""

from __future__ import annotations

from django import forms

from maatwerk.loket.bezwaar_online import MAX_GRONDEN, MAX_REDEN
from maatwerk.loket.formulieren import LoketFormulier
from maatwerk.loket.mijnzaken import MAX_REACTIE
from maatwerk.zaken import documenten


class ReactieFormulier(LoketFormulier):
    tekst = forms.CharField(
        label="Uw reactie", max_length=MAX_REACTIE, widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Klopt er iets niet? Of wilt u iets aanvullen? Schrijf het hier.",
        error_messages={"required": "Schrijf uw reactie op.",
                        "max_length": f"Uw reactie is te lang. Gebruik ten hoogste {MAX_REACTIE} tekens."})


class BezwaarFormulier(LoketFormulier):
    gronden = forms.CharField(
        label="Waarom bent u het niet eens met het besluit?", max_length=MAX_GRONDEN,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Schrijf in uw eigen woorden wat er volgens u niet klopt.",
        error_messages={"required": "Schrijf op waarom u het niet eens bent met het besluit.",
                        "max_length": f"Uw tekst is te lang. Gebruik ten hoogste {MAX_GRONDEN} tekens."})
    reden_te_laat = forms.CharField(
        label="Waarom maakt u later bezwaar?", required=False, max_length=MAX_REDEN,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Bijvoorbeeld: u was ziek of u kreeg de brief later.",
        error_messages={"max_length": f"Uw tekst is te lang. Gebruik ten hoogste {MAX_REDEN} tekens."})
    bestand = forms.FileField(
        label="Bijlage", required=False,
        help_text="Een PDF, JPEG of PNG van ten hoogste 10 MB. Bijvoorbeeld een brief van een arts.",
        widget=forms.FileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
        error_messages={"empty": "Dit bestand is leeg. Kies het bestand opnieuw.",
                        "invalid": "We kregen geen bestand. Kies het bestand opnieuw.",
                        "missing": "We kregen geen bestand. Kies het bestand opnieuw."})

    def __init__(self, *args, te_laat: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bestand"].widget.attrs["class"] = "loket-bestand"
        self.fields["bestand"].help_text = (f"Een PDF, JPEG of PNG van ten hoogste "
                                            f"{documenten.bestandsgrootte(documenten.max_bytes())}. "
                                            "Bijvoorbeeld een brief van een arts.")
        if not te_laat:
            del self.fields["reden_te_laat"]
        else:
            self.fields["reden_te_laat"].required = True
            self.fields["reden_te_laat"].error_messages["required"] = "Schrijf op waarom u later bezwaar maakt."
