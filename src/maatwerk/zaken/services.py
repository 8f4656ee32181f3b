"""Creating and editing a zaak. UI-independent; access is checked and logged through maatwerk.toegang.beleid."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from maatwerk import formaat
from maatwerk.personen.models import Huishouden, Inwoner
from maatwerk.personen.validators import valideer_verleden
from maatwerk.toegang import audit, beleid
from maatwerk.toegang.models import SoortGrond
from maatwerk.toegang.rollen import domeinen
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import Status, Statusovergang, Uitkomst, Zaak
from maatwerk.zaken.regelingen import REGELINGEN, DOMEINEN
from maatwerk.zaken.vergrendeling import vergrendel


def meld_zaak(gebruiker, *, huishouden: Huishouden, hoofdpersoon: Inwoner, regeling: str, omschrijving: str = "",
              ontvangen_op: dt.date | None = None, kosten: Decimal | None = None) -> Zaak:
    """Art. 2:2 lid 1 en 2: a request for support arrives in any form; the toegangspartij confirms it by
    creating a dossier. The zaak starts as a melding; the melding date is set at the first conversation.

    Issue 7: only for a household the consulent may already act for in his own domain (beleid.grond_melden); a
    household known only to other domains goes through the intake route (zaken.intake)."""
    definitie = _controleer_regeling(gebruiker, regeling, hoofdpersoon)
    grond = beleid.vereis_melden(gebruiker, huishouden, onderwerp="zaak", toelichting=f"melding {regeling}")
    return registreer_melding(gebruiker, huishouden=huishouden, hoofdpersoon=hoofdpersoon, regeling=regeling,
                              omschrijving=omschrijving, ontvangen_op=ontvangen_op, kosten=kosten,
                              grond=beleid.Grond(True, grond.soort, f"Melding in eigen domein {DOMEINEN[definitie.domein]}"))


def _controleer_regeling(gebruiker, regeling: str, hoofdpersoon: Inwoner | None):
    if regeling not in REGELINGEN:
        raise ValidationError({"regeling": [f"Onbekende regeling '{regeling}'; kies uit: {', '.join(REGELINGEN)}."]})
    definitie = REGELINGEN[regeling]
    if not beleid.mag_regeling_behandelen(gebruiker, regeling):
        bericht = (f"Een zaak {definitie.naam} hoort bij het domein {DOMEINEN[definitie.domein]}; alleen een "
                   "consulent van dat domein kan haar aanmaken.")
        audit.log(gebruiker, beleid.CREATE, beleid.Grond(False, SoortGrond.GEEN, bericht), inwoner=hoofdpersoon,
                  onderwerp="zaak")
        raise beleid.GeenToegang(bericht)
    return definitie


def registreer_melding(gebruiker, *, huishouden: Huishouden, hoofdpersoon: Inwoner, regeling: str, omschrijving: str,
                       ontvangen_op: dt.date | None, kosten: Decimal | None, grond: beleid.Grond) -> Zaak:
    """Store the zaak, its first step and the audit line, after the caller established the ground (meld_zaak:
    own domain; zaken.intake: the intake route). Not for views: they call one of those two."""
    if not huishouden.lidmaatschappen.filter(inwoner=hoofdpersoon, tot__isnull=True).exists():
        raise ValidationError({"hoofdpersoon": ["De hoofdpersoon is geen (huidig) lid van dit huishouden."]})
    ontvangen_op = ontvangen_op or timezone.localdate()
    try:
        valideer_verleden(ontvangen_op, "Ontvangen op")
    except ValidationError as fout:
        raise ValidationError({"ontvangen_op": fout.messages}) from None
    if kosten is not None and kosten < 0:
        raise ValidationError({"kosten": ["Kosten kunnen niet negatief zijn."]})
    with transaction.atomic():
        zaak = Zaak.objects.create(
            regeling=regeling, huishouden=huishouden, hoofdpersoon=hoofdpersoon, omschrijving=omschrijving,
            ontvangen_op=ontvangen_op, kosten=kosten, status=Status.MELDING, behandelaar=gebruiker,
            aangemaakt_door=gebruiker,
        )
        Statusovergang.objects.create(
            zaak=zaak, van="", naar=Status.MELDING, datum=ontvangen_op, door=gebruiker,
            reden="Ondersteuningsvraag ontvangen; dossier aangemaakt",
            grondslag="Verordening Sociaal Domein 2018, artikel 2:2, eerste en tweede lid",
        )
        audit.log(gebruiker, beleid.CREATE, grond, zaak=zaak, inwoner=hoofdpersoon, onderwerp="zaak")
    return zaak


WIJZIGBAAR = ("omschrijving", "kosten", "behandelaar")


def wijzig_zaak(gebruiker, zaak: Zaak, **velden) -> Zaak:
    """Change the description, the costs or the behandelaar. Costs are fixed once a decision is proposed."""
    beleid.vereis_zaak(gebruiker, zaak, beleid.CHANGE, toelichting=f"gewijzigd: {', '.join(sorted(velden))}")
    onbekend = set(velden) - set(WIJZIGBAAR)
    if onbekend:
        raise ValidationError({v: ["Dit veld kan hier niet worden gewijzigd."] for v in sorted(onbekend)})
    if velden.get("kosten") is not None and velden["kosten"] < 0:
        raise ValidationError({"kosten": ["Kosten kunnen niet negatief zijn."]})
    if velden.get("behandelaar") is not None and zaak.domein not in domeinen(velden["behandelaar"]):
        raise ValidationError({"behandelaar": ["De behandelaar moet consulent zijn in het domein van deze zaak."]})
    with transaction.atomic():
        # The rules are checked on the locked current state, and only the changed fields are written, so a
        # parallel status change is neither overwritten nor bypassed.
        actueel = vergrendel(zaak)
        if actueel.is_afgerond:
            raise ProcedureFout("Deze zaak is afgerond; zij kan niet meer worden gewijzigd.")
        if "kosten" in velden and actueel.status == Status.KLAAR_VOOR_BESLUIT:
            raise ProcedureFout("De kosten liggen vast zolang het voorstel klaar voor besluit ligt; zet de zaak eerst terug naar beoordeling.")
        for k, v in velden.items():
            setattr(actueel, k, v)
        actueel.save(update_fields=[*velden, "gewijzigd_op"])
    zaak.refresh_from_db()
    return zaak


# A later besluit can only follow a first one: the zaak is decided (or buiten behandeling gesteld and then,
# after bezwaar, decided after all). Its status stays: the procedure of the aanvraag is over.
BESLOTEN = (Status.BESLUIT, Status.BUITEN_BEHANDELING)


def werk_besluit_bij(gebruiker, zaak: Zaak, *, uitkomst: str, bedrag: Decimal | None, datum: dt.date,
                     kenmerk: str) -> Zaak:
    """What the zaak shows as its decision (uitkomst, bedrag, datum) after a later besluit on it has been
    vastgesteld: a herziening or intrekking, or a new besluit after bezwaar (Awb 7:11). Called by
    `maatwerk.besluiten.services.vaststellen`; the first besluit sets these fields through the procedure."""
    grond = beleid.grond_zaak(gebruiker, zaak, beleid.CHANGE)
    if not grond.toegestaan:
        beleid.vereis_zaak(gebruiker, zaak, beleid.CHANGE, onderwerp="besluit", toelichting=f"besluit {kenmerk}")
    with transaction.atomic():
        _werk_besluit_bij(gebruiker, vergrendel(zaak), grond, uitkomst=uitkomst, bedrag=bedrag, datum=datum,
                          kenmerk=kenmerk)
    zaak.refresh_from_db()  # the caller's instance shows the new decision
    return zaak


def _werk_besluit_bij(gebruiker, zaak: Zaak, grond, *, uitkomst, bedrag, datum, kenmerk) -> Zaak:
    if zaak.status not in BESLOTEN:
        raise ProcedureFout(
            f"De zaak heeft status '{zaak.get_status_display()}'; een later besluit (herziening, intrekking, besluit "
            "na bezwaar) volgt pas op een eerste besluit.", code="zaak_niet_besloten",
        )
    if uitkomst not in Uitkomst.values:
        raise ValidationError({"uitkomst": [f"Kies de uitkomst: {', '.join(Uitkomst.values)}."]})
    if bedrag is not None and bedrag < 0:
        raise ValidationError({"bedrag": ["Een bedrag kan niet negatief zijn."]})
    if zaak.besluitdatum and datum < zaak.besluitdatum:
        raise ValidationError({"datum": [
            f"Een later besluit kan niet vóór het besluit van {formaat.datum(zaak.besluitdatum)} liggen."
        ]})
    oud = f"{zaak.besluit_uitkomst or '-'} {zaak.besluit_bedrag if zaak.besluit_bedrag is not None else ''}".strip()
    zaak.besluit_uitkomst, zaak.besluit_bedrag, zaak.besluitdatum = uitkomst, bedrag, datum
    zaak.save(update_fields=["besluit_uitkomst", "besluit_bedrag", "besluitdatum", "gewijzigd_op"])
    nieuw = f"{uitkomst} {bedrag if bedrag is not None else ''}".strip()
    audit.log(gebruiker, beleid.CHANGE, grond, zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp="besluit",
              toelichting=f"besluit {kenmerk}: {oud} → {nieuw} op {formaat.datum(datum)}")
    return zaak
