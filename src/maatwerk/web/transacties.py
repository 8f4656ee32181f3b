"""One transaction per changing request: a write and its audit line commit together or not at all.

Issue 7: "every write and its audit row commit in one transaction (a crash leaves both or neither)". A request
with an unsafe method (POST, PUT, PATCH, DELETE) runs in `transaction.atomic()`; it commits only when the
answer is a success (status below 400). An error answer — a refusal, bad input, a procedure rule, an
unexpected exception (Django has already turned it into a 500 answer inside the chain) — rolls back every
change the request made, also the ones a service had already saved. A crash (kill -9) before the commit
leaves nothing. Refused lines of the audit log survive the rollback: `audit.verzamel_weigeringen` writes them
after the transaction.

Safe requests (GET, HEAD, OPTIONS) stay in autocommit: their audit lines are single inserts and readers do
not serialize behind each other (on SQLite an immediate transaction takes the write lock).

Logging in and out is left out: a failed login must leave its trace (session, lockout counters) although it
answers with an error.
"""

from __future__ import annotations

from django.db import transaction
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from maatwerk.toegang import audit

ONVEILIG = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# URL names whose requests must keep their writes when they answer with an error (authentication).
# The second-factor step counts failed codes for the django-axes lockout, so it is authentication too.
BUITEN_TRANSACTIE = ("ui:inloggen", "ui:uitloggen", "ui:tweestaps_code", "api-token", "admin:login", "admin:logout")
# URL names of services that open their own, short transaction: a calculation runs the Regelkern first and only
# then takes the write lock to store the result with its audit lines (zaken.beoordeling.bereken). Wrapping the whole
# request would hold the lock during the computation, and on SQLite every other writer would wait for it.
# A document upload is received and checked before its short transaction (zaken.documenten.voeg_toe): a slow
# 10 MB upload must not hold the write lock.
EIGEN_TRANSACTIE = frozenset({"zaak-berekeningen", "ui:zaak_berekening", "zaak-documenten", "ui:zaak_documenten",
                              # The loket's online aanvraag keeps accepted files even when it answers 400 and
                              # stores the submission in its own transaction (loket/aanvraag.py).
                              "loket:aanvraag",
                              "loket:mijn_bezwaar",  # the resident's bezwaar with an upload (loket/bezwaar_online.py)
                              # The melder's feedback look-up writes only its rate-limit counter, which must
                              # survive the 404 of a wrong code (handhaving/remmen.py).
                              "meldpunt:volgen",
                              # The ambtshalve batch commits each household on its own (ambtshalve/batch.py).
                              "ambtshalve:verwerk", "ambtshalve-batch-verwerk",
                              # Documents with an advice request: each accepted file in its own commit, kept
                              # when another file is refused (adviesraad/bijlagen.py).
                              "adviesraad:documenten"})


def _eigen_transactie(request) -> bool:
    try:
        return resolve(request.path_info).view_name in EIGEN_TRANSACTIE
    except Resolver404:
        return False


def _uitgezonderde_paden() -> frozenset[str]:
    paden = set()
    for naam in BUITEN_TRANSACTIE:
        try:
            paden.add(reverse(naam))
        except NoReverseMatch:
            pass
    return frozenset(paden)


class VerzoekTransactieMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._uitgezonderd: frozenset[str] | None = None

    def __call__(self, request):
        if request.method not in ONVEILIG or request.path in self._paden() or _eigen_transactie(request):
            return self.get_response(request)
        with audit.verzamel_weigeringen(), transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 400:
                transaction.set_rollback(True)
        return response

    def _paden(self) -> frozenset[str]:
        if self._uitgezonderd is None:
            self._uitgezonderd = _uitgezonderde_paden()
        return self._uitgezonderd
