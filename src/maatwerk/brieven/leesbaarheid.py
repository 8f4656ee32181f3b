"""The readability measure of letters: ONE place for the measure, the thresholds and what is measured.

Measure: Flesch-Douma (W.H. Douma, 1960), the Dutch adaptation of Flesch Reading Ease:
    206.835 − 0.93 × (words per sentence) − 77 × (syllables per word)
computed with `textstat` (language "nl": Douma's constants, syllables via Pyphen's Dutch hyphenation).
A score of 60 or more is generally read as "makkelijk/redelijk makkelijk" — roughly taalniveau B1, the
level the Rijksoverheid and the Adviesraad (seed 000: "taalgebruik voor klanten begrijpelijk") ask for.
Second limit: average sentence length at most 15 words (long sentences are the main B1 obstacle that
the syllable term does not catch). Third limit (our choice): no single sentence longer than 25 words —
averages over a whole letter hide one impossible sentence, and a beheerder's edit usually touches one
paragraph; this catches it.

What is measured: the BODY of the letter only — the element marked `data-leesbaarheid="meten"`, minus
every element marked `data-leesbaarheid="niet-meten"` (address block, reference table, bijlage with the
article texts) and footnote markers (`<sup>`). Each block element (heading, paragraph, list item, table
cell) counts as its own sentence; one without closing punctuation gets a full stop, because a reader
takes it as a unit. Thousands separators in numbers (€ 1.234,56) are removed first, otherwise textstat
would see a sentence end in every amount and the score would look better than it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from textstat.textstat import textstatistics

TAAL = "nl"
MIN_FLESCH_DOUMA = 60.0
MAX_WOORDEN_PER_ZIN = 15.0
MAX_WOORDEN_LANGSTE_ZIN = 25

MEETATTRIBUUT = "data-leesbaarheid"
METEN, NIET_METEN = "meten", "niet-meten"

_BLOKKEN = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "caption", "blockquote",
            "div", "section", "article", "header", "footer", "ul", "ol", "dl", "table", "tr", "br", "main"}
_LEEG = {"br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "base", "source"}
_OVERSLAAN = {"sup", "script", "style", "head", "title"}

_ts = textstatistics()
_ts.set_lang(TAAL)


@dataclass(frozen=True)
class Leesbaarheid:
    flesch_douma: float
    woorden_per_zin: float
    woorden: int
    zinnen: int
    langste_zin: int = 0  # words
    langste_zin_tekst: str = ""

    @property
    def voldoet(self) -> bool:
        return (self.woorden > 0 and self.flesch_douma >= MIN_FLESCH_DOUMA and self.woorden_per_zin <= MAX_WOORDEN_PER_ZIN
                and self.langste_zin <= MAX_WOORDEN_LANGSTE_ZIN)

    def tekortkomingen(self) -> list[str]:
        fouten = []
        if self.woorden == 0:
            fouten.append(f"de brief heeft geen gemeten tekst (element met {MEETATTRIBUUT}=\"{METEN}\" ontbreekt of is leeg)")
            return fouten
        if self.flesch_douma < MIN_FLESCH_DOUMA:
            fouten.append(f"Flesch-Douma is {self.flesch_douma:.1f}; voor taalniveau B1 is dat minstens {MIN_FLESCH_DOUMA:.0f}")
        if self.woorden_per_zin > MAX_WOORDEN_PER_ZIN:
            fouten.append(f"een zin telt gemiddeld {self.woorden_per_zin:.1f} woorden; dat mag hoogstens {MAX_WOORDEN_PER_ZIN:.0f} zijn")
        if self.langste_zin > MAX_WOORDEN_LANGSTE_ZIN:
            fouten.append(f"de langste zin telt {self.langste_zin} woorden (hoogstens {MAX_WOORDEN_LANGSTE_ZIN}): "
                          f"\"{self.langste_zin_tekst[:80]}…\"")
        if fouten:
            fouten[0] = "de brief haalt taalniveau B1 niet: " + fouten[0]
        return fouten

    def __str__(self) -> str:
        return (f"Flesch-Douma {self.flesch_douma:.1f}, {self.woorden_per_zin:.1f} woorden per zin, langste zin "
                f"{self.langste_zin} woorden ({self.woorden} woorden, {self.zinnen} zinnen)")


class _Kern(HTMLParser):
    """Collects the text blocks inside the measured element, skipping the excluded ones."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stapel: list[tuple[str, bool, bool]] = []  # (tag, starts measuring, starts skipping)
        self.meet_diepte = 0
        self.sla_diepte = 0
        self.blokken: list[str] = []
        self.huidig: list[str] = []

    def _breek(self) -> None:
        tekst = " ".join("".join(self.huidig).split())
        if tekst:
            self.blokken.append(tekst)
        self.huidig = []

    def handle_starttag(self, tag, attrs):
        waarde = dict(attrs).get(MEETATTRIBUUT)
        if tag in _BLOKKEN:
            self._breek()
        if tag in _LEEG:
            return
        meet = waarde == METEN
        sla = waarde == NIET_METEN or tag in _OVERSLAAN
        self.meet_diepte += meet
        self.sla_diepte += sla
        self.stapel.append((tag, meet, sla))

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOKKEN:
            self._breek()

    def handle_endtag(self, tag):
        if tag in _LEEG:
            return
        # Tolerate sloppy HTML: close up to the matching tag.
        while self.stapel:
            naam, meet, sla = self.stapel.pop()
            self.meet_diepte -= meet
            self.sla_diepte -= sla
            if naam == tag:
                break
        if tag in _BLOKKEN:
            self._breek()

    def handle_data(self, data):
        if self.meet_diepte > 0 and self.sla_diepte == 0:
            self.huidig.append(data)

    def close(self):
        super().close()
        self._breek()


def kerntekst(html: str) -> str:
    """The measured body text of a letter, one block per line, each ending in sentence punctuation."""
    parser = _Kern()
    parser.feed(html)
    parser.close()
    regels = []
    for blok in parser.blokken:
        blok = re.sub(r"(?<=\d)\.(?=\d)", "", blok)  # 1.234,56 -> 1234,56 (not a sentence end)
        if not re.search(r"[.!?:;]$", blok):
            blok += "."
        regels.append(blok)
    return "\n".join(regels)


def meet(tekst: str) -> Leesbaarheid:
    if not tekst.strip():
        return Leesbaarheid(0.0, 0.0, 0, 0)
    # Sentences as textstat splits them (its own regex), to find the longest one.
    zinnen = re.findall(r"\b[^.!?]+[.!?]*", tekst, re.UNICODE)
    langste = max(zinnen, key=lambda z: _ts.lexicon_count(z), default="")
    return Leesbaarheid(
        flesch_douma=round(float(_ts.flesch_reading_ease(tekst)), 1),
        woorden_per_zin=round(float(_ts.words_per_sentence(tekst)), 1),
        woorden=int(_ts.lexicon_count(tekst)),
        zinnen=int(_ts.sentence_count(tekst)),
        langste_zin=int(_ts.lexicon_count(langste)) if langste else 0,
        langste_zin_tekst=" ".join(langste.split()),
    )


def meet_brief(html: str) -> Leesbaarheid:
    return meet(kerntekst(html))


def _zinnen(tekst: str) -> list[str]:
    return [" ".join(z.split()) for z in re.findall(r"\b[^.!?]+[.!?]*", tekst, re.UNICODE) if z.strip()]


def moeilijkste_zin(tekst: str) -> str:
    """The sentence to fix first: the longest one when it is over the limit, otherwise the one with the lowest
    Flesch-Douma of the sentences of at least six words (short headings say little about difficulty)."""
    zinnen = _zinnen(tekst)
    if not zinnen:
        return ""
    langste = max(zinnen, key=_ts.lexicon_count)
    if _ts.lexicon_count(langste) > MAX_WOORDEN_LANGSTE_ZIN:
        return langste
    kandidaten = [z for z in zinnen if _ts.lexicon_count(z) >= 6] or zinnen
    return min(kandidaten, key=lambda z: (_ts.flesch_reading_ease(z), -_ts.lexicon_count(z)))


def melding_b1(html: str, meting: Leesbaarheid | None = None) -> str:
    """Empty when the letter is at B1; otherwise a Dutch message that names what fails and quotes the sentence
    to rewrite first."""
    meting = meting or meet_brief(html)
    if meting.voldoet:
        return ""
    zin = moeilijkste_zin(kerntekst(html))
    melding = "; ".join(meting.tekortkomingen()) + "."
    if zin:
        melding += f" Maak eerst deze zin eenvoudiger: \"{zin}\""
    return melding[0].upper() + melding[1:]
