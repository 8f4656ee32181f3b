"""Django setup for the fuzz tests (as in tests/web): settings default to maatwerk.web.settings."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")

import django  # noqa: E402

django.setup()
