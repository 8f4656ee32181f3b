from django.urls import path

from maatwerk.loket import medewerker

app_name = "loket_medewerker"

urlpatterns = [
    path("", medewerker.gespreksverzoeken, name="gespreksverzoeken"),
]
