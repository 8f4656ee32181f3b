"""The client experience survey after a besluit (issue 12, point 5; seed 000 asks to monitor how residents
experience the approach).

Two tables on purpose, so that answers cannot be joined to a person:
- `Ervaring` holds the answers with only the regeling and the month; its key is a random UUID, so neither its
  key nor its order links it to the zaak.
- `ErvaringIngevuld` holds only the zaak, for the once-only rule (one survey per zaak), and no date.
"""

from __future__ import annotations

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from maatwerk.zaken.regelingen import REGELING_KEUZES

SCORE = [MinValueValidator(1), MaxValueValidator(5)]


class Ervaring(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    regeling = models.CharField(max_length=40, choices=REGELING_KEUZES)
    maand = models.DateField("maand (eerste dag)", help_text="Alleen de maand: een dag of tijd kan herleidbaar zijn.")
    brief_begrepen = models.PositiveSmallIntegerField(validators=SCORE)
    snel_genoeg = models.PositiveSmallIntegerField(validators=SCORE)
    gehoord = models.PositiveSmallIntegerField(validators=SCORE)
    opmerking = models.TextField(blank=True)

    class Meta:
        verbose_name = "ervaring"
        verbose_name_plural = "ervaringen"
        constraints = [
            models.CheckConstraint(condition=models.Q(brief_begrepen__range=(1, 5), snel_genoeg__range=(1, 5),
                                                      gehoord__range=(1, 5)), name="monitor_ervaring_score_1_5"),
        ]


class ErvaringIngevuld(models.Model):
    zaak = models.OneToOneField("zaken.Zaak", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "ervaring ingevuld voor zaak"
        verbose_name_plural = "ervaringen ingevuld voor zaken"
