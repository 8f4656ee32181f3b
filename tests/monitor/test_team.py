"""Issue 12 point 5: the teamleider's team monitor (`/monitor/team/`, `monitor.team`) — consulenten by name with
their open zaken, overdue zaken by number and last day (the last day itself is not late), the four-eyes queue;
no inwoner on the page; only the teamleider, with an audit line per view and refusal; no zaak for him."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from maatwerk.monitor import team
from maatwerk.toegang import beleid
from maatwerk.toegang.models import AuditRegel
from maatwerk.zaken.models import Zaak
from maatwerk.zaken.termijnen import beslistermijn

from .test_cijfers import AANVRAAG, BB, WMO, zaak
from .test_dashboard import _client

pytestmark = pytest.mark.django_db


@pytest.fixture
def teamleider(maak_gebruiker):
    return maak_gebruiker("teamleider1", "teamleider")


def _einde(z) -> dt.date:
    return beslistermijn(z.definitie.wet, z.aanvraagdatum).einde


def _team(teams, domein):
    return next(t for t in teams if t.domein == domein)


def test_open_zaken_by_name_and_overdue_from_the_day_after_the_last_day(inkomen, wmo):
    inkomen.first_name, inkomen.last_name = "Ine", "Komen"
    inkomen.save()
    late = zaak(inkomen, aanvraag=AANVRAAG, behandelaar=inkomen)
    zaak(inkomen, aanvraag=AANVRAAG + dt.timedelta(days=14), behandelaar=inkomen)
    zaak(inkomen, aanvraag=AANVRAAG, besluit=AANVRAAG + dt.timedelta(days=9), behandelaar=inkomen)  # decided
    zaak(inkomen)  # no behandelaar, no aanvraag yet
    einde = _einde(late)

    op_laatste_dag = _team(team.teams(einde), "inkomen")
    ine = next(c for c in op_laatste_dag.consulenten if c.naam == "Ine Komen")
    assert ine.open_zaken == 2 and ine.te_laat == []  # the term ends at midnight of its last day
    assert [c.naam for c in op_laatste_dag.consulenten] == ["Ine Komen", team.NIET_TOEGEWEZEN]

    dag_erna = _team(team.teams(einde + dt.timedelta(days=1)), "inkomen")
    ine = dag_erna.consulenten[0]
    assert [(t.zaak, t.einde) for t in ine.te_laat] == [(late.pk, einde)]
    assert "4:13" in ine.te_laat[0].bron and dag_erna.te_laat == 1 and dag_erna.open_zaken == 3
    # Other teams are there, empty: a Wmo consulent without zaken has no row.
    assert _team(team.teams(einde), "wmo").consulenten == []


def test_only_the_term_of_the_current_phase_counts(wmo):
    """A Wmo zaak whose onderzoekstermijn (from the melding) passed long ago but whose beslistermijn (from the
    aanvraag) still runs is not late: the aanvraag started the current phase."""
    z = zaak(wmo, WMO, aanvraag=AANVRAAG, behandelaar=wmo)
    Zaak.objects.filter(pk=z.pk).update(meldingsdatum=AANVRAAG - dt.timedelta(days=60))
    z.refresh_from_db()
    einde = _einde(z)
    assert _team(team.teams(einde), "wmo").te_laat == 0
    assert [t.zaak for t in _team(team.teams(einde + dt.timedelta(days=1)), "wmo").consulenten[0].te_laat] == [z.pk]


def test_four_eyes_queue_counted_per_team(inkomen, wmo, monkeypatch):
    a, b = zaak(inkomen, aanvraag=AANVRAAG), zaak(wmo, WMO, aanvraag=AANVRAAG)
    zaak(inkomen, aanvraag=AANVRAAG)
    monkeypatch.setattr(beleid, "zaken_voor_tweede_beoordeling", lambda: [a.pk, b.pk])
    teams = team.teams(AANVRAAG)
    assert (_team(teams, "inkomen").vier_ogen_wachtrij, _team(teams, "wmo").vier_ogen_wachtrij,
            _team(teams, "jeugd").vier_ogen_wachtrij) == (1, 1, 0)


def test_page_names_consulenten_and_zaak_numbers_but_no_inwoner(teamleider, inkomen):
    inkomen.first_name, inkomen.last_name = "Ine", "Komen"
    inkomen.save()
    z = zaak(inkomen, aanvraag=dt.date(2026, 2, 2), behandelaar=inkomen)  # long past its term (today is later)
    r = _client(teamleider).get("/monitor/team/")
    html = r.content.decode()
    assert r.status_code == 200
    assert "Ine Komen" in html and f"Zaak {z.pk}" in html and "Team Inkomen" in html
    assert z.hoofdpersoon.achternaam not in html and z.hoofdpersoon.bsn not in html
    assert "Vraag om bijzondere bijstand" not in html and f"/zaken/{z.pk}/" not in html  # no content, no link
    assert AuditRegel.objects.filter(gebruiker=teamleider, onderwerp="teammonitor", toegestaan=True).exists()


def test_teamleider_cannot_open_the_zaak(teamleider, inkomen):
    z = zaak(inkomen, aanvraag=AANVRAAG, behandelaar=inkomen)
    c = _client(teamleider)
    assert c.get(f"/zaken/{z.pk}/").status_code in (403, 404)
    assert c.get(f"/huishoudens/{z.huishouden_id}/").status_code in (403, 404)
    assert c.get("/monitor/", {"periode": "2026-H1"}).status_code == 403  # the policy monitor is not his


@pytest.mark.parametrize("rol", ["consulent_wmo", "consulent_jeugd", "consulent_inkomen", "kwaliteitsmedewerker",
                                 "beleidsmedewerker", "beheerder", "jurist", "handhaver", "adviesraad_secretaris"])
def test_other_roles_are_refused_with_an_audit_line(maak_gebruiker, rol):
    user = maak_gebruiker(f"nieuwsgierig_{rol}", rol)
    r = _client(user).get("/monitor/team/")
    assert r.status_code == 403
    assert AuditRegel.objects.filter(gebruiker=user, onderwerp="teammonitor", toegestaan=False).exists()


def test_login_lands_the_teamleider_on_his_page(teamleider):
    r = Client().post("/inloggen/", {"username": "teamleider1", "password": "geheim-wachtwoord-123"})
    assert r.status_code == 302 and r["Location"] == "/monitor/team/"
