"""Pages of the consulent's web UI about access: the consent register and legal grounds (namespace "ui",
see web/ui_urls.py). Start, login and audit log are routed in web/ui_urls.py itself."""

from django.urls import path

from maatwerk.toegang import views

urlpatterns = [
    path("huishoudens/<int:pk>/toestemming/", views.toestemming_vastleggen, name="toestemming_vastleggen"),
    path("huishoudens/<int:pk>/grondslag/", views.grondslag_vastleggen, name="grondslag_vastleggen"),
    path("grondslagen/", views.grondslag_register, name="grondslag_register"),
    path("toestemmingen/<int:pk>/bevestigen/", views.toestemming_bevestigen, name="toestemming_bevestigen"),
    path("toestemmingen/<int:pk>/intrekken/", views.toestemming_intrekken, name="toestemming_intrekken"),
]
