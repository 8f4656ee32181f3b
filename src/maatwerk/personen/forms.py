"""Forms of the intake pages: a new inwoner with his household, a member, a melding, monthly income and
vermogen. They only check the SHAPE of the input so a field gets a Dutch message; what is allowed (BSN
elfproef, postcode, who may register what, household rules) is decided by the services
(maatwerk.personen.services, maatwerk.zaken.services), whose ValidationError the views put back on these forms."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from maatwerk.personen.models import Inkomenssoort, Relatie, Rol
from maatwerk.personen.validators import parse_maand
from maatwerk.toegang.forms import NLFormulier
from maatwerk.web.formvelden import BEDRAG_ONGELDIG, BedragVeld
from maatwerk.zaken.forms import Datum, _datumveld, _tekst
from maatwerk.zaken.regelingen import REGELINGEN, regelingen_van_domein

BEDRAG_FOUT = BEDRAG_ONGELDIG


def _kort(label: str, *, required: bool = True, help_text: str = "", autocomplete: str = "") -> forms.CharField:
    attrs = {"autocomplete": autocomplete} if autocomplete else {}
    return forms.CharField(label=label, required=required, help_text=help_text, widget=forms.TextInput(attrs=attrs),
                           error_messages={"required": f"Vul {label.lower()} in."})


def _bedrag(label: str, *, required: bool = True, help_text: str = "", min_value=None) -> BedragVeld:
    return BedragVeld(
        label=label, required=required, help_text=help_text, max_digits=12, decimal_places=2, min_value=min_value,
        error_messages={"invalid": BEDRAG_FOUT, "required": f"Vul {label.lower()} in.",
                        "min_value": "Het bedrag kan niet negatief zijn.",
                        "max_digits": "Dit bedrag is te groot.", "max_decimal_places": "Gebruik hoogstens twee cijfers achter de komma."},
    )


def _maandveld() -> forms.CharField:
    return forms.CharField(label="Maand", max_length=7, help_text="JJJJ-MM, bijvoorbeeld 2026-07.",
                           widget=forms.TextInput(attrs={"type": "month", "class": "nl-text-input nl-text-input--short"}),
                           error_messages={"required": "Vul de maand in, bijvoorbeeld 2026-07."})


class InwonerVelden(NLFormulier, forms.Form):
    """The personal data of registreer_inwoner. The BSN is checked by the service (elfproef, unique)."""

    bsn = forms.CharField(label="BSN", help_text="Het burgerservicenummer: 9 cijfers.",
                          widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off",
                                                        "class": "nl-text-input nl-text-input--short"}),
                          error_messages={"required": "Vul het BSN in."})
    voornamen = _kort("Voornamen", autocomplete="off")
    tussenvoegsel = _kort("Tussenvoegsel", required=False, autocomplete="off")
    achternaam = _kort("Achternaam", autocomplete="off")
    geboortedatum = _datumveld("Geboortedatum")
    straat = _kort("Straat", autocomplete="off")
    huisnummer = forms.IntegerField(label="Huisnummer", min_value=1, max_value=99999,
                                    widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "nl-text-input nl-text-input--short"}),
                                    error_messages={"required": "Vul het huisnummer in.",
                                                    "invalid": "Vul een huisnummer in (alleen cijfers).",
                                                    "min_value": "Een huisnummer is ten minste 1.",
                                                    "max_value": "Een huisnummer heeft hoogstens 5 cijfers."})
    huisnummertoevoeging = _kort("Huisnummertoevoeging", required=False)
    postcode = forms.CharField(label="Postcode", help_text="Bijvoorbeeld 2651 AB.",
                               widget=forms.TextInput(attrs={"class": "nl-text-input nl-text-input--short", "autocomplete": "off"}),
                               error_messages={"required": "Vul de postcode in."})
    woonplaats = _kort("Woonplaats", autocomplete="off")

    PERSOON = ("bsn", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "straat", "huisnummer",
               "huisnummertoevoeging", "postcode", "woonplaats")

    def clean_bsn(self):
        return self.cleaned_data["bsn"].strip().replace(" ", "").replace(".", "")

    def persoon(self) -> dict:
        return {k: self.cleaned_data[k] for k in self.PERSOON if k in self.cleaned_data}

    @property
    def persoon_velden(self):
        return [self[n] for n in self.PERSOON]


class IntakeFormulier(InwonerVelden):
    """A new inwoner and the household around him (he is its aanvrager)."""

    huishouden_naam = _kort("Naam van het huishouden", required=False,
                            help_text="Leeg laten: ‘Huishouden’ met de achternaam.")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "inwoner")
        super().__init__(*args, **kwargs)

    def naam_huishouden(self) -> str:
        d = self.cleaned_data
        return d.get("huishouden_naam") or " ".join(p for p in ("Huishouden", d.get("tussenvoegsel"), d.get("achternaam")) if p)


class LidFormulier(InwonerVelden):
    """A member: an inwoner already registered (by BSN) or a new one (all personal data)."""

    rol = forms.ChoiceField(label="Rol bij de berekening", choices=Rol.choices, widget=forms.RadioSelect,
                            help_text="Aanvrager en echtgenoot of partner: ‘aanvrager of partner’; een minderjarig kind: "
                                      "‘minderjarig kind’; andere huisgenoten: ‘medebewoner’.",
                            error_messages={"required": "Kies de rol bij de berekening."})
    relatie = forms.ChoiceField(label="Relatie tot de aanvrager",
                                choices=[c for c in Relatie.choices if c[0] != Relatie.AANVRAGER],
                                widget=forms.RadioSelect, error_messages={"required": "Kies de relatie tot de aanvrager."})
    vanaf = _datumveld("Lid vanaf", required=False, help_text="Leeg laten als dat niet bekend is.")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "lid")
        super().__init__(*args, **kwargs)
        self.fields["bsn"].help_text = ("9 cijfers. Is de inwoner al geregistreerd, dan is het BSN genoeg; anders vult u "
                                        "ook de andere gegevens in.")
        for naam in self.PERSOON[1:]:
            self.fields[naam].required = False


class MeldingFormulier(NLFormulier, forms.Form):
    """A melding (art. 2:2 Verordening): for whom, which regeling, when, and the question in the inwoner's words."""

    hoofdpersoon = forms.TypedChoiceField(label="Voor wie is de vraag?", coerce=int, widget=forms.RadioSelect,
                                          error_messages={"required": "Kies voor wie de vraag is.",
                                                          "invalid_choice": "Kies een lid van dit huishouden."})
    regeling = forms.ChoiceField(label="Regeling", widget=forms.RadioSelect, choices=[(c, r.naam) for c, r in REGELINGEN.items()],
                                 error_messages={"required": "Kies de regeling.", "invalid_choice": "Kies een regeling uit de lijst."})
    omschrijving = _tekst("Wat vraagt de inwoner?", required=True, rows=4,
                          help_text="In de eigen woorden van de inwoner: wat is het probleem en wat wil hij of zij bereiken?")
    ontvangen_op = _datumveld("Vraag ontvangen op", help_text="De dag waarop de vraag binnenkwam (artikel 2:2, eerste lid).")
    gesprekdatum = _datumveld(
        "Datum van het eerste gesprek", required=False,
        help_text="Is het eerste gesprek al gevoerd? Die datum is de meldingsdatum (artikel 2:1, onder b, van de verordening) "
                  "en het onderzoek start (artikel 2:3, eerste lid). Leeg laten als het gesprek nog moet plaatsvinden.")
    kosten = _bedrag("Kosten in euro's", required=False, min_value=0,
                     help_text="Alleen als de vraag over een bedrag gaat, bijvoorbeeld de kosten van een aanschaf.")

    def __init__(self, *args, leden=(), domeinen=(), **kwargs):
        kwargs.setdefault("prefix", "melding")
        kwargs.setdefault("initial", {"ontvangen_op": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["hoofdpersoon"].choices = [(i.pk, f"{i.naam} (geboren {i.geboortedatum:%d-%m-%Y})") for i in leden]
        if len(leden) == 1:
            self.fields["hoofdpersoon"].initial = leden[0].pk
        # Shown: the regelingen of the consulent's own domains. Any known regeling passes the form, so a regeling
        # of another domain is refused (and logged) by zaken.services.meld_zaak, not silently here.
        eigen = [(c, REGELINGEN[c].naam) for d in sorted(domeinen) for c in regelingen_van_domein(d)]
        self.fields["regeling"].widget.choices = eigen
        if len(eigen) == 1:
            self.fields["regeling"].initial = eigen[0][0]
        self.fields["omschrijving"].error_messages["required"] = "Schrijf op wat de inwoner vraagt, in zijn of haar eigen woorden."


class IntakeBekendFormulier(NLFormulier, forms.Form):
    """The intake route for an inwoner known only to other domains (zaken.intake): proof of presence and a reason."""

    bsn = forms.CharField(label="BSN", help_text="Van het identiteitsbewijs van de inwoner die bij u is.",
                          widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off",
                                                        "class": "nl-text-input nl-text-input--short"}),
                          error_messages={"required": "Vul het BSN in."})
    geboortedatum = _datumveld("Geboortedatum", help_text="Van hetzelfde identiteitsbewijs.")
    regeling = forms.ChoiceField(label="Regeling", widget=forms.RadioSelect,
                                 error_messages={"required": "Kies de regeling.", "invalid_choice": "Kies een regeling uit de lijst."})
    reden = _tekst("Reden van de intake", required=True, rows=3,
                   help_text="Wie meldt zich, met welke vraag, en waarom via deze weg? De reden wordt vastgelegd; de "
                             "andere domeinen van het huishouden zien alleen dát er een melding is gedaan.")
    omschrijving = _tekst("Wat vraagt de inwoner?", required=False, rows=3)
    ontvangen_op = _datumveld("Vraag ontvangen op")

    def __init__(self, *args, domeinen=(), **kwargs):
        kwargs.setdefault("prefix", "intake")
        kwargs.setdefault("initial", {"ontvangen_op": timezone.localdate()})
        super().__init__(*args, **kwargs)
        eigen = [(c, REGELINGEN[c].naam) for d in sorted(domeinen) for c in regelingen_van_domein(d)]
        self.fields["regeling"].choices = eigen
        if len(eigen) == 1:
            self.fields["regeling"].initial = eigen[0][0]
        self.fields["reden"].error_messages["required"] = "Beschrijf de reden van de intake."

    def clean_bsn(self):
        return self.cleaned_data["bsn"].strip().replace(" ", "").replace(".", "")


class _Maandgegeven(NLFormulier, forms.Form):
    inwoner = forms.TypedChoiceField(label="Inwoner", coerce=int, error_messages={
        "required": "Kies de inwoner.", "invalid_choice": "Kies een lid van dit huishouden."})
    maand = _maandveld()

    def __init__(self, *args, leden=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["inwoner"].choices = [(i.pk, i.naam) for i in leden]
        self.fields["inwoner"].widget.attrs["class"] = "nl-select"

    def clean_maand(self):
        waarde = self.cleaned_data["maand"].strip()
        try:
            return parse_maand(waarde, "maand")
        except ValidationError as fout:
            raise ValidationError(fout.message_dict["maand"]) from None


class InkomenFormulier(_Maandgegeven):
    soort = forms.ChoiceField(label="Soort inkomen", choices=Inkomenssoort.choices, initial=Inkomenssoort.LOON)
    netto_bedrag = _bedrag("Netto bedrag per maand in euro's", min_value=0)
    omschrijving = _kort("Omschrijving", required=False, help_text="Bijvoorbeeld de naam van de werkgever of de uitkering.")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "inkomen")
        super().__init__(*args, **kwargs)
        self.fields["soort"].widget.attrs["class"] = "nl-select"


class VermogenFormulier(_Maandgegeven):
    bedrag = _bedrag("Vermogen in euro's", help_text="Bezittingen min schulden (artikel 34, eerste lid, Participatiewet); "
                                                     "een negatief bedrag kan, met een minteken.")
    omschrijving = _kort("Omschrijving", required=False, help_text="Bijvoorbeeld spaarrekening, auto, schulden.")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "vermogen")
        super().__init__(*args, **kwargs)


__all__ = ["Datum", "IntakeBekendFormulier", "IntakeFormulier", "InkomenFormulier", "LidFormulier", "MeldingFormulier", "VermogenFormulier"]
