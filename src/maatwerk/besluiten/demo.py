"""Demo letters: one fictitious besluit per supported variant (regeling × soort × vorm), built as unsaved
model instances so they render without a database. Used by the preview (`preview.py`), the readability
test and the check that refuses a template which makes any letter worse than B1.

All names, amounts and providers here are fictitious examples; they are no legal figures and nothing is
computed from them. The letters carry a "VOORBEELD" banner.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from maatwerk.besluiten.inhoud import GRONDEN_WIJZIGING, VO
from maatwerk.besluiten.models import (
    AFSTEMMING,
    MET_VERSTREKKING,
    WIJZIGT_EERDER,
    Besluit,
    Bezwaarschrift,
    Financiering,
    Gemeentegegevens,
    Overweging,
    Periode,
    Soort,
    Status,
    Uitkomst,
    Vorm,
)
from maatwerk.personen.models import Inwoner
from maatwerk.zaken.models import Zaak
from maatwerk.zaken.regelingen import INKOMEN, JEUGD, REGELINGEN, WMO

BEKENDMAKING = dt.date(2026, 6, 22)
D = dt.date
PW = "Participatiewet"


@dataclass
class Variant:
    naam: str
    regeling: str
    soort: str
    vorm: str
    besluit: Besluit
    overwegingen: list[Overweging] = field(default_factory=list)


def demo_gemeente() -> Gemeentegegevens:
    """Lansingerland's public contact details (lansingerland.nl/servicenormen); see migration 0002."""
    return Gemeentegegevens(**GEMEENTE_LANSINGERLAND)


GEMEENTE_LANSINGERLAND = {
    "naam": "Gemeente Lansingerland",
    "afzender": "Het college van burgemeester en wethouders van Lansingerland",
    "postadres": "Postbus 1\n2650 AA Berkel en Rodenrijs",
    "telefoon": "(010) 800 40 00",
    "website": "www.lansingerland.nl",
    "bezwaar_adres": "Het college van burgemeester en wethouders van Lansingerland\nPostbus 1\n2650 AA Berkel en Rodenrijs",
    "bezwaar_digitaal": "",
    "clientondersteuning": "Bel ons op (010) 800 40 00. Wij zoeken dan samen met u een cliëntondersteuner.",
    "rechtbank": "",
}


def _inwoner() -> Inwoner:
    return Inwoner(pk=901, bsn="999990019", voornamen="Sanne", achternaam="de Vries", geboortedatum=D(1970, 3, 1),
                   straat="Dorpsstraat", huisnummer=12, postcode="2651 AB", woonplaats="Berkel en Rodenrijs")


def _o(zin: str, bron: str, soort: str = "discretie") -> Overweging:
    return Overweging(zin=zin, bron=bron, soort=soort)


# ------------------------------------------------------------------ content per regeling

WMO_BASIS = dict(
    aanvraag="U vroeg om hulp bij het schoonmaken van uw huis. Dat lukt u zelf niet meer door uw rugklachten.",
    voorziening="hulp bij het huishouden",
    beoogd_resultaat="U woont in een schoon huis.",
    omvang="3 uur per week",
    ingangsdatum=D(2026, 7, 1), einddatum=D(2027, 6, 30),
    bijdrage_verschuldigd=True,
    bijdrage_toelichting="Het CAK stuurt u daarvoor een rekening. Het CAK rekent ook uit hoeveel u betaalt.",
    vervolg="De zorgaanbieder belt u binnen twee weken. Samen maakt u dan een afspraak.",
)
WMO_PGB = dict(
    pgb_bedrag=Decimal("3900.00"), bedrag_periode=Periode.PER_JAAR,
    pgb_berekening="Wij keken wat deze hulp kost bij een zorgaanbieder. Uw pgb is even hoog.",
    kwaliteitseisen="De hulp moet veilig zijn. Zij moet passen bij wat u nodig heeft.",
    verantwoording="De SVB betaalt uw hulp uit het pgb. U geeft de SVB elke maand door hoeveel uur de hulp heeft gewerkt.",
    vervolg="U krijgt binnen twee weken een brief van de SVB. Daarna kunt u de hulp inhuren.",
)
WMO_REDENEN = [
    _o("U kunt uw huis zelf niet meer schoonhouden. Dat komt door uw rugklachten.", f"{VO}, artikel 4:3, eerste lid, onder a"),
    _o("Uw partner werkt de hele week. Ook anderen om u heen kunnen niet helpen.", f"{VO}, artikel 4:3, derde lid, onder a tot en met d"),
    _o("Drie uur hulp per week is genoeg om uw huis schoon te houden.", f"{VO}, artikel 4:3, eerste lid, onder b"),
]
WMO_AFWIJZING = [
    _o("Uw zoon woont bij u. Hij kan het schoonmaken van u overnemen.", f"{VO}, artikel 4:3, derde lid, onder a tot en met d"),
    _o("Hulp van huisgenoten is gewoon. Daarom is hulp van ons niet nodig.", f"{VO}, artikel 4:4, eerste lid, onder c"),
]

JEUGD_BASIS = dict(
    aanvraag="U vroeg om hulp voor uw zoon Daan. Hij heeft veel ruzie, thuis en op school.",
    voorziening="begeleiding voor Daan en voor u als ouders",
    beoogd_resultaat="Daan gaat weer graag naar school. Thuis is er minder ruzie.",
    omvang="2 uur per week",
    ingangsdatum=D(2026, 7, 1), einddatum=D(2026, 12, 31),
    aanbieder="Jeugdhulp Oostland. Wij hebben met hen een contract.",
    andere_voorzieningen="de gratis cursus over opvoeden bij het Centrum voor Jeugd en Gezin.",
    vervolg="Jeugdhulp Oostland belt u binnen een week. Samen maakt u dan een plan.",
)
JEUGD_PGB = dict(
    aanbieder="",
    pgb_bedrag=Decimal("2600.00"), bedrag_periode=Periode.PER_JAAR,
    pgb_berekening="Wij keken wat deze hulp kost bij een zorgaanbieder. Uw pgb is even hoog.",
    kwaliteitseisen="De hulpverlener moet goed opgeleid zijn. Hij moet ook een bewijs van goed gedrag hebben.",
    verantwoording="De SVB betaalt de hulp uit het pgb. U geeft de SVB elke maand door hoeveel uur de hulp heeft gewerkt.",
    meldplicht="Verandert er iets bij u thuis? Vertel het ons dan meteen. Bijvoorbeeld als Daan de hulp niet meer nodig heeft.",
    vervolg="U krijgt binnen twee weken een brief van de SVB. Daarna kunt u de hulp inhuren.",
)
JEUGD_REDENEN = [
    _o("U heeft zelf veel geprobeerd. Familie en vrienden konden ook niet genoeg helpen.", f"{VO}, artikel 5:4, onder a"),
    _o("Er is geen andere hulp die hier goed genoeg bij past.", f"{VO}, artikel 5:4, onder b"),
]
JEUGD_AFWIJZING = [
    _o("De school van Daan heeft een eigen begeleider. Die kan Daan goed helpen.", f"{VO}, artikel 5:4, onder b"),
]

BB_BASIS = dict(
    aanvraag="U vroeg om geld voor een nieuwe wasmachine. Uw oude wasmachine is kapot.",
    voorziening="een nieuwe wasmachine",
    bedrag=Decimal("450.00"), bedrag_periode=Periode.EENMALIG, ingangsdatum=D(2026, 6, 22),
    vorm=Vorm.GELD, financiering=Financiering.OM_NIET,
    vervolg="Wij zetten het geld binnen vijf werkdagen op uw rekening.",
)
BB_REDENEN = [
    _o("Zonder wasmachine kunt u uw kleren niet wassen. De kosten zijn dus nodig.", f"{PW}, artikel 35, eerste lid"),
    _o("U had geen geld opzij kunnen zetten voor deze kosten.", f"{PW}, artikel 35, eerste lid"),
    _o("U krijgt € 450,00. Dat zijn de kosten min wat u zelf kunt betalen: € 0,00.", f"{PW}, artikel 35, eerste lid", "wet"),
]
BB_AFWIJZING = [
    _o("Een wasmachine koopt u normaal van uw gewone inkomen. Daar had u voor kunnen sparen.", f"{PW}, artikel 35, eerste lid"),
]

IIT_BASIS = dict(
    aanvraag="U vroeg om een inkomenstoeslag. U heeft al lang een laag inkomen.",
    voorziening="een toeslag omdat u al lang een laag inkomen heeft",
    bedrag=Decimal("400.00"), bedrag_periode=Periode.EENMALIG, ingangsdatum=D(2026, 7, 1),
    vorm=Vorm.GELD, financiering=Financiering.OM_NIET,
    vervolg="Wij zetten het geld binnen vijf werkdagen op uw rekening. Over een jaar kunt u het weer vragen.",
)
IIT_REDENEN = [
    _o("U heeft al lang een laag inkomen. Dat blijkt uit uw gegevens.", f"{PW}, artikel 36, eerste lid", "wet"),
    _o("U heeft geen kans op een hoger inkomen. Dat komt door uw gezondheid.", f"{PW}, artikel 36, eerste lid"),
]
IIT_AFWIJZING = [
    _o("U volgt nu een opleiding voor een baan. Daarmee kunt u meer gaan verdienen.", f"{PW}, artikel 36, eerste lid"),
]

IST_BASIS = dict(
    aanvraag="U vroeg om studietoeslag. U volgt een opleiding tot kok.",
    voorziening="studietoeslag naast uw opleiding tot kok",
    bedrag=Decimal("150.00"), bedrag_periode=Periode.PER_MAAND, ingangsdatum=D(2026, 7, 1), einddatum=D(2027, 6, 30),
    vorm=Vorm.GELD, financiering=Financiering.OM_NIET,
    vervolg="Wij zetten het geld elke maand op uw rekening. De eerste keer is eind juli.",
)
IST_REDENEN = [
    _o("U kunt door uw beperking niet het minimumloon verdienen.", f"{PW}, artikel 36b, eerste lid"),
    _o("U volgt een opleiding en u krijgt studiefinanciering.", f"{PW}, artikel 36b, eerste lid", "wet"),
]
IST_AFWIJZING = [
    _o("U kunt met werk het minimumloon verdienen. Daarom krijgt u geen studietoeslag.", f"{PW}, artikel 36b, eerste lid"),
]

AB_BASIS = dict(
    aanvraag="U vroeg om bijstand. U heeft geen werk en geen ander inkomen.",
    voorziening="bijstand om van te leven",
    bedrag=Decimal("1331.42"), bedrag_periode=Periode.PER_MAAND, ingangsdatum=D(2026, 7, 1),
    vorm=Vorm.GELD, financiering=Financiering.OM_NIET,
    vervolg="Wij zetten het geld elke maand op uw rekening. De eerste keer is eind juli.",
)
AB_REDENEN = [
    _o("U heeft geen inkomen en bijna geen spaargeld. U heeft dus te weinig om van te leven.", f"{PW}, artikel 11", "wet"),
    _o("U krijgt de norm voor een alleenstaande. Een deel houden wij apart voor uw vakantiegeld.", f"{PW}, artikelen 19 en 21", "wet"),
]
AB_AFWIJZING = [
    _o("U heeft meer spaargeld dan de grens. Daarvan kunt u eerst zelf leven.", f"{PW}, artikel 34", "wet"),
]

INHOUD = {
    "wmo_maatwerkvoorziening": (WMO_BASIS, WMO_REDENEN, WMO_AFWIJZING),
    "jeugdhulp": (JEUGD_BASIS, JEUGD_REDENEN, JEUGD_AFWIJZING),
    "bijzondere_bijstand": (BB_BASIS, BB_REDENEN, BB_AFWIJZING),
    "individuele_inkomenstoeslag": (IIT_BASIS, IIT_REDENEN, IIT_AFWIJZING),
    "individuele_studietoeslag": (IST_BASIS, IST_REDENEN, IST_AFWIJZING),
    "algemene_bijstand": (AB_BASIS, AB_REDENEN, AB_AFWIJZING),
}

GEDEELTELIJK = {
    WMO: ("U vroeg om 5 uur hulp per week. U krijgt 3 uur. Voor de rest kan uw zoon zorgen.",
          _o("Uw zoon woont bij u. Hij kan een deel van het werk doen.", f"{VO}, artikel 4:3, derde lid, onder a tot en met d")),
    JEUGD: ("U vroeg om 4 uur hulp per week. Daan krijgt 2 uur. Dat is genoeg voor wat hij nodig heeft.",
            _o("Twee uur per week is genoeg voor het doel van de hulp.", f"{VO}, artikel 5:4, onder b")),
    INKOMEN: ("U vroeg om meer geld. U krijgt een deel. De rest kunt u zelf betalen.",
              _o("Een deel van de kosten kunt u zelf betalen van uw inkomen.", f"{PW}, artikel 35, eerste lid")),
}

WIJZIGING = {
    # soort -> domein -> (reden_wijziging, overweging)
    Soort.HERZIENING: {
        WMO: ("Uw rug is slechter geworden. U heeft nu meer hulp nodig.", "De hulp die u had, is niet meer genoeg."),
        JEUGD: ("Daan heeft het thuis zwaarder. Hij heeft meer hulp nodig.", "De hulp die Daan had, is niet meer genoeg."),
        INKOMEN: ("Wij hebben een fout gemaakt in de berekening. U krijgt meer.", "Het eerste bedrag was te laag door onze fout."),
    },
    Soort.INTREKKING: {
        WMO: ("U woont nu in een verpleeghuis. Daar krijgt u deze hulp al.", "U heeft de hulp van ons niet meer nodig."),
        JEUGD: ("Het gaat goed met Daan. Hij heeft de hulp niet meer nodig.", "Daan heeft de hulp niet meer nodig."),
        INKOMEN: ("U heeft nu werk. Uw inkomen is hoger geworden.", "U heeft nu genoeg inkomen. Daarom stopt het geld."),
    },
}

# Issue 11: a besluit tot verlaging (Vo 7:13, 7:16, 7:22) and afzien for dringende redenen (7:15 lid 3), as
# `besluiten.verlaging` fills them; only for algemene bijstand.
VSD = "Verordening Sociaal Domein Lansingerland 2018"
VERLAGING = {
    Soort.VERLAGING: (dict(
        aanvraag="U krijgt bijstand van ons. U heeft zich niet aan een regel gehouden. Daarom krijgt u deze brief.",
        toelichting_beslissing="Tegenprestatie niet of onvoldoende verricht (artikel 7:18, onder c, 3).",
        duur="één maand, vanaf 1 september 2026; het bedrag wordt verdeeld over 3 maanden",
        omvang="30 % van € 1.419,46 per maand; in totaal € 425,84", bedrag=Decimal("425.84"),
        ingangsdatum=D(2026, 9, 1), einddatum=D(2026, 11, 30),
        vervolg="Wij houden de verlaging in op uw bijstand: € 141,95 in september 2026, € 141,95 in oktober 2026, "
                "€ 141,94 in november 2026."), [
        _o("Op 20 augustus 2026 heeft u uw kant van het verhaal verteld (gesprek).", f"{VSD}, artikel 7:14, eerste lid",
           "verordening"),
        _o("U deed dit: Tegenprestatie niet of onvoldoende verricht (artikel 7:18, onder c, 3).",
           f"{VSD}, artikelen 7:18 tot en met 7:25", "verordening"),
        _o("Zo lang duurt de verlaging: één maand, vanaf 1 september 2026.", f"{VSD}, artikelen 7:16 en 7:20",
           "verordening"),
        _o("Zoveel is de verlaging: 30 % van € 1.419,46 per maand; in totaal € 425,84.", f"{VSD}, artikel 7:17",
           "verordening"),
    ]),
    Soort.AFZIEN_VERLAGING: (dict(
        aanvraag="U krijgt bijstand van ons. U heeft zich niet aan een regel gehouden. Daarom krijgt u deze brief.",
        toelichting_beslissing="Een verlaging brengt uw huur en de zorg voor uw kinderen in gevaar."), [
        _o("Wij hebben u niet eerst gesproken. De verordening staat dat hier toe.", f"{VSD}, artikel 7:14, tweede lid",
           "verordening"),
        _o("U krijgt geen verlaging. Dat komt door uw bijzondere situatie.", f"{VSD}, artikel 7:15, tweede en derde lid"),
    ]),
}

BUITEN_BEHANDELING = dict(
    ontbrekende_gegevens="uw bankafschriften van de laatste drie maanden.",
    hersteltermijn_tot=D(2026, 6, 15),
)
BUITEN_BEHANDELING_REDEN = _o(
    "Wij vroegen u op 1 juni 2026 om deze papieren. Zonder die papieren kunnen wij uw aanvraag niet beoordelen.",
    "Algemene wet bestuursrecht, artikel 4:5, eerste lid, onder c", "wet",
)


def _vormen(regeling: str, soort: str) -> list[tuple[str, str]]:
    """(vorm, financiering) combinations shown for this regeling and soort."""
    if soort not in MET_VERSTREKKING and soort != Soort.INTREKKING:
        return [("", "")]
    domein = REGELINGEN[regeling].domein
    if domein in (WMO, JEUGD):
        # An intrekking letter does not depend on the vorm: one variant.
        return [(Vorm.NATURA, "")] if soort == Soort.INTREKKING else [(Vorm.NATURA, ""), (Vorm.PGB, "")]
    if soort == Soort.INTREKKING:
        return [(Vorm.GELD, Financiering.OM_NIET)]
    if regeling == "bijzondere_bijstand" and soort == Soort.TOEKENNING:
        return [(Vorm.GELD, Financiering.OM_NIET), (Vorm.GELD, Financiering.LENING), (Vorm.NATURA, Financiering.OM_NIET)]
    return [(Vorm.GELD, Financiering.OM_NIET)]


def _besluit(regeling: str, soort: str, vorm: str, financiering: str, nummer: int) -> tuple[Besluit, list[Overweging]]:
    domein = REGELINGEN[regeling].domein
    basis, redenen, afwijzing = INHOUD[regeling]
    zaak = Zaak(pk=3000 + nummer, regeling=regeling, hoofdpersoon=_inwoner(), status="besluit")
    velden = dict(basis)
    if domein in (WMO, JEUGD):
        velden["vorm"] = vorm
        if vorm == Vorm.PGB:
            velden.update(WMO_PGB if domein == WMO else JEUGD_PGB)
    else:
        velden.update(vorm=vorm, financiering=financiering)
        if financiering == Financiering.LENING:
            velden.update(lening_voorwaarden="U betaalt elke maand € 25,00 terug. Wij halen dat van uw uitkering af.",
                          vervolg="Wij zetten het geld binnen vijf werkdagen op uw rekening. Het terugbetalen begint in augustus.")
        if vorm == Vorm.NATURA:
            velden.update(reden_natura="Uw bewindvoerder beheert uw geld. Zo komen er geen nieuwe schulden bij.",
                          vervolg="Wij betalen de winkel direct. U kunt de wasmachine daar ophalen.")
    overwegingen = list(redenen)

    if soort == Soort.GEDEELTELIJKE_TOEKENNING:
        toelichting, extra = GEDEELTELIJK[domein]
        velden["toelichting_beslissing"] = toelichting
        overwegingen = overwegingen + [extra]
    elif soort == Soort.AFWIJZING:
        velden = {"aanvraag": basis["aanvraag"]}
        overwegingen = list(afwijzing)
    elif soort == Soort.BUITEN_BEHANDELING:
        velden = {"aanvraag": basis["aanvraag"], **BUITEN_BEHANDELING}
        overwegingen = [BUITEN_BEHANDELING_REDEN]
    elif soort in AFSTEMMING:
        velden, overwegingen = VERLAGING[soort]
        velden, overwegingen = dict(velden), list(overwegingen)
    elif soort in WIJZIGT_EERDER:
        reden, zin = WIJZIGING[soort][domein]
        velden.update(aanvraag="", reden_wijziging=reden, ingangsdatum=D(2026, 8, 1))
        overwegingen = [_o(zin, GRONDEN_WIJZIGING[domein], "wet")] + (overwegingen[:1] if soort == Soort.HERZIENING else [])
        if soort == Soort.HERZIENING and domein in (WMO, JEUGD):
            velden["omvang"] = "4 uur per week" if domein == WMO else "3 uur per week"
        if soort == Soort.INTREKKING:
            velden["vervolg"] = "Wij stoppen de hulp of de betaling vanaf die datum. U hoeft niets te doen."
    besluit = Besluit(pk=7000 + nummer, zaak=zaak, soort=soort, status=Status.VASTGESTELD, **velden)
    if soort in WIJZIGT_EERDER:
        besluit.vervangt = Besluit(pk=6000 + nummer, zaak=zaak, soort=Soort.TOEKENNING, status=Status.BEKENDGEMAAKT,
                                   bekendgemaakt_op=D(2026, 1, 15))
    return besluit, overwegingen


def varianten() -> list[Variant]:
    """Every letter variant the app supports, with demo data, in a stable order."""
    uit: list[Variant] = []
    nummer = 0
    for regeling in REGELINGEN:
        for soort in Soort.values:
            if soort in AFSTEMMING and regeling != "algemene_bijstand":
                continue  # a verlaging (Vo 7:11-7:28) exists only on algemene bijstand
            for vorm, financiering in _vormen(regeling, soort):
                nummer += 1
                besluit, overwegingen = _besluit(regeling, soort, vorm, financiering, nummer)
                delen = [regeling, soort] + [d for d in (vorm, financiering if financiering == Financiering.LENING else "") if d]
                uit.append(Variant("-".join(delen), regeling, soort, vorm, besluit, overwegingen))
    # A decision taken on an objection (Awb 7:11): beroep instead of bezwaar.
    nummer += 1
    besluit, overwegingen = _besluit("wmo_maatwerkvoorziening", Soort.TOEKENNING, Vorm.NATURA, "", nummer)
    besluit._op_bezwaar_demo = True
    uit.append(Variant("wmo_maatwerkvoorziening-toekenning-natura-na-bezwaar", "wmo_maatwerkvoorziening",
                       Soort.TOEKENNING, Vorm.NATURA, besluit, overwegingen))
    return uit


# ------------------------------------------------------------------ beslissing op bezwaar (Awb 7:12)


@dataclass
class BezwaarVariant:
    """A letter on a bezwaar decided ongegrond or niet-ontvankelijk; `besluit` is the contested one."""

    naam: str
    regeling: str
    bezwaar: Bezwaarschrift

    @property
    def besluit(self) -> Besluit:
        return self.bezwaar.besluit


BEZWAAR_BESLIST_OP = BEKENDMAKING  # the demo letters are all dated (and sent) on this day

BEZWAAR_GEVALLEN = {
    # naam -> (regeling, velden of the Bezwaarschrift)
    "ongegrond-gehoord": ("wmo_maatwerkvoorziening", dict(
        uitkomst=Uitkomst.ONGEGROND, tijdig=True, ontvangen_op=D(2026, 3, 10),
        gronden="Drie uur hulp per week is te weinig. Ik kan ook niet meer zelf koken.",
        hoorzitting_op=D(2026, 4, 2), hoorverslag="Mevrouw licht toe dat koken haar niet lukt.",
        motivering="Koken valt niet onder hulp bij het huishouden. Daarvoor kunt u maaltijden laten bezorgen. "
                   "Drie uur per week is genoeg om uw huis schoon te houden.",
    )),
    "ongegrond-niet-gehoord": ("jeugdhulp", dict(
        uitkomst=Uitkomst.ONGEGROND, tijdig=True, ontvangen_op=D(2026, 3, 10),
        gronden="Daan heeft meer hulp nodig dan twee uur per week.",
        afzien_van_horen_reden="U liet ons weten dat u niet wilde komen praten. Dat is uw goed recht.",
        motivering="Wij spraken met de hulpverlener van Daan. Zij vindt twee uur per week genoeg. Wij zien geen reden "
                   "om daaraan te twijfelen.",
    )),
    "niet-ontvankelijk-te-laat": ("bijzondere_bijstand", dict(
        uitkomst=Uitkomst.NIET_ONTVANKELIJK, tijdig=False, verschoonbaar=False, ontvangen_op=D(2026, 5, 4),
        gronden="Ik heb het geld voor de wasmachine wel nodig.",
        verschoonbaarheid_reden="U was op vakantie. Dan kunt u iemand vragen om uw post te lezen.",
        afzien_van_horen_reden="Uw bezwaar kwam te laat binnen. Dan is praten niet nodig.",
        motivering="Wij mogen een bezwaar dat te laat is niet behandelen. Dat staat in de wet.",
    )),
    "niet-ontvankelijk-verzuim": ("individuele_inkomenstoeslag", dict(
        uitkomst=Uitkomst.NIET_ONTVANKELIJK, tijdig=True, ontvangen_op=D(2026, 3, 2), gronden="",
        verzuim="de reden waarom u het niet eens bent met ons besluit.", hersteltermijn_tot=D(2026, 3, 30),
        afzien_van_horen_reden="Wij wisten niet waarom u bezwaar maakte. Daarom was praten niet nodig.",
        motivering="Zonder reden kunnen wij uw bezwaar niet beoordelen. Wij gaven u daarvoor vier weken de tijd.",
    )),
}


def bezwaar_varianten() -> list[BezwaarVariant]:
    """Every letter variant of the beslissing op bezwaar (ongegrond with and without hearing, niet-ontvankelijk
    for lateness and for a verzuim), with fictitious demo data, in a stable order."""
    uit = []
    for nummer, (naam, (regeling, velden)) in enumerate(BEZWAAR_GEVALLEN.items(), start=1):
        besluit, _ = _besluit(regeling, Soort.AFWIJZING, "", "", 100 + nummer)
        besluit.status, besluit.bekendgemaakt_op = Status.BEKENDGEMAAKT, D(2026, 1, 26)
        bezwaar = Bezwaarschrift(pk=8000 + nummer, besluit=besluit, indiener=besluit.zaak.hoofdpersoon.naam,
                                 bezwaartermijn_einde=D(2026, 3, 9), beslist_op=BEZWAAR_BESLIST_OP, **velden)
        uit.append(BezwaarVariant(f"bezwaar-{naam}", regeling, bezwaar))
    return uit


def alle_varianten() -> list:
    """Every letter the app writes: the besluit letters and the letters on a bezwaar."""
    return [*varianten(), *bezwaar_varianten()]


def maak_voorbeeld(variant, *, bronnen, gemeente, concept: bool = False):
    """Render a demo variant of either kind (brief.Gemaakt)."""
    from maatwerk.besluiten import brief as briefmodule

    if isinstance(variant, BezwaarVariant):
        return briefmodule.maak_html_bezwaar(variant.bezwaar, bronnen=bronnen, bekendmaking=BEZWAAR_BESLIST_OP,
                                             gemeente=gemeente, concept=concept)
    return briefmodule.maak_html(variant.besluit, bronnen=bronnen, overwegingen=variant.overwegingen,
                                 bekendmaking=BEKENDMAKING, gemeente=gemeente, concept=concept)
