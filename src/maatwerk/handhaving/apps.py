from django.apps import AppConfig


class HandhavingConfig(AppConfig):
    """Enforcement (issue 11, points 3-8; seed 003): meldpunt, casustafel, Inlichtingenbureau comparison,
    huisbezoek and the indicator register."""

    name = "maatwerk.handhaving"
    label = "handhaving"
    verbose_name = "Handhaving"
    default_auto_field = "django.db.models.BigAutoField"
