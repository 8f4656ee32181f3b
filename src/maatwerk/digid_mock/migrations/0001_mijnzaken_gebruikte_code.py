from django.db import migrations, models
import django.utils.timezone


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="GebruikteCode",
            fields=[
                ("code_id", models.CharField(max_length=64, primary_key=True, serialize=False)),
                ("gebruikt_op", models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
            ],
            options={
                "verbose_name": "ingewisselde autorisatiecode (mock DigiD)",
                "verbose_name_plural": "ingewisselde autorisatiecodes (mock DigiD)",
            },
        ),
    ]
