"""Bezwaar: bezwaartermijn (Awb 6:7, 6:8), tijdigheid (Awb 6:9), verschoonbaarheid (Awb 6:11) and the
beslistermijn op bezwaar (Awb 7:10: 6 weeks, 12 with an adviescommissie, verdaging at most 6 weeks)."""

from datetime import date

import pytest

from maatwerk.termijnen import (
    Opschorting,
    TermijnFout,
    Verdaging,
    VerdagingTeLaat,
    Verschoonbaarheid,
    beslistermijn_bezwaar,
    bezwaartermijn,
    tijdigheid_bezwaarschrift,
    wmo_onderzoek,
)

# bekendmaking wo 3 juni 2026: termijn do 4 juni t/m wo 15 juli 2026 (een werkdag)
BEZWAAR = bezwaartermijn(date(2026, 6, 3), vandaag=date(2026, 6, 3))


def test_bezwaartermijn():
    assert (BEZWAAR.start, BEZWAAR.einde) == (date(2026, 6, 4), date(2026, 7, 15))
    assert BEZWAAR.bron == "Awb, artikel 6:7 en artikel 6:8, eerste lid"
    assert BEZWAAR.atw_van_toepassing is True


def test_ontvangen_op_de_laatste_dag_is_tijdig():
    t = tijdigheid_bezwaarschrift(BEZWAAR, ontvangen=date(2026, 7, 15))
    assert (t.tijdig, t.bron) == (True, "Awb, artikel 6:9, eerste lid")
    assert t.termijn_staat_niet_in_de_weg is True


def test_op_laatste_dag_gepost_en_vijf_dagen_later_ontvangen_is_tijdig():
    t = tijdigheid_bezwaarschrift(BEZWAAR, ontvangen=date(2026, 7, 20), ter_post_bezorgd=date(2026, 7, 15))
    assert (t.tijdig, t.bron) == (True, "Awb, artikel 6:9, tweede lid")
    assert t.uiterste_ontvangst_bij_post == date(2026, 7, 22)
    assert t.verschoonbaarheid_te_beoordelen is False


def test_zeven_dagen_na_afloop_ontvangen_is_nog_tijdig():
    t = tijdigheid_bezwaarschrift(BEZWAAR, ontvangen=date(2026, 7, 22), ter_post_bezorgd=date(2026, 7, 15))
    assert t.tijdig is True


def test_op_laatste_dag_gepost_en_acht_dagen_later_ontvangen_is_te_laat():
    t = tijdigheid_bezwaarschrift(BEZWAAR, ontvangen=date(2026, 7, 23), ter_post_bezorgd=date(2026, 7, 15))
    assert t.tijdig is False
    assert t.verschoonbaarheid_te_beoordelen is True
    assert t.termijn_staat_niet_in_de_weg is None  # a person must judge (Awb 6:11)
    assert "Awb, artikel 6:11" in t.uitleg


def test_na_afloop_gepost_is_te_laat_ook_binnen_een_week():
    t = tijdigheid_bezwaarschrift(BEZWAAR, ontvangen=date(2026, 7, 17), ter_post_bezorgd=date(2026, 7, 16))
    assert t.tijdig is False


def test_niet_per_post_en_na_de_termijn_ontvangen_is_te_laat():
    t = tijdigheid_bezwaarschrift(BEZWAAR, ontvangen=date(2026, 7, 16))
    assert (t.tijdig, t.bron) == (False, "Awb, artikel 6:9, eerste lid")


def test_verschoonbaar_oordeel_van_een_persoon_wordt_vastgelegd():
    oordeel = Verschoonbaarheid(verschoonbaar=True, reden="opgenomen in ziekenhuis", beoordeeld_door="j.jansen")
    t = tijdigheid_bezwaarschrift(BEZWAAR, ontvangen=date(2026, 7, 30), verschoonbaarheid=oordeel)
    assert t.tijdig is False
    assert t.verschoonbaarheid_te_beoordelen is False
    assert t.termijn_staat_niet_in_de_weg is True
    assert "Oordeel van j.jansen: verschoonbaar" in t.uitleg


def test_niet_verschoonbaar():
    oordeel = Verschoonbaarheid(verschoonbaar=False, reden="vakantie", beoordeeld_door="j.jansen")
    t = tijdigheid_bezwaarschrift(BEZWAAR, ontvangen=date(2026, 7, 30), verschoonbaarheid=oordeel)
    assert t.termijn_staat_niet_in_de_weg is False


def test_verschoonbaarheid_zonder_reden_wordt_geweigerd():
    with pytest.raises(TermijnFout):
        Verschoonbaarheid(verschoonbaar=True, reden=" ", beoordeeld_door="j.jansen")


def test_nazendweek_valt_op_hemelvaart_en_wordt_met_atw_verlengd():
    # bekendmaking do 26 maart 2026 -> einde do 7 mei; een week later = do 14 mei (Hemelvaart),
    # vr 15 mei gelijkgesteld, weekend -> uiterste ontvangst ma 18 mei (keuze: Atw op de week van 6:9 lid 2)
    bezwaar = bezwaartermijn(date(2026, 3, 26), vandaag=date(2026, 3, 26))
    assert bezwaar.einde == date(2026, 5, 7)
    t = tijdigheid_bezwaarschrift(bezwaar, ontvangen=date(2026, 5, 18), ter_post_bezorgd=date(2026, 5, 7))
    assert (t.tijdig, t.uiterste_ontvangst_bij_post) == (True, date(2026, 5, 18))


def test_tijdigheid_vraagt_een_bezwaartermijn():
    with pytest.raises(TermijnFout):
        tijdigheid_bezwaarschrift(wmo_onderzoek(date(2026, 6, 1), vandaag=date(2026, 6, 1)), ontvangen=date(2026, 6, 2))


def test_beslistermijn_op_bezwaar_zes_weken_na_einde_bezwaartermijn():
    t = beslistermijn_bezwaar(BEZWAAR, adviescommissie=False, vandaag=date(2026, 7, 16))
    assert (t.gebeurtenis, t.start, t.einde) == (date(2026, 7, 15), date(2026, 7, 16), date(2026, 8, 26))
    assert t.bron == "Awb, artikel 7:10, eerste lid"


def test_beslistermijn_op_bezwaar_twaalf_weken_met_adviescommissie():
    t = beslistermijn_bezwaar(BEZWAAR, adviescommissie=True, vandaag=date(2026, 7, 16))
    assert t.einde == date(2026, 10, 7)
    assert t.bron == "Awb, artikel 7:10, eerste lid, in verbinding met artikel 7:13"


def test_beslistermijn_op_bezwaar_na_koningsdag():
    # bezwaartermijn eindigt di 28 april 2026 (na Koningsdag) -> 6 weken -> di 9 juni 2026
    bezwaar = bezwaartermijn(date(2026, 3, 16), vandaag=date(2026, 3, 16))
    assert beslistermijn_bezwaar(bezwaar, adviescommissie=False).einde == date(2026, 6, 9)


def test_verdaging_op_bezwaar_ten_hoogste_zes_weken():
    v = Verdaging(date(2026, 8, 26), weken=6)
    t = beslistermijn_bezwaar(BEZWAAR, adviescommissie=False, verdaging=v, vandaag=date(2026, 7, 16))
    assert t.einde == date(2026, 10, 7)
    with pytest.raises(TermijnFout, match="ten hoogste 6 weken"):
        beslistermijn_bezwaar(BEZWAAR, adviescommissie=False, verdaging=Verdaging(date(2026, 8, 26), weken=7))


def test_verdaging_op_bezwaar_na_afloop_wordt_geweigerd():
    with pytest.raises(VerdagingTeLaat):
        beslistermijn_bezwaar(BEZWAAR, adviescommissie=False, verdaging=Verdaging(date(2026, 8, 27), weken=6))


def test_opschorting_herstel_verzuim_bij_bezwaar():
    # Awb 7:10 lid 2: verzocht vr 24 juli, hersteld ma 3 augustus -> 25 juli t/m 2 augustus = 9 dagen
    o = Opschorting.aanvulling(date(2026, 7, 24), date(2026, 8, 3))
    t = beslistermijn_bezwaar(BEZWAAR, adviescommissie=False, opschortingen=[o], vandaag=date(2026, 7, 16))
    assert t.einde == date(2026, 9, 4)
    assert t.stappen[1].startswith("Awb, artikel 7:10, tweede lid: opgeschort van 25 juli 2026 tot 3 augustus 2026")


# ------------------------------------------------------------------ Awb 6:8 lid 1 and 6:10 (issue 8)


def test_ontvangen_op_de_dag_van_bekendmaking_is_tijdig():
    # The term begins the day after bekendmaking (6:8 lid 1); the besluit existed already (6:10 lid 1).
    t = tijdigheid_bezwaarschrift(BEZWAAR, ontvangen=date(2026, 6, 3), besluit_genomen=date(2026, 6, 1))
    assert (t.tijdig, t.bron) == (True, "Awb, artikel 6:10, eerste lid")
    assert "op de dag van bekendmaking" in t.uitleg and "4 juni 2026" in t.uitleg
    assert t.termijn_staat_niet_in_de_weg is True


def test_ontvangen_op_de_dag_van_het_besluit_zelf_is_tijdig():
    t = tijdigheid_bezwaarschrift(BEZWAAR, ontvangen=date(2026, 6, 1), besluit_genomen=date(2026, 6, 1))
    assert (t.tijdig, t.bron) == (True, "Awb, artikel 6:10, eerste lid")
    assert "vóór de bekendmaking" in t.uitleg


def test_ontvangen_voordat_het_besluit_bestond_wordt_geweigerd_met_6_10():
    with pytest.raises(TermijnFout, match=r"Awb 6:10, eerste lid") as fout:
        tijdigheid_bezwaarschrift(BEZWAAR, ontvangen=date(2026, 5, 31), besluit_genomen=date(2026, 6, 1))
    assert "31 mei 2026" in str(fout.value) and "1 juni 2026" in str(fout.value)


def test_eerste_dag_van_de_termijn_is_tijdig_op_grond_van_6_9():
    t = tijdigheid_bezwaarschrift(BEZWAAR, ontvangen=date(2026, 6, 4))
    assert (t.tijdig, t.bron) == (True, "Awb, artikel 6:9, eerste lid")


def test_termijn_die_op_een_zaterdag_eindigt_loopt_door_tot_maandag():
    # bekendmaking za 4 juli 2026 -> zes weken: za 15 augustus -> Atw art. 1: ma 17 augustus 2026
    bezwaar = bezwaartermijn(date(2026, 7, 4), vandaag=date(2026, 7, 4))
    assert bezwaar.einde == date(2026, 8, 17)
    assert tijdigheid_bezwaarschrift(bezwaar, ontvangen=date(2026, 8, 17)).tijdig is True
    assert tijdigheid_bezwaarschrift(bezwaar, ontvangen=date(2026, 8, 18)).tijdig is False


def test_termijn_die_op_tweede_kerstdag_eindigt_loopt_door():
    # bekendmaking za 14 november 2026 -> za 26 december (2e Kerstdag en zaterdag) -> ma 28 december 2026
    bezwaar = bezwaartermijn(date(2026, 11, 14), vandaag=date(2026, 11, 14))
    assert bezwaar.einde == date(2026, 12, 28)
    t = tijdigheid_bezwaarschrift(bezwaar, ontvangen=date(2026, 12, 30), ter_post_bezorgd=date(2026, 12, 28))
    assert (t.tijdig, t.bron) == (True, "Awb, artikel 6:9, tweede lid")


def test_de_dag_na_het_einde_is_te_laat():
    assert tijdigheid_bezwaarschrift(BEZWAAR, ontvangen=date(2026, 7, 16)).tijdig is False
