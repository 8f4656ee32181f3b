"""Issue 8 point 3 (vierogen): one four-eyes approval, bound to the content it approved.

The zaak's `Goedkeuring` gains the content hash, the content itself and a readable summary, and the besluit it
was given on (if any). The rows of `besluiten.Goedkeuring` are moved here by besluiten's migration of the same
part. Existing rows keep an empty hash: they stay as history but count for no content (an approval given
before this change is asked again; that never lets a decision through unchecked)."""

import django.db.models.deletion
from django.db import migrations, models

OUDE_SAMENVATTING = ("Gegeven vóór de binding aan de inhoud (issue 8); deze goedkeuring blijft bewaard maar geldt "
                     "niet voor een nieuwe beoordeling.")


def markeer_oude(apps, schema_editor):
    Goedkeuring = apps.get_model("zaken", "Goedkeuring")
    Goedkeuring.objects.filter(samenvatting="").update(samenvatting=OUDE_SAMENVATTING)


class Migration(migrations.Migration):

    dependencies = [
        ("zaken", "0003_onderzoek_versies"),
        ("besluiten", "0004_sjabloon_beslissing_op_bezwaar"),
    ]

    operations = [
        migrations.AddField(
            model_name="goedkeuring",
            name="besluit",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="goedkeuringen", to="besluiten.besluit",
                                    verbose_name="gegeven op besluit"),
        ),
        migrations.AddField(
            model_name="goedkeuring",
            name="inhoud_sha256",
            field=models.CharField(blank=True, db_index=True, max_length=64, verbose_name="inhoud (SHA-256)"),
        ),
        migrations.AddField(
            model_name="goedkeuring",
            name="inhoud",
            field=models.JSONField(blank=True, default=dict, verbose_name="beoordeelde inhoud"),
        ),
        migrations.AddField(
            model_name="goedkeuring",
            name="samenvatting",
            field=models.TextField(blank=True, verbose_name="wat is beoordeeld"),
        ),
        migrations.RunPython(markeer_oude, migrations.RunPython.noop),
    ]
