"""The municipal parameters a beleidsmedewerker may propose to change, with their limits.

Only parameters of the municipality's overlay (`regels/parameters/gemeenten/`) that the council sets itself
are offered: the draagkracht of the bijzondere bijstand (Participatiewet art. 35 lid 1, the college decides
how income and vermogen count; Divosa werkwijzer §1.5) and the individuele inkomenstoeslag (art. 36 Pw and
art. 8 lid 1 onder b Pw: the ordinance sets the income limit and the amounts, Verordening Sociaal Domein
Lansingerland 2018 art. 7:3 and 7:4). National law (`wet/`) is not municipal policy and is never offered.

A percentage is entered as a person reads it (120 = 120 %) and stored as the fraction the rules use (1.20).
The bounds are sanity limits of this software, not law: a draagkracht income limit below 100 % of the norm
would take money from the norm itself (art. 35 lid 1 counts only income "voorzover dit meer bedraagt dan de
bijstandsnorm"), and the art. 36 income limit may not go above what "langdurig laag inkomen" can mean.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from maatwerk.zaken.regelingen import INKOMEN

PERCENTAGE = "percentage"
BEDRAG = "bedrag"


@dataclass(frozen=True)
class Beleidsparameter:
    pad: str  # below the municipality's node `gemeente.` of the Regelkern
    label: str
    soort: str  # PERCENTAGE or BEDRAG
    minimum: Decimal  # as entered (percent or euro)
    maximum: Decimal
    bron: str  # the power to set it
    domein: str = INKOMEN

    def naar_regels(self, invoer: Decimal) -> float:
        """The value as the rules read it (120 % -> 1.2)."""
        return float(invoer / 100) if self.soort == PERCENTAGE else float(invoer)

    def tekst(self, invoer) -> str:
        """A value as entered, as a person reads it: "120 %" or "€ 382,00"."""
        from maatwerk import formaat

        if self.soort == PERCENTAGE:
            return f"{format(Decimal(str(invoer)).normalize(), 'f').replace('.', ',')} %"
        return formaat.bedrag(Decimal(str(invoer)))

    def als_invoer(self, waarde: float) -> Decimal:
        """The rules' value as a person enters it (1.2 -> 120)."""
        d = Decimal(str(waarde))
        return (d * 100).normalize() if self.soort == PERCENTAGE else d


PARAMETERS: dict[str, Beleidsparameter] = {p.pad: p for p in (
    Beleidsparameter(
        "bijzondere_bijstand.draagkracht.inkomensgrens_percentage",
        "Bijzondere bijstand: inkomensgrens voor draagkracht (% van de bijstandsnorm)", PERCENTAGE,
        Decimal(100), Decimal(200),
        "Participatiewet art. 35 lid 1; Divosa werkwijzer Maatwerk in de bijzondere bijstand (2014), §1.5"),
    Beleidsparameter(
        "bijzondere_bijstand.draagkracht.percentage_inkomen_boven_grens",
        "Bijzondere bijstand: deel van het inkomen boven de grens dat als draagkracht telt (%)", PERCENTAGE,
        Decimal(0), Decimal(100),
        "Participatiewet art. 35 lid 1; Divosa werkwijzer Maatwerk in de bijzondere bijstand (2014), §1.5"),
    Beleidsparameter(
        "bijzondere_bijstand.draagkracht.percentage_vermogen_boven_grens",
        "Bijzondere bijstand: deel van het vermogen boven de grens dat als draagkracht telt (%)", PERCENTAGE,
        Decimal(0), Decimal(100),
        "Participatiewet art. 35 lid 1 en art. 34 lid 3; Divosa werkwijzer (2014), §1.5"),
    Beleidsparameter(
        "individuele_inkomenstoeslag.inkomensgrens",
        "Individuele inkomenstoeslag: inkomensgrens (% van de bijstandsnorm)", PERCENTAGE,
        Decimal(100), Decimal(130),
        "Participatiewet art. 36 en art. 8 lid 1 onder b; Verordening Sociaal Domein Lansingerland 2018 art. 7:3"),
    Beleidsparameter(
        "individuele_inkomenstoeslag.bedrag.alleenstaande",
        "Individuele inkomenstoeslag: bedrag alleenstaande (per jaar, basisjaar)", BEDRAG,
        Decimal(0), Decimal(5000), "Verordening Sociaal Domein Lansingerland 2018 art. 7:4 lid 1 onder a"),
    Beleidsparameter(
        "individuele_inkomenstoeslag.bedrag.alleenstaande_ouder",
        "Individuele inkomenstoeslag: bedrag alleenstaande ouder (per jaar, basisjaar)", BEDRAG,
        Decimal(0), Decimal(5000), "Verordening Sociaal Domein Lansingerland 2018 art. 7:4 lid 1 onder b"),
    Beleidsparameter(
        "individuele_inkomenstoeslag.bedrag.gehuwden",
        "Individuele inkomenstoeslag: bedrag gehuwden (per jaar, basisjaar)", BEDRAG,
        Decimal(0), Decimal(5000), "Verordening Sociaal Domein Lansingerland 2018 art. 7:4 lid 1 onder c"),
)}

KEUZES = [(p.pad, p.label) for p in PARAMETERS.values()]
