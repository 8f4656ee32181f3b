from django.urls import path

from maatwerk.handhaving import api

urlpatterns = [
    path("handhaving/meldingen/", api.Meldingen.as_view(), name="handhaving-meldingen"),
    path("handhaving/meldingen/<int:pk>/casustafel/", api.MeldingCasustafel.as_view(), name="handhaving-melding-casustafel"),
    path("handhaving/signalen/", api.Signalen.as_view(), name="handhaving-signalen"),
    path("handhaving/signalen/<int:pk>/casustafel/", api.SignaalCasustafel.as_view(), name="handhaving-signaal-casustafel"),
    path("handhaving/vergelijkingen/", api.Vergelijkingen.as_view(), name="handhaving-vergelijkingen"),
    path("handhaving/huisbezoeken/", api.Huisbezoeken.as_view(), name="handhaving-huisbezoeken"),
    path("handhaving/indicatoren/", api.Indicatoren.as_view(), name="handhaving-indicatoren"),
    path("handhaving/indicatoren/<int:pk>/goedkeuren/", api.IndicatorGoedkeuren.as_view(), name="handhaving-indicator-goedkeuren"),
    path("handhaving/indicatoren/<int:pk>/wijzigen/", api.IndicatorWijzigen.as_view(), name="handhaving-indicator-wijzigen"),
    path("handhaving/indicatoren/<int:pk>/buiten-gebruik/", api.IndicatorBuitenGebruik.as_view(),
         name="handhaving-indicator-buiten-gebruik"),
]
