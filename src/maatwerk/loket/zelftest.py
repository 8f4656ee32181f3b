"""The anonymous self-check "Waar heb ik recht op?" (issue 9, point 1): the SAME Regelkern as a decision.

The answers of a resident become an OpenFisca situation (the same JSON a zaak's computation builds in
personen.situatie and zaken.beoordeling), computed by `maatwerk.regels.berekening.bereken` with its uitleg. So
the estimate names the same rules and sources as a decision would. What a consulent decides in a conversation
(the discretionary findings) is ASSUMED in the resident's favour and said so on the result page.

Nothing of it is stored: the answers travel in a signed hidden field between the steps (views_zelftest), and
only an anonymous count per day, scheme and outcome is kept (ZelftestTelling) for the non-take-up monitor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.db.models import F

from maatwerk.loket.models import ZelftestTelling, ZelftestUitkomst
from maatwerk.regels.berekening import bereken
from maatwerk.regels.regel import REGELS

BIJZONDERE_BIJSTAND = "bijzondere_bijstand"
INKOMENSTOESLAG = "individuele_inkomenstoeslag"
STUDIETOESLAG = "individuele_studietoeslag"

HUISHOUDEN = "huishouden"  # the situation's household key
AANVRAGER = "aanvrager"

# The Regelkern output with the amount of each scheme (as maatwerk.zaken.regelingen.Regeling.uitkomst_variabele).
UITKOMST_VARIABELE = {
    BIJZONDERE_BIJSTAND: "bijzondere_bijstand_bedrag",
    INKOMENSTOESLAG: "individuele_inkomenstoeslag",
    STUDIETOESLAG: "individuele_studietoeslag",
}
EXTRA_VARIABELEN = {BIJZONDERE_BIJSTAND: ["draagkracht_bijzondere_bijstand"], INKOMENSTOESLAG: [], STUDIETOESLAG: []}

# Art. 7:1 onder c Verordening Sociaal Domein 2018: the referteperiode is three years before the peildatum.
REFERTEMAANDEN = 36
# Ages given to the household members the self-check does not ask a birth date for: a child is under 18, a
# housemate counts as kostendeler from 21 (art. 22a Pw). Only the age class matters to the rules.
LEEFTIJD_KIND = 10
LEEFTIJD_MEDEBEWONER = 30

# What the self-check assumes where a consulent decides (the discretionary findings of the schemes, see
# maatwerk.zaken.regelingen); shown to the resident on the result page.
AANNAMES = {
    BIJZONDERE_BIJSTAND: [
        "De kosten zijn nodig en komen door bijzondere omstandigheden.",
        "U heeft de kosten echt, of u gaat ze echt maken.",
        "Er is geen andere regeling die deze kosten al betaalt, zoals uw zorgverzekering.",
    ],
    INKOMENSTOESLAG: [
        "Wat u zei over de kans op meer inkomen klopt.",
        "U kreeg de afgelopen 12 maanden geen inkomenstoeslag.",
    ],
    STUDIETOESLAG: [
        "Wat u zei over uw ziekte of beperking klopt.",
    ],
}

NAMEN = {
    BIJZONDERE_BIJSTAND: "bijzondere bijstand",
    INKOMENSTOESLAG: "individuele inkomenstoeslag",
    STUDIETOESLAG: "individuele studietoeslag",
}


@dataclass
class Uitkomst:
    regeling: str
    maand: str
    recht: bool
    bedrag: float
    uitleg: list[dict]  # the Regelkern's overwegingen of the outcome, the outcome first
    waarden: dict = field(default_factory=dict)  # other computed outputs (draagkracht)
    aannames: list[str] = field(default_factory=list)

    @property
    def uitkomst(self) -> str:
        return ZelftestUitkomst.RECHT if self.recht else ZelftestUitkomst.GEEN_RECHT


def _maand(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def _maanden(vandaag: dt.date, aantal: int) -> list[str]:
    """The month of `vandaag` and the `aantal` months before it."""
    eerste = vandaag.replace(day=1)
    return [_maand(eerste - relativedelta(months=i)) for i in range(aantal + 1)]


def _geboortedatum(vandaag: dt.date, jaren: int) -> str:
    return (vandaag - relativedelta(years=jaren)).isoformat()


def situatie(regeling: str, antwoorden: dict, vandaag: dt.date) -> dict:
    """The Regelkern situation for the answers. Only what the resident told; no database person."""
    maand = _maand(vandaag)
    if regeling == STUDIETOESLAG:
        persoon = {
            "geboortedatum": antwoorden["geboortedatum"],
            "ontvangt_studiefinanciering": {maand: bool(antwoorden["studiefinanciering"])},
            "structureel_geen_inkomsten_naast_studie": {maand: "ja" if antwoorden["ziekte_of_beperking"] else "nee"},
            "recht_op_wajong": {maand: bool(antwoorden["wajong"])},
            "stagevergoeding": {maand: float(antwoorden.get("stagevergoeding") or 0)},
        }
        return {"personen": {AANVRAGER: persoon}, "huishoudens": {HUISHOUDEN: {"partners": [AANVRAGER]}}}

    # An income scheme of a household: the same roles as personen.situatie (partners, kinderen, medebewoners).
    # Income of the inkomenstoeslag is read over the referteperiode: the resident says whether it was this low
    # for three years; only then are the earlier months filled (otherwise the self-check does not compute).
    maanden = _maanden(vandaag, REFERTEMAANDEN) if regeling == INKOMENSTOESLAG else [maand]
    personen: dict[str, dict] = {}
    partners = [AANVRAGER]
    personen[AANVRAGER] = {
        "geboortedatum": antwoorden["geboortedatum"],
        "netto_maandinkomen": {m: float(antwoorden["inkomen"]) for m in maanden},
        "vermogen": {maand: float(antwoorden["vermogen"])},
    }
    if antwoorden.get("partner"):
        partners.append("partner")
        personen["partner"] = {
            "geboortedatum": antwoorden["partner_geboortedatum"],
            "netto_maandinkomen": {m: float(antwoorden.get("inkomen_partner") or 0) for m in maanden},
        }
    kinderen = [f"kind_{i + 1}" for i in range(int(antwoorden.get("kinderen") or 0))]
    for k in kinderen:
        personen[k] = {"geboortedatum": _geboortedatum(vandaag, LEEFTIJD_KIND)}
    medebewoners = [f"medebewoner_{i + 1}" for i in range(int(antwoorden.get("medebewoners") or 0))]
    for m in medebewoners:
        personen[m] = {"geboortedatum": _geboortedatum(vandaag, LEEFTIJD_MEDEBEWONER)}
    huishouden: dict = {"partners": partners}
    if kinderen:
        huishouden["kinderen"] = kinderen
    if medebewoners:
        huishouden["medebewoners"] = medebewoners
    if regeling == BIJZONDERE_BIJSTAND:
        # The discretionary findings assumed in the resident's favour (AANNAMES); the Regelkern's own inputs.
        huishouden.update({
            "bijzondere_kosten": {maand: float(antwoorden["kosten"])},
            "kostensoort": {maand: "overig"},
            "bijzondere_omstandigheden": {maand: "ja"},
            "kosten_noodzakelijk": {maand: "ja"},
            "kosten_daadwerkelijk_gemaakt": {maand: "ja"},
            "voorliggende_voorziening_passend_en_toereikend": {maand: "nee"},
            "zeer_dringende_redenen": {maand: "nee"},
        })
    elif regeling == INKOMENSTOESLAG:
        huishouden["zicht_op_inkomensverbetering"] = {maand: bool(antwoorden["inkomen_stijgt"])}
    return {"personen": personen, "huishoudens": {HUISHOUDEN: huishouden}}


def _niet_lang_genoeg(regeling: str, maand: str) -> Uitkomst:
    """Inkomenstoeslag for someone whose income was not low for three years: the rule of the Regelkern that
    requires it (iit_langdurig_laag_inkomen), quoted from its registry, without computing unknown months."""
    info = REGELS["iit_langdurig_laag_inkomen"]
    zin = ("U heeft nog geen drie jaar een laag inkomen. De inkomenstoeslag is alleen voor wie al drie jaar "
           "een laag inkomen heeft.")
    return Uitkomst(regeling, maand, False, 0.0,
                    [{"regel": info.id, "zin": zin, "bron": info.bron, "soort": info.soort.value}],
                    aannames=[])


def bereken_zelftest(regeling: str, antwoorden: dict, vandaag: dt.date, *, tellen: bool = True) -> Uitkomst:
    """Compute the estimate for complete answers and count it (anonymously)."""
    maand = _maand(vandaag)
    if regeling == INKOMENSTOESLAG and not antwoorden.get("drie_jaar_laag"):
        uitkomst = _niet_lang_genoeg(regeling, maand)
    else:
        variabele = UITKOMST_VARIABELE[regeling]
        # The policy in force: the approved policy versions of the municipality (issue 12), as a consulent's
        # computation uses them.
        from maatwerk.beleid.versies import actueel

        antwoord = bereken(situatie(regeling, antwoorden, vandaag), maand, settings.MAATWERK_GEMEENTE,
                           [variabele, *EXTRA_VARIABELEN[regeling]], uitleg=True,
                           beleid=actueel(settings.MAATWERK_GEMEENTE).wijzigingen)
        resultaten = antwoord["resultaten"]["huishoudens"][HUISHOUDEN]
        bedrag = float(resultaten[variabele] or 0)
        uitkomst = Uitkomst(
            regeling, maand, bedrag > 0, bedrag,
            uitleg=antwoord["uitleg"]["huishoudens"][HUISHOUDEN][variabele],
            waarden={n: resultaten[n] for n in EXTRA_VARIABELEN[regeling]},
            aannames=AANNAMES[regeling],
        )
    if tellen:
        tel(regeling, uitkomst.uitkomst, vandaag)
    return uitkomst


def tel(regeling: str, uitkomst: str, datum: dt.date) -> None:
    """One more self-check with this outcome today. The only thing a self-check leaves behind."""
    with transaction.atomic():
        telling, _ = ZelftestTelling.objects.get_or_create(datum=datum, regeling=regeling, uitkomst=uitkomst)
        ZelftestTelling.objects.filter(pk=telling.pk).update(aantal=F("aantal") + 1)
