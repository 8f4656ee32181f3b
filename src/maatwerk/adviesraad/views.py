"""Pages of the adviesraad (namespace "adviesraad"): requests, their term, the advice point by point, the
college's answers and the members. The services decide and give the Dutch messages; every view and change writes
an audit line there. A refused or bad POST shows the page again with what was typed."""

from __future__ import annotations

from django.contrib import messages
from django.core.files.uploadhandler import SkipFile
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from maatwerk.adviesraad import bijlagen, rooster, services
from maatwerk.adviesraad import forms as f
from maatwerk.adviesraad.models import Adviesaanvraag, Adviespunt, Documentbij, Lid, Raadsstuk
from maatwerk.regels.invoer import InvoerFout
from maatwerk.toegang import rechten
from maatwerk.toegang.beleid import CREATE, GeenToegang
from maatwerk.toegang.views import inlog_vereist, ui_context
from maatwerk.web.formulieractie import voer_uit
from maatwerk.zaken import documenten as documenten_mod
from maatwerk.zaken import upload
from maatwerk.zaken.fouten import ProcedureFout

def _context(request, **extra) -> dict:
    return {**ui_context(request, "adviesraad"),
            "mag_aanvragen": services.mag(request.user, rechten.ADVIES_AANVRAGEN),
            "mag_adviseren": services.mag(request.user, rechten.ADVIES_VASTLEGGEN), **extra}


def _weiger_zonder_recht(request) -> None:
    """Someone without any right here gets the same refusal as on a GET (audited by the service)."""
    if not services.mag_inzien(request.user):
        services.vereis_inzien(request.user, "adviesraad", toelichting=request.path[:200])


# ------------------------------------------------------------------ overview


def _toon_overzicht(request, aanvraag_form=None, lid_form=None, status: int = 200, aftreden_form=None):
    vandaag = timezone.localdate()
    aanvragen = list(Adviesaanvraag.objects.select_related("advies")
                     .prefetch_related("advies__punten", "advies__raadsverstrekkingen")[:100])
    context = _context(
        request,
        rijen=[(a, services.status_tekst(a, vandaag)) for a in aanvragen],
        zittend=services.zittend(vandaag),
        rooster=rooster.per_dag(rooster.rooster(vandaag)), rooster_bron=rooster.BRON,
        leden=list(Lid.objects.prefetch_related("perioden")[:200]),
        aanvraag_form=aanvraag_form or f.AanvraagFormulier(initial={"verzonden_op": vandaag, "ontvangen_op": vandaag}),
        lid_form=lid_form or f.BenoemingFormulier(),
        aftreden_form=aftreden_form or f.AftredenFormulier(),
    )
    return render(request, "adviesraad/overzicht.html", context, status=status)


@inlog_vereist
def overzicht(request):
    if request.method == "POST":
        _weiger_zonder_recht(request)
        form = f.AanvraagFormulier(request.POST)
        if not form.is_valid():
            return _toon_overzicht(request, aanvraag_form=form, status=400)
        d = form.cleaned_data
        aanvraag, status = voer_uit(form, lambda: services.vraag_advies(request.user, **d))
        if aanvraag is None:
            return _toon_overzicht(request, aanvraag_form=form, status=status)
        messages.success(request, "De adviesaanvraag is vastgelegd; de termijn loopt.")
        return redirect("adviesraad:aanvraag", pk=aanvraag.pk)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    services.vereis_inzien(request.user, "adviesraad", toelichting=request.path[:200])
    return _toon_overzicht(request)


@inlog_vereist
def benoemen(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    _weiger_zonder_recht(request)
    form = f.BenoemingFormulier(request.POST)
    if not form.is_valid():
        return _toon_overzicht(request, lid_form=form, status=400)
    periode, status = voer_uit(form, lambda: services.benoem(request.user, **form.cleaned_data))
    if periode is None:
        return _toon_overzicht(request, lid_form=form, status=status)
    messages.success(request, "De (her)benoeming is vastgelegd.")
    return redirect("adviesraad:overzicht")


@inlog_vereist
def aftreden(request):
    """POST: a membership ends before its term (art. 3:5)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    _weiger_zonder_recht(request)
    form = f.AftredenFormulier(request.POST)
    if not form.is_valid():
        return _toon_overzicht(request, aftreden_form=form, status=400)
    d = dict(form.cleaned_data)
    d["toelichting"] = d.pop("aftreden_toelichting")
    periode, status = voer_uit(form, lambda: services.treed_af(request.user, **d))
    if periode is None:
        return _toon_overzicht(request, aftreden_form=form, status=status)
    messages.success(request, "Het einde van het lidmaatschap is vastgelegd.")
    return redirect("adviesraad:overzicht")


# ------------------------------------------------------------------ one request


def _toon_aanvraag(request, aanvraag: Adviesaanvraag, *, uitstel_form=None, advies_form=None, antwoord_forms=None,
                   correctie_forms=None, raad_forms=None, documenten_forms=None, status: int = 200):
    vandaag = timezone.localdate()
    aanvraag = Adviesaanvraag.objects.select_related("advies").get(pk=aanvraag.pk)
    advies = services.advies_van(aanvraag)
    antwoord_forms, correctie_forms = antwoord_forms or {}, correctie_forms or {}
    punten = []
    if advies is not None:
        for p in advies.punten.prefetch_related("eerdere_antwoorden"):
            if p.reactie:
                form = correctie_forms.get(p.pk) or f.CorrectieFormulier(
                    prefix=f"correctie{p.pk}", initial={"reactie": p.reactie, "antwoord": p.antwoord,
                                                        "motivering": p.motivering, "gecorrigeerd_op": vandaag})
            else:
                form = antwoord_forms.get(p.pk) or f.AntwoordFormulier(prefix=f"punt{p.pk}",
                                                                       initial={"beantwoord_op": vandaag})
            punten.append((p, form))
    raad_forms = raad_forms or {}
    verstrekt = services.raadsverstrekkingen(advies)
    raad = [(stuk, verstrekt.get(stuk), raad_forms.get(stuk) or f.RaadFormulier(prefix=f"raad-{stuk}",
                                                                                initial={"verstrekt_op": vandaag}))
            for stuk in Raadsstuk]
    documenten_forms = documenten_forms or {}
    stukken = [(bij, [d for d in aanvraag.bijlagen.all() if d.bij == bij],
                (documenten_forms.get(bij) or f.DocumentenFormulier(prefix=f"documenten-{bij}"))
                if bijlagen.mag_toevoegen(request.user, bij) and (bij == Documentbij.AANVRAAG or advies) else None)
               for bij in Documentbij]
    context = _context(
        request, aanvraag=aanvraag, advies=advies, punten=punten, raad=raad, stukken=stukken, raad_termijn=services.RAAD_TERMIJN,
        alles_beantwoord=bool(punten) and all(p.reactie for p, _ in punten), termijn=services.termijn(aanvraag, vandaag),
        status_tekst=services.status_tekst(aanvraag, vandaag),
        uitstel_form=uitstel_form or f.UitstelFormulier(initial={"afgesproken_op": vandaag}),
        advies_form=advies_form or f.AdviesFormulier(initial={"uitgebracht_op": vandaag}),
    )
    return render(request, "adviesraad/aanvraag.html", context, status=status)


@inlog_vereist
def aanvraag(request, pk: int):
    services.vereis_inzien(request.user, "adviesaanvraag", toelichting=f"aanvraag {pk}")
    return _toon_aanvraag(request, get_object_or_404(Adviesaanvraag, pk=pk))


@inlog_vereist
def uitstel(request, pk: int):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    _weiger_zonder_recht(request)
    a = get_object_or_404(Adviesaanvraag, pk=pk)
    form = f.UitstelFormulier(request.POST)
    if form.is_valid():
        resultaat, status = voer_uit(form, lambda: services.verleen_uitstel(request.user, a, **form.cleaned_data))
        if resultaat is not None:
            messages.success(request, "Het uitstel van een week is vastgelegd.")
            return redirect("adviesraad:aanvraag", pk=a.pk)
    else:
        status = 400
    return _toon_aanvraag(request, a, uitstel_form=form, status=status)


@inlog_vereist
def advies(request, pk: int):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    _weiger_zonder_recht(request)
    a = get_object_or_404(Adviesaanvraag, pk=pk)
    form = f.AdviesFormulier(request.POST)
    if form.is_valid():
        resultaat, status = voer_uit(form, lambda: services.leg_advies_vast(
            request.user, a, uitgebracht_op=form.cleaned_data["uitgebracht_op"], punten=form.punten_lijst()))
        if resultaat is not None:
            messages.success(request, "Het advies is vastgelegd.")
            return redirect("adviesraad:aanvraag", pk=a.pk)
    else:
        status = 400
    return _toon_aanvraag(request, a, advies_form=form, status=status)


@inlog_vereist
def antwoord(request, pk: int):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    _weiger_zonder_recht(request)
    punt = get_object_or_404(Adviespunt.objects.select_related("advies__aanvraag"), pk=pk)
    form = f.AntwoordFormulier(request.POST, prefix=f"punt{punt.pk}")
    if form.is_valid():
        resultaat, status = voer_uit(form, lambda: services.beantwoord(request.user, punt, **form.cleaned_data))
        if resultaat is not None:
            messages.success(request, f"Het antwoord op adviespunt {punt.volgnummer} is vastgelegd.")
            return redirect("adviesraad:aanvraag", pk=punt.advies.aanvraag_id)
    else:
        status = 400
    return _toon_aanvraag(request, punt.advies.aanvraag, antwoord_forms={punt.pk: form}, status=status)


@inlog_vereist
def correctie(request, pk: int):
    """POST: correct the college's answer to a point, with a reason (the earlier answer is kept)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    _weiger_zonder_recht(request)
    punt = get_object_or_404(Adviespunt.objects.select_related("advies__aanvraag"), pk=pk)
    form = f.CorrectieFormulier(request.POST, prefix=f"correctie{punt.pk}")
    if form.is_valid():
        resultaat, status = voer_uit(form, lambda: services.corrigeer_antwoord(request.user, punt, **form.cleaned_data))
        if resultaat is not None:
            messages.success(request, f"Het antwoord op adviespunt {punt.volgnummer} is verbeterd; het vorige antwoord "
                                      "blijft zichtbaar in de geschiedenis.")
            return redirect("adviesraad:aanvraag", pk=punt.advies.aanvraag_id)
    else:
        status = 400
    return _toon_aanvraag(request, punt.advies.aanvraag, correctie_forms={punt.pk: form}, status=status)


@inlog_vereist
def raad(request, pk: int, stuk: str):
    """POST: the advice or the college's answer went to the gemeenteraad (art. 3:3 lid 1)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    _weiger_zonder_recht(request)
    a = get_object_or_404(Adviesaanvraag, pk=pk)
    advies = services.advies_van(a)
    if advies is None or stuk not in Raadsstuk.values:
        raise Http404("Niet gevonden.")
    form = f.RaadFormulier(request.POST, prefix=f"raad-{stuk}")
    if form.is_valid():
        resultaat, status = voer_uit(form, lambda: services.verstrek_aan_raad(request.user, advies, stuk=stuk,
                                                                              **form.cleaned_data))
        if resultaat is not None:
            messages.success(request, f"Vastgelegd: {Raadsstuk(stuk).label} is aan de gemeenteraad verstrekt.")
            return redirect("adviesraad:aanvraag", pk=a.pk)
    else:
        status = 400
    return _toon_aanvraag(request, a, raad_forms={stuk: form}, status=status)


@csrf_exempt
@inlog_vereist
def documenten(request, pk: int, bij: str):
    """POST: documents with the request or the advice. The size limit is installed before the body is read
    (zaken/upload.py), hence csrf_exempt outside and csrf_protect inside, as for the zaak's documents."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    a = get_object_or_404(Adviesaanvraag, pk=pk)
    if bij not in Documentbij.values:
        raise Http404("Niet gevonden.")
    if upload.te_groot_verzoek(request):
        services.vereis_recht_op(request.user, bijlagen.handeling(bij), "adviesdocument", CREATE,
                                 toelichting=f"aanvraag {a.pk} (verzoek te groot)")
        form = f.DocumentenFormulier(prefix=f"documenten-{bij}")
        form.add_error("bestanden", documenten_mod.te_groot_bericht())
        return _toon_aanvraag(request, a, documenten_forms={bij: form}, status=413)
    grens = _NamenGrens(request)
    request.upload_handlers.insert(0, grens)
    return _documenten(request, a, bij, grens)


class _NamenGrens(upload.GrensHandler):
    """The zaken app's size limit, remembering the names of the files it drops (several files in one field)."""

    def __init__(self, request=None):
        super().__init__(request)
        self.te_grote_namen: set[str] = set()

    def receive_data_chunk(self, raw_data, start):
        try:
            return super().receive_data_chunk(raw_data, start)
        except SkipFile:
            self.te_grote_namen.add(documenten_mod.schone_naam(self.file_name))
            raise


@csrf_protect
def _documenten(request, a: Adviesaanvraag, bij: str, grens: _NamenGrens):
    _weiger_zonder_recht(request)
    form = f.DocumentenFormulier(request.POST, request.FILES, prefix=f"documenten-{bij}")
    form.is_valid()
    # Not through voer_uit: each accepted file commits on its own (bijlagen.voeg_toe), never in one outer block.
    try:
        opgeslagen, fouten = bijlagen.voeg_toe(
            request.user, a, request.FILES.getlist(form.add_prefix("bestanden")), bij=bij,
            openbaar=form.cleaned_data.get("openbaar", False), te_groot=grens.te_grote_namen)
    except InvoerFout as fout:
        form.add_error("bestanden", fout.bericht)
        return _toon_aanvraag(request, a, documenten_forms={bij: form}, status=400)
    except ProcedureFout as fout:
        form.add_error(None, str(fout))
        return _toon_aanvraag(request, a, documenten_forms={bij: form}, status=409)
    except GeenToegang as fout:
        form.add_error(None, f"Niet opgeslagen: {fout}")
        return _toon_aanvraag(request, a, documenten_forms={bij: form}, status=403)
    if opgeslagen:
        messages.success(request, "Opgeslagen: " + ", ".join(f"‘{d.bestandsnaam}’" for d in opgeslagen) + ".")
    if not fouten:
        return redirect("adviesraad:aanvraag", pk=a.pk)
    for fout in fouten:
        form.add_error("bestanden", fout)
    return _toon_aanvraag(request, a, documenten_forms={bij: form}, status=400)


@inlog_vereist
def document(request, pk: int):
    """A document of a request, as an attachment, for whoever may see the request (audited)."""
    from maatwerk.zaken.documenten_api import download

    return download(bijlagen.document_voor(request.user, pk))
