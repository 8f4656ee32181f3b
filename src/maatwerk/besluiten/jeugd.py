"""Jeugd besluit: what a concept besluit for jeugdhulp is filled with (artikel 5:5), and how the Jeugd findings read
in the letter.

Prefill (the consulent still reads and edits everything before vaststellen; `inhoud.py` enforces 5:5):
- a pgb computed on the zaak (`maatwerk.zaken.jeugd.bereken_pgb`, artikel 5:6) gives vorm = pgb, the amount per
  month, how it was computed (5:5 lid 3 onder c) and the computation itself (`Besluit.berekening`, so the
  ontvangstbewijs and the bijlage keep it);
- the meldplicht of 5:5 lid 3 onder f in the words of 5:7 lid 1;
- on the GP route (5:3) the reason the beschikking exists: 5:4a lid 2 gives one only on request.
"""

from __future__ import annotations

from maatwerk.besluiten.beslissend import Criteriumzin
from maatwerk.besluiten.models import MET_VERSTREKKING, Besluit, Periode, Vorm

# 5:5 lid 3 onder f / 5:7 lid 1; short, so the pgb letter fits two pages (issue 10).
MELDPLICHT = "Verandert er iets bij u of uw kind, of stopt de hulp? Geef dat dan meteen aan ons door."
# "Antwoord in de brief" per Jeugd criterion (code -> sentences), second person, B1. The 5:4 ones are in beslissend.
ZINNEN = {
    "verwijzing_arts": Criteriumzin(
        "ja", "Uw kind is door een arts doorverwezen naar een jeugdhulpaanbieder.",
        "Uw kind is niet door een arts doorverwezen. Daarom hebben wij zelf onderzocht welke hulp nodig is.",
        beslissend_als_gunstig=True,
    ),
    "aanbieder_oordeelt_jeugdhulp_nodig": Criteriumzin(
        "ja", "De jeugdhulpaanbieder vindt dat uw kind deze hulp nodig heeft.",
        "De jeugdhulpaanbieder vindt niet dat uw kind deze hulp nodig heeft."),
    "pgb_in_staat_tot_beheer": Criteriumzin(
        "ja", "U kunt een pgb goed beheren.", "Wij denken dat u een pgb niet goed kunt beheren, ook niet met hulp."),
    "pgb_natura_niet_passend": Criteriumzin(
        "ja", "U heeft uitgelegd waarom de hulp van onze aanbieders niet bij uw kind past.",
        "U heeft niet uitgelegd waarom de hulp van onze aanbieders niet bij uw kind past."),
    "jeugd_pgb_kwaliteit_gewaarborgd": Criteriumzin(
        "ja", "De hulp die u met het pgb koopt is goed en helpt uw kind.",
        "Wij weten niet zeker of de hulp die u met het pgb koopt goed genoeg is."),
    "pgb_sociaal_netwerk": Criteriumzin(
        "ja", "", "De hulp door iemand die u kent voldoet niet aan de regels voor een pgb.", beslissend_als_gunstig=False),
}


def jeugd_pgb_berekening(zaak):
    """The latest Jeugd pgb computation on the zaak, or None."""
    from maatwerk.zaken.jeugd import JEUGDIGE

    for berekening in zaak.berekeningen.order_by("-op", "-id"):
        if "jeugd_pgb_bedrag" in (berekening.resultaat or {}).get("personen", {}).get(JEUGDIGE, {}):
            return berekening
    return None


def vul_voor(besluit: Besluit) -> None:
    """Prefill a concept besluit of a jeugdhulp zaak (not saved here: the caller saves)."""
    from maatwerk.zaken import jeugd

    if besluit.soort not in MET_VERSTREKKING:
        return
    zaak = besluit.zaak
    berekening = jeugd_pgb_berekening(zaak)
    if berekening is not None and berekening.bedrag:
        besluit.berekening = berekening
        besluit.vorm = Vorm.PGB
        besluit.pgb_bedrag = berekening.bedrag
        besluit.bedrag_periode = Periode.PER_MAAND
        besluit.pgb_berekening = jeugd.pgb_berekening_tekst(berekening)
        besluit.meldplicht = MELDPLICHT
    if jeugd.route(zaak) == "verwijzing" and not besluit.aanvraag.endswith("beschikking."):
        # 5:4a lid 2: after a referral by a doctor, a beschikking only when the jeugdige or parents ask for one.
        besluit.aanvraag = (besluit.aanvraag + " U heeft ons gevraagd om een beschikking.").strip()


# ------------------------------------------------------------------ herziening, intrekking, terugvordering (5:7)

VSD = "Verordening Sociaal Domein 2018"
# Ground (the Regelkern's JeugdHerzieningsgrond) -> (plain sentence for the letter, source with the quoted text).
GRONDEN_5_7 = {
    "onjuiste_gegevens": (
        "U gaf ons gegevens die niet klopten of niet compleet waren. Met de juiste gegevens hadden wij anders besloten.",
        f"{VSD}, artikel 5:7, tweede lid, onder a (\"onjuiste of onvolledige gegevens hebben verstrekt en de verstrekking "
        "van juiste of volledige gegevens tot een andere beslissing zou hebben geleid\")"),
    "niet_langer_aangewezen": (
        "Uw kind heeft deze hulp niet meer nodig.",
        f"{VSD}, artikel 5:7, tweede lid, onder b (\"niet langer op de individuele voorziening in natura of op het PGB "
        "zijn aangewezen\")"),
    "niet_toereikend": (
        "De hulp die uw kind had, is niet meer genoeg.",
        f"{VSD}, artikel 5:7, tweede lid, onder c (\"de individuele voorziening in natura of het PGB niet meer "
        "toereikend is te achten\")"),
    "voorwaarden_niet_voldaan": (
        "U houdt zich niet aan de voorwaarden van de hulp of het pgb.",
        f"{VSD}, artikel 5:7, tweede lid, onder d (\"niet voldoen aan de voorwaarden van de individuele voorziening in "
        "natura of het PGB\")"),
    "niet_of_ander_doel_gebruikt": (
        "U gebruikt de hulp of het pgb niet, of voor iets anders.",
        f"{VSD}, artikel 5:7, tweede lid, onder e (\"niet of voor een ander doel gebruikt dan waarvoor het is "
        "bestemd\")"),
    "pgb_niet_binnen_termijn_aangewend": (
        "U heeft het pgb niet binnen drie maanden gebruikt voor de hulp.",
        f"{VSD}, artikel 5:7, vierde lid (\"binnen drie maanden na toekenning niet is aangewend\")"),
}
REGEL_GROND = "jeugd.herziening.grond"
REGEL_TERUGVORDERING = "jeugd.terugvordering"


def _regelkern_terugvordering(besluit: Besluit, grond: str, opzet: bool, waarde) -> dict:
    """The most that may be recovered (5:7 lid 3), computed by the Regelkern with its uitleg."""
    from django.conf import settings
    from django.core.exceptions import ValidationError

    from maatwerk.regels.berekening import bereken
    from maatwerk.regels.invoer import InvoerFout

    maand = (besluit.ingangsdatum or besluit.zaak.ontvangen_op).strftime("%Y-%m")
    geboren = besluit.zaak.hoofdpersoon.geboortedatum
    situatie = {"personen": {"jeugdige": {
        "geboortedatum": geboren.isoformat() if geboren else "2010-01-01",
        "jeugd_herzieningsgrond": {maand: grond},
        "jeugd_gegevens_opzettelijk_onjuist": {maand: bool(opzet)},
        "jeugd_ten_onrechte_genoten_waarde": {maand: waarde},
    }}, "huishoudens": {"h": {"partners": ["jeugdige"]}}}
    try:
        return bereken(situatie, maand, settings.MAATWERK_GEMEENTE, ["jeugd_terugvordering_maximum"], True)
    except InvoerFout as fout:
        veld = "ten_onrechte_genoten" if "genoten" in (fout.veld or "") else "invoer"
        raise ValidationError({veld: [fout.bericht]}) from None


def leg_grond_vast(besluit: Besluit, gebruiker, *, grond: str, opzet: bool = False, ten_onrechte_genoten=None):
    """Record the ground of 5:7 on a Jeugd herziening or intrekking besluit, as an overweging with its source; for
    ground a with intent (lid 3) also the most that may be recovered. Returns the Regelkern's maximum (or None)."""
    from decimal import Decimal, InvalidOperation

    from django.core.exceptions import ValidationError

    from maatwerk import formaat
    from maatwerk.besluiten import services
    from maatwerk.besluiten.models import Herkomst, Overweging, SoortBron, WIJZIGT_EERDER
    from maatwerk.toegang import beleid
    from maatwerk.zaken.fouten import ProcedureFout

    toegang = services._vereis(gebruiker, besluit, beleid.CHANGE, "overweging", "grond artikel 5:7")
    services._vereis_concept(besluit)
    if besluit.zaak.regeling != "jeugdhulp" or besluit.soort not in WIJZIGT_EERDER:
        raise ProcedureFout("Een grond van artikel 5:7 legt u vast op een herziening of intrekking van jeugdhulp.",
                            code="geen_herziening")
    if grond not in GRONDEN_5_7:
        raise ValidationError({"grond": [f"Kies een grond van artikel 5:7: {', '.join(GRONDEN_5_7)}."]})
    if grond == "pgb_niet_binnen_termijn_aangewend" and besluit.soort != "intrekking":
        raise ValidationError({"grond": ["Artikel 5:7, vierde lid, staat alleen intrekking toe, geen herziening."]})
    waarde = 0.0
    if ten_onrechte_genoten not in (None, ""):
        try:
            getal = Decimal(str(ten_onrechte_genoten).replace(",", "."))
        except InvalidOperation:
            raise ValidationError({"ten_onrechte_genoten": ["Vul een bedrag in, bijvoorbeeld 1551,00."]}) from None
        if not getal.is_finite() or getal < 0:
            raise ValidationError({"ten_onrechte_genoten": ["Het bedrag kan niet negatief zijn."]})
        waarde = float(getal)
    zin, bron = GRONDEN_5_7[grond]
    Overweging.objects.create(besluit=besluit, volgorde=services._vervolgnummer(besluit), zin=zin, bron=bron,
                              soort=SoortBron.VERORDENING, herkomst=Herkomst.CONSULENT, regel_id=f"{REGEL_GROND}.{grond}")
    maximum = None
    if opzet or waarde:
        uitkomst = _regelkern_terugvordering(besluit, grond, opzet, waarde)
        maximum = Decimal(str(uitkomst["resultaten"]["personen"]["jeugdige"]["jeugd_terugvordering_maximum"]))
        if maximum > 0:
            Overweging.objects.create(
                besluit=besluit, volgorde=services._vervolgnummer(besluit), soort=SoortBron.VERORDENING,
                herkomst=Herkomst.REGELKERN, regel_id=REGEL_TERUGVORDERING,
                zin=f"U gaf ons met opzet onjuiste gegevens. Wij kunnen daarom {formaat.bedrag(maximum)} terugvragen.",
                bron=f"{VSD}, artikel 5:7, derde lid (\"kan het college [...] geheel of gedeeltelijk de geldswaarde "
                     "vorderen\")",
            )
    services._log(gebruiker, toegang, besluit, beleid.CHANGE, "overweging", f"grond artikel 5:7: {grond}")
    return maximum


def ontbrekende_grond(besluit: Besluit) -> str | None:
    """A Jeugd herziening or intrekking rests on a ground of 5:7 (Jeugdwet art. 8.1.4): the message when it has none."""
    from django.db.models import Q

    from maatwerk.besluiten.models import WIJZIGT_EERDER

    if besluit.zaak.regeling != "jeugdhulp" or besluit.soort not in WIJZIGT_EERDER:
        return None
    # Recorded through `leg_grond_vast`, or an overweging the consulent wrote that names the article.
    if besluit.overwegingen.filter(Q(regel_id__startswith=REGEL_GROND) | Q(bron__contains="artikel 5:7")).exists():
        return None
    return ("Dit besluit kan nog niet worden vastgesteld. Het mist: de grond voor de herziening of intrekking "
            f"({VSD}, artikel 5:7, tweede of vierde lid). Leg de grond vast.")
