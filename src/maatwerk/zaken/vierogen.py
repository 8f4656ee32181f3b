"""Four eyes: when does a proposed decision need a second person, and recording that person's judgement.

A decision needs the approval of a kwaliteitsmedewerker (who is not the preparer) when
- the preparer has no mandate for the regeling in the mandate table (`Mandaatregel`, local policy; only his
  consulent roles count: a preparer who is also kwaliteitsmedewerker cannot lift his own limit), or
- the proposed amount exceeds the preparer's mandate, or is unknown while the mandate has a limit, or
- the decision deviates from policy (hardheidsclausule or buitenwettelijk begunstigend beleid): always.
The preparer is the user who moved the zaak to klaar_voor_besluit. The approver needs the kwaliteitsmedewerker
role and a mandate row for that role covering the amount.

One approval (issue 8, point 3). The kwaliteitsmedewerker judges once: the `Goedkeuring` is bound to the content
that carries the decision (`inhoud_van_voorstel`: regeling, outcome, amount and its period, the computation
used, the deviations and the current findings) by its SHA-256. Given on the zaak's proposal or on the concept
besluit, it is the same record and counts for both, as long as the content is the same: the besluit drafted from
an approved proposal with the same outcome and amount needs no second approval. Any change of that content (a
new amount, outcome, computation, deviation or finding) leaves the approval as history and asks again
(`vervallen_melding` says what changed). Editing the letter's text is no such change. In first instance an
approval counts only for the proposal it was given on (after the latest move to klaar_voor_besluit): a proposal
sent back and offered again is judged again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError

from maatwerk import formaat
from maatwerk.toegang import audit, beleid, rechten
from maatwerk.toegang.models import AuditRegel
from maatwerk.toegang.rollen import DOMEIN_VAN_ROL, KWALITEITSMEDEWERKER, heeft_rol, rol_naam, rollen
from maatwerk.zaken.fouten import ProcedureFout, VierOgenFout
from maatwerk.zaken.models import Goedkeuring, Mandaatregel, Status, Statusovergang, Uitkomst, Zaak
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


def laatste_klaarzetting(zaak: Zaak) -> Statusovergang | None:
    """The latest move to klaar_voor_besluit: in first instance an approval counts only from there on."""
    return _laatste_klaarzetting(zaak)


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


# ------------------------------------------------------------------ the content an approval is bound to

TOEKENNING_UITKOMSTEN = (Uitkomst.TOEGEKEND, Uitkomst.GEDEELTELIJK_TOEGEKEND)


def _bedrag_tekst(bedrag) -> str | None:
    return None if bedrag is None else f"{Decimal(bedrag):.2f}"


def beoordeelde_inhoud(zaak: Zaak, *, uitkomst: str, bedrag, periode: str, berekening_id: int | None,
                       vervangt_id: int | None = None) -> dict:
    """The content a second person judges, as plain JSON. Besides what the caller gives (the proposal or the
    besluit), the deviations (`geldende_afwijkingen`) and the current discretionary findings of the zaak: a new
    deviation, or a finding recorded again, is a different content. `vervangt` separates a herziening from the
    first decision."""
    return {
        "regeling": zaak.regeling,
        "uitkomst": uitkomst or "",
        "bedrag": _bedrag_tekst(bedrag),
        "periode": periode or "",
        "berekening": berekening_id,
        "afwijkingen": sorted(geldende_afwijkingen(zaak).values_list("id", flat=True)),
        "bevindingen": sorted([c, i, w] for c, i, w in zaak.actuele_bevindingen().values_list("criterium", "id", "waarde")),
        "vervangt": vervangt_id,
    }


def inhoud_van_voorstel(zaak: Zaak) -> dict:
    """The zaak's proposal as the besluit drafted from it will carry it (`besluiten.services.opstellen`): the
    amount, the default period of the amount for an income grant (a label, Pw art. 35/36/36b), and the latest
    computation of a regeling that computes."""
    from maatwerk.besluiten.services import STANDAARD_PERIODE  # the besluit's default, one place
    from maatwerk.zaken.beoordeling import laatste_berekening
    from maatwerk.zaken.regelingen import INKOMEN

    periode = ""
    if zaak.domein == INKOMEN and zaak.voorstel_uitkomst in TOEKENNING_UITKOMSTEN:
        periode = STANDAARD_PERIODE.get(zaak.regeling, "")
    berekening = laatste_berekening(zaak) if zaak.definitie.heeft_regelkern else None
    return beoordeelde_inhoud(zaak, uitkomst=zaak.voorstel_uitkomst, bedrag=zaak.voorstel_bedrag, periode=periode,
                              berekening_id=berekening.pk if berekening else None)


def inhoud_sha256(inhoud: dict) -> str:
    return hashlib.sha256(json.dumps(inhoud, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _uitkomst_label(code: str) -> str:
    if not code:
        return "geen uitkomst"
    if code in Uitkomst.values:
        return Uitkomst(code).label
    from maatwerk.besluiten.models import Soort

    return Soort(code).label if code in Soort.values else code


def _periode_label(code: str) -> str:
    from maatwerk.besluiten.models import Periode

    return Periode(code).label if code in Periode.values else (code or "geen periode")


def _bedrag_lezen(tekst) -> str:
    return "geen bedrag" if tekst is None else formaat.bedrag(Decimal(tekst))


def samenvatting(zaak: Zaak, inhoud: dict) -> str:
    """What was judged, in words a person reads (kept with the approval)."""
    delen = [f"{zaak.definitie.naam}: {_uitkomst_label(inhoud.get('uitkomst', ''))}"]
    if inhoud.get("bedrag") is not None:
        bedrag = _bedrag_lezen(inhoud["bedrag"])
        delen.append(f"{bedrag} ({_periode_label(inhoud['periode'])})" if inhoud.get("periode") else bedrag)
    if inhoud.get("berekening"):
        delen.append("met de berekening van de Regelkern die toen de laatste was")
    aantal = len(inhoud.get("afwijkingen") or [])
    if aantal:
        delen.append(f"{aantal} afwijking{'en' if aantal > 1 else ''} van beleid")
    aantal = len(inhoud.get("bevindingen") or [])
    if aantal:
        delen.append(f"{aantal} bevinding{'en' if aantal > 1 else ''}")
    return ", ".join(delen) + "."


def verschillen(oud: dict, nieuw: dict) -> list[str]:
    """What changed between the judged content and the current one, in Dutch (for "geldt niet meer")."""
    if not oud:
        return ["de goedkeuring is gegeven vóór de binding aan de inhoud"]
    uit = []
    if oud.get("uitkomst") != nieuw.get("uitkomst"):
        uit.append(f"de uitkomst is gewijzigd van '{_uitkomst_label(oud.get('uitkomst', ''))}' naar "
                   f"'{_uitkomst_label(nieuw.get('uitkomst', ''))}'")
    if oud.get("bedrag") != nieuw.get("bedrag"):
        uit.append(f"het bedrag is gewijzigd van {_bedrag_lezen(oud.get('bedrag'))} naar {_bedrag_lezen(nieuw.get('bedrag'))}")
    if oud.get("periode") != nieuw.get("periode"):
        uit.append(f"de periode van het bedrag is gewijzigd van {_periode_label(oud.get('periode', ''))} naar "
                   f"{_periode_label(nieuw.get('periode', ''))}")
    if oud.get("berekening") != nieuw.get("berekening"):
        uit.append("er is een andere berekening gebruikt")
    if oud.get("afwijkingen") != nieuw.get("afwijkingen"):
        uit.append("er is een afwijking van beleid bijgekomen of gewijzigd")
    if oud.get("bevindingen") != nieuw.get("bevindingen"):
        uit.append("een bevinding is opnieuw vastgelegd")
    if oud.get("regeling") != nieuw.get("regeling") or oud.get("vervangt") != nieuw.get("vervangt"):
        uit.append("het gaat om een ander besluit")
    return uit


def goedkeuring_voor(zaak: Zaak, inhoud: dict, uitgesloten: set[int], sinds=None) -> Goedkeuring | None:
    """The approval that counts for `inhoud`: the latest judgement on exactly this content (since `sinds`) by
    someone not in `uitgesloten`, if it was akkoord. A later "niet akkoord" on the same content wins."""
    qs = zaak.goedkeuringen.filter(inhoud_sha256=inhoud_sha256(inhoud))
    if sinds is not None:
        qs = qs.filter(op__gte=sinds)
    laatste = qs.exclude(door_id__in=uitgesloten).order_by("-op", "-id").first()
    return laatste if laatste is not None and laatste.akkoord else None


def vervallen_melding(zaak: Zaak, inhoud: dict, uitgesloten: set[int], sinds=None) -> str | None:
    """When an earlier approval (for the same decision: same regeling and `vervangt`) no longer counts for the
    current content: the Dutch sentence that says so and why. None when there is none or it still counts."""
    if goedkeuring_voor(zaak, inhoud, uitgesloten, sinds) is not None:
        return None
    vorige = (zaak.goedkeuringen.filter(akkoord=True).exclude(door_id__in=uitgesloten).select_related("door")
              .order_by("-op", "-id"))
    vorige = next((g for g in vorige if not g.inhoud or g.inhoud.get("vervangt") == inhoud.get("vervangt")), None)
    if vorige is None:
        return None
    redenen = [r for r in verschillen(vorige.inhoud, inhoud) if r]
    if not redenen:
        later = zaak.goedkeuringen.filter(inhoud_sha256=vorige.inhoud_sha256, akkoord=False, op__gte=vorige.op).exists()
        redenen = ["daarna is niet akkoord gegeven" if later else "het voorstel is daarna opnieuw klaargezet"]
    return (f"De goedkeuring van {vorige.door.get_username()} op {formaat.datumtijd(vorige.op)} geldt niet meer: "
            f"{'; '.join(redenen)}. Er is opnieuw goedkeuring van een kwaliteitsmedewerker nodig.")


def geldige_goedkeuring(zaak: Zaak) -> Goedkeuring | None:
    """The approval that counts for the zaak's current proposal (given on it or on the besluit drafted from it)."""
    klaar = _laatste_klaarzetting(zaak)
    if klaar is None:
        return None
    return goedkeuring_voor(zaak, inhoud_van_voorstel(zaak), betrokkenen(zaak), sinds=klaar.op)


def vervallen_voorstel(zaak: Zaak) -> str | None:
    """"De goedkeuring van … geldt niet meer: …" for the current proposal, or None."""
    klaar = _laatste_klaarzetting(zaak)
    if klaar is None or zaak.status != Status.KLAAR_VOOR_BESLUIT:
        return None
    return vervallen_melding(zaak, inhoud_van_voorstel(zaak), betrokkenen(zaak), sinds=klaar.op)


def controleer_goedkeuringsmandaat(gebruiker, zaak: Zaak, bedrag) -> None:
    """The approver needs a mandate row for the kwaliteitsmedewerker role covering the amount (mandaattabel)."""
    m = mandaat(gebruiker, zaak.regeling, alleen_rollen=[KWALITEITSMEDEWERKER])
    if not m.heeft_mandaat or (m.max_bedrag is not None and (bedrag is None or bedrag > m.max_bedrag)):
        grens = "geen" if not m.heeft_mandaat else f"tot en met {formaat.bedrag(m.max_bedrag)}"
        raise VierOgenFout(
            f"Dit voorstel valt buiten uw goedkeuringsmandaat voor {zaak.definitie.naam} ({grens}; mandaattabel).",
            code="buiten_mandaat",
        )


def leg_oordeel_vast(zaak: Zaak, gebruiker, grond, *, akkoord, toelichting, inhoud: dict, uitgesloten: set[int],
                     sinds=None, besluit=None, terug_naar_beoordeling: bool) -> Goedkeuring:
    """Record one judgement on `inhoud`. The caller checked access and holds the zaak's lock (`vergrendel`):
    of two kwaliteitsmedewerkers approving at once, the second finds the first one's approval and gets a 409."""
    if gebruiker.pk in uitgesloten:
        raise VierOgenFout(
            "Vier-ogenprincipe: u heeft aan dit voorstel of besluit zelf gewerkt (behandelaar, klaargezet, een bevinding, "
            "afwijking, berekening of rapportage vastgelegd, of het besluit opgesteld of gewijzigd). Een andere "
            "kwaliteitsmedewerker moet het beoordelen.", code="zelfde_persoon",
        )
    if not isinstance(akkoord, bool):
        raise ValidationError({"akkoord": ["Geef true (akkoord) of false (niet akkoord)."]})
    toelichting = (toelichting or "").strip() if isinstance(toelichting, str) else ""
    if not akkoord and len(toelichting) < MIN_TOELICHTING:
        raise ValidationError({"toelichting": [f"Licht toe waarom u niet akkoord gaat (ten minste {MIN_TOELICHTING} tekens)."]})
    al = goedkeuring_voor(zaak, inhoud, uitgesloten, sinds)
    if al is not None:
        raise ProcedureFout(
            f"Deze inhoud is al goedgekeurd door {al.door.get_username()} op {formaat.datumtijd(al.op)}; die goedkeuring "
            "geldt voor het voorstel en het besluit. Er is geen tweede goedkeuring nodig.", code="al_goedgekeurd",
        )
    if akkoord:
        controleer_goedkeuringsmandaat(gebruiker, zaak, None if inhoud["bedrag"] is None else Decimal(inhoud["bedrag"]))
    goedkeuring = Goedkeuring.objects.create(
        zaak=zaak, besluit=besluit, akkoord=akkoord, toelichting=toelichting, door=gebruiker,
        inhoud_sha256=inhoud_sha256(inhoud), inhoud=inhoud, samenvatting=samenvatting(zaak, inhoud),
    )
    waarop = f"besluit {besluit.kenmerk}" if besluit is not None else "voorstel"
    audit.log(gebruiker, beleid.CHANGE, grond, zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp="goedkeuring",
              toelichting=f"{'akkoord' if akkoord else 'niet akkoord'} ({waarop}; inhoud {goedkeuring.inhoud_sha256[:12]})")
    if not akkoord and terug_naar_beoordeling:
        from maatwerk.zaken import procedure

        procedure.voer_uit(zaak, Status.BEOORDELING, gebruiker, reden=f"Niet akkoord (vier ogen): {toelichting}",
                           handeling=rechten.VIER_OGEN_GOEDKEUREN)
    return goedkeuring


def _vereis_goedkeurder(gebruiker, zaak: Zaak, onderwerp: str):
    """Rights table: vier_ogen_goedkeuren (a kwaliteitsmedewerker, only while the mandate table asks for it)."""
    grond = beleid.grond_zaak(gebruiker, zaak, beleid.CHANGE, handeling=rechten.VIER_OGEN_GOEDKEUREN)
    if not grond.toegestaan:
        if not heeft_rol(gebruiker, KWALITEITSMEDEWERKER):
            beleid.audit_weigering(gebruiker, zaak, onderwerp, "Alleen een kwaliteitsmedewerker kan een besluit goedkeuren.")
        beleid.vereis_zaak(gebruiker, zaak, beleid.CHANGE, onderwerp=onderwerp, handeling=rechten.VIER_OGEN_GOEDKEUREN)
    return grond


@wijzigt_zaak
def keur_goed(zaak: Zaak, gebruiker, *, akkoord: bool, toelichting: str = "") -> Goedkeuring:
    """The second person's judgement on the zaak's proposal; it also counts for the besluit drafted from it with
    the same content. Without akkoord the zaak goes back to beoordeling with the reason.
    Rights table: vier_ogen_goedkeuren, only for a zaak that needs it and never on one's own work."""
    grond = _vereis_goedkeurder(gebruiker, zaak, "goedkeuring")
    klaar = _laatste_klaarzetting(zaak)
    if zaak.status != Status.KLAAR_VOOR_BESLUIT or klaar is None:
        raise ProcedureFout("Er ligt geen voorstel klaar voor besluit om goed te keuren.", code="niet_klaar")
    return leg_oordeel_vast(zaak, gebruiker, grond, akkoord=akkoord, toelichting=toelichting,
                            inhoud=inhoud_van_voorstel(zaak), uitgesloten=betrokkenen(zaak), sinds=klaar.op,
                            terug_naar_beoordeling=True)


# ------------------------------------------------------------------ the kwaliteitsmedewerker's review list


@dataclass
class TeBeoordelen:
    """One item of the review list: the zaak, the concept besluit when that is what needs the judgement, why a
    second person is needed, and (when an earlier approval no longer counts) what changed."""

    zaak: Zaak
    besluit: object | None
    redenen: list[str]
    vervallen: str | None = None
    afgekeurd: object | None = None  # the latest "niet akkoord" on this content: waiting for the consulent


def te_beoordelen(gebruiker, zaken) -> tuple[list[TeBeoordelen], list[TeBeoordelen]]:
    """Of `zaken` (those the user may see), what needs this user's second judgement now: a proposal klaar voor
    besluit or a concept besluit whose content needs four eyes (mandate table, deviation) and has no valid
    approval yet, and that is not his own work. Never a zaak within the preparer's mandate. Second list: concept
    besluiten whose current content was judged "niet akkoord", waiting for the consulent."""
    from maatwerk.besluiten import services as besluiten
    from maatwerk.besluiten.models import Status as BesluitStatus

    nodig: list[TeBeoordelen] = []
    wacht: list[TeBeoordelen] = []
    for zaak in zaken:
        concepten = list(zaak.besluiten.filter(status=BesluitStatus.CONCEPT).order_by("id"))
        voorstel_gedekt = False
        if zaak.status == Status.KLAAR_VOOR_BESLUIT:
            o = oordeel(zaak)
            if o.vereist and gebruiker.pk not in betrokkenen(zaak):
                if geldige_goedkeuring(zaak) is None:
                    nodig.append(TeBeoordelen(zaak, None, o.redenen, vervallen_voorstel(zaak)))
                    voorstel_gedekt = True
        for besluit in concepten:
            v = besluiten.vier_ogen(besluit)
            if not v.vereist or gebruiker.pk in besluiten.eigen_werk(besluit):
                continue
            if besluiten.geldige_goedkeuring(besluit) is not None:
                continue
            laatste = besluiten.laatste_oordeel(besluit)
            if laatste is not None and not laatste.akkoord:
                wacht.append(TeBeoordelen(zaak, besluit, v.redenen, afgekeurd=laatste))
            elif not voorstel_gedekt:
                nodig.append(TeBeoordelen(zaak, besluit, v.redenen, besluiten.vervallen_besluit(besluit)))
    return nodig, wacht


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
