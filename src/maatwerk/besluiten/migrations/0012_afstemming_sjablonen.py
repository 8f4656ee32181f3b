"""Issue 11 (afstemming): ship the letter templates `brief` ("Waarom krijgt u deze brief?" for a verlaging) and
`beslissing` (the verlaging with its reason, duration, amount and months; afzien for dringende redenen, artikel
7:15 of the ordinance) as NEW versions, as migrations 0007 and 0010 do. A template the beheerder has edited is left
alone (then the beheerder adds the verlaging to it)."""

from django.db import migrations

TOELICHTING = "Meegeleverd met Maatwerk (issue 11): besluit tot verlaging en afzien van verlaging"


def nieuwe_versies(apps, schema_editor):
    from importlib import resources

    from maatwerk.besluiten.brief import SJABLONEN
    from maatwerk.besluiten.models import sha256

    BriefSjabloon = apps.get_model("besluiten", "BriefSjabloon")
    Versie = apps.get_model("besluiten", "BriefSjabloonVersie")
    for code in ("brief", "beslissing"):
        naam, omschrijving = SJABLONEN[code]
        inhoud = resources.files("maatwerk.besluiten").joinpath("sjablonen", f"{code}.html").read_text(encoding="utf-8")
        sjabloon, _ = BriefSjabloon.objects.get_or_create(code=code, defaults={"naam": naam, "omschrijving": omschrijving})
        huidig = Versie.objects.filter(sjabloon=sjabloon).order_by("-nummer").first()
        if huidig is not None and (huidig.opgeslagen_door_id is not None or huidig.inhoud == inhoud):
            continue
        Versie.objects.create(sjabloon=sjabloon, nummer=(huidig.nummer + 1) if huidig else 1, inhoud=inhoud,
                              sha256=sha256(inhoud), toelichting=TOELICHTING)


class Migration(migrations.Migration):
    dependencies = [("besluiten", "0011_afstemming_verlaging")]
    operations = [migrations.RunPython(nieuwe_versies, migrations.RunPython.noop)]
