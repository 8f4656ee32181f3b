"""Demo case story 6 of seed 004 ("Wie is verantwoordelijk — geen regisseur, wel een rekening", lines 2160-2267),
as far as the Jeugd rules reach (issue 10 point 9).

Sandra's son Tim (16) was sent home from school. Through her huisarts Sandra arranged a referral to a programme
in the Ardennes (€ 32.000); the wijkteam knew nothing and "omdat in de jeugdwet ook de huisarts bevoegd is om een
indicatie af te geven, kan het wijkteam het traject niet tegenhouden". In Maatwerk: the referral comes in as a
zaak on the GP route (Verordening art. 5:3, Jeugdwet art. 2.6 lid 1 onder g); the college records who referred,
when and for what, and the aanbieder's judgement, and does not weigh the 5:4 cascade; the amount exceeds the
consulent's mandate, so a second person looks at it before the besluit (the "regisseur" the story misses).
Afterwards Sandra and the generalist find a coach: a second zaak through the college's own route (5:4), as a pgb
(5:6) computed by the Regelkern. The coach's figures (natura cost price, begroting) are facts of this fictional
case, not rules: the story names no amount for the coach.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from maatwerk import formaat
from maatwerk.personen.models import Relatie, Rol
from maatwerk.toegang import rollen as r
from maatwerk.zaken import jeugd as jeugd_service
from maatwerk.zaken.models import Status as S
from maatwerk.zaken.services import meld_zaak


def _casus_6(ctx) -> None:
    from maatwerk.demo.gegevens import _bevindingen, _maandtekst, _stap

    v, jeugd = ctx.vandaag, ctx.consulent
    tim = ctx.inwoners[1]
    verwezen_op = v - dt.timedelta(days=24)
    traject = meld_zaak(
        jeugd, huishouden=ctx.hh, hoofdpersoon=tim, regeling="jeugdhulp", ontvangen_op=v - dt.timedelta(days=21),
        omschrijving=(
            "De huisarts heeft Tim verwezen naar een traject in de Ardennen. De zorginstelling vraagt waar de "
            "rekening van € 32.000 naartoe moet. Het wijkteam kende het gezin nog niet."
        ),
    )
    _stap(traject, S.AANVRAAG, jeugd, v - dt.timedelta(days=20))
    _stap(traject, S.BEOORDELING, jeugd, v - dt.timedelta(days=19))
    _bevindingen(traject, jeugd, {
        "verwijzing_arts": ("ja", f"De huisarts verwees Tim op {formaat.datum(verwezen_op)} "
                                  "naar de zorginstelling voor een traject in de Ardennen; hulpvraag: gedrag, thuis zonder school."),
        "aanbieder_oordeelt_jeugdhulp_nodig": ("ja", "De zorginstelling vindt het traject nodig: drie maanden verblijf "
                                                     "met begeleiding, start 1 april."),
        "pgb_gewenst": ("nee", "Sandra wil dat de zorginstelling de hulp levert en de rekening naar de gemeente stuurt."),
    })
    # € 32.000 is above the consulent's mandate (mandaattabel, € 10.000 per year): a second person decides along.
    _stap(traject, S.KLAAR_VOOR_BESLUIT, jeugd, v - dt.timedelta(days=14), uitkomst="toegekend",
          bedrag=Decimal("32000.00"))

    coach = meld_zaak(
        jeugd, huishouden=ctx.hh, hoofdpersoon=tim, regeling="jeugdhulp", ontvangen_op=v - dt.timedelta(days=6),
        omschrijving="Sandra en de generalist zoeken samen een coach die met Tim sport en hem begeleidt.",
    )
    _stap(coach, S.AANVRAAG, jeugd, v - dt.timedelta(days=5))
    _stap(coach, S.BEOORDELING, jeugd, v - dt.timedelta(days=4))
    _bevindingen(coach, jeugd, {
        "verwijzing_arts": ("nee", "Sandra meldde zich met de generalist van het wijkteam; er is geen nieuwe verwijzing."),
        "oplossing_eigen_kracht_of_omgeving": ("nee", "Sandra krijgt geen gezag over Tim; familie kan hem niet begeleiden."),
        "oplossing_overige_of_voorliggende_voorziening": ("nee", "School en leerplicht bieden geen begeleiding nu Tim thuis zit."),
        "pgb_gewenst": ("ja", "Sandra heeft zelf een coach gevonden en wil die met een pgb betalen."),
        "pgb_in_staat_tot_beheer": ("ja", "Sandra kan een pgb beheren; de generalist helpt met het budgetplan."),
        "pgb_natura_niet_passend": ("ja", "Tim weigert de gecontracteerde aanbieders; met deze coach wil hij sporten."),
        "jeugd_pgb_kwaliteit_gewaarborgd": ("ja", "De coach is geregistreerd jeugdhulpverlener en werkt met een plan met doelen."),
        "pgb_sociaal_netwerk": ("ja", "De coach hoort niet tot het netwerk van het gezin; lid 5 is niet van toepassing."),
    })
    jeugd_service.bereken_pgb(coach, jeugd, maand=_maandtekst(v), hulpverlener="formeel",
                              natura_kostprijs=Decimal("1200.00"), begroting=Decimal("950.00"))


def _casus_10(ctx) -> None:
    """Seed 004, story 10 ("Met spoed naar een andere gemeente", lines 2600-2660), the Jeugd part.

    Fabian (17) is under jeugdreclassering; his life is threatened, and on a Friday afternoon the wijkteam places him
    with the Leger des Heils in another municipality, a provider without a contract; the wethouder agrees to the
    cost. In Maatwerk: no referral by a doctor (the jeugdreclassering is not on the list of 5:3), so the college's
    own route (5:4 a and b, both answered); the asked help (verblijf) is not vrij toegankelijk (5:2: it is an
    individuele voorziening); the non-contracted provider rests on the hardheidsclausule (5:12) with the reason; the
    estimated cost is above the consulent's mandate, so a second person decides along. Not modelled: who pays
    after Fabian turns 18 (woonplaatsbeginsel, Jeugdwet art. 1.1 and Wmo 2015): the rules stop at the Jeugdwet.
    """
    from maatwerk.demo.gegevens import _bevindingen, _stap
    from maatwerk.zaken import beoordeling, jeugd_vrije_toegang

    v, jeugd = ctx.vandaag, ctx.consulent
    fabian = ctx.inwoners[1]
    zaak = meld_zaak(
        jeugd, huishouden=ctx.hh, hoofdpersoon=fabian, regeling="jeugdhulp", ontvangen_op=v - dt.timedelta(days=10),
        omschrijving=(
            "Fabian (17) is in levensgevaar na een conflict met de vader van zijn ex-vriendin. Politie en "
            "hulpverleners willen dat hij nog voor het weekend in een andere gemeente woont, met begeleiding."
        ),
    )
    jeugd_vrije_toegang.leg_vrije_toegang_vast(
        zaak, jeugd, vorm="andere_individuele_voorziening",
        toelichting="Verblijf met begeleiding bij het Leger des Heils in een andere gemeente.")
    _stap(zaak, S.AANVRAAG, jeugd, v - dt.timedelta(days=10))
    _stap(zaak, S.BEOORDELING, jeugd, v - dt.timedelta(days=9))
    _bevindingen(zaak, jeugd, {
        "verwijzing_arts": ("nee", "Geen verwijzing door een arts. De jeugdreclassering en de politie meldden de "
                                   "dreiging; het wijkteam zocht zelf een plek."),
        "oplossing_eigen_kracht_of_omgeving": ("nee", "Fabian kan niet bij zijn ouders blijven: de dreiging is daar reëel."),
        "oplossing_overige_of_voorliggende_voorziening": ("nee", "Geen opvang in de eigen gemeente is veilig genoeg."),
        "pgb_gewenst": ("nee", "Fabian en zijn moeder willen dat de gemeente de plek regelt."),
    })
    beoordeling.leg_afwijking_vast(
        zaak, jeugd, soort="hardheidsclausule",
        reden=("Het Leger des Heils in gemeente F. is geen gecontracteerde aanbieder. Wachten op een plek bij een "
               "gecontracteerde aanbieder brengt Fabian in levensgevaar. De wethouder stemde in met de kosten."))
    # Verblijf for some months: an estimate above the consulent's mandate, so a second person decides along.
    _stap(zaak, S.KLAAR_VOOR_BESLUIT, jeugd, v - dt.timedelta(days=7), uitkomst="toegekend", bedrag=Decimal("24000.00"))


def casus_14_jeugd(ctx) -> None:
    """Seed 004, story 14 ("Problemen op alle leefgebieden aanpakken", lines 3108-3180), the Jeugd part beside
    Jayden's zaak (`demo.gegevens._casus_14`): after the move Helena asks opvoedondersteuning for Shanice (5) and
    herself, four conversations with the wijkteam. That is ambulante jeugd- en opvoedhulp within the ordinance's
    limit of five contacts (5:2 lid 1 onder b): vrij toegankelijk, no beschikking, the zaak closes with that outcome."""
    from maatwerk.zaken import jeugd_vrije_toegang
    from maatwerk.zaken.intake import meld_via_intake

    v, jeugd = ctx.vandaag, ctx.gebruikers[r.CONSULENT_JEUGD]
    shanice = ctx.inwoners[2]
    zaak = meld_via_intake(
        jeugd, bsn=shanice.bsn, geboortedatum=shanice.geboortedatum, regeling="jeugdhulp",
        ontvangen_op=v - dt.timedelta(days=8),
        reden="Helena vraagt na de verhuizing opvoedondersteuning voor Shanice en voor haarzelf.",
        omschrijving="Vier gesprekken met het wijkteam over rust en regelmaat voor Shanice (5) in het nieuwe huis.",
    )
    jeugd_vrije_toegang.leg_vrije_toegang_vast(
        zaak, jeugd, vorm="ambulante_jeugd_en_opvoedhulp", contactmomenten=4,
        toelichting="Vier gesprekken opvoedondersteuning met de generalist van het wijkteam.")


def casussen() -> list:
    from maatwerk.demo.gegevens import Casus, Persoon

    P, R = Relatie, Rol
    return [
        Casus(6, "Huishouden Bos", ("Anemoonstraat", 5, "2652 CT"), [
            Persoon("999990603", "Sandra", "Bos", 45, P.AANVRAGER, R.PARTNER),
            Persoon("999990615", "Tim", "Bos", 16, P.KIND, R.KIND),
        ], r.CONSULENT_JEUGD, _casus_6),
        Casus(10, "Huishouden Hendriks", ("Meidoornlaan", 40, "2651 RT"), [
            Persoon("999991000", "Marja", "Hendriks", 46, P.AANVRAGER, R.PARTNER),
            Persoon("999991012", "Fabian", "Hendriks", 17, P.KIND, R.KIND),
        ], r.CONSULENT_JEUGD, _casus_10),
    ]
