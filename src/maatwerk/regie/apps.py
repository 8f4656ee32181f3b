from django.apps import AppConfig


class RegieConfig(AppConfig):
    name = "maatwerk.regie"
    label = "regie"
    verbose_name = "Regie: één gezin, één plan, één regisseur"
    default_auto_field = "django.db.models.BigAutoField"
