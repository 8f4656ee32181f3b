"""The Jeugd pgb on the zaak page (artikel 5:6): a form that asks the figures of the plan, and the stored result.

Own module, like the documents section: `views._zaak_context` merges `sectie(...)` and `zaak.html` includes
`zaken/_jeugd_pgb.html`. The rules live in `maatwerk.zaken.jeugd` (service) and the Regelkern, not here.
"""

from __future__ import annotations

from django import forms
from django.utils import timezone

from maatwerk.personen.validators import maandveld
from maatwerk.toegang import beleid, rechten
from maatwerk.toegang.forms import NLFormulier
from maatwerk.web.formvelden import BedragVeld
from maatwerk.zaken import jeugd
from maatwerk.zaken.beoordeling import BEOORDELEN
from maatwerk.zaken.models import Zaak

SLEUTEL = "jeugd_pgb"
HULPVERLENER_KEUZES = [
    ("formeel", "Formeel: een beroepskracht of instelling (ten hoogste 100 % van de kostprijs in natura)"),
    ("informeel", "Informeel: iemand die dit niet als beroep doet (ten hoogste 51,7 % van de kostprijs in natura)"),
]


class JeugdPgbFormulier(NLFormulier, forms.Form):
    maand = forms.CharField(label="Maand", max_length=7, help_text="De maand waarover de regelkern rekent (JJJJ-MM).",
                            widget=forms.TextInput(attrs={"type": "month", "class": "nl-text-input nl-text-input--short"}),
                            error_messages={"required": "Vul de maand in, bijvoorbeeld 2026-07."})
    hulpverlener = forms.ChoiceField(label="Wie geeft de hulp (artikel 5:6, derde lid)?", choices=HULPVERLENER_KEUZES,
                                     widget=forms.RadioSelect, initial="formeel",
                                     error_messages={"required": "Kies formeel of informeel."})
    natura_kostprijs = BedragVeld(label="Kostprijs per maand van de goedkoopste passende hulp in natura", min_value=0,
                                  error_messages={"required": "Vul de kostprijs in natura in, bijvoorbeeld 1.000,00.",
                                                  "min_value": "Het bedrag kan niet negatief zijn."})
    begroting = BedragVeld(label="Begroting per maand uit het plan van de ouders (artikel 5:6, vierde lid)", min_value=0,
                           error_messages={"required": "Vul de begroting in, bijvoorbeeld 800,00.",
                                           "min_value": "Het bedrag kan niet negatief zijn."})
    sociaal_netwerk = forms.BooleanField(label="De hulp wordt gegeven door iemand uit het sociale netwerk", required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", SLEUTEL)
        vandaag = timezone.localdate()
        kwargs.setdefault("initial", {"maand": f"{vandaag.year:04d}-{vandaag.month:02d}", "hulpverlener": "formeel"})
        super().__init__(*args, **kwargs)

    def clean_maand(self):
        return maandveld(self.cleaned_data["maand"])


def sectie(request, zaak: Zaak, formulieren: dict) -> dict:
    """What the zaak page's Jeugd pgb section shows (only for jeugdhulp, once a pgb is wanted)."""
    if zaak.regeling != "jeugdhulp" or not jeugd.pgb_gewenst(zaak):
        return {"toon_jeugd_pgb": False}
    from maatwerk.besluiten.jeugd import jeugd_pgb_berekening

    mag = (zaak.status in BEOORDELEN and beleid.grond_zaak(
        request.user, zaak, beleid.CHANGE, handeling=rechten.BEVINDING_VASTLEGGEN).toegestaan)
    berekening = jeugd_pgb_berekening(zaak)
    return {
        "toon_jeugd_pgb": True,
        "jeugd_pgb_berekening": berekening,
        "jeugd_pgb_uitleg": jeugd.pgb_berekening_tekst(berekening) if berekening else "",
        "jeugd_pgb_reden": jeugd.reden_label(berekening) if berekening else "",
        "jeugd_pgb_form": (formulieren.get(SLEUTEL) or JeugdPgbFormulier()) if mag else None,
    }


def jeugd_pgb(request, pk: int):
    from maatwerk.zaken.views import _post, _verwerk

    @_post
    def verwerk(request, zaak: Zaak):
        """Compute the Jeugd pgb with the Regelkern and store it on the zaak (artikel 5:6)."""
        form = JeugdPgbFormulier(request.POST)

        def actie(d):
            jeugd.bereken_pgb(zaak, request.user, maand=d["maand"], hulpverlener=d["hulpverlener"],
                              natura_kostprijs=d["natura_kostprijs"], begroting=d["begroting"],
                              sociaal_netwerk=d["sociaal_netwerk"])

        return _verwerk(request, zaak, form, SLEUTEL, actie, "Het pgb is berekend en vastgelegd.", "jeugd_pgb")

    return verwerk(request, pk)


# ------------------------------------------------------------------ toegang: verwijzing (5:3) and vrije toegang (5:2)

VERWIJZING_SLEUTEL = "jeugd_verwijzing"
VRIJ_SLEUTEL = "jeugd_vrij"


class VerwijzingFormulier(NLFormulier, forms.Form):
    """The structured referral of artikel 5:3; the service (`jeugd_verwijzing.controleer`) checks the rules."""

    verwezen_door = forms.ChoiceField(label="Wie verwees (artikel 5:3, eerste lid)?", widget=forms.RadioSelect,
                                      choices=[], error_messages={"required": "Kies wie verwees: huisarts, medisch specialist of jeugdarts.",
                                                                  "invalid_choice": "Kies wie verwees: huisarts, medisch specialist of jeugdarts."})
    naam = forms.CharField(label="Naam van de arts", max_length=200,
                           error_messages={"required": "Vul de naam in van de arts die verwees."})
    agb_code = forms.CharField(label="AGB-code (8 cijfers)", required=False, max_length=12,
                               widget=forms.TextInput(attrs={"class": "nl-text-input nl-text-input--short", "inputmode": "numeric"}),
                               help_text="Of vul het BIG-nummer in.")
    big_nummer = forms.CharField(label="BIG-nummer (11 cijfers)", required=False, max_length=15,
                                 widget=forms.TextInput(attrs={"class": "nl-text-input nl-text-input--short", "inputmode": "numeric"}))
    datum = forms.DateField(label="Datum van de verwijzing", widget=forms.DateInput(
        attrs={"type": "date", "class": "nl-text-input nl-text-input--short"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige datum van de verwijzing in, bijvoorbeeld 05-01-2026.",
                        "required": "Vul de datum van de verwijzing in."})
    hulpvraag = forms.CharField(label="Waarvoor verwees de arts (de hulpvraag)?", max_length=2000,
                                widget=forms.Textarea(attrs={"rows": 3}),
                                error_messages={"required": "Vul in waarvoor de arts verwees (de hulpvraag)."})

    def __init__(self, *args, **kwargs):
        from maatwerk.zaken.jeugdmodellen import Verwijzer

        kwargs.setdefault("prefix", VERWIJZING_SLEUTEL)
        super().__init__(*args, **kwargs)
        self.fields["verwezen_door"].choices = Verwijzer.choices


class VrijeToegangFormulier(NLFormulier, forms.Form):
    vorm = forms.ChoiceField(label="Welke hulp wordt gevraagd (artikel 5:2)?", widget=forms.RadioSelect, choices=[],
                             error_messages={"required": "Kies de vorm van de gevraagde hulp.",
                                             "invalid_choice": "Kies de vorm van de gevraagde hulp."})
    contactmomenten = forms.IntegerField(label="Aantal gevraagde contactmomenten", required=False, min_value=0,
                                         max_value=1000, widget=forms.NumberInput(attrs={"class": "nl-text-input nl-text-input--short"}),
                                         help_text="Alleen voor ambulante jeugd- en opvoedhulp.",
                                         error_messages={"invalid": "Vul het aantal contactmomenten in als een heel getal, bijvoorbeeld 5.",
                                                         "min_value": "Het aantal contactmomenten kan niet negatief zijn.",
                                                         "max_value": "Het aantal contactmomenten is onwaarschijnlijk hoog (meer dan 1000)."})
    toelichting = forms.CharField(label="Toelichting", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        from maatwerk.zaken.jeugd_vrije_toegang import VORMEN

        kwargs.setdefault("prefix", VRIJ_SLEUTEL)
        super().__init__(*args, **kwargs)
        self.fields["vorm"].choices = list(VORMEN.items())


def sectie_toegang(request, zaak: Zaak, formulieren: dict) -> dict:
    """The Jeugd access section: the referral (5:3) and whether the help is vrij toegankelijk (5:2)."""
    if zaak.regeling != "jeugdhulp":
        return {"toon_jeugd_toegang": False}
    from maatwerk.zaken import jeugd_verwijzing, jeugd_vrije_toegang
    from maatwerk.zaken.models import EINDSTATUSSEN, Status

    mag = beleid.grond_zaak(request.user, zaak, beleid.CHANGE, handeling=rechten.BEVINDING_VASTLEGGEN).toegestaan
    verwijzing = jeugd_verwijzing.actuele_verwijzing(zaak)
    vrij = jeugd_vrije_toegang.laatste(zaak)
    open_ = zaak.status not in EINDSTATUSSEN and zaak.status != Status.KLAAR_VOOR_BESLUIT
    return {
        "toon_jeugd_toegang": True,
        "jeugd_verwijzing": verwijzing,
        "jeugd_verwijzing_tekst": jeugd_verwijzing.beschrijving(verwijzing) if verwijzing else "",
        "jeugd_verwijzing_form": (formulieren.get(VERWIJZING_SLEUTEL) or VerwijzingFormulier())
        if mag and zaak.status in BEOORDELEN else None,
        "jeugd_vrij": vrij,
        "jeugd_vrij_tekst": jeugd_vrije_toegang.uitkomst_tekst(vrij) if vrij else "",
        "jeugd_vrij_vorm": jeugd_vrije_toegang.VORMEN.get(vrij.vorm, "") if vrij else "",
        "jeugd_vrij_form": (formulieren.get(VRIJ_SLEUTEL) or VrijeToegangFormulier()) if mag and open_ else None,
    }


def jeugd_verwijzing(request, pk: int):
    from maatwerk.zaken import jeugd_verwijzing as service
    from maatwerk.zaken.views import _post, _verwerk

    @_post
    def verwerk(request, zaak: Zaak):
        """Record the referral of artikel 5:3 (and the route finding that cites it)."""
        form = VerwijzingFormulier(request.POST)
        return _verwerk(request, zaak, form, VERWIJZING_SLEUTEL,
                        lambda d: service.leg_verwijzing_vast(zaak, request.user, **d),
                        "De verwijzing is vastgelegd.", "jeugd_toegang")

    return verwerk(request, pk)


def jeugd_vrije_toegang(request, pk: int):
    from maatwerk.zaken import jeugd_vrije_toegang as service
    from maatwerk.zaken.views import _post, _verwerk

    @_post
    def verwerk(request, zaak: Zaak):
        """Record the asked help in the terms of artikel 5:2; free help closes the zaak without a beschikking."""
        form = VrijeToegangFormulier(request.POST)
        return _verwerk(request, zaak, form, VRIJ_SLEUTEL,
                        lambda d: service.leg_vrije_toegang_vast(zaak, request.user, vorm=d["vorm"],
                                                                 contactmomenten=d["contactmomenten"] or 0,
                                                                 toelichting=d["toelichting"]),
                        "De gevraagde hulp is vastgelegd.", "jeugd_toegang")

    return verwerk(request, pk)
