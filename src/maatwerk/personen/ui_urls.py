"""Pages of the consulent's web UI about persons and households (namespace "ui", see web/ui_urls.py)."""

from django.urls import path

from maatwerk.personen import views

urlpatterns = [
    path("intake/", views.intake, name="intake"),
    path("intake/bekende-inwoner/", views.intake_bekend, name="intake_bekend"),
    path("huishoudens/<int:pk>/", views.huishouden, name="huishouden"),
    path("huishoudens/<int:pk>/lid/", views.lid_toevoegen, name="huishouden_lid"),
    path("huishoudens/<int:pk>/melding/", views.melding, name="huishouden_melding"),
    path("huishoudens/<int:pk>/inkomen/", views.inkomen, name="huishouden_inkomen"),
]
