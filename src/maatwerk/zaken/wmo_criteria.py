"""The criteria of a Wmo-maatwerkvoorziening (Verordening Sociaal Domein 2018 Lansingerland, chapter 4; issue 10
point 1 and 2), in the order the consulent answers them.

- artikel 4:3, eerste lid: the need and whether the voorziening helps (kept from the first version);
- artikel 4:3, derde lid, onder a tot en met g: the cascade, each step its own finding, asked in order. "ja" on a
  step means the result can be reached that way: the need is solved, the later steps are "niet meer nodig" and the
  refusal ground of artikel 4:4, eerste lid, that belongs to the step applies (see `maatwerk.zaken.cascade`);
- artikel 4:3, vierde en vijfde lid: goedkoopst passend and the duur;
- artikel 4:4, eerste lid (the grounds the cascade does not cover) and tweede lid (woonvoorzieningen, asked only
  for a woonvoorziening), each ground its own finding;
- artikel 4:7 and artikel 2.3.6, tweede lid, Wmo 2015: the pgb conditions, asked only when the inwoner chooses a
  pgb. They are Regelkern inputs (`regels/variables/wmo_pgb.py`), so the computed pgb follows the findings.

The three criteria of the first version that bundled several steps (`oplossing_eigen_kracht_of_netwerk`,
`oplossing_andere_voorziening`, `weigeringsgrond`) are `vervallen`: an old zaak's finding on them still renders and
counts for its besluit, but new zaken are asked the separate steps. An old zaak still in beoordeling is asked the
new steps too: the law did not change, only how finely the finding is recorded.
"""

from __future__ import annotations

from maatwerk.zaken.regelingen import HOOFDPERSOON, VO, Criterium, Invoer

WMO = "Wet maatschappelijke ondersteuning 2015"

_43_3 = (f"{VO}, artikel 4:3, derde lid: 'Tijdens een onderzoek naar de inzet van een maatwerkvoorziening wordt "
         "eerst onderzocht of de gewenste resultaten behaald kunnen worden")
_441 = f"{VO}, artikel 4:4, eerste lid: 'Geen maatwerkvoorziening wordt verstrekt:"
_442 = f"{VO}, artikel 4:4, tweede lid: 'Geen maatwerkvoorziening in de vorm van een woonvoorziening wordt verstrekt:"


def _stap(code: str, letter: str, vraag: str, tekst: str, weigergrond: str) -> Criterium:
    """One step of the cascade of 4:3 lid 3; "ja" (the result can be reached this way) solves the need."""
    return Criterium(code, vraag, f"{_43_3} {letter}. {tekst}'", cascade=letter, lost_op="ja", weigergrond=weigergrond)


def _grond(code: str, vraag: str, bron: str, woonvoorziening: bool = False) -> Criterium:
    """A refusal ground of 4:4: "ja" means the ground applies (the voorziening is refused)."""
    return Criterium(code, vraag, bron, alleen_als=("woonvoorziening", "ja") if woonvoorziening else None)


def _pgb(code: str, vraag: str, bron: str, variabele: str, *, ongunstig: bool) -> Criterium:
    """A pgb condition, asked only when the inwoner chooses a pgb; a finding not recorded gives the Regelkern
    the value under which no pgb is granted (`ongunstig`)."""
    return Criterium(code, vraag, bron, alleen_als=("vorm_pgb", "ja"),
                     invoer=Invoer(variabele, HOOFDPERSOON, ja=True, nee=False, niet_vastgesteld=ongunstig))


CRITERIA: tuple[Criterium, ...] = (
    Criterium(
        "beperkingen_niet_zelf_op_te_heffen",
        "Is de inwoner door beperkingen of problemen niet voldoende zelfredzaam of niet in staat tot "
        "participatie, en kan hij dat niet zelf verminderen of wegnemen?",
        f"{VO}, artikel 4:3, eerste lid, onder a",
    ),
    _stap("cascade_eigen_kracht", "a", "Kan het gewenste resultaat worden bereikt op eigen kracht?",
          "op eigen kracht;", f"{_441} c. voor zover de inwoner op eigen kracht [...] de beperkingen kan wegnemen'"),
    _stap("cascade_gebruikelijke_hulp", "b", "Kan het gewenste resultaat worden bereikt met gebruikelijke hulp?",
          "met gebruikelijke hulp;",
          f"{_441} c. voor zover de inwoner [...] met gebruikelijke hulp [...] de beperkingen kan wegnemen'"),
    _stap("cascade_mantelzorg", "c", "Kan het gewenste resultaat worden bereikt met mantelzorg?", "met mantelzorg;",
          f"{_441} c. voor zover de inwoner [...] met mantelzorg [...] de beperkingen kan wegnemen'"),
    _stap("cascade_sociaal_netwerk", "d",
          "Kan het gewenste resultaat worden bereikt met hulp van andere personen uit het sociale netwerk?",
          "met hulp van andere personen uit zijn sociale netwerk;",
          f"{_441} c. voor zover de inwoner [...] met hulp van andere personen uit zijn sociale netwerk de "
          "beperkingen kan wegnemen'"),
    _stap("cascade_algemeen_gebruikelijk", "e",
          "Kan het gewenste resultaat worden bereikt met algemeen gebruikelijke voorzieningen?",
          "met gebruikmaking van algemeen gebruikelijke voorzieningen;",
          f"{_441} e. indien de voorziening algemeen gebruikelijk is'"),
    _stap("cascade_algemene_voorziening", "f",
          "Kan het gewenste resultaat worden bereikt met algemene voorzieningen?",
          "met gebruikmaking van algemene voorzieningen;",
          f"{_441} d. voor zover de inwoner met gebruikmaking van algemene voorzieningen de beperkingen kan wegnemen'"),
    _stap("cascade_andere_voorziening", "g",
          "Kan het gewenste resultaat worden bereikt met andere voorzieningen (een voorliggende voorziening of een "
          "voorziening op grond van een andere wet)?",
          "met gebruikmaking van andere voorzieningen.",
          f"{_441} b. voor zover voor de noodzaak tot ondersteuning een voorziening op grond van een andere "
          "wettelijke bepaling bestaat; [...] f. indien er een voorliggende voorziening is'"),
    Criterium(
        "passende_bijdrage",
        "Levert de maatwerkvoorziening een passende bijdrage aan zelfredzaamheid of participatie, "
        "rekening houdend met de uitkomsten van het onderzoek?",
        f"{VO}, artikel 4:3, eerste lid, onder b",
    ),
    Criterium(
        "goedkoopst_passend",
        "Is de voorziening de goedkoopst passende voorziening?",
        f"{VO}, artikel 4:3, vierde lid: 'Voorzieningen die worden verstrekt dienen de goedkoopst passende "
        "voorziening te zijn.'",
    ),
    Criterium(
        "duur_noodzakelijk",
        "Is vastgesteld voor welke periode de voorziening nodig is om het gewenste resultaat te bereiken? (Noem "
        "de periode in de motivering; de einddatum komt in het besluit.)",
        f"{VO}, artikel 4:3, vijfde lid: 'Een inwoner komt in aanmerking voor een maatwerkvoorziening voor de "
        "periode die noodzakelijk is om het gewenste resultaat te bereiken.'",
    ),
    _grond("weigering_geen_inwoner", "Is de hulpvrager geen inwoner van de gemeente Lansingerland (en geen "
           "uitzondering voor vrouwenopvang of maatschappelijke opvang)?",
           f"{_441} a. indien de hulpvrager geen inwoner is van de gemeente Lansingerland'"),
    _grond("weigering_al_beschikbaar", "Beschikt de inwoner al over de voorziening, of kon hij daarover al "
           "beschikken vóór de melding?",
           f"{_441} g. indien het een voorziening betreft waarover de inwoner al beschikt of kan beschikken vóór de "
           "melding'"),
    _grond("weigering_afschrijftermijn", "Is de voorziening al eerder verstrekt en is de afschrijftermijn nog "
           "niet verstreken?",
           f"{_441} h. indien de gevraagde voorziening al eerder op grond van een wettelijke bepaling of regeling is "
           "verstrekt en de afschrijftermijn nog niet verstreken is'"),
    _grond("weigering_nalatigheid", "Kan de inwoner na onderzoek nalatigheid en onverantwoordelijk handelen "
           "worden verweten in het gebruik van een geboden voorziening?",
           f"{_441} i. indien de inwoner, na onderzoek, nalatigheid en onverantwoordelijk handelen kan worden "
           "verweten, in het gebruik van een geboden voorziening'"),
    Criterium(
        "woonvoorziening",
        "Gaat de aanvraag over een woonvoorziening? (Dan volgen de weigeringsgronden van artikel 4:4, tweede lid.)",
        f"{VO}, artikel 4:4, tweede lid",
    ),
    _grond("woon_materialen", "Vloeien de beperkingen voort uit de aard van de in de woning gebruikte materialen?",
           f"{_442} a. voor zover de beperkingen voortvloeien uit de aard van de in de woning gebruikte materialen'",
           woonvoorziening=True),
    _grond("woon_soort_woning", "Gaat het om een hotel, pension, woonwagen, klooster, tweede woning, vakantiewoning, "
           "ADL-clusterwoning of gehuurde kamer (en niet om verhuizing en inrichting)?",
           f"{_442} b. ten behoeve van hotels/pensions, trekkerswoonwagens, kloosters, tweede woningen, vakantie- en "
           "recreatiewoningen, ADL-clusterwoningen en gehuurde kamers, met uitzondering van een voorziening voor "
           "verhuizing en inrichting'", woonvoorziening=True),
    _grond("woon_gemeenschappelijke_ruimte", "Gaat het om een voorziening in een gemeenschappelijke ruimte, anders "
           "dan voor de toegankelijkheid van die ruimte?",
           f"{_442} c. voor zover het voorzieningen in gemeenschappelijke ruimten betreft, anders dan voorzieningen "
           "ten behoeve van de toegankelijkheid van deze ruimte'", woonvoorziening=True),
    _grond("woon_verhuizing_zonder_reden", "Is de noodzaak het gevolg van een verhuizing zonder aanleiding in de "
           "beperkingen en zonder belangrijke reden?",
           f"{_442} d. indien de noodzaak het gevolg is van een verhuizing waarvoor geen aanleiding bestaat op grond "
           "van beperkingen bij de zelfredzaamheid of participatie en er geen belangrijke reden voor verhuizing "
           "aanwezig is'", woonvoorziening=True),
    _grond("woon_niet_meest_geschikt", "Is de inwoner zonder vooraf gegeven toestemming niet verhuisd naar de "
           "voor zijn beperkingen meest geschikte woning?",
           f"{_442} e. indien de inwoner niet is verhuisd naar de voor zijn of haar beperkingen op dat moment meest "
           "geschikte woning, tenzij daarvoor vooraf schriftelijk toestemming is verleend door het college'",
           woonvoorziening=True),
    _grond("woon_voorzienbaar", "Was de aanvraag voorzienbaar op basis van de beperking?",
           f"{_442} f. Indien de aanvraag voorzienbaar was op basis van de beperking die inwoner ondervindt.'",
           woonvoorziening=True),
    Criterium(
        "vorm_pgb",
        "Wil de inwoner de voorziening als persoonsgebonden budget (pgb) in plaats van in natura? (Dan volgen de "
        "voorwaarden voor een pgb.)",
        f"{VO}, artikel 4:6, eerste lid, en artikel 4:7; {WMO}, artikel 2.3.6, eerste lid",
    ),
    _pgb("pgb_plan_ingediend", "Heeft de inwoner een persoonlijk pgb-plan ingediend?",
         f"{VO}, artikel 4:7, eerste lid: 'Om voor een PGB in aanmerking te komen dient de inwoner in een "
         "persoonlijk PGB-plan toe te lichten [...]'", "pgb_plan_ingediend", ongunstig=False),
    _pgb("pgb_plan_betere_ondersteuning", "Toont het pgb-plan aan dat een pgb tot betere en effectievere "
         "ondersteuning leidt?",
         f"{VO}, artikel 4:7, eerste lid: '[...] dat een maatwerkvoorziening in de vorm van een PGB aantoonbaar "
         "tot een betere en effectievere ondersteuning leidt'", "pgb_plan_betere_ondersteuning", ongunstig=False),
    _pgb("pgb_plan_doelmatiger", "Toont het pgb-plan aan dat een pgb doelmatiger is dan zorg in natura?",
         f"{VO}, artikel 4:7, eerste lid: '[...] en aantoonbaar doelmatiger is dan zorg in natura'",
         "pgb_plan_doelmatiger", ongunstig=False),
    _pgb("pgb_hulp_uit_sociaal_netwerk", "Wordt de hulp gegeven door iemand uit het sociale netwerk?",
         f"{VO}, artikel 4:7, tweede lid", "pgb_hulp_uit_sociaal_netwerk", ongunstig=True),
    _pgb("pgb_zorg_overstijgt_gebruikelijke_hulp", "Overstijgt de zorg door het sociale netwerk de gebruikelijke "
         "hulp? (Antwoord 'ja' als de hulp niet uit het sociale netwerk komt.)",
         f"{VO}, artikel 4:7, tweede lid: 'indien de zorg de gebruikelijke hulp overstijgt'",
         "pgb_zorg_overstijgt_gebruikelijke_hulp", ongunstig=False),
    _pgb("pgb_huishoudelijk_werk_door_verwant", "Zou het pgb huishoudelijk werk door een aan- of bloedverwant "
         "belonen?",
         f"{VO}, artikel 4:7, derde lid: 'Het PGB kan niet worden aangewend voor de beloning voor huishoudelijke "
         "werkzaamheden door aan- of bloedverwanten.'", "pgb_huishoudelijk_werk_door_verwant", ongunstig=True),
    _pgb("pgb_betaling_aan_tussenpersoon", "Zou uit het pgb een tussenpersoon of belangenbehartiger worden betaald?",
         f"{VO}, artikel 4:7, zevende lid, onder b: 'tussenpersonen of belangenbehartigers mogen niet uit het "
         "persoonsgebonden budget worden betaald'", "pgb_betaling_aan_tussenpersoon", ongunstig=True),
    _pgb("pgb_client_in_staat_tot_beheer", "Kan de inwoner, zelf of met hulp, de taken van een pgb op "
         "verantwoorde wijze uitvoeren?",
         f"{WMO}, artikel 2.3.6, tweede lid, onder a", "pgb_client_in_staat_tot_beheer", ongunstig=False),
    _pgb("pgb_client_gemotiveerd", "Heeft de inwoner gemotiveerd waarom hij een pgb wil?",
         f"{WMO}, artikel 2.3.6, tweede lid, onder b", "pgb_client_gemotiveerd", ongunstig=False),
    _pgb("pgb_kwaliteit_gewaarborgd", "Is gewaarborgd dat de ondersteuning veilig, doeltreffend en cliëntgericht "
         "is?", f"{WMO}, artikel 2.3.6, tweede lid, onder c", "pgb_kwaliteit_gewaarborgd", ongunstig=False),
    # The first version's bundled criteria: answerable and rendered for old zaken, no longer asked.
    Criterium(
        "oplossing_eigen_kracht_of_netwerk",
        "Kan het gewenste resultaat worden bereikt op eigen kracht, met gebruikelijke hulp, met "
        "mantelzorg of met hulp uit het sociale netwerk? (vervangen door de stappen a tot en met d)",
        f"{VO}, artikel 4:3, derde lid, onder a tot en met d, en artikel 4:4, eerste lid, onder c",
        vervallen=True,
    ),
    Criterium(
        "oplossing_andere_voorziening",
        "Kan het gewenste resultaat worden bereikt met algemeen gebruikelijke, algemene, voorliggende of "
        "andere voorzieningen? (vervangen door de stappen e tot en met g)",
        f"{VO}, artikel 4:3, derde lid, onder e tot en met g, en artikel 4:4, eerste lid, onder b, d, e en f",
        vervallen=True,
    ),
    Criterium(
        "weigeringsgrond",
        "Is er een andere weigeringsgrond (geen inwoner van de gemeente, voorziening al beschikbaar vóór "
        "de melding, afschrijftermijn niet verstreken, nalatigheid, of een grond voor woonvoorzieningen)? "
        "(vervangen door de afzonderlijke gronden)",
        f"{VO}, artikel 4:4, eerste lid, onder a, g, h en i, en tweede lid",
        vervallen=True,
    ),
)

# Findings whose "ja" refuses the voorziening (the grounds of 4:4; the old bundled ones included).
WEIGERGRONDEN = frozenset(
    c.code for c in CRITERIA if c.code.startswith(("weigering_", "woon_"))
) | {"weigeringsgrond"}

# What the Regelkern computes for a Wmo zaak: the pgb (4:7, 4:8) per person, the eigen bijdrage (4:9) per household.
REGELKERN_VARIABELEN = (
    "pgb_bedrag", "pgb_bedrag_eenheid", "pgb_reden_niet_toekenbaar", "pgb_uiterste_bestedingsdatum",
    "wmo_eigen_bijdrage_per_periode", "wmo_bijdrageperiode", "wmo_geen_bijdrage_reden",
    "wmo_eigen_bijdrage_aantal_perioden", "wmo_eigen_bijdrage_totaal",
)

# Regelkern inputs the consulent gives with the computation (not a ja/nee question).
REGELKERN_ZONDER_CRITERIUM = (
    ("pgb_soort", "invoer bij de berekening: waarvoor het pgb is (artikel 4:8); 'geen' bij zorg in natura"),
    ("wmo_natura_kostprijs", "invoer bij de berekening: uit het tarief van het gekozen product, anders ingevuld"),
    ("pgb_uren", "invoer bij de berekening (individuele begeleiding)"),
    ("pgb_etmalen", "invoer bij de berekening (kortdurend verblijf)"),
    ("pgb_begrote_kosten", "invoer bij de berekening (beroepskracht, woning, vervoer, sport)"),
    ("pgb_maximum_niet_kostendekkend_aangetoond", "invoer bij de berekening (artikel 4:8: maatwerk); standaard nee"),
    ("pgb_toekenningsdatum", "invoer bij de berekening; standaard de eerste dag van de maand"),
    ("wmo_voorziening", "invoer bij de berekening: soort voorziening voor de bijdrage"),
    ("wmo_kostprijs", "invoer bij de berekening: kostprijs per bijdrageperiode (artikel 4:9, tweede lid)"),
    ("wmo_bijdrage_inkomen", "invoer bij de berekening (alleen de tabel tot en met 2018)"),
    ("wmo_bijdrage_algemene_ruimte_vrijgesteld", "invoer bij de berekening (artikel 4:9, zesde lid); standaard nee"),
)

# The finding under which a criterion does not stand in the way of a grant in natura (the demo and the tests use
# it to take a zaak through every step; the letter's sentences are in maatwerk.besluiten.beslissend).
GUNSTIG: dict[str, str] = {
    **{c.code: "nee" for c in CRITERIA},
    "beperkingen_niet_zelf_op_te_heffen": "ja", "passende_bijdrage": "ja", "goedkoopst_passend": "ja",
    "duur_noodzakelijk": "ja",
    **{c.code: "ja" for c in CRITERIA if c.code.startswith("pgb_")},
    "pgb_hulp_uit_sociaal_netwerk": "nee", "pgb_huishoudelijk_werk_door_verwant": "nee",
    "pgb_betaling_aan_tussenpersoon": "nee",
}
