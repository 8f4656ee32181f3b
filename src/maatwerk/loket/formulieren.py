"""Forms of the loket: one topic per page (B1 questions), NL Design System (Utrecht) classes on the widgets.

The self-check steps validate the shape of an answer only; what the answers mean is the Regelkern's business
(zelftest.py). Every message names the field and says how to fill it in (common brief: bad input gets a clear
Dutch message and keeps what was typed).
"""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.utils import timezone

from maatwerk.loket.models import DAGDELEN, DAGEN, Begeleiding, SoortGesprek
from maatwerk.web.formvelden import BedragVeld
from maatwerk.zaken.regelingen import DOMEINEN

_KLASSEN = (
    (forms.RadioSelect, "utrecht-radio-button utrecht-radio-button--html-input"),
    (forms.CheckboxSelectMultiple, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (forms.HiddenInput, ""),
    (forms.Widget, "utrecht-textbox utrecht-textbox--html-input"),
)
VROEGSTE_GEBOORTEDATUM = dt.date(1900, 1, 1)


class LoketFormulier(forms.Form):
    def __init__(self, *args, antwoorden: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.antwoorden = antwoorden or {}
        for veld in self.fields.values():
            klasse = next(k for t, k in _KLASSEN if isinstance(veld.widget, t))
            if klasse:
                veld.widget.attrs["class"] = (veld.widget.attrs.get("class", "") + " " + klasse).strip()


def ja_nee(label: str, help_text: str = "", fout: str = "Kies ja of nee.") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, help_text=help_text, choices=[("ja", "Ja"), ("nee", "Nee")], coerce=lambda v: v == "ja",
        widget=forms.RadioSelect, error_messages={"required": fout, "invalid_choice": fout},
    )


def datumveld(label: str, wie: str = "uw") -> forms.DateField:
    return forms.DateField(
        label=label, help_text="Bijvoorbeeld 14-03-1985.",
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages={"required": f"Vul {wie} geboortedatum in.",
                        "invalid": "Vul een datum in als dag-maand-jaar, bijvoorbeeld 14-03-1985."},
    )


def _controleer_geboortedatum(waarde: dt.date | None) -> dt.date | None:
    if waarde is None:
        return waarde
    if waarde > timezone.localdate():
        raise forms.ValidationError("Een geboortedatum kan niet in de toekomst liggen.")
    if waarde < VROEGSTE_GEBOORTEDATUM:
        raise forms.ValidationError("Vul een geboortedatum na 1 januari 1900 in.")
    return waarde


def bedragveld(label: str, help_text: str = "", *, verplicht: bool = True, minimum: int = 0) -> BedragVeld:
    return BedragVeld(
        label=label, help_text=help_text, required=verplicht, min_value=minimum, max_value=1_000_000,
        error_messages={"required": "Vul een bedrag in. Is het niets? Vul dan 0 in."},
    )


# ------------------------------------------------------------------ self-check steps


class HuishoudenStap(LoketFormulier):
    titel = "Uw huishouden"
    geboortedatum = datumveld("Wat is uw geboortedatum?")
    partner = ja_nee("Woont u samen met een partner?", "Een partner is uw man, vrouw of iemand met wie u samenwoont.")
    partner_geboortedatum = datumveld("Wat is de geboortedatum van uw partner?", "de")
    kinderen = forms.IntegerField(
        label="Hoeveel kinderen onder de 18 wonen bij u?", min_value=0, max_value=15, initial=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"required": "Vul het aantal kinderen in. Geen kinderen? Vul dan 0 in.",
                        "invalid": "Vul een getal in, bijvoorbeeld 2.",
                        "min_value": "Het aantal kinderen kan niet negatief zijn.",
                        "max_value": "Vul hoogstens 15 in."})
    medebewoners = forms.IntegerField(
        label="Hoeveel andere volwassenen van 21 jaar of ouder wonen bij u?",
        help_text="Tel uw partner niet mee. Denk aan een volwassen kind, ouder of huisgenoot.",
        min_value=0, max_value=10, initial=0, widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"required": "Vul het aantal in. Niemand? Vul dan 0 in.",
                        "invalid": "Vul een getal in, bijvoorbeeld 1.",
                        "min_value": "Het aantal kan niet negatief zijn.",
                        "max_value": "Vul hoogstens 10 in."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner_geboortedatum"].required = False

    def clean_geboortedatum(self):
        return _controleer_geboortedatum(self.cleaned_data.get("geboortedatum"))

    def clean_partner_geboortedatum(self):
        return _controleer_geboortedatum(self.cleaned_data.get("partner_geboortedatum"))

    def clean(self):
        data = super().clean()
        if data.get("partner") and not data.get("partner_geboortedatum") and "partner_geboortedatum" not in self.errors:
            self.add_error("partner_geboortedatum", "Vul de geboortedatum van uw partner in.")
        if data.get("partner") is False:
            data["partner_geboortedatum"] = None
        return data


class InkomenStap(LoketFormulier):
    titel = "Uw inkomen"
    inkomen = bedragveld("Hoeveel geld krijgt u per maand?",
                     "Het netto bedrag: wat u op uw rekening krijgt. Van werk, een uitkering of pensioen.")
    inkomen_partner = bedragveld("Hoeveel geld krijgt uw partner per maand?", "Ook het netto bedrag.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.antwoorden.get("partner"):
            del self.fields["inkomen_partner"]


class VerloopStap(LoketFormulier):
    titel = "Uw inkomen vroeger en later"
    drie_jaar_laag = ja_nee("Had u de afgelopen 3 jaar elke maand ongeveer dit inkomen, of minder?")
    inkomen_stijgt = ja_nee("Denkt u dat uw inkomen de komende tijd hoger wordt?",
                            "Bijvoorbeeld omdat u meer gaat werken of een opleiding afmaakt.")


class VermogenStap(LoketFormulier):
    titel = "Uw geld op de bank"
    vermogen = bedragveld("Hoeveel geld heeft u samen op de bank en als spaargeld?",
                      "Tel het geld van u en uw partner bij elkaar op.")


class KostenStap(LoketFormulier):
    titel = "De kosten"
    kosten = bedragveld("Hoeveel kosten de dingen waarvoor u hulp vraagt?",
                    "Bijvoorbeeld een bed, een bril of de kosten van een verhuizing.", minimum=1)


class OverUStap(LoketFormulier):
    titel = "Over u"
    geboortedatum = datumveld("Wat is uw geboortedatum?")

    def clean_geboortedatum(self):
        return _controleer_geboortedatum(self.cleaned_data.get("geboortedatum"))


class StudieStap(LoketFormulier):
    titel = "Uw studie en uw gezondheid"
    studiefinanciering = ja_nee("Krijgt u studiefinanciering of een tegemoetkoming voor uw studie?",
                                "Studiefinanciering van DUO of een tegemoetkoming scholieren.")
    ziekte_of_beperking = ja_nee("Kunt u door een ziekte of beperking niet werken naast uw studie?",
                                 "Het gaat om een ziekte of beperking die niet snel overgaat.")
    wajong = ja_nee("Krijgt u een Wajong-uitkering?")


class StageStap(LoketFormulier):
    titel = "Uw stage"
    stagevergoeding = bedragveld("Hoeveel stagevergoeding krijgt u per maand?", "Geen stage? Vul dan 0 in.")


# ------------------------------------------------------------------ ik wil een gesprek

TELEFOON = re.compile(r"^(?:\+31|0031|0)[1-9][0-9]{8}$")


class GesprekFormulier(LoketFormulier):
    domein = forms.ChoiceField(
        label="Waarover wilt u praten?", widget=forms.RadioSelect,
        choices=[("wmo", "Hulp of zorg thuis (Wmo)"), ("jeugd", "Hulp voor een kind of gezin (Jeugd)"),
                 ("inkomen", "Geld en inkomen")],
        error_messages={"required": "Kies waarover u wilt praten.", "invalid_choice": "Kies waarover u wilt praten."})
    soort = forms.ChoiceField(
        label="Wat voor gesprek wilt u?", widget=forms.RadioSelect, choices=SoortGesprek.choices,
        error_messages={"required": "Kies een gesprek thuis of aan de telefoon.",
                        "invalid_choice": "Kies een gesprek thuis of aan de telefoon."})
    dagen = forms.MultipleChoiceField(
        label="Op welke dagen kan het?", choices=DAGEN, widget=forms.CheckboxSelectMultiple, required=False,
        help_text="Kies niets als elke dag goed is.", error_messages={"invalid_choice": "Kies een werkdag."})
    dagdelen = forms.MultipleChoiceField(
        label="Welk deel van de dag kan het?", choices=DAGDELEN, widget=forms.CheckboxSelectMultiple,
        required=False, help_text="Kies niets als het hele dag kan.",
        error_messages={"invalid_choice": "Kies ochtend of middag."})
    voorkeur = forms.CharField(
        label="Wilt u nog iets zeggen over het moment?", required=False, max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}), help_text="Bijvoorbeeld: niet in de schoolvakantie.",
        error_messages={"max_length": "Schrijf hoogstens 500 tekens."})
    telefoon = forms.CharField(
        label="Op welk telefoonnummer kunnen we u bellen?", max_length=20,
        help_text="Bijvoorbeeld 06 12345678 of 010 1234567.",
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
        error_messages={"required": "Vul uw telefoonnummer in.", "max_length": "Dit telefoonnummer is te lang."})
    begeleiding = forms.ChoiceField(
        label="Komt er iemand mee naar het gesprek?", widget=forms.RadioSelect, choices=Begeleiding.choices,
        help_text="Een cliëntondersteuner helpt u gratis. Hij of zij werkt niet voor de gemeente.",
        error_messages={"required": "Kies of er iemand meekomt.", "invalid_choice": "Kies of er iemand meekomt."})
    onderwerp = forms.CharField(
        label="Waar wilt u het over hebben?", required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}), help_text="Dit mag u ook in het gesprek vertellen.",
        error_messages={"max_length": "Schrijf hoogstens 1000 tekens."})

    def clean_telefoon(self) -> str:
        ruw = self.cleaned_data.get("telefoon", "")
        nummer = re.sub(r"[\s\-().]", "", ruw)
        if not TELEFOON.match(nummer):
            raise forms.ValidationError(
                "Dit is geen Nederlands telefoonnummer. Vul 10 cijfers in, bijvoorbeeld 06 12345678.")
        if nummer.startswith("0031"):
            nummer = "0" + nummer[4:]
        elif nummer.startswith("+31"):
            nummer = "0" + nummer[3:]
        return nummer


assert set(dict(GesprekFormulier.base_fields["domein"].choices)) == set(DOMEINEN)  # one list of domains
