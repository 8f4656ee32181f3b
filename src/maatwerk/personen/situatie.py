"""Build the Regelkern situation (OpenFisca situation JSON) for a household and a month from stored data.

Membership is taken on the first day of the month (the Regelkern also reads age on that day). Income: the
sum of the records of each month up to and including the month (the individuele inkomenstoeslag looks back
over a referteperiode). Vermogen: the latest record of each month; if the month itself has none, the latest
earlier record is carried forward (vermogen is a stock, not a flow) and a warning says so. Missing data is
never silently zero: each gap is listed in `waarschuwingen`.

This builds only what is stored about people. The consulent's findings (ja / nee / niet vastgesteld, mapped per
criterion in maatwerk.zaken.regelingen) and the dates of earlier granted toeslagen are zaak data: they are added
by maatwerk.zaken.beoordeling.bereken, so the personen app does not depend on the zaken app.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from maatwerk import formaat
from maatwerk.personen.models import Huishouden, Maandinkomen, Relatie, Rol, Vermogensopgave

ROL_NAAR_SITUATIE = {Rol.PARTNER: "partners", Rol.KIND: "kinderen", Rol.MEDEBEWONER: "medebewoners"}


@dataclass
class Situatie:
    json: dict
    huishouden_sleutel: str
    personen: dict[str, int]  # situation key -> Inwoner id
    waarschuwingen: list[str] = field(default_factory=list)

    def sleutel_van(self, inwoner_id: int) -> str | None:
        return next((k for k, v in self.personen.items() if v == inwoner_id), None)


def persoon_sleutel(inwoner_id: int) -> str:
    return f"inwoner_{inwoner_id}"


def _maand(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def bouw_situatie(huishouden: Huishouden, maand: dt.date) -> Situatie:
    peildatum = maand.replace(day=1)
    leden = list(huishouden.lidmaatschappen_op(peildatum))
    leden.sort(key=lambda lid: (lid.relatie != Relatie.AANVRAGER, lid.rol != Rol.PARTNER, lid.id))
    if not leden or leden[0].relatie != Relatie.AANVRAGER:
        raise ValidationError({"huishouden": [
            f"Het huishouden heeft op {formaat.datum(peildatum)} geen aanvrager; leg de leden en hun periode vast."
        ]})
    hkey = f"huishouden_{huishouden.pk}"
    ids = [lid.inwoner_id for lid in leden]
    inkomens: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for r in Maandinkomen.objects.filter(inwoner_id__in=ids, maand__lte=peildatum, vervallen_op__isnull=True):
        inkomens[r.inwoner_id][_maand(r.maand)] += float(r.netto_bedrag)
    vermogens: dict[int, dict[str, float]] = defaultdict(dict)
    for r in Vermogensopgave.objects.filter(inwoner_id__in=ids, maand__lte=peildatum, vervallen_op__isnull=True).order_by("maand", "id"):
        vermogens[r.inwoner_id][_maand(r.maand)] = float(r.bedrag)  # latest record of a month wins

    personen: dict[str, dict] = {}
    rollen: dict[str, list[str]] = {"partners": [], "kinderen": [], "medebewoners": []}
    waarschuwingen: list[str] = []
    maandsleutel = _maand(peildatum)
    for lid in leden:
        inwoner = lid.inwoner
        key = persoon_sleutel(inwoner.pk)
        persoon: dict = {"geboortedatum": inwoner.geboortedatum.isoformat()}
        volwassen_rol = lid.rol in (Rol.PARTNER, Rol.MEDEBEWONER)
        if inkomens.get(inwoner.pk):
            persoon["netto_maandinkomen"] = {m: round(v, 2) for m, v in sorted(inkomens[inwoner.pk].items())}
        if maandsleutel not in inkomens.get(inwoner.pk, {}) and volwassen_rol:
            waarschuwingen.append(f"Voor {inwoner.naam} is geen inkomen over {maandsleutel} vastgelegd; de Regelkern rekent met € 0.")
        vermogen = dict(vermogens.get(inwoner.pk, {}))
        if vermogen and maandsleutel not in vermogen:
            laatste = max(vermogen)
            vermogen[maandsleutel] = vermogen[laatste]
            waarschuwingen.append(f"Vermogen van {inwoner.naam}: de laatste opgave is van {laatste}; die geldt ook voor {maandsleutel}.")
        if vermogen:
            persoon["vermogen"] = dict(sorted(vermogen.items()))
        elif lid.rol == Rol.PARTNER:
            waarschuwingen.append(f"Voor {inwoner.naam} is geen vermogen vastgelegd; de Regelkern rekent met € 0.")
        personen[key] = persoon
        rollen[ROL_NAAR_SITUATIE[lid.rol]].append(key)

    huishouden_json = {rol: keys for rol, keys in rollen.items() if keys}
    return Situatie(
        json={"personen": personen, "huishoudens": {hkey: huishouden_json}},
        huishouden_sleutel=hkey,
        personen={persoon_sleutel(i): i for i in ids},
        waarschuwingen=waarschuwingen,
    )
