"""The `maatwerk bereken` command: output contract, uitleg and bad input (exit 2, Dutch, no traceback)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from maatwerk.cli import main
from maatwerk.regels.berekening import STANDAARD_VARIABELEN

VOORBEELDEN = Path(__file__).parents[2] / "src" / "maatwerk" / "regels" / "situaties"
GEZIN = VOORBEELDEN / "voorbeeld_gezin.json"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_follows_the_contract(capsys):
    code, out, err = run(capsys, "bereken", str(GEZIN), "--periode", "2026-07", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["periode"] == "2026-07"
    assert data["gemeente"] == "lansingerland"
    gezin = data["resultaten"]["huishoudens"]["gezin"]
    assert list(gezin) == STANDAARD_VARIABELEN
    assert gezin["aantal_kostendelers"] == 3  # both partners and the adult brother
    assert gezin["bijstandsnorm"] < gezin["bijstandsnorm_inclusief_vakantietoeslag"]


def test_uitleg_names_rule_source_and_kind(capsys):
    code, out, _ = run(capsys, "bereken", str(GEZIN), "--periode", "2026-07", "--json", "--uitleg",
                       "--variabelen", "bijstandsnorm,draagkracht_bijzondere_bijstand")
    assert code == 0
    data = json.loads(out)
    overwegingen = data["uitleg"]["huishoudens"]["gezin"]["bijstandsnorm"]
    assert overwegingen, "every computed output has at least one consideration"
    eerste = overwegingen[0]
    assert eerste["variabele"] == "bijstandsnorm"
    assert {"regel", "zin", "bron", "soort", "invoer", "parameters", "resultaat"} <= set(eerste)
    assert eerste["soort"] == "wet"
    assert "Participatiewet" in eerste["bron"]
    for lijst in data["uitleg"]["huishoudens"]["gezin"].values():
        for o in lijst:
            assert "?" not in o["zin"], f"unfilled placeholder in rule {o['regel']}: {o['zin']}"
            assert o["soort"] in {"wet", "verordening", "beleidsregel", "discretie"}
            for p in o["parameters"]:
                assert p["bron"], f"parameter {p['naam']} has no source"


def test_human_readable_output_is_dutch(capsys):
    code, out, _ = run(capsys, "bereken", str(GEZIN), "--periode", "2026-07", "--uitleg")
    assert code == 0
    assert "Berekening voor 2026-07" in out
    assert "€ " in out


@pytest.mark.parametrize(
    "situatie, argv, veld",
    [
        ("{niet json", [], "geen geldige JSON"),
        ('{"personen": {"a": {"geboortedatum": "1990-13-01"}}, "huishoudens": {"h": {"partners": ["a"]}}}', [],
         "personen.a.geboortedatum"),
        ('{"personen": {"a": {"geboortedatum": "1990-01-01", "netto_maandinkomen": {"2026-07": -5}}},'
         ' "huishoudens": {"h": {"partners": ["a"]}}}', [], "personen.a.netto_maandinkomen.2026-07"),
        ('{"personen": {"a": {"geboortedatum": "1990-01-01"}}, "huishoudens": {"h": {"ouders": ["a"]}}}', [],
         "huishoudens.h.ouders"),
        ('{"personen": {"a": {"geboortedatum": "1990-01-01", "schoenmaat": 42}}, "huishoudens": {"h": {"partners": ["a"]}}}',
         [], "personen.a.schoenmaat"),
        ('{"personen": {"a": {"geboortedatum": "1990-01-01"}}, "huishoudens": {"h": {"partners": ["a"]}}}',
         ["--variabelen", "bestaat_niet"], "bestaat_niet"),
        ('{"personen": {"a": {"geboortedatum": "1990-01-01"}}, "huishoudens": {"h": {"partners": ["a"]}}}',
         ["--gemeente", "atlantis"], "atlantis"),
    ],
)
def test_bad_input_exits_2_with_a_dutch_message_naming_the_field(tmp_path, capsys, situatie, argv, veld):
    pad = tmp_path / "s.json"
    pad.write_text(situatie, encoding="utf-8")
    code, out, err = run(capsys, "bereken", str(pad), "--periode", "2026-07", *argv)
    assert code == 2
    assert veld in err
    assert err.startswith("Fout:")
    assert "Traceback" not in err and out == ""


def test_bad_period_and_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, "bereken", str(GEZIN), "--periode", "2026-13")
    assert code == 2 and "periode" in err
    code, _, err = run(capsys, "bereken", str(tmp_path / "weg.json"), "--periode", "2026-07")
    assert code == 2 and "bestaat niet" in err


def test_console_script_never_shows_a_traceback(tmp_path):
    pad = tmp_path / "s.json"
    pad.write_text('{"personen": []}', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "maatwerk.cli", "bereken", str(pad), "--periode", "2026-07"],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "personen" in proc.stderr


def test_eternal_and_person_variables_can_be_asked_for(capsys):
    code, out, err = run(capsys, "bereken", str(GEZIN), "--periode", "2026-07", "--json",
                         "--variabelen", "aow_datum,leeftijd")
    assert code == 0, err
    personen = json.loads(out)["resultaten"]["personen"]
    assert personen["aanvrager"]["aow_datum"] == "2052-06-14"  # born 1985-03-14, AOW age 67 years 3 months
    assert personen["aanvrager"]["leeftijd"] == 41


def _situatie_met_inkomen(sleutel: str) -> str:
    return json.dumps({"personen": {"a": {"geboortedatum": "1990-01-01", "netto_maandinkomen": {sleutel: 100}}},
                       "huishoudens": {"h": {"partners": ["a"]}}})


@pytest.mark.parametrize("sleutel", ["2025-13", "2025-00", "abcd-01", "2025-1", "2025", "month:2025-07", "ETERNITY"])
def test_a_month_key_that_is_no_month_is_refused(tmp_path, capsys, sleutel):
    """Issue 7: `{"netto_maandinkomen": {"2025-13": 100}}` names the key and says how to write a month."""
    pad = tmp_path / "s.json"
    pad.write_text(_situatie_met_inkomen(sleutel), encoding="utf-8")
    code, out, err = run(capsys, "bereken", str(pad), "--periode", "2025-07")
    assert code == 2 and out == ""
    assert err.startswith(f"Fout: personen.a.netto_maandinkomen.{sleutel}: '{sleutel}' is geen geldige")
    assert "JJJJ-MM" in err and "Expected" not in err and "Traceback" not in err


def test_a_real_month_key_is_accepted(tmp_path, capsys):
    pad = tmp_path / "s.json"
    pad.write_text(_situatie_met_inkomen("2025-07"), encoding="utf-8")
    assert run(capsys, "bereken", str(pad), "--periode", "2025-07")[0] == 0


def test_a_file_above_1_mb_is_refused(tmp_path, capsys):
    from maatwerk.regels.invoer import MAX_INVOER_BYTES

    pad = tmp_path / "groot.json"
    situatie = json.loads(_situatie_met_inkomen("2025-07"))
    situatie["personen"]["a"]["opmerking"] = "x" * MAX_INVOER_BYTES
    pad.write_text(json.dumps(situatie), encoding="utf-8")
    code, out, err = run(capsys, "bereken", str(pad), "--periode", "2025-07")
    assert code == 2 and out == ""
    assert err.startswith("Fout: SITUATIE: ") and "groter dan 1 MB" in err


@pytest.mark.parametrize("diepte", [21, 100_000])
def test_deeply_nested_json_is_refused_without_recursion_error(tmp_path, diepte):
    """100 000 times '[' makes Python's json module raise RecursionError; the command answers in Dutch."""
    pad = tmp_path / "diep.json"
    pad.write_text("[" * diepte + "]" * diepte, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "maatwerk.cli", "bereken", str(pad), "--periode", "2026-07"],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("Fout: SITUATIE: ") and "te diep genest (hoogstens 20 niveaus)" in proc.stderr
    assert "Traceback" not in proc.stderr and "RecursionError" not in proc.stderr


# ------------------------------------------------------------------ --version and herbereken (issue 8.5)


def test_version_names_maatwerk_openfisca_and_rule_set(capsys):
    from maatwerk.regels.versie import regelset_sha256

    with pytest.raises(SystemExit) as einde:
        main(["--version"])
    assert einde.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("maatwerk ") and "openfisca-core 46.0.1" in out
    assert f"regelset {regelset_sha256()[:16]}" in out


@pytest.mark.parametrize("waarde", ["abc", "12a", "1.5", "-1", "9" * 13, ""])
def test_herbereken_refuses_what_is_no_besluit_number(capsys, waarde):
    """Checked before Django starts: no database needed for bad input (exit 2, Dutch, field named)."""
    code, out, err = run(capsys, "herbereken", waarde)
    assert code == 2 and out == ""
    assert err.startswith("Fout: BESLUIT_ID:") and "geen nummer van een besluit" in err


def test_herbereken_without_id_is_refused(capsys):
    with pytest.raises(SystemExit) as einde:
        main(["herbereken"])
    assert einde.value.code == 2
    assert "deze argumenten ontbreken: BESLUIT_ID" in capsys.readouterr().err
