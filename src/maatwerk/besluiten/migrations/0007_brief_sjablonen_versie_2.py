"""Ship the issue-8 letter templates (short letter with the deciding considerations, the official's signature,
the readable computation in the bijlage, a document title and h1 for the tagged PDF/UA) as a NEW version of each
changed template; migrations 0002 and 0004 stay as they were.

A template the beheerder has edited (its current version was saved by someone) is left alone: the beheerder's
wording wins, and the new shipped text is in maatwerk/besluiten/sjablonen/ to compare (docs/besluiten.md).
"""

from django.db import migrations

TOELICHTING = ("Meegeleverd met Maatwerk (issue 8): alleen de redenen die de doorslag gaven, ondertekening door de "
               "gemandateerde ambtenaar, berekening in de bijlage, titel voor de toegankelijke PDF")


def nieuwe_versies(apps, schema_editor):
    from importlib import resources

    from maatwerk.besluiten.brief import SJABLONEN
    from maatwerk.besluiten.models import sha256

    BriefSjabloon = apps.get_model("besluiten", "BriefSjabloon")
    Versie = apps.get_model("besluiten", "BriefSjabloonVersie")
    map_ = resources.files("maatwerk.besluiten").joinpath("sjablonen")
    for code, (naam, omschrijving) in SJABLONEN.items():
        inhoud = map_.joinpath(f"{code}.html").read_text(encoding="utf-8")
        sjabloon, _ = BriefSjabloon.objects.get_or_create(code=code, defaults={"naam": naam, "omschrijving": omschrijving})
        huidig = Versie.objects.filter(sjabloon=sjabloon).order_by("-nummer").first()
        if huidig is not None and (huidig.opgeslagen_door_id is not None or huidig.inhoud == inhoud):
            continue
        Versie.objects.create(sjabloon=sjabloon, nummer=(huidig.nummer + 1) if huidig else 1, inhoud=inhoud,
                              sha256=sha256(inhoud), toelichting=TOELICHTING)


class Migration(migrations.Migration):
    dependencies = [("besluiten", "0006_brief_bijzondere_gegevens")]
    operations = [migrations.RunPython(nieuwe_versies, migrations.RunPython.noop)]
