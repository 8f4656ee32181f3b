"""The register of grounds for access outside one's own domain, and the audit log.

AVG art. 5 lid 1 onder b (doelbinding) and art. 6 (grondslag): a consulent sees the data of his own domain;
anything else needs a recorded ground: the inwoner's consent (`Toestemming`) or a legal ground
(`WettelijkeGrondslag`). Every view and change of personal data is logged in `AuditRegel`.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from maatwerk.toegang.rollen import ONTVANGER_KEUZES
from maatwerk.zaken.regelingen import DOMEIN_KEUZES


class Grond(models.Model):
    inwoner = models.ForeignKey("personen.Inwoner", on_delete=models.PROTECT, related_name="+")
    ontvanger = models.CharField("wie krijgt inzage", max_length=20, choices=ONTVANGER_KEUZES)
    domein = models.CharField("gegevens uit domein", max_length=20, choices=DOMEIN_KEUZES)
    doel = models.TextField("doel")
    geldig_vanaf = models.DateField("geldig vanaf")
    # Required (issue 7): a ground without an end date would outlive its purpose; the maximum is in register.py.
    geldig_tot = models.DateField("geldig tot en met")
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    @classmethod
    def geldig_op(cls, datum: dt.date) -> Q:
        return Q(geldig_vanaf__lte=datum) & Q(geldig_tot__gte=datum)


class Toestemming(Grond):
    """Consent of the inwoner (AVG art. 6 lid 1 onder a) for a purpose; can be withdrawn at any time."""

    class Vorm(models.TextChoices):
        SCHRIFTELIJK = "schriftelijk", "schriftelijk"
        DIGITAAL = "digitaal", "digitaal"
        MONDELING = "mondeling", "mondeling (vastgelegd in het gesprek)"

    class Bron(models.TextChoices):
        ONDERTEKEND = "ondertekend", "ondertekend door de inwoner (document in het dossier)"
        BEVESTIGD = "bevestigd", "bevestigd door een tweede consulent van het domein van de gegevens"

    vorm = models.CharField("vorm", max_length=20, choices=Vorm.choices)
    # Where the consent comes from (issue 7): a document the inwoner signed, or a second person's confirmation.
    # Only then is it valid (geldig_op); the recorder and a recipient never confirm.
    bron = models.CharField("bron", max_length=20, choices=Bron.choices)
    documentkenmerk = models.CharField("kenmerk van het ondertekende document", max_length=100, blank=True)
    bevestigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    bevestigd_op = models.DateTimeField("bevestigd op", null=True, blank=True)
    ingetrokken_op = models.DateTimeField("ingetrokken op", null=True, blank=True)
    ingetrokken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "toestemming"
        verbose_name_plural = "toestemmingen"
        ordering = ["-geldig_vanaf", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(geldig_tot__gte=models.F("geldig_vanaf")),
                name="toestemming_tot_na_vanaf",
            )
        ]

    @classmethod
    def geldig_op(cls, datum: dt.date) -> Q:
        bron = Q(bron="ondertekend") & ~Q(documentkenmerk="") | Q(bron="bevestigd", bevestigd_op__isnull=False)
        return super().geldig_op(datum) & Q(ingetrokken_op__isnull=True) & bron

    @property
    def wacht_op_bevestiging(self) -> bool:
        return self.bron == self.Bron.BEVESTIGD and self.bevestigd_op is None and self.ingetrokken_op is None

    def __str__(self) -> str:
        return f"Toestemming van {self.inwoner} voor {self.ontvanger} ({self.domein}): {self.doel}"


class WettelijkeGrondslag(Grond):
    """A legal ground to see data outside one's domain, e.g. an enforcement investigation (art. 53a Pw)."""

    # A code of the catalogue toegang/grondslagen.py (issue 7: chosen from real grounds, not free text); `grondslag`
    # keeps the catalogue's wet and artikel as text, as it was when recorded. Rows from before the catalogue have
    # no code and are no longer valid.
    code = models.CharField("grondslag uit de catalogus", max_length=40, blank=True)
    grondslag = models.CharField("wettelijke grondslag (wet en artikel)", max_length=300)

    class Meta:
        verbose_name = "wettelijke grondslag"
        verbose_name_plural = "wettelijke grondslagen"
        ordering = ["-geldig_vanaf", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(geldig_tot__gte=models.F("geldig_vanaf")),
                name="grondslag_tot_na_vanaf",
            )
        ]

    @classmethod
    def geldig_op(cls, datum: dt.date) -> Q:
        return super().geldig_op(datum) & ~Q(code="")

    def __str__(self) -> str:
        return f"{self.grondslag} voor {self.ontvanger} ({self.domein}): {self.doel}"


class Intakesignaal(models.Model):
    """A melding made through the intake route on a household where the consulent had no ground yet.

    Issue 7: visible to the household's other domains as a SIGNAL, not as data: the domain and the date only.
    Who started it and why (the reason, and that BSN and geboortedatum matched) is kept for the audit."""

    huishouden = models.ForeignKey("personen.Huishouden", on_delete=models.PROTECT, related_name="intakesignalen")
    inwoner = models.ForeignKey("personen.Inwoner", on_delete=models.PROTECT, related_name="+")
    zaak = models.OneToOneField("zaken.Zaak", on_delete=models.PROTECT, related_name="intakesignaal")
    domein = models.CharField("domein van de melding", max_length=20, choices=DOMEIN_KEUZES)
    datum = models.DateField("datum van de melding")
    reden = models.TextField("reden van de intake")
    gestart_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    gestart_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "intakesignaal"
        verbose_name_plural = "intakesignalen"
        ordering = ["-datum", "-id"]

    @property
    def tekst(self) -> str:
        return f"Er is op {self.datum:%d-%m-%Y} een melding gedaan in het domein {self.get_domein_display()}."

    def __str__(self) -> str:
        return self.tekst


class Actie(models.TextChoices):
    VIEW = "view", "inzien"
    CREATE = "create", "aanmaken"
    CHANGE = "change", "wijzigen"


class SoortGrond(models.TextChoices):
    EIGEN_DOMEIN = "eigen_domein", "eigen domein"
    TOESTEMMING = "toestemming", "toestemming van de inwoner"
    WETTELIJKE_GRONDSLAG = "wettelijke_grondslag", "wettelijke grondslag"
    ROL = "rol", "rol"
    INTAKE = "intake", "intake (nog geen zaak)"
    GEEN = "geen", "geen grond (geweigerd)"


class AuditRegel(models.Model):
    """One view, creation or change of personal data (also refused attempts). Never changed or deleted."""

    op = models.DateTimeField(default=timezone.now, db_index=True)
    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    gebruikersnaam = models.CharField(max_length=150)
    actie = models.CharField(max_length=10, choices=Actie.choices)
    toegestaan = models.BooleanField(default=True)
    inwoner = models.ForeignKey("personen.Inwoner", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    onderwerp = models.CharField(max_length=50, help_text="Welk gegeven: zaak, inwoner, onderzoek, bevinding, ...")
    soort_grond = models.CharField(max_length=30, choices=SoortGrond.choices)
    grond = models.TextField()
    toestemming = models.ForeignKey(Toestemming, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    wettelijke_grondslag = models.ForeignKey(
        WettelijkeGrondslag, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    toelichting = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = "auditregel"
        verbose_name_plural = "auditlog"
        ordering = ["-op", "-id"]
        indexes = [models.Index(fields=["inwoner", "op"]), models.Index(fields=["zaak", "op"])]

    def __str__(self) -> str:
        return f"{self.op:%Y-%m-%d %H:%M} {self.gebruikersnaam} {self.get_actie_display()} {self.onderwerp}"
