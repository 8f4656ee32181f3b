"""Forms of the iWmo pages: toewijzing, import of a provider's file, the answer to a verzoek, a tariff."""

from __future__ import annotations

from django import forms

from maatwerk.iwmo import codelijsten as cl
from maatwerk.iwmo.models import Aanbieder, Product
from maatwerk.toegang.forms import NLFormulier

_DATUM = {"invalid": "%(veld)s: vul een bestaande datum in (dd-mm-jjjj of jjjj-mm-dd)."}


def _datumveld(label: str, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, required=required, input_formats=["%d-%m-%Y", "%Y-%m-%d"],
                           widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                           error_messages={"invalid": _DATUM["invalid"] % {"veld": label},
                                           "required": f"{label}: vul een datum in."})


class ToewijzingFormulier(NLFormulier, forms.Form):
    product = forms.ModelChoiceField(label="Product", queryset=Product.objects.none(),
                                     error_messages={"required": "Product: kies een product.",
                                                     "invalid_choice": "Product: kies een product uit de lijst."})
    aanbieder = forms.ModelChoiceField(label="Aanbieder", queryset=Aanbieder.objects.none(),
                                       error_messages={"required": "Aanbieder: kies een aanbieder.",
                                                       "invalid_choice": "Aanbieder: kies een aanbieder uit de lijst."})
    volume = forms.IntegerField(label="Volume", min_value=1, max_value=99_999_999,
                                error_messages={"required": "Volume: vul een heel getal in.",
                                                "invalid": "Volume: vul een heel getal in.",
                                                "min_value": "Volume: vul een getal groter dan 0 in.",
                                                "max_value": "Volume: dit getal is te groot."})
    eenheid = forms.ChoiceField(label="Eenheid", choices=list(cl.EENHEDEN.items()),
                                error_messages={"invalid_choice": "Eenheid: kies een eenheid uit de lijst."})
    frequentie = forms.ChoiceField(label="Frequentie", choices=list(cl.FREQUENTIES.items()),
                                   error_messages={"invalid_choice": "Frequentie: kies een frequentie uit de lijst."})
    ingangsdatum = _datumveld("Ingangsdatum")
    einddatum = _datumveld("Einddatum (tot en met)", required=False)

    def __init__(self, *args, domein: str, **kwargs):
        kwargs.setdefault("prefix", "toewijzing")
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = Product.objects.filter(domein=domein)
        self.fields["aanbieder"].queryset = Aanbieder.objects.filter(contracten__domein=domein).distinct()


class ImportFormulier(NLFormulier, forms.Form):
    bestand = forms.FileField(label="Bericht van een aanbieder (XML)",
                              help_text="Een 305 (start zorg), 307 (stop zorg), 315 (verzoek om toewijzing), 317 "
                                        "(verzoek om wijziging), of het antwoord van de aanbieder op ons bericht: "
                                        "302 (retour toewijzing) of 320 (retour antwoord op verzoek); ten hoogste 2 MB.",
                              widget=forms.FileInput(attrs={"accept": ".xml,application/xml,text/xml"}),
                              error_messages={"required": "Bestand: kies een bestand.",
                                              "empty": "Bestand: dit bestand is leeg.",
                                              "invalid": "Bestand: er is geen bestand ontvangen; kies het opnieuw."})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "import")
        super().__init__(*args, **kwargs)


class VerzoekFormulier(NLFormulier, forms.Form):
    beslissing = forms.ChoiceField(label="Beslissing", choices=[("toewijzen", "Toewijzen (301 maken)"),
                                                                ("afwijzen", "Afwijzen")],
                                   widget=forms.RadioSelect,
                                   error_messages={"required": "Beslissing: kies toewijzen of afwijzen.",
                                                   "invalid_choice": "Beslissing: kies toewijzen of afwijzen."})
    reden = forms.CharField(label="Reden (bij afwijzen)", required=False, max_length=2000,
                            widget=forms.Textarea(attrs={"rows": 2}),
                            error_messages={"max_length": "Reden: ten hoogste 2000 tekens."})


class TariefFormulier(NLFormulier, forms.Form):
    aanbieder = forms.ModelChoiceField(label="Aanbieder (leeg: voor alle aanbieders)", required=False,
                                       queryset=Aanbieder.objects.all(),
                                       error_messages={"invalid_choice": "Aanbieder: kies een aanbieder uit de lijst."})
    bedrag = forms.DecimalField(label="Tarief per eenheid (€)", max_digits=10, decimal_places=2, min_value=0,
                                error_messages={"required": "Tarief: vul een bedrag in.",
                                                "invalid": "Tarief: vul een bedrag in, bijvoorbeeld 32,50.",
                                                "min_value": "Tarief: het bedrag is 0 of meer.",
                                                "max_digits": "Tarief: dit bedrag is te groot.",
                                                "max_decimal_places": "Tarief: ten hoogste twee cijfers achter de komma.",
                                                "max_whole_digits": "Tarief: dit bedrag is te groot."},
                                localize=True)
    van = _datumveld("Geldig vanaf")
    tot = _datumveld("Geldig tot en met", required=False)
    bron = forms.CharField(label="Bron (contract, besluit of beleidsregel)", max_length=300,
                           error_messages={"required": "Bron: noem waar dit tarief vandaan komt.",
                                           "max_length": "Bron: ten hoogste 300 tekens."})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "tarief")
        super().__init__(*args, **kwargs)
