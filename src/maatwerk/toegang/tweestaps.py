"""Two-factor login (TOTP, django-otp): set up an authenticator app, and give its code after the password.

After the password (ui:inloggen) a user with a confirmed TOTP device must give a code here before any page
opens (maatwerk.web.beveiliging.TweeStapsMiddleware). Where two-factor login is required (production,
settings.TWEESTAPS_VERPLICHT) a user without a device is sent to the set-up page first. A wrong code counts
as a failed login for the lockout (django-axes), and django-otp slows repeated failures down per device.
A user who already has a device can only add another one after giving a code (else the second factor could
be replaced by anyone who knows the password).
"""

from __future__ import annotations

import base64
import io

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

from maatwerk.toegang.forms import NLFormulier
from maatwerk.toegang.views import ui_context
from maatwerk.web.beveiliging import geblokkeerd, heeft_tweestaps

APPARAAT_NAAM = "authenticator-app"


class CodeFormulier(NLFormulier, forms.Form):
    code = forms.RegexField(
        label="Code uit uw authenticator-app", regex=r"^\s*\d{6}\s*$", max_length=12,
        help_text="Zes cijfers; de code verandert elke 30 seconden.",
        error_messages={"required": "Vul de code van zes cijfers in.",
                        "invalid": "De code bestaat uit zes cijfers."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].widget.attrs.update(autocomplete="one-time-code", inputmode="numeric")


def _volgende(request) -> str:
    naar = request.POST.get("next") or request.GET.get("next") or ""
    if naar and url_has_allowed_host_and_scheme(naar, {request.get_host()}, require_https=request.is_secure()):
        return naar
    from maatwerk.toegang.views import Inloggen

    view = Inloggen()
    view.request = request
    return view.get_default_redirect_url()


def _mislukt(request) -> None:
    """A wrong code is a failed login for django-axes (same lockout as a wrong password)."""
    user_login_failed.send(sender=__name__, credentials={"username": request.user.get_username()}, request=request)


def code(request):
    """Second step of the login: the code from the authenticator app."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.user.is_verified() or not heeft_tweestaps(request.user):
        return redirect(_volgende(request))
    if request.method == "POST" and AxesProxyHandler.is_locked(request, {"username": request.user.get_username()}):
        return geblokkeerd(request)  # locked out (wrong passwords or codes): no code is even checked
    form = CodeFormulier(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            apparaat = django_otp.match_token(request.user, form.cleaned_data["code"].strip())
            if apparaat is not None:
                django_otp.login(request, apparaat)
                request.session.cycle_key()  # a new session id once the login is complete
                return redirect(_volgende(request))
            form.add_error("code", "Deze code klopt niet. Wacht op de volgende code en probeer het opnieuw.")
            _mislukt(request)
        status = 400
    return render(request, "registration/tweestaps_code.html",
                  {**ui_context(request, "inloggen"), "form": form, "next": request.GET.get("next", "")}, status=status)


def _qr_data_uri(tekst: str) -> str:
    uit = io.BytesIO()
    write_qrcode_image(tekst, uit)
    return "data:image/svg+xml;base64," + base64.b64encode(uit.getvalue()).decode("ascii")


def instellen(request):
    """Set up an authenticator app: a new (unconfirmed) TOTP device, shown as QR code and otpauth URI; it is
    confirmed by the first correct code."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if heeft_tweestaps(request.user) and not request.user.is_verified():
        return redirect("ui:tweestaps_code")
    with transaction.atomic():
        apparaat = (TOTPDevice.objects.filter(user=request.user, confirmed=False).order_by("-id").first()
                    or TOTPDevice.objects.create(user=request.user, name=APPARAAT_NAAM, confirmed=False))
    form = CodeFormulier(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid() and apparaat.verify_token(form.cleaned_data["code"].strip()):
            apparaat.confirmed = True
            apparaat.save(update_fields=["confirmed"])
            django_otp.login(request, apparaat)
            request.session.cycle_key()
            user_logged_in.send(sender=request.user.__class__, request=request, user=request.user)
            return redirect(_volgende(request))
        if form.is_valid():
            form.add_error("code", "Deze code klopt niet. Controleer de tijd op uw telefoon en probeer de volgende code.")
        status = 400
    uri = apparaat.config_url
    return render(request, "registration/tweestaps_instellen.html", {
        **ui_context(request, "inloggen"), "form": form, "otpauth_uri": uri, "qr": _qr_data_uri(uri),
        "sleutel": base64.b32encode(apparaat.bin_key).decode("ascii"), "al_ingesteld": heeft_tweestaps(request.user),
        "next": request.GET.get("next", ""),
    }, status=status)
