"""Statutory deadlines (termijnen) of the social domain: Algemene termijnenwet, Awb, Wmo 2015.

Pure Python (no Django, no OpenFisca): the case system calls these functions and stores the results.
Every term names its rule id, its legal source and its kind; every number lives in `termijnen.yaml`.
See docs/termijnen.md.
"""

from maatwerk.termijnen.atw import Feestdag, feestdagen, is_werkdag, ondersteunde_jaren
from maatwerk.termijnen.bezwaar import Tijdigheid, Verschoonbaarheid, tijdigheid_bezwaarschrift
from maatwerk.termijnen.gegevens import TermijnFout
from maatwerk.termijnen.procedure import (
    OpschortingOngeldig,
    VerdagingTeLaat,
    awb_beslistermijn,
    beslistermijn_bezwaar,
    bezwaartermijn,
    wmo_beschikking,
    wmo_onderzoek,
)
from maatwerk.termijnen.rekenen import eerste_dag, einddatum
from maatwerk.termijnen.termijn import Opschorting, Termijn, Verdaging, dagen_over, verlopen

__all__ = [
    "Feestdag",
    "Opschorting",
    "OpschortingOngeldig",
    "Termijn",
    "TermijnFout",
    "Tijdigheid",
    "Verdaging",
    "VerdagingTeLaat",
    "Verschoonbaarheid",
    "awb_beslistermijn",
    "beslistermijn_bezwaar",
    "bezwaartermijn",
    "dagen_over",
    "eerste_dag",
    "einddatum",
    "feestdagen",
    "is_werkdag",
    "ondersteunde_jaren",
    "tijdigheid_bezwaarschrift",
    "verlopen",
    "wmo_beschikking",
    "wmo_onderzoek",
]
