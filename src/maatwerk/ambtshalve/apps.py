from django.apps import AppConfig


class AmbtshalveConfig(AppConfig):
    """The yearly ambtshalve individuele inkomenstoeslag (art. 36 Pw, ordinance 7:1-7:5; seed 002 §8.2): who
    qualifies from the municipality's own data, the batch with its review list, and the non-take-up list."""

    name = "maatwerk.ambtshalve"
    label = "ambtshalve"
    verbose_name = "Ambtshalve inkomenstoeslag"
    default_auto_field = "django.db.models.BigAutoField"
