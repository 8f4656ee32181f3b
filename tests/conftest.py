"""Fixtures shared by every Django test folder: a user per role (roles are Django groups made by a migration)."""

import pytest


@pytest.fixture
def maak_gebruiker(db):
    from django.contrib.auth.models import Group, User

    def maak(naam: str, *rollen: str) -> User:
        user = User.objects.create_user(naam, password="geheim-wachtwoord-123")
        for rol in rollen:
            user.groups.add(Group.objects.get(name=rol))
        return user

    return maak


@pytest.fixture
def wmo(maak_gebruiker):
    return maak_gebruiker("wmo1", "consulent_wmo")


@pytest.fixture
def wmo2(maak_gebruiker):
    return maak_gebruiker("wmo2", "consulent_wmo")


@pytest.fixture
def jeugd(maak_gebruiker):
    return maak_gebruiker("jeugd1", "consulent_jeugd")


@pytest.fixture
def inkomen(maak_gebruiker):
    return maak_gebruiker("inkomen1", "consulent_inkomen")


@pytest.fixture
def kwaliteit(maak_gebruiker):
    return maak_gebruiker("kwaliteit1", "kwaliteitsmedewerker")


@pytest.fixture
def beheerder(maak_gebruiker):
    return maak_gebruiker("beheerder1", "beheerder")
