"""Free access in the zaak flow (issue 10, point 5; Verordening Sociaal Domein Lansingerland 2018, artikel 5:2).

5:2 lid 1: "De volgende overige voorzieningen zijn beschikbaar: a. preventieve diensten [...] b. ambulante jeugd-
en opvoedhulp tot en met maximaal 5 contactmomenten"; lid 2 onder b: "ambulante jeugd- en opvoedhulp meer dan 5
contactmomenten" is an individuele voorziening. Only for an individuele voorziening does the college give a
beschikking (5:4a lid 1). The consulent records the asked help; the Regelkern (`jeugdhulp_vrij_toegankelijk`, the
limit is the dated parameter `jeugd.toegang.vrij_toegankelijk_max_contactmomenten`) answers with its uitleg:
- vrij toegankelijk: the zaak records "geen beschikking nodig" with the rule, its source and uitleg, and is closed
  (the step to 'ingetrokken', with that reason: the procedure has no separate end state for "settled without a
  beschikking", see the report of issue 10);
- otherwise the outcome is recorded and the normal route (5:3 or 5:4, then a beschikking) continues.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError

from maatwerk.toegang import audit, beleid
from maatwerk.zaken import procedure
from maatwerk.zaken.beoordeling import _vereis_wijzigen, maand_van
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.jeugdmodellen import VrijeToegang
from maatwerk.zaken.models import EINDSTATUSSEN, Status, Zaak
from maatwerk.zaken.vergrendeling import wijzigt_zaak

REGEL = "jeugd.vrij_toegankelijk"
# The forms of help of artikel 5:2, the Regelkern's codes (`regels/variables/jeugd_toegang.JeugdhulpVorm`).
VORMEN = {
    "ambulante_jeugd_en_opvoedhulp": "Ambulante jeugd- en opvoedhulp (artikel 5:2, eerste lid onder b, of tweede lid onder b)",
    "preventieve_dienst": "Preventieve dienst: informatie, advies, training, jeugdgezondheidszorg of opvoedondersteuning "
                          "(artikel 5:2, eerste lid onder a)",
    "andere_individuele_voorziening": "Andere jeugdhulp, een individuele voorziening (artikel 5:2, tweede lid onder a en "
                                      "c tot en met m)",
}
MAX_CONTACTMOMENTEN = 1000
GEEN_BESCHIKKING = ("Geen beschikking nodig: de gevraagde hulp is vrij toegankelijk (Verordening Sociaal Domein "
                    "Lansingerland 2018, artikel 5:2, eerste lid; artikel 5:4a, eerste lid).")


def _controleer(vorm, contactmomenten) -> int:
    fouten = {}
    if vorm not in VORMEN:
        fouten["vorm"] = ["Kies de vorm van de gevraagde hulp (artikel 5:2)."]
    try:
        aantal = int(str(contactmomenten if contactmomenten not in (None, "") else 0).strip())
    except ValueError:
        fouten["contactmomenten"] = ["Vul het aantal contactmomenten in als een heel getal, bijvoorbeeld 5."]
        aantal = 0
    else:
        if aantal < 0:
            fouten["contactmomenten"] = ["Het aantal contactmomenten kan niet negatief zijn."]
        elif aantal > MAX_CONTACTMOMENTEN:
            fouten["contactmomenten"] = [f"Het aantal contactmomenten is onwaarschijnlijk hoog (meer dan {MAX_CONTACTMOMENTEN})."]
        elif vorm == "ambulante_jeugd_en_opvoedhulp" and aantal == 0:
            fouten["contactmomenten"] = ["Vul het aantal gevraagde contactmomenten in (ten minste 1)."]
    if fouten:
        raise ValidationError(fouten)
    return aantal


def beoordeel(zaak: Zaak, vorm: str, contactmomenten: int) -> tuple[bool, dict]:
    """The Regelkern's answer for the month of the melding: (vrij toegankelijk, uitleg of that rule)."""
    from maatwerk.regels.berekening import bereken as regelkern

    maand = maand_van(zaak.ontvangen_op)
    geboren = zaak.hoofdpersoon.geboortedatum
    situatie = {"personen": {"jeugdige": {
        "geboortedatum": geboren.isoformat() if geboren else "2010-01-01",
        "jeugdhulp_vorm": {maand: vorm},
        "jeugdhulp_contactmomenten": {maand: contactmomenten},
    }}, "huishoudens": {"h": {"partners": ["jeugdige"]}}}
    uitkomst = regelkern(situatie, maand, settings.MAATWERK_GEMEENTE, ["jeugdhulp_vrij_toegankelijk"], True)
    vrij = bool(uitkomst["resultaten"]["personen"]["jeugdige"]["jeugdhulp_vrij_toegankelijk"])
    uitleg = uitkomst.get("uitleg", {}).get("personen", {}).get("jeugdige", {}).get("jeugdhulp_vrij_toegankelijk", [])
    return vrij, {"maand": maand, "overwegingen": uitleg}


@wijzigt_zaak
def leg_vrije_toegang_vast(zaak: Zaak, gebruiker, *, vorm: str, contactmomenten=0, toelichting: str = "") -> VrijeToegang:
    """Record the asked help in the terms of 5:2; close the zaak without a beschikking when it is vrij toegankelijk."""
    grond = _vereis_wijzigen(gebruiker, zaak, "vrije toegang", "artikel 5:2")
    if zaak.regeling != "jeugdhulp":
        raise ProcedureFout("Vrij toegankelijke jeugdhulp legt u alleen vast op een zaak jeugdhulp.", code="geen_jeugdhulp")
    if zaak.status in EINDSTATUSSEN or zaak.status == Status.KLAAR_VOOR_BESLUIT:
        raise ProcedureFout(
            f"Of de hulp vrij toegankelijk is, legt u vast zolang de zaak open is en er nog geen besluit wordt "
            f"voorbereid; deze zaak heeft status '{zaak.get_status_display()}'.", code="geen_beoordeling")
    aantal = _controleer(vorm, contactmomenten)
    toelichting = str(toelichting or "").strip()[:2000]
    vrij, uitleg = beoordeel(zaak, vorm, aantal)
    record = VrijeToegang.objects.create(zaak=zaak, vorm=vorm, contactmomenten=aantal, vrij_toegankelijk=vrij,
                                         uitleg=uitleg, toelichting=toelichting, vastgelegd_door=gebruiker)
    audit.log(gebruiker, beleid.CREATE, grond, zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp="vrije toegang",
              toelichting=f"artikel 5:2: {vorm}, {aantal} contactmomenten, vrij toegankelijk: {'ja' if vrij else 'nee'}")
    if vrij:
        # 5:4a lid 1: a beschikking only for an individuele voorziening; this help is an overige voorziening.
        procedure.voer_uit(zaak, Status.INGETROKKEN, gebruiker, reden=GEEN_BESCHIKKING)
    return record


def laatste(zaak: Zaak) -> VrijeToegang | None:
    return zaak.vrije_toegang.order_by("-id").first()


def uitkomst_tekst(record: VrijeToegang) -> str:
    """What the zaak says about the outcome, in plain Dutch."""
    if record.vrij_toegankelijk:
        return ("Geen beschikking nodig. De gevraagde hulp is vrij toegankelijk: de jeugdige of de ouders kunnen er "
                "zonder besluit van de gemeente gebruik van maken.")
    return ("De gevraagde hulp is niet vrij toegankelijk. Het is een individuele voorziening: de gewone route gaat door "
            "(verwijzing door een arts, artikel 5:3, of onderzoek door de gemeente, artikel 5:4) en eindigt met een "
            "beschikking (artikel 5:4a).")
