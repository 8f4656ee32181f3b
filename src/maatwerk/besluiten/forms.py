"""Forms of the besluiten pages. They only parse input; the services decide (and give the Dutch messages)."""

from __future__ import annotations

from django import forms

from maatwerk.besluiten.models import Besluit, Soort, SoortBron, Uitkomst
from maatwerk.besluiten.services import WIJZIGBAAR
from maatwerk.web.formvelden import BedragVeld

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
NIEUWE_SOORTEN = [c for c in Soort.choices if c[0] != Soort.BUITEN_BEHANDELING]

# Which content fields a page shows, per domain (the rest stays empty and is not required there).
VELDEN_ALGEMEEN = ["aanvraag", "toelichting_beslissing", "reden_wijziging", "ontbrekende_gegevens", "hersteltermijn_tot"]
VELDEN_MAATWERK = ["vorm", "voorziening", "beoogd_resultaat", "ingangsdatum", "einddatum", "duur", "omvang", "aanbieder",
                   "andere_voorzieningen", "bijdrage_verschuldigd", "bijdrage_toelichting", "pgb_bedrag", "bedrag_periode",
                   "pgb_berekening", "kwaliteitseisen", "verantwoording", "meldplicht", "vervolg"]
VELDEN_INKOMEN = ["voorziening", "bedrag", "bedrag_periode", "ingangsdatum", "einddatum", "vorm", "reden_natura",
                  "financiering", "lening_voorwaarden", "vervolg"]


class BesluitFormulier(forms.ModelForm):
    class Meta:
        model = Besluit
        fields = sorted(WIJZIGBAAR)
        # The model's DecimalField would give a type="number" input that refuses "1.234,50" (see formvelden).
        field_classes = {"bedrag": BedragVeld, "pgb_bedrag": BedragVeld}
        widgets = {
            "ingangsdatum": DATUM, "einddatum": DATUM, "hersteltermijn_tot": DATUM,
            **{v: forms.Textarea(attrs={"rows": 2}) for v in (
                "aanvraag", "toelichting_beslissing", "beoogd_resultaat", "andere_voorzieningen", "kwaliteitseisen",
                "pgb_berekening", "verantwoording", "bijdrage_toelichting", "meldplicht", "vervolg", "ontbrekende_gegevens",
                "reden_wijziging", "lening_voorwaarden", "reden_natura")},
        }

    def __init__(self, *args, domein: str, **kwargs):
        super().__init__(*args, **kwargs)
        toon = VELDEN_ALGEMEEN + (VELDEN_INKOMEN if domein == "inkomen" else VELDEN_MAATWERK)
        for naam in list(self.fields):
            if naam not in toon:
                del self.fields[naam]
            else:
                self.fields[naam].required = False
        self.order_fields(toon)

    def _post_clean(self):
        """Model validation is the service's job (it also knows what a concept may lack)."""


class OverwegingFormulier(forms.Form):
    zin = forms.CharField(label="Overweging (één of twee eenvoudige zinnen)", widget=forms.Textarea(attrs={"rows": 2}))
    bron = forms.CharField(label="Bron (wet, verordening of beleidsregel met artikel)", max_length=400)
    soort = forms.ChoiceField(label="Soort bron", choices=SoortBron.choices)


class OverwegingWijzigFormulier(forms.Form):
    zin = forms.CharField(label="Overweging", widget=forms.Textarea(attrs={"rows": 2}))


class GoedkeuringFormulier(forms.Form):
    akkoord = forms.TypedChoiceField(label="Uw oordeel", choices=[("ja", "Akkoord"), ("nee", "Niet akkoord")],
                                     coerce=lambda v: v == "ja", widget=forms.RadioSelect)
    toelichting = forms.CharField(label="Toelichting (verplicht bij niet akkoord)", required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))


class VaststellenFormulier(forms.Form):
    datum = forms.DateField(label="Datum van het besluit", widget=DATUM)


class BekendmakenFormulier(forms.Form):
    datum = forms.DateField(label="Dag van versturen (bekendmaking)", widget=DATUM,
                            help_text="De bezwaartermijn begint de dag hierna (Algemene wet bestuursrecht, artikel 6:8).")


class BijzondereGegevensFormulier(forms.Form):
    """Issue 8: the recorded choice to keep special-category data in the letter (AVG art. 9/10), with a reason."""

    bijzondere_gegevens_reden = forms.CharField(
        label="Waarom moet dit gegeven in de brief staan?", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Alleen als de brief bewust een gegeven over gezondheid, geloof, afkomst of strafrecht noemt. "
                  "Leeg maken trekt de keuze in.")


class NieuwBesluitFormulier(forms.Form):
    soort = forms.ChoiceField(label="Soort nieuw besluit", choices=NIEUWE_SOORTEN)


class BezwaarFormulier(forms.Form):
    ontvangen_op = forms.DateField(label="Ontvangen op", widget=DATUM)
    ter_post_bezorgd_op = forms.DateField(label="Ter post bezorgd op (poststempel, alleen bij post)", required=False, widget=DATUM)
    indiener = forms.CharField(label="Indiener (leeg: de inwoner zelf)", required=False, max_length=300)
    gronden = forms.CharField(label="Gronden: waarom is de indiener het niet eens?", required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))
    adviescommissie = forms.BooleanField(label="Advies van de bezwaarcommissie (Awb 7:13)", required=False)


class BezwaarOpKenmerkFormulier(BezwaarFormulier):
    """Registering at the bezwaar desk: the besluit is named by the kenmerk on its letter."""

    kenmerk = forms.CharField(label="Kenmerk van het besluit (uit de brief, bijvoorbeeld B000012-Z000034)", max_length=40)
    field_order = ["kenmerk", "ontvangen_op", "ter_post_bezorgd_op", "indiener", "gronden", "adviescommissie"]


class VerschoonbaarheidFormulier(forms.Form):
    verschoonbaar = forms.TypedChoiceField(label="Is de te late indiening verschoonbaar (Awb 6:11)?",
                                           choices=[("ja", "Ja, verschoonbaar"), ("nee", "Nee, niet verschoonbaar")],
                                           coerce=lambda v: v == "ja", widget=forms.RadioSelect)
    reden = forms.CharField(label="Reden van uw oordeel", widget=forms.Textarea(attrs={"rows": 2}))


class BehandelingFormulier(forms.Form):
    adviescommissie = forms.BooleanField(label="Advies van de bezwaarcommissie (Awb 7:13: beslistermijn 12 weken)", required=False)
    verdaging_medegedeeld_op = forms.DateField(label="Verdaging meegedeeld op (Awb 7:10, derde lid)", required=False, widget=DATUM)
    verdaging_weken = forms.IntegerField(label="Verdaging in weken (ten hoogste 6)", required=False, min_value=1, max_value=52)
    verdaging_reden = forms.CharField(label="Reden van de verdaging", required=False)


class HorenFormulier(forms.Form):
    hoorzitting_op = forms.DateField(label="Datum hoorzitting (Awb 7:2)", required=False, widget=DATUM)
    verslag = forms.CharField(label="Verslag van de hoorzitting", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    afzien_reden = forms.CharField(label="Of: waarom wordt niet gehoord (Awb 7:3)?", required=False,
                                   widget=forms.Textarea(attrs={"rows": 2}))


class BeslissenFormulier(forms.Form):
    uitkomst = forms.ChoiceField(label="Beslissing op bezwaar", choices=Uitkomst.choices, widget=forms.RadioSelect)
    motivering = forms.CharField(label="Motivering", widget=forms.Textarea(attrs={"rows": 3}))
    datum = forms.DateField(label="Datum beslissing", widget=DATUM)
    nieuw_besluit_soort = forms.ChoiceField(label="Bij gegrond: soort van het nieuwe besluit (Awb 7:11)",
                                            choices=[("", "—")] + NIEUWE_SOORTEN, required=False)
    verzuim = forms.CharField(label="Bij niet-ontvankelijk om een verzuim: wat ontbrak (Awb 6:6)", required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))
    hersteltermijn_tot = forms.DateField(label="Bij niet-ontvankelijk om een verzuim: hersteltermijn tot en met",
                                         required=False, widget=DATUM)


class SjabloonFormulier(forms.Form):
    inhoud = forms.CharField(label="Sjabloon (Django-sjabloontaal)", strip=False,
                             widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "false", "class": "nl-code"}))
    toelichting = forms.CharField(label="Wat heeft u veranderd?", required=False, max_length=300)
