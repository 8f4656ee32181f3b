"""The short, optional survey a resident gets in Mijn zaken once a letter with a besluit was sent to him
(issue 12, point 5). Three questions on a scale of 1 to 5 and one open question, in B1 language.

Once per zaak (`ErvaringIngevuld`); the answers go to `Ervaring` with only the regeling and the month, so
the monitor shows them only as aggregates (`monitor.cijfers.ervaringen`) and nothing leads back to the person.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from maatwerk.loket import mijnzaken, sessie
from maatwerk.monitor.models import Ervaring, ErvaringIngevuld
from maatwerk.toegang.models import Actie
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import Zaak

VRAGEN = {
    "brief_begrepen": "Begreep u de brief met ons besluit?",
    "snel_genoeg": "Kreeg u snel genoeg antwoord op uw vraag?",
    "gehoord": "Had u het gevoel dat wij naar u luisterden?",
}
SCHAAL = [(1, "1 - helemaal niet"), (2, "2 - niet zo goed"), (3, "3 - een beetje"), (4, "4 - goed"),
          (5, "5 - heel goed")]
OPEN_VRAAG = "Wat kunnen wij beter doen?"
MAX_OPMERKING = 2000
AL_INGEVULD = "U hebt de vragen over deze zaak al beantwoord. Dank u wel."


def kan_invullen(zaak: Zaak) -> bool:
    """After a sent letter (a bekendgemaakt besluit), and only once per zaak."""
    return (mijnzaken.verzonden_besluiten(zaak).exists()
            and not ErvaringIngevuld.objects.filter(zaak=zaak).exists())


def sla_op(request, h: sessie.Handelend, zaak: Zaak, *, brief_begrepen: int, snel_genoeg: int, gehoord: int,
           opmerking: str = "") -> None:
    if not mijnzaken.verzonden_besluiten(zaak).exists():
        raise ProcedureFout("U kunt de vragen beantwoorden als u een brief met ons besluit hebt gekregen.")
    vandaag = timezone.localdate()
    try:
        with transaction.atomic():
            ErvaringIngevuld.objects.create(zaak=zaak)
            Ervaring.objects.create(regeling=zaak.regeling, maand=vandaag.replace(day=1),
                                    brief_begrepen=brief_begrepen, snel_genoeg=snel_genoeg, gehoord=gehoord,
                                    opmerking=opmerking.strip()[:MAX_OPMERKING])
    except IntegrityError:
        raise ProcedureFout(AL_INGEVULD) from None
    # The audit line says that the resident answered, never what he answered.
    sessie.log(request, Actie.CREATE, "mijn zaak: ervaring", f"Zaak {zaak.pk}: vragenlijst ingevuld.",
               inwoner=zaak.hoofdpersoon, h=h)
