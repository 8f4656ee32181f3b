"""Consulent web UI — pages that belong to access: start page, login/logout, audit log.

Also the shared helpers of all UI views (`ui_context`, `inlog_vereist`), so every page gets the same
navigation. Business rules are not decided here: roles come from `maatwerk.toegang.rollen`.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse

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
        "toon_auditlog": r.heeft_rol(request.user, r.BEHEERDER),
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
        if r.BEHEERDER in mijn:
            return reverse("ui:auditlog")
        return reverse("ui:start")


class Uitloggen(auth_views.LogoutView):
    next_page = "ui:start"


@inlog_vereist
def auditlog(request):
    """The audit log (who saw or changed what, when, on which ground): only for the beheerder."""
    if not r.heeft_rol(request.user, r.BEHEERDER):
        raise PermissionDenied("Alleen de beheerder kan het auditlog inzien.")
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
