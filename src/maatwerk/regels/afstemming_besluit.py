"""What a besluit tot verlaging must state, from the Regelkern's afstemming (variables/afstemming.py).

Verordening Sociaal Domein Lansingerland 2018, artikel 7:13: "In het besluit tot het opleggen van een verlaging van
de uitkering ... worden in ieder geval vermeld: a. de reden van de verlaging; b. de duur van de verlaging; c. het
bedrag of percentage waarmee de uitkering wordt verlaagd, en d. indien van toepassing, de reden om af te wijken van
de standaardverlaging." Every element names the rule and its source, so the letter (B1) can be built from it
without writing any rule twice. The reason for a deviation (d) is written by the consulent; this module only says
that one is required and what the standard was.
"""

from __future__ import annotations

from dataclasses import dataclass

from maatwerk import formaat
from maatwerk.regels.berekening import bereken
from maatwerk.regels.regel import REGELS
from maatwerk.regels.systeem import DEFAULT_GEMEENTE, systeem

VARIABELEN = [
    "afstemming_wordt_opgelegd",
    "afstemming_reden_geen_verlaging",
    "afstemming_geldende_gedraging",
    "afstemming_standaardpercentage",
    "afstemming_percentage",
    "afstemming_duur_maanden",
    "afstemming_verrekening_maanden",
    "afstemming_ingangsdatum",
    "afstemming_berekeningsgrondslag",
    "afstemming_verlaging_totaal",
    "afstemming_recidive",
    "afstemming_recidive_art_18_lid_4",
    "afstemming_afwijken",
    "afstemming_brief_afzien",
]
# Inputs the letter names when they change the standard route: retroactive (7:16 lid 2), another grondslag (7:17 lid 2).
INVOER = ["afstemming_terugwerkende_kracht", "afstemming_grondslag_keuze"]


@dataclass(frozen=True)
class Element:
    onderdeel: str  # a, b, c, d of art. 7:13 ("" for a besluit without verlaging)
    naam: str
    tekst: str  # plain Dutch, Dutch formats
    bron: str
    soort: str  # wet | verordening | discretie


def _procent(fractie: float) -> str:
    return f"{round(fractie * 100, 2):g} %".replace(".", ",")


def _label(tbs, variabele: str, naam: str) -> str:
    """The label of an Enum value (never the internal code)."""
    return tbs.variables[variabele].possible_values[naam].value


def _maanden(n: int) -> str:
    return "één maand" if n == 1 else f"{n} maanden"


def elementen(situatie: dict, maand: str, huishouden: str | None = None, gemeente: str = DEFAULT_GEMEENTE) -> list[Element]:
    """The elements of art. 7:13 for the verlaging of `huishouden` (default: the first) computed for `maand`."""
    tbs = systeem(gemeente)
    uitkomst = bereken(situatie, maand, gemeente, VARIABELEN + INVOER)
    sleutel = huishouden or next(iter(situatie["huishoudens"]))
    w = uitkomst["resultaten"]["huishoudens"][sleutel]
    bron = {naam: REGELS[naam] for naam in VARIABELEN if naam in REGELS}

    if not w["afstemming_wordt_opgelegd"]:
        reden = _label(tbs, "afstemming_reden_geen_verlaging", w["afstemming_reden_geen_verlaging"])
        uit = [Element("", "Geen verlaging", reden + ".", bron["afstemming_reden_geen_verlaging"].bron, "verordening")]
        if w["afstemming_brief_afzien"]:
            r = bron["afstemming_brief_afzien"]
            uit.append(Element("", "Brief", "De belanghebbende krijgt hiervan schriftelijk bericht.", r.bron, r.soort.value))
        return uit

    gedraging = _label(tbs, "afstemming_geldende_gedraging", w["afstemming_geldende_gedraging"])
    duur = int(w["afstemming_duur_maanden"])
    verrekening = int(w["afstemming_verrekening_maanden"])
    duur_tekst = f"{_maanden(duur)}, vanaf {formaat.datum(w['afstemming_ingangsdatum'])}"
    if w["afstemming_terugwerkende_kracht"]:
        # Art. 7:16 lid 2: over the period in which the gedraging took place, instead of the month after the letter.
        duur_tekst += "; met terugwerkende kracht, vanaf de maand waarin het gebeurde (artikel 7:16, tweede lid)"
    if w["afstemming_recidive"]:
        duur_tekst += "; de duur is verdubbeld omdat het opnieuw gebeurde binnen 24 maanden na het vorige besluit"
    if w["afstemming_recidive_art_18_lid_4"]:
        duur_tekst += "; opnieuw binnen twaalf maanden na het vorige besluit: 100 % gedurende twee maanden"
    if verrekening > duur:
        duur_tekst += f"; het bedrag wordt verdeeld over {_maanden(verrekening)}"
    grondslag = {  # art. 7:17 lid 3 and 4: "bijstandsnorm" is then read as ...
        "norm_met_artikel_12": " (uw bijstandsnorm met uw bijzondere bijstand, artikel 7:17, tweede lid, onder a)",
        "bijzondere_bijstand": " (de bijzondere bijstand die u krijgt, artikel 7:17, tweede lid, onder b)",
    }.get(w["afstemming_grondslag_keuze"], "")
    bedrag_tekst = (
        f"{_procent(w['afstemming_percentage'])} van {formaat.bedrag(w['afstemming_berekeningsgrondslag'])} per maand"
        f"{grondslag}; in totaal {formaat.bedrag(w['afstemming_verlaging_totaal'])}"
    )
    uit = [
        Element("a", "Reden van de verlaging", gedraging + ".", bron["afstemming_standaardpercentage"].bron, "verordening"),
        Element("b", "Duur van de verlaging", duur_tekst + ".", bron["afstemming_duur_maanden"].bron, "verordening"),
        Element("c", "Bedrag en percentage", bedrag_tekst + ".", bron["afstemming_verlaging_totaal"].bron, "verordening"),
    ]
    if w["afstemming_afwijken"]:
        uit.append(Element(
            "d", "Reden om af te wijken van de standaardverlaging",
            f"De standaardverlaging is {_procent(w['afstemming_standaardpercentage'])}; de consulent wijkt daarvan af. "
            "De reden staat in het besluit.",
            "Participatiewet, artikel 18, tweede lid, en Verordening Sociaal Domein Lansingerland 2018, artikel 7:13, onder d",
            "discretie",
        ))
    return uit
