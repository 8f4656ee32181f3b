"""The rule-set version (`maatwerk.regels.versie`): a deterministic SHA-256 over the files that decide an outcome.
Every change test works on a temporary copy of the rules package, never on the real files."""

from __future__ import annotations

import shutil
from importlib import metadata

import pytest

from maatwerk.regels import versie


@pytest.fixture
def kopie(tmp_path):
    doel = tmp_path / "regels"
    shutil.copytree(versie.ROOT, doel, ignore=shutil.ignore_patterns("__pycache__"))
    return doel


def test_deterministisch_en_gelijk_aan_de_echte_bestanden(kopie):
    echt = versie.bereken_regelset_sha256()
    assert len(echt) == 64 and int(echt, 16) >= 0
    assert versie.bereken_regelset_sha256(kopie) == echt == versie.regelset_sha256()
    assert versie.regelset_sha256() is versie.regelset_sha256()  # computed once per process


def test_een_parameterwaarde_wijzigen_geeft_een_andere_versie(kopie):
    voor = versie.bereken_regelset_sha256(kopie)
    bestand = kopie / "parameters/gemeenten/standaard/bijzondere_bijstand/draagkracht/percentage_inkomen_boven_grens.yaml"
    bestand.write_text(bestand.read_text().replace("value: 0.25", "value: 0.26"))
    assert versie.bereken_regelset_sha256(kopie) != voor


def test_een_formule_wijzigen_geeft_een_andere_versie(kopie):
    voor = versie.bereken_regelset_sha256(kopie)
    bestand = kopie / "variables/bijzondere_bijstand.py"
    bestand.write_text(bestand.read_text() + "\n# wijziging\n")
    assert versie.bereken_regelset_sha256(kopie) != voor


def test_hernoemen_of_toevoegen_geeft_een_andere_versie(kopie):
    voor = versie.bereken_regelset_sha256(kopie)
    bron = kopie / "parameters/gemeenten/standaard/bijzondere_bijstand/kosten_voor_aanvraag_maanden.yaml"
    bron.rename(bron.with_name("kosten_voor_aanvraag.yaml"))  # same bytes, other path: another parameter
    na_hernoemen = versie.bereken_regelset_sha256(kopie)
    assert na_hernoemen != voor
    (kopie / "parameters/gemeenten/lansingerland/nieuw.yaml").write_text("description: nieuw\nvalues: {}\n")
    assert versie.bereken_regelset_sha256(kopie) != na_hernoemen


def test_hulpmodules_van_de_formules_tellen_mee(kopie):
    voor = versie.bereken_regelset_sha256(kopie)
    (kopie / "indexatie.py").write_text((kopie / "indexatie.py").read_text() + "\n")
    assert versie.bereken_regelset_sha256(kopie) != voor


def test_voorbeelden_uitleg_en_pycache_tellen_niet_mee(kopie):
    """Example situations and the words of the uitleg do not decide an outcome (see the module's docstring)."""
    voor = versie.bereken_regelset_sha256(kopie)
    (kopie / "situaties" / "extra.json").write_text("{}")
    (kopie / "uitleg.py").write_text((kopie / "uitleg.py").read_text() + "\n# andere woorden\n")
    (kopie / "variables" / "__pycache__").mkdir(exist_ok=True)
    (kopie / "variables" / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\x00")
    assert versie.bereken_regelset_sha256(kopie) == voor


def test_versies_noemen_engine_en_maatwerk(monkeypatch):
    v = versie.versies()
    assert v["openfisca_core"] == metadata.version("openfisca-core")
    assert v["maatwerk"] == metadata.version("maatwerk")
    assert v["commit"] is None or isinstance(v["commit"], str)
    monkeypatch.setenv(versie.COMMIT_VARIABELE, "0123456789abcdef0123")
    assert versie.versies()["commit"] == "0123456789abcdef0123"
    assert "(commit 0123456789ab)" in versie.versietekst()


def test_de_lijst_van_bestanden_noemt_beleid_bulk_en_de_hulpmodules():
    lijst = versie.bestanden()
    for naam in ("beleidsversies.py", "bulk.py", "lege_datum.py", "wmo_beleid.py", "variables/bijstandsnorm.py",
                 "variables/persoon.py", "systeem.py"):
        assert naam in lijst, naam
    assert "uitleg.py" not in lijst and not any(p.startswith("situaties/") for p in lijst)
    assert lijst == sorted(lijst)


@pytest.mark.parametrize("naam", ["beleidsversies.py", "bulk.py", "lege_datum.py", "wmo_beleid.py"])
def test_beleidsversies_en_bulk_wijzigen_geeft_een_andere_versie(kopie, naam):
    """How an approved policy version is applied and how a bulk run is built decide the outcome too."""
    voor = versie.bereken_regelset_sha256(kopie)
    (kopie / naam).write_text((kopie / naam).read_text() + "\n# wijziging\n")
    assert versie.bereken_regelset_sha256(kopie) != voor
