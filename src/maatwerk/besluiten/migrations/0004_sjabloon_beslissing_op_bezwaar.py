"""Seed version 1 of the letter template `beslissing_op_bezwaar` (the letter for a bezwaar decided ongegrond or
niet-ontvankelijk, Awb 7:12 lid 1) from maatwerk/besluiten/sjablonen/beslissing_op_bezwaar.html.

Only when the template has no version yet: the beheerder's own versions are never overwritten.
"""

from django.db import migrations

CODE = "beslissing_op_bezwaar"


def seed(apps, schema_editor):
    from importlib import resources

    from maatwerk.besluiten.brief import SJABLONEN
    from maatwerk.besluiten.models import sha256

    BriefSjabloon = apps.get_model("besluiten", "BriefSjabloon")
    Versie = apps.get_model("besluiten", "BriefSjabloonVersie")
    naam, omschrijving = SJABLONEN[CODE]
    sjabloon, _ = BriefSjabloon.objects.get_or_create(code=CODE, defaults={"naam": naam, "omschrijving": omschrijving})
    if not Versie.objects.filter(sjabloon=sjabloon).exists():
        inhoud = resources.files("maatwerk.besluiten").joinpath("sjablonen", f"{CODE}.html").read_text(encoding="utf-8")
        Versie.objects.create(sjabloon=sjabloon, nummer=1, inhoud=inhoud, sha256=sha256(inhoud),
                              toelichting="Eerste versie, meegeleverd met Maatwerk")


class Migration(migrations.Migration):
    dependencies = [("besluiten", "0003_bezwaarbrief")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
