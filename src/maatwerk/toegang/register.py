"""Recording and ending grounds for access outside one's own domain (consent register, legal grounds)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

from maatwerk.personen.models import Inwoner
from maatwerk.toegang import audit, beleid
from maatwerk.toegang.models import SoortGrond, Toestemming, WettelijkeGrondslag
from maatwerk.toegang.rollen import KWALITEITSMEDEWERKER, ONTVANGER_KEUZES, domeinen, heeft_rol
from maatwerk.zaken.regelingen import DOMEINEN

MIN_DOEL = 10  # characters; a purpose must be stated, not a legal figure


def _controleer(ontvanger: str, domein: str, doel: str, geldig_vanaf: dt.date, geldig_tot: dt.date | None) -> str:
    if ontvanger not in dict(ONTVANGER_KEUZES):
        raise ValidationError({"ontvanger": [f"Kies uit: {', '.join(dict(ONTVANGER_KEUZES))}."]})
    if domein not in DOMEINEN:
        raise ValidationError({"domein": [f"Kies uit: {', '.join(DOMEINEN)}."]})
    if ontvanger == domein:
        raise ValidationError({"domein": ["Voor gegevens uit het eigen domein is geen aparte grond nodig."]})
    doel = (doel or "").strip()
    if len(doel) < MIN_DOEL:
        raise ValidationError({"doel": [f"Beschrijf het doel (ten minste {MIN_DOEL} tekens): waarvoor zijn de gegevens nodig?"]})
    if geldig_tot is not None and geldig_tot < geldig_vanaf:
        raise ValidationError({"geldig_tot": ["De einddatum ligt vóór de begindatum."]})
    return doel


def leg_toestemming_vast(gebruiker, inwoner: Inwoner, *, ontvanger: str, domein: str, doel: str, vorm: str,
                         geldig_vanaf: dt.date | None = None, geldig_tot: dt.date | None = None) -> Toestemming:
    """The consulent who needs the data records the inwoner's consent; he must have his own-domain link with
    the inwoner and be a recipient of the consent himself."""
    grond = beleid.grond_inwoner(gebruiker, inwoner, beleid.CHANGE)
    if not grond.toegestaan or grond.soort != SoortGrond.EIGEN_DOMEIN:
        beleid.vereis_eigen_domein_inwoner(gebruiker, inwoner, onderwerp="toestemming")
    geldig_vanaf = geldig_vanaf or timezone.localdate()
    doel = _controleer(ontvanger, domein, doel, geldig_vanaf, geldig_tot)
    if ontvanger not in domeinen(gebruiker):
        raise ValidationError({"ontvanger": ["U kunt alleen toestemming vastleggen voor uw eigen domein als ontvanger."]})
    if vorm not in Toestemming.Vorm.values:
        raise ValidationError({"vorm": [f"Kies uit: {', '.join(Toestemming.Vorm.values)}."]})
    t = Toestemming.objects.create(inwoner=inwoner, ontvanger=ontvanger, domein=domein, doel=doel, vorm=vorm,
                                   geldig_vanaf=geldig_vanaf, geldig_tot=geldig_tot, vastgelegd_door=gebruiker)
    audit.log(gebruiker, beleid.CREATE, grond, inwoner=inwoner, onderwerp="toestemming", toelichting=f"toestemming {t.pk}")
    return t


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


def leg_grondslag_vast(gebruiker, inwoner: Inwoner, *, ontvanger: str, domein: str, grondslag: str, doel: str,
                       geldig_vanaf: dt.date | None = None, geldig_tot: dt.date | None = None) -> WettelijkeGrondslag:
    """A legal ground is recorded by a kwaliteitsmedewerker (not by the recipient himself: two persons)."""
    if not heeft_rol(gebruiker, KWALITEITSMEDEWERKER):
        raise beleid.GeenToegang("Een wettelijke grondslag wordt vastgelegd door een kwaliteitsmedewerker.")
    geldig_vanaf = geldig_vanaf or timezone.localdate()
    doel = _controleer(ontvanger, domein, doel, geldig_vanaf, geldig_tot)
    grondslag = (grondslag or "").strip()
    if len(grondslag) < MIN_DOEL:
        raise ValidationError({"grondslag": ["Noem de wet en het artikel, bijvoorbeeld 'Participatiewet, artikel 53a'."]})
    g = WettelijkeGrondslag.objects.create(inwoner=inwoner, ontvanger=ontvanger, domein=domein, doel=doel,
                                           grondslag=grondslag, geldig_vanaf=geldig_vanaf, geldig_tot=geldig_tot,
                                           vastgelegd_door=gebruiker)
    grond = beleid.Grond(True, SoortGrond.ROL, "Rol kwaliteitsmedewerker: registratie wettelijke grondslag")
    audit.log(gebruiker, beleid.CREATE, grond, inwoner=inwoner, onderwerp="wettelijke grondslag",
              toelichting=f"grondslag {g.pk} voor {ontvanger}")
    return g

