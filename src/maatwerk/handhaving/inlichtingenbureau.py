"""The monthly Inlichtingenbureau file comparison (issue 11, point 5; seed 003 "Controle-instrumenten": a
monthly comparison of the benefit file, "Hierbij wordt niet gewerkt met algoritmes. Iedereen met een
uitkering wordt gecontroleerd").

The layout (CSV or JSON, every field in docs/handhaving.md) is modelled on the Inlichtingenbureau's products
for municipalities: income next to the benefit, vermogen, samenwoning, detention and studiefinanciering.

Validation — our choice, documented: a file that cannot be read as a whole (not UTF-8, no or a wrong header,
not a JSON list, no lines, more than MAX_REGELS lines, another month than chosen, already imported) is refused
entirely with one message. Otherwise every line is checked on its own: a line with an error is refused with a
Dutch message naming the line and the field, and the other lines are still compared. The refused lines are
listed with the run, so they can be asked again from the Inlichtingenbureau.

Matching: every client with a running benefit in the month (`lopend.clienten`) is checked against the file in
the same way; each line of a client whose signal type has an approved indicator becomes a signal with what
the line says. Nothing is scored or ranked. Lines about someone without a running benefit are counted and not
kept (data minimisation, AVG art. 5 lid 1 onder c); lines of a type without an approved indicator are counted
and not used (`indicatoren.voor_signaalsoort`).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from maatwerk.handhaving import indicatoren, lopend, toegang
from maatwerk.handhaving.models import Signaal, SignaalSoort, Vergelijking
from maatwerk.personen.validators import elfproef, parse_maand
from maatwerk.toegang import rechten
from maatwerk.web.formvelden import lees_bedrag
from maatwerk.zaken.regelingen import INKOMEN

VELDEN = ("maand", "bsn", "soort", "bron", "bedrag", "begindatum", "einddatum", "omschrijving")
VERPLICHT = ("maand", "bsn", "soort", "bron")
MET_BEDRAG = (SignaalSoort.INKOMEN, SignaalSoort.VERMOGEN, SignaalSoort.STUDIEFINANCIERING)
MAX_REGELS = 50_000
MAX_BYTES = 20 * 1024 * 1024


class BestandFout(ValidationError):
    """The whole file is refused."""


@dataclass
class Regel:
    nummer: int
    bsn: str
    soort: str
    bron: str
    bedrag: Decimal | None
    begindatum: dt.date | None
    einddatum: dt.date | None
    omschrijving: str


@dataclass
class Gelezen:
    regels: list[Regel] = field(default_factory=list)
    fouten: list[dict] = field(default_factory=list)  # {"regel", "veld", "melding"}
    aantal: int = 0


def _rijen(inhoud: bytes, bestandsnaam: str) -> list[tuple[int, dict]]:
    if len(inhoud) > MAX_BYTES:
        raise BestandFout({"bestand": ["Het bestand is groter dan 20 MB."]})
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BestandFout({"bestand": ["Het bestand is geen UTF-8-tekst. Lever het aan als CSV of JSON in UTF-8."]}) from None
    if bestandsnaam.lower().endswith(".json") or tekst.lstrip().startswith("["):
        try:
            data = json.loads(tekst)
        except ValueError:
            raise BestandFout({"bestand": ["Het bestand is geen geldige JSON."]}) from None
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise BestandFout({"bestand": ["Een JSON-bestand is een lijst van regels (objecten met de velden van "
                                           "docs/handhaving.md)."]})
        return [(i, {k: "" if v is None else str(v) for k, v in r.items()}) for i, r in enumerate(data, start=1)]
    lezer = csv.reader(io.StringIO(tekst), delimiter=";")
    try:
        kop = next(lezer)
    except StopIteration:
        raise BestandFout({"bestand": ["Het bestand is leeg."]}) from None
    except csv.Error:
        raise BestandFout({"bestand": ["Het bestand is geen leesbare CSV (scheidingsteken ;)."]}) from None
    kop = [k.strip().lower() for k in kop]
    if kop != list(VELDEN):
        raise BestandFout({"bestand": [f"De eerste regel moet de kolommen noemen: {';'.join(VELDEN)}."]})
    rijen = []
    try:
        for i, rij in enumerate(lezer, start=2):  # line 1 is the header
            if not any(c.strip() for c in rij):
                continue
            if len(rij) != len(VELDEN):
                rijen.append((i, {"_kolommen": str(len(rij))}))
                continue
            rijen.append((i, dict(zip(VELDEN, rij))))
    except csv.Error:
        raise BestandFout({"bestand": ["Het bestand is geen leesbare CSV (scheidingsteken ;)."]}) from None
    return rijen


def _datum(waarde: str) -> dt.date:
    return dt.date.fromisoformat(waarde)


def _lees_regel(nummer: int, rij: dict, maand: dt.date) -> tuple[Regel | None, list[dict]]:
    fout = lambda veld, melding: {"regel": nummer, "veld": veld, "melding": melding}  # noqa: E731
    if "_kolommen" in rij:
        return None, [fout("regel", f"De regel heeft {rij['_kolommen']} kolommen; verwacht {len(VELDEN)}.")]
    fouten = []
    waarde = {k: (rij.get(k) or "").strip() for k in VELDEN}
    onbekend = sorted(set(rij) - set(VELDEN))
    if onbekend:
        fouten.append(fout(onbekend[0], f"Onbekend veld '{onbekend[0][:30]}'."))
    for veld in VERPLICHT:
        if not waarde[veld]:
            fouten.append(fout(veld, "Dit veld is leeg."))
    if waarde["maand"]:
        try:
            if parse_maand(waarde["maand"]) != maand:
                fouten.append(fout("maand", f"De regel gaat over {waarde['maand']}, het bestand over {maand:%Y-%m}."))
        except ValidationError:
            fouten.append(fout("maand", f"'{waarde['maand'][:20]}' is geen maand; schrijf JJJJ-MM."))
    bsn = waarde["bsn"]
    if bsn and not (len(bsn) == 9 and bsn.isdigit() and elfproef(bsn)):
        fouten.append(fout("bsn", "Geen geldig burgerservicenummer (9 cijfers en de elfproef)."))
    soort = waarde["soort"]
    if soort and soort not in SignaalSoort.values:
        fouten.append(fout("soort", f"Onbekende soort '{soort[:30]}'; kies uit {', '.join(SignaalSoort.values)}."))
    if len(waarde["bron"]) > 100:
        fouten.append(fout("bron", "Hoogstens 100 tekens."))
    if len(waarde["omschrijving"]) > 300:
        fouten.append(fout("omschrijving", "Hoogstens 300 tekens."))
    bedrag = None
    if waarde["bedrag"]:
        try:
            bedrag = lees_bedrag(waarde["bedrag"])
            if bedrag is not None and (bedrag < 0 or bedrag >= Decimal("10000000000")):
                fouten.append(fout("bedrag", "Het bedrag moet tussen 0 en 10 miljard euro liggen."))
        except ValueError:
            fouten.append(fout("bedrag", f"'{waarde['bedrag'][:20]}' is geen bedrag; schrijf bijvoorbeeld 1250,00."))
    elif soort in MET_BEDRAG:
        fouten.append(fout("bedrag", f"Bij soort '{soort}' hoort een bedrag."))
    datums = {}
    for veld in ("begindatum", "einddatum"):
        if waarde[veld]:
            try:
                datums[veld] = _datum(waarde[veld])
            except ValueError:
                fouten.append(fout(veld, f"'{waarde[veld][:20]}' is geen datum; schrijf JJJJ-MM-DD."))
    if datums.get("begindatum") and datums.get("einddatum") and datums["einddatum"] < datums["begindatum"]:
        fouten.append(fout("einddatum", "De einddatum ligt vóór de begindatum."))
    if fouten:
        return None, fouten
    return Regel(nummer, bsn, soort, waarde["bron"], bedrag, datums.get("begindatum"), datums.get("einddatum"),
                 waarde["omschrijving"]), []


def lees(inhoud: bytes, bestandsnaam: str, maand: dt.date) -> Gelezen:
    rijen = _rijen(inhoud, bestandsnaam)
    if not rijen:
        raise BestandFout({"bestand": ["Het bestand bevat geen regels."]})
    if len(rijen) > MAX_REGELS:
        raise BestandFout({"bestand": [f"Het bestand heeft meer dan {MAX_REGELS} regels."]})
    gelezen = Gelezen(aantal=len(rijen))
    for nummer, rij in rijen:
        regel, fouten = _lees_regel(nummer, rij, maand)
        if regel:
            gelezen.regels.append(regel)
        gelezen.fouten.extend(fouten)
    return gelezen


def vergelijk(user, inhoud: bytes, bestandsnaam: str, maand_tekst: str) -> Vergelijking:
    """Read, validate and compare one file; returns the recorded run with its totals."""
    toegang.vereis(user, rechten.IB_VERGELIJKEN, toegang.CREATE, domein=INKOMEN, onderwerp="Inlichtingenbureau",
                   toelichting=f"bestand {bestandsnaam[:100]} {maand_tekst[:7]}")
    maand = parse_maand((maand_tekst or "").strip())
    sha = hashlib.sha256(inhoud).hexdigest()
    eerder = Vergelijking.objects.filter(maand=maand, sha256=sha).first()
    if eerder:
        raise BestandFout({"bestand": [f"Dit bestand is voor deze maand al ingelezen (vergelijking {eerder.pk})."]})
    gelezen = lees(inhoud, bestandsnaam, maand)
    clienten = {i.bsn: i for i in lopend.clienten(maand)}
    per_soort = {s: indicatoren.voor_signaalsoort(s) for s in SignaalSoort.values}
    with transaction.atomic():
        run = Vergelijking.objects.create(
            maand=maand, bestandsnaam=bestandsnaam[:200], sha256=sha, ingelezen_door=user,
            aantal_regels=gelezen.aantal, aantal_geweigerd=len({f["regel"] for f in gelezen.fouten}),
            aantal_gecontroleerd=len(clienten), fouten=gelezen.fouten)
        signalen = []
        for regel in gelezen.regels:
            inwoner = clienten.get(regel.bsn)
            if inwoner is None:
                run.aantal_zonder_uitkering += 1
                continue
            indicator = per_soort[regel.soort]
            if indicator is None:
                run.aantal_niet_goedgekeurd += 1
                continue
            signalen.append(Signaal(vergelijking=run, inwoner=inwoner, indicator=indicator, regel=regel.nummer,
                                    soort=regel.soort, bron=regel.bron, bedrag=regel.bedrag, begindatum=regel.begindatum,
                                    einddatum=regel.einddatum, omschrijving=regel.omschrijving))
        Signaal.objects.bulk_create(signalen)
        run.aantal_signalen = len(signalen)
        run.save()
        toegang.log_inwoners(user, sorted({s.inwoner for s in signalen}, key=lambda i: i.pk), onderwerp="signaal",
                             handeling=rechten.IB_VERGELIJKEN, toelichting=f"vergelijking {run.pk}: signaal aangemaakt")
    return run


def vergelijkingen(user):
    toegang.vereis(user, rechten.IB_VERGELIJKEN, toegang.VIEW, domein=INKOMEN, onderwerp="Inlichtingenbureau (lijst)")
    return Vergelijking.objects.all()


def bekijk(user, run: Vergelijking) -> Vergelijking:
    toegang.vereis(user, rechten.IB_VERGELIJKEN, toegang.VIEW, domein=INKOMEN, onderwerp="Inlichtingenbureau",
                   toelichting=f"vergelijking {run.pk}")
    return run


def bekijk_signaal(user, signaal: Signaal) -> Signaal:
    toegang.vereis(user, rechten.IB_VERGELIJKEN, toegang.VIEW, domein=INKOMEN, onderwerp="signaal",
                   inwoner=signaal.inwoner, toelichting=f"signaal {signaal.pk}")
    return signaal
