"""The regeling jeugdhulp: its criteria as ordered findings, each with the text of its source.
Verordening Sociaal Domein Lansingerland 2018, hoofdstuk 5 (seed 001, lines 9876-10238), and the Jeugdwet.

Two ways in (artikel 5:3 and 5:4):
1. A referral by the huisarts, a medisch specialist or the jeugdarts (5:3 lid 1; Jeugdwet art. 2.6 lid 1 onder g):
   "Het college draagt zorg voor de inzet van jeugdhulp na een verwijzing [...] naar een jeugdhulpaanbieder, als en
   voor zover genoemde jeugdhulp-aanbieder van oordeel is dat inzet van jeugdhulp nodig is." The college then still
   checks that the referral is there (who, date, for what) and that the aanbieder judges the help necessary; it does
   not weigh the 5:4 cascade (that is for the college's own access route: "toekent [...] voor zover in het
   ondersteuningsplan [...] wordt vastgesteld").
2. Without a referral, the two conditions of 5:4 in their order: a. eigen kracht and naaste omgeving; b. an
   overige or voorliggende voorziening.
Then, if the jeugdige or parents want it, the pgb conditions of 5:6 lid 2 (g, h, i) and lid 5.

Choice recorded here: the toelichting on 5:5 says a beschikking is given "overeenkomstig artikel 5:3, tweede lid";
5:3 lid 2 is about informing doctors, the rule meant is 5:4a lid 2 (beschikking on request after a referral). We
follow the ordinance text (5:4a).

The herziening grounds of 5:7 are not criteria of the aanvraag; they are findings on a herziening or intrekking
besluit (`maatwerk.zaken.jeugd`).
"""

from __future__ import annotations

from maatwerk.zaken.regelingen import JEUGD, VO, Criterium, Regeling

JW = "Jeugdwet"

VERWIJZING = "verwijzing_arts"
PGB_GEWENST = "pgb_gewenst"

CRITERIA = (
    Criterium(
        VERWIJZING,
        "Is de jeugdige door de huisarts, een medisch specialist of de jeugdarts verwezen naar een "
        "jeugdhulpaanbieder? Noem in de motivering wie verwees, op welke datum en voor welke hulpvraag.",
        f"{VO}, artikel 5:3, eerste lid (\"na een verwijzing door de huisarts, medisch specialist en jeugdarts naar "
        f"een jeugdhulpaanbieder\"); {JW}, artikel 2.6, eerste lid, onder g",
    ),
    Criterium(
        "aanbieder_oordeelt_jeugdhulp_nodig",
        "Is de jeugdhulpaanbieder naar wie is verwezen van oordeel dat inzet van jeugdhulp nodig is, en voor welke "
        "hulp (inhoud, omvang, duur)?",
        f"{VO}, artikel 5:3, eerste lid (\"als en voor zover genoemde jeugdhulp-aanbieder van oordeel is dat inzet "
        "van jeugdhulp nodig is\")",
        alleen_als=(VERWIJZING, "ja"),
    ),
    Criterium(
        "oplossing_eigen_kracht_of_omgeving",
        "Kunnen de jeugdige of zijn ouders op eigen kracht of met personen uit hun naaste omgeving een "
        "oplossing voor de hulpvraag vinden?",
        f"{VO}, artikel 5:4, onder a (\"op eigen kracht of met andere personen uit zijn naaste omgeving geen "
        "oplossing voor zijn hulpvraag kan vinden\")",
        alleen_als=(VERWIJZING, "nee"),
    ),
    Criterium(
        "oplossing_overige_of_voorliggende_voorziening",
        "Is er een oplossing door (gedeeltelijk) gebruik te maken van een overige of voorliggende "
        "voorziening?",
        f"{VO}, artikel 5:4, onder b (\"geen oplossing kan vinden voor zijn hulpvraag door, al dan niet "
        "gedeeltelijk, gebruik te maken van een overige of voorliggende voorziening\")",
        alleen_als=(VERWIJZING, "nee"),
    ),
    Criterium(
        PGB_GEWENST,
        "Willen de jeugdige of zijn ouders de jeugdhulp als persoonsgebonden budget (pgb)?",
        f"{VO}, artikel 5:6, eerste lid (\"Indien de jeugdige of zijn ouders dit wenst, verstrekt het college hun "
        "een persoonsgebonden budget\")",
    ),
    Criterium(
        "pgb_in_staat_tot_beheer",
        "Kunnen de jeugdige of zijn ouders, zelf of met hulp uit hun netwerk, een curator, bewindvoerder, mentor "
        "of gemachtigde, de taken van een pgb op verantwoorde wijze uitvoeren?",
        f"{VO}, artikel 5:6, tweede lid, onder g; {JW}, artikel 8.1.1",
        alleen_als=(PGB_GEWENST, "ja"),
    ),
    Criterium(
        "pgb_natura_niet_passend",
        "Stellen de jeugdige of zijn ouders zich gemotiveerd op het standpunt dat de voorziening van een aanbieder "
        "niet passend is?",
        f"{VO}, artikel 5:6, tweede lid, onder h; {JW}, artikel 8.1.1",
        alleen_als=(PGB_GEWENST, "ja"),
    ),
    Criterium(
        "jeugd_pgb_kwaliteit_gewaarborgd",
        "Is gewaarborgd dat de jeugdhulp die met het pgb wordt betaald van goede kwaliteit is en bijdraagt aan "
        "het beoogde resultaat?",
        f"{VO}, artikel 5:6, tweede lid, onder i; {JW}, artikel 8.1.1",
        alleen_als=(PGB_GEWENST, "ja"),
    ),
    Criterium(
        "pgb_sociaal_netwerk",
        "Wordt iemand uit het sociale netwerk betaald en is dan aan alle voorwaarden voldaan (lager tarief, zorg "
        "valt niet te zwaar, geen tussenpersonen, geen druk, geen dienst uit een sociale relatie)? Antwoord 'ja' "
        "ook als niemand uit het netwerk wordt betaald.",
        f"{VO}, artikel 5:6, vijfde lid, onder a tot en met e",
        alleen_als=(PGB_GEWENST, "ja"),
    ),
)

JEUGDHULP = Regeling(
    code="jeugdhulp",
    naam="Jeugdhulp (individuele voorziening)",
    domein=JEUGD,
    wet="Jeugdwet",
    criteria=CRITERIA,
    # "Het college kan in bijzondere gevallen ten gunste van de inwoner afwijken van de bepalingen in deze
    # verordening, als toepassing van deze verordening tot onbillijkheden van overwegende aard leidt."
    hardheidsclausule=f"{VO}, artikel 5:12",
)

# The finding under which each criterion does not stand in the way of a grant (for checks and the letter).
GUNSTIG = {
    VERWIJZING: None,  # a route, not a condition: both answers can lead to a grant
    "aanbieder_oordeelt_jeugdhulp_nodig": "ja",
    "oplossing_eigen_kracht_of_omgeving": "nee",
    "oplossing_overige_of_voorliggende_voorziening": "nee",
    PGB_GEWENST: None,
    "pgb_in_staat_tot_beheer": "ja",
    "pgb_natura_niet_passend": "ja",
    "jeugd_pgb_kwaliteit_gewaarborgd": "ja",
    "pgb_sociaal_netwerk": "ja",
}
