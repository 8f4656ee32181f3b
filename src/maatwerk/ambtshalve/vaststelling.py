"""Review list of the batch's concept toekenningen, and vaststellen + bekendmaken in bulk (issue 12 point 4).

Legal basis: art. 43 lid 1 Pw, "Het college stelt het recht op bijstand vast op aanvraag of, indien daartoe aanleiding
bestaat, ambtshalve" (see docs/ambtshalve.md). The consulent inkomen sees per household the conditions with what they
rest on and the amount, and selects the households to send. Each goes through the ordinary besluit services
(`besluiten.services.vaststellen` and `bekendmaken`, with the B1 letter the batch drafted), so every check of a single
besluit holds here too: the content elements, the letter at B1, the mandate table.

Four eyes (mandate table): a besluit whose content needs a second person and has no valid approval is not vastgesteld;
it stays a concept and thereby is in the kwaliteitsmedewerker's queue (`zaken.vierogen.te_beoordelen`). Once approved,
selecting it again sends it. Nothing is bypassed: `vaststellen` checks the four eyes again itself.

One transaction per household: vaststellen and bekendmaken both happen, or neither (a letter that cannot be made
leaves the besluit a concept). A failure is reported for that household only; the others go on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from maatwerk.ambtshalve import toegang
from maatwerk.ambtshalve.models import Batch, Soort, Uitkomst
from maatwerk.toegang import audit
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.zaken.fouten import ProcedureFout

# The state of one household's besluit on the review list.
KLAAR = "klaar"  # concept, may be sent now
VIER_OGEN = "vier_ogen"  # concept, waits for the second person (mandate table)
BEKENDGEMAAKT = "bekendgemaakt"
VASTGESTELD = "vastgesteld"  # vastgesteld by hand on the besluit page, not yet sent: bulk sends it
GEEN_BESLUIT = "geen_besluit"  # the concept was withdrawn (vervallen) on the besluit page
MAX_ID = 2**63 - 1
FOUT = "fout"  # only in a result: this household was not sent, with the reason

LABELS = {
    KLAAR: "klaar om te versturen",
    VIER_OGEN: "wacht op een tweede persoon (vier ogen)",
    BEKENDGEMAAKT: "bekendgemaakt",
    VASTGESTELD: "vastgesteld, nog niet verstuurd",
    GEEN_BESLUIT: "geen concept-besluit meer",
    FOUT: "niet verstuurd",
}


@dataclass
class Rij:
    uitkomst: Uitkomst
    besluit: object | None
    status: str
    redenen: list[str]  # why four eyes are needed (empty otherwise)

    @property
    def label(self) -> str:
        return LABELS[self.status]

    @property
    def bedrag(self) -> Decimal | None:
        return self.besluit.bedrag if self.besluit is not None else None

    @property
    def selecteerbaar(self) -> bool:
        return self.status in (KLAAR, VASTGESTELD)


@dataclass
class Resultaat:
    uitkomst: Uitkomst
    status: str
    melding: str

    @property
    def label(self) -> str:
        return LABELS[self.status]


def _besluit(uitkomst: Uitkomst):
    from maatwerk.besluiten.models import Status

    if uitkomst.zaak_id is None:
        return None
    return uitkomst.zaak.besluiten.exclude(status=Status.VERVALLEN).order_by("-id").first()


def _rij(uitkomst: Uitkomst) -> Rij:
    from maatwerk.besluiten import services as besluiten
    from maatwerk.besluiten.models import Status

    besluit = _besluit(uitkomst)
    if besluit is None:
        return Rij(uitkomst, None, GEEN_BESLUIT, [])
    if besluit.status == Status.BEKENDGEMAAKT:
        return Rij(uitkomst, besluit, BEKENDGEMAAKT, [])
    if besluit.status == Status.VASTGESTELD:
        return Rij(uitkomst, besluit, VASTGESTELD, [])
    v = besluiten.vier_ogen(besluit)
    if v.vereist and besluiten.geldige_goedkeuring(besluit) is None:
        return Rij(uitkomst, besluit, VIER_OGEN, v.redenen)
    return Rij(uitkomst, besluit, KLAAR, [])


def concepten(batch: Batch):
    """The batch's concept toekenningen (queryset, for paging)."""
    return (batch.uitkomsten.filter(soort=Soort.CONCEPT_TOEKENNING).select_related("hoofdpersoon", "zaak")
            .order_by("id"))


def rijen(gebruiker, uitkomsten) -> list[Rij]:
    """The review rows of these outcomes (one page), with an audit line per person shown."""
    uitkomsten = list(uitkomsten)
    toegang.log_inwoners(gebruiker, [u.hoofdpersoon for u in uitkomsten], onderwerp="ambtshalve concept-toekenning")
    return [_rij(u) for u in uitkomsten]


def voortgang(batch: Batch) -> dict[str, int]:
    """Counts per state over all concept toekenningen of the batch (no personal data)."""
    tellingen = {s: 0 for s in (KLAAR, VIER_OGEN, VASTGESTELD, BEKENDGEMAAKT, GEEN_BESLUIT)}
    for u in concepten(batch):
        tellingen[_rij(u).status] += 1
    tellingen["totaal"] = sum(tellingen.values())
    return tellingen


def _selectie(batch: Batch, ids) -> list[Uitkomst]:
    """The selected outcomes; a Dutch message naming the field for anything that is not a concept toekenning of
    this batch (nothing is sent then)."""
    try:
        gekozen = [int(i) for i in ids]
    except (TypeError, ValueError):
        raise ValidationError({"uitkomsten": ["Kies de huishoudens met hun nummer uit de lijst."]}) from None
    if not gekozen:
        raise ValidationError({"uitkomsten": ["Kies ten minste één huishouden."]})
    # A number no row can have (the database's integer range) is simply not found, never an overflow (500).
    gevonden = {u.pk: u for u in concepten(batch).filter(pk__in=[i for i in gekozen if 0 < i <= MAX_ID])}
    onbekend = [i for i in dict.fromkeys(gekozen) if i not in gevonden]
    if onbekend:
        raise ValidationError({"uitkomsten": [
            f"{', '.join(map(str, onbekend))}: geen concept-toekenning van deze batch."]})
    return [gevonden[i] for i in dict.fromkeys(gekozen)]


def _verstuur_een(uitkomst: Uitkomst, gebruiker, datum: dt.date | None) -> Resultaat:
    from maatwerk.besluiten import services as besluiten

    rij = _rij(uitkomst)
    if rij.status == BEKENDGEMAAKT:
        return Resultaat(uitkomst, BEKENDGEMAAKT, f"Besluit {rij.besluit.kenmerk} was al bekendgemaakt.")
    if rij.status == GEEN_BESLUIT:
        return Resultaat(uitkomst, GEEN_BESLUIT, "Er is geen concept-besluit meer in deze zaak.")
    if rij.status == VIER_OGEN:
        # Not vastgesteld: the concept stays in the kwaliteitsmedewerker's queue (mandate table).
        return Resultaat(uitkomst, VIER_OGEN, f"Besluit {rij.besluit.kenmerk} staat in de wachtrij voor vier ogen. "
                                              f"Reden: {' '.join(rij.redenen)}")
    besluit = rij.besluit
    try:
        with transaction.atomic():  # both steps or neither
            if rij.status == KLAAR:
                besluiten.vaststellen(besluit, gebruiker, datum=datum)
            brief = besluiten.bekendmaken(besluit, gebruiker, datum=datum)
    except ValidationError as fout:
        tekst = " ".join(m for ms in getattr(fout, "message_dict", {"": fout.messages}).values() for m in ms)
        return Resultaat(uitkomst, FOUT, tekst)
    except (ProcedureFout, GeenToegang) as fout:
        return Resultaat(uitkomst, FOUT, str(fout))
    return Resultaat(uitkomst, BEKENDGEMAAKT, f"Besluit {besluit.kenmerk} is vastgesteld en verstuurd "
                                              f"(brief {brief.pk}).")


def verstuur(batch: Batch, gebruiker, ids, *, datum: dt.date | None = None) -> list[Resultaat]:
    """Vaststellen and bekendmaken the selected households' besluiten, one transaction each; a result per household.
    The refusals and failures are in the audit log too (one line per household, with the reason)."""
    grond = toegang.vereis(gebruiker, toegang.CHANGE, onderwerp="ambtshalve vaststellen", toelichting=f"batch {batch.pk}")
    resultaten = [_verstuur_een(u, gebruiker, datum) for u in _selectie(batch, ids)]
    audit.log_veel([audit.nieuwe_regel(gebruiker, toegang.CHANGE, grond, zaak=r.uitkomst.zaak,
                                       inwoner=r.uitkomst.hoofdpersoon, onderwerp="ambtshalve vaststellen",
                                       toelichting=f"batch {batch.pk}: {r.label}: {r.melding}"[:300])
                    for r in resultaten])
    return resultaten
