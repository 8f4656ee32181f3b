"""Art. 3:5 Verordening Sociaal Domein Lansingerland 2018: a membership of the adviesraad ends before its term on one's
own request (with two months' notice, lid 2), on moving away, death, an incompatible office or employment, or the
college's ontslagbesluit (with its reason); an ended member no longer sits and is not reappointed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from maatwerk.adviesraad import services
from maatwerk.adviesraad.models import Zittingsperiode
from maatwerk.regels.invoer import InvoerFout

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def beleid(maak_gebruiker):
    return maak_gebruiker("beleid_aftreden", "beleidsmedewerker")


def _lid(beleid, naam="B. Jansen", begin=D(2025, 1, 1)):
    return services.benoem(beleid, naam=naam, begin=begin, inwoner=True)


def test_eigen_verzoek_met_opzegtermijn_van_twee_maanden(beleid):
    p = _lid(beleid)
    with pytest.raises(InvoerFout) as fout:
        services.treed_af(beleid, p, aftreden="eigen_verzoek", laatste_dag=D(2026, 8, 30), kennisgeving_op=D(2026, 7, 1),
                          vandaag=D(2026, 7, 2))
    assert fout.value.veld == "laatste_dag" and "1 september 2026" in fout.value.bericht
    with pytest.raises(InvoerFout) as zonder:
        services.treed_af(beleid, p, aftreden="eigen_verzoek", laatste_dag=D(2026, 9, 1), vandaag=D(2026, 7, 2))
    assert zonder.value.veld == "kennisgeving_op"
    p = services.treed_af(beleid, p, aftreden="eigen_verzoek", laatste_dag=D(2026, 9, 1), kennisgeving_op=D(2026, 7, 1),
                          vandaag=D(2026, 7, 2))  # exactly two months: allowed
    assert p.beeindigd_op == D(2026, 9, 1)
    assert p in services.zittend(D(2026, 9, 1)) and p not in services.zittend(D(2026, 9, 2))


def test_ontslag_vraagt_een_reden_en_een_beeindigd_lid_wordt_niet_herbenoemd(beleid):
    p = _lid(beleid, begin=D(2022, 1, 1))
    with pytest.raises(InvoerFout) as fout:
        services.treed_af(beleid, p, aftreden="ontslag", laatste_dag=D(2025, 3, 31))
    assert fout.value.veld == "aftreden_toelichting"
    services.treed_af(beleid, p, aftreden="ontslag", laatste_dag=D(2025, 3, 31),
                      toelichting="Voorstel van het dagelijks bestuur na langdurig verzuim (artikel 3:5, derde lid).")
    with pytest.raises(InvoerFout) as herbenoeming:
        services.benoem(beleid, naam="B. Jansen", begin=D(2026, 1, 1), inwoner=True)
    assert "beëindigd op 31 maart 2025" in herbenoeming.value.bericht
    with pytest.raises(InvoerFout) as nog_eens:
        services.treed_af(beleid, Zittingsperiode.objects.get(pk=p.pk), aftreden="overlijden", laatste_dag=D(2025, 4, 1))
    assert "al beëindigd" in nog_eens.value.bericht


@pytest.mark.parametrize("laatste_dag", [D(2024, 12, 31), D(2029, 1, 1)])
def test_laatste_dag_ligt_in_de_zittingsperiode(beleid, laatste_dag):
    p = _lid(beleid)  # 1 January 2025 up to and including 31 December 2028
    with pytest.raises(InvoerFout) as fout:
        services.treed_af(beleid, p, aftreden="verhuizing", laatste_dag=laatste_dag)
    assert fout.value.veld == "laatste_dag"


def test_via_de_pagina_en_alleen_de_beleidsmedewerker(beleid, maak_gebruiker):
    p = _lid(beleid)
    c = Client()
    c.force_login(beleid)
    fout = c.post("/adviesraad/aftreden/", {"periode": p.pk, "aftreden": "ontslag", "laatste_dag": "2026-03-31",
                                            "aftreden_toelichting": ""})
    assert fout.status_code == 400 and "reden van het ontslagbesluit" in fout.content.decode()
    goed = c.post("/adviesraad/aftreden/", {"periode": p.pk, "aftreden": "verhuizing", "laatste_dag": "2026-03-31"})
    assert goed.status_code == 302
    p.refresh_from_db()
    assert p.beeindigd_op == D(2026, 3, 31) and p.aftreden == "verhuizing"
    assert "verhuisd buiten de gemeente" in c.get("/adviesraad/").content.decode()
    q = _lid(beleid, naam="C. de Boer")
    secretaris = maak_gebruiker("secretaris_aftreden", "adviesraad_secretaris")
    s = Client()
    s.force_login(secretaris)
    assert s.post("/adviesraad/aftreden/", {"periode": q.pk, "aftreden": "verhuizing",
                                            "laatste_dag": "2026-03-31"}).status_code in (400, 403)
    q.refresh_from_db()
    assert q.beeindigd_op is None
