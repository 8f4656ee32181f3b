"""Issue 11, the done-when: an Inlichtingenbureau file → a signal → a casustafel decision "verlaging" → the verlaging
recorded on the client's zaak and computed by the ordinance (Regelkern) → besluit vastgesteld → B1 letter of at most
two pages → the betaalbestand of the next month pays the benefit minus the verlaging, with the besluit and the rule.
Plus the recording rules (horen 7:14, afwijking 7:13 d, dringende redenen 7:15) and the role matrix."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from maatwerk import cli
from maatwerk.besluiten import services, verlaging
from maatwerk.besluiten.models import Besluit, Soort, Status as BesluitStatus, Verlaging
from maatwerk.brieven.leesbaarheid import meet_brief
from maatwerk.brieven.pdf import paginas_hoofddeel
from maatwerk.handhaving import inlichtingenbureau as ib
from maatwerk.handhaving.models import Casustafel
from maatwerk.personen import services as personen
from maatwerk.toegang.beleid import GeenToegang, NietGevonden
from maatwerk.toegang.models import AuditRegel
from maatwerk.zaken import beoordeling, procedure
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import Status
from maatwerk.zaken.services import meld_zaak

from .conftest import bsn_met_elfproef

pytestmark = pytest.mark.django_db
MOTIVERING = "Blijkt uit het gesprek en de loonstroken in het dossier."
# Norm alleenstaande 21 jaar tot AOW per 1 juli 2026: € 1.419,46 incl. € 70,97 vakantietoeslag (art. 21 onder a Pw);
# paid without the reserved vakantietoeslag: € 1.348,49 a month.
VOLLE_MAAND = Decimal("1348.49")
NORM = Decimal("1419.46")
BEKENDMAKING = dt.date(2026, 8, 25)


def lopende_bijstand(gebruiker, n: int, einddatum: dt.date | None = None) -> Besluit:
    """A zaak of algemene bijstand through the real flow: findings, computation, besluit vastgesteld and sent."""
    aanvrager = personen.registreer_inwoner(
        gebruiker, bsn=bsn_met_elfproef(61000000 + n * 7919), voornamen="Sanne", achternaam=f"Verlaagd{n}",
        geboortedatum=dt.date(1980, 1, 1), straat="Dorpsstraat", huisnummer=n, postcode="2651 AB",
        woonplaats="Berkel en Rodenrijs")
    huishouden = personen.maak_huishouden(gebruiker, naam=f"Huishouden Verlaagd{n}", aanvrager=aanvrager)
    zaak = meld_zaak(gebruiker, huishouden=huishouden, hoofdpersoon=aanvrager, regeling="algemene_bijstand",
                     ontvangen_op=dt.date(2026, 6, 1), omschrijving="Bijstand voor levensonderhoud")
    procedure.voer_uit(zaak, Status.AANVRAAG, gebruiker, datum=dt.date(2026, 6, 2))
    procedure.voer_uit(zaak, Status.BEOORDELING, gebruiker, datum=dt.date(2026, 6, 3))
    # The asked criteria, in the order the regeling asks them.
    for code, waarde in (("arbeid_draagt_bij_aan_arbeidsinschakeling", "nee"), ("afwijzingsgronden", "nee")):
        beoordeling.leg_bevinding_vast(zaak, gebruiker, criterium=code, waarde=waarde, motivering=MOTIVERING)
    beoordeling.bereken(zaak, gebruiker, maand="2026-06")
    procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, gebruiker, datum=dt.date(2026, 6, 3), uitkomst="toegekend")
    zaak.refresh_from_db()
    besluit = services.opstellen(zaak, gebruiker)
    services.wijzigen(besluit, gebruiker, ingangsdatum=dt.date(2026, 6, 1), vervolg="Wij betalen elke maand.",
                      **({"einddatum": einddatum} if einddatum else {}))
    besluit = services.vaststellen(besluit, gebruiker, datum=dt.date(2026, 6, 5))
    besluit.status = BesluitStatus.BEKENDGEMAAKT  # how the letter is sent is tested in tests/besluiten
    besluit.bekendgemaakt_op = dt.date(2026, 6, 5)
    besluit.save(update_fields=["status", "bekendgemaakt_op"])
    return besluit


def feiten(**anders) -> dict:
    basis = {
        "gedraging": "pw_tegenprestatie",
        "omschrijving": "De inwoner kwam in juli drie keer niet naar de afgesproken tegenprestatie.",
        "datum_gedraging": "2026-07-20", "datum_constatering": "2026-08-03",
        "verwijtbaarheid": "verwijtbaar",
        "verwijtbaarheid_toelichting": "Hij wist van de afspraken en gaf geen reden op voor zijn afwezigheid.",
        "horen": "gehoord", "horen_datum": "2026-08-20", "horen_wijze": "gesprek op het gemeentehuis",
        "horen_toelichting": "Hij zegt dat hij de afspraak vergat.",
        "geplande_bekendmaking": BEKENDMAKING.isoformat(),
    }
    basis.update(anders)
    return basis


def _stel_vast_en_verstuur(besluit, consulent, kwaliteit, datum=BEKENDMAKING):
    if services.vier_ogen(besluit).vereist:
        services.goedkeuren(besluit, kwaliteit, akkoord=True, toelichting="Akkoord met de verlaging.")
    besluit = services.vaststellen(besluit, consulent, datum=datum)
    return services.bekendmaken(besluit, consulent, datum=datum)


def _betaalbestand(capsys, maand):
    assert cli.main(["betaalbestand", maand, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


# ------------------------------------------------------------------ the done-when, end to end


def test_ib_signaal_casustafel_verlaging_besluit_brief_betaalbestand(
        handhaver, inkomen, kwaliteit, client_voor, indicatoren_goedgekeurd, capsys):
    bijstand = lopende_bijstand(inkomen, 1)
    zaak, inwoner = bijstand.zaak, bijstand.zaak.hoofdpersoon
    # 1. The handhaver imports the monthly file: one hit on this client.
    inhoud = ("maand;bsn;soort;bron;bedrag;begindatum;einddatum;omschrijving\n"
              f"2026-08;{inwoner.bsn};inkomen;UWV Polisadministratie;412,50;2026-07-01;2026-07-31;Loon\n").encode()
    signaal = ib.vergelijk(handhaver, inhoud, "ib.csv", "2026-08").signalen.get()
    assert signaal.inwoner == inwoner
    # 2. The casustafel decides "verlaging" (through the page, as the handhaver does it).
    antwoord = client_voor(handhaver).post(f"/handhaving/signalen/{signaal.pk}/", {
        "casustafel-datum": "2026-08-10", "casustafel-interventie": "verlaging",
        "casustafel-motivering": "Tegenprestatie niet verricht en loon niet gemeld; verlaging volgens de verordening.",
        "casustafel-uitkomst": "De handhaver legt de verlaging vast op de zaak.",
        "casustafel-feit_1": "Loon van € 412,50 in juli 2026.", "casustafel-bron_1": "Inlichtingenbureau augustus 2026, regel 2",
        "casustafel-deelnemer_1": "A. Jansen", "casustafel-discipline_1": "handhaver", "casustafel-akkoord_1": "on",
        "casustafel-deelnemer_2": "B. Pieters", "casustafel-discipline_2": "consulent inkomen", "casustafel-akkoord_2": "on",
        "casustafel-afgerond": "on"})
    assert antwoord.status_code == 302, antwoord.content.decode()[:500]
    tafel = Casustafel.objects.get(signaal=signaal)
    assert tafel.interventie == "verlaging"
    # 3. The handhaver records the verlaging on the zaak, linked to the casustafel; the Regelkern computes it.
    v = verlaging.leg_vast(handhaver, zaak, feiten(), casustafel=tafel)
    assert v.opgelegd and v.casustafel == tafel and tafel.verlagingen.get() == v
    # Art. 7:20 onder c (third category) of the norm at bekendmaking, one month, from the month after (7:16 lid 1).
    pct = Decimal(str(v.resultaat["afstemming_percentage"]))
    totaal = (NORM * pct).quantize(Decimal("0.01"))
    assert Decimal(str(v.resultaat["afstemming_verlaging_totaal"])) == totaal and pct > 0
    assert v.maanden == [{"maand": "2026-09", "bedrag": str(totaal)}]
    assert [e["onderdeel"] for e in v.elementen] == ["a", "b", "c"]
    assert all(e["bron"] for e in v.elementen) and "afstemming.totaal" in json.dumps(v.uitleg)
    # 4. The consulent drafts the besluit; it goes through the ordinary services (four eyes as configured).
    besluit = verlaging.stel_besluit_op(v, inkomen)
    assert besluit.soort == Soort.VERLAGING and besluit.bedrag == totaal
    assert besluit.ingangsdatum == dt.date(2026, 9, 1) and besluit.einddatum == dt.date(2026, 9, 30)
    brief = _stel_vast_en_verstuur(besluit, inkomen, kwaliteit)
    besluit.refresh_from_db()
    assert besluit.status == BesluitStatus.BEKENDGEMAAKT
    zaak.refresh_from_db()
    assert zaak.status == Status.BESLUIT  # the toekenning stays the zaak's decision
    # 5. The letter: B1, the four elements of 7:13 with their sources, ingangsdatum, bezwaar, at most two pages.
    html = brief.html
    assert meet_brief(html).voldoet and brief.leesbaarheid["b1"]
    assert "Wij verlagen uw bijstand" in html and "1 september 2026" in html and "30 september 2026" in html
    assert "Tegenprestatie niet of onvoldoende verricht" in html and "één maand" in html
    # The sources of the elements and of the hearing are in the bijlage.
    assert "7:18 tot en met 7:25" in html and "7:20 tot en met 7:25" in html and "artikel 7:14" in html
    assert "bezwaar" in html and besluit.bezwaartermijn_einde is not None
    assert "pw_tegenprestatie" not in html and "verwijtbaar\"" not in html
    assert paginas_hoofddeel(html) <= 2
    # 6. The betaalbestand of September: the benefit, the verlaging with besluit and rule, the net payment.
    bestand = _betaalbestand(capsys, "2026-09")
    regel = next(r for r in bestand["regels"] if r["zaak"] == zaak.pk)
    assert Decimal(regel["uitkering"]) == VOLLE_MAAND
    assert Decimal(regel["verlaging"]) == totaal and Decimal(regel["bedrag"]) == VOLLE_MAAND - totaal
    assert regel["verlagingen"][0]["besluit"] == besluit.kenmerk and "7:22" in regel["verlagingen"][0]["regel"]
    assert regel["verlagingen"][0]["uitleg"]
    assert Decimal(bestand["totaal_verlaging"]) == totaal
    assert Decimal(bestand["totaal"]) == Decimal(bestand["totaal_uitkering"]) - totaal
    # October: no verlaging any more.
    oktober = next(r for r in _betaalbestand(capsys, "2026-10")["regels"] if r["zaak"] == zaak.pk)
    assert Decimal(oktober["bedrag"]) == VOLLE_MAAND and oktober["verlagingen"] == []
    # Producing it wrote an audit line with the month and the totals.
    assert AuditRegel.objects.filter(onderwerp="betaalbestand", toelichting__startswith="betaalbestand 2026-09").exists()


def test_artikel_7_21_verlaging_wordt_over_drie_maanden_verdeeld(inkomen, kwaliteit, capsys):
    zaak = lopende_bijstand(inkomen, 2).zaak
    v = verlaging.leg_vast(inkomen, zaak, feiten(gedraging="art_18_lid_4_overig"))
    totaal = Decimal(str(v.resultaat["afstemming_verlaging_totaal"]))
    assert [m["maand"] for m in v.maanden] == ["2026-09", "2026-10", "2026-11"]
    assert sum(Decimal(m["bedrag"]) for m in v.maanden) == totaal  # to the cent (7:22)
    besluit = verlaging.stel_besluit_op(v, inkomen)
    assert besluit.einddatum == dt.date(2026, 11, 30) and "november 2026" in besluit.vervolg
    _stel_vast_en_verstuur(besluit, inkomen, kwaliteit)
    for m in v.maanden:
        regel = next(r for r in _betaalbestand(capsys, m["maand"])["regels"] if r["zaak"] == zaak.pk)
        assert regel["verlaging"] == m["bedrag"]


def test_afzien_om_dringende_redenen_geeft_een_brief(inkomen, kwaliteit):
    zaak = lopende_bijstand(inkomen, 3).zaak
    v = verlaging.leg_vast(inkomen, zaak, feiten(
        dringende_redenen=True,
        dringende_redenen_toelichting="Een verlaging brengt de huur en de zorg voor de kinderen in gevaar."))
    assert not v.opgelegd and v.resultaat["afstemming_brief_afzien"] and v.maanden == []
    besluit = verlaging.stel_besluit_op(v, inkomen)
    assert besluit.soort == Soort.AFZIEN_VERLAGING
    brief = _stel_vast_en_verstuur(besluit, inkomen, kwaliteit)
    assert "Toch verlagen wij uw bijstand niet" in brief.html and "artikel 7:15" in brief.html
    assert meet_brief(brief.html).voldoet and paginas_hoofddeel(brief.html) <= 2


def test_geen_verwijtbaarheid_geeft_geen_besluit(inkomen):
    zaak = lopende_bijstand(inkomen, 4).zaak
    v = verlaging.leg_vast(inkomen, zaak, feiten(verwijtbaarheid="geen_verwijtbaarheid"))
    assert not v.opgelegd
    with pytest.raises(ProcedureFout, match="verwijtbaarheid"):
        verlaging.stel_besluit_op(v, inkomen)


def test_brief_in_een_latere_maand_wordt_geweigerd(inkomen, kwaliteit):
    zaak = lopende_bijstand(inkomen, 5).zaak
    besluit = verlaging.stel_besluit_op(verlaging.leg_vast(inkomen, zaak, feiten()), inkomen)
    if services.vier_ogen(besluit).vereist:
        services.goedkeuren(besluit, kwaliteit, akkoord=True, toelichting="Akkoord.")
    besluit = services.vaststellen(besluit, inkomen, datum=BEKENDMAKING)
    with pytest.raises(ProcedureFout, match="7:16"):
        services.bekendmaken(besluit, inkomen, datum=dt.date(2026, 9, 1))  # 7:16 lid 1: would start in October


# ------------------------------------------------------------------ recording rules


@pytest.mark.parametrize("anders, veld", [
    ({"horen": "niet_vastgesteld"}, "horen"),  # horen skipped without a reason is refused
    ({"horen": "achterwege_spoed", "horen_toelichting": ""}, "horen_toelichting"),
    ({"horen": "gehoord", "horen_datum": ""}, "horen_datum"),
    ({"horen": "gehoord", "horen_wijze": ""}, "horen_wijze"),
    ({"afwijken": True, "afwijkend_percentage": "0.1", "afwijking_reden": ""}, "afwijking_reden"),
    ({"afwijken": True, "afwijking_reden": "De inwoner had een zieke moeder die hij verzorgde."}, "afwijkend_percentage"),
    ({"afwijken": True, "afwijkend_percentage": "1.5", "afwijking_reden": "Reden die lang genoeg is, echt."}, "afwijkend_percentage"),
    ({"dringende_redenen": True, "dringende_redenen_toelichting": "kort"}, "dringende_redenen_toelichting"),
    ({"gedraging": "bestaat_niet"}, "gedraging"),
    ({"gedraging": "tekortschietend_besef"}, "benadelingsbedrag"),
    ({"benadelingsbedrag": "veel"}, "benadelingsbedrag"),
    ({"datum_gedraging": "2026-02-30"}, "datum_gedraging"),
    ({"datum_constatering": "2026-07-01"}, "datum_constatering"),  # before the gedraging
    ({"datum_gedraging": "2099-01-01"}, "datum_gedraging"),
    ({"omschrijving": ""}, "omschrijving"),
    ({"geplande_bekendmaking": "2026-08-01"}, "geplande_bekendmaking"),  # before the constatering
    # Before the ordinance (1 January 2018) there are no rules for a verlaging: the Regelkern's message, no 500.
    ({"datum_gedraging": "2017-06-01", "datum_constatering": "2017-06-02", "horen_datum": "2017-06-03",
      "geplande_bekendmaking": "2017-06-05"}, "geplande_bekendmaking"),
])
def test_foute_invoer_noemt_het_veld_en_bewaart_niets(inkomen, anders, veld):
    zaak = lopende_bijstand(inkomen, 6).zaak
    with pytest.raises(ValidationError) as fout:
        verlaging.leg_vast(inkomen, zaak, feiten(**anders))
    assert veld in fout.value.message_dict
    assert all(m and "_" not in m for m in fout.value.message_dict[veld])
    assert not Verlaging.objects.exists()


def test_horen_achterwege_met_reden_mag(inkomen):
    zaak = lopende_bijstand(inkomen, 7).zaak
    v = verlaging.leg_vast(inkomen, zaak, feiten(horen="achterwege_niet_nodig", horen_datum="", horen_wijze="",
                                                 horen_toelichting="De feiten staan vast en de inwoner erkende ze schriftelijk."))
    assert v.opgelegd
    besluit = verlaging.stel_besluit_op(v, inkomen)
    assert any("7:14, tweede lid" in o.bron for o in besluit.overwegingen.all())


def test_afwijking_met_reden_staat_als_onderdeel_d_in_het_besluit(inkomen):
    zaak = lopende_bijstand(inkomen, 8).zaak
    v = verlaging.leg_vast(inkomen, zaak, feiten(afwijken=True, afwijkend_percentage="0.1",
                                                 afwijking_reden="Hij verzorgde in die weken zijn zieke moeder"))
    assert v.resultaat["afstemming_percentage"] == pytest.approx(0.1)
    assert [e["onderdeel"] for e in v.elementen] == ["a", "b", "c", "d"]
    besluit = verlaging.stel_besluit_op(v, inkomen)
    d = besluit.overwegingen.get(regel_id="afstemming.7_13_d")
    assert "zieke moeder" in d.zin and d.soort == "discretie" and "7:13, onder d" in d.bron


def test_casustafel_zonder_verlaging_kan_niet_gekoppeld(handhaver, inkomen, client_voor, indicatoren_goedgekeurd):
    bijstand = lopende_bijstand(inkomen, 9)
    andere = lopende_bijstand(inkomen, 10)
    inhoud = ("maand;bsn;soort;bron;bedrag;begindatum;einddatum;omschrijving\n"
              f"2026-08;{andere.zaak.hoofdpersoon.bsn};inkomen;UWV;100,00;2026-07-01;2026-07-31;Loon\n").encode()
    signaal = ib.vergelijk(handhaver, inhoud, "ib.csv", "2026-08").signalen.get()
    tafel = Casustafel.objects.create(richting="client", signaal=signaal, datum=dt.date(2026, 8, 10), interventie="verlaging",
                                      motivering="m", uitkomst="u", vastgelegd_door=handhaver)
    with pytest.raises(ValidationError) as fout:  # the casustafel was about another inwoner
        verlaging.leg_vast(handhaver, bijstand.zaak, feiten(), casustafel=tafel)
    assert "casustafel" in fout.value.message_dict


def test_geen_lopende_bijstand_geen_verlaging(inkomen):
    bijstand = lopende_bijstand(inkomen, 11)  # then withdrawn before the constatering:
    nieuw = services.stel_nieuw_besluit_op(bijstand, inkomen, soort="intrekking")
    services.wijzigen(nieuw, inkomen, reden_wijziging="De inwoner verhuisde.", ingangsdatum=dt.date(2026, 7, 1))
    nieuw = services.vaststellen(nieuw, inkomen, datum=dt.date(2026, 7, 1))
    services.bekendmaken(nieuw, inkomen, datum=dt.date(2026, 7, 1))
    with pytest.raises(ProcedureFout, match="lopende"):
        verlaging.leg_vast(inkomen, bijstand.zaak, feiten())


# ------------------------------------------------------------------ recidive through earlier besluiten


def test_recidive_vindt_het_vorige_besluit(inkomen, kwaliteit):
    zaak = lopende_bijstand(inkomen, 12).zaak
    eerste = verlaging.leg_vast(inkomen, zaak, feiten(datum_gedraging="2026-06-10", datum_constatering="2026-06-15",
                                                      horen_datum="2026-06-20", geplande_bekendmaking="2026-06-25"))
    _stel_vast_en_verstuur(verlaging.stel_besluit_op(eerste, inkomen), inkomen, kwaliteit, datum=dt.date(2026, 6, 25))
    tweede = verlaging.leg_vast(inkomen, zaak, feiten())
    assert tweede.vorige_bekendmaking == dt.date(2026, 6, 25) and tweede.vorige_gedraging == "pw_tegenprestatie"
    assert tweede.resultaat["afstemming_recidive"] and tweede.resultaat["afstemming_duur_maanden"] == 2
    assert len(tweede.maanden) == 2


# ------------------------------------------------------------------ role matrix


@pytest.mark.parametrize("rol", ["consulent_wmo", "consulent_jeugd", "kwaliteitsmedewerker", "beheerder"])
def test_andere_rollen_zien_en_leggen_geen_verlaging_vast(maak_gebruiker, inkomen, rol):
    zaak = lopende_bijstand(inkomen, 13).zaak
    v = verlaging.leg_vast(inkomen, zaak, feiten())
    ander = maak_gebruiker(f"ander_{rol}", rol)
    with pytest.raises((NietGevonden, GeenToegang)) as fout:
        verlaging.leg_vast(ander, zaak, feiten())
    assert isinstance(fout.value, NietGevonden)  # they may not know the zaak exists: 404
    with pytest.raises(NietGevonden):
        verlaging.bekijk(ander, v)
    with pytest.raises((NietGevonden, GeenToegang)):
        verlaging.stel_besluit_op(v, ander)
    weigeringen = AuditRegel.objects.filter(gebruikersnaam=f"ander_{rol}", onderwerp="verlaging", toegestaan=False)
    assert weigeringen.count() == 2
    assert Verlaging.objects.count() == 1 and not Besluit.objects.filter(soort=Soort.VERLAGING).exists()


def test_handhaver_legt_vast_maar_stelt_geen_besluit_op(handhaver, inkomen):
    zaak = lopende_bijstand(inkomen, 14).zaak
    v = verlaging.leg_vast(handhaver, zaak, feiten())
    assert verlaging.bekijk(handhaver, v) == v
    with pytest.raises((NietGevonden, GeenToegang)):
        verlaging.stel_besluit_op(v, handhaver)  # deciding stays with the consulent (mandate)


# ------------------------------------------------------------------ edges through the zaak (the rules: regels/tests)


def test_randen_van_7_23_en_7_27_via_de_zaak(inkomen):
    """The edges the issue names, recorded on one zaak as the consulent does (the previous verlaging taken from the
    dossier): damage € 1.999,99 / exactly € 2.000 / € 3.999,99 / exactly € 4.000 (7:23 lid 2); recidive on day 730
    vs 731 after bekendmaking (7:27 lid 1); artikel 18 lid 4 again within twelve months or one day later (lid 2)."""
    zaak = lopende_bijstand(inkomen, 20).zaak

    def leg_vast(**anders):
        return verlaging.leg_vast(inkomen, zaak, feiten(**anders)).resultaat

    besef = {"gedraging": "tekortschietend_besef"}
    assert [leg_vast(**besef, benadelingsbedrag=b)["afstemming_standaardpercentage"]
            for b in ("1999.99", "2000.00", "3999.99", "4000")] == pytest.approx([0.3, 0.5, 0.5, 1.0])

    vorige = {"vorige_gedraging": "pw_tegenprestatie", "vorige_bekendmaking": "2024-08-10", "vorige_percentage": "0.01",
              "vorige_duur_maanden": 1, "datum_constatering": "2026-08-12"}
    dag_730 = leg_vast(**vorige, datum_gedraging="2026-08-10")
    dag_731 = leg_vast(**vorige, datum_gedraging="2026-08-11")
    assert (dag_730["afstemming_recidive"], dag_730["afstemming_duur_maanden"]) == (True, 2)
    assert (dag_731["afstemming_recidive"], dag_731["afstemming_duur_maanden"]) == (False, 1)

    lid_4 = {"gedraging": "art_18_lid_4_overig", "vorige_gedraging": "art_18_lid_4_overig",
             "vorige_bekendmaking": "2025-08-12", "vorige_percentage": "1", "vorige_duur_maanden": 1,
             "datum_constatering": "2026-08-14"}
    binnen = leg_vast(**lid_4, datum_gedraging="2026-08-12")
    daarna = leg_vast(**lid_4, datum_gedraging="2026-08-13")
    assert binnen["afstemming_recidive_art_18_lid_4"] and binnen["afstemming_percentage"] == 1.0
    assert (binnen["afstemming_duur_maanden"], binnen["afstemming_verrekening_maanden"]) == (2, 2)
    assert not daarna["afstemming_recidive_art_18_lid_4"] and daarna["afstemming_verrekening_maanden"] == 3


def test_verlaging_is_geen_correctie_van_de_toekenning(inkomen):
    bijstand = lopende_bijstand(inkomen, 21)
    with pytest.raises(ValidationError) as fout:  # it would replace (and so stop) the running benefit
        services.stel_nieuw_besluit_op(bijstand, inkomen, soort="verlaging")
    assert "soort" in fout.value.message_dict and "verlaging" not in fout.value.message_dict["soort"][0]
