"""The catalogue of legal grounds (wettelijke grondslagen) on which data of one domain may be opened to another
recipient. Issue 7: a ground is chosen from real articles, not typed as free text; each names the law and
article, the domain of the data and the recipient it covers, and a maximum duration. Only grounds whose text
was checked are listed (source per entry); a ground that is not here cannot be recorded.

Never in this catalogue: a ground that opens Jeugd data to handhaving. Jeugdhulp data are largely health data,
a special category (AVG art. 9), and no article below allows their use for enforcement; a test guards this.
"""

from __future__ import annotations

from dataclasses import dataclass

from maatwerk.toegang.rollen import HANDHAVING
from maatwerk.zaken.regelingen import INKOMEN, JEUGD, WMO


@dataclass(frozen=True)
class Catalogusgrond:
    code: str
    wet: str
    artikel: str
    omschrijving: str
    domein: str  # whose data: the domain that holds them
    ontvanger: str  # who may see them on this ground
    max_dagen: int  # the longest a recorded ground may run
    bron: str  # where the article's text was checked

    @property
    def label(self) -> str:
        return f"{self.wet}, {self.artikel}"


CATALOGUS: dict[str, Catalogusgrond] = {g.code: g for g in [
    Catalogusgrond(
        code="pw_53a",
        wet="Participatiewet", artikel="artikel 53a",
        omschrijving="Verstrekking en onderzoek gegevens: het college onderzoekt of de voor de bijstand verstrekte "
                     "gegevens juist en volledig zijn (onderzoek naar de rechtmatigheid).",
        domein=INKOMEN, ontvanger=HANDHAVING,
        # An investigation, not a standing permission: half a year, renewed by a new ground if it runs longer.
        max_dagen=183,
        bron="https://wetten.overheid.nl/BWBR0015703 (artikel 53a; tekst nagelezen via wetten.legaltools.nl/participatiewet/artikel-53a)",
    ),
    Catalogusgrond(
        code="wmo2015_5_2_1",
        wet="Wet maatschappelijke ondersteuning 2015", artikel="artikel 5.2.1, eerste lid, met artikel 2.3.2",
        omschrijving="Het college verwerkt de persoonsgegevens van de cliënt die noodzakelijk zijn voor de "
                     "beoordeling van zijn behoefte aan ondersteuning, verkregen in het kader van het onderzoek "
                     "(artikel 2.3.2): alleen de inkomensgegevens die dat onderzoek nodig heeft.",
        domein=INKOMEN, ontvanger=WMO,
        # The onderzoek takes six weeks (art. 2.3.2 lid 1), the aanvraag that follows two more: three months.
        max_dagen=92,
        bron="https://wetten.overheid.nl/BWBR0035362 (artikel 5.2.1; tekst nagelezen via maxius.nl/wet-maatschappelijke-ondersteuning-2015/hoofdstuk5)",
    ),
]}

CATALOGUS_KEUZES = [(g.code, f"{g.label} — gegevens {g.domein} voor {g.ontvanger}") for g in CATALOGUS.values()]

assert not any(g.domein == JEUGD and g.ontvanger == HANDHAVING for g in CATALOGUS.values()), \
    "Jeugd data (AVG art. 9) may never be opened to handhaving"
