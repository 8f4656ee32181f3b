"""One household plan across Wmo, Jeugd and Inkomen with one named regisseur (issue 12, point 7; seed 004, "één
gezin, één plan, één regisseur", cases 2, 12 and 14), the referrals between domains ("ping-pong") and the
escalations of a stalled plan to a named person with authority.

The plan holds what the plan needs: the agreed goals and the resident's consent to coordinate (its date and
document). The zaken stay in their domains; the plan shows their status, step history and deadlines only
(`regie.services.overzicht`), never findings or documents.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from maatwerk.zaken.regelingen import DOMEINEN

DOMEIN_KEUZES = list(DOMEINEN.items())


class Huishoudplan(models.Model):
    huishouden = models.OneToOneField("personen.Huishouden", on_delete=models.PROTECT, related_name="huishoudplan")
    regisseur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    escalatie_naar = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    escalatie_functie = models.CharField(max_length=200, help_text="Bijvoorbeeld 'teamleider sociaal domein'.")
    doelen = models.TextField(help_text="De met het gezin afgesproken doelen.")
    toestemming_op = models.DateField(help_text="Datum waarop het gezin instemde met regie over de domeinen heen.")
    toestemming_kenmerk = models.CharField(max_length=100)
    stilstand_dagen = models.PositiveSmallIntegerField(default=28)
    max_doorverwijzingen = models.PositiveSmallIntegerField(default=2)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)


class Doorverwijzing(models.Model):
    """The household was sent from one domain to another (seed 000: "geen ping-pong tussen Wmo en bijzondere
    bijstand"); counted by the stall detector."""

    plan = models.ForeignKey(Huishoudplan, on_delete=models.PROTECT, related_name="doorverwijzingen")
    van_domein = models.CharField(max_length=20, choices=DOMEIN_KEUZES)
    naar_domein = models.CharField(max_length=20, choices=DOMEIN_KEUZES)
    datum = models.DateField()
    reden = models.TextField()
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["datum", "id"]


class Escalatie(models.Model):
    plan = models.ForeignKey(Huishoudplan, on_delete=models.PROTECT, related_name="escalaties")
    datum = models.DateField()
    naar = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signalen = models.JSONField()  # [{"soort", "tekst", "bron"}]: what was signalled, as shown to the person

    class Meta:
        ordering = ["-datum", "-id"]
        constraints = [models.UniqueConstraint(fields=["plan", "datum"], name="escalatie_een_per_plan_per_dag")]
