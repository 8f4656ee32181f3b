"""Preparing, approving, finalising and making known a besluit; corrections by a new besluit.

    opstellen (zaak klaar_voor_besluit, or aanvraag/beoordeling for buiten behandeling)
      └─► concept ──(wijzigen, overwegingen)──► goedkeuren (four eyes, when required)
            └─► vaststellen: every element of art. 4:6 / 5:5 present, approval valid for exactly this
                content, zaak moves to 'besluit' (or 'buiten_behandeling') through the procedure
                  └─► bekendmaken: the letter is rendered (HTML + PDF + SHA-256) and stored; the day of
                      bekendmaking starts the bezwaartermijn (Awb 6:8 lid 1). From here nothing changes.
    A correction, herziening or intrekking is a new besluit with `vervangt` (stel_nieuw_besluit_op).

Access is checked (and logged) through the core policy `maatwerk.toegang.beleid`; errors are Dutch:
ValidationError (bad input, 400), GeenToegang (403), ProcedureFout / VierOgenFout (409).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from maatwerk import formaat
from maatwerk.besluiten import beslissend
from maatwerk.besluiten import brief as briefmodule
from maatwerk.besluiten import briefcontrole, ontvangstbewijs
from maatwerk.besluiten.inhoud import melding_ontbrekend, ontbrekende_elementen
from maatwerk.besluiten.models import (
    AFSTEMMING,
    INHOUDSVELDEN,
    MET_VERSTREKKING,
    Besluit,
    Brief,
    Financiering,
    Gemeentegegevens,
    Herkomst,
    Overweging,
    Periode,
    Soort,
    SoortBron,
    Status,
    Vorm,
)
from maatwerk.brieven.leesbaarheid import meet_brief
from maatwerk.brieven.pdf import html_naar_pdf
from maatwerk.brieven.sjablonen import SjabloonFout
from maatwerk.personen.validators import valideer_verleden
from maatwerk.toegang import audit, beleid, rechten
from maatwerk.toegang.models import AuditRegel
from maatwerk.toegang.rollen import KWALITEITSMEDEWERKER, heeft_rol
from maatwerk.zaken import services as zaken_services
from maatwerk.zaken import vierogen
from maatwerk.zaken.fouten import ProcedureFout, VierOgenFout
from maatwerk.zaken.models import SoortAfwijking
from maatwerk.zaken.models import Status as ZaakStatus
from maatwerk.zaken.models import Uitkomst as ZaakUitkomst
from maatwerk.zaken.regelingen import INKOMEN, JEUGD, WMO
from maatwerk.zaken.vergrendeling import vergrendel

MIN_TOELICHTING = 20  # characters for a refusal; a quality rule, not a legal figure
MAX_ZINNEN_PER_OVERWEGING = 2  # brief: "each consideration in one or two plain sentences"

SOORT_VAN_VOORSTEL = {
    ZaakUitkomst.TOEGEKEND: Soort.TOEKENNING,
    ZaakUitkomst.GEDEELTELIJK_TOEGEKEND: Soort.GEDEELTELIJKE_TOEKENNING,
    ZaakUitkomst.AFGEWEZEN: Soort.AFWIJZING,
}
EERSTE_AANLEG = (Soort.TOEKENNING, Soort.GEDEELTELIJKE_TOEKENNING, Soort.AFWIJZING)
BUITEN_BEHANDELING_VANUIT = (ZaakStatus.AANVRAAG, ZaakStatus.BEOORDELING)
OPEN = (Status.CONCEPT, Status.VASTGESTELD)

# Default period of the amount per income scheme (Pw art. 35: costs, usually once; art. 36: once per year;
# art. 36b: per month). The consulent can change it; it is a label, not a figure.
STANDAARD_PERIODE = {
    "bijzondere_bijstand": Periode.EENMALIG,
    "individuele_inkomenstoeslag": Periode.EENMALIG,
    "individuele_studietoeslag": Periode.PER_MAAND,
    "algemene_bijstand": Periode.PER_MAAND,  # art. 19 Pw: per kalendermaand
}


# ------------------------------------------------------------------ helpers


def _vereis(gebruiker, besluit_of_zaak, actie: str, onderwerp: str, toelichting: str = "",
            handeling: str | None = rechten.BESLUIT_OPSTELLEN):
    """Access for `handeling` of the rights table (default: drafting and editing a besluit; None for viewing)."""
    zaak = getattr(besluit_of_zaak, "zaak", besluit_of_zaak)
    if actie == beleid.VIEW and handeling == rechten.BESLUIT_OPSTELLEN:
        handeling = None
    return beleid.vereis_zaak(gebruiker, zaak, actie, onderwerp=onderwerp, toelichting=toelichting, handeling=handeling)


def _log(gebruiker, grond, besluit: Besluit, actie: str, onderwerp: str, toelichting: str = "") -> None:
    audit.log(gebruiker, actie, grond, zaak=besluit.zaak, inwoner=besluit.zaak.hoofdpersoon, onderwerp=onderwerp,
              toelichting=f"besluit {besluit.kenmerk}; {toelichting}"[:300])


def _vereis_concept(besluit: Besluit) -> None:
    if besluit.status != Status.CONCEPT:
        raise ProcedureFout(
            f"Besluit {besluit.kenmerk} is {besluit.get_status_display()}; alleen een concept kan nog worden gewijzigd.",
            code="geen_concept",
        )


def aantal_zinnen(tekst: str) -> int:
    """Sentences as a reader counts them: ends at . ! ? (not in amounts like 1.234,56)."""
    tekst = re.sub(r"(?<=\d)\.(?=\d)", "", tekst.strip())
    return len([z for z in re.split(r"[.!?]+(?:\s+|$)", tekst) if z.strip()])


def _zin(tekst, veld: str = "zin") -> str:
    tekst = (tekst or "").strip() if isinstance(tekst, str) else ""
    if not tekst:
        raise ValidationError({veld: ["Schrijf de overweging in één of twee eenvoudige zinnen."]})
    if aantal_zinnen(tekst) > MAX_ZINNEN_PER_OVERWEGING:
        raise ValidationError({veld: [
            f"Een overweging heeft hoogstens {MAX_ZINNEN_PER_OVERWEGING} zinnen; deze heeft er {aantal_zinnen(tekst)}. "
            "Splits haar in twee overwegingen of maak haar korter."
        ]})
    return tekst


def _vervolgnummer(besluit: Besluit) -> int:
    laatste = besluit.overwegingen.order_by("-volgorde").values_list("volgorde", flat=True).first()
    return (laatste or 0) + 1


# ------------------------------------------------------------------ opstellen


def _open_besluit(zaak) -> Besluit | None:
    return zaak.besluiten.filter(status__in=OPEN).order_by("-id").first()


def opstellen(zaak, gebruiker, *, soort: str | None = None) -> Besluit:
    """A concept besluit from a zaak in klaar_voor_besluit (soort follows the proposal), or a 'buiten
    behandeling' besluit from a zaak in aanvraag/beoordeling. Filled with the proposal, the Regelkern's
    uitleg and the consulent's findings; the consulent edits it before it is vastgesteld."""
    # Access first and outside the transaction, so that a refusal stays in the audit log.
    grond = _vereis(gebruiker, zaak, beleid.CHANGE, "besluit", "opstellen")
    with transaction.atomic():
        return _opstellen(zaak, gebruiker, grond, soort)


def _opstellen(zaak, gebruiker, grond, soort: str | None) -> Besluit:
    zaak = vergrendel(zaak)  # two consulents at once: the second sees the first one's besluit in preparation
    if soort is not None and soort not in Soort.values:
        raise ValidationError({"soort": [f"Onbekende soort besluit '{soort}'; kies uit: {', '.join(Soort.values)}."]})
    open_ = _open_besluit(zaak)
    if open_ is not None:
        raise ProcedureFout(
            f"Voor deze zaak is al een besluit in voorbereiding ({open_.kenmerk}, {open_.get_status_display()}). "
            "Werk dat bij, of laat het vervallen.", code="besluit_bestaat",
        )
    if zaak.status == ZaakStatus.KLAAR_VOOR_BESLUIT:
        verwacht = SOORT_VAN_VOORSTEL.get(zaak.voorstel_uitkomst)
        soort = soort or verwacht
        if soort != verwacht:
            raise ProcedureFout(
                f"Het voorstel in de zaak is '{zaak.get_voorstel_uitkomst_display()}'; daarbij hoort een besluit "
                f"'{Soort(verwacht).label}'. Zet de zaak terug naar beoordeling om het voorstel te wijzigen.",
                code="soort_past_niet",
            )
    elif zaak.status in BUITEN_BEHANDELING_VANUIT and soort == Soort.BUITEN_BEHANDELING:
        pass
    else:
        raise ProcedureFout(
            f"Een besluit stelt u op als de zaak klaar is voor besluit; een besluit 'buiten behandeling stellen' als de "
            f"aanvraag in behandeling is (aanvraag of beoordeling). Deze zaak heeft status '{zaak.get_status_display()}'. "
            "Een herziening of intrekking maakt u vanuit het eerdere besluit.", code="zaak_niet_klaar",
        )

    # "Wat heeft u gevraagd?" is a neutral sentence from the regeling and the asked costs, never the consulent's
    # notes (zaak.omschrijving may hold health details: AVG art. 9). The consulent can still rewrite it.
    in_zin = briefmodule.REGELING_IN_ZIN.get(zaak.regeling, zaak.definitie.naam.lower())
    besluit = Besluit(zaak=zaak, soort=soort, opgesteld_door=gebruiker, aanvraag=beslissend.aanvraag_zin(zaak, in_zin))
    if soort in MET_VERSTREKKING and zaak.domein == INKOMEN:
        besluit.bedrag = zaak.voorstel_bedrag
        besluit.bedrag_periode = STANDAARD_PERIODE.get(zaak.regeling, "")
        besluit.vorm, besluit.financiering = Vorm.GELD, Financiering.OM_NIET
        besluit.voorziening = beslissend.STANDAARD_VOORZIENING.get(zaak.regeling, "")
    if zaak.definitie.heeft_regelkern:
        from maatwerk.zaken.beoordeling import laatste_berekening

        besluit.berekening = laatste_berekening(zaak)
    if soort in MET_VERSTREKKING and zaak.domein == WMO:
        # Art. 4:6 Vo: the pgb, the eigen bijdrage (and who collects it), omvang and duur from the Wmo computation.
        from maatwerk.besluiten import wmo_inhoud

        wmo_inhoud.vul_in(besluit, besluit.berekening)
    if zaak.regeling == "jeugdhulp":
        from maatwerk.besluiten import jeugd as jeugd_besluit

        jeugd_besluit.vul_voor(besluit)  # the computed pgb and the 5:5 elements it gives (artikel 5:5, 5:6)
    besluit.save()
    _vul_overwegingen(besluit)
    _log(gebruiker, grond, besluit, beleid.CREATE, "besluit", f"opgesteld ({soort})")
    return besluit


def _vul_overwegingen(besluit: Besluit) -> None:
    """The considerations of the letter: only what decided the outcome (issue 8; see `besluiten.beslissend`).
    Deviations (hardheidsclausule, beleidsregel) first, then the decisive findings in plain sentences, then the
    amount and refusal grounds from the Regelkern. The full trace is not copied: it stays on the Berekening and
    goes, readable, into the bijlage of the letter."""
    zaak = besluit.zaak
    nummer = 0

    def voeg_toe(**velden):
        nonlocal nummer
        nummer += 1
        Overweging.objects.create(besluit=besluit, volgorde=nummer, **velden)

    for a in zaak.afwijkingen.all():
        soort = SoortBron.VERORDENING if a.soort == SoortAfwijking.HARDHEIDSCLAUSULE else SoortBron.BELEIDSREGEL
        voeg_toe(zin=a.reden, bron=a.bron, soort=soort, herkomst=Herkomst.AFWIJKING, regel_id=f"afwijking.{a.soort}")
    toekenning = besluit.soort in (Soort.TOEKENNING, Soort.GEDEELTELIJKE_TOEKENNING)
    bevindingen = list(zaak.actuele_bevindingen().order_by("id"))
    # A refusal ground is present when a finding on a ground-type criterion is unfavourable (then a "nee" on
    # zeer dringende redenen, Pw art. 16, is decisive too).
    weigergrond = any(beslissend.bevinding_beslissend(b.criterium, b.waarde, toekenning=False, weigergrond=False)
                      for b in bevindingen if b.criterium not in beslissend.ALLEEN_BIJ_WEIGERGROND)
    if besluit.soort != Soort.BUITEN_BEHANDELING:
        for bevinding in bevindingen:
            if not beslissend.bevinding_beslissend(bevinding.criterium, bevinding.waarde, toekenning=toekenning,
                                                   weigergrond=weigergrond, volledig=besluit.soort == Soort.TOEKENNING):
                continue
            criterium = zaak.definitie.criterium(bevinding.criterium)
            voeg_toe(zin=beslissend.bevinding_zin(bevinding.criterium, bevinding.waarde, bevinding.motivering),
                     bron=criterium.bron if criterium else zaak.definitie.naam, soort=SoortBron.DISCRETIE,
                     herkomst=Herkomst.BEVINDING, regel_id=f"bevinding.{bevinding.criterium}", bevinding=bevinding)
    berekening = besluit.berekening
    variabele = zaak.definitie.uitkomst_variabele
    if berekening is not None and variabele and besluit.soort != Soort.BUITEN_BEHANDELING:
        for r in beslissend.regelkern_redenen(berekening.uitleg or {}, variabele, toekenning=toekenning):
            soort = r.soort if r.soort in SoortBron.values else SoortBron.WET
            voeg_toe(zin=r.zin, bron=r.bron or zaak.definitie.wet, soort=soort, herkomst=Herkomst.REGELKERN,
                     regel_id=r.regel, url=r.url)


# ------------------------------------------------------------------ wijzigen (concept)

KEUZEVELDEN = {"vorm": Vorm, "financiering": Financiering, "bedrag_periode": Periode}
WIJZIGBAAR = frozenset(v for v in INHOUDSVELDEN if not v.endswith("_id") and v not in ("soort",))


def wijzigen(besluit: Besluit, gebruiker, **velden) -> Besluit:
    """Change content fields of a concept. A change invalidates an earlier approval (it was given on the
    old content: see `geldige_goedkeuring`)."""
    grond = _vereis(gebruiker, besluit, beleid.CHANGE, "besluit", f"wijzigen: {', '.join(sorted(velden))}")
    _vereis_concept(besluit)
    onbekend = set(velden) - WIJZIGBAAR
    if onbekend:
        raise ValidationError({v: ["Dit veld kan hier niet worden gewijzigd."] for v in sorted(onbekend)})
    fouten: dict[str, list[str]] = {}
    for veld, keuzes in KEUZEVELDEN.items():
        if veld in velden and velden[veld] not in ("", None) and velden[veld] not in keuzes.values:
            fouten[veld] = [f"Kies uit: {', '.join(keuzes.values)}."]
    for veld in ("bedrag", "pgb_bedrag"):
        waarde = velden.get(veld)
        if waarde is not None and (not isinstance(waarde, Decimal) or waarde < 0):
            fouten[veld] = ["Geef een bedrag van 0 of meer."]
    if fouten:
        raise ValidationError(fouten)
    for veld, waarde in velden.items():
        setattr(besluit, veld, "" if waarde is None and veld in KEUZEVELDEN else waarde)
    if besluit.ingangsdatum and besluit.einddatum and besluit.einddatum < besluit.ingangsdatum:
        raise ValidationError({"einddatum": ["De einddatum ligt vóór de ingangsdatum."]})
    besluit.save()
    _log(gebruiker, grond, besluit, beleid.CHANGE, "besluit", f"gewijzigd: {', '.join(sorted(velden))}")
    return besluit


def overweging_toevoegen(besluit: Besluit, gebruiker, *, zin: str, bron: str, soort: str) -> Overweging:
    grond = _vereis(gebruiker, besluit, beleid.CHANGE, "overweging", "toevoegen")
    _vereis_concept(besluit)
    fouten = {}
    try:
        zin = _zin(zin)
    except ValidationError as fout:
        fouten.update(fout.message_dict)
    if not (bron or "").strip():
        fouten["bron"] = ["Noem de bron: wet, verordening of beleidsregel met artikel, of het criterium."]
    if soort not in SoortBron.values:
        fouten["soort"] = [f"Kies uit: {', '.join(SoortBron.values)}."]
    if fouten:
        raise ValidationError(fouten)
    overweging = Overweging.objects.create(besluit=besluit, volgorde=_vervolgnummer(besluit), zin=zin, bron=bron.strip()[:400],
                                           soort=soort, herkomst=Herkomst.CONSULENT)
    _log(gebruiker, grond, besluit, beleid.CHANGE, "overweging", "toegevoegd")
    return overweging


def overweging_wijzigen(overweging: Overweging, gebruiker, *, zin: str | None = None, bron: str | None = None) -> Overweging:
    """Rewrite a consideration in plain words (its source and kind stay, unless the consulent adds them)."""
    besluit = overweging.besluit
    grond = _vereis(gebruiker, besluit, beleid.CHANGE, "overweging", "wijzigen")
    _vereis_concept(besluit)
    if zin is not None:
        overweging.zin = _zin(zin)
    if bron is not None:
        if not bron.strip():
            raise ValidationError({"bron": ["De bron mag niet leeg zijn."]})
        overweging.bron = bron.strip()[:400]
    overweging.save()
    _log(gebruiker, grond, besluit, beleid.CHANGE, "overweging", f"gewijzigd ({overweging.pk})")
    return overweging


def overweging_verwijderen(overweging: Overweging, gebruiker) -> None:
    besluit = overweging.besluit
    grond = _vereis(gebruiker, besluit, beleid.CHANGE, "overweging", "verwijderen")
    _vereis_concept(besluit)
    overweging.delete()
    _log(gebruiker, grond, besluit, beleid.CHANGE, "overweging", "verwijderd")


def overwegingen_ordenen(besluit: Besluit, gebruiker, volgorde: list[int]) -> None:
    """Put the considerations in the given order (ids of all of them, each once): the letter lists the reasons in
    this order. Nothing else changes."""
    grond = _vereis(gebruiker, besluit, beleid.CHANGE, "overweging", "volgorde")
    _vereis_concept(besluit)
    bestaand = list(besluit.overwegingen.values_list("id", flat=True))
    if sorted(volgorde) != sorted(bestaand):
        raise ValidationError({"volgorde": ["Noem elke overweging van dit besluit precies één keer."]})
    for nummer, oid in enumerate(volgorde, start=1):
        Overweging.objects.filter(pk=oid, besluit=besluit).exclude(volgorde=nummer).update(volgorde=nummer)
    _log(gebruiker, grond, besluit, beleid.CHANGE, "overweging", "volgorde gewijzigd")


@dataclass(frozen=True)
class RedenRij:
    """One row of the reasons list as the consulent saves it: an existing consideration (`overweging_id`) or a
    new one (`overweging_id` None, then `bron` and `soort` are required). `bron` None keeps the source."""

    overweging_id: int | None
    zin: str
    bron: str | None = None
    soort: str | None = None
    verwijderen: bool = False


def _rij_fouten(rij: RedenRij, bestaand: Overweging | None) -> dict[str, list[str]]:
    fouten: dict[str, list[str]] = {}
    try:
        _zin(rij.zin)
    except ValidationError as fout:
        fouten.update(fout.message_dict)
    if rij.bron is not None and not rij.bron.strip():
        fouten["bron"] = ["Noem de bron: wet, verordening of beleidsregel met artikel, of het criterium."]
    if bestaand is None and rij.soort not in SoortBron.values:
        fouten["soort"] = ["Kies de soort bron: wet, verordening, beleidsregel of oordeel van de consulent."]
    return fouten


def overwegingen_bijwerken(besluit: Besluit, gebruiker, rijen: list[RedenRij]) -> list[Overweging]:
    """Save the whole list of reasons at once, in the order of `rijen` (the consulent edits them as one list).

    Every row is checked first; if any is wrong nothing is saved and the ValidationError has one entry per row
    and field, keyed "<rownumber>.<field>" (row numbers count from 1, as the page shows them). Then, under
    the zaak lock and in one transaction, the existing services change, remove and add the considerations,
    and `overwegingen_ordenen` stores the order. A source from the Regelkern is not changed here (`bron` None)."""
    _vereis(gebruiker, besluit, beleid.CHANGE, "overweging", "lijst bijwerken")
    _vereis_concept(besluit)
    bestaande = {o.pk: o for o in besluit.overwegingen.all()}
    fouten: dict[str, list[str]] = {}
    gezien: set[int] = set()
    for nummer, rij in enumerate(rijen, start=1):
        bestaand = None
        if rij.overweging_id is not None:
            bestaand = bestaande.get(rij.overweging_id)
            if bestaand is None or rij.overweging_id in gezien:
                fouten[f"{nummer}.zin"] = ["Deze overweging hoort niet (meer) bij dit besluit. Laad de pagina opnieuw."]
                continue
            gezien.add(rij.overweging_id)
        if rij.verwijderen:
            continue
        for veld, berichten in _rij_fouten(rij, bestaand).items():
            fouten[f"{nummer}.{veld}"] = berichten
    ontbrekend = set(bestaande) - gezien
    if ontbrekend:
        fouten["__all__"] = ["De lijst is intussen veranderd (een overweging ontbreekt). Laad de pagina opnieuw."]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        vergrendel(besluit.zaak)
        besluit.refresh_from_db()
        _vereis_concept(besluit)
        volgorde: list[int] = []
        for rij in rijen:
            o = bestaande.get(rij.overweging_id) if rij.overweging_id is not None else None
            if o is not None and rij.verwijderen:
                overweging_verwijderen(o, gebruiker)
            elif o is not None:
                zin, bron = rij.zin.strip(), (rij.bron.strip() if rij.bron is not None else None)
                if zin != o.zin or (bron is not None and bron != o.bron):
                    o = overweging_wijzigen(o, gebruiker, zin=zin, bron=bron if bron != o.bron else None)
                volgorde.append(o.pk)
            elif not rij.verwijderen:
                volgorde.append(overweging_toevoegen(besluit, gebruiker, zin=rij.zin, bron=rij.bron or "", soort=rij.soort).pk)
        if volgorde != list(besluit.overwegingen.order_by("volgorde", "id").values_list("id", flat=True)):
            overwegingen_ordenen(besluit, gebruiker, volgorde)
    return list(besluit.overwegingen.all())


def laat_vervallen(besluit: Besluit, gebruiker, *, reden: str) -> Besluit:
    grond = _vereis(gebruiker, besluit, beleid.CHANGE, "besluit", "vervallen")
    _vereis_concept(besluit)
    if len((reden or "").strip()) < 10:
        raise ValidationError({"reden": ["Geef een reden van ten minste 10 tekens."]})
    besluit.status = Status.VERVALLEN
    besluit.save()
    _log(gebruiker, grond, besluit, beleid.CHANGE, "besluit", f"vervallen: {reden.strip()}")
    return besluit


# ------------------------------------------------------------------ vier ogen


@dataclass(frozen=True)
class VierOgen:
    vereist: bool
    redenen: list[str]


def vier_ogen(besluit: Besluit) -> VierOgen:
    """Does finalising this besluit need a second person? The core mandate service decides (local policy):
    for a first-instance besluit the zaak's proposal (vierogen.oordeel); in every case also the preparer of
    this besluit against his own mandate for its amount."""
    zaak = besluit.zaak
    redenen: list[str] = []
    if besluit.vervangt_id is None and zaak.status == ZaakStatus.KLAAR_VOOR_BESLUIT:
        o = vierogen.oordeel(zaak)
        if o.vereist:
            redenen += o.redenen
    m = vierogen.mandaat(besluit.opgesteld_door, zaak.regeling)
    bedrag = besluit.bedrag if besluit.bedrag is not None else besluit.pgb_bedrag
    naam = besluit.opgesteld_door.get_username()
    if not m.heeft_mandaat:
        redenen.append(f"{naam} heeft geen mandaat voor {zaak.definitie.naam} (mandaattabel).")
    elif m.max_bedrag is not None and bedrag is not None and bedrag > m.max_bedrag:
        redenen.append(f"Het bedrag {formaat.bedrag(bedrag)} is hoger dan het mandaat van {naam} ({formaat.bedrag(m.max_bedrag)}).")
    return VierOgen(bool(redenen), list(dict.fromkeys(redenen)))


def eigen_werk(besluit: Besluit) -> set[int]:
    """Users whose work this besluit is, who therefore cannot be its second person (issue 7: "his own approval
    is never enough for his own work"): who drafted it, who changed its content or considerations (read from
    the audit log, which records every change with the besluit's kenmerk), and, in first instance, whoever
    worked on the zaak's proposal (`vierogen.betrokkenen`)."""
    ids = {besluit.opgesteld_door_id}
    ids |= set(AuditRegel.objects.filter(
        zaak_id=besluit.zaak_id, actie=beleid.CHANGE, toegestaan=True, onderwerp__in=("besluit", "overweging"),
        toelichting__startswith=f"besluit {besluit.kenmerk};",
    ).exclude(gebruiker=None).values_list("gebruiker_id", flat=True))
    if besluit.vervangt_id is None:
        ids |= vierogen.betrokkenen(besluit.zaak)
    return ids


def _eerste_aanleg(besluit: Besluit) -> bool:
    return besluit.vervangt_id is None and besluit.soort in EERSTE_AANLEG


def inhoud_van_besluit(besluit: Besluit) -> dict:
    """The content of this besluit a second person judges (`vierogen.beoordeelde_inhoud`): outcome, amount and
    its period, computation, deviations and findings; not the letter's text (overwegingen, toelichting, dates of
    the letter), which the consulent may still polish without a new approval. In first instance the outcome is
    the zaak's (toegekend, ...) and a besluit that names no amount (natura) carries the proposal's, so the
    besluit drafted from a proposal has the proposal's content and its approval (issue 8 point 3)."""
    zaak = besluit.zaak
    bedrag = besluit.bedrag if besluit.bedrag is not None else besluit.pgb_bedrag
    if _eerste_aanleg(besluit):
        uitkomst = UITKOMST_VAN_SOORT[besluit.soort]
        if bedrag is None:
            bedrag = zaak.voorstel_bedrag
    else:
        uitkomst = besluit.soort
    return vierogen.beoordeelde_inhoud(zaak, uitkomst=uitkomst, bedrag=bedrag, periode=besluit.bedrag_periode,
                                       berekening_id=besluit.berekening_id, vervangt_id=besluit.vervangt_id)


def _sinds(besluit: Besluit):
    """In first instance an approval counts from the latest move of the proposal to klaar_voor_besluit on."""
    if not _eerste_aanleg(besluit):
        return None
    klaar = vierogen.laatste_klaarzetting(besluit.zaak)
    return klaar.op if klaar else None


def geldige_goedkeuring(besluit: Besluit):
    """The approval that counts for this besluit's current content: given on it, or on the zaak's proposal with
    the same content (one approval); the latest judgement on that content, akkoord, by someone else."""
    return vierogen.goedkeuring_voor(besluit.zaak, inhoud_van_besluit(besluit), eigen_werk(besluit), _sinds(besluit))


def laatste_oordeel(besluit: Besluit):
    """The latest judgement (akkoord or not) on this besluit's current content by someone else, or None."""
    qs = besluit.zaak.goedkeuringen.filter(inhoud_sha256=vierogen.inhoud_sha256(inhoud_van_besluit(besluit)))
    sinds = _sinds(besluit)
    if sinds is not None:
        qs = qs.filter(op__gte=sinds)
    return qs.exclude(door_id__in=eigen_werk(besluit)).select_related("door").order_by("-op", "-id").first()


def vervallen_besluit(besluit: Besluit) -> str | None:
    """"De goedkeuring van … geldt niet meer: het bedrag is gewijzigd van € X naar € Y …", or None."""
    if besluit.status != Status.CONCEPT:
        return None
    return vierogen.vervallen_melding(besluit.zaak, inhoud_van_besluit(besluit), eigen_werk(besluit), _sinds(besluit))


def goedkeuren(besluit: Besluit, gebruiker, *, akkoord: bool, toelichting: str = ""):
    """The second person's judgement on this besluit's content: one `zaken.Goedkeuring`, which also counts for the
    zaak's proposal when the content is the same. Not the preparer; a kwaliteitsmedewerker with a mandate for the
    amount. In first instance "niet akkoord" sends the zaak back to beoordeling."""
    zaak = besluit.zaak
    # Rights table: vier_ogen_goedkeuren, only while the mandate table asks for a second person.
    if not heeft_rol(gebruiker, KWALITEITSMEDEWERKER):
        beleid.audit_weigering(gebruiker, zaak, "goedkeuring besluit", "Alleen een kwaliteitsmedewerker kan een besluit goedkeuren.")
    grond = _vereis(gebruiker, besluit, beleid.CHANGE, "goedkeuring besluit", handeling=rechten.VIER_OGEN_GOEDKEUREN)
    _vereis_concept(besluit)
    if not isinstance(akkoord, bool):
        raise ValidationError({"akkoord": ["Geef true (akkoord) of false (niet akkoord)."]})
    if akkoord and gebruiker.pk not in eigen_werk(besluit):
        ontbreekt = ontbrekende_elementen(besluit)
        if ontbreekt:
            raise ProcedureFout(melding_ontbrekend(ontbreekt), code="inhoud_onvolledig")
    with audit.verzamel_weigeringen(), transaction.atomic():
        # The zaak's lock: of two kwaliteitsmedewerkers judging at once, the second sees the first one's approval.
        zaak = vergrendel(zaak)
        besluit = Besluit.objects.select_related("zaak").get(pk=besluit.pk)
        _vereis_concept(besluit)
        goedkeuring = vierogen.leg_oordeel_vast(
            zaak, gebruiker, grond, akkoord=akkoord, toelichting=toelichting, inhoud=inhoud_van_besluit(besluit),
            uitgesloten=eigen_werk(besluit), sinds=_sinds(besluit), besluit=besluit,
            terug_naar_beoordeling=_eerste_aanleg(besluit) and zaak.status == ZaakStatus.KLAAR_VOOR_BESLUIT,
        )
    return goedkeuring


# ------------------------------------------------------------------ vaststellen en bekendmaken


def controleer_vaststelling(besluit: Besluit) -> None:
    """Everything that must hold before a besluit is vastgesteld (raises ProcedureFout in Dutch)."""
    zaak = besluit.zaak
    ontbreekt = ontbrekende_elementen(besluit)
    if ontbreekt:
        raise ProcedureFout(melding_ontbrekend(ontbreekt), code="inhoud_onvolledig")
    if zaak.regeling == "jeugdhulp":
        from maatwerk.besluiten import jeugd as jeugd_besluit

        if melding := jeugd_besluit.ontbrekende_grond(besluit):  # artikel 5:7: a herziening rests on a ground
            raise ProcedureFout(melding, code="inhoud_onvolledig")
    for i, o in enumerate(besluit.overwegingen.all(), start=1):
        if aantal_zinnen(o.zin) > MAX_ZINNEN_PER_OVERWEGING:
            raise ProcedureFout(
                f"Overweging {i} telt {aantal_zinnen(o.zin)} zinnen. Schrijf elke overweging in één of twee eenvoudige "
                "zinnen; de brief moet voor iedereen te lezen zijn.", code="overweging_te_lang",
            )
    if besluit.vervangt_id is not None:
        vorig = besluit.vervangt
        if vorig.zaak_id != zaak.pk:
            raise ProcedureFout("Een besluit kan alleen een besluit in dezelfde zaak vervangen.", code="andere_zaak")
        ander = vorig.vervangen_door.exclude(pk=besluit.pk).filter(status__in=(Status.VASTGESTELD, Status.BEKENDGEMAAKT)).first()
        if ander is not None:
            raise ProcedureFout(f"Besluit {vorig.kenmerk} is al vervangen door {ander.kenmerk}.", code="al_vervangen")
    elif besluit.soort in AFSTEMMING:
        from maatwerk.besluiten import verlaging

        verlaging.controleer_vaststelling(besluit)  # issue 11: on a running benefit, not on the aanvraag
    elif besluit.soort == Soort.BUITEN_BEHANDELING:
        if zaak.status not in BUITEN_BEHANDELING_VANUIT:
            raise ProcedureFout(f"De zaak heeft status '{zaak.get_status_display()}'; buiten behandeling stellen kan alleen "
                                "tijdens de behandeling van de aanvraag.", code="zaak_niet_klaar")
    else:
        if zaak.status != ZaakStatus.KLAAR_VOOR_BESLUIT:
            raise ProcedureFout(f"De zaak heeft status '{zaak.get_status_display()}', niet 'klaar voor besluit'.",
                                code="zaak_niet_klaar")
        if SOORT_VAN_VOORSTEL.get(zaak.voorstel_uitkomst) != besluit.soort:
            raise ProcedureFout(f"Het voorstel in de zaak is '{zaak.get_voorstel_uitkomst_display()}'; dit besluit is een "
                                f"{besluit.get_soort_display()}.", code="soort_past_niet")
        if (zaak.domein == INKOMEN and besluit.soort in MET_VERSTREKKING and zaak.voorstel_bedrag is not None
                and besluit.bedrag != zaak.voorstel_bedrag):
            raise ProcedureFout(
                f"Het bedrag in het besluit ({formaat.bedrag(besluit.bedrag)}) wijkt af van het voorstel in de zaak ({formaat.bedrag(zaak.voorstel_bedrag)}) "
                "dat is beoordeeld. Pas het bedrag aan, of zet de zaak terug naar beoordeling.", code="bedrag_past_niet",
            )
    o = vier_ogen(besluit)
    if o.vereist and geldige_goedkeuring(besluit) is None:
        vervallen = vervallen_besluit(besluit)
        raise VierOgenFout(
            "Vier-ogenprincipe: dit besluit vraagt eerst goedkeuring van een kwaliteitsmedewerker, op precies deze inhoud "
            "(uitkomst, bedrag, berekening, afwijkingen en bevindingen). "
            + (f"{vervallen} " if vervallen else "") + f"Reden: {' '.join(o.redenen)}",
            code="goedkeuring_nodig",
        )


UITKOMST_VAN_SOORT = {soort: uitkomst for uitkomst, soort in SOORT_VAN_VOORSTEL.items()}
TOEKENNINGEN = (ZaakUitkomst.TOEGEKEND, ZaakUitkomst.GEDEELTELIJK_TOEGEKEND)


def uitkomst_na(besluit: Besluit) -> tuple[str, Decimal | None]:
    """What the zaak shows as its decision once this later besluit (vervangt an earlier one) is vastgesteld.
    A toekenning, gedeeltelijke toekenning or afwijzing (e.g. after bezwaar) gives its own outcome; a herziening
    changes what was granted, so a granted outcome stays (otherwise: toegekend); an intrekking leaves nothing
    granted, which the zaak's outcomes can only say as 'afgewezen'. The amount is the one the besluit states
    (bedrag, or the pgb); a grant that states none (natura) keeps the zaak's amount; no grant has no amount."""
    zaak = besluit.zaak
    if besluit.soort in (Soort.AFWIJZING, Soort.INTREKKING):
        return ZaakUitkomst.AFGEWEZEN, None
    if besluit.soort == Soort.HERZIENING:
        uitkomst = zaak.besluit_uitkomst if zaak.besluit_uitkomst in TOEKENNINGEN else ZaakUitkomst.TOEGEKEND
    else:
        uitkomst = UITKOMST_VAN_SOORT[besluit.soort]
    genoemd = besluit.bedrag if besluit.bedrag is not None else besluit.pgb_bedrag
    if genoemd is not None:
        return uitkomst, genoemd
    return uitkomst, zaak.besluit_bedrag if zaak.besluit_uitkomst in TOEKENNINGEN else None


def _weiger_bij_blokkades(besluit: Besluit, gebruiker, grond, html: str, wat: str) -> None:
    """Refuse (and log) when the letter is below B1 or holds unexplained special-category data (issue 8)."""
    blokkades = briefcontrole.blokkerend(briefcontrole.controleer(besluit, html))
    if blokkades:
        _log(gebruiker, grond, besluit, beleid.CHANGE, "brief", f"{wat}: " + ", ".join(p.soort for p in blokkades))
        eerste = blokkades[0]
        raise ProcedureFout(" ".join(p.melding for p in blokkades),
                            code="brief_niet_b1" if eerste.soort == briefcontrole.B1 else "bijzondere_gegevens")


def vaststellen(besluit: Besluit, gebruiker, *, datum: dt.date | None = None) -> Besluit:
    """Fix the content. In first instance the zaak moves to 'besluit' (or 'buiten_behandeling') through the
    core procedure, which checks the four eyes on the proposal once more; a later besluit updates the zaak's
    decision (uitkomst, bedrag, datum) through `zaken.services.werk_besluit_bij`."""
    from maatwerk.zaken import procedure

    grond = _vereis(gebruiker, besluit, beleid.CHANGE, "besluit", "vaststellen", rechten.BESLUIT_VASTSTELLEN)
    _vereis_concept(besluit)
    datum = datum or timezone.localdate()
    try:
        valideer_verleden(datum, "Datum van het besluit")
    except ValidationError as fout:
        raise ValidationError({"datum": fout.messages}) from None
    controleer_vaststelling(besluit)
    gemeente = Gemeentegegevens.huidige()
    if gemeente is None:
        raise ProcedureFout("De gegevens van de gemeente voor brieven (adres, bezwaaradres, cliëntondersteuning) zijn nog "
                            "niet ingevuld. Vraag de beheerder dit te doen.", code="gemeentegegevens")
    try:  # a template error must show now, not when the letter is sent
        concept = briefmodule.maak_html(besluit, bronnen=briefmodule.bronnen_uit_database(),
                                        overwegingen=besluit.overwegingen.all(), bekendmaking=datum, gemeente=gemeente,
                                        concept=True)
    except SjabloonFout as fout:
        raise ProcedureFout(f"De brief bij dit besluit kan niet worden gemaakt: {fout}", code="sjabloon") from None
    # Issue 8: what would block sending (below B1, unexplained special-category data) blocks fixing the content
    # too, while the consulent can still rewrite the reasons; after vaststelling the text can no longer change.
    _weiger_bij_blokkades(besluit, gebruiker, grond, concept.html, "niet vastgesteld")
    with transaction.atomic():
        # Lock the besluit: of two parallel vaststellingen the second finds it vastgesteld (409), not a second step.
        _vereis_concept(Besluit.objects.select_for_update().get(pk=besluit.pk))
        zaak = besluit.zaak
        if besluit.soort in AFSTEMMING:
            pass  # a verlaging of a running benefit leaves the zaak's own decision (the toekenning) as it is
        elif besluit.vervangt_id is None:
            # The procedure takes the step only with this besluit (Awb 3:46, 4:5) and checks the four eyes again.
            if besluit.soort == Soort.BUITEN_BEHANDELING:
                procedure.voer_uit(zaak, ZaakStatus.BUITEN_BEHANDELING, gebruiker, datum=datum, besluit=besluit,
                                   reden=f"Besluit {besluit.kenmerk}: ontbrekende gegevens: {besluit.ontbrekende_gegevens}")
            else:
                procedure.voer_uit(zaak, ZaakStatus.BESLUIT, gebruiker, datum=datum, besluit=besluit,
                                   reden=f"Besluit {besluit.kenmerk}")
        else:
            uitkomst, bedrag = uitkomst_na(besluit)
            zaken_services.werk_besluit_bij(gebruiker, zaak, uitkomst=uitkomst, bedrag=bedrag, datum=datum,
                                            kenmerk=besluit.kenmerk)
        besluit.status = Status.VASTGESTELD
        besluit.vastgesteld_door = gebruiker
        besluit.vastgesteld_op = timezone.now()
        besluit.besluitdatum = datum
        besluit.save()
        ontvangstbewijs.maak(besluit)  # what it was computed from, fixed in the same transaction (issue 8.5)
        _log(gebruiker, grond, besluit, beleid.CHANGE, "besluit", f"vastgesteld op {formaat.datum(datum)}")
    return besluit


def bekendmaken(besluit: Besluit, gebruiker, *, datum: dt.date | None = None) -> Brief:
    """Send the letter: render HTML and PDF from the current template versions, store them with their SHA-256
    and the versions used. The day of bekendmaking (Awb 3:41: the day it is sent) starts the bezwaartermijn."""
    grond = _vereis(gebruiker, besluit, beleid.CHANGE, "brief", "bekendmaken", rechten.BESLUIT_BEKENDMAKEN)
    if besluit.status != Status.VASTGESTELD:
        raise ProcedureFout(f"Besluit {besluit.kenmerk} is {besluit.get_status_display()}; alleen een vastgesteld besluit "
                            "kan worden bekendgemaakt.", code="niet_vastgesteld")
    datum = datum or timezone.localdate()
    try:
        valideer_verleden(datum, "Dag van bekendmaking")
    except ValidationError as fout:
        raise ValidationError({"datum": fout.messages}) from None
    if besluit.besluitdatum and datum < besluit.besluitdatum:
        raise ValidationError({"datum": [f"De bekendmaking kan niet vóór de datum van het besluit ({formaat.datum(besluit.besluitdatum)}) liggen."]})
    if besluit.soort in AFSTEMMING:
        from maatwerk.besluiten import verlaging

        verlaging.controleer_bekendmaking(besluit, datum)  # art. 7:16 lid 1: the letter's ingangsdatum holds
    gemeente = Gemeentegegevens.huidige()
    if gemeente is None:
        raise ProcedureFout("De gegevens van de gemeente voor brieven zijn nog niet ingevuld.", code="gemeentegegevens")
    bronnen = briefmodule.bronnen_uit_database()
    try:
        gemaakt = briefmodule.maak_html(besluit, bronnen=bronnen, overwegingen=besluit.overwegingen.all(),
                                        bekendmaking=datum, gemeente=gemeente)
    except SjabloonFout as fout:
        raise ProcedureFout(f"De brief kan niet worden gemaakt: {fout}", code="sjabloon") from None
    # Issue 8: a letter below B1 or with unexplained special-category data is not sent (the besluit page shows
    # the same points on the preview). The refusal is logged like any other.
    _weiger_bij_blokkades(besluit, gebruiker, grond, gemaakt.html, "niet verstuurd")
    pdf = html_naar_pdf(gemaakt.html)
    meting = meet_brief(gemaakt.html)
    versies = [bronnen.versies[c] for c in gemaakt.gebruikt]
    with transaction.atomic():
        # One letter per besluit, also when two requests send it at once.
        if Besluit.objects.select_for_update().get(pk=besluit.pk).status != Status.VASTGESTELD:
            raise ProcedureFout(f"Besluit {besluit.kenmerk} is intussen al bekendgemaakt.", code="niet_vastgesteld")
        brief = Brief.objects.create(
            besluit=besluit, html=gemaakt.html, pdf=pdf, sjabloonversie=versies[0],
            sjabloonversies=[{"code": v.sjabloon.code, "versie": v.nummer, "id": v.pk, "sha256": v.sha256} for v in versies],
            leesbaarheid={"flesch_douma": meting.flesch_douma, "woorden_per_zin": meting.woorden_per_zin,
                          "woorden": meting.woorden, "zinnen": meting.zinnen, "b1": meting.voldoet},
            gemaakt_door=gebruiker,
        )
        besluit.status = Status.BEKENDGEMAAKT
        besluit.bekendgemaakt_op = datum
        besluit.bekendgemaakt_door = gebruiker
        besluit.bezwaartermijn_einde = gemaakt.bezwaartermijn_einde
        besluit.save()
        _log(gebruiker, grond, besluit, beleid.CREATE, "brief",
             f"bekendgemaakt op {formaat.datum(datum)}; bezwaartermijn tot en met {formaat.datum(gemaakt.bezwaartermijn_einde)}")
    return brief


def controle_brief(besluit: Besluit, gebruiker) -> list:
    """The points `bekendmaken` checks (B1, special-category data, signature), on the letter as it would be sent
    now: shown on the besluit page before sending. Empty once the letter is sent."""
    _vereis(gebruiker, besluit, beleid.VIEW, "brief", "controle")
    if besluit.is_bekendgemaakt or besluit.status == Status.VERVALLEN:
        return []
    gemeente = Gemeentegegevens.huidige()
    if gemeente is None:
        return []
    try:
        gemaakt = briefmodule.maak_html(besluit, bronnen=briefmodule.bronnen_uit_database(), overwegingen=besluit.overwegingen.all(),
                                        bekendmaking=besluit.besluitdatum or timezone.localdate(), gemeente=gemeente)
    except SjabloonFout as fout:
        return [briefcontrole.Punt("sjabloon", f"De brief kan niet worden gemaakt: {fout}", True)]
    return briefcontrole.controleer(besluit, gemaakt.html)


MIN_REDEN_BIJZONDER = 20


def behoud_bijzondere_gegevens(besluit: Besluit, gebruiker, *, reden: str) -> Besluit:
    """Record why the letter names special-category data (AVG art. 9/10); an empty reden withdraws the choice.
    Possible until the letter is sent: it concerns the letter, not the content of the decision."""
    grond = _vereis(gebruiker, besluit, beleid.CHANGE, "brief", "bijzondere persoonsgegevens behouden")
    if besluit.status not in OPEN:
        raise ProcedureFout(f"Besluit {besluit.kenmerk} is {besluit.get_status_display()}; de brief verandert niet meer.",
                            code="niet_open")
    reden = (reden or "").strip() if isinstance(reden, str) else None
    if reden is None or (reden and len(reden) < MIN_REDEN_BIJZONDER):
        raise ValidationError({"bijzondere_gegevens_reden": [
            f"Leg in ten minste {MIN_REDEN_BIJZONDER} tekens uit waarom dit gegeven in de brief moet staan."]})
    besluit.bijzondere_gegevens_reden = reden
    besluit.save(update_fields=["bijzondere_gegevens_reden"])
    _log(gebruiker, grond, besluit, beleid.CHANGE, "brief",
         f"bijzonder persoonsgegeven bewust in de brief: {reden}" if reden else "keuze bijzonder persoonsgegeven ingetrokken")
    return besluit


def voorbeeld_html(besluit: Besluit, gebruiker) -> str:
    """The letter as it would be sent today (concept banner), or the stored letter once bekendgemaakt."""
    grond = _vereis(gebruiker, besluit, beleid.VIEW, "brief", "inzien")
    if besluit.is_bekendgemaakt:
        return besluit.brief.html
    gemeente = Gemeentegegevens.huidige()
    if gemeente is None:
        raise ProcedureFout("De gegevens van de gemeente voor brieven zijn nog niet ingevuld.", code="gemeentegegevens")
    try:
        gemaakt = briefmodule.maak_html(besluit, bronnen=briefmodule.bronnen_uit_database(), overwegingen=besluit.overwegingen.all(),
                                        bekendmaking=besluit.besluitdatum or timezone.localdate(), gemeente=gemeente, concept=True)
    except SjabloonFout as fout:
        raise ProcedureFout(f"De brief kan niet worden gemaakt: {fout}", code="sjabloon") from None
    del grond
    return gemaakt.html


def brief_van(besluit: Besluit, gebruiker) -> Brief:
    _vereis(gebruiker, besluit, beleid.VIEW, "brief", "downloaden")
    if not besluit.is_bekendgemaakt:
        raise ProcedureFout("Dit besluit is nog niet bekendgemaakt; er is nog geen verzonden brief.", code="geen_brief")
    return besluit.brief


# ------------------------------------------------------------------ correctie: een nieuw besluit


def stel_nieuw_besluit_op(vorig: Besluit, gebruiker, *, soort: str, op_bezwaar=None) -> Besluit:
    """A herziening, intrekking or correction of a bekendgemaakt besluit, or the new besluit after a well-founded
    objection: a NEW besluit naming the old one (`vervangt`). The old one never changes. Content and
    considerations are copied as a starting point."""
    grond = _vereis(gebruiker, vorig, beleid.CHANGE, "besluit", f"nieuw besluit na {vorig.kenmerk}")
    with transaction.atomic():
        return _stel_nieuw_besluit_op(vorig, gebruiker, grond, soort, op_bezwaar)


def _stel_nieuw_besluit_op(vorig: Besluit, gebruiker, grond, soort: str, op_bezwaar) -> Besluit:
    # A verlaging is never a correction of the toekenning (it would end the running benefit): besluiten.verlaging.
    if soort not in Soort.values or soort == Soort.BUITEN_BEHANDELING or soort in AFSTEMMING:
        keuzes = [s for s in Soort.values if s != Soort.BUITEN_BEHANDELING and s not in AFSTEMMING]
        raise ValidationError({"soort": [f"Kies uit: {', '.join(keuzes)}."]})
    if vorig.status != Status.BEKENDGEMAAKT:
        raise ProcedureFout(f"Besluit {vorig.kenmerk} is nog niet bekendgemaakt; pas het concept zelf aan.", code="niet_bekendgemaakt")
    open_ = vorig.vervangen_door.filter(status__in=OPEN).first()
    if open_ is not None:
        raise ProcedureFout(f"Er is al een nieuw besluit in voorbereiding voor {vorig.kenmerk}: {open_.kenmerk}.", code="besluit_bestaat")
    nieuw = Besluit(zaak=vorig.zaak, soort=soort, vervangt=vorig, op_bezwaar=op_bezwaar, opgesteld_door=gebruiker)
    for veld in INHOUDSVELDEN:
        if veld not in ("soort", "vervangt_id", "op_bezwaar_id"):
            setattr(nieuw, veld, getattr(vorig, veld))
    if soort in (Soort.HERZIENING, Soort.INTREKKING):
        nieuw.aanvraag = ""
    nieuw.save()
    for o in vorig.overwegingen.all():
        Overweging.objects.create(besluit=nieuw, volgorde=o.volgorde, zin=o.zin, bron=o.bron, soort=o.soort,
                                  herkomst=o.herkomst, regel_id=o.regel_id, url=o.url, bevinding=o.bevinding)
    _log(gebruiker, grond, nieuw, beleid.CREATE, "besluit", f"opgesteld ({soort}), vervangt {vorig.kenmerk}")
    return nieuw


def domein_naam(besluit: Besluit) -> str:
    return {WMO: "Wmo", JEUGD: "Jeugd", INKOMEN: "Inkomen"}[besluit.zaak.domein]
