"""API routes of the policy versions; included under /api/v1/ by maatwerk.web.urls."""

from rest_framework.routers import SimpleRouter

from maatwerk.beleid.api import BeleidsversieViewSet, BeleidsvoorstelViewSet

router = SimpleRouter()
router.register("beleidsvoorstellen", BeleidsvoorstelViewSet, basename="beleidsvoorstel")
router.register("beleidsversies", BeleidsversieViewSet, basename="beleidsversie")

urlpatterns = router.urls
