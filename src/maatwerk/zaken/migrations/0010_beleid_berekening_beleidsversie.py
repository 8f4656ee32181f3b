from django.db import migrations, models


class Migration(migrations.Migration):
    """Issue 12 (beleid): a computation records the approved policy version it was made with."""

    dependencies = [("zaken", "0009_bijstand_regeling_algemene_bijstand")]

    operations = [
        migrations.AddField(
            model_name="berekening",
            name="beleidsversie",
            field=models.JSONField(blank=True, null=True),
        ),
    ]
