"""Issue 7, purpose binding, first step: consent with its source (bron), legal grounds with a catalogue code, and
end dates filled in (0004 makes them required and adds the intake signal).

Existing rows: a consent without end date gets one year from its start (the maximum, register.MAX_TOESTEMMING_DAGEN)
and the source "bevestigd" without a confirmation, so it is NOT valid until a second consulent of the data's
domain confirms it (a consent recorded by its own recipient must not keep working). A legal ground from before
the catalogue has no code and is no longer valid; its missing end date becomes its start date."""

import datetime as dt

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def vul_einddatums(apps, schema_editor):
    Toestemming = apps.get_model("toegang", "Toestemming")
    for t in Toestemming.objects.filter(geldig_tot__isnull=True):
        t.geldig_tot = t.geldig_vanaf + dt.timedelta(days=365)
        t.save(update_fields=["geldig_tot"])
    Grondslag = apps.get_model("toegang", "WettelijkeGrondslag")
    for g in Grondslag.objects.filter(geldig_tot__isnull=True):
        g.geldig_tot = g.geldig_vanaf
        g.save(update_fields=["geldig_tot"])


class Migration(migrations.Migration):
    dependencies = [
        ("toegang", "0002_rollen"),
        ("personen", "0001_initial"),
        ("zaken", "0003_onderzoek_versies"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="toestemming", name="toestemming_tot_na_vanaf"),
        migrations.RemoveConstraint(model_name="wettelijkegrondslag", name="grondslag_tot_na_vanaf"),
        migrations.AddField(
            model_name="toestemming", name="bron",
            field=models.CharField(choices=[("ondertekend", "ondertekend door de inwoner (document in het dossier)"),
                                            ("bevestigd", "bevestigd door een tweede consulent van het domein van de gegevens")],
                                   default="bevestigd", max_length=20, verbose_name="bron"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="toestemming", name="documentkenmerk",
            field=models.CharField(blank=True, max_length=100, verbose_name="kenmerk van het ondertekende document"),
        ),
        migrations.AddField(
            model_name="toestemming", name="bevestigd_door",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name="toestemming", name="bevestigd_op",
            field=models.DateTimeField(blank=True, null=True, verbose_name="bevestigd op"),
        ),
        migrations.AddField(
            model_name="wettelijkegrondslag", name="code",
            field=models.CharField(blank=True, max_length=40, verbose_name="grondslag uit de catalogus"),
        ),
        migrations.RunPython(vul_einddatums, migrations.RunPython.noop),
    ]
