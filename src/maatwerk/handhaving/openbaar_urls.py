from django.urls import path

from maatwerk.handhaving import openbaar

app_name = "meldpunt"

urlpatterns = [
    path("melden/", openbaar.melden, name="melden"),
    path("melden/volgen/", openbaar.volgen, name="volgen"),
    path("algoritmes/", openbaar.algoritmes, name="algoritmes"),
    path("algoritmes/algoritmeregister.json", openbaar.algoritmeregister, name="algoritmeregister"),
]
