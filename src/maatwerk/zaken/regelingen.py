"""The regelingen (schemes) a zaak can be about, defined in ONE place: domain, law, discretionary criteria,
hardship clause and the Regelkern output that holds the amount.

A criterion is a question a consulent answers with a `Bevinding` (ja / nee / niet_vastgesteld) and a written
reason (principle 2: discretion is recorded by a person, never silently skipped). Where the Regelkern reads
the finding as input, `regelkern_variabele` names that input.
"""

from __future__ import annotations

from dataclasses import dataclass

VO = "Verordening Sociaal Domein 2018"
PW = "Participatiewet"


@dataclass(frozen=True)
class Criterium:
    code: str
    vraag: str  # the question the finding answers; "ja" answers it in the affirmative
    bron: str
    regelkern_variabele: str | None = None


@dataclass(frozen=True)
class Regeling:
    code: str
    naam: str
    domein: str  # wmo | jeugd | inkomen
    wet: str  # the law the beslistermijn follows (see maatwerk.termijnen)
    criteria: tuple[Criterium, ...]
    hardheidsclausule: str | None  # article that allows deviating in favour of the inwoner, if any
    uitkomst_variabele: str | None = None  # Regelkern output with the amount for this regeling
    kosten_variabele: str | None = None  # Regelkern input that receives Zaak.kosten

    @property
    def rekent(self) -> bool:
        """Whether the Regelkern computes the criteria/amount of this regeling (income schemes)."""
        return self.domein == INKOMEN

    def criterium(self, code: str) -> Criterium | None:
        return next((c for c in self.criteria if c.code == code), None)


WMO, JEUGD, INKOMEN = "wmo", "jeugd", "inkomen"
DOMEINEN = {WMO: "Wmo", JEUGD: "Jeugd", INKOMEN: "Inkomen"}

AFWIJZINGSGRONDEN_PW = Criterium(
    "afwijzingsgronden",
    "Is er een grond waarop de aanvrager geen recht heeft (artikel 13 of 14 Participatiewet)?",
    f"{PW}, artikelen 13 en 14",
)

_REGELINGEN = (
    Regeling(
        code="wmo_maatwerkvoorziening",
        naam="Wmo-maatwerkvoorziening",
        domein=WMO,
        wet="Wmo 2015",
        criteria=(
            Criterium(
                "beperkingen_niet_zelf_op_te_heffen",
                "Is de inwoner door beperkingen of problemen niet voldoende zelfredzaam of niet in staat tot "
                "participatie, en kan hij dat niet zelf verminderen of wegnemen?",
                f"{VO}, artikel 4:3, eerste lid, onder a",
            ),
            Criterium(
                "oplossing_eigen_kracht_of_netwerk",
                "Kan het gewenste resultaat worden bereikt op eigen kracht, met gebruikelijke hulp, met "
                "mantelzorg of met hulp uit het sociale netwerk?",
                f"{VO}, artikel 4:3, derde lid, onder a tot en met d, en artikel 4:4, eerste lid, onder c",
            ),
            Criterium(
                "oplossing_andere_voorziening",
                "Kan het gewenste resultaat worden bereikt met algemeen gebruikelijke, algemene, voorliggende of "
                "andere voorzieningen?",
                f"{VO}, artikel 4:3, derde lid, onder e tot en met g, en artikel 4:4, eerste lid, onder b, d, e en f",
            ),
            Criterium(
                "passende_bijdrage",
                "Levert de maatwerkvoorziening een passende bijdrage aan zelfredzaamheid of participatie, "
                "rekening houdend met de uitkomsten van het onderzoek?",
                f"{VO}, artikel 4:3, eerste lid, onder b",
            ),
            Criterium(
                "goedkoopst_passend",
                "Is de voorziening de goedkoopst passende voorziening?",
                f"{VO}, artikel 4:3, vierde lid",
            ),
            Criterium(
                "weigeringsgrond",
                "Is er een andere weigeringsgrond (geen inwoner van de gemeente, voorziening al beschikbaar vóór "
                "de melding, afschrijftermijn niet verstreken, nalatigheid, of een grond voor woonvoorzieningen)?",
                f"{VO}, artikel 4:4, eerste lid, onder a, g, h en i, en tweede lid",
            ),
        ),
        hardheidsclausule=f"{VO}, artikel 4:16, derde lid",
    ),
    Regeling(
        code="jeugdhulp",
        naam="Jeugdhulp (individuele voorziening)",
        domein=JEUGD,
        wet="Jeugdwet",
        criteria=(
            Criterium(
                "oplossing_eigen_kracht_of_omgeving",
                "Kunnen de jeugdige of zijn ouders op eigen kracht of met personen uit hun naaste omgeving een "
                "oplossing voor de hulpvraag vinden?",
                f"{VO}, artikel 5:4, onder a",
            ),
            Criterium(
                "oplossing_overige_of_voorliggende_voorziening",
                "Is er een oplossing door (gedeeltelijk) gebruik te maken van een overige of voorliggende "
                "voorziening?",
                f"{VO}, artikel 5:4, onder b",
            ),
        ),
        hardheidsclausule=f"{VO}, artikel 5:12",
    ),
    Regeling(
        code="bijzondere_bijstand",
        naam="Bijzondere bijstand",
        domein=INKOMEN,
        wet="Participatiewet",
        criteria=(
            Criterium(
                "bijzondere_omstandigheden",
                "Vloeien de kosten voort uit bijzondere omstandigheden?",
                f"{PW}, artikel 35, eerste lid",
                "bijzondere_omstandigheden",
            ),
            Criterium(
                "kosten_noodzakelijk",
                "Zijn de kosten noodzakelijk?",
                f"{PW}, artikel 35, eerste lid",
                "kosten_noodzakelijk",
            ),
            Criterium(
                "kosten_daadwerkelijk_gemaakt",
                "Worden of zijn de kosten daadwerkelijk gemaakt?",
                f"{PW}, artikel 35, eerste lid",
                "kosten_daadwerkelijk_gemaakt",
            ),
            Criterium(
                "voorliggende_voorziening",
                "Is er een voorliggende voorziening die passend en toereikend is?",
                f"{PW}, artikel 15, eerste lid",
                "voorliggende_voorziening_passend_en_toereikend",
            ),
            AFWIJZINGSGRONDEN_PW,
            Criterium(
                "zeer_dringende_redenen",
                "Zijn er zeer dringende redenen die bijstand noodzakelijk maken ondanks een afwijzingsgrond?",
                f"{PW}, artikel 16, eerste lid",
                "zeer_dringende_redenen",
            ),
        ),
        # Pw art. 35 leaves the assessment to the college; the ordinance has no hardship clause for it.
        hardheidsclausule=None,
        uitkomst_variabele="bijzondere_bijstand_bedrag",
        kosten_variabele="bijzondere_kosten",
    ),
    Regeling(
        code="individuele_inkomenstoeslag",
        naam="Individuele inkomenstoeslag",
        domein=INKOMEN,
        wet="Participatiewet",
        criteria=(
            Criterium(
                "zicht_op_inkomensverbetering",
                "Heeft de aanvrager (of zijn partner), gelet op krachten, bekwaamheden en inspanningen, zicht "
                "op inkomensverbetering?",
                f"{PW}, artikel 36, eerste en tweede lid",
                "zicht_op_inkomensverbetering",
            ),
            AFWIJZINGSGRONDEN_PW,
        ),
        hardheidsclausule=f"{VO}, artikel 7:5",
        uitkomst_variabele="individuele_inkomenstoeslag",
    ),
    Regeling(
        code="individuele_studietoeslag",
        naam="Individuele studietoeslag",
        domein=INKOMEN,
        wet="Participatiewet",
        criteria=(
            Criterium(
                "niet_in_staat_wml_te_verdienen",
                "Is vastgesteld dat de aanvrager niet in staat is met voltijdse arbeid het wettelijk minimumloon "
                "te verdienen?",
                f"{PW}, artikel 36b, eerste lid",
            ),
            Criterium(
                "dringende_redenen",
                "Zijn er dringende redenen op grond waarvan de studietoeslag noodzakelijk is?",
                f"{VO}, artikel 7:7",
            ),
            AFWIJZINGSGRONDEN_PW,
        ),
        # Art. 7:5 covers only onderdeel 7.1 (inkomenstoeslag); onderdeel 7.2 has no hardship clause.
        hardheidsclausule=None,
        uitkomst_variabele="individuele_studietoeslag",
    ),
)

REGELINGEN: dict[str, Regeling] = {r.code: r for r in _REGELINGEN}
REGELING_KEUZES = [(r.code, r.naam) for r in _REGELINGEN]
DOMEIN_KEUZES = list(DOMEINEN.items())


def regeling(code: str) -> Regeling:
    return REGELINGEN[code]


def regelingen_van_domein(domein: str) -> list[str]:
    return [r.code for r in _REGELINGEN if r.domein == domein]
