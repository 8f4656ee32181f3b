"""Issue 8 point 3 (vierogen): the besluit's approvals move into the one `zaken.Goedkeuring` and the separate
table goes. A moved row keeps its judgement, person, time and its old hash (over the whole letter); that hash
was computed another way, so it counts for no content any more: an approval in progress is asked again."""

from django.db import migrations


def verhuis(apps, schema_editor):
    Oud = apps.get_model("besluiten", "Goedkeuring")
    Nieuw = apps.get_model("zaken", "Goedkeuring")
    for g in Oud.objects.select_related("besluit").order_by("id"):
        Nieuw.objects.create(
            zaak_id=g.besluit.zaak_id, besluit_id=g.besluit_id, akkoord=g.akkoord, toelichting=g.toelichting,
            inhoud_sha256=f"oud:{g.inhoud_sha256}"[:64], inhoud={},
            samenvatting=f"Overgenomen goedkeuring van besluit B{g.besluit_id:06d}-Z{g.besluit.zaak_id:06d} (gegeven vóór de binding aan de "
                         "inhoud, issue 8); bewaard, maar geldt niet voor een nieuwe beoordeling.",
            door_id=g.door_id, op=g.op,
        )


class Migration(migrations.Migration):

    dependencies = [
        ("besluiten", "0004_sjabloon_beslissing_op_bezwaar"),
        ("zaken", "0004_vierogen_een_goedkeuring"),
    ]

    operations = [
        migrations.RunPython(verhuis, migrations.RunPython.noop),
        migrations.DeleteModel(name="Goedkeuring"),
    ]
