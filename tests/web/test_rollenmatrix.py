"""The role matrix (issue 7, point 2): every role x every regeling x every action of the rights table
(`maatwerk.toegang.rechten.TABEL`), through the API and through the pages, against what the table says.

Data-driven: a new role or action in the table is walked here automatically; an action without a probe below
fails `test_elke_handeling_heeft_een_proef`. Per regeling one world is built (zaken in every state an action
needs); every attempt runs in a savepoint that is rolled back, so attempts do not influence each other.
Allowed: 2xx/302 and the effect happened. Not allowed: 403 or 404 (a forbidden and a missing object may answer
the same) and nothing changed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

import pytest
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.test import Client
from rest_framework.test import APIClient

from maatwerk.beleid.models import Beleidsversie, Beleidsvoorstel
from maatwerk.besluiten import bezwaar as bezwaren
from maatwerk.besluiten import services as besluiten
from maatwerk.besluiten.models import Besluit, Bezwaarschrift, Brief
from maatwerk.iwmo.models import Tarief
from maatwerk.personen import services as personen
from maatwerk.toegang import beleid, rechten
from maatwerk.toegang.models import Toestemming, WettelijkeGrondslag
from maatwerk.toegang.rollen import DOMEIN_VAN_ROL, JURIST, KWALITEITSMEDEWERKER, ROLLEN
from maatwerk.zaken import beoordeling, onderzoek, procedure
from maatwerk.zaken.models import CHECKLIST, Berekening, Bevinding, Document, Goedkeuring, OnderzoekVersie, Status, Zaak
from maatwerk.zaken.regelingen import REGELINGEN
from maatwerk.zaken.wmo_criteria import GUNSTIG
from maatwerk.zaken.services import meld_zaak
from helpers import beantwoord_gevraagde_criteria

from .conftest import bsn_met_elfproef

S = Status
MOTIVERING = "Vastgesteld in het gesprek en onderbouwd met stukken."
DAG = dt.date(2026, 1, 23)
_nummer = iter(range(5000, 100000))


# ------------------------------------------------------------------ the world per regeling


def _inwoner(gebruiker):
    n = next(_nummer)
    return personen.registreer_inwoner(
        gebruiker, bsn=bsn_met_elfproef(n * 7919 + 3), voornamen=f"Matrix{n}", achternaam="Bakker",
        geboortedatum=dt.date(1980, 1, 1), straat="Kerkstraat", huisnummer=n % 300 + 1, postcode="2651 AB",
        woonplaats="Berkel en Rodenrijs",
    )


def _zaak(c, regeling, huishouden=None, hoofdpersoon=None):
    if huishouden is None:
        hoofdpersoon = _inwoner(c)
        huishouden = personen.maak_huishouden(c, naam="Huishouden Bakker", aanvrager=hoofdpersoon)
    return meld_zaak(c, huishouden=huishouden, hoofdpersoon=hoofdpersoon, regeling=regeling,
                     ontvangen_op=dt.date(2026, 1, 5), omschrijving="Hulp gevraagd.")


def _naar_beoordeling(zaak, c):
    procedure.voer_uit(zaak, S.ONDERZOEK, c, datum=dt.date(2026, 1, 12))
    onderzoek.werk_onderzoek_bij(zaak, c, **{veld: f"Besproken: {veld}." for veld in CHECKLIST})
    procedure.voer_uit(zaak, S.ONDERSTEUNINGSPLAN, c, datum=dt.date(2026, 1, 12))
    zaak.refresh_from_db()
    onderzoek.stel_plan_op(zaak, c, afspraken="Afspraken over de ondersteuning.")
    procedure.voer_uit(zaak, S.AANVRAAG, c, datum=dt.date(2026, 1, 20))
    procedure.voer_uit(zaak, S.BEOORDELING, c, datum=dt.date(2026, 1, 21))
    zaak.refresh_from_db()
    return zaak


def _compleet(zaak, c):
    # Wmo (issue 10): the asked criteria in order; step a of the cascade solves the need, so the proposal here
    # (afgewezen) rests on art. 4:4 lid 1 onder c and the later steps are not asked.
    # Jeugd: no referral, and the family finds its own solution (art. 5:4 onder a), so the refusal has its ground.
    wmo = {**GUNSTIG, "cascade_eigen_kracht": "ja"}
    jeugd = {"verwijzing_arts": "nee", "oplossing_eigen_kracht_of_omgeving": "ja", "pgb_gewenst": "nee"}
    beantwoord_gevraagde_criteria(zaak, c, waarden={"wmo": wmo, "jeugd": jeugd}.get(zaak.domein, {}),
                                  motivering=MOTIVERING)
    if zaak.definitie.rekent:
        beoordeling.bereken(zaak, c, maand="2026-01")
    return zaak


def _klaar(zaak, c, afwijking=False):
    if afwijking:  # a deviation from policy always asks a second person (mandate table, vierogen.oordeel)
        beoordeling.leg_afwijking_vast(zaak, c, soort="buitenwettelijk_begunstigend_beleid",
                                       reden="Vaste gedragslijn van de gemeente ten gunste van de inwoner.")
    _compleet(zaak, c)
    procedure.voer_uit(zaak, S.KLAAR_VOOR_BESLUIT, c, datum=dt.date(2026, 1, 22), uitkomst="afgewezen")
    zaak.refresh_from_db()
    return zaak


def _concept(zaak, c):
    besluit = besluiten.opstellen(zaak, c)
    besluiten.wijzigen(besluit, c, vervolg="U hoeft niets te doen.")
    return besluit


def _vastgesteld(zaak, c, tweede):
    besluit = _concept(zaak, c)
    if besluiten.vier_ogen(besluit).vereist:
        besluiten.goedkeuren(besluit, tweede, akkoord=True)
    return besluiten.vaststellen(besluit, c, datum=DAG)


@dataclass
class Wereld:
    regeling: str
    domein: str
    consulent: User
    zaken: dict
    besluiten: dict
    bezwaar: Bezwaarschrift


def _gebruikers() -> dict[str, User]:
    gebruikers = {}
    for rol in ROLLEN:  # no password: hashing one costs more than the whole walk of a role (force_login)
        user = User.objects.create_user(f"matrix_{rol}")
        user.groups.add(Group.objects.get(name=rol))
        gebruikers[rol] = user
    hulp = User.objects.create_user("matrix_tweede")
    hulp.groups.add(Group.objects.get(name=KWALITEITSMEDEWERKER))
    gebruikers["_tweede"] = hulp
    for rol in DOMEIN_VAN_ROL:  # a colleague prepares the besluit under bezwaar: Awb 7:5 keeps its preparer out
        collega = User.objects.create_user(f"matrix_collega_{rol}")
        collega.groups.add(Group.objects.get(name=rol))
        gebruikers[f"_collega_{rol}"] = collega
    return gebruikers


def _bouw(regeling: str, gebruikers: dict) -> Wereld:
    domein = REGELINGEN[regeling].domein
    rol_van_domein = next(r for r, d in DOMEIN_VAN_ROL.items() if d == domein)
    c = gebruikers[rol_van_domein]
    collega = gebruikers[f"_collega_{rol_van_domein}"]
    tweede = gebruikers["_tweede"]
    z = {"melding": _zaak(c, regeling)}
    z["onderzoek"] = _zaak(c, regeling)
    procedure.voer_uit(z["onderzoek"], S.ONDERZOEK, c, datum=dt.date(2026, 1, 12))
    z["beoordeling"] = _naar_beoordeling(_zaak(c, regeling), c)
    z["compleet"] = _compleet(_naar_beoordeling(_zaak(c, regeling), c), c)
    z["vier_ogen"] = _klaar(_naar_beoordeling(_zaak(c, regeling), c), c, afwijking=True)
    z["opstellen"] = _klaar(_naar_beoordeling(_zaak(c, regeling), c), c)
    z["vaststellen"] = _klaar(_naar_beoordeling(_zaak(c, regeling), c), c)
    z["bekendmaken"] = _klaar(_naar_beoordeling(_zaak(c, regeling), c), c)
    z["bezwaar"] = _klaar(_naar_beoordeling(_zaak(collega, regeling), collega), collega)
    b = {"vier_ogen": _concept(z["vier_ogen"], c)}
    concept = _concept(z["vaststellen"], c)
    if besluiten.vier_ogen(concept).vereist:
        besluiten.goedkeuren(concept, tweede, akkoord=True)
    b["vaststellen"] = concept
    b["bekendmaken"] = _vastgesteld(z["bekendmaken"], c, tweede)
    b["bezwaar"] = _vastgesteld(z["bezwaar"], collega, tweede)
    besluiten.bekendmaken(b["bezwaar"], collega, datum=DAG)
    bezwaar = bezwaren.registreer(b["bezwaar"], collega, ontvangen_op=dt.date(2026, 2, 2),
                                  gronden="Ik ben het er niet mee eens.")
    for zaak in z.values():
        zaak.refresh_from_db()
    assert beleid.tweede_beoordeling_nodig(z["vier_ogen"]) and not beleid.tweede_beoordeling_nodig(z["melding"])
    return Wereld(regeling, domein, c, z, b, bezwaar)


# ------------------------------------------------------------------ one probe per action


def _ander_domein(domein: str) -> str:
    return next(d for d in ("inkomen", "wmo", "jeugd") if d != domein)


@dataclass(frozen=True)
class Proef:
    """How to try an action: the zaak it acts on, the API call, the page call (or None) and its effect."""

    zaak: str
    api: Callable
    pagina: Callable | None
    effect: Callable


def _als_sessie(api_client):
    """The user an APIClient was force-authenticated as, logged in with a session (for a page without API)."""
    api_client.force_login(api_client.handler._force_user)
    return api_client


PROEVEN: dict[str, Proef] = {
    rechten.ZAAK_AANMAKEN: Proef(
        "melding",
        lambda c, w, z: c.post("/api/v1/zaken/", {
            "huishouden": z.huishouden_id, "hoofdpersoon": z.hoofdpersoon_id, "regeling": w.regeling,
            "omschrijving": "Nieuwe vraag.", "ontvangen_op": "2026-01-06"}, format="json"),
        lambda c, w, z: c.post(f"/huishoudens/{z.huishouden_id}/melding/", {
            "melding-hoofdpersoon": z.hoofdpersoon_id, "melding-regeling": w.regeling,
            "melding-omschrijving": "Nieuwe vraag.", "melding-ontvangen_op": "2026-01-06"}),
        lambda w, z: Zaak.objects.filter(huishouden=z.huishouden_id).count(),
    ),
    rechten.ZAAK_INZIEN: Proef(
        "vier_ogen",
        lambda c, w, z: c.get(f"/api/v1/zaken/{z.pk}/"),
        lambda c, w, z: c.get(f"/zaken/{z.pk}/"),
        None,  # viewing changes nothing but the audit log
    ),
    rechten.ZAAK_WIJZIGEN: Proef(
        "melding",
        lambda c, w, z: c.patch(f"/api/v1/zaken/{z.pk}/", {"omschrijving": "Gewijzigde vraag."}, format="json"),
        lambda c, w, z: c.post(f"/zaken/{z.pk}/overgang/", {"naar": "onderzoek", "stap-onderzoek-datum": "2026-01-12"}),
        lambda w, z: (Zaak.objects.get(pk=z.pk).omschrijving, Zaak.objects.get(pk=z.pk).status),
    ),
    rechten.ONDERZOEK_VASTLEGGEN: Proef(
        "onderzoek",
        lambda c, w, z: c.patch(f"/api/v1/zaken/{z.pk}/onderzoek/", {"behoefte": "Hulp in huis."}, format="json"),
        lambda c, w, z: c.post(f"/zaken/{z.pk}/onderzoek/", {"onderzoek-gesprekdatum": "2026-01-12",
                                                             "onderzoek-behoefte": "Hulp in huis."}),
        lambda w, z: OnderzoekVersie.objects.filter(zaak=z.pk).count(),
    ),
    rechten.BEVINDING_VASTLEGGEN: Proef(
        "beoordeling",
        lambda c, w, z: c.post(f"/api/v1/zaken/{z.pk}/bevindingen/", {
            "criterium": _criterium(z), "waarde": "ja", "motivering": MOTIVERING}, format="json"),
        lambda c, w, z: c.post(f"/zaken/{z.pk}/bevinding/", {
            "criterium": _criterium(z), f"bevinding-{_criterium(z)}-waarde": "ja",
            f"bevinding-{_criterium(z)}-motivering": MOTIVERING}),
        lambda w, z: Bevinding.objects.filter(zaak=z.pk).count(),
    ),
    rechten.BEREKENEN: Proef(
        "compleet",
        lambda c, w, z: c.post(f"/api/v1/zaken/{z.pk}/berekeningen/", {"maand": "2026-01"}, format="json"),
        lambda c, w, z: c.post(f"/zaken/{z.pk}/berekening/", {"berekening-maand": "2026-01",
                                                              **({"berekening-kostensoort": "overig"}
                                                                 if z.regeling == "bijzondere_bijstand" else {})}),
        lambda w, z: Berekening.objects.filter(zaak=z.pk).count(),
    ),
    rechten.VOORSTEL_KLAARZETTEN: Proef(
        "compleet",
        lambda c, w, z: c.post(f"/api/v1/zaken/{z.pk}/overgang/", {
            "naar": "klaar_voor_besluit", "datum": "2026-01-22", "uitkomst": "afgewezen"}, format="json"),
        lambda c, w, z: c.post(f"/zaken/{z.pk}/overgang/", {
            "naar": "klaar_voor_besluit", "stap-klaar_voor_besluit-datum": "2026-01-22",
            "stap-klaar_voor_besluit-uitkomst": "afgewezen"}),
        lambda w, z: Zaak.objects.get(pk=z.pk).status,
    ),
    rechten.VIER_OGEN_GOEDKEUREN: Proef(
        "vier_ogen",
        lambda c, w, z: c.post(f"/api/v1/besluiten/{w.besluiten['vier_ogen'].pk}/goedkeuren/", {"akkoord": True},
                               format="json"),
        lambda c, w, z: c.post(f"/besluiten/{w.besluiten['vier_ogen'].pk}/goedkeuren/", {"akkoord": "ja"}),
        lambda w, z: Goedkeuring.objects.filter(besluit=w.besluiten["vier_ogen"]).count(),
    ),
    rechten.BESLUIT_OPSTELLEN: Proef(
        "opstellen",
        lambda c, w, z: c.post("/api/v1/besluiten/", {"zaak": z.pk}, format="json"),
        lambda c, w, z: c.post(f"/besluiten/zaak/{z.pk}/opstellen/", {}),
        lambda w, z: Besluit.objects.filter(zaak=z.pk).count(),
    ),
    rechten.BESLUIT_VASTSTELLEN: Proef(
        "vaststellen",
        lambda c, w, z: c.post(f"/api/v1/besluiten/{w.besluiten['vaststellen'].pk}/vaststellen/",
                               {"datum": DAG.isoformat()}, format="json"),
        lambda c, w, z: c.post(f"/besluiten/{w.besluiten['vaststellen'].pk}/vaststellen/",
                               {"vaststellen-datum": DAG.isoformat()}),
        lambda w, z: Besluit.objects.get(pk=w.besluiten["vaststellen"].pk).status,
    ),
    rechten.BESLUIT_BEKENDMAKEN: Proef(
        "bekendmaken",
        lambda c, w, z: c.post(f"/api/v1/besluiten/{w.besluiten['bekendmaken'].pk}/bekendmaken/",
                               {"datum": DAG.isoformat()}, format="json"),
        lambda c, w, z: c.post(f"/besluiten/{w.besluiten['bekendmaken'].pk}/bekendmaken/",
                               {"bekendmaken-datum": DAG.isoformat()}),
        lambda w, z: Brief.objects.filter(besluit=w.besluiten["bekendmaken"]).count(),
    ),
    rechten.BEZWAAR_REGISTREREN: Proef(
        "bezwaar",
        lambda c, w, z: c.post("/api/v1/bezwaren/", {"besluit": w.besluiten["bezwaar"].pk, "ontvangen_op": "2026-02-03",
                                                     "gronden": "Te weinig."}, format="json"),
        lambda c, w, z: c.post(f"/besluiten/{w.besluiten['bezwaar'].pk}/bezwaar/", {"ontvangen_op": "2026-02-03",
                                                                                  "gronden": "Te weinig."}),
        lambda w, z: Bezwaarschrift.objects.filter(besluit=w.besluiten["bezwaar"]).count(),
    ),
    rechten.BEZWAAR_BESLISSEN: Proef(
        "bezwaar",
        lambda c, w, z: c.post(f"/api/v1/bezwaren/{w.bezwaar.pk}/horen/", {
            "afzien_reden": "De indiener heeft laten weten niet gehoord te willen worden."}, format="json"),
        lambda c, w, z: c.post(f"/besluiten/bezwaren/{w.bezwaar.pk}/horen/", {
            "afzien_reden": "De indiener heeft laten weten niet gehoord te willen worden."}),
        lambda w, z: Bezwaarschrift.objects.get(pk=w.bezwaar.pk).afzien_van_horen_reden,
    ),
    # Consent and legal grounds: the payloads follow toegang.register (who records for whom is its business).
    rechten.TOESTEMMING_VASTLEGGEN: Proef(
        # Recorded by the domain that holds the data, for another domain as recipient (never for himself),
        # signed by the resident so that it is valid at once (doelbinding, toegang.register).
        "melding",
        lambda c, w, z: c.post("/api/v1/toestemmingen/", {
            "inwoner": z.hoofdpersoon_id, "ontvanger": _ander_domein(w.domein), "domein": w.domein,
            "doel": "Afstemming van de ondersteuning.", "vorm": "schriftelijk", "bron": "ondertekend",
            "documentkenmerk": "TST-2026-001", "geldig_vanaf": "2026-01-06", "geldig_tot": "2026-12-31"},
            format="json"),
        lambda c, w, z: c.post(f"/huishoudens/{z.huishouden_id}/toestemming/", {
            "toestemming-inwoner": z.hoofdpersoon_id, "toestemming-ontvanger": _ander_domein(w.domein),
            "toestemming-domein": w.domein, "toestemming-doel": "Afstemming van de ondersteuning.",
            "toestemming-vorm": "schriftelijk", "toestemming-bron": "ondertekend",
            "toestemming-documentkenmerk": "TST-2026-001", "toestemming-geldig_vanaf": "2026-01-06",
            "toestemming-geldig_tot": "2026-12-31"}),
        lambda w, z: Toestemming.objects.filter(inwoner=z.hoofdpersoon_id).count(),
    ),
    rechten.GRONDSLAG_VASTLEGGEN: Proef(
        # The only catalogue ground for handhaving: Participatiewet art. 53a, income data (toegang.grondslagen).
        "melding",
        lambda c, w, z: c.post("/api/v1/wettelijke-grondslagen/", {
            "inwoner": z.hoofdpersoon_id, "ontvanger": "handhaving", "domein": "inkomen", "code": "pw_53a",
            "doel": "Onderzoek naar de rechtmatigheid.", "geldig_vanaf": "2026-01-06", "geldig_tot": "2026-03-31"},
            format="json"),
        lambda c, w, z: c.post("/grondslagen/", {
            "grondslag-bsn": z.hoofdpersoon.bsn, "grondslag-ontvanger": "handhaving", "grondslag-domein": "inkomen",
            "grondslag-code": "pw_53a", "grondslag-doel": "Onderzoek naar de rechtmatigheid.",
            "grondslag-geldig_vanaf": "2026-01-06", "grondslag-geldig_tot": "2026-03-31"}),
        lambda w, z: WettelijkeGrondslag.objects.filter(inwoner=z.hoofdpersoon_id).count(),
    ),
    rechten.AUDITLOG_INWONER: Proef(
        "melding",
        lambda c, w, z: c.get(f"/api/v1/inwoners/{z.hoofdpersoon_id}/audit/"),
        None,  # no page of its own: the API serves the inwoner's log
        None,
    ),
    # Documents (issue 8, point 7): an upload through the API and the page; reading is the download of a
    # document made in the probe's savepoint.
    rechten.DOCUMENT_TOEVOEGEN: Proef(
        "melding",
        lambda c, w, z: c.post(f"/api/v1/zaken/{z.pk}/documenten/", {
            "bestand": _pdf(), "soort": "offerte"}, format="multipart"),
        lambda c, w, z: c.post(f"/zaken/{z.pk}/documenten/", {"document-bestand": _pdf(), "document-soort": "offerte"}),
        lambda w, z: Document.objects.filter(zaak=z.pk).count(),
    ),
    rechten.DOCUMENT_INZIEN: Proef(
        "vier_ogen",
        lambda c, w, z: c.get(f"/api/v1/documenten/{_document(w, z).pk}/inhoud/"),
        lambda c, w, z: c.get(f"/documenten/{_document(w, z).pk}/inhoud/"),
        None,
    ),
    # Policy (issue 12): proposing a change of a municipal parameter; approving one made by another
    # beleidsmedewerker (made inside the probe's savepoint). No zaak involved: the same in every world.
    rechten.BELEID_VOORSTELLEN: Proef(
        "melding",
        lambda c, w, z: c.post("/api/v1/beleidsvoorstellen/", _beleidsvoorstel_invoer(), format="json"),
        lambda c, w, z: c.post("/beleid/", _beleidsvoorstel_invoer()),
        lambda w, z: Beleidsvoorstel.objects.count(),
    ),
    rechten.BELEID_GOEDKEUREN: Proef(
        "melding",
        lambda c, w, z: c.post(f"/api/v1/beleidsvoorstellen/{_beleidsvoorstel().pk}/beoordelen/", {"akkoord": True},
                               format="json"),
        lambda c, w, z: c.post(f"/beleid/voorstellen/{_beleidsvoorstel().pk}/beoordelen/", {"akkoord": "ja"}),
        lambda w, z: Beleidsversie.objects.count(),
    ),
    # Issue 12 point 4: starting the ambtshalve inkomenstoeslag batch of a peildatum (Inkomen only).
    rechten.AMBTSHALVE: Proef(
        "melding",
        lambda c, w, z: c.post("/api/v1/ambtshalve-batches/", {"peildatum": "2026-03-01"}, format="json"),
        lambda c, w, z: c.post("/ambtshalve/", {"peildatum": "2026-03-01"}),
        lambda w, z: _telling_ambtshalve(),
    ),
    # The monitor (issue 12, point 5) has no API: the api channel downloads the half-yearly report as the same user.
    rechten.MONITOR_INZIEN: Proef(
        "melding",
        lambda c, w, z: _als_sessie(c).get("/monitor/rapport/2026-H1.pdf"),
        lambda c, w, z: c.get("/monitor/", {"periode": "2026-H1"}),
        None,
    ),
    # The teamleider's team monitor (issue 12, point 5) has no API either: both channels open the page as the user.
    rechten.TEAM_MONITOR: Proef(
        "melding",
        lambda c, w, z: _als_sessie(c).get("/monitor/team/"),
        lambda c, w, z: c.get("/monitor/team/"),
        None,
    ),
    # Adviesraad (issue 12, point 6): a request through the API and the page; the advice on a request made by a
    # beleidsmedewerker outside the matrix (inside the probe's savepoint). No zaak: the same in every world.
    rechten.ADVIES_AANVRAGEN: Proef(
        "melding",
        lambda c, w, z: c.post("/api/v1/adviesaanvragen/", _adviesaanvraag_invoer(), format="json"),
        lambda c, w, z: c.post("/adviesraad/", _adviesaanvraag_invoer()),
        lambda w, z: _adviesaanvragen(),
    ),
    rechten.ADVIES_VASTLEGGEN: Proef(
        "melding",
        lambda c, w, z: c.post(f"/api/v1/adviesaanvragen/{_adviesaanvraag().pk}/advies/", {
            "uitgebracht_op": "2026-01-20", "punten": [{"kop": "Inleiding", "tekst": "Maak het eenvoudiger."}]},
            format="json"),
        lambda c, w, z: c.post(f"/adviesraad/aanvragen/{_adviesaanvraag().pk}/advies/", {
            "uitgebracht_op": "2026-01-20", "punten": "Inleiding\nMaak het eenvoudiger."}),
        lambda w, z: _adviezen(),
    ),
    rechten.AUDITLOG_INZIEN: Proef(
        "melding",
        lambda c, w, z: c.get("/api/v1/audit/"),
        lambda c, w, z: c.get("/auditlog/"),
        None,
    ),
    # Issue 10: the iWmo/iJw messages of a zaak (reading them; sending and importing check the same cell), and a
    # tariff recorded through the API and the product page.
    rechten.IWMO_BERICHTEN: Proef(
        "melding",
        lambda c, w, z: c.get(f"/api/v1/zaken/{z.pk}/iwmo-berichten/"),
        lambda c, w, z: c.get(f"/zaken/{z.pk}/iwmo/"),
        None,
    ),
    rechten.AANBIEDERS_BEHEREN: Proef(
        "melding",
        lambda c, w, z: c.post("/api/v1/tarieven/", {"product": _product(w).pk, "bedrag": "10.00", "van": "2026-01-01",
                                                     "bron": "Contract 2026"}, format="json"),
        lambda c, w, z: c.post(f"/producten/{_product(w).pk}/", {"tarief-bedrag": "10,00", "tarief-van": "2026-01-01",
                                                                 "tarief-bron": "Contract 2026"}),
        lambda w, z: Tarief.objects.count(),
    ),
    # Enforcement (issue 11; maatwerk.handhaving): the same in every domain, so the zaak only names the world.
    rechten.HANDHAVING_MELDINGEN: Proef(
        "melding",
        lambda c, w, z: c.get("/api/v1/handhaving/meldingen/"),
        lambda c, w, z: c.get("/handhaving/"),
        None,
    ),
    rechten.CASUSTAFEL_VASTLEGGEN: Proef(
        "melding",
        lambda c, w, z: c.post(f"/api/v1/handhaving/meldingen/{_handhavingsmelding(w).pk}/casustafel/", CASUSTAFEL,
                               format="json"),
        lambda c, w, z: c.post(f"/handhaving/meldingen/{_handhavingsmelding(w).pk}/",
                               {f"casustafel-{k}": v for k, v in CASUSTAFEL.items()}),
        lambda w, z: _telling("Casustafel"),
    ),
    rechten.IB_VERGELIJKEN: Proef(
        "melding",
        lambda c, w, z: c.post("/api/v1/handhaving/vergelijkingen/", {
            "maand": "2026-01", "bestandsnaam": "ib.csv", "inhoud": _ib_bestand()}, format="json"),
        lambda c, w, z: c.post("/handhaving/inlichtingenbureau/", {"maand": "2026-01", "bestand": _ib_upload()}),
        lambda w, z: _telling("Vergelijking"),
    ),
    rechten.HUISBEZOEK_VASTLEGGEN: Proef(
        # Viewing the records and the form: recording one needs a client with a running benefit
        # (tests/handhaving/test_casustafel_huisbezoek.py walks the roles for that).
        "melding",
        lambda c, w, z: c.get("/api/v1/handhaving/huisbezoeken/"),
        lambda c, w, z: c.get("/handhaving/huisbezoeken/nieuw/"),
        None,
    ),
    rechten.INDICATOR_REGISTREREN: Proef(
        "melding",
        lambda c, w, z: c.post("/api/v1/handhaving/indicatoren/", _indicator_invoer(), format="json"),
        lambda c, w, z: c.post("/handhaving/indicatoren/", {f"indicator-{k}": v for k, v in _indicator_invoer().items()}),
        lambda w, z: _telling("Indicator"),
    ),
    rechten.INDICATOR_GOEDKEUREN: Proef(
        # The indicator's author is the consulent of the world: nobody in the matrix approves his own.
        "melding",
        lambda c, w, z: c.post(f"/api/v1/handhaving/indicatoren/{_indicator(w).pk}/goedkeuren/",
                               {"toelichting": "Transparant en gelijk voor iedereen."}, format="json"),
        lambda c, w, z: c.post(f"/handhaving/indicatoren/{_indicator(w).pk}/",
                               {"goedkeuring-toelichting": "Transparant en gelijk voor iedereen."}),
        lambda w, z: _telling("IndicatorGoedkeuring"),
    ),
}

CASUSTAFEL = {"datum": "2026-01-20", "interventie": "gesprek", "motivering": "Eerste signaal; een gesprek past.",
              "uitkomst": "Gesprek met de inwoner.", "feit_1": "De melder zag het op 2 januari.",
              "bron_1": "Melding van het meldpunt", "deelnemer_1": "A. Jansen", "discipline_1": "handhaver",
              "akkoord_1": "on", "deelnemer_2": "B. Pieters", "discipline_2": "consulent", "akkoord_2": "on"}


def _telling(model: str) -> int:
    from django.apps import apps

    return apps.get_model("handhaving", model).objects.count()


def _handhavingsmelding(w):
    from maatwerk.handhaving import meldpunt

    return meldpunt.meld({"richting": "client", "domein": w.domein, "betreft": "Een inwoner",
                          "omschrijving": "Wat de melder zelf zag, en wanneer."}).melding


def _ib_bestand() -> str:
    # One line about someone without a running benefit: a valid file, counted and not kept.
    return ("maand;bsn;soort;bron;bedrag;begindatum;einddatum;omschrijving\n"
            f"2026-01;{bsn_met_elfproef(next(_nummer) * 7919 + 1)};inkomen;UWV;10,00;;;Loon\n")


def _ib_upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("ib.csv", _ib_bestand().encode(), content_type="text/csv")


def _indicator_invoer() -> dict:
    return {"code": f"matrix-{next(_nummer)}", "naam": "Matrix", "omschrijving": "Omschrijving.", "doel": "Doel.",
            "wettelijke_grondslag": "Participatiewet art. 17.", "criteria": "Elke regel.", "gegevens": "BSN.",
            "eigenaar": "Teamleider", "menselijke_tussenkomst": "Casustafel.", "signaalsoort": ""}


def _indicator(w):
    from maatwerk.handhaving.models import Indicator

    return Indicator.objects.create(auteur=w.consulent, **_indicator_invoer())


def _product(w):
    """A product of the world's domain (inside the probe's savepoint)."""
    from maatwerk.iwmo.models import Product

    categorie = "01" if w.domein == "wmo" else "45"
    return Product.objects.get_or_create(domein=w.domein, categorie=categorie, code=f"{categorie}X01", defaults={
        "omschrijving": "Matrixproduct", "eenheid": "04", "frequentie": "2"})[0]


def _beleidsvoorstel_invoer() -> dict:
    return {"parameter": "bijzondere_bijstand.draagkracht.inkomensgrens_percentage", "waarde": "120",
            "ingangsdatum": "2099-01-01", "reden": "Raadsbesluit minimabeleid"}


def _beleidsvoorstel():
    """A proposal by a beleidsmedewerker outside the matrix (nobody in the matrix approves his own work)."""
    from maatwerk.beleid import services as beleidsservices

    ander, nieuw = User.objects.get_or_create(username="matrix_beleid_voorsteller")
    if nieuw:
        ander.groups.add(Group.objects.get(name="beleidsmedewerker"))
    return beleidsservices.stel_voor(ander, **_beleidsvoorstel_invoer())


def _adviesaanvraag_invoer() -> dict:
    return {"onderwerp": "Matrixonderwerp", "vraag": "Punt 1", "verzonden_op": "2026-01-05", "ontvangen_op": "2026-01-06"}


def _adviesaanvragen() -> int:
    from maatwerk.adviesraad.models import Adviesaanvraag

    return Adviesaanvraag.objects.count()


def _adviezen() -> int:
    from maatwerk.adviesraad.models import Advies

    return Advies.objects.count()


def _adviesaanvraag():
    """A request by a beleidsmedewerker outside the matrix (inside the probe's savepoint)."""
    from maatwerk.adviesraad import services as adviesservices

    ander, nieuw = User.objects.get_or_create(username="matrix_advies_aanvrager")
    if nieuw:
        ander.groups.add(Group.objects.get(name="beleidsmedewerker"))
    return adviesservices.vraag_advies(ander, **_adviesaanvraag_invoer())


def _pdf():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("offerte.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")


def _document(w, z):
    """A document on `z`, attached by the consulent of its domain (inside the probe's savepoint)."""
    from maatwerk.zaken import documenten

    return documenten.voeg_toe(w.consulent, z, _pdf(), soort="bankafschrift")


def _criterium(zaak) -> str:
    return zaak.definitie.criteria_op(beoordeling.peildatum_criteria(zaak))[0].code


# ------------------------------------------------------------------ expectation from the table


def verwacht(rol: str, handeling: str, wereld: Wereld, zaak) -> bool:
    """What the table says for this role in this world. Conditions as they hold here: the consulent's own
    domain; no consent or legal ground is recorded; the probe's zaak needs four eyes or not; nobody in the
    matrix did the work he would approve (the besluit under bezwaar is a colleague's); the zaak has a bekendgemaakt
    besluit or a registered bezwaar or not."""
    r = rechten.recht(rol, handeling, wereld.domein)
    if not r.toegestaan:
        return False
    V = rechten.Voorwaarde
    voldaan = {
        V.EIGEN_DOMEIN: DOMEIN_VAN_ROL.get(rol) == wereld.domein,
        V.MET_GROND: False,
        V.VIER_OGEN_NODIG: beleid.tweede_beoordeling_nodig(zaak),
        V.NIET_EIGEN_WERK: True,
        V.MET_BEZWAAR: beleid.heeft_bezwaar(zaak),
        V.BEKENDGEMAAKT_BESLUIT: beleid.heeft_bekendgemaakt_besluit(zaak),
    }
    return all(voldaan[v] for v in r.voorwaarden)


TOEGESTAAN = {200, 201, 204, 302}
GEWEIGERD = {403, 404}
# An id in a request body that the user may not see answers exactly like an unknown id: 400 "Onbekende ..."
# (beleid.verwijzing; issue 7: a forbidden and a missing object answer the same).
ONBEKEND = "Onbekende"


def _geweigerd(status: int, inhoud: bytes) -> bool:
    return status in GEWEIGERD or (status == 400 and ONBEKEND.encode() in inhoud)


def _probeer(kanaal: str, user: User, proef: Proef, wereld: Wereld, zaak):
    """Try once in a savepoint that is rolled back; returns (status, effect before, effect after)."""
    with transaction.atomic():
        voor = proef.effect(wereld, zaak) if proef.effect else None
        if kanaal == "api":
            client = APIClient()
            client.force_authenticate(user)
            antwoord = proef.api(client, wereld, zaak)
        else:
            client = Client()
            client.force_login(user)
            antwoord = proef.pagina(client, wereld, zaak)
        na = proef.effect(wereld, zaak) if proef.effect else None
        transaction.set_rollback(True)
    return antwoord.status_code, antwoord.content, voor, na


def _telling_ambtshalve() -> int:
    from maatwerk.ambtshalve.models import Batch

    return Batch.objects.count()


def _loop(wereld: Wereld, gebruikers: dict, kanaal: str, extra_zaken: dict | None = None) -> list[str]:
    fouten = []
    for handeling, proef in PROEVEN.items():
        if not rechten.van_toepassing(handeling, wereld.regeling):
            continue
        if kanaal == "pagina" and proef.pagina is None:
            continue
        zaak = wereld.zaken[proef.zaak]
        for rol in ROLLEN:
            mag = verwacht(rol, handeling, wereld, zaak)
            status, inhoud, voor, na = _probeer(kanaal, gebruikers[rol], proef, wereld, zaak)
            if mag and (status not in TOEGESTAAN or (proef.effect and voor == na)):
                fouten.append(f"{kanaal} {wereld.regeling} {rol} {handeling}: toegestaan volgens de tabel, maar "
                              f"status {status}, effect {voor!r} -> {na!r}")
            if not mag and (not _geweigerd(status, inhoud) or voor != na):
                fouten.append(f"{kanaal} {wereld.regeling} {rol} {handeling}: niet toegestaan volgens de tabel, maar "
                              f"status {status}, effect {voor!r} -> {na!r}")
    return fouten


# ------------------------------------------------------------------ tests


def test_elke_handeling_heeft_een_proef():
    assert set(PROEVEN) == set(rechten.HANDELINGEN)


@pytest.mark.parametrize("regeling", sorted(REGELINGEN))
def test_rollenmatrix(regeling, db, monkeypatch):
    # The matrix is about who may act; rendering the PDF of each letter (tests/besluiten/test_brieven.py) would
    # take most of its time.
    monkeypatch.setattr(besluiten, "html_naar_pdf", lambda html: b"%PDF-1.4 rollenmatrix")
    gebruikers = _gebruikers()
    wereld = _bouw(regeling, gebruikers)
    fouten = _loop(wereld, gebruikers, "api") + _loop(wereld, gebruikers, "pagina")
    # Also the negative side of "alleen als vier-ogen nodig is": a zaak within the mandate (here: in melding)
    # is not shown to the kwaliteitsmedewerker.
    kwm = gebruikers[KWALITEITSMEDEWERKER]
    melding = wereld.zaken["melding"].pk
    for kanaal, pad in (("api", f"/api/v1/zaken/{melding}/"), ("pagina", f"/zaken/{melding}/")):
        client = APIClient() if kanaal == "api" else Client()
        client.force_authenticate(kwm) if kanaal == "api" else client.force_login(kwm)
        if client.get(pad).status_code not in GEWEIGERD:
            fouten.append(f"{kanaal} {regeling}: kwaliteitsmedewerker ziet een zaak zonder tweede beoordeling")
    # And both sides of "alleen zaken met een bezwaar": the jurist reads the zaak under bezwaar, but not a zaak
    # without one, nor the household or person behind it (purpose-bound, issue 8).
    jurist = gebruikers[JURIST]
    z = wereld.zaken["bezwaar"]
    for kanaal, pad, mag in (("api", f"/api/v1/zaken/{z.pk}/", True), ("pagina", f"/zaken/{z.pk}/", True),
                             ("pagina", f"/besluiten/bezwaren/{wereld.bezwaar.pk}/", True),
                             ("api", f"/api/v1/zaken/{melding}/", False),
                             ("api", f"/api/v1/huishoudens/{z.huishouden_id}/", False),
                             ("pagina", f"/huishoudens/{z.huishouden_id}/", False),
                             ("api", f"/api/v1/inwoners/{z.hoofdpersoon_id}/", False)):
        client = APIClient() if kanaal == "api" else Client()
        client.force_authenticate(jurist) if kanaal == "api" else client.force_login(jurist)
        antwoord = client.get(pad)
        if (antwoord.status_code == 200) != mag or (not mag and antwoord.status_code not in GEWEIGERD):
            fouten.append(f"{kanaal} {regeling}: jurist {pad} -> {antwoord.status_code}, verwacht {'200' if mag else '403/404'}")
    assert not fouten, "\n".join(fouten)


# ------------------------------------------------------------------ adviesraad pages beyond the table's probes


def _beantwoord_adviespunt():
    """A request with an advice and the college's answer on its one point (users outside the matrix)."""
    from maatwerk.adviesraad import services as adviesservices

    secretaris, nieuw = User.objects.get_or_create(username="matrix_advies_secretaris")
    if nieuw:
        secretaris.groups.add(Group.objects.get(name="adviesraad_secretaris"))
    aanvraag = _adviesaanvraag()
    advies = adviesservices.leg_advies_vast(secretaris, aanvraag, uitgebracht_op="2026-01-20",
                                            punten=[{"kop": "Inleiding", "tekst": "Maak het eenvoudiger."}])
    punt = advies.punten.get()
    return adviesservices.beantwoord(aanvraag.aangemaakt_door, punt, reactie="overgenomen", antwoord="Ja.",
                                     beantwoord_op="2026-01-25")


def _adviesraad_proeven() -> dict[str, tuple[str, Callable, Callable]]:
    """Per new page: the action of the rights table it needs, the request and its effect."""
    from maatwerk.adviesraad import bijlagen
    from maatwerk.adviesraad.models import Adviesdocument, EerderAntwoord, Raadsverstrekking

    def correctie(c):
        p = _beantwoord_adviespunt()
        v = f"correctie{p.pk}-"
        return c.post(f"/adviesraad/punten/{p.pk}/correctie/", {
            v + "reactie": "niet", v + "antwoord": "Nee.", v + "motivering": "Te duur.", v + "reden": "Herzien.",
            v + "gecorrigeerd_op": "2026-01-26"})

    def api_correctie(c):
        p = _beantwoord_adviespunt()
        return c.post(f"/api/v1/adviespunten/{p.pk}/correctie/", {
            "reactie": "niet", "antwoord": "Nee.", "motivering": "Te duur.", "reden": "Herzien.",
            "gecorrigeerd_op": "2026-01-26"}, content_type="application/json")

    def api_raad(stuk):
        def verzoek(c):
            advies = _beantwoord_adviespunt().advies
            return c.post(f"/api/v1/adviesaanvragen/{advies.aanvraag_id}/raad/",
                          {"stuk": stuk, "verstrekt_op": "2026-01-26"}, content_type="application/json")
        return verzoek

    def raad(stuk):
        def verzoek(c):
            advies = _beantwoord_adviespunt().advies
            return c.post(f"/adviesraad/aanvragen/{advies.aanvraag_id}/raad/{stuk}/",
                          {f"raad-{stuk}-verstrekt_op": "2026-01-26"})
        return verzoek

    def upload(bij):
        def verzoek(c):
            aanvraag = _beantwoord_adviespunt().advies.aanvraag
            return c.post(f"/adviesraad/aanvragen/{aanvraag.pk}/documenten/{bij}/",
                          {f"documenten-{bij}-bestanden": [_pdf()]})
        return verzoek

    def download(c):
        """Seeing a document: whoever may see the requests (either action), the effect is its audit line."""
        aanvraag = _beantwoord_adviespunt().advies.aanvraag
        (document,), _ = bijlagen.voeg_toe(aanvraag.aangemaakt_door, aanvraag, [_pdf()], bij="aanvraag")
        return c.get(f"/adviesraad/documenten/{document.pk}/")

    def downloads() -> int:
        from maatwerk.toegang.models import AuditRegel

        return AuditRegel.objects.filter(onderwerp="adviesdocument (download)", toegestaan=True).count()

    return {"correctie": (rechten.ADVIES_AANVRAGEN, correctie, lambda: EerderAntwoord.objects.count()),
            "upload aanvraag": (rechten.ADVIES_AANVRAGEN, upload("aanvraag"), lambda: Adviesdocument.objects.count()),
            "upload advies": (rechten.ADVIES_VASTLEGGEN, upload("advies"), lambda: Adviesdocument.objects.count()),
            "download": ((rechten.ADVIES_AANVRAGEN, rechten.ADVIES_VASTLEGGEN), download, downloads),
            # Art. 3:3 lid 1: the secretary sends the advice, the college (beleidsmedewerker) its answer.
            "raad advies": (rechten.ADVIES_VASTLEGGEN, raad("advies"), lambda: Raadsverstrekking.objects.count()),
            "raad antwoord": (rechten.ADVIES_AANVRAGEN, raad("antwoord"), lambda: Raadsverstrekking.objects.count()),
            # The API through the same services: the same rights.
            "api correctie": (rechten.ADVIES_AANVRAGEN, api_correctie, lambda: EerderAntwoord.objects.count()),
            "api raad advies": (rechten.ADVIES_VASTLEGGEN, api_raad("advies"),
                                lambda: Raadsverstrekking.objects.count()),
            "api raad antwoord": (rechten.ADVIES_AANVRAGEN, api_raad("antwoord"),
                                  lambda: Raadsverstrekking.objects.count())}


def test_adviesraad_paginas_per_rol(db):
    """Every role against the adviesraad's later pages: allowed only with the action in the table (in some domain:
    policy has no zaak), otherwise 403/404, nothing changed and the refusal audit-logged."""
    from maatwerk.toegang.models import AuditRegel

    gebruikers = _gebruikers()
    fouten = []
    for naam, (handeling, verzoek, effect) in _adviesraad_proeven().items():
        for rol in ROLLEN:
            handelingen = handeling if isinstance(handeling, tuple) else (handeling,)
            mag = any(rechten.ooit_toegestaan({rol}, h) for h in handelingen)
            with transaction.atomic():
                client = Client()
                client.force_login(gebruikers[rol])
                voor, geweigerd_voor = effect(), AuditRegel.objects.filter(toegestaan=False).count()
                antwoord = verzoek(client)
                na, geweigerd_na = effect(), AuditRegel.objects.filter(toegestaan=False).count()
                transaction.set_rollback(True)
            if mag and (antwoord.status_code not in TOEGESTAAN or voor == na):
                fouten.append(f"{naam} {rol}: toegestaan, maar status {antwoord.status_code}, effect {voor} -> {na}")
            if not mag and (antwoord.status_code not in GEWEIGERD or voor != na or geweigerd_na == geweigerd_voor):
                fouten.append(f"{naam} {rol}: geweigerd verwacht, maar status {antwoord.status_code}, effect "
                              f"{voor} -> {na}, weigering gelogd: {geweigerd_na > geweigerd_voor}")


# ------------------------------------------------------------------ regie: access of a named person (issue 12, point 7)
# Not a row of the rights table (see docs/adviesraad.md, "Regie"): the plan opens for its regisseur and the person
# it escalates to. Every role of the matrix is probed on every route of the API and the pages: the consulenten who
# may see a zaak of the household (Wmo, Jeugd) but are not the regisseur get 403, a colleague of another domain
# (Inkomen) 404 like a missing id; nothing changes and every refusal is audited.


def _regie_wereld(gebruikers: dict):
    from maatwerk.personen.models import Huishoudlid, Huishouden, Inwoner
    from maatwerk.regie import services as regie
    from maatwerk.toegang.beleid import Grond
    from maatwerk.toegang.models import SoortGrond
    from maatwerk.zaken.services import registreer_melding

    grond = Grond(True, SoortGrond.ROL, "rollenmatrix regie")
    gezinnen = []
    for n in (1, 2):
        hh = Huishouden.objects.create(naam=f"Huishouden Regiematrix{n}")
        ouder = Inwoner.objects.create(bsn=bsn_met_elfproef(771_000 + n), voornamen="Anna", achternaam="Regiematrix",
                                       geboortedatum="1985-01-01", straat="Dorpsstraat", huisnummer=n,
                                       postcode="2651 AB", woonplaats="Berkel en Rodenrijs")
        kind = Inwoner.objects.create(bsn=bsn_met_elfproef(772_000 + n), voornamen="Bo", achternaam="Regiematrix",
                                      geboortedatum="2016-01-01", straat="Dorpsstraat", huisnummer=n,
                                      postcode="2651 AB", woonplaats="Berkel en Rodenrijs")
        Huishoudlid.objects.create(huishouden=hh, inwoner=ouder, rol="partner", relatie="aanvrager")
        Huishoudlid.objects.create(huishouden=hh, inwoner=kind, rol="kind", relatie="kind")
        zw = registreer_melding(gebruikers["consulent_wmo"], huishouden=hh, hoofdpersoon=ouder,
                                regeling="wmo_maatwerkvoorziening", omschrijving="Begeleiding",
                                ontvangen_op=dt.date(2026, 1, 5), kosten=None, grond=grond)
        zj = registreer_melding(gebruikers["consulent_jeugd"], huishouden=hh, hoofdpersoon=kind, regeling="jeugdhulp",
                                omschrijving="Jeugdhulp", ontvangen_op=dt.date(2026, 1, 5), kosten=None, grond=grond)
        gezinnen.append((hh, zw, zj))
    regisseur = gebruikers["_collega_consulent_jeugd"]
    teamleider = User.objects.create_user("matrix_teamleider_regie")  # no role: only the plans escalating to him
    plan = regie.maak_plan(gebruikers["consulent_jeugd"], huishouden=gezinnen[0][0], regisseur=regisseur,
                           escalatie_naar=teamleider, escalatie_functie="teamleider sociaal domein",
                           doelen="Bo gaat weer naar school.", toestemming_op=dt.date(2026, 1, 6),
                           toestemming_kenmerk="TST-MATRIX")
    regie.signaleer(dt.date(2026, 12, 7))
    return plan, regisseur, teamleider, gezinnen[1]


def _plan_invoer(zaak, regisseur, baas) -> dict:
    return {"zaak": zaak.pk, "regisseur": regisseur.username, "escalatie_naar": baas.username,
            "escalatie_functie": "teamleider sociaal domein", "doelen": "Samen verder.", "toestemming_op": "2026-01-06",
            "toestemming_kenmerk": "TST-MATRIX-2"}


def _regie_proeven(plan, regisseur, baas, tweede):
    from maatwerk.regie.models import Doorverwijzing, Huishoudplan

    verwijzing = {"van_domein": "jeugd", "naar_domein": "wmo", "datum": "2026-02-01", "reden": "Begeleiding ouder."}
    plan_invoer = _plan_invoer(tweede[2], regisseur, baas)
    pagina_invoer = {**plan_invoer, "regisseur": regisseur.pk, "escalatie_naar": baas.pk, "stilstand_dagen": "28",
                     "max_doorverwijzingen": "2"}
    plannen = lambda: Huishoudplan.objects.count()  # noqa: E731
    verwijzingen = lambda: Doorverwijzing.objects.filter(plan=plan).count()  # noqa: E731
    # (name, channel, call, effect, may the regisseur/escalation person do it)
    return [
        ("plan zien", "api", lambda c: c.get(f"/api/v1/regie/plannen/{plan.pk}/"), None),
        ("plan zien", "pagina", lambda c: c.get(f"/regie/{plan.pk}/"), None),
        ("escalaties van het plan", "api", lambda c: c.get("/api/v1/regie/escalaties/", {"plan": plan.pk}), None),
        ("doorverwijzing", "api", lambda c: c.post(f"/api/v1/regie/plannen/{plan.pk}/doorverwijzingen/", verwijzing,
                                                   format="json"), verwijzingen),
        ("doorverwijzing", "pagina", lambda c: c.post(f"/regie/{plan.pk}/doorverwijzing/", verwijzing), verwijzingen),
        # Making a plan for the second household (a Jeugd and a Wmo zaak, no plan): from its Jeugd zaak.
        ("plan maken", "api", lambda c: c.post("/api/v1/regie/plannen/", plan_invoer, format="json"), plannen),
        ("plan maken", "pagina", lambda c: c.post(f"/regie/nieuw/zaak/{tweede[2].pk}/", pagina_invoer), plannen),
    ]


def test_regie_toegang_per_persoon(db):
    from maatwerk.toegang.models import AuditRegel

    gebruikers = _gebruikers()
    plan, regisseur, baas, tweede = _regie_wereld(gebruikers)
    fouten = []
    personen_ = [(rol, gebruikers[rol]) for rol in ROLLEN] + [("regisseur", regisseur), ("escalatie", baas)]
    for naam, kanaal, aanroep, effect in _regie_proeven(plan, regisseur, baas, tweede):
        for rol, user in personen_:
            # Seeing the plan and recording a referral: only the two named persons. Making a plan: the consulent
            # Jeugd (a zaak of that household in his domain); the regisseur is a consulent Jeugd too.
            if naam == "plan maken":
                mag = rol in ("consulent_jeugd", "regisseur")
            else:
                mag = rol in ("regisseur", "escalatie")
            with transaction.atomic():
                voor = effect() if effect else None
                client = APIClient() if kanaal == "api" else Client()
                client.force_authenticate(user) if kanaal == "api" else client.force_login(user)
                antwoord = aanroep(client)
                na = effect() if effect else None
                geaudit = AuditRegel.objects.filter(gebruikersnaam=user.username, toegestaan=False).exists()
                transaction.set_rollback(True)
            status = antwoord.status_code
            if mag:
                if status not in TOEGESTAAN or (effect and voor == na):
                    fouten.append(f"{kanaal} {naam} {rol}: toegestaan, maar status {status}, effect {voor} -> {na}")
                continue
            if not _geweigerd(status, antwoord.content) or voor != na or not geaudit:
                fouten.append(f"{kanaal} {naam} {rol}: geweigerd verwacht, maar status {status}, effect {voor} -> "
                              f"{na}, geaudit {geaudit}")
            # A consulent who may see a zaak of the household but is not the regisseur learns why (403); a
            # colleague of another domain gets the answer of a missing id (404).
            if naam != "plan maken" and rol in ("consulent_wmo", "consulent_jeugd") and status != 403:
                fouten.append(f"{kanaal} {naam} {rol}: 403 verwacht, kreeg {status}")
            if naam != "plan maken" and rol == "consulent_inkomen" and status != 404:
                fouten.append(f"{kanaal} {naam} {rol}: 404 verwacht, kreeg {status}")
    # The lists show the plan to the two named persons only.
    for rol, user in personen_:
        api, pagina = APIClient(), Client()
        api.force_authenticate(user)
        pagina.force_login(user)
        ids = [p["id"] for p in api.get("/api/v1/regie/plannen/").json()["results"]]
        escalaties = {e["plan"] for e in api.get("/api/v1/regie/escalaties/").json()["results"]}
        in_pagina = f"/regie/{plan.pk}/" in pagina.get("/regie/").content.decode()
        zichtbaar = rol in ("regisseur", "escalatie")
        if (plan.pk in ids, plan.pk in escalaties, in_pagina) != (zichtbaar, zichtbaar, zichtbaar):
            fouten.append(f"lijsten {rol}: api {ids}, escalaties {escalaties}, pagina {in_pagina}")


def test_ambtshalve_concepten_en_vaststellen(db, monkeypatch):
    """Issue 12 point 4: the review list of the batch's concept toekenningen and sending them in bulk (page and API)
    share the action `ambtshalve_inkomenstoeslag` with starting the batch (the probe above), so they are walked here:
    every role, both channels. Allowed: the list (with an audit line for the person shown) and the besluit sent;
    refused: 403/404, an audit line of the refusal, and the besluit still a concept."""
    from maatwerk.ambtshalve.models import Batch, Soort, Uitkomst
    from maatwerk.toegang.models import AuditRegel

    monkeypatch.setattr(besluiten, "html_naar_pdf", lambda html: b"%PDF-1.4 rollenmatrix")
    gebruikers = _gebruikers()
    wereld = _bouw("individuele_inkomenstoeslag", gebruikers)
    zaak, besluit = wereld.zaken["vaststellen"], wereld.besluiten["vaststellen"]
    batch = Batch.objects.create(peildatum=dt.date(2026, 3, 1), gestart_door=wereld.consulent, totaal=1)
    uitkomst = Uitkomst.objects.create(batch=batch, huishouden=zaak.huishouden, hoofdpersoon=zaak.hoofdpersoon,
                                       soort=Soort.CONCEPT_TOEKENNING, zaak=zaak)
    pogingen = {
        ("pagina", "lijst"): lambda c: c.get(f"/ambtshalve/batches/{batch.pk}/vaststellen/"),
        ("api", "lijst"): lambda c: c.get(f"/api/v1/ambtshalve-batches/{batch.pk}/concepten/"),
        ("pagina", "versturen"): lambda c: c.post(f"/ambtshalve/batches/{batch.pk}/vaststellen/",
                                                  {"uitkomsten": [uitkomst.pk]}),
        ("api", "versturen"): lambda c: c.post(f"/api/v1/ambtshalve-batches/{batch.pk}/vaststellen/",
                                               {"uitkomsten": [uitkomst.pk]}, format="json"),
    }
    fouten = []
    for rol in ROLLEN:
        mag = verwacht(rol, rechten.AMBTSHALVE, wereld, zaak)
        user = gebruikers[rol]
        for (kanaal, wat), poging in pogingen.items():
            with transaction.atomic():
                client = APIClient() if kanaal == "api" else Client()
                client.force_authenticate(user) if kanaal == "api" else client.force_login(user)
                audit_voor = AuditRegel.objects.filter(gebruiker=user).count()
                status = poging(client).status_code
                besluit.refresh_from_db()
                regels = list(AuditRegel.objects.filter(gebruiker=user).order_by("id")[audit_voor:])
                verstuurd = besluit.status == "bekendgemaakt"
                if mag:
                    ok = status == 200 and (verstuurd if wat == "versturen" else
                                            any(r.inwoner_id == zaak.hoofdpersoon_id for r in regels))
                else:
                    ok = status in GEWEIGERD and not verstuurd and any(not r.toegestaan for r in regels)
                if not ok:
                    fouten.append(f"{kanaal} {wat} {rol}: {'toegestaan' if mag else 'geweigerd'} volgens de tabel, "
                                  f"maar status {status}, besluit {besluit.status}")
                transaction.set_rollback(True)
    assert any(verwacht(r, rechten.AMBTSHALVE, wereld, zaak) for r in ROLLEN)  # the probe can pass both ways


# ------------------------------------------------------------------ the verlaging (issue 11)

VERLAGING = {
    "gedraging": "pw_tegenprestatie", "omschrijving": "Kwam in juli drie keer niet naar de afgesproken tegenprestatie.",
    "datum_gedraging": "2026-07-20", "datum_constatering": "2026-08-03", "verwijtbaarheid": "verwijtbaar",
    "verwijtbaarheid_toelichting": "Wist van de afspraken en gaf geen reden op voor zijn afwezigheid.",
    "horen": "gehoord", "horen_datum": "2026-08-20", "horen_wijze": "gesprek op het gemeentehuis",
    "geplande_bekendmaking": "2026-08-25"}


def _lopende_bijstand(c):
    """A zaak of algemene bijstand with a bekendgemaakt toekenning (made directly: the flow is tested in
    tests/handhaving/test_verlaging.py)."""
    from decimal import Decimal

    from maatwerk.besluiten.models import Periode, Soort

    zaak = _zaak(c, "algemene_bijstand")
    Besluit.objects.create(zaak=zaak, soort=Soort.TOEKENNING, status="bekendgemaakt", voorziening="Periodieke bijstand",
                           bedrag=Decimal("1348.49"), bedrag_periode=Periode.PER_MAAND, ingangsdatum=dt.date(2026, 1, 1),
                           opgesteld_door=c, besluitdatum=dt.date(2026, 1, 1), bekendgemaakt_op=dt.date(2026, 1, 1))
    return zaak


def test_verlaging_api_rollen(db):
    """The verlaging endpoints (besluiten.verlaging_api) for every role and for the inwoner himself: the consulent
    Inkomen of the zaak records, reads and drafts the besluit; the handhaver records and reads but does not decide;
    everyone else (the other domains, kwaliteit, beleid, beheer, jurist, adviesraad, the inwoner) gets 403/404,
    nothing changes, and the refusal is in the audit log."""
    from maatwerk.besluiten import verlaging as verlagingen
    from maatwerk.besluiten.verlaging_models import Verlaging
    from maatwerk.loket.models import InwonerAccount
    from maatwerk.toegang.models import AuditRegel
    from maatwerk.toegang.rollen import CONSULENT_INKOMEN, HANDHAVER

    gebruikers = _gebruikers()
    consulent = gebruikers[CONSULENT_INKOMEN]
    zaak = _lopende_bijstand(consulent)
    v = verlagingen.leg_vast(consulent, zaak, VERLAGING)
    inwoner = User.objects.create_user("matrix_inwoner")
    InwonerAccount.objects.create(gebruiker=inwoner, bsn=zaak.hoofdpersoon.bsn)
    basis = f"/api/v1/zaken/{zaak.pk}/verlagingen/"
    proeven = {  # name: (call, effect, who may)
        "lijst": (lambda c: c.get(basis), None, {CONSULENT_INKOMEN, HANDHAVER}),
        "vastleggen": (lambda c: c.post(basis, VERLAGING, format="json"), lambda: Verlaging.objects.count(),
                       {CONSULENT_INKOMEN, HANDHAVER}),
        "inzien": (lambda c: c.get(f"{basis}{v.pk}/"), None, {CONSULENT_INKOMEN, HANDHAVER}),
        "besluit": (lambda c: c.post(f"{basis}{v.pk}/besluit/"), lambda: Besluit.objects.filter(soort="verlaging").count(),
                    {CONSULENT_INKOMEN}),
    }
    fouten = []
    for rol, user in [*((r, gebruikers[r]) for r in ROLLEN), ("inwoner", inwoner)]:
        for naam, (roep, effect, wie) in proeven.items():
            with transaction.atomic():
                voor = effect() if effect else None
                # (drafting the besluit is refused by the besluit service: its line says "besluit")
                weigeringen = AuditRegel.objects.filter(gebruikersnaam=user.username, toegestaan=False).count()
                client = APIClient()
                client.force_authenticate(user)
                antwoord = roep(client)
                na = effect() if effect else None
                gelogd = AuditRegel.objects.filter(gebruikersnaam=user.username, toegestaan=False).count() > weigeringen
                transaction.set_rollback(True)
            if rol in wie and (antwoord.status_code not in TOEGESTAAN or (effect and voor == na)):
                fouten.append(f"{rol} {naam}: mag, maar status {antwoord.status_code}, effect {voor!r} -> {na!r}")
            if rol not in wie and (antwoord.status_code not in GEWEIGERD or voor != na or not gelogd):
                fouten.append(f"{rol} {naam}: mag niet, maar status {antwoord.status_code}, effect {voor!r} -> {na!r}, "
                              f"weigering gelogd: {gelogd}")
    assert not fouten, "\n".join(fouten)
