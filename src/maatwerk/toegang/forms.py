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


# ------------------------------------------------------------------ consent register and legal grounds
# Shape only: whether the user may record the ground, and the rules on purpose and dates, are decided by
# maatwerk.toegang.register (its ValidationError is put back on these forms by the views).


def _datum(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    from maatwerk.zaken.forms import Datum

    return forms.DateField(label=label, required=required, help_text=help_text, widget=Datum(),
                           error_messages={"invalid": "Vul een geldige datum in, bijvoorbeeld 31-12-2025.",
                                           "required": "Vul de datum in."})


class _GrondFormulier(NLFormulier, forms.Form):
    inwoner = forms.TypedChoiceField(label="Van wie zijn de gegevens?", coerce=int, error_messages={
        "required": "Kies de inwoner.", "invalid_choice": "Kies een lid van dit huishouden."})
    domein = forms.ChoiceField(label="Gegevens uit het domein", widget=forms.RadioSelect, error_messages={
        "required": "Kies het domein van de gegevens.", "invalid_choice": "Kies een domein uit de lijst."})
    doel = forms.CharField(label="Doel", widget=forms.Textarea(attrs={"rows": 2}),
                           help_text="Waarvoor zijn de gegevens nodig? (doelbinding, artikel 5 AVG)",
                           error_messages={"required": "Beschrijf het doel: waarvoor zijn de gegevens nodig?"})
    geldig_vanaf = _datum("Geldig vanaf")
    geldig_tot = _datum("Geldig tot en met", help_text="Verplicht: een grond geldt nooit onbeperkt.")

    def __init__(self, *args, leden=(), **kwargs):
        from django.utils import timezone

        from maatwerk.zaken.regelingen import DOMEIN_KEUZES

        kwargs.setdefault("initial", {"geldig_vanaf": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["inwoner"].choices = [(i.pk, i.naam) for i in leden]
        self.fields["inwoner"].widget.attrs["class"] = "nl-select"
        self.fields["domein"].choices = DOMEIN_KEUZES


class ToestemmingFormulier(_GrondFormulier):
    """The inwoner's consent (AVG art. 6 lid 1 onder a) for the consulent's own domain to see data of another."""

    ontvanger = forms.ChoiceField(label="Wie krijgt inzage?", widget=forms.RadioSelect, error_messages={
        "required": "Kies wie inzage krijgt.", "invalid_choice": "Kies wie inzage krijgt."})
    vorm = forms.ChoiceField(label="Vorm van de toestemming", widget=forms.RadioSelect, error_messages={
        "required": "Kies de vorm van de toestemming."})
    bron = forms.ChoiceField(label="Bron", widget=forms.RadioSelect, help_text=(
        "Ondertekend: het kenmerk van het document is verplicht. Bevestigd: de toestemming geldt pas als een tweede "
        "consulent van het domein van de gegevens haar bevestigt."), error_messages={"required": "Kies de bron."})
    documentkenmerk = forms.CharField(label="Kenmerk van het ondertekende document", required=False, max_length=100)

    def __init__(self, *args, uitgesloten=(), **kwargs):
        """`uitgesloten`: the recipients that include the user himself; he never records consent for them."""
        from maatwerk.toegang.models import Toestemming
        from maatwerk.toegang.rollen import ONTVANGER_KEUZES

        kwargs.setdefault("prefix", "toestemming")
        super().__init__(*args, **kwargs)
        from maatwerk.toegang.rollen import HANDHAVING

        keuzes = [(c, label) for c, label in ONTVANGER_KEUZES if c not in uitgesloten and c != HANDHAVING]
        self.fields["ontvanger"].choices = keuzes
        self.fields["vorm"].choices = Toestemming.Vorm.choices
        self.fields["bron"].choices = Toestemming.Bron.choices
        self.order_fields(["inwoner", "ontvanger", "domein", "doel", "vorm", "bron", "documentkenmerk", "geldig_vanaf",
                           "geldig_tot"])


class GrondslagFormulier(_GrondFormulier):
    """A legal ground (law and article), recorded by a kwaliteitsmedewerker."""

    ontvanger = forms.ChoiceField(label="Wie krijgt inzage?", widget=forms.RadioSelect, error_messages={
        "required": "Kies wie inzage krijgt.", "invalid_choice": "Kies wie inzage krijgt."})
    code = forms.ChoiceField(label="Wettelijke grondslag", help_text=(
        "Alleen grondslagen uit de catalogus; elke grondslag geldt voor één domein, één ontvanger en een maximale duur."),
        error_messages={"required": "Kies de wettelijke grondslag.", "invalid_choice": "Kies een grondslag uit de lijst."})

    def __init__(self, *args, **kwargs):
        from maatwerk.toegang.grondslagen import CATALOGUS_KEUZES
        from maatwerk.toegang.rollen import ONTVANGER_KEUZES

        kwargs.setdefault("prefix", "grondslag")
        super().__init__(*args, **kwargs)
        self.fields["ontvanger"].choices = ONTVANGER_KEUZES
        self.fields["code"].choices = [("", "— kies een grondslag —"), *CATALOGUS_KEUZES]
        self.fields["code"].widget.attrs["class"] = "nl-select"
        self.order_fields(["inwoner", "ontvanger", "domein", "code", "doel", "geldig_vanaf", "geldig_tot"])


class GrondslagRegisterFormulier(GrondslagFormulier):
    """The register page of the kwaliteitsmedewerker: he sees no dossier (separation of duties), so he names the
    inwoner by the BSN in the request for the ground instead of choosing from a household."""

    bsn = forms.CharField(label="BSN van de inwoner", max_length=9, min_length=9, help_text="Negen cijfers.",
                          error_messages={"required": "Vul het BSN in.", "min_length": "Een BSN heeft negen cijfers.",
                                          "max_length": "Een BSN heeft negen cijfers."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("inwoner", None)
        self.order_fields(["bsn", "ontvanger", "domein", "code", "doel", "geldig_vanaf", "geldig_tot"])

    def clean_bsn(self):
        bsn = self.cleaned_data["bsn"].strip()
        if not bsn.isdigit():
            raise forms.ValidationError("Een BSN bestaat uit negen cijfers.")
        return bsn
