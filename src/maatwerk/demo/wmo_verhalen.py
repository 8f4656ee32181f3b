"""The Wmo part of seed 004 case story 10 ("Met spoed naar een andere gemeente"), as far as the Wmo rules reach.
Its Jeugd part (Fabian at 17, jeugdreclassering) is the Jeugd demo's, with its own objects and names.

Story 10: Fabian is placed in a hurry with the Leger des Heils in another municipality, which "is echter geen
contractpartij van gemeente E." Near 18 his support becomes Wmo (opvang). The Wmo zaak here: the melding for
opvang and begeleiding after his 18th birthday, the first steps of the cascade (art. 4:3 lid 3) recorded, step g
(andere voorzieningen) open while the municipalities dispute who pays (the story's point). The provider is in the
demo without a Wmo contract, so a natura cost price from its tariff is refused with the reason (no contract).

Story 14 (Helena: an urgentieverklaring for a house, bewind, bijzondere bijstand for the inrichting, jeugdhulp)
has no Wmo maatwerkvoorziening: a housing urgency is not a Wmo provision, and its income and Jeugd parts are in
the general and Jeugd demos (case 14, Croes). So nothing of it is added here.
"""

from __future__ import annotations

import datetime as dt

from maatwerk.demo.gegevens import Casus, Persoon, _bevindingen
from maatwerk.iwmo.models import Aanbieder
from maatwerk.personen.models import Relatie, Rol
from maatwerk.toegang import rollen as r
from maatwerk.zaken.services import meld_zaak

# Illustrative, like maatwerk.iwmo.demo: a provider in another municipality, deliberately without a Wmo contract.
OPVANG_AGB = "98000110"
OPVANG_NAAM = "Leger des Heils, opvang gemeente F. (demo)"


def _fabian(ctx) -> None:
    from maatwerk.demo.wmo import _naar_beoordeling

    v, u = ctx.vandaag, ctx.consulent
    Aanbieder.objects.get_or_create(agb_code=OPVANG_AGB, defaults={"naam": OPVANG_NAAM})
    zaak = meld_zaak(
        u, huishouden=ctx.hh, hoofdpersoon=ctx.inwoners[0], regeling="wmo_maatwerkvoorziening",
        ontvangen_op=v - dt.timedelta(days=30),
        omschrijving="Fabian (18) woont sinds een spoedplaatsing in de opvang van het Leger des Heils in een andere "
                     "gemeente. Die aanbieder heeft geen contract met de gemeente. Nu hij 18 is, vraagt hij opvang "
                     "en begeleiding uit de Wmo.",
    )
    _naar_beoordeling(zaak, u, v, {
        "behoefte": "Een veilige plek om te wonen, met begeleiding; hij kan niet terug naar zijn oude buurt.",
        "gewenst_resultaat": "Fabian woont veilig en krijgt begeleiding tot hij zelfstandig kan wonen.",
        "samenwerking": "Jeugdreclassering (tot 18), straks volwassenenreclassering; het NIFP-onderzoek loopt nog.",
    }, "Opvang met begeleiding; de gemeente overlegt met gemeente F. wie de opvang betaalt.")
    reden = "Besproken met Fabian, zijn begeleider en de politie; de dreiging is volgens hen reëel."
    _bevindingen(zaak, u, {
        "beperkingen_niet_zelf_op_te_heffen": ("ja", reden),
        "cascade_eigen_kracht": ("nee", reden),
        "cascade_gebruikelijke_hulp": ("nee", "Zijn ouders kunnen hem geen veilige plek bieden: de dreiging is in hun buurt."),
    })


def verhaal_casussen() -> list[Casus]:
    # BSN from the 99999xxxx test range (valid elfproef, never issued); 99999406x for the Wmo part of story 10.
    return [
        Casus(110, "Huishouden Fabian (Wmo-opvang)", ("Noordeindseweg", 3, "2651 CW"), [
            Persoon("999994062", "Fabian", "Hoekstra", 18, Relatie.AANVRAGER, Rol.PARTNER),
        ], r.CONSULENT_WMO, _fabian),
    ]
