"""Demo data: one account per role and households modelled on case stories 1, 6 (maatwerk.demo.jeugd), 7, 8, 9,
14 and 17 (with 2 and 5 in maatwerk.demo.wmo) of the third report of the Transitiecommissie Sociaal Domein (2015, seed 004), anonymised as the report has them:
fictional surnames and addresses, BSNs from the 9999xxxxx test range (valid elfproef, never issued).

Everything is created THROUGH the services of the case system (as the demo consulenten), so each zaak
reaches its state by legal steps and the audit log holds a realistic history. Dates are relative to the
day of the first load, so the deadlines are realistic on that day.

Idempotent: a case whose main person (by BSN) already exists is skipped, so a second run keeps the data of
the first run (including whatever a user did with it) and adds nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from maatwerk.demo.gebruikers import DEMO_GEBRUIKERS, DEMO_WACHTWOORD
from maatwerk.personen import services as personen
from maatwerk.personen.models import Inkomenssoort, Inwoner, Relatie, Rol
from maatwerk.toegang import register
from maatwerk.toegang import rollen as r
from maatwerk.toegang.models import Toestemming
from maatwerk.zaken import beoordeling, onderzoek, procedure
from maatwerk.zaken.models import Status, Uitkomst
from maatwerk.zaken.intake import meld_via_intake
from maatwerk.zaken.services import meld_zaak

S = Status
PLAATS = "Berkel en Rodenrijs"


# ------------------------------------------------------------------ accounts


def gebruikers() -> dict[str, object]:
    """One active account per role (username = role name). An existing account is left as it is."""
    User = get_user_model()
    uit = {}
    for rol, _ in DEMO_GEBRUIKERS:
        user, nieuw = User.objects.get_or_create(
            username=rol, defaults={"first_name": "Demo", "last_name": rol.replace("_", " ")}
        )
        if nieuw:
            user.set_password(DEMO_WACHTWOORD)
            user.save()
            user.groups.add(Group.objects.get(name=rol))
        uit[rol] = user
    return uit


# ------------------------------------------------------------------ helpers


def _jaren_geleden(vandaag: dt.date, jaren: int, dagen: int = 0) -> dt.date:
    try:
        d = vandaag.replace(year=vandaag.year - jaren)
    except ValueError:  # 29 February
        d = vandaag.replace(year=vandaag.year - jaren, day=28)
    return d - dt.timedelta(days=dagen)


def _maand(d: dt.date) -> dt.date:
    return d.replace(day=1)


def _vorige_maanden(vandaag: dt.date, aantal: int) -> list[dt.date]:
    maanden, m = [], _maand(vandaag)
    for _ in range(aantal):
        maanden.append(m)
        m = _maand(m - dt.timedelta(days=1))
    return maanden


@dataclass
class Persoon:
    bsn: str
    voornamen: str
    achternaam: str
    leeftijd: int
    relatie: str
    rol: str
    tussenvoegsel: str = ""
    netto_inkomen: Decimal | None = None
    inkomenssoort: str = Inkomenssoort.UITKERING
    inkomen_omschrijving: str = ""
    vermogen: Decimal | None = None
    vermogen_omschrijving: str = ""


@dataclass
class Casus:
    nummer: int
    huishouden: str
    adres: tuple[str, int, str]  # straat, huisnummer, postcode
    personen: list[Persoon]
    consulent: str
    opbouw: Callable  # (context) -> None: the zaken of this case
    extra: dict = field(default_factory=dict)


def _maak_huishouden(c: Casus, consulent, vandaag: dt.date) -> tuple:
    straat, nummer, postcode = c.adres
    inwoners = []
    for i, p in enumerate(c.personen):
        inwoner = personen.registreer_inwoner(
            consulent, bsn=p.bsn, voornamen=p.voornamen, tussenvoegsel=p.tussenvoegsel, achternaam=p.achternaam,
            geboortedatum=_jaren_geleden(vandaag, p.leeftijd, dagen=37 * (i + 1)), straat=straat, huisnummer=nummer,
            postcode=postcode, woonplaats=PLAATS,
        )
        inwoners.append(inwoner)
    hh = personen.maak_huishouden(consulent, naam=c.huishouden, aanvrager=inwoners[0])
    for p, inwoner in zip(c.personen[1:], inwoners[1:]):
        personen.voeg_lid_toe(consulent, hh, inwoner, rol=p.rol, relatie=p.relatie)
    # Income and vermogen belong to the domain Inkomen (purpose binding, issue 7): a Wmo consulent's intake
    # does not record them.
    for p, inwoner in zip(c.personen, inwoners) if "inkomen" in r.domeinen(consulent) else ():
        for maand in _vorige_maanden(vandaag, 3):
            if p.netto_inkomen is not None:
                personen.leg_inkomen_vast(consulent, inwoner, maand=maand, netto_bedrag=p.netto_inkomen,
                                          soort=p.inkomenssoort, omschrijving=p.inkomen_omschrijving)
        if p.vermogen is not None:
            personen.leg_vermogen_vast(consulent, inwoner, maand=_maand(vandaag), bedrag=p.vermogen,
                                       omschrijving=p.vermogen_omschrijving)
    return hh, inwoners


def _stap(zaak, naar, user, datum, **kwargs):
    procedure.voer_uit(zaak, naar, user, datum=datum, **kwargs)
    zaak.refresh_from_db()


def _bevindingen(zaak, user, waarden: dict[str, tuple[str, str]]):
    for criterium, (waarde, motivering) in waarden.items():
        beoordeling.leg_bevinding_vast(zaak, user, criterium=criterium, waarde=waarde, motivering=motivering)


def _maandtekst(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


# ------------------------------------------------------------------ the cases


def _casus_7(ctx) -> None:
    """Pedro: a fresh melding, so a newcomer can walk it through (melding -> ... -> klaar voor besluit)."""
    meld_zaak(
        ctx.consulent, huishouden=ctx.hh, hoofdpersoon=ctx.inwoners[0], regeling="bijzondere_bijstand",
        ontvangen_op=ctx.vandaag - dt.timedelta(days=1), kosten=Decimal("2500.00"),
        omschrijving=(
            "Pedro en zijn gezin vragen bijzondere bijstand voor een boekhouder die de slotbalans van zijn "
            "failliete steigerbouwbedrijf opstelt (€ 2.500). Zonder slotbalans is niet duidelijk hoe hoog de "
            "schuld is (rond een ton) en kan de schuldhulpverlening niet beginnen. Het gezin leeft van € 70 "
            "leefgeld per week. Pedro kan dit werk zelf niet: hij heeft een lichte hersenbeschadiging na een "
            "ongeluk. Het wijkteam heeft geholpen met de aanvraag."
        ),
    )


CHECKLIST_BART = {
    "behoefte": "Bart wil zijn gebit laten herstellen. Hij schaamt zich ervoor bij sollicitaties.",
    "gewenst_resultaat": "Weer kunnen solliciteren zonder schaamte en uitstromen naar werk.",
    "eigen_kracht": "Bart heeft geen geld voor de behandeling; hij zit in de schuldsanering via de stadsbank.",
    "mantelzorg_netwerk": "Zijn netwerk kan niet financieel bijspringen.",
    "ondersteuning_mantelzorger": "Niet van toepassing: er is geen mantelzorger.",
    "algemene_voorzieningen": "De basisverzekering vergoedt geen tandarts voor volwassenen.",
    "maatwerkvoorziening": "Een aanvullende verzekering kan pas als de premieachterstand en de boete zijn betaald.",
    "samenwerking": "Afgestemd met de wijkcoach, de stadsbank en de verslavingskliniek.",
    "levensovertuiging": "Geen bijzonderheden.",
}


def _casus_1(ctx) -> None:
    """Bart: bijzondere bijstand for dental repair, proposed toegekend above the consulent's mandate: it waits
    for the kwaliteitsmedewerker (four eyes)."""
    v, u = ctx.vandaag, ctx.consulent
    zaak = meld_zaak(
        u, huishouden=ctx.hh, hoofdpersoon=ctx.inwoners[0], regeling="bijzondere_bijstand",
        ontvangen_op=v - dt.timedelta(days=40), kosten=Decimal("1850.00"),
        omschrijving=(
            "Bart vraagt bijzondere bijstand voor het herstel van zijn gebit (offerte tandarts € 1.850). Hij "
            "heeft alleen de basisverzekering: zijn aanvullende verzekering is beëindigd door een "
            "premieachterstand uit de tijd van zijn depressie. Volgens Bart kost zijn gebit hem banen."
        ),
    )
    _stap(zaak, S.ONDERZOEK, u, v - dt.timedelta(days=38))
    onderzoek.werk_onderzoek_bij(
        zaak, u, plaats="Gesprek op het gemeentehuis", aanwezigen="Bart de Wit, zijn wijkcoach en de consulent",
        doel_en_procedure_uitgelegd=True, toestemming_gegevensverwerking=True, gewezen_op_clientondersteuning=True,
        identiteitsdocument="rijbewijs", **CHECKLIST_BART,
        zrm_financien=2, zrm_werk_opleiding=2, zrm_huisvesting=3, zrm_verslaving=3, zrm_geestelijke_gezondheid=3,
        zrm_lichamelijke_gezondheid=2, participatieladder=3,
        beschrijving="Bart heeft zich sinds februari herpakt: schulden in beheer, behandeling gestart, actief in "
                     "een re-integratietraject. Het gebit is nu de belemmering om werk te vinden.",
    )
    _stap(zaak, S.AANVRAAG, u, v - dt.timedelta(days=30), via="aanvraagformulier")
    _stap(zaak, S.BEOORDELING, u, v - dt.timedelta(days=28))
    _bevindingen(zaak, u, {
        "bijzondere_omstandigheden": ("ja", "Het gebit is tijdens een depressie met drankgebruik ernstig verwaarloosd; "
                                            "dat is een bijzondere, individuele omstandigheid."),
        "kosten_noodzakelijk": ("ja", "Zonder herstel blijft Bart kansloos bij sollicitaties (verklaring "
                                      "re-integratiecoach); de kosten zijn in zijn situatie noodzakelijk."),
        "kosten_daadwerkelijk_gemaakt": ("ja", "Offerte van de tandarts van € 1.850 ligt in het dossier; de "
                                               "behandeling start na het besluit."),
        "voorliggende_voorziening": ("nee", "De aanvullende verzekering is niet bereikbaar zolang de "
                                            "premieachterstand en de boete openstaan; zij is dus niet passend."),
        "afwijzingsgronden": ("nee", "Het gaat om tandartskosten, niet om een schuld of een andere grond "
                                     "uit artikel 13 of 14."),
        "zeer_dringende_redenen": ("nee", "Er is geen afwijzingsgrond, dus artikel 16 is niet nodig."),
    })
    beoordeling.bereken(zaak, u, maand=_maandtekst(v))
    _stap(zaak, S.KLAAR_VOOR_BESLUIT, u, v - dt.timedelta(days=2), uitkomst=Uitkomst.TOEGEKEND)
    _bezwaar_bart(ctx)


def _bezwaar_bart(ctx) -> None:
    """Issue 8: a bekendgemaakt besluit with a registered bezwaar, ready for the jurist. Bart asked earlier for
    bijzondere bijstand to pay the premium arrears of his supplementary insurance; it was refused (a debt,
    Participatiewet art. 13/14 via the ordinance). His bezwaarschrift arrived on the very day the letter was sent:
    in time (Awb 6:8 lid 1, 6:10 lid 1). The jurist registered it at the bezwaar desk; hearing and deciding are
    left for whoever tries the demo (the letter 'Beslissing op uw bezwaar' is made then)."""
    from maatwerk.besluiten import bezwaar as bezwaren
    from maatwerk.besluiten import services as besluiten
    from maatwerk.besluiten.demo import demo_gemeente
    from maatwerk.besluiten.models import BriefSjabloon, Gemeentegegevens

    if not BriefSjabloon.objects.exists():  # letters cannot be made (a test database without the seeded templates)
        return
    if Gemeentegegevens.huidige() is None:
        demo_gemeente().save()
    v, u = ctx.vandaag, ctx.consulent
    zaak = meld_zaak(
        u, huishouden=ctx.hh, hoofdpersoon=ctx.inwoners[0], regeling="bijzondere_bijstand",
        ontvangen_op=v - dt.timedelta(days=75), kosten=Decimal("640.00"),
        omschrijving="Bart vraagt bijzondere bijstand om de premieachterstand van zijn aanvullende zorgverzekering "
                     "te betalen (€ 640), zodat hij zich weer aanvullend kan verzekeren.",
    )
    _stap(zaak, S.ONDERZOEK, u, v - dt.timedelta(days=73))
    onderzoek.werk_onderzoek_bij(
        zaak, u, plaats="Gesprek op het gemeentehuis", aanwezigen="Bart de Wit en de consulent",
        doel_en_procedure_uitgelegd=True, toestemming_gegevensverwerking=True, gewezen_op_clientondersteuning=True,
        identiteitsdocument="rijbewijs", **CHECKLIST_BART,
        beschrijving="De vraag is een bestaande schuld (premieachterstand) te betalen.",
    )
    _stap(zaak, S.AANVRAAG, u, v - dt.timedelta(days=70), via="aanvraagformulier")
    _stap(zaak, S.BEOORDELING, u, v - dt.timedelta(days=68))
    _bevindingen(zaak, u, {
        "bijzondere_omstandigheden": ("ja", "De achterstand ontstond tijdens een depressie; dat is een bijzondere "
                                            "omstandigheid."),
        "kosten_noodzakelijk": ("ja", "Zonder aanvullende verzekering blijft tandheelkundige zorg onbetaalbaar."),
        "kosten_daadwerkelijk_gemaakt": ("ja", "De nota van de zorgverzekeraar met de achterstand ligt in het dossier."),
        "voorliggende_voorziening": ("nee", "Er is geen voorliggende voorziening voor een premieachterstand."),
        "afwijzingsgronden": ("ja", "Het gaat om een schuld: bijzondere bijstand voor het aflossen van schulden "
                                    "wordt niet verleend."),
        "zeer_dringende_redenen": ("nee", "Er zijn geen zeer dringende redenen: de schuld staat in de "
                                          "schuldsanering en de basisverzekering loopt door."),
    })
    beoordeling.bereken(zaak, u, maand=_maandtekst(v - dt.timedelta(days=68)))
    _stap(zaak, S.KLAAR_VOOR_BESLUIT, u, v - dt.timedelta(days=60), uitkomst=Uitkomst.AFGEWEZEN)
    besluit = besluiten.opstellen(zaak, u)
    besluiten.wijzigen(besluit, u, vervolg="U hoeft niets te doen. Uw schuldhulpverlener kan met u kijken naar een "
                                           "regeling met de zorgverzekeraar.")
    if besluiten.vier_ogen(besluit).vereist:
        besluiten.goedkeuren(besluit, ctx.gebruikers[r.KWALITEITSMEDEWERKER], akkoord=True)
    bekendmaking = v - dt.timedelta(days=10)
    besluiten.vaststellen(besluit, u, datum=bekendmaking)
    besluiten.bekendmaken(besluit, u, datum=bekendmaking)
    bezwaren.registreer_op_kenmerk(
        besluit.kenmerk, ctx.gebruikers[r.JURIST], ontvangen_op=bekendmaking,
        gronden="Ik vraag geen geld voor een schuld maar om weer verzekerd te zijn voor de tandarts. Zonder "
                "aanvullende verzekering kan ik mijn gebit niet laten herstellen en vind ik geen werk.",
    )


def _casus_9(ctx) -> None:
    """Gerard (case story 9, 'CJIB als belemmering'): for Mijn zaken (issue 9, point 5). He asked bijzondere bijstand
    to pay off the CJIB fines of a scooter he no longer had; it was refused (a debt) and the letter was sent three
    days ago, so his bezwaartermijn runs. The report of the conversation is shared with him by that letter
    (loket/mijnzaken.py, rapportage_gedeeld). He logs in at the loket with the mock DigiD (BSN 999990172), reads the
    letter, reacts to the report and can object online (README, "Loket")."""
    from maatwerk.besluiten import services as besluiten
    from maatwerk.besluiten.demo import demo_gemeente
    from maatwerk.besluiten.models import BriefSjabloon, Gemeentegegevens

    if not BriefSjabloon.objects.exists():  # letters cannot be made (a test database without the seeded templates)
        return
    if Gemeentegegevens.huidige() is None:
        demo_gemeente().save()
    v, u = ctx.vandaag, ctx.consulent
    zaak = meld_zaak(
        u, huishouden=ctx.hh, hoofdpersoon=ctx.inwoners[0], regeling="bijzondere_bijstand",
        ontvangen_op=v - dt.timedelta(days=40), kosten=Decimal("2400.00"),
        omschrijving="Gerard vraagt bijzondere bijstand om zijn boetes bij het CJIB af te lossen (€ 2.400). De "
                     "betalingsregeling is zo hoog dat hij niet zelfstandig kan gaan wonen.",
    )
    _stap(zaak, S.ONDERZOEK, u, v - dt.timedelta(days=38))
    onderzoek.werk_onderzoek_bij(
        zaak, u, plaats="Gesprek bij de woonvoorziening", aanwezigen="Gerard Bakker, zijn begeleider en de consulent",
        doel_en_procedure_uitgelegd=True, toestemming_gegevensverwerking=True, gewezen_op_clientondersteuning=True,
        identiteitsdocument="identiteitskaart",
        behoefte="Gerard wil zelfstandig wonen. De betalingsregeling met het CJIB houdt hem tegen.",
        gewenst_resultaat="Zelfstandig wonen en zijn baan houden.",
        eigen_kracht="Gerard werkt als interieurverzorger en betaalt zijn vaste lasten zelf.",
        mantelzorg_netwerk="Zijn begeleider helpt hem met post en geldzaken.",
        zrm_financien=2, zrm_werk_opleiding=4, zrm_huisvesting=3, zrm_verslaving=4, participatieladder=6,
        beschrijving="Gerard doet het goed: hij werkt en is abstinent. De boetes van een oude scooter drukken zwaar.",
    )
    _stap(zaak, S.AANVRAAG, u, v - dt.timedelta(days=30), via="aanvraagformulier")
    _stap(zaak, S.BEOORDELING, u, v - dt.timedelta(days=28))
    _bevindingen(zaak, u, {
        "bijzondere_omstandigheden": ("ja", "De boetes ontstonden in een periode van dakloosheid en verslaving; dat "
                                            "is een bijzondere omstandigheid."),
        "kosten_noodzakelijk": ("ja", "Zonder lagere aflossing kan Gerard niet zelfstandig wonen."),
        "kosten_daadwerkelijk_gemaakt": ("ja", "Het overzicht van het CJIB met de openstaande boetes ligt in het dossier."),
        "voorliggende_voorziening": ("nee", "Er is geen voorliggende voorziening voor boetes."),
        "afwijzingsgronden": ("ja", "Het gaat om een schuld: bijzondere bijstand voor het aflossen van schulden "
                                    "wordt niet verleend."),
        "zeer_dringende_redenen": ("nee", "De gijzeling is afgewend en er loopt een betalingsregeling; er zijn geen "
                                          "zeer dringende redenen."),
    })
    beoordeling.bereken(zaak, u, maand=_maandtekst(v - dt.timedelta(days=28)))
    _stap(zaak, S.KLAAR_VOOR_BESLUIT, u, v - dt.timedelta(days=10), uitkomst=Uitkomst.AFGEWEZEN)
    besluit = besluiten.opstellen(zaak, u)
    besluiten.wijzigen(besluit, u, vervolg="U hoeft niets te doen. Uw begeleider kan met u en het CJIB kijken naar een "
                                           "lagere betalingsregeling. Ook de schuldhulpverlening kan u helpen.")
    if besluiten.vier_ogen(besluit).vereist:
        besluiten.goedkeuren(besluit, ctx.gebruikers[r.KWALITEITSMEDEWERKER], akkoord=True)
    bekendmaking = v - dt.timedelta(days=3)
    besluiten.vaststellen(besluit, u, datum=bekendmaking)
    besluiten.bekendmaken(besluit, u, datum=bekendmaking)


def _casus_8(ctx) -> None:
    """Hadia: an aanvraag without prior onderzoek whose Awb beslistermijn has passed (shows in 'Termijn
    verstreken')."""
    v, u = ctx.vandaag, ctx.consulent
    zaak = meld_zaak(
        u, huishouden=ctx.hh, hoofdpersoon=ctx.inwoners[0], regeling="bijzondere_bijstand",
        ontvangen_op=v - dt.timedelta(days=75), kosten=Decimal("300.00"),
        omschrijving=(
            "Hadia vraagt bijzondere bijstand voor de woonkosten. Sinds haar zoon Mo 21 is, geldt de "
            "kostendelersnorm en is haar uitkering ongeveer € 300 per maand lager. Mo mag niet werken zolang "
            "zijn verblijfsprocedure loopt en kan dus niets bijdragen. Het bezwaar tegen de korting kwam te laat."
        ),
    )
    _stap(zaak, S.AANVRAAG, u, v - dt.timedelta(days=70), via="aanvraagformulier")


CHECKLIST_FLORIS = {
    "behoefte": "Floris wil een eigen plek en structuur in zijn dag; zijn administratie loopt vast.",
    "gewenst_resultaat": "Zelfstandig wonen en de havo-sprint afmaken.",
    "eigen_kracht": "Gemotiveerd voor de opleiding; plannen en geldzaken lukken nog niet zelf.",
    "mantelzorg_netwerk": "Slechte relatie met zijn ouders. Oma betaalt de zorgverzekering en wil € 100 tot € 200 per "
                          "maand bijdragen. Hij woont tijdelijk bij de ouders van een vriend.",
    "ondersteuning_mantelzorger": "De ouders van de vriend hebben aangegeven dat het wonen eindig is.",
    "algemene_voorzieningen": "Jongerenwerker van de welzijnsorganisatie begeleidt hem al een beetje.",
    "maatwerkvoorziening": "Ambulante woonbegeleiding voor structuur, administratie en het voorkomen van overlast.",
    "samenwerking": "Afstemming met het ROC (vavo), de jongerenwerker en de consulent inkomen.",
    "levensovertuiging": "Geen bijzonderheden.",
}


def _casus_17(ctx) -> None:
    """Floris: Wmo begeleiding; onderzoek done, plan drawn up and given, not yet signed."""
    v, u = ctx.vandaag, ctx.consulent
    zaak = meld_zaak(
        u, huishouden=ctx.hh, hoofdpersoon=ctx.inwoners[0], regeling="wmo_maatwerkvoorziening",
        ontvangen_op=v - dt.timedelta(days=30), kosten=Decimal("6000.00"),
        omschrijving=(
            "Floris (21) zoekt woonruimte en hulp bij structuur, administratie en het volhouden van zijn "
            "opleiding (havo-sprint bij het ROC). Hij woont tijdelijk bij de ouders van een vriend. Gevraagd: "
            "begeleiding bij het wonen."
        ),
    )
    _stap(zaak, S.ONDERZOEK, u, v - dt.timedelta(days=28))
    onderzoek.werk_onderzoek_bij(
        zaak, u, plaats="Huisbezoek bij de ouders van zijn vriend", laatste_gesprekdatum=v - dt.timedelta(days=14),
        aanwezigen="Floris Dekker, zijn jongerenwerker en de consulent", doel_en_procedure_uitgelegd=True,
        toestemming_gegevensverwerking=True, gewezen_op_clientondersteuning=True, gewezen_op_eigen_plan=True,
        bijdrage_besproken=True, pgb_besproken=True, identiteitsdocument="identiteitskaart", **CHECKLIST_FLORIS,
        zrm_financien=2, zrm_werk_opleiding=3, zrm_tijdsbesteding=3, zrm_huisvesting=1, zrm_huiselijke_relaties=2,
        zrm_geestelijke_gezondheid=3, zrm_lichamelijke_gezondheid=4, zrm_verslaving=4, zrm_adl_vaardigheden=4,
        zrm_sociaal_netwerk=2, zrm_maatschappelijke_participatie=3, zrm_justitie=3, participatieladder=3,
        beschrijving="Floris zit in een cirkel: zonder woning geen rust, zonder rust geen opleiding, zonder inkomen "
                     "geen woning. Hij is gemotiveerd. Eerst woonruimte en begeleiding, dan de financiën.",
    )
    onderzoek.voeg_clientreactie_toe(
        zaak, u, ontvangen_op=v - dt.timedelta(days=10), bij="onderzoek",
        tekst="Ik wil eerst een eigen kamer. Begeleiding wil ik wel, als die me helpt met mijn geldzaken en "
              "niet alles voor me beslist.",
    )
    _stap(zaak, S.ONDERSTEUNINGSPLAN, u, v - dt.timedelta(days=7))
    onderzoek.stel_plan_op(
        zaak, u, verstrekt_op=v - dt.timedelta(days=5),
        afspraken="1. De gemeente helpt bij het zoeken naar woonruimte.\n2. Floris krijgt ambulante "
                  "woonbegeleiding: twee uur per week, gericht op administratie en dagritme.\n3. Floris blijft naar "
                  "de havo-sprint gaan; de jongerenwerker blijft betrokken.\n4. Over zes maanden bekijken we samen "
                  "hoe het gaat.",
    )


def _casus_14(ctx) -> None:
    """Helena: bijzondere bijstand for furnishing (inkomen, findings half done) and jeugdhulp for her son
    (jeugd, onderzoek). Helena consents that the Jeugd consulent may see her inkomen zaak."""
    v, u, jeugd = ctx.vandaag, ctx.consulent, ctx.gebruikers[r.CONSULENT_JEUGD]
    helena, jayden = ctx.inwoners[0], ctx.inwoners[1]
    bb = meld_zaak(
        u, huishouden=ctx.hh, hoofdpersoon=helena, regeling="bijzondere_bijstand",
        ontvangen_op=v - dt.timedelta(days=20), kosten=Decimal("1200.00"),
        omschrijving=(
            "Helena (23) heeft met haar twee kinderen een eigen woning gekregen, weg uit een onveilige situatie. "
            "Zij vraagt bijzondere bijstand voor de inrichting. De generalist stelt voor de woning zo goedkoop "
            "mogelijk in te richten met tweedehands spullen."
        ),
    )
    _stap(bb, S.ONDERZOEK, u, v - dt.timedelta(days=18))
    onderzoek.werk_onderzoek_bij(
        bb, u, plaats="Gesprek in de nieuwe woning", aanwezigen="Helena Croes, de generalist van het wijkteam en de consulent",
        behoefte="Een bed, kasten, een tafel met stoelen en een wasmachine.",
        gewenst_resultaat="Een veilige en ingerichte woning voor haar en de kinderen.",
        eigen_kracht="Helena heeft schulden en staat onder bewind; sparen lukt niet.",
        participatieladder=4, zrm_huisvesting=3, zrm_financien=2, zrm_huiselijke_relaties=3,
    )
    _stap(bb, S.AANVRAAG, u, v - dt.timedelta(days=15), via="aanvraagformulier")
    _stap(bb, S.BEOORDELING, u, v - dt.timedelta(days=12))
    _bevindingen(bb, u, {
        "bijzondere_omstandigheden": ("ja", "Verhuizing uit een onveilige woonsituatie op advies van Jeugdzorg; "
                                            "er was geen inboedel."),
        "kosten_noodzakelijk": ("ja", "Zonder basisinrichting kunnen de kinderen niet veilig in de woning wonen."),
        "kosten_daadwerkelijk_gemaakt": ("ja", "Er is een lijst met prijzen van de kringloopwinkel ingeleverd."),
    })
    # The household is known to Inkomen only: the consulent Jeugd comes in through the intake route (issue 7),
    # with Jayden's BSN and geboortedatum and a reason; Inkomen sees a signal, not the content.
    zaak = meld_via_intake(
        jeugd, bsn=jayden.bsn, geboortedatum=jayden.geboortedatum, regeling="jeugdhulp",
        ontvangen_op=v - dt.timedelta(days=14),
        reden="Helena meldt zich met Jayden bij het wijkteam, verwezen door de intern begeleider van school.",
        omschrijving=(
            "Helena vraagt hulp voor haar zoon Jayden (7), die onrustig is na wat hij heeft meegemaakt, en "
            "opvoedondersteuning voor haarzelf na de verhuizing."
        ),
    )
    _stap(zaak, S.ONDERZOEK, jeugd, v - dt.timedelta(days=9))
    onderzoek.werk_onderzoek_bij(
        zaak, jeugd, plaats="Gesprek op school en thuis", aanwezigen="Helena Croes, de intern begeleider en de consulent jeugd",
        behoefte="Rust en veiligheid voor Jayden; handvatten voor Helena.",
        gewenst_resultaat="Jayden slaapt weer en gaat graag naar school.",
    )
    # Recorded by the consulent Inkomen (the data's domain), never by the recipient; signed by Helena (issue 7).
    register.leg_toestemming_vast(
        u, helena, ontvanger="jeugd", domein="inkomen", vorm=Toestemming.Vorm.SCHRIFTELIJK,
        bron=Toestemming.Bron.ONDERTEKEND, documentkenmerk="TOE-2026-014",
        geldig_vanaf=v - dt.timedelta(days=9), geldig_tot=v - dt.timedelta(days=9) + dt.timedelta(days=365),
        doel="Afstemmen van de jeugdhulp met de aanvraag voor de inrichting van de woning: één gezin, één plan.",
    )
    from maatwerk.demo.jeugd import casus_14_jeugd

    casus_14_jeugd(ctx)  # Shanice: opvoedondersteuning within the 5:2 limit, no beschikking (issue 10)


@dataclass
class _Context:
    vandaag: dt.date
    consulent: object
    gebruikers: dict
    hh: object = None
    inwoners: list = field(default_factory=list)


def _jeugd_casussen() -> list[Casus]:
    from maatwerk.demo.jeugd import casussen as jeugd_casussen

    return jeugd_casussen()


def casussen() -> list[Casus]:
    P, R = Relatie, Rol
    return [
        Casus(7, "Huishouden Verhoef", ("Klaproosstraat", 14, "2651 XK"), [
            Persoon("999990019", "Pedro", "Verhoef", 46, P.AANVRAGER, R.PARTNER, netto_inkomen=Decimal("1480.00"),
                    inkomen_omschrijving="Participatiewet-uitkering", vermogen=Decimal("-98000.00"),
                    vermogen_omschrijving="Schulden uit het failliete steigerbouwbedrijf (schatting)"),
            Persoon("999990032", "Rosa", "Verhoef", 44, P.PARTNER, R.PARTNER, netto_inkomen=Decimal("0.00"),
                    inkomenssoort=Inkomenssoort.OVERIG, inkomen_omschrijving="Geen eigen inkomen", vermogen=Decimal("0.00")),
            Persoon("999990044", "Eva", "Verhoef", 19, P.KIND, R.MEDEBEWONER, netto_inkomen=Decimal("0.00"),
                    inkomenssoort=Inkomenssoort.OVERIG, inkomen_omschrijving="Scholier, geen inkomen"),
            Persoon("999990056", "Lotte", "Verhoef", 8, P.KIND, R.KIND),
        ], r.CONSULENT_INKOMEN, _casus_7),
        Casus(1, "Huishouden De Wit", ("Rozenlaan", 3, "2652 BD"), [
            Persoon("999990068", "Bart", "Wit", 43, P.AANVRAGER, R.PARTNER, tussenvoegsel="de",
                    netto_inkomen=Decimal("1310.00"), inkomen_omschrijving="Participatiewet-uitkering",
                    vermogen=Decimal("-25000.00"), vermogen_omschrijving="Restschuld verkochte woning (in schuldsanering)"),
        ], r.CONSULENT_INKOMEN, _casus_1),
        Casus(8, "Huishouden Amrani", ("Tulpstraat", 27, "2651 CL"), [
            Persoon("999990081", "Hadia", "Amrani", 52, P.AANVRAGER, R.PARTNER, netto_inkomen=Decimal("1080.00"),
                    inkomen_omschrijving="Participatiewet-uitkering (kostendelersnorm)", vermogen=Decimal("0.00")),
            Persoon("999990093", "Mo", "Amrani", 21, P.KIND, R.MEDEBEWONER, netto_inkomen=Decimal("0.00"),
                    inkomenssoort=Inkomenssoort.OVERIG, inkomen_omschrijving="Mag niet werken (verblijfsprocedure)"),
            Persoon("999990111", "Nadia", "Amrani", 16, P.KIND, R.KIND),
            Persoon("999990123", "Samira", "Amrani", 13, P.KIND, R.KIND),
        ], r.CONSULENT_INKOMEN, _casus_8),
        Casus(14, "Huishouden Croes", ("Lavendelhof", 8, "2652 HK"), [
            Persoon("999990135", "Helena", "Croes", 23, P.AANVRAGER, R.PARTNER, netto_inkomen=Decimal("1150.00"),
                    inkomen_omschrijving="Loon werkervaringsplek en toeslagen", vermogen=Decimal("-4200.00"),
                    vermogen_omschrijving="Schulden (onder bewind)"),
            Persoon("999990147", "Jayden", "Croes", 7, P.KIND, R.KIND),
            Persoon("999990159", "Shanice", "Croes", 5, P.KIND, R.KIND),
        ], r.CONSULENT_INKOMEN, _casus_14),
        Casus(9, "Huishouden Bakker", ("Waterlelie", 21, "2651 ME"), [
            Persoon("999990172", "Gerard", "Bakker", 48, P.AANVRAGER, R.PARTNER, netto_inkomen=Decimal("1650.00"),
                    inkomenssoort=Inkomenssoort.LOON, inkomen_omschrijving="Loon als interieurverzorger",
                    vermogen=Decimal("-2400.00"), vermogen_omschrijving="Boetes CJIB (betalingsregeling)"),
        ], r.CONSULENT_INKOMEN, _casus_9),
        Casus(17, "Huishouden Dekker", ("Berkelseweg", 102, "2651 AZ"), [
            Persoon("999990160", "Floris", "Dekker", 21, P.AANVRAGER, R.PARTNER, netto_inkomen=Decimal("375.00"),
                    inkomenssoort=Inkomenssoort.OVERIG, inkomen_omschrijving="Tegemoetkoming studiekosten DUO",
                    vermogen=Decimal("0.00")),
        ], r.CONSULENT_WMO, _casus_17),
        *_wmo_casussen(),
        *_jeugd_casussen(),  # case 6 (GP route, pgb): maatwerk.demo.jeugd
    ]


def _wmo_casussen() -> list[Casus]:
    # The Wmo cases of issue 10 (cascade, pgb, eigen bijdrage) live in their own module.
    from maatwerk.demo.wmo import wmo_casussen

    return wmo_casussen()


def laad_demogegevens(vandaag: dt.date | None = None, *, archief: bool = True) -> dict:
    """Load the accounts and the cases that are not there yet. Returns {"nieuw": [...], "bestond": [...],
    "samenvatting": str}. `archief=False` leaves out the monitor's archive zaken (each goes through the whole flow
    with its letter, the slowest part of loading); only tests of pages that do not show the monitor use it."""
    vandaag = vandaag or timezone.localdate()
    nieuw, bestond = [], []
    with transaction.atomic():
        users = gebruikers()
        from maatwerk.iwmo.demo import laad as laad_aanbieders

        laad_aanbieders()  # providers, products and tariffs (issue 10; illustrative)
        for c in casussen():
            if Inwoner.objects.filter(bsn=c.personen[0].bsn).exists():
                bestond.append(c.nummer)
                continue
            ctx = _Context(vandaag=vandaag, consulent=users[c.consulent], gebruikers=users)
            ctx.hh, ctx.inwoners = _maak_huishouden(c, ctx.consulent, vandaag)
            c.opbouw(ctx)
            nieuw.append(c.nummer)
        from maatwerk.handhaving.demo import laad as laad_handhaving  # issue 11: enforcement (its own module)

        laad_handhaving(users, vandaag)
        from maatwerk.ambtshalve.demo import laad as laad_ambtshalve  # issue 12 point 4 (its own module)

        laad_ambtshalve(users["consulent_inkomen"], vandaag)
        from maatwerk.monitor.demo import laad as laad_monitor  # issue 12, point 5: figures above 5 (own module)

        laad_monitor(users, vandaag, archief=archief)
        from maatwerk.adviesraad.demo import laad as laad_adviesraad  # issue 12, point 6 (its own module)

        laad_adviesraad(users, vandaag)
        from maatwerk.regie.demo import laad as laad_regie  # issue 12, point 7: a stalled household escalates

        laad_regie(users, vandaag, DEMO_WACHTWOORD)
    if nieuw and not bestond:
        samenvatting = f"geladen: casussen {', '.join(map(str, sorted(nieuw)))}"
    elif nieuw:
        samenvatting = (f"aangevuld: casussen {', '.join(map(str, sorted(nieuw)))}; al aanwezig en ongewijzigd: "
                        f"{', '.join(map(str, sorted(bestond)))}")
    else:
        samenvatting = "al aanwezig; niets gewijzigd (uw eerdere demogegevens blijven bewaard)"
    return {"nieuw": sorted(nieuw), "bestond": sorted(bestond), "samenvatting": samenvatting}
