"""API representations of aanbieders, products, tariffs and messages (read), and a new tariff (write)."""

from __future__ import annotations

from rest_framework import serializers

from maatwerk.iwmo.models import Aanbieder, Bericht, Contract, Product, Tarief


class ContractSerializer(serializers.ModelSerializer):
    class Meta:
        model = Contract
        fields = ["domein", "van", "tot", "kenmerk"]


class AanbiederSerializer(serializers.ModelSerializer):
    contracten = ContractSerializer(many=True, read_only=True)

    class Meta:
        model = Aanbieder
        fields = ["id", "naam", "agb_code", "kvk_nummer", "contracten"]


class ProductSerializer(serializers.ModelSerializer):
    categorie_naam = serializers.CharField(read_only=True)

    class Meta:
        model = Product
        fields = ["id", "domein", "categorie", "categorie_naam", "code", "omschrijving", "eenheid", "frequentie"]


class TariefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Tarief
        fields = ["id", "product", "aanbieder", "bedrag", "van", "tot", "bron"]
        read_only_fields = ["id"]
        extra_kwargs = {
            "product": {"error_messages": {"does_not_exist": "Product: onbekend product.", "incorrect_type": "Product: geef het nummer van een product."}},
            "aanbieder": {"error_messages": {"does_not_exist": "Aanbieder: onbekende aanbieder.", "incorrect_type": "Aanbieder: geef het nummer van een aanbieder."}},
            "bedrag": {"min_value": 0, "max_value": 99999999},
            "bron": {"max_length": 300},
        }


class BerichtSerializer(serializers.ModelSerializer):
    type = serializers.CharField(source="type_tekst", read_only=True)
    richting = serializers.CharField(source="get_richting_display", read_only=True)
    status = serializers.CharField(source="get_status_display", read_only=True)
    retourcodes = serializers.ListField(source="retourcodes_tekst", child=serializers.CharField(), read_only=True)

    class Meta:
        model = Bericht
        fields = ["id", "type", "soort", "richting", "status", "retourcodes", "identificatie", "dagtekening", "op",
                  "bestandsnaam"]
