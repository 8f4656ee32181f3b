from django.urls import path

from maatwerk.loket import views

app_name = "loket"

urlpatterns = [
    path("", views.start, name="start"),
    path("wmo-en-jeugd/", views.wmo_en_jeugd, name="wmo_en_jeugd"),
    path("waar-heb-ik-recht-op/", views.zelftest_kiezen, name="zelftest"),
    path("waar-heb-ik-recht-op/<slug:regeling>/", views.zelftest_stap, name="zelftest_stap"),
    path("inloggen/", views.inloggen, name="inloggen"),
    path("uitloggen/", views.uitloggen, name="uitloggen"),
    path("mijn/", views.mijn, name="mijn"),
    path("gesprek/", views.gesprek_aanvragen, name="gesprek"),
    path("gesprek/<int:pk>/ontvangen/", views.gesprek_ontvangen, name="gesprek_ontvangen"),
]

# Online aanvraag and melding (issue 9, point 3): loket/aanvraag_views.py.
from maatwerk.loket import aanvraag_views  # noqa: E402

urlpatterns += [
    path("aanvragen/", aanvraag_views.kiezen, name="aanvragen"),
    path("aanvragen/<slug:regeling>/", aanvraag_views.formulier, name="aanvraag"),
    path("aanvragen/ontvangen/<uuid:sleutel>/", aanvraag_views.ontvangen, name="aanvraag_ontvangen"),
]
