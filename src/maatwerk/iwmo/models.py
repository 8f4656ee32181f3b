"""Aanbieders (providers) with their contracts per domain, products with dated tariffs, toewijzingen (the
assignment of a granted besluit to a provider) and the iWmo/iJw messages in and out.

Rules live in the services (`tarieven.py`, `services.py`); the models only hold what must be true whoever calls
them (a tariff period ends on or after its start; a message keeps its XML as sent or received).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from maatwerk.iwmo import codelijsten as cl

DOMEIN_KEUZES = [("wmo", "Wmo"), ("jeugd", "Jeugd")]
BEDRAG = {"max_digits": 10, "decimal_places": 2}

agb_code = RegexValidator(r"^\d{8}$", "AGB-code: een AGB-code bestaat uit precies 8 cijfers.")
kvk_nummer = RegexValidator(r"^\d{8}$", "KvK-nummer: een KvK-nummer bestaat uit precies 8 cijfers.")


class Aanbieder(models.Model):
    naam = models.CharField("naam", max_length=200)
    agb_code = models.CharField("AGB-code", max_length=8, unique=True, validators=[agb_code])
    kvk_nummer = models.CharField("KvK-nummer", max_length=8, blank=True, validators=[kvk_nummer])

    class Meta:
        verbose_name = "aanbieder"
        verbose_name_plural = "aanbieders"
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} (AGB {self.agb_code})"


class Contract(models.Model):
    """The provider is contracted for a domain from `van` up to and including `tot` (open when empty)."""

    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="contracten")
    domein = models.CharField("domein", max_length=10, choices=DOMEIN_KEUZES)
    van = models.DateField("gecontracteerd vanaf")
    tot = models.DateField("gecontracteerd tot en met", null=True, blank=True)
    kenmerk = models.CharField("kenmerk van de overeenkomst", max_length=100, blank=True)

    class Meta:
        verbose_name = "contract"
        verbose_name_plural = "contracten"
        ordering = ["aanbieder__naam", "domein", "van"]
        constraints = [models.CheckConstraint(condition=Q(tot__isnull=True) | Q(tot__gte=models.F("van")),
                                              name="iwmo_contract_tot_na_van")]


class Product(models.Model):
    domein = models.CharField("domein", max_length=10, choices=DOMEIN_KEUZES)
    categorie = models.CharField("productcategorie", max_length=2)
    code = models.CharField("productcode", max_length=5)
    omschrijving = models.CharField("omschrijving", max_length=200)
    eenheid = models.CharField("eenheid", max_length=2, choices=list(cl.EENHEDEN.items()))
    frequentie = models.CharField("frequentie", max_length=1, choices=list(cl.FREQUENTIES.items()))

    class Meta:
        verbose_name = "product"
        verbose_name_plural = "producten"
        ordering = ["domein", "categorie", "code"]
        constraints = [models.UniqueConstraint(fields=["domein", "categorie", "code"], name="iwmo_product_uniek")]

    def __str__(self) -> str:
        return f"{self.code} {self.omschrijving}"

    @property
    def categorie_naam(self) -> str:
        return cl.categorie_naam(self.domein, self.categorie)


class Tarief(models.Model):
    """The natura cost price of a product per unit, valid from `van` up to and including `tot`; for one
    provider where contracted so, else the municipality's tariff for every provider (`aanbieder` empty)."""

    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="tarieven")
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, null=True, blank=True, related_name="tarieven")
    bedrag = models.DecimalField("tarief per eenheid", **BEDRAG)
    van = models.DateField("geldig vanaf")
    tot = models.DateField("geldig tot en met", null=True, blank=True)
    bron = models.CharField("bron (besluit, contract of beleidsregel)", max_length=300)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                        related_name="+")
    vastgelegd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "tarief"
        verbose_name_plural = "tarieven"
        ordering = ["product", "aanbieder", "van"]
        constraints = [
            models.CheckConstraint(condition=Q(tot__isnull=True) | Q(tot__gte=models.F("van")), name="iwmo_tarief_tot_na_van"),
            models.CheckConstraint(condition=Q(bedrag__gte=0), name="iwmo_tarief_niet_negatief"),
        ]


class ToewijzingStatus(models.TextChoices):
    TOEGEWEZEN = "toegewezen", "toegewezen (301 verstuurd)"
    GESTART = "gestart", "zorg gestart"
    GESTOPT = "gestopt", "zorg gestopt"
    GEWIJZIGD = "gewijzigd", "vervangen door een gewijzigde toewijzing"


class Toewijzing(models.Model):
    """A product assigned to a provider on a granted Wmo or Jeugd besluit in natura (the 301's ToegewezenProduct)."""

    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.PROTECT, related_name="toewijzingen")
    besluit = models.ForeignKey("besluiten.Besluit", on_delete=models.PROTECT, related_name="toewijzingen")
    domein = models.CharField(max_length=10, choices=DOMEIN_KEUZES)
    nummer = models.CharField("toewijzingnummer", max_length=8)
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="+")
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="toewijzingen")
    volume = models.PositiveIntegerField("volume")
    eenheid = models.CharField("eenheid", max_length=2, choices=list(cl.EENHEDEN.items()))
    frequentie = models.CharField("frequentie", max_length=1, choices=list(cl.FREQUENTIES.items()))
    ingangsdatum = models.DateField("ingangsdatum")
    einddatum = models.DateField("einddatum (tot en met)", null=True, blank=True)
    reden_wijziging = models.CharField(max_length=2, blank=True)
    referentie_aanbieder = models.CharField(max_length=20, blank=True)
    vervangt = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="vervangen_door")
    status = models.CharField(max_length=20, choices=ToewijzingStatus.choices, default=ToewijzingStatus.TOEGEWEZEN)
    zorg_gestart_op = models.DateField("zorg gestart op", null=True, blank=True)
    zorg_gestopt_op = models.DateField("zorg gestopt op", null=True, blank=True)
    reden_beeindiging = models.CharField(max_length=2, blank=True)
    # The provider's answer on the 301 (its 302): None while no 302 came in; True when the ToegewezenProduct got
    # retourcode 0200 (geen opmerking), False otherwise, with the codes it gave.
    geaccepteerd = models.BooleanField("door de aanbieder geaccepteerd", null=True, blank=True)
    retourcodes_aanbieder = models.CharField("retourcodes van de aanbieder (302)", max_length=50, blank=True)
    toegewezen_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    toegewezen_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "toewijzing"
        verbose_name_plural = "toewijzingen"
        ordering = ["-id"]
        constraints = [
            # TR332: every ToegewezenProduct has a unique number per legal domain within the municipality.
            models.UniqueConstraint(fields=["domein", "nummer"], name="iwmo_toewijzingnummer_uniek"),
            models.CheckConstraint(condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("ingangsdatum")),
                                   name="iwmo_toewijzing_einde_na_ingang"),
        ]

    @property
    def omvang_tekst(self) -> str:
        return f"{self.volume} × {self.get_eenheid_display()} {self.get_frequentie_display()}"

    @property
    def reden_beeindiging_tekst(self) -> str:
        return cl.REDEN_BEEINDIGING.get(self.reden_beeindiging, self.reden_beeindiging)

    @property
    def acceptatie_tekst(self) -> str:
        """What the provider answered on the 301, for a person (no bare codes)."""
        if self.geaccepteerd is None:
            return "nog geen antwoord van de aanbieder (302)"
        if self.geaccepteerd:
            return "geaccepteerd door de aanbieder"
        uitleg = "; ".join(f"{c} {cl.RETOURCODES.get(c, 'onbekende code').rstrip('.').lower()}"
                           for c in self.retourcodes_aanbieder.split())
        return f"niet geaccepteerd door de aanbieder ({uitleg})"


class Richting(models.TextChoices):
    UIT = "uit", "verzonden"
    IN = "in", "ontvangen"


class BerichtStatus(models.TextChoices):
    AANGEMAAKT = "aangemaakt", "aangemaakt, klaar om te downloaden"
    VERWERKT = "verwerkt", "verwerkt"
    AFGEKEURD = "afgekeurd", "afgekeurd"


class Bericht(models.Model):
    """One iWmo/iJw message, in or out, with its XML exactly as made or received. An incoming message that
    could not be tied to a zaak (e.g. an unknown toewijzingnummer) is kept without zaak, with its retourbericht."""

    domein = models.CharField(max_length=10, choices=DOMEIN_KEUZES)
    soort = models.CharField("berichtsoort", max_length=3)
    richting = models.CharField(max_length=3, choices=Richting.choices)
    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.PROTECT, null=True, blank=True, related_name="iwmo_berichten")
    toewijzing = models.ForeignKey(Toewijzing, on_delete=models.PROTECT, null=True, blank=True, related_name="berichten")
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, null=True, blank=True, related_name="berichten")
    afzender = models.CharField(max_length=20, blank=True)
    identificatie = models.CharField("berichtidentificatie", max_length=20, blank=True)
    dagtekening = models.DateField(null=True, blank=True)
    xml = models.TextField()
    bestandsnaam = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=BerichtStatus.choices)
    retourcodes = models.CharField("retourcodes", max_length=200, blank=True)
    fouten = models.TextField("bevindingen bij de controle", blank=True)
    antwoord_op = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="antwoorden")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "bericht"
        verbose_name_plural = "berichten"
        ordering = ["-op", "-id"]

    @property
    def type_tekst(self) -> str:
        return f"{cl.PREFIX[self.domein]}{self.soort} {cl.SOORT_NAAM.get(self.soort, '')}".strip()

    @property
    def retourcodes_tekst(self) -> list[str]:
        return [f"{c}: {cl.RETOURCODES.get(c, 'onbekende code')}" for c in self.retourcodes.split() if c]


class VerzoekStatus(models.TextChoices):
    OPEN = "open", "wacht op de consulent"
    TOEGEWEZEN = "toegewezen", "toegewezen (301 verstuurd)"
    AFGEWEZEN = "afgewezen", "afgewezen"


class Verzoek(models.Model):
    """A provider's verzoek om toewijzing (315) or verzoek om wijziging (317) on a zaak, for the consulent."""

    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.PROTECT, related_name="iwmo_verzoeken")
    bericht = models.ForeignKey(Bericht, on_delete=models.PROTECT, related_name="verzoeken")
    soort = models.CharField(max_length=3)
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="+")
    referentie_aanbieder = models.CharField(max_length=20)
    toewijzing = models.ForeignKey(Toewijzing, on_delete=models.PROTECT, null=True, blank=True, related_name="verzoeken")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    volume = models.PositiveIntegerField(null=True, blank=True)
    eenheid = models.CharField(max_length=2, blank=True)
    frequentie = models.CharField(max_length=1, blank=True)
    ingangsdatum = models.DateField()
    einddatum = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=VerzoekStatus.choices, default=VerzoekStatus.OPEN)
    reden_afwijzing = models.TextField(blank=True)
    behandeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    behandeld_op = models.DateTimeField(null=True, blank=True)
    resultaat = models.ForeignKey(Toewijzing, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = "verzoek van een aanbieder"
        verbose_name_plural = "verzoeken van aanbieders"
        ordering = ["-id"]

    @property
    def soort_tekst(self) -> str:
        return cl.SOORT_NAAM.get(self.soort, self.soort).lower()

    @property
    def omvang_tekst(self) -> str:
        if self.volume is None:
            return ""
        return (f"{self.volume} × {cl.EENHEDEN.get(self.eenheid, self.eenheid)} "
                f"{cl.FREQUENTIES.get(self.frequentie, self.frequentie)}")
