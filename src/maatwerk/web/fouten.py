"""DRF exception handler: every error answers in Dutch with a 4xx status, never a traceback.

- bad input (DRF or Django ValidationError, Regelkern InvoerFout, unreadable JSON,
  a body above 1 MB)                                                              -> 400 with field errors
- the access policy refuses (GeenToegang)                                          -> 403 with the reason
- the procedure does not allow the step (ProcedureFout) or a deadline cannot be
  computed lawfully (TermijnFout)                                                  -> 409 with the rule
- the database refuses a write that conflicts with another (IntegrityError)        -> 409
- the database is busy (OperationalError: "database is locked", a deadlock)        -> 503, try again

Every error body is `{"detail": "<Dutch message>", "code": "<code>"}`, or for bad input the field errors
`{"<veld>": ["<Dutch message>"]}`. Outside DRF views, `handler400/403/404/500` answer the same JSON for paths
under /api/ and the Dutch HTML pages elsewhere (issue 7: "an API error answers JSON, never HTML").
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, OperationalError
from django.http import Http404, JsonResponse
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from maatwerk.regels.invoer import TE_GROOT, InvoerFout
from maatwerk.termijnen import TermijnFout
from maatwerk.zaken.fouten import ProcedureFout

logger = logging.getLogger(__name__)

NL = {
    exceptions.NotAuthenticated: "U bent niet ingelogd.",
    exceptions.AuthenticationFailed: "Inloggen is mislukt: onjuiste gegevens of token.",
    exceptions.NotFound: "Niet gevonden.",
    exceptions.MethodNotAllowed: "Deze methode is hier niet toegestaan.",
    exceptions.UnsupportedMediaType: "Stuur de gegevens als JSON (Content-Type: application/json).",
    exceptions.NotAcceptable: "Dit antwoordformaat wordt niet ondersteund; vraag om application/json.",
    exceptions.Throttled: "Te veel verzoeken; probeer het later opnieuw.",
}


BEZET = "De gegevens worden op dit moment door een andere gebruiker gewijzigd; probeer het over enkele seconden opnieuw."
CONFLICT = ("Deze wijziging botst met een wijziging die tegelijk is opgeslagen; er is niets opgeslagen. Laad de "
            "gegevens opnieuw en probeer het nog eens.")


def exception_handler(exc, context):
    if isinstance(exc, IntegrityError):
        return Response({"detail": CONFLICT, "code": "conflict"}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, OperationalError):
        # Logged: a busy database under normal load means the timeout is too short or a transaction too long.
        logger.warning("Database bezet: %s", exc)
        return Response({"detail": BEZET, "code": "database_bezet"}, status=status.HTTP_503_SERVICE_UNAVAILABLE,
                        headers={"Retry-After": "2"})
    if isinstance(exc, ProcedureFout):
        return Response({"detail": exc.bericht, "code": exc.code}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, TermijnFout):
        return Response({"detail": f"De termijn kan niet worden berekend: {exc}", "code": "termijn"},
                        status=status.HTTP_409_CONFLICT)
    if isinstance(exc, (RequestDataTooBig, TooManyFieldsSent)):
        # Django refuses a body above DATA_UPLOAD_MAX_MEMORY_SIZE (1 MB) when the view reads it.
        return Response({"invoer": [TE_GROOT]}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, InvoerFout):
        return Response({exc.veld or "invoer": [exc.bericht]}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoValidationError):
        return Response(as_serializer_error(exc), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, Http404):  # also beleid.NietGevonden: invisible answers exactly like missing (issue 7)
        return Response({"detail": NL[exceptions.NotFound]}, status=status.HTTP_404_NOT_FOUND)
    if isinstance(exc, DjangoPermissionDenied):
        bericht = str(exc) or "U heeft geen toegang."
        return Response({"detail": bericht, "code": "geen_toegang"}, status=status.HTTP_403_FORBIDDEN)
    if isinstance(exc, exceptions.ParseError):
        return Response({"detail": "De invoer is geen geldige JSON.", "code": "parse_error"},
                        status=status.HTTP_400_BAD_REQUEST)
    response = drf_exception_handler(exc, context)
    if response is not None:
        for soort, bericht in NL.items():
            if isinstance(exc, soort) and isinstance(response.data, dict) and "detail" in response.data:
                response.data["detail"] = bericht
    return response


# ------------------------------------------------------------------ errors outside DRF views (web/urls.py)

API_PREFIX = "/api/"


def _api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def _json(bericht: str, code: str, status_code: int) -> JsonResponse:
    return JsonResponse({"detail": bericht, "code": code}, status=status_code)


def handler400(request, exception=None):
    """Django refuses a request outside DRF's handling (an unknown Host, a form body above
    DATA_UPLOAD_MAX_MEMORY_SIZE read by middleware): under /api/ a Dutch JSON answer, elsewhere the HTML page."""
    if _api(request):
        if isinstance(exception, (RequestDataTooBig, TooManyFieldsSent)):
            return JsonResponse({"invoer": [TE_GROOT]}, status=400)
        return _json("Het verzoek is ongeldig.", "ongeldig_verzoek", 400)
    return defaults.bad_request(request, exception)


def handler403(request, exception=None):
    if _api(request):
        return _json("U heeft geen toegang.", "geen_toegang", 403)
    return defaults.permission_denied(request, exception)


def handler404(request, exception=None):
    if _api(request):
        return _json("Niet gevonden.", "niet_gevonden", 404)
    return defaults.page_not_found(request, exception)


def handler500(request):
    # The traceback is in the log (LOGGING "django.request"), never in the answer.
    if _api(request):
        return _json("Er ging iets mis aan onze kant; de fout is vastgelegd en er is niets opgeslagen.", "serverfout", 500)
    return defaults.server_error(request)
