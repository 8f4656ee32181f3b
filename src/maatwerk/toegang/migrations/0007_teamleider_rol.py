"""Create the role `teamleider` (issue 12, point 5: the team monitor of the team sociaal domein) as a Django
group."""

from django.db import migrations

NAAM = "teamleider"


def maak(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=NAAM)


def verwijder(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=NAAM).delete()


class Migration(migrations.Migration):
    dependencies = [("toegang", "0006_adviesraad_rol"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(maak, verwijder)]
