"""The verlaging page of a zaak algemene bijstand (issue 11, point 2): record the facts of a gedraging, with horen
(7:14) as a step, see what the Regelkern computed (the four elements of 7:13 with their source, the amount per month
of 7:22) and draft the besluit tot verlaging. The rules and access live in `besluiten.verlaging`; this page only
asks and shows. Access: the consulent Inkomen of the zaak and the handhaver (404 for whoever may not see the zaak)."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from maatwerk.besluiten import verlaging as verlagingen
from maatwerk.besluiten.verlaging_models import (
    GEDRAGING_KEUZES,
    GRONDSLAG_KEUZES,
    HOREN_KEUZES,
    TERUGWERKENDE_KRACHT_KEUZES,
    VERWIJTBAARHEID_KEUZES,
    Verlaging,
)
from maatwerk.besluiten.views import _besluit_url, _probeer
from maatwerk.handhaving.models import Casustafel
from maatwerk.toegang import beleid
from maatwerk.toegang.forms import NLFormulier
from maatwerk.toegang.views import inlog_vereist, ui_context
from maatwerk.web.formvelden import BedragVeld
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import Zaak

_KORT = {"class": "nl-text-input nl-text-input--short"}


def _tekst(label: str, *, verplicht: bool = True, help_text: str = "") -> forms.CharField:
    return forms.CharField(label=label, required=verplicht, help_text=help_text, widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": f"Vul in: {label.lower()}."})


def _datum(label: str, *, verplicht: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(label=label, required=verplicht, help_text=help_text or "JJJJ-MM-DD",
                           widget=forms.DateInput(attrs={"type": "date", **_KORT}),
                           error_messages={"required": f"Vul de {label.lower()} in.",
                                           "invalid": f"De {label.lower()} is geen geldige datum (JJJJ-MM-DD)."})


def _keuze(label: str, keuzes, *, verplicht: bool = True) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, required=verplicht, choices=[("", "— kies —"), *keuzes],
                             error_messages={"required": f"Kies: {label.lower()}.",
                                             "invalid_choice": f"Kies: {label.lower()} uit de lijst."})


class VerlagingFormulier(NLFormulier, forms.Form):
    gedraging = _keuze("Gedraging (artikelen 7:18 tot en met 7:25)", GEDRAGING_KEUZES)
    gedraging_tevens = _keuze("Dezelfde gedraging schendt ook (artikel 7:26, eerste lid)", GEDRAGING_KEUZES, verplicht=False)
    omschrijving = _tekst("Wat is er gebeurd (de feiten)", help_text="Ten minste 20 tekens; feiten met hun bron.")
    datum_gedraging = _datum("Datum van de gedraging")
    datum_constatering = _datum("Datum van constatering")
    benadelingsbedrag = BedragVeld(label="Benadelingsbedrag (artikel 7:23)", required=False, min_value=0,
                                   error_messages={"min_value": "Het benadelingsbedrag kan niet negatief zijn."})
    benadelingsbedrag_niet_vast_te_stellen = forms.BooleanField(label="Het benadelingsbedrag is niet vast te stellen",
                                                                required=False)
    verwijtbaarheid = _keuze("Mate van verwijtbaarheid (artikel 7:15)", VERWIJTBAARHEID_KEUZES)
    verwijtbaarheid_toelichting = _tekst("Toelichting op de verwijtbaarheid")
    horen = _keuze("Horen (artikel 7:14)", HOREN_KEUZES)
    horen_datum = _datum("Datum van het horen", verplicht=False)
    horen_wijze = forms.CharField(label="Hoe gehoord (gesprek, telefoon of schriftelijk)", required=False, max_length=200)
    horen_toelichting = _tekst("Zienswijze van de inwoner, of waarom niet gehoord", verplicht=False)
    dringende_redenen = forms.BooleanField(label="Er zijn dringende redenen om af te zien (artikel 7:15, tweede lid)",
                                           required=False)
    dringende_redenen_toelichting = _tekst("Welke dringende redenen", verplicht=False)
    afwijken = forms.BooleanField(label="Afwijken van de standaardverlaging (artikel 7:13, onder d)", required=False)
    afwijkend_percentage = forms.DecimalField(label="Afwijkend percentage als fractie (0,2 = 20 %)", required=False,
                                              min_value=0, max_value=1, localize=True, widget=forms.TextInput(attrs=_KORT),
                                              error_messages={"invalid": "Vul het percentage in als fractie, bijvoorbeeld 0,2."})
    afwijking_reden = _tekst("Reden van de afwijking", verplicht=False)
    # Samenloop (7:26 lid 3, 7:28): the Regelkern decides that no verlaging follows; the consulent records the fact.
    bestuurlijke_boete = forms.BooleanField(
        label="Voor dezelfde gedraging wordt een bestuurlijke boete opgelegd (artikel 7:26, derde lid)", required=False)
    bestuurlijke_boete_kenmerk = forms.CharField(label="Kenmerk van het boetebesluit", required=False, max_length=100,
                                                 error_messages={"max_length": "Het kenmerk is te lang (hoogstens 100 tekens)."})
    bestuurlijke_boete_toelichting = _tekst("Welke boete, voor welke schending", verplicht=False)
    weigering_ioaw_ioaz = forms.BooleanField(
        label="De IOAW- of IOAZ-uitkering wordt om dezelfde gedraging geweigerd (artikel 7:28)", required=False)
    weigering_ioaw_ioaz_toelichting = _tekst("Welk besluit tot weigering", verplicht=False)
    # Art. 7:16 lid 2: retroactively, on one of its two grounds.
    terugwerkende_kracht = forms.BooleanField(
        label="Verlagen met terugwerkende kracht, vanaf de maand van de gedraging (artikel 7:16, tweede lid)", required=False)
    terugwerkende_kracht_grond = _keuze("Grond voor terugwerkende kracht", TERUGWERKENDE_KRACHT_KEUZES, verplicht=False)
    terugwerkende_kracht_toelichting = _tekst("Waarom niet vanaf de maand na de bekendmaking", verplicht=False)
    # Art. 7:17: over what the verlaging is computed.
    grondslag_keuze = forms.ChoiceField(label="Berekeningsgrondslag (artikel 7:17)", required=False,
                                        choices=GRONDSLAG_KEUZES, initial=GRONDSLAG_KEUZES[0][0],
                                        error_messages={"invalid_choice": "Kies de berekeningsgrondslag uit de lijst."})
    verleende_bijzondere_bijstand = BedragVeld(
        label="Verleende bijzondere bijstand per maand (bij artikel 7:17, tweede lid)", required=False, min_value=0,
        error_messages={"min_value": "De verleende bijzondere bijstand kan niet negatief zijn."})
    grondslag_toelichting = _tekst("Waarom over de bijzondere bijstand", verplicht=False)
    geplande_bekendmaking = _datum("Verwachte dag van bekendmaking", verplicht=False,
                                   help_text="JJJJ-MM-DD; leeg is vandaag. De verlaging gaat in de maand erna in (artikel 7:16).")
    casustafel = forms.IntegerField(label="Nummer van de casustafel die tot verlaging besloot (als die er is)",
                                    required=False, min_value=1, widget=forms.NumberInput(attrs=_KORT),
                                    error_messages={"invalid": "Vul het nummer van de casustafel in als heel getal."})


def _gegevens(d: dict) -> dict:
    """The form's values in the service's input shape (dates as ISO text, amounts as text)."""
    uit = {}
    for veld, waarde in d.items():
        if veld == "casustafel":
            continue
        if hasattr(waarde, "isoformat"):
            waarde = waarde.isoformat()
        elif waarde is not None and not isinstance(waarde, (bool, str)):
            waarde = str(waarde)
        uit[veld] = "" if waarde is None else waarde
    return uit


def _toon(request, zaak: Zaak, form=None, status: int = 200, fout: str = ""):
    rijen = [{"v": v, "maanden": [(verlagingen._zin_maand(m["maand"]), Decimal(m["bedrag"]),
                                   Decimal(v.niet_uitgevoerd[m["maand"]]) if m["maand"] in v.niet_uitgevoerd else None)
                                  for m in v.maanden],
              "niet_uitgevoerd": sum((Decimal(b) for b in v.niet_uitgevoerd.values()), Decimal("0.00"))}
             for v in zaak.verlagingen.select_related("besluit", "casustafel")]
    return render(request, "besluiten/verlaging.html", {
        **ui_context(request, "werkvoorraad"), "zaak": zaak, "rijen": rijen,
        "form": form or VerlagingFormulier(), "besluit_fout": fout}, status=status)


@inlog_vereist
def verlagingen_pagina(request, zaak_id: int):
    zaak = get_object_or_404(Zaak.objects.select_related("hoofdpersoon"), pk=zaak_id)
    verlagingen.vereis(request.user, zaak, beleid.VIEW, toelichting="verlagingen (pagina)")
    if request.method != "POST":
        return _toon(request, zaak)
    form = VerlagingFormulier(request.POST)

    def actie(d):
        tafel = None
        if d.get("casustafel"):
            tafel = Casustafel.objects.filter(pk=d["casustafel"]).first()
            if tafel is None:
                raise ValidationError({"casustafel": ["Er is geen casustafel met dit nummer."]})
        verlagingen.leg_vast(request.user, zaak, _gegevens(d), casustafel=tafel)
        return reverse("besluiten:verlagingen", args=[zaak.pk]) + "#vastgelegd"

    return _probeer(request, form, actie, "De verlaging is vastgelegd en berekend door de regels van de verordening.", "",
                    lambda form_, st: _toon(request, zaak, form_, st))


@inlog_vereist
def verlaging_besluit(request, pk: int):
    """POST: draft the besluit tot verlaging (or the afzien-letter of 7:15 lid 3) from a recorded verlaging."""
    v = get_object_or_404(Verlaging.objects.select_related("zaak", "zaak__hoofdpersoon"), pk=pk)
    verlagingen.bekijk(request.user, v)
    if request.method != "POST":
        return redirect("besluiten:verlagingen", v.zaak_id)
    try:
        with transaction.atomic():
            besluit = verlagingen.stel_besluit_op(v, request.user)
    except ValidationError as fout:
        return _toon(request, v.zaak, fout=" ".join(m for ms in fout.message_dict.values() for m in ms), status=400)
    except ProcedureFout as fout:
        return _toon(request, v.zaak, fout=str(fout), status=400)
    except beleid.GeenToegang as fout:
        return _toon(request, v.zaak, fout=f"Niet opgesteld: {fout}", status=403)
    messages.success(request, "Het besluit is opgesteld. Controleer het en stel het vast.")
    return redirect(_besluit_url(besluit))
