"""The data the fuzzer works on: real objects in every state an API operation can meet, made through the
services (so access rules, procedure and audit are the real ones), and a token per role via /api/v1/token/."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import Group, User
from django.test import Client

from maatwerk.zaken.wmo_criteria import GUNSTIG
from maatwerk.besluiten import bezwaar, services as besluiten
from maatwerk.personen import services as personen
from maatwerk.zaken import beoordeling, onderzoek, procedure
from maatwerk.zaken.models import CHECKLIST, Status
from maatwerk.zaken.services import meld_zaak

# The roles the fuzzer works as: the consulent who owns the objects, and the beheerder (audit, templates).
ROLLEN = ["consulent_wmo", "beheerder"]
WACHTWOORD = "fuzz-wachtwoord-lang-genoeg-123"
D = dt.date

WMO_NATURA = dict(
    vorm="natura", voorziening="hulp bij het huishouden", beoogd_resultaat="U woont in een schoon huis.",
    ingangsdatum=D(2026, 2, 1), einddatum=D(2027, 1, 31), omvang="3 uur per week",
    bijdrage_verschuldigd=True, bijdrage_toelichting="Het CAK stuurt u daarvoor een rekening.",
    vervolg="De zorgaanbieder belt u binnen twee weken.",
)


@dataclass
class Wereld:
    """Ids of the objects per kind (path parameters and id fields draw from these) and the auth header."""

    headers: dict[str, dict[str, str]]
    ids: dict[str, list[int]] = field(default_factory=dict)
    codes: list[str] = field(default_factory=list)


def bsn(nummer: int) -> str:
    for n in range(nummer, nummer + 100):
        basis = f"{10_000_000 + n % 89_999_999:08d}"
        controle = sum(int(c) * w for c, w in zip(basis, range(9, 1, -1))) % 11
        if controle < 10:
            return basis + str(controle)
    raise AssertionError


def gebruiker(naam: str, rol: str) -> User:
    user = User.objects.create_user(naam, password=WACHTWOORD)
    user.groups.add(Group.objects.get(name=rol))
    return user


def token(naam: str) -> dict[str, str]:
    """A token through the public contract (POST {username, password} -> {"token": KEY})."""
    antwoord = Client().post("/api/v1/token/", {"username": naam, "password": WACHTWOORD}, content_type="application/json")
    assert antwoord.status_code == 200, antwoord.content
    return {"Authorization": f"Token {antwoord.json()['token']}"}


def _zaak(wmo, n: int, regeling: str = "wmo_maatwerkvoorziening"):
    aanvrager = personen.registreer_inwoner(
        wmo, bsn=bsn(n * 7919 + 17), voornamen="Sanne", achternaam=f"Fuzz{n}", geboortedatum=D(1970, 3, 1),
        straat="Dorpsstraat", huisnummer=n, postcode="2651 AB", woonplaats="Berkel en Rodenrijs",
    )
    huishouden = personen.maak_huishouden(wmo, naam=f"Huishouden Fuzz{n}", aanvrager=aanvrager)
    zaak = meld_zaak(wmo, huishouden=huishouden, hoofdpersoon=aanvrager, regeling=regeling,
                     ontvangen_op=D(2026, 1, 5), omschrijving="U vroeg om hulp bij het schoonmaken van uw huis.")
    return aanvrager, huishouden, zaak


def _klaar(zaak, wmo):
    procedure.voer_uit(zaak, Status.ONDERZOEK, wmo, datum=D(2026, 1, 12))
    onderzoek.werk_onderzoek_bij(zaak, wmo, **{veld: f"Besproken: {veld}." for veld in CHECKLIST})
    procedure.voer_uit(zaak, Status.ONDERSTEUNINGSPLAN, wmo, datum=D(2026, 1, 12))
    zaak.refresh_from_db()
    onderzoek.stel_plan_op(zaak, wmo, afspraken="Afspraken over de ondersteuning.")
    procedure.voer_uit(zaak, Status.AANVRAAG, wmo, datum=D(2026, 1, 20))
    procedure.voer_uit(zaak, Status.BEOORDELING, wmo, datum=D(2026, 1, 21))
    zaak.refresh_from_db()
    for c in zaak.definitie.criteria:
        beoordeling.leg_bevinding_vast(zaak, wmo, criterium=c.code, waarde=GUNSTIG.get(c.code, "ja"),
                                       motivering="U kunt uw huis zelf niet meer schoonhouden door uw rugklachten.")
    procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, wmo, datum=D(2026, 1, 22), uitkomst="toegekend",
                       bedrag=Decimal("390.00"))
    zaak.refresh_from_db()
    return zaak


def _verlaging(inkomen):
    """A zaak of algemene bijstand through the real flow (findings, computation, besluit vastgesteld and sent) and a
    verlaging recorded on it, so the verlaging operations reach a real one."""
    from maatwerk.besluiten import verlaging

    _, _, zaak = _zaak(inkomen, 5, regeling="algemene_bijstand")
    procedure.voer_uit(zaak, Status.AANVRAAG, inkomen, datum=D(2026, 6, 2))
    procedure.voer_uit(zaak, Status.BEOORDELING, inkomen, datum=D(2026, 6, 3))
    for code in ("arbeid_draagt_bij_aan_arbeidsinschakeling", "afwijzingsgronden"):
        beoordeling.leg_bevinding_vast(zaak, inkomen, criterium=code, waarde="nee",
                                       motivering="Blijkt uit het gesprek en de stukken in het dossier.")
    beoordeling.bereken(zaak, inkomen, maand="2026-06")
    procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, inkomen, datum=D(2026, 6, 3), uitkomst="toegekend")
    zaak.refresh_from_db()
    besluit = besluiten.opstellen(zaak, inkomen)
    besluiten.wijzigen(besluit, inkomen, ingangsdatum=D(2026, 6, 1), vervolg="Wij betalen elke maand.")
    besluiten.vaststellen(besluit, inkomen, datum=D(2026, 6, 5))
    besluiten.bekendmaken(besluit, inkomen, datum=D(2026, 6, 5))
    v = verlaging.leg_vast(inkomen, zaak, {
        "gedraging": "pw_tegenprestatie", "omschrijving": "Kwam in juli drie keer niet naar de tegenprestatie.",
        "datum_gedraging": "2026-07-20", "datum_constatering": "2026-08-03", "verwijtbaarheid": "verwijtbaar",
        "verwijtbaarheid_toelichting": "Wist van de afspraken en gaf geen reden op.", "horen": "gehoord",
        "horen_datum": "2026-08-20", "horen_wijze": "gesprek", "geplande_bekendmaking": "2026-08-25"})
    return zaak, v


def maak_wereld() -> Wereld:
    """Objects of a consulent Wmo (melding; klaar voor besluit with a concept besluit; a sent besluit with a
    bezwaar), income and capital; a user and a token per role in ROLLEN."""
    wmo = gebruiker("fuzz_consulent_wmo", "consulent_wmo")
    inwoner, huishouden, melding = _zaak(wmo, 1)
    # Income and capital are Inkomen data (doelbinding): recorded by a consulent Inkomen on his own zaak; the
    # fuzzer's consulent Wmo meets them only as ids he may not see.
    inkomen = gebruiker("fuzz_consulent_inkomen", "consulent_inkomen")
    klant, _, _ = _zaak(inkomen, 4, regeling="bijzondere_bijstand")
    personen.leg_inkomen_vast(inkomen, klant, maand=D(2026, 1, 1), netto_bedrag=Decimal("1234.50"))
    personen.leg_vermogen_vast(inkomen, klant, maand=D(2026, 1, 1), bedrag=Decimal("500.00"))
    _, _, tweede = _zaak(wmo, 2)
    concept = besluiten.opstellen(_klaar(tweede, wmo), wmo)
    besluiten.wijzigen(concept, wmo, **WMO_NATURA)
    _, _, derde = _zaak(wmo, 3)
    verzonden = besluiten.opstellen(_klaar(derde, wmo), wmo)
    besluiten.wijzigen(verzonden, wmo, **WMO_NATURA)
    besluiten.vaststellen(verzonden, wmo, datum=D(2026, 2, 2))
    besluiten.bekendmaken(verzonden, wmo, datum=D(2026, 2, 2))
    bezwaarschrift = bezwaar.registreer(verzonden, wmo, ontvangen_op=D(2026, 3, 2), gronden="Drie uur is te weinig.")

    from django.core.files.uploadedfile import SimpleUploadedFile

    from maatwerk.zaken import documenten

    document = documenten.voeg_toe(wmo, melding, SimpleUploadedFile("offerte.pdf", b"%PDF-1.4\n%%EOF\n"),
                                   soort="offerte")

    for rol in ROLLEN:
        if rol != "consulent_wmo":
            gebruiker(f"fuzz_{rol}", rol)

    # Regie (issue 12, point 7): a plan of the melding's household with the consulent Wmo as regisseur and an
    # escalation (the melding has had no step since January), so the regie routes meet a real plan.
    from maatwerk.regie import services as regie

    teamleider = User.objects.create_user("fuzz_escalatie")  # not fuzz_teamleider: that is the teamleider role's user
    plan = regie.maak_plan(wmo, huishouden=huishouden, regisseur=wmo, escalatie_naar=teamleider,
                           escalatie_functie="teamleider sociaal domein", doelen="Samen verder.",
                           toestemming_op=D(2026, 1, 6), toestemming_kenmerk="TST-FUZZ")
    regie.signaleer(D(2026, 3, 1))
    bijstand, verlaging = _verlaging(inkomen)
    from maatwerk.besluiten.models import BriefSjabloon, Overweging
    from maatwerk.personen.models import Huishoudlid, Maandinkomen, Vermogensopgave
    from maatwerk.toegang.models import Toestemming

    return Wereld(
        headers={**{rol: token(f"fuzz_{rol}") for rol in ROLLEN}, "consulent_inkomen": token("fuzz_consulent_inkomen")},
        ids={
            "zaak": [melding.pk, tweede.pk, derde.pk],
            "besluit": [concept.pk, verzonden.pk],
            "bezwaar": [bezwaarschrift.pk],
            "document": [document.pk],
            "inwoner": [inwoner.pk, tweede.hoofdpersoon_id],
            "huishouden": [huishouden.pk],
            "toestemming": list(Toestemming.objects.values_list("pk", flat=True)),
            "overweging": list(Overweging.objects.filter(besluit=concept).values_list("pk", flat=True)[:3]),
            "inkomen": list(Maandinkomen.objects.filter(inwoner=klant).values_list("pk", flat=True)),
            "vermogen": list(Vermogensopgave.objects.filter(inwoner=klant).values_list("pk", flat=True)),
            "lid": list(Huishoudlid.objects.filter(huishouden=huishouden).values_list("pk", flat=True)),
            "plan": [plan.pk],
            # A zaak of running algemene bijstand of the consulent Inkomen, and its recorded verlaging (issue 11).
            "bijstand": [bijstand.pk],
            "verlaging": [verlaging.pk],
        },
        codes=list(BriefSjabloon.objects.values_list("code", flat=True)[:3]),
    )
