"""toegang.rolrecht: the one role-only rights check of beleid and adviesraad (allowed and refused, both audited)."""

from __future__ import annotations

import pytest

from maatwerk.toegang import rechten
from maatwerk.toegang.beleid import CHANGE, VIEW, GeenToegang
from maatwerk.toegang.models import AuditRegel
from maatwerk.toegang.rolrecht import heeft_recht, vereis_recht

pytestmark = pytest.mark.django_db


def test_toegestaan_en_geweigerd_met_auditregel(maak_gebruiker):
    secretaris = maak_gebruiker("sec", "adviesraad_secretaris")
    consulent = maak_gebruiker("wmo", "consulent_wmo")
    grond = vereis_recht(secretaris, rechten.ADVIES_VASTLEGGEN, actie=VIEW, onderwerp="advies", toelichting="t1")
    assert grond.toegestaan and "advies van de adviesraad vastleggen" in grond.omschrijving
    with pytest.raises(GeenToegang) as fout:
        vereis_recht(consulent, rechten.ADVIES_VASTLEGGEN, actie=CHANGE, onderwerp="advies", toelichting="t2")
    assert "Uw rol geeft geen recht op" in str(fout.value)
    regels = {r.toelichting: r for r in AuditRegel.objects.filter(onderwerp="advies")}
    assert regels["t1"].gebruiker == secretaris and regels["t2"].gebruiker == consulent
    assert regels["t1"].toegestaan and not regels["t2"].toegestaan and regels["t2"].actie == CHANGE


def test_domein_telt_als_het_genoemd_wordt(maak_gebruiker):
    beleid = maak_gebruiker("bel", "beleidsmedewerker")
    assert heeft_recht(beleid, rechten.BELEID_VOORSTELLEN)
    assert heeft_recht(beleid, rechten.BELEID_VOORSTELLEN, "inkomen")
    assert not heeft_recht(beleid, rechten.ADVIES_VASTLEGGEN)
    assert not heeft_recht(beleid, rechten.ADVIES_VASTLEGGEN, "inkomen")
