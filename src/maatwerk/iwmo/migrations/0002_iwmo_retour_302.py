from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("iwmo", "0001_iwmo_aanbieders_berichten"),
    ]

    operations = [
        migrations.AddField(
            model_name="toewijzing",
            name="geaccepteerd",
            field=models.BooleanField(blank=True, null=True, verbose_name="door de aanbieder geaccepteerd"),
        ),
        migrations.AddField(
            model_name="toewijzing",
            name="retourcodes_aanbieder",
            field=models.CharField(blank=True, max_length=50, verbose_name="retourcodes van de aanbieder (302)"),
        ),
    ]
