"""API routes of the ambtshalve batch; included under /api/v1/ by maatwerk.web.urls."""

from rest_framework.routers import SimpleRouter

from maatwerk.ambtshalve.api import BatchViewSet

router = SimpleRouter()
router.register("ambtshalve-batches", BatchViewSet, basename="ambtshalve-batch")

urlpatterns = router.urls
