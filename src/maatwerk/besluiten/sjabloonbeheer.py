"""Editing letter templates without code: every save is a new, immutable version; a bad template is refused.

A candidate template is refused (ValidationError on field "inhoud", in Dutch) when
1. it uses a tag or filter outside the whitelist, or has a syntax error (`maatwerk.brieven.sjablonen`);
2. any letter variant, rendered with demo data and the candidate in place, fails: a missing template, an
   unknown variable, or a letter without the objection deadline (Awb 3:45);
3. any letter variant no longer reads at B1 (`maatwerk.brieven.leesbaarheid`): the same check as the
   readability test, so a template edited in the database cannot make letters harder to read than the
   shipped ones are allowed to be.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from maatwerk.besluiten import brief as briefmodule
from maatwerk.besluiten import demo
from maatwerk.besluiten.models import BriefSjabloon, BriefSjabloonVersie, Gemeentegegevens
from maatwerk.brieven import sjablonen
from maatwerk.brieven.leesbaarheid import Leesbaarheid, meet_brief
from maatwerk.toegang.rollen import BEHEERDER, heeft_rol
from maatwerk.toegang.beleid import GeenToegang


@dataclass(frozen=True)
class Uitslag:
    variant: str
    leesbaarheid: Leesbaarheid | None
    fout: str = ""

    @property
    def goed(self) -> bool:
        return not self.fout and self.leesbaarheid is not None and self.leesbaarheid.voldoet


def beoordeel_varianten(bronnen: briefmodule.Bronnen, gemeente=None) -> list[Uitslag]:
    """Render every demo variant with `bronnen` and measure it."""
    gemeente = gemeente or Gemeentegegevens.huidige() or demo.demo_gemeente()
    uit = []
    for v in demo.alle_varianten():  # also the letters on a bezwaar: they share opmaak and clientondersteuning
        try:
            gemaakt = demo.maak_voorbeeld(v, bronnen=bronnen, gemeente=gemeente)
        except sjablonen.SjabloonFout as fout:
            uit.append(Uitslag(v.naam, None, str(fout)))
            continue
        meting = meet_brief(gemaakt.html)
        uit.append(Uitslag(v.naam, meting, "; ".join(meting.tekortkomingen())))
    return uit


def controleer(code: str, inhoud: str) -> None:
    """Raise ValidationError({"inhoud": [...]}) in Dutch when `inhoud` may not become the new version of `code`."""
    try:
        sjablonen.controleer_bron(code, inhoud)
    except sjablonen.SjabloonFout as fout:
        raise ValidationError({"inhoud": [str(fout)]}) from None
    fouten = [u for u in beoordeel_varianten(briefmodule.bronnen_uit_database(vervang={code: inhoud})) if not u.goed]
    if fouten:
        eerste = fouten[0]
        meer = f" (en nog {len(fouten) - 1} andere brieven)" if len(fouten) > 1 else ""
        raise ValidationError({"inhoud": [
            f"Dit sjabloon wordt niet opgeslagen: de brief '{eerste.variant}'{meer} klopt dan niet: {eerste.fout}."
        ]})


def sla_op(code: str, inhoud: str, gebruiker, *, toelichting: str = "") -> BriefSjabloonVersie:
    """Store `inhoud` as the next version of template `code` (beheerder only)."""
    if not heeft_rol(gebruiker, BEHEERDER):
        raise GeenToegang("Alleen de beheerder kan briefsjablonen wijzigen.")
    sjabloon = BriefSjabloon.objects.filter(code=code).first()
    if sjabloon is None:
        raise ValidationError({"code": [f"Onbekend sjabloon '{code}'; kies uit: {', '.join(briefmodule.SJABLONEN)}."]})
    if not isinstance(inhoud, str) or not inhoud.strip():
        raise ValidationError({"inhoud": ["Een sjabloon mag niet leeg zijn."]})
    huidige = sjabloon.huidige_versie()
    if huidige is not None and huidige.inhoud == inhoud:
        raise ValidationError({"inhoud": ["Het sjabloon is niet gewijzigd; er is geen nieuwe versie gemaakt."]})
    controleer(code, inhoud)
    with transaction.atomic():
        nummer = (huidige.nummer if huidige else 0) + 1
        return BriefSjabloonVersie.objects.create(sjabloon=sjabloon, nummer=nummer, inhoud=inhoud,
                                                  toelichting=(toelichting or "")[:300], opgeslagen_door=gebruiker)
