"""Consulent web UI — pages that belong to access: start page, login/logout, audit log.

Also the shared helpers of all UI views (`ui_context`, `inlog_vereist`), so every page gets the same
navigation. Business rules are not decided here: roles come from `maatwerk.toegang.rollen`.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse

from maatwerk import formaat
from maatwerk.toegang import beleid, rechten
from maatwerk.toegang import rollen as r
from maatwerk.toegang.forms import AuditFilter, InlogFormulier
from maatwerk.toegang.models import AuditRegel

LOGIN_URL = "ui:inloggen"
inlog_vereist = login_required(login_url=LOGIN_URL)


def gemeente_naam() -> str:
    code = getattr(settings, "MAATWERK_GEMEENTE", "") or ""
    return code.replace("_", " ").title()


def ui_context(request, nav: str | None = None) -> dict:
    """What base.html needs on every page."""
    return {
        "nav": nav,
        "toon_auditlog": rechten.zonder_voorwaarde(r.rollen(request.user), rechten.AUDITLOG_INZIEN),
        "toon_grondslagen": rechten.ooit_toegestaan(r.rollen(request.user), rechten.GRONDSLAG_VASTLEGGEN),
        "toon_bezwaren": rechten.ooit_toegestaan(r.rollen(request.user), rechten.BEZWAAR_REGISTREREN)
                         or rechten.ooit_toegestaan(r.rollen(request.user), rechten.BEZWAAR_BESLISSEN),
        "gemeente_naam": gemeente_naam(),
        "mijn_rollen": sorted(r.rollen(request.user)),
    }


def start(request):
    from maatwerk.demo.gebruikers import DEMO_GEBRUIKERS, DEMO_WACHTWOORD, demo_actief

    demo = demo_actief()
    context = {
        **ui_context(request, "start"),
        "demo": demo,
        "demo_wachtwoord": DEMO_WACHTWOORD if demo else None,
        "demo_gebruikers": [
            {"gebruikersnaam": rol, "rol": r.ROLLEN[rol].split(":")[0], "probeer": probeer}
            for rol, probeer in DEMO_GEBRUIKERS
        ],
    }
    return render(request, "maatwerk/start.html", context)


class Inloggen(auth_views.LoginView):
    template_name = "registration/inloggen.html"
    authentication_form = InlogFormulier
    redirect_authenticated_user = False

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **ui_context(self.request, "inloggen")}

    def get_default_redirect_url(self):
        """After login each role lands where its work is."""
        mijn = r.rollen(self.request.user)
        if r.domeinen(self.request.user) or r.KWALITEITSMEDEWERKER in mijn or r.HANDHAVER in mijn:
            return reverse("ui:werkvoorraad")
        if r.JURIST in mijn:
            return reverse("besluiten:bezwaren")
        if r.BEHEERDER in mijn:
            return reverse("ui:auditlog")
        if r.TEAMLEIDER in mijn:
            return reverse("monitor:team")
        return reverse("ui:start")


class Uitloggen(auth_views.LogoutView):
    next_page = "ui:start"


@inlog_vereist
def auditlog(request):
    """The audit log (who saw or changed what, when, on which ground): only for the beheerder."""
    beleid.vereis_beheerder(request.user)  # rights table: auditlog_inzien
    filter_ = AuditFilter(request.GET or None)
    regels = AuditRegel.objects.select_related("zaak", "inwoner").order_by("-op", "-id")
    status = 200
    if filter_.is_bound:
        if filter_.is_valid():
            f = filter_.cleaned_data
            if f["gebruiker"]:
                regels = regels.filter(gebruikersnaam__icontains=f["gebruiker"])
            if f["zaak"]:
                regels = regels.filter(zaak_id=f["zaak"])
            if f["actie"]:
                regels = regels.filter(actie=f["actie"])
            if f["alleen_geweigerd"]:
                regels = regels.filter(toegestaan=False)
        else:
            status = 400
    pagina = Paginator(regels, 50).get_page(request.GET.get("pagina"))
    context = {**ui_context(request, "auditlog"), "form": filter_, "pagina": pagina,
               "querystring": _zonder_pagina(request)}
    return render(request, "toegang/auditlog.html", context, status=status)


def _zonder_pagina(request) -> str:
    q = request.GET.copy()
    q.pop("pagina", None)
    return q.urlencode()


# ------------------------------------------------------------------ consent register and legal grounds
# Shown on the household page (maatwerk.personen.views); the register service decides who may record or
# withdraw, and writes the audit log.


def _post_huishouden(view):
    """POST only; a GET on a form address shows the household page."""
    def inner(request, pk: int):
        from django.http import HttpResponseNotAllowed
        from django.shortcuts import get_object_or_404, redirect

        from maatwerk.personen.models import Huishouden

        if request.method != "POST":
            if request.method in ("GET", "HEAD"):
                return redirect("ui:huishouden", pk=pk)
            return HttpResponseNotAllowed(["POST"])
        return view(request, get_object_or_404(Huishouden, pk=pk))
    inner.__name__ = view.__name__
    inner.__doc__ = view.__doc__
    return inlog_vereist(inner)


def _grond_vastleggen(request, hh, form, sleutel: str, service, succes: str):
    from django.contrib import messages
    from django.core.exceptions import ValidationError
    from django.shortcuts import redirect

    from maatwerk.personen.models import Inwoner
    from maatwerk.personen.views import toon_huishouden
    from maatwerk.zaken.forms import fouten_overnemen

    if form.is_valid():
        d = dict(form.cleaned_data)
        inwoner = Inwoner.objects.get(pk=d.pop("inwoner"))
        try:
            service(request.user, inwoner, **d)
        except ValidationError as fout:
            fouten_overnemen(form, fout)
        else:
            messages.success(request, succes.format(naam=inwoner.naam))
            return redirect(reverse("ui:huishouden", args=[hh.pk]) + "#toestemmingen")
    return toon_huishouden(request, hh, {sleutel: form}, status=400)


@_post_huishouden
def toestemming_vastleggen(request, hh):
    """Record the inwoner's consent for the consulent's own domain (toegang.register.leg_toestemming_vast)."""
    from maatwerk.toegang import register
    from maatwerk.toegang.forms import ToestemmingFormulier

    leden = [lid.inwoner for lid in hh.huidige_lidmaatschappen()]
    form = ToestemmingFormulier(request.POST, leden=leden, uitgesloten=r.ontvangers(request.user))
    return _grond_vastleggen(request, hh, form, "toestemming", register.leg_toestemming_vast,
                             "De toestemming van {naam} is vastgelegd.")


@_post_huishouden
def grondslag_vastleggen(request, hh):
    """Record a legal ground (toegang.register.leg_grondslag_vast; kwaliteitsmedewerker only)."""
    from maatwerk.toegang import register
    from maatwerk.toegang.forms import GrondslagFormulier

    leden = [lid.inwoner for lid in hh.huidige_lidmaatschappen()]
    form = GrondslagFormulier(request.POST, leden=leden)
    return _grond_vastleggen(request, hh, form, "grondslag", register.leg_grondslag_vast,
                             "De wettelijke grondslag voor de gegevens van {naam} is vastgelegd.")


def _toestemming_stap(request, pk: int, service, gelukt: str):
    """POST only: load the consent, run `service` (a toegang.register step) and report in a message. Returns the
    consent, or the answer to give when the method is wrong or the consent does not exist."""
    from django.contrib import messages
    from django.core.exceptions import ValidationError
    from django.http import HttpResponseNotAllowed
    from django.shortcuts import get_object_or_404

    from maatwerk.toegang.models import Toestemming

    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    toestemming = get_object_or_404(Toestemming.objects.select_related("inwoner"), pk=pk)
    try:
        service(request.user, toestemming)
    except ValidationError as fout:
        messages.error(request, fout.messages[0])
    else:
        messages.success(request, gelukt.format(naam=toestemming.inwoner.naam))
    return toestemming


@inlog_vereist
def toestemming_bevestigen(request, pk: int):
    """The second person confirms a consent (toegang.register.bevestig_toestemming); back to the household page."""
    from django.shortcuts import redirect

    from maatwerk.toegang import register
    from maatwerk.toegang.models import Toestemming

    toestemming = _toestemming_stap(request, pk, register.bevestig_toestemming,
                                    "De toestemming van {naam} is bevestigd en geldt nu.")
    if not isinstance(toestemming, Toestemming):
        return toestemming
    terug = request.POST.get("huishouden", "")
    if terug.isdigit():
        return redirect(reverse("ui:huishouden", args=[int(terug)]) + "#toestemmingen")
    return redirect("ui:werkvoorraad")


@inlog_vereist
def toestemming_intrekken(request, pk: int):
    """AVG art. 7 lid 3: withdraw a consent; the record stays. Back to the household page it was shown on."""
    from django.shortcuts import redirect

    from maatwerk.personen.models import Huishoudlid
    from maatwerk.toegang import register
    from maatwerk.toegang.models import Toestemming

    toestemming = _toestemming_stap(request, pk, register.trek_toestemming_in,
                                    "De toestemming van {naam} is ingetrokken.")
    if not isinstance(toestemming, Toestemming):
        return toestemming
    terug = request.POST.get("huishouden", "")
    lidmaatschap = Huishoudlid.objects.filter(inwoner=toestemming.inwoner, huishouden_id=int(terug)).first() if terug.isdigit() else None
    if lidmaatschap is None:
        lidmaatschap = Huishoudlid.objects.filter(inwoner=toestemming.inwoner, tot__isnull=True).first()
    if lidmaatschap is None:
        return redirect("ui:werkvoorraad")
    return redirect(reverse("ui:huishouden", args=[lidmaatschap.huishouden_id]) + "#toestemmingen")


@inlog_vereist
def grondslag_register(request):
    """The kwaliteitsmedewerker records a legal ground from the catalogue (toegang.register.leg_grondslag_vast).
    He sees no dossier: the inwoner is named by BSN, and the page confirms without showing a name."""
    from django.contrib import messages
    from django.core.exceptions import PermissionDenied, ValidationError
    from django.shortcuts import redirect

    from maatwerk.personen.models import Inwoner
    from maatwerk.toegang import register
    from maatwerk.toegang.forms import GrondslagRegisterFormulier
    from maatwerk.zaken.forms import fouten_overnemen

    if not rechten.ooit_toegestaan(r.rollen(request.user), rechten.GRONDSLAG_VASTLEGGEN):
        raise PermissionDenied("Alleen de kwaliteitsmedewerker legt een wettelijke grondslag vast.")
    form = GrondslagRegisterFormulier(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            d = dict(form.cleaned_data)
            inwoner = Inwoner.objects.filter(bsn=d.pop("bsn")).first()
            if inwoner is None:
                form.add_error("bsn", "Er is geen inwoner met dit BSN geregistreerd.")
            else:
                try:
                    g = register.leg_grondslag_vast(request.user, inwoner, **d)
                except ValidationError as fout:
                    fouten_overnemen(form, fout)
                else:
                    messages.success(request, f"Wettelijke grondslag nr. {g.pk} is vastgelegd (geldig tot en met "
                                              f"{formaat.datum(g.geldig_tot)}).")
                    return redirect("ui:grondslag_register")
    return render(request, "toegang/grondslag_register.html", {**ui_context(request, "grondslagen"), "form": form},
                  status=status)
