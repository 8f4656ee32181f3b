import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    """Issue 12 (snelheid, point 5): the impact of a proposal is stored once per proposal, compared version,
    caseload state, assumptions and rule set."""

    dependencies = [("beleid", "0001_beleid_initial")]

    operations = [
        migrations.CreateModel(
            name="ImpactBerekening",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("sleutel", models.CharField(max_length=64)),
                ("resultaat", models.JSONField()),
                ("berekend_op", models.DateTimeField(default=django.utils.timezone.now)),
                ("voorstel", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                               related_name="impactberekeningen", to="beleid.beleidsvoorstel")),
            ],
            options={"ordering": ["-berekend_op", "-id"]},
        ),
        migrations.AddConstraint(
            model_name="impactberekening",
            constraint=models.UniqueConstraint(fields=("voorstel", "sleutel"), name="impactberekening_uniek"),
        ),
    ]
