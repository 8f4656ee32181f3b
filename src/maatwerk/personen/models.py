"""Inwoners, huishoudens and the monthly records (netto inkomen, vermogen) the Regelkern needs.

Nothing is deleted: a member who leaves a household gets an end date (`tot`), records are added, not
overwritten (see `maatwerk.personen.services`).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from maatwerk.personen.validators import (
    valideer_bsn,
    valideer_eerste_van_maand,
    valideer_geboortedatum,
    valideer_postcode,
)


class Inwoner(models.Model):
    bsn = models.CharField("BSN", max_length=9, unique=True, validators=[valideer_bsn])
    voornamen = models.CharField("voornamen", max_length=200)
    tussenvoegsel = models.CharField("tussenvoegsel", max_length=20, blank=True)
    achternaam = models.CharField("achternaam", max_length=200)
    geboortedatum = models.DateField("geboortedatum", validators=[valideer_geboortedatum])
    straat = models.CharField("straat", max_length=200)
    huisnummer = models.PositiveIntegerField(
        "huisnummer", validators=[MinValueValidator(1), MaxValueValidator(99999)]
    )
    huisnummertoevoeging = models.CharField("huisnummertoevoeging", max_length=10, blank=True)
    postcode = models.CharField("postcode", max_length=7, validators=[valideer_postcode])
    woonplaats = models.CharField("woonplaats", max_length=200)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", editable=False
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "inwoner"
        verbose_name_plural = "inwoners"
        ordering = ["achternaam", "voornamen", "id"]

    @property
    def naam(self) -> str:
        return " ".join(p for p in (self.voornamen, self.tussenvoegsel, self.achternaam) if p)

    @property
    def adres(self) -> str:
        nummer = f"{self.huisnummer}{(' ' + self.huisnummertoevoeging) if self.huisnummertoevoeging else ''}"
        return f"{self.straat} {nummer}, {self.postcode} {self.woonplaats}"

    def __str__(self) -> str:
        return self.naam


class Rol(models.TextChoices):
    """Role in the household as the Regelkern knows it (maatwerk.regels.entities)."""

    PARTNER = "partner", "aanvrager of partner"
    KIND = "kind", "minderjarig kind"
    MEDEBEWONER = "medebewoner", "medebewoner"


class Relatie(models.TextChoices):
    """Relation to the aanvrager (the first partner)."""

    AANVRAGER = "aanvrager", "aanvrager"
    PARTNER = "partner", "echtgenoot of partner"
    KIND = "kind", "kind"
    OUDER = "ouder", "ouder"
    OVERIG = "overig", "overig"


PARTNER_RELATIES = (Relatie.AANVRAGER, Relatie.PARTNER)


class Huishouden(models.Model):
    naam = models.CharField("naam", max_length=200, help_text="Bijvoorbeeld 'Huishouden Jansen'.")
    leden = models.ManyToManyField(Inwoner, through="Huishoudlid", related_name="huishoudens")
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", editable=False
    )
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "huishouden"
        verbose_name_plural = "huishoudens"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.naam

    def lidmaatschappen_op(self, datum: dt.date):
        """Members on `datum` (vanaf <= datum, and tot empty or >= datum)."""
        return (
            self.lidmaatschappen.filter(Q(vanaf__isnull=True) | Q(vanaf__lte=datum))
            .filter(Q(tot__isnull=True) | Q(tot__gte=datum))
            .select_related("inwoner")
            .order_by("id")
        )

    def huidige_lidmaatschappen(self):
        return self.lidmaatschappen.filter(tot__isnull=True).select_related("inwoner").order_by("id")


class Huishoudlid(models.Model):
    huishouden = models.ForeignKey(Huishouden, on_delete=models.PROTECT, related_name="lidmaatschappen")
    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="lidmaatschappen")
    rol = models.CharField("rol", max_length=20, choices=Rol.choices)
    relatie = models.CharField("relatie tot de aanvrager", max_length=20, choices=Relatie.choices)
    vanaf = models.DateField("lid vanaf", null=True, blank=True)
    tot = models.DateField("lid tot en met", null=True, blank=True)

    class Meta:
        verbose_name = "huishoudlid"
        verbose_name_plural = "huishoudleden"
        constraints = [
            models.UniqueConstraint(fields=["huishouden", "inwoner"], name="huishoudlid_eenmaal_per_huishouden"),
            models.UniqueConstraint(
                fields=["huishouden"],
                condition=Q(relatie="aanvrager"),
                name="huishouden_een_aanvrager",
            ),
            # Aanvrager and echtgenoot/partner are the 'partners' of the Regelkern (art. 3 Pw); nobody else is.
            models.CheckConstraint(
                condition=(Q(relatie__in=["aanvrager", "partner"]) & Q(rol="partner"))
                | (~Q(relatie__in=["aanvrager", "partner"]) & ~Q(rol="partner")),
                name="huishoudlid_partnerrol_past_bij_relatie",
            ),
            models.CheckConstraint(
                condition=Q(vanaf__isnull=True) | Q(tot__isnull=True) | Q(tot__gte=models.F("vanaf")),
                name="huishoudlid_tot_na_vanaf",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.inwoner} ({self.get_relatie_display()}) in {self.huishouden}"


class Inkomenssoort(models.TextChoices):
    LOON = "loon", "loon"
    UITKERING = "uitkering", "uitkering"
    PENSIOEN = "pensioen", "pensioen"
    ALIMENTATIE = "alimentatie", "alimentatie"
    OVERIG = "overig", "overig"


class Maandinkomen(models.Model):
    """A net monthly income of one inwoner; several records in one month (e.g. loon + alimentatie) add up.
    A wrong record is not deleted but marked `vervallen_op` (nothing is lost)."""

    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="maandinkomens")
    maand = models.DateField("maand", validators=[valideer_eerste_van_maand], help_text="Eerste dag van de maand.")
    soort = models.CharField("soort inkomen", max_length=20, choices=Inkomenssoort.choices, default=Inkomenssoort.OVERIG)
    netto_bedrag = models.DecimalField("netto bedrag", max_digits=10, decimal_places=2)
    omschrijving = models.CharField("omschrijving", max_length=200, blank=True)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)
    vervallen_op = models.DateTimeField("vervallen op", null=True, blank=True)

    class Meta:
        verbose_name = "maandinkomen"
        verbose_name_plural = "maandinkomens"
        ordering = ["maand", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(netto_bedrag__gte=0), name="maandinkomen_niet_negatief"),
        ]


class Vermogensopgave(models.Model):
    """Vermogen (bezittingen min schulden, art. 34 lid 1 Pw) of one inwoner in a month; may be negative.
    The latest record of a month that has not lapsed (`vervallen_op`) counts."""

    inwoner = models.ForeignKey(Inwoner, on_delete=models.PROTECT, related_name="vermogensopgaven")
    maand = models.DateField("maand", validators=[valideer_eerste_van_maand], help_text="Eerste dag van de maand.")
    bedrag = models.DecimalField("vermogen", max_digits=12, decimal_places=2)
    omschrijving = models.CharField("omschrijving", max_length=200, blank=True)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)
    vervallen_op = models.DateTimeField("vervallen op", null=True, blank=True)

    class Meta:
        verbose_name = "vermogensopgave"
        verbose_name_plural = "vermogensopgaven"
        ordering = ["maand", "id"]
