"""The survey page in Mijn zaken (`/loket/mijn/zaken/<pk>/ervaring/`). Rules are in `ervaring.py`."""

from __future__ import annotations

from django.shortcuts import redirect

from maatwerk.loket import mijnzaken, sessie
from maatwerk.loket.views import _pagina, inwoner_vereist
from maatwerk.monitor import ervaring
from maatwerk.monitor.forms import ErvaringFormulier
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
