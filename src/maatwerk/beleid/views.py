"""Pages of the beleidsmedewerker (namespace "beleid"): proposals, approval, versions and the impact of a change.

No personal data: the impact shows counts and sums only (`beleid.impact`). Rights come from the rights table
through `beleid.services`; every view and change writes an audit line.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from maatwerk import formaat
from maatwerk.beleid import caseload, impact, impactopslag, rapport, services, versies
from maatwerk.beleid import forms as f
from maatwerk.beleid.models import Beleidsversie, Beleidsvoorstel, VoorstelStatus
from maatwerk.toegang import rechten
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.toegang.views import inlog_vereist, ui_context
from maatwerk.web.formulieractie import voer_uit


def _context(request, **extra) -> dict:
    return {**ui_context(request, "beleid"), "mag_voorstellen": services.mag(request.user, rechten.BELEID_VOORSTELLEN),
            "mag_goedkeuren": services.mag(request.user, rechten.BELEID_GOEDKEUREN), **extra}


def _toon_overzicht(request, form=None, status: int = 200):
    gemeente = services.gemeente()
    context = _context(
        request,
        voorstellen=list(Beleidsvoorstel.objects.filter(gemeente=gemeente).select_related("voorgesteld_door")[:100]),
        versies=list(Beleidsversie.objects.filter(gemeente=gemeente).order_by("-nummer")[:100]),
        form=form or f.VoorstelFormulier(),
    )
    return render(request, "maatwerk/beleid/overzicht.html", context, status=status)


@inlog_vereist
def overzicht(request):
    if request.method == "POST":
        form = f.VoorstelFormulier(request.POST)
        if not form.is_valid():
            services.vereis_inzien(request.user, "beleid", toelichting="voorstel met onleesbare invoer")
            return _toon_overzicht(request, form, 400)
        d = form.cleaned_data
        voorstel, status = voer_uit(form, lambda: services.stel_voor(
            request.user, parameter=d["parameter"], waarde=d["waarde"], ingangsdatum=d["ingangsdatum"],
            reden=d["reden"]))
        if voorstel is None:
            if status == 403 and not services.mag(request.user, rechten.BELEID_VOORSTELLEN):
                raise GeenToegang("Uw rol geeft geen toegang tot beleid.")
            return _toon_overzicht(request, form, status)
        messages.success(request, "Het voorstel is vastgelegd; een andere beleidsmedewerker moet het goedkeuren.")
        return redirect("beleid:voorstel", pk=voorstel.pk)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    services.vereis_inzien(request.user, "beleid", toelichting=request.path[:200])
    return _toon_overzicht(request)


def _aannames(request, gegevens=None) -> tuple[f.AannamesFormulier, impact.Aannames]:
    form = f.AannamesFormulier(gegevens if gegevens is not None else (request.GET or None))
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        return form, impact.Aannames(
            impact.STANDAARD_OPNAME_BB if d["opname_bb"] is None else d["opname_bb"] / 100,
            impact.STANDAARD_OPNAME_IIT if d["opname_iit"] is None else d["opname_iit"] / 100)
    return form, impact.Aannames()


def _impact(voorstel: Beleidsvoorstel, aannames: impact.Aannames, opnieuw: bool = False) -> dict:
    """The impact of a proposal against the policy in force (for an approved one: the versions before it): the stored
    one for this proposal, version, caseload state and assumptions, computed and stored if there is none yet or when
    ``opnieuw`` (`beleid.impactopslag`). ``berekend_op`` says when it was computed."""
    gemeente = voorstel.gemeente
    if voorstel.status == VoorstelStatus.GOEDGEKEURD:
        oud = versies.actueel(gemeente, tot_en_met=voorstel.versie.nummer - 1)
    else:
        oud = versies.actueel(gemeente)
    maand = impact.simulatiemaand(timezone.localdate())
    waarde = voorstel.definitie.naar_regels(voorstel.waarde)
    sleutel = impactopslag.sleutel(voorstel, oud.nummer, maand, waarde, aannames)
    resultaat, opslag = impactopslag.lees_of_bereken(
        voorstel, sleutel, lambda: _bereken_impact(voorstel, aannames, oud, maand, waarde), opnieuw=opnieuw)
    return {**resultaat, "berekend_op": opslag.berekend_op}


def _bereken_impact(voorstel: Beleidsvoorstel, aannames: impact.Aannames, oud, maand: str, waarde) -> dict:
    gemeente = voorstel.gemeente
    nieuw = impact.voorgestelde_beleid(oud.wijzigingen, voorstel.parameter, maand, waarde)
    eigen = caseload.simuleer(gemeente, oud.wijzigingen, nieuw, maand)
    resultaat = impact.simuleer(gemeente, oud.wijzigingen, voorstel.parameter, waarde, maand, caseload=eigen,
                                aannames=aannames)
    resultaat["versie_oud"] = oud.nummer
    resultaat["maand_tekst"] = formaat.datum(dt.date.fromisoformat(f"{maand}-01")).split(" ", 1)[1]
    a = resultaat["aannames"]
    a["opname_bb_tekst"], a["opname_iit_tekst"] = f"{round(a['opname_bb'] * 100)} %", f"{round(a['opname_iit'] * 100)} %"
    resultaat["grafieken"] = rapport.grafieken(resultaat)
    return resultaat


def _voorstel_context(request, voorstel: Beleidsvoorstel, aannames_form, aannames, **extra) -> dict:
    d = voorstel.definitie
    return _context(
        request, voorstel=voorstel, definitie=d, eenheid="%" if d.soort == "percentage" else "euro",
        huidige_waarde=_huidige_waarde(voorstel), impact=_impact(voorstel, aannames), aannames_form=aannames_form,
        eigen_werk=voorstel.voorgesteld_door_id == request.user.pk, vandaag=timezone.localdate(), **extra)


def _huidige_waarde(voorstel: Beleidsvoorstel) -> str:
    """The value in force on the start date, as a person reads it."""
    from maatwerk.regels.beleidsversies import parameter, systeem_met_beleid

    tbs = systeem_met_beleid(voorstel.gemeente, versies.actueel(voorstel.gemeente).wijzigingen)
    waarde = parameter(tbs, voorstel.parameter)(voorstel.ingangsdatum.isoformat())
    d = voorstel.definitie
    return d.tekst(d.als_invoer(waarde))


@inlog_vereist
def voorstel(request, pk: int):
    services.vereis_inzien(request.user, "beleidsvoorstel", toelichting=f"voorstel {pk}")
    v = get_object_or_404(Beleidsvoorstel, pk=pk)
    form, aannames = _aannames(request)
    return render(request, "maatwerk/beleid/voorstel.html",
                  _voorstel_context(request, v, form, aannames, beoordeling=f.BeoordelingFormulier()),
                  status=400 if form.is_bound and not form.is_valid() else 200)


@inlog_vereist
def herberekenen(request, pk: int):
    """Compute the impact again and store it (the button on the page), with the assumptions shown there."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.vereis_inzien(request.user, "beleidsimpact", toelichting=f"voorstel {pk} opnieuw berekend")
    v = get_object_or_404(Beleidsvoorstel, pk=pk)
    form, aannames = _aannames(request, request.POST)
    if not form.is_valid():
        return render(request, "maatwerk/beleid/voorstel.html",
                      _voorstel_context(request, v, form, impact.Aannames(), beoordeling=f.BeoordelingFormulier()),
                      status=400)
    _impact(v, aannames, opnieuw=True)
    messages.success(request, "De gevolgen zijn opnieuw berekend.")
    velden = {k: int(w) for k, w in form.cleaned_data.items() if w is not None}
    query = "?" + "&".join(f"{k}={w}" for k, w in velden.items()) if velden else ""
    return redirect(reverse("beleid:voorstel", args=[v.pk]) + query)


@inlog_vereist
def beoordelen(request, pk: int):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    v = get_object_or_404(Beleidsvoorstel, pk=pk)
    form = f.BeoordelingFormulier(request.POST)
    status = 400
    if form.is_valid():
        d = form.cleaned_data
        resultaat, status = voer_uit(form, lambda: services.beoordeel(
            request.user, v, akkoord=d["akkoord"], toelichting=d["toelichting"]))
        if resultaat is not None:
            messages.success(request, "Het voorstel is goedgekeurd: het is een nieuwe beleidsversie."
                             if d["akkoord"] else "Het voorstel is afgewezen.")
            return redirect("beleid:voorstel", pk=v.pk)
    else:
        services.vereis_inzien(request.user, "beleidsvoorstel", toelichting=f"beoordeling {pk} onleesbaar")
    if status == 403 and not services.mag(request.user, rechten.BELEID_VOORSTELLEN):
        raise GeenToegang("Uw rol geeft geen toegang tot beleid.")
    aannames_form, aannames = _aannames(request)
    return render(request, "maatwerk/beleid/voorstel.html",
                  _voorstel_context(request, v, aannames_form, aannames, beoordeling=form), status=status)


@inlog_vereist
def rapport_pdf(request, pk: int):
    services.vereis_inzien(request.user, "beleidsrapport", toelichting=f"voorstel {pk}")
    v = get_object_or_404(Beleidsvoorstel, pk=pk)
    _, aannames = _aannames(request)
    context = {"voorstel": v, "definitie": v.definitie, "huidige_waarde": _huidige_waarde(v),
               "impact": _impact(v, aannames), "gemeente_naam": ui_context(request)["gemeente_naam"],
               "gemaakt_op": timezone.localdate()}
    antwoord = HttpResponse(rapport.pdf(context), content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="beleidsvoorstel-{v.pk}.pdf"'
    return antwoord


def url_voorstel(v: Beleidsvoorstel) -> str:
    return reverse("beleid:voorstel", args=[v.pk])
