"""Forms of regie: making a household plan from a zaak, and recording a referral between domains. The rules are
in `regie.services` (who may make a plan, one plan per household, escalation to someone other than the regisseur)."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model

from maatwerk.regie.models import DOMEIN_KEUZES
from maatwerk.toegang.forms import NLFormulier

_KORT = {"class": "nl-text-input nl-text-input--short"}
CONSULENTEN = ("consulent_wmo", "consulent_jeugd", "consulent_inkomen")


class _Persoon(forms.ModelChoiceField):
    def label_from_instance(self, user) -> str:
        naam = user.get_full_name()
        return f"{naam} ({user.get_username()})" if naam else user.get_username()


def _datum(label: str, help_text: str = "JJJJ-MM-DD") -> forms.DateField:
    return forms.DateField(label=label, help_text=help_text, widget=forms.DateInput(attrs={"type": "date", **_KORT}),
                           error_messages={"required": f"Vul de {label.lower()} in.",
                                           "invalid": f"De {label.lower()} is geen geldige datum (JJJJ-MM-DD)."})


class PlanFormulier(NLFormulier, forms.Form):
    regisseur = _Persoon(label="Regisseur (een consulent)", queryset=get_user_model().objects.none(),
                         error_messages={"required": "Kies de regisseur.", "invalid_choice": "Kies een regisseur uit de lijst."})
    escalatie_naar = _Persoon(label="Escaleert naar (iemand met doorzettingsmacht)", queryset=get_user_model().objects.none(),
                              error_messages={"required": "Kies naar wie vastgelopen zaken escaleren.",
                                              "invalid_choice": "Kies een persoon uit de lijst."})
    escalatie_functie = forms.CharField(label="Functie van die persoon", max_length=200,
                                        help_text="Bijvoorbeeld: teamleider sociaal domein.",
                                        error_messages={"required": "Vul de functie in van wie escalaties ontvangt."})
    doelen = forms.CharField(label="Met het gezin afgesproken doelen", widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": "Vul de afgesproken doelen in."})
    toestemming_op = _datum("Datum van de toestemming van het gezin")
    toestemming_kenmerk = forms.CharField(label="Kenmerk van de toestemming", max_length=100,
                                          help_text="Waar de ondertekende toestemming staat, bijvoorbeeld het documentnummer.",
                                          error_messages={"required": "Vul het kenmerk van de toestemming in."})
    stilstand_dagen = forms.IntegerField(label="Stilstand na zoveel dagen zonder stap", initial=28, min_value=1,
                                         max_value=365, widget=forms.NumberInput(attrs=_KORT),
                                         error_messages={"required": "Vul het aantal dagen in.",
                                                         "invalid": "Vul een heel aantal dagen in.",
                                                         "min_value": "Stilstand na 1 tot 365 dagen zonder stap.",
                                                         "max_value": "Stilstand na 1 tot 365 dagen zonder stap."})
    max_doorverwijzingen = forms.IntegerField(label="Hoogstens zoveel doorverwijzingen tussen domeinen", initial=2,
                                              min_value=0, max_value=20, widget=forms.NumberInput(attrs=_KORT),
                                              error_messages={"required": "Vul het aantal in.",
                                                              "invalid": "Vul een heel aantal in.",
                                                              "min_value": "Vul 0 tot 20 in.",
                                                              "max_value": "Vul 0 tot 20 in."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        actief = get_user_model().objects.filter(is_active=True).order_by("username")
        self.fields["regisseur"].queryset = actief.filter(groups__name__in=CONSULENTEN).distinct()
        self.fields["escalatie_naar"].queryset = actief


class DoorverwijzingFormulier(NLFormulier, forms.Form):
    van_domein = forms.ChoiceField(label="Van domein", choices=[("", "— kies —"), *DOMEIN_KEUZES],
                                   error_messages={"required": "Kies het domein waar het gezin vandaan komt.",
                                                   "invalid_choice": "Kies een domein uit de lijst."})
    naar_domein = forms.ChoiceField(label="Naar domein", choices=[("", "— kies —"), *DOMEIN_KEUZES],
                                    error_messages={"required": "Kies het domein waar het gezin naartoe gaat.",
                                                    "invalid_choice": "Kies een domein uit de lijst."})
    datum = _datum("Datum van de doorverwijzing")
    reden = forms.CharField(label="Reden", widget=forms.Textarea(attrs={"rows": 2}),
                            error_messages={"required": "Geef de reden van de doorverwijzing."})
