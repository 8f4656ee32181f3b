"""REST endpoints for documents on a zaak (issue 8, point 7); the rules are in `maatwerk.zaken.documenten`.

- `GET  /api/v1/zaken/{id}/documenten/`  the zaak's documents (paginated), withdrawn ones included
- `POST /api/v1/zaken/{id}/documenten/`  attach one (multipart/form-data: `bestand`, `soort`, `omschrijving`);
  201 only after the commit. This is the one endpoint that takes multipart: the file does not count towards
  the API's 1 MB JSON limit (`web/parsers.py`); the document limit (`MAATWERK_DOCUMENT_MAX_BYTES`) is enforced
  while the file streams in (`zaken/upload.py`), and a body far above it is refused unread (413).
- `GET  /api/v1/documenten/{id}/`        metadata
- `GET  /api/v1/documenten/{id}/inhoud/` the bytes: `Content-Disposition: attachment`, the detected type,
  `X-Content-Type-Options: nosniff`
- `POST /api/v1/documenten/{id}/intrekken/` withdraw with a reason (JSON `{"reden": "..."}`)
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, generics, negotiation, parsers, renderers, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from maatwerk.web.paginering import gepagineerd
from maatwerk.zaken import documenten, upload
from maatwerk.zaken.documentmodellen import Document, Documentsoort
from maatwerk.zaken.models import Zaak


class DocumentSerializer(serializers.ModelSerializer):
    soort_label = serializers.CharField(source="get_soort_display", read_only=True)
    bijzondere_persoonsgegevens = serializers.BooleanField(
        read_only=True, help_text="Gegevens over gezondheid (AVG art. 9): een medische verklaring.")
    sha256 = serializers.CharField(read_only=True, help_text="SHA-256 van de inhoud (hexadecimaal).")
    grootte_leesbaar = serializers.CharField(read_only=True)
    geupload_door = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    ingetrokken_door = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    ingetrokken = serializers.BooleanField(read_only=True)

    class Meta:
        model = Document
        fields = ["id", "zaak", "soort", "soort_label", "bijzondere_persoonsgegevens", "bestandsnaam", "inhoudstype",
                  "grootte", "grootte_leesbaar", "sha256", "omschrijving", "bron", "geupload_door", "geupload_op",
                  "ingetrokken", "ingetrokken_op", "ingetrokken_door", "reden_intrekking"]
        read_only_fields = fields


class DocumentInvoerSerializer(serializers.Serializer):
    """Only for the schema: the service checks the input itself (type from the content, Dutch messages)."""

    bestand = serializers.FileField(help_text="PDF, JPEG of PNG (vastgesteld uit de inhoud), ten hoogste 10 MB.")
    soort = serializers.ChoiceField(choices=Documentsoort.choices)
    omschrijving = serializers.CharField(required=False, allow_blank=True, max_length=documenten.MAX_OMSCHRIJVING)


class IntrekkenInvoerSerializer(serializers.Serializer):
    reden = serializers.CharField(max_length=documenten.MAX_OMSCHRIJVING,
                                  help_text="Waarom het document niet bij deze zaak hoort.")


class TeGrootVerzoek(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "te_groot"

    def __init__(self):
        super().__init__({documenten.BESTAND: [documenten.te_groot_bericht()]})


TE_GROOT = OpenApiResponse(
    description="Het verzoek is veel groter dan de grens per document; het is niet gelezen en er is niets opgeslagen.",
    response={"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}})


class ZaakDocumenten(generics.GenericAPIView):
    serializer_class = DocumentSerializer
    parser_classes = [parsers.MultiPartParser]  # a document is a file; the JSON limit of 1 MB does not apply
    queryset = Zaak.objects.select_related("hoofdpersoon")
    lookup_url_kwarg = "pk"

    def initial(self, request, *args, **kwargs):
        # Before authentication: the session's CSRF check reads the body, and the limit must be in place first.
        if request.method == "POST":
            if upload.te_groot_verzoek(request._request):
                raise TeGrootVerzoek()
            self.grens = upload.installeer(request._request)
        super().initial(request, *args, **kwargs)

    @extend_schema(responses=DocumentSerializer(many=True))
    def get(self, request, pk: int):
        rijen = documenten.documenten_van(request.user, self.get_object(), toelichting=request.path[:200])
        return gepagineerd(self, rijen, DocumentSerializer)

    @extend_schema(request={"multipart/form-data": DocumentInvoerSerializer},
                   responses={201: DocumentSerializer, 413: TE_GROOT})
    def post(self, request, pk: int):
        zaak = self.get_object()
        bestand = request.FILES.get(documenten.BESTAND)
        if documenten.BESTAND in self.grens.te_groot:
            documenten.vereis_toevoegen(request.user, zaak, "document toevoegen")  # a stranger still gets 403/404
            raise exceptions.ValidationError({documenten.BESTAND: [documenten.te_groot_bericht()]})
        document = documenten.voeg_toe(request.user, zaak, bestand, soort=str(request.data.get("soort", "")),
                                       omschrijving=str(request.data.get("omschrijving", "")))
        return Response(DocumentSerializer(document).data, status=status.HTTP_201_CREATED)


class ZonderOnderhandeling(negotiation.BaseContentNegotiation):
    """The download answers the document's own bytes and type whatever the client's Accept or ?format= says;
    an error (404, 401) is always JSON, the one documented error format."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def download(document: Document) -> HttpResponse:
    """The stored bytes as an attachment with the detected type; the browser must not guess (nosniff)."""
    antwoord = HttpResponse(documenten.inhoud_van(document), content_type=document.inhoudstype)
    antwoord["Content-Disposition"] = content_disposition_header(True, documenten.downloadnaam(document))
    antwoord["X-Content-Type-Options"] = "nosniff"
    antwoord["Content-Length"] = str(document.grootte)
    return antwoord


class DocumentViewSet(viewsets.GenericViewSet):
    serializer_class = DocumentSerializer
    lookup_value_regex = r"\d+"
    queryset = Document.objects.none()  # every read goes through documenten.document_voor (access + audit)

    def retrieve(self, request, pk=None):
        return Response(DocumentSerializer(documenten.document_voor(request.user, pk)).data)

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY, (200, "image/jpeg"): OpenApiTypes.BINARY,
                              (200, "image/png"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"], renderer_classes=[renderers.JSONRenderer],
            content_negotiation_class=ZonderOnderhandeling)
    def inhoud(self, request, pk=None):
        return download(documenten.document_voor(request.user, pk, wat="download"))

    @extend_schema(request=IntrekkenInvoerSerializer, responses=DocumentSerializer)
    @action(detail=True, methods=["post"])
    def intrekken(self, request, pk=None):
        reden = request.data.get("reden", "") if hasattr(request.data, "get") else ""
        # The service checks the right (404 for who may not see the zaak) and the reason (Dutch field message).
        document = documenten.trek_in(request.user, documenten.document_of_404(pk), reden if isinstance(reden, str) else "")
        return Response(DocumentSerializer(document).data)
