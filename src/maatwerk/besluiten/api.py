"""REST endpoints under /api/v1/: besluiten (with their letter as HTML and PDF), bezwaren, briefsjablonen.

Views translate HTTP to the services; the rules live in the services. Errors follow the core handler
(maatwerk.web.fouten): 400 with Dutch field errors, 403 access refused, 409 a rule does not allow it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from maatwerk.besluiten import bezwaar as bezwaarservice
from maatwerk.besluiten import ontvangstbewijs as bewijsmodule
from maatwerk.besluiten import serializers as s
from maatwerk.besluiten import services, sjabloonbeheer
from maatwerk.besluiten.models import Besluit, Bezwaarschrift, BriefSjabloon, Overweging
from maatwerk.brieven.pdf import html_naar_pdf
from maatwerk.toegang import beleid, rechten
from maatwerk.toegang.rollen import BEHEERDER, heeft_rol
from maatwerk.web.beveiliging import brief_antwoord
from maatwerk.web.paginering import gepagineerd
from maatwerk.zaken.models import Zaak


def valideer(serializer_class, data) -> dict:
    ser = serializer_class(data=data)
    ser.is_valid(raise_exception=True)
    return dict(ser.validated_data)


def _bestaand(model, pk: int, veld: str):
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        raise ValidationError({veld: [f"Onbekende {model._meta.verbose_name} ({pk})."]})
    return obj


class BesluitViewSet(viewsets.GenericViewSet):
    serializer_class = s.BesluitSerializer
    queryset = Besluit.objects.select_related("zaak", "zaak__hoofdpersoon", "opgesteld_door")
    lookup_value_regex = r"\d+"

    def _besluit(self, request, onderwerp="besluit") -> Besluit:
        besluit = self.get_object()
        beleid.vereis_zaak(request.user, besluit.zaak, beleid.VIEW, onderwerp=onderwerp, toelichting=request.path[:200])
        return besluit

    def _antwoord(self, besluit: Besluit, code=status.HTTP_200_OK) -> Response:
        besluit = Besluit.objects.get(pk=besluit.pk)
        return Response(s.BesluitSerializer(besluit).data, status=code)

    def list(self, request):
        qs = self.get_queryset().filter(zaak__in=beleid.zichtbare_zaken(request.user)).order_by("-id")
        zaak = request.query_params.get("zaak")
        if zaak:
            if not zaak.isdigit():
                raise ValidationError({"zaak": ["Geef het nummer van een zaak."]})
            qs = qs.filter(zaak_id=int(zaak))
        pagina = self.paginate_queryset(qs)
        beleid.log_lijst_zaken(request.user, [b.zaak for b in pagina], toelichting=request.get_full_path()[:200])
        return self.get_paginated_response(s.BesluitSerializer(pagina, many=True).data)

    def retrieve(self, request, pk=None):
        return Response(s.BesluitSerializer(self._besluit(request)).data)

    @extend_schema(request=s.BesluitInvoerSerializer, responses={201: s.BesluitSerializer})
    def create(self, request):
        data = valideer(s.BesluitInvoerSerializer, request.data)
        zaak = beleid.verwijzing(request.user, Zaak, data["zaak"], veld="zaak")  # invisible answers like unknown
        return self._antwoord(services.opstellen(zaak, request.user, soort=data.get("soort")), status.HTTP_201_CREATED)

    @extend_schema(request=s.BesluitWijzigSerializer, responses=s.BesluitSerializer)
    def partial_update(self, request, pk=None):
        besluit = self.get_object()
        return self._antwoord(services.wijzigen(besluit, request.user, **valideer(s.BesluitWijzigSerializer, request.data)))

    @extend_schema(request=s.OverwegingInvoerSerializer, responses={201: s.OverwegingSerializer})
    @action(detail=True, methods=["post"])
    def overwegingen(self, request, pk=None):
        o = services.overweging_toevoegen(self.get_object(), request.user, **valideer(s.OverwegingInvoerSerializer, request.data))
        return Response(s.OverwegingSerializer(o).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.OverwegingWijzigSerializer, responses=s.OverwegingSerializer)
    @action(detail=True, methods=["patch", "delete"], url_path=r"overwegingen/(?P<overweging>\d+)")
    def overweging(self, request, pk=None, overweging=None):
        besluit = self.get_object()
        o = Overweging.objects.filter(pk=int(overweging), besluit=besluit).first()
        if o is None:
            raise ValidationError({"overweging": [f"Besluit {besluit.kenmerk} heeft geen overweging {overweging}."]})
        if request.method == "DELETE":
            services.overweging_verwijderen(o, request.user)
            return Response(status=status.HTTP_204_NO_CONTENT)
        o = services.overweging_wijzigen(o, request.user, **valideer(s.OverwegingWijzigSerializer, request.data))
        return Response(s.OverwegingSerializer(o).data)

    @extend_schema(request=s.GoedkeurenSerializer, responses={201: s.BesluitGoedkeuringSerializer})
    @action(detail=True, methods=["post"])
    def goedkeuren(self, request, pk=None):
        g = services.goedkeuren(self.get_object(), request.user, **valideer(s.GoedkeurenSerializer, request.data))
        return Response(s.BesluitGoedkeuringSerializer(g).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.DatumSerializer, responses=s.BesluitSerializer)
    @action(detail=True, methods=["post"])
    def vaststellen(self, request, pk=None):
        return self._antwoord(services.vaststellen(self.get_object(), request.user, **valideer(s.DatumSerializer, request.data)))

    @extend_schema(request=s.DatumSerializer, responses={201: s.BesluitSerializer})
    @action(detail=True, methods=["post"])
    def bekendmaken(self, request, pk=None):
        besluit = self.get_object()
        services.bekendmaken(besluit, request.user, **valideer(s.DatumSerializer, request.data))
        return self._antwoord(besluit, status.HTTP_201_CREATED)

    @extend_schema(request=s.RedenSerializer, responses=s.BesluitSerializer)
    @action(detail=True, methods=["post"])
    def vervallen(self, request, pk=None):
        return self._antwoord(services.laat_vervallen(self.get_object(), request.user, **valideer(s.RedenSerializer, request.data)))

    @extend_schema(request=s.NieuwBesluitSerializer, responses={201: s.BesluitSerializer})
    @action(detail=True, methods=["post"], url_path="nieuw-besluit")
    def nieuw_besluit(self, request, pk=None):
        nieuw = services.stel_nieuw_besluit_op(self.get_object(), request.user, **valideer(s.NieuwBesluitSerializer, request.data))
        return self._antwoord(nieuw, status.HTTP_201_CREATED)

    @extend_schema(responses={(200, "text/html"): OpenApiResponse(OpenApiTypes.STR, description="De brief als HTML")})
    @action(detail=True, methods=["get"])
    def brief(self, request, pk=None):
        """The sent letter (stored, unchanged); before bekendmaking a concept rendered now."""
        html = services.voorbeeld_html(self.get_object(), request.user)
        return brief_antwoord(html)

    @extend_schema(responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="De brief als PDF")})
    @action(detail=True, methods=["get"], url_path="brief/pdf")
    def brief_pdf(self, request, pk=None):
        besluit = self.get_object()
        if besluit.is_bekendgemaakt:
            brief = services.brief_van(besluit, request.user)
            pdf, naam = bytes(brief.pdf), f"besluit-{besluit.kenmerk}.pdf"
        else:
            pdf, naam = html_naar_pdf(services.voorbeeld_html(besluit, request.user)), f"concept-{besluit.kenmerk}.pdf"
        antwoord = HttpResponse(pdf, content_type="application/pdf")
        antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
        return antwoord

    @extend_schema(
        parameters=[OpenApiParameter("herbereken", str, enum=["0", "1"], required=False,
                                     description="1: bereken opnieuw uit het ontvangstbewijs met de regels van nu "
                                                 "(niets wordt opgeslagen).")],
        responses=s.OntvangstbewijsSerializer,
    )
    @action(detail=True, methods=["get"])
    def ontvangstbewijs(self, request, pk=None):
        """What the besluit was computed from, fixed at vaststelling (issue 8.5). 409 for a concept or a besluit
        vastgesteld before receipts existed."""
        bewijs = bewijsmodule.lees(self.get_object(), request.user)  # access and audit as for the besluit
        vraag = valideer(s.HerberekenVraagSerializer, request.query_params)
        if vraag.get("herbereken") == "1":
            bewijs.herberekening = bewijsmodule.herbereken(bewijs)
        return Response(s.OntvangstbewijsSerializer(bewijs).data)


class BezwaarViewSet(viewsets.GenericViewSet):
    serializer_class = s.BezwaarSerializer
    queryset = Bezwaarschrift.objects.select_related("besluit", "besluit__zaak", "besluit__zaak__hoofdpersoon")
    lookup_value_regex = r"\d+"

    def _antwoord(self, bezwaar, code=status.HTTP_200_OK) -> Response:
        return Response(s.BezwaarSerializer(Bezwaarschrift.objects.get(pk=bezwaar.pk)).data, status=code)

    def list(self, request):
        qs = self.get_queryset().filter(besluit__zaak__in=beleid.zichtbare_zaken(request.user)).order_by("-id")
        pagina = self.paginate_queryset(qs)
        beleid.log_lijst_zaken(request.user, [b.besluit.zaak for b in pagina], toelichting=request.get_full_path()[:200])
        return self.get_paginated_response(s.BezwaarSerializer(pagina, many=True).data)

    def retrieve(self, request, pk=None):
        bezwaar = self.get_object()
        beleid.vereis_zaak(request.user, bezwaar.besluit.zaak, beleid.VIEW, onderwerp="bezwaar", toelichting=request.path[:200])
        return Response(s.BezwaarSerializer(bezwaar).data)

    @extend_schema(request=s.BezwaarInvoerSerializer, responses={201: s.BezwaarSerializer})
    def create(self, request):
        data = valideer(s.BezwaarInvoerSerializer, request.data)
        pk = data.pop("besluit")
        besluit = _bestaand(Besluit, pk, "besluit")
        # The jurist registers on a besluit before he may see its zaak (rights table: bezwaar_registreren "op een
        # bekendgemaakt besluit"); anyone else needs to see the zaak. Otherwise the besluit answers like an unknown
        # one (issue 7).
        magregistreren = beleid.grond_zaak(request.user, besluit.zaak, beleid.CHANGE,
                                           handeling=rechten.BEZWAAR_REGISTREREN).toegestaan
        try:
            if not magregistreren:
                beleid.verwijzing(request.user, Zaak, besluit.zaak_id, veld="besluit")
        except ValidationError:
            raise ValidationError({"besluit": [f"Onbekende {Besluit._meta.verbose_name} ({pk})."]}) from None
        return self._antwoord(bezwaarservice.registreer(besluit, request.user, **data), status.HTTP_201_CREATED)

    @extend_schema(request=s.VerschoonbaarheidSerializer, responses=s.BezwaarSerializer)
    @action(detail=True, methods=["post"])
    def verschoonbaarheid(self, request, pk=None):
        return self._antwoord(bezwaarservice.beoordeel_verschoonbaarheid(
            self.get_object(), request.user, **valideer(s.VerschoonbaarheidSerializer, request.data)))

    @extend_schema(request=s.BehandelingSerializer, responses=s.BezwaarSerializer)
    @action(detail=True, methods=["post"])
    def behandeling(self, request, pk=None):
        data = valideer(s.BehandelingSerializer, request.data)
        return self._antwoord(bezwaarservice.wijzig_behandeling(self.get_object(), request.user, **data))

    @extend_schema(request=s.HorenSerializer, responses=s.BezwaarSerializer)
    @action(detail=True, methods=["post"])
    def horen(self, request, pk=None):
        return self._antwoord(bezwaarservice.leg_horen_vast(self.get_object(), request.user, **valideer(s.HorenSerializer, request.data)))

    @extend_schema(request=s.BeslissenSerializer, responses=s.BezwaarSerializer)
    @action(detail=True, methods=["post"])
    def beslissen(self, request, pk=None):
        bezwaar, _ = bezwaarservice.beslis(self.get_object(), request.user, **valideer(s.BeslissenSerializer, request.data))
        return self._antwoord(bezwaar)


    @extend_schema(responses={(200, "text/html"): OpenApiResponse(OpenApiTypes.STR, description="De brief als HTML")})
    @action(detail=True, methods=["get"])
    def brief(self, request, pk=None):
        """The letter on the bezwaar (ongegrond / niet-ontvankelijk), exactly as sent."""
        brief = bezwaarservice.brief_van(self.get_object(), request.user)
        return brief_antwoord(brief.html)

    @extend_schema(responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="De brief als PDF")})
    @action(detail=True, methods=["get"], url_path="brief/pdf")
    def brief_pdf(self, request, pk=None):
        bezwaar = self.get_object()
        brief = bezwaarservice.brief_van(bezwaar, request.user)
        antwoord = HttpResponse(bytes(brief.pdf), content_type="application/pdf")
        antwoord["Content-Disposition"] = f'attachment; filename="beslissing-op-bezwaar-{bezwaar.kenmerk}.pdf"'
        return antwoord


class BriefSjabloonViewSet(viewsets.GenericViewSet):
    """Letter templates: read by everyone with a role, new versions only by the beheerder."""

    serializer_class = s.BriefSjabloonSerializer
    queryset = BriefSjabloon.objects.all()
    lookup_field = "code"
    lookup_value_regex = r"[-a-z0-9_]+"

    def list(self, request):
        return gepagineerd(self, self.get_queryset(), s.BriefSjabloonSerializer)

    def retrieve(self, request, code=None):
        sjabloon = self.get_object()
        data = s.BriefSjabloonSerializer(sjabloon).data
        data["versies"] = s.SjabloonVersieSerializer(sjabloon.versies.order_by("-nummer"), many=True).data
        return Response(data)

    @extend_schema(request=s.SjabloonOpslaanSerializer, responses={201: s.SjabloonVersieSerializer})
    @action(detail=True, methods=["post"])
    def versies(self, request, code=None):
        if not heeft_rol(request.user, BEHEERDER):
            raise beleid.GeenToegang("Alleen de beheerder kan briefsjablonen wijzigen.")
        data = valideer(s.SjabloonOpslaanSerializer, request.data)
        versie = sjabloonbeheer.sla_op(self.get_object().code, data["inhoud"], request.user, toelichting=data.get("toelichting", ""))
        return Response(s.SjabloonVersieSerializer(versie).data, status=status.HTTP_201_CREATED)
