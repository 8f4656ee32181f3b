"""`maatwerk betaalbestand MAAND [--json]`: the running algemene bijstand of a month, each amount computed by the
Regelkern with its uitleg, and the totals (issue 11 point 1: "a monthly payment file with totals").

Running = a bekendgemaakt besluit that grants algemene bijstand (toekenning, gedeeltelijke toekenning or herziening)
whose period (ingangsdatum tot en met einddatum) touches the month and that no bekendgemaakt later besluit replaces
from that month on. The amount is computed for the month itself (art. 19 Pw: per kalendermaand, with the income
of that month), from the besluit's ingangsdatum (art. 44) to its einddatum, with the findings of the zaak: the same
path as a berekening on the zaak (`beoordeling`), but nothing is stored, except the part of a verlaging the month's
benefit cannot bear: that is recorded on the verlaging (`besluiten.verlaging.voer_uit`), so nothing is silently lost.

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
    from maatwerk.besluiten import verlaging
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
    uitkering = Decimal(str(waarde)).quantize(Decimal("0.01"))
    # Issue 11: the verlagingen of bekendgemaakte besluiten tot verlaging in this month (art. 7:16, 7:22 of the
    # ordinance), each computed by the Regelkern with its besluit and rule. Never below nothing paid: what the
    # benefit cannot bear is recorded on the verlaging as niet uitgevoerd (the ordinance has no carry-forward).
    verlagingen = verlaging.voer_uit(maand, verlaging.in_maand(zaak, maand), uitkering)
    totaal_verlaging = sum((Decimal(v["ingehouden"]) for v in verlagingen), Decimal("0.00"))
    netto = uitkering - totaal_verlaging
    rest = sum((Decimal(v["niet_uitgevoerd"]) for v in verlagingen), Decimal("0.00"))
    if rest:
        besluiten = ", ".join(v["besluit"] for v in verlagingen if Decimal(v["niet_uitgevoerd"]))
        waarschuwingen.append(
            f"De verlaging ({bedrag(totaal_verlaging + rest)}) is hoger dan de uitkering van deze maand "
            f"({bedrag(uitkering)}); er wordt {bedrag(netto)} uitbetaald. Niet uitgevoerd: {bedrag(rest)} (besluit "
            f"{besluiten}); dat staat bij de verlaging op de zaak. {verlaging.GEEN_DOORSCHUIVEN}")
    return {
        "besluit": besluit.kenmerk,
        "zaak": zaak.pk,
        "naam": zaak.hoofdpersoon.naam,
        "uitkering": str(uitkering),
        "verlaging": str(totaal_verlaging),  # what is withheld this month
        "niet_uitgevoerd": str(rest),
        "verlagingen": verlagingen,
        "bedrag": str(netto),  # what is paid: the uitkering minus the verlaging of the month
        "uitleg": [o["zin"] for o in uitkomst["uitleg"]["huishoudens"][sleutel][UITKOMST]],
        "waarschuwingen": waarschuwingen,
    }


def betaalbestand(maand: str, gebruiker=None) -> dict:
    eerste = _maand(maand)
    regels = [betaalregel(b, maand) for b in lopende_besluiten(eerste)]

    def som(sleutel):
        return sum((Decimal(r[sleutel]) for r in regels), Decimal("0.00"))

    bestand = {"maand": maand, "regels": regels, "aantal": len(regels), "totaal_uitkering": str(som("uitkering")),
               "totaal_verlaging": str(som("verlaging")), "totaal": str(som("bedrag"))}
    _audit(bestand, gebruiker)
    return bestand


def _audit(bestand: dict, gebruiker) -> None:
    """Producing a payment file is recorded: who, which month, the totals (issue 11; one line, no amounts per person)."""
    import getpass

    from maatwerk.toegang import audit
    from maatwerk.toegang.beleid import Grond
    from maatwerk.toegang.models import Actie, SoortGrond

    wie = gebruiker.get_username() if gebruiker is not None else f"opdrachtregel ({getpass.getuser()})"
    regel = audit.nieuwe_regel(
        gebruiker, Actie.CREATE, Grond(True, SoortGrond.ROL, "Betaalbestand algemene bijstand (Participatiewet, artikel 19)"),
        onderwerp="betaalbestand",
        toelichting=(f"betaalbestand {bestand['maand']}: {bestand['aantal']} uitkeringen; uitkering "
                     f"{bedrag(bestand['totaal_uitkering'])}, verlaging {bedrag(bestand['totaal_verlaging'])}, "
                     f"uit te betalen {bedrag(bestand['totaal'])}"))
    regel.gebruikersnaam = wie[:150]
    regel.save()


def tekst(bestand: dict) -> str:
    eerste = dt.date.fromisoformat(f"{bestand['maand']}-01")
    maandnaam = datum(eerste).split(" ", 1)[1]
    r = [f"Betaalbestand algemene bijstand {maandnaam}"]
    for regel in bestand["regels"]:
        r.append(f"  besluit {regel['besluit']}  zaak {regel['zaak']}  {regel['naam']}: {bedrag(regel['bedrag'])}")
        for zin in regel["uitleg"][:1]:
            r.append(f"      {zin}")
        for v in regel["verlagingen"]:
            r.append(f"      uitkering {bedrag(regel['uitkering'])}, verlaging {bedrag(v['ingehouden'])} (besluit {v['besluit']}; "
                     f"{v['regel']}): uit te betalen {bedrag(regel['bedrag'])}")
        for w in regel["waarschuwingen"]:
            r.append(f"      let op: {w}")
    r.append(f"Aantal lopende uitkeringen: {bestand['aantal']}")
    if Decimal(bestand["totaal_verlaging"]):
        r.append(f"Totaal uitkering: {bedrag(bestand['totaal_uitkering'])}")
        r.append(f"Totaal verlaging: {bedrag(bestand['totaal_verlaging'])}")
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
