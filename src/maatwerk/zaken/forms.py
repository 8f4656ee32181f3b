"""Forms of the consulent's zaak page. They only check the SHAPE of the input (a date is a date, a choice is
one of the choices) so the field gets a Dutch message; whether a step is allowed is decided by the services
(maatwerk.zaken.procedure / onderzoek / beoordeling / vierogen), whose ValidationError and ProcedureFout the
views put back on these forms."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from maatwerk.personen.validators import maandveld
from maatwerk.toegang.forms import NLFormulier
from maatwerk.web.formulieractie import fouten_overnemen  # noqa: F401  (the views import it from here)
from maatwerk.web.formvelden import BedragVeld
from maatwerk.zaken.models import (
    PARTICIPATIELADDER,
    ZRM_DOMEINEN,
    ZRM_SCORES,
    AANVRAAG_VIA_MEDEWERKER,
    AanvraagVia,
    Onderzoek,
    Ondersteuningsplan,
    Status,
    Uitkomst,
    Waarde,
)
from maatwerk.zaken.onderzoek import ONDERZOEK_VELDEN


class Datum(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs={"class": "nl-text-input nl-text-input--short", **(attrs or {})}, format="%Y-%m-%d")


def _datumveld(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label, required=required, widget=Datum(), help_text=help_text,
        error_messages={"invalid": "Vul een geldige datum in, bijvoorbeeld 31-12-2025.",
                        "required": "Vul de datum in."},
    )


def _tekst(label: str, *, required: bool = False, rows: int = 3, help_text: str = "") -> forms.CharField:
    return forms.CharField(label=label, required=required, help_text=help_text,
                           widget=forms.Textarea(attrs={"rows": rows}))


# ------------------------------------------------------------------ procedure


REDEN_LABEL = "Reden"


class StapFormulier(NLFormulier, forms.Form):
    """One transition of the procedure. The target status is the unprefixed hidden input `naar` of the form
    (see zaken/_stap.html), which selects the transition; extra fields depend on the step."""

    datum = _datumveld("Datum van de gebeurtenis", help_text="Bijvoorbeeld de dag van het gesprek, van de aanvraag of van het besluit.")
    reden = _tekst(REDEN_LABEL, rows=2)

    def __init__(self, *args, overgang=None, **kwargs):
        kwargs.setdefault("prefix", f"stap-{overgang.naar}")
        kwargs.setdefault("initial", {"datum": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.overgang = overgang
        reden = self.fields["reden"]
        if overgang.reden_verplicht:
            reden.required = True
            reden.error_messages["required"] = "Geef een reden voor deze stap."
            reden.help_text = "Verplicht bij deze stap; komt in de historie van de zaak."
        else:
            reden.help_text = "Komt in de historie van de zaak."
        if overgang.naar == Status.AANVRAAG:
            self.fields["via"] = forms.ChoiceField(
                label="Hoe is de aanvraag gedaan?", choices=AANVRAAG_VIA_MEDEWERKER, initial=AanvraagVia.FORMULIER,
                widget=forms.RadioSelect, error_messages={"required": "Kies hoe de aanvraag is gedaan."},
            )
        if overgang.naar == Status.KLAAR_VOOR_BESLUIT:
            self.fields["uitkomst"] = forms.ChoiceField(
                label="Voorgestelde uitkomst", choices=Uitkomst.choices, widget=forms.RadioSelect,
                error_messages={"required": "Kies de voorgestelde uitkomst."},
            )
            self.fields["bedrag"] = BedragVeld(
                label="Bedrag in euro's (leeg: het berekende bedrag of de kosten)", required=False, min_value=0,
                max_digits=12, decimal_places=2,
                error_messages={"min_value": "Het bedrag kan niet negatief zijn."},
            )
        self.order_fields(["via", "uitkomst", "bedrag", "datum", "reden"])


# ------------------------------------------------------------------ onderzoek


class OnderzoekFormulier(NLFormulier, forms.ModelForm):
    """The individualiseringsrapportage (art. 2:3): checklist a–i, zelfredzaamheidsmatrix, participatieladder
    and the descriptive report. Saved through maatwerk.zaken.onderzoek.werk_onderzoek_bij."""

    class Meta:
        model = Onderzoek
        fields = ["gesprekdatum", *ONDERZOEK_VELDEN]
        widgets = {
            "gesprekdatum": Datum(),
            "laatste_gesprekdatum": Datum(),
            "aanwezigen": forms.Textarea(attrs={"rows": 2}),
            **{naam: forms.Textarea(attrs={"rows": 3}) for naam in ("behoefte", "gewenst_resultaat", "eigen_kracht",
               "mantelzorg_netwerk", "ondersteuning_mantelzorger", "algemene_voorzieningen", "maatwerkvoorziening",
               "samenwerking", "levensovertuiging")},
            "beschrijving": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, nieuw: bool = False, **kwargs):
        kwargs.setdefault("prefix", "onderzoek")
        super().__init__(*args, **kwargs)
        if nieuw:
            self.fields["gesprekdatum"].error_messages["required"] = "Vul de datum van het eerste gesprek in."
        else:
            # The date of the first conversation is fixed by the step melding -> onderzoek (art. 2:1 onder b).
            del self.fields["gesprekdatum"]
        for veld in self.fields.values():
            if isinstance(veld, forms.DateField):
                veld.error_messages["invalid"] = "Vul een geldige datum in, bijvoorbeeld 31-12-2025."
        for d, label in ZRM_DOMEINEN.items():
            veld = self.fields[f"zrm_{d}"]
            veld.label = label[0].upper() + label[1:]
            veld.choices = [("", "— nog niet gescoord —"), *((k, f"{k} – {v}") for k, v in ZRM_SCORES.items())]
            veld.error_messages["invalid_choice"] = "Kies een score van 1 tot en met 5."
        ladder = self.fields["participatieladder"]
        ladder.choices = [("", "— nog niet bepaald —"), *((k, f"trede {k}: {v}") for k, v in PARTICIPATIELADDER.items())]
        ladder.error_messages["invalid_choice"] = "Kies een trede van 1 tot en met 6."
        self.fields["beschrijving"].help_text = (
            "Een beschrijving in uw eigen woorden van de situatie van de inwoner: wat gaat goed, wat is lastig, "
            "wat wil de inwoner bereiken.")

    def _post_clean(self):
        # Validate the shape only; the model-level checks run in the service (with the zaak's context).
        pass

    @property
    def checklist_velden(self):
        from maatwerk.zaken.models import CHECKLIST

        return [self[naam] for naam in CHECKLIST]

    @property
    def zrm_velden(self):
        return [self[f"zrm_{d}"] for d in ZRM_DOMEINEN]

    @property
    def gesprek_velden(self):
        namen = ["gesprekdatum", "laatste_gesprekdatum", "plaats", "aanwezigen", "identiteitsdocument"]
        return [self[n] for n in namen if n in self.fields]

    @property
    def informatie_velden(self):
        namen = ["gewezen_op_clientondersteuning", "gewezen_op_eigen_plan", "doel_en_procedure_uitgelegd",
                 "toestemming_gegevensverwerking", "bijdrage_besproken", "pgb_besproken"]
        return [self[n] for n in namen]


# ------------------------------------------------------------------ reactie, plan


class ReactieFormulier(NLFormulier, forms.Form):
    tekst = _tekst("Reactie van de inwoner", required=True, rows=4,
                   help_text="Opmerkingen of aanvullingen van de inwoner, in zijn of haar eigen woorden. "
                             "Dit wordt toegevoegd aan het verslag of het plan en kan niet meer worden gewijzigd.")
    ontvangen_op = _datumveld("Ontvangen op")
    bij = forms.ChoiceField(label="Toevoegen aan", widget=forms.RadioSelect,
                            choices=[("onderzoek", "het onderzoeksverslag (individualiseringsrapportage)"),
                                     ("plan", "het ondersteuningsplan")],
                            initial="onderzoek", error_messages={"required": "Kies waaraan u de reactie toevoegt."})

    def __init__(self, *args, met_plan: bool = False, **kwargs):
        kwargs.setdefault("prefix", "reactie")
        kwargs.setdefault("initial", {"ontvangen_op": timezone.localdate(), "bij": "onderzoek"})
        super().__init__(*args, **kwargs)
        self.fields["tekst"].error_messages["required"] = "Neem de reactie van de inwoner op."
        if not met_plan:
            self.fields["bij"].choices = self.fields["bij"].choices[:1]


class PlanFormulier(NLFormulier, forms.ModelForm):
    class Meta:
        model = Ondersteuningsplan
        fields = ["afspraken", "verstrekt_op", "ondertekend_op"]
        widgets = {"afspraken": forms.Textarea(attrs={"rows": 5}), "verstrekt_op": Datum(), "ondertekend_op": Datum()}
        help_texts = {
            "afspraken": "Wat is afgesproken: wie doet wat, welke ondersteuning, welke termijn (art. 2:4, tweede lid).",
            "ondertekend_op": "Een voor akkoord ondertekend plan kan gelden als aanvraag (art. 2:5, vierde lid).",
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "plan")
        super().__init__(*args, **kwargs)
        self.fields["afspraken"].error_messages["required"] = "Beschrijf de afspraken (art. 2:4, tweede lid)."
        for naam in ("verstrekt_op", "ondertekend_op"):
            self.fields[naam].error_messages["invalid"] = "Vul een geldige datum in, bijvoorbeeld 31-12-2025."

    def _post_clean(self):
        pass


# ------------------------------------------------------------------ beoordeling


class BevindingFormulier(NLFormulier, forms.Form):
    """The finding on one criterion; the criterion is the unprefixed hidden input `criterium` of the form."""

    waarde = forms.ChoiceField(label="Bevinding", choices=Waarde.choices, widget=forms.RadioSelect(attrs={"inline": True}),
                               error_messages={"required": "Kies ja, nee of niet vastgesteld."})
    motivering = _tekst("Motivering", required=True, rows=3,
                        help_text="Waarom komt u tot deze bevinding? Noem de feiten uit het gesprek of de stukken.")

    def __init__(self, *args, criterium=None, **kwargs):
        kwargs.setdefault("prefix", f"bevinding-{criterium.code}")
        super().__init__(*args, **kwargs)
        self.criterium = criterium
        self.fields["motivering"].error_messages["required"] = "Schrijf waarom u tot deze bevinding komt."


class BerekeningFormulier(NLFormulier, forms.Form):
    maand = forms.CharField(label="Maand", max_length=7, help_text="De maand waarover de regelkern rekent (JJJJ-MM).",
                            widget=forms.TextInput(attrs={"type": "month", "class": "nl-text-input nl-text-input--short"}),
                            error_messages={"required": "Vul de maand in, bijvoorbeeld 2026-07."})

    def __init__(self, *args, kostensoorten=None, **kwargs):
        kwargs.setdefault("prefix", "berekening")
        vandaag = timezone.localdate()
        kwargs.setdefault("initial", {"maand": f"{vandaag.year:04d}-{vandaag.month:02d}"})
        super().__init__(*args, **kwargs)
        if kostensoorten:
            self.fields["kostensoort"] = forms.ChoiceField(
                label="Soort kosten", choices=kostensoorten, initial=kostensoorten[0][0],
                help_text="Voor sommige soorten kosten geeft de wet nooit bijstand (art. 13 en 14 Participatiewet).",
            )
            self.fields["kostensoort"].widget.attrs["class"] = "nl-select"

    def clean_maand(self):
        return maandveld(self.cleaned_data["maand"])


class GoedkeuringFormulier(NLFormulier, forms.Form):
    akkoord = forms.TypedChoiceField(
        label="Uw oordeel als tweede paar ogen", coerce=lambda v: v == "ja", widget=forms.RadioSelect,
        choices=[("ja", "Akkoord met het voorstel"), ("nee", "Niet akkoord: terug naar beoordeling")],
        error_messages={"required": "Kies akkoord of niet akkoord."},
    )
    toelichting = _tekst("Toelichting", rows=3, help_text="Verplicht als u niet akkoord gaat.")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "vierogen")
        super().__init__(*args, **kwargs)


# ------------------------------------------------------------------ afwijking van beleid


class AfwijkingFormulier(NLFormulier, forms.Form):
    """A deviation in favour of the inwoner (maatwerk.zaken.beoordeling.leg_afwijking_vast decides whether it is
    possible for this regeling and status; maatwerk.zaken.vierogen then requires a second person)."""

    soort = forms.ChoiceField(label="Soort afwijking", widget=forms.RadioSelect,
                              error_messages={"required": "Kies de soort afwijking."})
    reden = _tekst("Reden", required=True, rows=4,
                   help_text="Waarom wijkt u af ten gunste van de inwoner? Noem de bijzondere omstandigheden.")

    def __init__(self, *args, hardheidsclausule: str | None = None, **kwargs):
        from maatwerk.zaken.models import SoortAfwijking

        kwargs.setdefault("prefix", "afwijking")
        super().__init__(*args, **kwargs)
        bron = hardheidsclausule or "deze regeling kent er geen"
        self.fields["soort"].choices = [
            (SoortAfwijking.HARDHEIDSCLAUSULE, f"Hardheidsclausule ({bron})"),
            (SoortAfwijking.BUITENWETTELIJK_BEGUNSTIGEND, "Buitenwettelijk begunstigend beleid"),
        ]
        self.fields["reden"].error_messages["required"] = "Geef de reden van de afwijking."
