"""API representations of zaken and what is recorded on them. Input serializers check form only."""

from __future__ import annotations

from rest_framework import serializers

from maatwerk.zaken.wmo_berekening import PGB_SOORTEN, VOORZIENINGEN
from maatwerk.personen.serializers import MaandVeld
from maatwerk.zaken.models import (
    AANVRAAG_VIA_MEDEWERKER,
    Afwijking,
    Berekening,
    Bevinding,
    Clientreactie,
    Goedkeuring,
    Mandaatregel,
    Onderzoek,
    OnderzoekVersie,
    Ondersteuningsplan,
    PlanVersie,
    SoortAfwijking,
    Status,
    Statusovergang,
    Uitkomst,
    Waarde,
    Zaak,
)
from maatwerk.zaken.onderzoek import ONDERZOEK_VELDEN
from maatwerk.zaken.regelingen import REGELING_KEUZES

BEDRAG = {"max_digits": 12, "decimal_places": 2}
MAX_ID = 2**63 - 1


class ZaakSerializer(serializers.ModelSerializer):
    domein = serializers.CharField(read_only=True)
    regeling_naam = serializers.CharField(source="definitie.naam", read_only=True)
    hoofdpersoon_naam = serializers.CharField(source="hoofdpersoon.naam", read_only=True)

    class Meta:
        model = Zaak
        fields = ["id", "regeling", "regeling_naam", "domein", "huishouden", "hoofdpersoon", "hoofdpersoon_naam",
                  "status", "omschrijving", "ontvangen_op", "meldingsdatum", "aanvraagdatum", "aanvraag_via", "spoed",
                  "kosten", "voorstel_uitkomst", "voorstel_bedrag", "besluit_uitkomst", "besluit_bedrag", "besluitdatum",
                  "behandelaar", "aangemaakt_op", "gewijzigd_op"]


class ZaakInvoerSerializer(serializers.Serializer):
    regeling = serializers.ChoiceField(choices=REGELING_KEUZES)
    huishouden = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    hoofdpersoon = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    omschrijving = serializers.CharField(required=False, allow_blank=True)
    ontvangen_op = serializers.DateField(required=False)
    kosten = serializers.DecimalField(required=False, allow_null=True, min_value=0, **BEDRAG)


class IntakeInvoerSerializer(serializers.Serializer):
    regeling = serializers.ChoiceField(choices=REGELING_KEUZES)
    bsn = serializers.CharField(max_length=11)
    geboortedatum = serializers.DateField()
    reden = serializers.CharField(help_text="Waarom deze intake: wie meldt zich, met welke vraag (ten minste 20 tekens).")
    omschrijving = serializers.CharField(required=False, allow_blank=True)
    ontvangen_op = serializers.DateField(required=False)
    kosten = serializers.DecimalField(required=False, allow_null=True, min_value=0, **BEDRAG)


class ZaakWijzigSerializer(serializers.Serializer):
    omschrijving = serializers.CharField(required=False, allow_blank=True)
    kosten = serializers.DecimalField(required=False, allow_null=True, min_value=0, **BEDRAG)


class OvergangInvoerSerializer(serializers.Serializer):
    naar = serializers.ChoiceField(choices=Status.choices)
    datum = serializers.DateField(required=False)
    reden = serializers.CharField(required=False, allow_blank=True)
    via = serializers.ChoiceField(choices=AANVRAAG_VIA_MEDEWERKER, required=False)
    uitkomst = serializers.ChoiceField(choices=Uitkomst.choices, required=False)
    bedrag = serializers.DecimalField(required=False, allow_null=True, min_value=0, **BEDRAG)


class StatusovergangSerializer(serializers.ModelSerializer):
    door = serializers.CharField(source="door.get_username", read_only=True)

    class Meta:
        model = Statusovergang
        fields = ["id", "van", "naar", "datum", "reden", "grondslag", "door", "op"]


class MogelijkeOvergangSerializer(serializers.Serializer):
    naar = serializers.CharField()
    actie = serializers.CharField()
    grondslag = serializers.CharField()
    reden_verplicht = serializers.BooleanField()


class ClientreactieSerializer(serializers.ModelSerializer):
    class Meta:
        model = Clientreactie
        fields = ["id", "tekst", "ontvangen_op", "vastgelegd_op"]


class ClientreactieInvoerSerializer(serializers.Serializer):
    tekst = serializers.CharField()
    ontvangen_op = serializers.DateField()
    bij = serializers.ChoiceField(choices=[("onderzoek", "onderzoek"), ("plan", "plan")], default="onderzoek")


class OnderzoekSerializer(serializers.ModelSerializer):
    clientreacties = ClientreactieSerializer(many=True, read_only=True)
    ontbrekende_checklist = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Onderzoek
        fields = ["id", "gesprekdatum", *ONDERZOEK_VELDEN, "ontbrekende_checklist", "clientreacties", "aangemaakt_op",
                  "gewijzigd_op"]


def _onderzoek_invoer_velden() -> dict:
    velden: dict = {"gesprekdatum": serializers.DateField(required=False)}
    for naam in ONDERZOEK_VELDEN:
        veld = Onderzoek._meta.get_field(naam)
        if naam.startswith("zrm_"):
            velden[naam] = serializers.IntegerField(min_value=1, max_value=5, required=False, allow_null=True)
        elif naam == "participatieladder":
            velden[naam] = serializers.IntegerField(min_value=1, max_value=6, required=False, allow_null=True)
        elif naam == "laatste_gesprekdatum":
            velden[naam] = serializers.DateField(required=False, allow_null=True)
        elif veld.get_internal_type() == "BooleanField":
            velden[naam] = serializers.BooleanField(required=False)
        else:
            velden[naam] = serializers.CharField(required=False, allow_blank=True, max_length=getattr(veld, "max_length", None))
    return velden


OnderzoekInvoerSerializer = type("OnderzoekInvoerSerializer", (serializers.Serializer,), _onderzoek_invoer_velden())


class OndersteuningsplanSerializer(serializers.ModelSerializer):
    clientreacties = ClientreactieSerializer(many=True, read_only=True)

    class Meta:
        model = Ondersteuningsplan
        fields = ["id", "onderzoek", "afspraken", "verstrekt_op", "ondertekend_op", "clientreacties", "aangemaakt_op",
                  "gewijzigd_op"]


class OnderzoekVersieSerializer(serializers.ModelSerializer):
    """One stored version of the report: its full content, who saved it, when, and what changed."""

    door = serializers.CharField(source="door.get_username", read_only=True)

    class Meta:
        model = OnderzoekVersie
        fields = ["id", "onderzoek", "nummer", "door", "op", "gewijzigde_velden", "toelichting", "inhoud"]
        read_only_fields = fields


class PlanVersieSerializer(serializers.ModelSerializer):
    door = serializers.CharField(source="door.get_username", read_only=True)

    class Meta:
        model = PlanVersie
        fields = ["id", "plan", "nummer", "door", "op", "gewijzigde_velden", "toelichting", "inhoud"]
        read_only_fields = fields


class PlanInvoerSerializer(serializers.Serializer):
    afspraken = serializers.CharField()
    verstrekt_op = serializers.DateField(required=False, allow_null=True)
    ondertekend_op = serializers.DateField(required=False, allow_null=True)


class BevindingSerializer(serializers.ModelSerializer):
    door = serializers.CharField(source="door.get_username", read_only=True)

    class Meta:
        model = Bevinding
        fields = ["id", "criterium", "waarde", "motivering", "door", "op", "actueel"]


class BevindingInvoerSerializer(serializers.Serializer):
    criterium = serializers.CharField(max_length=60)
    waarde = serializers.ChoiceField(choices=Waarde.choices)
    motivering = serializers.CharField()


class AfwijkingSerializer(serializers.ModelSerializer):
    door = serializers.CharField(source="door.get_username", read_only=True)

    class Meta:
        model = Afwijking
        fields = ["id", "soort", "bron", "reden", "door", "op"]


class AfwijkingInvoerSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(choices=SoortAfwijking.choices)
    reden = serializers.CharField()


class GoedkeuringSerializer(serializers.ModelSerializer):
    """The one four-eyes approval (issue 8 point 3): for the zaak's proposal and the besluit with the same content."""

    door = serializers.CharField(source="door.get_username", read_only=True)
    besluit = serializers.SerializerMethodField(help_text="Kenmerk van het besluit waarop het oordeel is gegeven; "
                                                          "leeg: gegeven op het voorstel in de zaak.")

    class Meta:
        model = Goedkeuring
        fields = ["id", "akkoord", "toelichting", "door", "op", "besluit", "inhoud_sha256", "samenvatting"]

    def get_besluit(self, obj) -> str | None:
        return obj.besluit.kenmerk if obj.besluit_id else None


class GoedkeuringInvoerSerializer(serializers.Serializer):
    akkoord = serializers.BooleanField()
    toelichting = serializers.CharField(required=False, allow_blank=True)


class VierOgenSerializer(serializers.Serializer):
    vereist = serializers.BooleanField()
    redenen = serializers.ListField(child=serializers.CharField())
    goedgekeurd = serializers.BooleanField()
    goedkeuring = GoedkeuringSerializer(allow_null=True, help_text="De goedkeuring die voor het huidige voorstel geldt.")
    vervallen = serializers.CharField(allow_null=True, help_text="Waarom een eerdere goedkeuring niet meer geldt.")


class BerekeningSerializer(serializers.ModelSerializer):
    maand = MaandVeld()
    door = serializers.CharField(source="door.get_username", read_only=True)

    class Meta:
        model = Berekening
        fields = ["id", "maand", "gemeente", "situatie", "resultaat", "uitleg", "waarschuwingen", "bedrag", "gegevens", "door", "op"]


class WmoBerekeningInvoerSerializer(serializers.Serializer):
    """Wmo (issue 10): the facts for the pgb (Vo art. 4:7, 4:8) and the eigen bijdrage (art. 4:9) of the zaak."""

    _bedrag = dict(max_digits=12, decimal_places=2, min_value=0, required=False, allow_null=True)
    pgb_soort = serializers.ChoiceField(choices=[c for c, _ in PGB_SOORTEN], default="geen")
    natura_kostprijs = serializers.DecimalField(**_bedrag, help_text="Kostprijs in natura, in de eenheid van het pgb "
                                                "(alleen zonder product)")
    product = serializers.CharField(max_length=5, required=False, allow_blank=True, allow_null=True,
                                    help_text="Productcode van het Wmo-product in natura: de kostprijs komt uit het tarief")
    aanbieder = serializers.RegexField(r"^\d{8}$", required=False, allow_blank=True, allow_null=True,
                                       help_text="AGB-code van de aanbieder, als die een eigen tarief heeft",
                                       error_messages={"invalid": "AGB-code: precies 8 cijfers."})
    volume = serializers.DecimalField(max_digits=7, decimal_places=2, min_value=0, max_value=10000, required=False,
                                      allow_null=True, help_text="Eenheden per frequentie van het product")
    uren = serializers.DecimalField(max_digits=6, decimal_places=2, min_value=0, max_value=744, required=False, allow_null=True)
    etmalen = serializers.DecimalField(max_digits=6, decimal_places=2, min_value=0, max_value=31, required=False, allow_null=True)
    begrote_kosten = serializers.DecimalField(**_bedrag)
    voorziening = serializers.ChoiceField(choices=[c for c, _ in VOORZIENINGEN], default="doorlopend")
    kostprijs = serializers.DecimalField(**_bedrag, help_text="Kostprijs per bijdrageperiode (leeg: de kostprijs in natura)")
    bijdrage_inkomen = serializers.DecimalField(**_bedrag, help_text="Alleen voor de tabel tot en met 2018")
    omschrijving = serializers.CharField(max_length=300, required=False, allow_blank=True)
    omvang = serializers.CharField(max_length=300, required=False, allow_blank=True)
    ingangsdatum = serializers.DateField(required=False, allow_null=True)
    einddatum = serializers.DateField(required=False, allow_null=True)


class BerekeningInvoerSerializer(serializers.Serializer):
    maand = serializers.CharField(help_text="JJJJ-MM")
    invoer = serializers.DictField(required=False, help_text="Aanvullende Regelkern-invoer: {huishouden: {...}, personen: {id: {...}}}")
    wmo = WmoBerekeningInvoerSerializer(required=False, help_text="Alleen voor een Wmo-zaak: pgb en eigen bijdrage")


class TermijnSerializer(serializers.Serializer):
    naam = serializers.CharField()
    regel_id = serializers.CharField()
    bron = serializers.CharField()
    soort = serializers.CharField()
    gebeurtenis = serializers.DateField()
    start = serializers.DateField()
    einde = serializers.DateField()
    dagen_resterend = serializers.IntegerField()
    verstreken = serializers.BooleanField()
    stappen = serializers.ListField(child=serializers.CharField())


class MandaatregelSerializer(serializers.ModelSerializer):
    class Meta:
        model = Mandaatregel
        fields = ["id", "rol", "regeling", "max_bedrag", "toelichting"]


class CriteriumSerializer(serializers.Serializer):
    code = serializers.CharField()
    vraag = serializers.CharField()
    bron = serializers.CharField()
    regelkern_variabele = serializers.CharField(allow_null=True)
    # Issue 10 (Wmo): a replaced criterion (answerable, not asked), the step letter of an ordered cascade, and the
    # finding another criterion must have before this one is asked.
    vervallen = serializers.BooleanField()
    cascade = serializers.CharField(allow_null=True)
    alleen_als = serializers.SerializerMethodField()

    def get_alleen_als(self, c) -> dict | None:
        return {"criterium": c.alleen_als[0], "waarde": c.alleen_als[1]} if c.alleen_als else None


class RegelingSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField()
    domein = serializers.CharField()
    wet = serializers.CharField()
    hardheidsclausule = serializers.CharField(allow_null=True)
    criteria = CriteriumSerializer(many=True)

