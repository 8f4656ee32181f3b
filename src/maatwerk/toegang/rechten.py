"""The rights table: for every role, every action and every domain, whether the role may act (issue 7, point 2:
"every role's rights are a table in one place, code and docs").

A cell is a `Recht`: not allowed, allowed, or allowed under named conditions (`Voorwaarde`). The access policy
(`maatwerk.toegang.beleid`) evaluates the conditions; the services name the action they perform
(`beleid.grond_zaak(..., handeling=...)`). `docs/toegang.md` holds the same table as generated markdown
(`als_markdown()`); `tests/web/test_rechten_docs.py` fails when the two differ, and
`tests/web/test_rollenmatrix.py` walks the whole table through the API and the pages.

A user with several roles has the rights of each of them (the union). The domain is that of the zaak
(regeling), or, for consent, legal grounds and an inwoner's audit log, the domain of the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from maatwerk.toegang.rollen import (
    ADVIESRAAD_SECRETARIS,
    BEHEERDER,
    BELEIDSMEDEWERKER,
    CONSULENT_INKOMEN,
    CONSULENT_JEUGD,
    CONSULENT_WMO,
    DOMEIN_VAN_ROL,
    HANDHAVER,
    JURIST,
    KWALITEITSMEDEWERKER,
    ROLLEN,
    TEAMLEIDER,
)
from maatwerk.zaken.regelingen import DOMEINEN


class Voorwaarde(str, Enum):
    """A condition under which a right holds; the value is the Dutch name used in the docs."""

    EIGEN_DOMEIN = "eigen domein"
    VIER_OGEN_NODIG = "alleen als vier-ogen nodig is"
    NIET_EIGEN_WERK = "niet eigen werk"
    MET_GROND = "met grond"
    BEKENDGEMAAKT_BESLUIT = "op een bekendgemaakt besluit"
    MET_BEZWAAR = "alleen zaken met een bezwaar"


# What each condition means and where it is checked (shown under the table in the docs).
UITLEG_VOORWAARDEN = {
    Voorwaarde.EIGEN_DOMEIN: "de zaak (of de inwoner) hoort bij het domein van de rol van de medewerker "
                             "(`beleid.grond_zaak`).",
    Voorwaarde.VIER_OGEN_NODIG: "de zaak vraagt volgens de mandaattabel een tweede beoordeling: het voorstel ligt klaar "
                                "voor besluit buiten het mandaat van de voorbereider of met een afwijking van beleid, of "
                                "een concept-besluit vraagt vier ogen (`beleid.tweede_beoordeling_nodig`).",
    Voorwaarde.NIET_EIGEN_WERK: "de medewerker heeft de zaak of het besluit niet zelf behandeld, opgesteld of inhoudelijk "
                                "gewijzigd (behandelaar, gegevens van de zaak, bevinding, afwijking, berekening, "
                                "rapportage, klaarzetten, opstellen, wijzigen of vaststellen van het besluit; "
                                "`vierogen.betrokkenen`, `besluiten.services.eigen_werk`). Bij een bezwaar: wie het "
                                "besluit voorbereidde of nam, hoort niet en beslist niet (Awb 7:5 lid 1 onder a, 10:3 "
                                "lid 3; `besluiten.bezwaar`). Bij een indicator: niet de auteur, en twee "
                                "verschillende personen keuren goed (`handhaving.indicatoren`). Bij een "
                                "beleidswijziging: wie haar voorstelde, keurt haar niet goed of af "
                                "(`beleid.services.beoordeel`). Anders: 409 `zelfde_persoon`.",
    Voorwaarde.MET_GROND: "er is voor deze inwoner een geldige toestemming of wettelijke grondslag vastgelegd met de "
                          "medewerker (zijn domein of handhaving) als ontvanger en dit domein als bron (alleen inzien).",
    Voorwaarde.BEKENDGEMAAKT_BESLUIT: "de zaak heeft een bekendgemaakt besluit; de jurist noemt het kenmerk van het "
                                      "besluit uit het bezwaarschrift en ziet verder niets van de zaak voordat het "
                                      "bezwaar is geregistreerd (`beleid.grond_zaak`, `bezwaar.registreer_op_kenmerk`).",
    Voorwaarde.MET_BEZWAAR: "tegen een besluit van deze zaak is een bezwaar geregistreerd. Dan ziet de jurist die zaak, "
                            "haar besluiten en brieven (alleen lezen); geen andere zaken, huishoudens of personen "
                            "(doelbinding, AVG art. 5 lid 1 onder b; `beleid.grond_zaak`).",
}


@dataclass(frozen=True)
class Recht:
    toegestaan: bool
    voorwaarden: tuple[Voorwaarde, ...] = ()

    @property
    def tekst(self) -> str:
        if not self.toegestaan:
            return "nee"
        if not self.voorwaarden:
            return "ja"
        return "ja: " + "; ".join(v.value for v in self.voorwaarden)


NEE = Recht(False)
JA = Recht(True)


def ja(*voorwaarden: Voorwaarde) -> Recht:
    return Recht(True, tuple(voorwaarden))


# ------------------------------------------------------------------ actions

ZAAK_AANMAKEN = "zaak_aanmaken"
ZAAK_INZIEN = "zaak_inzien"
ZAAK_WIJZIGEN = "zaak_wijzigen"
ONDERZOEK_VASTLEGGEN = "onderzoek_vastleggen"
BEVINDING_VASTLEGGEN = "bevinding_vastleggen"
BEREKENEN = "berekenen"
VOORSTEL_KLAARZETTEN = "voorstel_klaarzetten"
VIER_OGEN_GOEDKEUREN = "vier_ogen_goedkeuren"
BESLUIT_OPSTELLEN = "besluit_opstellen"
BESLUIT_VASTSTELLEN = "besluit_vaststellen"
BESLUIT_BEKENDMAKEN = "besluit_bekendmaken"
BEZWAAR_REGISTREREN = "bezwaar_registreren"
BEZWAAR_BESLISSEN = "bezwaar_beslissen"
TOESTEMMING_VASTLEGGEN = "toestemming_vastleggen"
GRONDSLAG_VASTLEGGEN = "grondslag_vastleggen"
AUDITLOG_INWONER = "auditlog_inwoner"
AUDITLOG_INZIEN = "auditlog_inzien"
DOCUMENT_TOEVOEGEN = "document_toevoegen"
DOCUMENT_INZIEN = "document_inzien"
IWMO_BERICHTEN = "iwmo_berichten"
AANBIEDERS_BEHEREN = "aanbieders_beheren"
# Enforcement (issue 11; maatwerk.handhaving). The domain of a melding is its subject; the Inlichtingenbureau
# comparison, its signals and the huisbezoek (Participatiewet art. 53a) are Inkomen.
HANDHAVING_MELDINGEN = "handhaving_meldingen"
CASUSTAFEL_VASTLEGGEN = "casustafel_vastleggen"
IB_VERGELIJKEN = "ib_vergelijken"
HUISBEZOEK_VASTLEGGEN = "huisbezoek_vastleggen"
INDICATOR_REGISTREREN = "indicator_registreren"
INDICATOR_GOEDKEUREN = "indicator_goedkeuren"
BELEID_VOORSTELLEN = "beleid_voorstellen"
BELEID_GOEDKEUREN = "beleid_goedkeuren"
AMBTSHALVE = "ambtshalve_inkomenstoeslag"
MONITOR_INZIEN = "monitor_inzien"
# Adviesraad Sociaal Domein (issue 12, point 6; Verordening Sociaal Domein 2018, hoofdstuk 3): no personal data.
ADVIES_AANVRAGEN = "advies_aanvragen"
ADVIES_VASTLEGGEN = "advies_vastleggen"
TEAM_MONITOR = "team_monitor_inzien"

# code -> (Dutch label, what it acts on)
HANDELINGEN: dict[str, tuple[str, str]] = {
    ZAAK_AANMAKEN: ("zaak aanmaken (melding)", "zaak"),
    ZAAK_INZIEN: ("zaak inzien", "zaak"),
    ZAAK_WIJZIGEN: ("zaak wijzigen (gegevens, status)", "zaak"),
    ONDERZOEK_VASTLEGGEN: ("onderzoek en plan vastleggen", "zaak"),
    BEVINDING_VASTLEGGEN: ("bevinding of afwijking vastleggen", "zaak"),
    BEREKENEN: ("berekenen (Regelkern; alleen regelingen die rekenen)", "zaak"),
    VOORSTEL_KLAARZETTEN: ("voorstel klaar voor besluit", "zaak"),
    VIER_OGEN_GOEDKEUREN: ("vier-ogen goedkeuren (voorstel en besluit)", "besluit"),
    BESLUIT_OPSTELLEN: ("besluit opstellen en wijzigen", "besluit"),
    BESLUIT_VASTSTELLEN: ("besluit vaststellen", "besluit"),
    BESLUIT_BEKENDMAKEN: ("besluit bekendmaken (verzenden)", "besluit"),
    BEZWAAR_REGISTREREN: ("bezwaar registreren", "bezwaar"),
    BEZWAAR_BESLISSEN: ("bezwaar behandelen en beslissen", "bezwaar"),
    TOESTEMMING_VASTLEGGEN: ("toestemming vastleggen", "register"),
    GRONDSLAG_VASTLEGGEN: ("wettelijke grondslag vastleggen", "register"),
    AUDITLOG_INWONER: ("auditlog van één inwoner inzien", "audit"),
    AUDITLOG_INZIEN: ("volledig auditlog inzien", "audit"),
    # Documents are raw evidence (bank statements, medical statements: AVG art. 9): only the consulent of the
    # zaak's domain, never on a consent ground or as the second pair of eyes (issue 8, point 7).
    DOCUMENT_TOEVOEGEN: ("document toevoegen of intrekken", "document"),
    DOCUMENT_INZIEN: ("documenten inzien en downloaden", "document"),
    # Issue 10, point 7: toewijzing (301) and the provider's messages in and out; iWmo only for Wmo staff, iJw only
    # for Jeugd staff (Wmo 2015 art. 5.1.1, Jeugdwet art. 7.4.0: data for the task of the domain only).
    IWMO_BERICHTEN: ("toewijzing en iWmo/iJw-berichten (inzien, versturen, verwerken)", "bericht"),
    # Issue 10, point 6: providers, products and tariffs are contract and policy data, no personal data.
    AANBIEDERS_BEHEREN: ("aanbieders, producten en tarieven vastleggen", "aanbieder"),
    # Enforcement (issue 11, seed 003): purpose-bound to the handhaver; no zaak or care data behind it.
    HANDHAVING_MELDINGEN: ("meldingen van het meldpunt inzien (wachtrij casustafel)", "handhaving"),
    CASUSTAFEL_VASTLEGGEN: ("casustafel vastleggen", "handhaving"),
    IB_VERGELIJKEN: ("Inlichtingenbureau-bestand inlezen en signalen inzien", "handhaving"),
    HUISBEZOEK_VASTLEGGEN: ("huisbezoek vastleggen en inzien", "handhaving"),
    # The register holds no personal data; approval is the 'twee ogen beleid' of seed 003.
    INDICATOR_REGISTREREN: ("indicator registreren", "handhaving"),
    INDICATOR_GOEDKEUREN: ("indicator goedkeuren (twee personen, niet de auteur)", "handhaving"),
    # Municipal policy (issue 12): a change of a parameter of the ordinance, with its impact simulation
    # (aggregates only, no personal data); a second, different person approves it (maatwerk.beleid).
    BELEID_VOORSTELLEN: ("beleidswijziging voorstellen en impact inzien", "beleid"),
    BELEID_GOEDKEUREN: ("beleidswijziging goedkeuren of afwijzen", "beleid"),
    # Issue 12 point 4: the yearly ambtshalve inkomenstoeslag (concept zaken, review list) and the non-take-up list
    # for outreach; income data used for the income task only (Pw art. 64; seed 002 §8.2).
    AMBTSHALVE: ("ambtshalve inkomenstoeslag en niet-gebruik (batch, controlelijst, benaderlijst)", "inkomen"),
    # The monitor and the half-yearly report of art. 8:2 (issue 12, point 5): aggregates only, small cells
    # suppressed, consulenten pseudonymised (maatwerk.monitor.cijfers); for policy, not for case work.
    MONITOR_INZIEN: ("monitor en halfjaarrapportage (art. 8:2) inzien", "beleid"),
    # The college asks (art. 3:8 lid 3), answers per point (lid 7) and appoints the members (3:4 lid 2); the
    # beleidsmedewerker prepares and records that. The secretary of the adviesraad records its advice (3:8 lid 4).
    ADVIES_AANVRAGEN: ("adviesaanvraag, antwoord van het college en benoemingen vastleggen", "adviesraad"),
    ADVIES_VASTLEGGEN: ("advies van de adviesraad vastleggen", "adviesraad"),
    # The teamleider's operational monitor (issue 12, point 5; maatwerk.monitor.team): open zaken per consulent by
    # name, overdue zaken by number and last day, the four-eyes queue; no inwoner, no contents of a zaak.
    TEAM_MONITOR: ("werkvoorraad van het team inzien (consulenten op naam, termijnen, vier-ogen-wachtrij)", "team"),
}

# What a consulent does in his own domain: the whole treatment of a zaak, from melding to bezwaar. He may still
# register a bezwaar handed in at his desk, and treat and decide one on a besluit he did not prepare or take
# (a small municipality without its own jurist; Awb 7:5 lid 1 onder a, 10:3 lid 3).
_BEHANDELING = (ZAAK_AANMAKEN, ZAAK_INZIEN, ZAAK_WIJZIGEN, ONDERZOEK_VASTLEGGEN, BEVINDING_VASTLEGGEN, BEREKENEN,
                VOORSTEL_KLAARZETTEN, BESLUIT_OPSTELLEN, BESLUIT_VASTSTELLEN, BESLUIT_BEKENDMAKEN,
                BEZWAAR_REGISTREREN, TOESTEMMING_VASTLEGGEN, AUDITLOG_INWONER, DOCUMENT_TOEVOEGEN, DOCUMENT_INZIEN)


def _rij(standaard: Recht = NEE, **cellen: Recht) -> dict[str, dict[str, Recht]]:
    """One role: the same right in every domain per action (NEE unless named)."""
    return {h: {d: cellen.get(h, standaard) for d in DOMEINEN} for h in HANDELINGEN}


def _consulent(eigen: str) -> dict[str, dict[str, Recht]]:
    rij = _rij()
    for h in _BEHANDELING:
        rij[h][eigen] = ja(Voorwaarde.EIGEN_DOMEIN)
    rij[BEZWAAR_BESLISSEN][eigen] = ja(Voorwaarde.EIGEN_DOMEIN, Voorwaarde.NIET_EIGEN_WERK)
    for d in DOMEINEN:
        if d != eigen:  # outside his domain only viewing, with consent or a legal ground (AVG art. 5 lid 1 b)
            rij[ZAAK_INZIEN][d] = ja(Voorwaarde.MET_GROND)
    return rij


TABEL: dict[str, dict[str, dict[str, Recht]]] = {
    CONSULENT_WMO: _consulent(DOMEIN_VAN_ROL[CONSULENT_WMO]),
    CONSULENT_JEUGD: _consulent(DOMEIN_VAN_ROL[CONSULENT_JEUGD]),
    CONSULENT_INKOMEN: _consulent(DOMEIN_VAN_ROL[CONSULENT_INKOMEN]),
    # The second pair of eyes only (issue 7): he sees the zaken the mandate table sends him and approves or
    # refuses; drafting, deciding and sending stay with the consulent of the domain.
    KWALITEITSMEDEWERKER: _rij(
        zaak_inzien=ja(Voorwaarde.VIER_OGEN_NODIG),
        vier_ogen_goedkeuren=ja(Voorwaarde.VIER_OGEN_NODIG, Voorwaarde.NIET_EIGEN_WERK),
        grondslag_vastleggen=JA,  # two persons: never recorded by the recipient himself
        indicator_goedkeuren=ja(Voorwaarde.NIET_EIGEN_WERK),  # the second pair of eyes on a selection rule
    ),
    HANDHAVER: _rij(zaak_inzien=ja(Voorwaarde.MET_GROND), handhaving_meldingen=JA, casustafel_vastleggen=JA,
                    ib_vergelijken=JA, huisbezoek_vastleggen=JA, indicator_registreren=JA,
                    indicator_goedkeuren=ja(Voorwaarde.NIET_EIGEN_WERK)),
    # Policy without personal data: he may register and approve selection rules, never see whom they select; and
    # (issue 12) he proposes changes of the municipal parameters and sees their impact in aggregates; approving
    # needs a second beleidsmedewerker (four eyes on the rules themselves).
    BELEIDSMEDEWERKER: _rij(indicator_registreren=JA, indicator_goedkeuren=ja(Voorwaarde.NIET_EIGEN_WERK),
                            beleid_voorstellen=JA, beleid_goedkeuren=ja(Voorwaarde.NIET_EIGEN_WERK),
                            monitor_inzien=JA, advies_aanvragen=JA),
    BEHEERDER: _rij(auditlog_inzien=JA),
    # Bezwaar in every domain, purpose-bound (issue 8): registering needs the kenmerk of a bekendgemaakt besluit;
    # the dossier opens only for a zaak with a registered bezwaar, read-only; never the preparer of the besluit.
    JURIST: _rij(
        zaak_inzien=ja(Voorwaarde.MET_BEZWAAR),
        bezwaar_registreren=ja(Voorwaarde.BEKENDGEMAAKT_BESLUIT),
        bezwaar_beslissen=ja(Voorwaarde.MET_BEZWAAR, Voorwaarde.NIET_EIGEN_WERK),
    ),
    # Issue 12, point 6: records the advice of the Adviesraad; sees requests and answers, never a dossier.
    ADVIESRAAD_SECRETARIS: _rij(advies_vastleggen=JA),
    # Issue 12, point 5: management of the team sociaal domein (all three domains in a municipality of this size);
    # no right on any zaak: he divides the work and watches the terms, the consulent treats the zaak.
    TEAMLEIDER: _rij(team_monitor_inzien=JA),
}
assert set(TABEL) == set(ROLLEN), "every role needs a row in the rights table"
# Messaging with providers exists for Wmo and Jeugd only; the consulent of the domain does it (issue 10).
TABEL[CONSULENT_WMO][IWMO_BERICHTEN][DOMEIN_VAN_ROL[CONSULENT_WMO]] = ja(Voorwaarde.EIGEN_DOMEIN)
TABEL[CONSULENT_JEUGD][IWMO_BERICHTEN][DOMEIN_VAN_ROL[CONSULENT_JEUGD]] = ja(Voorwaarde.EIGEN_DOMEIN)
# Tariffs are the municipality's policy and contracts: the beleidsmedewerker records them, not the beheerder
# (who manages accounts) nor a consulent (who applies them).
for _d in (DOMEIN_VAN_ROL[CONSULENT_WMO], DOMEIN_VAN_ROL[CONSULENT_JEUGD]):
    TABEL[BELEIDSMEDEWERKER][AANBIEDERS_BEHEREN][_d] = JA
# The ambtshalve batch and the non-take-up list are Inkomen only; the consulent inkomen does them.
TABEL[CONSULENT_INKOMEN][AMBTSHALVE][DOMEIN_VAN_ROL[CONSULENT_INKOMEN]] = ja(Voorwaarde.EIGEN_DOMEIN)
# The actions that exist only in the domains with providers (Wmo, Jeugd).
ALLEEN_WMO_JEUGD = (IWMO_BERICHTEN, AANBIEDERS_BEHEREN)


def recht(rol: str, handeling: str, domein: str) -> Recht:
    return TABEL[rol][handeling][domein]


def rechten(rollen, handeling: str, domein: str) -> list[tuple[str, Recht]]:
    """The allowed cells for a user with `rollen` (a user with several roles has each role's rights)."""
    return [(r, TABEL[r][handeling][domein]) for r in sorted(rollen) if r in TABEL and TABEL[r][handeling][domein].toegestaan]


def ooit_toegestaan(rollen, handeling: str) -> bool:
    """Whether the action is allowed for these roles in some domain (for showing forms and buttons)."""
    return any(rechten(rollen, handeling, d) for d in DOMEINEN)


def van_toepassing(handeling: str, regeling: str) -> bool:
    """Whether the action exists for a zaak of `regeling` at all: only a regeling the Regelkern computes for; providers
    and their messages exist only for Wmo and Jeugd."""
    from maatwerk.zaken.regelingen import REGELINGEN

    if handeling == AMBTSHALVE:  # the inkomenstoeslag batch exists in the income domain only
        return REGELINGEN[regeling].domein == DOMEIN_VAN_ROL[CONSULENT_INKOMEN]
    if handeling in ALLEEN_WMO_JEUGD:
        return REGELINGEN[regeling].domein in (DOMEIN_VAN_ROL[CONSULENT_WMO], DOMEIN_VAN_ROL[CONSULENT_JEUGD])
    return handeling != BEREKENEN or REGELINGEN[regeling].heeft_regelkern


def zonder_voorwaarde(rollen, handeling: str) -> bool:
    """Whether one of `rollen` may perform the action in every domain without condition (e.g. the whole audit log)."""
    return any(all(TABEL[r][handeling][d] == JA for d in DOMEINEN) for r in rollen if r in TABEL)


# ------------------------------------------------------------------ docs


def als_markdown() -> str:
    """The table as Dutch markdown: one section per domain, roles as columns. `docs/toegang.md` contains this
    text between the markers below (generated: `python -m maatwerk.toegang.rechten`)."""
    rollen = list(ROLLEN)
    regels = []
    for domein, naam in DOMEINEN.items():
        regels += [f"### Domein {naam}", "", "| handeling | " + " | ".join(rollen) + " |",
                   "|---|" + "---|" * len(rollen)]
        for code, (label, _) in HANDELINGEN.items():
            regels.append(f"| {label} (`{code}`) | " + " | ".join(TABEL[r][code][domein].tekst for r in rollen) + " |")
        regels.append("")
    regels += ["### Voorwaarden", ""]
    regels += [f"- **{v.value}**: {uitleg}" for v, uitleg in UITLEG_VOORWAARDEN.items()]
    return "\n".join(regels) + "\n"


BEGIN, EINDE = "<!-- rechtentabel:begin -->", "<!-- rechtentabel:einde -->"

if __name__ == "__main__":  # pragma: no cover - prints the section for docs/toegang.md
    print(BEGIN + "\n" + als_markdown() + EINDE)
