"""REST endpoints of the adviesraad (issue 12, point 6): requests, the advice point by point, the college's answer,
a correction of that answer (art. 3:8 lid 7 again) and the step to the gemeenteraad (art. 3:3 lid 1).

The services decide; bad input answers 400 with the field, a refusal 403, a step out of order 409. No personal
data: the names of staff are not exposed, only whether and when something happened.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from maatwerk.adviesraad import services
from maatwerk.adviesraad.models import Adviesaanvraag, Adviespunt, EerderAntwoord, Raadsverstrekking, Reactie
from maatwerk.zaken.fouten import ProcedureFout


class EerderAntwoordSerializer(serializers.ModelSerializer):
    """An answer as it stood before a correction; who corrected it is not exposed (no staff names)."""

    class Meta:
        model = EerderAntwoord
        fields = ["reactie", "antwoord", "motivering", "beantwoord_op", "gecorrigeerd_op", "reden"]
        read_only_fields = fields


class AdviespuntSerializer(serializers.ModelSerializer):
    eerdere_antwoorden = EerderAntwoordSerializer(many=True, read_only=True)

    class Meta:
        model = Adviespunt
        fields = ["id", "volgnummer", "kop", "tekst", "reactie", "antwoord", "motivering", "beantwoord_op",
                  "gecorrigeerd_op", "eerdere_antwoorden"]
        read_only_fields = fields


class RaadsverstrekkingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Raadsverstrekking
        fields = ["stuk", "verstrekt_op"]
        read_only_fields = fields


class AdviesaanvraagSerializer(serializers.ModelSerializer):
    termijn_einde = serializers.SerializerMethodField()
    stand = serializers.SerializerMethodField()
    uitgebracht_op = serializers.DateField(source="advies.uitgebracht_op", read_only=True, default=None)
    punten = AdviespuntSerializer(source="advies.punten", many=True, read_only=True, default=list)
    aan_gemeenteraad = RaadsverstrekkingSerializer(source="advies.raadsverstrekkingen", many=True, read_only=True,
                                                   default=list)

    class Meta:
        model = Adviesaanvraag
        fields = ["id", "onderwerp", "vraag", "documenten", "verzonden_op", "ontvangen_op", "uitstel_weken",
                  "uitstel_reden", "termijn_einde", "stand", "uitgebracht_op", "punten", "aan_gemeenteraad"]
        read_only_fields = fields

    def get_termijn_einde(self, obj) -> str:
        return services.termijn(obj).einde.isoformat()

    def get_stand(self, obj) -> str:
        return services.status_tekst(obj)


class AanvraagInvoerSerializer(serializers.Serializer):
    # Plain types: the service checks the values and names the field in Dutch (one place for the rules).
    onderwerp = serializers.CharField(max_length=200)
    vraag = serializers.CharField(max_length=5000)
    documenten = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    verzonden_op = serializers.DateField()
    ontvangen_op = serializers.DateField()


class PuntInvoerSerializer(serializers.Serializer):
    kop = serializers.CharField(max_length=200)
    tekst = serializers.CharField(max_length=5000)


class AdviesInvoerSerializer(serializers.Serializer):
    uitgebracht_op = serializers.DateField()
    punten = PuntInvoerSerializer(many=True, allow_empty=False, max_length=services.MAX_PUNTEN)


class AntwoordInvoerSerializer(serializers.Serializer):
    reactie = serializers.ChoiceField(choices=Reactie.choices)
    antwoord = serializers.CharField(max_length=5000)
    motivering = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    beantwoord_op = serializers.DateField(required=False, default=None)


class CorrectieInvoerSerializer(AntwoordInvoerSerializer):
    # The same fields as the first answer (art. 3:8 lid 7 applies again), plus why; the service checks the rest.
    beantwoord_op = None
    reden = serializers.CharField(max_length=5000)
    gecorrigeerd_op = serializers.DateField(required=False, default=None)


class RaadInvoerSerializer(serializers.Serializer):
    # `stuk` as plain text: the service names a wrong value in Dutch (one place for the rule).
    stuk = serializers.CharField(max_length=10, help_text="advies (secretaris) of antwoord (college)")
    verstrekt_op = serializers.DateField()


class AdviesaanvraagViewSet(viewsets.GenericViewSet):
    serializer_class = AdviesaanvraagSerializer
    queryset = Adviesaanvraag.objects.all()

    def list(self, request):
        services.vereis_inzien(request.user, "adviesaanvragen")
        rijen = Adviesaanvraag.objects.select_related("advies").prefetch_related(
            "advies__punten__eerdere_antwoorden", "advies__raadsverstrekkingen").order_by("-ontvangen_op", "-id")
        pagina = self.paginate_queryset(rijen)
        return self.get_paginated_response(AdviesaanvraagSerializer(pagina, many=True).data)

    def retrieve(self, request, pk=None):
        services.vereis_inzien(request.user, "adviesaanvraag", toelichting=f"aanvraag {pk}")
        return Response(AdviesaanvraagSerializer(get_object_or_404(Adviesaanvraag, pk=pk)).data)

    @extend_schema(request=AanvraagInvoerSerializer, responses={201: AdviesaanvraagSerializer})
    def create(self, request):
        services.vereis_inzien(request.user, "adviesaanvraag", toelichting="nieuwe aanvraag")
        invoer = AanvraagInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        aanvraag = services.vraag_advies(request.user, **invoer.validated_data)
        return Response(AdviesaanvraagSerializer(aanvraag).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=AdviesInvoerSerializer, responses={201: AdviesaanvraagSerializer})
    @action(detail=True, methods=["post"])
    def advies(self, request, pk=None):
        services.vereis_inzien(request.user, "advies", toelichting=f"aanvraag {pk}")
        aanvraag = get_object_or_404(Adviesaanvraag, pk=pk)
        invoer = AdviesInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        services.leg_advies_vast(request.user, aanvraag, **invoer.validated_data)
        aanvraag = Adviesaanvraag.objects.get(pk=aanvraag.pk)
        return Response(AdviesaanvraagSerializer(aanvraag).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=RaadInvoerSerializer, responses={201: AdviesaanvraagSerializer})
    @action(detail=True, methods=["post"])
    def raad(self, request, pk=None):
        """Art. 3:3 lid 1: the advice (secretary) or the college's answer (beleidsmedewerker) went to the
        gemeenteraad ter kennisname; which of the two decides the right, in the service."""
        services.vereis_inzien(request.user, "advies (gemeenteraad)", toelichting=f"aanvraag {pk}")
        aanvraag = get_object_or_404(Adviesaanvraag, pk=pk)
        invoer = RaadInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        advies = services.advies_van(aanvraag)
        if advies is None:
            raise ProcedureFout("De Adviesraad heeft over deze aanvraag nog geen advies uitgebracht.",
                                code="nog_geen_advies")
        services.verstrek_aan_raad(request.user, advies, **invoer.validated_data)
        aanvraag = Adviesaanvraag.objects.get(pk=aanvraag.pk)
        return Response(AdviesaanvraagSerializer(aanvraag).data, status=status.HTTP_201_CREATED)


class AdviespuntViewSet(viewsets.GenericViewSet):
    serializer_class = AdviespuntSerializer
    queryset = Adviespunt.objects.all()

    @extend_schema(request=AntwoordInvoerSerializer, responses={200: AdviespuntSerializer})
    @action(detail=True, methods=["post"])
    def antwoord(self, request, pk=None):
        services.vereis_inzien(request.user, "advies", toelichting=f"antwoord op punt {pk}")
        punt = get_object_or_404(Adviespunt.objects.select_related("advies__aanvraag"), pk=pk)
        invoer = AntwoordInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        d = invoer.validated_data
        punt = services.beantwoord(request.user, punt, reactie=d["reactie"], antwoord=d["antwoord"],
                                   motivering=d["motivering"], beantwoord_op=d["beantwoord_op"] or timezone.localdate())
        return Response(AdviespuntSerializer(punt).data)

    @extend_schema(request=CorrectieInvoerSerializer, responses={200: AdviespuntSerializer})
    @action(detail=True, methods=["post"])
    def correctie(self, request, pk=None):
        """Correct the college's answer with a reason; the earlier answer is kept (`eerdere_antwoorden`)."""
        services.vereis_inzien(request.user, "advies", toelichting=f"correctie antwoord op punt {pk}")
        punt = get_object_or_404(Adviespunt.objects.select_related("advies__aanvraag"), pk=pk)
        invoer = CorrectieInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        punt = services.corrigeer_antwoord(request.user, punt, **invoer.validated_data)
        return Response(AdviespuntSerializer(Adviespunt.objects.get(pk=punt.pk)).data)
