"""The municipal overlay: a municipality inherits the default policy and overrides only what it sets."""

import importlib
import shutil

import pytest

from maatwerk.regels.systeem import MaatwerkSysteem, OnbekendeGemeente, beschikbare_gemeenten

# The package exports the function `systeem`, which shadows the module of the same name.
systeem_module = importlib.import_module("maatwerk.regels.systeem")


def draagkracht(gemeente, datum="2026-07-01"):
    return systeem_module.systeem(gemeente).parameters(datum).gemeente.bijzondere_bijstand.draagkracht


def test_both_example_municipalities_are_available():
    assert {"lansingerland", "voorbeeldstad"} <= set(beschikbare_gemeenten())
    assert "standaard" not in beschikbare_gemeenten()


def test_lansingerland_uses_the_default_draagkracht_policy():
    d = draagkracht("lansingerland")
    assert d.inkomensgrens_percentage == pytest.approx(1.10)
    assert d.percentage_inkomen_boven_grens == pytest.approx(0.25)
    assert d.draagkrachtperiode_maanden == 12


def test_voorbeeldstad_overrides_two_percentages_and_inherits_the_rest():
    d = draagkracht("voorbeeldstad")
    assert d.inkomensgrens_percentage == pytest.approx(1.20)
    assert d.percentage_inkomen_boven_grens == pytest.approx(0.35)
    assert d.draagkrachtperiode_maanden == 12  # inherited from gemeenten/standaard


def test_unknown_municipality_is_refused_in_dutch():
    with pytest.raises(OnbekendeGemeente, match="Onbekende gemeente 'atlantis'"):
        MaatwerkSysteem("atlantis")


def test_a_new_municipality_is_only_yaml(tmp_path, monkeypatch):
    """Copy the parameter tree, add a municipality folder with one override: no Python involved."""
    kopie = tmp_path / "parameters"
    shutil.copytree(systeem_module.PARAMETERS, kopie)
    nieuw = kopie / "gemeenten" / "nieuwdorp" / "bijzondere_bijstand" / "draagkracht"
    nieuw.mkdir(parents=True)
    (kopie / "gemeenten" / "nieuwdorp" / "index.yaml").write_text("description: Nieuwdorp\n")
    (nieuw / "percentage_inkomen_boven_grens.yaml").write_text(
        "description: Draagkrachtpercentage\nmetadata: {bron: 'Beleidsregels Nieuwdorp, art. 3', soort_bron: beleidsregel}\n"
        "values:\n  2020-01-01:\n    value: 0.5\n"
    )
    # nieuwdorp needs the same ordinance chapters as lansingerland for the schemes it runs
    for hoofdstuk in (kopie / "gemeenten" / "lansingerland").iterdir():
        if hoofdstuk.is_dir() and hoofdstuk.name != "bijzondere_bijstand":
            shutil.copytree(hoofdstuk, kopie / "gemeenten" / "nieuwdorp" / hoofdstuk.name)
    monkeypatch.setattr(systeem_module, "PARAMETERS", kopie)
    monkeypatch.setattr(systeem_module, "GEMEENTEN", kopie / "gemeenten")
    tbs = MaatwerkSysteem("nieuwdorp")
    d = tbs.parameters("2026-07-01").gemeente.bijzondere_bijstand.draagkracht
    assert d.percentage_inkomen_boven_grens == pytest.approx(0.5)
    assert d.inkomensgrens_percentage == pytest.approx(1.10)
