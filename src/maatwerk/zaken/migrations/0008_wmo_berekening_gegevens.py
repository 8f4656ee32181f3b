# Issue 10 (Wmo): a computation keeps the besluit data the consulent gave with it (omvang, ingangsdatum,
# einddatum, voorziening), so the besluit is prefilled from the same snapshot as the pgb and the eigen bijdrage.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("zaken", "0007_aanvraag_online")]

    operations = [
        migrations.AddField(
            model_name="berekening",
            name="gegevens",
            field=models.JSONField(blank=True, default=dict),
        ),
    ]
