"""Jeugd data on a zaak (issue 10, point 5): the structured referral of artikel 5:3 and the record that the asked
help is vrij toegankelijk (artikel 5:2).

Imported by `maatwerk.zaken.models`, so Django sees these models as part of the app `zaken`. Both are append-only:
a correction is a new row, the latest counts (what the consulent recorded earlier stays readable).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Verwijzer(models.TextChoices):
    """Who may refer to a jeugdhulpaanbieder: the list of artikel 5:3, eerste lid, of the verordening ("na een
    verwijzing door de huisarts, medisch specialist en jeugdarts"), as Jeugdwet art. 2.6, eerste lid, onder g.
    The codes are those of the Regelkern (`regels/variables/jeugd_toegang.Verwijzer`)."""

    HUISARTS = "huisarts", "Huisarts"
    MEDISCH_SPECIALIST = "medisch_specialist", "Medisch specialist"
    JEUGDARTS = "jeugdarts", "Jeugdarts"


class Verwijzing(models.Model):
    """A referral by a doctor (artikel 5:3): who, with AGB code or BIG number, on which date, for what."""

    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.PROTECT, related_name="verwijzingen")
    verwezen_door = models.CharField(max_length=30, choices=Verwijzer.choices)
    naam = models.CharField(max_length=200)
    agb_code = models.CharField(max_length=8, blank=True)
    big_nummer = models.CharField(max_length=11, blank=True)
    datum = models.DateField()
    hulpvraag = models.TextField()
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "verwijzing"
        verbose_name_plural = "verwijzingen"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.get_verwezen_door_display()} {self.naam}"


class VrijeToegang(models.Model):
    """The consulent's record of the asked help in the terms of artikel 5:2 and the Regelkern's answer: vrij
    toegankelijk (no beschikking) or an individuele voorziening (the normal route continues)."""

    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.PROTECT, related_name="vrije_toegang")
    vorm = models.CharField(max_length=40)
    contactmomenten = models.PositiveIntegerField(default=0)
    vrij_toegankelijk = models.BooleanField()
    uitleg = models.JSONField(default=dict)
    toelichting = models.TextField(blank=True)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "vrije toegang jeugdhulp"
        verbose_name_plural = "vrije toegang jeugdhulp"
        ordering = ["id"]
