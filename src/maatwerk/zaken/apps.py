from django.apps import AppConfig


class ZakenConfig(AppConfig):
    name = "maatwerk.zaken"
    label = "zaken"
    verbose_name = "Zaken"
    default_auto_field = "django.db.models.BigAutoField"
