"""The Wmo computation of a zaak (issue 10 points 2 and 3): the pgb (Verordening Sociaal Domein 2018 artikel 4:7 en
4:8) and the eigen bijdrage (artikel 4:9, from 2019 the abonnementstarief of artikel 2.1.4 Wmo 2015 with artikel 3.8
Uitvoeringsbesluit Wmo 2015), computed by the Regelkern from the zaak's findings and the few facts the consulent
gives here, and stored as a `Berekening` snapshot with its uitleg (like the income schemes).

The natura cost price comes from the contracted product's tariff for the month when the consulent names a product
(`zaken/wmo_kostprijs.py`); the typed price is the fallback only when no product applies, and the snapshot says
which was used.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from maatwerk.toegang import rechten
from maatwerk.zaken import beoordeling, wmo_kostprijs
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import Berekening, Zaak
from maatwerk.zaken.regelingen import WMO

# Names and labels of the Regelkern's enums (regels/variables/wmo_pgb.py, wmo_eigen_bijdrage.py), for the form.
PGB_SOORTEN = (
    ("geen", "Geen pgb (zorg in natura)"),
    ("huishoudelijke_ondersteuning_informeel", "Huishoudelijke ondersteuning door iemand die dit niet beroepsmatig doet"),
    ("individuele_begeleiding_informeel", "Individuele begeleiding door iemand die dit niet beroepsmatig doet"),
    ("kortdurend_verblijf_informeel", "Kortdurend verblijf door iemand die dit niet beroepsmatig doet"),
    ("professionele_hulp", "Ondersteuning door een beroepskracht"),
    ("hulpmiddel", "Hulpmiddel"),
    ("sportvoorziening", "Sportrolstoel of andere sportvoorziening"),
    ("verhuizing", "Verhuizing"),
    ("toegankelijk_maken_woning", "Toegankelijk maken van de woning"),
    ("woningsanering", "Woningsanering"),
    ("taxi", "Taxikostenvergoeding"),
    ("rolstoeltaxi", "Rolstoeltaxikostenvergoeding"),
)
VOORZIENINGEN = (
    ("doorlopend", "Doorlopende voorziening (dienst, of in bruikleen)"),
    ("koopvoorziening", "Koopvoorziening"),
    ("woningaanpassing", "Woningaanpassing"),
    ("rolstoel", "Rolstoel"),
    ("clientondersteuning", "Cliëntondersteuning"),
    ("beschermd_wonen", "Beschermd wonen"),
)
_SOORTEN = {c for c, _ in PGB_SOORTEN}
_VOORZIENINGEN = {c for c, _ in VOORZIENINGEN}


def _getal(waarde, veld: str, label: str) -> float | None:
    if waarde in (None, ""):
        return None
    try:
        getal = Decimal(str(waarde).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ValidationError({veld: [f"{label}: vul een getal in, bijvoorbeeld 400 of 400,00."]}) from None
    if not getal.is_finite() or getal < 0 or getal > Decimal("1000000"):
        raise ValidationError({veld: [f"{label}: vul een bedrag of aantal in tussen 0 en 1.000.000."]})
    return float(getal)


def _datum(waarde, veld: str, label: str) -> dt.date | None:
    if waarde in (None, ""):
        return None
    if isinstance(waarde, dt.date):
        return waarde
    try:
        return dt.date.fromisoformat(str(waarde))
    except ValueError:
        raise ValidationError({veld: [f"{label}: vul een datum in als JJJJ-MM-DD."]}) from None


def bereken_wmo(zaak: Zaak, gebruiker, *, maand: str, pgb_soort: str = "geen", natura_kostprijs=None, uren=None,
                etmalen=None, begrote_kosten=None, voorziening: str = "doorlopend", kostprijs=None,
                bijdrage_inkomen=None, omschrijving: str = "", omvang: str = "", ingangsdatum=None,
                einddatum=None, product=None, aanbieder=None, volume=None) -> Berekening:
    """Compute pgb and eigen bijdrage for a Wmo zaak and store the snapshot. Bad input: ValidationError naming the
    field, in Dutch. `kostprijs` is the cost price per bijdrageperiode (art. 4:9 lid 2: the bijdrage never exceeds
    it); not given, the natura cost price is used and the snapshot says so. `product` (a Wmo product or its code),
    `aanbieder` (or its AGB code, where its tariff differs) and `volume` (units per the product's frequentie): the
    natura cost price comes from the product's tariff (`wmo_kostprijs.bereken`) and replaces a typed one."""
    # Access first (a refusal is audited and says nothing about the input), then the input, then the rules.
    beoordeling._vereis_wijzigen(gebruiker, zaak, "berekening", str(maand), handeling=rechten.BEREKENEN)
    if zaak.domein != WMO:
        raise ProcedureFout("Deze berekening is voor een Wmo-maatwerkvoorziening.", code="geen_wmo")
    if pgb_soort not in _SOORTEN:
        raise ValidationError({"pgb_soort": ["Kies waarvoor het pgb is, of 'geen pgb'."]})
    if voorziening not in _VOORZIENINGEN:
        raise ValidationError({"voorziening": ["Kies de soort voorziening voor de eigen bijdrage."]})
    natura = _getal(natura_kostprijs, "natura_kostprijs", "Kostprijs in natura")
    aantal_uren = _getal(uren, "uren", "Uren per maand")
    aantal_etmalen = _getal(etmalen, "etmalen", "Etmalen per maand")
    begroot = _getal(begrote_kosten, "begrote_kosten", "Begrote kosten")
    prijs = _getal(kostprijs, "kostprijs", "Kostprijs per bijdrageperiode")
    inkomen = _getal(bijdrage_inkomen, "bijdrage_inkomen", "Inkomen voor de bijdrage")
    begin = _datum(ingangsdatum, "ingangsdatum", "Ingangsdatum")
    einde = _datum(einddatum, "einddatum", "Einddatum")
    if begin and einde and einde < begin:
        raise ValidationError({"einddatum": ["De einddatum ligt vóór de ingangsdatum."]})
    pgb = beoordeling.huidige_waarden(zaak).get("vorm_pgb") == "ja"
    if pgb and pgb_soort == "geen":
        raise ValidationError({"pgb_soort": ["De inwoner kiest een pgb (bevinding): kies waarvoor het pgb is."]})
    kostprijs_gegevens = {"herkomst": "ingevuld", "bedrag": str(natura)} if natura is not None else {"herkomst": "geen"}
    if product not in (None, ""):
        uit_tarief = wmo_kostprijs.bereken(product=product, aanbieder=aanbieder, volume=volume, maand=str(maand),
                                           pgb_soort=pgb_soort if pgb else "geen")
        natura = float(uit_tarief.voor_pgb)
        kostprijs_gegevens = uit_tarief.gegevens()
        if prijs is None:
            # Art. 4:9 lid 3: the cost price of the bijdrage follows from the contract, per bijdrageperiode.
            prijs = float(uit_tarief.voor_bijdrage)
    if pgb_soort == "huishoudelijke_ondersteuning_informeel" and not natura:
        raise ValidationError({"natura_kostprijs": [
            "Kies het product in natura (of vul het tarief in natura per 4 weken in): het pgb is 75 % daarvan "
            "(verordening, artikel 4:8, eerste lid, onder c)."]})
    if prijs is None:
        prijs = natura or 0.0

    def per_maand(waarde):
        return {maand: waarde}

    persoon = {"pgb_soort": per_maand(pgb_soort if pgb else "geen")}
    for naam, waarde in (("wmo_natura_kostprijs", natura), ("pgb_uren", aantal_uren), ("pgb_etmalen", aantal_etmalen),
                         ("pgb_begrote_kosten", begroot)):
        if waarde is not None:
            persoon[naam] = per_maand(waarde)
    if begin is not None:
        persoon["pgb_toekenningsdatum"] = per_maand(begin.isoformat())
    huishouden = {"wmo_voorziening": per_maand(voorziening), "wmo_kostprijs": per_maand(prijs)}
    if inkomen is not None:
        huishouden["wmo_bijdrage_inkomen"] = per_maand(inkomen)
    gegevens = {
        "pgb": pgb, "pgb_soort": pgb_soort if pgb else "geen", "voorziening_soort": voorziening,
        "voorziening": (omschrijving or "").strip()[:300], "omvang": (omvang or "").strip()[:300],
        "ingangsdatum": begin.isoformat() if begin else None, "einddatum": einde.isoformat() if einde else None,
        "kostprijs_uit_natura": kostprijs in (None, ""),
        "natura_kostprijs": kostprijs_gegevens,
    }
    return beoordeling.bereken(
        zaak, gebruiker, maand=maand,
        invoer={"huishouden": huishouden, "personen": {str(zaak.hoofdpersoon_id): persoon}}, gegevens=gegevens,
    )


def resultaat(berekening: Berekening) -> dict:
    """The Wmo results of a snapshot: the hoofdpersoon's pgb values and the household's bijdrage values."""
    personen = berekening.resultaat.get("personen", {})
    huishoudens = berekening.resultaat.get("huishoudens", {})
    sleutel = next((k for k, p in berekening.situatie.get("personen", {}).items()
                    if p.get("wmo_client")), None)
    persoon = personen.get(sleutel, {}) if sleutel else {}
    huishouden = next(iter(huishoudens.values()), {})
    return {**huishouden, **persoon, "_persoon": sleutel}
