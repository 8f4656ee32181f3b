"""Pages of aanbieders, products and tariffs, and the iWmo/iJw section of a zaak (namespace "iwmo")."""

from django.urls import path

from maatwerk.iwmo import views

app_name = "iwmo"

urlpatterns = [
    path("aanbieders/", views.aanbieders, name="aanbieders"),
    path("aanbieders/<int:pk>/", views.aanbieder, name="aanbieder"),
    path("producten/", views.producten, name="producten"),
    path("producten/<int:pk>/", views.product, name="product"),
    path("zaken/<int:pk>/iwmo/", views.zaak_berichten, name="zaak"),
    path("zaken/<int:pk>/iwmo/toewijzing/", views.toewijzing, name="toewijzing"),
    path("zaken/<int:pk>/iwmo/import/", views.importeer, name="import"),
    path("iwmo/verzoeken/<int:pk>/", views.verzoek, name="verzoek"),
    path("iwmo/berichten/<int:pk>/xml/", views.download, name="download"),
]
