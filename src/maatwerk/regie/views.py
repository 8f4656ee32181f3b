"""Pages of regie (namespace "regie"): the plans of which the user is regisseur or escalation person, and one plan
as `services.overzicht` gives it (status, step dates, deadlines, goals, signals, escalations; no findings)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render

from maatwerk.regie import services
from maatwerk.regie.forms import DoorverwijzingFormulier, PlanFormulier
from maatwerk.regie.models import Huishoudplan
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.toegang.views import inlog_vereist, ui_context
from maatwerk.web.formulieractie import voer_uit
from maatwerk.zaken.models import Zaak


@inlog_vereist
def overzicht(request):
    plannen = list(services.zichtbare_plannen(request.user)[:200])
    return render(request, "regie/overzicht.html", {**ui_context(request, "regie"), "plannen": plannen})


@inlog_vereist
def plan(request, pk: int):
    p = get_object_or_404(Huishoudplan, pk=pk)
    o = services.overzicht(request.user, p)  # 403/404 (audited) for anyone but the two named persons
    return render(request, "regie/plan.html", {**ui_context(request, "regie"), "plan": p, "o": o,
                                               "form": DoorverwijzingFormulier()})


def _probeer(form, actie):
    """Run a service for a valid form (`web.formulieractie.voer_uit`); a refusal becomes the field's Dutch message.
    Returns (result, status)."""
    if not form.is_valid():
        return None, 400
    return voer_uit(form, lambda: actie(form.cleaned_data))


@inlog_vereist
def nieuw(request, zaak_id: int):
    """Make the household plan from one of the household's zaken (only a consulent who may see that zaak; the
    service checks that he works a zaak of the household in his own domain)."""
    zaak = get_object_or_404(Zaak.objects.select_related("huishouden"), pk=zaak_id)
    services.vereis_plan_maken(request.user, zaak)
    bestaand = Huishoudplan.objects.filter(huishouden=zaak.huishouden).select_related("regisseur").first()
    form = PlanFormulier(request.POST if request.method == "POST" else None, initial={"regisseur": request.user.pk})
    status = 200
    if request.method == "POST" and bestaand is None:
        plan_, status = _probeer(form, lambda d: services.maak_plan_vanuit_zaak(request.user, zaak, **d))
        if plan_ is not None:
            messages.success(request, "Het huishoudplan is gemaakt.")
            if services.mag_zien(request.user, plan_):
                return redirect("regie:plan", plan_.pk)
            return redirect("ui:zaak", zaak.pk)
    return render(request, "regie/nieuw.html", {**ui_context(request, "regie"), "zaak": zaak, "bestaand": bestaand,
                                                "form": form}, status=status)


@inlog_vereist
def doorverwijzing(request, pk: int):
    """POST: record that the household was sent from one domain to another (counted for ping-pong)."""
    p = get_object_or_404(Huishoudplan, pk=pk)
    if request.method != "POST":
        return redirect("regie:plan", p.pk)
    form = DoorverwijzingFormulier(request.POST)
    gedaan, status = _probeer(form, lambda d: services.verwijs_door(request.user, p, **d))
    if gedaan is not None:
        messages.success(request, "De doorverwijzing is vastgelegd.")
        return redirect("regie:plan", p.pk)
    if status == 403:
        raise GeenToegang(str(form.non_field_errors()[0]))
    o = services.overzicht(request.user, p)
    return render(request, "regie/plan.html", {**ui_context(request, "regie"), "plan": p, "o": o, "form": form},
                  status=status)
