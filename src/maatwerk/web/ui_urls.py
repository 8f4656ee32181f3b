"""URLs of the consulent's web UI (server-rendered pages, namespace "ui"). Included at "" by web/urls.py;
the REST API lives under /api/v1/ and the admin under /admin/."""

from django.urls import include, path

from maatwerk.toegang import tweestaps
from maatwerk.toegang import views as toegang

app_name = "ui"

urlpatterns = [
    path("", toegang.start, name="start"),
    path("inloggen/", toegang.Inloggen.as_view(), name="inloggen"),
    path("uitloggen/", toegang.Uitloggen.as_view(), name="uitloggen"),
    path("inloggen/code/", tweestaps.code, name="tweestaps_code"),
    path("account/tweestaps/", tweestaps.instellen, name="tweestaps_instellen"),
    path("auditlog/", toegang.auditlog, name="auditlog"),
    path("", include("maatwerk.zaken.ui_urls")),
    path("", include("maatwerk.personen.ui_urls")),
    path("", include("maatwerk.toegang.ui_urls")),
]
