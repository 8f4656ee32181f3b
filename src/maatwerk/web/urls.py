"""URL configuration: the REST API under /api/v1/, its OpenAPI schema and Swagger UI, and the admin.

The web UI (another package) adds its own routes here (see docs/zaakbehandeling.md)."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from maatwerk.personen.api import HuishoudenViewSet, InwonerViewSet
from maatwerk.toegang.api import AuditViewSet, ToestemmingViewSet, WettelijkeGrondslagViewSet
from maatwerk.web.token import TokenAanvraag
from maatwerk.zaken.api import IntakeViewSet, MandaatViewSet, RegelingViewSet, ZaakViewSet
from maatwerk.zaken.documenten_api import DocumentViewSet, ZaakDocumenten
from maatwerk.zaken.jeugd_api import ZaakJeugdVerwijzingen, ZaakJeugdVrijeToegang

router = DefaultRouter()
router.register("inwoners", InwonerViewSet, basename="inwoner")
router.register("huishoudens", HuishoudenViewSet, basename="huishouden")
router.register("zaken", ZaakViewSet, basename="zaak")
router.register("intakes", IntakeViewSet, basename="intake")
router.register("regelingen", RegelingViewSet, basename="regeling")
router.register("mandaten", MandaatViewSet, basename="mandaat")
router.register("toestemmingen", ToestemmingViewSet, basename="toestemming")
router.register("wettelijke-grondslagen", WettelijkeGrondslagViewSet, basename="wettelijke-grondslag")
router.register("audit", AuditViewSet, basename="audit")
router.register("documenten", DocumentViewSet, basename="document")

api_v1 = [
    # Documents of a zaak: multipart upload and list (its own view: the upload limit is set before parsing).
    path("zaken/<int:pk>/documenten/", ZaakDocumenten.as_view(), name="zaak-documenten"),
    # Jeugd access (issue 10): the referral of artikel 5:3 and the free access of artikel 5:2.
    path("zaken/<int:pk>/jeugd-verwijzingen/", ZaakJeugdVerwijzingen.as_view(), name="zaak-jeugd-verwijzingen"),
    path("zaken/<int:pk>/jeugd-vrije-toegang/", ZaakJeugdVrijeToegang.as_view(), name="zaak-jeugd-vrije-toegang"),
    path("", include(router.urls)),
    path("token/", TokenAanvraag.as_view(), name="api-token"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # Swagger UI without inline script (CSP): the init script is a separate request (?script=), the UI comes
    # from drf-spectacular-sidecar's static files.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="maatwerk/swagger_ui.html"),
         name="api-docs"),
]

urlpatterns = [
    path("api/v1/", include(api_v1)),
    path("api/v1/", include("maatwerk.besluiten.api_urls")),
    path("api/v1/", include("maatwerk.iwmo.api_urls")),
    path("api/v1/", include("maatwerk.handhaving.api_urls")),
    # Enforcement (issue 11): the handhaver's pages; the public meldpunt and indicator register in the loket.
    path("handhaving/", include("maatwerk.handhaving.urls")),
    path("loket/", include("maatwerk.handhaving.openbaar_urls")),
    path("besluiten/", include("maatwerk.besluiten.ui_urls")),
    path("api/v1/", include("maatwerk.beleid.api_urls")),
    path("beleid/", include("maatwerk.beleid.urls")),
    path("api/v1/", include("maatwerk.ambtshalve.api_urls")),  # issue 12 point 4
    path("ambtshalve/", include("maatwerk.ambtshalve.urls")),
    path("monitor/", include("maatwerk.monitor.urls")),  # issue 12, point 5
    # Adviesraad Sociaal Domein (issue 12, point 6): internal pages, API and the public page in the loket.
    path("api/v1/", include("maatwerk.adviesraad.api_urls")),
    path("adviesraad/", include("maatwerk.adviesraad.urls")),
    path("loket/", include("maatwerk.adviesraad.openbaar_urls")),
    path("api/v1/", include("maatwerk.regie.api_urls")),  # regie API: the same services as the pages
    path("regie/", include("maatwerk.regie.urls")),  # issue 12, point 7: household plans across the domains
    path("admin/", admin.site.urls),
    # Loket for residents (issue 9): its pages, the OIDC client (mozilla-django-oidc) and the consulenten's list
    # of gespreksverzoeken; the mock DigiD only when configured (settings.DIGID_MOCK).
    path("loket/", include("maatwerk.loket.urls")),
    path("oidc/", include("mozilla_django_oidc.urls")),
    path("gespreksverzoeken/", include("maatwerk.loket.medewerker_urls")),
    *([path("digid-mock/", include("maatwerk.digid_mock.urls"))] if settings.DIGID_MOCK else []),
    path("", include("maatwerk.iwmo.ui_urls")),  # aanbieders, producten, the iWmo/iJw section of a zaak (issue 10)
    path("", include("maatwerk.web.ui_urls")),
]

# Errors outside the DRF views: JSON under /api/, the Dutch pages elsewhere (maatwerk.web.fouten).
handler400 = "maatwerk.web.fouten.handler400"
handler403 = "maatwerk.web.fouten.handler403"
handler404 = "maatwerk.web.fouten.handler404"
handler500 = "maatwerk.web.fouten.handler500"
