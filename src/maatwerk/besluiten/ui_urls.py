"""Pages of the besluiten app (namespace "besluiten"); included at "besluiten/" by maatwerk.web.urls.
The zaak page links here with {% url 'besluiten:zaak' zaak.pk %}."""

from django.urls import path

from maatwerk.besluiten import jeugd_herziening_views, verlaging_views, views

app_name = "besluiten"

urlpatterns = [
    path("zaak/<int:zaak_id>/", views.zaak, name="zaak"),
    path("zaak/<int:zaak_id>/opstellen/", views.opstellen, name="opstellen"),
    path("<int:pk>/", views.besluit, name="besluit"),
    path("<int:pk>/wijzigen/", views.wijzigen, name="wijzigen"),
    path("<int:pk>/redenen/", views.redenen, name="redenen"),
    path("<int:pk>/overwegingen/", views.overweging_toevoegen, name="overweging_toevoegen"),
    path("<int:pk>/overwegingen/<int:oid>/", views.overweging, name="overweging"),
    path("<int:pk>/goedkeuren/", views.goedkeuren, name="goedkeuren"),
    path("<int:pk>/vaststellen/", views.vaststellen, name="vaststellen"),
    path("<int:pk>/bekendmaken/", views.bekendmaken, name="bekendmaken"),
    path("<int:pk>/bijzondere-gegevens/", views.bijzondere_gegevens, name="bijzondere_gegevens"),
    path("<int:pk>/nieuw/", views.nieuw_besluit, name="nieuw_besluit"),
    path("zaak/<int:zaak_id>/verlagingen/", verlaging_views.verlagingen_pagina, name="verlagingen"),
    path("verlagingen/<int:pk>/besluit/", verlaging_views.verlaging_besluit, name="verlaging_besluit"),
    path("<int:pk>/jeugd-herziening/", jeugd_herziening_views.herziening, name="jeugd_herziening"),
    path("<int:pk>/bezwaar/", views.bezwaar_registreren, name="bezwaar_registreren"),
    path("<int:pk>/brief/", views.brief, name="brief"),
    path("<int:pk>/brief.pdf", views.brief_pdf, name="brief_pdf"),
    path("bezwaren/", views.bezwaren, name="bezwaren"),
    path("bezwaren/registreren/", views.bezwaar_op_kenmerk, name="bezwaar_op_kenmerk"),
    path("bezwaren/<int:pk>/", views.bezwaar, name="bezwaar"),
    path("bezwaren/<int:pk>/verschoonbaarheid/", views.verschoonbaarheid, name="verschoonbaarheid"),
    path("bezwaren/<int:pk>/behandeling/", views.behandeling, name="behandeling"),
    path("bezwaren/<int:pk>/horen/", views.horen, name="horen"),
    path("bezwaren/<int:pk>/beslissen/", views.beslissen, name="beslissen"),
    path("bezwaren/<int:pk>/brief/", views.bezwaar_brief, name="bezwaar_brief"),
    path("bezwaren/<int:pk>/brief.pdf", views.bezwaar_brief_pdf, name="bezwaar_brief_pdf"),
    path("sjablonen/", views.sjablonen, name="sjablonen"),
    path("sjablonen/<slug:code>/", views.sjabloon, name="sjabloon"),
]
