"""Create the role `jurist` (issue 8: registers and decides bezwaren, purpose-bound) as a Django group."""

from django.db import migrations

NAAM = "jurist"


def maak(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=NAAM)


def verwijder(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=NAAM).delete()


class Migration(migrations.Migration):
    dependencies = [("toegang", "0004_einddatum_en_intakesignaal"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(maak, verwijder)]
