"""Mandate table and the four-eyes principle."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from maatwerk.besluiten import services as besluiten
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.zaken import beoordeling, procedure, vierogen
from maatwerk.zaken.fouten import ProcedureFout, VierOgenFout
from maatwerk.zaken.models import Mandaatregel, Status

pytestmark = pytest.mark.django_db
BESLUIT = {"datum": dt.date(2026, 2, 2)}


def test_mandaattabel_is_gevuld_door_migratie():
    regels = {(m.rol, m.regeling): m.max_bedrag for m in Mandaatregel.objects.all()}
    assert regels[("consulent_wmo", "wmo_maatwerkvoorziening")] == Decimal("10000")
    assert regels[("consulent_inkomen", "bijzondere_bijstand")] == Decimal("1000")
    assert regels[("consulent_inkomen", "individuele_inkomenstoeslag")] is None
    assert ("consulent_wmo", "jeugdhulp") not in regels


def test_binnen_mandaat_beslist_de_consulent_alleen(maak_zaak, breng_in, neem_besluit, wmo):
    zaak = breng_in(maak_zaak(wmo), Status.KLAAR_VOOR_BESLUIT, wmo, bedrag=Decimal("10000.00"))  # the limit itself
    assert not vierogen.oordeel(zaak).vereist
    neem_besluit(zaak, wmo, **BESLUIT)
    assert (zaak.status, zaak.besluit_uitkomst, zaak.besluit_bedrag) == ("besluit", "toegekend", Decimal("10000.00"))
    assert zaak.besluitdatum == dt.date(2026, 2, 2)


def test_boven_mandaat_eerst_goedkeuring_door_tweede_persoon(maak_zaak, breng_in, besluit_voor, wmo, kwaliteit):
    zaak = breng_in(maak_zaak(wmo), Status.KLAAR_VOOR_BESLUIT, wmo, bedrag=Decimal("10000.01"))
    oordeel = vierogen.oordeel(zaak)
    assert oordeel.vereist and "hoger dan het mandaat van € 10.000,00" in oordeel.redenen[0]
    besluit = besluit_voor(zaak, wmo)
    # The procedure itself checks the four eyes on this step, also when a besluit is given ...
    with pytest.raises(VierOgenFout) as fout:
        procedure.voer_uit(zaak, Status.BESLUIT, wmo, besluit=besluit, **BESLUIT)
    assert "Vier-ogenprincipe" in str(fout.value)
    with pytest.raises(VierOgenFout):  # ... and so does finalising the besluit
        besluiten.vaststellen(besluit, wmo, **BESLUIT)
    zaak.refresh_from_db()
    assert zaak.status == Status.KLAAR_VOOR_BESLUIT
    besluiten.goedkeuren(besluit, kwaliteit, akkoord=True)  # records the approval on the zaak's proposal too
    assert vierogen.geldige_goedkeuring(zaak) is not None
    besluiten.vaststellen(besluit, wmo, **BESLUIT)
    zaak.refresh_from_db()
    assert zaak.status == Status.BESLUIT and zaak.besluit_bedrag == Decimal("10000.01")


def test_goedkeurder_kan_niet_de_voorbereider_zijn(maak_zaak, breng_in, besluit_voor, maak_gebruiker):
    beide = maak_gebruiker("beide", "consulent_wmo", "kwaliteitsmedewerker")
    zaak = breng_in(maak_zaak(beide), Status.KLAAR_VOOR_BESLUIT, beide, bedrag=Decimal("20000"))
    with pytest.raises(VierOgenFout) as fout:
        vierogen.keur_goed(zaak, beide, akkoord=True)
    assert fout.value.code == "zelfde_persoon"
    besluit = besluit_voor(zaak, beide)
    with pytest.raises(VierOgenFout):
        procedure.voer_uit(zaak, Status.BESLUIT, beide, besluit=besluit, **BESLUIT)
    with pytest.raises(VierOgenFout):
        besluiten.vaststellen(besluit, beide, **BESLUIT)


def test_alleen_kwaliteitsmedewerker_keurt_goed(maak_zaak, breng_in, wmo, wmo2):
    zaak = breng_in(maak_zaak(wmo), Status.KLAAR_VOOR_BESLUIT, wmo, bedrag=Decimal("20000"))
    with pytest.raises(GeenToegang):
        vierogen.keur_goed(zaak, wmo2, akkoord=True)


def test_geen_mandaatregel_betekent_altijd_vier_ogen(maak_zaak, breng_in, wmo):
    Mandaatregel.objects.filter(rol="consulent_wmo").delete()
    zaak = breng_in(maak_zaak(wmo), Status.KLAAR_VOOR_BESLUIT, wmo, bedrag=Decimal("1"))
    oordeel = vierogen.oordeel(zaak)
    assert oordeel.vereist and "geen mandaat" in oordeel.redenen[0]


def test_onbekend_bedrag_bij_bedraggrens_vraagt_vier_ogen(maak_zaak, breng_in, wmo):
    zaak = breng_in(maak_zaak(wmo), Status.KLAAR_VOOR_BESLUIT, wmo, bedrag=None)  # no bedrag, no kosten
    assert zaak.voorstel_bedrag is None
    assert "onbekend" in vierogen.oordeel(zaak).redenen[0]


def test_afwijking_vraagt_altijd_reden_en_tweede_persoon(maak_zaak, breng_in, besluit_voor, wmo, kwaliteit,
                                                         leg_bevindingen_vast):
    zaak = breng_in(maak_zaak(wmo), Status.BEOORDELING, wmo)
    with pytest.raises(ValidationError) as fout:
        beoordeling.leg_afwijking_vast(zaak, wmo, soort="hardheidsclausule", reden="")
    assert "reden" in fout.value.message_dict
    assert not vierogen.vereist_door_afwijking(zaak)
    afwijking = beoordeling.leg_afwijking_vast(zaak, wmo, soort="hardheidsclausule",
                                               reden="Toepassing leidt tot een onbillijkheid van overwegende aard.")
    assert afwijking.bron == "Verordening Sociaal Domein 2018, artikel 4:16, derde lid"
    assert vierogen.vereist_door_afwijking(zaak)
    leg_bevindingen_vast(zaak, wmo)
    procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, wmo, datum=dt.date(2026, 2, 1), uitkomst="toegekend",
                       bedrag=Decimal("5"))
    oordeel = vierogen.oordeel(zaak)
    assert oordeel.vereist and "Afwijking van beleid" in oordeel.redenen[0]
    besluit = besluit_voor(zaak, wmo)  # an amount well within the mandate: only the deviation asks four eyes
    with pytest.raises(VierOgenFout):
        procedure.voer_uit(zaak, Status.BESLUIT, wmo, besluit=besluit, **BESLUIT)
    with pytest.raises(VierOgenFout):
        besluiten.vaststellen(besluit, wmo, **BESLUIT)
    besluiten.goedkeuren(besluit, kwaliteit, akkoord=True, toelichting="")
    with pytest.raises(GeenToegang):  # separation of duties: the approver does not take the decision himself
        besluiten.vaststellen(besluit, kwaliteit, **BESLUIT)
    besluiten.vaststellen(besluit, wmo, **BESLUIT)
    zaak.refresh_from_db()
    assert zaak.status == Status.BESLUIT


def test_geen_hardheidsclausule_voor_bijzondere_bijstand(maak_zaak, inkomen):
    zaak = maak_zaak(inkomen, regeling="bijzondere_bijstand")
    procedure.voer_uit(zaak, Status.AANVRAAG, inkomen, datum=dt.date(2026, 1, 6))
    with pytest.raises(ProcedureFout) as fout:
        beoordeling.leg_afwijking_vast(zaak, inkomen, soort="hardheidsclausule",
                                       reden="Een reden van ruim voldoende lengte hier.")
    assert fout.value.code == "geen_hardheidsclausule"
    a = beoordeling.leg_afwijking_vast(zaak, inkomen, soort="buitenwettelijk_begunstigend_beleid",
                                       reden="Een reden van ruim voldoende lengte hier.")
    assert "Buitenwettelijk begunstigend beleid" in a.bron


def test_niet_akkoord_zet_terug_en_vervalt_goedkeuring_bij_nieuw_voorstel(maak_zaak, breng_in, besluit_voor, wmo,
                                                                          kwaliteit):
    zaak = breng_in(maak_zaak(wmo), Status.KLAAR_VOOR_BESLUIT, wmo, bedrag=Decimal("20000"))
    with pytest.raises(ValidationError):
        vierogen.keur_goed(zaak, kwaliteit, akkoord=False, toelichting="nee")
    vierogen.keur_goed(zaak, kwaliteit, akkoord=False, toelichting="Goedkopere oplossing niet onderzocht.")
    zaak.refresh_from_db()
    assert zaak.status == Status.BEOORDELING and zaak.voorstel_bedrag is None
    terug = zaak.overgangen.last()
    assert terug.door == kwaliteit and "Goedkopere oplossing" in terug.reden
    # An approval given on an earlier proposal does not count for a new one.
    # (the step back was taken today, so the following steps are dated today as well)
    procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, wmo, uitkomst="toegekend", bedrag=Decimal("20000"))
    vierogen.keur_goed(zaak, kwaliteit, akkoord=True)
    assert vierogen.geldige_goedkeuring(zaak) is not None
    procedure.voer_uit(zaak, Status.BEOORDELING, wmo, reden="Nieuwe informatie ontvangen.")
    procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, wmo, uitkomst="toegekend", bedrag=Decimal("20000"))
    assert vierogen.geldige_goedkeuring(zaak) is None
    with pytest.raises(VierOgenFout):
        procedure.voer_uit(zaak, Status.BESLUIT, wmo, besluit=besluit_voor(zaak, wmo))


def test_kwaliteitsmedewerker_wijzigt_alleen_klaar_voor_besluit(maak_zaak, breng_in, wmo, kwaliteit):
    zaak = breng_in(maak_zaak(wmo), Status.BEOORDELING, wmo)
    with pytest.raises(GeenToegang):
        beoordeling.leg_bevinding_vast(zaak, kwaliteit, criterium="passende_bijdrage", waarde="ja",
                                       motivering="Een motivering van voldoende lengte.")


def test_goedkeurder_heeft_mandaat_nodig_voor_het_bedrag(maak_zaak, breng_in, wmo, kwaliteit):
    Mandaatregel.objects.filter(rol="kwaliteitsmedewerker", regeling="wmo_maatwerkvoorziening").update(max_bedrag=15000)
    zaak = breng_in(maak_zaak(wmo), Status.KLAAR_VOOR_BESLUIT, wmo, bedrag=Decimal("20000"))
    with pytest.raises(VierOgenFout) as fout:
        vierogen.keur_goed(zaak, kwaliteit, akkoord=True)
    assert fout.value.code == "buiten_mandaat"
