"""Resident login through OpenID Connect (mozilla-django-oidc), DigiD style, with DigiD Machtigen.

Which claims hold what is configuration, not code (MAATWERK_OIDC_CLAIM_*; a dotted name reads a nested claim,
as brokers put "aanvrager.bsn" / "gemachtigde.bsn"):
- acting for oneself: the BSN claim (`bsn`);
- machtigen: the authorised person's BSN (`gemachtigde.bsn`), the represented person's BSN (`aanvrager.bsn`)
  and the service (`service_id`).
A BSN that fails the elfproef refuses the login. A resident user is created on first login: a Django user
without password, role, staff or superuser flag, linked to the BSN by InwonerAccount.

Endpoints may be relative paths (the bundled mock DigiD, maatwerk.digid_mock): they are resolved against the
host of the request, so the demo works on any port without configuration.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from django.http import Http404
from django.urls import reverse
from django.utils.http import urlencode
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from maatwerk.loket import sessie
from maatwerk.loket.models import InwonerAccount
from maatwerk.personen.validators import elfproef
from maatwerk.toegang.models import Actie


def claim(claims: dict, naam: str):
    """The value of a claim, or None. A name with dots reads a nested claim ("aanvrager.bsn"), unless the claim
    exists under the whole name (SAML-style names such as "urn:nl-eid-gdi:1.0:id:BSN" contain dots too)."""
    if naam in claims:
        return claims[naam]
    waarde = claims
    for deel in naam.split("."):
        if not isinstance(waarde, dict) or deel not in waarde:
            return None
        waarde = waarde[deel]
    return waarde


def handelend_uit_claims(claims: dict) -> sessie.Handelend:
    """Who acts, and for whom, from the claims; SuspiciousOperation when no valid BSN is in them."""
    namens = claim(claims, settings.LOKET_OIDC_CLAIM_VERTEGENWOORDIGDE)
    if namens:
        bsn = claim(claims, settings.LOKET_OIDC_CLAIM_GEMACHTIGDE)
        dienst = claim(claims, settings.LOKET_OIDC_CLAIM_DIENST) or ""
    else:
        bsn, dienst = claim(claims, settings.LOKET_OIDC_CLAIM_BSN), ""
    for waarde in (bsn, namens) if namens else (bsn,):
        if not isinstance(waarde, str) or not elfproef(waarde):
            raise SuspiciousOperation("Het inlogmiddel gaf geen geldig burgerservicenummer.")
    if namens == bsn:
        raise SuspiciousOperation("Een machtiging voor uzelf is geen machtiging.")
    return sessie.Handelend(bsn, namens or None, str(dienst)[:100])


class InwonerOIDCBackend(OIDCAuthenticationBackend):
    """Authenticates residents only; staff log in with username, password and TOTP (toegang)."""

    def authenticate(self, request, **kwargs):
        if request is not None:
            for naam in ("OIDC_OP_TOKEN_ENDPOINT", "OIDC_OP_USER_ENDPOINT", "OIDC_OP_JWKS_ENDPOINT"):
                waarde = getattr(self, naam, None)
                if isinstance(waarde, str) and waarde.startswith("/"):
                    setattr(self, naam, request.build_absolute_uri(waarde))
        return super().authenticate(request, **kwargs)

    def verify_claims(self, claims):
        handelend_uit_claims(claims)  # raises when no valid BSN
        return True

    def filter_users_by_claims(self, claims):
        bsn = handelend_uit_claims(claims).bsn
        return get_user_model().objects.filter(inwoner_account__bsn=bsn, is_active=True)

    def create_user(self, claims):
        bsn = handelend_uit_claims(claims).bsn
        with transaction.atomic():
            user = get_user_model().objects.create(username=f"inwoner-{secrets.token_hex(8)}", is_staff=False,
                                                   is_superuser=False)
            user.set_unusable_password()
            user.save(update_fields=["password"])
            InwonerAccount.objects.create(gebruiker=user, bsn=bsn)
        return self.update_user(user, claims)

    def update_user(self, user, claims):
        user._loket_handelend = handelend_uit_claims(claims)
        return user


class LoketCallbackView(OIDCAuthenticationCallbackView):
    """After the OIDC login: record in the session who acts for whom (shown on every loket page), start the
    resident's short idle timeout and write the audit line with both BSNs."""

    def login_success(self):
        antwoord = super().login_success()
        h = getattr(self.user, "_loket_handelend", None)
        if h is not None:
            sessie.zet_handelend(self.request, h)
            sessie.log(self.request, Actie.VIEW, "inloggen loket", "Ingelogd via OpenID Connect.", h=h)
        return antwoord


class LoketAuthenticateView(OIDCAuthenticationRequestView):
    """The start of the login; 404 while no broker is configured (production without MAATWERK_OIDC_*), instead
    of a redirect to an empty address."""

    def get(self, request):
        if not settings.LOKET_OIDC_INGESTELD:
            raise Http404("Inloggen met DigiD is niet ingesteld.")
        return super().get(request)


def uitlog_url(request) -> str | None:
    """OIDC_OP_LOGOUT_URL_METHOD: where logging out of the loket sends the browser so the broker ends its session
    too (OpenID Connect RP-Initiated Logout 1.0: end_session_endpoint with id_token_hint and
    post_logout_redirect_uri). None when no end_session endpoint is configured: the loket then logs out locally.
    Called before the local session is flushed (it reads the ID token from it)."""
    eindpunt = settings.OIDC_OP_LOGOUT_ENDPOINT
    if not eindpunt:
        return None
    if eindpunt.startswith("/"):
        eindpunt = request.build_absolute_uri(eindpunt)
    params = {"client_id": settings.OIDC_RP_CLIENT_ID,
              "post_logout_redirect_uri": request.build_absolute_uri(reverse("loket:start") + "?uitgelogd=1")}
    if request.session.get("oidc_id_token"):
        params["id_token_hint"] = request.session["oidc_id_token"]
    return f"{eindpunt}?{urlencode(params)}"
