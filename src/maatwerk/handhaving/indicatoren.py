"""The indicator register (issue 11, point 7; seed 003 "Controle-instrumenten": the criteria are transparent
and set with the 'twee ogen beleid', so that more people check whether an indicator is ethically sound).

Every rule that selects people for a check is registered here with purpose, legal ground, criteria, data
used and owner. It may be used only after approval by two different people, neither of them its author
(`in_gebruik`); the Inlichtingenbureau import uses only approved indicators. The register is public as an
Algoritmeregister 1.0 export and on a page without login.

Field names of the export: the Algoritmeregister publicatiestandaard 1.0.0 of the Ministerie van BZK
(github.com/MinBZK/Algoritmeregister, backend/app/schemas/config/v1_0_0.json; the standard's text in
github.com/MinBZK/Algoritmeregister-Publicatiestandaard, ch02.md "Informatievelden").
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from maatwerk.handhaving import toegang
from maatwerk.handhaving.models import Indicator, IndicatorGoedkeuring
from maatwerk.toegang import audit, rechten
from maatwerk.toegang.beleid import Grond
from maatwerk.toegang.models import SoortGrond
from maatwerk.zaken.fouten import VierOgenFout

BENODIGDE_GOEDKEURINGEN = 2
ORGANISATIE = "Gemeente Lansingerland"
CONTACT = "privacy@lansingerland.nl"
STANDAARD_VERSIE = "1.0.0"


class ZelfdePersoon(VierOgenFout):
    """The author approves his own indicator, or someone approves twice: 409 `zelfde_persoon` (the same
    answer as a four-eyes refusal elsewhere, `web.fouten`)."""

    def __init__(self, bericht: str):
        super().__init__(bericht, code="zelfde_persoon")


def goedkeurders(indicator: Indicator) -> list:
    return [g for g in indicator.goedkeuringen.all() if g.door_id != indicator.auteur_id]


def in_gebruik(indicator: Indicator) -> bool:
    """Approved by two different people other than the author, and not taken out of use."""
    return indicator.buiten_gebruik_op is None and len({g.door_id for g in goedkeurders(indicator)}) >= BENODIGDE_GOEDKEURINGEN


def status_tekst(indicator: Indicator) -> str:
    """The status in the standard's words ('In gebruik', 'In ontwikkeling', 'Buiten gebruik')."""
    if indicator.buiten_gebruik_op is not None:
        return "Buiten gebruik"
    return "In gebruik" if in_gebruik(indicator) else "In ontwikkeling"


def voor_signaalsoort(soort: str) -> Indicator | None:
    """The approved indicator the import may use for lines of `soort`, or None."""
    for indicator in Indicator.objects.filter(signaalsoort=soort, buiten_gebruik_op__isnull=True).prefetch_related("goedkeuringen"):
        if in_gebruik(indicator):
            return indicator
    return None


VELDEN = ("naam", "omschrijving", "doel", "wettelijke_grondslag", "criteria", "gegevens", "eigenaar",
          "menselijke_tussenkomst", "signaalsoort")


def opvolger(indicator: Indicator) -> Indicator | None:
    return indicator.opvolgers.order_by("-versie").first()


def registreer(user, gegevens: dict) -> Indicator:
    toegang.vereis(user, rechten.INDICATOR_REGISTREREN, toegang.CREATE, onderwerp="indicator",
                   toelichting=f"indicator {gegevens.get('code', '')}")
    if Indicator.objects.filter(code=gegevens["code"]).exists():
        raise ValidationError({"code": ["Er is al een indicator met deze code."]})
    return Indicator.objects.create(auteur=user, code=gegevens["code"], **{k: gegevens[k] for k in VELDEN})


def wijzig(user, indicator: Indicator, gegevens: dict) -> Indicator:
    """A change is a new version with its own two approvals (seed 003: criteria set with the 'twee ogen
    beleid'). The current version stays in use until the new one is approved (`keur_goed`), so an unapproved
    change is never applied."""
    toegang.vereis(user, rechten.INDICATOR_REGISTREREN, toegang.CREATE, onderwerp="indicator",
                   toelichting=f"wijziging indicator {indicator.code}")
    with transaction.atomic():
        huidig = Indicator.objects.select_for_update().get(pk=indicator.pk)
        if huidig.buiten_gebruik_op is not None:
            raise ValidationError({"indicator": ["Deze indicator is buiten gebruik. Registreer een nieuwe indicator."]})
        if huidig.opvolgers.exists():
            raise ValidationError({"indicator": [
                f"Er is al een nieuwere versie (versie {opvolger(huidig).versie}). Wijzig die versie."]})
        nieuw = Indicator.objects.create(auteur=user, code=huidig.code, versie=huidig.versie + 1, vorige=huidig,
                                         **{k: gegevens[k] for k in VELDEN})
    audit.log(user, toegang.CREATE, Grond(True, SoortGrond.ROL, "indicator wijzigen"), onderwerp="indicator",
              toelichting=f"indicator {nieuw.code} versie {nieuw.versie} voorgesteld")
    return nieuw


def stel_buiten_gebruik(user, indicator: Indicator, reden: str) -> Indicator:
    """Stop using an indicator from today: it selects no one any more, and the register shows why."""
    toegang.vereis(user, rechten.INDICATOR_REGISTREREN, toegang.CHANGE, onderwerp="indicator",
                   toelichting=f"indicator {indicator.code} buiten gebruik")
    if not (reden or "").strip():
        raise ValidationError({"reden": ["Schrijf op waarom de indicator buiten gebruik gaat."]})
    with transaction.atomic():
        huidig = Indicator.objects.select_for_update().get(pk=indicator.pk)
        if huidig.buiten_gebruik_op is not None:
            raise ValidationError({"indicator": ["Deze indicator is al buiten gebruik."]})
        huidig.buiten_gebruik_op = timezone.localdate()
        huidig.buiten_gebruik_reden = reden.strip()
        huidig.buiten_gebruik_door = user
        huidig.save(update_fields=["buiten_gebruik_op", "buiten_gebruik_reden", "buiten_gebruik_door"])
    return huidig


def keur_goed(user, indicator: Indicator, toelichting: str) -> IndicatorGoedkeuring:
    toegang.vereis(user, rechten.INDICATOR_GOEDKEUREN, toegang.CHANGE, onderwerp="indicator",
                   toelichting=f"goedkeuring indicator {indicator.code}")
    if indicator.auteur_id == user.pk:
        _weiger(user, indicator, "U heeft deze indicator zelf geregistreerd. Twee andere personen keuren haar goed "
                                 "(twee ogen beleid).")
    if indicator.goedkeuringen.filter(door=user).exists():
        _weiger(user, indicator, "U heeft deze indicator al goedgekeurd. Een tweede goedkeuring komt van iemand anders.")
    if indicator.buiten_gebruik_op is not None:
        raise ValidationError({"indicator": ["Deze indicator is buiten gebruik en wordt niet meer goedgekeurd."]})
    if indicator.opvolgers.exists():
        raise ValidationError({"indicator": ["Er is een nieuwere versie van deze indicator. Keur die versie goed."]})
    try:
        with transaction.atomic():
            goedkeuring = IndicatorGoedkeuring.objects.create(indicator=indicator, door=user, toelichting=toelichting)
            indicator = Indicator.objects.prefetch_related("goedkeuringen").get(pk=indicator.pk)
            if indicator.vorige_id is not None and in_gebruik(indicator):
                # The approved new version replaces the old one from today; the old stays in the history.
                Indicator.objects.filter(pk=indicator.vorige_id, buiten_gebruik_op__isnull=True).update(
                    buiten_gebruik_op=timezone.localdate(), buiten_gebruik_door=user,
                    buiten_gebruik_reden=f"Vervangen door versie {indicator.versie}.")
            return goedkeuring
    except IntegrityError:  # the same person in a parallel request
        _weiger(user, indicator, "U heeft deze indicator al goedgekeurd.")


def _weiger(user, indicator: Indicator, bericht: str):
    audit.log(user, toegang.CHANGE, Grond(False, SoortGrond.GEEN, bericht), onderwerp="indicator",
              toelichting=f"goedkeuring indicator {indicator.code} geweigerd")
    raise ZelfdePersoon(bericht)


# ------------------------------------------------------------------ Algoritmeregister 1.0


@dataclass(frozen=True)
class _Bron:
    titel: str
    link: str


_GRONDSLAGEN = [_Bron("Participatiewet", "https://wetten.overheid.nl/BWBR0015703"),
                _Bron("Wet structuur uitvoeringsorganisatie werk en inkomen (SUWI)", "https://wetten.overheid.nl/BWBR0013060")]


def _omschrijving(indicator: Indicator) -> str:
    """The short description, with the version history the standard has no own field for."""
    tekst = indicator.omschrijving
    if indicator.versie > 1:
        tekst += f" (Versie {indicator.versie}; vervangt versie {indicator.versie - 1}.)"
    if indicator.buiten_gebruik_reden:
        tekst += f" Buiten gebruik: {indicator.buiten_gebruik_reden}"
    return tekst[:350]


def als_algoritmeregister(indicator: Indicator) -> dict:
    """One registration in the field names of the Algoritmeregister publicatiestandaard 1.0.0."""
    begin = indicator.goedkeuringen.order_by("op").values_list("op", flat=True)
    goedgekeurd_op = list(begin)[BENODIGDE_GOEDKEURINGEN - 1] if in_gebruik(indicator) else None
    return {
        "name": indicator.naam[:100],
        "description_short": _omschrijving(indicator),
        "organization": ORGANISATIE,
        "category": ["Sociale zekerheid"],
        "status": status_tekst(indicator),
        "begin_date": goedgekeurd_op.strftime("%Y-%m") if goedgekeurd_op else "",
        "end_date": indicator.buiten_gebruik_op.strftime("%Y-%m") if indicator.buiten_gebruik_op else "",
        "contact_email": CONTACT,
        "publication_category": "Impactvolle algoritmes",
        "goal": indicator.doel,
        "proportionality": ("Iedereen met een uitkering wordt op dezelfde manier gecontroleerd; er wordt niet "
                            "geselecteerd, gescoord of gerangschikt. Een signaal is geen besluit."),
        "human_intervention": indicator.menselijke_tussenkomst,
        "risks": ("Een signaal kan onjuist of verouderd zijn. Daarom beslist een casustafel op feiten met hun bron, "
                  "en hoort de inwoner voordat er iets verandert."),
        "lawful_basis": indicator.wettelijke_grondslag,
        "lawful_basis_grouping": [{"title": b.titel, "link": b.link} for b in _GRONDSLAGEN],
        "source_data": indicator.gegevens,
        "methods_and_models": f"Regelgebaseerd, niet zelflerend. Criteria: {indicator.criteria}",
        "provider": "Intern ontwikkeld",
        "lang": "nld",
        "standard_version": STANDAARD_VERSIE,
        "source_id": indicator.code if indicator.versie == 1 else f"{indicator.code}-v{indicator.versie}",
        "tags": "handhaving, Inlichtingenbureau, Participatiewet",
    }


def register() -> list[dict]:
    return [als_algoritmeregister(i) for i in Indicator.objects.prefetch_related("goedkeuringen").order_by("naam", "versie", "id")]
