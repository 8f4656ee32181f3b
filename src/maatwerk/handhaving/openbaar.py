"""Public pages without login, in the loket's layout (mounted under /loket/ by web/urls.py, so a resident who
is logged in on the loket may open them too): the meldpunt, looking up its feedback, and the indicator
register with its Algoritmeregister 1.0 export (issue 11, points 3 and 7)."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from maatwerk.handhaving import indicatoren, meldpunt, remmen, toegang
from maatwerk.handhaving.forms import MeldingFormulier, VolgFormulier
from maatwerk.handhaving.models import Indicator
from maatwerk.loket import sessie
from maatwerk.toegang import audit
from maatwerk.toegang.beleid import Grond
from maatwerk.toegang.models import SoortGrond


def _pagina(request, template: str, context: dict, status: int = 200):
    return render(request, template, {"handelend": sessie.handelend(request), **context}, status=status)


@require_http_methods(["GET", "POST"])
def melden(request):
    form = MeldingFormulier(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            # The receipt is shown once, on this answer: the secret code is not stored and not put in a URL.
            bewijs = meldpunt.meld(form.cleaned_data, door=None)  # anonymous: a resident's account is not linked
            return _pagina(request, "handhaving/openbaar/ontvangen.html", {"bewijs": bewijs})
        return _pagina(request, "handhaving/openbaar/melden.html", {"form": form}, status=400)
    return _pagina(request, "handhaving/openbaar/melden.html", {"form": form})


@require_http_methods(["GET", "POST"])
def volgen(request):
    """Look up the feedback with kenmerk and code: only 'in behandeling' or 'afgehandeld' (AVG)."""
    form = VolgFormulier(request.POST or None)
    melding, niet_gevonden, status = None, False, 200
    te_vaak = False
    if request.method == "POST":
        status = 400
        if form.is_valid():
            if remmen.te_vaak(remmen.adres(request), form.cleaned_data["kenmerk"]):
                te_vaak, status = True, 429
                audit.log(None, toegang.VIEW, Grond(False, SoortGrond.GEEN, "Meldpunt: te veel pogingen"),
                          onderwerp="melding", toelichting="terugkoppeling opvragen geweigerd: te veel pogingen")
            else:
                melding = meldpunt.terugkoppeling(form.cleaned_data["kenmerk"], form.cleaned_data["code"])
                niet_gevonden = melding is None
                status = 200 if melding else 404
    return _pagina(request, "handhaving/openbaar/volgen.html", {
        "form": form, "melding": melding, "niet_gevonden": niet_gevonden, "te_vaak": te_vaak,
        "minuten": int(remmen.VENSTER.total_seconds() // 60)}, status=status)


def algoritmes(request):
    rijen = [(i, indicatoren.status_tekst(i)) for i in Indicator.objects.prefetch_related("goedkeuringen").order_by("naam", "versie", "id")]
    return _pagina(request, "handhaving/openbaar/algoritmes.html", {"rijen": rijen})


def algoritmeregister(request):
    """The Algoritmeregister 1.0 export: a JSON list of registrations in the standard's field names."""
    return JsonResponse(indicatoren.register(), safe=False, json_dumps_params={"ensure_ascii": False, "indent": 2})
