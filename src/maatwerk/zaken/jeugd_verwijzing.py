"""The structured referral of artikel 5:3 (issue 10, point 5): who referred the jeugdige to a jeugdhulpaanbieder,
with AGB code or BIG number, on which date and for what.

Verordening Sociaal Domein Lansingerland 2018, artikel 5:3, eerste lid: "Het college draagt zorg voor de inzet van
jeugdhulp na een verwijzing door de huisarts, medisch specialist en jeugdarts naar een jeugdhulpaanbieder"; the
Jeugdwet, artikel 2.6, eerste lid, onder g, names the same doctors. Recording the referral also records the route
finding `verwijzing_arts` = ja, whose motivering cites the referral, so the 5:3 route rests on it. Old zaken have
only the free-text motivering of that finding; they render as before (`verwijzing_zin` returns '').
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils import timezone

from maatwerk import formaat
from maatwerk.toegang import audit, beleid
from maatwerk.zaken import beoordeling
from maatwerk.zaken.beoordeling import BEOORDELEN, _vereis_wijzigen
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.jeugd_criteria import VERWIJZING
from maatwerk.zaken.jeugdmodellen import Verwijzer, Verwijzing
from maatwerk.zaken.models import Zaak
from maatwerk.zaken.vergrendeling import wijzigt_zaak

# The AGB code (Vektis, Algemeen GegevensBeheer zorgverleners) is 8 digits; the BIG number (Wet BIG, art. 3) is 11.
AGB = re.compile(r"\d{8}")
BIG = re.compile(r"\d{11}")
MAX_NAAM = 200
MAX_HULPVRAAG = 2000


def _datum(waarde, veld: str) -> dt.date:
    if isinstance(waarde, dt.date):
        return waarde
    try:
        return dt.date.fromisoformat(str(waarde or "").strip())
    except ValueError:
        raise ValidationError({veld: ["Vul de datum van de verwijzing in als JJJJ-MM-DD, bijvoorbeeld 2026-01-05."]}) from None


def controleer(*, verwezen_door, naam, agb_code, big_nummer, datum, hulpvraag) -> dict:
    """Check the referral field by field; all problems at once, each with a Dutch message naming the field."""
    fouten: dict[str, list[str]] = {}
    if verwezen_door not in Verwijzer.values:
        fouten["verwezen_door"] = ["Kies wie verwees: huisarts, medisch specialist of jeugdarts (artikel 5:3, eerste lid)."]
    naam = str(naam or "").strip()
    if not naam:
        fouten["naam"] = ["Vul de naam in van de arts die verwees."]
    elif len(naam) > MAX_NAAM:
        fouten["naam"] = [f"De naam is te lang (ten hoogste {MAX_NAAM} tekens)."]
    agb_code = re.sub(r"[\s.]", "", str(agb_code or ""))
    big_nummer = re.sub(r"[\s.]", "", str(big_nummer or ""))
    if agb_code and not AGB.fullmatch(agb_code):
        fouten["agb_code"] = ["De AGB-code bestaat uit 8 cijfers, bijvoorbeeld 01012345."]
    if big_nummer and not BIG.fullmatch(big_nummer):
        fouten["big_nummer"] = ["Het BIG-nummer bestaat uit 11 cijfers, bijvoorbeeld 19012345601."]
    if not agb_code and not big_nummer and "agb_code" not in fouten:
        fouten["agb_code"] = ["Vul de AGB-code (8 cijfers) of het BIG-nummer (11 cijfers) van de arts in."]
    try:
        datum = _datum(datum, "datum")
    except ValidationError as fout:
        fouten.update(fout.message_dict)
    else:
        if datum > timezone.localdate():
            fouten["datum"] = [f"De datum van de verwijzing ligt in de toekomst ({formaat.datum(datum)}). "
                               "Vul de datum in waarop de arts verwees."]
    hulpvraag = str(hulpvraag or "").strip()
    if not hulpvraag:
        fouten["hulpvraag"] = ["Vul in waarvoor de arts verwees (de hulpvraag)."]
    elif len(hulpvraag) > MAX_HULPVRAAG:
        fouten["hulpvraag"] = [f"De hulpvraag is te lang (ten hoogste {MAX_HULPVRAAG} tekens)."]
    if fouten:
        raise ValidationError(fouten)
    return {"verwezen_door": verwezen_door, "naam": naam, "agb_code": agb_code, "big_nummer": big_nummer,
            "datum": datum, "hulpvraag": hulpvraag}


def beschrijving(verwijzing: Verwijzing) -> str:
    """The referral in one sentence for the consulent and the finding: who, code, date, for what."""
    codes = ", ".join(c for c in (f"AGB {verwijzing.agb_code}" if verwijzing.agb_code else "",
                                  f"BIG {verwijzing.big_nummer}" if verwijzing.big_nummer else "") if c)
    return (f"Verwezen door {verwijzing.get_verwezen_door_display().lower()} {verwijzing.naam} ({codes}) op "
            f"{formaat.datum(verwijzing.datum)} naar een jeugdhulpaanbieder, voor: {verwijzing.hulpvraag}")


@wijzigt_zaak
def leg_verwijzing_vast(zaak: Zaak, gebruiker, **velden) -> Verwijzing:
    """Record the referral on a jeugdhulp zaak and the route finding of 5:3 that cites it."""
    grond = _vereis_wijzigen(gebruiker, zaak, "verwijzing", "verwijzing artikel 5:3")
    if zaak.regeling != "jeugdhulp":
        raise ProcedureFout("Een verwijzing door een arts legt u alleen vast op een zaak jeugdhulp.", code="geen_jeugdhulp")
    if zaak.is_afgerond or zaak.status not in BEOORDELEN:
        raise ProcedureFout(
            f"Een verwijzing legt u vast tijdens de beoordeling (status aanvraag of beoordeling); deze zaak heeft "
            f"status '{zaak.get_status_display()}'.", code="geen_beoordeling")
    gegevens = controleer(**velden)
    verwijzing = Verwijzing.objects.create(zaak=zaak, vastgelegd_door=gebruiker, **gegevens)
    audit.log(gebruiker, beleid.CREATE, grond, zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp="verwijzing",
              toelichting=f"verwijzing artikel 5:3 door {verwijzing.verwezen_door}")
    # The route finding of 5:3 cites the referral (its source is the criterion's: 5:3 lid 1, Jeugdwet 2.6 lid 1 g).
    beoordeling.leg_bevinding_vast(zaak, gebruiker, criterium=VERWIJZING, waarde="ja",
                                   motivering=beschrijving(verwijzing) + ".")
    return verwijzing


def actuele_verwijzing(zaak: Zaak) -> Verwijzing | None:
    return zaak.verwijzingen.order_by("-id").first()


def verwijzing_zin(zaak: Zaak) -> str:
    """The referral for the letter (B1, second person), or '' for a zaak without a structured referral (old zaken
    keep the free-text finding, which the letter renders as before)."""
    verwijzing = actuele_verwijzing(zaak)
    if verwijzing is None:
        return ""
    return (f"De {verwijzing.get_verwezen_door_display().lower()} ({verwijzing.naam}) verwees uw kind op "
            f"{formaat.datum(verwijzing.datum)} voor: {verwijzing.hulpvraag.rstrip('.')}.")
