from django.apps import AppConfig


class BesluitenConfig(AppConfig):
    name = "maatwerk.besluiten"
    label = "besluiten"
    verbose_name = "Besluiten en brieven"
    default_auto_field = "django.db.models.BigAutoField"
