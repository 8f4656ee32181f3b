"""Pages of regie (namespace "regie"): the plans of which the user is regisseur or escalation person, and one plan
as `services.overzicht` gives it (status, step dates, deadlines, goals, signals, escalations; no findings)."""

from __future__ import annotations

from django.db.models import Q
from django.shortcuts import get_object_or_404, render

from maatwerk.regie import services
from maatwerk.regie.models import Huishoudplan
from maatwerk.toegang.views import inlog_vereist, ui_context


@inlog_vereist
def overzicht(request):
    plannen = list(Huishoudplan.objects.filter(Q(regisseur=request.user) | Q(escalatie_naar=request.user))
                   .order_by("id")[:200])
    return render(request, "regie/overzicht.html", {**ui_context(request, "regie"), "plannen": plannen})


@inlog_vereist
def plan(request, pk: int):
    p = get_object_or_404(Huishoudplan, pk=pk)
    o = services.overzicht(request.user, p)  # GeenToegang (403, audited) for anyone but the two named persons
    return render(request, "regie/plan.html", {**ui_context(request, "regie"), "plan": p, "o": o})
