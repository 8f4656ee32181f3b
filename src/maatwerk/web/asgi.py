"""ASGI entry point (`maatwerk.web.asgi:application`)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
application = get_asgi_application()
