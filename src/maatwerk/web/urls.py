"""URL configuration: the REST API under /api/v1/, its OpenAPI schema and Swagger UI, and the admin.

The web UI (another package) adds its own routes here (see docs/zaakbehandeling.md)."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.routers import DefaultRouter

from maatwerk.personen.api import HuishoudenViewSet, InwonerViewSet
from maatwerk.toegang.api import AuditViewSet, ToestemmingViewSet, WettelijkeGrondslagViewSet
from maatwerk.zaken.api import MandaatViewSet, RegelingViewSet, ZaakViewSet
from maatwerk.web.parsers import JSONParser

router = DefaultRouter()
router.register("inwoners", InwonerViewSet, basename="inwoner")
router.register("huishoudens", HuishoudenViewSet, basename="huishouden")
router.register("zaken", ZaakViewSet, basename="zaak")
router.register("regelingen", RegelingViewSet, basename="regeling")
router.register("mandaten", MandaatViewSet, basename="mandaat")
router.register("toestemmingen", ToestemmingViewSet, basename="toestemming")
router.register("wettelijke-grondslagen", WettelijkeGrondslagViewSet, basename="wettelijke-grondslag")
router.register("audit", AuditViewSet, basename="audit")

api_v1 = [
    path("", include(router.urls)),
    # The token view names its own parsers; this gives it the API's JSON parser with its limits (issue 7).
    path("token/", ObtainAuthToken.as_view(parser_classes=[JSONParser]), name="api-token"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
]

urlpatterns = [
    path("api/v1/", include(api_v1)),
    path("api/v1/", include("maatwerk.besluiten.api_urls")),
    path("besluiten/", include("maatwerk.besluiten.ui_urls")),
    path("admin/", admin.site.urls),
    path("", include("maatwerk.web.ui_urls")),
]

# Under /api/ an address that matches no route, or a request Django refuses itself, answers JSON rather than
# the HTML page (issue 7: an API error answers JSON); the pages keep their HTML.
handler404 = "maatwerk.web.fouten.niet_gevonden"
handler400 = "maatwerk.web.fouten.foute_aanvraag"
