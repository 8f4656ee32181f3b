"""The provider's retourberichten on our messages (302 on a 301, 320 on a 319) and our 319 answer on a verzoek.

- `stuur_319`: after the consulent decided on a 315/317 verzoek (toegewezen or afgewezen with reason), Maatwerk
  makes the 319 for the provider (called by `services.beoordeel_verzoek`, inside its transaction).
- `importeer_retour`: a 302/320 is tied to the message it answers (our 301/319, by its BerichtIdentificatie and
  the provider's AGB-code) on a zaak the user may work on; a 302 records per ToegewezenProduct whether the
  provider accepted it (retourcode 0200). Unknown and "not yours" answer the same (no leak of other zaken).

Rights: the rights-table action `iwmo_berichten` on the zaak (the zaak's own domain), audited like the rest.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from maatwerk.iwmo import codelijsten as cl
from maatwerk.iwmo import xml_antwoord
from maatwerk.iwmo.models import Bericht, BerichtStatus, Richting, Toewijzing
from maatwerk.iwmo.xmlbericht import OnleesbaarBericht
from maatwerk.toegang import beleid
from maatwerk.zaken.models import Zaak
from maatwerk.zaken.vergrendeling import vergrendel


def stuur_319(gebruiker, verzoek, *, nu: dt.datetime | None = None) -> Bericht:
    """The 319 on a decided verzoek. The caller holds the transaction and the zaak lock."""
    from maatwerk.iwmo.schema import OngeldigGemaakt

    nu = timezone.localtime(nu or timezone.now())
    bericht = Bericht.objects.create(domein=verzoek.zaak.domein, soort="319", richting=Richting.UIT, zaak=verzoek.zaak,
                                     toewijzing=verzoek.resultaat or verzoek.toewijzing, aanbieder=verzoek.aanbieder,
                                     afzender=cl.GEMEENTECODE, dagtekening=nu.date(), xml="",
                                     status=BerichtStatus.AANGEMAAKT, antwoord_op=verzoek.bericht, door=gebruiker)
    bericht.identificatie = f"MW{bericht.pk:010d}"
    try:
        data = xml_antwoord.bouw_319(verzoek, identificatie=bericht.identificatie, dagtekening=nu.date())
    except OngeldigGemaakt as fout:
        raise ValidationError({"__all__": [f"Het antwoord aan de aanbieder (319) kan niet worden gemaakt: {fout}"]}) from None
    bericht.xml = data.decode("utf-8")
    bericht.bestandsnaam = f"{cl.PREFIX[bericht.domein]}319_{bericht.identificatie}.xml"
    bericht.save()
    return bericht


def _fout(element: str, tekst: str) -> ValidationError:
    return ValidationError({"bestand": [f"{element}: {tekst}"]})


def importeer_retour(gebruiker, root, domein: str, soort: str, data: bytes, *, bestandsnaam: str = "",
                     zaak: Zaak | None = None, vandaag: dt.date) -> Bericht:
    """Read a 302/320 and record it on the zaak of the message it answers. Raises ValidationError({"bestand"})
    naming the element when the file is malformed or answers no message of ours the user may see."""
    from maatwerk.iwmo.services import mag, vereis

    try:
        gelezen = xml_antwoord.lees_retour(root, domein, soort, vandaag=vandaag)
    except OnleesbaarBericht as fout:
        raise _fout(fout.element, fout.tekst) from None
    origineel = (Bericht.objects.filter(domein=domein, soort=cl.RETOUR_OP_ONS[soort], richting=Richting.UIT,
                                        identificatie=gelezen.identificatie, aanbieder__agb_code=gelezen.afzender)
                 .select_related("zaak", "toewijzing", "aanbieder").first())
    if (origineel is None or origineel.zaak is None or (zaak is not None and origineel.zaak_id != zaak.pk)
            or not mag(gebruiker, origineel.zaak)):
        raise _fout("Header/BerichtIdentificatie/Identificatie",
                    f"'{gelezen.identificatie}' is geen {cl.PREFIX[domein]}{cl.RETOUR_OP_ONS[soort]} die Maatwerk aan deze "
                    "aanbieder stuurde op een zaak die u behandelt.")
    doel = origineel.zaak
    vereis(gebruiker, doel, beleid.CHANGE, f"iwmo-bericht {soort} (import)", bestandsnaam[:100])
    if gelezen.bsn != doel.hoofdpersoon.bsn:
        raise _fout("Client/Bsn", f"het burgerservicenummer hoort niet bij de cliënt van {origineel.type_tekst} "
                                  f"{origineel.identificatie}.")
    if Bericht.objects.filter(richting=Richting.IN, domein=domein, soort=soort, afzender=gelezen.afzender,
                              identificatie=gelezen.identificatie_retour).exists():  # TR056
        raise _fout("Header/IdentificatieRetour", f"'{gelezen.identificatie_retour}' is al eerder ontvangen van deze aanbieder.")
    with transaction.atomic():
        vergrendel(doel)
        codes = gelezen.alle_codes
        bericht = Bericht.objects.create(
            domein=domein, soort=soort, richting=Richting.IN, zaak=doel, toewijzing=origineel.toewijzing,
            aanbieder=origineel.aanbieder, afzender=gelezen.afzender, identificatie=gelezen.identificatie_retour,
            dagtekening=gelezen.dagtekening_retour, xml=data.decode("utf-8", "replace"), bestandsnaam=bestandsnaam[:200],
            status=BerichtStatus.VERWERKT, retourcodes=" ".join(codes)[:200], antwoord_op=origineel, door=gebruiker,
        )
        if soort == "302":
            _leg_acceptatie_vast(gelezen, origineel)
    return bericht


def _leg_acceptatie_vast(gelezen, origineel: Bericht) -> None:
    """Per ToegewezenProduct of the 301: accepted when its own codes and those above it are 0200 only."""
    boven = {*gelezen.header_codes, *gelezen.client_codes} - {cl.GEEN_OPMERKING}
    nummers = {r.sleutel: r for r in gelezen.regels if r.klasse == "ToegewezenProduct" and r.sleutel}
    for t in Toewijzing.objects.filter(domein=origineel.domein, nummer__in=list(nummers),
                                       zaak=origineel.zaak, aanbieder=origineel.aanbieder):
        regel = nummers[t.nummer]
        eigen = [c for c in regel.codes if c]
        t.geaccepteerd = not boven and eigen == [cl.GEEN_OPMERKING]
        t.retourcodes_aanbieder = " ".join(sorted({*boven, *eigen}))[:50]
        t.save(update_fields=["geaccepteerd", "retourcodes_aanbieder"])
