"""REST endpoints: the audit log (beheerder), the consent register and legal grounds."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from maatwerk.personen.models import Inwoner
from maatwerk.toegang import beleid, register
from maatwerk.toegang.models import AuditRegel, Toestemming
from maatwerk.toegang.serializers import (
    AuditFilterSerializer,
    CatalogusgrondSerializer,
    AuditRegelSerializer,
    GrondslagInvoerSerializer,
    ToestemmingInvoerSerializer,
    ToestemmingSerializer,
    WettelijkeGrondslagSerializer,
)
from maatwerk.web.paginering import gepagineerd


def _inwoner(request, inwoner_id: int) -> Inwoner:
    """Unknown and invisible inwoners answer the same (issue 7)."""
    return beleid.verwijzing(request.user, Inwoner, inwoner_id, veld="inwoner")


class AuditViewSet(viewsets.GenericViewSet):
    """The full audit log; only for the beheerder. Filters: inwoner, zaak, gebruiker, actie, van, tot (dates)."""

    serializer_class = AuditRegelSerializer
    queryset = AuditRegel.objects.all()

    @extend_schema(parameters=[AuditFilterSerializer])
    def list(self, request):
        beleid.vereis_beheerder(request.user)
        f = AuditFilterSerializer(data=request.query_params)
        f.is_valid(raise_exception=True)
        qs = AuditRegel.objects.all().order_by("-op", "-id")
        d = f.validated_data
        if "inwoner" in d:
            qs = qs.filter(inwoner_id=d["inwoner"])
        if "zaak" in d:
            qs = qs.filter(zaak_id=d["zaak"])
        if "gebruiker" in d:
            qs = qs.filter(gebruikersnaam=d["gebruiker"])
        if "actie" in d:
            qs = qs.filter(actie=d["actie"])
        if "van" in d:
            qs = qs.filter(op__date__gte=d["van"])
        if "tot" in d:
            qs = qs.filter(op__date__lte=d["tot"])
        pagina = self.paginate_queryset(qs)
        return self.get_paginated_response(AuditRegelSerializer(pagina, many=True).data)


class ToestemmingViewSet(viewsets.GenericViewSet):
    """Consent register: GET ?inwoner=<id> (own-domain access needed), POST to record, POST .../intrekken/."""

    serializer_class = ToestemmingSerializer
    queryset = Toestemming.objects.all()
    lookup_value_regex = r"\d+"

    @extend_schema(parameters=[OpenApiParameter("inwoner", int, required=True)])
    def list(self, request):
        f = AuditFilterSerializer(data=request.query_params)
        f.is_valid(raise_exception=True)
        if "inwoner" not in f.validated_data:
            from django.core.exceptions import ValidationError

            raise ValidationError({"inwoner": ["Geef de inwoner op (?inwoner=<id>)."]})
        inwoner = get_object_or_404(Inwoner, pk=f.validated_data["inwoner"])
        beleid.vereis_inwoner(request.user, inwoner, beleid.VIEW, onderwerp="toestemming")
        qs = Toestemming.objects.filter(inwoner=inwoner)
        return gepagineerd(self, qs, ToestemmingSerializer)

    @extend_schema(request=ToestemmingInvoerSerializer, responses={201: ToestemmingSerializer})
    def create(self, request):
        s = ToestemmingInvoerSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        data = dict(s.validated_data)
        t = register.leg_toestemming_vast(request.user, _inwoner(request, data.pop("inwoner")), **data)
        return Response(ToestemmingSerializer(t).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=ToestemmingSerializer)
    @action(detail=True, methods=["post"])
    def bevestigen(self, request, pk=None):
        """The second person confirms a consent with bron `bevestigd`: a consulent of the data's domain who
        neither recorded it nor receives it. Only then is it valid."""
        t = register.bevestig_toestemming(request.user, self.get_object())
        return Response(ToestemmingSerializer(t).data)

    @extend_schema(request=None, responses=ToestemmingSerializer)
    @action(detail=True, methods=["post"])
    def intrekken(self, request, pk=None):
        t = register.trek_toestemming_in(request.user, self.get_object())
        return Response(ToestemmingSerializer(t).data)


class WettelijkeGrondslagViewSet(viewsets.GenericViewSet):
    """Record a legal ground: `code` from the catalogue (GET lists it), with the domain, recipient and end date
    the catalogue entry allows."""

    serializer_class = WettelijkeGrondslagSerializer

    @extend_schema(responses=CatalogusgrondSerializer(many=True))
    def list(self, request):
        from maatwerk.toegang.grondslagen import CATALOGUS

        return gepagineerd(self, list(CATALOGUS.values()), CatalogusgrondSerializer)

    @extend_schema(request=GrondslagInvoerSerializer, responses={201: WettelijkeGrondslagSerializer})
    def create(self, request):
        s = GrondslagInvoerSerializer(data=request.data)
        s.is_valid(raise_exception=True)
        data = dict(s.validated_data)
        # The kwaliteitsmedewerker records a ground for someone else's use and sees no dossier himself
        # (separation of duties): he names the inwoner by id and the answer carries no personal data.
        inwoner = Inwoner.objects.filter(pk=data.pop("inwoner")).first()
        if inwoner is None:
            raise DjangoValidationError({"inwoner": ["Onbekende inwoner."]})
        g = register.leg_grondslag_vast(request.user, inwoner, **data)
        return Response(WettelijkeGrondslagSerializer(g).data, status=status.HTTP_201_CREATED)
