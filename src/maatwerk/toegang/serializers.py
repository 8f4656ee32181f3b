from __future__ import annotations

from rest_framework import serializers

from maatwerk.toegang.grondslagen import CATALOGUS_KEUZES
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
        fields = ["id", "inwoner", "ontvanger", "domein", "doel", "vorm", "bron", "documentkenmerk", "geldig_vanaf",
                  "geldig_tot", "vastgelegd_op", "bevestigd_op", "ingetrokken_op"]


class ToestemmingInvoerSerializer(serializers.Serializer):
    inwoner = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    ontvanger = serializers.ChoiceField(choices=ONTVANGER_KEUZES)
    domein = serializers.ChoiceField(choices=DOMEIN_KEUZES)
    doel = serializers.CharField()
    vorm = serializers.ChoiceField(choices=Toestemming.Vorm.choices)
    bron = serializers.ChoiceField(choices=Toestemming.Bron.choices)
    documentkenmerk = serializers.CharField(required=False, allow_blank=True, max_length=100)
    geldig_vanaf = serializers.DateField(required=False)
    geldig_tot = serializers.DateField(help_text="Verplicht; hoogstens een jaar na geldig_vanaf.")


class WettelijkeGrondslagSerializer(serializers.ModelSerializer):
    class Meta:
        model = WettelijkeGrondslag
        fields = ["id", "inwoner", "ontvanger", "domein", "code", "grondslag", "doel", "geldig_vanaf", "geldig_tot",
                  "vastgelegd_op"]


class GrondslagInvoerSerializer(serializers.Serializer):
    inwoner = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    ontvanger = serializers.ChoiceField(choices=ONTVANGER_KEUZES)
    domein = serializers.ChoiceField(choices=DOMEIN_KEUZES)
    code = serializers.ChoiceField(choices=CATALOGUS_KEUZES, help_text="Een grondslag uit de catalogus (GET wettelijke-grondslagen/).")
    doel = serializers.CharField()
    geldig_vanaf = serializers.DateField(required=False)
    geldig_tot = serializers.DateField(help_text="Verplicht; hoogstens de maximale duur van de grondslag.")


class CatalogusgrondSerializer(serializers.Serializer):
    code = serializers.CharField()
    wet = serializers.CharField()
    artikel = serializers.CharField()
    omschrijving = serializers.CharField()
    domein = serializers.CharField()
    ontvanger = serializers.CharField()
    max_dagen = serializers.IntegerField()
    bron = serializers.CharField()


class AuditFilterSerializer(serializers.Serializer):
    inwoner = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False)
    zaak = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False)
    gebruiker = serializers.CharField(required=False)
    van = serializers.DateField(required=False)
    tot = serializers.DateField(required=False)
    actie = serializers.ChoiceField(choices=["view", "create", "change"], required=False)
