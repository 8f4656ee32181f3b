"""The public page of advices and answers (no login; in the loket's layout, mounted under /loket/adviesraad/).

Art. 3:3 lid 1: the advices go "onverkort" to the council, "doch niet eerder dan wanneer het betreffende stuk
vanuit het college naar de Adviesraad is verstuurd": a request appears once it has been sent (every stored request
has a date of sending in the past). No names of staff; no personal data of residents exist here (art. 3:10)."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone

from maatwerk.adviesraad import bijlagen, services
from maatwerk.adviesraad.models import Adviesaanvraag
from maatwerk.loket import sessie


def adviezen(request):
    vandaag = timezone.localdate()
    aanvragen = (Adviesaanvraag.objects.filter(verzonden_op__lte=vandaag).select_related("advies")
                 .prefetch_related("advies__punten", "advies__raadsverstrekkingen", "bijlagen")[:200])
    rijen = [(a, services.status_tekst(a, vandaag), services.advies_van(a), bijlagen.openbare_documenten(a))
             for a in aanvragen]
    return render(request, "adviesraad/openbaar/adviezen.html",
                  {"handelend": sessie.handelend(request), "rijen": rijen, "zittend": services.zittend(vandaag)})


def document(request, pk: int):
    """A public document (no login): only marked public and only once the advice is recorded; else 404."""
    from maatwerk.zaken.documenten_api import download

    return download(bijlagen.openbaar_document(pk))
