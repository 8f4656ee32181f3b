from django.apps import AppConfig


class ToegangConfig(AppConfig):
    name = "maatwerk.toegang"
    label = "toegang"
    verbose_name = "Toegang en audit"
    default_auto_field = "django.db.models.BigAutoField"
