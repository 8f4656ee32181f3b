"""REST endpoints for zaken (/api/v1/zaken/) and everything recorded on a zaak, plus the read-only
regelingen and mandate table. Views translate HTTP to the services; rules live in the services."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from maatwerk.personen.models import Huishouden, Inwoner
from maatwerk.toegang import beleid
from maatwerk.web.paginering import gepagineerd
from maatwerk.zaken import beoordeling, intake, onderzoek, procedure, services, termijnen, vierogen, wmo_berekening
from maatwerk.zaken.fouten import ProcedureFout
from maatwerk.zaken.models import Mandaatregel, Status, Zaak
from maatwerk.zaken.regelingen import REGELINGEN
from maatwerk.zaken.serializers import (
    AfwijkingInvoerSerializer,
    AfwijkingSerializer,
    BerekeningInvoerSerializer,
    BerekeningSerializer,
    BevindingInvoerSerializer,
    BevindingSerializer,
    ClientreactieInvoerSerializer,
    ClientreactieSerializer,
    GoedkeuringInvoerSerializer,
    GoedkeuringSerializer,
    IntakeInvoerSerializer,
    MandaatregelSerializer,
    MogelijkeOvergangSerializer,
    OnderzoekInvoerSerializer,
    OnderzoekSerializer,
    OnderzoekVersieSerializer,
    OndersteuningsplanSerializer,
    OvergangInvoerSerializer,
    PlanInvoerSerializer,
    PlanVersieSerializer,
    RegelingSerializer,
    StatusovergangSerializer,
    TermijnSerializer,
    VierOgenSerializer,
    ZaakInvoerSerializer,
    ZaakSerializer,
    ZaakWijzigSerializer,
)


def valideer(serializer_class, data, **kwargs) -> dict:
    s = serializer_class(data=data, **kwargs)
    s.is_valid(raise_exception=True)
    return dict(s.validated_data)


class ZaakViewSet(viewsets.GenericViewSet):
    serializer_class = ZaakSerializer
    queryset = Zaak.objects.select_related("hoofdpersoon")
    lookup_value_regex = r"\d+"

    def _zaak(self, request, onderwerp: str = "zaak", actie=beleid.VIEW) -> Zaak:
        zaak = self.get_object()
        if actie == beleid.VIEW:
            beleid.vereis_zaak(request.user, zaak, beleid.VIEW, onderwerp=onderwerp, toelichting=request.path[:200])
        return zaak

    @extend_schema(parameters=[OpenApiParameter("status", str), OpenApiParameter("regeling", str)])
    def list(self, request):
        qs = beleid.zichtbare_zaken(request.user).select_related("hoofdpersoon").order_by("-id")
        for veld, keuzes in (("status", Status.values), ("regeling", list(REGELINGEN))):
            waarde = request.query_params.get(veld)
            if waarde:
                if waarde not in keuzes:
                    raise ValidationError({veld: [f"Kies uit: {', '.join(keuzes)}."]})
                qs = qs.filter(**{veld: waarde})
        pagina = self.paginate_queryset(qs)
        beleid.log_lijst_zaken(request.user, pagina, toelichting=request.get_full_path()[:200])
        return self.get_paginated_response(ZaakSerializer(pagina, many=True).data)

    @extend_schema(request=ZaakInvoerSerializer, responses={201: ZaakSerializer})
    def create(self, request):
        data = valideer(ZaakInvoerSerializer, request.data)
        # Unknown and invisible ids answer the same (issue 7); a household known only to other domains goes
        # through POST intakes/.
        data["huishouden"] = beleid.verwijzing(request.user, Huishouden, data["huishouden"], veld="huishouden")
        data["hoofdpersoon"] = beleid.verwijzing(request.user, Inwoner, data["hoofdpersoon"], veld="hoofdpersoon")
        zaak = services.meld_zaak(request.user, **data)
        return Response(ZaakSerializer(zaak).data, status=status.HTTP_201_CREATED)

    def retrieve(self, request, pk=None):
        return Response(ZaakSerializer(self._zaak(request)).data)

    @extend_schema(request=ZaakWijzigSerializer, responses=ZaakSerializer)
    def partial_update(self, request, pk=None):
        zaak = self.get_object()
        zaak = services.wijzig_zaak(request.user, zaak, **valideer(ZaakWijzigSerializer, request.data, partial=True))
        return Response(ZaakSerializer(zaak).data)

    # ---------------------------------------------------------------- procedure

    @extend_schema(request=OvergangInvoerSerializer, responses=ZaakSerializer)
    @action(detail=True, methods=["post"])
    def overgang(self, request, pk=None):
        """Move the zaak to another status. 409 with the article when the procedure does not allow it. A signed
        but dated plan makes the aanvraag a melding (art. 2:5 lid 4, 2:6 lid 4): check `status` in the answer.
        'besluit' and 'buiten_behandeling' are refused here (409, code `besluit_vereist`): a decision is taken by
        finalising a besluit with its letter (`POST besluiten/{id}/vaststellen/`; Awb 3:46, 4:5)."""
        zaak = self.get_object()
        data = valideer(OvergangInvoerSerializer, request.data)
        naar = data.pop("naar")
        stap = procedure.voer_uit(zaak, naar, request.user, **data)
        zaak.refresh_from_db()
        antwoord = ZaakSerializer(zaak).data
        antwoord["overgang"] = StatusovergangSerializer(stap).data
        return Response(antwoord)

    @extend_schema(responses=StatusovergangSerializer(many=True))
    @action(detail=True, methods=["get"])
    def overgangen(self, request, pk=None):
        zaak = self._zaak(request, "statusgeschiedenis")
        return gepagineerd(self, zaak.overgangen.select_related("door"), StatusovergangSerializer)

    @extend_schema(responses=MogelijkeOvergangSerializer(many=True))
    @action(detail=True, methods=["get"], url_path="mogelijke-overgangen")
    def mogelijke_overgangen(self, request, pk=None):
        """The steps this endpoint's `overgang/` can take now; a decision (besluit, buiten behandeling) is not
        among them: it goes through `besluiten/`."""
        zaak = self._zaak(request, "status")
        return gepagineerd(self, procedure.mogelijke_overgangen(zaak), MogelijkeOvergangSerializer)

    @extend_schema(responses=TermijnSerializer(many=True))
    @action(detail=True, methods=["get"])
    def termijnen(self, request, pk=None):
        zaak = self._zaak(request, "termijnen")
        return gepagineerd(self, termijnen.termijnen_van_zaak(zaak), TermijnSerializer)

    # ---------------------------------------------------------------- onderzoek and plan

    @extend_schema(methods=["GET"], responses=OnderzoekSerializer)
    @extend_schema(methods=["PATCH"], request=OnderzoekInvoerSerializer, responses=OnderzoekSerializer)
    @action(detail=True, methods=["get", "patch"], url_path="onderzoek")
    def onderzoek_(self, request, pk=None):
        if request.method == "PATCH":
            zaak = self.get_object()
            rapport = onderzoek.werk_onderzoek_bij(zaak, request.user, **valideer(OnderzoekInvoerSerializer, request.data, partial=True))
            return Response(OnderzoekSerializer(rapport).data)
        zaak = self._zaak(request, "onderzoek")
        rapport = zaak.huidig_onderzoek()
        if rapport is None:
            raise ProcedureFout("Deze zaak heeft nog geen onderzoek; het onderzoek start met het eerste gesprek.", code="geen_onderzoek")
        return Response(OnderzoekSerializer(rapport).data)

    @extend_schema(methods=["GET"], responses=OndersteuningsplanSerializer)
    @extend_schema(methods=["POST"], request=PlanInvoerSerializer, responses={201: OndersteuningsplanSerializer})
    @extend_schema(methods=["PATCH"], request=PlanInvoerSerializer, responses=OndersteuningsplanSerializer)
    @action(detail=True, methods=["get", "post", "patch"])
    def ondersteuningsplan(self, request, pk=None):
        if request.method == "POST":
            plan = onderzoek.stel_plan_op(self.get_object(), request.user, **valideer(PlanInvoerSerializer, request.data))
            return Response(OndersteuningsplanSerializer(plan).data, status=status.HTTP_201_CREATED)
        if request.method == "PATCH":
            plan = onderzoek.werk_plan_bij(self.get_object(), request.user,
                                           **valideer(PlanInvoerSerializer, request.data, partial=True))
            return Response(OndersteuningsplanSerializer(plan).data)
        zaak = self._zaak(request, "ondersteuningsplan")
        plan = zaak.huidig_plan()
        if plan is None:
            raise ProcedureFout("Deze zaak heeft nog geen ondersteuningsplan.", code="geen_plan")
        return Response(OndersteuningsplanSerializer(plan).data)

    @extend_schema(responses=OnderzoekVersieSerializer(many=True))
    @action(detail=True, methods=["get"], url_path="onderzoek/versies", url_name="onderzoek-versies")
    def onderzoek_versies(self, request, pk=None):
        """Every stored version of the report, oldest first, with its full content (read-only: versions are
        never changed or deleted)."""
        zaak = self._zaak(request, "onderzoekversies")
        return gepagineerd(self, onderzoek.onderzoekversies(zaak), OnderzoekVersieSerializer)

    @extend_schema(responses=PlanVersieSerializer(many=True))
    @action(detail=True, methods=["get"], url_path="ondersteuningsplan/versies", url_name="ondersteuningsplan-versies")
    def ondersteuningsplan_versies(self, request, pk=None):
        """Every stored version of the ondersteuningsplan, oldest first (read-only)."""
        zaak = self._zaak(request, "planversies")
        return gepagineerd(self, onderzoek.planversies(zaak), PlanVersieSerializer)

    @extend_schema(request=ClientreactieInvoerSerializer, responses={201: ClientreactieSerializer})
    @action(detail=True, methods=["post"])
    def clientreacties(self, request, pk=None):
        reactie = onderzoek.voeg_clientreactie_toe(self.get_object(), request.user,
                                                   **valideer(ClientreactieInvoerSerializer, request.data))
        return Response(ClientreactieSerializer(reactie).data, status=status.HTTP_201_CREATED)

    # ---------------------------------------------------------------- beoordeling

    @extend_schema(methods=["GET"], responses=BevindingSerializer(many=True))
    @extend_schema(methods=["POST"], request=BevindingInvoerSerializer, responses={201: BevindingSerializer})
    @action(detail=True, methods=["get", "post"])
    def bevindingen(self, request, pk=None):
        """GET: all findings (also replaced ones, `actueel`=false). POST: record a finding on one criterion."""
        if request.method == "POST":
            b = beoordeling.leg_bevinding_vast(self.get_object(), request.user, **valideer(BevindingInvoerSerializer, request.data))
            return Response(BevindingSerializer(b).data, status=status.HTTP_201_CREATED)
        zaak = self._zaak(request, "bevindingen")
        return gepagineerd(self, zaak.bevindingen.select_related("door"), BevindingSerializer)

    @extend_schema(methods=["GET"], responses=AfwijkingSerializer(many=True))
    @extend_schema(methods=["POST"], request=AfwijkingInvoerSerializer, responses={201: AfwijkingSerializer})
    @action(detail=True, methods=["get", "post"])
    def afwijkingen(self, request, pk=None):
        if request.method == "POST":
            a = beoordeling.leg_afwijking_vast(self.get_object(), request.user, **valideer(AfwijkingInvoerSerializer, request.data))
            return Response(AfwijkingSerializer(a).data, status=status.HTTP_201_CREATED)
        zaak = self._zaak(request, "afwijkingen")
        return gepagineerd(self, zaak.afwijkingen.select_related("door"), AfwijkingSerializer)

    @extend_schema(methods=["GET"], responses=BerekeningSerializer(many=True))
    @extend_schema(methods=["POST"], request=BerekeningInvoerSerializer, responses={201: BerekeningSerializer})
    @action(detail=True, methods=["get", "post"])
    def berekeningen(self, request, pk=None):
        """POST runs the Regelkern for the zaak's household and month and stores input, result and uitleg."""
        if request.method == "POST":
            data = valideer(BerekeningInvoerSerializer, request.data)
            zaak = self.get_object()
            if data.get("wmo") is not None or zaak.domein == "wmo":
                if data.get("invoer"):
                    raise ValidationError({"invoer": ["Geef voor een Wmo-zaak de gegevens onder 'wmo', niet onder 'invoer'."]})
                b = wmo_berekening.bereken_wmo(zaak, request.user, maand=data["maand"], **(data.get("wmo") or {}))
            else:
                b = beoordeling.bereken(zaak, request.user, maand=data["maand"], invoer=data.get("invoer"))
            return Response(BerekeningSerializer(b).data, status=status.HTTP_201_CREATED)
        zaak = self._zaak(request, "berekeningen")
        return gepagineerd(self, zaak.berekeningen.select_related("door"), BerekeningSerializer)

    @extend_schema(responses=VierOgenSerializer)
    @action(detail=True, methods=["get"], url_path="vier-ogen")
    def vier_ogen(self, request, pk=None):
        zaak = self._zaak(request, "vier ogen")
        o = vierogen.oordeel(zaak)
        g = vierogen.geldige_goedkeuring(zaak)
        return Response({"vereist": o.vereist, "redenen": o.redenen, "goedgekeurd": g is not None,
                         "goedkeuring": GoedkeuringSerializer(g).data if g is not None else None,
                         "vervallen": vierogen.vervallen_voorstel(zaak)})

    @extend_schema(request=GoedkeuringInvoerSerializer, responses={201: GoedkeuringSerializer})
    @action(detail=True, methods=["post"])
    def goedkeuring(self, request, pk=None):
        g = vierogen.keur_goed(self.get_object(), request.user, **valideer(GoedkeuringInvoerSerializer, request.data))
        return Response(GoedkeuringSerializer(g).data, status=status.HTTP_201_CREATED)


class IntakeViewSet(viewsets.GenericViewSet):
    """The intake route (zaken.intake): a melding for an inwoner known only to other domains. BSN and
    geboortedatum prove he is present; the reason is recorded; the household's other domains see a signal."""

    serializer_class = IntakeInvoerSerializer

    @extend_schema(request=IntakeInvoerSerializer, responses={201: ZaakSerializer})
    def create(self, request):
        zaak = intake.meld_via_intake(request.user, **valideer(IntakeInvoerSerializer, request.data))
        return Response(ZaakSerializer(zaak).data, status=status.HTTP_201_CREATED)


class RegelingViewSet(viewsets.GenericViewSet):
    """The regelingen with their discretionary criteria (one finding per criterion is needed)."""

    serializer_class = RegelingSerializer

    @extend_schema(responses=RegelingSerializer(many=True))
    def list(self, request):
        return gepagineerd(self, list(REGELINGEN.values()), RegelingSerializer)


class MandaatViewSet(viewsets.GenericViewSet):
    """The mandate table (local policy); changed by the beheerder in the admin."""

    serializer_class = MandaatregelSerializer
    queryset = Mandaatregel.objects.all()

    def list(self, request):
        return gepagineerd(self, self.get_queryset(), MandaatregelSerializer)
