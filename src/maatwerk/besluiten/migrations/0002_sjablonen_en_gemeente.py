"""Seed the letter templates (version 1, from the files in maatwerk/besluiten/sjablonen/) and, for
Lansingerland, the municipality's public contact details (lansingerland.nl/servicenormen: Postbus 1,
2650 AA Berkel en Rodenrijs; telephone (010) 800 40 00).

A later change to a template FILE does not reach an existing database by itself: ship it as a new data
migration that adds a version (the beheerder may have made versions of his own in the meantime).
"""

from django.conf import settings
from django.db import migrations


EIGEN_SJABLONEN = ("brief", "opmaak", "beslissing", "voorziening", "rechtsmiddel", "clientondersteuning", "bijlage")


def seed(apps, schema_editor):
    from maatwerk.besluiten.brief import SJABLONEN, bronnen_uit_bestanden
    from maatwerk.besluiten.demo import GEMEENTE_LANSINGERLAND
    from maatwerk.besluiten.models import sha256

    BriefSjabloon = apps.get_model("besluiten", "BriefSjabloon")
    Versie = apps.get_model("besluiten", "BriefSjabloonVersie")
    Gemeentegegevens = apps.get_model("besluiten", "Gemeentegegevens")
    bronnen = bronnen_uit_bestanden().inhoud
    # Only the templates this migration shipped: later ones come with their own migration (0004, ...), so a
    # fresh database gets the same history as an existing one.
    for code in EIGEN_SJABLONEN:
        naam, omschrijving = SJABLONEN[code]
        sjabloon, _ = BriefSjabloon.objects.get_or_create(code=code, defaults={"naam": naam, "omschrijving": omschrijving})
        if not Versie.objects.filter(sjabloon=sjabloon).exists():
            inhoud = bronnen[code]
            Versie.objects.create(sjabloon=sjabloon, nummer=1, inhoud=inhoud, sha256=sha256(inhoud),
                                  toelichting="Eerste versie, meegeleverd met Maatwerk")
    if getattr(settings, "MAATWERK_GEMEENTE", "") == "lansingerland" and not Gemeentegegevens.objects.exists():
        Gemeentegegevens.objects.create(**GEMEENTE_LANSINGERLAND)


class Migration(migrations.Migration):
    dependencies = [("besluiten", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
