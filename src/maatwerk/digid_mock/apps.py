from django.apps import AppConfig


class DigidMockConfig(AppConfig):
    name = "maatwerk.digid_mock"
    label = "digid_mock"
    verbose_name = "Mock DigiD (demo en tests)"
