"""REST endpoints of the ambtshalve batch (issue 12 point 4), for the consulent inkomen only.

POST /api/v1/ambtshalve-batches/ {peildatum}: start (or continue) the batch of a peildatum; POST .../{id}/verwerk/:
process the next households (each in its own transaction) and answer the progress; GET .../{id}/uitkomsten/: the
outcomes with the conditions and their grounds (paginated; an audit line per person); GET .../{id}/concepten/: the
concept toekenningen with amount and state (klaar, vier_ogen, vastgesteld, bekendgemaakt); POST .../{id}/vaststellen/
{uitkomsten: [ids]}: vaststellen + bekendmaken those (art. 43 lid 1 Pw; one transaction per household, four eyes per
the mandate table never bypassed), answering a result per household and the progress. Bad input answers 400 naming
the field, a refusal 403 (action) or 404 (data).
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from maatwerk.ambtshalve import batch as batches
from maatwerk.ambtshalve import toegang, vaststelling
from maatwerk.ambtshalve.models import Batch, Uitkomst
from maatwerk.web.paginering import gepagineerd

STAP = 5  # households per verwerk-call: a short request, so the progress bar moves


class BatchSerializer(serializers.ModelSerializer):
    verwerkt = serializers.IntegerField(read_only=True)
    samenvatting = serializers.SerializerMethodField()

    class Meta:
        model = Batch
        fields = ["id", "peildatum", "totaal", "verwerkt", "klaar_op", "gestart_op", "samenvatting"]
        read_only_fields = fields

    def get_samenvatting(self, obj) -> dict[str, int]:
        return batches.samenvatting(obj)


class StartSerializer(serializers.Serializer):
    peildatum = serializers.CharField(max_length=20, error_messages={
        "blank": "Vul de peildatum in (JJJJ-MM-DD).", "required": "Vul de peildatum in (JJJJ-MM-DD)."})


class UitkomstSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="hoofdpersoon.naam", read_only=True)
    soort_label = serializers.CharField(source="get_soort_display", read_only=True)

    class Meta:
        model = Uitkomst
        fields = ["id", "huishouden", "naam", "soort", "soort_label", "reden", "voorwaarden", "bekend_uit", "zaak"]
        read_only_fields = fields


class ConceptSerializer(serializers.Serializer):
    uitkomst = serializers.IntegerField(source="uitkomst.pk")
    huishouden = serializers.IntegerField(source="uitkomst.huishouden_id")
    naam = serializers.CharField(source="uitkomst.hoofdpersoon.naam")
    zaak = serializers.IntegerField(source="uitkomst.zaak_id", allow_null=True)
    besluit = serializers.CharField(source="besluit.kenmerk", allow_null=True, default=None)
    bedrag = serializers.DecimalField(max_digits=10, decimal_places=2, allow_null=True)
    status = serializers.CharField()
    status_label = serializers.CharField(source="label")
    vier_ogen_redenen = serializers.ListField(child=serializers.CharField(), source="redenen")
    voorwaarden = serializers.JSONField(source="uitkomst.voorwaarden")


class VaststellenSerializer(serializers.Serializer):
    uitkomsten = serializers.ListField(child=serializers.IntegerField(min_value=1, max_value=2**63 - 1, error_messages={
        "invalid": "Geef de nummers (uitkomst) van de huishoudens uit de lijst.",
        "min_value": "Geef de nummers (uitkomst) van de huishoudens uit de lijst.",
        "max_value": "Geef de nummers (uitkomst) van de huishoudens uit de lijst."}), allow_empty=False, max_length=500,
        error_messages={"required": "Kies ten minste één huishouden (uitkomsten).",
                        "empty": "Kies ten minste één huishouden (uitkomsten).",
                        "not_a_list": "Geef een lijst met nummers (uitkomsten).",
                        "max_length": "Kies ten hoogste 500 huishoudens per keer."})


class ResultaatSerializer(serializers.Serializer):
    uitkomst = serializers.IntegerField(source="uitkomst.pk")
    naam = serializers.CharField(source="uitkomst.hoofdpersoon.naam")
    status = serializers.CharField()
    status_label = serializers.CharField(source="label")
    melding = serializers.CharField()


class VaststellenAntwoordSerializer(serializers.Serializer):
    resultaten = ResultaatSerializer(many=True)
    voortgang = serializers.DictField(child=serializers.IntegerField())


class BatchViewSet(viewsets.GenericViewSet):
    serializer_class = BatchSerializer
    queryset = Batch.objects.all()

    def list(self, request):
        toegang.vereis(request.user, toegang.VIEW, onderwerp="ambtshalve batches")
        return gepagineerd(self, Batch.objects.order_by("-peildatum"), BatchSerializer)

    @extend_schema(request=StartSerializer, responses={201: BatchSerializer})
    def create(self, request):
        toegang.vereis(request.user, toegang.CREATE, onderwerp="ambtshalve batch")
        invoer = StartSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        batch = batches.start(request.user, batches.parse_peildatum(invoer.validated_data["peildatum"]))
        return Response(BatchSerializer(batch).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: BatchSerializer})
    @action(detail=True, methods=["post"])
    def verwerk(self, request, pk=None):
        toegang.vereis(request.user, toegang.CHANGE, onderwerp="ambtshalve batch", toelichting=f"batch {pk}")
        batch = batches.verwerk(get_object_or_404(Batch, pk=pk), request.user, hoeveel=STAP)
        return Response(BatchSerializer(batch).data)

    @extend_schema(responses={200: UitkomstSerializer(many=True)})
    @action(detail=True, methods=["get"])
    def uitkomsten(self, request, pk=None):
        toegang.vereis(request.user, toegang.VIEW, onderwerp="ambtshalve uitkomsten", toelichting=f"batch {pk}")
        batch = get_object_or_404(Batch, pk=pk)
        rijen = batch.uitkomsten.select_related("hoofdpersoon").order_by("id")
        pagina = self.paginate_queryset(rijen)
        toegang.log_inwoners(request.user, [u.hoofdpersoon for u in pagina], onderwerp="ambtshalve uitkomst")
        return self.get_paginated_response(UitkomstSerializer(pagina, many=True).data)

    @extend_schema(responses={200: ConceptSerializer(many=True)})
    @action(detail=True, methods=["get"])
    def concepten(self, request, pk=None):
        toegang.vereis(request.user, toegang.VIEW, onderwerp="ambtshalve concept-toekenningen", toelichting=f"batch {pk}")
        batch = get_object_or_404(Batch, pk=pk)
        pagina = self.paginate_queryset(vaststelling.concepten(batch))
        return self.get_paginated_response(ConceptSerializer(vaststelling.rijen(request.user, pagina), many=True).data)

    @extend_schema(request=VaststellenSerializer, responses={200: VaststellenAntwoordSerializer})
    @action(detail=True, methods=["post"])
    def vaststellen(self, request, pk=None):
        toegang.vereis(request.user, toegang.CHANGE, onderwerp="ambtshalve vaststellen", toelichting=f"batch {pk}")
        batch = get_object_or_404(Batch, pk=pk)
        invoer = VaststellenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        resultaten = vaststelling.verstuur(batch, request.user, invoer.validated_data["uitkomsten"])
        return Response(VaststellenAntwoordSerializer(
            {"resultaten": resultaten, "voortgang": vaststelling.voortgang(batch)}).data)
