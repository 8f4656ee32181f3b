"""Django project of Maatwerk: settings, URL configuration and the API plumbing shared by the apps."""
