"""What the letter says: only the considerations that decided the outcome (issue 8, point 1).

The Regelkern's uitleg (stored on the zaak's `Berekening`) is a full trace: some forty machine-made lines for a
single grant, most of them "nee", "€ 0,00" or "niet van toepassing". A resident needs the few that carried the
decision (Awb 3:46: "een besluit dient te berusten op een deugdelijke motivering" — deugdelijk, not exhaustive):

- the amount and how it follows: the costs, the draagkracht, what the municipality pays (Pw art. 35 lid 1);
- on a refusal, each ground that applied (Pw art. 13, 14, 15, 44; draagkracht ≥ costs);
- each discretionary finding that was decisive: on a grant the conditions that were met, on a refusal the
  ones that failed, in a fixed plain sentence per criterion. The consulent's internal motivering is added
  only when it is one short sentence without special-category data (AVG art. 9, `maatwerk.brieven.bijzonder`);
  otherwise the consulent rewrites the sentence for the resident on the besluit page.

The whole trace stays available: `spoor()` makes it readable (names, not ids; Dutch dates; no meaningless zero
lines) for the bijlage of the letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from maatwerk import formaat
from maatwerk.brieven import bijzonder

MAX_WOORDEN_MOTIVERING = 20  # a consulent's reason goes into the letter only when it is one short sentence


@dataclass(frozen=True)
class Criteriumzin:
    """How a finding on one criterion reads in the letter. `gunstig` is the finding under which the criterion
    does not stand in the way of a grant; `beslissend_als_gunstig` says whether a favourable finding is worth a
    sentence on a grant (a confirmed absence of a refusal ground is not)."""

    gunstig: str
    zin_gunstig: str
    zin_ongunstig: str
    beslissend_als_gunstig: bool = True


# Criterion code -> sentences (the codes of maatwerk.zaken.regelingen). Plain words, B1, second person.
CRITERIA: dict[str, Criteriumzin] = {
    # Wmo 2015 art. 2.3.5; Verordening Sociaal Domein 2018 art. 4:3
    "beperkingen_niet_zelf_op_te_heffen": Criteriumzin(
        "ja", "U heeft beperkingen die u zelf niet kunt oplossen.", "U kunt uw problemen zelf oplossen of kleiner maken."),
    "oplossing_eigen_kracht_of_netwerk": Criteriumzin(
        "nee", "U kunt dit niet zelf oplossen, ook niet met hulp van mensen om u heen.",
        "U kunt dit zelf oplossen, of met hulp van mensen om u heen."),
    "oplossing_andere_voorziening": Criteriumzin(
        "nee", "Er is geen andere voorziening die dit voor u oplost.", "Een andere voorziening kan dit voor u oplossen."),
    "passende_bijdrage": Criteriumzin(
        "ja", "Deze hulp helpt u om zelfstandig te leven en mee te doen.",
        "Deze hulp helpt u niet genoeg om zelfstandig te leven en mee te doen."),
    "goedkoopst_passend": Criteriumzin(
        "ja", "Dit is de goedkoopste hulp die bij u past.", "Er is goedkopere hulp die ook bij u past."),
    "weigeringsgrond": Criteriumzin(
        "nee", "", "De verordening geeft een reden om deze hulp te weigeren.", beslissend_als_gunstig=False),
    # Verordening art. 4:3 lid 3 (issue 10): the cascade, one step per finding. On a grant one sentence for the
    # whole cascade (step g); on a refusal the step that solved the need.
    "cascade_eigen_kracht": Criteriumzin(
        "nee", "", "U kunt dit zelf oplossen.", beslissend_als_gunstig=False),
    "cascade_gebruikelijke_hulp": Criteriumzin(
        "nee", "", "Mensen in uw huis kunnen u hierbij helpen. Dat is gewone hulp die zij elkaar geven.",
        beslissend_als_gunstig=False),
    "cascade_mantelzorg": Criteriumzin(
        "nee", "", "Iemand die voor u zorgt (mantelzorg) kan u hierbij helpen.", beslissend_als_gunstig=False),
    "cascade_sociaal_netwerk": Criteriumzin(
        "nee", "", "Mensen om u heen kunnen u hierbij helpen.", beslissend_als_gunstig=False),
    "cascade_algemeen_gebruikelijk": Criteriumzin(
        "nee", "", "Wat u nodig heeft, is gewoon te koop in de winkel.", beslissend_als_gunstig=False),
    "cascade_algemene_voorziening": Criteriumzin(
        "nee", "", "Er is in de gemeente al hulp voor iedereen die dit voor u oplost.", beslissend_als_gunstig=False),
    # Step g is only reached when every earlier step was "nee", so on a grant it speaks for the whole cascade.
    "cascade_andere_voorziening": Criteriumzin(
        "nee", "Ook met hulp van anderen of een andere voorziening lukt dit niet.",
        "Een andere voorziening of een andere wet regelt dit al voor u."),
    "duur_noodzakelijk": Criteriumzin(
        "ja", "", "Wij weten nog niet hoe lang u deze hulp nodig heeft.", beslissend_als_gunstig=False),
    # Verordening art. 4:4 lid 1 and 2: each ground its own finding; "ja" = the ground applies.
    "weigering_geen_inwoner": Criteriumzin("nee", "", "U woont niet in de gemeente Lansingerland.", beslissend_als_gunstig=False),
    "weigering_al_beschikbaar": Criteriumzin(
        "nee", "", "U had deze voorziening al, of kon die al krijgen voordat u zich meldde.", beslissend_als_gunstig=False),
    "weigering_afschrijftermijn": Criteriumzin(
        "nee", "", "U heeft deze voorziening al eerder gekregen en die is nog niet oud genoeg voor een nieuwe.",
        beslissend_als_gunstig=False),
    "weigering_nalatigheid": Criteriumzin(
        "nee", "", "U bent niet zorgvuldig omgegaan met de voorziening die u kreeg.", beslissend_als_gunstig=False),
    "woonvoorziening": Criteriumzin("nee", "", "", beslissend_als_gunstig=False),
    "woon_materialen": Criteriumzin(
        "nee", "", "Het probleem komt door de materialen in uw woning.", beslissend_als_gunstig=False),
    "woon_soort_woning": Criteriumzin(
        "nee", "", "Voor dit soort woning geven wij geen woonvoorziening.", beslissend_als_gunstig=False),
    "woon_gemeenschappelijke_ruimte": Criteriumzin(
        "nee", "", "Het gaat om een ruimte die u deelt met anderen.", beslissend_als_gunstig=False),
    "woon_verhuizing_zonder_reden": Criteriumzin(
        "nee", "", "U bent zonder goede reden verhuisd naar een woning die niet bij u past.", beslissend_als_gunstig=False),
    "woon_niet_meest_geschikt": Criteriumzin(
        "nee", "", "U bent niet verhuisd naar de woning die het best bij u past.", beslissend_als_gunstig=False),
    "woon_voorzienbaar": Criteriumzin(
        "nee", "", "U kon deze aanvraag zien aankomen.", beslissend_als_gunstig=False),
    # Verordening art. 4:7 and Wmo 2015 art. 2.3.6 lid 2: the pgb conditions.
    "vorm_pgb": Criteriumzin("nee", "", "", beslissend_als_gunstig=False),
    "pgb_plan_ingediend": Criteriumzin("ja", "", "U heeft geen plan voor een pgb gegeven.", beslissend_als_gunstig=False),
    "pgb_plan_betere_ondersteuning": Criteriumzin(
        "ja", "", "Uit uw plan blijkt niet dat een pgb u beter helpt.", beslissend_als_gunstig=False),
    "pgb_plan_doelmatiger": Criteriumzin(
        "ja", "", "Uit uw plan blijkt niet dat een pgb beter past dan hulp van een aanbieder.", beslissend_als_gunstig=False),
    "pgb_hulp_uit_sociaal_netwerk": Criteriumzin("nee", "", "", beslissend_als_gunstig=False),
    "pgb_zorg_overstijgt_gebruikelijke_hulp": Criteriumzin(
        "ja", "", "De hulp van uw helper is gewone hulp. Daarvoor betalen wij geen pgb.", beslissend_als_gunstig=False),
    "pgb_huishoudelijk_werk_door_verwant": Criteriumzin(
        "nee", "", "Met een pgb mag u een familielid niet betalen voor werk in het huishouden.", beslissend_als_gunstig=False),
    "pgb_betaling_aan_tussenpersoon": Criteriumzin(
        "nee", "", "Met een pgb mag u geen tussenpersoon betalen.", beslissend_als_gunstig=False),
    "pgb_client_in_staat_tot_beheer": Criteriumzin(
        "ja", "", "U kunt een pgb niet goed beheren, ook niet met hulp.", beslissend_als_gunstig=False),
    "pgb_client_gemotiveerd": Criteriumzin(
        "ja", "", "U heeft niet uitgelegd waarom u een pgb wilt.", beslissend_als_gunstig=False),
    "pgb_kwaliteit_gewaarborgd": Criteriumzin(
        "ja", "", "Wij zien niet dat de hulp met een pgb veilig en goed is.", beslissend_als_gunstig=False),
    # Jeugdwet art. 2.3; Verordening art. 5:3
    "oplossing_eigen_kracht_of_omgeving": Criteriumzin(
        "nee", "U kunt dit niet zelf oplossen, ook niet met mensen om u heen.",
        "U kunt dit zelf oplossen, of met mensen om u heen."),
    "oplossing_overige_of_voorliggende_voorziening": Criteriumzin(
        "nee", "Er is geen andere voorziening die dit voor u oplost.",
        "Een andere voorziening kan dit (voor een deel) oplossen."),
    # Participatiewet art. 35 lid 1, 15, 13/14, 16
    "bijzondere_omstandigheden": Criteriumzin(
        "ja", "De kosten komen door een bijzondere situatie.", "De kosten komen niet door een bijzondere situatie."),
    "kosten_noodzakelijk": Criteriumzin("ja", "Wij vinden de kosten nodig.", "Wij vinden de kosten niet nodig."),
    "kosten_daadwerkelijk_gemaakt": Criteriumzin(
        "ja", "U maakt deze kosten echt.", "Wij zien niet dat u deze kosten echt maakt."),
    "voorliggende_voorziening": Criteriumzin(
        "nee", "Er is geen andere regeling die deze kosten betaalt.", "Een andere regeling betaalt deze kosten al."),
    "afwijzingsgronden": Criteriumzin(
        "nee", "", "De wet geeft een reden om u geen bijstand te geven.", beslissend_als_gunstig=False),
    "zeer_dringende_redenen": Criteriumzin(
        "ja", "Er is een noodsituatie. Daarom geven wij u toch bijstand.",
        "Er is geen noodsituatie waardoor wij u toch bijstand kunnen geven."),
    # Participatiewet art. 36 (inkomenstoeslag), 36b (studietoeslag)
    "zicht_op_inkomensverbetering": Criteriumzin(
        "nee", "U heeft geen zicht op een hoger inkomen.", "U heeft zicht op een hoger inkomen."),
    "niet_in_staat_wml_te_verdienen": Criteriumzin(
        "ja", "U kunt met werk niet het minimumloon verdienen.", "U kunt met werk het minimumloon verdienen."),
    "mogelijkheden_tot_arbeidsparticipatie": Criteriumzin("ja", "U kunt wel werken.", "U kunt niet werken."),
    "dringende_redenen": Criteriumzin(
        "ja", "Er zijn dringende redenen om u toch studietoeslag te geven.",
        "Er zijn geen dringende redenen om u toch studietoeslag te geven."),
    "structureel_geen_inkomsten_naast_studie": Criteriumzin(
        "ja", "U kunt naast uw studie geen inkomen verdienen.", "U kunt naast uw studie wel inkomen verdienen."),
    "recht_op_wajong": Criteriumzin(
        "nee", "U heeft geen recht op een Wajong-uitkering.", "U heeft recht op een Wajong-uitkering."),
}
# Jeugdhulp: the GP route (art. 5:3) and the pgb conditions (art. 5:6), in their own module.
from maatwerk.besluiten.jeugd import ZINNEN as _JEUGD_ZINNEN  # noqa: E402

CRITERIA.update(_JEUGD_ZINNEN)
# Routes around a refusal ground: a "nee" only matters when there is a ground to get around.
ALLEEN_BIJ_WEIGERGROND = frozenset({"zeer_dringende_redenen", "dringende_redenen"})


def _gunstig(code: str, waarde: str) -> bool | None:
    c = CRITERIA.get(code)
    if c is None or waarde not in ("ja", "nee"):
        return None
    return waarde == c.gunstig


def bevinding_beslissend(code: str, waarde: str, *, toekenning: bool, weigergrond: bool, volledig: bool = False) -> bool:
    """Did this finding decide the outcome? On a grant: a met condition; on a refusal (or the refused part of a
    partial grant): a failed one. A full grant names no failed condition (`volledig`)."""
    gunstig = _gunstig(code, waarde)
    if gunstig is None:
        return False
    if toekenning and gunstig:
        return CRITERIA[code].beslissend_als_gunstig
    if gunstig or volledig:
        return False
    if not gunstig and code in ALLEEN_BIJ_WEIGERGROND:
        return weigergrond
    # A fact that only opens other questions (woonvoorziening, vorm_pgb) has no sentence: never decisive itself.
    return not gunstig and bool(CRITERIA[code].zin_ongunstig)


def bevinding_zin(code: str, waarde: str, motivering: str) -> str:
    """The plain sentence for a decisive finding, plus the consulent's reason when it is fit for the letter."""
    gunstig = _gunstig(code, waarde)
    c = CRITERIA[code]
    zin = c.zin_gunstig if gunstig else c.zin_ongunstig
    reden = " ".join((motivering or "").split())
    if reden and _past_in_brief(reden) and len(zin.split(". ")) < 2:
        zin = f"{zin} {reden if reden.endswith(('.', '!', '?')) else reden + '.'}"
    return zin


def _past_in_brief(tekst: str) -> bool:
    """One short sentence, no special-category words (AVG art. 9), no internal codes."""
    zinnen = [z for z in re.split(r"(?<=[.!?])\s+", tekst) if z.strip()]
    return (len(zinnen) == 1 and len(tekst.split()) <= MAX_WOORDEN_MOTIVERING and not bijzonder.zoek(tekst)
            and not re.search(r"\b[a-z]+_[a-z_0-9]+\b", tekst))


# ------------------------------------------------------------------ Regelkern: the amount and the refusal grounds

# Refusal grounds in the bijzondere-bijstand trace (rule id -> plain sentence when it applied). The findings
# that have their own criterion (voorliggende voorziening) are said once, by the finding.
WEIGERGRONDEN_BB = {
    "bb.afwijzing.kostensoort": "Voor deze soort kosten geeft de wet nooit bijzondere bijstand.",
    "bb.afwijzing.schuldenlast": "Voor het aflossen van een schuld geeft de wet geen bijstand. U had toen of later genoeg geld.",
    "bb.afwijzing.jonger_dan_18": "U bent jonger dan 18 jaar. Dan heeft u geen recht op bijstand.",
    "bb.kosten_voor_aanvraag": "U maakte de kosten al voordat u de aanvraag deed. Dan geeft de wet geen bijstand.",
}


@dataclass(frozen=True)
class Reden:
    zin: str
    bron: str
    soort: str  # SoortBron value
    regel: str
    url: str = ""


def _geld(waarde) -> str:
    return formaat.bedrag(Decimal(str(waarde)))


def _per_regel(uitleg: dict, variabele: str) -> dict[str, dict]:
    regels: dict[str, dict] = {}
    for per_entiteit in (uitleg or {}).get("huishoudens", {}).values():
        for o in per_entiteit.get(variabele, []):
            regels.setdefault(o.get("regel", ""), o)
    return regels


def _reden(o: dict, zin: str, soort: str | None = None) -> Reden:
    return Reden(zin=zin, bron=o.get("bron") or "", soort=soort or o.get("soort") or "wet", regel=o.get("regel", ""),
                 url=(o.get("url") or "")[:400])


def regelkern_redenen(uitleg: dict, variabele: str, *, toekenning: bool) -> list[Reden]:
    """The decisive lines of the Regelkern's trace for the outcome variable."""
    if variabele == "bijzondere_bijstand_bedrag":
        return _bijzondere_bijstand(_per_regel(uitleg, variabele), toekenning=toekenning)
    # Other regelingen: the outcome sentence itself, when it states a real amount.
    regels = list(_per_regel(uitleg, variabele).values())
    if not regels:
        return []
    eerste = regels[0]
    if toekenning and isinstance(eerste.get("resultaat"), (int, float)) and eerste["resultaat"] > 0:
        return [_reden(eerste, schoon(eerste.get("zin", "")))]
    return [_reden(o, schoon(o.get("zin", ""))) for o in regels
            if ".afwijzing." in o.get("regel", "") and o.get("resultaat") is True]


def _bijzondere_bijstand(regels: dict[str, dict], *, toekenning: bool) -> list[Reden]:
    redenen: list[Reden] = []
    bedrag, draagkracht = regels.get("bb.bedrag"), regels.get("bb.draagkracht")
    kosten = (bedrag or {}).get("invoer", {}).get("bijzondere_kosten")
    dk = (draagkracht or {}).get("resultaat")
    if toekenning and bedrag and kosten is not None and (bedrag.get("resultaat") or 0) > 0:
        redenen.append(_reden(bedrag, f"De kosten zijn {_geld(kosten)}. Wij betalen daarvan {_geld(bedrag['resultaat'])}."))
        if draagkracht and dk is not None:
            if dk > 0:
                zin = (f"U betaalt zelf {_geld(dk)}. Dat deel van uw inkomen en vermogen kunt u missen.")
            else:
                zin = "U hoeft zelf niets te betalen. Uw inkomen en vermogen zijn daarvoor te laag."
            redenen.append(_reden(draagkracht, zin))
    if not toekenning:
        for regel, zin in WEIGERGRONDEN_BB.items():
            o = regels.get(regel)
            if o is not None and o.get("resultaat") is True:
                redenen.append(_reden(o, zin))
        eigen = regels.get("bb.kosten_uit_draagkracht")
        if eigen is not None and eigen.get("resultaat") is True and kosten is not None and dk is not None:
            redenen.append(_reden(eigen, f"De kosten zijn {_geld(kosten)}. U kunt zelf {_geld(dk)} missen, dus u "
                                         "kunt de kosten zelf betalen."))
    return redenen


# ------------------------------------------------------------------ the full trace, readable (bijlage)

_ID = re.compile(r"\binwoner_(\d+)\b")
_DATUM = re.compile(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b")
# Lines that say nothing when their value is zero or empty (a zero amount, "0 maanden").
_NUL = re.compile(r"(?<![\d.,])(€ 0,00|0 maanden|0 \(begonnen\) maanden)")
_KERN = {"bb.bedrag", "bb.draagkracht"}  # a zero draagkracht is meaningful: it is why the municipality pays it all


def schoon(zin: str, namen: dict[int, str] | None = None) -> str:
    """A trace sentence without internal ids (`inwoner_12` -> the name), with Dutch dates, and without the
    machine's "(ja)" asides."""
    namen = namen or {}
    zin = _ID.sub(lambda m: namen.get(int(m.group(1)), "een lid van uw huishouden"), zin)
    zin = _DATUM.sub(lambda m: _datum(m), zin)
    zin = re.sub(r"\s*\((ja|nee)\)", "", zin)
    return zin


def _datum(m) -> str:
    import datetime as dt

    try:
        return formaat.datum(dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    except ValueError:
        return m.group(0)


def betekenisloos(o: dict) -> bool:
    """A zero or empty line of the trace that tells the resident nothing (issue 8: "€ 0,00 hoger dan de
    vermogensgrens", "tot 0 maanden vóór de aanvraag")."""
    if o.get("regel") in _KERN:
        return False
    resultaat = o.get("resultaat")
    if resultaat == "niet_vastgesteld":
        return True
    if isinstance(resultaat, (int, float)) and not isinstance(resultaat, bool) and resultaat == 0:
        return True
    return bool(_NUL.search(o.get("zin", "")))


def spoor(uitleg: dict, variabele: str, namen: dict[int, str]) -> list[dict]:
    """The full trace of the outcome variable for the bijlage: [{zin, bron, soort}], readable."""
    uit, gezien = [], set()
    for o in _per_regel(uitleg, variabele).values():
        zin = schoon(o.get("zin", ""), namen)
        if not zin or zin in gezien or betekenisloos(o):
            continue
        gezien.add(zin)
        uit.append({"zin": zin, "bron": o.get("bron") or "", "soort": o.get("soort") or "wet"})
    return uit


def namen_in(uitleg: dict) -> dict[int, str]:
    """Inwoner id -> name, for every `inwoner_<id>` the trace mentions."""
    from maatwerk.personen.models import Inwoner

    ids = {int(i) for i in _ID.findall(repr(uitleg))}
    return {i.pk: i.naam for i in Inwoner.objects.filter(pk__in=ids)} if ids else {}


# ------------------------------------------------------------------ "Wat heeft u gevraagd?"

STANDAARD_VOORZIENING = {
    "bijzondere_bijstand": "de kosten uit uw aanvraag",
    "individuele_inkomenstoeslag": "een toeslag op uw inkomen",
    "individuele_studietoeslag": "een toeslag naast uw studie",
    "algemene_bijstand": "geld om van te leven",
}


def aanvraag_zin(zaak, regeling_in_zin: str) -> str:
    """A neutral sentence from the regeling and the asked costs; never the consulent's notes (which may hold
    health or other special-category data)."""
    kosten = f" voor kosten van {formaat.bedrag(zaak.kosten)}" if zaak.kosten else ""
    return f"U vroeg {regeling_in_zin}{kosten}."
