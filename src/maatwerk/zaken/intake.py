"""The intake route: a melding for an inwoner whose household the consulent cannot act for yet.

Issue 7: creating a zaak needs a ground in one's own domain (beleid.grond_melden); the ONLY other way in is this
route. It records who started it and why (a required reason), asks proof that the inwoner is present (the BSN
and the geboortedatum typed from his identity document must both match; a mismatch does not say which part was
wrong, nor whether the BSN is known), and leaves an `Intakesignaal` that the household's other domains see: a
date and a domain, not data. Failed attempts are logged and limited per day (guessing a birth date is slow).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from maatwerk.personen.models import Huishouden, Huishoudlid, Inwoner, Relatie, Rol
from maatwerk.toegang import audit, beleid
from maatwerk.toegang.models import AuditRegel, Intakesignaal, SoortGrond
from maatwerk.zaken import services
from maatwerk.zaken.models import Zaak
from maatwerk.zaken.regelingen import DOMEINEN

MIN_REDEN = 20  # characters: a reason someone else can check later, not "intake"
MAX_MISLUKT_PER_DAG = 5
ONDERWERP = "intake"
GEEN_MATCH = ("BSN en geboortedatum horen niet samen bij een inwoner die bij de gemeente bekend is. Controleer beide "
              "op het identiteitsbewijs van de inwoner. Is de inwoner nieuw, registreer hem dan als nieuwe inwoner.")


def _mislukt_vandaag(gebruiker) -> int:
    return AuditRegel.objects.filter(gebruiker=gebruiker, onderwerp=ONDERWERP, toegestaan=False,
                                     op__date=timezone.localdate()).count()


def meld_via_intake(gebruiker, *, bsn: str, geboortedatum: dt.date, regeling: str, reden: str, omschrijving: str = "",
                    ontvangen_op: dt.date | None = None, kosten: Decimal | None = None) -> Zaak:
    """Open a zaak of the consulent's own domain for the inwoner with this BSN and geboortedatum, in his current
    household (a new one if he has none), and signal it to the household's other domains."""
    services._controleer_regeling(gebruiker, regeling, None)
    reden = (reden or "").strip()
    if len(reden) < MIN_REDEN:
        raise ValidationError({"reden": [
            f"Beschrijf waarom u deze intake start (ten minste {MIN_REDEN} tekens): wie meldt zich, met welke vraag?"]})
    if _mislukt_vandaag(gebruiker) >= MAX_MISLUKT_PER_DAG:
        raise beleid.GeenToegang("U heeft vandaag te vaak een BSN en geboortedatum ingevuld die niet overeenkwamen. "
                                 "Probeer het morgen opnieuw of neem contact op met de beheerder.")
    bsn = (bsn or "").strip().replace(" ", "").replace(".", "")
    inwoner = Inwoner.objects.filter(bsn=bsn).first() if len(bsn) == 9 and bsn.isdigit() else None
    if inwoner is None or inwoner.geboortedatum != geboortedatum:
        # The refusal names the inwoner in the audit log when the BSN exists (the beheerder sees the attempt),
        # never in the answer.
        audit.log(gebruiker, beleid.CREATE, beleid.Grond(False, SoortGrond.GEEN, "Intake: BSN en geboortedatum komen niet overeen"),
                  inwoner=inwoner, onderwerp=ONDERWERP, toelichting=f"regeling {regeling}")
        raise ValidationError({"__all__": [GEEN_MATCH]})
    definitie = services.REGELINGEN[regeling]
    grond = beleid.Grond(True, SoortGrond.INTAKE,
                         f"Intake {DOMEINEN[definitie.domein]}: inwoner aanwezig (BSN en geboortedatum gecontroleerd); "
                         f"reden: {reden}"[:1000])
    with transaction.atomic():
        lid = Huishoudlid.objects.filter(inwoner=inwoner, tot__isnull=True).select_related("huishouden").first()
        if lid is None:
            huishouden = Huishouden.objects.create(
                naam=" ".join(p for p in ("Huishouden", inwoner.tussenvoegsel, inwoner.achternaam) if p),
                aangemaakt_door=gebruiker)
            Huishoudlid.objects.create(huishouden=huishouden, inwoner=inwoner, rol=Rol.PARTNER, relatie=Relatie.AANVRAGER)
        else:
            huishouden = lid.huishouden
        zaak = services.registreer_melding(gebruiker, huishouden=huishouden, hoofdpersoon=inwoner, regeling=regeling,
                                           omschrijving=omschrijving, ontvangen_op=ontvangen_op, kosten=kosten, grond=grond)
        Intakesignaal.objects.create(huishouden=huishouden, inwoner=inwoner, zaak=zaak, domein=definitie.domein,
                                     datum=zaak.ontvangen_op, reden=reden, gestart_door=gebruiker)
        audit.log(gebruiker, beleid.CREATE, grond, zaak=zaak, inwoner=inwoner, onderwerp=ONDERWERP,
                  toelichting=f"huishouden {huishouden.pk}; reden: {reden}")
    return zaak
