"""Recording and ending grounds for access outside one's own domain (consent register, legal grounds)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

from maatwerk.personen.models import Inwoner
from maatwerk.toegang import audit, beleid
from maatwerk.toegang.models import SoortGrond, Toestemming, WettelijkeGrondslag
from maatwerk.toegang.grondslagen import CATALOGUS
from maatwerk.toegang.rollen import HANDHAVING, KWALITEITSMEDEWERKER, ONTVANGER_KEUZES, domeinen, heeft_rol, ontvangers
from maatwerk.zaken.regelingen import DOMEINEN

MIN_DOEL = 10  # characters; a purpose must be stated, not a legal figure
MIN_KENMERK = 3  # characters of the signed document's reference
# A consent runs at most one year (issue 7: an end date is required). A year covers an onderzoek, the besluit and
# the first review of the support; a longer need asks the inwoner again, which is what consent means (AVG art. 7).
MAX_TOESTEMMING_DAGEN = 365


def _controleer(ontvanger: str, domein: str, doel: str, geldig_vanaf: dt.date, geldig_tot: dt.date | None,
                max_dagen: int) -> str:
    if ontvanger not in dict(ONTVANGER_KEUZES):
        raise ValidationError({"ontvanger": [f"Kies uit: {', '.join(dict(ONTVANGER_KEUZES))}."]})
    if domein not in DOMEINEN:
        raise ValidationError({"domein": [f"Kies uit: {', '.join(DOMEINEN)}."]})
    if ontvanger == domein:
        raise ValidationError({"domein": ["Voor gegevens uit het eigen domein is geen aparte grond nodig."]})
    doel = (doel or "").strip()
    if len(doel) < MIN_DOEL:
        raise ValidationError({"doel": [f"Beschrijf het doel (ten minste {MIN_DOEL} tekens): waarvoor zijn de gegevens nodig?"]})
    if geldig_tot is None:
        raise ValidationError({"geldig_tot": [f"Vul de einddatum in (hoogstens {max_dagen} dagen na de begindatum)."]})
    if geldig_tot < geldig_vanaf:
        raise ValidationError({"geldig_tot": ["De einddatum ligt vóór de begindatum."]})
    if (geldig_tot - geldig_vanaf).days > max_dagen:
        raise ValidationError({"geldig_tot": [f"De einddatum ligt te ver weg: hoogstens {max_dagen} dagen na de begindatum."]})
    return doel


def leg_toestemming_vast(gebruiker, inwoner: Inwoner, *, ontvanger: str, domein: str, doel: str, vorm: str,
                         bron: str = "", documentkenmerk: str = "", geldig_vanaf: dt.date | None = None,
                         geldig_tot: dt.date | None = None) -> Toestemming:
    """Record the inwoner's consent that `ontvanger` may see his data of `domein`.

    The recorder has the inwoner in his own domain and is not a recipient himself. The consent is valid only with
    its source: `bron=ondertekend` with the reference of the document the inwoner signed (valid at once), or
    `bron=bevestigd`, valid after a second consulent of the data's domain confirms it (`bevestig_toestemming`)."""
    grond = beleid.grond_inwoner(gebruiker, inwoner, beleid.CHANGE)
    if not grond.toegestaan or grond.soort != SoortGrond.EIGEN_DOMEIN:
        beleid.vereis_eigen_domein_inwoner(gebruiker, inwoner, onderwerp="toestemming")
    geldig_vanaf = geldig_vanaf or timezone.localdate()
    doel = _controleer(ontvanger, domein, doel, geldig_vanaf, geldig_tot, MAX_TOESTEMMING_DAGEN)
    if ontvanger in ontvangers(gebruiker):
        bericht = ("U kunt geen toestemming vastleggen waarmee u zelf inzage krijgt: een ontvanger verleent zichzelf "
                   "nooit toegang. Laat de toestemming vastleggen door een consulent van het domein van de gegevens.")
        audit.log(gebruiker, beleid.CREATE, beleid.Grond(False, SoortGrond.GEEN, bericht), inwoner=inwoner,
                  onderwerp="toestemming")
        raise beleid.GeenToegang(bericht)
    if ontvanger == HANDHAVING:  # consent to one's enforcer is not freely given (AVG art. 7 lid 4, overweging 43)
        raise ValidationError({"ontvanger": ["Handhaving krijgt geen inzage op toestemming; daarvoor is een wettelijke "
                                             "grondslag nodig."]})
    if vorm not in Toestemming.Vorm.values:
        raise ValidationError({"vorm": [f"Kies uit: {', '.join(Toestemming.Vorm.values)}."]})
    if bron not in Toestemming.Bron.values:
        raise ValidationError({"bron": ["Kies de bron: ondertekend door de inwoner, of bevestigd door een tweede consulent."]})
    documentkenmerk = (documentkenmerk or "").strip()
    if bron == Toestemming.Bron.ONDERTEKEND:
        if len(documentkenmerk) < MIN_KENMERK:
            raise ValidationError({"documentkenmerk": ["Vul het kenmerk in van het document dat de inwoner ondertekende."]})
        if vorm == Toestemming.Vorm.MONDELING:
            raise ValidationError({"vorm": ["Mondelinge toestemming is niet ondertekend: kies de bron ‘bevestigd’."]})
    t = Toestemming.objects.create(inwoner=inwoner, ontvanger=ontvanger, domein=domein, doel=doel, vorm=vorm,
                                   bron=bron, documentkenmerk=documentkenmerk, geldig_vanaf=geldig_vanaf,
                                   geldig_tot=geldig_tot, vastgelegd_door=gebruiker)
    audit.log(gebruiker, beleid.CREATE, grond, inwoner=inwoner, onderwerp="toestemming",
              toelichting=f"toestemming {t.pk} ({bron})")
    return t


def bevestig_toestemming(gebruiker, toestemming: Toestemming) -> Toestemming:
    """The second person: a consulent of the data's domain, not the recorder and not a recipient."""
    beleid.vereis_inwoner(gebruiker, toestemming.inwoner, beleid.VIEW, onderwerp="toestemming")
    redenen = []
    if toestemming.domein not in domeinen(gebruiker):
        redenen.append("Alleen een consulent van het domein van de gegevens bevestigt een toestemming.")
    if toestemming.vastgelegd_door_id == gebruiker.pk:
        redenen.append("U heeft deze toestemming zelf vastgelegd; een tweede persoon bevestigt haar.")
    if toestemming.ontvanger in ontvangers(gebruiker):
        redenen.append("U hoort zelf bij de ontvangers van deze toestemming; een ontvanger bevestigt nooit.")
    if redenen:
        bericht = " ".join(redenen)
        audit.log(gebruiker, beleid.CHANGE, beleid.Grond(False, SoortGrond.GEEN, bericht), inwoner=toestemming.inwoner,
                  onderwerp="toestemming", toelichting=f"toestemming {toestemming.pk} bevestigen")
        raise beleid.GeenToegang(bericht)
    if toestemming.bron != Toestemming.Bron.BEVESTIGD or toestemming.bevestigd_op is not None:
        raise ValidationError({"__all__": ["Deze toestemming vraagt geen bevestiging (meer)."]})
    if toestemming.ingetrokken_op is not None:
        raise ValidationError({"__all__": ["Deze toestemming is ingetrokken."]})
    toestemming.bevestigd_door = gebruiker
    toestemming.bevestigd_op = timezone.now()
    toestemming.save(update_fields=["bevestigd_door", "bevestigd_op"])
    grond = beleid.Grond(True, SoortGrond.EIGEN_DOMEIN, f"Tweede persoon, consulent {DOMEINEN[toestemming.domein]}")
    audit.log(gebruiker, beleid.CHANGE, grond, inwoner=toestemming.inwoner, onderwerp="toestemming",
              toelichting=f"toestemming {toestemming.pk} bevestigd")
    return toestemming


def trek_toestemming_in(gebruiker, toestemming: Toestemming) -> Toestemming:
    """AVG art. 7 lid 3: consent can be withdrawn at any time; the record stays."""
    grond = beleid.grond_inwoner(gebruiker, toestemming.inwoner, beleid.CHANGE)
    if not grond.toegestaan:
        beleid.vereis_inwoner(gebruiker, toestemming.inwoner, beleid.CHANGE, onderwerp="toestemming")
    if toestemming.ingetrokken_op is not None:
        raise ValidationError({"__all__": ["Deze toestemming is al ingetrokken."]})
    toestemming.ingetrokken_op = timezone.now()
    toestemming.ingetrokken_door = gebruiker
    toestemming.save(update_fields=["ingetrokken_op", "ingetrokken_door"])
    audit.log(gebruiker, beleid.CHANGE, grond, inwoner=toestemming.inwoner, onderwerp="toestemming",
              toelichting=f"toestemming {toestemming.pk} ingetrokken")
    return toestemming


def leg_grondslag_vast(gebruiker, inwoner: Inwoner, *, ontvanger: str, domein: str, code: str, doel: str,
                       geldig_vanaf: dt.date | None = None, geldig_tot: dt.date | None = None) -> WettelijkeGrondslag:
    """A legal ground from the catalogue (toegang.grondslagen), recorded by a kwaliteitsmedewerker who is not one
    of its recipients; the catalogue entry must cover the domain and the recipient, and the end date its maximum."""
    if not heeft_rol(gebruiker, KWALITEITSMEDEWERKER):
        raise beleid.GeenToegang("Een wettelijke grondslag wordt vastgelegd door een kwaliteitsmedewerker.")
    uit = CATALOGUS.get(code)
    if uit is None:
        raise ValidationError({"code": [f"Kies een grondslag uit de catalogus: {', '.join(CATALOGUS)}."]})
    if ontvanger in ontvangers(gebruiker):
        raise beleid.GeenToegang("Wie een grondslag vastlegt, is nooit zelf de ontvanger ervan.")
    if uit.domein != domein or uit.ontvanger != ontvanger:
        raise ValidationError({"code": [
            f"{uit.label} geldt alleen voor gegevens uit het domein {DOMEINEN[uit.domein]} voor "
            f"{dict(ONTVANGER_KEUZES)[uit.ontvanger]}."]})
    geldig_vanaf = geldig_vanaf or timezone.localdate()
    doel = _controleer(ontvanger, domein, doel, geldig_vanaf, geldig_tot, uit.max_dagen)
    g = WettelijkeGrondslag.objects.create(inwoner=inwoner, ontvanger=ontvanger, domein=domein, doel=doel, code=code,
                                           grondslag=uit.label, geldig_vanaf=geldig_vanaf, geldig_tot=geldig_tot,
                                           vastgelegd_door=gebruiker)
    grond = beleid.Grond(True, SoortGrond.ROL, "Rol kwaliteitsmedewerker: registratie wettelijke grondslag")
    audit.log(gebruiker, beleid.CREATE, grond, inwoner=inwoner, onderwerp="wettelijke grondslag",
              toelichting=f"grondslag {g.pk} ({code}) voor {ontvanger}")
    return g
