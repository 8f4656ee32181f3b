
from django.db import migrations, models

# Issue 11 (part bijstand): the default mandate for the new regeling, as zaken/mandaat_standaard.yaml has it. Written
# out here so this migration stays self-contained; get_or_create keeps a table that 0002 already filled unchanged.
MANDATEN = [
    ("consulent_inkomen", "Het bedrag volgt uit de wet (art. 19 Participatiewet, norm min middelen); geen bedraggrens."),
    ("kwaliteitsmedewerker", "Tweede persoon."),
]


def vul(apps, schema_editor):
    Mandaatregel = apps.get_model("zaken", "Mandaatregel")
    for rol, toelichting in MANDATEN:
        Mandaatregel.objects.get_or_create(rol=rol, regeling="algemene_bijstand",
                                           defaults={"max_bedrag": None, "toelichting": toelichting})


def leeg(apps, schema_editor):
    apps.get_model("zaken", "Mandaatregel").objects.filter(regeling="algemene_bijstand").delete()


class Migration(migrations.Migration):

    dependencies = [
        ('zaken', '0008_wmo_berekening_gegevens'),
    ]

    operations = [
        migrations.AlterField(
            model_name='mandaatregel',
            name='regeling',
            field=models.CharField(choices=[('wmo_maatwerkvoorziening', 'Wmo-maatwerkvoorziening'), ('jeugdhulp', 'Jeugdhulp (individuele voorziening)'), ('bijzondere_bijstand', 'Bijzondere bijstand'), ('algemene_bijstand', 'Algemene bijstand (levensonderhoud)'), ('individuele_inkomenstoeslag', 'Individuele inkomenstoeslag'), ('individuele_studietoeslag', 'Individuele studietoeslag')], max_length=40),
        ),
        migrations.AlterField(
            model_name='zaak',
            name='regeling',
            field=models.CharField(choices=[('wmo_maatwerkvoorziening', 'Wmo-maatwerkvoorziening'), ('jeugdhulp', 'Jeugdhulp (individuele voorziening)'), ('bijzondere_bijstand', 'Bijzondere bijstand'), ('algemene_bijstand', 'Algemene bijstand (levensonderhoud)'), ('individuele_inkomenstoeslag', 'Individuele inkomenstoeslag'), ('individuele_studietoeslag', 'Individuele studietoeslag')], max_length=40, verbose_name='regeling'),
        ),
        migrations.RunPython(vul, leeg),
    ]
