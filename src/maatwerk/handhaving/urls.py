"""The handhaver's pages (namespace "handhaving"), mounted at /handhaving/ by web/urls.py."""

from django.urls import path

from maatwerk.handhaving import views

app_name = "handhaving"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("melden/", views.melden, name="melden"),
    path("meldingen/<int:pk>/", views.melding, name="melding"),
    path("signalen/<int:pk>/", views.signaal, name="signaal"),
    path("casustafels/<int:pk>/", views.casustafel_detail, name="casustafel"),
    path("inlichtingenbureau/", views.vergelijkingen, name="vergelijkingen"),
    path("inlichtingenbureau/<int:pk>/", views.vergelijking, name="vergelijking"),
    path("huisbezoeken/nieuw/", views.huisbezoek_nieuw, name="huisbezoek_nieuw"),
    path("huisbezoeken/<int:pk>/", views.huisbezoek_detail, name="huisbezoek"),
    path("indicatoren/", views.indicatoren_lijst, name="indicatoren"),
    path("indicatoren/<int:pk>/", views.indicator, name="indicator"),
    path("indicatoren/<int:pk>/wijzigen/", views.indicator_wijzigen, name="indicator_wijzigen"),
    path("indicatoren/<int:pk>/buiten-gebruik/", views.indicator_buiten_gebruik, name="indicator_buiten_gebruik"),
]
