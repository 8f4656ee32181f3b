"""Jeugdhulp services: the pgb computed by the Regelkern and stored on the zaak (artikel 5:6), the GP route
(artikel 5:3) and what a herziening or intrekking besluit must rest on (artikel 5:7).

The Regelkern computes the Jeugd pgb from the consulent's findings (`maatwerk.zaken.jeugd_criteria`) plus the
figures of the plan (begroting) and the natura cost price; it reads no income or capital: Jeugd needs none, and
data of another domain stays out (purpose limitation, see docs/toegang.md). The result is stored as a
`Berekening` (input, result and uitleg as they were), like the income schemes.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from maatwerk import formaat
from maatwerk.personen.validators import parse_maand
from maatwerk.toegang import audit, beleid
from maatwerk.zaken.beoordeling import BEOORDELEN, _vereis_wijzigen
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.jeugd_criteria import PGB_GEWENST, VERWIJZING
from maatwerk.zaken.models import Berekening, Zaak
from maatwerk.zaken.vergrendeling import vergrendel, wijzigt_zaak

JEUGDIGE = "jeugdige"
VARIABELEN = [
    "jeugd_pgb_bedrag", "jeugd_pgb_maximum", "jeugd_pgb_reden_niet_toekenbaar", "jeugd_pgb_toekenbaar",
    "jeugd_pgb_uiterste_bestedingsdatum",
]
# Finding (criterion) -> Regelkern input; "ja" is the value under which the condition is met.
_BEVINDING_NAAR_INVOER = {
    "pgb_in_staat_tot_beheer": "jeugd_pgb_in_staat_tot_beheer",
    "pgb_natura_niet_passend": "jeugd_pgb_natura_niet_passend_gemotiveerd",
    "jeugd_pgb_kwaliteit_gewaarborgd": "jeugd_pgb_kwaliteit_gewaarborgd",
}
_NETWERK_INVOER = (
    "jeugd_pgb_netwerk_lager_tarief", "jeugd_pgb_netwerk_zorg_niet_te_zwaar", "jeugd_pgb_netwerk_geen_tussenpersoon",
    "jeugd_pgb_netwerk_geen_druk", "jeugd_pgb_netwerk_geen_sociale_relatie_dienst",
)
HULPVERLENERS = {"formeel": "formeel (een professionele hulpverlener)", "informeel": "informeel (iemand uit het netwerk of een niet-professional)"}


def _bedrag(waarde, veld: str) -> float:
    try:
        getal = Decimal(str(waarde).replace(",", ".")) if not isinstance(waarde, Decimal) else waarde
    except (InvalidOperation, ValueError):
        raise ValidationError({veld: ["Vul een bedrag in, bijvoorbeeld 517,00."]}) from None
    if not getal.is_finite() or getal < 0:
        raise ValidationError({veld: ["Het bedrag kan niet negatief zijn."]})
    if getal > Decimal("1000000"):
        raise ValidationError({veld: ["Het bedrag is onwaarschijnlijk hoog (meer dan € 1.000.000 per maand)."]})
    return float(getal.quantize(Decimal("0.01")))


def situatie_pgb(zaak: Zaak, maand: str, *, hulpverlener: str, natura_kostprijs, begroting, sociaal_netwerk: bool,
                 toekenningsdatum: dt.date | None = None) -> dict:
    """The Regelkern situation for the Jeugd pgb: only the jeugdige and the findings, no income data."""
    if hulpverlener not in HULPVERLENERS:
        raise ValidationError({"hulpverlener": [f"Kies formeel of informeel (artikel 5:6, derde lid)."]})
    bevindingen = dict(zaak.actuele_bevindingen().values_list("criterium", "waarde"))
    persoon: dict = {
        "geboortedatum": zaak.hoofdpersoon.geboortedatum.isoformat() if zaak.hoofdpersoon.geboortedatum else "2010-01-01",
        "jeugd_pgb_hulpverlener": {maand: hulpverlener},
        "jeugd_natura_kostprijs": {maand: _bedrag(natura_kostprijs, "natura_kostprijs")},
        "jeugd_pgb_begroting": {maand: _bedrag(begroting, "begroting")},
        "jeugd_pgb_hulp_uit_sociaal_netwerk": {maand: bool(sociaal_netwerk)},
    }
    for criterium, variabele in _BEVINDING_NAAR_INVOER.items():
        persoon[variabele] = {maand: bevindingen.get(criterium) == "ja"}
    netwerk_ok = bevindingen.get("pgb_sociaal_netwerk") == "ja"
    for variabele in _NETWERK_INVOER:
        persoon[variabele] = {maand: netwerk_ok}
    if toekenningsdatum is not None:
        persoon["jeugd_pgb_toekenningsdatum"] = {maand: toekenningsdatum.isoformat()}
    return {"personen": {JEUGDIGE: persoon}, "huishoudens": {"h": {"partners": [JEUGDIGE]}}}


@wijzigt_zaak
def bereken_pgb(zaak: Zaak, gebruiker, *, maand: str, hulpverlener: str, natura_kostprijs, begroting,
                sociaal_netwerk: bool = False, toekenningsdatum: dt.date | None = None) -> Berekening:
    """Compute the Jeugd pgb (artikel 5:6) and store it with its uitleg as a `Berekening` on the zaak."""
    from maatwerk.regels.berekening import bereken as regelkern
    from maatwerk.regels.invoer import InvoerFout

    # Part of the beoordeling: who may record findings on this zaak may compute its pgb (the BEREKENEN action
    # of the rights table is, by its definition, for the schemes whose amount the Regelkern computes as a whole).
    grond = _vereis_wijzigen(gebruiker, zaak, "berekening", f"pgb jeugdhulp {maand}")
    if zaak.regeling != "jeugdhulp":
        raise ProcedureFout("Een pgb voor jeugdhulp berekent u alleen op een zaak jeugdhulp.", code="geen_jeugdhulp")
    _mag_rekenen(zaak)
    bevindingen = dict(zaak.actuele_bevindingen().values_list("criterium", "waarde"))
    if bevindingen.get(PGB_GEWENST) != "ja":
        raise ProcedureFout(
            "Leg eerst de bevinding vast dat de jeugdige of zijn ouders een pgb willen (artikel 5:6, eerste lid).",
            code="pgb_niet_gewenst",
        )
    peil = parse_maand(maand)
    situatie = situatie_pgb(zaak, maand, hulpverlener=hulpverlener, natura_kostprijs=natura_kostprijs,
                            begroting=begroting, sociaal_netwerk=sociaal_netwerk, toekenningsdatum=toekenningsdatum)
    try:
        uitkomst = regelkern(situatie, maand, settings.MAATWERK_GEMEENTE, VARIABELEN, True)
    except InvoerFout as fout:
        raise ValidationError({f"invoer.{fout.veld}" if fout.veld else "invoer": [fout.bericht]}) from None
    resultaat = uitkomst["resultaten"]["personen"][JEUGDIGE]
    bedrag = Decimal(str(resultaat["jeugd_pgb_bedrag"])).quantize(Decimal("0.01"))
    waarschuwingen = []
    for criterium in _BEVINDING_NAAR_INVOER:
        if criterium not in bevindingen:
            waarschuwingen.append(f"Bevinding {criterium} is nog niet vastgelegd; de Regelkern rekent met 'nee'.")
    if sociaal_netwerk and "pgb_sociaal_netwerk" not in bevindingen:
        waarschuwingen.append("Bevinding pgb_sociaal_netwerk is nog niet vastgelegd; de Regelkern rekent met 'nee'.")
    with audit.verzamel_weigeringen(), transaction.atomic():
        actueel = vergrendel(zaak)
        _mag_rekenen(actueel)
        berekening = Berekening.objects.create(
            zaak=actueel, maand=peil, gemeente=uitkomst["gemeente"], situatie=situatie, resultaat=uitkomst["resultaten"],
            uitleg=uitkomst.get("uitleg", {}), waarschuwingen=waarschuwingen, bedrag=bedrag, door=gebruiker,
        )
        audit.log(gebruiker, beleid.CREATE, grond, zaak=actueel, inwoner=actueel.hoofdpersoon, onderwerp="berekening",
                  toelichting=f"pgb jeugdhulp {maand}")
    zaak.refresh_from_db()
    return berekening


def _mag_rekenen(zaak: Zaak) -> None:
    if zaak.is_afgerond or zaak.status not in BEOORDELEN:
        raise ProcedureFout(
            f"Een pgb berekent u tijdens de beoordeling (status aanvraag of beoordeling); deze zaak heeft status "
            f"'{zaak.get_status_display()}'.", code="geen_beoordeling",
        )


def pgb_berekening_tekst(berekening: Berekening) -> str:
    """How the amount was computed, in short B1 sentences for the besluit (artikel 5:5, derde lid, onder c): the
    natura cost price, the percentage of 5:6 lid 3 (read from the dated parameter of that month), the begroting
    of lid 4, and the result."""
    from maatwerk.regels import systeem

    maand = berekening.maand.strftime("%Y-%m")
    invoer = berekening.situatie["personen"][JEUGDIGE]
    resultaat = berekening.resultaat["personen"][JEUGDIGE]
    informeel = invoer["jeugd_pgb_hulpverlener"][maand] == "informeel"
    pgb = systeem(berekening.gemeente).parameters(maand).gemeente.jeugd.pgb
    deel = pgb.informeel_deel_kostprijs if informeel else pgb.formeel_deel_kostprijs
    procent = f"{Decimal(str(deel)) * 100:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    wie = "iemand die dit niet als beroep doet" if informeel else "een beroepskracht"
    kostprijs = Decimal(str(invoer["jeugd_natura_kostprijs"][maand]))
    begroting = Decimal(str(invoer["jeugd_pgb_begroting"][maand]))
    maximum = Decimal(str(resultaat["jeugd_pgb_maximum"]))
    # Short on purpose (issue 10: the pgb letter fits two pages); the full computation is in the bijlage.
    tekst = (f"Hulp in natura kost {formaat.bedrag(kostprijs)} per maand. Voor hulp door {wie} is het pgb ten hoogste "
             f"{procent} % daarvan: {formaat.bedrag(maximum)}.")
    if berekening.bedrag is not None and berekening.bedrag != maximum:
        tekst += f" Uw begroting is {formaat.bedrag(begroting)}. U krijgt {formaat.bedrag(berekening.bedrag)} per maand."
    return tekst


def pgb_gewenst(zaak: Zaak) -> bool:
    """Whether the jeugdige or parents want a pgb (the finding of artikel 5:6, eerste lid)."""
    return zaak.actuele_bevindingen().filter(criterium=PGB_GEWENST, waarde="ja").exists()


def reden_label(berekening: Berekening) -> str:
    """The first pgb condition not met, as a sentence (the Regelkern's label), or '' when all are met."""
    from maatwerk.regels.variables.jeugd_pgb import JeugdPgbReden

    code = (berekening.resultaat or {}).get("personen", {}).get(JEUGDIGE, {}).get("jeugd_pgb_reden_niet_toekenbaar")
    if not code or code == "geen" or code not in JeugdPgbReden.__members__:
        return ""
    return JeugdPgbReden[code].value


def route(zaak: Zaak) -> str | None:
    """'verwijzing' (GP route, artikel 5:3), 'college' (artikel 5:4) or None while the finding is not recorded."""
    waarde = zaak.actuele_bevindingen().filter(criterium=VERWIJZING).values_list("waarde", flat=True).first()
    return {"ja": "verwijzing", "nee": "college"}.get(waarde)


__all__ = ["bereken_pgb", "pgb_berekening_tekst", "route", "situatie_pgb"]
