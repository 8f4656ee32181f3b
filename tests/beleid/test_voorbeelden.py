"""The example households of the impact page (issue 12, point 2) against what the Nibud publishes about its
minima-effectrapportage (https://www.nibud.nl/beroepsmatig/minima-effectrapportage/): budgets per household type
chosen by the municipality, for example singles, families with children and AOW pensioners, at for example 100,
110 and 120 % of the norm. No fixed Nibud list was found, so the module must say the types are our own and what
was searched (no invented citation)."""

from __future__ import annotations

from maatwerk.beleid import voorbeelden


def test_de_typen_zijn_eigen_keuze_en_de_zoektocht_staat_erbij():
    doc = " ".join(voorbeelden.__doc__.split())
    assert "OUR OWN choice" in doc and "not a list published by the Nibud" in doc
    assert "https://www.nibud.nl/beroepsmatig/minima-effectrapportage/" in doc
    assert "What was searched" in doc and "Nibud minima-effectrapportage voorbeeldhuishoudens" in doc
    assert "No published standard list was found" in doc


def test_de_categorieen_en_niveaus_van_de_nibud_mer_zitten_erin():
    typen = {label: (partners, kinderen, aow) for label, partners, kinderen, aow in voorbeelden.VOORBEELDEN}
    assert len(typen) == len(voorbeelden.VOORBEELDEN) == 11  # unique labels
    assert any(p == 1 and not k and not aow for p, k, aow in typen.values())  # alleenstaanden
    assert any(k and not aow for p, k, aow in typen.values() if p == 1)  # eenoudergezinnen
    assert any(k and not aow for p, k, aow in typen.values() if p == 2)  # gezinnen met kinderen
    assert any(aow for _, _, aow in typen.values())  # AOW-ers
    assert {1.0, 1.1, 1.2} <= set(voorbeelden.PERCENTAGES)
    for label, (partners, kinderen, aow) in typen.items():
        # The label says what the household is: "Paar" for two partners, the children's ages, AOW for pensioners.
        assert label.startswith("Paar") == (partners == 2)
        assert ("AOW" in label) == aow
        assert all(str(leeftijd) in label for leeftijd in kinderen)
        assert all(0 <= leeftijd < 18 for leeftijd in kinderen)
