"""Pages of the consulent's web UI about persons and households (namespace "ui", see web/ui_urls.py)."""

from django.urls import path

from maatwerk.personen import views

urlpatterns = [
    path("huishoudens/<int:pk>/", views.huishouden, name="huishouden"),
]
