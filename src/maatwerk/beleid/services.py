"""Propose, approve or refuse a change of municipal policy (issue 12, point 1).

- A beleidsmedewerker proposes a new value for one parameter of `beleid.parameters`, a start date and a reason.
- A second, different beleidsmedewerker approves or refuses it (four eyes on the rules themselves; the rights
  table's condition "niet eigen werk"). On approval the change becomes the next `Beleidsversie` of the
  municipality, applied by the Regelkern from its start date (`regels.beleidsversies`).
- The start date is the first day of a month (the Regelkern computes per calendar month and reads a parameter
  on the first day of the month), not in the past (a change never reaches back into months already decided)
  and not before the start of the last version of the same parameter (history is never rewritten).

Every proposal, approval and refusal writes an audit line; a refusal by the access policy too.
Bad input raises `InvoerFout(veld, Dutch message)`: 400 in the API, the message at the field on the page.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from maatwerk import formaat
from maatwerk.beleid.models import Beleidsversie, Beleidsvoorstel, VoorstelStatus
from maatwerk.beleid.parameters import PARAMETERS, Beleidsparameter
from maatwerk.regels.invoer import InvoerFout
from maatwerk.toegang import audit, rechten
from maatwerk.toegang.beleid import CHANGE, CREATE, VIEW, Grond
from maatwerk.toegang.models import SoortGrond
from maatwerk.toegang.rolrecht import heeft_recht, vereis_recht
from maatwerk.zaken.fouten import ProcedureFout

MAX_REDEN = 2000


def gemeente() -> str:
    return settings.MAATWERK_GEMEENTE


def _grond(user, handeling: str, domein: str, onderwerp: str, actie: str, toelichting: str = "") -> Grond:
    """The rights-table check for a policy action in `domein`, with its audit line (also when refused)."""
    return vereis_recht(user, handeling, actie=actie, onderwerp=onderwerp, toelichting=toelichting, domein=domein)


def mag(user, handeling: str) -> bool:
    return heeft_recht(user, handeling)


def vereis_inzien(user, onderwerp: str, toelichting: str = "") -> None:
    """Viewing the policy pages and the impact (aggregates only): the right to propose."""
    _grond(user, rechten.BELEID_VOORSTELLEN, "inkomen", onderwerp, VIEW, toelichting)


# ------------------------------------------------------------------ validation


def _parameter(pad) -> Beleidsparameter:
    if not isinstance(pad, str) or pad not in PARAMETERS:
        raise InvoerFout("parameter", "Onbekende parameter: kies een parameter uit de lijst van gemeentelijk beleid.")
    return PARAMETERS[pad]


def _waarde(definitie: Beleidsparameter, ruw) -> Decimal:
    if isinstance(ruw, bool) or ruw is None or (isinstance(ruw, str) and not ruw.strip()):
        raise InvoerFout("waarde", "Vul een nieuwe waarde in (een getal).")
    try:
        waarde = Decimal(str(ruw).strip().replace(",", ".")) if isinstance(ruw, str) else Decimal(str(ruw))
    except (InvalidOperation, ValueError):
        raise InvoerFout("waarde", "De nieuwe waarde is geen getal; gebruik bijvoorbeeld 120 of 120,5.") from None
    if not waarde.is_finite():
        raise InvoerFout("waarde", "De nieuwe waarde is geen getal; gebruik bijvoorbeeld 120 of 120,5.")
    eenheid = "%" if definitie.soort == "percentage" else "euro"
    if waarde < definitie.minimum or waarde > definitie.maximum:
        raise InvoerFout("waarde", f"De waarde moet tussen {definitie.minimum} en {definitie.maximum} {eenheid} "
                                   f"liggen voor '{definitie.label}'.")
    if waarde.as_tuple().exponent < -2:
        raise InvoerFout("waarde", "Gebruik ten hoogste twee cijfers achter de komma.")
    return waarde


def _datum(ruw) -> dt.date:
    if isinstance(ruw, dt.date):
        return ruw
    try:
        return dt.date.fromisoformat(str(ruw).strip())
    except (TypeError, ValueError):
        raise InvoerFout("ingangsdatum", "De ingangsdatum is geen geldige datum (jjjj-mm-dd).") from None


def laatste_versie(gemeente_: str, pad: str) -> Beleidsversie | None:
    return Beleidsversie.objects.filter(gemeente=gemeente_, parameter=pad).order_by("-nummer").first()


def _controleer_ingang(gemeente_: str, pad: str, ingang: dt.date, vandaag: dt.date) -> None:
    if ingang.day != 1:
        raise InvoerFout("ingangsdatum", "De ingangsdatum moet de eerste dag van een maand zijn: de Regelkern rekent "
                                         "per kalendermaand.")
    if ingang < vandaag:
        raise InvoerFout("ingangsdatum", f"De ingangsdatum ({formaat.datum(ingang)}) ligt in het verleden; beleid "
                                         "werkt niet terug op maanden die al zijn beoordeeld.")
    vorige = laatste_versie(gemeente_, pad)
    if vorige is not None and ingang < vorige.ingangsdatum:
        raise InvoerFout("ingangsdatum", f"De ingangsdatum ligt vóór die van de laatste versie van deze parameter "
                                         f"(versie {vorige.nummer}, vanaf {formaat.datum(vorige.ingangsdatum)}).")


def _reden(ruw) -> str:
    reden = (ruw or "").strip() if isinstance(ruw, str) else ""
    if not reden:
        raise InvoerFout("reden", "Geef de reden van de wijziging (bijvoorbeeld het raadsbesluit).")
    if len(reden) > MAX_REDEN:
        raise InvoerFout("reden", f"De reden is te lang (ten hoogste {MAX_REDEN} tekens).")
    return reden


def controleer(parameter, waarde, ingangsdatum, vandaag: dt.date | None = None) -> tuple[Beleidsparameter, Decimal, dt.date]:
    """Validate a proposed change without storing it (also used by the impact simulation)."""
    definitie = _parameter(parameter)
    w = _waarde(definitie, waarde)
    ingang = _datum(ingangsdatum)
    _controleer_ingang(gemeente(), definitie.pad, ingang, vandaag or timezone.localdate())
    return definitie, w, ingang


# ------------------------------------------------------------------ services


def stel_voor(user, *, parameter, waarde, ingangsdatum, reden, vandaag: dt.date | None = None) -> Beleidsvoorstel:
    _grond(user, rechten.BELEID_VOORSTELLEN, "inkomen", "beleidsvoorstel", CREATE, toelichting=str(parameter)[:120])
    definitie, w, ingang = controleer(parameter, waarde, ingangsdatum, vandaag)
    voorstel = Beleidsvoorstel.objects.create(
        gemeente=gemeente(), parameter=definitie.pad, waarde=w, ingangsdatum=ingang, reden=_reden(reden),
        voorgesteld_door=user)
    audit.log(user, CREATE, Grond(True, SoortGrond.ROL, "rol: beleidswijziging voorstellen"),
              onderwerp="beleidsvoorstel", toelichting=f"voorstel {voorstel.pk}: {definitie.pad} = {w} vanaf {ingang}")
    return voorstel


def beoordeel(user, voorstel: Beleidsvoorstel, *, akkoord: bool, toelichting: str = "",
              vandaag: dt.date | None = None) -> Beleidsvoorstel:
    """Approve (a new Beleidsversie) or refuse a proposal. Never by the person who proposed it."""
    _grond(user, rechten.BELEID_GOEDKEUREN, PARAMETERS[voorstel.parameter].domein, "beleidsvoorstel", CHANGE,
           toelichting=f"voorstel {voorstel.pk}")
    with transaction.atomic():
        # Lock the proposal: two approvers at once must not make two versions.
        voorstel = Beleidsvoorstel.objects.select_for_update().get(pk=voorstel.pk)
        if voorstel.voorgesteld_door_id == user.pk:
            raise ProcedureFout("U stelde deze wijziging zelf voor; een andere beleidsmedewerker moet haar "
                                "beoordelen (vier ogen).", code="zelfde_persoon")
        if voorstel.status != VoorstelStatus.VOORGESTELD:
            raise ProcedureFout("Dit voorstel is al beoordeeld.", code="al_beoordeeld")
        toelichting = (toelichting or "").strip()[:MAX_REDEN]
        if akkoord:
            # The date may have passed, or a later version started, since the proposal: check again.
            _controleer_ingang(voorstel.gemeente, voorstel.parameter, voorstel.ingangsdatum,
                               vandaag or timezone.localdate())
            hoogste = (Beleidsversie.objects.filter(gemeente=voorstel.gemeente).aggregate(m=Max("nummer"))["m"] or 0)
            Beleidsversie.objects.create(
                gemeente=voorstel.gemeente, nummer=hoogste + 1, voorstel=voorstel, parameter=voorstel.parameter,
                waarde=voorstel.waarde, ingangsdatum=voorstel.ingangsdatum)
        elif not toelichting:
            raise InvoerFout("toelichting", "Geef bij een afwijzing de reden.")
        voorstel.status = VoorstelStatus.GOEDGEKEURD if akkoord else VoorstelStatus.AFGEWEZEN
        voorstel.beoordeeld_door = user
        voorstel.beoordeeld_op = timezone.now()
        voorstel.toelichting_beoordeling = toelichting
        voorstel.save()
    audit.log(user, CHANGE, Grond(True, SoortGrond.ROL, "rol: beleidswijziging goedkeuren"),
              onderwerp="beleidsvoorstel", toelichting=f"voorstel {voorstel.pk} {voorstel.status}")
    return voorstel
