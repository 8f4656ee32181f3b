"""Roles are Django groups (created by migration 0002). A consulent works in exactly the domain of the role."""

from __future__ import annotations

from maatwerk.zaken.regelingen import INKOMEN, JEUGD, WMO

CONSULENT_WMO = "consulent_wmo"
CONSULENT_JEUGD = "consulent_jeugd"
CONSULENT_INKOMEN = "consulent_inkomen"
KWALITEITSMEDEWERKER = "kwaliteitsmedewerker"
HANDHAVER = "handhaver"
BELEIDSMEDEWERKER = "beleidsmedewerker"
BEHEERDER = "beheerder"
JURIST = "jurist"
# Issue 12, point 6: the secretary of the Adviesraad Sociaal Domein (Verordening art. 3:6 lid 2) records the
# advices; no personal data.
ADVIESRAAD_SECRETARIS = "adviesraad_secretaris"
# Issue 12, point 5: the teamleider of the team sociaal domein manages the consulenten (work division, terms); he
# sees the team monitor with their names, never the contents of a zaak.
TEAMLEIDER = "teamleider"

ROLLEN = {
    CONSULENT_WMO: "Consulent Wmo: behandelt zaken Wmo-maatwerkvoorziening",
    CONSULENT_JEUGD: "Consulent Jeugd: behandelt zaken jeugdhulp",
    CONSULENT_INKOMEN: "Consulent Inkomen: behandelt bijzondere bijstand, inkomenstoeslag en studietoeslag",
    KWALITEITSMEDEWERKER: "Kwaliteitsmedewerker: tweede paar ogen bij besluiten buiten mandaat of met afwijking",
    HANDHAVER: "Handhaver: alleen inzage met een vastgelegde wettelijke grondslag",
    BELEIDSMEDEWERKER: "Beleidsmedewerker: geen toegang tot persoonsgegevens",
    BEHEERDER: "Beheerder: gebruikers, mandaten en het auditlog; geen toegang tot dossiers",
    JURIST: "Jurist bezwaar: registreert en behandelt bezwaren in alle domeinen; ziet alleen het dossier van een "
            "zaak waartegen bezwaar is gemaakt (alleen lezen)",
    ADVIESRAAD_SECRETARIS: "Secretaris adviesraad: legt de adviezen van de Adviesraad Sociaal Domein vast; geen "
                           "toegang tot persoonsgegevens",
    TEAMLEIDER: "Teamleider: ziet de werkvoorraad van het team (zaken per consulent, termijnen, vier-ogen-wachtrij); "
                "geen toegang tot de inhoud van zaken",
}


def rol_naam(code: str) -> str:
    """The name of a role as a person reads it ("Consulent Wmo"), not its code ("consulent_wmo")."""
    return ROLLEN[code].split(":")[0] if code in ROLLEN else code.replace("_", " ")


ROL_KEUZES = [(code, code.replace("_", " ")) for code in ROLLEN]

DOMEIN_VAN_ROL = {CONSULENT_WMO: WMO, CONSULENT_JEUGD: JEUGD, CONSULENT_INKOMEN: INKOMEN}

# Who can receive access on a ground: the consulenten of a domain, or enforcement.
HANDHAVING = "handhaving"
ONTVANGER_KEUZES = [(WMO, "consulenten Wmo"), (JEUGD, "consulenten Jeugd"), (INKOMEN, "consulenten Inkomen"),
                    (HANDHAVING, "handhaving")]

_CACHE = "_maatwerk_rollen"


def rollen(user) -> frozenset[str]:
    """The role names of `user` (cached on the user object for the duration of a request)."""
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return frozenset()
    cached = getattr(user, _CACHE, None)
    if cached is None:
        cached = frozenset(user.groups.filter(name__in=ROLLEN).values_list("name", flat=True))
        setattr(user, _CACHE, cached)
    return cached


def vergeet_rollen(user) -> None:
    """Drop the cache after changing a user's groups in the same request/test."""
    if hasattr(user, _CACHE):
        delattr(user, _CACHE)


def heeft_rol(user, rol: str) -> bool:
    return rol in rollen(user)


def domeinen(user) -> frozenset[str]:
    """The domains in which `user` is a consulent."""
    return frozenset(DOMEIN_VAN_ROL[r] for r in rollen(user) if r in DOMEIN_VAN_ROL)


def ontvangers(user) -> frozenset[str]:
    """The recipients a ground (consent or legal ground) can name that include `user`."""
    result = set(domeinen(user))
    if heeft_rol(user, HANDHAVER):
        result.add(HANDHAVING)
    return frozenset(result)
