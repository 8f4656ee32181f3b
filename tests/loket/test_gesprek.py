""""Ik wil een gesprek": stored durably with both BSNs, a receipt with the date, bad input in Dutch with what was
typed kept, and visible to the consulenten of the chosen domain only (the role matrix)."""

from __future__ import annotations

import re

import pytest

from maatwerk.loket.models import Gespreksverzoek
from maatwerk.toegang.models import AuditRegel

from .conftest import BSN_INWONER, BSN_PARTNER

GOED = {"domein": "wmo", "soort": "keukentafelgesprek", "dagen": ["dinsdag", "donderdag"], "dagdelen": ["ochtend"],
        "voorkeur": "Niet in de schoolvakantie", "telefoon": "06 12345678", "begeleiding": "clientondersteuner",
        "onderwerp": "Ik kan de trap niet meer op."}


@pytest.mark.django_db
def test_gesprek_opgeslagen_met_ontvangstbewijs(client, digid_login):
    digid_login(client)
    r = client.post("/loket/gesprek/", GOED)
    assert r.status_code == 302
    verzoek = Gespreksverzoek.objects.get()
    assert (verzoek.domein, verzoek.bsn, verzoek.gemachtigde_bsn, verzoek.telefoon) == ("wmo", BSN_INWONER, "", "0612345678")
    assert verzoek.dagen == ["dinsdag", "donderdag"] and verzoek.begeleiding == "clientondersteuner"
    bewijs = client.get(r["Location"])
    html = bewijs.content.decode()
    from maatwerk.formaat import datum

    assert bewijs.status_code == 200 and "Uw vraag is verstuurd" in html and datum(verzoek.ingediend_op) in html
    regel = AuditRegel.objects.get(onderwerp="gespreksverzoek", actie="create")
    assert BSN_INWONER in regel.toelichting


@pytest.mark.django_db
def test_gemachtigde_vraagt_gesprek_voor_een_ander(client, digid_login):
    digid_login(client, BSN_INWONER, namens=BSN_PARTNER)
    client.post("/loket/gesprek/", {**GOED, "domein": "inkomen"})
    verzoek = Gespreksverzoek.objects.get()
    assert (verzoek.bsn, verzoek.gemachtigde_bsn) == (BSN_PARTNER, BSN_INWONER)
    regel = AuditRegel.objects.get(onderwerp="gespreksverzoek", actie="create")
    assert BSN_INWONER in regel.toelichting and BSN_PARTNER in regel.toelichting


@pytest.mark.django_db
@pytest.mark.parametrize("telefoon", ["12345", "06-1234567", "+32 6 12345678", "0612345678901", "tel: 06"])
def test_fout_telefoonnummer_nederlandse_melding_en_invoer_blijft(client, digid_login, telefoon):
    digid_login(client)
    r = client.post("/loket/gesprek/", {**GOED, "telefoon": telefoon})
    html = r.content.decode()
    assert r.status_code == 400
    assert "Op welk telefoonnummer kunnen we u bellen?" in html and "geen Nederlands telefoonnummer" in html
    assert "Ik kan de trap niet meer op." in html and f'value="{telefoon}"' in html.replace("&#x27;", "'")
    assert re.search(r'<input[^>]*value="dinsdag"[^>]*checked', html)  # the ticked days stay ticked
    assert not Gespreksverzoek.objects.exists()


@pytest.mark.django_db
def test_verplichte_keuzes_en_onbekende_waarden(client, digid_login):
    digid_login(client)
    r = client.post("/loket/gesprek/", {"domein": "belastingen", "dagen": ["zondag"], "telefoon": "+31612345678"})
    html = r.content.decode()
    assert r.status_code == 400
    for melding in ("Kies waarover u wilt praten.", "Kies een gesprek thuis of aan de telefoon.", "Kies een werkdag.",
                    "Kies of er iemand meekomt."):
        assert melding in html
    assert 'value="+31612345678"' in html


@pytest.mark.django_db
def test_ontvangstbewijs_van_een_ander_is_niet_te_zien(client, digid_login):
    from django.test import Client

    anders = Client()
    digid_login(anders, BSN_PARTNER)
    anders.post("/loket/gesprek/", GOED)
    verzoek = Gespreksverzoek.objects.get()
    digid_login(client, BSN_INWONER)
    assert client.get(f"/loket/gesprek/{verzoek.pk}/ontvangen/").status_code == 404
    assert anders.get(f"/loket/gesprek/{verzoek.pk}/ontvangen/").status_code == 200


@pytest.mark.django_db
def test_zonder_inloggen_naar_de_inlogpagina(client):
    r = client.get("/loket/gesprek/")
    assert r.status_code == 302 and r["Location"].startswith("/loket/inloggen/?next=")
    assert client.post("/loket/gesprek/", GOED).status_code == 302
    assert not Gespreksverzoek.objects.exists()


def _verzoek(domein: str) -> Gespreksverzoek:
    return Gespreksverzoek.objects.create(domein=domein, soort="bellen", bsn=BSN_INWONER, telefoon="0612345678",
                                          begeleiding="niemand", onderwerp=f"vraag over {domein}")


@pytest.mark.django_db
def test_alleen_consulenten_van_het_gekozen_domein_zien_het(client, wmo, jeugd, inkomen, kwaliteit, beheerder,
                                                              maak_gebruiker):
    for d in ("wmo", "jeugd", "inkomen"):
        _verzoek(d)
    for gebruiker, eigen in ((wmo, "wmo"), (jeugd, "jeugd"), (inkomen, "inkomen")):
        client.force_login(gebruiker)
        r = client.get("/gespreksverzoeken/")
        html = r.content.decode()
        assert r.status_code == 200
        assert f"vraag over {eigen}" in html
        assert all(f"vraag over {d}" not in html for d in ("wmo", "jeugd", "inkomen") if d != eigen)
        assert AuditRegel.objects.filter(gebruiker=gebruiker, onderwerp="gespreksverzoek", toegestaan=True).count() == 1
    handhaver = maak_gebruiker("handhaver1", "handhaver")
    beleid = maak_gebruiker("beleid1", "beleidsmedewerker")
    for geweigerd in (kwaliteit, beheerder, handhaver, beleid):
        client.force_login(geweigerd)
        r = client.get("/gespreksverzoeken/")
        assert r.status_code == 403 and "vraag over" not in r.content.decode()
        assert AuditRegel.objects.filter(gebruiker=geweigerd, onderwerp="gespreksverzoeken", toegestaan=False).exists()
    client.logout()
    assert client.get("/gespreksverzoeken/").status_code == 302  # not logged in: to the staff login


@pytest.mark.django_db
def test_menulink_alleen_voor_consulenten(client, wmo, beheerder):
    client.force_login(wmo)
    assert 'href="/gespreksverzoeken/"' in client.get("/werkvoorraad/").content.decode()
    client.force_login(beheerder)
    assert 'href="/gespreksverzoeken/"' not in client.get("/auditlog/").content.decode()
