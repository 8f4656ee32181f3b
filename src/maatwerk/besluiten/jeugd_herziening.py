"""Herziening, intrekking and terugvordering of a granted Jeugd besluit (issue 10, point 5; Verordening Sociaal
Domein Lansingerland 2018, artikel 5:7; Jeugdwet artikel 8.1.4): one step for the consulent_jeugd.

The consulent chooses the ground of 5:7 (each shown with its ordinance text, `besluiten.jeugd.GRONDEN_5_7`). This
makes a NEW besluit via the existing service (`services.stel_nieuw_besluit_op`, the old one never changes) and
records the ground on it (`besluiten.jeugd.leg_grond_vast`). For a pgb on ground a with intent (5:7 lid 3), the
value wrongly received is computed here: the pgb per month of the old besluit times the months given, and the
Regelkern gives the most that may be recovered with its uitleg. Whether to recover all or part stays the college's
discretion ("kan [...] geheel of gedeeltelijk"), written on the besluit.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from maatwerk import formaat
from maatwerk.besluiten import jeugd as jeugd_besluit, services
from maatwerk.besluiten.models import MET_VERSTREKKING, Besluit, Periode, Soort, Status, Vorm
from maatwerk.toegang import beleid
from maatwerk.zaken.fouten import ProcedureFout

SOORTEN = {Soort.HERZIENING.value: "Herziening", Soort.INTREKKING.value: "Intrekking"}
MAX_MAANDEN = 120


@dataclass(frozen=True)
class Uitkomst:
    besluit: Besluit
    ten_onrechte_genoten: Decimal | None
    maximum: Decimal | None
    uitleg: str


def gronden() -> list[dict]:
    """The grounds of 5:7 with their plain sentence and the quoted ordinance text."""
    return [{"code": code, "zin": zin, "bron": bron,
             "alleen_intrekking": code == "pgb_niet_binnen_termijn_aangewend"}
            for code, (zin, bron) in jeugd_besluit.GRONDEN_5_7.items()]


def kan_herzien(besluit: Besluit) -> bool:
    return (besluit.zaak.regeling == "jeugdhulp" and besluit.status == Status.BEKENDGEMAAKT
            and besluit.soort in MET_VERSTREKKING)


def ten_onrechte_genoten_pgb(besluit: Besluit, maanden) -> tuple[Decimal, str]:
    """The value of a pgb wrongly received: the monthly pgb of the besluit times the months (5:7 lid 3)."""
    try:
        aantal = int(str(maanden).strip())
    except (TypeError, ValueError):
        raise ValidationError({"maanden": ["Vul het aantal maanden in als een heel getal, bijvoorbeeld 3."]}) from None
    if aantal < 1 or aantal > MAX_MAANDEN:
        raise ValidationError({"maanden": [f"Vul een aantal maanden in van 1 tot en met {MAX_MAANDEN}."]})
    if besluit.vorm != Vorm.PGB or not besluit.pgb_bedrag or besluit.bedrag_periode != Periode.PER_MAAND:
        raise ValidationError({"maanden": ["Dit besluit heeft geen pgb per maand; vul het bedrag zelf in."]})
    waarde = (besluit.pgb_bedrag * aantal).quantize(Decimal("0.01"))
    return waarde, (f"Ten onrechte genoten: {aantal} maanden pgb van {formaat.bedrag(besluit.pgb_bedrag)} per maand = "
                    f"{formaat.bedrag(waarde)}.")


def herzie(vorig: Besluit, gebruiker, *, soort: str, grond: str, opzet: bool = False, maanden=None,
           ten_onrechte_genoten=None) -> Uitkomst:
    """Start a herziening or intrekking of a bekendgemaakt Jeugd besluit on a ground of 5:7 (one transaction)."""
    services._vereis(gebruiker, vorig, beleid.CHANGE, "besluit", f"herziening artikel 5:7 van {vorig.kenmerk}")
    if not kan_herzien(vorig):
        raise ProcedureFout("Een herziening of intrekking op grond van artikel 5:7 kan alleen voor een verstuurd "
                            "besluit over jeugdhulp dat iets toekent.", code="geen_jeugd_toekenning")
    if soort not in SOORTEN:
        raise ValidationError({"soort": ["Kies herziening of intrekking."]})
    if grond not in jeugd_besluit.GRONDEN_5_7:
        raise ValidationError({"grond": ["Kies een grond van artikel 5:7."]})
    uitleg = ""
    if maanden not in (None, ""):
        if ten_onrechte_genoten not in (None, ""):
            raise ValidationError({"maanden": ["Vul het aantal maanden pgb of het bedrag in, niet allebei."]})
        ten_onrechte_genoten, uitleg = ten_onrechte_genoten_pgb(vorig, maanden)
    with transaction.atomic():
        nieuw = services.stel_nieuw_besluit_op(vorig, gebruiker, soort=soort)
        maximum = jeugd_besluit.leg_grond_vast(nieuw, gebruiker, grond=grond, opzet=opzet,
                                               ten_onrechte_genoten=ten_onrechte_genoten)
    waarde = Decimal(str(ten_onrechte_genoten)) if ten_onrechte_genoten not in (None, "") else None
    if maximum is not None:
        uitleg = " ".join(d for d in (uitleg, _uitleg_maximum(grond, opzet, maximum)) if d)
    return Uitkomst(nieuw, waarde, maximum, uitleg)


def _uitleg_maximum(grond: str, opzet: bool, maximum: Decimal) -> str:
    if maximum > 0:
        return (f"Ten hoogste terug te vorderen: {formaat.bedrag(maximum)} (artikel 5:7, derde lid: na intrekking "
                "wegens opzettelijk onjuiste gegevens, geheel of gedeeltelijk).")
    return ("Niets terug te vorderen: dat kan alleen bij opzettelijk onjuiste of onvolledige gegevens (artikel 5:7, "
            "tweede lid onder a, en derde lid).")
