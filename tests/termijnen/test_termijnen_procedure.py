"""Deadlines of the procedure. Sources of the terms asserted:
- Wmo 2015 art. 2.3.2 lid 1 (onderzoek binnen zes weken), art. 2.3.5 lid 1 (beschikking binnen twee weken)
- Awb art. 4:13 lid 2 (acht weken), 4:14 lid 3 (verdaging binnen de termijn), 4:15 lid 1 onder a (opschorting)
Holidays: see test_termijnen_atw.py.
"""

from datetime import date

import pytest

from maatwerk.termijnen import (
    Opschorting,
    OpschortingOngeldig,
    TermijnFout,
    Verdaging,
    VerdagingTeLaat,
    awb_beslistermijn,
    wmo_beschikking,
    wmo_onderzoek,
)

VANDAAG = date(2026, 7, 1)


def test_wmo_onderzoek_zes_weken_na_melding_met_bron():
    t = wmo_onderzoek(date(2026, 6, 1), vandaag=VANDAAG)
    assert (t.start, t.einde) == (date(2026, 6, 2), date(2026, 7, 13))
    assert t.regel_id == "termijn.wmo.onderzoek"
    assert t.bron == (
        "Wmo 2015, artikel 2.3.2, eerste lid; Verordening Sociaal Domein Lansingerland 2018, artikel 2:1 "
        "onder b en artikel 2:5, derde lid"
    )
    assert t.soort == "wet"
    assert t.dagen_resterend == 12
    assert t.verstreken is False


def test_wmo_onderzoek_eindigt_op_tweede_paasdag():
    # melding ma 23 februari 2026 -> ma 6 april (Tweede Paasdag) -> di 7 april
    assert wmo_onderzoek(date(2026, 2, 23), vandaag=VANDAAG).einde == date(2026, 4, 7)


def test_wmo_beschikking_twee_weken_na_aanvraag():
    t = wmo_beschikking(date(2026, 6, 1), vandaag=VANDAAG)
    assert t.einde == date(2026, 6, 15)
    assert t.bron == "Wmo 2015, artikel 2.3.5, eerste lid"
    assert t.verstreken is True
    assert t.dagen_resterend == -16


def test_wmo_beschikking_eindigt_op_koningsdag():
    assert wmo_beschikking(date(2026, 4, 13), vandaag=VANDAAG).einde == date(2026, 4, 28)


def test_awb_beslistermijn_acht_weken():
    t = awb_beslistermijn(date(2026, 6, 1), wet="Participatiewet", vandaag=VANDAAG)
    assert t.einde == date(2026, 7, 27)
    assert t.naam == "Beslistermijn aanvraag (Awb) – Participatiewet"
    assert t.bron.startswith("Awb, artikel 4:13, tweede lid")


def test_awb_beslistermijn_alleen_jeugdwet_en_participatiewet():
    with pytest.raises(TermijnFout):
        awb_beslistermijn(date(2026, 6, 1), wet="Wmo 2015", vandaag=VANDAAG)


def test_opschorting_over_een_weekend_telt_kalenderdagen():
    # verzoek vr 5 juni, aangevuld ma 8 juni: opgeschort za 6 en zo 7 juni = 2 dagen
    o = Opschorting.aanvulling(date(2026, 6, 5), date(2026, 6, 8))
    assert (o.van, o.tot, o.dagen) == (date(2026, 6, 6), date(2026, 6, 8), 2)
    t = awb_beslistermijn(date(2026, 6, 1), wet="Jeugdwet", opschortingen=[o], vandaag=VANDAAG)
    assert t.einde == date(2026, 7, 29)


def test_twee_opschortingen():
    eerste = Opschorting.aanvulling(date(2026, 6, 5), date(2026, 6, 8))  # 2 dagen
    tweede = Opschorting.aanvulling(date(2026, 6, 17), date(2026, 7, 1))  # 18 juni t/m 30 juni: 13 dagen
    t = awb_beslistermijn(date(2026, 6, 1), wet="Participatiewet", opschortingen=[tweede, eerste], vandaag=VANDAAG)
    assert t.einde == date(2026, 8, 11)  # 27 juli + 15 dagen
    assert sum("Awb, artikel 4:15, eerste lid, onder a" in s for s in t.stappen) == 2


def test_aanvulling_op_dag_van_verzoek_schort_niet_op():
    o = Opschorting.aanvulling(date(2026, 6, 5), date(2026, 6, 5))
    assert o.dagen == 0


def test_atw_geldt_voor_het_opgeschorte_einde_niet_het_oorspronkelijke():
    # ontvangst ma 2 maart 2026: 8 weken -> ma 27 april (Koningsdag) -> zonder opschorting di 28 april
    assert awb_beslistermijn(date(2026, 3, 2), wet="Jeugdwet", vandaag=VANDAAG).einde == date(2026, 4, 28)
    # 3 dagen opgeschort: 27 april + 3 = do 30 april, een werkdag (niet 28 april + 3 = vr 1 mei)
    o = Opschorting.aanvulling(date(2026, 3, 10), date(2026, 3, 14))
    t = awb_beslistermijn(date(2026, 3, 2), wet="Jeugdwet", opschortingen=[o], vandaag=VANDAAG)
    assert t.einde == date(2026, 4, 30)


def test_opschorting_na_afloop_van_de_termijn_is_ongeldig():
    o = Opschorting.aanvulling(date(2026, 7, 28), date(2026, 8, 3))  # termijn eindigde 27 juli
    with pytest.raises(OpschortingOngeldig):
        awb_beslistermijn(date(2026, 6, 1), wet="Jeugdwet", opschortingen=[o], vandaag=VANDAAG)


def test_overlappende_opschortingen_zijn_ongeldig():
    a = Opschorting(date(2026, 6, 6), date(2026, 6, 10))
    b = Opschorting(date(2026, 6, 8), date(2026, 6, 12))
    with pytest.raises(OpschortingOngeldig):
        awb_beslistermijn(date(2026, 6, 1), wet="Jeugdwet", opschortingen=[a, b], vandaag=VANDAAG)


def test_wmo_onderzoek_kent_geen_opschorting():
    # wmo_onderzoek takes no opschortingen argument at all
    with pytest.raises(TypeError):
        wmo_onderzoek(date(2026, 6, 1), opschortingen=[], vandaag=VANDAAG)  # type: ignore[call-arg]


def test_verdaging_op_de_laatste_dag_is_tijdig():
    v = Verdaging(date(2026, 7, 27), weken=4, reden="advies arts nodig")
    t = awb_beslistermijn(date(2026, 6, 1), wet="Participatiewet", verdaging=v, vandaag=VANDAAG)
    assert t.einde == date(2026, 8, 24)
    assert t.stappen[-1].startswith("Awb, artikel 4:14, derde lid: op 27 juli 2026 (binnen de termijn) verdaagd")
    assert "reden: advies arts nodig" in t.stappen[-1]


def test_verdaging_na_afloop_van_de_termijn_wordt_geweigerd():
    v = Verdaging(date(2026, 7, 28), weken=4)
    with pytest.raises(VerdagingTeLaat, match="niet geldig"):
        awb_beslistermijn(date(2026, 6, 1), wet="Participatiewet", verdaging=v, vandaag=VANDAAG)


def test_verdaging_is_tijdig_binnen_de_opgeschorte_termijn():
    o = Opschorting.aanvulling(date(2026, 6, 5), date(2026, 6, 8))  # einde 29 juli
    v = Verdaging(date(2026, 7, 29), weken=2)
    t = awb_beslistermijn(date(2026, 6, 1), wet="Jeugdwet", opschortingen=[o], verdaging=v, vandaag=VANDAAG)
    assert t.einde == date(2026, 8, 12)
    with pytest.raises(VerdagingTeLaat):
        awb_beslistermijn(date(2026, 6, 1), wet="Jeugdwet", verdaging=v, vandaag=VANDAAG)


def test_verdaging_wordt_niet_opnieuw_met_atw_verlengd():
    # Einde di 28 april 2026 (na Koningsdag) + 1 week verdaging = di 5 mei 2026 (Bevrijdingsdag). De duur
    # van een verdaging kiest het bestuursorgaan; de module past de Atw daarop niet toe (gedocumenteerd).
    v = Verdaging(date(2026, 4, 20), weken=1)
    t = awb_beslistermijn(date(2026, 3, 2), wet="Jeugdwet", verdaging=v, vandaag=VANDAAG)
    assert t.einde == date(2026, 5, 5)
