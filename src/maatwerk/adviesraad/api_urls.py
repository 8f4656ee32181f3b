"""API routes of the adviesraad; included under /api/v1/ by maatwerk.web.urls."""

from rest_framework.routers import SimpleRouter

from maatwerk.adviesraad.api import AdviesaanvraagViewSet, AdviespuntViewSet

router = SimpleRouter()
router.register("adviesaanvragen", AdviesaanvraagViewSet, basename="adviesaanvraag")
router.register("adviespunten", AdviespuntViewSet, basename="adviespunt")

urlpatterns = router.urls
