"""Writing the audit log. Every view and change of personal data goes through `log` (via `beleid.vereis_*`).

An allowed line is written in the caller's transaction, so a change and its audit line commit together or not
at all (issue 7: "every write and its audit row commit in one transaction"). A refusal must stay in the log even
though the request that was refused is rolled back (`maatwerk.web.transacties` rolls back every unsafe request
that answers with an error): while such a request runs, refused lines are collected (`verzamel_weigeringen`)
and written after its transaction has ended, in a transaction of their own.
"""

from __future__ import annotations

import contextlib
import contextvars
from typing import TYPE_CHECKING

from django.db import transaction

from maatwerk.toegang.models import AuditRegel

if TYPE_CHECKING:
    from maatwerk.toegang.beleid import Grond


def _regel(gebruiker, actie: str, grond: Grond, *, zaak=None, inwoner=None, onderwerp: str, toelichting: str = "") -> AuditRegel:
    ingelogd = gebruiker is not None and getattr(gebruiker, "is_authenticated", False)
    return AuditRegel(
        gebruiker=gebruiker if ingelogd else None,
        gebruikersnaam=gebruiker.get_username() if ingelogd else "(anoniem)",
        actie=actie,
        toegestaan=grond.toegestaan,
        zaak=zaak,
        inwoner=inwoner,
        onderwerp=onderwerp[:50],
        soort_grond=grond.soort,
        grond=grond.omschrijving,
        toestemming=grond.toestemming,
        wettelijke_grondslag=grond.wettelijke_grondslag,
        toelichting=toelichting[:300],
    )


# The refused lines of the running request, or None outside a request transaction.
_weigeringen: contextvars.ContextVar[list[AuditRegel] | None] = contextvars.ContextVar("audit_weigeringen", default=None)


@contextlib.contextmanager
def verzamel_weigeringen():
    """Collect refused lines while the block runs and write them afterwards in their own transaction, whether
    the block commits, rolls back or raises. Wrap this around the request transaction, not inside it."""
    if _weigeringen.get() is not None:  # an outer block collects and writes them
        yield _weigeringen.get()
        return
    verzameld: list[AuditRegel] = []
    token = _weigeringen.set(verzameld)
    try:
        yield verzameld
    finally:
        _weigeringen.reset(token)
        if verzameld:
            with transaction.atomic():
                AuditRegel.objects.bulk_create([_na_terugdraaien(r) for r in verzameld])


def _na_terugdraaien(regel: AuditRegel) -> AuditRegel:
    """A refused line may point at a zaak or inwoner the rolled-back request had just created: keep the line,
    drop the pointer (the toelichting and onderwerp still say what was refused)."""
    regel.pk = None
    for veld in ("zaak", "inwoner", "toestemming", "wettelijke_grondslag"):
        doel_id = getattr(regel, f"{veld}_id")
        if doel_id is not None and not regel._meta.get_field(veld).related_model.objects.filter(pk=doel_id).exists():
            setattr(regel, veld, None)
    return regel


def _bewaar_weigering(regel: AuditRegel) -> bool:
    verzameld = _weigeringen.get()
    if verzameld is None or regel.toegestaan:
        return False
    verzameld.append(regel)
    return True


def log(gebruiker, actie: str, grond: Grond, *, zaak=None, inwoner=None, onderwerp: str, toelichting: str = "") -> AuditRegel:
    regel = _regel(gebruiker, actie, grond, zaak=zaak, inwoner=inwoner, onderwerp=onderwerp, toelichting=toelichting)
    if not _bewaar_weigering(regel):
        regel.save()
    return regel


def log_veel(regels: list[AuditRegel]) -> None:
    AuditRegel.objects.bulk_create([r for r in regels if not _bewaar_weigering(r)])


nieuwe_regel = _regel
