"""Issue 7, second step (its own transaction, after 0003 filled the end dates: PostgreSQL does not alter a table
with pending trigger events from updated rows): end dates required, and the intake signal."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("toegang", "0003_doelbinding"),
        ("personen", "0001_initial"),
        ("zaken", "0003_onderzoek_versies"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(model_name="toestemming", name="geldig_tot",
                              field=models.DateField(verbose_name="geldig tot en met")),
        migrations.AlterField(model_name="wettelijkegrondslag", name="geldig_tot",
                              field=models.DateField(verbose_name="geldig tot en met")),
        migrations.AddConstraint(
            model_name="toestemming",
            constraint=models.CheckConstraint(condition=models.Q(geldig_tot__gte=models.F("geldig_vanaf")),
                                              name="toestemming_tot_na_vanaf"),
        ),
        migrations.AddConstraint(
            model_name="wettelijkegrondslag",
            constraint=models.CheckConstraint(condition=models.Q(geldig_tot__gte=models.F("geldig_vanaf")),
                                              name="grondslag_tot_na_vanaf"),
        ),
        migrations.CreateModel(
            name="Intakesignaal",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("domein", models.CharField(choices=[("wmo", "Wmo"), ("jeugd", "Jeugd"), ("inkomen", "Inkomen")],
                                            max_length=20, verbose_name="domein van de melding")),
                ("datum", models.DateField(verbose_name="datum van de melding")),
                ("reden", models.TextField(verbose_name="reden van de intake")),
                ("gestart_op", models.DateTimeField(auto_now_add=True)),
                ("gestart_door", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                                   to=settings.AUTH_USER_MODEL)),
                ("huishouden", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT,
                                                 related_name="intakesignalen", to="personen.huishouden")),
                ("inwoner", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                              to="personen.inwoner")),
                ("zaak", models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name="intakesignaal",
                                              to="zaken.zaak")),
            ],
            options={"verbose_name": "intakesignaal", "verbose_name_plural": "intakesignalen", "ordering": ["-datum", "-id"]},
        ),
    ]
