"""REST endpoints for Jeugd access on a zaak (issue 10, point 5); the rules are in `jeugd_verwijzing` (5:3) and
`jeugd_vrije_toegang` (5:2).

- `GET/POST /api/v1/zaken/{id}/jeugd-verwijzingen/`  the referrals (paginated; the latest counts) / record one
- `GET/POST /api/v1/zaken/{id}/jeugd-vrije-toegang/` the recorded asked help / record it (free help closes the zaak)

Access: who may see the zaak may read (404 otherwise, with an audit line); recording is the consulent's
(`bevinding_vastleggen` of the rights table), checked in the service.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from maatwerk.toegang import beleid
from maatwerk.web.paginering import gepagineerd
from maatwerk.zaken import jeugd_verwijzing, jeugd_vrije_toegang
from maatwerk.zaken.jeugdmodellen import Verwijzer, Verwijzing, VrijeToegang
from maatwerk.zaken.models import Zaak


class VerwijzingSerializer(serializers.ModelSerializer):
    verwezen_door_label = serializers.CharField(source="get_verwezen_door_display", read_only=True)
    vastgelegd_door = serializers.CharField(source="vastgelegd_door.get_username", read_only=True)

    class Meta:
        model = Verwijzing
        fields = ["id", "zaak", "verwezen_door", "verwezen_door_label", "naam", "agb_code", "big_nummer", "datum",
                  "hulpvraag", "vastgelegd_door", "vastgelegd_op"]
        read_only_fields = fields


class VerwijzingInvoerSerializer(serializers.Serializer):
    """Shapes only; the service checks the rules and answers in Dutch per field."""

    verwezen_door = serializers.ChoiceField(choices=Verwijzer.choices, error_messages={
        "invalid_choice": "Kies wie verwees: huisarts, medisch specialist of jeugdarts (artikel 5:3, eerste lid).",
        "required": "Kies wie verwees: huisarts, medisch specialist of jeugdarts (artikel 5:3, eerste lid)."})
    naam = serializers.CharField(max_length=jeugd_verwijzing.MAX_NAAM, required=False, allow_blank=True)
    agb_code = serializers.CharField(max_length=12, required=False, allow_blank=True, help_text="8 cijfers")
    big_nummer = serializers.CharField(max_length=15, required=False, allow_blank=True, help_text="11 cijfers")
    datum = serializers.DateField(error_messages={"invalid": "Vul de datum van de verwijzing in als JJJJ-MM-DD."})
    hulpvraag = serializers.CharField(max_length=jeugd_verwijzing.MAX_HULPVRAAG, required=False, allow_blank=True)


class VrijeToegangSerializer(serializers.ModelSerializer):
    vastgelegd_door = serializers.CharField(source="vastgelegd_door.get_username", read_only=True)
    uitkomst = serializers.SerializerMethodField()

    class Meta:
        model = VrijeToegang
        fields = ["id", "zaak", "vorm", "contactmomenten", "vrij_toegankelijk", "uitkomst", "uitleg", "toelichting",
                  "vastgelegd_door", "vastgelegd_op"]
        read_only_fields = fields

    def get_uitkomst(self, obj) -> str:
        return jeugd_vrije_toegang.uitkomst_tekst(obj)


class VrijeToegangInvoerSerializer(serializers.Serializer):
    vorm = serializers.ChoiceField(choices=list(jeugd_vrije_toegang.VORMEN.items()))
    contactmomenten = serializers.IntegerField(min_value=0, max_value=jeugd_vrije_toegang.MAX_CONTACTMOMENTEN,
                                               required=False, default=0)
    toelichting = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class _ZaakJeugd(generics.GenericAPIView):
    queryset = Zaak.objects.select_related("hoofdpersoon")
    lookup_url_kwarg = "pk"

    def _zaak(self, request, onderwerp: str) -> Zaak:
        zaak = self.get_object()
        beleid.vereis_zaak(request.user, zaak, beleid.VIEW, onderwerp=onderwerp, toelichting=request.path[:200])
        return zaak


class ZaakJeugdVerwijzingen(_ZaakJeugd):
    serializer_class = VerwijzingSerializer

    @extend_schema(responses=VerwijzingSerializer(many=True))
    def get(self, request, pk: int):
        return gepagineerd(self, self._zaak(request, "verwijzing").verwijzingen.select_related("vastgelegd_door"),
                           VerwijzingSerializer)

    @extend_schema(request=VerwijzingInvoerSerializer, responses={201: VerwijzingSerializer})
    def post(self, request, pk: int):
        zaak = self.get_object()
        invoer = VerwijzingInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        verwijzing = jeugd_verwijzing.leg_verwijzing_vast(zaak, request.user, **invoer.validated_data)
        return Response(VerwijzingSerializer(verwijzing).data, status=status.HTTP_201_CREATED)


class ZaakJeugdVrijeToegang(_ZaakJeugd):
    serializer_class = VrijeToegangSerializer

    @extend_schema(responses=VrijeToegangSerializer(many=True))
    def get(self, request, pk: int):
        return gepagineerd(self, self._zaak(request, "vrije toegang").vrije_toegang.select_related("vastgelegd_door"),
                           VrijeToegangSerializer)

    @extend_schema(request=VrijeToegangInvoerSerializer, responses={201: VrijeToegangSerializer})
    def post(self, request, pk: int):
        zaak = self.get_object()
        invoer = VrijeToegangInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        record = jeugd_vrije_toegang.leg_vrije_toegang_vast(zaak, request.user, **invoer.validated_data)
        return Response(VrijeToegangSerializer(record).data, status=status.HTTP_201_CREATED)
