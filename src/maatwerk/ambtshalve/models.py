"""One batch per peildatum, and one outcome per household in it. The unique (batch, huishouden) pair makes the batch
idempotent: a household that has an outcome is never processed again, and each outcome is committed with its zaak
in one transaction, so a crash keeps what was done and a rerun continues (maatwerk.ambtshalve.batch)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Batch(models.Model):
    peildatum = models.DateField("peildatum", unique=True)
    gestart_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    gestart_op = models.DateTimeField(auto_now_add=True)
    totaal = models.PositiveIntegerField("aantal huishoudens te beoordelen", default=0)
    klaar_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-peildatum"]

    @property
    def verwerkt(self) -> int:
        return self.uitkomsten.count()

    def __str__(self) -> str:
        return f"Ambtshalve inkomenstoeslag {self.peildatum}"


class Soort(models.TextChoices):
    CONCEPT_TOEKENNING = "concept_toekenning", "concept-toekenning klaargezet"
    CONTROLE = "controle", "op de controlelijst"
    GEEN_RECHT = "geen_recht", "voldoet niet"


class Uitkomst(models.Model):
    batch = models.ForeignKey(Batch, on_delete=models.PROTECT, related_name="uitkomsten")
    huishouden = models.ForeignKey("personen.Huishouden", on_delete=models.PROTECT, related_name="+")
    hoofdpersoon = models.ForeignKey("personen.Inwoner", on_delete=models.PROTECT, related_name="+")
    soort = models.CharField(max_length=30, choices=Soort.choices)
    # The condition(s) not known (controle) or not met (geen_recht), in words.
    reden = models.TextField(blank=True)
    # Per condition: code, naam, waarde (ja/nee/onbekend), grond (what it rests on), bron, soort_bron.
    voorwaarden = models.JSONField(default=list)
    # Where the municipality knows the household from (voorwaarden.huishoudens_bekend), e.g. "algemene bijstand".
    bekend_uit = models.CharField("bekend uit", max_length=300, blank=True)
    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["batch", "huishouden"], name="ambtshalve_een_uitkomst_per_huishouden")]
