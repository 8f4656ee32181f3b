""""Ik wil een gesprek" (issue 9, point 4): a resident asks for a keukentafelgesprek or a call.

Purpose binding: a request of domain D is for the consulenten of D only (Wmo, Jeugd and Inkomen data are
separate). The ordinance asks the toegangspartij to make an appointment "zo spoedig mogelijk" and to point the
resident to free cliëntondersteuning before the conversation (Verordening Sociaal Domein 2018, art. 2:2 lid 2
en 3); the request records whether a cliëntondersteuner or someone from the network comes along.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from maatwerk.loket import sessie
from maatwerk.loket.models import Gespreksverzoek
from maatwerk.personen.models import Inwoner
from maatwerk.toegang import audit
from maatwerk.toegang.beleid import Grond
from maatwerk.toegang.models import Actie, SoortGrond
from maatwerk.toegang.rollen import domeinen
from maatwerk.zaken.regelingen import DOMEINEN


def vraag_gesprek(request, h: sessie.Handelend, gegevens: dict) -> Gespreksverzoek:
    """Store the request durably (the receipt is shown only after the commit) with its audit line."""
    with transaction.atomic():
        inwoner = Inwoner.objects.filter(bsn=h.betreft_bsn).first()
        verzoek = Gespreksverzoek.objects.create(
            domein=gegevens["domein"], soort=gegevens["soort"], bsn=h.betreft_bsn,
            gemachtigde_bsn=h.bsn if h.gemachtigd else "", inwoner=inwoner,
            dagen=list(gegevens.get("dagen") or []), dagdelen=list(gegevens.get("dagdelen") or []),
            voorkeur=gegevens.get("voorkeur", ""), telefoon=gegevens["telefoon"],
            begeleiding=gegevens["begeleiding"], onderwerp=gegevens.get("onderwerp", ""),
        )
        sessie.log(request, Actie.CREATE, "gespreksverzoek", f"Gespreksverzoek {verzoek.pk} ({verzoek.domein}).",
                   inwoner=inwoner, h=h)
    return verzoek


def verzoeken_voor(gebruiker):
    """The requests a consulent may see: those of the domains of his role. Anyone else is refused (logged)."""
    eigen = domeinen(gebruiker)
    if not eigen:
        audit.log(gebruiker, Actie.VIEW, Grond(False, SoortGrond.GEEN, "Alleen consulenten zien gespreksverzoeken "
                                                 "van hun eigen domein"), onderwerp="gespreksverzoeken")
        raise PermissionDenied("Gespreksverzoeken zijn alleen voor consulenten van het gekozen domein.")
    verzoeken = list(Gespreksverzoek.objects.filter(domein__in=eigen).select_related("inwoner")[:200])
    namen = ", ".join(DOMEINEN[d] for d in sorted(eigen))
    audit.log_veel([
        audit.nieuwe_regel(gebruiker, Actie.VIEW, Grond(True, SoortGrond.EIGEN_DOMEIN, f"Consulent {namen}: eigen domein"),
                           inwoner=v.inwoner, onderwerp="gespreksverzoek", toelichting=f"gespreksverzoek {v.pk}")
        for v in verzoeken
    ])
    return verzoeken
