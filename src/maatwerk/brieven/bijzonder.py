"""A simple detector for special categories of personal data in letter text (AVG artikel 9 en 10).

A letter goes to the resident's address and is often read by others at home. The AVG forbids processing
"bijzondere categorieën van persoonsgegevens" (art. 9 lid 1: health, religion or belief, racial or ethnic
origin, political opinions, trade union membership, sexual life or orientation, genetic and biometric data)
and criminal data (art. 10) without a ground; a letter only needs them when they carry the decision. So a
letter that names one is held back until the consulent records why it must stay (a choice with a reason).

"Beperkingen" is deliberately not on the list: it is the Wmo's own legal term (art. 1.1.1, 2.3.5) and names no
condition. THIS IS A HEURISTIC: a short Dutch word list, matched on word stems. It finds the obvious cases
("hersenbeschadiging", "depressie", "moskee", "strafblad"); it misses paraphrases and can flag an
innocent word. It helps the consulent look; it does not replace the consulent's own check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# category -> stems. A stem matches at the start of a word or inside a compound ("hersen" in
# "hersenbeschadiging"); stems are long enough not to hit everyday words in letters.
WOORDEN: dict[str, tuple[str, ...]] = {
    "gezondheid": (
        "hersenbeschadig", "hersenletsel", "nah ", "depressi", "psychi", "psychose",
        "psycholo", "autis", "adhd", "dementie", "alzheimer", "kanker", "tumor", "chemo", "diabet", "hiv", "aids",
        "verslav", "verslaafd", "alcoholis", "drugsgebruik", "drankgebruik", "burn-out", "burnout", "schizofren",
        "bipolair", "borderline", "angststoornis", "trauma", "ptss", "epilep", "handicap", "gehandicapt",
        "ziekte", "ziek ", "diagnose", "medicijn", "medicatie", "ziekenhuis", "therapie",
        "ggz", "huisarts", "revalid", "zwanger", "miskraam", "suïcid", "suicid",
        "zelfmoord", "rugklacht", "hartklacht", "invalid", "rolstoel", "blind", "doof",
        "verstandelijk", "medisch",
    ),
    "religie of levensovertuiging": (
        "moskee", "kerk ", "synagoge", "islam", "moslim", "christe", "katholie", "protestant", "joods", "jood ",
        "hindoe", "boeddhis", "religi", "geloof", "ramadan", "halal", "koosjer",
    ),
    "afkomst": ("etnisch", "afkomst", "allochto", "autochto", "huidskleur", "ras ", "nationaliteit", "vluchteling",
                "asielzoeker", "verblijfsstatus", "verblijfsprocedure"),
    "politieke opvatting of vakbond": ("vakbond",),
    "seksuele leven of geaardheid": ("homoseks", "lesbisch", "biseksu", "transgender", "seksu", "geaardheid"),
    "strafrechtelijke gegevens": ("strafblad", "veroordeel", "gevangenis", "detentie", "reclassering", "strafbaar",
                                  "politie", "justiti", "delict", "misdrijf", "taakstraf", "celstraf", "verdacht"),
}


@dataclass(frozen=True)
class Vondst:
    woord: str       # the word in the text, as written
    categorie: str   # the AVG category, in words
    zin: str         # the sentence it is in (to show where)

    def __str__(self) -> str:
        return f"'{self.woord}' ({self.categorie}) in de zin \"{self.zin}\""


_WOORD = re.compile(r"[\wÀ-ÿ-]+", re.UNICODE)


def zoek(tekst: str) -> list[Vondst]:
    """Every word of `tekst` that matches a stem, once per word, in text order."""
    vondsten: list[Vondst] = []
    gezien: set[str] = set()
    zinnen = re.split(r"(?<=[.!?])\s+|\n", tekst or "")
    for zin in zinnen:
        for m in _WOORD.finditer(zin):
            woord = m.group(0)
            laag = woord.lower() + " "  # the trailing space lets stems like "ziek " match only whole words
            if laag in gezien:
                continue
            for categorie, stammen in WOORDEN.items():
                if any(_past(laag, stam) for stam in stammen):
                    gezien.add(laag)
                    vondsten.append(Vondst(woord, categorie, " ".join(zin.split())))
                    break
    return vondsten


def _past(woord: str, stam: str) -> bool:
    if stam.endswith(" "):  # a whole word only
        return woord == stam
    return stam in woord
