from __future__ import annotations

from rest_framework import serializers

from maatwerk.toegang.models import AuditRegel, Toestemming, WettelijkeGrondslag
from maatwerk.toegang.rollen import ONTVANGER_KEUZES
from maatwerk.zaken.regelingen import DOMEIN_KEUZES

MAX_ID = 2**63 - 1  # largest BigAutoField value; larger ids are refused as input errors


class AuditRegelSerializer(serializers.ModelSerializer):
    class Meta:
        model = AuditRegel
        fields = ["id", "op", "gebruikersnaam", "actie", "toegestaan", "inwoner", "zaak", "onderwerp", "soort_grond",
                  "grond", "toestemming", "wettelijke_grondslag", "toelichting"]


class ToestemmingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Toestemming
        fields = ["id", "inwoner", "ontvanger", "domein", "doel", "vorm", "geldig_vanaf", "geldig_tot",
                  "vastgelegd_op", "ingetrokken_op"]


class ToestemmingInvoerSerializer(serializers.Serializer):
    inwoner = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    ontvanger = serializers.ChoiceField(choices=ONTVANGER_KEUZES)
    domein = serializers.ChoiceField(choices=DOMEIN_KEUZES)
    doel = serializers.CharField()
    vorm = serializers.ChoiceField(choices=Toestemming.Vorm.choices)
    geldig_vanaf = serializers.DateField(required=False)
    geldig_tot = serializers.DateField(required=False, allow_null=True)


class WettelijkeGrondslagSerializer(serializers.ModelSerializer):
    class Meta:
        model = WettelijkeGrondslag
        fields = ["id", "inwoner", "ontvanger", "domein", "grondslag", "doel", "geldig_vanaf", "geldig_tot", "vastgelegd_op"]


class GrondslagInvoerSerializer(serializers.Serializer):
    inwoner = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    ontvanger = serializers.ChoiceField(choices=ONTVANGER_KEUZES)
    domein = serializers.ChoiceField(choices=DOMEIN_KEUZES)
    grondslag = serializers.CharField(max_length=300)
    doel = serializers.CharField()
    geldig_vanaf = serializers.DateField(required=False)
    geldig_tot = serializers.DateField(required=False, allow_null=True)


class AuditFilterSerializer(serializers.Serializer):
    inwoner = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False)
    zaak = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False)
    gebruiker = serializers.CharField(required=False)
    van = serializers.DateField(required=False)
    tot = serializers.DateField(required=False)
    actie = serializers.ChoiceField(choices=["view", "create", "change"], required=False)
