"""Overdue helpers and module boundaries."""

import subprocess
import sys
from datetime import date

from maatwerk.termijnen import awb_beslistermijn, bezwaartermijn, dagen_over, verlopen, wmo_beschikking

VANDAAG = date(2026, 7, 1)


def test_dagen_over_nul_op_de_laatste_dag_en_negatief_daarna():
    t = wmo_beschikking(date(2026, 6, 1), vandaag=VANDAAG)  # einde ma 15 juni 2026
    assert dagen_over(t, date(2026, 6, 14)) == 1
    assert dagen_over(t, date(2026, 6, 15)) == 0
    assert dagen_over(t, date(2026, 6, 16)) == -1
    assert t.op(date(2026, 6, 15)).verstreken is False
    assert t.op(date(2026, 6, 16)).verstreken is True


def test_verlopen_geeft_alleen_verstreken_termijnen_oudste_eerst():
    beschikking = wmo_beschikking(date(2026, 6, 1), vandaag=VANDAAG)  # 15 juni: verlopen
    bezwaar = bezwaartermijn(date(2026, 3, 16), vandaag=VANDAAG)  # 28 april: verlopen
    lopend = awb_beslistermijn(date(2026, 6, 1), wet="Jeugdwet", vandaag=VANDAAG)  # 27 juli: loopt
    resultaat = verlopen([beschikking, lopend, bezwaar], date(2026, 7, 1))
    assert [t.einde for t in resultaat] == [date(2026, 4, 28), date(2026, 6, 15)]
    assert [t.dagen_resterend for t in resultaat] == [-64, -16]


def test_verlopen_gebruikt_de_gegeven_dag_niet_de_opgeslagen():
    beschikking = wmo_beschikking(date(2026, 6, 1), vandaag=date(2026, 6, 2))
    assert verlopen([beschikking], date(2026, 6, 15)) == []
    assert [t.vandaag for t in verlopen([beschikking], date(2026, 6, 16))] == [date(2026, 6, 16)]


def test_module_importeert_geen_django_of_openfisca():
    code = "import sys, maatwerk.termijnen; print(any(m.split('.')[0] in ('django', 'openfisca_core') for m in sys.modules))"
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.strip() == "False"
