"""REST endpoints of the verlaging (afstemming) on a zaak of algemene bijstand (issue 11; Verordening Sociaal Domein
Lansingerland 2018, artikelen 7:11-7:28). The same service as the page (`besluiten.verlaging`): it checks access,
the facts and horen (7:14), lets the Regelkern compute, and writes the audit log.

- `GET/POST /api/v1/zaken/{id}/verlagingen/`                       the verlagingen of the zaak (paginated) / record one
- `GET      /api/v1/zaken/{id}/verlagingen/{verlaging}/`           one, with resultaat, uitleg, the elements of 7:13
                                                                   with their source and the amount per month (7:22)
- `POST     /api/v1/zaken/{id}/verlagingen/{verlaging}/besluit/`   draft the besluit tot verlaging (or afzien, 7:15
                                                                   lid 3); it then goes through /api/v1/besluiten/

Access as on the page: the consulent Inkomen of the zaak and the handhaver; drafting the besluit only the consulent.
Whoever may not see the zaak gets 404. Errors as everywhere in the API (`maatwerk.web.fouten`): bad input 400 with
Dutch messages per field, a step the procedure does not allow (no running algemene bijstand, a besluit already
drafted) 409.

The serializers are plain lists of the model's fields (`FEITEN`, `BEREKEND`): a new fact of the ordinance on the
model is one more name in a list.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from maatwerk.besluiten import verlaging as verlagingen
from maatwerk.besluiten.serializers import BesluitSerializer
from maatwerk.besluiten.verlaging_models import Verlaging
from maatwerk.toegang import beleid
from maatwerk.web.paginering import gepagineerd
from maatwerk.zaken.models import Zaak

# The facts the consulent or handhaver records (the inputs of `maatwerk.regels.variables.afstemming`).
FEITEN = [
    "gedraging", "gedraging_tevens", "omschrijving", "datum_gedraging", "datum_constatering", "benadelingsbedrag",
    "benadelingsbedrag_niet_vast_te_stellen", "verwijtbaarheid", "verwijtbaarheid_toelichting", "horen", "horen_datum",
    "horen_wijze", "horen_toelichting", "dringende_redenen", "dringende_redenen_toelichting", "afwijken",
    "afwijkend_percentage", "afwijking_reden", "vorige_gedraging", "vorige_bekendmaking", "vorige_percentage",
    "vorige_duur_maanden", "geplande_bekendmaking",
    # Samenloop and grondslag (7:16 lid 2, 7:17 lid 2, 7:26 lid 3, 7:28).
    "bestuurlijke_boete", "bestuurlijke_boete_kenmerk", "bestuurlijke_boete_toelichting", "weigering_ioaw_ioaz",
    "weigering_ioaw_ioaz_toelichting", "terugwerkende_kracht", "terugwerkende_kracht_grond",
    "terugwerkende_kracht_toelichting", "grondslag_keuze", "verleende_bijzondere_bijstand", "grondslag_toelichting",
]
# What the Regelkern computed from them (never written through the API).
BEREKEND = ["opgelegd", "elementen", "maanden", "niet_uitgevoerd"]  # niet_uitgevoerd: the rest the benefit could not bear
UITLEG = ["resultaat", "uitleg"]


class VerlagingInvoerSerializer(serializers.ModelSerializer):
    """Shapes only (types, the lists of choices, lengths): every field is optional here, because the service names
    what is missing with the article that asks for it (7:14, 7:13 onder d, 7:15 lid 2, 7:23 lid 2)."""

    casustafel = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=2**31 - 1,
                                          help_text="Nummer van de casustafel die tot verlaging besloot (als die er is).")

    class Meta:
        model = Verlaging
        fields = [*FEITEN, "casustafel"]

    def build_field(self, field_name, info, model_class, nested_depth):
        klasse, kwargs = super().build_field(field_name, info, model_class, nested_depth)
        kwargs["required"] = False
        kwargs.pop("default", None)
        if issubclass(klasse, (serializers.CharField, serializers.ChoiceField)):
            kwargs["allow_blank"] = True
        if issubclass(klasse, serializers.ChoiceField):  # the field's name, never the typed value echoed back
            naam = model_class._meta.get_field(field_name).verbose_name
            kwargs["error_messages"] = {"invalid_choice": f"Kies uit de lijst: {naam}."}
        if not issubclass(klasse, serializers.BooleanField):
            kwargs["allow_null"] = True
        return klasse, kwargs


class ElementSerializer(serializers.Serializer):
    """One element of the besluit (artikel 7:13, onder a tot en met d) with the rule it comes from."""

    onderdeel = serializers.CharField(help_text="a, b, c of d van artikel 7:13 (leeg als er geen verlaging is)")
    naam = serializers.CharField()
    tekst = serializers.CharField()
    bron = serializers.CharField(help_text="Het artikel waarop het element berust")
    soort = serializers.CharField(help_text="wet, verordening of discretie")


class MaandSerializer(serializers.Serializer):
    maand = serializers.CharField(help_text="JJJJ-MM")
    bedrag = serializers.DecimalField(max_digits=12, decimal_places=2, help_text="Verlaging in die maand (artikel 7:22)")


class VerlagingSerializer(serializers.ModelSerializer):
    gedraging_label = serializers.CharField(source="get_gedraging_display", read_only=True)
    elementen = ElementSerializer(many=True, read_only=True)
    maanden = MaandSerializer(many=True, read_only=True)
    besluit_kenmerk = serializers.SerializerMethodField()
    vastgelegd_door = serializers.CharField(source="vastgelegd_door.get_username", read_only=True)

    class Meta:
        model = Verlaging
        fields = ["id", "zaak", "casustafel", "gedraging_label", *FEITEN, *BEREKEND, "besluit", "besluit_kenmerk",
                  "vastgelegd_door", "vastgelegd_op"]
        read_only_fields = fields

    def get_fields(self):
        # A read-only field loses allow_blank (DRF), so the schema would promise a choice where "" is stored
        # (gedraging_tevens, vorige_gedraging): put it back from the model.
        velden = super().get_fields()
        for naam, veld in velden.items():
            if naam in FEITEN and isinstance(veld, serializers.CharField | serializers.ChoiceField):
                veld.allow_blank = Verlaging._meta.get_field(naam).blank
        return velden

    def get_besluit_kenmerk(self, obj) -> str | None:
        return obj.besluit.kenmerk if obj.besluit_id else None


class VerlagingDetailSerializer(VerlagingSerializer):
    resultaat = serializers.DictField(read_only=True, help_text="De uitkomsten van de Regelkern (variabele: waarde)")
    uitleg = serializers.DictField(read_only=True, help_text="Per variabele de uitleg van de Regelkern met de regel")

    class Meta(VerlagingSerializer.Meta):
        fields = [*VerlagingSerializer.Meta.fields, *UITLEG]
        read_only_fields = fields


class _ZaakVerlaging(generics.GenericAPIView):
    serializer_class = VerlagingSerializer

    def _zaak(self, pk: int) -> Zaak:
        zaak = Zaak.objects.select_related("hoofdpersoon").filter(pk=pk).first()
        if zaak is None:
            raise NotFound()
        return zaak

    def _verlaging(self, request, pk: int, verlaging: int) -> Verlaging:
        """The verlaging of this zaak: access checked and logged first (404 for whoever may not see the zaak), so a
        wrong number answers the same for everyone."""
        zaak = self._zaak(pk)
        verlagingen.vereis(request.user, zaak, beleid.VIEW, toelichting=f"verlaging {verlaging} (API)")
        v = Verlaging.objects.select_related("zaak", "zaak__hoofdpersoon", "besluit", "vastgelegd_door").filter(
            pk=verlaging, zaak=zaak).first()
        if v is None:
            raise NotFound()
        return v


class ZaakVerlagingen(_ZaakVerlaging):
    @extend_schema(summary="De verlagingen (afstemming) van een zaak algemene bijstand",
                   responses=VerlagingSerializer(many=True))
    def get(self, request, pk: int):
        zaak = self._zaak(pk)
        verlagingen.vereis(request.user, zaak, beleid.VIEW, toelichting="verlagingen (API)")
        rijen = zaak.verlagingen.select_related("besluit", "vastgelegd_door").order_by("id")
        return gepagineerd(self, rijen, VerlagingSerializer)

    @extend_schema(summary="Een gedraging vastleggen en de verlaging laten berekenen (artikelen 7:11-7:28)",
                   request=VerlagingInvoerSerializer, responses={201: VerlagingDetailSerializer})
    def post(self, request, pk: int):
        zaak = self._zaak(pk)
        if not verlagingen._grond(request.user, zaak).toegestaan:
            # Refused before the input is read: who may not record here learns nothing from a 400 (logged).
            verlagingen.vereis(request.user, zaak, beleid.CREATE, toelichting="verlaging vastleggen (API)")
        invoer = VerlagingInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = dict(invoer.validated_data)
        tafel = _casustafel(gegevens.pop("casustafel", None))
        v = verlagingen.leg_vast(request.user, zaak, gegevens, casustafel=tafel)
        return Response(VerlagingDetailSerializer(v).data, status=status.HTTP_201_CREATED)


class ZaakVerlaging(_ZaakVerlaging):
    serializer_class = VerlagingDetailSerializer

    @extend_schema(summary="Een verlaging met de berekening, de uitleg en de onderdelen van artikel 7:13",
                   responses=VerlagingDetailSerializer)
    def get(self, request, pk: int, verlaging: int):
        return Response(VerlagingDetailSerializer(self._verlaging(request, pk, verlaging)).data)


class ZaakVerlagingBesluit(_ZaakVerlaging):
    serializer_class = BesluitSerializer

    @extend_schema(summary="Het besluit tot verlaging opstellen (of afzien met een brief, artikel 7:15 lid 3)",
                   request=None, responses={201: BesluitSerializer})
    def post(self, request, pk: int, verlaging: int):
        v = self._verlaging(request, pk, verlaging)
        besluit = verlagingen.stel_besluit_op(v, request.user)
        return Response(BesluitSerializer(besluit).data, status=status.HTTP_201_CREATED)


def _casustafel(nummer: int | None):
    from maatwerk.handhaving.models import Casustafel

    if nummer is None:
        return None
    tafel = Casustafel.objects.select_related("signaal").filter(pk=nummer).first()
    if tafel is None:
        raise ValidationError({"casustafel": ["Er is geen casustafel met dit nummer."]})
    return tafel
