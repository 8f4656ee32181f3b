from django.urls import path

from maatwerk.digid_mock import views

app_name = "digid_mock"

urlpatterns = [
    path("", views.start, name="start"),
    path(".well-known/openid-configuration", views.configuratie, name="configuratie"),
    path("authorize/", views.autoriseren, name="autoriseren"),
    path("token/", views.token, name="token"),
    path("userinfo/", views.userinfo, name="userinfo"),
    path("jwks/", views.jwks, name="jwks"),
    path("logout/", views.uitloggen, name="uitloggen"),
]
