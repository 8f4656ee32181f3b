"""The receipt (ontvangstbewijs) of a besluit: what it was computed from, fixed when it is vastgesteld, and a
recomputation from it with today's rules.

Issue 8 point 5: "Every besluit stores, immutably, what it was computed from: the rule-set version, the
engine and Maatwerk versions, the inputs, the findings and the trace." Vaststelling is the legal fact (the
content no longer changes, `models.Besluit._controleer_wijziging`), so the receipt is made then, in the same
transaction (`services.vaststellen` calls `maak`). A concept has none; a besluit vastgesteld before this
version has none either: a receipt cannot be reconstructed after the fact (the rules may have changed since).

    maak(besluit)              -> Ontvangstbewijs   (called once, inside the vaststelling's transaction)
    van(besluit)               -> Ontvangstbewijs | None
    herbereken(bewijs)         -> dict              (read-only: no Berekening row, nothing written)
    lees(besluit, gebruiker)   -> Ontvangstbewijs   (access checked and logged like reading the besluit)

A besluit without a Regelkern computation (Wmo, Jeugd, buiten behandeling) gets a receipt too; its inputs
are the findings, and there is nothing to recompute.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from maatwerk.besluiten.models import Besluit, Ontvangstbewijs, Status
from maatwerk.regels import versie
from maatwerk.toegang import beleid
from maatwerk.zaken.fouten import ProcedureFout

SCHEMA = 1  # the layout of `inhoud`; a later layout gets a new number, old receipts keep theirs


# ------------------------------------------------------------------ making the receipt


def _tekst(waarde):
    """JSON value for the receipt: dates and amounts as ISO text, so the canonical JSON is the same on every
    database (a Decimal or date has no JSON form of its own)."""
    if waarde is None or isinstance(waarde, (bool, int, str, float)):
        return waarde
    if isinstance(waarde, (dt.date, dt.datetime)):
        return waarde.isoformat()
    return str(waarde)


def _gebruiker(user) -> str | None:
    return user.get_username() if user is not None else None


def _besluit(besluit: Besluit) -> dict:
    return {
        "id": besluit.pk,
        "kenmerk": besluit.kenmerk,
        "soort": besluit.soort,
        "soort_naam": besluit.get_soort_display(),
        "bedrag": _tekst(besluit.bedrag),
        "pgb_bedrag": _tekst(besluit.pgb_bedrag),
        "bedrag_periode": besluit.bedrag_periode,
        "ingangsdatum": _tekst(besluit.ingangsdatum),
        "einddatum": _tekst(besluit.einddatum),
        "vervangt": besluit.vervangt.kenmerk if besluit.vervangt_id else None,
        "op_bezwaar": besluit.op_bezwaar_id,
        "besluitdatum": _tekst(besluit.besluitdatum),
        "vastgesteld_door": _gebruiker(besluit.vastgesteld_door),
        "vastgesteld_op": _tekst(besluit.vastgesteld_op),
        # The same SHA-256 the four-eyes approval is given to: ties this receipt to exactly this content.
        "inhoud_sha256": besluit.inhoud_sha256(),
        "overwegingen": [
            {"zin": o.zin, "bron": o.bron, "soort": o.soort, "herkomst": o.herkomst, "regel_id": o.regel_id}
            for o in besluit.overwegingen.order_by("volgorde", "id")
        ],
    }


def _berekening(besluit: Besluit) -> dict | None:
    b = besluit.berekening
    if b is None:
        return None
    return {
        "id": b.pk,
        "maand": b.maand.strftime("%Y-%m"),
        "gemeente": b.gemeente,
        "uitkomst_variabele": besluit.zaak.definitie.uitkomst_variabele,
        "bedrag": _tekst(b.bedrag),
        "situatie": b.situatie,
        "resultaat": b.resultaat,
        "uitleg": b.uitleg,  # per outcome the rules, sources and inputs that made it: the trace a person reads
        "waarschuwingen": b.waarschuwingen,
        # The approved policy version the Regelkern applied (issue 12): number and changes, so the outcome can
        # be recomputed with exactly those rules. Version 0: the ordinance as adopted, no later change.
        "beleidsversie": b.beleidsversie or {"nummer": 0, "wijzigingen": []},
        "door": _gebruiker(b.door),
        "op": _tekst(b.op),
    }


def _vier_ogen(besluit: Besluit) -> dict:
    """The approvals on exactly this content (besluit) and on the zaak's proposal, akkoord only."""
    inhoud = besluit.inhoud_sha256()
    op_besluit = besluit.goedkeuringen.filter(akkoord=True, inhoud_sha256=inhoud).order_by("-op", "-id").first()
    return {
        "besluit": None if op_besluit is None else {
            "door": _gebruiker(op_besluit.door), "op": _tekst(op_besluit.op), "inhoud_sha256": op_besluit.inhoud_sha256,
            "toelichting": op_besluit.toelichting,
        },
        "zaak": [
            {"door": _gebruiker(g.door), "op": _tekst(g.op), "toelichting": g.toelichting}
            for g in besluit.zaak.goedkeuringen.filter(akkoord=True).select_related("door").order_by("id")
        ],
    }


def inhoud_van(besluit: Besluit) -> dict:
    """Everything the receipt fixes, as plain JSON values."""
    zaak = besluit.zaak
    berekening = _berekening(besluit)
    return {
        "schema": SCHEMA,
        "besluit": _besluit(besluit),
        "zaak": {"id": zaak.pk, "regeling": zaak.regeling, "regeling_naam": zaak.definitie.naam, "domein": zaak.domein},
        # Where the outcome comes from: a Regelkern computation, or (Wmo, Jeugd, buiten behandeling) the findings.
        "invoer": "berekening" if berekening else "bevindingen",
        "berekening": berekening,
        "bevindingen": [
            {"criterium": b.criterium, "waarde": b.waarde, "motivering": b.motivering, "door": _gebruiker(b.door),
             "op": _tekst(b.op)}
            for b in zaak.actuele_bevindingen().select_related("door").order_by("criterium", "id")
        ],
        "afwijkingen": [
            {"soort": a.soort, "bron": a.bron, "reden": a.reden, "door": _gebruiker(a.door), "op": _tekst(a.op)}
            for a in zaak.afwijkingen.select_related("door").order_by("id")
        ],
        "vier_ogen": _vier_ogen(besluit),
        "versies": {**versie.versies(),
                    "beleidsversie": (berekening or {}).get("beleidsversie", {}).get("nummer")},
        "gemaakt_op": timezone.now().isoformat(),
    }


def maak(besluit: Besluit) -> Ontvangstbewijs:
    """Fix the receipt of a besluit that has just been vastgesteld (inside the same transaction)."""
    if besluit.status != Status.VASTGESTELD:
        raise ProcedureFout(f"Besluit {besluit.kenmerk} is niet vastgesteld; alleen een vastgesteld besluit krijgt een "
                            "ontvangstbewijs.", code="niet_vastgesteld")
    inhoud = inhoud_van(besluit)
    return Ontvangstbewijs.objects.create(besluit=besluit, inhoud=inhoud,
                                          regelset_sha256=inhoud["versies"]["regelset_sha256"])


def van(besluit: Besluit) -> Ontvangstbewijs | None:
    return Ontvangstbewijs.objects.filter(besluit=besluit).first()


def lees(besluit: Besluit, gebruiker) -> Ontvangstbewijs:
    """The receipt for someone who may read the besluit (404 otherwise, with an audit line either way)."""
    beleid.vereis_zaak(gebruiker, besluit.zaak, beleid.VIEW, onderwerp="ontvangstbewijs", toelichting=besluit.kenmerk)
    bewijs = van(besluit)
    if bewijs is None:
        raise ProcedureFout(f"Besluit {besluit.kenmerk}: {reden_zonder_bewijs(besluit)}.", code="geen_ontvangstbewijs")
    return bewijs


def reden_zonder_bewijs(besluit: Besluit) -> str:
    """Why a besluit has no receipt, as the end of a Dutch sentence."""
    if besluit.status == Status.CONCEPT:
        return "een concept heeft nog geen ontvangstbewijs; het komt bij het vaststellen"
    if besluit.status == Status.VERVALLEN:
        return "dit concept is vervallen zonder te worden vastgesteld en heeft geen ontvangstbewijs"
    return "geen ontvangstbewijs (vastgesteld vóór deze versie)"


def samenvatting(bewijs: Ontvangstbewijs) -> dict:
    """What the besluit page shows: Dutch words, no internal codes."""
    from maatwerk.formaat import datum

    inhoud = bewijs.inhoud
    berekening = inhoud.get("berekening")
    if berekening:
        jaar, maand = (int(d) for d in berekening["maand"].split("-"))
        invoer = (f"berekening van de Regelkern voor {datum(dt.date(jaar, maand, 1)).split(' ', 1)[1]}, "
                  f"gemeente {berekening['gemeente'].capitalize()}")
    else:
        invoer = "de bevindingen van de consulent (geen berekening)"
    aantal = len(inhoud.get("bevindingen") or [])
    versies = inhoud.get("versies") or {}
    return {
        "integriteit": bewijs.controleer_integriteit(),
        "invoer": invoer,
        "bevindingen": f"{aantal} {'bevinding' if aantal == 1 else 'bevindingen'} met motivering",
        "regelset": bewijs.regelset_sha256[:16],
        "regelset_nu_zelfde": bewijs.regelset_sha256 == versie.regelset_sha256(),
        "maatwerk": versies.get("maatwerk", "onbekend"),
        "openfisca": versies.get("openfisca_core", "onbekend"),
        "beleidsversie": versies.get("beleidsversie"),
    }


# ------------------------------------------------------------------ recomputing from the receipt


def _bedrag(waarde) -> str | None:
    if waarde is None:
        return None
    try:
        return str(Decimal(str(waarde)).quantize(Decimal("0.01")))
    except (InvalidOperation, ValueError):
        return None


def _gelijk(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool) and not isinstance(b, bool):
        return round(float(a), 6) == round(float(b), 6)
    return a == b


def _uitkomst_bedrag(resultaat: dict, variabele: str | None):
    if not variabele:
        return None
    for waarden in (resultaat.get("huishoudens") or {}).values():
        if variabele in waarden:
            return waarden[variabele]
    # A per-person outcome (the Wmo pgb, issue 10): only the cliënt (wmo_client) has one; the others are 0.
    per_persoon = [w[variabele] for w in (resultaat.get("personen") or {}).values() if w.get(variabele) is not None]
    return max(per_persoon) if per_persoon else None


def herbereken(bewijs: Ontvangstbewijs) -> dict:
    """Recompute the besluit's outcome with today's rules from the inputs in the receipt. Reads only: the
    Regelkern runs in memory; no Berekening is stored and nothing in the database changes.

    Returns {"besluit", "kenmerk", "integriteit", "regelset": {toen, nu, zelfde}, "versies": {toen, nu},
    "invoer", "uitkomst": {toen: {soort, bedrag}, nu: {bedrag} | None, zelfde}, "verschillen": [...],
    "fout": Dutch text | None, "zelfde": bool}."""
    from maatwerk.regels.berekening import bereken
    from maatwerk.regels.invoer import InvoerFout

    inhoud = bewijs.inhoud
    nu = versie.versies()
    toen = inhoud.get("versies") or {}
    b = inhoud.get("besluit") or {}
    uitkomst_toen = {"soort": b.get("soort"), "soort_naam": b.get("soort_naam"), "bedrag": b.get("bedrag")}
    verslag = {
        "besluit": bewijs.besluit_id,
        "kenmerk": b.get("kenmerk"),
        "integriteit": bewijs.controleer_integriteit(),
        "regelset": {"toen": toen.get("regelset_sha256"), "nu": nu["regelset_sha256"],
                     "zelfde": toen.get("regelset_sha256") == nu["regelset_sha256"]},
        "versies": {"toen": toen, "nu": nu},
        "invoer": inhoud.get("invoer"),
        "uitkomst": {"toen": uitkomst_toen, "nu": None, "zelfde": True},
        "verschillen": [],
        "fout": None,
        "zelfde": True,
    }
    berekening = inhoud.get("berekening")
    if not berekening:
        # The outcome rests on the findings and a person's judgement: the rules compute nothing to compare.
        return verslag
    variabele = berekening.get("uitkomst_variabele")
    uitkomst_toen["berekend_bedrag"] = _bedrag(berekening.get("bedrag"))
    oud = berekening.get("resultaat") or {}
    namen = sorted({naam for meervoud in ("huishoudens", "personen")
                    for waarden in (oud.get(meervoud) or {}).values() for naam in waarden})
    try:
        # Today's rules include today's approved policy version (issue 12).
        from maatwerk.beleid.versies import actueel

        beleid_nu = actueel(berekening["gemeente"]).wijzigingen
        nieuw = bereken(berekening["situatie"], berekening["maand"], berekening["gemeente"], namen or None,
                        beleid=beleid_nu)["resultaten"]
    except InvoerFout as fout:
        # Today's rules no longer accept the stored input (a variable or municipality removed): a difference.
        verslag.update(fout=f"Met de regels van nu kan deze invoer niet meer worden berekend: {fout}", zelfde=False)
        verslag["uitkomst"]["zelfde"] = False
        return verslag
    for meervoud in ("huishoudens", "personen"):
        for ident, waarden in (oud.get(meervoud) or {}).items():
            for naam, waarde in waarden.items():
                nieuwe = ((nieuw.get(meervoud) or {}).get(ident) or {}).get(naam)
                if not _gelijk(waarde, nieuwe):
                    verslag["verschillen"].append(
                        {"entiteit": meervoud, "id": ident, "variabele": naam, "toen": waarde, "nu": nieuwe})
    bedrag_nu = _bedrag(_uitkomst_bedrag(nieuw, variabele))
    verslag["uitkomst"]["nu"] = {"berekend_bedrag": bedrag_nu}
    verslag["uitkomst"]["zelfde"] = bedrag_nu == uitkomst_toen["berekend_bedrag"]
    verslag["zelfde"] = not verslag["verschillen"] and verslag["uitkomst"]["zelfde"]
    return verslag
