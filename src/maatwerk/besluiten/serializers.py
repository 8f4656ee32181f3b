"""Serializers of the besluiten API: output shapes and validated input (Dutch field errors via DRF's nl locale)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from maatwerk.besluiten import inhoud, services
from maatwerk.zaken.serializers import GoedkeuringSerializer
from maatwerk.besluiten.models import (
    Besluit,
    Bezwaarschrift,
    BriefSjabloon,
    BriefSjabloonVersie,
    Financiering,
    Overweging,
    Periode,
    Soort,
    SoortBron,
    Uitkomst,
    Vorm,
)

BEDRAG = {"max_digits": 12, "decimal_places": 2}


class DatumVeld(serializers.DateField):
    """DRF's Dutch message says "Date heeft het verkeerde formaat"; this one is Dutch throughout."""

    default_error_messages = {
        "invalid": "Geef een geldige datum als JJJJ-MM-DD, bijvoorbeeld 2026-02-01.",
        "datetime": "Geef een datum zonder tijd, als JJJJ-MM-DD.",
    }


class StriktSerializer(serializers.Serializer):
    """Refuses fields it does not know (a typo must not be silently ignored)."""

    def to_internal_value(self, data):
        onbekend = {v: ["Onbekend veld."] for v in sorted(set(data) - set(self.fields))} if isinstance(data, dict) else {}
        try:
            waarde = super().to_internal_value(data)
        except serializers.ValidationError as fout:
            if onbekend and isinstance(fout.detail, dict):
                raise serializers.ValidationError({**fout.detail, **onbekend}) from None
            raise
        if onbekend:
            raise serializers.ValidationError(onbekend)
        return waarde


class OverwegingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Overweging
        fields = ["id", "volgorde", "zin", "bron", "soort", "herkomst", "regel_id", "url", "bevinding"]


class BesluitGoedkeuringSerializer(GoedkeuringSerializer):
    """The one approval (`zaken.Goedkeuring`), with whether it counts for this besluit's current content."""

    geldig = serializers.SerializerMethodField()

    class Meta(GoedkeuringSerializer.Meta):
        fields = [*GoedkeuringSerializer.Meta.fields, "geldig"]

    def get_geldig(self, obj) -> bool:
        if obj.besluit_id is None or not obj.akkoord:
            return False
        geldig = services.geldige_goedkeuring(obj.besluit)
        return geldig is not None and geldig.pk == obj.pk


class BriefKortSerializer(serializers.Serializer):
    html_sha256 = serializers.CharField()
    pdf_sha256 = serializers.CharField()
    sjabloonversies = serializers.JSONField()
    leesbaarheid = serializers.JSONField()
    gemaakt_op = serializers.DateTimeField()


class BesluitSerializer(serializers.ModelSerializer):
    kenmerk = serializers.CharField(read_only=True)
    rechtsmiddel = serializers.CharField(read_only=True)
    overwegingen = OverwegingSerializer(many=True, read_only=True)
    goedkeuringen = BesluitGoedkeuringSerializer(many=True, read_only=True)
    ontbrekende_elementen = serializers.SerializerMethodField()
    vier_ogen = serializers.SerializerMethodField()
    brief = serializers.SerializerMethodField()
    opgesteld_door = serializers.CharField(source="opgesteld_door.get_username", read_only=True)

    class Meta:
        model = Besluit
        exclude = ["vastgesteld_door", "bekendgemaakt_door"]

    def get_ontbrekende_elementen(self, obj) -> list[dict]:
        return [{"veld": e.veld, "naam": e.naam, "bron": e.bron} for e in inhoud.ontbrekende_elementen(obj)]

    def get_vier_ogen(self, obj) -> dict:
        o = services.vier_ogen(obj)
        g = services.geldige_goedkeuring(obj)
        return {"vereist": o.vereist, "redenen": o.redenen, "goedgekeurd": g is not None,
                "goedkeuring": g.pk if g is not None else None, "vervallen": services.vervallen_besluit(obj)}

    def get_brief(self, obj) -> dict | None:
        brief = getattr(obj, "brief", None) if obj.is_bekendgemaakt else None
        return BriefKortSerializer(brief).data if brief is not None else None


class BesluitInvoerSerializer(StriktSerializer):
    zaak = serializers.IntegerField(min_value=1)
    soort = serializers.ChoiceField(choices=Soort.choices, required=False)


class BesluitWijzigSerializer(StriktSerializer):
    tekst = {"required": False, "allow_blank": True}
    aanvraag = serializers.CharField(**tekst)
    toelichting_beslissing = serializers.CharField(**tekst)
    voorziening = serializers.CharField(max_length=300, **tekst)
    beoogd_resultaat = serializers.CharField(**tekst)
    vorm = serializers.ChoiceField(choices=Vorm.choices, **tekst)
    financiering = serializers.ChoiceField(choices=Financiering.choices, **tekst)
    lening_voorwaarden = serializers.CharField(**tekst)
    reden_natura = serializers.CharField(**tekst)
    bedrag = serializers.DecimalField(required=False, allow_null=True, min_value=0, **BEDRAG)
    bedrag_periode = serializers.ChoiceField(choices=Periode.choices, **tekst)
    ingangsdatum = DatumVeld(required=False, allow_null=True)
    einddatum = DatumVeld(required=False, allow_null=True)
    duur = serializers.CharField(max_length=200, **tekst)
    omvang = serializers.CharField(max_length=300, **tekst)
    aanbieder = serializers.CharField(max_length=300, **tekst)
    andere_voorzieningen = serializers.CharField(**tekst)
    kwaliteitseisen = serializers.CharField(**tekst)
    pgb_bedrag = serializers.DecimalField(required=False, allow_null=True, min_value=0, **BEDRAG)
    pgb_berekening = serializers.CharField(**tekst)
    verantwoording = serializers.CharField(**tekst)
    bijdrage_verschuldigd = serializers.BooleanField(required=False, allow_null=True)
    bijdrage_toelichting = serializers.CharField(**tekst)
    meldplicht = serializers.CharField(**tekst)
    vervolg = serializers.CharField(**tekst)
    ontbrekende_gegevens = serializers.CharField(**tekst)
    hersteltermijn_tot = DatumVeld(required=False, allow_null=True)
    reden_wijziging = serializers.CharField(**tekst)
    del tekst


class OverwegingInvoerSerializer(StriktSerializer):
    zin = serializers.CharField()
    bron = serializers.CharField(max_length=400)
    soort = serializers.ChoiceField(choices=SoortBron.choices)


class OverwegingWijzigSerializer(StriktSerializer):
    zin = serializers.CharField(required=False)
    bron = serializers.CharField(required=False, max_length=400)


class GoedkeurenSerializer(StriktSerializer):
    akkoord = serializers.BooleanField()
    toelichting = serializers.CharField(required=False, allow_blank=True)


class DatumSerializer(StriktSerializer):
    datum = DatumVeld(required=False)


class RedenSerializer(StriktSerializer):
    reden = serializers.CharField()


class NieuwBesluitSerializer(StriktSerializer):
    soort = serializers.ChoiceField(choices=[c for c in Soort.choices if c[0] != Soort.BUITEN_BEHANDELING])


class BezwaarSerializer(serializers.ModelSerializer):
    besluit_kenmerk = serializers.CharField(source="besluit.kenmerk", read_only=True)
    nieuwe_besluiten = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Bezwaarschrift
        exclude = ["geregistreerd_door", "verschoonbaarheid_door", "beslist_door"]


class BezwaarInvoerSerializer(StriktSerializer):
    besluit = serializers.IntegerField(min_value=1)
    ontvangen_op = DatumVeld()
    ter_post_bezorgd_op = DatumVeld(required=False, allow_null=True)
    indiener = serializers.CharField(required=False, allow_blank=True, max_length=300)
    gronden = serializers.CharField(required=False, allow_blank=True)
    adviescommissie = serializers.BooleanField(required=False, default=False)


class VerschoonbaarheidSerializer(StriktSerializer):
    verschoonbaar = serializers.BooleanField()
    reden = serializers.CharField()


class BehandelingSerializer(StriktSerializer):
    adviescommissie = serializers.BooleanField(required=False, allow_null=True, default=None)
    verdaging_medegedeeld_op = DatumVeld(required=False, allow_null=True)
    verdaging_weken = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=52)
    verdaging_reden = serializers.CharField(required=False, allow_blank=True)


class HorenSerializer(StriktSerializer):
    hoorzitting_op = DatumVeld(required=False, allow_null=True)
    verslag = serializers.CharField(required=False, allow_blank=True)
    afzien_reden = serializers.CharField(required=False, allow_blank=True)


class BeslissenSerializer(StriktSerializer):
    uitkomst = serializers.ChoiceField(choices=Uitkomst.choices)
    motivering = serializers.CharField()
    datum = DatumVeld(required=False)
    verzuim = serializers.CharField(required=False, allow_blank=True)
    hersteltermijn_tot = DatumVeld(required=False, allow_null=True)
    nieuw_besluit_soort = serializers.ChoiceField(
        choices=[c for c in Soort.choices if c[0] != Soort.BUITEN_BEHANDELING], required=False, allow_null=True)


class SjabloonVersieSerializer(serializers.ModelSerializer):
    opgeslagen_door = serializers.CharField(source="opgeslagen_door.get_username", read_only=True, default="")

    class Meta:
        model = BriefSjabloonVersie
        fields = ["id", "nummer", "sha256", "toelichting", "opgeslagen_door", "opgeslagen_op", "inhoud"]


class BriefSjabloonSerializer(serializers.ModelSerializer):
    huidige_versie = serializers.SerializerMethodField()

    class Meta:
        model = BriefSjabloon
        fields = ["code", "naam", "omschrijving", "huidige_versie"]

    def get_huidige_versie(self, obj) -> dict | None:
        v = obj.huidige_versie()
        return SjabloonVersieSerializer(v).data if v else None


class SjabloonOpslaanSerializer(StriktSerializer):
    inhoud = serializers.CharField(trim_whitespace=False)
    toelichting = serializers.CharField(required=False, allow_blank=True, max_length=300)


# ------------------------------------------------------------------ ontvangstbewijs


class HerberekenVraagSerializer(serializers.Serializer):
    """Query of GET besluiten/{id}/ontvangstbewijs/: `herbereken=1` adds the recomputation with today's rules."""

    herbereken = serializers.ChoiceField(choices=[("0", "nee"), ("1", "ja")], required=False)


class OntvangstbewijsSerializer(serializers.Serializer):
    besluit = serializers.IntegerField(source="besluit_id", read_only=True)
    kenmerk = serializers.CharField(source="besluit.kenmerk", read_only=True)
    sha256 = serializers.CharField(read_only=True, help_text="SHA-256 over de canonieke JSON van `inhoud`.")
    integriteit = serializers.SerializerMethodField(help_text="Klopt de opgeslagen inhoud nog met de SHA-256?")
    regelset_sha256 = serializers.CharField(read_only=True)
    gemaakt_op = serializers.DateTimeField(read_only=True)
    inhoud = serializers.JSONField(read_only=True, help_text="Versies, besluit, berekening (invoer, resultaat, uitleg), "
                                                             "bevindingen, afwijkingen en vier ogen, zoals vastgesteld.")
    herberekening = serializers.SerializerMethodField(
        help_text="Met ?herbereken=1 de uitkomst met de regels van nu (regelset toen/nu, uitkomst, verschillen); "
                  "anders null.")

    def get_integriteit(self, obj) -> bool:
        return obj.controleer_integriteit()

    @extend_schema_field({"type": "object", "nullable": True, "additionalProperties": True})
    def get_herberekening(self, obj):
        return getattr(obj, "herberekening", None)
