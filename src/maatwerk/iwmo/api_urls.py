"""API routes of the iwmo app; included under /api/v1/ by maatwerk.web.urls."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from maatwerk.iwmo.api import AanbiederViewSet, ProductViewSet, TariefViewSet, ZaakBerichten

router = SimpleRouter()
router.register("aanbieders", AanbiederViewSet, basename="aanbieder")
router.register("producten", ProductViewSet, basename="product")
router.register("tarieven", TariefViewSet, basename="tarief")

urlpatterns = [
    path("zaken/<int:pk>/iwmo-berichten/", ZaakBerichten.as_view(), name="zaak-iwmo-berichten"),
    path("", include(router.urls)),
]
