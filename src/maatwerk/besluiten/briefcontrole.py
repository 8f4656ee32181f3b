"""The checks on a letter before it is sent (issue 8): taalniveau B1, special-category data, the signature.

One function, `controleer`, used by `services.bekendmaken` (which refuses to send while a blocking point is open)
and by the besluit page (which shows the same points on the preview, before sending).
"""

from __future__ import annotations

from dataclasses import dataclass

from maatwerk.brieven import bijzonder
from maatwerk.brieven.leesbaarheid import kerntekst, meet_brief, melding_b1

B1 = "b1"
BIJZONDER = "bijzondere_gegevens"
ONDERTEKENING = "ondertekening"


@dataclass(frozen=True)
class Punt:
    soort: str        # B1 | BIJZONDER | ONDERTEKENING
    melding: str      # Dutch, for the consulent
    blokkeert: bool   # True: the letter cannot be sent until it is fixed


def controleer(besluit, html: str) -> list[Punt]:
    punten: list[Punt] = []
    b1 = melding_b1(html, meet_brief(html))
    if b1:
        punten.append(Punt(B1, f"De brief kan nog niet worden verstuurd. {b1}", True))
    vondsten = bijzonder.zoek(kerntekst(html))
    reden = (getattr(besluit, "bijzondere_gegevens_reden", "") or "").strip()
    if vondsten and not reden:
        punten.append(Punt(BIJZONDER, (
            "De brief noemt mogelijk een bijzonder persoonsgegeven (AVG, artikel 9 en 10): "
            + "; ".join(str(v) for v in vondsten[:3])
            + ". Herschrijf die zin zonder dit gegeven, of leg vast waarom het in de brief moet staan."), True))
    elif vondsten:
        punten.append(Punt(BIJZONDER, (
            "De brief noemt bewust een bijzonder persoonsgegeven ("
            + ", ".join(f"'{v.woord}'" for v in vondsten[:3]) + f"). Vastgelegde reden: {reden}"), False))
    door = besluit.vastgesteld_door if besluit.vastgesteld_door_id else None
    if door is None:
        punten.append(Punt(ONDERTEKENING, "De brief noemt nog geen ondertekenaar: de naam van wie het besluit "
                                          "vaststelt, komt onder de brief. Controleer de brief na het vaststellen.", False))
    elif not " ".join(f"{door.first_name} {door.last_name}".split()):
        punten.append(Punt(ONDERTEKENING, (
            f"De brief noemt als ondertekenaar alleen de gebruikersnaam '{door.get_username()}': in het account staan "
            "geen voor- en achternaam. Vraag de beheerder die in te vullen."), False))
    return punten


def blokkerend(punten: list[Punt]) -> list[Punt]:
    return [p for p in punten if p.blokkeert]
