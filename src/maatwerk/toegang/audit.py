"""Writing the audit log. Every view and change of personal data goes through `log` (via `beleid.vereis_*`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

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


def log(gebruiker, actie: str, grond: Grond, *, zaak=None, inwoner=None, onderwerp: str, toelichting: str = "") -> AuditRegel:
    regel = _regel(gebruiker, actie, grond, zaak=zaak, inwoner=inwoner, onderwerp=onderwerp, toelichting=toelichting)
    regel.save()
    return regel


def log_veel(regels: list[AuditRegel]) -> None:
    AuditRegel.objects.bulk_create(regels)


nieuwe_regel = _regel
