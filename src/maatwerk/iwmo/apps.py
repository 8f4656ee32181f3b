from django.apps import AppConfig


class IwmoConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "maatwerk.iwmo"
    label = "iwmo"
    verbose_name = "Aanbieders en iWmo/iJw-berichten"
