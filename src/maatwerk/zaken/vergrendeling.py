"""Serialising changes of one zaak (issue 7: parallel state changes must not lose an update or answer 500).

A service that changes a zaak reads it again with `vergrendel` inside its transaction and checks its rules on
that fresh copy. On PostgreSQL the row stays locked (SELECT … FOR UPDATE) until the transaction ends, so a second
request waits and then sees the first one's result (and gets a 409 ProcedureFout when its step no longer fits).
SQLite ignores FOR UPDATE, but there every transaction starts with BEGIN IMMEDIATE (settings.SQLITE_OPTIONS) and
so holds the only write lock from its first statement on: the same order, for the whole database.
"""

from __future__ import annotations

import functools

from django.db import transaction

from maatwerk.toegang import audit
from maatwerk.zaken.models import Zaak


def vergrendel(zaak: Zaak) -> Zaak:
    """The current state of `zaak`, locked until the surrounding transaction ends (call inside one)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("vergrendel() hoort binnen transaction.atomic()")
    return Zaak.objects.select_for_update().select_related("hoofdpersoon").get(pk=zaak.pk)


def wijzigt_zaak(service):
    """Decorator for a service whose first argument is the zaak it changes: the service runs in one transaction
    on the locked current state of the zaak (its checks see what a parallel request just committed), and the
    caller's instance is refreshed afterwards. A refusal logged inside stays in the audit log."""

    @functools.wraps(service)
    def uitvoeren(zaak: Zaak, *args, **kwargs):
        with audit.verzamel_weigeringen(), transaction.atomic():
            resultaat = service(vergrendel(zaak), *args, **kwargs)
        zaak.refresh_from_db()
        return resultaat

    return uitvoeren
