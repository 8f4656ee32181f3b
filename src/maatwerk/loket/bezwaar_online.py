"""Bezwaar online (issue 9, point 5): the resident objects to a sent besluit on his own zaak.

It goes through the existing bezwaar service (`besluiten.bezwaar.registreer_met_grond`): received today (Awb 6:9
lid 1: on time when received before the end of the term; an electronic bezwaarschrift is received when it reaches
the municipality's system, Awb 2:17), tijdigheid and beslistermijn computed there (Awb 6:8-6:10, 7:10). It then
lands with the jurist: a zaak with a registered bezwaar is on his list (toegang.beleid, "met bezwaar").

Rules of the loket (decided here, docs/loket.md):
- one bezwaarschrift per besluit from the loket: a second one is refused with the date of the first; more grounds
  go to the jurist who handles it (Awb 6:6 and 7:9 let him receive them);
- after the term the form stays open and asks why it is late: a late bezwaarschrift is still registered and a
  person judges whether the lateness is excusable (Awb 6:11), never the system;
- the grounds are required (Awb 6:5 lid 1 onder d); an attachment is optional: PDF, JPEG or PNG, checked as every
  document (`zaken.documenten.controleer`), stored on the zaak as brought in by the resident (bron inwoner), in
  the same transaction as the bezwaarschrift, so an acknowledged bezwaar is complete with its attachment.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from maatwerk import formaat
from maatwerk.besluiten import bezwaar as bezwaarservice
from maatwerk.besluiten.models import Besluit, Bezwaarschrift
from maatwerk.loket import sessie
from maatwerk.termijnen import Termijn, bezwaartermijn
from maatwerk.toegang import audit
from maatwerk.toegang.models import Actie
from maatwerk.zaken import documenten
from maatwerk.zaken.documentmodellen import Bron, Document, Documentinhoud, Documentsoort
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import Zaak
from maatwerk.zaken.vergrendeling import vergrendel

MAX_GRONDEN = 10_000  # characters; room for a long letter, not a legal figure
MAX_REDEN = 2_000


@dataclass(frozen=True)
class Mogelijkheid:
    """Whether and how the resident can object to this besluit today."""

    besluit: Besluit
    termijn: Termijn | None
    eerder: Bezwaarschrift | None

    @property
    def beroep(self) -> bool:
        """A besluit on a bezwaar: beroep at the court, no second bezwaar (Awb 7:1 lid 1)."""
        return self.besluit.op_bezwaar_id is not None

    @property
    def te_laat(self) -> bool:
        return self.termijn is not None and self.termijn.verstreken

    @property
    def kan(self) -> bool:
        return not self.beroep and self.eerder is None


def mogelijkheid(besluit: Besluit, vandaag: dt.date | None = None) -> Mogelijkheid:
    vandaag = vandaag or timezone.localdate()
    termijn = bezwaartermijn(besluit.bekendgemaakt_op, vandaag=vandaag) if besluit.bekendgemaakt_op else None
    eerder = Bezwaarschrift.objects.filter(besluit=besluit).order_by("id").first()
    return Mogelijkheid(besluit, termijn, eerder)


def al_bezwaar_bericht(eerder: Bezwaarschrift) -> str:
    return (f"U hebt al bezwaar gemaakt tegen dit besluit. Wij kregen het op {formaat.datum(eerder.ontvangen_op)}. "
            "Wilt u nog iets toevoegen? Bel of schrijf ons en noem het kenmerk van de brief.")


def _indiener(h: sessie.Handelend, zaak: Zaak) -> str:
    zelf = sessie.naam(h.bsn) or f"inwoner met BSN {h.bsn}"
    if h.gemachtigd:
        namens = sessie.naam(h.namens_bsn) or f"BSN {h.namens_bsn}"
        return f"{zelf}, gemachtigde namens {namens} (DigiD Machtigen, via het loket)"
    return f"{zelf} (via het loket, ingelogd met DigiD)"


def controleer(gronden: str, reden_te_laat: str, te_laat: bool, bestand) -> tuple[str, str, tuple[bytes, str] | None]:
    """Shape of the input; every field's message at once (field names as on the form)."""
    fouten: dict[str, list[str]] = {}
    gronden = (gronden or "").strip()
    reden_te_laat = (reden_te_laat or "").strip()
    if not gronden:
        fouten["gronden"] = ["Schrijf op waarom u het niet eens bent met het besluit."]
    elif len(gronden) > MAX_GRONDEN:
        fouten["gronden"] = [f"Uw tekst is te lang. Gebruik ten hoogste {MAX_GRONDEN} tekens."]
    if te_laat and not reden_te_laat:
        fouten["reden_te_laat"] = ["Schrijf op waarom u later bezwaar maakt."]
    elif len(reden_te_laat) > MAX_REDEN:
        fouten["reden_te_laat"] = [f"Uw tekst is te lang. Gebruik ten hoogste {MAX_REDEN} tekens."]
    bijlage = None
    if bestand is not None:
        try:
            bijlage = documenten.controleer(bestand, Documentsoort.OVERIG, "")
        except ValidationError as fout:
            fouten["bestand"] = [m.removeprefix("Bestand: ") for m in fout.message_dict.get("bestand", [])]
    if fouten:
        raise ValidationError(fouten)
    return gronden, reden_te_laat, bijlage


def dien_in(request, h: sessie.Handelend, zaak: Zaak, besluit: Besluit, *, gronden: str, reden_te_laat: str = "",
            bestand=None) -> Bezwaarschrift:
    """Register the resident's bezwaarschrift (and its attachment) in one short transaction; returns after the
    commit, so the receipt is shown only for what was stored. The caller checked that the zaak is his and the
    besluit one of its sent besluiten."""
    vooraf = mogelijkheid(besluit)
    gronden, reden_te_laat, bijlage = controleer(gronden, reden_te_laat, vooraf.te_laat, bestand)
    grond = sessie.grond(h)
    with documenten._volledig_synchroon(), audit.verzamel_weigeringen(), transaction.atomic():
        zaak = vergrendel(zaak)  # two submits at once: the second waits and then sees the first
        nu = mogelijkheid(besluit)
        if nu.beroep:
            raise ProcedureFout("Tegen dit besluit kunt u geen bezwaar maken. U kunt in beroep gaan bij de rechtbank. "
                                "Dat staat in de brief.", code="beroep")
        if nu.eerder is not None:
            raise ProcedureFout(al_bezwaar_bericht(nu.eerder), code="al_bezwaar")
        tekst = gronden
        if nu.te_laat:
            tekst += f"\n\nWaarom later (Awb 6:11): {reden_te_laat}"
        document = None
        if bijlage is not None:
            inhoud, inhoudstype = bijlage
            sha = hashlib.sha256(inhoud).hexdigest()
            Documentinhoud.objects.bulk_create([Documentinhoud(sha256=sha, inhoud=inhoud, grootte=len(inhoud))],
                                               ignore_conflicts=True)
            document = Document.objects.create(
                zaak=zaak, soort=Documentsoort.OVERIG, bestandsnaam=documenten.schone_naam(getattr(bestand, "name", "")),
                inhoudstype=inhoudstype, grootte=len(inhoud), inhoud_id=sha, bron=Bron.INWONER, geupload_door=None,
                omschrijving=f"Bijlage bij het bezwaar tegen besluit {besluit.kenmerk}")
            tekst += f"\n\nBijlage: {document.bestandsnaam} (document {document.pk} in het dossier)."
        bezwaar = bezwaarservice.registreer_met_grond(
            besluit, request.user, grond, ontvangen_op=timezone.localdate(), gronden=tekst, indiener=_indiener(h, zaak))
        if document is not None:
            audit.log(request.user, Actie.CREATE, grond, zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp="document",
                      toelichting=f"{sessie.wie(h)}; bijlage bij bezwaar {bezwaar.pk}, document {document.pk}, "
                                  f"sha256 {document.sha256[:16]}…")
        sessie.log(request, Actie.CREATE, "bezwaar online",
                   f"Bezwaar {bezwaar.pk} tegen {besluit.kenmerk}; {'tijdig' if bezwaar.tijdig else 'te laat'}.",
                   inwoner=zaak.hoofdpersoon, h=h)
    return bezwaar
