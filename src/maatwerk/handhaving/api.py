"""REST endpoints of enforcement under /api/v1/handhaving/. Input is validated by the same forms as the pages
(`forms.py`); the services decide access and write the audit log. Lists paginate (`?page=N`)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from maatwerk.handhaving import casustafel, forms, huisbezoek, indicatoren, inlichtingenbureau, meldpunt, toegang, weergave
from maatwerk.handhaving.models import Huisbezoek, Indicator, Melding, Signaal
from maatwerk.toegang import rechten
from maatwerk.toegang.beleid import GeenToegang
from maatwerk.toegang.rollen import rollen

PAGINA = [OpenApiParameter("page", int, required=False, description="Paginanummer")]
LIJST = {200: OpenApiTypes.OBJECT}
NIEUW = {201: OpenApiTypes.OBJECT}


def _formulier(klasse, request):
    if not isinstance(request.data, dict):
        raise ValidationError({"invoer": ["Stuur een JSON-object met de velden."]})
    form = klasse(data=request.data)
    if not form.is_valid():
        raise ValidationError({veld: list(fouten) for veld, fouten in form.errors.items()})
    return form.cleaned_data


def _lijst(view, request, rijen, weergeef, *, log=None):
    paginator = PageNumberPagination()
    pagina = paginator.paginate_queryset(rijen, request, view=view)
    if log is not None:
        log(pagina)
    return paginator.get_paginated_response([weergeef(r) for r in pagina])


class Meldingen(APIView):
    @extend_schema(summary="Meldingen van het meldpunt (handhaver)", parameters=[
        OpenApiParameter("richting", str, enum=["client", "aanbieder"], required=False), *PAGINA], responses=LIJST)
    def get(self, request):
        richting = request.query_params.get("richting", "client")
        if richting not in ("client", "aanbieder"):
            raise ValidationError({"richting": ["Kies client of aanbieder."]})
        return _lijst(self, request, meldpunt.wachtrij(request.user, richting), weergave.melding)

    @extend_schema(summary="Een melding doen namens een professional, aanbieder of inwoner (medewerkers)",
                   request=OpenApiTypes.OBJECT, responses=NIEUW)
    def post(self, request):
        if not rollen(request.user):
            raise GeenToegang("Alleen medewerkers melden via de API; inwoners melden op het loket.")
        bewijs = meldpunt.meld(_formulier(forms.MeldingMedewerkerFormulier, request), door=request.user)
        return Response({"kenmerk": bewijs.melding.kenmerk, "code": bewijs.code,
                         "ontvangen_op": bewijs.melding.ontvangen_op.isoformat()}, status=status.HTTP_201_CREATED)


class MeldingCasustafel(APIView):
    @extend_schema(summary="Casustafel over een melding vastleggen", request=OpenApiTypes.OBJECT, responses=NIEUW)
    def post(self, request, pk: int):
        toegang.vereis(request.user, rechten.CASUSTAFEL_VASTLEGGEN, toegang.CREATE, onderwerp="casustafel")
        melding = get_object_or_404(Melding, pk=pk)
        tafel = casustafel.leg_vast(request.user, _formulier(forms.CasustafelFormulier, request), melding=melding)
        return Response(weergave.casustafel(tafel), status=status.HTTP_201_CREATED)


class Signalen(APIView):
    @extend_schema(summary="Signalen uit de Inlichtingenbureau-vergelijkingen (handhaver)", parameters=PAGINA,
                   responses=LIJST)
    def get(self, request):
        inlichtingenbureau.vergelijkingen(request.user)
        rijen = Signaal.objects.select_related("inwoner", "indicator").order_by("-vergelijking__maand", "vergelijking", "regel")
        return _lijst(self, request, rijen, weergave.signaal, log=lambda pagina: toegang.log_inwoners(
            request.user, [s.inwoner for s in pagina], onderwerp="signaal (lijst)", handeling=rechten.IB_VERGELIJKEN))


class SignaalCasustafel(APIView):
    @extend_schema(summary="Casustafel over een signaal vastleggen", request=OpenApiTypes.OBJECT, responses=NIEUW)
    def post(self, request, pk: int):
        toegang.vereis(request.user, rechten.CASUSTAFEL_VASTLEGGEN, toegang.CREATE, onderwerp="casustafel")
        signaal = get_object_or_404(Signaal, pk=pk)
        tafel = casustafel.leg_vast(request.user, _formulier(forms.CasustafelFormulier, request), signaal=signaal)
        return Response(weergave.casustafel(tafel), status=status.HTTP_201_CREATED)


class Vergelijkingen(APIView):
    @extend_schema(summary="Ingelezen Inlichtingenbureau-bestanden met hun totalen", parameters=PAGINA, responses=LIJST)
    def get(self, request):
        return _lijst(self, request, inlichtingenbureau.vergelijkingen(request.user), weergave.vergelijking)

    @extend_schema(summary="Een Inlichtingenbureau-bestand inlezen en vergelijken",
                   description="Body: `maand` (JJJJ-MM), `bestandsnaam` (eindigt op .csv of .json) en `inhoud` "
                               "(de tekst van het bestand, layout in docs/handhaving.md).",
                   request=OpenApiTypes.OBJECT, responses=NIEUW)
    def post(self, request):
        toegang.vereis(request.user, rechten.IB_VERGELIJKEN, toegang.CREATE, onderwerp="Inlichtingenbureau")
        if not isinstance(request.data, dict):
            raise ValidationError({"invoer": ["Stuur een JSON-object met maand, bestandsnaam en inhoud."]})
        fouten = {v: ["Vul dit veld in als tekst."] for v in ("maand", "bestandsnaam", "inhoud")
                  if not isinstance(request.data.get(v), str) or not request.data.get(v)}
        if fouten:
            raise ValidationError(fouten)
        run = inlichtingenbureau.vergelijk(request.user, request.data["inhoud"].encode("utf-8", "replace"),
                                           request.data["bestandsnaam"], request.data["maand"])
        return Response(weergave.vergelijking(run), status=status.HTTP_201_CREATED)


class Huisbezoeken(APIView):
    @extend_schema(summary="Huisbezoeken (handhaver)", parameters=PAGINA, responses=LIJST)
    def get(self, request):
        toegang.vereis(request.user, rechten.HUISBEZOEK_VASTLEGGEN, toegang.VIEW, onderwerp="huisbezoek (lijst)")
        return _lijst(self, request, Huisbezoek.objects.select_related("inwoner"), weergave.huisbezoek,
                      log=lambda pagina: toegang.log_inwoners(request.user, [h.inwoner for h in pagina],
                                                              onderwerp="huisbezoek (lijst)",
                                                              handeling=rechten.HUISBEZOEK_VASTLEGGEN))

    @extend_schema(summary="Een huisbezoek vastleggen volgens het protocol", request=OpenApiTypes.OBJECT, responses=NIEUW)
    def post(self, request):
        toegang.vereis(request.user, rechten.HUISBEZOEK_VASTLEGGEN, toegang.CREATE, onderwerp="huisbezoek")
        bezoek = huisbezoek.leg_vast(request.user, _formulier(forms.HuisbezoekFormulier, request))
        return Response(weergave.huisbezoek(bezoek), status=status.HTTP_201_CREATED)


class Indicatoren(APIView):
    @extend_schema(summary="Het indicatorregister (openbaar ook op /loket/algoritmes/)", parameters=PAGINA, responses=LIJST)
    def get(self, request):
        return _lijst(self, request, Indicator.objects.prefetch_related("goedkeuringen"), weergave.indicator)

    @extend_schema(summary="Een indicator registreren", request=OpenApiTypes.OBJECT, responses=NIEUW)
    def post(self, request):
        toegang.vereis(request.user, rechten.INDICATOR_REGISTREREN, toegang.CREATE, onderwerp="indicator")
        indicator = indicatoren.registreer(request.user, _formulier(forms.IndicatorFormulier, request))
        return Response(weergave.indicator(indicator), status=status.HTTP_201_CREATED)


class IndicatorGoedkeuren(APIView):
    @extend_schema(summary="Een indicator goedkeuren (twee personen, niet de auteur)", request=OpenApiTypes.OBJECT,
                   responses=NIEUW)
    def post(self, request, pk: int):
        toegang.vereis(request.user, rechten.INDICATOR_GOEDKEUREN, toegang.CHANGE, onderwerp="indicator")
        indicator = get_object_or_404(Indicator, pk=pk)
        indicatoren.keur_goed(request.user, indicator, _formulier(forms.GoedkeuringFormulier, request)["toelichting"])
        indicator.refresh_from_db()
        return Response(weergave.indicator(indicator), status=status.HTTP_201_CREATED)


class IndicatorWijzigen(APIView):
    @extend_schema(summary="Een nieuwe versie van een indicator voorstellen (weer twee goedkeuringen nodig)",
                   request=OpenApiTypes.OBJECT, responses=NIEUW)
    def post(self, request, pk: int):
        toegang.vereis(request.user, rechten.INDICATOR_REGISTREREN, toegang.CREATE, onderwerp="indicator")
        indicator = get_object_or_404(Indicator, pk=pk)
        nieuw = indicatoren.wijzig(request.user, indicator, _formulier(forms.IndicatorWijzigingFormulier, request))
        return Response(weergave.indicator(nieuw), status=status.HTTP_201_CREATED)


class IndicatorBuitenGebruik(APIView):
    @extend_schema(summary="Een indicator buiten gebruik stellen (met reden)", request=OpenApiTypes.OBJECT,
                   responses={200: OpenApiTypes.OBJECT})
    def post(self, request, pk: int):
        toegang.vereis(request.user, rechten.INDICATOR_REGISTREREN, toegang.CHANGE, onderwerp="indicator")
        indicator = get_object_or_404(Indicator, pk=pk)
        reden = _formulier(forms.BuitenGebruikFormulier, request)["reden"]
        return Response(weergave.indicator(indicatoren.stel_buiten_gebruik(request.user, indicator, reden)))

