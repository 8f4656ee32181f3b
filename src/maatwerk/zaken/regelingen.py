"""The regelingen (schemes) a zaak can be about, defined in ONE place: domain, law, discretionary criteria,
hardship clause, the Regelkern output that holds the amount, and how each finding reaches the Regelkern.

A criterion is a question a consulent answers with a `Bevinding` (ja / nee / niet_vastgesteld) and a written
reason (principle 2: discretion is recorded by a person, never silently skipped). Each criterion of a regeling
the Regelkern computes either names its Regelkern input (`invoer`: variable, entity, and the input value per
finding value) or says why the Regelkern does not read it (`buiten_regelkern`). A finding that is not recorded
(or 'niet_vastgesteld') always becomes the `niet_vastgesteld` value of its `Invoer`: the engine's own "not
established", or the value under which nothing is granted, never a favourable one.
tests/web/test_situatie_bevindingen.py fails when a criterion and the Regelkern's discretionary inputs diverge.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

VO = "Verordening Sociaal Domein 2018"
PW = "Participatiewet"

# The Regelkern entity a finding is given to: the household, or the zaak's hoofdpersoon (a persoon).
HUISHOUDEN, HOOFDPERSOON = "huishouden", "hoofdpersoon"


@dataclass(frozen=True)
class Invoer:
    """How one finding becomes one Regelkern input. `ja`, `nee`, `niet_vastgesteld`: the input value (Enum
    item name, bool) for each finding value; a finding not recorded counts as niet_vastgesteld."""

    variabele: str
    entiteit: str  # HUISHOUDEN | HOOFDPERSOON
    ja: object
    nee: object
    niet_vastgesteld: object

    def waarde(self, bevinding: str | None):
        return {"ja": self.ja, "nee": self.nee}.get(bevinding, self.niet_vastgesteld)


@dataclass(frozen=True)
class BuitenRegelkern:
    """A criterion of a computed regeling that the Regelkern does not read, and why. `geen_bezwaar` is the
    finding under which the computed amount still holds; any other (or none) gives a warning."""

    reden: str
    geen_bezwaar: str


@dataclass(frozen=True)
class Criterium:
    code: str
    vraag: str  # the question the finding answers; "ja" answers it in the affirmative
    bron: str
    invoer: Invoer | None = None
    buiten_regelkern: BuitenRegelkern | None = None
    # The law the criterion comes from applies to aanvragen in this period (None: no limit).
    geldig_vanaf: dt.date | None = None
    geldig_tot: dt.date | None = None
    # Replaced by finer criteria: a finding on it still renders and counts, but it is no longer asked.
    vervallen: bool = False
    # Asked only when the finding on criterion `alleen_als[0]` is `alleen_als[1]` (e.g. the pgb conditions).
    alleen_als: tuple[str, str] | None = None
    # A step of an ordered cascade (Wmo art. 4:3 lid 3): asked in order; a finding equal to `lost_op` solves the
    # need, makes the later steps "niet meer nodig" and leads to a refusal on the ground `weigergrond`.
    cascade: str | None = None
    lost_op: str | None = None
    weigergrond: str | None = None

    def nodig_bij(self, bevindingen: dict[str, str]) -> bool:
        """Whether this criterion needs a finding, given the current findings {code: waarde}: a conditional
        one only once its condition's finding has the named value."""
        return self.alleen_als is None or bevindingen.get(self.alleen_als[0]) == self.alleen_als[1]

    @property
    def regelkern_variabele(self) -> str | None:
        return self.invoer.variabele if self.invoer else None

    def geldt_op(self, datum: dt.date) -> bool:
        return (self.geldig_vanaf is None or datum >= self.geldig_vanaf) and (
            self.geldig_tot is None or datum <= self.geldig_tot
        )


@dataclass(frozen=True)
class EerdereToekenning:
    """A Regelkern date input filled from earlier zaken of this regeling with a granting besluit."""

    variabele: str
    entiteit: str  # HUISHOUDEN: zaken of this household or of its partners; HOOFDPERSOON: zaken of that person


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
    eerdere_toekenning: EerdereToekenning | None = None
    # Discretionary Regelkern inputs deliberately NOT asked as a criterion: variable -> how they are given.
    regelkern_zonder_criterium: tuple[tuple[str, str], ...] = ()
    # Entity of `uitkomst_variabele` (the pgb is per person) and the Regelkern variables to compute (None: the
    # output contract of the income schemes).
    uitkomst_entiteit: str = HUISHOUDEN
    regelkern_variabelen: tuple[str, ...] | None = None
    # Inputs set for the hoofdpersoon on every computation (e.g. wmo_client: the person the voorziening is for).
    vaste_invoer_hoofdpersoon: tuple[tuple[str, object], ...] = ()

    @property
    def rekent(self) -> bool:
        """Whether the Regelkern computes the criteria/amount of this regeling (income schemes)."""
        return self.domein == INKOMEN

    @property
    def heeft_regelkern(self) -> bool:
        """Whether the Regelkern computes something for this regeling: the income schemes, and for the Wmo the
        pgb (art. 4:7, 4:8 Vo) and the eigen bijdrage (art. 4:9 Vo)."""
        return self.rekent or self.regelkern_variabelen is not None

    def criterium(self, code: str) -> Criterium | None:
        return next((c for c in self.criteria if c.code == code), None)

    def criteria_op(self, datum: dt.date) -> tuple[Criterium, ...]:
        """The criteria that apply to an aanvraag of `datum` (the others stay answerable, not required)."""
        return tuple(c for c in self.criteria if c.geldt_op(datum) and not c.vervallen)

    def gevraagde_criteria(self, datum: dt.date, bevindingen: dict[str, str]) -> tuple[Criterium, ...]:
        """The criteria that must be answered, given the findings so far: those of `criteria_op`, without a
        conditional one whose condition is not met, and without the cascade steps after the step that solved
        the need (they are "niet meer nodig"). Which step solved the need is decided in one place,
        `maatwerk.zaken.cascade.stappen` (art. 4:3 lid 3 Vo: in order), which the zaak page shows too."""
        from maatwerk.zaken import cascade  # cascade builds on this module's Criterium and Regeling

        niet_meer_nodig = {s.criterium.code for s in cascade.stappen(self, bevindingen)
                           if s.stand == cascade.NIET_MEER_NODIG}
        return tuple(c for c in self.criteria_op(datum)
                     if c.nodig_bij(bevindingen) and c.code not in niet_meer_nodig)


WMO, JEUGD, INKOMEN = "wmo", "jeugd", "inkomen"
DOMEINEN = {WMO: "Wmo", JEUGD: "Jeugd", INKOMEN: "Inkomen"}

AFWIJZINGSGRONDEN_PW = Criterium(
    "afwijzingsgronden",
    "Is er een grond waarop de aanvrager geen recht heeft (artikel 13 of 14 Participatiewet)?",
    f"{PW}, artikelen 13 en 14",
    # Art. 13 lid 1 onder a-g and art. 14 are mostly facts the Regelkern has no input for (detention, stay
    # abroad, ...); the grounds it does compute for bijzondere bijstand come from kostensoort, age and the
    # schuldenlast finding. So the consulent judges them; "ja" means the computed amount does not apply.
    buiten_regelkern=BuitenRegelkern(
        "De Regelkern kent geen invoer voor de gronden van artikel 13 en 14 Participatiewet als geheel; de "
        "consulent beoordeelt ze.", geen_bezwaar="nee",
    ),
)


def _bevinding(variabele: str, entiteit: str = HUISHOUDEN) -> Invoer:
    """A Regelkern Enum Bevinding/Vaststelling (niet_vastgesteld | ja | nee) with the same meaning as the criterion."""
    return Invoer(variabele, entiteit, ja="ja", nee="nee", niet_vastgesteld="niet_vastgesteld")


# Jeugdhulp (ordinance chapter 5): the criteria, in their own module.
from maatwerk.zaken.jeugd_criteria import JEUGDHULP  # noqa: E402

# Art. 36b Pw as amended by the Verzamelwet SZW 2022 applies from 1 April 2022; before that the old text with
# the ordinance (art. 7:6-7:10). The Regelkern switches on the same date (parameter landelijke_regeling).
STUDIETOESLAG_NIEUW = dt.date(2022, 4, 1)
STUDIETOESLAG_OUD_TOT = dt.date(2022, 3, 31)

# The Wmo criteria live in their own module (issue 10); it needs Criterium and Invoer defined above.
from maatwerk.zaken import wmo_criteria  # noqa: E402

_REGELINGEN = (
    Regeling(
        code="wmo_maatwerkvoorziening",
        naam="Wmo-maatwerkvoorziening",
        domein=WMO,
        wet="Wmo 2015",
        criteria=wmo_criteria.CRITERIA,
        hardheidsclausule=f"{VO}, artikel 4:16, derde lid",
        uitkomst_variabele="pgb_bedrag",
        uitkomst_entiteit=HOOFDPERSOON,
        regelkern_variabelen=wmo_criteria.REGELKERN_VARIABELEN,
        vaste_invoer_hoofdpersoon=(("wmo_client", True),),
        regelkern_zonder_criterium=wmo_criteria.REGELKERN_ZONDER_CRITERIUM,
    ),
    JEUGDHULP,
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
                invoer=_bevinding("bijzondere_omstandigheden"),
            ),
            Criterium(
                "kosten_noodzakelijk",
                "Zijn de kosten noodzakelijk?",
                f"{PW}, artikel 35, eerste lid",
                invoer=_bevinding("kosten_noodzakelijk"),
            ),
            Criterium(
                "kosten_daadwerkelijk_gemaakt",
                "Worden of zijn de kosten daadwerkelijk gemaakt?",
                f"{PW}, artikel 35, eerste lid",
                invoer=_bevinding("kosten_daadwerkelijk_gemaakt"),
            ),
            Criterium(
                "voorliggende_voorziening",
                "Is er een voorliggende voorziening die passend en toereikend is?",
                f"{PW}, artikel 15, eerste lid",
                invoer=_bevinding("voorliggende_voorziening_passend_en_toereikend"),
            ),
            AFWIJZINGSGRONDEN_PW,
            Criterium(
                "zeer_dringende_redenen",
                "Zijn er zeer dringende redenen die bijstand noodzakelijk maken ondanks een afwijzingsgrond?",
                f"{PW}, artikel 16, eerste lid",
                invoer=_bevinding("zeer_dringende_redenen"),
            ),
        ),
        # Pw art. 35 leaves the assessment to the college; the ordinance has no hardship clause for it.
        hardheidsclausule=None,
        uitkomst_variabele="bijzondere_bijstand_bedrag",
        kosten_variabele="bijzondere_kosten",
        # Inputs the Regelkern marks as discretionary that are no ja/nee question for every aanvraag: the consulent
        # gives them as aanvullende invoer with the berekening (their defaults grant nothing extra, see below).
        regelkern_zonder_criterium=(
            ("bijzondere_kosten", "uit Zaak.kosten (kosten_variabele)"),
            ("kostensoort", "aanvullende invoer; standaard 'overig' (art. 13 lid 1 onder g en art. 14 Pw toetst de Regelkern daarop)"),
            ("kosten_gemaakt_voor_aanvraag", "aanvullende invoer (art. 44 lid 1 Pw); standaard nee"),
            ("maanden_kosten_voor_aanvraag", "aanvullende invoer, alleen bij kosten vóór de aanvraag"),
            ("middelen_bij_ontstaan_schuldenlast", "aanvullende invoer, alleen bij kostensoort schuldaflossing (art. 13 "
             "lid 1 onder g Pw); niet vastgesteld houdt het bedrag op € 0 (bb_alle_bevindingen_vastgesteld)"),
            ("lening_grond", "aanvullende invoer (art. 48 Pw); standaard om niet, raakt het bedrag niet"),
            ("in_natura_grond", "aanvullende invoer (art. 57 Pw); standaard in geld, raakt het bedrag niet"),
        ),
    ),
    Regeling(
        code="algemene_bijstand",
        naam="Algemene bijstand (levensonderhoud)",
        domein=INKOMEN,
        wet="Participatiewet",
        criteria=(
            Criterium(
                "arbeid_draagt_bij_aan_arbeidsinschakeling",
                "Draagt het werk van de aanvrager naar het oordeel van het college bij aan zijn arbeidsinschakeling "
                "(vrijlating van 25 % van de inkomsten uit arbeid)?",
                f"{PW}, artikel 31, tweede lid, onderdeel n",
                # Without a finding no vrijlating: the income counts in full (never a favourable default).
                invoer=Invoer("arbeid_draagt_bij_aan_arbeidsinschakeling", HOOFDPERSOON, ja=True, nee=False,
                              niet_vastgesteld=False),
            ),
            AFWIJZINGSGRONDEN_PW,
        ),
        # Art. 19 Pw sets the amount; the ordinance has no hardship clause for algemene bijstand.
        hardheidsclausule=None,
        # Norm minus middelen (art. 19, 31-34 Pw), from the day of melding (art. 44), after afstemming (7:11-7:28).
        uitkomst_variabele="algemene_bijstand_uit_te_betalen",
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
                # Art. 36 lid 1: only for who "geen uitzicht heeft op inkomensverbetering". The Regelkern's default
                # (False, "geen zicht") would grant; without a finding that is not established, so: True.
                invoer=Invoer("zicht_op_inkomensverbetering", HUISHOUDEN, ja=True, nee=False, niet_vastgesteld=True),
            ),
            AFWIJZINGSGRONDEN_PW,
        ),
        hardheidsclausule=f"{VO}, artikel 7:5",
        uitkomst_variabele="individuele_inkomenstoeslag",
        # Art. 36 Pw: at most once per twelve months (the Regelkern's iit_buiten_herhalingstermijn).
        eerdere_toekenning=EerdereToekenning("datum_laatste_individuele_inkomenstoeslag", HUISHOUDEN),
    ),
    Regeling(
        code="individuele_studietoeslag",
        naam="Individuele studietoeslag",
        domein=INKOMEN,
        wet="Participatiewet",
        criteria=(
            # Old text of art. 36b lid 1 Pw (until 1 April 2022): "een persoon [...] van wie is vastgesteld dat hij
            # met voltijdse arbeid niet in staat is tot het verdienen van het wettelijk minimumloon, doch wel
            # mogelijkheden tot arbeidsparticipatie heeft"; plus art. 7:7 of the ordinance.
            Criterium(
                "niet_in_staat_wml_te_verdienen",
                "Is vastgesteld dat de aanvrager niet in staat is met voltijdse arbeid het wettelijk minimumloon "
                "te verdienen? (aanvragen tot 1 april 2022)",
                f"{PW}, artikel 36b, eerste lid (tekst tot 1 april 2022)",
                # The Regelkern asks the opposite ("kan het WML verdienen"): ja here is nee there.
                invoer=Invoer("kan_wettelijk_minimumloon_verdienen", HOOFDPERSOON, ja="nee", nee="ja",
                              niet_vastgesteld="niet_vastgesteld"),
                geldig_tot=STUDIETOESLAG_OUD_TOT,
            ),
            Criterium(
                "mogelijkheden_tot_arbeidsparticipatie",
                "Is vastgesteld dat de aanvrager wel mogelijkheden tot arbeidsparticipatie heeft? (aanvragen tot "
                "1 april 2022)",
                f"{PW}, artikel 36b, eerste lid (tekst tot 1 april 2022)",
                invoer=Invoer("mogelijkheden_tot_arbeidsparticipatie", HOOFDPERSOON, ja=True, nee=False, niet_vastgesteld=False),
                geldig_tot=STUDIETOESLAG_OUD_TOT,
            ),
            Criterium(
                "dringende_redenen",
                "Zijn er dringende redenen op grond waarvan de studietoeslag noodzakelijk is? (aanvragen tot "
                "1 april 2022)",
                f"{VO}, artikel 7:7",
                invoer=Invoer("dringende_redenen_studietoeslag", HOOFDPERSOON, ja=True, nee=False, niet_vastgesteld=False),
                # From 1 April 2022 the college "verstrekt" the toeslag (art. 36b Pw); the higher law sets 7:7 aside.
                geldig_tot=STUDIETOESLAG_OUD_TOT,
            ),
            # Art. 36b lid 1 Pw from 1 April 2022: a student who "als rechtstreeks gevolg van een ziekte of gebrek
            # structureel niet in staat is naast de studie inkomsten te verwerven", without a Wajong right.
            Criterium(
                "structureel_geen_inkomsten_naast_studie",
                "Is de aanvrager als rechtstreeks gevolg van een ziekte of gebrek structureel niet in staat naast "
                "de studie inkomsten te verwerven? (aanvragen vanaf 1 april 2022)",
                f"{PW}, artikel 36b, eerste lid (tekst vanaf 1 april 2022)",
                invoer=_bevinding("structureel_geen_inkomsten_naast_studie", HOOFDPERSOON),
                geldig_vanaf=STUDIETOESLAG_NIEUW,
            ),
            Criterium(
                "recht_op_wajong",
                "Heeft de aanvrager recht op een Wajong-uitkering? (aanvragen vanaf 1 april 2022)",
                f"{PW}, artikel 36b (tekst vanaf 1 april 2022)",
                # The Regelkern's default (False, "geen Wajong") would grant; not established means: assume a right.
                invoer=Invoer("recht_op_wajong", HOOFDPERSOON, ja=True, nee=False, niet_vastgesteld=True),
                geldig_vanaf=STUDIETOESLAG_NIEUW,
            ),
            AFWIJZINGSGRONDEN_PW,
        ),
        # Art. 7:5 covers only onderdeel 7.1 (inkomenstoeslag); onderdeel 7.2 has no hardship clause.
        hardheidsclausule=None,
        uitkomst_variabele="individuele_studietoeslag",
        # Art. 7:8 of the ordinance (until 1 April 2022): at most once per six months, per person.
        eerdere_toekenning=EerdereToekenning("datum_laatste_individuele_studietoeslag", HOOFDPERSOON),
    ),
)

REGELINGEN: dict[str, Regeling] = {r.code: r for r in _REGELINGEN}
REGELING_KEUZES = [(r.code, r.naam) for r in _REGELINGEN]
DOMEIN_KEUZES = list(DOMEINEN.items())


def regeling(code: str) -> Regeling:
    return REGELINGEN[code]


def regelingen_van_domein(domein: str) -> list[str]:
    return [r.code for r in _REGELINGEN if r.domein == domein]
