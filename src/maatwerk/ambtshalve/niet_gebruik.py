"""The non-take-up list for outreach (issue 12 point 4): households that probably qualify for the individuele
inkomenstoeslag on a peildatum but did not apply, with the reason per household.

Which data, and why this use is allowed: only what the municipality already holds for its own income task: the
algemene bijstand besluiten (period, kenmerk), the income and vermogen recorded, the persons and households of those
zaken (dates of birth), the earlier inkomenstoeslag zaken and whether there was a bijzondere bijstand zaak. Legal ground: the college carries out the
Participatiewet and may use the data it holds for that task for the same task (Participatiewet art. 64 on the
processing of data for the implementation of the law; seed 002 §8.2 on granting from the benefit administration;
AVG art. 6 lid 1 onder e and art. 5 lid 1 onder b: a compatible purpose, the same scheme of the same law). No data
of Wmo or Jeugd zaken, no data from outside; the exact lid of art. 64 is not verified against the consolidated text.

Who: a household the municipality knows (voorwaarden.huishoudens_bekend), not known to fail a condition of art. 36 Pw, and without
an inkomenstoeslag zaak in the last twelve months (neither an aanvraag nor an ambtshalve one). Only the consulent
inkomen sees the list (an audit line per person shown); the beleidsmedewerker sees counts without personal data,
with cells under 5 hidden (as maatwerk.beleid.caseload).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from maatwerk.ambtshalve import toegang
from maatwerk.ambtshalve.voorwaarden import ONBEKEND, Kandidaat, kandidaten
from maatwerk.toegang import rechten

GRONDSLAG = ("Participatiewet, artikel 64 (gegevens voor de uitvoering van de wet); Werkwijzer Maatwerk in de "
             "bijzondere bijstand (Divosa 2014), paragraaf 8.2; AVG, artikel 5, eerste lid, onder b, en artikel 6, "
             "eerste lid, onder e")
GEBRUIKTE_GEGEVENS = ("besluiten algemene bijstand (periode en kenmerk), vastgelegd inkomen en vermogen, geboortedatum "
                      "en samenstelling van het huishouden, eerdere zaken individuele inkomenstoeslag, zaken bijzondere "
                      "bijstand (alleen of er een was)")
MINIMALE_CEL = 5  # counts below this are hidden in the summary: a small cell can point to a person


@dataclass
class Regel:
    kandidaat: Kandidaat
    reden: str


def _reden(k: Kandidaat) -> str:
    if k.zeker:
        return "Voldoet volgens onze eigen gegevens aan alle voorwaarden; geen aanvraag in de laatste twaalf maanden."
    onbekend = [v.naam for v in k.voorwaarden if v.waarde == ONBEKEND]
    return "Voldoet waarschijnlijk; nog niet bekend: " + "; ".join(onbekend) + "."


def lijst(peildatum: dt.date) -> list[Regel]:
    """The households that probably qualify and did not apply (no check of access: see `voor_consulent`)."""
    # Not known to fail a condition; the twelve-month condition is a "nee" for an open or recent toeslag zaak.
    return [Regel(k, _reden(k)) for k in kandidaten(peildatum) if not k.uitgesloten]


def voor_consulent(gebruiker, peildatum: dt.date) -> list[Regel]:
    toegang.vereis(gebruiker, toegang.VIEW, onderwerp="niet-gebruik inkomenstoeslag", toelichting=f"peildatum {peildatum}")
    regels = lijst(peildatum)
    toegang.log_inwoners(gebruiker, [r.kandidaat.hoofdpersoon for r in regels], onderwerp="niet-gebruik (benaderlijst)",
                         toelichting=f"peildatum {peildatum}; grondslag: {GRONDSLAG}")
    return regels


def telling(gebruiker, peildatum: dt.date) -> dict:
    """Counts only, no personal data: for the beleidsmedewerker (aggregates, rights-table action beleid_voorstellen)
    and the consulent inkomen."""
    handeling = rechten.BELEID_VOORSTELLEN if toegang.mag(gebruiker, rechten.BELEID_VOORSTELLEN) else rechten.AMBTSHALVE
    toegang.vereis(gebruiker, toegang.VIEW, onderwerp="niet-gebruik (telling)", handeling=handeling,
                   toelichting=f"peildatum {peildatum}")
    regels = lijst(peildatum)
    per_voorwaarde: dict[str, int] = {}
    for r in regels:
        for v in r.kandidaat.voorwaarden:
            if v.waarde == ONBEKEND:
                per_voorwaarde[v.naam] = per_voorwaarde.get(v.naam, 0) + 1

    def cel(n: int) -> int | None:
        return n if n == 0 or n >= MINIMALE_CEL else None

    return {
        "peildatum": peildatum,
        "totaal": cel(len(regels)),
        "zeker": cel(sum(1 for r in regels if r.kandidaat.zeker)),
        "onbekend_per_voorwaarde": {naam: cel(n) for naam, n in sorted(per_voorwaarde.items())},
        "minimale_cel": MINIMALE_CEL,
    }
