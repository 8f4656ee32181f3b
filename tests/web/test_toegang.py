"""Access by purpose and role (maatwerk.toegang.beleid) and the audit log."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from maatwerk.personen import services as personen
from maatwerk.toegang import beleid, register
from maatwerk.toegang.models import AuditRegel
from maatwerk.zaken import beoordeling, procedure
from maatwerk.zaken.models import Status

pytestmark = pytest.mark.django_db
VIEW, CHANGE = beleid.VIEW, beleid.CHANGE


def _jeugd_via_intake(jeugd, wmozaak):
    """A Jeugd zaak on the Wmo household, through the intake route (issue 7)."""
    from maatwerk.zaken.intake import meld_via_intake

    p = wmozaak.hoofdpersoon
    return meld_via_intake(jeugd, bsn=p.bsn, geboortedatum=p.geboortedatum, regeling="jeugdhulp",
                           ontvangen_op=dt.date(2026, 1, 5), reden="De inwoner meldt zich met een vraag over opvoeden.")


@pytest.fixture
def jeugdzaak(maak_zaak, jeugd):
    return maak_zaak(jeugd, regeling="jeugdhulp")


@pytest.fixture
def wmozaak(maak_zaak, wmo):
    return maak_zaak(wmo)


def test_consulent_ziet_en_wijzigt_zaken_van_eigen_domein(wmozaak, wmo):
    grond = beleid.grond_zaak(wmo, wmozaak, CHANGE)
    assert grond.toegestaan and grond.soort == "eigen_domein"


def test_wmo_consulent_krijgt_geen_jeugdzaak_en_dat_wordt_gelogd(jeugdzaak, wmo):
    # Invisible answers like missing (issue 7): the reason is in the audit log, not in the answer.
    with pytest.raises(beleid.NietGevonden) as fout:
        beleid.vereis_zaak(wmo, jeugdzaak, VIEW)
    assert "domein Jeugd" not in str(fout.value)
    regel = AuditRegel.objects.filter(gebruiker=wmo, zaak=jeugdzaak).get()
    assert (regel.actie, regel.toegestaan, regel.soort_grond) == ("view", False, "geen")
    assert "domein Jeugd" in regel.grond
    assert regel.inwoner == jeugdzaak.hoofdpersoon
    assert jeugdzaak not in beleid.zichtbare_zaken(wmo)
    with pytest.raises(beleid.GeenToegang):
        personen.wijzig_inwoner(wmo, jeugdzaak.hoofdpersoon, woonplaats="Bleiswijk")


def test_toestemming_geeft_inzage_maar_geen_wijziging(maak_zaak, jeugd, wmo):
    # The inwoner has a Wmo zaak (own-domain link for the Wmo consulent) and a Jeugd zaak in the same household.
    wmozaak = maak_zaak(wmo)
    jeugdzaak = _jeugd_via_intake(jeugd, wmozaak)
    assert not beleid.grond_zaak(wmo, jeugdzaak, VIEW).toegestaan
    # Recorded by the data's domain (Jeugd), signed by the inwoner; the recipient (Wmo) never records it.
    toestemming = register.leg_toestemming_vast(
        jeugd, wmozaak.hoofdpersoon, ontvanger="wmo", domein="jeugd", vorm="schriftelijk", bron="ondertekend",
        documentkenmerk="TOE-1", geldig_tot=dt.date.today() + dt.timedelta(days=300),
        doel="Eén plan voor het gezin: afstemming Wmo-ondersteuning met de jeugdhulp.",
    )
    grond = beleid.vereis_zaak(wmo, jeugdzaak, VIEW)
    assert grond.soort == "toestemming" and grond.toestemming == toestemming
    assert jeugdzaak in beleid.zichtbare_zaken(wmo)
    regel = AuditRegel.objects.filter(gebruiker=wmo, zaak=jeugdzaak, toegestaan=True).get()
    assert regel.toestemming == toestemming and "Eén plan voor het gezin" in regel.grond
    assert not beleid.grond_zaak(wmo, jeugdzaak, CHANGE).toegestaan
    register.trek_toestemming_in(jeugd, toestemming)
    assert not beleid.grond_zaak(wmo, jeugdzaak, VIEW).toegestaan
    assert jeugdzaak not in beleid.zichtbare_zaken(wmo)


def test_verlopen_toestemming_geldt_niet(maak_zaak, jeugd, wmo):
    wmozaak = maak_zaak(wmo)
    jeugdzaak = _jeugd_via_intake(jeugd, wmozaak)
    register.leg_toestemming_vast(jeugd, wmozaak.hoofdpersoon, ontvanger="wmo", domein="jeugd", vorm="digitaal",
                                  bron="ondertekend", documentkenmerk="TOE-2",
                                  doel="Afstemming van de ondersteuning.", geldig_vanaf=dt.date(2025, 1, 1),
                                  geldig_tot=dt.date(2025, 12, 31))
    assert not beleid.grond_zaak(wmo, jeugdzaak, VIEW).toegestaan


def test_toestemming_alleen_door_consulent_met_eigen_domein(jeugdzaak, wmo):
    with pytest.raises(beleid.GeenToegang):
        register.leg_toestemming_vast(wmo, jeugdzaak.hoofdpersoon, ontvanger="wmo", domein="jeugd", vorm="digitaal",
                                      bron="ondertekend", documentkenmerk="X-1", geldig_tot=dt.date(2026, 6, 1),
                                      doel="Ik wil graag meekijken in dit dossier.")


def test_wettelijke_grondslag_voor_handhaving(jeugdzaak, maak_zaak, inkomen, maak_gebruiker, kwaliteit):
    from django.core.exceptions import ValidationError

    inkomenszaak = maak_zaak(inkomen, regeling="bijzondere_bijstand")
    handhaver = maak_gebruiker("handhaver1", "handhaver")
    assert not beleid.grond_zaak(handhaver, inkomenszaak, VIEW).toegestaan
    tot = dt.date.today() + dt.timedelta(days=90)
    with pytest.raises(beleid.GeenToegang):  # the recipient cannot record his own ground
        register.leg_grondslag_vast(handhaver, inkomenszaak.hoofdpersoon, ontvanger="handhaving", domein="inkomen",
                                    code="pw_53a", doel="Onderzoek naar een signaal.", geldig_tot=tot)
    # No catalogue ground opens Jeugd data (AVG art. 9) to handhaving.
    with pytest.raises(ValidationError):
        register.leg_grondslag_vast(kwaliteit, jeugdzaak.hoofdpersoon, ontvanger="handhaving", domein="jeugd",
                                    code="pw_53a", doel="Onderzoek naar een signaal van fraude.", geldig_tot=tot)
    register.leg_grondslag_vast(kwaliteit, inkomenszaak.hoofdpersoon, ontvanger="handhaving", domein="inkomen",
                                code="pw_53a", doel="Onderzoek naar een signaal van fraude.", geldig_tot=tot)
    grond = beleid.vereis_zaak(handhaver, inkomenszaak, VIEW)
    assert grond.soort == "wettelijke_grondslag" and "artikel 53a" in grond.omschrijving
    assert not beleid.grond_zaak(handhaver, inkomenszaak, CHANGE).toegestaan
    assert not beleid.grond_zaak(handhaver, jeugdzaak, VIEW).toegestaan


def test_kwaliteitsmedewerker_ziet_alleen_zaken_die_een_tweede_beoordeling_vragen(jeugdzaak, wmozaak, kwaliteit,
                                                                                   wmo, maak_zaak, breng_in):
    # Issue 7: zaken within the mandate never show; what the mandate table sends him, he sees (not changes).
    assert set(beleid.zichtbare_zaken(kwaliteit)) == set()
    assert not beleid.grond_zaak(kwaliteit, jeugdzaak, VIEW).toegestaan
    binnen = breng_in(maak_zaak(wmo), Status.KLAAR_VOOR_BESLUIT, wmo, bedrag=Decimal("500.00"))
    boven = breng_in(maak_zaak(wmo), Status.KLAAR_VOOR_BESLUIT, wmo, bedrag=Decimal("12000.00"))
    assert set(beleid.zichtbare_zaken(kwaliteit)) == {boven}
    assert not beleid.grond_zaak(kwaliteit, binnen, VIEW).toegestaan
    assert beleid.grond_zaak(kwaliteit, boven, VIEW).soort == "rol"
    assert not beleid.grond_zaak(kwaliteit, boven, CHANGE).toegestaan
    # Only what the review needs: not the household, not the persons' files.
    assert not beleid.grond_huishouden(kwaliteit, boven.huishouden, VIEW).toegestaan
    assert not beleid.grond_inwoner(kwaliteit, boven.hoofdpersoon, VIEW).toegestaan
    assert boven.hoofdpersoon not in beleid.zichtbare_inwoners(kwaliteit)
    assert boven.huishouden not in beleid.zichtbare_huishoudens(kwaliteit)


@pytest.mark.parametrize("rol", ["beleidsmedewerker", "beheerder", "handhaver"])
def test_rollen_zonder_dossiertoegang(jeugdzaak, maak_gebruiker, rol):
    user = maak_gebruiker(f"{rol}1", rol)
    assert not beleid.grond_zaak(user, jeugdzaak, VIEW).toegestaan
    assert not beleid.zichtbare_zaken(user).exists()
    assert not beleid.zichtbare_inwoners(user).exists()
    assert not beleid.grond_inwoner(user, jeugdzaak.hoofdpersoon, VIEW).toegestaan


def test_huisgenoot_zichtbaar_via_zaak_van_huishouden(wmozaak, wmo, jeugd, maak_inwoner):
    partner = maak_inwoner(wmo, voornamen="Partner")
    personen.voeg_lid_toe(wmo, wmozaak.huishouden, partner, rol="partner", relatie="partner")
    assert beleid.grond_inwoner(wmo, partner, VIEW).soort == "eigen_domein"
    assert partner in beleid.zichtbare_inwoners(wmo)
    assert partner not in beleid.zichtbare_inwoners(jeugd)


def test_intake_zichtbaar_voor_registrerende_consulent(wmo, wmo2, maak_inwoner):
    inwoner = maak_inwoner(wmo)
    assert beleid.grond_inwoner(wmo, inwoner, VIEW).soort == "intake"
    assert not beleid.grond_inwoner(wmo2, inwoner, VIEW).toegestaan
    assert list(beleid.zichtbare_inwoners(wmo)) == [inwoner]


def test_auditlog_bij_aanmaken_inzien_en_wijzigen(maak_zaak, wmo, breng_in):
    zaak = maak_zaak(wmo)
    acties = list(AuditRegel.objects.filter(gebruiker=wmo).order_by("id").values_list("actie", "onderwerp"))
    assert acties == [("create", "inwoner"), ("create", "huishouden"), ("create", "zaak")]
    beleid.vereis_zaak(wmo, zaak, VIEW, onderwerp="zaak")
    procedure.voer_uit(zaak, Status.ONDERZOEK, wmo, datum=dt.date(2026, 1, 12))
    laatste = AuditRegel.objects.order_by("-id")[:2]
    assert [(r.actie, r.onderwerp, r.toelichting) for r in laatste] == [
        ("change", "status", "melding → onderzoek"), ("view", "zaak", "")]
    for r in AuditRegel.objects.all():
        assert r.gebruikersnaam == "wmo1" and r.grond and r.inwoner_id == zaak.hoofdpersoon_id


def test_weigering_blijft_in_het_auditlog_bij_een_overgang(jeugdzaak, wmo):
    with pytest.raises(beleid.GeenToegang):
        procedure.voer_uit(jeugdzaak, Status.ONDERZOEK, wmo, datum=dt.date(2026, 1, 12))
    assert AuditRegel.objects.filter(gebruiker=wmo, toegestaan=False, zaak=jeugdzaak, actie="change").exists()


def test_berekening_logt_inzage_van_elk_huishoudlid(maak_zaak, inkomen, maak_inwoner):
    zaak = maak_zaak(inkomen, regeling="bijzondere_bijstand", kosten=300)
    partner = maak_inwoner(inkomen, voornamen="Partner")
    personen.voeg_lid_toe(inkomen, zaak.huishouden, partner, rol="partner", relatie="partner")
    procedure.voer_uit(zaak, Status.AANVRAAG, inkomen, datum=dt.date(2026, 7, 1))
    berekening = beoordeling.bereken(zaak, inkomen, maand="2026-07")
    gelezen = AuditRegel.objects.filter(onderwerp="inkomen en vermogen", zaak=zaak)
    assert {r.inwoner_id for r in gelezen} == {zaak.hoofdpersoon_id, partner.pk}
    assert all(f"berekening {berekening.pk}" in r.toelichting for r in gelezen)
