"""Load `termijnen.yaml`: the single place where the terms, holidays and their sources live."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


class TermijnFout(ValueError):
    """A deadline cannot be computed lawfully from the given facts (the message says why, in Dutch)."""


@lru_cache(maxsize=1)
def gegevens() -> dict[str, Any]:
    tekst = resources.files("maatwerk.termijnen").joinpath("termijnen.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(tekst)


def atw() -> dict[str, Any]:
    return gegevens()["atw"]


def regel(sleutel: str) -> dict[str, Any]:
    return gegevens()["regels"][sleutel]
