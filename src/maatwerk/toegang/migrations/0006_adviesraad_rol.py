"""Create the role `adviesraad_secretaris` (issue 12, point 6: records the advices of the Adviesraad Sociaal
Domein, Verordening Sociaal Domein 2018 art. 3:6 lid 2 and 3:8 lid 4) as a Django group."""

from django.db import migrations

NAAM = "adviesraad_secretaris"


def maak(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=NAAM)


def verwijder(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=NAAM).delete()


class Migration(migrations.Migration):
    dependencies = [("toegang", "0005_jurist_rol"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(maak, verwijder)]
