"""Pages of regie (namespace "regie"); included at "regie/" by maatwerk.web.urls."""

from django.urls import path

from maatwerk.regie import views

app_name = "regie"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("<int:pk>/", views.plan, name="plan"),
    path("<int:pk>/doorverwijzing/", views.doorverwijzing, name="doorverwijzing"),
    path("nieuw/zaak/<int:zaak_id>/", views.nieuw, name="nieuw"),
]
