"""Consulent web UI — the household page: members with their relation, and all the household's zaken
together; a zaak the user may not see is named only by its domain ("zaak in ander domein — geen toegang")."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from maatwerk.personen.models import Huishouden
from maatwerk.toegang import beleid
from maatwerk.toegang.views import inlog_vereist, ui_context
from maatwerk.zaken import ui_services
from maatwerk.zaken.regelingen import DOMEINEN


def _leeftijd(geboortedatum, op) -> int:
    return op.year - geboortedatum.year - ((op.month, op.day) < (geboortedatum.month, geboortedatum.day))


@inlog_vereist
def huishouden(request, pk: int):
    hh = get_object_or_404(Huishouden, pk=pk)
    beleid.vereis_huishouden(request.user, hh, beleid.VIEW)
    vandaag = timezone.localdate()
    leden = [{"lid": lid, "inwoner": lid.inwoner, "leeftijd": _leeftijd(lid.inwoner.geboortedatum, vandaag)}
             for lid in hh.huidige_lidmaatschappen()]
    eerder = list(hh.lidmaatschappen.filter(tot__isnull=False).select_related("inwoner").order_by("-tot"))
    zaken, zichtbaar = [], []
    for zaak in hh.zaken.select_related("hoofdpersoon").order_by("-ontvangen_op", "-id"):
        grond = beleid.grond_zaak(request.user, zaak, beleid.VIEW)
        if grond.toegestaan:
            zichtbaar.append(zaak)
            zaken.append({"zaak": zaak, "toegang": True, "grond": grond,
                          "termijnen": ui_services.termijnen_van(zaak, vandaag)})
        else:
            zaken.append({"zaak": None, "toegang": False, "domein": DOMEINEN[zaak.domein]})
    beleid.log_lijst_zaken(request.user, zichtbaar, toelichting=f"huishouden {hh.pk}")
    context = {**ui_context(request, "werkvoorraad"), "huishouden": hh, "leden": leden, "eerder": eerder,
               "zaken": zaken, "vandaag": vandaag}
    return render(request, "personen/huishouden.html", context)
