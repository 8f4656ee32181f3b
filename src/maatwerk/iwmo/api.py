"""REST API (/api/v1/): aanbieders, producten and tarieven read by every member of staff (contract data, no
personal data; paginated), a tariff recorded by the beleidsmedewerker (rights table `aanbieders_beheren`), and
the iWmo/iJw messages of one zaak (only for the consulent of its domain, audited)."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.generics import ListAPIView
from rest_framework.response import Response

from maatwerk.iwmo import services, tarieven
from maatwerk.iwmo.models import Aanbieder, Product, Tarief
from maatwerk.iwmo.serializers import AanbiederSerializer, BerichtSerializer, ProductSerializer, TariefSerializer
from maatwerk.toegang.rollen import rollen
from maatwerk.zaken.models import Zaak


class _Personeel:
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not rollen(request.user):
            raise PermissionDenied("Alleen medewerkers van de gemeente zien aanbieders en tarieven.")


class AanbiederViewSet(_Personeel, viewsets.ReadOnlyModelViewSet):
    serializer_class = AanbiederSerializer
    queryset = Aanbieder.objects.prefetch_related("contracten").order_by("naam")


class ProductViewSet(_Personeel, viewsets.ReadOnlyModelViewSet):
    serializer_class = ProductSerializer
    queryset = Product.objects.order_by("domein", "categorie", "code")


class TariefViewSet(_Personeel, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = TariefSerializer
    queryset = Tarief.objects.select_related("product", "aanbieder").order_by("product_id", "aanbieder_id", "van")

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        d = serializer.validated_data
        try:
            tarief = tarieven.leg_tarief_vast(request.user, product=d["product"], aanbieder=d.get("aanbieder"),
                                              bedrag=d["bedrag"], van=d["van"], tot=d.get("tot"), bron=d["bron"])
        except DjangoValidationError as fout:
            raise serializers.ValidationError(fout.message_dict if hasattr(fout, "error_dict") else fout.messages) from None
        return Response(self.get_serializer(tarief).data, status=status.HTTP_201_CREATED)


class ZaakBerichten(ListAPIView):
    """The iWmo/iJw messages of a zaak (newest first)."""

    serializer_class = BerichtSerializer

    @extend_schema(summary="Berichten met aanbieders (iWmo/iJw) van een zaak")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Zaak.objects.none()
        zaak = get_object_or_404(Zaak, pk=self.kwargs["pk"])
        return services.berichten_van(self.request.user, zaak, toelichting="API")
