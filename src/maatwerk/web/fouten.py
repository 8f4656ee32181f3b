"""DRF exception handler: every error answers in Dutch with a 4xx status, never a traceback.

- bad input (DRF or Django ValidationError, Regelkern InvoerFout, unreadable JSON,
  a body above 1 MB)                                                              -> 400 with field errors
- the access policy refuses (GeenToegang)                                          -> 403 with the reason
- the procedure does not allow the step (ProcedureFout) or a deadline cannot be
  computed lawfully (TermijnFout)                                                  -> 409 with the rule
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import JsonResponse
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler

from maatwerk.regels.invoer import TE_GROOT, InvoerFout
from maatwerk.termijnen import TermijnFout
from maatwerk.zaken.fouten import ProcedureFout

NL = {
    exceptions.NotAuthenticated: "U bent niet ingelogd.",
    exceptions.AuthenticationFailed: "Inloggen is mislukt: onjuiste gegevens of token.",
    exceptions.NotFound: "Niet gevonden.",
    exceptions.MethodNotAllowed: "Deze methode is hier niet toegestaan.",
    exceptions.UnsupportedMediaType: "Stuur de gegevens als JSON (Content-Type: application/json).",
    exceptions.NotAcceptable: "Dit antwoordformaat wordt niet ondersteund; vraag om application/json.",
    exceptions.Throttled: "Te veel verzoeken; probeer het later opnieuw.",
}


def exception_handler(exc, context):
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


def niet_gevonden(request, exception=None):
    """handler404: an address under /api/ that matches no route (`/api/v1/zaken/abc/`) answers JSON like every
    other API error; the pages keep their HTML 404."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": NL[exceptions.NotFound], "code": "niet_gevonden"}, status=404)
    return defaults.page_not_found(request, exception)


def foute_aanvraag(request, exception=None):
    """handler400: Django refuses a request outside DRF's handling (an unknown Host, a form body above
    DATA_UPLOAD_MAX_MEMORY_SIZE read by middleware): under /api/ a Dutch JSON answer, elsewhere the HTML page."""
    if request.path.startswith("/api/"):
        if isinstance(exception, (RequestDataTooBig, TooManyFieldsSent)):
            return JsonResponse({"invoer": [TE_GROOT]}, status=400)
        return JsonResponse({"detail": "Dit verzoek kan niet worden verwerkt.", "code": "foute_aanvraag"}, status=400)
    return defaults.bad_request(request, exception)
