"""API /api/v1/besluiten|bezwaren|briefsjablonen: Dutch 400 field errors, 403/409 with reasons, the letter as
HTML and PDF, and no 500 on any input."""

from __future__ import annotations

import hashlib
import json

import pytest

from maatwerk.besluiten.models import Bezwaarschrift

pytestmark = pytest.mark.django_db
URL = "/api/v1/besluiten/"


@pytest.fixture
def besluit_api(zaak_klaar, wmo, api):
    c = api(wmo)
    antwoord = c.post(URL, {"zaak": zaak_klaar.pk}, format="json")
    assert antwoord.status_code == 201, antwoord.content
    return c, antwoord.json()


def test_opstellen_en_nederlandse_400(zaak_klaar, wmo, api):
    c = api(wmo)
    assert c.post(URL, {"zaak": "abc"}, format="json").json() == {"zaak": ["Een geldig getal is vereist."]}
    assert c.post(URL, {"zaak": 999999}, format="json").json() == {"zaak": ["Onbekende zaak (999999)."]}
    fout = c.post(URL, {"zaak": zaak_klaar.pk, "soort": "misschien", "extra": 1}, format="json")
    assert fout.status_code == 400
    assert fout.json()["soort"] == ['"misschien" is een ongeldige keuze.']
    assert fout.json()["extra"] == ["Onbekend veld."]
    assert c.post(URL, [], format="json").status_code == 400


def test_wijzigen_geeft_veldfouten(besluit_api):
    c, besluit = besluit_api
    fout = c.patch(f"{URL}{besluit['id']}/", {"ingangsdatum": "1 februari", "bedrag": "-5", "vorm": "contant"}, format="json")
    assert fout.status_code == 400
    data = fout.json()
    assert set(data) == {"ingangsdatum", "bedrag", "vorm"}
    assert data["ingangsdatum"] == ["Geef een geldige datum als JJJJ-MM-DD, bijvoorbeeld 2026-02-01."]
    assert data["bedrag"] == ["Zorg ervoor dat deze waarde groter is dan of gelijk is aan 0."]


def test_onvolledig_besluit_409_met_ontbrekende_elementen(besluit_api):
    c, besluit = besluit_api
    assert {e["veld"] for e in besluit["ontbrekende_elementen"]} == {"vorm", "vervolg"}
    fout = c.post(f"{URL}{besluit['id']}/vaststellen/", {"datum": "2026-02-02"}, format="json")
    assert fout.status_code == 409
    assert fout.json()["code"] == "inhoud_onvolledig"
    assert "artikel 4:6, eerste lid" in fout.json()["detail"]


def test_hele_weg_en_brief_als_html_en_pdf(besluit_api, wmo_natura, api, inkomen):
    c, besluit = besluit_api
    pk = besluit["id"]
    velden = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in wmo_natura.items()}
    assert c.patch(f"{URL}{pk}/", velden, format="json").status_code == 200
    toegevoegd = c.post(f"{URL}{pk}/overwegingen/", {"zin": "Drie uur hulp is genoeg.", "bron": "Verordening Sociaal Domein 2018, artikel 4:3",
                                                      "soort": "discretie"}, format="json")
    assert toegevoegd.status_code == 201
    assert c.patch(f"{URL}{pk}/overwegingen/{toegevoegd.json()['id']}/", {"zin": "Een. Twee. Drie."}, format="json").status_code == 400
    concept = c.get(f"{URL}{pk}/brief/")
    assert concept.status_code == 200 and "CONCEPT" in concept.content.decode()
    assert c.post(f"{URL}{pk}/vaststellen/", {"datum": "2026-02-02"}, format="json").status_code == 200
    verstuurd = c.post(f"{URL}{pk}/bekendmaken/", {"datum": "2026-02-02"}, format="json")
    assert verstuurd.status_code == 201, verstuurd.content.decode()
    assert verstuurd.json()["status"] == "bekendgemaakt" and verstuurd.json()["bezwaartermijn_einde"] == "2026-03-16"

    pdf = c.get(f"{URL}{pk}/brief/pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert hashlib.sha256(pdf.content).hexdigest() == verstuurd.json()["brief"]["pdf_sha256"]
    html = c.get(f"{URL}{pk}/brief/")
    assert html["Content-Type"].startswith("text/html") and "uiterlijk op 16 maart 2026" in html.content.decode()
    # Changing a sent besluit: 409, never 200.
    assert c.patch(f"{URL}{pk}/", {"omvang": "9 uur"}, format="json").status_code == 409
    # Another domain sees nothing: 404 as for a missing besluit (issue 7), also for the letter.
    vreemd = api(inkomen)
    assert vreemd.get(f"{URL}{pk}/").status_code == 404
    assert vreemd.get(f"{URL}{pk}/brief/pdf/").status_code == 404
    assert vreemd.get(URL).json()["count"] == 0
    assert api().get(f"{URL}{pk}/").status_code in (401, 403)

    # Bezwaar via the API.
    fout = c.post("/api/v1/bezwaren/", {"besluit": pk, "ontvangen_op": "gisteren"}, format="json")
    assert fout.status_code == 400 and "ontvangen_op" in fout.json()
    bezwaar = c.post("/api/v1/bezwaren/", {"besluit": pk, "ontvangen_op": "2026-03-16", "gronden": "Te weinig uren."}, format="json")
    assert bezwaar.status_code == 201 and bezwaar.json()["tijdig"] is True
    assert bezwaar.json()["beslistermijn_einde"] == "2026-04-28"
    assert Bezwaarschrift.objects.count() == 1


def test_sjablonen_api(beheerder, wmo, api):
    assert api(wmo).get("/api/v1/briefsjablonen/").status_code == 200
    assert api(wmo).post("/api/v1/briefsjablonen/rechtsmiddel/versies/", {"inhoud": "<p>x</p>"}, format="json").status_code == 403
    fout = api(beheerder).post("/api/v1/briefsjablonen/rechtsmiddel/versies/", {"inhoud": "{% load x %}"}, format="json")
    assert fout.status_code == 400 and "niet toegestaan" in fout.json()["inhoud"][0]
    assert api(beheerder).get("/api/v1/briefsjablonen/rechtsmiddel/").json()["versies"][0]["nummer"] == 1


RAAR = [b"{", b"null", b"[]", b'"x"', b"123", json.dumps({"datum": "morgen"}).encode(),
        json.dumps({"akkoord": "misschien", "toelichting": 5}).encode(), json.dumps({"zin": "", "bron": None}).encode(),
        json.dumps({"soort": ["toekenning"]}).encode(), json.dumps({"uitkomst": "ja", "motivering": {}}).encode(),
        json.dumps({"verdaging_weken": "zes", "verdaging_medegedeeld_op": "2026-13-45"}).encode(),
        json.dumps({"inhoud": 123}).encode(), json.dumps({"reden": "x" * 100000}).encode(),
        json.dumps({"ontvangen_op": "2026-03-01", "besluit": -1}).encode(), json.dumps({"bedrag": "1e400"}).encode()]


def test_geen_500_op_welke_invoer_dan_ook(besluit_api, wmo, kwaliteit, beheerder, api, wmo_natura):
    c, besluit = besluit_api
    pk = besluit["id"]
    paden = [URL, f"{URL}{pk}/overwegingen/", f"{URL}{pk}/goedkeuren/", f"{URL}{pk}/vaststellen/",
             f"{URL}{pk}/bekendmaken/", f"{URL}{pk}/vervallen/", f"{URL}{pk}/nieuw-besluit/", "/api/v1/bezwaren/",
             "/api/v1/briefsjablonen/brief/versies/"]
    for gebruiker in (wmo, kwaliteit, beheerder):
        client = api(gebruiker)
        for pad in paden:
            for body in RAAR:
                antwoord = client.post(pad, body, content_type="application/json")
                assert antwoord.status_code < 500, (pad, body, antwoord.status_code, antwoord.content[:300])
            antwoord = client.patch(f"{URL}{pk}/", b'{"einddatum": "2026-01-01", "ingangsdatum": "2027-01-01"}',
                                    content_type="application/json")
            assert antwoord.status_code in (400, 403, 404, 409), antwoord.content
    for pad in (f"{URL}abc/", f"{URL}{pk}/brief/pdf/", f"{URL}999999/brief/", "/api/v1/bezwaren/999/",
                f"{URL}?zaak=abc", "/api/v1/briefsjablonen/bestaat-niet/"):
        assert c.get(pad).status_code < 500, pad
