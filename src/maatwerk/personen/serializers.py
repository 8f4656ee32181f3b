"""API representations of inwoners and huishoudens. Input serializers only check form; the services decide."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from maatwerk.personen.models import Huishouden, Huishoudlid, Inkomenssoort, Inwoner, Maandinkomen, Relatie, Rol, Vermogensopgave
from maatwerk.personen.validators import parse_maand


@extend_schema_field({"type": "string", "pattern": r"^\d{4}-\d{2}$", "example": "2026-07"})
class MaandVeld(serializers.Field):
    """A month written as JJJJ-MM, stored as the first day of that month."""

    default_error_messages = {"invalid": "'{value}' is geen geldige maand; schrijf JJJJ-MM, bijvoorbeeld 2026-07."}

    def to_internal_value(self, data):
        from django.core.exceptions import ValidationError

        try:
            return parse_maand(data)
        except ValidationError:
            self.fail("invalid", value=data)

    def to_representation(self, value):
        return f"{value.year:04d}-{value.month:02d}"


class InwonerSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(read_only=True)
    adres = serializers.CharField(read_only=True)

    class Meta:
        model = Inwoner
        fields = ["id", "bsn", "voornamen", "tussenvoegsel", "achternaam", "naam", "geboortedatum", "straat",
                  "huisnummer", "huisnummertoevoeging", "postcode", "woonplaats", "adres", "aangemaakt_op"]
        read_only_fields = ["id", "aangemaakt_op"]
        # Uniqueness and the elfproef are checked by the model (full_clean in the service) with Dutch messages.
        extra_kwargs = {"bsn": {"validators": []}, "postcode": {"validators": []}}


class InwonerInvoerSerializer(serializers.Serializer):
    bsn = serializers.CharField(max_length=9)
    voornamen = serializers.CharField(max_length=200)
    tussenvoegsel = serializers.CharField(max_length=20, required=False, allow_blank=True)
    achternaam = serializers.CharField(max_length=200)
    geboortedatum = serializers.DateField()
    straat = serializers.CharField(max_length=200)
    huisnummer = serializers.IntegerField(min_value=1, max_value=99999)
    huisnummertoevoeging = serializers.CharField(max_length=10, required=False, allow_blank=True)
    postcode = serializers.CharField(max_length=10)
    woonplaats = serializers.CharField(max_length=200)


class HuishoudlidSerializer(serializers.ModelSerializer):
    naam = serializers.CharField(source="inwoner.naam", read_only=True)

    class Meta:
        model = Huishoudlid
        fields = ["id", "inwoner", "naam", "rol", "relatie", "vanaf", "tot"]


class HuishoudenSerializer(serializers.ModelSerializer):
    leden = HuishoudlidSerializer(source="lidmaatschappen", many=True, read_only=True)

    class Meta:
        model = Huishouden
        fields = ["id", "naam", "leden", "aangemaakt_op"]


MAX_ID = 2**63 - 1


class HuishoudenInvoerSerializer(serializers.Serializer):
    naam = serializers.CharField(max_length=200)
    # An id, resolved by the view through beleid.verwijzing: unknown and invisible answer the same (issue 7).
    aanvrager = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    vanaf = serializers.DateField(required=False, allow_null=True)


class LidInvoerSerializer(serializers.Serializer):
    inwoner = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    rol = serializers.ChoiceField(choices=Rol.choices)
    relatie = serializers.ChoiceField(choices=Relatie.choices)
    vanaf = serializers.DateField(required=False, allow_null=True)
    geboortedatum = serializers.DateField(
        required=False, allow_null=True,
        help_text="Nodig als u de inwoner niet kunt inzien: samen met het BSN het bewijs dat hij aanwezig is.")


class SignaalSerializer(serializers.Serializer):
    """An intake signal as other domains see it: a date and a domain, no content."""

    datum = serializers.DateField()
    domein = serializers.CharField()
    tekst = serializers.CharField()


class EinddatumSerializer(serializers.Serializer):
    tot = serializers.DateField()


class MaandinkomenSerializer(serializers.ModelSerializer):
    maand = MaandVeld()
    soort = serializers.ChoiceField(choices=Inkomenssoort.choices, default=Inkomenssoort.OVERIG)
    netto_bedrag = serializers.DecimalField(max_digits=10, decimal_places=2, min_value=0)

    class Meta:
        model = Maandinkomen
        fields = ["id", "maand", "soort", "netto_bedrag", "omschrijving", "vastgelegd_op", "vervallen_op"]
        read_only_fields = ["id", "vastgelegd_op", "vervallen_op"]


class VermogensopgaveSerializer(serializers.ModelSerializer):
    maand = MaandVeld()
    bedrag = serializers.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        model = Vermogensopgave
        fields = ["id", "maand", "bedrag", "omschrijving", "vastgelegd_op", "vervallen_op"]
        read_only_fields = ["id", "vastgelegd_op", "vervallen_op"]
