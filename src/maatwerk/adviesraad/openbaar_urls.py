from django.urls import path

from maatwerk.adviesraad import openbaar

app_name = "adviesraad_openbaar"

urlpatterns = [
    path("adviesraad/", openbaar.adviezen, name="adviezen"),
    path("adviesraad/documenten/<int:pk>/", openbaar.document, name="document"),
]
