import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    """Issue 12 (beleid): proposed changes of municipal parameters and the approved policy versions."""

    initial = True

    dependencies = [migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.CreateModel(
            name="Beleidsvoorstel",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("gemeente", models.CharField(max_length=60)),
                ("parameter", models.CharField(max_length=120)),
                ("waarde", models.DecimalField(decimal_places=4, max_digits=12)),
                ("ingangsdatum", models.DateField()),
                ("reden", models.TextField()),
                ("status", models.CharField(choices=[("voorgesteld", "wacht op goedkeuring"), ("goedgekeurd", "goedgekeurd"),
                                                     ("afgewezen", "afgewezen")], default="voorgesteld", max_length=20)),
                ("voorgesteld_op", models.DateTimeField(default=django.utils.timezone.now)),
                ("beoordeeld_op", models.DateTimeField(blank=True, null=True)),
                ("toelichting_beoordeling", models.TextField(blank=True, default="")),
                ("beoordeeld_door", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                                                      related_name="+", to=settings.AUTH_USER_MODEL)),
                ("voorgesteld_door", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                                       to=settings.AUTH_USER_MODEL)),
            ],
            options={"ordering": ["-voorgesteld_op", "-id"]},
        ),
        migrations.CreateModel(
            name="Beleidsversie",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("gemeente", models.CharField(max_length=60)),
                ("nummer", models.PositiveIntegerField()),
                ("parameter", models.CharField(max_length=120)),
                ("waarde", models.DecimalField(decimal_places=4, max_digits=12)),
                ("ingangsdatum", models.DateField()),
                ("vastgesteld_op", models.DateTimeField(default=django.utils.timezone.now)),
                ("voorstel", models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name="versie",
                                                  to="beleid.beleidsvoorstel")),
            ],
            options={"ordering": ["gemeente", "nummer"]},
        ),
        migrations.AddConstraint(
            model_name="beleidsversie",
            constraint=models.UniqueConstraint(fields=("gemeente", "nummer"), name="beleidsversie_uniek_nummer"),
        ),
    ]
