"""`POST /api/v1/besluiten/{id}/jeugd-herziening/`: herziening or intrekking of a granted Jeugd besluit on a ground of
artikel 5:7, with the terugvordering computed (`besluiten.jeugd_herziening`). `GET` gives the grounds with their
ordinance text (a fixed list of six, not paginated)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from maatwerk.besluiten import jeugd as jeugd_besluit, jeugd_herziening
from maatwerk.besluiten.models import Besluit
from maatwerk.toegang import beleid


class HerzieningInvoerSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(choices=list(jeugd_herziening.SOORTEN.items()))
    grond = serializers.ChoiceField(choices=list(jeugd_besluit.GRONDEN_5_7))
    opzet = serializers.BooleanField(required=False, default=False)
    maanden = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=jeugd_herziening.MAX_MAANDEN)
    ten_onrechte_genoten = serializers.DecimalField(required=False, allow_null=True, max_digits=12, decimal_places=2,
                                                    min_value=0)


class HerzieningSerializer(serializers.Serializer):
    besluit = serializers.IntegerField(source="besluit.pk")
    kenmerk = serializers.CharField(source="besluit.kenmerk")
    soort = serializers.CharField(source="besluit.soort")
    ten_onrechte_genoten = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    maximum_terugvordering = serializers.DecimalField(source="maximum", max_digits=12, decimal_places=2, allow_null=True)
    uitleg = serializers.CharField()


GRONDEN = inline_serializer("JeugdHerzieningsgronden", {"gronden": serializers.ListField(child=inline_serializer(
    "JeugdHerzieningsgrond", {"code": serializers.CharField(), "zin": serializers.CharField(),
                              "bron": serializers.CharField(), "alleen_intrekking": serializers.BooleanField()}))})


class BesluitJeugdHerziening(generics.GenericAPIView):
    queryset = Besluit.objects.select_related("zaak", "zaak__hoofdpersoon")
    serializer_class = HerzieningSerializer
    lookup_url_kwarg = "pk"

    @extend_schema(responses=GRONDEN)
    def get(self, request, pk: int):
        besluit = self.get_object()
        beleid.vereis_zaak(request.user, besluit.zaak, beleid.VIEW, onderwerp="besluit", toelichting=request.path[:200])
        return Response({"gronden": jeugd_herziening.gronden()})

    @extend_schema(request=HerzieningInvoerSerializer, responses={201: HerzieningSerializer})
    def post(self, request, pk: int):
        besluit = self.get_object()
        invoer = HerzieningInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        uitkomst = jeugd_herziening.herzie(besluit, request.user, **invoer.validated_data)
        return Response(HerzieningSerializer(uitkomst).data, status=status.HTTP_201_CREATED)
