"""API routes of the besluiten app; included under /api/v1/ by maatwerk.web.urls."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from maatwerk.besluiten.api import BesluitViewSet, BezwaarViewSet, BriefSjabloonViewSet

router = SimpleRouter()
router.register("besluiten", BesluitViewSet, basename="besluit")
router.register("bezwaren", BezwaarViewSet, basename="bezwaar")
router.register("briefsjablonen", BriefSjabloonViewSet, basename="briefsjabloon")

urlpatterns = [path("", include(router.urls))]
