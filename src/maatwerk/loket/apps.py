from django.apps import AppConfig


class LoketConfig(AppConfig):
    name = "maatwerk.loket"
    label = "loket"
    verbose_name = "Loket voor inwoners"
    default_auto_field = "django.db.models.BigAutoField"
