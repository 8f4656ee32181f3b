"""Documents with the college's request and with the advice (issue 12, point 6): real files instead of names.

The checks and the store are the zaken app's (`zaken.documenten`): PDF, JPEG or PNG detected from the first
bytes, not empty, at most `MAATWERK_DOCUMENT_MAX_BYTES`; the bytes once per SHA-256 in `zaken.Documentinhoud`.
Each accepted file is stored in its own short transaction (synced on SQLite) before the answer, so a bad file
next to it, or a later form error, never loses it; each refused file gets a Dutch message naming it and the
problem. Who may add: the beleidsmedewerker for the request (`advies_aanvragen`), the adviesraad's secretary for
the advice (`advies_vastleggen`, once the advice is recorded). Who may see: whoever may see the request
(`services.vereis_inzien`); the public only documents marked public, and only once the advice is recorded.
Every upload and download writes an audit line.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from maatwerk.adviesraad import services
from maatwerk.adviesraad.models import Adviesaanvraag, Adviesdocument, Documentbij
from maatwerk.regels.invoer import InvoerFout
from maatwerk.toegang import audit, rechten
from maatwerk.toegang.beleid import CREATE
from maatwerk.toegang.rolrecht import rolgrond
from maatwerk.zaken import documenten
from maatwerk.zaken.fouten import ProcedureFout

MAX_BESTANDEN = 10


def handeling(bij: str) -> str:
    return rechten.ADVIES_AANVRAGEN if bij == Documentbij.AANVRAAG else rechten.ADVIES_VASTLEGGEN


def mag_toevoegen(user, bij: str) -> bool:
    return services.mag(user, handeling(bij))


def _bericht(naam: str, fout: ValidationError) -> str:
    """The zaken app's message ("Bestand: ...") with the file's name, so several refusals can be told apart."""
    berichten = fout.message_dict.get(documenten.BESTAND) or fout.messages
    return " ".join(b.replace("Bestand:", f"Bestand ‘{naam}’:", 1) for b in berichten)


def voeg_toe(user, aanvraag: Adviesaanvraag, bestanden, *, bij, openbaar=False,
             te_groot: frozenset[str] | set[str] = frozenset()) -> tuple[list[Adviesdocument], list[str]]:
    """Store every acceptable file of `bestanden`; returns (stored documents, messages for the refused ones).
    `te_groot`: names of files the upload handler already dropped for their size (zaken/upload.py)."""
    if bij not in Documentbij.values:
        raise InvoerFout("bij", "Kies of het document bij de aanvraag of bij het advies hoort.")
    services.vereis_recht_op(user, handeling(bij), "adviesdocument", CREATE, toelichting=f"aanvraag {aanvraag.pk}")
    if bij == Documentbij.ADVIES and services.advies_van(aanvraag) is None:
        raise ProcedureFout("Leg eerst het advies vast; daarna kunnen de stukken bij het advies worden toegevoegd.",
                            code="nog_geen_advies")
    bestanden = list(bestanden)
    if not bestanden and not te_groot:
        raise InvoerFout("bestanden", "Bestanden: kies ten minste één bestand (PDF, JPEG of PNG).")
    if len(bestanden) + len(te_groot) > MAX_BESTANDEN:
        raise InvoerFout("bestanden", f"Bestanden: ten hoogste {MAX_BESTANDEN} bestanden tegelijk.")
    opgeslagen, fouten = [], []
    for naam in sorted(te_groot):
        fouten.append(documenten.te_groot_bericht().replace("Bestand:", f"Bestand ‘{naam}’:", 1))
    for bestand in bestanden:
        naam = documenten.schone_naam(getattr(bestand, "name", ""))
        try:
            inhoud, inhoudstype = documenten.controleer_bestand(bestand)
        except ValidationError as fout:
            fouten.append(_bericht(naam, fout))
            continue
        with documenten.volledig_synchroon(), transaction.atomic():
            sha = documenten.bewaar_inhoud(inhoud)
            document = Adviesdocument.objects.create(
                aanvraag=aanvraag, bij=bij, bestandsnaam=naam, inhoudstype=inhoudstype, grootte=len(inhoud),
                inhoud_id=sha, openbaar=bool(openbaar), geupload_door=user)
            audit.log(user, CREATE, rolgrond(handeling(bij)), onderwerp="adviesdocument",
                      toelichting=f"aanvraag {aanvraag.pk}: document {document.pk} ‘{naam}’ ({bij}), "
                                  f"sha256 {sha[:16]}…{', openbaar' if openbaar else ''}")
        opgeslagen.append(document)
    return opgeslagen, fouten


def document_voor(user, pk) -> Adviesdocument:
    """A document for someone who may see the request, with an audit line naming it; unknown: 404."""
    document = Adviesdocument.objects.select_related("aanvraag").filter(pk=pk).first()
    services.vereis_inzien(user, "adviesdocument (download)",
                           toelichting=f"document {pk}" + (f" ‘{document.bestandsnaam}’, aanvraag "
                                                           f"{document.aanvraag_id}" if document else ""))
    if document is None:
        raise Http404("Niet gevonden.")
    return document


def openbare_documenten(aanvraag: Adviesaanvraag) -> list[Adviesdocument]:
    """What the public page shows: documents marked public, once the advice is recorded (and the request sent)."""
    if services.advies_van(aanvraag) is None or aanvraag.verzonden_op > timezone.localdate():
        return []
    return [d for d in aanvraag.bijlagen.all() if d.openbaar]


def openbaar_document(pk) -> Adviesdocument:
    """A public document for anyone; any other id (unknown, not public, advice not yet recorded): 404."""
    document = Adviesdocument.objects.select_related("aanvraag").filter(pk=pk, openbaar=True).first()
    if document is None or document not in openbare_documenten(document.aanvraag):
        raise Http404("Niet gevonden.")
    return document
