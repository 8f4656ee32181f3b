"""The two people of the adviesraad's procedure: the beleidsmedewerker asks for advice and records the college's
answer, the secretary records the advice (chapter 3 of the ordinance)."""

import pytest


@pytest.fixture
def beleid(maak_gebruiker):
    return maak_gebruiker("beleid1", "beleidsmedewerker")


@pytest.fixture
def secretaris(maak_gebruiker):
    return maak_gebruiker("secretaris1", "adviesraad_secretaris")
