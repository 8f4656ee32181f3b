"""The legal grounds of a besluit, for the bijlage of the letter: the sources of its considerations first
(so footnote numbers stay small), then the grounds of the regeling, the soort and the vorm, then the
procedure (motivering, rechtsmiddel, cliëntondersteuning).

Verified texts (see docs/besluiten.md, "Bronnen"): Awb 3:45, 4:5, 6:4–6:9 (pgawb.nl, infomil.nl), Wmo 2015
art. 2.3.6 and Jeugdwet art. 8.1.1 (wetten.legaltools.nl), Verordening Sociaal Domein 2018 art. 2:2, 4:6,
5:5, 5:7 (seed 001), Participatiewet art. 48 lid 1 and 57 (Divosa-werkwijzer §1.3, seed 002).
Cited without having read the verbatim text: Wmo 2015 art. 2.3.5 and 2.3.10, Jeugdwet art. 8.1.4 (both
named by the verified articles 2.3.6 lid 5 and 8.1.1 lid 4), Participatiewet art. 54 lid 3.
"""

from __future__ import annotations

from maatwerk.besluiten.models import Besluit, Soort, Vorm, WIJZIGT_EERDER
from maatwerk.besluiten.inhoud import DIVOSA, GRONDEN_WIJZIGING
from maatwerk.zaken.regelingen import INKOMEN, JEUGD, WMO

VO = "Verordening Sociaal Domein 2018"
AWB = "Algemene wet bestuursrecht"
WMO_WET = "Wet maatschappelijke ondersteuning 2015"

# (bron, soort) per regeling: the power to decide and the ordinance's criteria.
REGELING = {
    "wmo_maatwerkvoorziening": [
        (f"{WMO_WET}, artikel 2.3.5", "wet"),
        (f"{VO}, artikel 4:3 (criteria) en artikel 4:6 (inhoud van de beschikking)", "verordening"),
    ],
    "jeugdhulp": [
        (f"{VO}, artikel 5:3 (beschikking) en artikel 5:5 (inhoud van de beschikking)", "verordening"),
    ],
    "bijzondere_bijstand": [("Participatiewet, artikel 35, eerste lid", "wet")],
    "individuele_inkomenstoeslag": [("Participatiewet, artikel 36", "wet"), (f"{VO}, artikelen 7:1 tot en met 7:5", "verordening")],
    "individuele_studietoeslag": [("Participatiewet, artikel 36b", "wet"), (f"{VO}, artikelen 7:6 tot en met 7:10", "verordening")],
    "algemene_bijstand": [("Participatiewet, artikelen 11, 19, 31 tot en met 34 en 44", "wet")],
}

PGB = {
    WMO: [(f"{WMO_WET}, artikel 2.3.6 (recht op een persoonsgebonden budget)", "wet"),
          (f"{VO}, artikelen 4:7 en 4:8 (regels en hoogte pgb)", "verordening")],
    JEUGD: [("Jeugdwet, artikel 8.1.1 (recht op een persoonsgebonden budget)", "wet"),
            (f"{VO}, artikel 5:6 (regels pgb)", "verordening")],
}

MOTIVERING = (f"{AWB}, artikelen 3:46 en 3:47 (een besluit is gemotiveerd en noemt de regels)", "wet")
BEZWAAR = (f"{AWB}, artikelen 3:45, 6:4, 6:5, 6:7 en 6:8 (bezwaar: waar, hoe en binnen welke termijn)", "wet")
BEROEP = (f"{AWB}, artikelen 3:45, 6:7, 6:8 en 7:11 (beslissing op bezwaar; beroep bij de rechtbank)", "wet")
CLIENTONDERSTEUNING = (f"{VO}, artikel 2:2, derde lid (kosteloze cliëntondersteuning)", "verordening")


def grondslagen(besluit: Besluit, overwegingen) -> list[dict]:
    """Ordered, de-duplicated list of {nummer, bron, soort} for the bijlage."""
    lijst: list[tuple[str, str]] = [(o.bron, o.soort) for o in overwegingen]
    domein = besluit.zaak.domein
    lijst += REGELING.get(besluit.zaak.regeling, [])
    if besluit.soort == Soort.BUITEN_BEHANDELING:
        lijst.append((f"{AWB}, artikel 4:5, eerste lid (aanvraag niet behandelen)", "wet"))
    if besluit.soort in WIJZIGT_EERDER:
        lijst.append((GRONDEN_WIJZIGING[domein], "wet"))
    if domein in (WMO, JEUGD) and besluit.vorm in (Vorm.NATURA, Vorm.PGB):
        # A natura letter also tells the inwoner he may ask for a pgb instead (2.3.6 Wmo 2015, 8.1.1 Jeugdwet).
        lijst += PGB[domein]
    if domein == INKOMEN and besluit.vorm:
        lijst.append((f"Participatiewet, artikel 48, eerste lid (om niet) en artikel 57 (in natura); {DIVOSA}, §1.3", "wet"))
    lijst += [MOTIVERING, BEROEP if is_op_bezwaar(besluit) else BEZWAAR, CLIENTONDERSTEUNING]
    uit: list[dict] = []
    gezien: dict[str, int] = {}
    for bron, soort in lijst:
        sleutel = " ".join(bron.split())
        if sleutel in gezien:
            continue
        gezien[sleutel] = len(uit) + 1
        uit.append({"nummer": len(uit) + 1, "bron": sleutel, "soort": soort})
    return uit


def is_op_bezwaar(besluit: Besluit) -> bool:
    """Taken on an objection (Awb 7:11); demo letters set `_op_bezwaar_demo` instead of a database link."""
    return besluit.op_bezwaar_id is not None or getattr(besluit, "_op_bezwaar_demo", False)


def nummer_van(bijlage: list[dict], bron: str) -> int:
    sleutel = " ".join(bron.split())
    return next(r["nummer"] for r in bijlage if r["bron"] == sleutel)


# The beslissing op bezwaar (ongegrond / niet-ontvankelijk). Awb 7:11, 7:12 lid 1, 7:2, 7:3, 6:6, 6:9, 6:11:
# infomil.nl "Awb Bezwaar", pgawb.nl and rechtspraakbestuursrecht.nl (see docs/termijnen.md). Awb 8:1 (beroep)
# and 8:41 (griffierecht) are cited from memory (docs/besluiten.md, "Sources").
HEROVERWEGING = (f"{AWB}, artikel 7:11 (heroverweging van het besluit)", "wet")
MOTIVERING_BOB = (f"{AWB}, artikel 7:12, eerste lid (de beslissing op bezwaar is gemotiveerd)", "wet")
HOREN = (f"{AWB}, artikel 7:2 (horen van de indiener)", "wet")
NIET_HOREN = (f"{AWB}, artikel 7:3 (afzien van horen)", "wet")
TE_LAAT = (f"{AWB}, artikelen 6:7, 6:9 en 6:11 (termijn, tijdig bezwaar en verschoonbare termijnoverschrijding)", "wet")
VERZUIM = (f"{AWB}, artikelen 6:5 en 6:6 (eisen aan het bezwaarschrift en herstel van een verzuim)", "wet")
BEROEP_NA_BEZWAAR = (f"{AWB}, artikelen 3:45, 6:7, 6:8, 7:1 en 8:1 (beroep bij de rechtbank binnen zes weken)", "wet")
GRIFFIERECHT = (f"{AWB}, artikel 8:41 (griffierecht)", "wet")


def grondslagen_bezwaar(*, te_laat: bool, verzuim: bool, gehoord: bool) -> list[dict]:
    """Numbered bijlage of the letter on a bezwaar decided ongegrond or niet-ontvankelijk."""
    lijst = [HEROVERWEGING, MOTIVERING_BOB]
    if te_laat:
        lijst.append(TE_LAAT)
    elif verzuim:
        lijst.append(VERZUIM)
    lijst += [HOREN if gehoord else NIET_HOREN, BEROEP_NA_BEZWAAR, GRIFFIERECHT, CLIENTONDERSTEUNING]
    return [{"nummer": i, "bron": bron, "soort": soort} for i, (bron, soort) in enumerate(lijst, start=1)]
