"""Pages of the consulent's web UI about zaken (namespace "ui", see web/ui_urls.py)."""

from django.urls import path

from maatwerk.zaken import documenten_views, jeugd_views, views

urlpatterns = [
    path("werkvoorraad/", views.werkvoorraad, name="werkvoorraad"),
    path("zaken/<int:pk>/", views.zaak, name="zaak"),
    path("zaken/<int:pk>/overgang/", views.overgang, name="zaak_overgang"),
    path("zaken/<int:pk>/onderzoek/", views.onderzoek, name="zaak_onderzoek"),
    path("zaken/<int:pk>/reactie/", views.reactie, name="zaak_reactie"),
    path("zaken/<int:pk>/plan/", views.plan, name="zaak_plan"),
    path("zaken/<int:pk>/bevinding/", views.bevinding, name="zaak_bevinding"),
    path("zaken/<int:pk>/berekening/", views.berekening, name="zaak_berekening"),
    path("zaken/<int:pk>/afwijking/", views.afwijking, name="zaak_afwijking"),
    path("zaken/<int:pk>/vierogen/", views.goedkeuring, name="zaak_vierogen"),
    path("zaken/<int:pk>/rapportage/", views.rapportage, name="zaak_rapportage"),
    path("zaken/<int:pk>/onderzoek/versies/<int:versie>/", views.onderzoek_versie, name="zaak_onderzoek_versie"),
    path("zaken/<int:pk>/plan/versies/<int:versie>/", views.plan_versie, name="zaak_plan_versie"),
    path("zaken/<int:pk>/documenten/", documenten_views.zaak_documenten, name="zaak_documenten"),
    path("zaken/<int:pk>/jeugd-pgb/", jeugd_views.jeugd_pgb, name="zaak_jeugd_pgb"),
    path("zaken/<int:pk>/jeugd-verwijzing/", jeugd_views.jeugd_verwijzing, name="zaak_jeugd_verwijzing"),
    path("zaken/<int:pk>/jeugd-vrije-toegang/", jeugd_views.jeugd_vrije_toegang, name="zaak_jeugd_vrije_toegang"),
    path("documenten/<int:pk>/inhoud/", documenten_views.document_inhoud, name="document_inhoud"),
    path("documenten/<int:pk>/intrekken/", documenten_views.document_intrekken, name="document_intrekken"),
]
