"""Pages of the adviesraad (namespace "adviesraad"): requests, their term, the advice point by point, the
college's answers and the members. The services decide and give the Dutch messages; every view and change writes
an audit line there. A refused or bad POST shows the page again with what was typed."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from maatwerk.adviesraad import forms as f
from maatwerk.adviesraad import rooster, services
from maatwerk.adviesraad.models import Adviesaanvraag, Adviespunt, Lid, Raadsstuk
from maatwerk.toegang import rechten
from maatwerk.toegang.views import inlog_vereist, ui_context
from maatwerk.web.formulieractie import voer_uit


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
                   correctie_forms=None, raad_forms=None, status: int = 200):
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
    context = _context(
        request, aanvraag=aanvraag, advies=advies, punten=punten, raad=raad, raad_termijn=services.RAAD_TERMIJN,
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
