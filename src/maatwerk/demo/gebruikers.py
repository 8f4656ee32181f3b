"""The demo accounts: one per role, username = role name, one shared password.

DEMO ONLY: a shared, published password is acceptable on a laptop demo with fictional data and nowhere
else. The start page shows it only while the demo account still has exactly this password.
"""

from __future__ import annotations

from maatwerk.toegang import rollen as r

DEMO_WACHTWOORD = "maatwerk-demo"

# What a newcomer can try with each account (shown on the start page, in this order).
PROBEER = {
    r.CONSULENT_INKOMEN: "Behandelt bijzondere bijstand, inkomenstoeslag en studietoeslag. Probeer: open in de "
                         "werkvoorraad de nieuwe melding van Pedro Verhoef en breng die tot ‘klaar voor besluit’. In "
                         "het huishouden Croes ziet u de jeugdzaak alleen als ‘zaak in ander domein — geen toegang’.",
    r.CONSULENT_WMO: "Behandelt Wmo-maatwerkvoorzieningen. Probeer: de zaak woonbegeleiding van Floris Dekker; het "
                     "ondersteuningsplan wacht op zijn handtekening.",
    r.CONSULENT_JEUGD: "Behandelt jeugdhulp. Probeer: de jeugdhulp voor Jayden Croes. Met toestemming van zijn moeder "
                       "ziet u ook haar aanvraag bijzondere bijstand (alleen lezen).",
    r.KWALITEITSMEDEWERKER: "Tweede paar ogen bij besluiten buiten mandaat of met afwijking van beleid. Probeer: het "
                            "voorstel over de tandartskosten van Bart de Wit (boven het mandaat van de consulent).",
    r.HANDHAVER: "Handhaving: meldpunt, casustafel, Inlichtingenbureau, huisbezoek en indicatorregister. Probeer: lees "
                 "onder ‘Handhaving’ › ‘Inlichtingenbureau’ het demobestand ib_2026-11.csv in (maand 2026-11) en "
                 "bespreek een signaal op de casustafel. Dossiers ziet hij alleen met een vastgelegde grondslag.",
    r.BELEIDSMEDEWERKER: "Heeft geen toegang tot persoonsgegevens; ziet geen dossiers. Probeer: stel onder ‘Beleid’ "
                         "voor de inkomensgrens voor draagkracht van 110 naar 120 % te verhogen en bekijk wie erop "
                         "vooruitgaat en wat het kost (goedkeuren doet een tweede beleidsmedewerker).",
    r.JURIST: "Registreert en behandelt bezwaren in alle domeinen; ziet alleen zaken waartegen bezwaar is gemaakt. "
              "Probeer: open onder ‘Bezwaren’ het bezwaar van Bart de Wit (ontvangen op de dag dat de brief ging: "
              "op tijd), leg het horen vast en beslis; de brief ‘Beslissing op uw bezwaar’ wordt gemaakt. Of "
              "registreer een nieuw bezwaar op het kenmerk van een verstuurd besluit.",
    r.ADVIESRAAD_SECRETARIS: "Secretaris van de Adviesraad Sociaal Domein; ziet geen persoonsgegevens. Probeer: leg onder "
                             "‘Adviesraad’ het advies vast op een openstaande adviesaanvraag, punt voor punt; het "
                             "college (de beleidsmedewerker) antwoordt per punt.",
    r.TEAMLEIDER: "Teamleider van het team sociaal domein; opent geen zaken. Probeer: onder ‘Team’ ziet u per "
                  "consulent op naam hoeveel zaken open staan, welke zaken (alleen het nummer) over de termijn zijn en "
                  "hoeveel zaken wachten op een tweede paar ogen.",
    r.BEHEERDER: "Leest het auditlog: wie zag of wijzigde wat, wanneer en op welke grond. Geen toegang tot dossiers.",
}

DEMO_GEBRUIKERS: list[tuple[str, str]] = [(rol, PROBEER[rol]) for rol in PROBEER]


_GECONTROLEERD: dict[str, bool] = {}  # stored password hash -> matches the demo password


def demo_actief() -> bool:
    """True while the demo account of the first role exists and still has the published demo password.
    The (deliberately slow) hash check runs once per stored hash, not on every view of the start page."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import check_password

    opgeslagen = (get_user_model().objects.filter(username=DEMO_GEBRUIKERS[0][0], is_active=True)
                  .values_list("password", flat=True).first())
    if not opgeslagen:
        return False
    if opgeslagen not in _GECONTROLEERD:
        _GECONTROLEERD[opgeslagen] = check_password(DEMO_WACHTWOORD, opgeslagen)
    return _GECONTROLEERD[opgeslagen]
