"""API routes of the besluiten app; included under /api/v1/ by maatwerk.web.urls."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from maatwerk.besluiten.api import BesluitViewSet, BezwaarViewSet, BriefSjabloonViewSet
from maatwerk.besluiten.jeugd_herziening_api import BesluitJeugdHerziening
from maatwerk.besluiten.verlaging_api import ZaakVerlaging, ZaakVerlagingBesluit, ZaakVerlagingen

router = SimpleRouter()
router.register("besluiten", BesluitViewSet, basename="besluit")
router.register("bezwaren", BezwaarViewSet, basename="bezwaar")
router.register("briefsjablonen", BriefSjabloonViewSet, basename="briefsjabloon")

urlpatterns = [
    # Jeugd (issue 10): herziening or intrekking on a ground of artikel 5:7, with the terugvordering computed.
    path("besluiten/<int:pk>/jeugd-herziening/", BesluitJeugdHerziening.as_view(), name="besluit-jeugd-herziening"),
    # Verlaging (issue 11, artikelen 7:11-7:28): record a gedraging, see the computation, draft the besluit.
    path("zaken/<int:pk>/verlagingen/", ZaakVerlagingen.as_view(), name="zaak-verlagingen"),
    path("zaken/<int:pk>/verlagingen/<int:verlaging>/", ZaakVerlaging.as_view(), name="zaak-verlaging"),
    path("zaken/<int:pk>/verlagingen/<int:verlaging>/besluit/", ZaakVerlagingBesluit.as_view(),
         name="zaak-verlaging-besluit"),
    path("", include(router.urls)),
]
