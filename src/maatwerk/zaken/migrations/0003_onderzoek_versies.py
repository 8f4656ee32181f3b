"""Versions of the onderzoeksverslag and the ondersteuningsplan (nothing is lost).

Existing reports and plans get a version 1 with their content as it stands now: what they held before was
overwritten and cannot be recovered, but from here on every earlier text is kept.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

# Not part of the content: identity, links and bookkeeping (kept in sync with onderzoek.ONDERZOEK_VELDEN by hand;
# a migration must not import application code that may change later).
NIET_INHOUD = {"id", "zaak", "onderzoek", "opgesteld_door", "aangemaakt_op", "gewijzigd_op"}
TOELICHTING = "Stand bij de invoering van het versiebeheer; eerdere teksten zijn niet bewaard."


def _inhoud(obj) -> dict:
    uit = {}
    for veld in obj._meta.concrete_fields:
        if veld.name in NIET_INHOUD:
            continue
        waarde = getattr(obj, veld.attname)
        uit[veld.name] = waarde.isoformat() if hasattr(waarde, "isoformat") else waarde
    return uit


def eerste_versies(apps, schema_editor):
    Onderzoek = apps.get_model("zaken", "Onderzoek")
    OnderzoekVersie = apps.get_model("zaken", "OnderzoekVersie")
    Ondersteuningsplan = apps.get_model("zaken", "Ondersteuningsplan")
    PlanVersie = apps.get_model("zaken", "PlanVersie")
    for o in Onderzoek.objects.all().iterator():
        OnderzoekVersie.objects.create(zaak_id=o.zaak_id, onderzoek=o, nummer=1, inhoud=_inhoud(o),
                                       door_id=o.opgesteld_door_id, op=o.gewijzigd_op, toelichting=TOELICHTING)
    for p in Ondersteuningsplan.objects.all().iterator():
        PlanVersie.objects.create(zaak_id=p.zaak_id, plan=p, nummer=1, inhoud={**_inhoud(p), "onderzoek": p.onderzoek_id},
                                  door_id=p.opgesteld_door_id, op=p.gewijzigd_op, toelichting=TOELICHTING)


class Migration(migrations.Migration):

    dependencies = [
        ('zaken', '0002_mandaattabel'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='OnderzoekVersie',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('nummer', models.PositiveIntegerField(verbose_name='versie')),
                ('inhoud', models.JSONField(verbose_name='volledige inhoud van deze versie')),
                ('gewijzigde_velden', models.JSONField(default=list, verbose_name='gewijzigde velden')),
                ('toelichting', models.CharField(blank=True, max_length=200)),
                ('op', models.DateTimeField(default=django.utils.timezone.now)),
                ('door', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('onderzoek', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='versies', to='zaken.onderzoek')),
                ('zaak', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='onderzoekversies', to='zaken.zaak')),
            ],
            options={
                'verbose_name': 'versie van het onderzoeksverslag',
                'verbose_name_plural': 'versies van het onderzoeksverslag',
                'ordering': ['onderzoek', 'nummer'],
                'constraints': [models.UniqueConstraint(fields=('onderzoek', 'nummer'), name='onderzoekversie_uniek_nummer')],
            },
        ),
        migrations.CreateModel(
            name='PlanVersie',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('nummer', models.PositiveIntegerField(verbose_name='versie')),
                ('inhoud', models.JSONField(verbose_name='volledige inhoud van deze versie')),
                ('gewijzigde_velden', models.JSONField(default=list, verbose_name='gewijzigde velden')),
                ('toelichting', models.CharField(blank=True, max_length=200)),
                ('op', models.DateTimeField(default=django.utils.timezone.now)),
                ('door', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('plan', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='versies', to='zaken.ondersteuningsplan')),
                ('zaak', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='planversies', to='zaken.zaak')),
            ],
            options={
                'verbose_name': 'versie van het ondersteuningsplan',
                'verbose_name_plural': 'versies van het ondersteuningsplan',
                'ordering': ['plan', 'nummer'],
                'constraints': [models.UniqueConstraint(fields=('plan', 'nummer'), name='planversie_uniek_nummer')],
            },
        ),
        migrations.RunPython(eerste_versies, migrations.RunPython.noop),
    ]
