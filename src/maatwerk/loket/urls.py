from django.urls import path

from maatwerk.loket import mijnzaken_views as mz
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
    # Mijn zaken (issue 9, point 5): loket/mijnzaken.py, loket/bezwaar_online.py
    path("mijn/zaken/", mz.lijst, name="mijn_zaken"),
    path("mijn/zaken/<int:pk>/", mz.zaak, name="mijn_zaak"),
    path("mijn/zaken/<int:pk>/brief/<int:besluit>/", mz.brief, name="mijn_brief"),
    path("mijn/zaken/<int:pk>/brief/<int:besluit>/pdf/", mz.brief_pdf, name="mijn_brief_pdf"),
    path("mijn/zaken/<int:pk>/bezwaarbrief/<int:bezwaar>/", mz.bezwaarbrief, name="mijn_bezwaarbrief"),
    path("mijn/zaken/<int:pk>/bezwaarbrief/<int:bezwaar>/pdf/", mz.bezwaarbrief_pdf, name="mijn_bezwaarbrief_pdf"),
    path("mijn/zaken/<int:pk>/document/<int:document>/", mz.document, name="mijn_document"),
    path("mijn/zaken/<int:pk>/rapportage/", mz.rapportage, name="mijn_rapportage"),
    path("mijn/zaken/<int:pk>/bezwaar/<int:besluit>/", mz.bezwaar, name="mijn_bezwaar"),
    path("mijn/zaken/<int:pk>/bezwaar-ontvangen/<int:bezwaar>/", mz.bezwaar_ontvangen, name="mijn_bezwaar_ontvangen"),
    path("gesprek/<int:pk>/ontvangen/", views.gesprek_ontvangen, name="gesprek_ontvangen"),
]

# Online aanvraag and melding (issue 9, point 3): loket/aanvraag_views.py.
from maatwerk.loket import aanvraag_views  # noqa: E402

urlpatterns += [
    path("aanvragen/", aanvraag_views.kiezen, name="aanvragen"),
    path("aanvragen/<slug:regeling>/", aanvraag_views.formulier, name="aanvraag"),
    path("aanvragen/ontvangen/<uuid:sleutel>/", aanvraag_views.ontvangen, name="aanvraag_ontvangen"),
]

# The client experience survey after a sent letter (issue 12, point 5): maatwerk.monitor.
from maatwerk.monitor import views as monitor_views  # noqa: E402

urlpatterns += [path("mijn/zaken/<int:pk>/ervaring/", monitor_views.mijn_ervaring, name="mijn_ervaring")]
