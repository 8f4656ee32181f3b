"""Pages of the online aanvraag and melding (issue 9, point 3). The rules are in loket/aanvraag.py; these views
only ask, show and answer.

The form page reads several files per submission. The upload limit is installed before the body is read (hence
`csrf_exempt` outside and `csrf_protect` inside, as zaken/documenten_views does), and the request runs outside
the request-wide transaction (web/transacties.EIGEN_TRANSACTIE): accepted files are kept in their own commit even
when the answer is a 400 for another file or field, and the submission is its own short transaction.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import SkipFile
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from maatwerk.loket import aanvraag, sessie
from maatwerk.loket.aanvraag_formulieren import formulier_voor
from maatwerk.loket.views import _pagina, inwoner_vereist
from maatwerk.toegang import audit
from maatwerk.toegang.beleid import Grond
from maatwerk.toegang.models import Actie, SoortGrond
from maatwerk.zaken import documenten, upload
from maatwerk.zaken.regelingen import REGELINGEN

VELD = "bestanden"
TE_GROOT = 413


class NamenGrensHandler(upload.GrensHandler):
    """The document limit per file (zaken/upload.GrensHandler), remembering the NAME of each file it skipped:
    all files of this form share one field, and the message must name the file."""

    def __init__(self, request=None):
        super().__init__(request)
        self.te_groot_namen: set[str] = set()

    def receive_data_chunk(self, raw_data, start):
        try:
            return super().receive_data_chunk(raw_data, start)
        except SkipFile:
            self.te_groot_namen.add(self.file_name)
            raise


def _te_groot_verzoek(request) -> bool:
    try:
        lengte = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return lengte > aanvraag.MAX_BESTANDEN * documenten.max_bytes() + upload.MARGE


def _sleutel(waarde) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(waarde))
    except (TypeError, ValueError):
        return None


@inwoner_vereist
def kiezen(request, h: sessie.Handelend):
    return _pagina(request, "loket/aanvraag_kiezen.html", {"regelingen": aanvraag.regelingen()})


def _context(h, regeling, form, sleutel, fouten=()):
    b = aanvraag.bekend(h)
    return {"regeling": regeling, "naam": REGELINGEN[regeling].naam, "melding": aanvraag.is_melding(regeling),
            "form": form, "bekend": b, "concept": list(aanvraag.concept_bestanden(h, sleutel)),
            "bestandfouten": list(fouten), "max_bestanden": aanvraag.MAX_BESTANDEN,
            "max_grootte": documenten.bestandsgrootte(documenten.max_bytes())}


def _onbekend(request):
    return _pagina(request, "loket/aanvraag_onbekend.html", status=200)


@csrf_exempt
def formulier(request, regeling: str):
    """GET: the form with a fresh form token. POST: files and answers; a refusal keeps both (400)."""
    if regeling not in REGELINGEN:
        raise Http404("Deze regeling bestaat niet.")
    if request.method == "POST" and _te_groot_verzoek(request):
        return _te_groot(request, regeling)
    if request.method == "POST":
        handler = NamenGrensHandler(request)
        request.upload_handlers.insert(0, handler)
        return _post(request, regeling, handler)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "POST"])
    return _get(request, regeling)


@inwoner_vereist
def _get(request, h, regeling):
    try:
        sessie.log(request, Actie.VIEW, ONDERWERP_FORMULIER, f"Formulier {REGELINGEN[regeling].naam} geopend.", h=h)
        sleutel = aanvraag.nieuwe_sleutel()
        form = formulier_voor(regeling)(regeling=regeling, initial={"formuliersleutel": sleutel})
        return _pagina(request, "loket/aanvraag_formulier.html", _context(h, regeling, form, sleutel))
    except aanvraag.OnbekendeInwoner:
        return _onbekend(request)


ONDERWERP_FORMULIER = "formulier online aanvraag"


@inwoner_vereist
def _te_groot(request, h, regeling):
    # The body is not read at all (it may be far too large): nothing of it can be kept, and the page says so.
    form = formulier_voor(regeling)(regeling=regeling, initial={"formuliersleutel": aanvraag.nieuwe_sleutel()})
    fout = (f"Wat u stuurde is samen te groot: hoogstens {aanvraag.MAX_BESTANDEN} bestanden van elk "
            f"{documenten.bestandsgrootte(documenten.max_bytes())}. Er is niets opgeslagen. Stuur minder of kleinere bestanden.")
    try:
        return _pagina(request, "loket/aanvraag_formulier.html",
                       _context(h, regeling, form, None, [fout]), status=TE_GROOT)
    except aanvraag.OnbekendeInwoner:
        return _onbekend(request)


@csrf_protect
@inwoner_vereist
def _post(request, h, regeling, handler):
    try:
        aanvraag.bekend(h)
    except aanvraag.OnbekendeInwoner:
        return _onbekend(request)
    klasse = formulier_voor(regeling)
    form = klasse(request.POST, regeling=regeling)
    sleutel = _sleutel(request.POST.get("formuliersleutel"))
    if sleutel is None:
        # No (valid) form token: a new one, so the files of this post are kept under it.
        sleutel = aanvraag.nieuwe_sleutel()
        form = klasse({**request.POST.dict(), "formuliersleutel": str(sleutel)}, regeling=regeling)
    # Already submitted with this token (double click, back button and resend): the same receipt.
    eerder = aanvraag.indiening_van(h, sleutel)
    if eerder is not None:
        return redirect("loket:aanvraag_ontvangen", sleutel=eerder.formuliersleutel)
    goed, fouten = aanvraag.controleer_bestanden(request.FILES.getlist(VELD), handler.te_groot_namen)
    fouten += aanvraag.bewaar_concept(h, sleutel, goed)  # kept now, whatever happens next
    if form.is_valid() and not fouten:
        try:
            indiening = aanvraag.dien_in(request.user, h, regeling, sleutel, form.cleaned_data, [])
        except ValidationError as fout:
            for veld, berichten in fout.message_dict.items():
                for bericht in berichten:
                    form.add_error(None if veld not in form.fields else veld, bericht)
        else:
            return redirect("loket:aanvraag_ontvangen", sleutel=indiening.formuliersleutel)
    sessie.log(request, Actie.CREATE, ONDERWERP_FORMULIER,
               f"Formulier {REGELINGEN[regeling].naam} niet verstuurd: invoer afgewezen.", h=h)
    return _pagina(request, "loket/aanvraag_formulier.html", _context(h, regeling, form, sleutel, fouten), status=400)


@inwoner_vereist
def ontvangen(request, h: sessie.Handelend, sleutel):
    indiening = aanvraag.indiening_van(h, sleutel)
    if indiening is None:  # unknown, or someone else's: the same answer, and a refused audit line
        audit.log(request.user, Actie.VIEW, Grond(False, SoortGrond.GEEN, "Ontvangstbewijs van een andere inwoner "
                                                  "of onbekend"), onderwerp="ontvangstbewijs aanvraag",
                  toelichting=f"{aanvraag._bsns(h)}. Formuliersleutel {sleutel}.")
        raise Http404("Niet gevonden.")
    aanvraag.log_inzien(request, h, indiening)
    return _pagina(request, "loket/aanvraag_ontvangen.html", {
        "indiening": indiening, "zaak": indiening.zaak, "naam": REGELINGEN[indiening.regeling].naam,
        "documenten": list(aanvraag.documenten_van(indiening)), "termijn": aanvraag.termijnuitleg(indiening),
        "melding": indiening.soort == "melding"})
