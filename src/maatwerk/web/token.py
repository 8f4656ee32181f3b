"""POST /api/v1/token/: an API token for a username and password (and, where set up, a TOTP code).

Contract (kept from rest_framework.authtoken, used by clients and the schemathesis run): request
`{"username": ..., "password": ...}`, answer `{"token": "<key>"}` (plus `verloopt_op`), then send
`Authorization: Token <key>`. What changed (issue 7, ASVS 3.5 / 2.2): the token expires (REST_KNOX
TOKEN_TTL, 8 hours) and only its SHA-512 digest is stored (django-rest-knox); failed attempts count for the
lockout (django-axes, answer 429); a user with a TOTP device must send `otp`, and where two-factor login is
required a user without a device gets no token.
"""

from __future__ import annotations

import django_otp
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_logged_in, user_login_failed
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from knox.models import get_token_model
from rest_framework import exceptions, parsers, serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from maatwerk.web.beveiliging import heeft_tweestaps
from maatwerk.web.parsers import JSONParser


class TokenAanvraagSerializer(serializers.Serializer):
    username = serializers.CharField(label="Gebruikersnaam", max_length=150, trim_whitespace=False)
    password = serializers.CharField(label="Wachtwoord", max_length=4096, trim_whitespace=False,
                                     style={"input_type": "password"})
    otp = serializers.RegexField(r"^\d{6}$", required=False, label="Code uit de authenticator-app",
                                 help_text="Verplicht voor wie tweestapsverificatie heeft ingesteld.",
                                 error_messages={"invalid": "De code bestaat uit zes cijfers."})


class TokenAntwoordSerializer(serializers.Serializer):
    token = serializers.CharField()
    verloopt_op = serializers.DateTimeField()


_FOUT = inline_serializer("TokenFout", {"detail": serializers.CharField(), "code": serializers.CharField()})


class TokenAanvraag(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    # The API's JSON parser with its size and depth limits (issue 7), so deep JSON answers 400, not 500.
    parser_classes = [JSONParser, parsers.FormParser]

    @extend_schema(
        request=TokenAanvraagSerializer,
        responses={200: TokenAntwoordSerializer, 400: OpenApiResponse(description="Onjuiste gegevens of code"),
                   403: _FOUT, 429: _FOUT},
        description="Een API-token (8 uur geldig). Stuur daarna `Authorization: Token <token>`.",
    )
    def post(self, request):
        s = TokenAanvraagSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        d = s.validated_data
        user = authenticate(request._request, username=d["username"], password=d["password"])
        if user is None:  # a lockout flagged by django-axes becomes its 429 answer in AxesMiddleware
            raise exceptions.ValidationError({"non_field_errors": ["Inloggen is mislukt: onjuiste gebruikersnaam of wachtwoord."]})
        if heeft_tweestaps(user):
            if "otp" not in d:
                raise exceptions.ValidationError({"otp": ["Vul de code uit uw authenticator-app in."]})
            if django_otp.match_token(user, d["otp"]) is None:
                user_login_failed.send(sender=__name__, credentials={"username": d["username"]}, request=request._request)
                raise exceptions.ValidationError({"otp": ["Deze code klopt niet."]})
        elif settings.TWEESTAPS_VERPLICHT:
            return Response({"detail": "Stel eerst tweestapsverificatie in: log in op de webapplicatie.",
                             "code": "tweestaps_vereist"}, status=status.HTTP_403_FORBIDDEN)
        token_object, token = get_token_model().objects.create(user=user)
        user_logged_in.send(sender=user.__class__, request=request._request, user=user)
        return Response({"token": token, "verloopt_op": token_object.expiry})
