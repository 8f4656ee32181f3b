"""Residents stay in the loket: a resident (InwonerAccount, no role) gets 403 on every other page and on the
API, whatever the rights table would say. Defence in depth next to the role checks of each staff view
(a resident has no role, so they refuse too), and it keeps residents out of pages without any role check
(the start page, the two-factor set-up, the admin login)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied

from maatwerk.loket.sessie import is_inwoner
from maatwerk.toegang import audit
from maatwerk.toegang.beleid import Grond
from maatwerk.toegang.models import Actie, SoortGrond


def inwoner_paden() -> tuple[str, ...]:
    static = "/" + settings.STATIC_URL.lstrip("/")
    return (*settings.LOKET_PADEN, static)


class InwonerScheidingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.paden = inwoner_paden()

    def __call__(self, request):
        if not request.path.startswith(self.paden) and is_inwoner(request.user):
            audit.log(request.user, Actie.VIEW, Grond(False, SoortGrond.GEEN, "Een inwoner opent alleen het loket"),
                      onderwerp="pagina voor medewerkers", toelichting=request.path[:200])
            # Django turns this into the 403 page (JSON under /api/: maatwerk.web.fouten.handler403).
            raise PermissionDenied("Deze pagina is voor medewerkers van de gemeente. Ga naar het loket.")
        return self.get_response(request)
