"""The Wmo part of the zaak page (issue 10): the form for the pgb and eigen bijdrage computation, its outcome in
words, and the refusal grounds that follow from the findings. The rules themselves are in the Regelkern
(`regels/variables/wmo_pgb.py`, `wmo_eigen_bijdrage.py`) and in `zaken/cascade.py`; this module only shows them.
"""

from __future__ import annotations

from django import forms

from maatwerk.personen.validators import maandveld
from maatwerk.toegang.forms import NLFormulier
from maatwerk.web.formvelden import BedragVeld
from maatwerk.zaken import cascade, wmo_kostprijs
from maatwerk.zaken.forms import _datumveld
from maatwerk.zaken.models import Berekening, Zaak
from maatwerk.zaken.wmo_berekening import PGB_SOORTEN, VOORZIENINGEN, bereken_wmo, resultaat
from maatwerk.zaken.wmo_criteria import WEIGERGRONDEN

# Who collects the eigen bijdrage: the CAK (Wmo 2015, artikel 2.1.4; Uitvoeringsbesluit Wmo 2015, artikel 3.8);
# for beschermd wonen the aanbieder (verordening, artikel 4:9, vijfde lid).
INNING = "Het CAK stelt de eigen bijdrage vast en stuurt u de rekening."
INNING_BRON = "Wet maatschappelijke ondersteuning 2015, artikel 2.1.4; Uitvoeringsbesluit Wmo 2015, artikel 3.8"
EENHEDEN = {"per_maand": "per maand", "per_periode_van_4_weken": "per 4 weken", "per_jaar": "per jaar",
            "eenmalig": "eenmalig"}
PERIODEN = {"vier_weken": "per 4 weken", "maand": "per maand"}


class WmoBerekeningFormulier(NLFormulier, forms.Form):
    maand = forms.CharField(label="Maand", max_length=7, help_text="De maand waarover de regelkern rekent (JJJJ-MM).",
                            widget=forms.TextInput(attrs={"type": "month", "class": "nl-text-input nl-text-input--short"}),
                            error_messages={"required": "Vul de maand in, bijvoorbeeld 2026-07."})
    omschrijving = forms.CharField(label="Welke voorziening", max_length=300, required=False,
                                   help_text="Bijvoorbeeld 'hulp bij het huishouden'. Komt in het besluit.")
    pgb_soort = forms.ChoiceField(label="Waarvoor is het pgb", choices=PGB_SOORTEN, initial="geen",
                                  help_text="Artikel 4:8 van de verordening. Kies 'geen pgb' bij zorg in natura.")
    product = forms.ModelChoiceField(label="Product in natura", required=False, queryset=None,
                                     empty_label="Geen product (kostprijs zelf invullen)",
                                     help_text="De kostprijs komt dan uit het tarief van het product voor deze maand.")
    aanbieder = forms.ModelChoiceField(label="Aanbieder met een eigen tarief", required=False, queryset=None,
                                       empty_label="Het tarief van de gemeente",
                                       help_text="Alleen als deze aanbieder een eigen tarief heeft.")
    volume = forms.DecimalField(label="Aantal eenheden van het product", required=False, min_value=0, max_value=10000,
                                decimal_places=2, localize=True,
                                help_text="Bij een product: hoeveel eenheden per week of maand, bijvoorbeeld 3 (uur per week).",
                                error_messages={"invalid": "Vul een aantal in, bijvoorbeeld 3 of 2,5."})
    natura_kostprijs = BedragVeld(label="Kostprijs in natura", required=False, min_value=0,
                                  help_text="Alleen zonder product: het tarief van de goedkoopst passende voorziening "
                                            "in natura, in dezelfde periode als het pgb (bij huishoudelijke "
                                            "ondersteuning: per 4 weken).")
    uren = forms.DecimalField(label="Uren per maand", required=False, min_value=0, max_value=744, decimal_places=2,
                              localize=True, help_text="Alleen bij individuele begeleiding.",
                              error_messages={"invalid": "Vul een aantal uren in, bijvoorbeeld 8 of 8,5."})
    begrote_kosten = BedragVeld(label="Begrote kosten", required=False, min_value=0,
                                help_text="Bij een beroepskracht, woning, vervoer of sport.")
    voorziening = forms.ChoiceField(label="Soort voorziening voor de eigen bijdrage", choices=VOORZIENINGEN,
                                    initial="doorlopend", required=False,
                                    help_text="Niet gekozen: een doorlopende voorziening.")
    kostprijs = BedragVeld(label="Kostprijs per bijdrageperiode", required=False, min_value=0,
                           help_text="De bijdrage is nooit hoger dan de kostprijs (artikel 4:9, tweede lid). Leeg: "
                                     "de kostprijs in natura.")
    omvang = forms.CharField(label="Omvang", max_length=300, required=False,
                             help_text="Bijvoorbeeld '3 uur per week'. Komt in het besluit.")
    ingangsdatum = _datumveld("Ingangsdatum", required=False)
    einddatum = _datumveld("Einddatum (tot en met)", required=False,
                           help_text="De periode die nodig is om het resultaat te bereiken (artikel 4:3, vijfde lid).")

    def __init__(self, *args, waarden: dict | None = None, **kwargs):
        kwargs.setdefault("prefix", "berekening")
        from django.utils import timezone

        vandaag = timezone.localdate()
        kwargs.setdefault("initial", {"maand": f"{vandaag.year:04d}-{vandaag.month:02d}"})
        super().__init__(*args, **kwargs)
        from maatwerk.iwmo.models import Aanbieder, Product

        self.fields["product"].queryset = Product.objects.filter(domein="wmo")
        self.fields["aanbieder"].queryset = Aanbieder.objects.filter(contracten__domein="wmo").distinct()
        for naam in ("pgb_soort", "voorziening", "product", "aanbieder"):
            self.fields[naam].widget.attrs["class"] = "nl-select"
        if (waarden or {}).get("vorm_pgb") != "ja":
            # Natura: only the eigen bijdrage; the pgb fields would only confuse.
            for naam in ("pgb_soort", "uren", "begrote_kosten"):
                del self.fields[naam]

    def clean_maand(self):
        return maandveld(self.cleaned_data["maand"])

    def clean(self):
        d = super().clean()
        if d.get("ingangsdatum") and d.get("einddatum") and d["einddatum"] < d["ingangsdatum"]:
            self.add_error("einddatum", "De einddatum ligt vóór de ingangsdatum.")
        return d


def berekening(request, zaak: Zaak, verwerk):
    """POST of the Wmo computation form; `verwerk` is the zaak views' form handling (messages, 400/403/409)."""
    waarden = dict(zaak.actuele_bevindingen().values_list("criterium", "waarde"))
    form = WmoBerekeningFormulier(request.POST, waarden=waarden)

    def actie(d):
        bereken_wmo(zaak, request.user, maand=d["maand"], pgb_soort=d.get("pgb_soort") or "geen",
                    natura_kostprijs=d.get("natura_kostprijs"), uren=d.get("uren"),
                    begrote_kosten=d.get("begrote_kosten"), voorziening=d.get("voorziening") or "doorlopend", kostprijs=d.get("kostprijs"),
                    omschrijving=d.get("omschrijving", ""), omvang=d.get("omvang", ""),
                    ingangsdatum=d.get("ingangsdatum"), einddatum=d.get("einddatum"),
                    product=d.get("product"), aanbieder=d.get("aanbieder"), volume=d.get("volume"))

    return verwerk(request, zaak, form, "berekening", actie, "De berekening is gemaakt en vastgelegd.", "berekening")


def _overwegingen(berekening: Berekening, soort: str, sleutel, variabele: str) -> list[dict]:
    return ((berekening.uitleg.get(soort) or {}).get(sleutel) or {}).get(variabele, [])


def uitkomst(berekening: Berekening) -> dict:
    """The pgb and the eigen bijdrage of a snapshot in words, each with its considerations (sentence and source)."""
    r = resultaat(berekening)
    huishouden = next(iter((berekening.resultaat.get("huishoudens") or {}).keys()), None)
    pgb = berekening.gegevens.get("pgb", False)
    bijdrage = r.get("wmo_eigen_bijdrage_per_periode")
    reden = r.get("wmo_geen_bijdrage_reden", "geen")
    from maatwerk.regels.variables.wmo_eigen_bijdrage import WmoGeenBijdrageReden
    from maatwerk.regels.variables.wmo_pgb import PgbReden

    # Which natura cost price was used (the product tariff with its source, or the typed fallback) leads each uitleg.
    kostprijs_pgb, kostprijs_bijdrage = wmo_kostprijs.overwegingen(berekening.gegevens or {})
    return {
        "pgb": pgb,
        "pgb_bedrag": r.get("pgb_bedrag"),
        "pgb_eenheid": EENHEDEN.get(r.get("pgb_bedrag_eenheid"), ""),
        "pgb_reden": PgbReden[r["pgb_reden_niet_toekenbaar"]].value if r.get("pgb_reden_niet_toekenbaar") else "",
        "pgb_toekenbaar": r.get("pgb_reden_niet_toekenbaar") == "geen",
        "bestedingsdatum": r.get("pgb_uiterste_bestedingsdatum"),
        "pgb_uitleg": kostprijs_pgb + _overwegingen(berekening, "personen", r["_persoon"], "pgb_bedrag") if pgb else [],
        "bijdrage": bijdrage,
        "bijdrage_periode": PERIODEN.get(r.get("wmo_bijdrageperiode"), ""),
        "bijdrage_reden": WmoGeenBijdrageReden[reden].value if reden and reden != "geen" else "",
        "bijdrage_uitleg": kostprijs_bijdrage + _overwegingen(berekening, "huishoudens", huishouden,
                                                              "wmo_eigen_bijdrage_per_periode"),
        "inning": INNING,
        "inning_bron": INNING_BRON,
        "kostprijs_uit_natura": berekening.gegevens.get("kostprijs_uit_natura", False),
    }


def weigergronden(zaak: Zaak, waarden: dict[str, str]) -> list[dict]:
    """The refusal grounds the findings give (Wmo only), for the zaak page: which finding, which article."""
    if zaak.domein != "wmo":
        return []
    definitie = zaak.definitie
    return [{"criterium": definitie.criterium(code), "bron": bron}
            for code, bron in cascade.weigergronden(definitie, waarden, WEIGERGRONDEN)]
