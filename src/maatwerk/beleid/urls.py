"""Pages of the beleidsmedewerker (namespace "beleid"); included at "beleid/" by maatwerk.web.urls."""

from django.urls import path

from maatwerk.beleid import views

app_name = "beleid"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("voorstellen/<int:pk>/", views.voorstel, name="voorstel"),
    path("voorstellen/<int:pk>/beoordelen/", views.beoordelen, name="beoordelen"),
    path("voorstellen/<int:pk>/impact/herberekenen/", views.herberekenen, name="herberekenen"),
    path("voorstellen/<int:pk>/rapport.pdf", views.rapport_pdf, name="rapport_pdf"),
]
