"""A proposed change of a municipal parameter, and the policy versions it becomes once a second person approves.

A `Beleidsversie` is never edited or deleted (history kept; a besluit names the version it was computed with):
version N of a municipality is the YAML overlay plus the changes of versions 1..N, each from its start date.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from maatwerk.beleid.parameters import PARAMETERS


class VoorstelStatus(models.TextChoices):
    VOORGESTELD = "voorgesteld", "wacht op goedkeuring"
    GOEDGEKEURD = "goedgekeurd", "goedgekeurd"
    AFGEWEZEN = "afgewezen", "afgewezen"


class _Parameterwaarde:
    """A value for one parameter of `beleid.parameters`, as a proposal and as the version it becomes."""

    parameter: str

    @property
    def definitie(self):
        return PARAMETERS[self.parameter]

    @property
    def waarde_tekst(self) -> str:
        return self.definitie.tekst(self.waarde)


class Beleidsvoorstel(_Parameterwaarde, models.Model):
    gemeente = models.CharField(max_length=60)
    parameter = models.CharField(max_length=120)
    waarde = models.DecimalField(max_digits=12, decimal_places=4)  # as entered: percent or euro
    ingangsdatum = models.DateField()
    reden = models.TextField()
    status = models.CharField(max_length=20, choices=VoorstelStatus.choices, default=VoorstelStatus.VOORGESTELD)
    voorgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    voorgesteld_op = models.DateTimeField(default=timezone.now)
    beoordeeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                        blank=True, related_name="+")
    beoordeeld_op = models.DateTimeField(null=True, blank=True)
    toelichting_beoordeling = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["-voorgesteld_op", "-id"]

    def __str__(self) -> str:
        return f"Voorstel {self.pk}: {self.parameter}"


class OnveranderlijkeVersie(Exception):
    pass


class Beleidsversie(_Parameterwaarde, models.Model):
    gemeente = models.CharField(max_length=60)
    nummer = models.PositiveIntegerField()
    voorstel = models.OneToOneField(Beleidsvoorstel, on_delete=models.PROTECT, related_name="versie")
    parameter = models.CharField(max_length=120)
    waarde = models.DecimalField(max_digits=12, decimal_places=4)  # as entered: percent or euro
    ingangsdatum = models.DateField()
    vastgesteld_op = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["gemeente", "nummer"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "nummer"], name="beleidsversie_uniek_nummer")]

    def save(self, *args, **kwargs):
        # History is kept: a version is written once and never changed (a correction is a new version).
        if self.pk is not None:
            raise OnveranderlijkeVersie("Een beleidsversie wordt nooit gewijzigd; stel een nieuwe wijziging voor.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise OnveranderlijkeVersie("Een beleidsversie wordt nooit verwijderd.")

    def __str__(self) -> str:
        return f"Beleidsversie {self.gemeente} {self.nummer}"


class ImpactBerekening(models.Model):
    """The stored impact of a proposal (issue 12): computed once per (proposal, policy version it is compared with,
    caseload state, assumptions, rule set) and read by every later view, until someone asks to recompute it.

    `sleutel` is a SHA-256 over all of that (`beleid.impactopslag.sleutel`); the caseload state is the situation the
    simulation reads, so any change in the stored data of an income household gives a new key and a new computation.
    """

    voorstel = models.ForeignKey(Beleidsvoorstel, on_delete=models.CASCADE, related_name="impactberekeningen")
    sleutel = models.CharField(max_length=64)
    resultaat = models.JSONField()
    berekend_op = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-berekend_op", "-id"]
        constraints = [models.UniqueConstraint(fields=["voorstel", "sleutel"], name="impactberekening_uniek")]

    def __str__(self) -> str:
        return f"Impact van voorstel {self.voorstel_id} ({self.sleutel[:12]})"
