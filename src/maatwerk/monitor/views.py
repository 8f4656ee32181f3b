"""The survey page in Mijn zaken (`/loket/mijn/zaken/<pk>/ervaring/`; rules in `ervaring.py`), and the
beleidsmedewerker's dashboard and half-yearly report (`/monitor/`; figures in `cijfers.py`)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from maatwerk.loket import mijnzaken, sessie
from maatwerk.loket.views import _pagina, inwoner_vereist
from maatwerk.monitor import cijfers, ervaring, grafieken, rapport, team
from maatwerk.monitor import toegang as monitor_toegang
from maatwerk.monitor.forms import ErvaringFormulier, FilterFormulier
from maatwerk.monitor.periode import halfjaar_van, periode as lees_periode
from maatwerk.regels.invoer import InvoerFout
from maatwerk.toegang import rechten
from maatwerk.toegang.views import inlog_vereist, ui_context
from maatwerk.zaken.fouten import ProcedureFout

CONFLICT = 409


@inwoner_vereist
def mijn_ervaring(request, h: sessie.Handelend, pk: int):
    z = mijnzaken.zaak_van(request, h, pk, onderwerp="mijn zaak: ervaring")
    context = {"zaak": z, "bedankt": request.GET.get("bedankt") == "1"}
    if context["bedankt"] or not ervaring.kan_invullen(z):
        status = CONFLICT if request.method == "POST" else 200
        return _pagina(request, "monitor/mijn_ervaring.html", {**context, "form": None}, status=status)
    form = ErvaringFormulier(request.POST or None)
    if request.method != "POST":
        return _pagina(request, "monitor/mijn_ervaring.html", {**context, "form": form})
    if form.is_valid():
        try:
            ervaring.sla_op(request, h, z, **form.cleaned_data)
        except ProcedureFout as fout:
            form.add_error(None, str(fout))
            return _pagina(request, "monitor/mijn_ervaring.html", {**context, "form": form}, status=CONFLICT)
        return redirect(request.path + "?bedankt=1")
    return _pagina(request, "monitor/mijn_ervaring.html", {**context, "form": form}, status=400)


# ------------------------------------------------------------------ dashboard and report (staff)


def _filter(request) -> tuple[FilterFormulier, object, str | None]:
    data = request.GET.copy()
    data.setdefault("periode", halfjaar_van(timezone.localdate()).code)
    form = FilterFormulier(data)
    if not form.is_valid():
        return form, None, None
    try:
        p = lees_periode(form.cleaned_data["periode"])
    except InvoerFout as fout:
        form.add_error("periode", fout.bericht)
        return form, None, None
    return form, p, form.cleaned_data["regeling"] or None


@inlog_vereist
def dashboard(request):
    form, p, regeling = _filter(request)
    monitor_toegang.vereis(request.user, "monitor", toelichting=f"periode {request.GET.get('periode', '')}; "
                                                                 f"regeling {request.GET.get('regeling', '') or 'alle'}")
    context = {**ui_context(request, "monitor"), "form": form, "m": None}
    if p is None:
        return render(request, "monitor/dashboard.html", context, status=400)
    m = cijfers.monitor(p, regeling=regeling)
    return render(request, "monitor/dashboard.html", {**context, "m": m, "grafieken": grafieken.alle(m)})


@inlog_vereist
def rapport_pdf(request, code: str):
    monitor_toegang.vereis(request.user, "halfjaarrapportage", toelichting=f"periode {code}")
    try:
        p = lees_periode(code)
    except InvoerFout as fout:
        return HttpResponse(fout.bericht, status=400, content_type="text/plain; charset=utf-8")
    antwoord = HttpResponse(rapport.pdf(p, gemeente_naam=ui_context(request)["gemeente_naam"]),
                            content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="{rapport.bestandsnaam(p)}"'
    return antwoord


@inlog_vereist
def team_monitor(request):
    """The teamleider's page: his team's work by consulent (names), overdue zaken by number, four-eyes queue."""
    vandaag = timezone.localdate()
    monitor_toegang.vereis(request.user, "teammonitor", toelichting=f"peildatum {vandaag.isoformat()}",
                           handeling=rechten.TEAM_MONITOR)
    return render(request, "monitor/team.html", {**ui_context(request, "team"), "vandaag": vandaag,
                                                 "teams": team.teams(vandaag)})
