from django.apps import AppConfig


class AdviesraadConfig(AppConfig):
    name = "maatwerk.adviesraad"
    label = "adviesraad"
    verbose_name = "Adviesraad Sociaal Domein"
    default_auto_field = "django.db.models.BigAutoField"
