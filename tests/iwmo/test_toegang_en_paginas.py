"""Purpose-bound messaging (issue 10, point 7): iWmo only for Wmo staff, iJw only for Jeugd staff; other roles get
404 and never see a BSN from a message; every view is audited. The zaak page's section, the upload, the download,
the toewijzing form and the CLI."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from maatwerk.cli import main
from maatwerk.iwmo import services
from maatwerk.iwmo.models import Bericht, ToewijzingStatus
from maatwerk.toegang.models import AuditRegel

from .conftest import bericht, maak_zaak, start

pytestmark = pytest.mark.django_db
NU = dt.datetime(2026, 1, 27, 10, 30, tzinfo=dt.timezone.utc)


@pytest.fixture
def toegewezen(besluit, wmo, aanbod):
    return services.wijs_toe(wmo, besluit, product=aanbod["hh"], aanbieder=aanbod["thuiszorg"], volume=3, eenheid="04",
                             frequentie="2", ingangsdatum=dt.date(2026, 2, 1), einddatum=dt.date(2027, 1, 31), nu=NU)


def _client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_andere_rollen_krijgen_404_en_zien_geen_bsn(toegewezen, jeugd, inkomen, kwaliteit, beheerder, maak_gebruiker, api):
    zaak = toegewezen.zaak
    beleidsmw = maak_gebruiker("beleid2", "beleidsmedewerker")
    handhaver = maak_gebruiker("handhaver2", "handhaver")
    jurist = maak_gebruiker("jurist2", "jurist")
    for user in (jeugd, inkomen, kwaliteit, beheerder, beleidsmw, handhaver, jurist):
        c = _client(user)
        for pad in (f"/zaken/{zaak.pk}/iwmo/", f"/iwmo/berichten/{toegewezen.pk}/xml/"):
            antwoord = c.get(pad)
            assert antwoord.status_code == 404, (user, pad)
            assert zaak.hoofdpersoon.bsn.encode() not in antwoord.content
        antwoord = api(user).get(f"/api/v1/zaken/{zaak.pk}/iwmo-berichten/")
        assert antwoord.status_code == 404 and zaak.hoofdpersoon.bsn.encode() not in antwoord.content
        assert c.post(f"/zaken/{zaak.pk}/iwmo/toewijzing/", {}).status_code == 404
    # Each refusal is in the audit log.
    assert AuditRegel.objects.filter(zaak=zaak, toegestaan=False, gebruikersnaam="jeugd1").exists()


def test_consulent_wmo_ziet_sectie_op_de_zaakpagina_en_downloadt(toegewezen, wmo, api):
    zaak = toegewezen.zaak
    c = _client(wmo)
    pagina = c.get(f"/zaken/{zaak.pk}/").content.decode()
    assert 'id="iwmo"' in pagina and "WMO301 Toewijzing" in pagina and "Toewijzing en iWmo-berichten" in pagina
    download = c.get(f"/iwmo/berichten/{toegewezen.pk}/xml/")
    assert download.status_code == 200 and download["Content-Type"].startswith("application/xml")
    assert f'filename="{toegewezen.bestandsnaam}"' in download["Content-Disposition"]
    assert zaak.hoofdpersoon.bsn.encode() in download.content
    lijst = api(wmo).get(f"/api/v1/zaken/{zaak.pk}/iwmo-berichten/").json()
    assert lijst["count"] == 1 and lijst["results"][0]["type"] == "WMO301 Toewijzing"
    assert AuditRegel.objects.filter(zaak=zaak, toegestaan=True, onderwerp__startswith="iwmo-bericht").exists()


def test_geen_sectie_voor_inkomen_en_geen_berichten_op_een_inkomenzaak(inkomen, aanbod):
    zaak = maak_zaak(inkomen, regeling="bijzondere_bijstand")
    c = _client(inkomen)
    assert 'id="iwmo"' not in c.get(f"/zaken/{zaak.pk}/").content.decode()
    assert c.get(f"/zaken/{zaak.pk}/iwmo/").status_code == 404


def test_jeugd_consulent_ziet_ijw_op_jeugdzaak_niet_iwmo(jeugd, wmo, aanbod):
    zaak = maak_zaak(jeugd, regeling="jeugdhulp")
    pagina = _client(jeugd).get(f"/zaken/{zaak.pk}/iwmo/")
    assert pagina.status_code == 200 and "iJw-berichten" in pagina.content.decode()
    assert _client(wmo).get(f"/zaken/{zaak.pk}/iwmo/").status_code == 404


def test_upload_via_de_pagina_met_foute_en_goede_bestanden(toegewezen, wmo):
    from django.core.files.uploadedfile import SimpleUploadedFile

    zaak, t = toegewezen.zaak, toegewezen.toewijzing
    c = _client(wmo)
    fout = c.post(f"/zaken/{zaak.pk}/iwmo/import/", {"import-bestand": SimpleUploadedFile("kapot.xml", b"<a><b></a>")})
    assert fout.status_code == 400 and "dit is geen geldige XML" in fout.content.decode()
    assert not Bericht.objects.filter(richting="in").exists()
    data = bericht("305", start(t.nummer), bsn_client=zaak.hoofdpersoon.bsn, dagtekening="2026-02-03")
    goed = c.post(f"/zaken/{zaak.pk}/iwmo/import/", {"import-bestand": SimpleUploadedFile("start.xml", data)})
    assert goed.status_code == 302
    t.refresh_from_db()
    assert t.status == ToewijzingStatus.GESTART
    pagina = c.get(f"/zaken/{zaak.pk}/").content.decode()
    assert "WMO305 Start zorg" in pagina and "WMO306 Retour start zorg" in pagina and "0200: Geen opmerking" in pagina


def test_toewijzing_via_formulier_houdt_invoer_bij_fout(besluit, wmo, aanbod):
    zaak = besluit.zaak
    c = _client(wmo)
    pagina = c.get(f"/zaken/{zaak.pk}/iwmo/").content.decode()
    assert 'value="2026-02-01"' in pagina and 'value="2027-01-31"' in pagina  # prefilled from the besluit
    velden = {"toewijzing-product": aanbod["hh"].pk, "toewijzing-aanbieder": aanbod["thuiszorg"].pk,
              "toewijzing-volume": "3", "toewijzing-eenheid": "04", "toewijzing-frequentie": "2",
              "toewijzing-ingangsdatum": "2026-01-15", "toewijzing-einddatum": "2027-01-31"}
    fout = c.post(f"/zaken/{zaak.pk}/iwmo/toewijzing/", velden)
    assert fout.status_code == 400 and "ligt vóór de ingangsdatum van het besluit" in fout.content.decode()
    assert 'value="2026-01-15"' in fout.content.decode()
    velden["toewijzing-ingangsdatum"] = "2026-02-01"
    assert c.post(f"/zaken/{zaak.pk}/iwmo/toewijzing/", velden).status_code == 302
    assert Bericht.objects.filter(zaak=zaak, soort="301").count() == 1


def test_cli_importeer_en_exporteer(toegewezen, wmo, jeugd, tmp_path, capsys):
    t = toegewezen.toewijzing
    bestand = tmp_path / "start.xml"
    bestand.write_bytes(bericht("305", start(t.nummer), bsn_client=t.zaak.hoofdpersoon.bsn, dagtekening="2026-02-03"))
    assert main(["iwmo", "importeer", str(bestand), "--gebruiker", "wmo1"]) == 0
    assert list(tmp_path.glob("WMO306_*.xml"))
    # Jeugd may not process a Wmo message: the number is unknown to him (TR019), exit 1, nothing changes.
    bestand.write_bytes(bericht("305", start(t.nummer), bsn_client=t.zaak.hoofdpersoon.bsn, identificatie="B9",
                                dagtekening="2026-02-03"))
    assert main(["iwmo", "importeer", str(bestand), "--gebruiker", "jeugd1"]) == 1
    assert main(["iwmo", "importeer", str(tmp_path / "bestaat-niet.xml"), "--gebruiker", "wmo1"]) == 2
    assert "FILE:" in capsys.readouterr().err
    assert main(["iwmo", "exporteer", str(toegewezen.pk), "--gebruiker", "jeugd1", "--uit", str(tmp_path)]) == 2
    assert main(["iwmo", "exporteer", str(toegewezen.pk), "--gebruiker", "wmo1", "--uit", str(tmp_path)]) == 0
    assert (tmp_path / toegewezen.bestandsnaam).read_text(encoding="utf-8") == toegewezen.xml
    assert main(["iwmo", "exporteer", "abc", "--gebruiker", "wmo1"]) == 2
