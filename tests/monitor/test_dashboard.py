"""Issue 12 point 5: the monitor dashboard and the half-yearly report (art. 8:2) — only the beleidsmedewerker
(rights table `monitor_inzien`), an audit line per view and per refusal, plots with a table next to each, no
personal data, filters with Dutch messages at the field, the PDF by button and by CLI."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from pypdf import PdfReader

from maatwerk import cli
from maatwerk.toegang.models import AuditRegel

from .test_cijfers import AANVRAAG, _beslist_na, zaak

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


@pytest.fixture
def beleid(maak_gebruiker):
    return maak_gebruiker("beleid1", "beleidsmedewerker")


def test_dashboard_shows_aggregates_plots_and_tables_without_names(beleid, inkomen):
    _beslist_na(inkomen, 10, 20, 30, 40, 100)
    zaak(inkomen, aanvraag=AANVRAAG, behandelaar=inkomen)
    r = _client(beleid).get("/monitor/", {"periode": "2026-H1", "regeling": ""})
    html = r.content.decode()
    assert r.status_code == 200
    assert html.count("<svg") == 2 and 'role="img"' in html and "<table" in html
    assert "<td>30</td>" in html and "<td>100</td>" in html  # median and p90 of the fixture
    assert "8 weken" in html and "Awb" in html  # the term with its source
    assert "consulent A" in html and "inkomen1" not in html and "Monitor1" not in html
    assert "&lt; 5" in html and "Download de halfjaarrapportage 2026-H1 (PDF)" in html
    assert AuditRegel.objects.filter(gebruiker=beleid, onderwerp="monitor", toegestaan=True).exists()


def test_filters_with_dutch_message_at_the_field(beleid):
    c = _client(beleid)
    r = c.get("/monitor/", {"periode": "2026-H7"})
    assert r.status_code == 400 and "2026-H2 (half jaar)" in r.content.decode()
    assert 'value="2026-H7"' in r.content.decode()  # what was typed stays
    r = c.get("/monitor/", {"periode": "2026-H1", "regeling": "bestaat_niet"})
    assert r.status_code == 400 and "Kies een regeling uit de lijst." in r.content.decode()
    r = c.get("/monitor/", {"periode": "2026-K1", "regeling": "bijzondere_bijstand"})
    assert r.status_code == 200 and "De rapportage is er per half jaar" in r.content.decode()


@pytest.mark.parametrize("rol", ["consulent_wmo", "consulent_inkomen", "kwaliteitsmedewerker", "beheerder",
                                 "jurist", "handhaver"])
def test_other_roles_are_refused_with_an_audit_line(maak_gebruiker, rol):
    user = maak_gebruiker(f"{rol}-x", rol)
    c = _client(user)
    assert c.get("/monitor/", {"periode": "2026-H1"}).status_code == 403
    assert c.get("/monitor/rapport/2026-H1.pdf").status_code == 403
    assert AuditRegel.objects.filter(gebruiker=user, toegestaan=False).count() == 2


def test_not_logged_in_goes_to_login(db):
    r = Client().get("/monitor/")
    assert r.status_code == 302 and r["Location"].startswith("/inloggen/")


def test_report_pdf_covers_art_8_2(beleid, inkomen):
    _beslist_na(inkomen, 10, 20, 30, 40, 50)
    r = _client(beleid).get("/monitor/rapport/2026-H1.pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert 'filename="halfjaarrapportage-2026-H1.pdf"' in r["Content-Disposition"]
    tekst = "".join(p.extract_text() for p in PdfReader(io.BytesIO(r.content)).pages)
    for kop in ("Halfjaarrapportage sociaal domein 2026-H1", "artikel 8:2", "doeltreffendheid", "Doorlooptijd",
                "Werklast per consulent", "Bezwaren", "Vier ogen", "Ervaring van inwoners", "Zelftest"):
        assert kop in tekst, kop
    assert _client(beleid).get("/monitor/rapport/2026-H9.pdf").status_code == 400


def test_cli_writes_the_report(tmp_path, capsys, db):
    assert cli.main(["monitor", "rapport", "2026-H2", "--uit", str(tmp_path)]) == 0
    pad = tmp_path / "halfjaarrapportage-2026-H2.pdf"
    assert pad.read_bytes().startswith(b"%PDF")
    assert "geschreven" in capsys.readouterr().out


@pytest.mark.parametrize("periode,melding", [("2026-H3", "Onbekende periode"), ("2026-K1", "half jaar"),
                                             ("2026", "half jaar")])
def test_cli_bad_period_is_a_dutch_message(periode, melding, capsys, tmp_path):
    assert cli.main(["monitor", "rapport", periode, "--uit", str(tmp_path)]) == 2
    fout = capsys.readouterr().err
    assert fout.startswith("Fout: PERIODE") and melding in fout
    assert not list(tmp_path.iterdir())


def test_cli_missing_folder(capsys, tmp_path):
    assert cli.main(["monitor", "rapport", "2026-H2", "--uit", str(tmp_path / "nee" / "r.pdf")]) == 2
    assert "bestaat niet" in capsys.readouterr().err
