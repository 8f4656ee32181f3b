"""The letter of a besluit: the restricted context, the template sources (database or files) and rendering.

The context holds only plain values (strings, booleans, lists, dicts), every date and amount already written
the Dutch way ("14 mei 2026", "€ 1.234,56"). Its shape is fixed: every key exists for every letter (empty
when it does not apply), so a template can be checked against it. docs/besluiten.md lists the keys.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources

from maatwerk import formaat
from maatwerk.besluiten import beslissend
from maatwerk.besluiten import grondslagen as gr
from maatwerk.besluiten.models import (
    MET_VERSTREKKING,
    WIJZIGT_EERDER,
    Besluit,
    BriefSjabloon,
    BriefSjabloonVersie,
    Financiering,
    Periode,
    Soort,
    Vorm,
)
from maatwerk.brieven import sjablonen
from maatwerk.regels.uitleg import euro
from maatwerk.termijnen import bezwaartermijn
from maatwerk.termijnen.gegevens import regel as termijnregel
from maatwerk.zaken.regelingen import INKOMEN, JEUGD, WMO

HOOFDSJABLOON = "brief"

# The templates shipped with the app (seeded into the database by migration 0002): code -> (naam, omschrijving).
SJABLONEN: dict[str, tuple[str, str]] = {
    "brief": ("Brief bij een besluit", "Hoofdsjabloon: de opbouw van elke besluitbrief."),
    "opmaak": ("Opmaak", "Pagina-opmaak, afzender, adresblok en kenmerken."),
    "beslissing": ("Wat hebben wij besloten", "De beslissing, per soort besluit."),
    "voorziening": ("Wat krijgt u precies", "De inhoud van de verstrekking (artikel 4:6 en 5:5), of bedrag en vorm."),
    "rechtsmiddel": ("Bezwaar of beroep", "Hoe, waar en tot wanneer de inwoner bezwaar (of beroep) kan instellen."),
    "clientondersteuning": ("Hulp van een cliëntondersteuner", "Gratis cliëntondersteuning en hulp uit de omgeving."),
    "bijlage": ("Bijlage met regels", "De regels (artikelen) achter de redenen; telt niet mee voor de leesbaarheid."),
    "beslissing_op_bezwaar": ("Beslissing op uw bezwaar", "Hoofdsjabloon: de brief bij een bezwaar dat ongegrond of "
                              "niet-ontvankelijk is (Awb 7:12), met de weg naar de rechtbank."),
}
BEZWAAR_HOOFDSJABLOON = "beslissing_op_bezwaar"


# How the letter names the regeling in a sentence (plain words, lower case).
REGELING_IN_ZIN = {
    "wmo_maatwerkvoorziening": "ondersteuning uit de Wmo",
    "jeugdhulp": "jeugdhulp",
    "bijzondere_bijstand": "bijzondere bijstand",
    "individuele_inkomenstoeslag": "inkomenstoeslag",
    "individuele_studietoeslag": "studietoeslag",
    "algemene_bijstand": "bijstand voor levensonderhoud",
}
SOORT_BRON_IN_BRIEF = {"wet": "wet", "verordening": "verordening van de gemeente", "beleidsregel": "beleidsregel",
                       "discretie": "oordeel van de consulent"}
PERIODE_IN_ZIN = {Periode.EENMALIG: "eenmalig", Periode.PER_WEEK: "per week", Periode.PER_MAAND: "per maand",
                  Periode.PER_4_WEKEN: "per 4 weken", Periode.PER_JAAR: "per jaar"}


def datum_nl(d: dt.date | None) -> str:
    return formaat.datum(d)


def euro_nl(bedrag: Decimal | None) -> str:
    return formaat.bedrag(bedrag)


def _regels(tekst: str) -> list[str]:
    return [r.strip() for r in (tekst or "").splitlines() if r.strip()]


@dataclass(frozen=True)
class Bronnen:
    """Template sources by code, and (for the database) the version each came from."""

    inhoud: dict[str, str]
    versies: dict[str, BriefSjabloonVersie]


def bronnen_uit_bestanden() -> Bronnen:
    map_ = resources.files("maatwerk.besluiten").joinpath("sjablonen")
    return Bronnen({code: map_.joinpath(f"{code}.html").read_text(encoding="utf-8") for code in SJABLONEN}, {})


def bronnen_uit_database(vervang: dict[str, str] | None = None) -> Bronnen:
    """The current version of every template; `vervang` swaps in candidate sources (for validation)."""
    inhoud, versies = {}, {}
    for sjabloon in BriefSjabloon.objects.all():
        versie = sjabloon.huidige_versie()
        if versie is not None:
            inhoud[sjabloon.code] = versie.inhoud
            versies[sjabloon.code] = versie
    inhoud.update(vervang or {})
    return Bronnen(inhoud, versies)


def _gemeente(g) -> dict:
    return {
        "naam": g.naam,
        "afzender": g.afzender,
        "postadres_regels": _regels(g.postadres),
        "telefoon": g.telefoon,
        "website": g.website,
        "bezwaar_adres_regels": _regels(g.bezwaar_adres),
        "bezwaar_digitaal": g.bezwaar_digitaal,
        "clientondersteuning": g.clientondersteuning,
        "rechtbank": g.rechtbank,
    }


def _besluit(b: Besluit) -> dict:
    domein = b.zaak.domein
    vervangt = b.vervangt
    return {
        "soort": b.soort,
        "soort_naam": Soort(b.soort).label,
        "is_toekenning": b.soort == Soort.TOEKENNING,
        "is_gedeeltelijke_toekenning": b.soort == Soort.GEDEELTELIJKE_TOEKENNING,
        "is_afwijzing": b.soort == Soort.AFWIJZING,
        "is_buiten_behandeling": b.soort == Soort.BUITEN_BEHANDELING,
        "is_herziening": b.soort == Soort.HERZIENING,
        "is_intrekking": b.soort == Soort.INTREKKING,
        "is_verlaging": b.soort == Soort.VERLAGING,
        "is_afzien_verlaging": b.soort == Soort.AFZIEN_VERLAGING,
        "met_verstrekking": b.soort in MET_VERSTREKKING,
        "wijzigt_eerder": b.soort in WIJZIGT_EERDER,
        "op_bezwaar": gr.is_op_bezwaar(b),
        "vervangt": {"kenmerk": vervangt.kenmerk, "datum": datum_nl(vervangt.bekendgemaakt_op or vervangt.besluitdatum)}
        if vervangt is not None else {"kenmerk": "", "datum": ""},
        "aanvraag": b.aanvraag,
        "toelichting": b.toelichting_beslissing,
        "voorziening": b.voorziening,
        "beoogd_resultaat": b.beoogd_resultaat,
        "is_wmo": domein == WMO,
        "is_jeugd": domein == JEUGD,
        "is_inkomen": domein == INKOMEN,
        "vorm": b.vorm,
        "is_natura": b.vorm == Vorm.NATURA,
        "is_pgb": b.vorm == Vorm.PGB,
        "is_geld": b.vorm == Vorm.GELD,
        "is_lening": b.financiering == Financiering.LENING,
        "is_om_niet": b.financiering == Financiering.OM_NIET,
        "lening_voorwaarden": b.lening_voorwaarden,
        "reden_natura": b.reden_natura,
        "bedrag": euro_nl(b.bedrag),
        "bedrag_periode": PERIODE_IN_ZIN.get(b.bedrag_periode, ""),
        "ingangsdatum": datum_nl(b.ingangsdatum),
        "einddatum": datum_nl(b.einddatum),
        "duur": b.duur,
        "omvang": b.omvang,
        "aanbieder": b.aanbieder,
        "andere_voorzieningen": b.andere_voorzieningen,
        "kwaliteitseisen": b.kwaliteitseisen,
        "pgb_bedrag": euro_nl(b.pgb_bedrag),
        "pgb_berekening": b.pgb_berekening,
        "verantwoording": b.verantwoording,
        "bijdrage_bekend": b.bijdrage_verschuldigd is not None,
        "bijdrage_verschuldigd": bool(b.bijdrage_verschuldigd),
        "bijdrage_toelichting": b.bijdrage_toelichting,
        "meldplicht": b.meldplicht,
        "vervolg": b.vervolg,
        "ontbrekende_gegevens": b.ontbrekende_gegevens,
        "hersteltermijn_tot": datum_nl(b.hersteltermijn_tot),
        "reden_wijziging": b.reden_wijziging,
        "verwijzing": _verwijzing(b) if domein == JEUGD else "",
    }


def _verwijzing(b: Besluit) -> str:
    """Jeugd: the structured referral of artikel 5:3 (who, when, for what), or '' (old zaken: free-text finding)."""
    from maatwerk.zaken.jeugd_verwijzing import verwijzing_zin

    if b.zaak._state.adding:  # an example letter (besluiten.demo) of an unsaved zaak: no referral to read
        return ""
    return verwijzing_zin(b.zaak)


def _inwoner(inwoner) -> dict:
    return {
        "naam": inwoner.naam,
        "adres_regels": [
            f"{inwoner.straat} {inwoner.huisnummer}{(' ' + inwoner.huisnummertoevoeging) if inwoner.huisnummertoevoeging else ''}",
            f"{inwoner.postcode} {inwoner.woonplaats}",
        ],
    }


def _regeling(zaak) -> dict:
    naam_in_zin = REGELING_IN_ZIN.get(zaak.regeling, zaak.definitie.naam.lower())
    return {"code": zaak.regeling, "naam": zaak.definitie.naam, "in_zin": naam_in_zin, "wet": zaak.definitie.wet}


def _rechtsmiddel(op_bezwaar: bool, termijn) -> dict:
    return {
        "soort": "beroep" if op_bezwaar else "bezwaar",
        "is_bezwaar": not op_bezwaar,
        "is_beroep": op_bezwaar,
        "einddatum": datum_nl(termijn.einde),
        "weken": str(termijnregel("bezwaartermijn")["aantal"]),
        "bron": termijn.bron,
    }


# The official who took the decision signs on behalf of the college (mandate: Awb 10:10 "namens het
# bestuursorgaan"); the function is said in words, from the role in the rights table.
NAMENS = "namens het college van burgemeester en wethouders,"
FUNCTIE_VAN_ROL = {
    "consulent_wmo": "consulent Wmo",
    "consulent_jeugd": "consulent Jeugd",
    "consulent_inkomen": "consulent Inkomen",
    "kwaliteitsmedewerker": "kwaliteitsmedewerker",
}
ZONDER_NAAM = "(naam volgt: nog niet vastgesteld)"


def functie_van(gebruiker) -> str:
    from maatwerk.toegang.rollen import rollen

    eigen = rollen(gebruiker) if getattr(gebruiker, "pk", None) else frozenset()
    return next((FUNCTIE_VAN_ROL[r] for r in FUNCTIE_VAN_ROL if r in eigen), "medewerker")


def ondertekening(gebruiker, *, voorbeeld: bool = False) -> dict:
    """{namens, naam, functie, bekend, volledige_naam}: the mandated official, full name (falls back to the user
    name), function in words. `bekend` is False when no one has vastgesteld the besluit yet: the preview says
    so in the signature instead of leaving it out (issue 8)."""
    if gebruiker is None:
        naam = "A. Voorbeeld" if voorbeeld else ZONDER_NAAM
        return {"namens": NAMENS, "naam": naam, "functie": "consulent" if voorbeeld else "", "bekend": voorbeeld,
                "volledige_naam": voorbeeld}
    volledig = " ".join(f"{gebruiker.first_name} {gebruiker.last_name}".split())
    return {"namens": NAMENS, "naam": volledig or gebruiker.get_username(), "functie": functie_van(gebruiker),
            "bekend": True, "volledige_naam": bool(volledig)}


def titel(besluit: Besluit, naam_in_zin: str) -> str:
    """The document title (PDF/UA: shown by readers instead of the file name)."""
    if besluit.soort in WIJZIGT_EERDER:
        return f"Besluit over uw {naam_in_zin}: wijziging"
    if besluit.soort == Soort.VERLAGING:
        return f"Besluit over uw {naam_in_zin}: verlaging"
    if besluit.soort == Soort.AFZIEN_VERLAGING:
        return f"Besluit over uw {naam_in_zin}: geen verlaging"
    return f"Besluit over uw aanvraag {naam_in_zin}"


def _berekening(besluit: Besluit) -> list[dict]:
    """The Regelkern's full trace, readable, for the bijlage (empty without a computation)."""
    berekening = getattr(besluit, "berekening", None) if besluit.berekening_id else None
    variabele = besluit.zaak.definitie.uitkomst_variabele
    if berekening is None or not variabele:
        return []
    uitleg = berekening.uitleg or {}
    rijen = beslissend.spoor(uitleg, variabele, beslissend.namen_in(uitleg))
    for r in rijen:
        r["soort"] = SOORT_BRON_IN_BRIEF.get(r["soort"], r["soort"])
    return rijen


def context(besluit: Besluit, *, overwegingen, bekendmaking: dt.date, gemeente, concept: bool) -> dict:
    """The complete, restricted context of the letter (see the module docstring)."""
    zaak = besluit.zaak
    inwoner = zaak.hoofdpersoon
    termijn = bezwaartermijn(bekendmaking, vandaag=bekendmaking)
    bijlage = gr.grondslagen(besluit, overwegingen)
    for r in bijlage:
        r["soort"] = SOORT_BRON_IN_BRIEF.get(r["soort"], r["soort"])
    naam_in_zin = REGELING_IN_ZIN.get(zaak.regeling, zaak.definitie.naam.lower())
    op_bezwaar = gr.is_op_bezwaar(besluit)
    return {
        "brief": {
            "kenmerk": besluit.kenmerk,
            "datum": datum_nl(bekendmaking),
            "onderwerp": f"Besluit over {naam_in_zin}",
            "titel": titel(besluit, naam_in_zin),
            "concept": concept,
            "voorbeeld": bool(getattr(besluit, "_voorbeeld", False)),
        },
        "gemeente": _gemeente(gemeente),
        "inwoner": _inwoner(inwoner),
        "regeling": _regeling(zaak),
        "besluit": _besluit(besluit),
        "ondertekening": ondertekening(besluit.vastgesteld_door if besluit.vastgesteld_door_id else None,
                                       voorbeeld=bool(getattr(besluit, "_voorbeeld", False))),
        "berekening": _berekening(besluit),
        "overwegingen": [
            {"nummer": i, "zin": o.zin, "voetnoot": gr.nummer_van(bijlage, o.bron)}
            for i, o in enumerate(overwegingen, start=1)
        ],
        "bijlage": bijlage,
        "rechtsmiddel": _rechtsmiddel(op_bezwaar, termijn),
    }


@dataclass(frozen=True)
class Gemaakt:
    html: str
    gebruikt: list[str]  # template codes, main first
    context: dict
    bezwaartermijn_einde: dt.date


def maak_html(besluit: Besluit, *, bronnen: Bronnen, overwegingen, bekendmaking: dt.date, gemeente,
              concept: bool = False) -> Gemaakt:
    """Render the letter. Raises SjabloonFout (Dutch) when a template is wrong or the letter lacks the
    objection clause with its end date (Awb 3:45; Verordening art. 4:6 and 5:5, eerste lid)."""
    ctx = context(besluit, overwegingen=list(overwegingen), bekendmaking=bekendmaking, gemeente=gemeente, concept=concept)
    html, gebruikt = sjablonen.render(bronnen.inhoud, HOOFDSJABLOON, ctx)
    einde = ctx["rechtsmiddel"]["einddatum"]
    if einde not in html:
        raise sjablonen.SjabloonFout(
            f"De brief noemt niet tot wanneer de inwoner {ctx['rechtsmiddel']['soort']} kan maken (uiterlijk {einde}). "
            "Dat is verplicht (Algemene wet bestuursrecht, artikel 3:45; Verordening Sociaal Domein 2018, artikel 4:6 "
            "en 5:5, eerste lid)."
        )
    return Gemaakt(html, gebruikt, ctx, bezwaartermijn(bekendmaking, vandaag=bekendmaking).einde)


# ------------------------------------------------------------------ beslissing op bezwaar


def is_te_laat_zonder_reden(bezwaar) -> bool:
    """Niet-ontvankelijk because late without an excuse (Awb 6:9, 6:11); otherwise the ground is a verzuim (6:6)."""
    return not bezwaar.tijdig and bezwaar.verschoonbaar is False


def context_bezwaar(bezwaar, *, bekendmaking: dt.date, gemeente, concept: bool) -> dict:
    """The restricted context of the letter on a bezwaar decided ongegrond or niet-ontvankelijk: plain values
    only, every key always present (docs/besluiten.md lists them)."""
    from maatwerk.besluiten.models import Uitkomst

    besluit = bezwaar.besluit
    zaak = besluit.zaak
    # Against the beslissing op bezwaar lies beroep at the rechtbank (Awb 7:1, 8:1) within six weeks from the day
    # after bekendmaking: the same Awb 6:7 / 6:8 rule as the bezwaartermijn, so the same function computes it.
    termijn = bezwaartermijn(bekendmaking, vandaag=bekendmaking)
    niet_ontvankelijk = bezwaar.uitkomst == Uitkomst.NIET_ONTVANKELIJK
    te_laat = niet_ontvankelijk and is_te_laat_zonder_reden(bezwaar)
    verzuim = niet_ontvankelijk and not te_laat
    gehoord = bezwaar.hoorzitting_op is not None
    return {
        "brief": {
            "kenmerk": bezwaar.kenmerk,
            "datum": datum_nl(bekendmaking),
            "onderwerp": "Beslissing op uw bezwaar",
            "titel": f"Beslissing op uw bezwaar over {_regeling(zaak)['in_zin']}",
            "concept": concept,
            "voorbeeld": bool(getattr(bezwaar, "_voorbeeld", False)),
        },
        "ondertekening": ondertekening(bezwaar.beslist_door if bezwaar.beslist_door_id else None,
                                       voorbeeld=bool(getattr(bezwaar, "_voorbeeld", False))),
        "gemeente": _gemeente(gemeente),
        "inwoner": _inwoner(zaak.hoofdpersoon),
        "regeling": _regeling(zaak),
        "bezwaar": {
            "kenmerk": bezwaar.kenmerk,
            "besluit": {"kenmerk": besluit.kenmerk, "datum": datum_nl(besluit.bekendgemaakt_op or besluit.besluitdatum),
                        "soort_naam": Soort(besluit.soort).label},
            "ontvangen_op": datum_nl(bezwaar.ontvangen_op),
            "gronden": bezwaar.gronden,
            "uitkomst": bezwaar.uitkomst,
            "is_ongegrond": bezwaar.uitkomst == Uitkomst.ONGEGROND,
            "is_niet_ontvankelijk": niet_ontvankelijk,
            "is_te_laat": te_laat,
            "bezwaartermijn_einde": datum_nl(bezwaar.bezwaartermijn_einde),
            "reden_te_laat": bezwaar.verschoonbaarheid_reden if te_laat else "",
            "is_verzuim": verzuim,
            "verzuim": bezwaar.verzuim if verzuim else "",
            "hersteltermijn_tot": datum_nl(bezwaar.hersteltermijn_tot) if verzuim else "",
            "gehoord": gehoord,
            "hoorzitting_op": datum_nl(bezwaar.hoorzitting_op),
            "reden_niet_horen": "" if gehoord else bezwaar.afzien_van_horen_reden,
            "motivering": bezwaar.motivering,
        },
        "bijlage": gr.grondslagen_bezwaar(te_laat=te_laat, verzuim=verzuim, gehoord=gehoord),
        "rechtsmiddel": _rechtsmiddel(True, termijn),
    }


def maak_html_bezwaar(bezwaar, *, bronnen: Bronnen, bekendmaking: dt.date, gemeente, concept: bool = False) -> Gemaakt:
    """Render the letter on the bezwaar. Like `maak_html`, refuses a letter that does not name the last day for
    beroep (Awb 3:45 lid 1: "wordt daarvan bij de bekendmaking ... melding gemaakt")."""
    ctx = context_bezwaar(bezwaar, bekendmaking=bekendmaking, gemeente=gemeente, concept=concept)
    html, gebruikt = sjablonen.render(bronnen.inhoud, BEZWAAR_HOOFDSJABLOON, ctx)
    einde = ctx["rechtsmiddel"]["einddatum"]
    if einde not in html:
        raise sjablonen.SjabloonFout(
            f"De brief over het bezwaar noemt niet tot wanneer de inwoner in beroep kan gaan (uiterlijk {einde}). Dat is "
            "verplicht (Algemene wet bestuursrecht, artikel 3:45, eerste lid)."
        )
    return Gemaakt(html, gebruikt, ctx, bezwaartermijn(bekendmaking, vandaag=bekendmaking).einde)
