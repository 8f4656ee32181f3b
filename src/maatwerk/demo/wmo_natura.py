"""Wmo demo in natura (issue 10 points 6 and 7): huishoudelijke ondersteuning granted in natura with a contracted
provider, the natura cost price from the product's tariff, the besluit vastgesteld, its 301 toewijzing made and
downloaded (exported), and the provider's 305 start message imported with its 306 retourbericht.

"Verbeek" is not a story of seed 004: it is the natura variant of the done-when household (Van Dijk), so the demo
shows both roads of artikel 4:6 lid 1 (natura or pgb). The provider, product and tariff are the illustrative demo
data of `maatwerk.iwmo.demo`, looked up by their unique AGB code and product key.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from maatwerk.demo.gegevens import Casus, Persoon, _bevindingen, _maandtekst, _stap
from maatwerk.iwmo import codelijsten as cl
from maatwerk.iwmo import services as iwmo
from maatwerk.iwmo.models import Aanbieder, Product
from maatwerk.personen.models import Relatie, Rol
from maatwerk.toegang import rollen as r
from maatwerk.zaken.models import Status
from maatwerk.zaken.regelingen import REGELINGEN
from maatwerk.zaken.services import meld_zaak
from maatwerk.zaken.wmo_berekening import bereken_wmo

WMO = REGELINGEN["wmo_maatwerkvoorziening"]
AANBIEDER_AGB = "98000001"  # Thuiszorg De Berkel (iwmo/demo.py)
PRODUCT = {"domein": "wmo", "categorie": "01", "code": "01A01"}  # Hulp bij het huishouden, per uur per week


def start_zorg_bericht(toewijzing, *, identificatie: str, dagtekening: dt.date, begindatum: dt.date) -> bytes:
    """The 305 (Start zorg) as the provider sends it: one StartProduct for `toewijzing`. Maatwerk only reads 305s;
    this stands in for the provider's software in the demo (the structure the import checks, docs/iwmo.md)."""
    ns = cl.namespace("wmo", "305")
    basis = cl.namespace("wmo", "basisschema")
    client = toewijzing.zaak.hoofdpersoon
    p = toewijzing.product
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<m:Bericht xmlns:m="{ns}" xmlns:b="{basis}">
  <m:Header>
    <m:BerichtCode>{cl.BERICHTCODE['wmo']['305']}</m:BerichtCode><m:BerichtVersie>{cl.BERICHTVERSIE}</m:BerichtVersie><m:BerichtSubversie>{cl.BERICHTSUBVERSIE}</m:BerichtSubversie>
    <m:Afzender>{toewijzing.aanbieder.agb_code}</m:Afzender><m:Ontvanger>{cl.GEMEENTECODE}</m:Ontvanger>
    <m:BerichtIdentificatie><b:Identificatie>{identificatie}</b:Identificatie><b:Dagtekening>{dagtekening.isoformat()}</b:Dagtekening></m:BerichtIdentificatie>
    <m:XsdVersie><b:BasisschemaXsdVersie>{cl.XSD_VERSIE}</b:BasisschemaXsdVersie><b:BerichtXsdVersie>{cl.XSD_VERSIE}</b:BerichtXsdVersie></m:XsdVersie>
  </m:Header>
  <m:Client><m:Bsn>{client.bsn}</m:Bsn><m:Geboortedatum><b:Datum>{client.geboortedatum.isoformat()}</b:Datum></m:Geboortedatum>
    <m:StartProducten><m:StartProduct><m:ToewijzingNummer>{toewijzing.nummer}</m:ToewijzingNummer>
      <m:Product><b:Categorie>{p.categorie}</b:Categorie><b:Code>{p.code}</b:Code></m:Product>
      <m:ToewijzingIngangsdatum>{toewijzing.ingangsdatum.isoformat()}</m:ToewijzingIngangsdatum><m:Begindatum>{begindatum.isoformat()}</m:Begindatum>
      <m:StatusAanlevering>1</m:StatusAanlevering></m:StartProduct></m:StartProducten>
  </m:Client>
</m:Bericht>""".encode()


def _verbeek(ctx) -> None:
    """Huishoudelijke ondersteuning in natura: cascade -> cost price from the tariff -> besluit -> 301 -> 305/306."""
    from maatwerk.besluiten import services as besluiten
    from maatwerk.demo.wmo import _naar_beoordeling, _overige_gunstig

    v, u = ctx.vandaag, ctx.consulent
    aanbieder = Aanbieder.objects.get(agb_code=AANBIEDER_AGB)
    product = Product.objects.get(**PRODUCT)
    zaak = meld_zaak(
        u, huishouden=ctx.hh, hoofdpersoon=ctx.inwoners[0], regeling="wmo_maatwerkvoorziening",
        ontvangen_op=v - dt.timedelta(days=35),
        omschrijving="Meneer Verbeek (84) kan sinds zijn beroerte zijn huis niet meer schoonhouden. Hij wil dat de "
                     "gemeente de hulp regelt bij een thuiszorgorganisatie.",
    )
    _naar_beoordeling(zaak, u, v - dt.timedelta(days=7), {
        "behoefte": "Hulp bij het schoonhouden van de woning (zwaar huishoudelijk werk).",
        "gewenst_resultaat": "Een schoon en leefbaar huis.",
        "mantelzorg_netwerk": "Zijn dochter doet de boodschappen; schoonmaken kan zij er niet bij doen.",
        "maatwerkvoorziening": "Huishoudelijke ondersteuning, 3 uur per week, in natura.",
    }, "Huishoudelijke ondersteuning 3 uur per week door een gecontracteerde thuiszorgorganisatie.")
    reden = "Besproken bij het huisbezoek met meneer en zijn dochter; bevestigd door de brief van de neuroloog."
    _bevindingen(zaak, u, {"beperkingen_niet_zelf_op_te_heffen": ("ja", reden)})
    for stap in (c for c in WMO.criteria if c.cascade):
        _bevindingen(zaak, u, {stap.code: ("nee", reden)})
    _overige_gunstig(zaak, u, reden, waarden={"vorm_pgb": ("nee", "Meneer wil dat de gemeente de hulp regelt.")})
    ingang = v - dt.timedelta(days=10)
    einde = ingang.replace(year=ingang.year + 1) - dt.timedelta(days=1)
    # The cost price from the contracted tariff of the month (Vo art. 4:9 lid 3), 3 hours a week.
    bereken_wmo(zaak, u, maand=_maandtekst(ingang), voorziening="doorlopend", product=product, aanbieder=aanbieder,
                volume=3, omschrijving="hulp bij het huishouden", omvang="3 uur per week", ingangsdatum=ingang,
                einddatum=einde)
    # The proposal's amount is the yearly natura cost (12 × the monthly cost price), within the consulent's mandate.
    kostprijs = Decimal(zaak.berekeningen.latest("op").gegevens["natura_kostprijs"]["voor_bijdrage"])
    _stap(zaak, Status.KLAAR_VOOR_BESLUIT, u, v - dt.timedelta(days=14), uitkomst="toegekend", bedrag=kostprijs * 12)
    besluit = besluiten.opstellen(zaak, u)
    besluiten.wijzigen(besluit, u, beoogd_resultaat="U woont in een schoon huis.",
                       vervolg="Thuiszorg De Berkel belt u om de eerste keer af te spreken.")
    besluiten.vaststellen(besluit, u, datum=v - dt.timedelta(days=12))
    besluit.refresh_from_db()
    bericht = iwmo.wijs_toe(u, besluit, product=product, aanbieder=aanbieder, volume=3, eenheid=product.eenheid,
                            frequentie=product.frequentie, ingangsdatum=ingang, einddatum=einde)
    iwmo.bericht_voor(u, bericht)  # the consulent downloads the 301 for the provider (audited export)
    start = start_zorg_bericht(bericht.toewijzing, identificatie=f"TDB{bericht.toewijzing.nummer}", dagtekening=v,
                               begindatum=ingang + dt.timedelta(days=2))
    iwmo.importeer(u, start, bestandsnaam=f"WMO305_TDB{bericht.toewijzing.nummer}.xml", zaak=zaak, vandaag=v)


def natura_casussen() -> list[Casus]:
    # BSN from the 99999xxxx test range (valid elfproef, never issued); 99999405x for the Wmo natura case.
    return [
        Casus(103, "Huishouden Verbeek", ("Klaprooslaan", 8, "2651 KL"), [
            Persoon("999994050", "Hendrik", "Verbeek", 84, Relatie.AANVRAGER, Rol.PARTNER),
        ], r.CONSULENT_WMO, _verbeek),
    ]
