"""REST endpoints of regie under /api/v1/regie/ (issue 12, point 7): the same plans, the same limited view and the
same services as the pages (`regie.views`).

- `GET  /api/v1/regie/plannen/`                        the plans of which the user is regisseur or escalation person
- `POST /api/v1/regie/plannen/` {zaak, ...}            make the plan of the household of a zaak
- `GET  /api/v1/regie/plannen/{id}/`                   the plan as `services.overzicht` gives it: per zaak only
                                                       regeling, status, step dates and deadlines; no findings
- `POST /api/v1/regie/plannen/{id}/doorverwijzingen/`  record a referral between domains
- `GET  /api/v1/regie/escalaties/[?plan=id]`           the escalations of the plans the user may see

Access is per person (regisseur, escalation person), checked and audited by the service, never here: whoever may
see a zaak of the household gets 403 with the reason, anyone else 404 like a missing id. Bad input answers 400 with
the field in Dutch. Staff are named by username only.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from maatwerk.regie import services
from maatwerk.regie.forms import CONSULENTEN
from maatwerk.regie.models import DOMEIN_KEUZES, Doorverwijzing, Escalatie, Huishoudplan
from maatwerk.toegang import beleid
from maatwerk.zaken.models import Zaak


class HuishoudplanLijstSerializer(serializers.ModelSerializer):
    huishouden = serializers.CharField(source="huishouden.naam", read_only=True)
    regisseur = serializers.CharField(source="regisseur.username", read_only=True)
    escalatie_naar = serializers.CharField(source="escalatie_naar.username", read_only=True)

    class Meta:
        model = Huishoudplan
        fields = ["id", "huishouden", "regisseur", "escalatie_naar", "escalatie_functie", "toestemming_op",
                  "toestemming_kenmerk", "stilstand_dagen", "max_doorverwijzingen"]
        read_only_fields = fields


class _StapSerializer(serializers.Serializer):
    datum = serializers.DateField()
    naar = serializers.CharField()


class _TermijnSerializer(serializers.Serializer):
    naam = serializers.CharField()
    einde = serializers.DateField()
    verstreken = serializers.BooleanField()


class _ZaakInPlanSerializer(serializers.Serializer):
    """Of a zaak only what the plan needs (services.overzicht): no findings, amounts or documents."""

    regeling = serializers.CharField()
    domein = serializers.CharField()
    status = serializers.CharField()
    stappen = _StapSerializer(many=True)
    termijnen = _TermijnSerializer(many=True)


class _SignaalSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(choices=["stilstand", "termijn", "pingpong"])
    tekst = serializers.CharField()
    bron = serializers.CharField()


class _DoorverwijzingInPlanSerializer(serializers.Serializer):
    datum = serializers.DateField()
    van = serializers.CharField()
    naar = serializers.CharField()
    reden = serializers.CharField()


class _EscalatieInPlanSerializer(serializers.Serializer):
    datum = serializers.DateField()
    signalen = _SignaalSerializer(many=True)


class HuishoudplanSerializer(serializers.Serializer):
    """One plan: its id and household name, and exactly what the page shows (`services.overzicht`)."""

    id = serializers.IntegerField()
    huishouden = serializers.CharField()
    doelen = serializers.CharField()
    regisseur = serializers.CharField()
    escalatie = serializers.CharField()
    zaken = _ZaakInPlanSerializer(many=True)
    signalen = _SignaalSerializer(many=True)
    doorverwijzingen = _DoorverwijzingInPlanSerializer(many=True)
    escalaties = _EscalatieInPlanSerializer(many=True)


def _plan_data(user, plan: Huishoudplan) -> dict:
    o = services.overzicht(user, plan)  # the check and the audit line are the service's
    return HuishoudplanSerializer({"id": plan.pk, "huishouden": plan.huishouden.naam, **o}).data


class _Gebruikersnaam(serializers.SlugRelatedField):
    """A username; a control character (e.g. NUL, which PostgreSQL refuses even in a look-up) is "invalid" before the
    database is asked, so the answer is a 400 naming the field, never a 500."""

    def to_internal_value(self, data):
        if not isinstance(data, str) or any(ord(t) < 32 or ord(t) == 127 for t in data):
            self.fail("invalid")
        return super().to_internal_value(data)


def _persoon(veld: str, omschrijving: str, queryset):
    return _Gebruikersnaam(
        slug_field="username", queryset=queryset, help_text=f"Gebruikersnaam van {omschrijving}.",
        error_messages={"required": f"Kies {omschrijving}.", "null": f"Kies {omschrijving}.",
                        "does_not_exist": f"Onbekende gebruiker voor {veld}: kies {omschrijving}.",
                        "invalid": f"Geef de gebruikersnaam van {omschrijving}."})


class HuishoudplanInvoerSerializer(serializers.Serializer):
    """Shapes only, as the page's form; the service checks the rules and names the field in Dutch."""

    zaak = serializers.IntegerField(min_value=1, max_value=2**31 - 1, help_text="Een zaak van het huishouden.",
                                    error_messages={"required": "Kies de zaak van het huishouden.",
                                                    "invalid": "Het zaaknummer is een geheel getal.",
                                                    "min_value": "Onbekende zaak.", "max_value": "Onbekende zaak."})
    regisseur = _persoon("regisseur", "de regisseur (een consulent)", get_user_model().objects.none())
    escalatie_naar = _persoon("escalatie_naar", "de persoon met doorzettingsmacht", get_user_model().objects.none())
    escalatie_functie = serializers.CharField(max_length=200, error_messages={
        "required": "Vul de functie in van wie escalaties ontvangt.", "blank": "Vul de functie in van wie escalaties ontvangt.",
        "max_length": "De functie is hoogstens 200 tekens."})
    doelen = serializers.CharField(max_length=5000, error_messages={
        "required": "Vul de afgesproken doelen in.", "blank": "Vul de afgesproken doelen in.",
        "max_length": "De doelen zijn hoogstens 5000 tekens."})
    toestemming_op = serializers.DateField(error_messages={
        "required": "Vul de datum van de toestemming van het gezin in.",
        "invalid": "De datum van de toestemming is geen geldige datum (JJJJ-MM-DD)."})
    toestemming_kenmerk = serializers.CharField(max_length=100, error_messages={
        "required": "Vul het kenmerk van de toestemming in.", "blank": "Vul het kenmerk van de toestemming in.",
        "max_length": "Het kenmerk is hoogstens 100 tekens."})
    stilstand_dagen = serializers.IntegerField(required=False, default=28, min_value=1, max_value=365, error_messages={
        "invalid": "Vul een heel aantal dagen in.", "min_value": "Stilstand na 1 tot 365 dagen zonder stap.",
        "max_value": "Stilstand na 1 tot 365 dagen zonder stap."})
    max_doorverwijzingen = serializers.IntegerField(required=False, default=2, min_value=0, max_value=20,
                                                    error_messages={"invalid": "Vul een heel aantal in.",
                                                                    "min_value": "Vul 0 tot 20 in.",
                                                                    "max_value": "Vul 0 tot 20 in."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        actief = get_user_model().objects.filter(is_active=True)  # the same choices as the page's form
        self.fields["regisseur"].queryset = actief.filter(groups__name__in=CONSULENTEN).distinct()
        self.fields["escalatie_naar"].queryset = actief


_DOMEIN_FOUT = {"required": "Kies een domein.", "invalid_choice": "Kies een domein uit: wmo, jeugd, inkomen.",
                "null": "Kies een domein."}


class DoorverwijzingInvoerSerializer(serializers.Serializer):
    van_domein = serializers.ChoiceField(choices=DOMEIN_KEUZES, error_messages=_DOMEIN_FOUT)
    naar_domein = serializers.ChoiceField(choices=DOMEIN_KEUZES, error_messages=_DOMEIN_FOUT)
    datum = serializers.DateField(error_messages={"required": "Vul de datum van de doorverwijzing in.",
                                                  "invalid": "De datum van de doorverwijzing is geen geldige datum "
                                                             "(JJJJ-MM-DD)."})
    reden = serializers.CharField(max_length=5000, error_messages={
        "required": "Geef de reden van de doorverwijzing.", "blank": "Geef de reden van de doorverwijzing.",
        "max_length": "De reden is hoogstens 5000 tekens."})


class DoorverwijzingSerializer(serializers.ModelSerializer):
    door = serializers.CharField(source="door.username", read_only=True)

    class Meta:
        model = Doorverwijzing
        fields = ["id", "plan", "van_domein", "naar_domein", "datum", "reden", "door"]
        read_only_fields = fields


class EscalatieSerializer(serializers.ModelSerializer):
    naar = serializers.CharField(source="naar.username", read_only=True)
    signalen = _SignaalSerializer(many=True, read_only=True)

    class Meta:
        model = Escalatie
        fields = ["id", "plan", "datum", "naar", "signalen"]
        read_only_fields = fields


class HuishoudplanViewSet(viewsets.GenericViewSet):
    serializer_class = HuishoudplanLijstSerializer
    queryset = Huishoudplan.objects.all()
    lookup_value_regex = r"\d{1,9}"  # anything else is 404 at the router, never a lookup error

    def list(self, request):
        pagina = self.paginate_queryset(services.zichtbare_plannen(request.user))
        return self.get_paginated_response(HuishoudplanLijstSerializer(pagina, many=True).data)

    @extend_schema(responses={200: HuishoudplanSerializer})
    def retrieve(self, request, pk=None):
        plan = get_object_or_404(Huishoudplan.objects.select_related("huishouden", "regisseur", "escalatie_naar"),
                                 pk=pk)
        return Response(_plan_data(request.user, plan))

    @extend_schema(request=HuishoudplanInvoerSerializer, responses={201: HuishoudplanLijstSerializer})
    def create(self, request):
        invoer = HuishoudplanInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = dict(invoer.validated_data)
        # An invisible zaak answers like a missing one: 400 "Onbekende zaak" on the field (issue 7; audited).
        zaak = beleid.verwijzing(request.user, Zaak, gegevens.pop("zaak"), veld="zaak")
        with transaction.atomic():
            plan = services.maak_plan_vanuit_zaak(request.user, zaak, **gegevens)
        return Response(HuishoudplanLijstSerializer(plan).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=DoorverwijzingInvoerSerializer, responses={201: DoorverwijzingSerializer})
    @action(detail=True, methods=["post"])
    def doorverwijzingen(self, request, pk=None):
        plan = get_object_or_404(Huishoudplan, pk=pk)
        invoer = DoorverwijzingInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        with transaction.atomic():
            verwijzing = services.verwijs_door(request.user, plan, **invoer.validated_data)
        return Response(DoorverwijzingSerializer(verwijzing).data, status=status.HTTP_201_CREATED)


class HuishoudplanFilterSerializer(serializers.Serializer):
    plan = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1, error_messages={
        "invalid": "Het plannummer is een geheel getal.", "min_value": "Onbekend plan.",
        "max_value": "Onbekend plan."})


class EscalatieViewSet(viewsets.GenericViewSet):
    serializer_class = EscalatieSerializer
    queryset = Escalatie.objects.all()

    @extend_schema(parameters=[OpenApiParameter("plan", int, description="Alleen de escalaties van dit plan.")])
    def list(self, request):
        filter_ = HuishoudplanFilterSerializer(data=request.query_params)
        filter_.is_valid(raise_exception=True)
        plan_id = filter_.validated_data.get("plan")
        plan = get_object_or_404(Huishoudplan, pk=plan_id) if plan_id is not None else None
        pagina = self.paginate_queryset(services.zichtbare_escalaties(request.user, plan))
        return self.get_paginated_response(EscalatieSerializer(pagina, many=True).data)
