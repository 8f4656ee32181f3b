"""Documents on a zaak (issue 8, point 7): attach, list, read, withdraw — checked, durable, audited.

- **Checked**: only PDF, JPEG and PNG, detected from the first bytes of the content (never from the name or the
  content type the client sends); not empty; at most `MAATWERK_DOCUMENT_MAX_BYTES` (default 10 MB). Every
  refusal is a Dutch message naming the field (`bestand`, `soort`, `omschrijving`).
- **Durable**: the bytes go into the database (`Documentinhoud`, keyed by SHA-256) in the same short transaction
  as the `Document` row and its audit line; the caller answers only after that commit, so an acknowledged
  upload is complete and a crash before the commit leaves nothing. On the embedded SQLite database the commit
  of a document is written with `synchronous=FULL` (the rest of the application uses NORMAL, which survives a
  killed process but not a power cut). Why the database and not files: docs/zaakbehandeling.md ("Documenten").
- **Purpose-bound**: the rights table's actions `document_toevoegen` and `document_inzien`
  (`toegang.rechten`), evaluated by `beleid.grond_zaak`; documents are raw evidence (bank statements, medical
  statements), so only the consulent of the zaak's domain sees them — no consent ground, no second pair of eyes.
- **Audited**: upload, list, metadata, download and withdrawal each write an audit line with the ground.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.http import Http404
from django.utils import timezone

from maatwerk.toegang import audit, beleid, rechten
from maatwerk.zaken.documentmodellen import (
    BIJZONDERE_SOORTEN,
    Bron,
    Document,
    Documentinhoud,
    Documentsoort,
    Inhoudstype,
)
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import Zaak
from maatwerk.zaken.vergrendeling import vergrendel

BESTAND, SOORT, OMSCHRIJVING, REDEN = "bestand", "soort", "omschrijving", "reden"
MAX_OMSCHRIJVING = 500
MAX_NAAM = 200

# Magic bytes (the file's signature) of the accepted types: ISO 32000 (PDF "%PDF-"), JPEG/JFIF (SOI marker
# FF D8 FF), PNG (RFC 2083, 8-byte signature).
HANDTEKENINGEN: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", Inhoudstype.PDF),
    (b"\xff\xd8\xff", Inhoudstype.JPEG),
    (b"\x89PNG\r\n\x1a\n", Inhoudstype.PNG),
)
EXTENSIES = {Inhoudstype.PDF: ".pdf", Inhoudstype.JPEG: ".jpg", Inhoudstype.PNG: ".png"}


def max_bytes() -> int:
    return int(settings.MAATWERK_DOCUMENT_MAX_BYTES)


# ------------------------------------------------------------------ formatting and checks (no database)


def bestandsgrootte(n: int) -> str:
    """`812 bytes`, `34 kB`, `1,2 MB` (decimal units, Dutch decimal comma)."""
    if n < 1000:
        return f"{n} bytes" if n != 1 else "1 byte"
    if n < 1_000_000:
        return f"{round(n / 1000)} kB"
    tekst = f"{n / 1_000_000:.1f}".replace(".", ",").removesuffix(",0")
    return f"{tekst} MB"


def detecteer_type(begin: bytes) -> str | None:
    """The content type from the first bytes, or None when it is none of the accepted types."""
    for handtekening, soort in HANDTEKENINGEN:
        if begin.startswith(handtekening):
            return str(soort)
    return None


def _beschrijf_onbekend(begin: bytes) -> str:
    """What the refused file looks like, for the message (no content of the file itself)."""
    if begin.startswith(b"PK\x03\x04"):
        return "een zip- of Office-bestand"
    if begin.startswith(b"GIF8"):
        return "een GIF-afbeelding"
    if begin[:4] in (b"II*\x00", b"MM\x00*"):
        return "een TIFF-afbeelding"
    if begin.startswith(b"MZ") or begin.startswith(b"\x7fELF"):
        return "een programma"
    try:
        begin.decode("utf-8")
    except UnicodeDecodeError:
        return "een onbekend soort bestand"
    return "tekst"


_STUURTEKENS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def schone_naam(naam: str | None) -> str:
    """The name shown in the dossier: without any folder part, control characters or surrounding dots and
    spaces, at most 200 characters. Only ever displayed or sent as a download name — never used as a path."""
    naam = unicodedata.normalize("NFC", str(naam or ""))
    naam = re.split(r"[\\/]", naam)[-1]
    naam = _STUURTEKENS.sub("", naam).strip().strip(".").strip()
    if len(naam) > MAX_NAAM:
        stam, punt, ext = naam.rpartition(".")
        naam = (stam[: MAX_NAAM - len(ext) - 1] + "." + ext) if punt and len(ext) <= 10 else naam[:MAX_NAAM]
    return naam or "document"


def downloadnaam(document: Document) -> str:
    """The sanitised name with the extension of the detected type (a PNG named 'brief.pdf' downloads as
    'brief.pdf.png'), so the receiving computer opens it as what it is."""
    ext = EXTENSIES.get(document.inhoudstype, "")
    naam = document.bestandsnaam
    if ext and not naam.lower().endswith((ext, ".jpeg") if ext == ".jpg" else ext):
        naam += ext
    return naam


def _lees(bestand) -> bytes:
    """All bytes of the uploaded file, or a refusal: missing, empty, or above the limit. Reads at most the
    limit + 1 byte (the upload handler has already refused larger files while they streamed in)."""
    if bestand is None:
        raise ValidationError({BESTAND: ["Bestand: kies een bestand (PDF, JPEG of PNG)."]})
    limiet = max_bytes()
    if getattr(bestand, "size", None) is not None and bestand.size > limiet:
        raise ValidationError({BESTAND: [te_groot_bericht()]})
    bestand.seek(0)
    inhoud = bestand.read(limiet + 1)
    if not inhoud:
        raise ValidationError({BESTAND: ["Bestand: dit bestand is leeg (0 bytes); kies het bestand opnieuw."]})
    if len(inhoud) > limiet:
        raise ValidationError({BESTAND: [te_groot_bericht()]})
    return inhoud


def te_groot_bericht() -> str:
    return (f"Bestand: dit bestand is groter dan {bestandsgrootte(max_bytes())}, het maximum per document. "
            "Verklein het (bijvoorbeeld door minder pagina's te scannen of met een lagere resolutie) of splits het.")


def controleer(bestand, soort: str, omschrijving: str) -> tuple[bytes, str]:
    """Check the input shape; returns (content, detected type). Every field's message at once."""
    fouten: dict[str, list[str]] = {}
    if soort not in Documentsoort.values:
        keuzes = ", ".join(Documentsoort(s).label for s in Documentsoort.values)
        fouten[SOORT] = [f"Soort document: kies uit {keuzes}."]
    if len(omschrijving or "") > MAX_OMSCHRIJVING:
        fouten[OMSCHRIJVING] = [f"Omschrijving: ten hoogste {MAX_OMSCHRIJVING} tekens."]
    inhoud, inhoudstype = b"", None
    try:
        inhoud, inhoudstype = controleer_bestand(bestand)
    except ValidationError as fout:
        fouten.update(fout.message_dict)
    if fouten:
        raise ValidationError(fouten)
    return inhoud, inhoudstype


def controleer_bestand(bestand) -> tuple[bytes, str]:
    """The file alone (also for the uploads of other apps, e.g. the adviesraad): present, not empty, within the
    limit, and PDF, JPEG or PNG by its first bytes. Returns (content, detected type); a refusal is a
    ValidationError on `bestand` whose message starts with "Bestand: "."""
    inhoud = _lees(bestand)
    inhoudstype = detecteer_type(inhoud[:16])
    if inhoudstype is None:
        raise ValidationError({BESTAND: [
            f"Bestand: alleen PDF, JPEG of PNG; dit bestand is {_beschrijf_onbekend(inhoud[:64])}, wat de "
            "bestandsnaam ook zegt. Sla het op of scan het als PDF en probeer het opnieuw."]})
    return inhoud, inhoudstype


def bewaar_inhoud(inhoud: bytes) -> str:
    """Store the bytes once per SHA-256 (inside the caller's transaction); returns the SHA-256. Same content twice
    is stored once: ON CONFLICT DO NOTHING (a parallel upload of the same bytes waits for the first one's commit
    on PostgreSQL, and SQLite has one writer at a time)."""
    sha = hashlib.sha256(inhoud).hexdigest()
    Documentinhoud.objects.bulk_create(
        [Documentinhoud(sha256=sha, inhoud=inhoud, grootte=len(inhoud))], ignore_conflicts=True)
    return sha


# ------------------------------------------------------------------ durable write


@contextlib.contextmanager
def volledig_synchroon():
    """SQLite in WAL with synchronous=NORMAL keeps every commit through a killed process but may lose the last
    ones on a power cut; an acknowledged document must survive both, so its commit is synced (FULL). Only
    possible outside a transaction; PostgreSQL syncs every commit already (synchronous_commit=on)."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as c:
        c.execute("PRAGMA synchronous=FULL")
    try:
        yield
    finally:
        with connection.cursor() as c:
            c.execute("PRAGMA synchronous=NORMAL")


_volledig_synchroon = volledig_synchroon  # the older name, still used by the loket


def _toelichting(document: Document, wat: str) -> str:
    bijzonder = " (bijzondere persoonsgegevens: gezondheid)" if document.bijzondere_persoonsgegevens else ""
    return (f"{wat}: document {document.pk}, {document.get_soort_display()}{bijzonder}, "
            f"'{document.bestandsnaam}', sha256 {document.sha256[:16]}…")


def vereis_toevoegen(gebruiker, zaak: Zaak, toelichting: str):
    """The ground for attaching or withdrawing; a refusal is logged and raised (403, or 404 when the user may
    not even see the zaak). The allowed line is written by the caller, naming the document."""
    grond = beleid.grond_zaak(gebruiker, zaak, beleid.CHANGE, handeling=rechten.DOCUMENT_TOEVOEGEN)
    if not grond.toegestaan:
        with audit.verzamel_weigeringen():
            beleid.vereis_zaak(gebruiker, zaak, beleid.CHANGE, handeling=rechten.DOCUMENT_TOEVOEGEN,
                               onderwerp="document", toelichting=toelichting)
    return grond


def voeg_toe(gebruiker, zaak: Zaak, bestand, *, soort: str, omschrijving: str = "",
             bron: str = Bron.MEDEWERKER) -> Document:
    """Attach `bestand` to `zaak`. Access first (a stranger learns nothing from his input being wrong), then the
    checks, then one short transaction: the content (once per SHA-256), the row and the audit line. Returns only
    after the commit. The view asks for this in its own transaction (web/transacties.EIGEN_TRANSACTIE), so the
    upload is received and checked before the write lock is taken."""
    vereis_toevoegen(gebruiker, zaak, "document toevoegen")
    omschrijving = (omschrijving or "").strip()
    inhoud, inhoudstype = controleer(bestand, soort, omschrijving)
    with volledig_synchroon(), audit.verzamel_weigeringen(), transaction.atomic():
        zaak = vergrendel(zaak)
        grond = vereis_toevoegen(gebruiker, zaak, "document toevoegen")
        sha = bewaar_inhoud(inhoud)
        document = Document.objects.create(
            zaak=zaak, soort=soort, bestandsnaam=schone_naam(getattr(bestand, "name", "")), inhoudstype=inhoudstype,
            grootte=len(inhoud), inhoud_id=sha, omschrijving=omschrijving, bron=bron,
            geupload_door=gebruiker if bron == Bron.MEDEWERKER else None)
        audit.log(gebruiker, beleid.CREATE, grond, zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp="document",
                  toelichting=_toelichting(document, "toegevoegd"))
    return document


def trek_in(gebruiker, document: Document, reden: str) -> Document:
    """Withdraw a wrongly attached document: it stays stored and visible as withdrawn, with the reason."""
    zaak = document.zaak
    reden = (reden or "").strip()
    with audit.verzamel_weigeringen(), transaction.atomic():
        zaak = vergrendel(zaak)
        grond = vereis_toevoegen(gebruiker, zaak, f"document {document.pk} intrekken")
        if not reden:
            raise ValidationError({REDEN: ["Reden: schrijf op waarom het document wordt ingetrokken."]})
        if len(reden) > MAX_OMSCHRIJVING:
            raise ValidationError({REDEN: [f"Reden: ten hoogste {MAX_OMSCHRIJVING} tekens."]})
        document = Document.objects.select_for_update().get(pk=document.pk)
        if document.ingetrokken:
            raise ProcedureFout(f"Dit document is al ingetrokken op {document.ingetrokken_op:%d-%m-%Y}.",
                                code="al_ingetrokken")
        document.ingetrokken_op = timezone.now()
        document.ingetrokken_door = gebruiker
        document.reden_intrekking = reden
        document.save(update_fields=["ingetrokken_op", "ingetrokken_door", "reden_intrekking"])
        audit.log(gebruiker, beleid.CHANGE, grond, zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp="document",
                  toelichting=_toelichting(document, f"ingetrokken ({reden[:80]})"))
    return document


# ------------------------------------------------------------------ reading


def mag_inzien(gebruiker, zaak: Zaak) -> bool:
    return beleid.grond_zaak(gebruiker, zaak, beleid.VIEW, handeling=rechten.DOCUMENT_INZIEN).toegestaan


def mag_toevoegen(gebruiker, zaak: Zaak) -> bool:
    return beleid.grond_zaak(gebruiker, zaak, beleid.CHANGE, handeling=rechten.DOCUMENT_TOEVOEGEN).toegestaan


def documenten_van(gebruiker, zaak: Zaak, *, toelichting: str = ""):
    """The documents of `zaak` (newest first, withdrawn ones included), after the access check; one audit line
    for the list. Refused: 404 (beleid.NietGevonden)."""
    beleid.vereis_zaak(gebruiker, zaak, beleid.VIEW, handeling=rechten.DOCUMENT_INZIEN,
                       onderwerp="documenten (lijst)", toelichting=toelichting)
    return zaak.documenten.select_related("geupload_door", "ingetrokken_door")


def document_of_404(pk) -> Document:
    """The document with id `pk`, without any access check (the caller's service does that), or 404."""
    document = Document.objects.select_related("zaak__hoofdpersoon", "geupload_door", "ingetrokken_door").filter(
        pk=pk).first()
    if document is None:
        raise Http404("Niet gevonden.")
    return document


def document_voor(gebruiker, pk, *, wat: str = "inzien") -> Document:
    """One document after the access check on its zaak, with an audit line naming it. Unknown and forbidden
    ids answer the same (404)."""
    document = document_of_404(pk)
    onderwerp = "document (download)" if wat == "download" else "document"
    beleid.vereis_zaak(gebruiker, document.zaak, beleid.VIEW, handeling=rechten.DOCUMENT_INZIEN,
                       onderwerp=onderwerp, toelichting=_toelichting(document, wat))
    return document


def inhoud_van(document: Document) -> bytes:
    """The stored bytes (checked against their SHA-256: a damaged copy is never served as the document)."""
    data = bytes(Documentinhoud.objects.values_list("inhoud", flat=True).get(sha256=document.sha256))
    if hashlib.sha256(data).hexdigest() != document.sha256:
        raise ProcedureFout("De opgeslagen inhoud van dit document klopt niet met de vingerafdruk (SHA-256); "
                            "neem contact op met de beheerder.", code="inhoud_beschadigd")
    return data


def soortkeuzes():
    return [(s.value, s.label + (" (bijzonder persoonsgegeven: gezondheid)" if s in BIJZONDERE_SOORTEN else ""))
            for s in Documentsoort]
