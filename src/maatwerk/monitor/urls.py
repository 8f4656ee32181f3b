"""The monitor for the beleidsmedewerker (namespace "monitor"); included at "monitor/" by maatwerk.web.urls."""

from django.urls import path

from maatwerk.monitor import views

app_name = "monitor"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("team/", views.team_monitor, name="team"),
    path("rapport/<str:code>.pdf", views.rapport_pdf, name="rapport_pdf"),
]
