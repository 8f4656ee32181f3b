"""Nothing typed is lost when the session expired (issue 8, point 4; principle "bad input never loses what was
already typed").

A page form POSTed after the session expired (SessieVerloopMiddleware's idle timeout) or without a login would
otherwise be answered by a redirect to the login page and the typed text would be gone. This middleware:

1. keeps the posted fields server-side, in the new (anonymous) session — never in the URL — without the CSRF
   token, passwords, codes or file uploads, and at most `MAX_BYTES` (the first fields that fit, in order);
2. remembers to whom the expired session belonged (read from its stored row), so that only that user gets
   the text back; a session without a known user gives it to whoever logs in next in this browser session;
3. redirects to the login page with `next` = the page the form was on (the same-origin Referer; the action URL
   itself is POST-only). Django's login keeps session data (it cycles the key), and so does the second-factor
   step (`toegang.tweestaps`), so the data survives both steps;
4. on that page, after login, hands the fields to the view (`gegevens`, `formulier`) and shows the message
   `BERICHT`. Nothing is submitted again: the user checks and sends. The kept data is dropped as soon as the
   user POSTs to that form again, logs in as someone else, or after `BEWAARTERMIJN_SECONDEN`.

Pages opt in per form with `formulier(request, actie_url, maak)` (the besluit, bezwaar and bezwaren pages do:
restored on the server, so it works without JavaScript). On any other page base.html puts the kept fields, unused
by the view, in a hidden element (`bewaard_formulier_json`) and `maatwerk.js` fills them into the form with that
action (progressive enhancement; never submits). An htmx request gets `HX-Redirect` so the whole page goes to the
login, not a fragment. The API is not covered: a client keeps its own request body and gets 401/403 JSON.

It runs as `process_view`, after CsrfViewMiddleware has checked the token: a cross-site POST cannot plant
text in someone's session.
"""

from __future__ import annotations

import functools
import json
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.views import redirect_to_login
from django.forms.utils import ErrorDict
from django.http import HttpResponse, QueryDict
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

BERICHT = "Uw sessie was verlopen; wat u had ingevuld staat er nog. Controleer het en verstuur opnieuw."
SLEUTEL = "_maatwerk_bewaard_formulier"
MAX_BYTES = 64 * 1024  # a session row, not a document store; long texts up to ~60,000 characters fit
BEWAARTERMIJN_SECONDEN = 2 * 60 * 60
# Never kept: the CSRF token (a new one comes with the page), secrets, second-factor codes.
_NOOIT = ("csrfmiddlewaretoken", "password", "wachtwoord", "code", "token", "secret", "geheim")
_VRIJE_NAMEN = ("ui:inloggen", "ui:uitloggen", "ui:tweestaps_code", "ui:tweestaps_instellen")


@functools.cache
def _vrije_paden() -> frozenset[str]:
    return frozenset(reverse(n) for n in _VRIJE_NAMEN)


def _vrij(pad: str) -> bool:
    """Paths this middleware leaves alone: login and logout themselves, the API, the admin, static files, and the
    residents' loket (anonymous by design: the self-check, the DigiD login and its mock; settings.LOKET_PADEN)."""
    if pad.startswith(("/api/", "/admin/", "/" + settings.STATIC_URL.lstrip("/"), *getattr(settings, "LOKET_PADEN", ()))):
        return True
    return pad in _vrije_paden()


def _bewaarbaar(naam: str) -> bool:
    laag = naam.lower()
    return not any(n in laag for n in _NOOIT)


def _vorige_gebruiker(request) -> str | None:
    """The user id of the expired session behind the browser's cookie (its row is still there until
    clearsessions), or None."""
    sleutel = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not sleutel:
        return None
    from django.contrib.sessions.models import Session

    rij = Session.objects.filter(session_key=sleutel[:40]).first()
    if rij is None:
        return None
    try:
        return rij.get_decoded().get(SESSION_KEY)
    except Exception:  # a damaged row is no ground to refuse the user; he just is not known
        return None


def _terug(request) -> str:
    """The page the form was on: the Referer when it is of this site, else the start page."""
    verwijzer = request.META.get("HTTP_REFERER", "")
    if verwijzer and url_has_allowed_host_and_scheme(verwijzer, {request.get_host()}, require_https=request.is_secure()):
        delen = urlsplit(verwijzer)
        pad = delen.path + (f"?{delen.query}" if delen.query else "")
        if pad.startswith("/") and not _vrij(delen.path):
            return pad
    return reverse("ui:start")


def _velden(post: QueryDict) -> tuple[list[list[str]], bool]:
    """The keepable fields in order, within MAX_BYTES; the flag says whether something did not fit."""
    velden, grootte, volledig = [], 2, True
    for naam, waarden in post.lists():
        if not _bewaarbaar(naam):
            continue
        for waarde in waarden:
            paar = [naam[:200], waarde]
            extra = len(json.dumps(paar, ensure_ascii=False).encode()) + 1
            if grootte + extra > MAX_BYTES:
                volledig = False
                continue
            velden.append(paar)
            grootte += extra
    return velden, volledig


class FormulierBewarenMiddleware:
    """Keeps a form posted without a (live) login; gives it back on its page after login. See the module."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if _vrij(request.path) or not hasattr(request, "session"):
            return None
        if request.method == "POST" and not request.user.is_authenticated:
            return self._bewaar(request)
        bewaard = request.session.get(SLEUTEL)
        if not bewaard or not request.user.is_authenticated:
            return None
        if (time.time() - bewaard.get("op", 0) > BEWAARTERMIJN_SECONDEN
                or bewaard.get("gebruiker") not in (None, str(request.user.pk))):
            del request.session[SLEUTEL]  # too old, or someone else logged in: never show it to him
            return None
        if request.method == "POST" and request.path == bewaard["actie"]:
            del request.session[SLEUTEL]  # sent again (whatever the outcome, the page now has the posted values)
            return None
        if request.method == "GET" and request.get_full_path() == bewaard["terug"]:
            request.bewaard_formulier = bewaard
            if not bewaard.get("gemeld"):
                messages.warning(request, BERICHT if bewaard.get("volledig", True) else
                                 BERICHT + " Een deel van een heel lange tekst paste niet en is niet bewaard.")
                bewaard["gemeld"] = True
                request.session.modified = True
        return None

    def _bewaar(self, request):
        velden, volledig = _velden(request.POST)
        terug = _terug(request)
        request.session[SLEUTEL] = {
            "actie": request.path, "terug": terug, "velden": velden, "volledig": volledig, "op": int(time.time()),
            "gebruiker": _vorige_gebruiker(request),
        }
        naar = redirect_to_login(terug, reverse(settings.LOGIN_URL))
        if request.headers.get("HX-Request"):  # htmx would put the login page into a fragment: go there as a page
            antwoord = HttpResponse(status=204)
            antwoord["HX-Redirect"] = naar["Location"]
            return antwoord
        return naar


def gegevens(request, actie: str) -> QueryDict | None:
    """The kept fields for the form that posts to `actie`, on the page they are given back on (else None)."""
    bewaard = getattr(request, "bewaard_formulier", None)
    if not bewaard or bewaard.get("actie") != actie:
        return None
    request.bewaard_formulier_gebruikt = True  # restored by the view: base.html need not hand it to the script
    data = QueryDict(mutable=True)
    for naam, waarde in bewaard["velden"]:
        data.appendlist(naam, waarde)
    data._mutable = False
    return data


def herstel(form):
    """Show `form` (bound to kept data) with the typed values but without validating: nothing was sent yet."""
    form._errors = ErrorDict()
    return form


def formulier(request, actie: str, maak, gegeven=None):
    """The form for a page: `gegeven` (one the view just validated), else one restored from kept data, else
    `maak(None)` (empty, with its initial values). `maak(data)` builds the form bound to `data`."""
    if gegeven is not None:
        return gegeven
    data = gegevens(request, actie)
    return herstel(maak(data)) if data is not None else maak(None)


def voor_script(request) -> str | None:
    """JSON {"actie", "velden"} for maatwerk.js on a page whose view did not restore the form itself (or None).
    Rendered by base.html in a data attribute (auto-escaped): no inline script, CSP stays strict."""
    bewaard = getattr(request, "bewaard_formulier", None)
    if not bewaard or getattr(request, "bewaard_formulier_gebruikt", False):
        return None
    return json.dumps({"actie": bewaard["actie"], "velden": bewaard["velden"]}, ensure_ascii=False)
