"""Forms of the adviesraad pages. They only parse input; `adviesraad.services` decides and gives the Dutch
messages (one place for the rules)."""

from __future__ import annotations

from django import forms

from maatwerk import formaat
from maatwerk.adviesraad.models import Aftreden, Functie, Reactie, Zittingsperiode
from maatwerk.toegang.forms import NLFormulier

DATUM = forms.DateInput(attrs={"type": "date", "class": "nl-text-input--short"}, format="%Y-%m-%d")


class AanvraagFormulier(NLFormulier, forms.Form):
    onderwerp = forms.CharField(label="Onderwerp", max_length=200)
    vraag = forms.CharField(label="Punten waarover advies wordt gevraagd", max_length=5000,
                            widget=forms.Textarea(attrs={"rows": 4}),
                            help_text="Noem elk punt expliciet (artikel 3:8, derde lid).")
    documenten = forms.CharField(label="Meegestuurde stukken", required=False, max_length=5000,
                                 widget=forms.Textarea(attrs={"rows": 3}),
                                 help_text="Namen van de stukken, één per regel. De bestanden zelf (PDF, JPEG of PNG) "
                                           "voegt u toe op de pagina van de aanvraag.")
    verzonden_op = forms.DateField(label="Verzonden op", widget=DATUM)
    ontvangen_op = forms.DateField(label="Ontvangen door de adviesraad op", widget=DATUM,
                                   help_text="De adviestermijn van drie weken loopt vanaf de dag na ontvangst.")


class UitstelFormulier(NLFormulier, forms.Form):
    afgesproken_op = forms.DateField(label="Uitstel afgesproken op", widget=DATUM)
    reden = forms.CharField(label="Waarom is dit een beleidsvraag van grotere omvang?", max_length=5000,
                            widget=forms.Textarea(attrs={"rows": 2}))


class AdviesFormulier(NLFormulier, forms.Form):
    """The advice as text: one point per block, the first line of a block is its heading (as in seed 003)."""

    uitgebracht_op = forms.DateField(label="Advies uitgebracht op", widget=DATUM)
    punten = forms.CharField(
        label="Adviespunten", max_length=50000, widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Eén blok per adviespunt, gescheiden door een lege regel. De eerste regel van een blok is de "
                  "kop (bijvoorbeeld 'Communicatie op maat – pagina 5'), de rest is het advies.")

    def punten_lijst(self) -> list[dict]:
        blokken = [b.strip() for b in self.cleaned_data["punten"].replace("\r\n", "\n").split("\n\n") if b.strip()]
        return [{"kop": b.split("\n", 1)[0].strip(), "tekst": (b.split("\n", 1) + [""])[1].strip()} for b in blokken]


class AntwoordFormulier(NLFormulier, forms.Form):
    reactie = forms.ChoiceField(label="Het college neemt dit advies", widget=forms.RadioSelect,
                                choices=[(Reactie.OVERGENOMEN, "over"), (Reactie.DEELS, "deels over"),
                                         (Reactie.NIET, "niet over")])
    antwoord = forms.CharField(label="Antwoord van het college", max_length=5000,
                               widget=forms.Textarea(attrs={"rows": 3}))
    motivering = forms.CharField(label="Motivering van de afwijking", required=False, max_length=5000,
                                 widget=forms.Textarea(attrs={"rows": 2}),
                                 help_text="Verplicht als het college het advies niet of deels overneemt: waarom en "
                                           "op welke onderdelen (artikel 3:8, zesde en zevende lid).")
    beantwoord_op = forms.DateField(label="Datum van het antwoord", widget=DATUM)


class CorrectieFormulier(AntwoordFormulier):
    """A correction of the college's answer: the new answer and why (the earlier answer stays in the history)."""

    reden = forms.CharField(label="Reden van de correctie", max_length=5000, widget=forms.Textarea(attrs={"rows": 2}),
                            help_text="Bijvoorbeeld: verkeerd overgenomen uit de collegebrief, of het college heeft "
                                      "zijn antwoord herzien.")
    gecorrigeerd_op = forms.DateField(label="Datum van de correctie", widget=DATUM)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["beantwoord_op"]
        self.fields["antwoord"].label = "Verbeterd antwoord van het college"


class MeerdereBestanden(forms.ClearableFileInput):
    allow_multiple_selected = True


class DocumentenFormulier(NLFormulier, forms.Form):
    """Documents with the request or the advice; the files themselves are read from request.FILES and checked by
    `adviesraad.bijlagen` (the zaken app's checks), so the field here only renders the input."""

    bestanden = forms.FileField(
        label="Bestanden", required=False,
        widget=MeerdereBestanden(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
        help_text="PDF, JPEG of PNG, ten hoogste 10 MB per bestand, tot 10 bestanden tegelijk. Het soort bestand "
                  "wordt uit de inhoud vastgesteld.")
    openbaar = forms.BooleanField(label="Openbaar: tonen op de openbare pagina zodra het advies er is",
                                  required=False)


class RaadFormulier(NLFormulier, forms.Form):
    """Art. 3:3 lid 1: the day the advice (or the college's answer) went to the gemeenteraad ter kennisname."""

    verstrekt_op = forms.DateField(label="Aan de gemeenteraad verstrekt op", widget=DATUM)


class BenoemingFormulier(NLFormulier, forms.Form):
    naam = forms.CharField(label="Naam", max_length=200,
                           help_text="Voor een herbenoeming: dezelfde naam als bij de eerste benoeming.")
    functie = forms.ChoiceField(label="Functie", choices=Functie.choices)
    begin = forms.DateField(label="Benoemd per", widget=DATUM, help_text="1 januari of 1 juli (artikel 3:4, vierde lid).")
    inwoner = forms.BooleanField(label="Woont in de gemeente (artikel 3:6, vierde lid)", required=False)
    onverenigbaar = forms.BooleanField(label="Is lid van de gemeenteraad, een raadscommissie of het college",
                                       required=False)


class AftredenFormulier(NLFormulier, forms.Form):
    """Art. 3:5: a membership that ends before its term."""

    periode = forms.ModelChoiceField(label="Lid", queryset=Zittingsperiode.objects.none(),
                                     error_messages={"required": "Kies het lid.", "invalid_choice": "Kies een zittend lid."})
    aftreden = forms.ChoiceField(label="Grond (artikel 3:5, eerste lid)", choices=[("", "— kies —"), *Aftreden.choices],
                                 error_messages={"required": "Kies de grond van artikel 3:5, eerste lid.",
                                                 "invalid_choice": "Kies een grond uit de lijst."})
    laatste_dag = forms.DateField(label="Laatste dag van het lidmaatschap", widget=DATUM,
                                  error_messages={"required": "Vul de laatste dag van het lidmaatschap in.",
                                                  "invalid": "De laatste dag is geen geldige datum (JJJJ-MM-DD)."})
    kennisgeving_op = forms.DateField(label="Datum van de schriftelijke kennisgeving (bij eigen verzoek)", required=False,
                                      widget=DATUM, help_text="Opzegtermijn twee maanden (artikel 3:5, tweede lid).",
                                      error_messages={"invalid": "De datum van de kennisgeving is geen geldige datum (JJJJ-MM-DD)."})
    aftreden_toelichting = forms.CharField(label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                           help_text="Verplicht bij een ontslagbesluit van het college.")

    def __init__(self, *args, **kwargs):
        from maatwerk.adviesraad import services

        super().__init__(*args, **kwargs)
        self.fields["periode"].queryset = Zittingsperiode.objects.filter(
            pk__in=[p.pk for p in services.zittend()]).select_related("lid")
        self.fields["periode"].label_from_instance = lambda p: f"{p.lid.naam} (tot en met {formaat.datum(p.einde)})"

