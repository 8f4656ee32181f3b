"""Data of the online aanvraag and melding (issue 9, point 3). Imported by `maatwerk.loket.models`, so Django
sees these models as part of the app `loket`.

- Indiening: one submitted form, keyed by its form token (`formuliersleutel`, unique). It points at the zaak it
  created and keeps what the receipt says (the date that starts the legal term, the deadline and its source),
  so the receipt shown later is the receipt given then. The unique token makes a double click or a resubmit
  answer with the same receipt instead of a second zaak.
- ConceptBestand: a file the resident already uploaded for a form that is not submitted yet (another file or a
  field was refused). Kept server-side under the form token, so nothing accepted is lost; turned into a
  `zaken.Document` (bron=inwoner) in the submission's transaction and then removed.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class SoortIndiening(models.TextChoices):
    # Wmo and Jeugd start with a melding (Verordening Sociaal Domein 2018, art. 2:2); the income schemes with an
    # aanvraag (Awb art. 1:3 lid 3 and 4:1).
    MELDING = "melding", "melding"
    AANVRAAG = "aanvraag", "aanvraag"


class Indiening(models.Model):
    formuliersleutel = models.UUIDField("formuliersleutel", unique=True)
    zaak = models.OneToOneField("zaken.Zaak", on_delete=models.PROTECT, related_name="indiening")
    soort = models.CharField(max_length=10, choices=SoortIndiening.choices)
    regeling = models.CharField(max_length=40)
    bsn = models.CharField("BSN van de inwoner om wie het gaat", max_length=9)
    gemachtigde_bsn = models.CharField("BSN van de gemachtigde", max_length=9, blank=True)
    ingediend_op = models.DateTimeField(default=timezone.now)
    gegevens = models.JSONField("antwoorden op het formulier", default=dict)
    # The receipt as given: the event that starts the legal term (None for a melding: the first conversation
    # has not taken place yet), the deadline (None when not known yet) and the source of both.
    termijn_start = models.DateField(null=True, blank=True)
    termijn_einde = models.DateField(null=True, blank=True)
    termijn_bron = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = "online aanvraag of melding"
        verbose_name_plural = "online aanvragen en meldingen"
        ordering = ["-ingediend_op", "-id"]

    def __str__(self) -> str:
        return f"{self.soort} {self.regeling} (zaak {self.zaak_id})"


class ConceptBestand(models.Model):
    formuliersleutel = models.UUIDField(db_index=True)
    bsn = models.CharField(max_length=9)
    gemachtigde_bsn = models.CharField(max_length=9, blank=True)
    bestandsnaam = models.CharField(max_length=200)
    inhoudstype = models.CharField(max_length=40)
    grootte = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    inhoud = models.BinaryField()
    opgeslagen_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "bestand van een formulier dat nog niet is verstuurd"
        verbose_name_plural = "bestanden van formulieren die nog niet zijn verstuurd"
        ordering = ["opgeslagen_op", "id"]

    def __str__(self) -> str:
        return f"conceptbestand {self.pk}"

    @property
    def grootte_leesbaar(self) -> str:
        from maatwerk.zaken.documenten import bestandsgrootte

        return bestandsgrootte(self.grootte)
