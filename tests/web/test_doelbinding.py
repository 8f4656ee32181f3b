"""Purpose binding that cannot be talked around (issue 7, point 1), tested as an attacker: a curious colleague
of another domain who guesses ids and BSNs, opens a zaak on a foreign household, records consent for himself
or types a legal ground. API and pages."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.test import Client

from maatwerk.personen import services as personen
from maatwerk.personen.models import Relatie, Rol
from maatwerk.toegang import beleid
from maatwerk.toegang.grondslagen import CATALOGUS
from maatwerk.toegang.models import AuditRegel, Intakesignaal, Toestemming
from maatwerk.toegang.rollen import HANDHAVING
from maatwerk.zaken.intake import GEEN_MATCH, meld_via_intake
from maatwerk.zaken.models import Zaak
from maatwerk.zaken.regelingen import JEUGD
from maatwerk.zaken.services import meld_zaak

pytestmark = pytest.mark.django_db
V1 = "/api/v1"
ONBESTAAND = 987654
REDEN = "Helena meldt zich met Jayden bij het wijkteam, verwezen door school."


def _post(client, url, data):
    return client.post(url, data=json.dumps(data), content_type="application/json")


def _zonder_csrf(antwoord) -> bytes:
    """A page without its (per-response masked) CSRF tokens, to compare two answers byte for byte."""
    return re.sub(rb'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+', rb"\1", antwoord.content)


def _pagina(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def gezin(inkomen, maak_inwoner):
    """A household known to Inkomen only: mother with a bijzondere-bijstand zaak and income, and a child."""
    moeder = maak_inwoner(inkomen, voornamen="Helena", achternaam="Croes", geboortedatum=dt.date(2002, 5, 1))
    kind = maak_inwoner(inkomen, voornamen="Jayden", achternaam="Croes", geboortedatum=dt.date(2019, 3, 1))
    hh = personen.maak_huishouden(inkomen, naam="Huishouden Croes", aanvrager=moeder)
    personen.voeg_lid_toe(inkomen, hh, kind, rol=Rol.KIND, relatie=Relatie.KIND)
    personen.leg_inkomen_vast(inkomen, moeder, maand=dt.date(2026, 1, 1), netto_bedrag=1150, soort="loon")
    bb = meld_zaak(inkomen, huishouden=hh, hoofdpersoon=moeder, regeling="bijzondere_bijstand",
                   ontvangen_op=dt.date(2026, 1, 5), omschrijving="Inrichting van de nieuwe woning")
    return {"hh": hh, "moeder": moeder, "kind": kind, "bb": bb}


@pytest.fixture
def inkomen2(maak_gebruiker):
    return maak_gebruiker("inkomen2", "consulent_inkomen")


# ------------------------------------------------------------------ 1. no zaak on a foreign household


def test_wmo_kan_geen_zaak_openen_op_vreemd_huishouden_via_api(api, wmo, gezin):
    c = api(wmo)
    data = {"regeling": "wmo_maatwerkvoorziening", "hoofdpersoon": gezin["moeder"].pk, "ontvangen_op": "2026-01-10"}
    vreemd = _post(c, f"{V1}/zaken/", {**data, "huishouden": gezin["hh"].pk})
    onbekend = _post(c, f"{V1}/zaken/", {**data, "huishouden": ONBESTAAND})
    assert vreemd.status_code == onbekend.status_code == 400
    assert vreemd.json() == {"huishouden": [f"Onbekende huishouden ({gezin['hh'].pk})."]}
    assert onbekend.json() == {"huishouden": [f"Onbekende huishouden ({ONBESTAAND})."]}
    assert not Zaak.objects.filter(regeling="wmo_maatwerkvoorziening").exists()
    assert AuditRegel.objects.filter(gebruiker=wmo, toegestaan=False, onderwerp="huishouden (verwijzing)").exists()
    # ... and therefore still no income and no household.
    assert c.get(f"{V1}/inwoners/{gezin['moeder'].pk}/inkomens/").status_code == 404
    assert c.get(f"{V1}/huishoudens/{gezin['hh'].pk}/").status_code == 404


def test_meld_zaak_service_weigert_vreemd_huishouden(wmo, gezin):
    with pytest.raises(beleid.NietGevonden):
        meld_zaak(wmo, huishouden=gezin["hh"], hoofdpersoon=gezin["moeder"], regeling="wmo_maatwerkvoorziening")
    assert not Zaak.objects.filter(regeling="wmo_maatwerkvoorziening").exists()
    assert AuditRegel.objects.filter(gebruiker=wmo, toegestaan=False, onderwerp="zaak", inwoner=gezin["moeder"]).exists()


def test_meldingformulier_van_vreemd_huishouden_is_404_als_onbestaand(jeugd, gezin):
    c = _pagina(jeugd)
    vreemd = c.get(f"/huishoudens/{gezin['hh'].pk}/melding/")
    onbekend = c.get(f"/huishoudens/{ONBESTAAND}/melding/")
    assert vreemd.status_code == onbekend.status_code == 404
    assert _zonder_csrf(vreemd) == _zonder_csrf(onbekend)
    post = c.post(f"/huishoudens/{gezin['hh'].pk}/melding/", {
        "melding-hoofdpersoon": gezin["kind"].pk, "melding-regeling": "jeugdhulp", "melding-omschrijving": "Hulp",
        "melding-ontvangen_op": "10-01-2026"})
    assert post.status_code == 404
    assert not Zaak.objects.filter(regeling="jeugdhulp").exists()


def test_lid_toevoegen_aan_vreemd_huishouden_kan_niet(api, wmo, gezin, maak_inwoner):
    eigen = maak_inwoner(wmo)
    r = _post(api(wmo), f"{V1}/huishoudens/{gezin['hh'].pk}/leden/",
              {"inwoner": eigen.pk, "rol": "medebewoner", "relatie": "overig"})
    assert r.status_code == 404
    assert not gezin["hh"].lidmaatschappen.filter(inwoner=eigen).exists()


def test_vreemde_inwoner_toevoegen_aan_eigen_huishouden_vraagt_bewijs_en_noemt_geen_naam(api, wmo, gezin, maak_inwoner):
    aanvrager = maak_inwoner(wmo)
    eigen_hh = personen.maak_huishouden(wmo, naam="Huishouden Jansen", aanvrager=aanvrager)
    c = api(wmo)
    url = f"{V1}/huishoudens/{eigen_hh.pk}/leden/"
    zonder = _post(c, url, {"inwoner": gezin["kind"].pk, "rol": "kind", "relatie": "kind"})
    onbekend = _post(c, url, {"inwoner": ONBESTAAND, "rol": "kind", "relatie": "kind"})
    assert zonder.status_code == onbekend.status_code == 400
    assert zonder.json() == onbekend.json()
    # With the right birth date the person is shown to be present; he is still a member elsewhere, and the
    # message says so without his name or the other household's number.
    met = _post(c, url, {"inwoner": gezin["kind"].pk, "rol": "kind", "relatie": "kind", "geboortedatum": "2019-03-01"})
    assert met.status_code == 400
    tekst = json.dumps(met.json(), ensure_ascii=False)
    assert "ander huishouden" in tekst
    for geheim in ("Jayden", "Croes", str(gezin["hh"].pk), gezin["kind"].bsn):
        assert geheim not in tekst
    assert not eigen_hh.lidmaatschappen.filter(inwoner=gezin["kind"]).exists()


def test_lid_pagina_met_bsn_van_vreemde_noemt_geen_naam(wmo, gezin, maak_inwoner):
    aanvrager = maak_inwoner(wmo)
    eigen_hh = personen.maak_huishouden(wmo, naam="Huishouden Jansen", aanvrager=aanvrager)
    antwoord = _pagina(wmo).post(f"/huishoudens/{eigen_hh.pk}/lid/", {
        "lid-bsn": gezin["kind"].bsn, "lid-rol": "kind", "lid-relatie": "kind"})
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "Jayden" not in tekst and "Huishouden Croes" not in tekst
    assert f"huishouden {gezin['hh'].pk}" not in tekst


def test_zoeken_op_bsn_zegt_niet_of_een_onzichtbare_inwoner_bestaat(wmo, gezin):
    c = _pagina(wmo)
    bestaand = c.get("/intake/", {"bsn": gezin["moeder"].bsn}).content.decode()
    assert "Helena" not in bestaand and "al een inwoner" not in bestaand
    assert "intake voor een bekende inwoner" in bestaand


# ------------------------------------------------------------------ the intake route


def test_intake_route_vraagt_bsn_en_geboortedatum_zonder_te_zeggen_wat_fout_is(api, jeugd, gezin):
    c = api(jeugd)
    basis = {"regeling": "jeugdhulp", "reden": REDEN, "ontvangen_op": "2026-01-10"}
    fout_datum = _post(c, f"{V1}/intakes/", {**basis, "bsn": gezin["kind"].bsn, "geboortedatum": "2019-03-02"})
    fout_bsn = _post(c, f"{V1}/intakes/", {**basis, "bsn": "123456782", "geboortedatum": "2019-03-01"})
    assert fout_datum.status_code == fout_bsn.status_code == 400
    assert fout_datum.json() == fout_bsn.json()
    assert list(fout_datum.json().values()) == [[GEEN_MATCH]]
    assert AuditRegel.objects.filter(gebruiker=jeugd, onderwerp="intake", toegestaan=False).count() == 2
    zonder_reden = _post(c, f"{V1}/intakes/", {**basis, "reden": "even kijken", "bsn": gezin["kind"].bsn,
                                                "geboortedatum": "2019-03-01"})
    assert zonder_reden.status_code == 400 and "reden" in zonder_reden.json()
    assert not Zaak.objects.filter(regeling="jeugdhulp").exists()

    goed = _post(c, f"{V1}/intakes/", {**basis, "bsn": gezin["kind"].bsn, "geboortedatum": "2019-03-01",
                                        "omschrijving": "Jayden slaapt slecht"})
    assert goed.status_code == 201, goed.json()
    zaak = Zaak.objects.get(pk=goed.json()["id"])
    assert zaak.huishouden == gezin["hh"] and zaak.hoofdpersoon == gezin["kind"] and zaak.aangemaakt_door == jeugd
    signaal = Intakesignaal.objects.get(zaak=zaak)
    assert (signaal.gestart_door, signaal.reden, signaal.domein) == (jeugd, REDEN, JEUGD)
    regel = AuditRegel.objects.get(gebruiker=jeugd, onderwerp="intake", toegestaan=True)
    assert REDEN in regel.toelichting and regel.soort_grond == "intake"


def test_intake_signaal_is_zichtbaar_voor_andere_domeinen_zonder_inhoud(api, jeugd, inkomen, gezin):
    meld_via_intake(jeugd, bsn=gezin["kind"].bsn, geboortedatum=dt.date(2019, 3, 1), regeling="jeugdhulp",
                    reden=REDEN, omschrijving="Jayden slaapt slecht na wat hij meemaakte", ontvangen_op=dt.date(2026, 1, 10))
    signalen = api(inkomen).get(f"{V1}/huishoudens/{gezin['hh'].pk}/signalen/").json()["results"]
    assert signalen == [{"datum": "2026-01-10", "domein": "jeugd",
                         "tekst": "Er is op 10-01-2026 een melding gedaan in het domein Jeugd."}]
    pagina = _pagina(inkomen).get(f"/huishoudens/{gezin['hh'].pk}/").content.decode()
    assert "Er is op 10-01-2026 een melding gedaan in het domein Jeugd." in pagina
    assert "slaapt slecht" not in pagina and "wijkteam" not in pagina


def test_na_intake_ziet_jeugd_geen_inkomen_en_geen_zaak_van_inkomen(api, jeugd, gezin):
    meld_via_intake(jeugd, bsn=gezin["kind"].bsn, geboortedatum=dt.date(2019, 3, 1), regeling="jeugdhulp",
                    reden=REDEN, ontvangen_op=dt.date(2026, 1, 10))
    c = api(jeugd)
    assert c.get(f"{V1}/huishoudens/{gezin['hh'].pk}/").status_code == 200  # the household: yes
    assert c.get(f"{V1}/inwoners/{gezin['moeder'].pk}/inkomens/").status_code == 403  # its income: no
    assert c.get(f"{V1}/inwoners/{gezin['moeder'].pk}/vermogens/").status_code == 403
    assert c.get(f"{V1}/zaken/{gezin['bb'].pk}/").status_code == 404  # the Inkomen zaak: invisible
    r = _post(c, f"{V1}/inwoners/{gezin['moeder'].pk}/inkomens/", {"maand": "2026-02", "netto_bedrag": "1"})
    assert r.status_code == 403
    pagina = _pagina(jeugd).get(f"/huishoudens/{gezin['hh'].pk}/inkomen/").content.decode()
    assert "1.150" not in pagina and "Geen inzage" in pagina and "Inkomen vastleggen" not in pagina


def test_auditlog_van_inwoner_toont_geen_intake_van_ander_domein(api, jeugd, inkomen, gezin):
    meld_via_intake(jeugd, bsn=gezin["kind"].bsn, geboortedatum=dt.date(2019, 3, 1), regeling="jeugdhulp",
                    reden=REDEN, ontvangen_op=dt.date(2026, 1, 10))
    r = api(inkomen).get(f"{V1}/inwoners/{gezin['kind'].pk}/audit/")
    assert r.status_code == 200
    assert "wijkteam" not in r.content.decode() and "jeugd1" not in r.content.decode()
    assert "wijkteam" in api(jeugd).get(f"{V1}/inwoners/{gezin['kind'].pk}/audit/").content.decode()


def test_intake_pagina(jeugd, gezin):
    c = _pagina(jeugd)
    assert c.get("/intake/bekende-inwoner/").status_code == 200
    fout = c.post("/intake/bekende-inwoner/", {
        "intake-bsn": gezin["kind"].bsn, "intake-geboortedatum": "02-03-2019", "intake-regeling": "jeugdhulp",
        "intake-reden": REDEN, "intake-ontvangen_op": "10-01-2026"})
    assert fout.status_code == 400 and "Croes" not in fout.content.decode()
    goed = c.post("/intake/bekende-inwoner/", {
        "intake-bsn": gezin["kind"].bsn, "intake-geboortedatum": "01-03-2019", "intake-regeling": "jeugdhulp",
        "intake-reden": REDEN, "intake-ontvangen_op": "10-01-2026"})
    zaak = Zaak.objects.get(regeling="jeugdhulp")
    assert goed.status_code == 302 and goed["Location"] == f"/zaken/{zaak.pk}/"


def test_te_veel_mislukte_intakes_wordt_geweigerd(api, jeugd, gezin):
    c = api(jeugd)
    data = {"regeling": "jeugdhulp", "reden": REDEN, "bsn": gezin["kind"].bsn}
    for dag in range(1, 6):
        assert _post(c, f"{V1}/intakes/", {**data, "geboortedatum": f"2019-01-0{dag}"}).status_code == 400
    assert _post(c, f"{V1}/intakes/", {**data, "geboortedatum": "2019-03-01"}).status_code == 403


# ------------------------------------------------------------------ 2. consent with its source; never for oneself


def _toestemming(c, inwoner, **extra):
    return _post(c, f"{V1}/toestemmingen/", {
        "inwoner": inwoner.pk, "ontvanger": "jeugd", "domein": "inkomen", "vorm": "schriftelijk",
        "doel": "Afstemmen van jeugdhulp met de inrichting van de woning.", "geldig_vanaf": "2026-01-06",
        "geldig_tot": "2026-12-31", **extra})


def test_ontvanger_legt_geen_toestemming_voor_zichzelf_vast(api, jeugd, gezin):
    meld_via_intake(jeugd, bsn=gezin["kind"].bsn, geboortedatum=dt.date(2019, 3, 1), regeling="jeugdhulp",
                    reden=REDEN, ontvangen_op=dt.date(2026, 1, 10))
    r = _toestemming(api(jeugd), gezin["moeder"], bron="ondertekend", documentkenmerk="DOC-1")
    assert r.status_code == 403
    assert not Toestemming.objects.exists()
    assert api(jeugd).get(f"{V1}/zaken/{gezin['bb'].pk}/").status_code == 404


def test_toestemming_met_bevestiging_geldt_pas_na_tweede_persoon(api, jeugd, inkomen, inkomen2, gezin):
    meld_via_intake(jeugd, bsn=gezin["kind"].bsn, geboortedatum=dt.date(2019, 3, 1), regeling="jeugdhulp",
                    reden=REDEN, ontvangen_op=dt.date(2026, 1, 10))
    r = _toestemming(api(inkomen), gezin["moeder"], bron="bevestigd", vorm="mondeling")
    assert r.status_code == 201, r.json()
    t = Toestemming.objects.get(pk=r.json()["id"])
    assert api(jeugd).get(f"{V1}/zaken/{gezin['bb'].pk}/").status_code == 404  # not yet valid
    assert _post(api(jeugd), f"{V1}/toestemmingen/{t.pk}/bevestigen/", {}).status_code == 403  # the recipient
    assert _post(api(inkomen), f"{V1}/toestemmingen/{t.pk}/bevestigen/", {}).status_code == 403  # the recorder
    assert _post(api(inkomen2), f"{V1}/toestemmingen/{t.pk}/bevestigen/", {}).status_code == 200
    t.refresh_from_db()
    assert t.bevestigd_door == inkomen2
    assert api(jeugd).get(f"{V1}/zaken/{gezin['bb'].pk}/").status_code == 200
    assert api(jeugd).get(f"{V1}/inwoners/{gezin['moeder'].pk}/inkomens/").status_code == 200


def test_toestemming_vraagt_bron_document_en_einddatum(api, inkomen, gezin):
    c = api(inkomen)
    assert "documentkenmerk" in _toestemming(c, gezin["moeder"], bron="ondertekend").json()
    assert "geldig_tot" in _toestemming(c, gezin["moeder"], bron="ondertekend", documentkenmerk="D-1",
                                        geldig_tot=None).json()
    te_lang = _toestemming(c, gezin["moeder"], bron="ondertekend", documentkenmerk="D-1", geldig_tot="2027-06-01")
    assert te_lang.status_code == 400 and "geldig_tot" in te_lang.json()
    assert "bron" in _toestemming(c, gezin["moeder"]).json()
    handhaving = _toestemming(c, gezin["moeder"], ontvanger="handhaving", bron="ondertekend", documentkenmerk="D-1")
    assert handhaving.status_code == 400 and "ontvanger" in handhaving.json()
    assert _toestemming(c, gezin["moeder"], bron="ondertekend", documentkenmerk="D-1").status_code == 201


def test_bestaande_toestemming_zonder_bron_geldt_niet(inkomen, gezin):
    """What migration 0003 does with consents from before: source 'bevestigd' without confirmation."""
    Toestemming.objects.create(inwoner=gezin["moeder"], ontvanger="jeugd", domein="inkomen", doel="Oud doel van voor",
                               vorm="mondeling", bron="bevestigd", geldig_vanaf=dt.date(2026, 1, 1),
                               geldig_tot=dt.date(2026, 12, 31), vastgelegd_door=inkomen)
    assert not Toestemming.objects.filter(Toestemming.geldig_op(dt.date(2026, 6, 1))).exists()


# ------------------------------------------------------------------ 3. legal grounds from the catalogue


def test_catalogus_opent_nooit_jeugd_voor_handhaving_en_heeft_bronnen():
    assert CATALOGUS
    for g in CATALOGUS.values():
        assert not (g.domein == JEUGD and g.ontvanger == HANDHAVING)
        assert g.artikel.startswith("artikel") and g.bron.startswith("https://") and g.max_dagen > 0


def test_grondslag_uit_catalogus_niet_vrij(api, kwaliteit, gezin, maak_gebruiker):
    c = api(kwaliteit)
    basis = {"inwoner": gezin["moeder"].pk, "ontvanger": "handhaving", "domein": "inkomen",
             "doel": "Onderzoek naar de rechtmatigheid van de bijstand.", "geldig_vanaf": "2026-01-06",
             "geldig_tot": "2026-03-31"}
    vrij = _post(c, f"{V1}/wettelijke-grondslagen/", {**basis, "grondslag": "Participatiewet, artikel 53a"})
    assert vrij.status_code == 400 and "code" in vrij.json()
    jeugd = _post(c, f"{V1}/wettelijke-grondslagen/", {**basis, "code": "pw_53a", "domein": "jeugd"})
    assert jeugd.status_code == 400
    te_lang = _post(c, f"{V1}/wettelijke-grondslagen/", {**basis, "code": "pw_53a", "geldig_tot": "2027-01-06"})
    assert te_lang.status_code == 400 and "geldig_tot" in te_lang.json()
    zonder_eind = _post(c, f"{V1}/wettelijke-grondslagen/", {**basis, "code": "pw_53a", "geldig_tot": None})
    assert zonder_eind.status_code == 400
    goed = _post(c, f"{V1}/wettelijke-grondslagen/", {**basis, "code": "pw_53a"})
    assert goed.status_code == 201 and goed.json()["grondslag"] == "Participatiewet, artikel 53a"
    assert {g["code"] for g in c.get(f"{V1}/wettelijke-grondslagen/").json()["results"]} == set(CATALOGUS)
    # The recorder is never a recipient: a kwaliteitsmedewerker who is also handhaver cannot open it to himself.
    beide = maak_gebruiker("kwh", "kwaliteitsmedewerker", "handhaver")
    assert _post(api(beide), f"{V1}/wettelijke-grondslagen/", {**basis, "code": "pw_53a"}).status_code == 403


def test_grondslag_formulier_is_een_keuzelijst(kwaliteit, gezin, wmo):
    # The kwaliteitsmedewerker sees no dossier (separation of duties): his register page names the inwoner by BSN.
    from maatwerk.toegang.models import WettelijkeGrondslag

    c = _pagina(kwaliteit)
    pagina = c.get("/grondslagen/").content.decode()
    assert 'name="grondslag-code"' in pagina and "<select" in pagina and 'name="grondslag-grondslag"' not in pagina
    basis = {"grondslag-bsn": gezin["moeder"].bsn, "grondslag-ontvanger": "handhaving", "grondslag-domein": "inkomen",
             "grondslag-code": "pw_53a", "grondslag-doel": "Onderzoek naar de rechtmatigheid van de bijstand.",
             "grondslag-geldig_vanaf": "2026-01-06", "grondslag-geldig_tot": "2026-03-31"}
    fout = c.post("/grondslagen/", {**basis, "grondslag-code": "vrije tekst"})
    assert fout.status_code == 400 and "Kies een grondslag uit de lijst." in fout.content.decode()
    assert not WettelijkeGrondslag.objects.exists()
    goed = c.post("/grondslagen/", basis)
    assert goed.status_code == 302
    g = WettelijkeGrondslag.objects.get()
    assert g.inwoner == gezin["moeder"] and g.code == "pw_53a"
    # The confirmation shows no name: the kwaliteitsmedewerker does not see the dossier.
    assert gezin["moeder"].achternaam not in c.get("/grondslagen/").content.decode()
    # Other roles cannot use the register page.
    assert _pagina(wmo).get("/grondslagen/").status_code == 403


def test_grondslag_zonder_code_geldt_niet(kwaliteit, gezin):
    from maatwerk.toegang.models import WettelijkeGrondslag

    WettelijkeGrondslag.objects.create(inwoner=gezin["moeder"], ontvanger="handhaving", domein="inkomen", doel="vrij",
                                       grondslag="Een vrije tekst", geldig_vanaf=dt.date(2026, 1, 1),
                                       geldig_tot=dt.date(2026, 12, 31), vastgelegd_door=kwaliteit)
    assert not WettelijkeGrondslag.objects.filter(WettelijkeGrondslag.geldig_op(dt.date(2026, 6, 1))).exists()


# ------------------------------------------------------------------ 4. forbidden answers like missing


@pytest.mark.parametrize("pad", ["zaken/{zaak}/", "zaken/{zaak}/onderzoek/", "zaken/{zaak}/bevindingen/",
                                 "inwoners/{inwoner}/", "inwoners/{inwoner}/inkomens/", "huishoudens/{hh}/",
                                 "toestemmingen/?inwoner={inwoner}", "besluiten/?zaak={zaak}"])
def test_api_verboden_is_als_onbestaand(api, wmo, gezin, pad):
    c = api(wmo)
    echt = c.get(f"{V1}/" + pad.format(zaak=gezin["bb"].pk, inwoner=gezin["moeder"].pk, hh=gezin["hh"].pk))
    nep = c.get(f"{V1}/" + pad.format(zaak=ONBESTAAND, inwoner=ONBESTAAND, hh=ONBESTAAND))
    assert echt.status_code == nep.status_code
    assert echt.content == nep.content
    if echt.status_code == 404:
        assert echt.json() == {"detail": "Niet gevonden."}


def test_api_wijzigen_van_onzichtbare_zaak_is_404(api, wmo, gezin):
    r = api(wmo).patch(f"{V1}/zaken/{gezin['bb'].pk}/", data=json.dumps({"omschrijving": "x"}),
                       content_type="application/json")
    assert r.status_code == 404 and r.json() == {"detail": "Niet gevonden."}
    assert AuditRegel.objects.filter(gebruiker=wmo, zaak=gezin["bb"], toegestaan=False).exists()


@pytest.mark.parametrize("pad", ["/zaken/{zaak}/", "/huishoudens/{hh}/", "/huishoudens/{hh}/inkomen/",
                                 "/huishoudens/{hh}/lid/", "/besluiten/zaak/{zaak}/"])
def test_paginas_verboden_is_als_onbestaand(wmo, gezin, pad):
    c = _pagina(wmo)
    echt = c.get(pad.format(zaak=gezin["bb"].pk, hh=gezin["hh"].pk))
    nep = c.get(pad.format(zaak=ONBESTAAND, hh=ONBESTAAND))
    assert echt.status_code == nep.status_code == 404
    assert _zonder_csrf(echt) == _zonder_csrf(nep)


def test_zichtbaar_maar_niet_toegestaan_blijft_403(api, jeugd, inkomen, gezin):
    """With consent the Jeugd consulent may view the Inkomen zaak but not change it: 403 with the reason."""
    meld_via_intake(jeugd, bsn=gezin["kind"].bsn, geboortedatum=dt.date(2019, 3, 1), regeling="jeugdhulp",
                    reden=REDEN, ontvangen_op=dt.date(2026, 1, 10))
    assert _toestemming(api(inkomen), gezin["moeder"], bron="ondertekend", documentkenmerk="D-9").status_code == 201
    c = api(jeugd)
    assert c.get(f"{V1}/zaken/{gezin['bb'].pk}/").status_code == 200
    r = c.patch(f"{V1}/zaken/{gezin['bb'].pk}/", data=json.dumps({"omschrijving": "x"}), content_type="application/json")
    assert r.status_code == 403 and "domein Inkomen" in r.json()["detail"]


# ------------------------------------------------------------------ the demo follows the rules


def test_demogegevens_volgen_de_regels(db):
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from maatwerk.demo.gegevens import laad_demogegevens

    laad_demogegevens()
    t = Toestemming.objects.get()
    assert t.vastgelegd_door.username == "consulent_inkomen" and t.bron == "ondertekend" and t.geldig_tot
    assert Toestemming.objects.filter(Toestemming.geldig_op(timezone.localdate())).count() == 1
    jeugd = get_user_model().objects.get(username="consulent_jeugd")
    jeugdzaak = Zaak.objects.get(regeling="jeugdhulp", hoofdpersoon__voornamen="Jayden")
    assert Intakesignaal.objects.get(zaak=jeugdzaak).gestart_door == jeugd
    bb = Zaak.objects.get(regeling="bijzondere_bijstand", huishouden=jeugdzaak.huishouden)
    assert beleid.grond_zaak(jeugd, bb, beleid.VIEW).soort == "toestemming"
