"""Data of the loket. Deliberately small:

- ZelftestTelling: anonymous counts per day, scheme and outcome for the non-take-up monitor (werkwijzer seed 002
  ch. 8). Nothing else of a self-check is stored: the answers travel in a signed hidden field (zelftest.py).
- InwonerAccount: the Django user of a resident who logged in with DigiD, linked by BSN. It has no role and
  no password; later parts (aanvraag, Mijn zaken) find the Inwoner through this BSN.
- Gespreksverzoek: "Ik wil een gesprek" (issue 9, point 4), for the consulenten of one domain only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from maatwerk.zaken.regelingen import DOMEINEN


class ZelftestUitkomst(models.TextChoices):
    RECHT = "recht", "waarschijnlijk recht"
    GEEN_RECHT = "geen_recht", "waarschijnlijk geen recht"


class ZelftestTelling(models.Model):
    """How many self-checks ended with this outcome on this day. No time, no answers, no session."""

    datum = models.DateField()
    regeling = models.CharField(max_length=40)
    uitkomst = models.CharField(max_length=20, choices=ZelftestUitkomst.choices)
    aantal = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "telling zelftest"
        verbose_name_plural = "tellingen zelftest"
        constraints = [models.UniqueConstraint(fields=["datum", "regeling", "uitkomst"], name="loket_telling_uniek")]

    def __str__(self) -> str:
        return f"{self.datum} {self.regeling} {self.uitkomst}: {self.aantal}"


class InwonerAccount(models.Model):
    gebruiker = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="inwoner_account")
    bsn = models.CharField(max_length=9, unique=True)
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "account van een inwoner"
        verbose_name_plural = "accounts van inwoners"

    def __str__(self) -> str:
        return f"inwoner-account {self.pk}"


class SoortGesprek(models.TextChoices):
    KEUKENTAFEL = "keukentafelgesprek", "Een gesprek bij mij thuis (keukentafelgesprek)"
    BELLEN = "bellen", "Een telefoongesprek"


class Begeleiding(models.TextChoices):
    NIEMAND = "niemand", "Nee, ik kom alleen"
    CLIENTONDERSTEUNER = "clientondersteuner", "Ja, een cliëntondersteuner"
    NETWERK = "netwerk", "Ja, iemand uit mijn omgeving (familie, vriend, buur)"
    BEIDE = "beide", "Ja, een cliëntondersteuner én iemand uit mijn omgeving"


DAGEN = [("maandag", "maandag"), ("dinsdag", "dinsdag"), ("woensdag", "woensdag"), ("donderdag", "donderdag"),
         ("vrijdag", "vrijdag")]
DAGDELEN = [("ochtend", "ochtend"), ("middag", "middag")]


class Gespreksverzoek(models.Model):
    """A resident asks for a conversation. `bsn` is the person it is about; `gemachtigde_bsn` the person who
    acted for him (DigiD Machtigen), empty when he acted himself."""

    ingediend_op = models.DateTimeField(default=timezone.now, db_index=True)
    domein = models.CharField(max_length=10, choices=list(DOMEINEN.items()), db_index=True)
    soort = models.CharField(max_length=20, choices=SoortGesprek.choices)
    bsn = models.CharField(max_length=9)
    gemachtigde_bsn = models.CharField(max_length=9, blank=True)
    inwoner = models.ForeignKey("personen.Inwoner", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    dagen = models.JSONField(default=list)
    dagdelen = models.JSONField(default=list)
    voorkeur = models.CharField(max_length=500, blank=True)
    telefoon = models.CharField(max_length=20)
    begeleiding = models.CharField(max_length=20, choices=Begeleiding.choices)
    onderwerp = models.CharField(max_length=1000, blank=True)

    class Meta:
        verbose_name = "gespreksverzoek"
        verbose_name_plural = "gespreksverzoeken"
        ordering = ["-ingediend_op", "-id"]

    def __str__(self) -> str:
        return f"gespreksverzoek {self.pk} ({self.domein})"


from maatwerk.loket.aanvraagmodellen import ConceptBestand, Indiening, SoortIndiening  # noqa: E402,F401
