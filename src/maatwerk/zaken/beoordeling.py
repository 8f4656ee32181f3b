"""Beoordeling of an aanvraag: the consulent's findings per discretionary criterion, deviations from policy,
and the Regelkern computation for the income schemes (stored with its input and uitleg as a snapshot).

Principle 2: the mechanical is automated (the Regelkern), the discretionary is recorded by a person with a
written reason; a criterion without a finding blocks the step to klaar_voor_besluit.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q

from maatwerk import formaat
from maatwerk.personen.models import Rol
from maatwerk.personen.situatie import bouw_situatie
from maatwerk.personen.validators import parse_maand
from maatwerk.toegang import audit, beleid, rechten
from maatwerk.zaken import cascade
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import Afwijking, Berekening, Bevinding, SoortAfwijking, Status, Uitkomst, Waarde, Zaak
from maatwerk.zaken.regelingen import HOOFDPERSOON, HUISHOUDEN, Criterium
from maatwerk.zaken.vergrendeling import vergrendel, wijzigt_zaak

MIN_MOTIVERING = 20  # characters; a quality rule for written reasons, not a legal figure
BEOORDELEN = (Status.AANVRAAG, Status.BEOORDELING)
BUITENWETTELIJK_BRON = (
    "Buitenwettelijk begunstigend beleid: een vaste gedragslijn ten gunste van de inwoner buiten de wet om "
    "(Divosa, Maatwerk in de bijzondere bijstand, 2014, hoofdstuk 6)"
)


def _vereis_wijzigen(gebruiker, zaak: Zaak, onderwerp: str, toelichting: str = "",
                     handeling: str = rechten.BEVINDING_VASTLEGGEN) -> beleid.Grond:
    grond = beleid.grond_zaak(gebruiker, zaak, beleid.CHANGE, handeling=handeling)
    if not grond.toegestaan:
        beleid.vereis_zaak(gebruiker, zaak, beleid.CHANGE, onderwerp=onderwerp, toelichting=toelichting, handeling=handeling)
    return grond


def _motivering(tekst: str, veld: str = "motivering") -> str:
    tekst = (tekst or "").strip() if isinstance(tekst, str) else ""
    if len(tekst) < MIN_MOTIVERING:
        raise ValidationError({veld: [f"Schrijf een motivering van ten minste {MIN_MOTIVERING} tekens."]})
    return tekst


# ------------------------------------------------------------------ bevindingen


def peildatum_criteria(zaak: Zaak) -> dt.date:
    """The date that decides which text of the law (and so which criteria) applies: the aanvraag, or before
    there is one, the date the question came in."""
    return zaak.aanvraagdatum or zaak.ontvangen_op


def huidige_waarden(zaak: Zaak) -> dict[str, str]:
    return dict(zaak.actuele_bevindingen().values_list("criterium", "waarde"))


def ontbrekende_criteria(zaak: Zaak) -> list[Criterium]:
    """The criteria still to answer: a conditional one only when its condition holds, a cascade step only until
    a step solved the need (maatwerk.zaken.cascade)."""
    waarden = huidige_waarden(zaak)
    return [c for c in zaak.definitie.gevraagde_criteria(peildatum_criteria(zaak), waarden) if c.code not in waarden]


def _pgb_gekozen(zaak: Zaak) -> bool:
    """Wmo: the inwoner chose a pgb (finding vorm_pgb = ja); then the pgb must be computed (art. 4:7, 4:8)."""
    return zaak.definitie.criterium("vorm_pgb") is not None and huidige_waarden(zaak).get("vorm_pgb") == "ja"


def berekening_telt(zaak: Zaak) -> bool:
    """Whether the amount of the proposal comes from the Regelkern: the income schemes, and a Wmo pgb."""
    return zaak.definitie.rekent or _pgb_gekozen(zaak)


@wijzigt_zaak
def leg_bevinding_vast(zaak: Zaak, gebruiker, *, criterium: str, waarde: str, motivering: str) -> Bevinding:
    """Record the finding on one criterion; an earlier finding on it stays, marked not current."""
    grond = _vereis_wijzigen(gebruiker, zaak, "bevinding", criterium)
    definitie = zaak.definitie
    if definitie.criterium(criterium) is None:
        keuzes = ", ".join(c.code for c in definitie.criteria)
        raise ValidationError({"criterium": [f"Onbekend criterium '{criterium}' voor {definitie.naam}; kies uit: {keuzes}."]})
    if waarde not in Waarde.values:
        raise ValidationError({"waarde": [f"Kies uit: {', '.join(Waarde.values)}."]})
    motivering = _motivering(motivering)
    # Art. 4:3 lid 3 Vo: the cascade is asked in order; a step is never silently skipped.
    cascade.controleer_volgorde(definitie, criterium, huidige_waarden(zaak))
    if zaak.status not in BEOORDELEN:
        raise ProcedureFout(
            f"Bevindingen legt u vast tijdens de beoordeling van de aanvraag (status aanvraag of beoordeling); deze "
            f"zaak heeft status '{zaak.get_status_display()}'.", code="geen_beoordeling",
        )
    with transaction.atomic():
        Bevinding.objects.filter(zaak=zaak, criterium=criterium, actueel=True).update(actueel=False)
        bevinding = Bevinding.objects.create(zaak=zaak, criterium=criterium, waarde=waarde, motivering=motivering, door=gebruiker)
    audit.log(gebruiker, beleid.CHANGE, grond, zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp="bevinding",
              toelichting=f"{criterium} = {waarde}")
    return bevinding


def controleer_compleet(zaak: Zaak) -> None:
    """Before klaar_voor_besluit: a finding per criterion and, for income schemes, a computation made after
    the last finding (so the stored outcome matches the findings)."""
    ontbreekt = ontbrekende_criteria(zaak)
    if ontbreekt:
        namen = "; ".join(f"{c.code} ({c.vraag} – {c.bron})" for c in ontbreekt)
        raise ProcedureFout(
            f"Deze zaak kan niet klaar voor besluit: er ontbreekt een bevinding voor {namen}. Leg per criterium een "
            "bevinding met motivering vast.", code="bevindingen_ontbreken",
        )
    berekening = zaak.berekeningen.order_by("-op", "-id").first()
    if berekening_telt(zaak) or (berekening is not None and zaak.definitie.regelkern_variabelen):
        if berekening is None:
            raise ProcedureFout("Er is nog geen berekening met de Regelkern vastgelegd voor deze zaak.", code="berekening_ontbreekt")
        laatste = zaak.actuele_bevindingen().aggregate(m=Max("op"))["m"]
        if laatste and laatste > berekening.op:
            raise ProcedureFout(
                "De bevindingen zijn gewijzigd na de laatste berekening; bereken opnieuw zodat de uitkomst bij de "
                "bevindingen past.", code="berekening_verouderd",
            )


def laatste_berekening(zaak: Zaak) -> Berekening | None:
    return zaak.berekeningen.order_by("-op", "-id").first()


def controleer_bedrag(zaak: Zaak, uitkomst: str, bedrag: Decimal | None) -> None:
    if bedrag is not None and bedrag < 0:
        raise ValidationError({"bedrag": ["Het bedrag kan niet negatief zijn."]})
    if uitkomst == Uitkomst.AFGEWEZEN and bedrag not in (None, Decimal("0")):
        raise ValidationError({"bedrag": ["Bij een afwijzing hoort geen bedrag."]})
    if uitkomst != Uitkomst.AFGEWEZEN:
        controleer_weigergronden(zaak)
    if berekening_telt(zaak) and uitkomst != Uitkomst.AFGEWEZEN:
        berekend = laatste_berekening(zaak).bedrag
        gevraagd = bedrag if bedrag is not None else berekend
        if berekend is not None and gevraagd is not None and gevraagd > berekend and not zaak.afwijkingen.exists():
            raise ProcedureFout(
                f"Het voorgestelde bedrag ({formaat.bedrag(gevraagd)}) is hoger dan de Regelkern berekende ({formaat.bedrag(berekend)}). Dat is "
                "een afwijking van beleid: leg eerst een afwijking met reden vast (hardheidsclausule of "
                "buitenwettelijk begunstigend beleid).", code="afwijking_nodig",
            )


def controleer_weigergronden(zaak: Zaak) -> None:
    """Wmo: a grant while a finding gives a refusal ground (a cascade step solved the need, or a ground of 4:4
    applies) is only possible through the hardheidsclausule (art. 4:16 lid 3 Vo), recorded as an afwijking."""
    from maatwerk.zaken.wmo_criteria import WEIGERGRONDEN

    if zaak.domein != "wmo" or zaak.afwijkingen.exists():
        return
    gronden = cascade.weigergronden(zaak.definitie, huidige_waarden(zaak), WEIGERGRONDEN)
    if gronden:
        raise ProcedureFout(
            "De bevindingen geven een grond om de voorziening te weigeren: " + "; ".join(b for _, b in gronden)
            + ". Stel een afwijzing voor, of leg eerst een afwijking vast op grond van de hardheidsclausule "
            f"({zaak.definitie.hardheidsclausule}).", code="weigergrond",
        )


def voorstel_bedrag(zaak: Zaak, uitkomst: str, bedrag: Decimal | None) -> Decimal | None:
    if uitkomst == Uitkomst.AFGEWEZEN:
        return Decimal("0")
    if bedrag is not None:
        return bedrag
    if berekening_telt(zaak):
        return laatste_berekening(zaak).bedrag
    return zaak.kosten


# ------------------------------------------------------------------ afwijking van beleid


@wijzigt_zaak
def leg_afwijking_vast(zaak: Zaak, gebruiker, *, soort: str, reden: str) -> Afwijking:
    """A deviation in favour of the inwoner. Always a written reason; the decision then always needs a second
    person (see maatwerk.zaken.vierogen)."""
    grond = _vereis_wijzigen(gebruiker, zaak, "afwijking", soort)
    if soort not in SoortAfwijking.values:
        raise ValidationError({"soort": [f"Kies uit: {', '.join(SoortAfwijking.values)}."]})
    reden = _motivering(reden, "reden")
    if zaak.status not in BEOORDELEN:
        raise ProcedureFout("Een afwijking van beleid legt u vast tijdens de beoordeling (status aanvraag of beoordeling).",
                            code="geen_beoordeling")
    if soort == SoortAfwijking.HARDHEIDSCLAUSULE:
        bron = zaak.definitie.hardheidsclausule
        if bron is None:
            raise ProcedureFout(
                f"De verordening kent voor {zaak.definitie.naam} geen hardheidsclausule. Wijkt u af ten gunste van de "
                "inwoner, leg dan 'buitenwettelijk_begunstigend_beleid' vast met de reden.", code="geen_hardheidsclausule",
            )
    else:
        bron = BUITENWETTELIJK_BRON
    afwijking = Afwijking.objects.create(zaak=zaak, soort=soort, bron=bron, reden=reden, door=gebruiker)
    audit.log(gebruiker, beleid.CHANGE, grond, zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp="afwijking", toelichting=soort)
    return afwijking


# ------------------------------------------------------------------ berekening (Regelkern)

# Inputs that come from the stored data or the findings; extra input may not overrule them.
_STRUCTUUR = {"partners", "kinderen", "medebewoners", "geboortedatum", "netto_maandinkomen", "vermogen"}
TOEGEKEND = (Uitkomst.TOEGEKEND, Uitkomst.GEDEELTELIJK_TOEGEKEND)


def laatste_toekenning(zaak: Zaak, peil: dt.date) -> dt.date | None:
    """The aanvraag date of the latest earlier granted zaak of the same regeling up to the month of `peil`:
    art. 36 Pw (inkomenstoeslag, once per twelve months, per household: the zaken of this household or of one
    of its partners) and art. 7:8 of the ordinance (studietoeslag, once per six months, per person). The
    Regelkern counts months from "de aanvraag waarop de laatste toeslag werd verleend"; a zaak without an
    aanvraagdatum falls back to its besluitdatum (later, so never more favourable)."""
    definitie = zaak.definitie.eerdere_toekenning
    if definitie is None:
        return None
    zaken = Zaak.objects.filter(regeling=zaak.regeling, besluit_uitkomst__in=TOEGEKEND).exclude(pk=zaak.pk)
    if definitie.entiteit == HOOFDPERSOON:
        zaken = zaken.filter(hoofdpersoon_id=zaak.hoofdpersoon_id)
    else:
        partners = [lid.inwoner_id for lid in zaak.huishouden.lidmaatschappen_op(peil.replace(day=1)) if lid.rol == Rol.PARTNER]
        zaken = zaken.filter(Q(huishouden_id=zaak.huishouden_id) | Q(hoofdpersoon_id__in=partners))
    einde_maand = (peil.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    datums = [d for z in zaken if (d := z.aanvraagdatum or z.besluitdatum or z.ontvangen_op) <= einde_maand]
    return max(datums, default=None)


def _voeg_invoer_toe(situatie, zaak: Zaak, maand: str, extra: dict | None, waarschuwingen: list[str]) -> None:
    huishouden = situatie.json["huishoudens"][situatie.huishouden_sleutel]
    hoofdpersoon = situatie.sleutel_van(zaak.hoofdpersoon_id)
    definitie = zaak.definitie
    bezet = set(_STRUCTUUR)
    bezet_persoon = set(_STRUCTUUR)
    if definitie.kosten_variabele:
        bezet.add(definitie.kosten_variabele)
        if zaak.kosten is None:
            waarschuwingen.append("De kosten van de zaak zijn niet vastgelegd; de Regelkern rekent met € 0.")
        else:
            huishouden[definitie.kosten_variabele] = {maand: float(zaak.kosten)}

    def zet(entiteit: str, naam: str, waarde) -> None:
        # Also for a person not (or no longer) in the household the variable stays reserved for the findings.
        (bezet if entiteit == HUISHOUDEN else bezet_persoon).add(naam)
        if entiteit == HUISHOUDEN:
            huishouden[naam] = waarde
        elif hoofdpersoon is not None:
            situatie.json["personen"][hoofdpersoon][naam] = waarde

    for naam, waarde in definitie.vaste_invoer_hoofdpersoon:
        zet(HOOFDPERSOON, naam, {maand: waarde})
    if hoofdpersoon is None and (definitie.vaste_invoer_hoofdpersoon
                                 or any(c.invoer and c.invoer.entiteit == HOOFDPERSOON for c in definitie.criteria)):
        waarschuwingen.append(f"{zaak.hoofdpersoon.naam} is in {maand} geen lid van het huishouden; de bevindingen over "
                              "de aanvrager zijn niet doorgegeven en de Regelkern rekent met haar standaardwaarden.")

    # Every finding goes in, also one of a criterion that does not apply to this aanvraag date (the Regelkern
    # picks the text of the law by month itself); a missing finding becomes the safe niet_vastgesteld value.
    peil = parse_maand(maand)
    van_toepassing = {c.code for c in definitie.criteria_op(peildatum_criteria(zaak))}
    bevindingen = {b.criterium: b.waarde for b in zaak.actuele_bevindingen()}
    for c in definitie.criteria:
        waarde = bevindingen.get(c.code)
        if c.invoer is not None:
            zet(c.invoer.entiteit, c.invoer.variabele, {maand: c.invoer.waarde(waarde)})
            if c.code in van_toepassing and waarde in (None, Waarde.NIET_VASTGESTELD):
                reden = "is nog niet vastgelegd" if waarde is None else "is 'niet vastgesteld'"
                waarschuwingen.append(f"Bevinding {c.code} {reden}; de Regelkern rekent met "
                                      f"{c.invoer.variabele} = {c.invoer.niet_vastgesteld} (niet vastgesteld).")
        elif c.buiten_regelkern is not None and c.code in van_toepassing and waarde != c.buiten_regelkern.geen_bezwaar:
            stand = "is nog niet vastgelegd" if waarde is None else f"is '{waarde}'"
            waarschuwingen.append(f"Bevinding {c.code} {stand}: de Regelkern beoordeelt dit criterium niet, dus het "
                                  f"berekende bedrag geldt alleen als het antwoord '{c.buiten_regelkern.geen_bezwaar}' is.")
    eerder = definitie.eerdere_toekenning
    if eerder is not None:
        # None = not set = the Regelkern's 1970-01-01 = never granted before; either way not for aanvullende invoer.
        laatste = laatste_toekenning(zaak, peil)
        (bezet if eerder.entiteit == HUISHOUDEN else bezet_persoon).add(eerder.variabele)
        if laatste is not None:
            zet(eerder.entiteit, eerder.variabele, {"ETERNITY": laatste.isoformat()})

    if not extra:
        return
    if not isinstance(extra, dict) or set(extra) - {"huishouden", "personen"}:
        raise ValidationError({"invoer": ["Geef aanvullende invoer als {\"huishouden\": {...}, \"personen\": {\"<inwoner-id>\": {...}}}."]})
    extra_huishouden = extra.get("huishouden") or {}
    personen = extra.get("personen") or {}
    if not isinstance(extra_huishouden, dict) or not isinstance(personen, dict):
        raise ValidationError({"invoer": ["'huishouden' en 'personen' moeten JSON-objecten zijn."]})
    for naam, waarde in extra_huishouden.items():
        if naam in bezet:
            raise ValidationError({f"invoer.huishouden.{naam}": ["Deze waarde komt uit de vastgelegde gegevens of bevindingen."]})
        huishouden[naam] = waarde
    for inwoner_id, velden in personen.items():
        sleutel = situatie.sleutel_van(int(inwoner_id)) if str(inwoner_id).isdigit() else None
        if sleutel is None:
            raise ValidationError({f"invoer.personen.{inwoner_id}": ["Deze inwoner is in die maand geen lid van het huishouden."]})
        if not isinstance(velden, dict):
            raise ValidationError({f"invoer.personen.{inwoner_id}": ["Geef een JSON-object met variabelen."]})
        for naam, waarde in velden.items():
            if naam in bezet_persoon:
                raise ValidationError({f"invoer.personen.{inwoner_id}.{naam}": ["Deze waarde komt uit de vastgelegde gegevens of bevindingen."]})
            situatie.json["personen"][sleutel][naam] = waarde


def bereken(zaak: Zaak, gebruiker, *, maand: str, invoer: dict | None = None, gegevens: dict | None = None) -> Berekening:
    """Run the Regelkern for the zaak's household and `maand` (JJJJ-MM) and store input, result and uitleg.

    `invoer` adds Regelkern inputs the case system does not store itself (e.g. kostensoort), validated by the
    Regelkern: {"huishouden": {"kostensoort": "overig"}, "personen": {"<inwoner id>": {...}}}.
    """
    from maatwerk.beleid import versies as beleidsversies
    from maatwerk.regels.berekening import STANDAARD_VARIABELEN, bereken as regelkern
    from maatwerk.regels.invoer import InvoerFout

    grond = _vereis_wijzigen(gebruiker, zaak, "berekening", maand, handeling=rechten.BEREKENEN)
    definitie = zaak.definitie
    if not definitie.heeft_regelkern:
        raise ProcedureFout(f"Voor {definitie.naam} rekent de Regelkern niet; de beoordeling bestaat uit bevindingen.",
                            code="rekent_niet")
    _mag_rekenen(zaak)
    peil = parse_maand(maand)
    gemeente = settings.MAATWERK_GEMEENTE
    situatie = bouw_situatie(zaak.huishouden, peil)
    waarschuwingen = list(situatie.waarschuwingen)
    try:
        _voeg_invoer_toe(situatie, zaak, maand, invoer, waarschuwingen)
        # The regeling's own outputs (Wmo), or the output contract plus the regeling's own amount when the
        # contract does not hold it (algemene bijstand).
        variabelen = (list(definitie.regelkern_variabelen) if definitie.regelkern_variabelen else
                      list(dict.fromkeys([*STANDAARD_VARIABELEN, *filter(None, [definitie.uitkomst_variabele])])))
        # The policy in force: the approved versions of the municipality (issue 12), recorded with the result.
        versie = beleidsversies.actueel(gemeente)
        uitkomst = regelkern(situatie.json, maand, gemeente, variabelen, True, beleid=versie.wijzigingen)
    except InvoerFout as fout:
        raise ValidationError({f"invoer.{fout.veld}" if fout.veld else "invoer": [fout.bericht]}) from None
    bedrag = None
    if definitie.uitkomst_variabele:
        if definitie.uitkomst_entiteit == HOOFDPERSOON:
            sleutel = situatie.sleutel_van(zaak.hoofdpersoon_id)
            waarde = uitkomst["resultaten"]["personen"].get(sleutel, {}).get(definitie.uitkomst_variabele)
        else:
            waarde = uitkomst["resultaten"]["huishoudens"][situatie.huishouden_sleutel].get(definitie.uitkomst_variabele)
        try:
            bedrag = Decimal(str(waarde)).quantize(Decimal("0.01")) if waarde is not None else None
        except InvalidOperation:
            bedrag = None
    # The Regelkern ran above without the write lock (on SQLite one writer at a time: a lock held during the
    # computation made every other request wait). Storing takes the lock and checks the zaak again, so a step
    # taken meanwhile (klaar voor besluit, afgerond) still refuses; the result and its audit lines commit together.
    with audit.verzamel_weigeringen(), transaction.atomic():
        actueel = vergrendel(zaak)
        _mag_rekenen(actueel)
        berekening = Berekening.objects.create(
            zaak=actueel, maand=peil, gemeente=uitkomst["gemeente"], situatie=situatie.json,
            resultaat=uitkomst["resultaten"], uitleg=uitkomst.get("uitleg", {}), waarschuwingen=waarschuwingen,
            bedrag=bedrag, gegevens=gegevens or {}, door=gebruiker, beleidsversie=versie.als_json(),
        )
        audit.log(gebruiker, beleid.CREATE, grond, zaak=actueel, inwoner=actueel.hoofdpersoon, onderwerp="berekening",
                  toelichting=f"maand {maand}")
        leden = [lid.inwoner for lid in actueel.huishouden.lidmaatschappen_op(peil)]
        audit.log_veel([
            audit.nieuwe_regel(gebruiker, beleid.VIEW, grond, zaak=actueel, inwoner=i, onderwerp="inkomen en vermogen",
                               toelichting=f"gelezen voor berekening {berekening.pk} ({maand})")
            for i in leden
        ])
    zaak.refresh_from_db()
    return berekening


def _mag_rekenen(zaak: Zaak) -> None:
    if zaak.is_afgerond:
        raise ProcedureFout("Deze zaak is afgerond; een nieuwe berekening is niet mogelijk.", code="afgerond")
    if zaak.status == Status.KLAAR_VOOR_BESLUIT:
        raise ProcedureFout("Het voorstel ligt klaar voor besluit; zet de zaak terug naar beoordeling om opnieuw te rekenen.",
                            code="klaar_voor_besluit")


def maand_van(datum: dt.date) -> str:
    return f"{datum.year:04d}-{datum.month:02d}"
