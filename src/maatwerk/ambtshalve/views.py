"""Pages of the ambtshalve batch and the non-take-up list under /ambtshalve/ (issue 12 point 4). Views only ask and
show: access, audit and the rules are in the services (batch, voorwaarden, niet_gebruik, toegang)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from maatwerk.ambtshalve import batch as batches
from maatwerk.ambtshalve import niet_gebruik, toegang, vaststelling
from maatwerk.ambtshalve.api import STAP
from maatwerk.ambtshalve.forms import PeildatumFormulier
from maatwerk.ambtshalve.models import Batch, Soort
from maatwerk.toegang import rechten
from maatwerk.toegang.beleid import NietGevonden
from maatwerk.toegang.views import inlog_vereist, ui_context
from maatwerk.web.paginering import pagineer


def _pagina(request, template: str, context: dict, status: int = 200):
    return render(request, template, {**ui_context(request, "ambtshalve"), **context}, status=status)


@inlog_vereist
def overzicht(request):
    """The batches, and the form that starts (or continues) the batch of a peildatum."""
    if request.method == "POST":
        toegang.vereis(request.user, toegang.CREATE, onderwerp="ambtshalve batch")
    else:
        toegang.vereis(request.user, toegang.VIEW, onderwerp="ambtshalve batches")
    form = PeildatumFormulier(request.POST or None)
    if request.method == "POST" and form.is_valid():
        batch = batches.start(request.user, form.cleaned_data["peildatum"])
        return redirect("ambtshalve:batch", pk=batch.pk)
    lijst = pagineer(request, Batch.objects.order_by("-peildatum"))
    return _pagina(request, "ambtshalve/overzicht.html", {"form": form, "pagina": lijst},
                   status=400 if form.is_bound else 200)


@inlog_vereist
def batch(request, pk: int):
    """Progress, the concept toekenningen and the review list of one batch (an audit line per person shown)."""
    toegang.vereis(request.user, toegang.VIEW, onderwerp="ambtshalve batch", toelichting=f"batch {pk}")
    b = get_object_or_404(Batch, pk=pk)
    uitkomsten = pagineer(request, b.uitkomsten.exclude(soort=Soort.GEEN_RECHT).select_related("hoofdpersoon", "zaak")
                          .order_by("soort", "id"))
    toegang.log_inwoners(request.user, [u.hoofdpersoon for u in uitkomsten], onderwerp="ambtshalve uitkomst",
                         toelichting=f"batch {pk}")
    return _pagina(request, "ambtshalve/batch.html", {
        "batch": b, "verwerkt": b.verwerkt, "samenvatting": batches.samenvatting(b), "pagina": uitkomsten,
        "stap": STAP, "verwerk_url": reverse("ambtshalve:verwerk", args=[b.pk])})


@inlog_vereist
def verwerk(request, pk: int):
    """POST: process the next households. maatwerk.js calls it repeatedly (JSON) and moves the progress bar; without
    JavaScript the button posts and the page comes back with the new progress."""
    if request.method != "POST":
        return redirect("ambtshalve:batch", pk=pk)
    toegang.vereis(request.user, toegang.CHANGE, onderwerp="ambtshalve batch", toelichting=f"batch {pk}")
    b = batches.verwerk(get_object_or_404(Batch, pk=pk), request.user, hoeveel=STAP)
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"verwerkt": b.verwerkt, "totaal": b.totaal, "klaar": b.klaar_op is not None})
    return redirect("ambtshalve:batch", pk=pk)


@inlog_vereist
def vaststellen(request, pk: int):
    """The batch's concept toekenningen with per household the conditions and the amount (an audit line per person
    shown); POST vaststellen + bekendmaken the selected ones (art. 43 lid 1 Pw), with a result per household."""
    if request.method == "POST":
        toegang.vereis(request.user, toegang.CHANGE, onderwerp="ambtshalve vaststellen", toelichting=f"batch {pk}")
    else:
        toegang.vereis(request.user, toegang.VIEW, onderwerp="ambtshalve concept-toekenningen", toelichting=f"batch {pk}")
    b = get_object_or_404(Batch, pk=pk)
    resultaten, fouten = None, []
    if request.method == "POST":
        try:
            resultaten = vaststelling.verstuur(b, request.user, request.POST.getlist("uitkomsten"))
        except ValidationError as fout:
            fouten = fout.message_dict.get("uitkomsten", fout.messages)
    pagina = pagineer(request, vaststelling.concepten(b))
    return _pagina(request, "ambtshalve/vaststellen.html", {
        "batch": b, "pagina": pagina, "rijen": vaststelling.rijen(request.user, pagina),
        "voortgang": vaststelling.voortgang(b), "resultaten": resultaten, "fouten": fouten,
        "grondslag": batches.GRONDSLAG_AMBTSHALVE}, status=400 if fouten else 200)


def _peildatum(request):
    form = PeildatumFormulier(request.GET or None)
    return form, (form.cleaned_data["peildatum"] if form.is_bound and form.is_valid() else None)


@inlog_vereist
def niet_gebruik_lijst(request):
    """The households that probably qualify and did not apply, with the reason: for outreach by the consulent inkomen."""
    if not toegang.mag(request.user):
        toegang.vereis(request.user, toegang.VIEW, onderwerp="niet-gebruik inkomenstoeslag")
    form, peildatum = _peildatum(request)
    regels = pagineer(request, niet_gebruik.voor_consulent(request.user, peildatum)) if peildatum else None
    return _pagina(request, "ambtshalve/niet_gebruik.html", {
        "form": form, "peildatum": peildatum, "pagina": regels, "grondslag": niet_gebruik.GRONDSLAG,
        "gegevens": niet_gebruik.GEBRUIKTE_GEGEVENS}, status=400 if form.is_bound and peildatum is None else 200)


@inlog_vereist
def niet_gebruik_telling(request):
    """Counts without personal data (beleidsmedewerker, consulent inkomen)."""
    if not (toegang.mag(request.user) or toegang.mag(request.user, rechten.BELEID_VOORSTELLEN)):
        toegang.vereis(request.user, toegang.VIEW, onderwerp="niet-gebruik (telling)")
        raise NietGevonden()
    form, peildatum = _peildatum(request)
    telling = niet_gebruik.telling(request.user, peildatum) if peildatum else None
    return _pagina(request, "ambtshalve/telling.html", {
        "form": form, "telling": telling, "gegevens": niet_gebruik.GEBRUIKTE_GEGEVENS},
        status=400 if form.is_bound and peildatum is None else 200)
