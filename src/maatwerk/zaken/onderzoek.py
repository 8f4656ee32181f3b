"""The onderzoek (art. 2:3) and its report, the ondersteuningsplan (art. 2:4) and the inwoner's remarks.

The report answers the Adviesraad's questions (2018): where and how the data were gathered, who was present,
who wrote it, and how the client has a say (his remarks are added to the report and the plan, art. 2:4 lid 4).
It holds one measuring instrument (zelfredzaamheidsmatrix and participatieladder) and a descriptive report.

Nothing is lost: every change of the report or the plan through these services stores an immutable snapshot
(`OnderzoekVersie`, `PlanVersie`) in the same transaction as the change, so the overwritten text stays readable.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from maatwerk.personen.validators import valideer_verleden
from maatwerk.toegang import audit, beleid, rechten
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.vergrendeling import wijzigt_zaak
from maatwerk.zaken.models import (
    CHECKLIST,
    ZRM_DOMEINEN,
    Clientreactie,
    Onderzoek,
    OnderzoekVersie,
    Ondersteuningsplan,
    PlanVersie,
    Status,
    Zaak,
)

ONDERZOEK_VELDEN = (
    "laatste_gesprekdatum", "plaats", "aanwezigen", "gewezen_op_clientondersteuning", "gewezen_op_eigen_plan",
    "doel_en_procedure_uitgelegd", "toestemming_gegevensverwerking", "bijdrage_besproken", "pgb_besproken",
    "identiteitsdocument", *CHECKLIST, *(f"zrm_{d}" for d in ZRM_DOMEINEN), "participatieladder", "beschrijving",
)
PLAN_VELDEN = ("afspraken", "verstrekt_op", "ondertekend_op")
# What a version holds: everything the consulent writes (gesprekdatum included: it is the start of the onderzoek).
ONDERZOEK_INHOUD = ("gesprekdatum", *ONDERZOEK_VELDEN)
PLAN_INHOUD = ("onderzoek", *PLAN_VELDEN)
OPEN_TOELICHTING = "Onderzoek geopend bij het eerste gesprek (Verordening art. 2:1 onder b)."
# The report can be written once the conversation has started, until the decision.
RAPPORT_STATUSSEN = (Status.ONDERZOEK, Status.SPOEDVOORZIENING, Status.ONDERSTEUNINGSPLAN, Status.AANVRAAG, Status.BEOORDELING)


def _wijzigen(gebruiker, zaak: Zaak, onderwerp: str, toelichting: str = "") -> beleid.Grond:
    grond = beleid.grond_zaak(gebruiker, zaak, beleid.CHANGE, handeling=rechten.ONDERZOEK_VASTLEGGEN)
    if not grond.toegestaan:
        beleid.vereis_zaak(gebruiker, zaak, beleid.CHANGE, onderwerp=onderwerp, toelichting=toelichting,
                           handeling=rechten.ONDERZOEK_VASTLEGGEN)
    return grond


def _datum(veld: str, waarde, label: str) -> None:
    if waarde is None:
        return
    try:
        valideer_verleden(waarde, label)
    except ValidationError as fout:
        raise ValidationError({veld: fout.messages}) from None


def _onbekend(velden: dict, toegestaan) -> None:
    onbekend = set(velden) - set(toegestaan)
    if onbekend:
        raise ValidationError({v: ["Onbekend veld."] for v in sorted(onbekend)})


# ------------------------------------------------------------------ versions


def inhoud_onderzoek(onderzoek: Onderzoek) -> dict:
    """The full content of the report as JSON (dates as ISO strings)."""
    return {v: _json(getattr(onderzoek, v)) for v in ONDERZOEK_INHOUD}


def inhoud_plan(plan: Ondersteuningsplan) -> dict:
    return {"onderzoek": plan.onderzoek_id, **{v: _json(getattr(plan, v)) for v in PLAN_VELDEN}}


def _json(waarde):
    return waarde.isoformat() if isinstance(waarde, dt.date) else waarde


def _verschil(oud: dict | None, nieuw: dict) -> list[str]:
    """The fields that differ from the previous version; for a first version the fields that were filled in."""
    if oud is None:
        return sorted(k for k, v in nieuw.items() if v not in (None, "", False))
    return sorted(k for k in nieuw if oud.get(k) != nieuw[k])


def _nieuwe_versie(model, eigenaar: dict, zaak: Zaak, inhoud: dict, door, *, toelichting: str = ""):
    """Store the next version unless the content equals the last one (a save without change is no version).
    Called inside the transaction that holds the lock on the report or plan, so numbers cannot collide."""
    vorige = model.objects.filter(**eigenaar).order_by("-nummer").first()
    if vorige is not None and vorige.inhoud == inhoud:
        return None
    return model.objects.create(
        zaak=zaak, **eigenaar, nummer=(vorige.nummer + 1) if vorige else 1, inhoud=inhoud,
        gewijzigde_velden=_verschil(vorige.inhoud if vorige else None, inhoud), door=door, toelichting=toelichting,
    )


def onderzoekversies(zaak: Zaak):
    """All versions of the reports of this zaak, oldest first (for lists: access is checked by the caller)."""
    return OnderzoekVersie.objects.filter(zaak=zaak).select_related("door").order_by("onderzoek_id", "nummer")


def planversies(zaak: Zaak):
    return PlanVersie.objects.filter(zaak=zaak).select_related("door").order_by("plan_id", "nummer")


# ------------------------------------------------------------------ report and plan


def open_onderzoek(zaak: Zaak, gebruiker, gesprekdatum: dt.date) -> Onderzoek:
    """The report the procedure opens at the first conversation (Verordening art. 2:1 onder b, 2:3), stored
    together with its version 1 so even the empty start is in the history. Called inside the procedure's
    transaction; access was checked there."""
    onderzoek = Onderzoek.objects.create(zaak=zaak, gesprekdatum=gesprekdatum, opgesteld_door=gebruiker)
    _nieuwe_versie(OnderzoekVersie, {"onderzoek": onderzoek}, zaak, inhoud_onderzoek(onderzoek), gebruiker,
                   toelichting=OPEN_TOELICHTING)
    return onderzoek


@wijzigt_zaak
def werk_onderzoek_bij(zaak: Zaak, gebruiker, *, gesprekdatum: dt.date | None = None, **velden) -> Onderzoek:
    """Update the current report. A zaak that came in as an aanvraag without onderzoek (not Wmo) gets one here,
    for which `gesprekdatum` is required. Every change is stored as a new `OnderzoekVersie`."""
    grond = _wijzigen(gebruiker, zaak, "onderzoek")
    _onbekend(velden, ONDERZOEK_VELDEN)
    if zaak.status not in RAPPORT_STATUSSEN:
        raise ProcedureFout(
            f"Het onderzoeksverslag kan worden bijgewerkt vanaf het eerste gesprek tot het besluit; deze zaak heeft "
            f"status '{zaak.get_status_display()}'.", code="geen_onderzoek",
        )
    # One transaction for the change, its version and the audit line: a crash leaves either all or nothing.
    with transaction.atomic():
        return _werk_onderzoek_bij(zaak, gebruiker, grond, gesprekdatum, velden)


def _werk_onderzoek_bij(zaak: Zaak, gebruiker, grond, gesprekdatum, velden: dict) -> Onderzoek:
    # Lock the report row: two consulents saving at once must not lose each other's text or share a number.
    onderzoek = Onderzoek.objects.select_for_update().filter(zaak=zaak).order_by("-id").first()
    if onderzoek is None:
        if gesprekdatum is None:
            raise ValidationError({"gesprekdatum": ["Geef de datum van het gesprek waarmee het onderzoek begon."]})
        onderzoek = Onderzoek(zaak=zaak, gesprekdatum=gesprekdatum, opgesteld_door=gebruiker)
    _datum("gesprekdatum", gesprekdatum, "Gesprekdatum")
    _datum("laatste_gesprekdatum", velden.get("laatste_gesprekdatum"), "Datum laatste gesprek")
    laatste = velden.get("laatste_gesprekdatum")
    if laatste and laatste < onderzoek.gesprekdatum:
        raise ValidationError({"laatste_gesprekdatum": ["Het laatste gesprek ligt vóór het eerste gesprek."]})
    gewijzigd = sorted(k for k, v in velden.items() if getattr(onderzoek, k) != v)
    for k, v in velden.items():
        setattr(onderzoek, k, v)
    onderzoek.full_clean()
    onderzoek.save()
    versie = _nieuwe_versie(OnderzoekVersie, {"onderzoek": onderzoek}, zaak, inhoud_onderzoek(onderzoek), gebruiker)
    audit.log(gebruiker, beleid.CHANGE, grond, zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp="onderzoek",
              toelichting=f"gewijzigd: {', '.join(gewijzigd) or 'niets'}" + (f"; versie {versie.nummer}" if versie else ""))
    return onderzoek


@wijzigt_zaak
def stel_plan_op(zaak: Zaak, gebruiker, *, afspraken: str, verstrekt_op: dt.date | None = None,
                 ondertekend_op: dt.date | None = None) -> Ondersteuningsplan:
    """Art. 2:4: record the agreements in a (new) ondersteuningsplan on the current onderzoek."""
    grond = _wijzigen(gebruiker, zaak, "ondersteuningsplan")
    if zaak.status != Status.ONDERSTEUNINGSPLAN:
        raise ProcedureFout("Een ondersteuningsplan stelt u op als het onderzoek is afgerond (status ondersteuningsplan).",
                            code="geen_planfase")
    if not (afspraken or "").strip():
        raise ValidationError({"afspraken": ["Beschrijf de afspraken (art. 2:4, tweede lid)."]})
    _datum("verstrekt_op", verstrekt_op, "Verstrekt op")
    _datum("ondertekend_op", ondertekend_op, "Ondertekend op")
    plan = Ondersteuningsplan(zaak=zaak, onderzoek=zaak.huidig_onderzoek(), afspraken=afspraken.strip(),
                              verstrekt_op=verstrekt_op, ondertekend_op=ondertekend_op, opgesteld_door=gebruiker)
    plan.full_clean()
    with transaction.atomic():
        plan.save()
        _nieuwe_versie(PlanVersie, {"plan": plan}, zaak, inhoud_plan(plan), gebruiker)
        audit.log(gebruiker, beleid.CREATE, grond, zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp="ondersteuningsplan",
                  toelichting="versie 1")
    return plan


@wijzigt_zaak
def werk_plan_bij(zaak: Zaak, gebruiker, **velden) -> Ondersteuningsplan:
    """Change the current plan (e.g. record the signature date) while the zaak is in the plan phase."""
    grond = _wijzigen(gebruiker, zaak, "ondersteuningsplan")
    _onbekend(velden, PLAN_VELDEN)
    if zaak.huidig_plan() is None or zaak.status != Status.ONDERSTEUNINGSPLAN:
        raise ProcedureFout("Er is geen ondersteuningsplan in behandeling om bij te werken.", code="geen_planfase")
    _datum("verstrekt_op", velden.get("verstrekt_op"), "Verstrekt op")
    _datum("ondertekend_op", velden.get("ondertekend_op"), "Ondertekend op")
    if "afspraken" in velden and not (velden["afspraken"] or "").strip():
        raise ValidationError({"afspraken": ["Beschrijf de afspraken (art. 2:4, tweede lid)."]})
    # As for the report: change, version and audit line together, with the plan row locked.
    with transaction.atomic():
        plan = Ondersteuningsplan.objects.select_for_update().filter(zaak=zaak).order_by("-id").first()
        for k, v in velden.items():
            setattr(plan, k, v)
        plan.full_clean()
        plan.save()
        versie = _nieuwe_versie(PlanVersie, {"plan": plan}, zaak, inhoud_plan(plan), gebruiker)
        audit.log(gebruiker, beleid.CHANGE, grond, zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp="ondersteuningsplan",
                  toelichting=f"gewijzigd: {', '.join(sorted(velden))}" + (f"; versie {versie.nummer}" if versie else ""))
    return plan


@wijzigt_zaak
def voeg_clientreactie_toe(zaak: Zaak, gebruiker, *, tekst: str, ontvangen_op: dt.date, bij: str = "onderzoek") -> Clientreactie:
    """Art. 2:4 lid 4: remarks or later additions of the inwoner are added to the report (bij="onderzoek") or
    the plan (bij="plan"). They are never edited or removed."""
    grond = _wijzigen(gebruiker, zaak, "clientreactie")
    if not (tekst or "").strip():
        raise ValidationError({"tekst": ["Neem de opmerkingen van de inwoner op."]})
    return leg_clientreactie_vast(zaak, gebruiker, grond, tekst=tekst, ontvangen_op=ontvangen_op, bij=bij)


def leg_clientreactie_vast(zaak: Zaak, gebruiker, grond: beleid.Grond, *, tekst: str, ontvangen_op: dt.date,
                           bij: str = "onderzoek", toelichting: str = "") -> Clientreactie:
    """Store the reaction with its audit line, on the zaak the caller locked, after the caller established the
    ground: the consulent above, or the resident himself through the loket (maatwerk.loket.mijnzaken)."""
    _datum("ontvangen_op", ontvangen_op, "Ontvangen op")
    if bij == "onderzoek":
        doel = {"onderzoek": zaak.huidig_onderzoek()}
    elif bij == "plan":
        doel = {"plan": zaak.huidig_plan()}
    else:
        raise ValidationError({"bij": ["Kies 'onderzoek' of 'plan'."]})
    if next(iter(doel.values())) is None:
        raise ProcedureFout(f"Deze zaak heeft nog geen {'onderzoeksverslag' if bij == 'onderzoek' else 'ondersteuningsplan'}.",
                            code="geen_verslag")
    reactie = Clientreactie.objects.create(tekst=tekst.strip(), ontvangen_op=ontvangen_op, vastgelegd_door=gebruiker, **doel)
    audit.log(gebruiker, beleid.CREATE, grond, zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp="clientreactie",
              toelichting=f"{bij}; {toelichting}" if toelichting else bij)
    return reactie
