"""Create the roles as Django groups."""

from django.db import migrations

ROLLEN = ["consulent_wmo", "consulent_jeugd", "consulent_inkomen", "kwaliteitsmedewerker", "handhaver",
          "beleidsmedewerker", "beheerder"]


def maak(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for naam in ROLLEN:
        Group.objects.get_or_create(name=naam)


def verwijder(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLLEN).delete()


class Migration(migrations.Migration):
    dependencies = [("toegang", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(maak, verwijder)]
