"""REST endpoints of the policy versions (issue 12): proposals, their approval, the versions and the impact.

The services decide; bad input answers 400 with the field, a refusal 403, a four-eyes or procedure rule 409.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from maatwerk.beleid import caseload, impact, services, versies
from maatwerk.beleid.models import Beleidsversie, Beleidsvoorstel, VoorstelStatus
from maatwerk.beleid.parameters import KEUZES


class BeleidsvoorstelSerializer(serializers.ModelSerializer):
    voorgesteld_door = serializers.CharField(source="voorgesteld_door.username", read_only=True)
    beoordeeld_door = serializers.CharField(source="beoordeeld_door.username", read_only=True, default=None)
    versie = serializers.IntegerField(source="versie.nummer", read_only=True, default=None)

    class Meta:
        model = Beleidsvoorstel
        fields = ["id", "gemeente", "parameter", "waarde", "ingangsdatum", "reden", "status", "voorgesteld_door",
                  "voorgesteld_op", "beoordeeld_door", "beoordeeld_op", "toelichting_beoordeling", "versie"]
        read_only_fields = fields


class VoorstelInvoerSerializer(serializers.Serializer):
    # Plain types here: the service checks the values and names the field in Dutch (one place for the rules).
    parameter = serializers.ChoiceField(choices=KEUZES, error_messages={
        "invalid_choice": "Onbekende parameter: kies een parameter uit de lijst van gemeentelijk beleid."})
    waarde = serializers.CharField(max_length=20)
    ingangsdatum = serializers.CharField(max_length=20)
    reden = serializers.CharField(max_length=2000)


class BeoordelingInvoerSerializer(serializers.Serializer):
    akkoord = serializers.BooleanField()
    toelichting = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class BeleidsversieSerializer(serializers.ModelSerializer):
    class Meta:
        model = Beleidsversie
        fields = ["id", "gemeente", "nummer", "parameter", "waarde", "ingangsdatum", "vastgesteld_op", "voorstel"]
        read_only_fields = fields


class BeleidsvoorstelViewSet(viewsets.GenericViewSet):
    serializer_class = BeleidsvoorstelSerializer
    queryset = Beleidsvoorstel.objects.all()

    def list(self, request):
        services.vereis_inzien(request.user, "beleidsvoorstellen")
        rijen = Beleidsvoorstel.objects.filter(gemeente=services.gemeente()).select_related(
            "voorgesteld_door", "beoordeeld_door").order_by("-voorgesteld_op", "-id")
        pagina = self.paginate_queryset(rijen)
        return self.get_paginated_response(BeleidsvoorstelSerializer(pagina, many=True).data)

    def retrieve(self, request, pk=None):
        services.vereis_inzien(request.user, "beleidsvoorstel", toelichting=f"voorstel {pk}")
        return Response(BeleidsvoorstelSerializer(get_object_or_404(Beleidsvoorstel, pk=pk)).data)

    @extend_schema(request=VoorstelInvoerSerializer, responses={201: BeleidsvoorstelSerializer})
    def create(self, request):
        services.vereis_inzien(request.user, "beleidsvoorstel", toelichting="nieuw voorstel")
        invoer = VoorstelInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        voorstel = services.stel_voor(request.user, **invoer.validated_data)
        return Response(BeleidsvoorstelSerializer(voorstel).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=BeoordelingInvoerSerializer, responses={200: BeleidsvoorstelSerializer})
    @action(detail=True, methods=["post"])
    def beoordelen(self, request, pk=None):
        services.vereis_inzien(request.user, "beleidsvoorstel", toelichting=f"beoordeling {pk}")
        voorstel = get_object_or_404(Beleidsvoorstel, pk=pk)
        invoer = BeoordelingInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        voorstel = services.beoordeel(request.user, voorstel, **invoer.validated_data)
        return Response(BeleidsvoorstelSerializer(voorstel).data)

    @extend_schema(responses={200: dict})
    @action(detail=True, methods=["get"])
    def impact(self, request, pk=None):
        """Aggregates only: counts per household type and income band, yearly cost, example households."""
        services.vereis_inzien(request.user, "beleidsimpact", toelichting=f"voorstel {pk}")
        voorstel = get_object_or_404(Beleidsvoorstel, pk=pk)
        if voorstel.status == VoorstelStatus.GOEDGEKEURD:
            oud = versies.actueel(voorstel.gemeente, tot_en_met=voorstel.versie.nummer - 1)
        else:
            oud = versies.actueel(voorstel.gemeente)
        maand = impact.simulatiemaand(timezone.localdate())
        waarde = voorstel.definitie.naar_regels(voorstel.waarde)
        nieuw = impact.voorgestelde_beleid(oud.wijzigingen, voorstel.parameter, maand, waarde)
        eigen = caseload.simuleer(voorstel.gemeente, oud.wijzigingen, nieuw, maand)
        resultaat = impact.simuleer(voorstel.gemeente, oud.wijzigingen, voorstel.parameter, waarde, maand,
                                    caseload=eigen)
        return Response({**resultaat, "versie_oud": oud.nummer})


class BeleidsversieViewSet(viewsets.GenericViewSet):
    serializer_class = BeleidsversieSerializer
    queryset = Beleidsversie.objects.all()

    def list(self, request):
        services.vereis_inzien(request.user, "beleidsversies")
        rijen = Beleidsversie.objects.filter(gemeente=services.gemeente()).order_by("-nummer")
        pagina = self.paginate_queryset(rijen)
        return self.get_paginated_response(BeleidsversieSerializer(pagina, many=True).data)
