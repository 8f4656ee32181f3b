"""API routes of regie (issue 12, point 7); included under /api/v1/ by maatwerk.web.urls."""

from rest_framework.routers import SimpleRouter

from maatwerk.regie.api import EscalatieViewSet, HuishoudplanViewSet

router = SimpleRouter()
router.register("regie/plannen", HuishoudplanViewSet, basename="huishoudplan")
router.register("regie/escalaties", EscalatieViewSet, basename="escalatie")

urlpatterns = router.urls
