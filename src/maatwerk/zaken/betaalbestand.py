"""`maatwerk betaalbestand MAAND [--json]`: the running algemene bijstand of a month, each amount computed by the
Regelkern with its uitleg, and the totals (issue 11 point 1: "a monthly payment file with totals").

Running = a bekendgemaakt besluit that grants algemene bijstand (toekenning, gedeeltelijke toekenning or herziening)
whose period (ingangsdatum tot en met einddatum) touches the month and that no bekendgemaakt later besluit replaces
from that month on. The amount is computed for the month itself (art. 19 Pw: per kalendermaand, with the income
of that month), from the besluit's ingangsdatum (art. 44) to its einddatum, with the findings of the zaak: the same
path as a berekening on the zaak (`beoordeling`), but nothing is stored. Read-only.

Exit status: 0 done (also when nothing runs), 2 bad input or no database, with a Dutch message on stderr.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.db.models import Q

from maatwerk.formaat import bedrag, datum

REGELING = "algemene_bijstand"
UITKOMST = "algemene_bijstand_uit_te_betalen"
FOUT = 2


def _maand(tekst: str) -> dt.date:
    from maatwerk.personen.validators import parse_maand

    return parse_maand(tekst, "MAAND")


def lopende_besluiten(eerste: dt.date):
    """The besluiten that grant algemene bijstand over (part of) the month starting on `eerste`."""
    from maatwerk.besluiten.models import MET_VERSTREKKING, Besluit, Status

    laatste = (eerste.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    # A later bekendgemaakt besluit (herziening, intrekking) that applies from this month on replaces the earlier one.
    # (Without vervangt set the NULLs would make "NOT IN" exclude everything.)
    vervangen = Besluit.objects.filter(status=Status.BEKENDGEMAAKT, vervangt__isnull=False).filter(
        Q(ingangsdatum__isnull=True) | Q(ingangsdatum__lte=eerste)
    ).values("vervangt_id")
    return (
        Besluit.objects.filter(zaak__regeling=REGELING, status=Status.BEKENDGEMAAKT, soort__in=MET_VERSTREKKING)
        .filter(Q(ingangsdatum__isnull=True) | Q(ingangsdatum__lte=laatste))
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=eerste))
        .exclude(pk__in=vervangen)
        .select_related("zaak", "zaak__hoofdpersoon", "zaak__huishouden")
        .order_by("pk")
    )


def betaalregel(besluit, maand: str) -> dict:
    """One line: who, which besluit, the amount of the month and its uitleg (from the Regelkern)."""
    from maatwerk.personen.situatie import bouw_situatie
    from maatwerk.regels.berekening import bereken
    from maatwerk.zaken.beoordeling import _voeg_invoer_toe

    zaak = besluit.zaak
    situatie = bouw_situatie(zaak.huishouden, _maand(maand))
    waarschuwingen = list(situatie.waarschuwingen)
    huishouden = {}
    # Art. 44 Pw: the right starts on the besluit's ingangsdatum (not before the melding, decided in the besluit).
    if besluit.ingangsdatum:
        huishouden["datum_melding_bijstand"] = {"ETERNITY": besluit.ingangsdatum.isoformat()}
    if besluit.einddatum:
        huishouden["datum_einde_bijstand"] = {"ETERNITY": besluit.einddatum.isoformat()}
    _voeg_invoer_toe(situatie, zaak, maand, {"huishouden": huishouden}, waarschuwingen)
    uitkomst = bereken(situatie.json, maand, settings.MAATWERK_GEMEENTE, [UITKOMST], uitleg=True)
    sleutel = situatie.huishouden_sleutel
    waarde = uitkomst["resultaten"]["huishoudens"][sleutel][UITKOMST]
    return {
        "besluit": besluit.kenmerk,
        "zaak": zaak.pk,
        "naam": zaak.hoofdpersoon.naam,
        "bedrag": str(Decimal(str(waarde)).quantize(Decimal("0.01"))),
        "uitleg": [o["zin"] for o in uitkomst["uitleg"]["huishoudens"][sleutel][UITKOMST]],
        "waarschuwingen": waarschuwingen,
    }


def betaalbestand(maand: str) -> dict:
    eerste = _maand(maand)
    regels = [betaalregel(b, maand) for b in lopende_besluiten(eerste)]
    totaal = sum((Decimal(r["bedrag"]) for r in regels), Decimal("0.00"))
    return {"maand": maand, "regels": regels, "aantal": len(regels), "totaal": str(totaal)}


def tekst(bestand: dict) -> str:
    eerste = dt.date.fromisoformat(f"{bestand['maand']}-01")
    maandnaam = datum(eerste).split(" ", 1)[1]
    r = [f"Betaalbestand algemene bijstand {maandnaam}"]
    for regel in bestand["regels"]:
        r.append(f"  besluit {regel['besluit']}  zaak {regel['zaak']}  {regel['naam']}: {bedrag(regel['bedrag'])}")
        for zin in regel["uitleg"][:1]:
            r.append(f"      {zin}")
        for w in regel["waarschuwingen"]:
            r.append(f"      let op: {w}")
    r.append(f"Aantal lopende uitkeringen: {bestand['aantal']}")
    r.append(f"Totaal: {bedrag(bestand['totaal'])}")
    return "\n".join(r)


def main(maand: str, *, als_json: bool = False) -> int:
    from maatwerk.regels.invoer import InvoerFout

    try:
        bestand = betaalbestand(maand)
    except ValidationError as fout:
        berichten = fout.message_dict if hasattr(fout, "error_dict") else {"MAAND": fout.messages}
        veld, tekst_fout = next(iter(berichten.items()))
        print(f"Fout: {veld}: {' '.join(tekst_fout)}", file=sys.stderr)
        return FOUT
    except InvoerFout as fout:
        print(f"Fout: {fout.veld}: {fout.bericht}", file=sys.stderr)
        return FOUT
    except DatabaseError:
        print("Fout: de database is niet bereikbaar of niet bijgewerkt (voer eerst de migraties uit).", file=sys.stderr)
        return FOUT
    if als_json:
        print(json.dumps(bestand, ensure_ascii=False, indent=2))
    else:
        print(tekst(bestand))
    return 0
