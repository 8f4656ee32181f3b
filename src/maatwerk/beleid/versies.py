"""The approved policy versions of a municipality as the Regelkern takes them (`regels.beleidsversies`).

Version N is the ordinance's YAML overlay plus the changes of versions 1..N, each from its own start date; a
computation names the number of the version it used (0: the ordinance as adopted, no later change).
"""

from __future__ import annotations

from dataclasses import dataclass

from maatwerk.beleid.models import Beleidsversie
from maatwerk.beleid.parameters import PARAMETERS
from maatwerk.regels.beleidsversies import Beleid, Wijziging


@dataclass(frozen=True)
class Versie:
    nummer: int
    wijzigingen: Beleid

    def als_json(self) -> dict:
        """What a receipt records: the number and every change in it (so it can be rebuilt without the database)."""
        return {"nummer": self.nummer,
                "wijzigingen": [{"parameter": w.pad, "ingangsdatum": w.ingang.isoformat(), "waarde": w.waarde}
                                for w in self.wijzigingen]}


def wijziging(v: Beleidsversie) -> Wijziging:
    return Wijziging(v.parameter, v.ingangsdatum, PARAMETERS[v.parameter].naar_regels(v.waarde))


def actueel(gemeente: str, tot_en_met: int | None = None) -> Versie:
    """The latest approved version of `gemeente` (or version `tot_en_met`)."""
    rijen = Beleidsversie.objects.filter(gemeente=gemeente).order_by("nummer")
    if tot_en_met is not None:
        rijen = rijen.filter(nummer__lte=tot_en_met)
    rijen = list(rijen)
    return Versie(rijen[-1].nummer if rijen else 0, tuple(wijziging(v) for v in rijen))


def uit_json(data: dict | None) -> Versie:
    """A version as a receipt recorded it."""
    import datetime as dt

    if not data:
        return Versie(0, ())
    return Versie(int(data.get("nummer") or 0), tuple(
        Wijziging(w["parameter"], dt.date.fromisoformat(w["ingangsdatum"]), float(w["waarde"]))
        for w in data.get("wijzigingen") or []))
