"""`maatwerk herbereken BESLUIT_ID [--json]`: recompute a vastgesteld besluit from its receipt with today's rules
and say, in Dutch, whether the outcome is the same. Read-only (see `ontvangstbewijs.herbereken`).

Exit status: 0 the same outcome, 1 a difference (rule set changed and the numbers with it, or the stored input
no longer computes), 2 bad input with a Dutch message on stderr (not a number, unknown besluit, no receipt,
a receipt whose SHA-256 no longer matches).
"""

from __future__ import annotations

import json
import sys

from django.db import DatabaseError

from maatwerk.formaat import bedrag

ZELFDE, VERSCHIL, FOUT = 0, 1, 2


def _fout(bericht: str) -> int:
    print(f"Fout: {bericht}", file=sys.stderr)
    return FOUT


def _labels(berekening: dict) -> tuple[dict, dict]:
    """Readable names: the variable's label, and 'huishouden' / 'persoon N' instead of internal ids."""
    from maatwerk.regels.systeem import OnbekendeGemeente, systeem

    try:
        variabelen = systeem(berekening.get("gemeente")).variables
    except OnbekendeGemeente:
        variabelen = {}
    situatie = berekening.get("situatie") or {}
    namen = {("personen", ident): f"persoon {n}" for n, ident in enumerate(situatie.get("personen") or {}, start=1)}
    namen.update({("huishoudens", ident): "huishouden" for ident in situatie.get("huishoudens") or {}})
    return variabelen, namen


def _waarde(waarde, var) -> str:
    from maatwerk.regels.uitleg import leesbaar

    if waarde is None:
        return "(geen waarde)"
    return leesbaar(waarde, getattr(var, "unit", None))


def tekst(verslag: dict, berekening: dict | None) -> str:
    """The comparison in Dutch; `berekening` is the receipt's stored computation (for labels)."""
    r = [f"Herberekening van besluit {verslag['kenmerk']} ({verslag['uitkomst']['toen']['soort_naam']})"]
    rs = verslag["regelset"]
    r.append(f"Regelset toen: {rs['toen'][:16]}…  nu: {rs['nu'][:16]}…  → "
             f"{'zelfde regelset' if rs['zelfde'] else 'andere regelset'}")
    toen, nu = verslag["versies"]["toen"], verslag["versies"]["nu"]
    r.append(f"OpenFisca toen {toen.get('openfisca_core')}, nu {nu['openfisca_core']}; "
             f"Maatwerk toen {toen.get('maatwerk')}, nu {nu['maatwerk']}")
    u = verslag["uitkomst"]
    besluit_bedrag = f", {bedrag(u['toen']['bedrag'])}" if u["toen"].get("bedrag") else ""
    if verslag["invoer"] != "berekening":
        r.append(f"Uitkomst toen: {u['toen']['soort_naam']}{besluit_bedrag}")
        r.append("Dit besluit berust op de bevindingen van de consulent, niet op een berekening van de Regelkern; "
                 "er valt niets opnieuw te berekenen.")
        r.append("Zelfde uitkomst.")
        return "\n".join(r)
    r.append(f"Uitkomst toen: {u['toen']['soort_naam']}{besluit_bedrag} "
             f"(berekend: {bedrag(u['toen']['berekend_bedrag']) or 'geen bedrag'})")
    if verslag["fout"]:
        r.append(verslag["fout"])
    else:
        r.append(f"Uitkomst nu: berekend {bedrag(u['nu']['berekend_bedrag']) or 'geen bedrag'}")
    if verslag["verschillen"]:
        variabelen, namen = _labels(berekening or {})
        r.append("Verschillen:")
        for v in verslag["verschillen"]:
            var = variabelen.get(v["variabele"])
            label = (getattr(var, "label", None) or v["variabele"]).strip()
            wie = namen.get((v["entiteit"], v["id"]), v["entiteit"])
            r.append(f"  {wie} — {label}: toen {_waarde(v['toen'], var)}, nu {_waarde(v['nu'], var)}")
    r.append("Zelfde uitkomst: de regels van nu geven hetzelfde." if verslag["zelfde"]
             else "Andere uitkomst: de regels van nu geven iets anders dan bij het besluit.")
    return "\n".join(r)


def main(besluit_id: int, *, als_json: bool = False) -> int:
    from maatwerk.besluiten import ontvangstbewijs
    from maatwerk.besluiten.models import Besluit

    try:
        besluit = Besluit.objects.filter(pk=besluit_id).first()
        if besluit is None:
            return _fout(f"BESLUIT_ID: besluit {besluit_id} bestaat niet.")
        bewijs = ontvangstbewijs.van(besluit)
        if bewijs is None:
            return _fout(f"besluit {besluit.kenmerk}: {ontvangstbewijs.reden_zonder_bewijs(besluit)}.")
        if not bewijs.controleer_integriteit():
            return _fout(f"het ontvangstbewijs van besluit {besluit.kenmerk} klopt niet meer met zijn SHA-256: het is na "
                         "het vaststellen gewijzigd. Herberekenen daaruit is niet betrouwbaar; meld dit aan de beheerder.")
        verslag = ontvangstbewijs.herbereken(bewijs)
    except DatabaseError:
        return _fout("de database is niet bereikbaar of niet bijgewerkt (voer eerst de migraties uit).")
    if als_json:
        print(json.dumps(verslag, ensure_ascii=False, indent=2))
    else:
        print(tekst(verslag, bewijs.inhoud.get("berekening")))
    return ZELFDE if verslag["zelfde"] else VERSCHIL
