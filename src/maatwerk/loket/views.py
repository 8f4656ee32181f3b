"""Pages of the loket (resident-facing, under /loket/). Server-rendered, work without JavaScript.

The views only ask and show: the self-check's rules are in zelftest.py (the Regelkern), the gesprek in
gesprek.py, who acts for whom in sessie.py.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import logout
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.module_loading import import_string
from django.views.decorators.http import require_POST

from maatwerk.loket import formulieren as f
from maatwerk.loket import gesprek, sessie, zelftest
from maatwerk.loket.models import Gespreksverzoek
from maatwerk.toegang.models import Actie

# ------------------------------------------------------------------ common

ZOUT = "maatwerk.loket.zelftest"
ANTWOORDEN_GELDIG = 2 * 60 * 60  # seconds; a self-check left open longer starts again


def _pagina(request, template: str, context: dict | None = None, status: int = 200):
    h = sessie.handelend(request)
    # The banner names the person (personen), never the BSN; unknown to the municipality: "u" / "een ander".
    namen = {"ingelogd_naam": sessie.naam(h.bsn), "namens_naam": sessie.naam(h.namens_bsn)} if h else {}
    return render(request, template, {"handelend": h, **namen,
                                      "inlog_ingesteld": settings.LOKET_OIDC_INGESTELD, **(context or {})},
                  status=status)


def inwoner_vereist(view):
    """A page for a logged-in resident; anyone else is sent to the loket's login page."""

    def binnen(request, *args, **kwargs):
        h = sessie.handelend(request)
        if h is None:
            return redirect(reverse("loket:inloggen") + "?" + urlencode({"next": request.get_full_path()}))
        return view(request, h, *args, **kwargs)

    binnen.__name__ = view.__name__
    binnen.__doc__ = view.__doc__
    return binnen


def start(request):
    return _pagina(request, "loket/start.html", {"uitgelogd": request.GET.get("uitgelogd") == "1"})


def wmo_en_jeugd(request):
    return _pagina(request, "loket/wmo_en_jeugd.html")


# ------------------------------------------------------------------ self-check

STAPPEN = {
    zelftest.BIJZONDERE_BIJSTAND: [("huishouden", f.HuishoudenStap), ("inkomen", f.InkomenStap),
                                   ("vermogen", f.VermogenStap), ("kosten", f.KostenStap)],
    zelftest.INKOMENSTOESLAG: [("huishouden", f.HuishoudenStap), ("inkomen", f.InkomenStap),
                               ("verloop", f.VerloopStap), ("vermogen", f.VermogenStap)],
    zelftest.STUDIETOESLAG: [("over_u", f.OverUStap), ("studie", f.StudieStap), ("stage", f.StageStap)],
}


def zelftest_kiezen(request):
    return _pagina(request, "loket/zelftest_kiezen.html", {"regelingen": zelftest.NAMEN})


def _bewaarbaar(waarde):
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, Decimal):
        return str(waarde)
    return waarde


def _beginwaarden(klasse, antwoorden: dict) -> dict:
    waarden = {}
    for naam in klasse.base_fields:
        if naam in antwoorden and antwoorden[naam] is not None:
            w = antwoorden[naam]
            waarden[naam] = ("ja" if w else "nee") if isinstance(w, bool) else w
    return waarden


def _compleet_tot(regeling: str, antwoorden: dict) -> int:
    """Index of the first step whose answers are missing (len(steps) when all are there)."""
    for i, (_, klasse) in enumerate(STAPPEN[regeling]):
        form = klasse(antwoorden=antwoorden)
        if any(naam not in antwoorden for naam in form.fields):
            return i
    return len(STAPPEN[regeling])


def zelftest_stap(request, regeling: str):
    """One step of the self-check. The answers so far travel signed in a hidden field; nothing is stored."""
    if regeling not in STAPPEN:
        raise Http404
    stappen = STAPPEN[regeling]
    antwoorden: dict = {}
    index, status, melding = 0, 200, ""
    form = None
    if request.method == "POST":
        try:
            ruw = request.POST.get("antwoorden", "")
            antwoorden = signing.loads(ruw, salt=ZOUT, max_age=ANTWOORDEN_GELDIG) if ruw else {}
            if not isinstance(antwoorden, dict):
                raise signing.BadSignature
        except signing.BadSignature:
            antwoorden, status = {}, 400
            melding = "Uw antwoorden waren te oud of niet compleet. Begin daarom opnieuw bij de eerste vraag."
        else:
            try:
                index = int(request.POST.get("stap", "0"))
            except ValueError:
                index = 0
            index = max(0, min(index, _compleet_tot(regeling, antwoorden), len(stappen) - 1))
            klasse = stappen[index][1]
            if "terug" in request.POST:
                index = max(0, index - 1)
            elif "wijzig" in request.POST:
                pass  # back from the result page to the last question, answers kept
            else:
                form = klasse(request.POST, antwoorden=antwoorden)
                if form.is_valid():
                    antwoorden.update({k: _bewaarbaar(v) for k, v in form.cleaned_data.items()})
                    if index == len(stappen) - 1 and _compleet_tot(regeling, antwoorden) == len(stappen):
                        uitkomst = zelftest.bereken_zelftest(regeling, antwoorden, timezone.localdate())
                        return _pagina(request, "loket/zelftest_uitkomst.html", {
                            "regeling": regeling, "naam": zelftest.NAMEN[regeling], "uitkomst": uitkomst,
                            "antwoorden": signing.dumps(antwoorden, salt=ZOUT), "laatste_stap": index})
                    index, form = index + 1, None
                else:
                    status = 400
    if form is None:
        klasse = stappen[index][1]
        form = klasse(initial=_beginwaarden(klasse, antwoorden), antwoorden=antwoorden)
    return _pagina(request, "loket/zelftest_stap.html", {
        "regeling": regeling, "naam": zelftest.NAMEN[regeling], "form": form, "stap": index,
        "stapnummer": index + 1, "aantal_stappen": len(stappen), "melding": melding,
        "antwoorden": signing.dumps(antwoorden, salt=ZOUT),
    }, status=status)


# ------------------------------------------------------------------ login, logout, my page


def inloggen(request):
    volgende = request.GET.get("next", "")
    if not volgende.startswith("/loket/") or volgende.startswith("//"):
        volgende = reverse("loket:mijn")
    return _pagina(request, "loket/inloggen.html", {
        "mislukt": request.GET.get("mislukt") == "1", "volgende": volgende,
        "medewerker": request.user.is_authenticated and not sessie.is_inwoner(request.user),
    }, status=200)


@require_POST
def uitloggen(request):
    """Ends the loket session and then the broker's (RP-initiated logout, settings.OIDC_OP_LOGOUT_URL_METHOD)."""
    naar_broker = None
    if sessie.handelend(request) is not None:
        sessie.log(request, Actie.VIEW, "uitloggen loket", "Uitgelogd.")
    if sessie.is_inwoner(request.user):
        if settings.OIDC_OP_LOGOUT_URL_METHOD:
            naar_broker = import_string(settings.OIDC_OP_LOGOUT_URL_METHOD)(request)
        logout(request)  # ends the session: flushes its data and the cookie's session id
    return redirect(naar_broker or reverse("loket:start") + "?uitgelogd=1")


@inwoner_vereist
def mijn(request, h: sessie.Handelend):
    return _pagina(request, "loket/mijn.html")


@inwoner_vereist
def gesprek_aanvragen(request, h: sessie.Handelend):
    form = f.GesprekFormulier(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            verzoek = gesprek.vraag_gesprek(request, h, form.cleaned_data)
            return redirect("loket:gesprek_ontvangen", pk=verzoek.pk)
        return _pagina(request, "loket/gesprek.html", {"form": form}, status=400)
    return _pagina(request, "loket/gesprek.html", {"form": form})


@inwoner_vereist
def gesprek_ontvangen(request, h: sessie.Handelend, pk: int):
    # Only the request of this resident (and of the same machtiging); any other number answers 404.
    verzoek = get_object_or_404(Gespreksverzoek, pk=pk, bsn=h.betreft_bsn, gemachtigde_bsn=h.bsn if h.gemachtigd else "")
    sessie.log(request, Actie.VIEW, "gespreksverzoek", f"Ontvangstbevestiging gespreksverzoek {verzoek.pk}.",
               inwoner=verzoek.inwoner, h=h)
    return _pagina(request, "loket/gesprek_ontvangen.html", {"verzoek": verzoek})
