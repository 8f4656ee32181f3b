"""Seed the mandate table with Maatwerk's defaults (local policy, see zaken/mandaat_standaard.yaml)."""

from decimal import Decimal
from importlib import resources

import yaml
from django.db import migrations


def standaard_mandaten():
    tekst = resources.files("maatwerk.zaken").joinpath("mandaat_standaard.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(tekst)["regels"]


def vul(apps, schema_editor):
    Mandaatregel = apps.get_model("zaken", "Mandaatregel")
    for r in standaard_mandaten():
        bedrag = None if r["max_bedrag"] is None else Decimal(str(r["max_bedrag"]))
        Mandaatregel.objects.get_or_create(
            rol=r["rol"], regeling=r["regeling"], defaults={"max_bedrag": bedrag, "toelichting": r.get("toelichting", "")}
        )


def leeg(apps, schema_editor):
    apps.get_model("zaken", "Mandaatregel").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("zaken", "0001_initial")]
    operations = [migrations.RunPython(vul, leeg)]
