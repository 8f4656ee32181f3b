"""Forms of the besluiten pages. They only parse input; the services decide (and give the Dutch messages)."""

from __future__ import annotations

import math

from django import forms
from django.core.exceptions import ValidationError

from maatwerk.besluiten.models import Besluit, Herkomst, Overweging, Soort, SoortBron, Uitkomst
from maatwerk.besluiten.services import WIJZIGBAAR, RedenRij
from maatwerk.toegang.forms import NLFormulier
from maatwerk.web.formvelden import BedragVeld

DATUM = forms.DateInput(attrs={"type": "date", "class": "nl-text-input--short"}, format="%Y-%m-%d")
NIEUWE_SOORTEN = [c for c in Soort.choices if c[0] != Soort.BUITEN_BEHANDELING]

# Which content fields a page shows, per domain (the rest stays empty and is not required there).
VELDEN_ALGEMEEN = ["aanvraag", "toelichting_beslissing", "reden_wijziging", "ontbrekende_gegevens", "hersteltermijn_tot"]
VELDEN_MAATWERK = ["vorm", "voorziening", "beoogd_resultaat", "ingangsdatum", "einddatum", "duur", "omvang", "aanbieder",
                   "andere_voorzieningen", "bijdrage_verschuldigd", "bijdrage_toelichting", "pgb_bedrag", "bedrag_periode",
                   "pgb_berekening", "kwaliteitseisen", "verantwoording", "meldplicht", "vervolg"]
VELDEN_INKOMEN = ["voorziening", "bedrag", "bedrag_periode", "ingangsdatum", "einddatum", "vorm", "reden_natura",
                  "financiering", "lening_voorwaarden", "vervolg"]


class BesluitFormulier(NLFormulier, forms.ModelForm):
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


class OverwegingFormulier(NLFormulier, forms.Form):
    zin = forms.CharField(label="Overweging (één of twee eenvoudige zinnen)", widget=forms.Textarea(attrs={"rows": 2}))
    bron = forms.CharField(label="Bron (wet, verordening of beleidsregel met artikel)", max_length=400)
    soort = forms.ChoiceField(label="Soort bron", choices=SoortBron.choices)


class OverwegingWijzigFormulier(NLFormulier, forms.Form):
    zin = forms.CharField(label="Overweging", widget=forms.Textarea(attrs={"rows": 2}))


class GoedkeuringFormulier(NLFormulier, forms.Form):
    akkoord = forms.TypedChoiceField(label="Uw oordeel", choices=[("ja", "Akkoord"), ("nee", "Niet akkoord")],
                                     coerce=lambda v: v == "ja", widget=forms.RadioSelect)
    toelichting = forms.CharField(label="Toelichting (verplicht bij niet akkoord)", required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))


class VaststellenFormulier(NLFormulier, forms.Form):
    datum = forms.DateField(label="Datum van het besluit", widget=DATUM)


class BekendmakenFormulier(NLFormulier, forms.Form):
    datum = forms.DateField(label="Dag van versturen (bekendmaking)", widget=DATUM,
                            help_text="De bezwaartermijn begint de dag hierna (Algemene wet bestuursrecht, artikel 6:8).")


class BijzondereGegevensFormulier(NLFormulier, forms.Form):
    """Issue 8: the recorded choice to keep special-category data in the letter (AVG art. 9/10), with a reason."""

    bijzondere_gegevens_reden = forms.CharField(
        label="Waarom moet dit gegeven in de brief staan?", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Alleen als de brief bewust een gegeven over gezondheid, geloof, afkomst of strafrecht noemt. "
                  "Leeg maken trekt de keuze in.")


class NieuwBesluitFormulier(NLFormulier, forms.Form):
    soort = forms.ChoiceField(label="Soort nieuw besluit", choices=NIEUWE_SOORTEN)


class BezwaarFormulier(NLFormulier, forms.Form):
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


class VerschoonbaarheidFormulier(NLFormulier, forms.Form):
    verschoonbaar = forms.TypedChoiceField(label="Is de te late indiening verschoonbaar (Awb 6:11)?",
                                           choices=[("ja", "Ja, verschoonbaar"), ("nee", "Nee, niet verschoonbaar")],
                                           coerce=lambda v: v == "ja", widget=forms.RadioSelect)
    reden = forms.CharField(label="Reden van uw oordeel", widget=forms.Textarea(attrs={"rows": 2}))


class BehandelingFormulier(NLFormulier, forms.Form):
    adviescommissie = forms.BooleanField(label="Advies van de bezwaarcommissie (Awb 7:13: beslistermijn 12 weken)", required=False)
    verdaging_medegedeeld_op = forms.DateField(label="Verdaging meegedeeld op (Awb 7:10, derde lid)", required=False, widget=DATUM)
    verdaging_weken = forms.IntegerField(label="Verdaging in weken (ten hoogste 6)", required=False, min_value=1, max_value=52)
    verdaging_reden = forms.CharField(label="Reden van de verdaging", required=False)


class HorenFormulier(NLFormulier, forms.Form):
    hoorzitting_op = forms.DateField(label="Datum hoorzitting (Awb 7:2)", required=False, widget=DATUM)
    verslag = forms.CharField(label="Verslag van de hoorzitting", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    afzien_reden = forms.CharField(label="Of: waarom wordt niet gehoord (Awb 7:3)?", required=False,
                                   widget=forms.Textarea(attrs={"rows": 2}))


class BeslissenFormulier(NLFormulier, forms.Form):
    uitkomst = forms.ChoiceField(label="Beslissing op bezwaar", choices=Uitkomst.choices, widget=forms.RadioSelect)
    motivering = forms.CharField(label="Motivering", widget=forms.Textarea(attrs={"rows": 3}))
    datum = forms.DateField(label="Datum beslissing", widget=DATUM)
    nieuw_besluit_soort = forms.ChoiceField(label="Bij gegrond: soort van het nieuwe besluit (Awb 7:11)",
                                            choices=[("", "—")] + NIEUWE_SOORTEN, required=False)
    verzuim = forms.CharField(label="Bij niet-ontvankelijk om een verzuim: wat ontbrak (Awb 6:6)", required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))
    hersteltermijn_tot = forms.DateField(label="Bij niet-ontvankelijk om een verzuim: hersteltermijn tot en met",
                                         required=False, widget=DATUM)


class SjabloonFormulier(NLFormulier, forms.Form):
    inhoud = forms.CharField(label="Sjabloon (Django-sjabloontaal)", strip=False,
                             widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "false", "class": "nl-code"}))
    toelichting = forms.CharField(label="Wat heeft u veranderd?", required=False, max_length=300)


class RedenRijInvoer:
    """One row of the reasons list on the page: the stored consideration (None for the new one) with what the
    consulent typed, and the errors of this row per field."""

    def __init__(self, overweging: Overweging | None, *, zin: str = "", bron: str = "", soort: str = "",
                 plaats: str = "", verwijderen: bool = False):
        self.overweging = overweging
        self.sleutel = str(overweging.pk) if overweging is not None else "nieuw"
        self.zin, self.bron, self.soort, self.plaats, self.verwijderen = zin, bron, soort, plaats, verwijderen
        self.fouten: dict[str, list[str]] = {}
        self.nummer = 0

    @property
    def is_nieuw(self) -> bool:
        return self.overweging is None

    @property
    def bron_bewerkbaar(self) -> bool:
        """A source computed by the Regelkern is shown, not edited: it names the rule that produced the amount."""
        return self.overweging is None or self.overweging.herkomst != Herkomst.REGELKERN

    @property
    def leeg(self) -> bool:
        return self.is_nieuw and not (self.zin.strip() or self.bron.strip())

    def naar_service(self) -> RedenRij:
        if self.is_nieuw:
            return RedenRij(None, zin=self.zin, bron=self.bron, soort=self.soort)
        return RedenRij(self.overweging.pk, zin=self.zin, bron=self.bron if self.bron_bewerkbaar else None,
                        verwijderen=self.verwijderen)


class RedenenInvoer:
    """The reasons of a besluit edited as one list in one POST (issue 8): per row the text, the source (not for
    a Regelkern row), a place number and "verwijderen"; buttons "omhoog"/"omlaag" (name "verplaats", value
    "<key>:op" or "<key>:neer") move a row and save the rest; one empty row at the end adds a reason. Works
    without JavaScript. Only parses: the service checks and saves (`services.overwegingen_bijwerken`)."""

    SOORTEN = SoortBron.choices

    def __init__(self, overwegingen, data=None):
        bestaand = list(overwegingen)
        if data is None:
            self.rijen = [RedenRijInvoer(o, zin=o.zin, bron=o.bron, plaats=str(i)) for i, o in enumerate(bestaand, 1)]
            self.rijen.append(RedenRijInvoer(None, plaats=str(len(bestaand) + 1)))
        else:
            self.rijen = self._lees(bestaand, data)
        self.algemene_fouten: list[str] = []
        self._nummer()

    @staticmethod
    def _lees(bestaand, data) -> list[RedenRijInvoer]:
        per_id = {str(o.pk): o for o in bestaand}
        rijen: list[RedenRijInvoer] = []
        gezien = set()
        for sleutel in data.getlist("rij"):
            if sleutel in gezien or (sleutel != "nieuw" and sleutel not in per_id):
                continue  # a stale or forged row: the service reports a list that changed
            gezien.add(sleutel)
            rijen.append(RedenRijInvoer(
                per_id.get(sleutel), zin=data.get(f"reden-{sleutel}-zin", ""), bron=data.get(f"reden-{sleutel}-bron", ""),
                soort=data.get(f"reden-{sleutel}-soort", ""), plaats=data.get(f"reden-{sleutel}-plaats", "").strip(),
                verwijderen=bool(data.get(f"reden-{sleutel}-verwijderen"))))
        if "nieuw" not in gezien:
            rijen.append(RedenRijInvoer(None, plaats=str(len(rijen) + 1)))
        # Order by the place numbers typed; a row without a valid number keeps its place. On a tie the row whose
        # number was changed goes first ("3 → 1" puts that reason on top), then the order shown.
        def plaats(i_rij):
            i, rij = i_rij
            try:
                getal = float(rij.plaats.replace(",", "."))
            except ValueError:
                getal = float("nan")
            if not math.isfinite(getal):
                return (i + 1, 1, i)
            return (getal, 0 if getal != i + 1 else 1, i)
        rijen = [r for _, r in sorted(enumerate(rijen), key=plaats)]
        sleutel, _, richting = (data.get("verplaats") or "").partition(":")
        for i, rij in enumerate(rijen):
            if rij.sleutel == sleutel and richting in ("op", "neer"):
                j = i - 1 if richting == "op" else i + 1
                if 0 <= j < len(rijen):
                    rijen[i], rijen[j] = rijen[j], rijen[i]
                break
        # An empty new row stays last, so the row numbers on the page are those the service reports.
        return [r for r in rijen if not r.leeg] + [r for r in rijen if r.leeg]

    def _nummer(self) -> None:
        bestaande = [r for r in self.rijen if not r.is_nieuw]
        for i, rij in enumerate(self.rijen, start=1):
            rij.nummer = i
            rij.plaats = str(i)
            # Omhoog/Omlaag only where there is a stored reason to change places with.
            rij.eerste = bool(bestaande) and rij is bestaande[0]
            rij.laatste = bool(bestaande) and rij is bestaande[-1]

    def naar_service(self) -> list[RedenRij]:
        return [r.naar_service() for r in self.rijen if not r.leeg]

    def neem_nieuwe_reden_over(self, form: OverwegingFormulier) -> None:
        """A refused POST of the single "add a reason" form (still served for old links and tests): show what
        was typed, with its errors, in the new row of the list."""
        nieuw = self.rijen[-1]
        nieuw.zin, nieuw.bron, nieuw.soort = (form.data.get("zin", ""), form.data.get("bron", ""), form.data.get("soort", ""))
        for veld, lijst in form.errors.items():
            if veld in ("zin", "bron", "soort"):
                nieuw.fouten[veld] = list(lijst)
            else:
                self.algemene_fouten.extend(lijst)

    def zet_fouten(self, fout: ValidationError) -> None:
        """Put the service's errors ("<row>.<field>", counted over the non-empty rows) on the rows."""
        te_bewaren = [r for r in self.rijen if not r.leeg]
        berichten = fout.message_dict if hasattr(fout, "error_dict") else {"__all__": fout.messages}
        for sleutel, lijst in berichten.items():
            nummer, _, veld = sleutel.partition(".")
            if nummer.isdigit() and 0 < int(nummer) <= len(te_bewaren):
                te_bewaren[int(nummer) - 1].fouten.setdefault(veld or "zin", []).extend(lijst)
            else:
                self.algemene_fouten.extend(lijst)

    @property
    def errors(self) -> bool:
        return bool(self.algemene_fouten or any(r.fouten for r in self.rijen))

    VELDNAMEN = {"zin": "tekst", "bron": "bron", "soort": "soort bron"}

    def foutoverzicht(self) -> list[tuple[str, str]]:
        """(anchor, message) per error, naming the row and the field: "Reden 3, tekst: …"."""
        uit = [("", m) for m in self.algemene_fouten]
        for rij in self.rijen:
            for veld, lijst in rij.fouten.items():
                naam = "Nieuwe reden" if rij.is_nieuw else f"Reden {rij.nummer}"
                uit += [(f"reden-{rij.sleutel}-{veld}", f"{naam}, {self.VELDNAMEN.get(veld, veld)}: {m}") for m in lijst]
        return uit
