from django.apps import AppConfig


class PersonenConfig(AppConfig):
    name = "maatwerk.personen"
    label = "personen"
    verbose_name = "Personen"
    default_auto_field = "django.db.models.BigAutoField"
