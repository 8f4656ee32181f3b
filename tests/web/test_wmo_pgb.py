"""Pgb (art. 4:7, 4:8) and eigen bijdrage (art. 4:9) wired into the zaak, the besluit and the letter (issue 10
points 2, 3, 4 and the 'done when' for the Wmo): a consulent_wmo takes a request for huishoudelijke ondersteuning
as a pgb with informal help through the cascade to a besluit with the computed pgb and eigen bijdrage.

Figures cross-checked against their source:
- pgb huishoudelijke ondersteuning, informal help: "75 % van het ZIN tarief per periode (4 weken)" (Verordening
  Sociaal Domein 2018 Lansingerland, artikel 4:8, eerste lid, onder c): 75 % of € 400,00 = € 300,00 per 4 weken;
- spending term: "binnen drie maanden na toekenning" (artikel 4:7, achtste lid): 1 februari -> 1 mei 2026;
- abonnementstarief 2026 € 21,80 per maand (CAK, "Verandering in de eigen bijdrage Wmo 2026"; parameter
  wet/wmo_2015/bijdrage_in_de_kosten/abonnementstarief.yaml);
- the 2018 table of artikel 4:9, vierde lid: eenpersoons, niet AOW-gerechtigd: € 13,13 per 4 weken up to an income
  of € 28.108, plus 12,5 % of the income above it, divided over 13 periods;
- "De bijdrage in de kosten overstijgt niet de kostprijs van de voorziening" (artikel 4:9, tweede lid).
"""

import datetime as dt
import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from maatwerk.zaken import beoordeling, procedure
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import Status
from maatwerk.zaken.regelingen import REGELINGEN
from maatwerk.zaken.wmo_berekening import bereken_wmo
from maatwerk.zaken.wmo_criteria import GUNSTIG

pytestmark = pytest.mark.django_db

# The consulent's own reasoning, as recorded after the keukentafelgesprek (longer than one short sentence, so it
# stays in the file and the letter carries the plain sentence per criterion).
REDEN = ("Besproken in het keukentafelgesprek van 12 januari met mevrouw en haar buurvrouw; de stukken van de "
         "huisarts en het verslag van het huisbezoek bevestigen dit, zie het ondersteuningsplan.")
V1 = "/api/v1"
HO_PGB = {"pgb_soort": "huishoudelijke_ondersteuning_informeel", "natura_kostprijs": "400.00", "kostprijs": "400.00",
          "voorziening": "doorlopend", "omschrijving": "hulp bij het huishouden", "omvang": "3 uur per week",
          "ingangsdatum": "2026-02-01", "einddatum": "2027-01-31"}


def _bevindingen(zaak, gebruiker, *, pgb: bool, anders: dict | None = None):
    anders = anders or {}
    for c in REGELINGEN["wmo_maatwerkvoorziening"].criteria:
        if c.vervallen:
            continue
        if not c.nodig_bij(beoordeling.huidige_waarden(zaak)):
            continue
        waarde = anders.get(c.code, "ja" if c.code == "vorm_pgb" and pgb else GUNSTIG[c.code])
        beoordeling.leg_bevinding_vast(zaak, gebruiker, criterium=c.code, waarde=waarde, motivering=REDEN)


@pytest.fixture
def pgb_zaak(maak_zaak, breng_in, wmo):
    zaak = breng_in(maak_zaak(wmo), Status.BEOORDELING, wmo)
    _bevindingen(zaak, wmo, pgb=True)
    return zaak


def _post(c, url, data):
    return c.post(url, data, format="json")


def test_done_when_huishoudelijke_ondersteuning_as_pgb_with_informal_help_to_a_besluit(pgb_zaak, wmo, api):
    from maatwerk.besluiten import services as besluiten
    from maatwerk.brieven.pdf import paginas_hoofddeel
    from maatwerk.besluiten import briefcontrole

    c = api(wmo)
    z = f"{V1}/zaken/{pgb_zaak.pk}"
    # Klaar voor besluit without the pgb computation is refused: the pgb must be computed (art. 4:7, 4:8).
    r = _post(c, f"{z}/overgang/", {"naar": "klaar_voor_besluit", "datum": "2026-01-22", "uitkomst": "toegekend"})
    assert r.status_code in (400, 409) and "berekening" in str(r.json()).lower()
    r = _post(c, f"{z}/berekeningen/", {"maand": "2026-02", "wmo": HO_PGB})
    assert r.status_code == 201, r.json()
    berekening = r.json()
    assert berekening["bedrag"] == "300.00"  # 75 % of € 400,00 (art. 4:8 lid 1 onder c)
    persoon = next(p for p in berekening["resultaat"]["personen"].values() if "pgb_bedrag" in p)
    assert persoon["pgb_bedrag_eenheid"] == "per_periode_van_4_weken"
    assert persoon["pgb_uiterste_bestedingsdatum"] == "2026-05-01"  # art. 4:7 lid 8: three months
    huishouden = next(iter(berekening["resultaat"]["huishoudens"].values()))
    assert huishouden["wmo_eigen_bijdrage_per_periode"] == 21.8 and huishouden["wmo_bijdrageperiode"] == "maand"
    assert berekening["gegevens"]["omvang"] == "3 uur per week"
    r = _post(c, f"{z}/overgang/", {"naar": "klaar_voor_besluit", "datum": "2026-01-22", "uitkomst": "toegekend"})
    assert r.status_code == 200, r.json()
    assert r.json()["voorstel_bedrag"] == "300.00"

    pgb_zaak.refresh_from_db()
    besluit = besluiten.opstellen(pgb_zaak, wmo)
    assert besluit.vorm == "pgb" and besluit.pgb_bedrag == Decimal("300.00") and besluit.bedrag_periode == "vier_weken"
    assert "75 %" in besluit.pgb_berekening and "€ 400,00" in besluit.pgb_berekening
    assert besluit.bijdrage_verschuldigd is True and "€ 21,80 per maand" in besluit.bijdrage_toelichting
    assert "CAK" in besluit.bijdrage_toelichting
    assert "1 mei 2026" in besluit.verantwoording and besluit.kwaliteitseisen
    assert besluit.ingangsdatum == dt.date(2026, 2, 1) and besluit.einddatum == dt.date(2027, 1, 31)
    assert besluit.omvang == "3 uur per week" and besluit.voorziening == "hulp bij het huishouden"
    besluiten.wijzigen(besluit, wmo, beoogd_resultaat="U woont in een schoon huis.",
                       vervolg="U kunt uw hulp vanaf 1 februari betalen uit het pgb.")
    html = besluiten.voorbeeld_html(besluit, wmo)
    assert not briefcontrole.blokkerend(briefcontrole.controleer(besluit, html))  # B1 and the other checks
    for stuk in ("€ 300,00 per 4 weken", "75 %", "€ 21,80 per maand", "CAK", "1 mei 2026", "1 februari 2026",
                 "31 januari 2027", "3 uur per week"):
        assert stuk in html, stuk
    assert "huishoudelijke_ondersteuning" not in html and "vier_weken" not in html
    besluiten.vaststellen(besluit, wmo, datum=dt.date(2026, 1, 26))
    pgb_zaak.refresh_from_db()
    assert pgb_zaak.status == Status.BESLUIT and pgb_zaak.besluit_bedrag == Decimal("300.00")
    # The receipt recomputes to the same pgb with today's rules (maatwerk herbereken).
    from maatwerk.besluiten import ontvangstbewijs

    besluit.refresh_from_db()
    verslag = ontvangstbewijs.herbereken(besluit.ontvangstbewijs)
    assert verslag["zelfde"] and verslag["uitkomst"]["nu"]["berekend_bedrag"] == "300.00"
    brief = besluiten.bekendmaken(besluit, wmo, datum=dt.date(2026, 1, 26))
    # A simple case fits on two pages without the bijlage, measured as WeasyPrint lays the letter out.
    assert paginas_hoofddeel(brief.html) <= 2
    assert len(PdfReader(io.BytesIO(bytes(brief.pdf))).pages) > paginas_hoofddeel(brief.html)  # the bijlage follows


def test_a_failed_pgb_condition_gives_no_pgb_and_names_the_condition(maak_zaak, breng_in, wmo, client):
    zaak = breng_in(maak_zaak(wmo), Status.BEOORDELING, wmo)
    # Art. 4:7 lid 3: "Het PGB kan niet worden aangewend voor de beloning voor huishoudelijke werkzaamheden door
    # aan- of bloedverwanten."
    _bevindingen(zaak, wmo, pgb=True, anders={"pgb_huishoudelijk_werk_door_verwant": "ja"})
    b = bereken_wmo(zaak, wmo, maand="2026-02", **HO_PGB)
    assert b.bedrag == Decimal("0.00")
    client.force_login(wmo)
    pagina = client.get(f"/zaken/{zaak.pk}/").content.decode()
    assert "Geen pgb mogelijk: Het pgb zou huishoudelijk werk door een aan- of bloedverwant belonen (art. 4:7 lid 3)" in pagina


def test_eigen_bijdrage_is_never_above_the_cost_price(maak_zaak, breng_in, wmo):
    zaak = breng_in(maak_zaak(wmo), Status.BEOORDELING, wmo)
    _bevindingen(zaak, wmo, pgb=False)
    b = bereken_wmo(zaak, wmo, maand="2026-02", natura_kostprijs="12.50")
    huishouden = next(iter(b.resultaat["huishoudens"].values()))
    assert huishouden["wmo_eigen_bijdrage_per_periode"] == 12.5  # art. 4:9 lid 2: not the € 21,80 tariff
    assert b.gegevens["kostprijs_uit_natura"] is True


def test_the_2018_table_applies_to_an_older_month(maak_zaak, breng_in, wmo):
    zaak = breng_in(maak_zaak(wmo), Status.BEOORDELING, wmo)
    _bevindingen(zaak, wmo, pgb=False)
    b = bereken_wmo(zaak, wmo, maand="2018-06", natura_kostprijs="400", bijdrage_inkomen="30000")
    huishouden = next(iter(b.resultaat["huishoudens"].values()))
    # Art. 4:9 lid 4 (2018): € 13,13 + 12,5 % × (€ 30.000 − € 28.108) / 13 = € 13,13 + € 18,19 = € 31,32 per 4 weken.
    verwacht = round(13.13 + 0.125 * (30000 - 28108) / 13, 2)
    assert huishouden["wmo_eigen_bijdrage_per_periode"] == pytest.approx(verwacht, abs=0.01)
    assert huishouden["wmo_bijdrageperiode"] == "vier_weken"


@pytest.mark.parametrize("wmo_invoer, veld", [
    ({**HO_PGB, "natura_kostprijs": "-5"}, "natura_kostprijs"),
    ({**HO_PGB, "pgb_soort": "vakantie"}, "pgb_soort"),
    ({**HO_PGB, "einddatum": "2026-01-31"}, "einddatum"),
    ({**HO_PGB, "pgb_soort": "geen"}, "pgb_soort"),
    ({**HO_PGB, "natura_kostprijs": None, "kostprijs": None}, "natura_kostprijs"),
    ({**HO_PGB, "ingangsdatum": "31-02-2026"}, "ingangsdatum"),
])
def test_bad_wmo_input_gets_a_dutch_message_naming_the_field(pgb_zaak, wmo, api, wmo_invoer, veld):
    r = _post(api(wmo), f"{V1}/zaken/{pgb_zaak.pk}/berekeningen/", {"maand": "2026-02", "wmo": wmo_invoer})
    assert r.status_code == 400, r.json()
    assert veld in str(r.json())
    assert not pgb_zaak.berekeningen.exists()


def test_a_changed_finding_after_the_computation_asks_to_compute_again(pgb_zaak, wmo):
    bereken_wmo(pgb_zaak, wmo, maand="2026-02", **HO_PGB)
    beoordeling.leg_bevinding_vast(pgb_zaak, wmo, criterium="pgb_client_gemotiveerd", waarde="ja",
                                   motivering="Opnieuw besproken: zij wil de hulp van de buurvrouw zelf regelen.")
    with pytest.raises(ProcedureFout) as fout:
        procedure.voer_uit(pgb_zaak, Status.KLAAR_VOOR_BESLUIT, wmo, datum=dt.date(2026, 1, 22), uitkomst="toegekend")
    assert fout.value.code == "berekening_verouderd"


def test_a_proposal_above_the_computed_pgb_needs_a_deviation(pgb_zaak, wmo):
    bereken_wmo(pgb_zaak, wmo, maand="2026-02", **HO_PGB)
    with pytest.raises(ProcedureFout) as fout:
        procedure.voer_uit(pgb_zaak, Status.KLAAR_VOOR_BESLUIT, wmo, datum=dt.date(2026, 1, 22), uitkomst="toegekend",
                           bedrag=Decimal("350.00"))
    assert fout.value.code == "afwijking_nodig"


def test_the_zaak_page_shows_pgb_and_eigen_bijdrage_with_sources(pgb_zaak, wmo, client):
    bereken_wmo(pgb_zaak, wmo, maand="2026-02", **HO_PGB)
    client.force_login(wmo)
    pagina = client.get(f"/zaken/{pgb_zaak.pk}/").content.decode()
    assert "€ 300,00 per 4 weken" in pagina and "1 mei 2026" in pagina
    assert "€ 21,80 per maand" in pagina and "Het CAK stelt de eigen bijdrage vast en stuurt u de rekening" in pagina
    assert "artikel 4:8, eerste lid, onder c" in pagina


def test_the_computation_form_on_the_page_computes_and_keeps_bad_input(pgb_zaak, wmo, client):
    client.force_login(wmo)
    url = f"/zaken/{pgb_zaak.pk}/berekening/"
    data = {"berekening-maand": "2026-02", "berekening-pgb_soort": "huishoudelijke_ondersteuning_informeel",
            "berekening-natura_kostprijs": "400,00", "berekening-voorziening": "doorlopend",
            "berekening-omvang": "3 uur per week", "berekening-einddatum": "abc"}
    r = client.post(url, data)
    assert r.status_code == 400 and "3 uur per week" in r.content.decode()
    data["berekening-einddatum"] = ""
    r = client.post(url, data)
    assert r.status_code in (200, 302)
    assert pgb_zaak.berekeningen.get().bedrag == Decimal("300.00")


def test_every_discretionary_pgb_input_of_the_regelkern_is_a_finding_or_declared():
    """The pgb conditions the Regelkern marks as discretion (wmo_pgb.py) are each a criterion with its Regelkern
    input, or declared as given with the computation: findings and rules cannot drift apart unnoticed."""
    from django.conf import settings

    from maatwerk.regels.systeem import systeem
    from .test_situatie_bevindingen import _discretionaire_invoer

    tbs = systeem(settings.MAATWERK_GEMEENTE)
    r = REGELINGEN["wmo_maatwerkvoorziening"]
    gemapt = {c.invoer.variabele for c in r.criteria if c.invoer}
    zonder = {naam for naam, _ in r.regelkern_zonder_criterium}
    discretie = _discretionaire_invoer(tbs, "wmo_pgb") | _discretionaire_invoer(tbs, "wmo_eigen_bijdrage")
    assert {"pgb_plan_ingediend", "pgb_kwaliteit_gewaarborgd"} <= discretie
    assert discretie - gemapt - zonder == set()
    for c in r.criteria:
        if c.invoer is not None:
            variable = tbs.variables[c.invoer.variabele]
            assert variable.entity.key == "persoon" and variable.value_type is bool, c.code
            assert c.invoer.ja is True and c.invoer.nee is False, c.code
