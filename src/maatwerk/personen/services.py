"""Services on inwoners, huishoudens and their monthly records. UI-independent: the API and the web UI call
these; every function checks access (maatwerk.toegang.beleid) and writes the audit log.

Validation errors are `django.core.exceptions.ValidationError` with a dict {field: [Dutch message]}.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from maatwerk import formaat
from maatwerk.personen.models import (
    PARTNER_RELATIES,
    Huishouden,
    Huishoudlid,
    Inwoner,
    Maandinkomen,
    Relatie,
    Rol,
    Vermogensopgave,
)
from maatwerk.personen.validators import normaliseer_postcode, valideer_verleden
from maatwerk.toegang import audit, beleid
from maatwerk.toegang.models import SoortGrond
from maatwerk.toegang.rollen import domeinen

INWONER_VELDEN = ("bsn", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "straat", "huisnummer",
                  "huisnummertoevoeging", "postcode", "woonplaats")


def _intake(gebruiker, omschrijving: str) -> beleid.Grond:
    if not domeinen(gebruiker):
        raise beleid.GeenToegang("Alleen een consulent kan inwoners en huishoudens registreren.")
    return beleid.Grond(True, SoortGrond.INTAKE, omschrijving)


def _opslaan(obj) -> None:
    obj.full_clean()
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as fout:  # a race the full_clean check could not see
        raise ValidationError({"__all__": ["Deze gegevens botsen met bestaande gegevens; probeer het opnieuw."]}) from fout


# ------------------------------------------------------------------ inwoner


def registreer_inwoner(gebruiker, **velden) -> Inwoner:
    """Register a new inwoner (intake). Only consulenten; BSN (elfproef) and postcode are validated."""
    grond = _intake(gebruiker, "Intake: nieuwe inwoner geregistreerd")
    onbekend = set(velden) - set(INWONER_VELDEN)
    if onbekend:
        raise ValidationError({v: ["Onbekend veld."] for v in sorted(onbekend)})
    if "postcode" in velden:
        velden["postcode"] = normaliseer_postcode(velden["postcode"])
    inwoner = Inwoner(aangemaakt_door=gebruiker, **velden)
    _opslaan(inwoner)
    audit.log(gebruiker, beleid.CREATE, grond, inwoner=inwoner, onderwerp="inwoner")
    return inwoner


def wijzig_inwoner(gebruiker, inwoner: Inwoner, **velden) -> Inwoner:
    grond = beleid.grond_inwoner(gebruiker, inwoner, beleid.CHANGE)
    if not grond.toegestaan:
        beleid.vereis_inwoner(gebruiker, inwoner, beleid.CHANGE)  # logs the refusal and raises
    onbekend = set(velden) - set(INWONER_VELDEN)
    if onbekend:
        raise ValidationError({v: ["Onbekend veld."] for v in sorted(onbekend)})
    if "postcode" in velden:
        velden["postcode"] = normaliseer_postcode(velden["postcode"])
    gewijzigd = sorted(k for k, v in velden.items() if getattr(inwoner, k) != v)
    for k, v in velden.items():
        setattr(inwoner, k, v)
    _opslaan(inwoner)
    audit.log(gebruiker, beleid.CHANGE, grond, inwoner=inwoner, onderwerp="inwoner",
              toelichting=f"gewijzigd: {', '.join(gewijzigd) or 'niets'}")
    return inwoner


# ------------------------------------------------------------------ huishouden


def _controleer_lid(huishouden: Huishouden, inwoner: Inwoner, rol: str, relatie: str, vanaf: dt.date | None) -> None:
    if rol not in Rol.values:
        raise ValidationError({"rol": [f"Onbekende rol '{rol}'; kies uit: {', '.join(Rol.values)}."]})
    if relatie not in Relatie.values:
        raise ValidationError({"relatie": [f"Onbekende relatie '{relatie}'; kies uit: {', '.join(Relatie.values)}."]})
    if (relatie in PARTNER_RELATIES) != (rol == Rol.PARTNER):
        raise ValidationError({"rol": [
            "De aanvrager en zijn echtgenoot of partner hebben de rol 'partner'; andere huisgenoten hebben de rol "
            "'kind' (minderjarig kind) of 'medebewoner' (art. 3 en 22a Participatiewet)."
        ]})
    if vanaf is not None:
        try:
            valideer_verleden(vanaf, "Lid vanaf")
        except ValidationError as fout:
            raise ValidationError({"vanaf": fout.messages}) from None
    huidig = huishouden.huidige_lidmaatschappen() if huishouden.pk else Huishoudlid.objects.none()
    # No names or household numbers in these messages (issue 7): they answer about a person the user may not
    # have seen before.
    if huidig.filter(inwoner=inwoner).exists():
        raise ValidationError({"inwoner": ["Deze inwoner is al lid van dit huishouden."]})
    elders = Huishoudlid.objects.filter(inwoner=inwoner, tot__isnull=True).exclude(huishouden=huishouden).exists()
    if elders:
        raise ValidationError({"inwoner": [
            "Deze inwoner is nog lid van een ander huishouden; dat lidmaatschap moet eerst worden beëindigd."
        ]})
    if relatie == Relatie.AANVRAGER and huidig.filter(relatie=Relatie.AANVRAGER).exists():
        raise ValidationError({"relatie": ["Dit huishouden heeft al een aanvrager."]})
    if rol == Rol.PARTNER and huidig.filter(rol=Rol.PARTNER).count() >= 2:
        raise ValidationError({"rol": ["Een huishouden heeft één aanvrager en hoogstens één echtgenoot of partner."]})


def maak_huishouden(gebruiker, *, naam: str, aanvrager: Inwoner, vanaf: dt.date | None = None) -> Huishouden:
    """Create a household around its aanvrager (rol partner, relatie aanvrager)."""
    # Access checks outside the transaction: a refusal must stay in the audit log.
    # CHANGE, not VIEW: seeing someone on a consent is no ground to open a household around him (issue 7).
    grond = beleid.grond_inwoner(gebruiker, aanvrager, beleid.CHANGE)
    if not grond.toegestaan:
        beleid.vereis_inwoner(gebruiker, aanvrager, beleid.CHANGE, onderwerp="huishouden")
    _intake(gebruiker, "Intake: huishouden geregistreerd")
    with transaction.atomic():
        huishouden = Huishouden(naam=naam, aangemaakt_door=gebruiker)
        _opslaan(huishouden)
        _controleer_lid(huishouden, aanvrager, Rol.PARTNER, Relatie.AANVRAGER, vanaf)
        Huishoudlid.objects.create(huishouden=huishouden, inwoner=aanvrager, rol=Rol.PARTNER,
                                   relatie=Relatie.AANVRAGER, vanaf=vanaf)
    audit.log(gebruiker, beleid.CREATE, beleid.Grond(True, SoortGrond.INTAKE, "Intake: huishouden geregistreerd"),
              inwoner=aanvrager, onderwerp="huishouden", toelichting=f"huishouden {huishouden.pk}")
    return huishouden


LID_ONBEKEND = ("Deze inwoner kunt u niet toevoegen: hij is onbekend of u kunt hem niet inzien. Vul ook de "
                "geboortedatum in; samen met het BSN laat die zien dat de inwoner bij u is.")


def voeg_lid_toe(gebruiker, huishouden: Huishouden, inwoner: Inwoner, *, rol: str, relatie: str,
                 vanaf: dt.date | None = None, geboortedatum: dt.date | None = None) -> Huishoudlid:
    """Add a member, for a household the consulent may act for in his own domain (issue 7). Linking a person the
    consulent cannot see (registered by another domain) needs proof that he is present: his geboortedatum must
    match. Without it the answer is the same as for an unknown person; the attempt is logged."""
    grond = beleid.vereis_melden(gebruiker, huishouden, onderwerp="huishoudlid")
    if not beleid.grond_inwoner(gebruiker, inwoner, beleid.VIEW).toegestaan:
        if geboortedatum is None or geboortedatum != inwoner.geboortedatum:
            audit.log(gebruiker, beleid.CHANGE, beleid.Grond(False, SoortGrond.GEEN, "Lid toevoegen: inwoner niet zichtbaar, "
                      "geboortedatum ontbreekt of komt niet overeen"), inwoner=inwoner, onderwerp="huishoudlid",
                      toelichting=f"huishouden {huishouden.pk}")
            raise ValidationError({"inwoner": [LID_ONBEKEND]})
        grond = beleid.Grond(True, SoortGrond.INTAKE, f"{grond.omschrijving}; inwoner aanwezig (BSN en geboortedatum gecontroleerd)")
    with transaction.atomic():
        _controleer_lid(huishouden, inwoner, rol, relatie, vanaf)
        lid = Huishoudlid.objects.create(huishouden=huishouden, inwoner=inwoner, rol=rol, relatie=relatie, vanaf=vanaf)
    audit.log(gebruiker, beleid.CHANGE, grond, inwoner=inwoner, onderwerp="huishoudlid",
              toelichting=f"toegevoegd aan huishouden {huishouden.pk} als {relatie}")
    return lid


def beeindig_lidmaatschap(gebruiker, lid: Huishoudlid, tot: dt.date) -> Huishoudlid:
    grond = beleid.grond_huishouden(gebruiker, lid.huishouden, beleid.CHANGE)
    if not grond.toegestaan:
        beleid.vereis_huishouden(gebruiker, lid.huishouden, beleid.CHANGE)
    if lid.tot is not None:
        raise ValidationError({"tot": ["Dit lidmaatschap is al beëindigd."]})
    if lid.vanaf and tot < lid.vanaf:
        raise ValidationError({"tot": ["De einddatum ligt vóór de begindatum van het lidmaatschap."]})
    lid.tot = tot
    _opslaan(lid)
    audit.log(gebruiker, beleid.CHANGE, grond, inwoner=lid.inwoner, onderwerp="huishoudlid",
              toelichting=f"lidmaatschap huishouden {lid.huishouden_id} beëindigd per {formaat.datum(tot)}")
    return lid


# ------------------------------------------------------------------ monthly records


def _grond_wijzig(gebruiker, inwoner: Inwoner, onderwerp: str) -> beleid.Grond:
    """Income and vermogen are recorded by the domain Inkomen only (purpose binding, issue 7)."""
    grond = beleid.grond_inkomensgegevens(gebruiker, inwoner, beleid.CHANGE)
    if not grond.toegestaan:
        beleid.vereis_inkomensgegevens(gebruiker, inwoner, beleid.CHANGE, onderwerp=onderwerp)
    return grond


def leg_inkomen_vast(gebruiker, inwoner: Inwoner, *, maand: dt.date, netto_bedrag: Decimal, soort: str = "overig",
                     omschrijving: str = "") -> Maandinkomen:
    grond = _grond_wijzig(gebruiker, inwoner, "maandinkomen")
    record = Maandinkomen(inwoner=inwoner, maand=maand, netto_bedrag=netto_bedrag, soort=soort,
                          omschrijving=omschrijving, vastgelegd_door=gebruiker)
    if netto_bedrag is not None and netto_bedrag < 0:
        raise ValidationError({"netto_bedrag": ["Een netto inkomen kan niet negatief zijn."]})
    _opslaan(record)
    audit.log(gebruiker, beleid.CREATE, grond, inwoner=inwoner, onderwerp="maandinkomen",
              toelichting=f"maand {maand:%Y-%m}")
    return record


def leg_vermogen_vast(gebruiker, inwoner: Inwoner, *, maand: dt.date, bedrag: Decimal, omschrijving: str = "") -> Vermogensopgave:
    grond = _grond_wijzig(gebruiker, inwoner, "vermogen")
    record = Vermogensopgave(inwoner=inwoner, maand=maand, bedrag=bedrag, omschrijving=omschrijving, vastgelegd_door=gebruiker)
    _opslaan(record)
    audit.log(gebruiker, beleid.CREATE, grond, inwoner=inwoner, onderwerp="vermogen", toelichting=f"maand {maand:%Y-%m}")
    return record


def laat_vervallen(gebruiker, record: Maandinkomen | Vermogensopgave) -> None:
    """Mark a wrong record as lapsed; it stays in the database (nothing is lost)."""
    onderwerp = "maandinkomen" if isinstance(record, Maandinkomen) else "vermogen"
    grond = _grond_wijzig(gebruiker, record.inwoner, onderwerp)
    if record.vervallen_op is not None:
        raise ValidationError({"__all__": ["Dit gegeven is al vervallen."]})
    record.vervallen_op = timezone.now()
    record.save(update_fields=["vervallen_op"])
    audit.log(gebruiker, beleid.CHANGE, grond, inwoner=record.inwoner, onderwerp=onderwerp,
              toelichting=f"record {record.pk} ({record.maand:%Y-%m}) vervallen")
