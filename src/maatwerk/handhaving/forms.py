"""Forms of enforcement. Shape and the protocol's rules on what must be filled in; who may act is decided by
the services (`toegang.py`). Every message names the field in Dutch and the form keeps what was typed."""

from __future__ import annotations

import re

from django import forms
from django.utils import timezone

from maatwerk.handhaving.models import (
    Grond,
    HuisbezoekUitkomst,
    Interventie,
    Melder,
    Richting,
    SignaalSoort,
)
from maatwerk.loket.formulieren import LoketFormulier
from maatwerk.toegang.forms import NLFormulier


VERPLICHT = "Vul dit veld in."


def _tekst(label: str, *, max_length: int = 2000, required: bool = True, help_text: str = "", rijen: int = 0):
    widget = forms.Textarea(attrs={"rows": rijen}) if rijen else forms.TextInput()
    return forms.CharField(label=label, max_length=max_length, required=required, help_text=help_text, widget=widget,
                           error_messages={"required": VERPLICHT,
                                           "max_length": f"Gebruik hoogstens {max_length} tekens."})


def _keuze(label: str, keuzes, *, help_text: str = ""):
    return forms.ChoiceField(label=label, choices=keuzes, widget=forms.RadioSelect, help_text=help_text,
                             error_messages={"required": "Kies een van de mogelijkheden.",
                                             "invalid_choice": "Kies een van de mogelijkheden."})


def _datum(label: str):
    from maatwerk.zaken.forms import Datum

    return forms.DateField(label=label, widget=Datum(), error_messages={
        "invalid": "Vul een geldige datum in, bijvoorbeeld 31-12-2026.", "required": "Vul de datum in."})


def _niet_in_de_toekomst(datum):
    if datum and datum > timezone.localdate():
        raise forms.ValidationError("Deze datum ligt in de toekomst; vul de dag in waarop het gebeurde.")
    return datum


# ------------------------------------------------------------------ meldpunt


class _MeldingVelden(forms.Form):
    richting = _keuze("Gaat uw melding over een inwoner of over een zorgaanbieder?", [
        (Richting.CLIENT, "Over een inwoner die hulp of een uitkering krijgt"),
        (Richting.AANBIEDER, "Over een zorgaanbieder of begeleider")])
    domein = _keuze("Waar gaat het over?", [
        ("inkomen", "Geld: een uitkering of bijstand"),
        ("wmo", "Hulp thuis of begeleiding (Wmo)"),
        ("jeugd", "Hulp voor kinderen en gezinnen (jeugdhulp)")])
    betreft = _tekst("Over wie of welke organisatie gaat het?", max_length=300,
                     help_text="Bijvoorbeeld een naam en adres, of de naam van de zorgaanbieder.")
    omschrijving = _tekst("Wat is er aan de hand?", max_length=5000, rijen=6,
                          help_text="Schrijf op wat u zelf zag of hoorde, en wanneer. Wat u denkt of vermoedt, mag "
                                    "u ook schrijven; zeg er dan bij dat het een vermoeden is.")
    melder_naam = _tekst("Uw naam", max_length=200, required=False,
                         help_text="U mag ook zonder naam melden. Met uw naam kunnen wij u bellen als we iets willen vragen.")
    melder_contact = _tekst("Uw telefoonnummer of e-mailadres", max_length=200, required=False)

    def clean_omschrijving(self):
        tekst = self.cleaned_data["omschrijving"].strip()
        if len(tekst) < 10:
            raise forms.ValidationError("Schrijf in een paar woorden wat er aan de hand is.")
        return tekst


class MeldingFormulier(LoketFormulier, _MeldingVelden):
    """The public form on the loket (B1): a resident, anonymous if he wants."""


class MeldingMedewerkerFormulier(NLFormulier, _MeldingVelden):
    """A professional's report, or one received by phone or mail from a resident or a provider."""

    melder = forms.ChoiceField(label="Wie meldt?", choices=Melder.choices, widget=forms.RadioSelect,
                               error_messages={"required": "Kies wie meldt.", "invalid_choice": "Kies wie meldt."})
    field_order = ["melder", "richting", "domein", "betreft", "omschrijving", "melder_naam", "melder_contact"]


class VolgFormulier(LoketFormulier):
    kenmerk = forms.CharField(label="Kenmerk van uw melding", max_length=20, help_text="Bijvoorbeeld HM-2026-00012.",
                              error_messages={"required": "Vul het kenmerk in dat u kreeg na uw melding.",
                                              "max_length": "Een kenmerk heeft hoogstens 20 tekens."})
    code = forms.CharField(label="Uw geheime code", max_length=20, help_text="De code van 10 tekens die u kreeg na uw melding.",
                           error_messages={"required": "Vul de geheime code in.", "max_length": "De code heeft 10 tekens."})

    def clean_kenmerk(self):
        kenmerk = self.cleaned_data["kenmerk"].strip().upper()
        if not re.fullmatch(r"HM-\d{4}-\d{5}", kenmerk):
            raise forms.ValidationError("Een kenmerk ziet eruit als HM-2026-00012.")
        return kenmerk


# ------------------------------------------------------------------ casustafel

FEIT_RIJEN = 4
DEELNEMER_RIJEN = 5


class CasustafelFormulier(NLFormulier, forms.Form):
    """Facts with their source, the intervention and why, who took part and who agreed (issue 11, point 4).
    Seed 003 ("Aannames – pagina 35"): enforcement acts on facts or very strong suspicions, never on
    assumptions; a line without a source is refused."""

    datum = _datum("Datum van de casustafel")
    interventie = _keuze("Gekozen interventie", Interventie.choices)
    motivering = _tekst("Waarom deze interventie?", rijen=3,
                        help_text="Noem de feiten waarop de keuze rust, de verwijtbaarheid en waarom een lichtere "
                                  "interventie niet genoeg is.")
    uitkomst = _tekst("Uitkomst en vervolg", rijen=3)
    afgerond = forms.BooleanField(label="De melding of het signaal is hiermee afgehandeld", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(1, FEIT_RIJEN + 1):
            self.fields[f"feit_{i}"] = _tekst(f"Feit {i}", max_length=1000, required=False, rijen=2,
                                              help_text="Alleen wat vaststaat. Een aanname of vermoeden is geen feit."
                                              if i == 1 else "")
            self.fields[f"bron_{i}"] = _tekst(f"Bron van feit {i}", max_length=300, required=False,
                                              help_text="Waar blijkt het uit? Bijvoorbeeld: Inlichtingenbureau-bestand "
                                                        "november 2026, regel 3." if i == 1 else "")
        for i in range(1, DEELNEMER_RIJEN + 1):
            self.fields[f"deelnemer_{i}"] = _tekst(f"Deelnemer {i}: naam", max_length=200, required=False)
            self.fields[f"discipline_{i}"] = _tekst(f"Deelnemer {i}: discipline", max_length=200, required=False,
                                                    help_text="Bijvoorbeeld: consulent inkomen, wijkteam, handhaver.")
            self.fields[f"akkoord_{i}"] = forms.BooleanField(label=f"Deelnemer {i} is akkoord met de interventie",
                                                             required=False)

    def clean_datum(self):
        return _niet_in_de_toekomst(self.cleaned_data.get("datum"))

    def clean(self):
        data = super().clean()
        feiten = []
        for i in range(1, FEIT_RIJEN + 1):
            feit, bron = (data.get(f"feit_{i}") or "").strip(), (data.get(f"bron_{i}") or "").strip()
            if feit and not bron:
                self.add_error(f"bron_{i}", "Noem de bron van dit feit. Zonder bron is het een aanname, geen feit.")
            elif bron and not feit:
                self.add_error(f"feit_{i}", "Schrijf het feit op dat uit deze bron blijkt.")
            elif feit:
                feiten.append({"feit": feit, "bron": bron})
        if not feiten and not any(f"feit_{i}" in self.errors or f"bron_{i}" in self.errors for i in range(1, FEIT_RIJEN + 1)):
            self.add_error("feit_1", "Leg ten minste één feit met zijn bron vast.")
        deelnemers = []
        for i in range(1, DEELNEMER_RIJEN + 1):
            naam, discipline = (data.get(f"deelnemer_{i}") or "").strip(), (data.get(f"discipline_{i}") or "").strip()
            akkoord = bool(data.get(f"akkoord_{i}"))
            if naam and not discipline:
                self.add_error(f"discipline_{i}", "Vul de discipline van deze deelnemer in.")
            elif (discipline or akkoord) and not naam:
                self.add_error(f"deelnemer_{i}", "Vul de naam van deze deelnemer in.")
            elif naam:
                deelnemers.append({"naam": naam, "discipline": discipline, "akkoord": akkoord})
        namen = [d["naam"].casefold() for d in deelnemers]
        if len(set(namen)) != len(namen):
            self.add_error("deelnemer_1", "Elke deelnemer staat één keer in de lijst.")
        elif len(deelnemers) < 2:
            self.add_error("deelnemer_1", "Een casustafel is multidisciplinair: vul ten minste twee deelnemers in.")
        elif sum(d["akkoord"] for d in deelnemers) < 2:
            self.add_error("akkoord_1", "Ten minste twee deelnemers moeten akkoord zijn met de interventie.")
        data["feiten"], data["deelnemers"] = feiten, deelnemers
        return data


# ------------------------------------------------------------------ huisbezoek


class HuisbezoekFormulier(NLFormulier, forms.Form):
    """The huisbezoek protocol (seed 003, "Huisbezoek"; issue 11, point 6)."""

    bsn = forms.CharField(label="BSN van de inwoner", max_length=9, min_length=9, error_messages={
        "required": "Vul het BSN in.", "min_length": "Een BSN heeft 9 cijfers.", "max_length": "Een BSN heeft 9 cijfers."})
    datum = _datum("Datum van het bezoek")
    reden = _tekst("Reden van het bezoek", rijen=3)
    grond = _keuze("Grond", Grond.choices, help_text="Binnenkomen mag alleen met toestemming van de inwoner (Grondwet "
                                                     "artikel 12). Bij artikel 53a lid 2 noemt u de redelijke twijfel.")
    toelichting_grond = _tekst("Toelichting op de grond", required=False, rijen=2,
                               help_text="Verplicht bij artikel 53a: waarop rust de twijfel aan de woonsituatie?")
    toestemming_gegeven = _keuze("Gaf de inwoner toestemming om binnen te komen?", [("ja", "ja"), ("nee", "nee")])
    aangekondigd = _keuze("Was het bezoek aangekondigd?", [("ja", "ja"), ("nee", "nee")])
    reden_niet_aangekondigd = _tekst("Waarom niet aangekondigd?", required=False, rijen=2,
                                     help_text="Verplicht als het bezoek niet was aangekondigd.")
    medewerkers = _tekst("Wie gingen (namen en functie)?", max_length=400)
    bevindingen = _tekst("Bevindingen", rijen=4, help_text="Alleen wat u zag of hoorde; geen aannames.")
    reactie_inwoner = _tekst("Reactie van de inwoner", rijen=3)
    uitkomst = _keuze("Uitkomst", HuisbezoekUitkomst.choices)

    def clean_bsn(self):
        bsn = self.cleaned_data["bsn"].strip()
        if not bsn.isdigit():
            raise forms.ValidationError("Een BSN heeft 9 cijfers.")
        return bsn

    def clean_datum(self):
        return _niet_in_de_toekomst(self.cleaned_data.get("datum"))

    def clean(self):
        data = super().clean()
        if data.get("grond") == Grond.ART_53A and not (data.get("toelichting_grond") or "").strip():
            self.add_error("toelichting_grond", "Noem de redelijke twijfel waarop het bezoek rust (artikel 53a lid 2).")
        if data.get("aangekondigd") == "nee" and not (data.get("reden_niet_aangekondigd") or "").strip():
            self.add_error("reden_niet_aangekondigd", "Leg uit waarom het bezoek niet was aangekondigd.")
        if data.get("toestemming_gegeven") == "nee" and data.get("uitkomst") not in (None, HuisbezoekUitkomst.GEWEIGERD):
            self.add_error("uitkomst", "Zonder toestemming bent u niet binnen geweest: kies 'binnentreden geweigerd'.")
        return data


# ------------------------------------------------------------------ Inlichtingenbureau and indicators


class VergelijkingFormulier(NLFormulier, forms.Form):
    maand = forms.CharField(label="Maand van het bestand", max_length=7, help_text="JJJJ-MM, bijvoorbeeld 2026-11.",
                            error_messages={"required": "Vul de maand in."})
    bestand = forms.FileField(label="Bestand van het Inlichtingenbureau (CSV of JSON)", error_messages={
        "required": "Kies het bestand.", "empty": "Het bestand is leeg.", "invalid": "Kies een bestand."})


class IndicatorFormulier(NLFormulier, forms.Form):
    code = forms.SlugField(label="Code", max_length=60, help_text="Kleine letters, cijfers en streepjes, bijvoorbeeld "
                           "ib-inkomen.", error_messages={"required": VERPLICHT, "invalid": "Gebruik alleen kleine "
                           "letters, cijfers, - en _."})
    naam = _tekst("Naam", max_length=100)
    omschrijving = _tekst("Korte omschrijving (B1)", max_length=350, rijen=2)
    doel = _tekst("Doel en impact", max_length=2500, rijen=3)
    wettelijke_grondslag = _tekst("Wettelijke grondslag", max_length=2500, rijen=2)
    criteria = _tekst("Criteria: wanneer ontstaat een signaal?", max_length=2500, rijen=3)
    gegevens = _tekst("Gebruikte gegevens en hun bron", max_length=2500, rijen=2)
    eigenaar = _tekst("Eigenaar (functie)", max_length=200)
    menselijke_tussenkomst = _tekst("Menselijke tussenkomst", max_length=2500, rijen=2,
                                    help_text="Wie beoordeelt een signaal voordat er iets gebeurt?")
    signaalsoort = forms.ChoiceField(label="Signaalsoort in het Inlichtingenbureau-bestand", required=False,
                                     choices=[("", "geen (geen bestandsvergelijking)"), *SignaalSoort.choices],
                                     error_messages={"invalid_choice": "Kies een van de mogelijkheden."})


class GoedkeuringFormulier(NLFormulier, forms.Form):
    toelichting = _tekst("Toelichting", rijen=2, help_text="Waarom keurt u goed? Is de indicator transparant, "
                                                         "proportioneel en ethisch verantwoord?")


class IndicatorWijzigingFormulier(IndicatorFormulier):
    """A change keeps the code: it becomes the next version of the same indicator."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["code"]


class BuitenGebruikFormulier(NLFormulier, forms.Form):
    reden = _tekst("Reden", max_length=2500, rijen=2, help_text="Waarom gaat de indicator buiten gebruik? Dit staat "
                                                               "in het openbare register.")

