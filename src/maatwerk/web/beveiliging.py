"""Hardening that applies to every request (issue 7, point 5; OWASP ASVS L2, BIO).

- GeenCacheMiddleware: `Cache-Control: no-store` on every answer except static files — pages, API answers
  and letters (HTML and PDF) hold personal data, and no browser or proxy may keep a copy (ASVS 8.2.1).
- SessieVerloopMiddleware: idle timeout. The session expires SESSION_COOKIE_AGE (30 min) after the last
  request; the expiry is renewed at most once a minute so that not every request writes the session.
- TweeStapsMiddleware: a logged-in user with a TOTP device must give a code before any page; where two-factor
  login is required (production) a user without a device is sent to set one up (ASVS 2.2 / BIO 9.4.2).
- TokenAuthentication: django-rest-knox tokens (expire, stored hashed); a malformed header answers 401.
- TweeStapsSessionAuthentication: the same rule for the API with a session cookie (tokens are only handed
  out after the second factor, see maatwerk.web.token).
- geblokkeerd: the answer to a login that django-axes locked out, in Dutch; JSON for the API.
- brief_antwoord: letter HTML under a CSP without any script.
- MinimaleWachtwoordLengte: passwords of at least 12 characters, with a Dutch message.
"""

from __future__ import annotations

import functools
import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.password_validation import MinimumLengthValidator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from drf_spectacular.authentication import SessionScheme
from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme
from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication

VERVERS_SECONDEN = 60  # renew the session expiry at most this often
_ACTIEF = "_maatwerk_actief"


class GeenCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        static = "/" + settings.STATIC_URL.lstrip("/")
        if not request.path.startswith(static):
            add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private; Expires
        return response


class SessieVerloopMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sessie = getattr(request, "session", None)
        # Only a logged-in session: an expired or anonymous one is not revived (that would store a new one).
        if sessie is not None and sessie.session_key and SESSION_KEY in sessie:
            nu = int(time.time())
            if nu - int(sessie.get(_ACTIEF, 0)) >= VERVERS_SECONDEN:
                sessie[_ACTIEF] = nu  # modified -> saved with a new expiry of SESSION_COOKIE_AGE
        return self.get_response(request)


def heeft_tweestaps(user) -> bool:
    """True when the user has set up (confirmed) a TOTP device."""
    from django_otp import user_has_device

    return user_has_device(user, confirmed=True)


def tweede_stap_nodig(user) -> bool:
    """A logged-in user who still has to give a code (has a device) or set one up (required)."""
    if not user.is_authenticated or (getattr(user, "is_verified", None) and user.is_verified()):
        return False
    return settings.TWEESTAPS_VERPLICHT or heeft_tweestaps(user)


_VRIJ = ("ui:inloggen", "ui:uitloggen", "ui:tweestaps_code", "ui:tweestaps_instellen")


@functools.cache
def _vrije_paden() -> frozenset[str]:
    """The paths of _VRIJ, reversed once per process instead of on every page request."""
    return frozenset(reverse(n) for n in _VRIJ)


class TweeStapsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pad = request.path
        # The loket (issue 9) is deliberately free: residents log in with DigiD and have no TOTP device; a
        # resident cannot open any other page (maatwerk.loket.middleware).
        if (not pad.startswith(("/api/", "/" + settings.STATIC_URL.lstrip("/"), *settings.LOKET_PADEN))
                and request.user.is_authenticated and pad not in _vrije_paden()
                and tweede_stap_nodig(request.user)):
            naar = "ui:tweestaps_code" if heeft_tweestaps(request.user) else "ui:tweestaps_instellen"
            volgende = request.get_full_path() if request.method == "GET" else ""
            return redirect(reverse(naar) + ("?" + urlencode({"next": volgende}) if volgende else ""))
        return self.get_response(request)


class TweeStapsSessionAuthentication(SessionAuthentication):
    """Session authentication for the API that ignores a session whose second factor is still missing."""

    def authenticate(self, request):
        resultaat = super().authenticate(request)
        if resultaat is not None and tweede_stap_nodig(request._request.user):
            return None
        return resultaat


class TokenAuthentication(KnoxTokenAuthentication):
    """django-rest-knox's token authentication; a header that is not UTF-8 is a wrong token (401), not a 500."""

    def authenticate_credentials(self, token):
        try:
            token.decode("utf-8")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed("Ongeldig token.") from None
        return super().authenticate_credentials(token)


class TokenScheme(KnoxTokenScheme):
    target_class = "maatwerk.web.beveiliging.TokenAuthentication"


class TweeStapsSessionScheme(SessionScheme):
    """drf-spectacular: in the OpenAPI schema this is the ordinary session cookie scheme."""

    target_class = "maatwerk.web.beveiliging.TweeStapsSessionAuthentication"


LOCKOUT_BERICHT = ("Te veel mislukte inlogpogingen. Dit account is vanaf dit adres {minuten} minuten geblokkeerd. "
                   "Probeer het daarna opnieuw, of vraag de beheerder de blokkade op te heffen.")


def geblokkeerd(request, response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: Dutch answer with status 429; JSON for the API."""
    minuten = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    bericht = LOCKOUT_BERICHT.format(minuten=minuten)
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": bericht, "code": "geblokkeerd"}, status=429)
    from maatwerk.toegang.views import ui_context

    return render(request, "registration/geblokkeerd.html", {**ui_context(request, "inloggen"), "bericht": bericht},
                  status=429)


# A letter is HTML from a template the beheerder edits: it gets no script at all, whatever the template says
# (defence in depth next to maatwerk.brieven.veiligheid). Its print layout is an inline <style>.
BRIEF_CSP = {
    "default-src": ["'none'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["data:"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-ancestors": ["'self'"],
}


def brief_antwoord(html: str):
    """The HTTP answer for a letter as HTML, under BRIEF_CSP (read by django-csp's middleware)."""
    antwoord = HttpResponse(html, content_type="text/html; charset=utf-8")
    antwoord._csp_config = BRIEF_CSP
    return antwoord


class MinimaleWachtwoordLengte(MinimumLengthValidator):
    """ASVS 2.1.1: at least 12 characters. Own Dutch text: Django 5.2 changed this message and its Dutch
    translation no longer matches, so users would read English."""

    def __init__(self, min_length=12):
        super().__init__(min_length)

    def get_error_message(self):
        return f"Dit wachtwoord is te kort: gebruik minstens {self.min_length} tekens."

    def get_help_text(self):
        return f"Uw wachtwoord moet minstens {self.min_length} tekens lang zijn; een zin van een paar woorden werkt goed."
