"""What a besluit must contain before it can be vastgesteld, per regeling, soort and vorm.

Wmo (Verordening Sociaal Domein 2018, artikel 4:6, seed 001 lines 9305–9334):
  lid 1 — natura or pgb, and how to object;
  lid 2 (natura) — a. which voorziening and the intended result; b. start date, extent and duration;
                   c. whether a contribution to the costs is due;
  lid 3 (pgb)    — a. the result the pgb may be spent on; b. quality requirements; c. the amount and how it
                   was arrived at; d. start date, extent and duration; e. how spending is accounted for;
                   f. whether a contribution is due.
Jeugd (artikel 5:5, seed 001 lines 9985–10015):
  lid 1 — natura or pgb, and how to object;
  lid 2 (natura) — a. voorziening and intended result; b. start date, extent, duration; c. which contracted
                   or subsidised provider; d. "indien van toepassing" other relevant provisions (optional);
  lid 3 (pgb)    — a. result; b. quality requirements; c. amount and how it was calculated; d. duration;
                   e. accounting; f. that the jeugdige or parents report changed facts and circumstances.
"How to object" (lid 1) is not a field: every letter states it with the actual end date of the term
(Awb 3:45); `brief.py` refuses a letter whose text lacks that date.

Every element names its source; the message for a missing element is Dutch and names it.
"""

from __future__ import annotations

from dataclasses import dataclass

from maatwerk.besluiten.models import AFSTEMMING, MET_VERSTREKKING, WIJZIGT_EERDER, Besluit, Financiering, Soort, Status, Vorm
from maatwerk.zaken.regelingen import INKOMEN, JEUGD, WMO

VO = "Verordening Sociaal Domein 2018"
AWB = "Algemene wet bestuursrecht"
DIVOSA = "Divosa-werkwijzer Maatwerk in de bijzondere bijstand (2014)"


@dataclass(frozen=True)
class Element:
    veld: str  # field name on Besluit ("overwegingen" for the considerations)
    naam: str  # Dutch, as a consulent reads it
    bron: str

    def __str__(self) -> str:
        return f"{self.naam} ({self.bron})"


def _gevuld(waarde) -> bool:
    if waarde is None:
        return False
    if isinstance(waarde, str):
        return bool(waarde.strip())
    return True


def _duur_gevuld(b: Besluit) -> bool:
    return b.einddatum is not None or _gevuld(b.duur)


def vereiste_elementen(b: Besluit) -> list[Element]:
    """The elements this besluit needs, given its regeling, soort and vorm."""
    domein = b.zaak.domein
    eisen: list[Element] = [
        Element("overwegingen", "de motivering: ten minste één overweging met haar bron",
                f"{AWB}, artikel 3:46 en 3:47, eerste lid"),
    ]
    if b.soort in WIJZIGT_EERDER:
        eisen += [
            Element("vervangt", "het eerdere besluit dat wordt gewijzigd of ingetrokken", f"{AWB}, artikel 3:46"),
            Element("reden_wijziging", "de reden van de herziening of intrekking", _grond_wijziging(domein)),
            Element("ingangsdatum", "de datum waarop de wijziging ingaat", _grond_wijziging(domein)),
        ]
    if b.soort == Soort.BUITEN_BEHANDELING:
        eisen += [
            Element("ontbrekende_gegevens", "welke gegevens ontbraken", f"{AWB}, artikel 4:5, eerste lid"),
            Element("hersteltermijn_tot", "tot wanneer de aanvrager de aanvraag kon aanvullen",
                    f"{AWB}, artikel 4:5, eerste lid (\"mits de aanvrager de gelegenheid heeft gehad\")"),
        ]
    if b.soort == Soort.GEDEELTELIJKE_TOEKENNING:
        eisen.append(Element("toelichting_beslissing", "wat niet wordt toegekend en waarom", f"{AWB}, artikel 3:46"))
    if b.soort in (Soort.TOEKENNING, Soort.GEDEELTELIJKE_TOEKENNING, Soort.AFWIJZING, Soort.BUITEN_BEHANDELING):
        eisen.append(Element("aanvraag", "wat de inwoner heeft gevraagd", f"{AWB}, artikel 4:2 en 3:46"))
    if b.soort in AFSTEMMING:
        # Verordening Sociaal Domein 2018, artikel 7:13 (and 7:15, derde lid, for afzien): the elements of the letter.
        eisen.append(Element("aanvraag", "waarom de inwoner deze brief krijgt", f"{AWB}, artikel 3:46"))
        eisen.append(Element("toelichting_beslissing", "de reden (artikel 7:13, onder a; bij afzien: de dringende redenen)",
                             f"{VO}, artikel 7:13, onder a, en artikel 7:15, derde lid"))
        if b.soort == Soort.VERLAGING:
            eisen += [
                Element("duur", "de duur van de verlaging", f"{VO}, artikel 7:13, onder b"),
                Element("bedrag", "het bedrag van de verlaging", f"{VO}, artikel 7:13, onder c"),
                Element("ingangsdatum", "de ingangsdatum van de verlaging", f"{VO}, artikel 7:16"),
            ]
    if b.soort not in MET_VERSTREKKING:
        return eisen

    if domein in (WMO, JEUGD):
        eisen += _maatwerk_elementen(b, domein)
    else:
        eisen += _inkomen_elementen(b)
    eisen.append(Element("vervolg", "wat er nu gebeurt (start of betaling)", f"{AWB}, artikel 3:46"))
    return eisen


def _maatwerk_elementen(b: Besluit, domein: str) -> list[Element]:
    art = "artikel 4:6" if domein == WMO else "artikel 5:5"
    lid1 = Element("vorm", "of de voorziening in natura of als persoonsgebonden budget wordt verstrekt", f"{VO}, {art}, eerste lid")
    if b.vorm not in (Vorm.NATURA, Vorm.PGB):
        return [lid1]
    eisen = [lid1]
    if b.vorm == Vorm.NATURA:
        lid = f"{VO}, {art}, tweede lid"
        eisen += [
            Element("voorziening", "welke voorziening wordt verstrekt", f"{lid}, onder a"),
            Element("beoogd_resultaat", "het beoogde resultaat", f"{lid}, onder a"),
            Element("ingangsdatum", "de ingangsdatum", f"{lid}, onder b"),
            Element("omvang", "de omvang", f"{lid}, onder b"),
            Element("duur", "de duur (einddatum of duur in woorden)", f"{lid}, onder b"),
        ]
        if domein == WMO:
            eisen.append(Element("bijdrage_verschuldigd", "of een bijdrage in de kosten verschuldigd is", f"{lid}, onder c"))
        else:
            eisen.append(Element("aanbieder", "welke gecontracteerde of gesubsidieerde aanbieder de jeugdhulp levert", f"{lid}, onder c"))
        return eisen
    lid = f"{VO}, {art}, derde lid"
    eisen += [
        Element("voorziening", "voor welke voorziening het pgb is", f"{lid}, onder a"),
        Element("beoogd_resultaat", "aan welk resultaat het pgb kan worden besteed", f"{lid}, onder a"),
        Element("kwaliteitseisen", "welke kwaliteitseisen gelden voor de besteding", f"{lid}, onder b"),
        Element("pgb_bedrag", "de hoogte van het pgb", f"{lid}, onder c"),
        Element("pgb_berekening", "hoe de hoogte van het pgb tot stand is gekomen", f"{lid}, onder c"),
        Element("duur", "de duur van de verstrekking (einddatum of duur in woorden)", f"{lid}, onder d"),
        Element("verantwoording", "hoe de besteding van het pgb wordt verantwoord", f"{lid}, onder e"),
    ]
    if domein == WMO:
        eisen += [
            Element("ingangsdatum", "de ingangsdatum", f"{lid}, onder d"),
            Element("omvang", "de omvang", f"{lid}, onder d"),
            Element("bijdrage_verschuldigd", "of een bijdrage in de kosten verschuldigd is", f"{lid}, onder f"),
        ]
    else:
        eisen += [
            # Lid 3 onder d names only the duration; a start date is needed to pay the budget at all.
            Element("ingangsdatum", "de ingangsdatum", f"{lid}, onder d, en {AWB}, artikel 3:46"),
            Element("meldplicht", "dat u wijzigingen in feiten en omstandigheden aan ons doorgeeft", f"{lid}, onder f"),
        ]
    return eisen


def _inkomen_elementen(b: Besluit) -> list[Element]:
    wet = {"bijzondere_bijstand": "Participatiewet, artikel 35, eerste lid",
           "individuele_inkomenstoeslag": "Participatiewet, artikel 36",
           "individuele_studietoeslag": "Participatiewet, artikel 36b",
           "algemene_bijstand": "Participatiewet, artikelen 19 en 31 tot en met 34"}.get(b.zaak.regeling, "Participatiewet")
    eisen = [
        Element("voorziening", "waarvoor de bijstand of toeslag is", wet),
        Element("bedrag", "het bedrag", wet),
        Element("bedrag_periode", "of het bedrag eenmalig is of per week, maand of jaar", wet),
        Element("ingangsdatum", "de ingangsdatum", wet),
        Element("vorm", "of de bijstand in geld of in natura wordt verstrekt", f"Participatiewet, artikel 48, eerste lid, en artikel 57 ({DIVOSA}, §1.3)"),
        Element("financiering", "of de bijstand om niet of als lening wordt verstrekt", f"Participatiewet, artikel 48, eerste lid ({DIVOSA}, §1.3 en §2.3)"),
    ]
    if b.vorm == Vorm.NATURA:
        # Divosa §1.3: outside art. 57 Pw natura is not allowed; the inwoner can always claim money.
        eisen.append(Element("reden_natura", "de gegronde reden om de bijstand in natura te geven", f"Participatiewet, artikel 57 ({DIVOSA}, §1.3)"))
    if b.financiering == Financiering.LENING:
        eisen.append(Element("lening_voorwaarden", "de voorwaarden van de lening (hoe wordt terugbetaald)", f"{DIVOSA}, §2.3"))
    return eisen


def _grond_wijziging(domein: str) -> str:
    return GRONDEN_WIJZIGING[domein]


GRONDEN_WIJZIGING = {
    WMO: "Wet maatschappelijke ondersteuning 2015, artikel 2.3.10",
    JEUGD: f"Jeugdwet, artikel 8.1.4; {VO}, artikel 5:7, tweede lid",
    INKOMEN: "Participatiewet, artikel 54, derde lid",
}


def ontbrekende_elementen(b: Besluit) -> list[Element]:
    ontbreekt = []
    for e in vereiste_elementen(b):
        if e.veld == "overwegingen":
            ok = b.pk is not None and b.overwegingen.exists()
        elif e.veld == "duur":
            ok = _duur_gevuld(b)
        elif e.veld == "vervangt":
            ok = b.vervangt is not None and b.vervangt.status == Status.BEKENDGEMAAKT
        else:
            ok = _gevuld(getattr(b, e.veld))
        if not ok:
            ontbreekt.append(e)
    return ontbreekt


def melding_ontbrekend(ontbreekt: list[Element]) -> str:
    return "Dit besluit kan nog niet worden vastgesteld. Het mist: " + "; ".join(str(e) for e in ontbreekt) + "."
