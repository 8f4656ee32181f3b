"""Pages of the ambtshalve batch and the non-take-up list (namespace "ambtshalve"), mounted at /ambtshalve/."""

from django.urls import path

from maatwerk.ambtshalve import views

app_name = "ambtshalve"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("batches/<int:pk>/", views.batch, name="batch"),
    path("batches/<int:pk>/verwerk/", views.verwerk, name="verwerk"),
    path("batches/<int:pk>/vaststellen/", views.vaststellen, name="vaststellen"),
    path("niet-gebruik/", views.niet_gebruik_lijst, name="niet_gebruik"),
    path("niet-gebruik/telling/", views.niet_gebruik_telling, name="telling"),
]
