"""Adapter between the case system and `maatwerk.termijnen` (the pure deadline module).

The zaak stores dates; this module turns them into `Termijn` objects (with rule id, source and the steps of
the computation) and answers the procedure's date questions. Figures the termijnen module does not hold
(art. 2:5 lid 4) come from `procedure.yaml` next to this file.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib import resources

import yaml

from maatwerk import formaat
from maatwerk import termijnen
from maatwerk.termijnen import Termijn, TermijnFout

__all__ = ["Termijn", "TermijnFout", "onderzoekstermijn_wmo", "plan_als_aanvraag_tot", "beslistermijn", "termijnen_van_zaak"]


@lru_cache(maxsize=1)
def _procedure() -> dict:
    return yaml.safe_load(resources.files("maatwerk.zaken").joinpath("procedure.yaml").read_text(encoding="utf-8"))


def parameter(naam: str, datum: dt.date) -> tuple[int, dict]:
    """The value of a dated figure in procedure.yaml on `datum`, and its metadata."""
    p = _procedure()[naam]
    geldig = sorted((dt.date.fromisoformat(str(d)), v["value"]) for d, v in p["values"].items())
    waarden = [v for d, v in geldig if d <= datum]
    if not waarden:
        raise TermijnFout(f"{p['metadata']['bron']}: geen waarde bekend op {formaat.datum(datum)}")
    return waarden[-1], p["metadata"]


def onderzoekstermijn_wmo(meldingsdatum: dt.date, vandaag: dt.date | None = None) -> Termijn:
    """Wmo 2015 art. 2.3.2 lid 1 with art. 2:1 onder b: the term starts at the first conversation."""
    return termijnen.wmo_onderzoek(meldingsdatum, vandaag=vandaag)


def plan_als_aanvraag_tot(gesprekdatum: dt.date) -> tuple[dt.date, str, int]:
    """Art. 2:5 lid 4: the last day on which a signed plan still counts as aanvraag; with source and months."""
    maanden, meta = parameter("ondersteuningsplan_als_aanvraag", gesprekdatum)
    return termijnen.einddatum(gesprekdatum, maanden=maanden, atw=bool(meta.get("atw"))), meta["bron"], maanden


def beslistermijn(regeling_wet: str, aanvraagdatum: dt.date, vandaag: dt.date | None = None) -> Termijn:
    """Wmo 2015 art. 2.3.5 lid 1 (two weeks) for the Wmo; Awb 4:13 for Jeugdwet and Participatiewet."""
    if regeling_wet == "Wmo 2015":
        return termijnen.wmo_beschikking(aanvraagdatum, vandaag=vandaag)
    return termijnen.awb_beslistermijn(aanvraagdatum, wet=regeling_wet, vandaag=vandaag)


def termijnen_van_zaak(zaak, vandaag: dt.date | None = None) -> list[Termijn]:
    """The running or passed terms of a zaak. A term that cannot be computed lawfully (e.g. a year without
    a Besluit gelijkstelling) raises TermijnFout: the caller shows that message, never a guessed date."""
    uit: list[Termijn] = []
    if zaak.domein == "wmo" and zaak.meldingsdatum:
        uit.append(onderzoekstermijn_wmo(zaak.meldingsdatum, vandaag))
    if zaak.aanvraagdatum:
        uit.append(beslistermijn(zaak.definitie.wet, zaak.aanvraagdatum, vandaag))
    return uit
