"""The natura cost price of a Wmo computation from the contracted product tariffs (issue 10 points 2, 3 and 6).

The pgb for huishoudelijke ondersteuning is "75 % van het ZIN tarief per periode (4 weken)" (Verordening Sociaal
Domein 2018, artikel 4:8 lid 1 onder c), every pgb is at most "de kostprijs van de in de betreffende situatie
goedkoopst passende maatwerkvoorziening in natura" (artikel 4:7 lid 4 onder c), and the eigen bijdrage "overstijgt
niet de kostprijs van de voorziening" (artikel 4:9 lid 2), a cost price "bepaald door de contractuele afspraken
tussen de gemeente en de aanbieder" (artikel 4:9 lid 3). So when the consulent names a product (and the aanbieder
where its tariff differs), the cost price is the product's tariff for the month (`iwmo.tarieven.tarief_op`) times
the volume, in the unit the rule needs; the typed price is the fallback only when no product applies.

The tariff of the 1st of the month counts for the whole month (the Regelkern computes per month).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db.models import Q

from maatwerk import formaat
from maatwerk.iwmo import codelijsten as cl
from maatwerk.iwmo.models import Aanbieder, Contract, Product, Tarief
from maatwerk.iwmo.tarieven import gecontracteerd, tarief_op
from maatwerk.personen.validators import parse_maand

CENT = Decimal("0.01")
# Units per frequentie (WMO757) in one period of 4 weeks and in one month. A month is 52/12 weeks and 365/12 days
# (the same year average the CAK uses to turn 4-week amounts into months: 13 periods = 12 months).
PER_4_WEKEN = {"1": Decimal(28), "2": Decimal(4), "4": Decimal(12) / Decimal(13)}
PER_MAAND = {"1": Decimal(365) / Decimal(12), "2": Decimal(52) / Decimal(12), "4": Decimal(1)}
TOTAAL = "6"
# The unit of the pgb amount per kind (regels/variables/wmo_pgb.py `_PER_SOORT`): the natura cost price is given in
# that same unit. "geen": no pgb, the cost price only caps the eigen bijdrage.
PGB_EENHEID = {
    "huishoudelijke_ondersteuning_informeel": "vier_weken",
    "individuele_begeleiding_informeel": "maand", "kortdurend_verblijf_informeel": "maand",
    "professionele_hulp": "maand", "taxi": "jaar", "rolstoeltaxi": "jaar",
}
EENHEID_TEKST = {"vier_weken": "per 4 weken", "maand": "per maand", "jaar": "per jaar", "eenmalig": "eenmalig"}
BRON_PGB = "Verordening Sociaal Domein Lansingerland 2018, artikel 4:7, vierde lid, onder c, en artikel 4:8"
BRON_BIJDRAGE = "Verordening Sociaal Domein Lansingerland 2018, artikel 4:9, tweede en derde lid"


@dataclass(frozen=True)
class NaturaKostprijs:
    """The cost price from a product tariff: per unit of the pgb and per bijdrageperiode, with its source."""

    tarief: Tarief
    product: Product
    aanbieder: Aanbieder | None
    contract: Contract | None
    volume: Decimal
    voor_pgb: Decimal  # in the unit of the pgb kind (PGB_EENHEID)
    pgb_eenheid: str
    voor_bijdrage: Decimal  # per bijdrageperiode (a month from 2020, 4 weeks before), or in total (eenmalig)
    bijdrage_eenheid: str

    def bron(self) -> str:
        """Contract, product code and the tariff's period and own source, for the uitleg."""
        periode = (f"{formaat.datum(self.tarief.van)} tot en met {formaat.datum(self.tarief.tot)}" if self.tarief.tot
                   else f"vanaf {formaat.datum(self.tarief.van)}")
        wie = (f"tarief van {self.aanbieder.naam} (AGB {self.aanbieder.agb_code})" if self.tarief.aanbieder_id
               else "tarief van de gemeente voor alle gecontracteerde aanbieders")
        contract = f", contract {self.contract.kenmerk}" if self.contract and self.contract.kenmerk else ""
        return (f"Product {self.product.code} {self.product.omschrijving}, {wie}{contract}, geldig {periode}; "
                f"{self.tarief.bron}")

    def gegevens(self) -> dict:
        """What the Berekening keeps of it (JSON), so the zaak page and the besluit can say which price was used."""
        return {
            "herkomst": "tarief", "product": self.product.code, "product_omschrijving": self.product.omschrijving,
            "aanbieder": self.aanbieder.agb_code if self.aanbieder else "",
            "tarief": str(self.tarief.bedrag), "tarief_van": self.tarief.van.isoformat(),
            "tarief_tot": self.tarief.tot.isoformat() if self.tarief.tot else None,
            "eenheid": cl.EENHEDEN.get(self.product.eenheid, self.product.eenheid),
            "frequentie": cl.FREQUENTIES.get(self.product.frequentie, self.product.frequentie),
            "volume": str(self.volume), "voor_pgb": str(self.voor_pgb), "pgb_eenheid": self.pgb_eenheid,
            "voor_bijdrage": str(self.voor_bijdrage), "bijdrage_eenheid": self.bijdrage_eenheid,
            "bron": self.bron(),
        }


def _product(product) -> Product:
    if isinstance(product, Product):
        if product.domein != "wmo":
            raise ValidationError({"product": ["Product: kies een product voor de Wmo."]})
        return product
    code = str(product).strip().upper()
    gevonden = list(Product.objects.filter(domein="wmo").filter(Q(code__iexact=code)))
    if len(gevonden) != 1:
        raise ValidationError({"product": [f"Product: er is geen Wmo-product met productcode '{code[:10]}'."]})
    return gevonden[0]


def _aanbieder(aanbieder) -> Aanbieder | None:
    if aanbieder in (None, ""):
        return None
    if isinstance(aanbieder, Aanbieder):
        return aanbieder
    agb = str(aanbieder).strip()
    gevonden = Aanbieder.objects.filter(agb_code=agb).first()
    if gevonden is None:
        raise ValidationError({"aanbieder": [f"Aanbieder: er is geen aanbieder met AGB-code '{agb[:10]}'."]})
    return gevonden


def _volume(volume) -> Decimal:
    try:
        getal = Decimal(str(volume).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ValidationError({"volume": ["Aantal eenheden: vul een aantal in, bijvoorbeeld 3 of 2,5."]}) from None
    if not getal.is_finite() or getal <= 0 or getal > 10000:
        raise ValidationError({"volume": ["Aantal eenheden: vul een aantal in groter dan 0 en ten hoogste 10.000."]})
    return getal


def bereken(*, product, aanbieder=None, volume, maand: str, pgb_soort: str) -> NaturaKostprijs:
    """The natura cost price of `volume` units of `product` (code or Product) in `maand` ("JJJJ-MM"), from the
    tariff valid on the month's 1st (the aanbieder's own tariff when contracted so, else the municipality's).
    Bad input or no tariff: ValidationError naming the field, in Dutch."""
    p = _product(product)
    a = _aanbieder(aanbieder)
    if volume in (None, ""):
        raise ValidationError({"volume": [f"Aantal eenheden: vul in hoeveel {cl.EENHEDEN.get(p.eenheid, 'eenheden')} "
                                          f"{cl.FREQUENTIES.get(p.frequentie, '')} de inwoner krijgt."]})
    aantal = _volume(volume)
    dag = parse_maand(maand, "maand")  # the month's 1st; a bad month is the field's own message
    if a is not None and not gecontracteerd(a, "wmo", dag):
        raise ValidationError({"aanbieder": [f"Aanbieder: {a.naam} heeft op {formaat.datum(dag)} geen contract voor "
                                             "de Wmo."]})
    tarief = tarief_op(p, dag, a)
    if tarief is None:
        raise ValidationError({"product": [
            f"Product: voor {p.code} {p.omschrijving} is op {formaat.datum(dag)} geen tarief vastgelegd. Laat de "
            "beleidsmedewerker het tarief vastleggen, of kies geen product en vul de kostprijs in natura zelf in."]})
    contract = None
    if tarief.aanbieder_id:
        contract = (Contract.objects.filter(Q(tot__isnull=True) | Q(tot__gte=dag), aanbieder_id=tarief.aanbieder_id,
                                            domein="wmo", van__lte=dag).first())
    per_frequentie = tarief.bedrag * aantal
    pgb_eenheid = PGB_EENHEID.get(pgb_soort, "eenmalig" if pgb_soort != "geen" else "maand")
    bijdrage_eenheid = "maand" if dag.year >= 2020 else "vier_weken"
    if p.frequentie == TOTAAL:
        # A total within the validity (a koopvoorziening, a woningaanpassing): the cost price is that total.
        if pgb_eenheid != "eenmalig" and pgb_soort != "geen":
            raise ValidationError({"product": [
                f"Product: {p.code} is een totaal binnen de geldigheidsduur; kies een product met een vaste frequentie "
                f"voor een pgb {EENHEID_TEKST[pgb_eenheid]}."]})
        voor_pgb = voor_bijdrage = per_frequentie
        pgb_eenheid = bijdrage_eenheid = "eenmalig"
    else:
        omrekening = {"vier_weken": PER_4_WEKEN[p.frequentie], "maand": PER_MAAND[p.frequentie],
                      "jaar": PER_MAAND[p.frequentie] * 12, "eenmalig": PER_MAAND[p.frequentie]}
        voor_pgb = per_frequentie * omrekening[pgb_eenheid]
        voor_bijdrage = per_frequentie * omrekening[bijdrage_eenheid]
    return NaturaKostprijs(
        tarief=tarief, product=p, aanbieder=a, contract=contract, volume=aantal,
        voor_pgb=voor_pgb.quantize(CENT, ROUND_HALF_UP), pgb_eenheid=pgb_eenheid,
        voor_bijdrage=voor_bijdrage.quantize(CENT, ROUND_HALF_UP), bijdrage_eenheid=bijdrage_eenheid,
    )


def _aantal(waarde: str) -> str:
    return format(Decimal(waarde).normalize(), "f").replace(".", ",")


def overwegingen(gegevens: dict) -> tuple[list[dict], list[dict]]:
    """The uitleg lines (pgb, bijdrage) that say which cost price was used: the product tariff with its source, or
    the price the consulent typed (the fallback), or none. Same shape as the Regelkern's considerations."""
    k = gegevens.get("natura_kostprijs") or {}
    herkomst = k.get("herkomst")
    if herkomst == "tarief":
        som = (f"{formaat.bedrag(Decimal(k['tarief']))} per {k['eenheid']} × {_aantal(k['volume'])} "
               f"{k['frequentie']}")
        pgb = {"zin": f"Kostprijs in natura uit het tarief: {som} = {formaat.bedrag(Decimal(k['voor_pgb']))} "
                      f"{EENHEID_TEKST.get(k['pgb_eenheid'], '')}.",
               "bron": f"{k['bron']} ({BRON_PGB})", "soort": "Contract"}
        bijdrage = {"zin": f"Kostprijs van de voorziening uit het tarief: {som} = "
                           f"{formaat.bedrag(Decimal(k['voor_bijdrage']))} {EENHEID_TEKST.get(k['bijdrage_eenheid'], '')}.",
                    "bron": f"{k['bron']} ({BRON_BIJDRAGE})", "soort": "Contract"}
        return [pgb], [bijdrage]
    if herkomst == "ingevuld":
        zin = ("Geen product gekozen: de kostprijs in natura is ingevuld door de consulent "
               f"({formaat.bedrag(Decimal(k['bedrag']))}).")
        regel = {"zin": zin, "bron": BRON_PGB, "soort": "Invoer"}
        return [regel], [{**regel, "bron": BRON_BIJDRAGE}]
    return [], []
