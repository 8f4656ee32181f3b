from django.apps import AppConfig


class BeleidConfig(AppConfig):
    name = "maatwerk.beleid"
    label = "beleid"
    verbose_name = "Beleid"
    default_auto_field = "django.db.models.BigAutoField"
