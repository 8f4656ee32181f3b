"""Forms of the consulent's web UI that belong to access: login, audit-log filter; and the shared mixin
that gives every UI form the NL Design System classes."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from maatwerk.toegang.models import Actie

_KLASSEN = {
    forms.Textarea: "nl-textarea",
    forms.Select: "nl-select",
    forms.SelectMultiple: "nl-select",
}


class NLFormulier:
    """Mixin for UI forms: NL Design System classes on the widgets.

    Django itself sets aria-invalid and aria-describedby ("<id>_helptext <id>_error") on invalid fields;
    the template `maatwerk/_veld.html` renders the matching help and error elements.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            w = veld.widget
            if isinstance(w, (forms.RadioSelect, forms.CheckboxInput, forms.CheckboxSelectMultiple, forms.HiddenInput)):
                continue
            klasse = next((k for t, k in _KLASSEN.items() if isinstance(w, t)), "nl-text-input")
            w.attrs["class"] = (w.attrs.get("class", "") + " " + klasse).strip()


class InlogFormulier(NLFormulier, AuthenticationForm):
    """Django's login with Dutch labels (the error messages come from Django's Dutch translation)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Gebruikersnaam"
        self.fields["password"].label = "Wachtwoord"
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"


class AuditFilter(NLFormulier, forms.Form):
    """Filter of the audit log page; every field optional."""

    gebruiker = forms.CharField(label="Gebruikersnaam", required=False, max_length=150)
    zaak = forms.IntegerField(label="Zaaknummer", required=False, min_value=1,
                              error_messages={"invalid": "Vul een zaaknummer in (alleen cijfers)."})
    actie = forms.ChoiceField(label="Actie", required=False, choices=[("", "alle acties"), *Actie.choices])
    alleen_geweigerd = forms.BooleanField(label="Alleen geweigerde pogingen", required=False)
