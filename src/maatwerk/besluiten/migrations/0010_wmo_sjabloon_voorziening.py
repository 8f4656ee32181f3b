"""Issue 10 (Wmo): ship the shorter pgb part of the letter template `voorziening` (the quality requirements and the
accounting under one heading, so a simple Wmo pgb letter with everything art. 4:6 lid 3 requires stays within two
pages) as a NEW version, as migration 0007 does. A template the beheerder has edited is left alone."""

from django.db import migrations

TOELICHTING = "Meegeleverd met Maatwerk (issue 10): het pgb-deel korter, kwaliteitseisen en verantwoording samen"


def nieuwe_versie(apps, schema_editor):
    from importlib import resources

    from maatwerk.besluiten.brief import SJABLONEN
    from maatwerk.besluiten.models import sha256

    BriefSjabloon = apps.get_model("besluiten", "BriefSjabloon")
    Versie = apps.get_model("besluiten", "BriefSjabloonVersie")
    code = "voorziening"
    naam, omschrijving = SJABLONEN[code]
    inhoud = resources.files("maatwerk.besluiten").joinpath("sjablonen", f"{code}.html").read_text(encoding="utf-8")
    sjabloon, _ = BriefSjabloon.objects.get_or_create(code=code, defaults={"naam": naam, "omschrijving": omschrijving})
    huidig = Versie.objects.filter(sjabloon=sjabloon).order_by("-nummer").first()
    if huidig is not None and (huidig.opgeslagen_door_id is not None or huidig.inhoud == inhoud):
        return
    Versie.objects.create(sjabloon=sjabloon, nummer=(huidig.nummer + 1) if huidig else 1, inhoud=inhoud,
                          sha256=sha256(inhoud), toelichting=TOELICHTING)


class Migration(migrations.Migration):
    dependencies = [("besluiten", "0009_wmo_periode_vier_weken")]
    operations = [migrations.RunPython(nieuwe_versie, migrations.RunPython.noop)]
