"""Documents attached to a zaak (issue 8, point 7): an offerte, a bankafschrift, a medische verklaring.

Two tables. `Documentinhoud` holds the bytes once, keyed by their SHA-256 (content-addressed: the same file
attached twice, to one zaak or to two, is stored once). `Document` is one attachment: which zaak, what kind,
who attached it, the name the sender gave it, the type as detected from the content. Both are never deleted
("nothing is lost"); a wrongly attached document is withdrawn (`ingetrokken_op` with a reason) and stays in
the dossier and the audit log. Why the database and not files: docs/zaakbehandeling.md ("Documenten").

Imported by `maatwerk.zaken.models`, so Django sees these models as part of the app `zaken`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from maatwerk.zaken.fouten import OnveranderlijkFout
from maatwerk.zaken.onveranderlijk import NooitWijzigenQuerySet

NOOIT_WEG = "Een document wordt nooit verwijderd of overschreven; trek het in met een reden."


class Documentsoort(models.TextChoices):
    OFFERTE = "offerte", "offerte"
    BANKAFSCHRIFT = "bankafschrift", "bankafschrift"
    LOONSTROOK = "loonstrook", "loonstrook"
    MEDISCHE_VERKLARING = "medische_verklaring", "medische verklaring"
    IDENTITEITSBEWIJS = "identiteitsbewijs", "identiteitsbewijs"
    OVERIG = "overig", "overig"


# AVG art. 9 lid 1: "gegevens over gezondheid" are a special category of personal data; such a document is
# marked in the dossier and in the API (`bijzondere_persoonsgegevens`).
BIJZONDERE_SOORTEN = frozenset({Documentsoort.MEDISCHE_VERKLARING})


class Bron(models.TextChoices):
    """Who brought the document in: a medewerker now; the inwoner himself later (a resident portal). An inwoner's
    upload has no `geupload_door` user of the municipality."""

    MEDEWERKER = "medewerker", "medewerker van de gemeente"
    INWONER = "inwoner", "de inwoner zelf"


class Inhoudstype(models.TextChoices):
    """The only accepted types, as detected from the first bytes of the file (maatwerk.zaken.documenten)."""

    PDF = "application/pdf", "PDF"
    JPEG = "image/jpeg", "JPEG"
    PNG = "image/png", "PNG"


class Documentinhoud(models.Model):
    """The bytes of a document, stored once per content. Written in the same transaction as the `Document`
    that first refers to it, so a crash leaves both or neither; never changed or deleted."""

    sha256 = models.CharField("SHA-256", max_length=64, primary_key=True)
    inhoud = models.BinaryField("inhoud")
    grootte = models.PositiveBigIntegerField("grootte in bytes")
    opgeslagen_op = models.DateTimeField(default=timezone.now)

    objects = NooitWijzigenQuerySet.as_manager()

    class Meta:
        verbose_name = "documentinhoud"
        verbose_name_plural = "documentinhouden"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise OnveranderlijkFout(NOOIT_WEG)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise OnveranderlijkFout(NOOIT_WEG)


class _DocumentQuerySet(models.QuerySet):
    def delete(self):
        raise OnveranderlijkFout(NOOIT_WEG)


class Document(models.Model):
    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.PROTECT, related_name="documenten")
    soort = models.CharField("soort document", max_length=30, choices=Documentsoort.choices)
    bestandsnaam = models.CharField("bestandsnaam", max_length=200,
                                    help_text="De naam die de afzender gaf, opgeschoond; nooit gebruikt als pad.")
    inhoudstype = models.CharField("type (vastgesteld uit de inhoud)", max_length=40, choices=Inhoudstype.choices)
    grootte = models.PositiveBigIntegerField("grootte in bytes")
    inhoud = models.ForeignKey(Documentinhoud, on_delete=models.PROTECT, related_name="documenten",
                               db_column="sha256", verbose_name="inhoud (SHA-256)")
    omschrijving = models.CharField("omschrijving", max_length=500, blank=True)
    bron = models.CharField("ingebracht door", max_length=20, choices=Bron.choices, default=Bron.MEDEWERKER)
    geupload_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="+")
    geupload_op = models.DateTimeField(default=timezone.now)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)
    ingetrokken_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                         related_name="+")
    reden_intrekking = models.CharField("reden van intrekking", max_length=500, blank=True)

    objects = _DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documenten"
        ordering = ["-geupload_op", "-id"]
        constraints = [
            # A medewerker's upload names the medewerker; an inwoner's upload (later) names no user.
            models.CheckConstraint(
                condition=Q(bron="inwoner") | Q(geupload_door__isnull=False), name="document_medewerker_bekend"),
            models.CheckConstraint(
                condition=Q(ingetrokken_op__isnull=True) | ~Q(reden_intrekking=""), name="document_intrekking_met_reden"),
            models.CheckConstraint(condition=Q(grootte__gt=0), name="document_niet_leeg"),
        ]

    def delete(self, *args, **kwargs):
        raise OnveranderlijkFout(NOOIT_WEG)

    @property
    def sha256(self) -> str:
        return self.inhoud_id

    @property
    def bijzondere_persoonsgegevens(self) -> bool:
        return self.soort in BIJZONDERE_SOORTEN

    @property
    def ingetrokken(self) -> bool:
        return self.ingetrokken_op is not None

    @property
    def grootte_leesbaar(self) -> str:
        from maatwerk.zaken.documenten import bestandsgrootte

        return bestandsgrootte(self.grootte)

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.bestandsnaam}"
