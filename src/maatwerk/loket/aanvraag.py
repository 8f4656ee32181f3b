"""Online aanvraag and melding with uploads (issue 9, point 3): the service behind the loket's form.

Which kind of request, and when the legal term starts:
- **Wmo and Jeugd start with a melding.** Inwoners may ask for support "vormvrij (digitaal, telefonisch en
  fysiek)"; the toegangspartij confirms it "door het aanmaken van een dossier en door het zo spoedig mogelijk
  maken van een afspraak voor een gesprek" (Verordening Sociaal Domein 2018, art. 2:2 lid 1 en 2). The term
  does NOT start on the day of the online melding: "De datum van het eerste gesprek met de toegangspartij geldt
  als de datum van melding en is dus het moment waarop het onderzoek start" (art. 2:1 onder b). For the Wmo the
  onderzoek then takes at most six weeks (Wmo 2015 art. 2.3.2 lid 1); a Wmo aanvraag comes only after the
  onderzoek (art. 2:5 lid 2). So the zaak is a `melding` without `meldingsdatum`; the consulent sets that date
  when the first conversation takes place (zaken/procedure.py).
- **Income schemes are an aanvraag** (Awb art. 1:3 lid 3, 4:1; ordinance art. 2:5 lid 1: "schriftelijk of
  digitaal"). The beslistermijn runs from the receipt: eight weeks, Awb art. 4:13 (the Participatiewet has no
  term of its own). So the zaak is an `aanvraag` with `aanvraagdatum` = the day of receipt, `aanvraag_via` online.

Guarantees (docs/loket.md):
- Files are checked as the staff upload checks them (zaken/documenten.controleer: PDF/JPEG/PNG by their first
  bytes, not empty, at most MAATWERK_DOCUMENT_MAX_BYTES); a refusal names the file and the problem.
- An accepted file is kept server-side (`ConceptBestand`, under the form token) at once, in its own commit, so a
  refused other file, a missing field or a crash never loses it.
- The submission — zaak, status steps, every document (bron=inwoner) with its content, the `Indiening` with the
  receipt's dates, the audit lines — is ONE transaction, committed (synchronously on SQLite) before the receipt
  is shown. A crash before the commit leaves nothing of it; after the commit, everything.
- The form token is unique: a double click or a resubmit returns the same `Indiening`, never a second zaak.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from maatwerk import formaat, termijnen
from maatwerk.loket import sessie
from maatwerk.loket.aanvraagmodellen import ConceptBestand, Indiening, SoortIndiening
from maatwerk.personen.models import Huishouden, Huishoudlid, Inwoner, Relatie, Rol
from maatwerk.toegang import audit
from maatwerk.toegang.models import Actie
from maatwerk.zaken import documenten
from maatwerk.zaken.documentmodellen import Bron, Document, Documentinhoud, Documentsoort
from maatwerk.zaken.models import AanvraagVia, Status, Statusovergang, Zaak
from maatwerk.zaken.regelingen import JEUGD, REGELINGEN, WMO

VO = "Verordening Sociaal Domein 2018"
MAX_BESTANDEN = 10  # per submission: enough for an offerte and a few bankafschriften; a quality rule, not law
ONDERWERP = "online aanvraag"


class OnbekendeInwoner(Exception):
    """The person logged in (or represented) is not in the municipality's register of persons."""


def is_melding(regeling: str) -> bool:
    return REGELINGEN[regeling].domein in (WMO, JEUGD)


def soort_van(regeling: str) -> str:
    return SoortIndiening.MELDING if is_melding(regeling) else SoortIndiening.AANVRAAG


def regelingen() -> list[tuple[str, str, str]]:
    """(code, name, soort) of every regeling a resident can apply for or report online."""
    return [(code, r.naam, soort_van(code)) for code, r in REGELINGEN.items()]


# ------------------------------------------------------------------ what the municipality already knows


@dataclass(frozen=True)
class Bekend:
    inwoner: Inwoner
    huishouden: Huishouden | None
    leden: list  # the other current members (Huishoudlid) of the household


def bekend(h: sessie.Handelend) -> Bekend:
    """The person the request is about (by the logged-in BSN, or the represented person's) and his household."""
    inwoner = Inwoner.objects.filter(bsn=h.betreft_bsn).first()
    if inwoner is None:
        raise OnbekendeInwoner(h.betreft_bsn)
    lid = Huishoudlid.objects.filter(inwoner=inwoner, tot__isnull=True).select_related("huishouden").first()
    if lid is None:
        return Bekend(inwoner, None, [])
    leden = list(lid.huishouden.lidmaatschappen.filter(tot__isnull=True).exclude(inwoner=inwoner)
                 .select_related("inwoner").order_by("id"))
    return Bekend(inwoner, lid.huishouden, leden)


# ------------------------------------------------------------------ the legal term, said in B1 with its source


@dataclass(frozen=True)
class Termijnuitleg:
    start: dt.date | None
    einde: dt.date | None
    bron: str
    zinnen: tuple[str, ...]


def termijn_bij_ontvangst(regeling: str, ontvangen: dt.date) -> Termijnuitleg:
    definitie = REGELINGEN[regeling]
    if definitie.domein == WMO:
        bron = (f"{VO}, artikel 2:1 onder b en artikel 2:2 lid 2; Wmo 2015, artikel 2.3.2, eerste lid")
        # Illustration with the real rule (termijnen.yaml), not a figure in the code: a conversation today.
        voorbeeld = termijnen.wmo_onderzoek(ontvangen, vandaag=ontvangen)
        return Termijnuitleg(None, None, bron, (
            "Uw melding is binnen. We bellen u zo snel mogelijk voor een afspraak voor een eerste gesprek.",
            "De dag van dat eerste gesprek is de datum van uw melding. Op die dag begint de termijn voor het "
            "onderzoek. Daarom weten we de einddatum nu nog niet.",
            f"Een voorbeeld: is het gesprek vandaag, dan is het onderzoek uiterlijk op {formaat.datum(voorbeeld.einde)} "
            "klaar.",
            "Daarna kunt u een aanvraag doen. Vanaf die aanvraag loopt een nieuwe termijn voor het besluit.",
        ))
    if definitie.domein == JEUGD:
        bron = f"{VO}, artikel 2:1 onder b en artikel 2:2 lid 2; Algemene wet bestuursrecht, artikel 4:13"
        return Termijnuitleg(None, None, bron, (
            "Uw melding is binnen. We bellen u zo snel mogelijk voor een afspraak voor een eerste gesprek.",
            "De dag van dat eerste gesprek is de datum van uw melding. Dan begint het onderzoek. Daarom is er nu "
            "nog geen einddatum.",
            "Daarna kunt u een aanvraag doen. Vanaf die aanvraag loopt de termijn voor het besluit.",
        ))
    termijn = termijnen.awb_beslistermijn(ontvangen, wet=definitie.wet, vandaag=ontvangen)
    return Termijnuitleg(ontvangen, termijn.einde, termijn.bron, (
        f"We kregen uw aanvraag op {formaat.datum(ontvangen)}. Op die dag begint de termijn.",
        f"We beslissen uiterlijk op {formaat.datum(termijn.einde)}.",
        "Hebben we meer papieren nodig? Dan vragen we die aan u. De termijn staat dan stil tot we ze hebben.",
    ))


def termijnuitleg(indiening: Indiening) -> Termijnuitleg:
    """The receipt's term as given at the submission (stored), with the same B1 sentences."""
    uitleg = termijn_bij_ontvangst(indiening.regeling, timezone.localdate(indiening.ingediend_op))
    return Termijnuitleg(indiening.termijn_start, indiening.termijn_einde, indiening.termijn_bron, uitleg.zinnen)


# ------------------------------------------------------------------ files


@dataclass(frozen=True)
class Bestand:
    naam: str
    inhoud: bytes
    inhoudstype: str
    sha256: str


def controleer_bestanden(bestanden, te_groot: set[str]) -> tuple[list[Bestand], list[str]]:
    """The accepted files and, for every refused one, a Dutch message naming the file and the problem."""
    goed = []
    # A file over the limit never reaches `bestanden`: the upload handler dropped it while it streamed in.
    fouten = [f"{documenten.schone_naam(naam)}: {_zonder_veldnaam(documenten.te_groot_bericht())}"
              for naam in sorted(te_groot)]
    for bestand in bestanden:
        naam = documenten.schone_naam(getattr(bestand, "name", ""))
        try:
            inhoud, inhoudstype = documenten.controleer(bestand, Documentsoort.OVERIG, "")
        except ValidationError as fout:
            for bericht in fout.message_dict.get(documenten.BESTAND, fout.messages):
                fouten.append(f"{naam}: {_zonder_veldnaam(bericht)}")
            continue
        goed.append(Bestand(naam, inhoud, inhoudstype, hashlib.sha256(inhoud).hexdigest()))
    return goed, fouten


def _zonder_veldnaam(bericht: str) -> str:
    tekst = bericht.removeprefix("Bestand: ")
    return tekst[:1].lower() + tekst[1:]


def concept_bestanden(h: sessie.Handelend, sleutel: uuid.UUID | None):
    if sleutel is None:
        return ConceptBestand.objects.none()
    return ConceptBestand.objects.filter(formuliersleutel=sleutel, bsn=h.betreft_bsn,
                                         gemachtigde_bsn=h.bsn if h.gemachtigd else "").defer("inhoud")


def bewaar_concept(h: sessie.Handelend, sleutel: uuid.UUID, bestanden: list[Bestand]) -> list[str]:
    """Keep accepted files of a form not yet submitted, in their own commit. Returns refusals (too many files)."""
    fouten = []
    with documenten._volledig_synchroon(), transaction.atomic():
        bewaard = set(concept_bestanden(h, sleutel).values_list("sha256", flat=True))
        al = len(bewaard)
        for b in bestanden:
            if b.sha256 in bewaard:
                # The same file again (sent anew after a broken connection, or chosen twice): kept once.
                continue
            if al >= MAX_BESTANDEN:
                fouten.append(f"{b.naam}: u kunt hoogstens {MAX_BESTANDEN} bestanden meesturen. Stuur de rest "
                              "later na of neem ze mee naar het gesprek.")
                continue
            ConceptBestand.objects.create(
                formuliersleutel=sleutel, bsn=h.betreft_bsn, gemachtigde_bsn=h.bsn if h.gemachtigd else "",
                bestandsnaam=b.naam, inhoudstype=b.inhoudstype, grootte=len(b.inhoud), sha256=b.sha256, inhoud=b.inhoud)
            bewaard.add(b.sha256)
            al += 1
    return fouten


# ------------------------------------------------------------------ submission


def indiening_van(h: sessie.Handelend, sleutel) -> Indiening | None:
    """The submission with this form token of this resident (and of the same machtiging), or None."""
    return (Indiening.objects.select_related("zaak").filter(
        formuliersleutel=sleutel, bsn=h.betreft_bsn, gemachtigde_bsn=h.bsn if h.gemachtigd else "").first())


def _bsns(h: sessie.Handelend) -> str:
    return f"ingelogd BSN {h.bsn}" + (f", namens BSN {h.namens_bsn}" if h.gemachtigd else ", voor zichzelf")


def dien_in(gebruiker, h: sessie.Handelend, regeling: str, sleutel: uuid.UUID, gegevens: dict,
            bestanden: list[Bestand]) -> Indiening:
    """Store the submission in one transaction and return it (after the commit). The files are the draft's
    (`ConceptBestand` of this form token) plus `bestanden`. Same form token again: the first submission."""
    if regeling not in REGELINGEN:
        raise ValidationError({"regeling": ["Deze regeling bestaat niet. Kies een regeling uit de lijst."]})
    with documenten._volledig_synchroon():
        try:
            with transaction.atomic():
                return _dien_in(gebruiker, h, regeling, sleutel, gegevens, bestanden)
        except IntegrityError:
            # A parallel submission of the same form token won the race (unique formuliersleutel): its receipt.
            bestaand = indiening_van(h, sleutel)
            if bestaand is None:
                raise
            return bestaand


def _dien_in(gebruiker, h, regeling, sleutel, gegevens, bestanden) -> Indiening:
    bestaand = Indiening.objects.filter(formuliersleutel=sleutel).first()
    if bestaand is not None:
        if indiening_van(h, sleutel) is None:  # someone else's token: not his receipt, and no second zaak
            raise ValidationError({"formuliersleutel": [
                "Dit formulier is al verstuurd. Open het formulier opnieuw om nog iets aan te vragen."]})
        return bestaand
    concept = list(ConceptBestand.objects.filter(formuliersleutel=sleutel, bsn=h.betreft_bsn,
                                                 gemachtigde_bsn=h.bsn if h.gemachtigd else ""))
    alle: list[Bestand] = []
    for b in [Bestand(c.bestandsnaam, bytes(c.inhoud), c.inhoudstype, c.sha256) for c in concept] + list(bestanden):
        if all(b.sha256 != a.sha256 for a in alle):  # the same content once per submission
            alle.append(b)
    if len(alle) > MAX_BESTANDEN:
        raise ValidationError({"bestanden": [f"U kunt hoogstens {MAX_BESTANDEN} bestanden meesturen."]})
    b = bekend(h)
    vandaag = timezone.localdate()
    definitie = REGELINGEN[regeling]
    melding = is_melding(regeling)
    uitleg = termijn_bij_ontvangst(regeling, vandaag)
    huishouden = b.huishouden
    if huishouden is None:
        i = b.inwoner
        huishouden = Huishouden.objects.create(
            naam=" ".join(p for p in ("Huishouden", i.tussenvoegsel, i.achternaam) if p), aangemaakt_door=gebruiker)
        Huishoudlid.objects.create(huishouden=huishouden, inwoner=i, rol=Rol.PARTNER, relatie=Relatie.AANVRAGER)
    # What the consulent reads on the zaak page: the question, and what else the form asked.
    delen = [gegevens.get("vraag", "") or f"Online {soort_van(regeling)} {definitie.naam}."]
    if gegevens.get("bedrag") is not None:
        delen.append(f"Gevraagd bedrag: {formaat.bedrag(gegevens['bedrag'])}.")
    if gegevens.get("telefoon"):
        delen.append(f"Telefoonnummer: {gegevens['telefoon']}.")
    omschrijving = "\n\n".join(delen)
    zaak = Zaak.objects.create(
        regeling=regeling, huishouden=huishouden, hoofdpersoon=b.inwoner, omschrijving=omschrijving,
        ontvangen_op=vandaag, kosten=gegevens.get("kosten"), status=Status.MELDING, behandelaar=None,
        aangemaakt_door=gebruiker)
    Statusovergang.objects.create(
        zaak=zaak, van="", naar=Status.MELDING, datum=vandaag, door=gebruiker,
        reden="Ondersteuningsvraag online ontvangen via het loket; dossier aangemaakt",
        grondslag=f"{VO}, artikel 2:2, eerste en tweede lid")
    if not melding:
        zaak.status, zaak.aanvraagdatum, zaak.aanvraag_via = Status.AANVRAAG, vandaag, AanvraagVia.ONLINE
        zaak.save(update_fields=["status", "aanvraagdatum", "aanvraag_via", "gewijzigd_op"])
        Statusovergang.objects.create(
            zaak=zaak, van=Status.MELDING, naar=Status.AANVRAAG, datum=vandaag, door=gebruiker,
            reden="Aanvraag online ingediend door de inwoner (ingelogd met DigiD)",
            grondslag=f"Algemene wet bestuursrecht, artikel 4:1; {VO}, artikel 2:5, eerste lid")
    grond = sessie.grond(h)
    audit.log(gebruiker, Actie.CREATE, grond, zaak=zaak, inwoner=b.inwoner, onderwerp="zaak",
              toelichting=f"{_bsns(h)}. Online {soort_van(regeling)} {definitie.naam}, {len(alle)} bestand(en).")
    for bestand in alle:
        Documentinhoud.objects.bulk_create(
            [Documentinhoud(sha256=bestand.sha256, inhoud=bestand.inhoud, grootte=len(bestand.inhoud))],
            ignore_conflicts=True)
        document = Document.objects.create(
            zaak=zaak, soort=Documentsoort.OVERIG, bestandsnaam=bestand.naam, inhoudstype=bestand.inhoudstype,
            grootte=len(bestand.inhoud), inhoud_id=bestand.sha256, bron=Bron.INWONER, geupload_door=None,
            omschrijving=f"Meegestuurd met de online {soort_van(regeling)}")
        audit.log(gebruiker, Actie.CREATE, grond, zaak=zaak, inwoner=b.inwoner, onderwerp="document",
                  toelichting=f"{documenten._toelichting(document, 'toegevoegd')} ({_bsns(h)})")
    bewaarbaar = {k: (str(v) if v is not None and not isinstance(v, (str, int, bool)) else v)
                  for k, v in gegevens.items() if k != "formuliersleutel"}
    indiening = Indiening.objects.create(
        formuliersleutel=sleutel, zaak=zaak, soort=soort_van(regeling), regeling=regeling, bsn=h.betreft_bsn,
        gemachtigde_bsn=h.bsn if h.gemachtigd else "", gegevens=bewaarbaar, termijn_start=uitleg.start,
        termijn_einde=uitleg.einde, termijn_bron=uitleg.bron)
    ConceptBestand.objects.filter(pk__in=[c.pk for c in concept]).delete()
    return indiening


def documenten_van(indiening: Indiening):
    return indiening.zaak.documenten.filter(bron=Bron.INWONER).order_by("geupload_op", "id")


def log_inzien(request, h: sessie.Handelend, indiening: Indiening) -> None:
    audit.log(request.user, Actie.VIEW, sessie.grond(h), zaak=indiening.zaak, inwoner=indiening.zaak.hoofdpersoon,
              onderwerp="ontvangstbewijs aanvraag", toelichting=f"{_bsns(h)}. Ontvangstbewijs zaak {indiening.zaak_id}.")


def nieuwe_sleutel() -> uuid.UUID:
    return uuid.uuid4()
