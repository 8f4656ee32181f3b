"""The procedure of a zaak as an explicit state machine (Verordening Sociaal Domein 2018, hoofdstuk 2).

    melding ──► onderzoek ──► ondersteuningsplan ──► aanvraag ──► beoordeling ──► klaar_voor_besluit ──► besluit
       │  ▲          │  ▲                 │            ▲   │            │   ▲              │
       │  │          ▼  │                 │            │   │            │   └──────────────┘ (teruggezet)
       │  │   spoedvoorziening            │            │   ├─► buiten_behandeling (Awb 4:5)
       │  └──────────── (art. 2:6 lid 4: gedateerd/onvolledig plan → melding) ◄─┘
       └──► aanvraag (not for the Wmo: art. 2:5 lid 2)          any open state ──► ingetrokken

Art. 2:1 onder d: "spoedprocedure: een directe verstrekking van een tijdelijke individuele of
maatwerkvoorziening in een onvoorziene situatie die geen uitstel verdraagt. Het onderzoek zoals bedoeld
onder b. vindt daarna plaats." Art. 2:2 lid 5: "In spoedeisende gevallen biedt het college zo spoedig
mogelijk een passende tijdelijke voorziening [...]".

`voer_uit` is the only way to change a zaak's status: it checks access, the table, the reason, the date and
the rule of the step, records a `Statusovergang` (from, to, who, when, why, which article) and logs it.

A decision (besluit, buiten behandeling) is never a bare status change: Awb 3:46 asks a reasoned besluit and
Awb 4:5 makes "buiten behandeling" a besluit too; seed 004 asks "gemotiveerde besluiten" with objection rights.
So these steps need the `Besluit` (with its letter) of `maatwerk.besluiten`, whose `vaststellen` takes them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from maatwerk import formaat
from maatwerk.personen.validators import valideer_verleden
from maatwerk.toegang import audit, beleid, rechten
from maatwerk.zaken import termijnen
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import AanvraagVia, Status, Statusovergang, Uitkomst, Zaak
from maatwerk.zaken.onderzoek import open_onderzoek
from maatwerk.zaken.regelingen import WMO

VO = "Verordening Sociaal Domein 2018"
MIN_REDEN = 10  # characters; a quality rule for written reasons, not a legal figure

S = Status

# Steps taken only by finalising a Besluit (maatwerk.besluiten.services.vaststellen), never by hand.
ALLEEN_VIA_BESLUIT = frozenset({S.BESLUIT, S.BUITEN_BEHANDELING})
BESLUITEN_PAGINA = "Besluiten en brieven"  # the name of the page where a besluit is prepared
# The soorten of maatwerk.besluiten.models.Soort this module relies on (values, not an import: besluiten
# depends on zaken, not the other way round; tests/web/test_procedure.py checks they still exist).
SOORT_BUITEN_BEHANDELING = "buiten_behandeling"
UITKOMST_VAN_SOORT = {
    "toekenning": Uitkomst.TOEGEKEND,
    "gedeeltelijke_toekenning": Uitkomst.GEDEELTELIJK_TOEGEKEND,
    "afwijzing": Uitkomst.AFGEWEZEN,
}
BESLUIT_VERVALLEN = "vervallen"


@dataclass(frozen=True)
class Overgang:
    van: str
    naar: str
    actie: str  # what the step means, in the words of a consulent
    grondslag: str
    reden_verplicht: bool = False

    @property
    def alleen_via_besluit(self) -> bool:
        return self.naar in ALLEEN_VIA_BESLUIT


_INTREKKEN = "Intrekking op verzoek van de inwoner (de inwoner kan zijn melding of aanvraag altijd intrekken)"

OVERGANGEN: tuple[Overgang, ...] = (
    Overgang(S.MELDING, S.ONDERZOEK, "Eerste gesprek gevoerd: het onderzoek start",
             f"{VO}, artikel 2:1, onder b, en artikel 2:3, eerste lid"),
    Overgang(S.MELDING, S.SPOEDVOORZIENING, "Spoed: tijdelijke voorziening direct, onderzoek daarna",
             f"{VO}, artikel 2:1, onder d, en artikel 2:2, vijfde lid", reden_verplicht=True),
    Overgang(S.MELDING, S.AANVRAAG, "Aanvraag ontvangen zonder voorafgaand onderzoek (niet voor de Wmo)",
             f"{VO}, artikel 2:5, eerste en tweede lid"),
    Overgang(S.MELDING, S.INGETROKKEN, "Melding ingetrokken", _INTREKKEN, reden_verplicht=True),
    Overgang(S.SPOEDVOORZIENING, S.ONDERZOEK, "Onderzoek na de spoedvoorziening", f"{VO}, artikel 2:1, onder d"),
    Overgang(S.SPOEDVOORZIENING, S.INGETROKKEN, "Melding ingetrokken", _INTREKKEN, reden_verplicht=True),
    Overgang(S.ONDERZOEK, S.SPOEDVOORZIENING, "Spoed: tijdelijke voorziening direct, onderzoek loopt door",
             f"{VO}, artikel 2:1, onder d, en artikel 2:2, vijfde lid", reden_verplicht=True),
    Overgang(S.ONDERZOEK, S.ONDERSTEUNINGSPLAN, "Onderzoek afgerond: uitkomsten vastleggen in het ondersteuningsplan",
             f"{VO}, artikel 2:4, eerste lid"),
    Overgang(S.ONDERZOEK, S.AANVRAAG, "Aanvraag vóór afronding van het onderzoek",
             f"{VO}, artikel 2:5, eerste tot en met derde lid; Wmo 2015, artikel 2.3.2, negende lid"),
    Overgang(S.ONDERZOEK, S.INGETROKKEN, "Melding ingetrokken", _INTREKKEN, reden_verplicht=True),
    Overgang(S.ONDERSTEUNINGSPLAN, S.AANVRAAG, "Aanvraag ontvangen (aanvraagformulier of ondertekend plan)",
             f"{VO}, artikel 2:5, eerste en vierde lid"),
    Overgang(S.ONDERSTEUNINGSPLAN, S.MELDING, "Plan gedateerd of onvolledig: aangemerkt als melding",
             f"{VO}, artikel 2:6, vierde lid", reden_verplicht=True),
    Overgang(S.ONDERSTEUNINGSPLAN, S.INGETROKKEN, "Melding ingetrokken", _INTREKKEN, reden_verplicht=True),
    Overgang(S.AANVRAAG, S.BEOORDELING, "Beoordeling van de aanvraag gestart", f"{VO}, artikel 2:6, eerste lid"),
    Overgang(S.AANVRAAG, S.MELDING, "Plan gedateerd of onvolledig: aanvraag aangemerkt als melding",
             f"{VO}, artikel 2:6, vierde lid", reden_verplicht=True),
    Overgang(S.AANVRAAG, S.BUITEN_BEHANDELING, "Aanvraag buiten behandeling gesteld (gegevens niet aangevuld)",
             "Algemene wet bestuursrecht, artikel 4:5, eerste lid", reden_verplicht=True),
    Overgang(S.AANVRAAG, S.INGETROKKEN, "Aanvraag ingetrokken", _INTREKKEN, reden_verplicht=True),
    Overgang(S.BEOORDELING, S.KLAAR_VOOR_BESLUIT, "Voorstel klaar voor besluit",
             f"{VO}, artikel 2:6, eerste lid; mandaattabel (lokaal beleid)"),
    Overgang(S.BEOORDELING, S.MELDING, "Plan gedateerd of onvolledig: aanvraag aangemerkt als melding",
             f"{VO}, artikel 2:6, vierde lid", reden_verplicht=True),
    Overgang(S.BEOORDELING, S.BUITEN_BEHANDELING, "Aanvraag buiten behandeling gesteld (gegevens niet aangevuld)",
             "Algemene wet bestuursrecht, artikel 4:5, eerste lid", reden_verplicht=True),
    Overgang(S.BEOORDELING, S.INGETROKKEN, "Aanvraag ingetrokken", _INTREKKEN, reden_verplicht=True),
    Overgang(S.KLAAR_VOOR_BESLUIT, S.BEOORDELING, "Teruggezet naar beoordeling", "Vier-ogenprincipe (lokaal beleid)",
             reden_verplicht=True),
    Overgang(S.KLAAR_VOOR_BESLUIT, S.BESLUIT, "Besluit genomen", "Algemene wet bestuursrecht, artikel 1:3 en 4:13"),
    Overgang(S.KLAAR_VOOR_BESLUIT, S.INGETROKKEN, "Aanvraag ingetrokken", _INTREKKEN, reden_verplicht=True),
)
TABEL: dict[tuple[str, str], Overgang] = {(o.van, o.naar): o for o in OVERGANGEN}


def mogelijke_overgangen(zaak: Zaak) -> list[Overgang]:
    """The steps a person can take directly from the current status (the rules of each step are checked on
    execution). The steps into besluit / buiten_behandeling are left out: see `via_besluit`."""
    return [o for o in OVERGANGEN if o.van == zaak.status and not o.alleen_via_besluit]


def via_besluit(zaak: Zaak) -> list[Overgang]:
    """The steps from the current status that are taken by finalising a Besluit (Besluiten en brieven)."""
    return [o for o in OVERGANGEN if o.van == zaak.status and o.alleen_via_besluit]


@dataclass(frozen=True)
class Stap:
    datum: dt.date
    reden: str
    via: str
    uitkomst: str
    bedrag: Decimal | None


def _statusnaam(code: str) -> str:
    """The status as a person reads it ("klaar voor besluit"), not its code."""
    return Status(code).label if code in Status.values else str(code)


def _fout_overgang(zaak: Zaak, naar: str) -> ProcedureFout:
    mogelijk = ", ".join(
        f"{_statusnaam(o.naar)} (via een besluit)" if o.alleen_via_besluit else _statusnaam(o.naar)
        for o in OVERGANGEN if o.van == zaak.status
    ) or "geen (de zaak is afgerond)"
    van = _statusnaam(zaak.status)
    return ProcedureFout(
        f"Van '{van}' naar '{_statusnaam(naar)}' is geen toegestane stap in de procedure. Mogelijk vanuit "
        f"'{van}': {mogelijk}.",
        code="ongeldige_overgang",
    )


def _controleer_datum(zaak: Zaak, datum: dt.date) -> None:
    try:
        valideer_verleden(datum, "Datum")
    except ValidationError as fout:
        raise ValidationError({"datum": fout.messages}) from None
    vorige = zaak.overgangen.order_by("-op", "-id").first()
    if vorige and datum < vorige.datum:
        raise ValidationError({"datum": [
            f"De datum {formaat.datum(datum)} ligt vóór de vorige stap ({Status(vorige.naar).label} op {formaat.datum(vorige.datum)})."
        ]})


def besluit_vereist_melding(naar: str) -> str:
    """Why `naar` cannot be reached by hand, in Dutch, naming the page and the article."""
    if naar == S.BUITEN_BEHANDELING:
        return (
            "Een aanvraag buiten behandeling stellen is een besluit (Algemene wet bestuursrecht, artikel 4:5): de "
            "inwoner krijgt een brief met de gegevens die ontbreken en hoe hij bezwaar kan maken. Stel dat besluit op "
            f"bij ‘{BESLUITEN_PAGINA}’; als het besluit wordt vastgesteld, gaat de zaak naar ‘buiten behandeling "
            "gesteld’."
        )
    return (
        f"Een besluit neemt u door het besluit op te stellen bij ‘{BESLUITEN_PAGINA}’. Een besluit moet deugdelijk "
        "gemotiveerd zijn en de inwoner krijgt het in een brief, met de mogelijkheid van bezwaar (Algemene wet "
        "bestuursrecht, artikel 3:46). Als het besluit wordt vastgesteld, gaat de zaak naar ‘besluit’."
    )


def _controleer_besluit(zaak: Zaak, naar: str, besluit) -> None:
    """The steps into besluit / buiten_behandeling need the Besluit that takes them: of this zaak, of the
    matching soort, following the proposal that was judged (four eyes) and not vervallen."""
    if naar not in ALLEEN_VIA_BESLUIT:
        if besluit is not None:
            raise ProcedureFout(f"Een besluit hoort alleen bij de stap naar besluit of buiten behandeling, niet bij "
                                f"de stap naar '{naar}'.", code="besluit_niet_van_toepassing")
        return
    if besluit is None:
        raise ProcedureFout(besluit_vereist_melding(naar), code="besluit_vereist")
    # apps.get_model: maatwerk.besluiten imports this module, so no import of it here.
    if not isinstance(besluit, apps.get_model("besluiten", "Besluit")):
        raise ProcedureFout("Geef het besluit (uit ‘Besluiten en brieven’) dat deze stap zet.", code="besluit_ongeldig")
    if besluit.zaak_id != zaak.pk:
        raise ProcedureFout(f"Besluit {besluit.kenmerk} hoort bij een andere zaak.", code="besluit_andere_zaak")
    if besluit.status == BESLUIT_VERVALLEN:
        raise ProcedureFout(f"Besluit {besluit.kenmerk} is vervallen.", code="besluit_vervallen")
    if naar == S.BUITEN_BEHANDELING:
        if besluit.soort != SOORT_BUITEN_BEHANDELING:
            raise ProcedureFout(
                f"Besluit {besluit.kenmerk} is een {besluit.get_soort_display()}; buiten behandeling stellen gaat met "
                "een besluit ‘buiten behandeling stellen’ (Algemene wet bestuursrecht, artikel 4:5).",
                code="soort_past_niet",
            )
        return
    if UITKOMST_VAN_SOORT.get(besluit.soort) != zaak.voorstel_uitkomst:
        raise ProcedureFout(
            f"Besluit {besluit.kenmerk} is een {besluit.get_soort_display()}; het voorstel in de zaak is "
            f"‘{zaak.get_voorstel_uitkomst_display()}’. Het besluit volgt het voorstel dat is beoordeeld.",
            code="soort_past_niet",
        )


# ------------------------------------------------------------------ the rules of the steps


def _regel_aanvraag(zaak: Zaak, overgang: Overgang, stap: Stap) -> tuple[Overgang, str]:
    via = stap.via or AanvraagVia.FORMULIER
    if via not in AanvraagVia.values:
        raise ValidationError({"via": [f"Onbekende wijze van aanvragen '{via}'; kies uit: {', '.join(AanvraagVia.values)}."]})
    if via == AanvraagVia.ONLINE:
        # Only the loket's own submission records an online aanvraag (maatwerk.loket.aanvraag), with its receipt.
        raise ValidationError({"via": ["Een online aanvraag komt alleen binnen via het loket van de inwoner; kies "
                                       "het aanvraagformulier of het ondertekende ondersteuningsplan."]})
    if via == AanvraagVia.ONDERTEKEND_PLAN:
        plan = zaak.huidig_plan() if zaak.status == S.ONDERSTEUNINGSPLAN else None
        if plan is None or plan.ondertekend_op is None:
            raise ProcedureFout(
                f"Er is geen voor akkoord ondertekend ondersteuningsplan dat als aanvraag kan gelden ({VO}, artikel "
                "2:5, vierde lid). De inwoner kan een aanvraagformulier indienen (artikel 2:5, eerste lid).",
                code="plan_niet_ondertekend",
            )
        if plan.ondertekend_op > stap.datum:
            raise ValidationError({"datum": ["De aanvraagdatum ligt vóór de ondertekening van het plan."]})
        gesprek = plan.onderzoek.laatste_gesprekdatum or plan.onderzoek.gesprekdatum
        tot, bron, maanden = termijnen.plan_als_aanvraag_tot(gesprek)
        if stap.datum > tot:
            # Art. 2:5 lid 4: not a complete aanvraag; art. 2:6 lid 4: an aanvraag with a dated plan is a melding.
            reden = (
                f"Het ondertekende ondersteuningsplan geldt niet als aanvraag: het gesprek van {formaat.datum(gesprek)} "
                f"was langer dan {maanden} maanden geleden (uiterlijk {formaat.datum(tot)}; {bron}). De aanvraag is "
                f"aangemerkt als melding ({VO}, artikel 2:6, vierde lid); een nieuw gesprek start een nieuw onderzoek."
            )
            naar_melding = replace(TABEL[(S.ONDERSTEUNINGSPLAN, S.MELDING)],
                                   grondslag=f"{bron}; {VO}, artikel 2:6, vierde lid")
            return naar_melding, reden
    if zaak.domein == WMO and zaak.status in (S.MELDING, S.ONDERZOEK):
        if zaak.meldingsdatum is None:
            raise ProcedureFout(
                f"Een aanvraag voor een Wmo-voorziening kan niet eerder worden gedaan dan nadat het onderzoek is "
                f"uitgevoerd ({VO}, artikel 2:5, tweede lid). Er is nog geen eerste gesprek geweest, dus de "
                f"onderzoekstermijn loopt nog niet (artikel 2:1, onder b).",
                code="wmo_aanvraag_voor_onderzoek",
            )
        termijn = termijnen.onderzoekstermijn_wmo(zaak.meldingsdatum)
        if stap.datum <= termijn.einde:
            raise ProcedureFout(
                f"Een aanvraag voor een Wmo-voorziening kan pas na het onderzoek ({VO}, artikel 2:5, tweede lid), "
                f"tenzij de onderzoekstermijn is verstreken (artikel 2:5, derde lid; {termijn.bron}). Die termijn "
                f"loopt tot en met {formaat.datum(termijn.einde)} ({'; '.join(termijn.stappen)}); een aanvraag zonder "
                f"afgerond onderzoek kan vanaf {formaat.datum((termijn.einde + dt.timedelta(days=1)))}.",
                code="wmo_onderzoekstermijn_loopt",
            )
    return overgang, ""


def _regel_ondersteuningsplan(zaak: Zaak, overgang: Overgang, stap: Stap) -> tuple[Overgang, str]:
    onderzoek = zaak.huidig_onderzoek()
    ontbreekt = onderzoek.ontbrekende_checklist() if onderzoek else ["a tot en met i"]
    if ontbreekt:
        raise ProcedureFout(
            f"Het ondersteuningsplan legt de uitkomsten vast van artikel 2:3, derde lid, onder a tot en met i "
            f"({VO}, artikel 2:4, eerste lid). Nog niet beschreven in het onderzoek: {'; '.join(ontbreekt)}.",
            code="onderzoek_onvolledig",
        )
    return overgang, ""


def _regel_klaar_voor_besluit(zaak: Zaak, overgang: Overgang, stap: Stap) -> tuple[Overgang, str]:
    from maatwerk.zaken import beoordeling

    beoordeling.controleer_compleet(zaak)
    if stap.uitkomst not in Uitkomst.values:
        raise ValidationError({"uitkomst": [f"Kies de voorgestelde uitkomst: {', '.join(Uitkomst.values)}."]})
    beoordeling.controleer_bedrag(zaak, stap.uitkomst, stap.bedrag)
    return overgang, ""


def _regel_besluit(zaak: Zaak, overgang: Overgang, stap: Stap, gebruiker) -> tuple[Overgang, str]:
    from maatwerk.zaken import vierogen

    vierogen.controleer_besluit(zaak, gebruiker)
    return overgang, ""


# ------------------------------------------------------------------ effects


def _pas_toe(zaak: Zaak, overgang: Overgang, stap: Stap, gebruiker) -> None:
    naar = overgang.naar
    if naar == S.ONDERZOEK and zaak.meldingsdatum is None:
        # Art. 2:1 onder b: the date of the first conversation counts as the date of the melding.
        zaak.meldingsdatum = stap.datum
        open_onderzoek(zaak, gebruiker, stap.datum)
    elif naar == S.SPOEDVOORZIENING:
        zaak.spoed = True
    elif naar == S.AANVRAAG:
        zaak.aanvraagdatum = stap.datum
        zaak.aanvraag_via = stap.via or AanvraagVia.FORMULIER
    elif naar == S.MELDING:
        zaak.meldingsdatum = None
        zaak.aanvraagdatum = None
        zaak.aanvraag_via = ""
    elif naar == S.KLAAR_VOOR_BESLUIT:
        from maatwerk.zaken import beoordeling

        zaak.voorstel_uitkomst = stap.uitkomst
        zaak.voorstel_bedrag = beoordeling.voorstel_bedrag(zaak, stap.uitkomst, stap.bedrag)
    elif naar == S.BEOORDELING and zaak.status == S.KLAAR_VOOR_BESLUIT:
        zaak.voorstel_uitkomst = ""
        zaak.voorstel_bedrag = None
    elif naar == S.BESLUIT:
        zaak.besluit_uitkomst = zaak.voorstel_uitkomst
        zaak.besluit_bedrag = zaak.voorstel_bedrag
        zaak.besluitdatum = stap.datum
    zaak.status = naar
    zaak.save()


def _handeling_van_stap(naar: str) -> str:
    """The row of the rights table a step belongs to."""
    if naar == S.KLAAR_VOOR_BESLUIT:
        return rechten.VOORSTEL_KLAARZETTEN
    if naar in ALLEEN_VIA_BESLUIT:
        return rechten.BESLUIT_VASTSTELLEN
    return rechten.ZAAK_WIJZIGEN


def voer_uit(zaak: Zaak, naar: str, gebruiker, *, datum: dt.date | None = None, reden: str = "", via: str = "",
             uitkomst: str = "", bedrag: Decimal | None = None, besluit=None, handeling: str | None = None) -> Statusovergang:
    """Move `zaak` to status `naar`. Raises GeenToegang, ValidationError (bad input) or ProcedureFout (the rule
    does not allow it). Returns the recorded step; note that a signed but dated plan turns an aanvraag into a
    melding (art. 2:5 lid 4, 2:6 lid 4): read `.naar` of the result.
    `besluit` (a `maatwerk.besluiten` Besluit) is required for, and only for, the steps into besluit and
    buiten_behandeling (Awb 3:46, 4:5); `besluiten.services.vaststellen` passes it.
    `handeling` names the row of the rights table when the caller acts in another capacity than the step
    itself says (the second person sending a proposal back: vier_ogen_goedkeuren)."""
    # Access first and outside the transaction, so a refusal stays in the audit log.
    if handeling != rechten.VIER_OGEN_GOEDKEUREN or naar != S.BEOORDELING:  # that capacity only sends back
        handeling = _handeling_van_stap(naar)
    grond = beleid.grond_zaak(gebruiker, zaak, beleid.CHANGE, handeling=handeling)
    if not grond.toegestaan:
        beleid.vereis_zaak(gebruiker, zaak, beleid.CHANGE, onderwerp="status", toelichting=f"→ {naar}", handeling=handeling)
    if naar not in Status.values:
        raise ValidationError({"naar": [f"Onbekende status '{naar}'; kies uit: {', '.join(Status.values)}."]})
    aanroeper = zaak
    with transaction.atomic():
        zaak = Zaak.objects.select_for_update().get(pk=zaak.pk)
        overgang = TABEL.get((zaak.status, naar))
        if overgang is None:
            raise _fout_overgang(zaak, naar)
        _controleer_besluit(zaak, naar, besluit)
        stap = Stap(datum=datum or timezone.localdate(), reden=(reden or "").strip(), via=via or "",
                    uitkomst=uitkomst or "", bedrag=bedrag)
        _controleer_datum(zaak, stap.datum)
        if overgang.reden_verplicht and len(stap.reden) < MIN_REDEN:
            raise ValidationError({"reden": [
                f"Geef een reden van ten minste {MIN_REDEN} tekens voor deze stap ({overgang.actie})."
            ]})
        automatische_reden = ""
        if naar == S.AANVRAAG:
            overgang, automatische_reden = _regel_aanvraag(zaak, overgang, stap)
        elif naar == S.ONDERSTEUNINGSPLAN:
            overgang, automatische_reden = _regel_ondersteuningsplan(zaak, overgang, stap)
        elif naar == S.KLAAR_VOOR_BESLUIT:
            overgang, automatische_reden = _regel_klaar_voor_besluit(zaak, overgang, stap)
        elif naar == S.BESLUIT:
            overgang, automatische_reden = _regel_besluit(zaak, overgang, stap, gebruiker)
        van = zaak.status
        _pas_toe(zaak, overgang, stap, gebruiker)
        stap_reden = " ".join(r for r in (automatische_reden, stap.reden) if r)
        record = Statusovergang.objects.create(
            zaak=zaak, van=van, naar=overgang.naar, datum=stap.datum, reden=stap_reden,
            grondslag=overgang.grondslag, door=gebruiker,
        )
        audit.log(gebruiker, beleid.CHANGE, grond, zaak=zaak, inwoner=zaak.hoofdpersoon, onderwerp="status",
                  toelichting=f"{van} → {overgang.naar}")
    aanroeper.refresh_from_db()  # the caller's instance shows the new status
    return record
