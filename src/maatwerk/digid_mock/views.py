"""The mock DigiD broker: the OpenID Connect authorization code flow with signed (RS256) ID tokens.

The authorization code is signed and short-lived (django.core.signing, CODE_SECONDEN), single-use (its random id
is recorded on redemption, models.GebruikteCode: a second use is refused, RFC 6749 4.1.2) and bound to the
client's PKCE challenge (RFC 7636, S256 only: "plain" would send the secret itself through the browser). The
mock keeps a session of its own like a real broker (a signed cookie, DigiD's single sign-on); the loket's logout
ends it through the end_session endpoint (OpenID Connect RP-Initiated Logout 1.0).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
import time
from urllib.parse import urlencode, urlsplit

import jwt
from django import forms
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from maatwerk.digid_mock.models import GebruikteCode
from maatwerk.digid_mock.sleutel import prive_sleutel, publieke_jwk
from maatwerk.loket.formulieren import LoketFormulier
from maatwerk.personen.validators import elfproef

CODE_ZOUT = "maatwerk.digid_mock.code"
TOKEN_ZOUT = "maatwerk.digid_mock.access"
CODE_SECONDEN = 60  # RFC 6749 4.1.2: "A maximum authorization code lifetime of 10 minutes is RECOMMENDED"
SESSIE_COOKIE = "digid_mock_sessie"
SESSIE_ZOUT = "maatwerk.digid_mock.sessie"
SESSIE_SECONDEN = 15 * 60  # DigiD norm, as the loket (settings.LOKET_SESSIE_SECONDEN)
TOKEN_SECONDEN = 15 * 60
DIENSTEN = [("sociaal-domein", "Loket sociaal domein"), ("bijzondere-bijstand", "Bijzondere bijstand aanvragen")]


def _uitgever(request) -> str:
    return request.build_absolute_uri(reverse("digid_mock:start"))


def _demo_personen() -> list[tuple[str, str]]:
    from maatwerk.demo.gegevens import casussen

    return [(p.bsn, f"{p.voornamen} {p.tussenvoegsel + ' ' if p.tussenvoegsel else ''}{p.achternaam} ({p.bsn})")
            for c in casussen() for p in c.personen if p.leeftijd >= 18]


def _bsn_veld(label: str, verplicht: bool) -> forms.CharField:
    return forms.CharField(label=label, required=verplicht, max_length=20, help_text="9 cijfers.",
                           widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
                           error_messages={"required": "Vul een burgerservicenummer in.",
                                           "max_length": "Een burgerservicenummer heeft 9 cijfers."})


def _controleer_bsn(waarde: str, veld: str) -> str:
    waarde = (waarde or "").replace(" ", "").replace(".", "")
    if waarde and not elfproef(waarde):
        raise forms.ValidationError(f"{veld}: dit is geen geldig burgerservicenummer (9 cijfers, elfproef).")
    return waarde


class InlogFormulier(LoketFormulier):
    demo_bsn = forms.ChoiceField(label="Kies een demopersoon", required=False, widget=forms.RadioSelect)
    bsn = _bsn_veld("Of typ een burgerservicenummer", False)
    machtigen = forms.BooleanField(label="Ik log in voor iemand anders (DigiD Machtigen)", required=False)
    namens_bsn = _bsn_veld("Burgerservicenummer van de persoon voor wie u inlogt", False)
    dienst = forms.ChoiceField(label="Voor welke dienst bent u gemachtigd?", choices=DIENSTEN, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["demo_bsn"].choices = _demo_personen()

    def clean_bsn(self):
        return _controleer_bsn(self.cleaned_data.get("bsn"), "Burgerservicenummer")

    def clean_namens_bsn(self):
        return _controleer_bsn(self.cleaned_data.get("namens_bsn"), "Burgerservicenummer van de vertegenwoordigde")

    def clean(self):
        data = super().clean()
        data["gekozen_bsn"] = data.get("bsn") or data.get("demo_bsn")
        if not data["gekozen_bsn"] and "bsn" not in self.errors:
            self.add_error("bsn", "Kies een demopersoon of typ een burgerservicenummer.")
        if data.get("machtigen"):
            if not data.get("namens_bsn") and "namens_bsn" not in self.errors:
                self.add_error("namens_bsn", "Vul het burgerservicenummer in van de persoon voor wie u inlogt.")
            elif data.get("namens_bsn") and data.get("namens_bsn") == data["gekozen_bsn"]:
                self.add_error("namens_bsn", "U kunt niet voor uzelf gemachtigd zijn.")
        return data

    def claims(self) -> dict:
        d = self.cleaned_data
        if d.get("machtigen"):
            return {"gemachtigde": {"bsn": d["gekozen_bsn"]}, "aanvrager": {"bsn": d["namens_bsn"]},
                    "service_id": d.get("dienst") or DIENSTEN[0][0]}
        return {"bsn": d["gekozen_bsn"]}


def _fout(request, tekst: str, status: int = 400):
    return render(request, "digid_mock/fout.html", {"tekst": tekst}, status=status)


def _controleer_verzoek(request, params) -> str | None:
    """The authorization request must come from our own loket (client id and callback on this host)."""
    if params.get("response_type") != "code":
        return "Dit inlogverzoek is niet geldig: response_type moet 'code' zijn."
    if params.get("client_id") != settings.OIDC_RP_CLIENT_ID:
        return "Dit inlogverzoek komt niet van een bekende toepassing (client_id)."
    doel = urlsplit(params.get("redirect_uri", ""))
    if doel.netloc != request.get_host() or doel.path != reverse("oidc_authentication_callback"):
        return "Dit inlogverzoek heeft een onbekend terugkeeradres (redirect_uri)."
    if not params.get("state"):
        return "Dit inlogverzoek is niet geldig: state ontbreekt."
    if params.get("code_challenge_method") != "S256" or not params.get("code_challenge"):
        return "Dit inlogverzoek is niet geldig: PKCE met S256 (code_challenge) ontbreekt."
    return None


def _pkce_klopt(verifier: str, challenge: str) -> bool:
    """RFC 7636 4.6: BASE64URL-ENCODE(SHA256(ASCII(code_verifier))) == code_challenge."""
    if not isinstance(verifier, str) or not 43 <= len(verifier) <= 128:
        return False
    berekend = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii", "replace")).digest()).rstrip(b"=").decode()
    return hmac.compare_digest(berekend, challenge or "")


def sessie_bsn(request) -> str:
    """The BSN of the mock's own session (its single sign-on cookie), or ""."""
    try:
        return signing.loads(request.COOKIES.get(SESSIE_COOKIE, ""), salt=SESSIE_ZOUT, max_age=SESSIE_SECONDEN)["bsn"]
    except (signing.BadSignature, KeyError, TypeError):
        return ""


def start(request):
    return JsonResponse(configuratie_gegevens(request))


def configuratie_gegevens(request) -> dict:
    u = request.build_absolute_uri
    return {
        "issuer": _uitgever(request),
        "authorization_endpoint": u(reverse("digid_mock:autoriseren")),
        "token_endpoint": u(reverse("digid_mock:token")),
        "userinfo_endpoint": u(reverse("digid_mock:userinfo")),
        "jwks_uri": u(reverse("digid_mock:jwks")),
        "end_session_endpoint": u(reverse("digid_mock:uitloggen")),
        "code_challenge_methods_supported": ["S256"],
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": ["openid"],
    }


@require_GET
def configuratie(request):
    return JsonResponse(configuratie_gegevens(request))


def autoriseren(request):
    params = request.GET if request.method == "GET" else request.POST
    fout = _controleer_verzoek(request, params)
    if fout:
        return _fout(request, fout)
    eerder = sessie_bsn(request)
    form = InlogFormulier(request.POST if request.method == "POST" else None,
                          initial={"bsn": eerder} if eerder else None)
    if request.method == "POST" and form.is_valid():
        code = signing.dumps({"claims": form.claims(), "nonce": params.get("nonce"), "client_id": params["client_id"],
                              "redirect_uri": params["redirect_uri"], "id": secrets.token_hex(16),
                              "pkce": params["code_challenge"]}, salt=CODE_ZOUT)
        antwoord = HttpResponseRedirect(f"{params['redirect_uri']}?{urlencode({'code': code, 'state': params['state']})}")
        antwoord.set_cookie(SESSIE_COOKIE, signing.dumps({"bsn": form.cleaned_data["gekozen_bsn"]}, salt=SESSIE_ZOUT),
                            max_age=SESSIE_SECONDEN, httponly=True, samesite="Lax", secure=request.is_secure(),
                            path=reverse("digid_mock:start"))
        return antwoord
    verborgen = {k: params.get(k, "") for k in ("response_type", "client_id", "redirect_uri", "state", "nonce", "scope",
                                                "code_challenge", "code_challenge_method")}
    return render(request, "digid_mock/inloggen.html", {"form": form, "verborgen": verborgen},
                  status=400 if form.is_bound else 200)


def _client(request) -> tuple[str, str]:
    kop = request.headers.get("Authorization", "")
    if kop.startswith("Basic "):
        try:
            gebruiker, _, geheim = base64.b64decode(kop[6:]).decode("utf-8").partition(":")
            return gebruiker, geheim
        except (ValueError, UnicodeDecodeError):
            return "", ""
    return request.POST.get("client_id", ""), request.POST.get("client_secret", "")


def _oauth_fout(code: str, tekst: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": code, "error_description": tekst}, status=status)


@csrf_exempt
@require_POST
def token(request):
    client_id, geheim = _client(request)
    if client_id != settings.OIDC_RP_CLIENT_ID or not hmac.compare_digest(geheim, settings.OIDC_RP_CLIENT_SECRET):
        return _oauth_fout("invalid_client", "Onbekende toepassing of verkeerd geheim.", 401)
    if request.POST.get("grant_type") != "authorization_code":
        return _oauth_fout("unsupported_grant_type", "Alleen authorization_code.")
    try:
        code = signing.loads(request.POST.get("code", ""), salt=CODE_ZOUT, max_age=CODE_SECONDEN)
    except signing.BadSignature:
        return _oauth_fout("invalid_grant", "De code is ongeldig of verlopen.")
    if code["client_id"] != client_id or code["redirect_uri"] != request.POST.get("redirect_uri"):
        return _oauth_fout("invalid_grant", "De code hoort bij een andere toepassing of terugkeeradres.")
    if not _pkce_klopt(request.POST.get("code_verifier", ""), code.get("pkce", "")):
        return _oauth_fout("invalid_grant", "De code_verifier past niet bij de code_challenge (PKCE).")
    if not _wissel_in(code.get("id", "")):
        return _oauth_fout("invalid_grant", "Deze code is al gebruikt.")
    nu = int(time.time())
    claims = code["claims"]
    onderwerp = claims.get("bsn") or claims["gemachtigde"]["bsn"]
    id_token = jwt.encode(
        {"iss": _uitgever(request), "sub": hmac.new(settings.SECRET_KEY.encode(), onderwerp.encode(), "sha256").hexdigest(),
         "aud": client_id, "iat": nu, "exp": nu + TOKEN_SECONDEN, "nonce": code["nonce"], **claims},
        prive_sleutel(), algorithm="RS256", headers={"kid": publieke_jwk()["kid"]},
    )
    access = signing.dumps(claims, salt=TOKEN_ZOUT)
    return JsonResponse({"access_token": access, "id_token": id_token, "token_type": "Bearer",
                         "expires_in": TOKEN_SECONDEN})


def _wissel_in(code_id: str) -> bool:
    """Record the code's redemption; False when it was redeemed before (single use)."""
    if not code_id:
        return False
    GebruikteCode.objects.filter(gebruikt_op__lt=timezone.now() - dt.timedelta(seconds=2 * CODE_SECONDEN)).delete()
    try:
        with transaction.atomic():
            GebruikteCode.objects.create(code_id=code_id)
    except IntegrityError:
        return False
    return True


@require_GET
def uitloggen(request):
    """end_session_endpoint: ends the mock's own session and sends the browser back to the loket. The return
    address must be on this host under /loket/ (no open redirect); the id_token_hint, when given, must carry our
    signature (an expired one is fine: the session it names may be older than the token)."""
    terug = request.GET.get("post_logout_redirect_uri", "")
    doel = urlsplit(terug)
    if terug and (doel.netloc != request.get_host() or not doel.path.startswith("/loket/")):
        return _fout(request, "Dit uitlogverzoek heeft een onbekend terugkeeradres (post_logout_redirect_uri).")
    hint = request.GET.get("id_token_hint", "")
    if hint:
        try:
            jwt.decode(hint, prive_sleutel().public_key(), algorithms=["RS256"], audience=settings.OIDC_RP_CLIENT_ID,
                       options={"verify_exp": False})
        except jwt.PyJWTError:
            return _fout(request, "Dit uitlogverzoek is niet geldig: de id_token_hint komt niet van deze inlogdienst.")
    antwoord = HttpResponseRedirect(terug or reverse("loket:start"))
    antwoord.delete_cookie(SESSIE_COOKIE, path=reverse("digid_mock:start"))
    return antwoord


@require_GET
def userinfo(request):
    kop = request.headers.get("Authorization", "")
    try:
        claims = signing.loads(kop.removeprefix("Bearer ").strip(), salt=TOKEN_ZOUT, max_age=TOKEN_SECONDEN)
    except signing.BadSignature:
        return _oauth_fout("invalid_token", "Het toegangstoken is ongeldig of verlopen.", 401)
    return JsonResponse(claims)


@require_GET
def jwks(request):
    return JsonResponse({"keys": [publieke_jwk()]})


