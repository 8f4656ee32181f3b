"""Afstemming on a zaak: from the facts of a gedraging to a besluit tot verlaging (or to afzien) with its letter
(issue 11; Verordening Sociaal Domein Lansingerland 2018, artikelen 7:11-7:28).

    leg_vast      the consulent Inkomen or the handhaver records the gedraging, verwijtbaarheid, horen (7:14),
                  dringende redenen (7:15 lid 2), a deviation with its reason (7:13 onder d) and, optionally, the
                  casustafel that decided on it; the Regelkern computes the verlaging (never a second copy of the
                  rule) and the result is stored with its uitleg and the elements of 7:13.
    stel_besluit_op   the consulent drafts the besluit (soort verlaging, or afzien_verlaging for 7:15 lid 3); it
                  then goes through the ordinary services: four eyes / mandate, vaststellen, bekendmaken (B1 letter).
    in_maand      the verlaging of a bekendgemaakt besluit for one month (7:16, 7:22), for the betaalbestand.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from maatwerk import formaat
from maatwerk.besluiten.models import (
    MET_VERSTREKKING,
    Besluit,
    Herkomst,
    Overweging,
    Periode,
    Soort,
    SoortBron,
    Status,
    Verlaging,
)
from maatwerk.besluiten.verlaging_models import TERUGWERKENDE_KRACHT_KEUZES
from maatwerk.regels import afstemming_besluit
from maatwerk.regels.berekening import bereken
from maatwerk.regels.invoer import InvoerFout
from maatwerk.regels.variables.afstemming import GEDRAGINGEN, Grondslag, Horen, Verwijtbaarheid
from maatwerk.toegang import audit, beleid, rechten
from maatwerk.toegang.beleid import GeenToegang, Grond, NietGevonden
from maatwerk.toegang.models import SoortGrond
from maatwerk.toegang.rollen import rollen
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.regelingen import INKOMEN
from maatwerk.zaken.vergrendeling import vergrendel

REGELING = "algemene_bijstand"
VSD = "Verordening Sociaal Domein Lansingerland 2018"
MIN_TEKST = 20  # characters for a written reason; a quality rule, not a legal figure
MAX_TEKST = 5000  # characters of one written text (what a letter can hold); a quality rule, not a legal figure
# A planned bekendmaking further ahead cannot be right (the letter is sent in the month it was computed for, and the
# norms of later months are not known yet); a quality rule, not a legal figure.
MAX_PLANNING_DAGEN = 92
MAX_DUUR_VORIGE = 24  # months of a previous verlaging recorded from the dossier: a plausibility bound, not a legal figure
JA, NEE = {"true", "on", "ja", "1"}, {"false", "off", "nee", "0"}
_STUURTEKENS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ISO_DATUM = re.compile(r"\d{4}-\d{2}-\d{2}")

# What the Regelkern is asked when recording (with uitleg) and per month for the betaalbestand.
VARIABELEN = [*afstemming_besluit.VARIABELEN, "afstemming_reden_geen_verlaging"]
PER_MAAND = "afstemming_verlaging"


# ------------------------------------------------------------------ access


def _grond(gebruiker, zaak) -> Grond:
    """The consulent Inkomen of the zaak's domain (bevinding vastleggen), or the handhaver (casustafel vastleggen,
    Inkomen): enforcement is purpose-bound to these two (issue 11 point 8). Wmo, Jeugd, kwaliteit, beheer: no."""
    g = beleid.grond_zaak(gebruiker, zaak, beleid.CHANGE, handeling=rechten.BEVINDING_VASTLEGGEN)
    if g.toegestaan:
        return g
    if zaak.domein == INKOMEN and rechten.rechten(rollen(gebruiker), rechten.CASUSTAFEL_VASTLEGGEN, INKOMEN):
        return Grond(True, SoortGrond.ROL, "Rol handhaver: verlaging na een casustafel (handhaving, doelbinding)")
    return Grond(False, SoortGrond.GEEN, "Een verlaging vastleggen of inzien is voorbehouden aan de consulent Inkomen "
                                         "van de zaak en de handhaver.")


def vereis(gebruiker, zaak, actie: str, *, toelichting: str = "") -> Grond:
    """Check and log (also a refusal). Whoever may not see the zaak gets 404; who may see it, 403."""
    g = _grond(gebruiker, zaak)
    audit.log(gebruiker, actie, g, zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp="verlaging", toelichting=toelichting)
    if not g.toegestaan:
        if actie == beleid.VIEW or not beleid.grond_zaak(gebruiker, zaak, beleid.VIEW).toegestaan:
            raise NietGevonden()
        raise GeenToegang(g.omschrijving)
    return g


def bekijk(gebruiker, verlaging: Verlaging) -> Verlaging:
    vereis(gebruiker, verlaging.zaak, beleid.VIEW, toelichting=f"verlaging {verlaging.pk}")
    return verlaging


# ------------------------------------------------------------------ validation


def _tekst(gegevens, veld, fouten, melding, *, verplicht=True) -> str:
    waarde = gegevens.get(veld, "")
    if waarde is None:
        waarde = ""
    if not isinstance(waarde, str):
        fouten[veld] = ["Vul hier tekst in."]
        return ""
    waarde = waarde.strip()
    maximum = Verlaging._meta.get_field(veld).max_length or MAX_TEKST
    if _STUURTEKENS.search(waarde):  # e.g. a NUL byte, which the database refuses: never a 500
        fouten[veld] = ["De tekst bevat een teken dat niet is toegestaan (een stuurteken)."]
    elif len(waarde) > maximum:
        fouten[veld] = [f"De tekst is te lang: ten hoogste {maximum} tekens."]
    elif verplicht and len(waarde) < MIN_TEKST:
        fouten[veld] = [melding]
    return waarde


def _datum(gegevens, veld, fouten, naam, *, verplicht=True) -> dt.date | None:
    waarde = gegevens.get(veld)
    if waarde in (None, ""):
        if verplicht:
            fouten[veld] = [f"Vul de {naam} in."]
        return None
    if isinstance(waarde, dt.datetime):
        waarde = waarde.date()
    if isinstance(waarde, str):
        try:  # only JJJJ-MM-DD (fromisoformat also reads week dates such as 2026-W31)
            waarde = dt.date.fromisoformat(waarde) if _ISO_DATUM.fullmatch(waarde) else None
        except ValueError:
            waarde = None
    if not isinstance(waarde, dt.date):
        fouten[veld] = [f"De {naam} is geen geldige datum (JJJJ-MM-DD)."]
        return None
    vandaag = timezone.localdate()
    if veld != "geplande_bekendmaking" and waarde > vandaag:
        fouten[veld] = [f"De {naam} ligt in de toekomst."]
    elif veld == "geplande_bekendmaking" and waarde > vandaag + dt.timedelta(days=MAX_PLANNING_DAGEN):
        fouten[veld] = [f"De {naam} ligt meer dan {MAX_PLANNING_DAGEN} dagen in de toekomst; leg de verlaging vast "
                        "als de bekendmaking dichterbij is (de verlaging gaat in de maand erna in, artikel 7:16)."]
    return waarde


def _keuze(gegevens, veld, keuzes, fouten, naam, *, verplicht=True) -> str:
    waarde = gegevens.get(veld) or ""
    if not waarde and not verplicht:
        return ""
    if not isinstance(waarde, str) or waarde not in keuzes:
        fouten[veld] = [f"Kies een {naam} uit de lijst."]
        return ""
    return waarde


def _bedrag(gegevens, veld, fouten, naam, *, maximum=None) -> Decimal | None:
    waarde = gegevens.get(veld)
    if waarde in (None, ""):
        return None
    if isinstance(waarde, bool) or not isinstance(waarde, (str, int, float, Decimal)):
        fouten[veld] = [f"Het {naam} is geen getal."]
        return None
    try:
        bedrag = Decimal(str(waarde).strip().replace(",", "."))
    except InvalidOperation:
        fouten[veld] = [f"Het {naam} is geen getal."]
        return None
    plaatsen = Verlaging._meta.get_field(veld).decimal_places
    if not bedrag.is_finite():
        fouten[veld] = [f"Het {naam} is geen getal."]
    elif maximum == 1 and not 0 <= bedrag <= 1:
        fouten[veld] = [f"Geef het {naam} als fractie van 0 tot en met 1 (0,2 is 20 %)."]
    elif bedrag < 0:
        fouten[veld] = [f"Het {naam} kan niet negatief zijn."]
    elif maximum is not None and bedrag > maximum:
        fouten[veld] = [f"Het {naam} kan niet hoger zijn dan {formaat.bedrag(maximum)}."]
    elif bedrag.as_tuple().exponent < -plaatsen:
        # What is stored is what was computed with: no rounding between the two.
        fouten[veld] = [f"Geef het {naam} met ten hoogste {plaatsen} cijfers achter de komma."]
    else:
        return bedrag
    return None


def _ja_nee(gegevens, veld, fouten) -> bool:
    """A tick box: true or false (from a form "on"); anything else is named, never read as yes."""
    waarde = gegevens.get(veld)
    if isinstance(waarde, bool):
        return waarde
    if waarde in (None, "", 0):
        return False
    if waarde == 1 or (isinstance(waarde, str) and waarde.strip().lower() in JA):
        return True
    if isinstance(waarde, str) and waarde.strip().lower() in NEE:
        return False
    fouten[veld] = ["Geef ja of nee (true of false)."]
    return False


def _maanden(gegevens, veld, fouten) -> int | None:
    waarde = gegevens.get(veld)
    if waarde in (None, ""):
        return None
    if isinstance(waarde, str) and waarde.strip().isdigit():
        waarde = int(waarde)
    if isinstance(waarde, bool) or not isinstance(waarde, int) or not 1 <= waarde <= MAX_DUUR_VORIGE:
        fouten[veld] = [f"Geef de duur van de vorige verlaging in hele maanden (1 tot en met {MAX_DUUR_VORIGE})."]
        return None
    return waarde


GEDRAGING_CODES = [g for g in GEDRAGINGEN if g != "geen"]
VERWIJTBAAR = [v.name for v in Verwijtbaarheid if v.name != "niet_vastgesteld"]
HOREN = [h.name for h in Horen]
GRONDSLAGEN = [g.name for g in Grondslag]
TERUGWERKEND = [k for k, _ in TERUGWERKENDE_KRACHT_KEUZES]
MAX_BEDRAG = Decimal("1000000")


def _samenloop(gegevens: dict, f: dict) -> dict:
    """The facts of 7:16 lid 2, 7:17 lid 2, 7:26 lid 3 and 7:28, checked. Whether they lead to a verlaging is the
    Regelkern's (afstemming_reden_geen_verlaging, afstemming_ingangsdatum, afstemming_berekeningsgrondslag)."""
    v = {
        "bestuurlijke_boete": _ja_nee(gegevens, "bestuurlijke_boete", f),
        "bestuurlijke_boete_kenmerk": _tekst(gegevens, "bestuurlijke_boete_kenmerk", f, "", verplicht=False),
        "bestuurlijke_boete_toelichting": _tekst(gegevens, "bestuurlijke_boete_toelichting", f, "", verplicht=False),
        "weigering_ioaw_ioaz": _ja_nee(gegevens, "weigering_ioaw_ioaz", f),
        "weigering_ioaw_ioaz_toelichting": _tekst(gegevens, "weigering_ioaw_ioaz_toelichting", f, "", verplicht=False),
        "terugwerkende_kracht": _ja_nee(gegevens, "terugwerkende_kracht", f),
        "terugwerkende_kracht_grond": _keuze(gegevens, "terugwerkende_kracht_grond", TERUGWERKEND, f,
                                             "grond voor terugwerkende kracht", verplicht=False),
        "terugwerkende_kracht_toelichting": _tekst(gegevens, "terugwerkende_kracht_toelichting", f, "", verplicht=False),
        "grondslag_keuze": _keuze(gegevens, "grondslag_keuze", GRONDSLAGEN, f, "berekeningsgrondslag",
                                  verplicht=False) or Grondslag.bijstandsnorm.name,
        "verleende_bijzondere_bijstand": _bedrag(gegevens, "verleende_bijzondere_bijstand", f,
                                                 "bedrag aan verleende bijzondere bijstand", maximum=MAX_BEDRAG),
        "grondslag_toelichting": _tekst(gegevens, "grondslag_toelichting", f, "", verplicht=False),
    }
    # Art. 7:26 lid 3: only "voor zover voor die schending een bestuurlijke boete wordt opgelegd": say which and why.
    if v["bestuurlijke_boete"] and len(v["bestuurlijke_boete_toelichting"]) < MIN_TEKST:
        f["bestuurlijke_boete_toelichting"] = [
            "Beschrijf in ten minste 20 tekens welke bestuurlijke boete voor dezelfde gedraging wordt opgelegd "
            "(artikel 7:26, derde lid; artikel 18a Participatiewet)."]
    if v["weigering_ioaw_ioaz"] and len(v["weigering_ioaw_ioaz_toelichting"]) < MIN_TEKST:
        f["weigering_ioaw_ioaz_toelichting"] = [
            "Beschrijf in ten minste 20 tekens welk besluit de IOAW- of IOAZ-uitkering om dezelfde gedraging "
            "weigert (artikel 7:28)."]
    if v["terugwerkende_kracht"]:
        if not v["terugwerkende_kracht_grond"] and "terugwerkende_kracht_grond" not in f:
            f["terugwerkende_kracht_grond"] = [
                "Kies de grond voor terugwerkende kracht: de uitkering is beëindigd of ingetrokken, of over die "
                "periode nog niet uitbetaald (artikel 7:16, tweede lid)."]
        if len(v["terugwerkende_kracht_toelichting"]) < MIN_TEKST:
            f["terugwerkende_kracht_toelichting"] = [
                "Leg in ten minste 20 tekens uit waarom de verlaging niet vanaf de maand na de bekendmaking kan "
                "(artikel 7:16, tweede lid)."]
    elif v["terugwerkende_kracht_grond"] and "terugwerkende_kracht_grond" not in f:
        f["terugwerkende_kracht_grond"] = ["Kies alleen een grond als de verlaging met terugwerkende kracht wordt "
                                           "toegepast (artikel 7:16, tweede lid)."]
    if v["grondslag_keuze"] != Grondslag.bijstandsnorm.name:
        bedrag = v["verleende_bijzondere_bijstand"]
        if bedrag is None or bedrag == 0:
            if "verleende_bijzondere_bijstand" not in f:
                f["verleende_bijzondere_bijstand"] = [
                    "Vul het bedrag aan verleende bijzondere bijstand per maand in, groter dan 0 "
                    "(artikel 7:17, tweede lid)."]
        if len(v["grondslag_toelichting"]) < MIN_TEKST:
            f["grondslag_toelichting"] = [
                "Leg in ten minste 20 tekens uit waarom de verlaging over de bijzondere bijstand wordt berekend "
                "(artikel 7:17, tweede lid)."]
    elif v["verleende_bijzondere_bijstand"] is not None:
        f["verleende_bijzondere_bijstand"] = [
            "Vul de verleende bijzondere bijstand alleen in als de verlaging daarover wordt berekend "
            "(artikel 7:17, tweede lid); kies dan die berekeningsgrondslag."]
    return v


def _valideer(gegevens: dict) -> dict:
    """The facts, checked; a ValidationError names every wrong field in Dutch."""
    if not isinstance(gegevens, dict):
        raise ValidationError({"invoer": ["Geef de gegevens van de verlaging als velden met hun waarde."]})
    f: dict[str, list[str]] = {}
    v = {
        "gedraging": _keuze(gegevens, "gedraging", GEDRAGING_CODES, f, "gedraging"),
        "gedraging_tevens": _keuze(gegevens, "gedraging_tevens", GEDRAGING_CODES, f, "tweede verplichting", verplicht=False),
        "omschrijving": _tekst(gegevens, "omschrijving", f, "Beschrijf in ten minste 20 tekens wat er is gebeurd (de feiten)."),
        "datum_gedraging": _datum(gegevens, "datum_gedraging", f, "datum van de gedraging"),
        "datum_constatering": _datum(gegevens, "datum_constatering", f, "datum van constatering"),
        "benadelingsbedrag": _bedrag(gegevens, "benadelingsbedrag", f, "benadelingsbedrag", maximum=Decimal("1000000")),
        "benadelingsbedrag_niet_vast_te_stellen": _ja_nee(gegevens, "benadelingsbedrag_niet_vast_te_stellen", f),
        "verwijtbaarheid": _keuze(gegevens, "verwijtbaarheid", VERWIJTBAAR, f, "mate van verwijtbaarheid"),
        "verwijtbaarheid_toelichting": _tekst(gegevens, "verwijtbaarheid_toelichting", f,
                                              "Leg in ten minste 20 tekens uit waarom de gedraging (niet) verwijtbaar is."),
        "horen": _keuze(gegevens, "horen", HOREN, f, "manier van horen"),
        "horen_datum": _datum(gegevens, "horen_datum", f, "datum van het horen", verplicht=False),
        "horen_wijze": _tekst(gegevens, "horen_wijze", f, "", verplicht=False),
        "horen_toelichting": _tekst(gegevens, "horen_toelichting", f, "", verplicht=False),
        "dringende_redenen": _ja_nee(gegevens, "dringende_redenen", f),
        "dringende_redenen_toelichting": _tekst(gegevens, "dringende_redenen_toelichting", f, "", verplicht=False),
        "afwijken": _ja_nee(gegevens, "afwijken", f),
        "afwijkend_percentage": _bedrag(gegevens, "afwijkend_percentage", f, "afwijkende percentage", maximum=Decimal("1")),
        "afwijking_reden": _tekst(gegevens, "afwijking_reden", f, "", verplicht=False),
        "geplande_bekendmaking": _datum(gegevens, "geplande_bekendmaking", f, "verwachte dag van bekendmaking", verplicht=False),
        "vorige_gedraging": _keuze(gegevens, "vorige_gedraging", GEDRAGING_CODES, f, "vorige gedraging", verplicht=False),
        "vorige_bekendmaking": _datum(gegevens, "vorige_bekendmaking", f, "datum van bekendmaking van de vorige verlaging", verplicht=False),
        "vorige_percentage": _bedrag(gegevens, "vorige_percentage", f, "percentage van de vorige verlaging", maximum=Decimal("1")),
        "vorige_duur_maanden": _maanden(gegevens, "vorige_duur_maanden", f),
    }
    v.update(_samenloop(gegevens, f))
    if v["gedraging_tevens"] and v["gedraging_tevens"] == v["gedraging"]:
        f["gedraging_tevens"] = ["Kies hier een andere verplichting dan de gedraging zelf (artikel 7:26, eerste lid)."]
    if (v["datum_gedraging"] and v["datum_constatering"] and v["datum_constatering"] < v["datum_gedraging"]
            and "datum_constatering" not in f):
        f["datum_constatering"] = ["De datum van constatering ligt vóór de datum van de gedraging."]
    if (v["geplande_bekendmaking"] and v["datum_constatering"] and v["geplande_bekendmaking"] < v["datum_constatering"]
            and "geplande_bekendmaking" not in f):
        f["geplande_bekendmaking"] = ["De bekendmaking van het besluit ligt vóór de constatering van de gedraging."]
    if v["gedraging"] == "tekortschietend_besef" and v["benadelingsbedrag"] is None and not v["benadelingsbedrag_niet_vast_te_stellen"]:
        f["benadelingsbedrag"] = ["Vul het benadelingsbedrag in, of geef aan dat het niet is vast te stellen (artikel 7:23, tweede lid)."]
    # Art. 7:14: horen is a recorded step: when, how, or the ground of lid 2 and why it applies.
    if v["horen"] == Horen.niet_vastgesteld.name:
        f["horen"] = ["Leg eerst vast dat de inwoner is gehoord, of waarom dat achterwege blijft (artikel 7:14): "
                      "zonder dat wordt geen verlaging opgelegd."]
    elif v["horen"] == Horen.gehoord.name:
        if v["horen_datum"] is None and "horen_datum" not in f:
            f["horen_datum"] = ["Vul de datum van het horen in (artikel 7:14, eerste lid)."]
        if not v["horen_wijze"]:
            f["horen_wijze"] = ["Vul in hoe de inwoner is gehoord (gesprek, telefoon of schriftelijk)."]
    elif v["horen"] and len(v["horen_toelichting"]) < MIN_TEKST:
        f["horen_toelichting"] = ["Leg in ten minste 20 tekens uit waarom deze grond van artikel 7:14, tweede lid, "
                                  "van toepassing is."]
    if v["dringende_redenen"] and len(v["dringende_redenen_toelichting"]) < MIN_TEKST:
        f["dringende_redenen_toelichting"] = ["Beschrijf in ten minste 20 tekens de dringende redenen (artikel 7:15, tweede lid)."]
    # Art. 7:13 onder d: a deviation from the standard is stated with its reason.
    if v["afwijken"]:
        if v["afwijkend_percentage"] is None and "afwijkend_percentage" not in f:
            f["afwijkend_percentage"] = ["Vul het percentage in waarmee u afwijkt (als fractie, 0,2 = 20 %)."]
        if len(v["afwijking_reden"]) < MIN_TEKST:
            f["afwijking_reden"] = ["Een afwijking van de standaardverlaging vraagt een schriftelijke reden van ten minste "
                                    "20 tekens (artikel 7:13, onder d; artikel 18, tweede lid, Participatiewet)."]
    _samenhang(v, f)
    if f:
        raise ValidationError(f)
    return v


def _samenhang(v: dict, f: dict) -> None:
    """Facts that cannot be true together (each checked once its own fields are valid), so the Regelkern never
    computes from them."""
    def zet(veld, melding):
        if veld not in f:
            f[veld] = [melding]

    # Art. 7:14 lid 1: the inwoner is heard about the gedraging, before the verlaging is imposed.
    if v["horen"] == Horen.gehoord.name and v["horen_datum"]:
        if v["datum_gedraging"] and v["horen_datum"] < v["datum_gedraging"]:
            zet("horen_datum", "Het horen ligt vóór de gedraging; de inwoner wordt gehoord over de gedraging "
                               "(artikel 7:14, eerste lid).")
        elif v["geplande_bekendmaking"] and v["horen_datum"] > v["geplande_bekendmaking"]:
            zet("horen_datum", "Het horen ligt na de bekendmaking van het besluit; de inwoner wordt gehoord voordat "
                               "een verlaging wordt opgelegd (artikel 7:14, eerste lid).")
    # Art. 7:13 onder d: a percentage of its own only with a deviation (and its reason).
    if v["afwijkend_percentage"] is not None and not v["afwijken"]:
        zet("afwijken", "U vulde een afwijkend percentage in: vink aan dat u afwijkt van de standaardverlaging en geef "
                        "de reden (artikel 7:13, onder d), of laat het percentage leeg.")
    # Art. 7:27: a previous verlaging counts with its gedraging and the day its besluit was made known, and only if
    # the new gedraging came after that ("binnen 24 maanden na bekendmaking ... opnieuw").
    if v["vorige_gedraging"] and not v["vorige_bekendmaking"]:
        zet("vorige_bekendmaking", "Vul de datum van bekendmaking van de vorige verlaging in (artikel 7:27).")
    if v["vorige_bekendmaking"] and not v["vorige_gedraging"]:
        zet("vorige_gedraging", "Kies de gedraging van de vorige verlaging (artikel 7:27).")
    if not v["vorige_gedraging"] and (v["vorige_percentage"] is not None or v["vorige_duur_maanden"] is not None):
        zet("vorige_gedraging", "Kies de gedraging van de vorige verlaging, of laat het percentage en de duur ervan "
                                "leeg (artikel 7:27).")
    if v["vorige_bekendmaking"] and v["datum_gedraging"] and v["vorige_bekendmaking"] > v["datum_gedraging"]:
        zet("vorige_bekendmaking", "De vorige verlaging is bekendgemaakt na deze gedraging; dan telt zij niet als "
                                   "vorige verlaging (artikel 7:27: opnieuw, na bekendmaking).")


# ------------------------------------------------------------------ the Regelkern


def _lopend_besluit(zaak, datum: dt.date) -> Besluit | None:
    return (zaak.besluiten.filter(status=Status.BEKENDGEMAAKT, soort__in=MET_VERSTREKKING)
            .exclude(vervangen_door__status=Status.BEKENDGEMAAKT)
            .exclude(einddatum__lt=datum).order_by("-id").first())


def vorige(zaak, voor: Verlaging | None = None) -> Verlaging | None:
    """The latest verlaging of the same inwoner whose besluit was made known (art. 7:27)."""
    qs = Verlaging.objects.filter(zaak__hoofdpersoon_id=zaak.hoofdpersoon_id, besluit__status=Status.BEKENDGEMAAKT,
                                  besluit__soort=Soort.VERLAGING)
    if voor is not None and voor.pk:
        qs = qs.exclude(pk=voor.pk)
    return qs.order_by("-besluit__bekendgemaakt_op", "-id").first()


def invoer(v: Verlaging, bekendmaking: dt.date | None = None) -> dict:
    """The huishouden inputs of the Regelkern's afstemming for this verlaging (ETERNITY values)."""
    def e(waarde):
        return {"ETERNITY": waarde}

    uit = {
        "afstemming_gedraging": e(v.gedraging),
        "afstemming_verwijtbaarheid": e(v.verwijtbaarheid),
        "afstemming_horen": e(v.horen),
        "datum_gedraging": e(v.datum_gedraging.isoformat()),
        "datum_constatering_gedraging": e(v.datum_constatering.isoformat()),
        "datum_bekendmaking_verlaging": e((bekendmaking or v.geplande_bekendmaking).isoformat()),
        "benadelingsbedrag_niet_vast_te_stellen": e(v.benadelingsbedrag_niet_vast_te_stellen),
        "afstemming_dringende_redenen": e(v.dringende_redenen),
        "afstemming_afwijken": e(v.afwijken),
        "afstemming_bestuurlijke_boete": e(v.bestuurlijke_boete),
        "afstemming_weigering_ioaw_ioaz": e(v.weigering_ioaw_ioaz),
        "afstemming_terugwerkende_kracht": e(v.terugwerkende_kracht),
        "afstemming_grondslag_keuze": e(v.grondslag_keuze or Grondslag.bijstandsnorm.name),
    }
    if v.verleende_bijzondere_bijstand is not None:
        uit["afstemming_verleende_bijzondere_bijstand"] = e(float(v.verleende_bijzondere_bijstand))
    if v.gedraging_tevens:
        uit["afstemming_gedraging_tevens"] = e(v.gedraging_tevens)
    if v.benadelingsbedrag is not None:
        uit["benadelingsbedrag"] = e(float(v.benadelingsbedrag))
    if v.afwijken and v.afwijkend_percentage is not None:
        uit["afstemming_afwijkend_percentage"] = e(float(v.afwijkend_percentage))
    if v.vorige_gedraging and v.vorige_bekendmaking:
        uit["vorige_afstemming_gedraging"] = e(v.vorige_gedraging)
        uit["datum_bekendmaking_vorige_verlaging"] = e(v.vorige_bekendmaking.isoformat())
        uit["vorige_afstemming_percentage"] = e(float(v.vorige_percentage or 0))
        uit["vorige_afstemming_duur_maanden"] = e(int(v.vorige_duur_maanden or 1))
    return uit


def _situatie(v: Verlaging, maand: str, bekendmaking: dt.date | None = None):
    from maatwerk.personen.situatie import bouw_situatie
    from maatwerk.personen.validators import parse_maand

    situatie = bouw_situatie(v.zaak.huishouden, parse_maand(maand, "maand"))
    situatie.json["huishoudens"][situatie.huishouden_sleutel].update(invoer(v, bekendmaking))
    return situatie


def _maand(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def _volgende(maand: str, n: int = 1) -> str:
    j, m = int(maand[:4]), int(maand[5:]) + n
    j, m = j + (m - 1) // 12, (m - 1) % 12 + 1
    return f"{j:04d}-{m:02d}"


def _bereken(v: Verlaging) -> None:
    """Compute with the Regelkern and store result, uitleg, the 7:13 elements and the months (7:16, 7:22)."""
    maand = _maand(v.geplande_bekendmaking)
    situatie = _situatie(v, maand)
    gemeente = settings.MAATWERK_GEMEENTE
    uitkomst = bereken(situatie.json, maand, gemeente, VARIABELEN, uitleg=True)
    sleutel = situatie.huishouden_sleutel
    w = uitkomst["resultaten"]["huishoudens"][sleutel]
    v.situatie = situatie.json
    v.resultaat = w
    v.uitleg = uitkomst["uitleg"]["huishoudens"][sleutel]
    v.opgelegd = bool(w["afstemming_wordt_opgelegd"])
    v.elementen = [e.__dict__ for e in afstemming_besluit.elementen(situatie.json, maand, sleutel, gemeente)]
    v.maanden = []
    if v.opgelegd:
        eerste = str(w["afstemming_ingangsdatum"])[:7]
        for i in range(max(int(w["afstemming_verrekening_maanden"]), 1)):
            m = _volgende(eerste, i)
            bedrag = bereken(situatie.json, m, gemeente, [PER_MAAND])["resultaten"]["huishoudens"][sleutel][PER_MAAND]
            v.maanden.append({"maand": m, "bedrag": str(Decimal(str(bedrag)).quantize(Decimal("0.01")))})


# ------------------------------------------------------------------ recording


def leg_vast(gebruiker, zaak, gegevens: dict, *, casustafel=None) -> Verlaging:
    """Record the facts of a gedraging on a zaak of a running algemene bijstand and compute the verlaging."""
    vereis(gebruiker, zaak, beleid.CREATE, toelichting="verlaging vastleggen")
    if zaak.regeling != REGELING:
        raise ProcedureFout("Een verlaging (artikelen 7:11-7:28 van de verordening) kan alleen op een zaak van "
                            "algemene bijstand.", code="geen_algemene_bijstand")
    v = _valideer(gegevens)
    if casustafel is not None:
        from maatwerk.handhaving.models import Interventie

        inwoner = casustafel.signaal.inwoner_id if casustafel.signaal_id else None
        if casustafel.interventie != Interventie.VERLAGING or inwoner != zaak.hoofdpersoon_id:
            raise ValidationError({"casustafel": ["Deze casustafel besloot niet tot een verlaging voor deze inwoner."]})
    with transaction.atomic():
        zaak = vergrendel(zaak)
        # Art. 7:16 lid 2: retroactively because the benefit ended, the benefit over the gedraging's period counts.
        peildatum = v["datum_gedraging"] if v["terugwerkende_kracht"] else v["datum_constatering"]
        if _lopend_besluit(zaak, peildatum) is None:
            raise ProcedureFout("Deze zaak heeft geen lopende algemene bijstand (een bekendgemaakt besluit tot toekenning); "
                                "een verlaging is dan niet mogelijk.", code="geen_lopende_bijstand")
        verlaging = Verlaging(zaak=zaak, casustafel=casustafel, vastgelegd_door=gebruiker, **{
            k: w for k, w in v.items() if k != "geplande_bekendmaking" and w is not None})
        verlaging.geplande_bekendmaking = v["geplande_bekendmaking"] or timezone.localdate()
        if not verlaging.vorige_gedraging:
            eerder = vorige(zaak)
            if eerder is not None:  # art. 7:27: the previous besluit as it was made known
                verlaging.vorige_gedraging = eerder.resultaat.get("afstemming_geldende_gedraging", eerder.gedraging)
                verlaging.vorige_bekendmaking = eerder.besluit.bekendgemaakt_op
                verlaging.vorige_percentage = Decimal(str(eerder.resultaat.get("afstemming_standaardpercentage", 0)))
                verlaging.vorige_duur_maanden = int(eerder.resultaat.get("afstemming_duur_maanden", 1))
        try:
            _bereken(verlaging)
        except InvoerFout as fout:  # e.g. no norms for that month: the field's own Dutch message, never a 500
            # The month comes from the planned bekendmaking (7:16, 7:17): name that field.
            veld = "geplande_bekendmaking" if fout.veld in ("gemeente", "datum_bekendmaking_verlaging") else fout.veld
            raise ValidationError({veld: [fout.bericht[:1].upper() + fout.bericht[1:]]}) from None
        verlaging.save()
        audit.log(gebruiker, beleid.CREATE, _grond(gebruiker, zaak), zaak=zaak, inwoner=zaak.hoofdpersoon,
                  onderwerp="verlaging", toelichting=f"verlaging {verlaging.pk} vastgelegd; "
                  f"{'opgelegd' if verlaging.opgelegd else 'geen verlaging'}")
    return verlaging


# ------------------------------------------------------------------ the besluit


def _zin_maand(maand: str) -> str:
    return formaat.datum(dt.date.fromisoformat(f"{maand}-01")).split(" ", 1)[1]


def _einde_maand(maand: str) -> dt.date:
    volgende = dt.date.fromisoformat(f"{_volgende(maand)}-01")
    return volgende - dt.timedelta(days=1)


def stel_besluit_op(verlaging: Verlaging, gebruiker) -> Besluit:
    """A concept besluit tot verlaging (or, for dringende redenen, afzien with a letter: 7:15 lid 3), filled from the
    stored computation. It then goes through `besluiten.services` like every besluit."""
    from maatwerk.besluiten import services

    grond = services._vereis(gebruiker, verlaging.zaak, beleid.CHANGE, "besluit", "verlaging opstellen")
    with transaction.atomic():
        zaak = vergrendel(verlaging.zaak)
        verlaging = Verlaging.objects.select_for_update().get(pk=verlaging.pk)
        if verlaging.besluit_id is not None:
            raise ProcedureFout(f"Voor deze verlaging is al besluit {verlaging.besluit.kenmerk} opgesteld.", code="besluit_bestaat")
        if not verlaging.opgelegd and not verlaging.resultaat.get("afstemming_brief_afzien"):
            reden = verlaging.elementen[0]["tekst"] if verlaging.elementen else ""
            raise ProcedureFout(f"Er wordt geen verlaging opgelegd: {reden} Een besluit is dan niet nodig.", code="geen_verlaging")
        besluit = Besluit(zaak=zaak, opgesteld_door=gebruiker,
                          soort=Soort.VERLAGING if verlaging.opgelegd else Soort.AFZIEN_VERLAGING)
        if verlaging.opgelegd:
            _vul_verlaging(besluit, verlaging)
        else:
            besluit.aanvraag = ("U krijgt bijstand van ons. U heeft zich niet aan een regel gehouden. "
                                "Daarom krijgt u deze brief.")
            besluit.toelichting_beslissing = verlaging.dringende_redenen_toelichting
        besluit.save()
        _overwegingen(besluit, verlaging)
        verlaging.besluit = besluit
        verlaging.save(update_fields=["besluit"])
        services._log(gebruiker, grond, besluit, beleid.CREATE, "besluit", f"opgesteld ({besluit.soort}), verlaging {verlaging.pk}")
    return besluit


def _vul_verlaging(besluit: Besluit, v: Verlaging) -> None:
    el = {e["onderdeel"]: e for e in v.elementen}
    besluit.aanvraag = "U krijgt bijstand van ons. U heeft zich niet aan een regel gehouden. Daarom krijgt u deze brief."
    besluit.toelichting_beslissing = el["a"]["tekst"]
    besluit.duur = el["b"]["tekst"].rstrip(".")[:200]
    besluit.omvang = el["c"]["tekst"].rstrip(".")[:300]
    besluit.bedrag = Decimal(str(v.resultaat["afstemming_verlaging_totaal"])).quantize(Decimal("0.01"))
    besluit.bedrag_periode = Periode.EENMALIG if len(v.maanden) <= 1 else ""
    besluit.ingangsdatum = dt.date.fromisoformat(f"{v.maanden[0]['maand']}-01")
    besluit.einddatum = _einde_maand(v.maanden[-1]["maand"])
    delen = [f"{formaat.bedrag(m['bedrag'])} in {_zin_maand(m['maand'])}" for m in v.maanden]
    besluit.vervolg = "Wij houden de verlaging in op uw bijstand: " + ", ".join(delen) + "."


def _overwegingen(besluit: Besluit, v: Verlaging) -> None:
    """The elements of art. 7:13 (or the ground for afzien), each with its source, and the hearing of 7:14."""
    nummer = 0

    def voeg_toe(zin, bron, soort, herkomst=Herkomst.REGELKERN, regel_id=""):
        nonlocal nummer
        nummer += 1
        Overweging.objects.create(besluit=besluit, volgorde=nummer, zin=zin, bron=bron, soort=soort, herkomst=herkomst,
                                  regel_id=regel_id)

    if v.horen == Horen.gehoord.name:
        voeg_toe(f"Op {formaat.datum(v.horen_datum)} heeft u uw kant van het verhaal verteld ({v.horen_wijze}).",
                 f"{VSD}, artikel 7:14, eerste lid", SoortBron.VERORDENING, Herkomst.BEVINDING, "afstemming.horen")
    else:
        voeg_toe("Wij hebben u niet eerst gesproken. De verordening staat dat hier toe.",
                 f"{VSD}, artikel 7:14, tweede lid", SoortBron.VERORDENING, Herkomst.BEVINDING, "afstemming.horen")
    if besluit.soort == Soort.AFZIEN_VERLAGING:
        voeg_toe("U krijgt geen verlaging. Dat komt door uw bijzondere situatie.",
                 f"{VSD}, artikel 7:15, tweede en derde lid", SoortBron.DISCRETIE, Herkomst.BEVINDING,
                 "afstemming.schriftelijk_afzien")
        return
    teksten = {
        "a": "U deed dit: {tekst}",
        "b": "Zo lang duurt de verlaging: {tekst}",
        "c": "Zoveel is de verlaging: {tekst}",
    }
    for e in v.elementen:
        if e["onderdeel"] in teksten:
            voeg_toe(teksten[e["onderdeel"]].format(tekst=e["tekst"]), e["bron"], e["soort"],
                     regel_id=f"afstemming.7_13_{e['onderdeel']}")
    if v.afwijken:
        voeg_toe(f"Wij wijken af van de gewone verlaging. {v.afwijking_reden.rstrip('.')}.",
                 "Participatiewet, artikel 18, tweede lid, en " + f"{VSD}, artikel 7:13, onder d",
                 SoortBron.DISCRETIE, Herkomst.AFWIJKING, "afstemming.7_13_d")


def controleer_vaststelling(besluit: Besluit) -> None:
    """A besluit tot verlaging rests on a recorded, computed verlaging of a running benefit."""
    v = Verlaging.objects.filter(besluit=besluit).first()
    if v is None:
        raise ProcedureFout("Dit besluit hoort bij geen vastgelegde verlaging.", code="geen_verlaging")
    if besluit.soort == Soort.VERLAGING and not v.opgelegd:
        raise ProcedureFout("Volgens de berekening wordt geen verlaging opgelegd.", code="geen_verlaging")


def controleer_bekendmaking(besluit: Besluit, datum: dt.date) -> None:
    """Art. 7:16 lid 1: the verlaging starts the month after the bekendmaking. The letter names that month, so it is
    sent in the month it was computed for; later, the verlaging must be computed again (a new besluit)."""
    v = Verlaging.objects.filter(besluit=besluit).first()
    if besluit.soort == Soort.VERLAGING and v is not None and _maand(datum) != _maand(v.geplande_bekendmaking):
        raise ProcedureFout(
            f"De brief noemt een verlaging vanaf {formaat.datum(besluit.ingangsdatum)}, gerekend met bekendmaking in "
            f"{_zin_maand(_maand(v.geplande_bekendmaking))}. Maak het besluit in die maand bekend, of leg de verlaging "
            "opnieuw vast (artikel 7:16, eerste lid).", code="andere_maand")


# ------------------------------------------------------------------ the betaalbestand


def in_maand(zaak, maand: str) -> list[dict]:
    """The verlagingen of bekendgemaakte besluiten on this zaak that apply in `maand` (7:16, 7:22): per besluit the
    amount of the month computed by the Regelkern, with its uitleg."""
    uit = []
    kandidaten = Verlaging.objects.filter(zaak=zaak, besluit__status=Status.BEKENDGEMAAKT, besluit__soort=Soort.VERLAGING,
                                          opgelegd=True).select_related("besluit").order_by("id")
    for v in kandidaten:
        if maand not in {m["maand"] for m in v.maanden}:
            continue
        situatie = v.situatie
        sleutel = next(iter(situatie["huishoudens"]))
        uitkomst = bereken(situatie, maand, settings.MAATWERK_GEMEENTE, [PER_MAAND], uitleg=True)
        bedrag = uitkomst["resultaten"]["huishoudens"][sleutel][PER_MAAND]
        uitleg = [o["zin"] for o in uitkomst["uitleg"]["huishoudens"][sleutel][PER_MAAND]]
        uit.append({"verlaging": v.pk, "besluit": v.besluit.kenmerk,
                    "bedrag": str(Decimal(str(bedrag)).quantize(Decimal("0.01"))),
                    "uitleg": uitleg, "regel": f"{VSD}, artikelen 7:16, 7:20 tot en met 7:22 en 7:27"})
    return uit


# Why a rest is not carried forward (docs/verlaging.md): art. 7:22 lid 1 spreads only a verlaging of art. 7:21, over
# "de maand van oplegging ... en de volgende twee maanden", fixed in the besluit; art. 7:16 lid 3 imposes a part "dat
# nog niet is uitgevoerd" only "als gevolg van de beëindiging of intrekking van de uitkering" and when a new benefit
# follows within the term of 7:15 lid 1 b, and then by a new besluit (toelichting: "niet bij voorbaat").
GEEN_DOORSCHUIVEN = ("De verordening kent geen doorschuiven naar een volgende maand (artikel 7:22 verdeelt alleen een "
                     "verlaging van artikel 7:21, vast in het besluit; artikel 7:16, derde lid, vraagt bij beëindiging "
                     "van de uitkering een nieuw besluit).")


def voer_uit(maand: str, verlagingen: list[dict], uitkering: Decimal) -> list[dict]:
    """Withhold the verlagingen of `maand` (from `in_maand`) from the benefit of that month, oldest besluit first,
    never below nothing paid. Each gets `ingehouden` and `niet_uitgevoerd`; a rest gets an uitleg line and is recorded
    on its verlaging (per month, so a betaalbestand made again gives the same record), never silently lost."""
    ruimte = max(uitkering, Decimal("0.00"))
    for v in verlagingen:
        bedrag = Decimal(v["bedrag"])
        ingehouden = min(bedrag, ruimte)
        ruimte -= ingehouden
        rest = bedrag - ingehouden
        v["ingehouden"], v["niet_uitgevoerd"] = str(ingehouden), str(rest)
        if rest:
            v["uitleg"] = [*v["uitleg"], f"De uitkering van deze maand is te laag: {formaat.bedrag(ingehouden)} wordt "
                           f"ingehouden, {formaat.bedrag(rest)} wordt niet uitgevoerd. " + GEEN_DOORSCHUIVEN]
        _leg_rest_vast(v["verlaging"], maand, rest)
    return verlagingen


def _leg_rest_vast(pk: int, maand: str, rest: Decimal) -> None:
    with transaction.atomic():
        v = Verlaging.objects.select_for_update().get(pk=pk)
        if rest:
            v.niet_uitgevoerd[maand] = str(rest)
        elif maand in v.niet_uitgevoerd:
            del v.niet_uitgevoerd[maand]  # the benefit of that month turned out high enough after all
        else:
            return
        v.save(update_fields=["niet_uitgevoerd"])
