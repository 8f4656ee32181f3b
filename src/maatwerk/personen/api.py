"""REST endpoints for inwoners and huishoudens (/api/v1/inwoners/, /api/v1/huishoudens/).

Views only translate HTTP to service calls; access and audit are in maatwerk.toegang.beleid.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.settings import api_settings

from maatwerk.personen import services
from maatwerk.personen.models import Huishouden, Huishoudlid, Inwoner, Maandinkomen, Vermogensopgave
from maatwerk.personen.serializers import (
    EinddatumSerializer,
    HuishoudenInvoerSerializer,
    HuishoudenSerializer,
    HuishoudlidSerializer,
    InwonerInvoerSerializer,
    InwonerSerializer,
    LidInvoerSerializer,
    MaandinkomenSerializer,
    SignaalSerializer,
    VermogensopgaveSerializer,
)
from maatwerk.toegang import beleid
from maatwerk.toegang.serializers import AuditRegelSerializer
from maatwerk.web.paginering import gepagineerd

ID = r"\d+"


def valideer(serializer_class, data, **kwargs):
    s = serializer_class(data=data, **kwargs)
    s.is_valid(raise_exception=True)
    return s.validated_data


class InwonerViewSet(viewsets.GenericViewSet):
    serializer_class = InwonerSerializer
    queryset = Inwoner.objects.all()
    lookup_value_regex = ID

    def list(self, request):
        qs = beleid.zichtbare_inwoners(request.user)
        bsn = request.query_params.get("bsn")
        if bsn:
            if not (len(bsn) == 9 and bsn.isascii() and bsn.isdigit()):
                raise ValidationError({"bsn": ["BSN: een burgerservicenummer bestaat uit precies 9 cijfers."]})
            qs = qs.filter(bsn=bsn)
        pagina = self.paginate_queryset(qs.order_by("achternaam", "id"))
        beleid.log_lijst_inwoners(request.user, pagina, toelichting=request.get_full_path()[:200])
        return self.get_paginated_response(InwonerSerializer(pagina, many=True).data)

    @extend_schema(request=InwonerInvoerSerializer, responses={201: InwonerSerializer})
    def create(self, request):
        inwoner = services.registreer_inwoner(request.user, **valideer(InwonerInvoerSerializer, request.data))
        return Response(InwonerSerializer(inwoner).data, status=status.HTTP_201_CREATED)

    def retrieve(self, request, pk=None):
        inwoner = self.get_object()
        beleid.vereis_inwoner(request.user, inwoner, beleid.VIEW)
        return Response(InwonerSerializer(inwoner).data)

    @extend_schema(request=InwonerInvoerSerializer, responses=InwonerSerializer)
    def partial_update(self, request, pk=None):
        inwoner = self.get_object()
        velden = valideer(InwonerInvoerSerializer, request.data, partial=True)
        inwoner = services.wijzig_inwoner(request.user, inwoner, **velden)
        return Response(InwonerSerializer(inwoner).data)

    @extend_schema(methods=["GET"], responses=MaandinkomenSerializer(many=True))
    @extend_schema(methods=["POST"], request=MaandinkomenSerializer, responses={201: MaandinkomenSerializer})
    @action(detail=True, methods=["get", "post"])
    def inkomens(self, request, pk=None):
        inwoner = self.get_object()
        if request.method == "POST":
            data = valideer(MaandinkomenSerializer, request.data)
            record = services.leg_inkomen_vast(request.user, inwoner, **data)
            return Response(MaandinkomenSerializer(record).data, status=status.HTTP_201_CREATED)
        beleid.vereis_inkomensgegevens(request.user, inwoner, beleid.VIEW, onderwerp="maandinkomen")
        return gepagineerd(self, inwoner.maandinkomens.all(), MaandinkomenSerializer)

    @extend_schema(methods=["GET"], responses=VermogensopgaveSerializer(many=True))
    @extend_schema(methods=["POST"], request=VermogensopgaveSerializer, responses={201: VermogensopgaveSerializer})
    @action(detail=True, methods=["get", "post"])
    def vermogens(self, request, pk=None):
        inwoner = self.get_object()
        if request.method == "POST":
            data = valideer(VermogensopgaveSerializer, request.data)
            record = services.leg_vermogen_vast(request.user, inwoner, **data)
            return Response(VermogensopgaveSerializer(record).data, status=status.HTTP_201_CREATED)
        beleid.vereis_inkomensgegevens(request.user, inwoner, beleid.VIEW, onderwerp="vermogen")
        return gepagineerd(self, inwoner.vermogensopgaven.all(), VermogensopgaveSerializer)

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["post"], url_path=r"inkomens/(?P<record_id>\d+)/vervallen")
    def inkomen_vervallen(self, request, pk=None, record_id=None):
        record = get_object_or_404(Maandinkomen, pk=record_id, inwoner_id=self.get_object().pk)
        services.laat_vervallen(request.user, record)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=None, responses={204: None})
    @action(detail=True, methods=["post"], url_path=r"vermogens/(?P<record_id>\d+)/vervallen")
    def vermogen_vervallen(self, request, pk=None, record_id=None):
        record = get_object_or_404(Vermogensopgave, pk=record_id, inwoner_id=self.get_object().pk)
        services.laat_vervallen(request.user, record)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(responses=AuditRegelSerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=api_settings.DEFAULT_PAGINATION_CLASS)
    def audit(self, request, pk=None):
        """Who saw or changed this inwoner's data. Only for a consulent with a zaak of this inwoner in his own
        domain (consent or a legal ground is not enough)."""
        inwoner = self.get_object()
        beleid.vereis_eigen_domein_inwoner(request.user, inwoner, onderwerp="auditlog")
        from maatwerk.toegang.models import AuditRegel

        from django.db.models import Q

        # Lines about a zaak of another domain stay out (issue 7): they would show that zaak's activity and, for an
        # intake, its reason; the beheerder sees them in the full audit log.
        qs = AuditRegel.objects.filter(inwoner=inwoner).filter(
            Q(zaak__isnull=True) | Q(zaak__in=beleid.zichtbare_zaken(request.user))).order_by("-op", "-id")
        pagina = self.paginate_queryset(qs)
        return self.get_paginated_response(AuditRegelSerializer(pagina, many=True).data)


class HuishoudenViewSet(viewsets.GenericViewSet):
    serializer_class = HuishoudenSerializer
    queryset = Huishouden.objects.all()
    lookup_value_regex = ID

    def list(self, request):
        qs = beleid.zichtbare_huishoudens(request.user).prefetch_related("lidmaatschappen__inwoner").order_by("id")
        pagina = self.paginate_queryset(qs)
        beleid.log_lijst_huishoudens(request.user, pagina, toelichting=request.get_full_path()[:200])
        return self.get_paginated_response(HuishoudenSerializer(pagina, many=True).data)

    @extend_schema(request=HuishoudenInvoerSerializer, responses={201: HuishoudenSerializer})
    def create(self, request):
        data = valideer(HuishoudenInvoerSerializer, request.data)
        data["aanvrager"] = beleid.verwijzing(request.user, Inwoner, data["aanvrager"], veld="aanvrager")
        huishouden = services.maak_huishouden(request.user, **data)
        return Response(HuishoudenSerializer(huishouden).data, status=status.HTTP_201_CREATED)

    def retrieve(self, request, pk=None):
        huishouden = self.get_object()
        beleid.vereis_huishouden(request.user, huishouden, beleid.VIEW)
        return Response(HuishoudenSerializer(huishouden).data)

    @extend_schema(request=LidInvoerSerializer, responses={201: HuishoudlidSerializer})
    @action(detail=True, methods=["post"])
    def leden(self, request, pk=None):
        huishouden = self.get_object()
        data = valideer(LidInvoerSerializer, request.data)
        inwoner = Inwoner.objects.filter(pk=data.pop("inwoner")).first()
        if inwoner is None:  # the same answer as for an inwoner the user may not see (voeg_lid_toe)
            raise ValidationError({"inwoner": [services.LID_ONBEKEND]})
        lid = services.voeg_lid_toe(request.user, huishouden, inwoner, **data)
        return Response(HuishoudlidSerializer(lid).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=SignaalSerializer(many=True))
    @action(detail=True, methods=["get"])
    def signalen(self, request, pk=None):
        """Intake signals: "Er is op <datum> een melding gedaan in het domein …" — a signal, not data."""
        huishouden = self.get_object()
        beleid.vereis_huishouden(request.user, huishouden, beleid.VIEW, onderwerp="intakesignalen")
        return gepagineerd(self, beleid.zichtbare_signalen(request.user, huishouden), SignaalSerializer)

    @extend_schema(request=EinddatumSerializer, responses=HuishoudlidSerializer)
    @action(detail=True, methods=["post"], url_path=r"leden/(?P<lid_id>\d+)/beeindigen")
    def lid_beeindigen(self, request, pk=None, lid_id=None):
        lid = get_object_or_404(Huishoudlid, pk=lid_id, huishouden_id=self.get_object().pk)
        data = valideer(EinddatumSerializer, request.data)
        return Response(HuishoudlidSerializer(services.beeindig_lidmaatschap(request.user, lid, data["tot"])).data)

