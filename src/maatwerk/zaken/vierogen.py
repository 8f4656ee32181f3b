"""Four eyes: when does a proposed decision need a second person, and recording that person's judgement.

A decision needs the approval of a kwaliteitsmedewerker (who is not the preparer) when
- the preparer has no mandate for the regeling in the mandate table (`Mandaatregel`, local policy; only his
  consulent roles count: a preparer who is also kwaliteitsmedewerker cannot lift his own limit), or
- the proposed amount exceeds the preparer's mandate, or is unknown while the mandate has a limit, or
- the decision deviates from policy (hardheidsclausule or buitenwettelijk begunstigend beleid): always.
The preparer is the user who moved the zaak to klaar_voor_besluit. The approver needs the kwaliteitsmedewerker
role and a mandate row for that role covering the amount. An approval counts only for the proposal it was
given on (after the latest move to klaar_voor_besluit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError

from maatwerk import formaat
from maatwerk.toegang import audit, beleid, rechten
from maatwerk.toegang.models import AuditRegel
from maatwerk.toegang.rollen import DOMEIN_VAN_ROL, KWALITEITSMEDEWERKER, heeft_rol, rol_naam, rollen
from maatwerk.zaken.fouten import ProcedureFout, VierOgenFout
from maatwerk.zaken.models import Goedkeuring, Mandaatregel, Status, Statusovergang, Zaak
from maatwerk.zaken.vergrendeling import wijzigt_zaak

MIN_TOELICHTING = 20  # characters, for a refusal; a quality rule, not a legal figure


@dataclass
class Mandaat:
    heeft_mandaat: bool
    max_bedrag: Decimal | None  # None with heeft_mandaat: no amount limit
    rollen: list[str] = field(default_factory=list)


@dataclass
class VierOgenOordeel:
    vereist: bool
    redenen: list[str]
    voorbereider_id: int | None


def mandaat(gebruiker, regeling: str, alleen_rollen=None) -> Mandaat:
    """The mandate of `gebruiker` for `regeling` over his roles (optionally limited to `alleen_rollen`)."""
    eigen = rollen(gebruiker) if alleen_rollen is None else rollen(gebruiker) & set(alleen_rollen)
    regels = list(Mandaatregel.objects.filter(rol__in=eigen, regeling=regeling))
    if not regels:
        return Mandaat(False, None)
    namen = [r.rol for r in regels]
    if any(r.max_bedrag is None for r in regels):
        return Mandaat(True, None, namen)
    return Mandaat(True, max(r.max_bedrag for r in regels), namen)


# Shown where a deviation is recorded; the rule itself is `vereist_door_afwijking` (and `oordeel`).
REGEL_AFWIJKING = (
    "Een besluit dat afwijkt van beleid vraagt altijd goedkeuring van een tweede persoon: een kwaliteitsmedewerker "
    "die het voorstel niet zelf heeft voorbereid. Dat wordt gevraagd zodra het voorstel klaar is voor besluit."
)


def geldende_afwijkingen(zaak: Zaak):
    """The deviations that count for the decision. An `Afwijking` cannot be withdrawn in the current model
    (nothing is lost: a recorded one stays), so every recorded deviation counts; a withdrawal, once it exists,
    is excluded here and nowhere else."""
    return zaak.afwijkingen.all()


def vereist_door_afwijking(zaak: Zaak) -> bool:
    """True when a deviation from policy is recorded on the zaak: then a second person is always needed."""
    return geldende_afwijkingen(zaak).exists()


def _laatste_klaarzetting(zaak: Zaak) -> Statusovergang | None:
    return zaak.overgangen.filter(naar=Status.KLAAR_VOOR_BESLUIT).order_by("-op", "-id").first()


def oordeel(zaak: Zaak) -> VierOgenOordeel:
    """Whether the current proposal needs a second person, and why (Dutch sentences for the consulent)."""
    klaar = _laatste_klaarzetting(zaak)
    if zaak.status != Status.KLAAR_VOOR_BESLUIT or klaar is None:
        return VierOgenOordeel(False, ["Er ligt geen voorstel klaar voor besluit."], None)
    voorbereider = klaar.door
    redenen: list[str] = []
    for a in geldende_afwijkingen(zaak):
        redenen.append(f"Afwijking van beleid ({a.get_soort_display()}, {a.bron}): altijd een tweede persoon.")
    m = mandaat(voorbereider, zaak.regeling, alleen_rollen=DOMEIN_VAN_ROL)
    bedrag = zaak.voorstel_bedrag
    if not m.heeft_mandaat:
        redenen.append(f"{voorbereider.get_username()} heeft geen mandaat voor {zaak.definitie.naam} (mandaattabel).")
    elif m.max_bedrag is not None and bedrag is None:
        redenen.append(f"Het bedrag van het voorstel is onbekend; het mandaat reikt tot en met {formaat.bedrag(m.max_bedrag)}.")
    elif m.max_bedrag is not None and bedrag > m.max_bedrag:
        redenen.append(f"Het bedrag {formaat.bedrag(bedrag)} is hoger dan het mandaat van {formaat.bedrag(m.max_bedrag)} ({', '.join(rol_naam(r) for r in m.rollen)}).")
    return VierOgenOordeel(bool(redenen), redenen, voorbereider.pk)


# Audit subjects that are content of the proposal (not: status steps, which include the second person's own
# "niet akkoord", nor views).
INHOUD_VAN_ZAAK = ("zaak", "onderzoek", "ondersteuningsplan", "bevinding", "afwijking", "berekening")


def betrokkenen(zaak: Zaak) -> set[int]:
    """Users whose work the proposal is: they cannot be the second person ("his own approval is never enough
    for his own work", issue 7). The behandelaar, whoever wrote a current finding, a deviation, a computation or
    a version of the report or plan, whoever changed the zaak's data (the audit log records every change), and
    whoever moved the zaak to klaar_voor_besluit."""
    ids = set(zaak.actuele_bevindingen().values_list("door_id", flat=True))
    ids |= set(zaak.afwijkingen.values_list("door_id", flat=True))
    ids |= set(zaak.berekeningen.values_list("door_id", flat=True))
    ids |= set(zaak.onderzoekversies.values_list("door_id", flat=True))
    ids |= set(zaak.planversies.values_list("door_id", flat=True))
    if zaak.behandelaar_id:
        ids.add(zaak.behandelaar_id)
    ids |= set(AuditRegel.objects.filter(
        zaak=zaak, toegestaan=True, actie__in=(beleid.CREATE, beleid.CHANGE), onderwerp__in=INHOUD_VAN_ZAAK,
    ).exclude(gebruiker=None).values_list("gebruiker_id", flat=True))
    klaar = _laatste_klaarzetting(zaak)
    if klaar:
        ids.add(klaar.door_id)
    return ids


def geldige_goedkeuring(zaak: Zaak) -> Goedkeuring | None:
    klaar = _laatste_klaarzetting(zaak)
    if klaar is None:
        return None
    return zaak.goedkeuringen.filter(akkoord=True, op__gte=klaar.op).exclude(door_id__in=betrokkenen(zaak)).order_by("-op").first()


@wijzigt_zaak
def keur_goed(zaak: Zaak, gebruiker, *, akkoord: bool, toelichting: str = "") -> Goedkeuring:
    """The second person's judgement. Without akkoord the zaak goes back to beoordeling with the reason.
    Rights table: vier_ogen_goedkeuren, only for a zaak that needs it and never on one's own work."""
    grond = beleid.grond_zaak(gebruiker, zaak, beleid.CHANGE, handeling=rechten.VIER_OGEN_GOEDKEUREN)
    if not grond.toegestaan:
        if not heeft_rol(gebruiker, KWALITEITSMEDEWERKER):
            beleid.audit_weigering(gebruiker, zaak, "goedkeuring", "Alleen een kwaliteitsmedewerker kan een besluit goedkeuren.")
        beleid.vereis_zaak(gebruiker, zaak, beleid.CHANGE, onderwerp="goedkeuring", handeling=rechten.VIER_OGEN_GOEDKEUREN)
    if zaak.status != Status.KLAAR_VOOR_BESLUIT:
        raise ProcedureFout("Er ligt geen voorstel klaar voor besluit om goed te keuren.", code="niet_klaar")
    if gebruiker.pk in betrokkenen(zaak):
        raise VierOgenFout(
            "Vier-ogenprincipe: u heeft aan dit voorstel zelf gewerkt (behandelaar, klaargezet, een bevinding, afwijking, "
            "berekening of rapportage vastgelegd). Een andere kwaliteitsmedewerker moet het beoordelen.", code="zelfde_persoon",
        )
    if not isinstance(akkoord, bool):
        raise ValidationError({"akkoord": ["Geef true (akkoord) of false (niet akkoord)."]})
    if akkoord:
        m = mandaat(gebruiker, zaak.regeling, alleen_rollen=[KWALITEITSMEDEWERKER])
        bedrag = zaak.voorstel_bedrag
        if not m.heeft_mandaat or (m.max_bedrag is not None and (bedrag is None or bedrag > m.max_bedrag)):
            grens = "geen" if not m.heeft_mandaat else f"tot en met {formaat.bedrag(m.max_bedrag)}"
            raise VierOgenFout(
                f"Dit voorstel valt buiten uw goedkeuringsmandaat voor {zaak.definitie.naam} ({grens}; mandaattabel).",
                code="buiten_mandaat",
            )
    toelichting = (toelichting or "").strip()
    if not akkoord and len(toelichting) < MIN_TOELICHTING:
        raise ValidationError({"toelichting": [f"Licht toe waarom u niet akkoord gaat (ten minste {MIN_TOELICHTING} tekens)."]})
    goedkeuring = Goedkeuring.objects.create(zaak=zaak, akkoord=akkoord, toelichting=toelichting, door=gebruiker)
    audit.log(gebruiker, beleid.CHANGE, grond, zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp="goedkeuring",
              toelichting="akkoord" if akkoord else "niet akkoord")
    if not akkoord:
        from maatwerk.zaken import procedure

        procedure.voer_uit(zaak, Status.BEOORDELING, gebruiker, reden=f"Niet akkoord (vier ogen): {toelichting}",
                           handeling=rechten.VIER_OGEN_GOEDKEUREN)
    return goedkeuring


def controleer_besluit(zaak: Zaak, gebruiker) -> None:
    """Called by the procedure before klaar_voor_besluit -> besluit."""
    o = oordeel(zaak)
    if not o.vereist:
        return
    if geldige_goedkeuring(zaak) is None:
        raise VierOgenFout(
            "Vier-ogenprincipe: dit besluit vraagt eerst goedkeuring van een kwaliteitsmedewerker die het voorstel niet "
            f"zelf heeft voorbereid. Reden: {' '.join(o.redenen)}", code="goedkeuring_nodig",
        )
