"""Wmo demo cases (issue 10): the cascade of artikel 4:3 lid 3, the pgb (4:7, 4:8) and the eigen bijdrage (4:9)
as far as the rules reach, modelled on the case stories of seed 004 that concern the Wmo, plus the 'done when' case.

- "Van Dijk" (not a story of seed 004; the issue's done-when): huishoudelijke ondersteuning as a pgb with
  informal help by the neighbour, through the cascade to a concept besluit with the computed pgb and eigen bijdrage.
- Story 2 ("Geen grondslag voor financiering"): Patricia and Michel, parents-to-be with a mild intellectual
  disability; begeleiding in natura. Step g of the cascade (andere voorzieningen: Zvw, Wlz) is recorded "nee"
  because the zorgkantoor and the CIZ refused; the eigen bijdrage is computed, the zaak waits in beoordeling
  (the amount is far above the consulent's mandate).
- Story 5 ("Overgangsrecht verstopt voorziening"): Dennis in beschermd wonen; the first cascade steps are recorded
  and the bijdrage shows that for beschermd wonen the aanbieder sets and collects it (artikel 4:9, vijfde lid).

- "Verbeek" (`demo/wmo_natura.py`): the natura variant of the done-when household, with its 301 and a 305/306.

- Story 10's Wmo part (Fabian's opvang after 18, at a provider without a contract): `demo/wmo_verhalen.py`.

The other Wmo-related stories reach beyond these rules (story 6 is Jeugd; 14 is about a housing urgency, see
`demo/wmo_verhalen.py`; 17 is in the general demo already, at its ondersteuningsplan).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from maatwerk.demo.gegevens import Casus, Persoon, _bevindingen, _maandtekst, _stap
from maatwerk.personen.models import Relatie, Rol
from maatwerk.toegang import rollen as r
from maatwerk.zaken import beoordeling, onderzoek
from maatwerk.zaken.models import CHECKLIST, Status
from maatwerk.zaken.regelingen import REGELINGEN
from maatwerk.zaken.services import meld_zaak
from maatwerk.zaken.wmo_berekening import bereken_wmo
from maatwerk.zaken.wmo_criteria import GUNSTIG

S = Status
WMO = REGELINGEN["wmo_maatwerkvoorziening"]


def _naar_beoordeling(zaak, u, v: dt.date, checklist: dict, afspraken: str):
    """melding -> onderzoek -> ondersteuningsplan (signed: the aanvraag, Vo art. 2:5) -> beoordeling."""
    _stap(zaak, S.ONDERZOEK, u, v - dt.timedelta(days=24))
    onderzoek.werk_onderzoek_bij(zaak, u, **{veld: checklist.get(veld, "Besproken, geen bijzonderheden.")
                                             for veld in CHECKLIST})
    _stap(zaak, S.ONDERSTEUNINGSPLAN, u, v - dt.timedelta(days=20))
    onderzoek.stel_plan_op(zaak, u, afspraken=afspraken, ondertekend_op=v - dt.timedelta(days=18))
    _stap(zaak, S.AANVRAAG, u, v - dt.timedelta(days=18), via="ondertekend_plan")
    _stap(zaak, S.BEOORDELING, u, v - dt.timedelta(days=17))


def _overige_gunstig(zaak, u, reden: str, *, behalve=(), waarden: dict | None = None):
    """The remaining asked criteria in their order, with the answer under which nothing stands in the way."""
    waarden = dict(waarden or {})
    for c in WMO.criteria:
        if c.vervallen or c.code in behalve:
            continue
        huidige = beoordeling.huidige_waarden(zaak)
        if c.code in huidige or not c.nodig_bij(huidige):
            continue
        waarde, motivering = waarden.get(c.code, (GUNSTIG[c.code], reden))
        _bevindingen(zaak, u, {c.code: (waarde, motivering)})


def _van_dijk(ctx) -> None:
    """The done-when: huishoudelijke ondersteuning as a pgb with informal help, to a concept besluit."""
    from maatwerk.besluiten import services as besluiten

    v, u = ctx.vandaag, ctx.consulent
    zaak = meld_zaak(
        u, huishouden=ctx.hh, hoofdpersoon=ctx.inwoners[0], regeling="wmo_maatwerkvoorziening",
        ontvangen_op=v - dt.timedelta(days=28),
        omschrijving="Mevrouw Van Dijk (79) kan na een heupoperatie haar huis niet meer schoonhouden. Haar buurvrouw "
                     "wil dat doen; mevrouw vraagt een pgb om haar te betalen.",
    )
    _naar_beoordeling(zaak, u, v, {
        "behoefte": "Hulp bij het schoonhouden van de woning (zwaar huishoudelijk werk).",
        "gewenst_resultaat": "Een schoon en leefbaar huis.",
        "eigen_kracht": "Licht werk lukt; stofzuigen, dweilen en het bed verschonen niet meer.",
        "mantelzorg_netwerk": "Geen partner; de kinderen wonen ver weg. De buurvrouw helpt graag, tegen betaling.",
        "maatwerkvoorziening": "Huishoudelijke ondersteuning, 3 uur per week, als pgb voor de buurvrouw.",
    }, "Huishoudelijke ondersteuning 3 uur per week door de buurvrouw, betaald uit een pgb.")
    reden = "Besproken bij het huisbezoek; bevestigd door de brief van de orthopeed en het ondersteuningsplan."
    _bevindingen(zaak, u, {"beperkingen_niet_zelf_op_te_heffen": ("ja", reden)})
    for stap in (c for c in WMO.criteria if c.cascade):
        _bevindingen(zaak, u, {stap.code: ("nee", reden)})
    _overige_gunstig(zaak, u, reden, waarden={"vorm_pgb": ("ja", "Mevrouw wil de hulp van haar buurvrouw zelf regelen.")})
    maand = v.replace(day=1) + dt.timedelta(days=32)
    bereken_wmo(zaak, u, maand=_maandtekst(maand), pgb_soort="huishoudelijke_ondersteuning_informeel",
                natura_kostprijs=Decimal("400.00"), kostprijs=Decimal("400.00"), voorziening="doorlopend",
                omschrijving="hulp bij het huishouden", omvang="3 uur per week", ingangsdatum=maand.replace(day=1),
                einddatum=maand.replace(day=1).replace(year=maand.year + 1) - dt.timedelta(days=1))
    _stap(zaak, S.KLAAR_VOOR_BESLUIT, u, v - dt.timedelta(days=3), uitkomst="toegekend")
    besluit = besluiten.opstellen(zaak, u)
    besluiten.wijzigen(besluit, u, beoogd_resultaat="U woont in een schoon huis.",
                       vervolg="U kunt de hulp van uw buurvrouw betalen uit het pgb.")


def _casus_2(ctx) -> None:
    """Patricia and Michel: begeleiding in natura; the cascade up to g, the eigen bijdrage computed."""
    v, u = ctx.vandaag, ctx.consulent
    zaak = meld_zaak(
        u, huishouden=ctx.hh, hoofdpersoon=ctx.inwoners[0], regeling="wmo_maatwerkvoorziening",
        ontvangen_op=v - dt.timedelta(days=30), kosten=Decimal("37000.00"),
        omschrijving="Patricia (18) en Michel (19) verwachten een kind. De verloskundige en Veilig Thuis vragen "
                     "intensieve begeleiding bij het ouderschap (gemiddeld 16 uur per week, een half jaar).",
    )
    _naar_beoordeling(zaak, u, v, {
        "behoefte": "Training en begeleiding bij het ouderschap; zij wonen zelfstandig in een trainingswoning.",
        "gewenst_resultaat": "‘Goed genoeg’ ouderschap, zodat het kind veilig bij hen kan opgroeien.",
        "samenwerking": "Verloskundige, Veilig Thuis, het expertisecentrum; zorgkantoor en CIZ zijn gevraagd.",
    }, "Zes maanden begeleiding en training bij de zorgaanbieder, daarna samen bekijken hoe het gaat.")
    reden = "Besproken met Patricia, Michel, de verloskundige en Veilig Thuis; zie het verslag van de screening."
    _bevindingen(zaak, u, {"beperkingen_niet_zelf_op_te_heffen": ("ja", reden)})
    for stap in (c for c in WMO.criteria if c.cascade and c.cascade != "g"):
        _bevindingen(zaak, u, {stap.code: ("nee", reden)})
    _bevindingen(zaak, u, {"cascade_andere_voorziening": (
        "nee", "Het zorgkantoor en het CIZ wijzen financiering uit de Zvw en de Wlz af: de begeleiding is Wmo-zorg.")})
    bereken_wmo(zaak, u, maand=_maandtekst(v), voorziening="doorlopend", kostprijs=Decimal("6166.67"),
                natura_kostprijs=Decimal("6166.67"), omschrijving="begeleiding bij het ouderschap",
                omvang="gemiddeld 16 uur per week", ingangsdatum=v, einddatum=v + dt.timedelta(days=182))


def _casus_5(ctx) -> None:
    """Dennis: beschermd wonen; the bijdrage is the aanbieder's (art. 4:9 lid 5); the first steps recorded."""
    v, u = ctx.vandaag, ctx.consulent
    zaak = meld_zaak(
        u, huishouden=ctx.hh, hoofdpersoon=ctx.inwoners[0], regeling="wmo_maatwerkvoorziening",
        ontvangen_op=v - dt.timedelta(days=30),
        omschrijving="Dennis (25) woont in een voorziening beschermd wonen. De instelling vraagt begeleiding naar "
                     "zelfstandig wonen; Dennis en zijn ouders willen liever dat hij blijft waar hij woont.",
    )
    _naar_beoordeling(zaak, u, v, {
        "behoefte": "Een volgende stap richting zelfstandig wonen, of blijven in beschermd wonen.",
        "gewenst_resultaat": "Dennis woont veilig en zo zelfstandig als hij kan.",
    }, "Beschermd wonen loopt door; over drie maanden een gesprek met Dennis en zijn ouders over de volgende stap.")
    reden = "Besproken met Dennis, zijn ouders en zijn begeleider van de instelling."
    _bevindingen(zaak, u, {"beperkingen_niet_zelf_op_te_heffen": ("ja", reden),
                           "cascade_eigen_kracht": ("nee", reden), "cascade_gebruikelijke_hulp": ("nee", reden)})
    bereken_wmo(zaak, u, maand=_maandtekst(v), voorziening="beschermd_wonen", natura_kostprijs=Decimal("4200.00"),
                omschrijving="beschermd wonen met begeleiding")


# BSNs from the 99999xxxx test range (valid elfproef, never issued); 9999940xx for the Wmo cases.
def wmo_casussen() -> list[Casus]:
    P, R = Relatie, Rol
    return [
        Casus(102, "Huishouden Van Dijk", ("Irisstraat", 5, "2651 DK"), [
            Persoon("999994001", "Johanna", "Dijk", 79, P.AANVRAGER, R.PARTNER, tussenvoegsel="van"),
        ], r.CONSULENT_WMO, _van_dijk),
        Casus(2, "Huishouden Patricia en Michel", ("Goudsbloemstraat", 11, "2652 GM"), [
            Persoon("999994013", "Patricia", "Smit", 18, P.AANVRAGER, R.PARTNER),
            Persoon("999994025", "Michel", "Bos", 19, P.PARTNER, R.PARTNER),
        ], r.CONSULENT_WMO, _casus_2),
        Casus(5, "Huishouden Meijer", ("Oudeland", 40, "2651 BW"), [
            Persoon("999994037", "Dennis", "Meijer", 25, P.AANVRAGER, R.PARTNER),
        ], r.CONSULENT_WMO, _casus_5),
        *_natura_casussen(),
    ]


def _natura_casussen() -> list[Casus]:
    # The natura variant with its 301 and 305 (issue 10 points 6 and 7) lives in its own module.
    from maatwerk.demo.wmo_natura import natura_casussen
    from maatwerk.demo.wmo_verhalen import verhaal_casussen  # the Wmo part of seed 004 story 10

    return [*natura_casussen(), *verhaal_casussen()]
