"""Pages of the adviesraad (namespace "adviesraad"); included at "adviesraad/" by maatwerk.web.urls."""

from django.urls import path

from maatwerk.adviesraad import views

app_name = "adviesraad"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("leden/", views.benoemen, name="benoemen"),
    path("aftreden/", views.aftreden, name="aftreden"),
    path("aanvragen/<int:pk>/", views.aanvraag, name="aanvraag"),
    path("aanvragen/<int:pk>/uitstel/", views.uitstel, name="uitstel"),
    path("aanvragen/<int:pk>/advies/", views.advies, name="advies"),
    path("aanvragen/<int:pk>/raad/<str:stuk>/", views.raad, name="raad"),
    path("aanvragen/<int:pk>/documenten/<str:bij>/", views.documenten, name="documenten"),
    path("documenten/<int:pk>/", views.document, name="document"),
    path("punten/<int:pk>/antwoord/", views.antwoord, name="antwoord"),
    path("punten/<int:pk>/correctie/", views.correctie, name="correctie"),
]
