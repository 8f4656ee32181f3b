"""Bezwaar against a bekendgemaakt besluit (Awb hoofdstuk 6 and 7). Every date rule comes from
`maatwerk.termijnen`; this module records the facts and a person's judgements.

- registreren: always (also a late one: principle 3, nothing is lost). Tijdigheid per Awb 6:9 is computed
  and stored with its article and explanation.
- verschoonbaarheid (Awb 6:11): for a late one, a person judges with a reason; the system never decides it.
- beslistermijn (Awb 7:10): 6 weeks from the end of the bezwaartermijn, 12 with an adviescommissie
  (art. 7:13), one verdaging of at most 6 weeks notified within the term (lid 3). For a late bezwaarschrift
  judged excusable (6:11) it counts from the day of receipt instead (docs/besluiten.md, "Choices").
- horen (Awb 7:2) or a recorded reason not to (art. 7:3) before deciding.
- beslissen: gegrond / ongegrond / niet-ontvankelijk. Gegrond: the besluit is revoked and a NEW besluit is
  prepared (Awb 7:11 lid 2) that names the old one and this bezwaar (beroep lies open against it).
  Ongegrond / niet-ontvankelijk: the decision is made known by a letter with its reasons and the route to
  the rechtbank (Awb 7:12 lid 1, 3:45), stored with its SHA-256 (`BezwaarBrief`). Niet-ontvankelijk is
  either late without excuse (6:9, 6:11) or a verzuim not repaired within the hersteltermijn (6:6).
  Not by the person who took the original besluit (Awb 10:3 lid 3).
- separation (Awb 7:5 lid 1 onder a: "het horen geschiedt door ... een persoon die niet bij de voorbereiding van
  het besluit betrokken is geweest"; 10:3 lid 3): whoever prepared, drafted, changed or took the besluit
  (`services.eigen_werk` + vastgesteld_door) does not judge excusability, hear or decide. Registering (recording
  receipt, at any desk) and the beslistermijn (bezwaarcommissie, verdaging) are no handling on the merits.
- who: the jurist (every domain, purpose-bound: `toegang.rechten`) and the consulent of the domain (not his own
  besluit). The jurist names the besluit by its kenmerk (`registreer_op_kenmerk`): before a bezwaar exists he
  sees nothing of the zaak.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from maatwerk import formaat
from maatwerk.besluiten import brief as briefmodule
from maatwerk.besluiten.models import Besluit, BezwaarBrief, Bezwaarschrift, Gemeentegegevens, Soort, Status, Uitkomst
from maatwerk.besluiten.services import stel_nieuw_besluit_op
from maatwerk.brieven.leesbaarheid import meet_brief
from maatwerk.brieven.pdf import html_naar_pdf
from maatwerk.brieven.sjablonen import SjabloonFout
from maatwerk.personen.validators import valideer_verleden
from maatwerk.termijnen import (
    TermijnFout,
    Verdaging,
    VerdagingTeLaat,
    Verschoonbaarheid,
    beslistermijn_bezwaar,
    bezwaartermijn,
    tijdigheid_bezwaarschrift,
)
from maatwerk.toegang import audit, beleid, rechten
from maatwerk.zaken.fouten import ProcedureFout

MIN_MOTIVERING = 20  # characters; a quality rule for written reasons, not a legal figure


def _vereis(gebruiker, besluit: Besluit, actie: str, toelichting: str = "",
            handeling: str | None = rechten.BEZWAAR_BESLISSEN):
    """Access for `handeling` of the rights table (default: treating and deciding the objection)."""
    if actie == beleid.VIEW:
        handeling = None
    return beleid.vereis_zaak(gebruiker, besluit.zaak, actie, onderwerp="bezwaar", toelichting=toelichting,
                              handeling=handeling)


def _log(gebruiker, grond, bezwaar: Bezwaarschrift, actie: str, toelichting: str) -> None:
    zaak = bezwaar.besluit.zaak
    audit.log(gebruiker, actie, grond, zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp="bezwaar",
              toelichting=f"bezwaar {bezwaar.pk} tegen {bezwaar.besluit.kenmerk}; {toelichting}"[:300])


def voorbereiders(besluit: Besluit) -> set[int]:
    """Who prepared or took the besluit (Awb 7:5 lid 1 onder a, 10:3 lid 3): its own work per
    `services.eigen_werk` (drafted, changed, worked on the proposal) and who vastgesteld it."""
    from maatwerk.besluiten.services import eigen_werk

    return eigen_werk(besluit) | ({besluit.vastgesteld_door_id} - {None})


def _niet_voorbereider(bezwaar: Bezwaarschrift, gebruiker, wat: str) -> None:
    if gebruiker.pk in voorbereiders(bezwaar.besluit):
        zaak = bezwaar.besluit.zaak
        bericht = (f"U was betrokken bij de voorbereiding of het nemen van besluit {bezwaar.besluit.kenmerk}. Een ander "
                   f"{wat} (Algemene wet bestuursrecht, artikel 7:5, eerste lid, onder a, en artikel 10:3, derde lid).")
        audit.log(gebruiker, beleid.CHANGE, beleid._geen(bericht), zaak=zaak, inwoner=zaak.hoofdpersoon,
                  onderwerp="bezwaar", toelichting=f"bezwaar {bezwaar.pk}: geweigerd, eigen besluit")
        raise ProcedureFout(bericht, code="zelfde_persoon")


def _datum(waarde, veld: str, label: str) -> dt.date:
    if not isinstance(waarde, dt.date):
        raise ValidationError({veld: [f"{label}: geef een datum (JJJJ-MM-DD)."]})
    try:
        valideer_verleden(waarde, label)
    except ValidationError as fout:
        raise ValidationError({veld: fout.messages}) from None
    return waarde


def _tekst(waarde, veld: str, minimum: int, wat: str) -> str:
    tekst = waarde.strip() if isinstance(waarde, str) else ""
    if len(tekst) < minimum:
        raise ValidationError({veld: [f"Schrijf {wat} (ten minste {minimum} tekens)."]})
    return tekst


def _niet_beslist(bezwaar: Bezwaarschrift) -> None:
    if bezwaar.is_beslist:
        raise ProcedureFout(f"Op dit bezwaar is al beslist ({bezwaar.get_uitkomst_display()}).", code="al_beslist")


def _termijn(bezwaar: Bezwaarschrift):
    return bezwaartermijn(bezwaar.besluit.bekendgemaakt_op, vandaag=bezwaar.ontvangen_op)


def _besluit_genomen(besluit: Besluit) -> dt.date | None:
    """The day the besluit came into existence (Awb 6:10 lid 1): its date, else the day it was vastgesteld."""
    if besluit.besluitdatum:
        return besluit.besluitdatum
    return timezone.localdate(besluit.vastgesteld_op) if besluit.vastgesteld_op else None


def _vanaf_ontvangst(bezwaar: Bezwaarschrift) -> bool:
    """A late bezwaarschrift whose lateness a person judged excusable (Awb 6:11)."""
    return not bezwaar.tijdig and bezwaar.verschoonbaar is True


def _zet_beslistermijn(bezwaar: Bezwaarschrift) -> None:
    verdaging = None
    if bezwaar.verdaging_medegedeeld_op and bezwaar.verdaging_weken:
        verdaging = Verdaging(bezwaar.verdaging_medegedeeld_op, bezwaar.verdaging_weken, bezwaar.verdaging_reden)
    basis = _termijn(bezwaar)
    voorvoegsel = ""
    if _vanaf_ontvangst(bezwaar):
        # Awb 7:10 lid 1 counts "vanaf de dag na die waarop de termijn voor het indienen van het bezwaarschrift is
        # verstreken". For an excused late bezwaarschrift that day lies before its receipt, so the term would have
        # run (partly) before the municipality had anything to decide on; the Awb does not say what then applies.
        # Our choice (docs/besluiten.md, "Choices"): the same six/twelve weeks, counted from the day after receipt.
        # beslistermijn_bezwaar counts from `einde` of the term it is given; moving that day to the receipt keeps
        # every other rule (Atw, adviescommissie, verdaging) in maatwerk.termijnen.
        basis = dataclasses.replace(basis, einde=max(basis.einde, bezwaar.ontvangen_op))
        voorvoegsel = (f"Het bezwaarschrift kwam te laat binnen (op {formaat.datum(bezwaar.ontvangen_op)}); de overschrijding "
                       "is verschoonbaar (Awb, artikel 6:11). De beslistermijn telt daarom vanaf de dag na ontvangst. ")
    termijn = beslistermijn_bezwaar(basis, adviescommissie=bezwaar.adviescommissie, verdaging=verdaging)
    bezwaar.beslistermijn_einde = termijn.einde
    bezwaar.beslistermijn_uitleg = (voorvoegsel + f"{termijn.bron}: tot en met {formaat.datum(termijn.einde)}. "
                                    + " ".join(termijn.stappen))


def registreer(besluit: Besluit, gebruiker, *, ontvangen_op: dt.date, gronden: str = "", indiener: str = "",
               ter_post_bezorgd_op: dt.date | None = None, adviescommissie: bool = False) -> Bezwaarschrift:
    grond = _vereis(gebruiker, besluit, beleid.CHANGE, "registreren", rechten.BEZWAAR_REGISTREREN)
    return registreer_met_grond(besluit, gebruiker, grond, ontvangen_op=ontvangen_op, gronden=gronden,
                                indiener=indiener, ter_post_bezorgd_op=ter_post_bezorgd_op,
                                adviescommissie=adviescommissie)


def registreer_met_grond(besluit: Besluit, gebruiker, grond: beleid.Grond, *, ontvangen_op: dt.date, gronden: str = "",
                         indiener: str = "", ter_post_bezorgd_op: dt.date | None = None,
                         adviescommissie: bool = False) -> Bezwaarschrift:
    """The registration itself, after the caller established the ground: a staff member at the bezwaar desk
    (`registreer`), or the resident who objects online against his own besluit (maatwerk.loket.bezwaar_online)."""
    if besluit.status != Status.BEKENDGEMAAKT:
        raise ProcedureFout(f"Besluit {besluit.kenmerk} is nog niet bekendgemaakt; er kan nog geen bezwaar tegen worden "
                            "gemaakt.", code="niet_bekendgemaakt")
    if besluit.op_bezwaar_id is not None:
        raise ProcedureFout("Dit besluit is genomen op een bezwaar. Daartegen staat beroep open bij de rechtbank, geen "
                            "bezwaar (Algemene wet bestuursrecht, artikel 7:1, eerste lid).", code="beroep")
    ontvangen_op = _datum(ontvangen_op, "ontvangen_op", "Ontvangen op")
    if ter_post_bezorgd_op is not None:
        ter_post_bezorgd_op = _datum(ter_post_bezorgd_op, "ter_post_bezorgd_op", "Ter post bezorgd op")
        if ter_post_bezorgd_op > ontvangen_op:
            raise ValidationError({"ter_post_bezorgd_op": ["De datum van de poststempel ligt na de ontvangst."]})
    if not isinstance(adviescommissie, bool):
        raise ValidationError({"adviescommissie": ["Geef true of false."]})
    indiener = (indiener.strip() if isinstance(indiener, str) else "") or besluit.zaak.hoofdpersoon.naam
    bezwaar = Bezwaarschrift(besluit=besluit, indiener=indiener[:300], ontvangen_op=ontvangen_op,
                             ter_post_bezorgd_op=ter_post_bezorgd_op, gronden=gronden.strip() if isinstance(gronden, str) else "",
                             geregistreerd_door=gebruiker, adviescommissie=adviescommissie)
    try:
        termijn = _termijn(bezwaar)
        t = tijdigheid_bezwaarschrift(termijn, ontvangen=ontvangen_op, ter_post_bezorgd=ter_post_bezorgd_op,
                                      besluit_genomen=_besluit_genomen(besluit))
    except TermijnFout as fout:
        raise ValidationError({"ontvangen_op": [str(fout)]}) from None
    bezwaar.bezwaartermijn_einde = termijn.einde
    bezwaar.tijdig = t.tijdig
    bezwaar.tijdigheid_bron = t.bron
    bezwaar.tijdigheid_uitleg = t.uitleg
    bezwaar.uiterste_ontvangst_bij_post = t.uiterste_ontvangst_bij_post
    _zet_beslistermijn(bezwaar)
    bezwaar.save()
    _log(gebruiker, grond, bezwaar, beleid.CREATE, "geregistreerd; " + ("tijdig" if t.tijdig else "te laat"))
    return bezwaar


KENMERK = re.compile(r"B(\d{1,12})-Z(\d{1,12})")


def registreer_op_kenmerk(kenmerk, gebruiker, **velden) -> Bezwaarschrift:
    """Register a bezwaarschrift against the besluit named by its kenmerk (as printed on the letter, e.g.
    B000012-Z000034). The jurist sees nothing of a zaak before this: an unknown kenmerk and one he may not
    register on answer the same (issue 7), and the refusal is logged."""
    tekst = kenmerk.strip().upper() if isinstance(kenmerk, str) else ""
    gevonden = KENMERK.fullmatch(tekst)
    besluit = None
    if gevonden:
        besluit = (Besluit.objects.select_related("zaak", "zaak__hoofdpersoon")
                   .filter(pk=int(gevonden[1]), zaak_id=int(gevonden[2])).first())
    if besluit is not None:
        grond = beleid.grond_zaak(gebruiker, besluit.zaak, beleid.CHANGE, handeling=rechten.BEZWAAR_REGISTREREN)
        if not grond.toegestaan:
            audit.log(gebruiker, beleid.CREATE, grond, zaak=besluit.zaak, inwoner=besluit.zaak.hoofdpersoon,
                      onderwerp="bezwaar", toelichting=f"registreren op kenmerk {tekst}: geweigerd")
            besluit = None
    if besluit is None:
        raise ValidationError({"kenmerk": [
            f"Onbekend kenmerk ({tekst[:30] or 'leeg'}). Neem het kenmerk van het besluit over uit de brief, bijvoorbeeld "
            "B000012-Z000034; het moet een verstuurd besluit zijn."]})
    return registreer(besluit, gebruiker, **velden)


def beoordeel_verschoonbaarheid(bezwaar: Bezwaarschrift, gebruiker, *, verschoonbaar: bool, reden: str) -> Bezwaarschrift:
    """Awb 6:11 for a late bezwaarschrift: a person's judgement with the reason (soort: discretie)."""
    grond = _vereis(gebruiker, bezwaar.besluit, beleid.CHANGE, "verschoonbaarheid")
    _niet_beslist(bezwaar)
    _niet_voorbereider(bezwaar, gebruiker, "beoordeelt of de te late indiening verschoonbaar is")
    if bezwaar.tijdig:
        raise ProcedureFout("Dit bezwaarschrift is op tijd ingediend; verschoonbaarheid (Awb 6:11) speelt niet.", code="tijdig")
    if not isinstance(verschoonbaar, bool):
        raise ValidationError({"verschoonbaar": ["Geef true (verschoonbaar) of false (niet verschoonbaar)."]})
    reden = _tekst(reden, "reden", MIN_MOTIVERING, "de reden van uw oordeel")
    oordeel = Verschoonbaarheid(verschoonbaar, reden, gebruiker.get_username())
    t = tijdigheid_bezwaarschrift(_termijn(bezwaar), ontvangen=bezwaar.ontvangen_op,
                                  ter_post_bezorgd=bezwaar.ter_post_bezorgd_op, verschoonbaarheid=oordeel,
                                  besluit_genomen=_besluit_genomen(bezwaar.besluit))
    bezwaar.verschoonbaar = verschoonbaar
    bezwaar.verschoonbaarheid_reden = reden
    bezwaar.verschoonbaarheid_door = gebruiker
    bezwaar.verschoonbaarheid_op = timezone.now()
    bezwaar.tijdigheid_uitleg = t.uitleg
    try:  # an excused late bezwaarschrift: the beslistermijn now counts from its receipt
        _zet_beslistermijn(bezwaar)
    except TermijnFout as fout:
        raise ValidationError({"verschoonbaar": [str(fout)]}) from None
    bezwaar.save()
    _log(gebruiker, grond, bezwaar, beleid.CHANGE, "verschoonbaar" if verschoonbaar else "niet verschoonbaar")
    return bezwaar


def wijzig_behandeling(bezwaar: Bezwaarschrift, gebruiker, *, adviescommissie: bool | None = None,
                       verdaging_medegedeeld_op: dt.date | None = None, verdaging_weken: int | None = None,
                       verdaging_reden: str = "") -> Bezwaarschrift:
    """Adviescommissie yes/no (Awb 7:13 → 12 weeks) and one verdaging (Awb 7:10 lid 3, at most 6 weeks,
    notified within the term). The beslistermijn is recomputed by maatwerk.termijnen."""
    grond = _vereis(gebruiker, bezwaar.besluit, beleid.CHANGE, "behandeling")
    _niet_beslist(bezwaar)
    if adviescommissie is not None:
        if not isinstance(adviescommissie, bool):
            raise ValidationError({"adviescommissie": ["Geef true of false."]})
        bezwaar.adviescommissie = adviescommissie
    if verdaging_medegedeeld_op is not None or verdaging_weken is not None:
        if bezwaar.verdaging_medegedeeld_op is not None:
            raise ProcedureFout("De beslistermijn is al verdaagd; de wet kent één verdaging (Awb 7:10, derde lid).",
                                code="al_verdaagd")
        medegedeeld = _datum(verdaging_medegedeeld_op, "verdaging_medegedeeld_op", "Verdaging meegedeeld op")
        if not isinstance(verdaging_weken, int) or isinstance(verdaging_weken, bool) or verdaging_weken < 1:
            raise ValidationError({"verdaging_weken": ["Geef het aantal weken (een heel getal, ten minste 1)."]})
        bezwaar.verdaging_medegedeeld_op = medegedeeld
        bezwaar.verdaging_weken = verdaging_weken
        bezwaar.verdaging_reden = (verdaging_reden or "").strip()
    try:
        _zet_beslistermijn(bezwaar)
    except VerdagingTeLaat as fout:
        raise ValidationError({"verdaging_medegedeeld_op": [str(fout)]}) from None
    except TermijnFout as fout:
        raise ValidationError({"verdaging_weken": [str(fout)]}) from None
    bezwaar.save()
    _log(gebruiker, grond, bezwaar, beleid.CHANGE, f"beslistermijn tot en met {formaat.datum(bezwaar.beslistermijn_einde)}")
    return bezwaar


def leg_horen_vast(bezwaar: Bezwaarschrift, gebruiker, *, hoorzitting_op: dt.date | None = None, verslag: str = "",
                   afzien_reden: str = "") -> Bezwaarschrift:
    """Awb 7:2: the indiener is heard (date and report); or art. 7:3: the reason for not hearing."""
    grond = _vereis(gebruiker, bezwaar.besluit, beleid.CHANGE, "horen")
    _niet_beslist(bezwaar)
    _niet_voorbereider(bezwaar, gebruiker, "hoort de indiener of besluit daarvan af te zien")
    if hoorzitting_op is not None:
        bezwaar.hoorzitting_op = _datum(hoorzitting_op, "hoorzitting_op", "Datum hoorzitting")
        if bezwaar.hoorzitting_op < bezwaar.ontvangen_op:
            raise ValidationError({"hoorzitting_op": ["De hoorzitting kan niet vóór de ontvangst van het bezwaar liggen."]})
        bezwaar.hoorverslag = _tekst(verslag, "verslag", MIN_MOTIVERING, "een verslag van de hoorzitting")
    elif afzien_reden:
        bezwaar.afzien_van_horen_reden = _tekst(afzien_reden, "afzien_reden", MIN_MOTIVERING,
                                                "waarom van horen wordt afgezien (Awb 7:3)")
    else:
        raise ValidationError({"hoorzitting_op": ["Geef de datum en het verslag van de hoorzitting, of de reden om niet te horen."]})
    bezwaar.save()
    _log(gebruiker, grond, bezwaar, beleid.CHANGE, "gehoord" if hoorzitting_op else "afgezien van horen")
    return bezwaar


def beslis(bezwaar: Bezwaarschrift, gebruiker, *, uitkomst: str, motivering: str, datum: dt.date | None = None,
           nieuw_besluit_soort: str | None = None, verzuim: str = "",
           hersteltermijn_tot: dt.date | None = None) -> tuple[Bezwaarschrift, Besluit | None]:
    """Decide on the objection. Gegrond: a new besluit (concept) is prepared that replaces the contested one
    (Awb 7:11 lid 2); it is vastgesteld and bekendgemaakt like any besluit, with beroep instead of bezwaar.
    Ongegrond / niet-ontvankelijk: the letter "Beslissing op uw bezwaar" is made and stored now; `datum` is
    the day of the decision and of sending it (Awb 3:41), so the beroepstermijn starts the day after.
    Niet-ontvankelijk for a bezwaarschrift that is on time (or excused) needs the verzuim and the end of the
    hersteltermijn, which must have passed (Awb 6:6)."""
    besluit = bezwaar.besluit
    grond = _vereis(gebruiker, besluit, beleid.CHANGE, "beslissen")
    _niet_beslist(bezwaar)
    _niet_voorbereider(bezwaar, gebruiker, "beslist op het bezwaar")
    if uitkomst not in Uitkomst.values:
        raise ValidationError({"uitkomst": [f"Kies uit: {', '.join(Uitkomst.values)}."]})
    motivering = _tekst(motivering, "motivering", MIN_MOTIVERING, "de motivering van de beslissing op bezwaar")
    datum = _datum(datum or timezone.localdate(), "datum", "Datum beslissing")
    if datum < bezwaar.ontvangen_op:
        raise ValidationError({"datum": ["De beslissing kan niet vóór de ontvangst van het bezwaar liggen."]})
    if not bezwaar.tijdig:
        if bezwaar.verschoonbaar is None:
            raise ProcedureFout("Het bezwaarschrift is te laat ingediend. Beoordeel eerst of dat verschoonbaar is "
                                "(Algemene wet bestuursrecht, artikel 6:11).", code="verschoonbaarheid_open")
        if not bezwaar.verschoonbaar and uitkomst != Uitkomst.NIET_ONTVANKELIJK:
            raise ProcedureFout("Het bezwaarschrift is te laat en de overschrijding is niet verschoonbaar: het bezwaar is "
                                "niet-ontvankelijk (Algemene wet bestuursrecht, artikelen 6:9 en 6:11).", code="niet_ontvankelijk")
    te_laat_zonder_reden = not bezwaar.tijdig and bezwaar.verschoonbaar is False
    if uitkomst == Uitkomst.NIET_ONTVANKELIJK and not te_laat_zonder_reden:
        verzuim = _tekst(verzuim, "verzuim", 3, "wat er in het bezwaarschrift ontbrak (Awb 6:6)")
        if not isinstance(hersteltermijn_tot, dt.date):
            raise ValidationError({"hersteltermijn_tot": [
                "Niet-ontvankelijk om een verzuim kan alleen als de indiener een termijn kreeg om het te herstellen "
                "(Algemene wet bestuursrecht, artikel 6:6). Geef de laatste dag van die termijn."]})
        if not bezwaar.ontvangen_op <= hersteltermijn_tot < datum:
            raise ValidationError({"hersteltermijn_tot": [
                "De hersteltermijn ligt na de ontvangst van het bezwaar en is verstreken vóór de beslissing "
                "(Algemene wet bestuursrecht, artikel 6:6)."]})
    else:
        verzuim, hersteltermijn_tot = "", None
    if bezwaar.hoorzitting_op is None and not bezwaar.afzien_van_horen_reden:
        raise ProcedureFout("Hoor de indiener eerst (Algemene wet bestuursrecht, artikel 7:2), of leg vast waarom dat niet "
                            "nodig is (artikel 7:3).", code="niet_gehoord")
    if uitkomst == Uitkomst.GEGROND:
        keuzes = [s for s in Soort.values if s != Soort.BUITEN_BEHANDELING]
        if nieuw_besluit_soort not in keuzes:
            raise ValidationError({"nieuw_besluit_soort": [
                f"Bij een gegrond bezwaar neemt u een nieuw besluit (Awb 7:11, tweede lid). Kies de soort: {', '.join(keuzes)}."
            ]})
    gemeente = Gemeentegegevens.huidige()
    if uitkomst != Uitkomst.GEGROND and gemeente is None:
        raise ProcedureFout("De gegevens van de gemeente voor brieven zijn nog niet ingevuld; de beslissing op het "
                            "bezwaar kan niet worden verstuurd. Vraag de beheerder dit te doen.", code="gemeentegegevens")
    velden = ("uitkomst", "motivering", "beslist_op", "beslist_door", "verzuim", "hersteltermijn_tot")
    voor = {v: getattr(bezwaar, v) for v in velden}
    brief = None
    try:
        with transaction.atomic():
            bezwaar.uitkomst = uitkomst
            bezwaar.motivering = motivering
            bezwaar.beslist_op = datum
            bezwaar.beslist_door = gebruiker
            bezwaar.verzuim = verzuim
            bezwaar.hersteltermijn_tot = hersteltermijn_tot
            bezwaar.save()
            nieuw = None
            if uitkomst == Uitkomst.GEGROND:
                nieuw = stel_nieuw_besluit_op(besluit, gebruiker, soort=nieuw_besluit_soort, op_bezwaar=bezwaar)
            else:
                brief = _maak_brief(bezwaar, gebruiker, datum, gemeente)
    except Exception:
        for veld, waarde in voor.items():  # nothing was stored: the object in memory says so too
            setattr(bezwaar, veld, waarde)
        raise
    te_laat = datum > bezwaar.beslistermijn_einde
    _log(gebruiker, grond, bezwaar, beleid.CHANGE,
         f"beslist: {uitkomst}{'; na afloop van de beslistermijn' if te_laat else ''}")
    if brief is not None:
        _log(gebruiker, grond, bezwaar, beleid.CREATE,
             f"brief verstuurd op {formaat.datum(datum)}; beroepstermijn tot en met {formaat.datum(brief.beroepstermijn_einde)}")
    return bezwaar, nieuw


def _maak_brief(bezwaar: Bezwaarschrift, gebruiker, datum: dt.date, gemeente) -> BezwaarBrief:
    """The letter "Beslissing op uw bezwaar" (Awb 7:12 lid 1: the reasons are stated when it is made known),
    from the current template versions; HTML and PDF stored with their SHA-256, like a besluit's `Brief`."""
    bronnen = briefmodule.bronnen_uit_database()
    try:
        gemaakt = briefmodule.maak_html_bezwaar(bezwaar, bronnen=bronnen, bekendmaking=datum, gemeente=gemeente)
    except SjabloonFout as fout:
        raise ProcedureFout(f"De brief over het bezwaar kan niet worden gemaakt: {fout}", code="sjabloon") from None
    meting = meet_brief(gemaakt.html)
    versies = [bronnen.versies[c] for c in gemaakt.gebruikt]
    return BezwaarBrief.objects.create(
        bezwaar=bezwaar, html=gemaakt.html, pdf=html_naar_pdf(gemaakt.html), sjabloonversie=versies[0],
        sjabloonversies=[{"code": v.sjabloon.code, "versie": v.nummer, "id": v.pk, "sha256": v.sha256} for v in versies],
        leesbaarheid={"flesch_douma": meting.flesch_douma, "woorden_per_zin": meting.woorden_per_zin,
                      "woorden": meting.woorden, "zinnen": meting.zinnen, "b1": meting.voldoet},
        bekendgemaakt_op=datum, beroepstermijn_einde=gemaakt.bezwaartermijn_einde, gemaakt_door=gebruiker,
    )


def brief_van(bezwaar: Bezwaarschrift, gebruiker) -> BezwaarBrief:
    """The stored letter on the bezwaar (access: VIEW on the zaak, logged)."""
    _vereis(gebruiker, bezwaar.besluit, beleid.VIEW, "brief inzien")
    brief = BezwaarBrief.objects.filter(bezwaar=bezwaar).first()
    if brief is None:
        raise ProcedureFout("Bij dit bezwaar is (nog) geen brief verstuurd. Bij een gegrond bezwaar krijgt de inwoner de "
                            "brief bij het nieuwe besluit.", code="geen_brief")
    return brief
