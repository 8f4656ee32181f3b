"""The Adviesraad Sociaal Domein (Verordening Sociaal Domein Lansingerland 2018, hoofdstuk 3; issue 12, point 6).

- `Adviesaanvraag`: the college's written request, with the points on which advice is asked (art. 3:8 lid 3),
  the documents sent along and the date the adviesraad received it (the term runs from there, lid 4).
- `Advies` with its `Adviespunt`en: the advice as the adviesraad gave it, point by point; each point carries the
  college's answer (overgenomen / deels / niet) and, where not followed, its written reasons (lid 7; seed 003).
- `Lid` and `Zittingsperiode`: members and their terms of office (art. 3:4-3:6).

No personal data of residents: the adviesraad deals with policy, never with individual cases (art. 3:10).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from maatwerk.zaken.documentmodellen import Inhoudstype


class Adviesaanvraag(models.Model):
    onderwerp = models.CharField(max_length=200)
    vraag = models.TextField(help_text="Over welke punten advies wordt gevraagd (artikel 3:8, derde lid).")
    # The names of the documents sent along, as typed before real uploads existed (kept readable; new requests
    # carry `Adviesdocument`s).
    documenten = models.TextField(blank=True, default="", help_text="Meegestuurde stukken, één per regel.")
    verzonden_op = models.DateField()
    ontvangen_op = models.DateField()
    uitstel_weken = models.PositiveSmallIntegerField(default=0)
    uitstel_reden = models.TextField(blank=True, default="")
    uitstel_afgesproken_op = models.DateField(null=True, blank=True)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-ontvangen_op", "-id"]

    def __str__(self) -> str:
        return self.onderwerp

    @property
    def documentenlijst(self) -> list[str]:
        return [r.strip() for r in self.documenten.splitlines() if r.strip()]


class Advies(models.Model):
    aanvraag = models.OneToOneField(Adviesaanvraag, on_delete=models.PROTECT, related_name="advies")
    uitgebracht_op = models.DateField()
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)


class Reactie(models.TextChoices):
    OVERGENOMEN = "overgenomen", "Overgenomen"
    DEELS = "deels", "Deels overgenomen"
    NIET = "niet", "Niet overgenomen"


class Adviespunt(models.Model):
    advies = models.ForeignKey(Advies, on_delete=models.PROTECT, related_name="punten")
    volgnummer = models.PositiveSmallIntegerField()
    kop = models.CharField(max_length=200)
    tekst = models.TextField()
    # The college's answer (art. 3:8 lid 7): empty until answered.
    reactie = models.CharField(max_length=12, choices=Reactie.choices, blank=True, default="")
    antwoord = models.TextField(blank=True, default="")
    motivering = models.TextField(blank=True, default="")
    beantwoord_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                        null=True, blank=True)
    beantwoord_op = models.DateField(null=True, blank=True)
    # The last correction of the answer (the earlier answers are kept in `EerderAntwoord`, never overwritten).
    gecorrigeerd_op = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["volgnummer"]
        constraints = [models.UniqueConstraint(fields=["advies", "volgnummer"], name="adviespunt_uniek_volgnummer")]


class EerderAntwoord(models.Model):
    """An answer of the college to a point as it stood before a correction, with who corrected it, when and why.
    The public page and the request page show that the answer was corrected; nothing is overwritten silently."""

    punt = models.ForeignKey(Adviespunt, on_delete=models.PROTECT, related_name="eerdere_antwoorden")
    reactie = models.CharField(max_length=12, choices=Reactie.choices)
    antwoord = models.TextField()
    motivering = models.TextField(blank=True, default="")
    beantwoord_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                        null=True, blank=True)
    beantwoord_op = models.DateField()
    gecorrigeerd_op = models.DateField()
    gecorrigeerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reden = models.TextField()
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-vastgelegd_op", "-id"]


class Documentbij(models.TextChoices):
    AANVRAAG = "aanvraag", "bij de adviesaanvraag van het college"
    ADVIES = "advies", "bij het advies van de Adviesraad"


class Adviesdocument(models.Model):
    """A document sent with the college's request or with the advice: a PDF, JPEG or PNG, its bytes in the
    content-addressed store of the zaken app (`zaken.Documentinhoud`, checked by `zaken.documenten`). Never
    changed or deleted. `openbaar`: shown on the public page, and only once the advice is recorded."""

    aanvraag = models.ForeignKey(Adviesaanvraag, on_delete=models.PROTECT, related_name="bijlagen")
    bij = models.CharField(max_length=10, choices=Documentbij.choices)
    bestandsnaam = models.CharField(max_length=200, help_text="De naam die de afzender gaf, opgeschoond.")
    inhoudstype = models.CharField(max_length=40, choices=Inhoudstype.choices,
                                   help_text="Vastgesteld uit de inhoud (PDF, JPEG of PNG).")
    grootte = models.PositiveBigIntegerField()
    inhoud = models.ForeignKey("zaken.Documentinhoud", on_delete=models.PROTECT, related_name="adviesdocumenten",
                               db_column="sha256")
    openbaar = models.BooleanField(default=False)
    geupload_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    geupload_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["bij", "geupload_op", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(grootte__gt=0), name="adviesdocument_niet_leeg")]

    @property
    def sha256(self) -> str:
        return self.inhoud_id

    @property
    def grootte_leesbaar(self) -> str:
        from maatwerk.zaken.documenten import bestandsgrootte

        return bestandsgrootte(self.grootte)

    def __str__(self) -> str:
        return self.bestandsnaam


class Raadsstuk(models.TextChoices):
    ADVIES = "advies", "het advies van de Adviesraad"
    ANTWOORD = "antwoord", "het antwoord van het college"


class Raadsverstrekking(models.Model):
    """Art. 3:3 lid 1: "Alle adviezen van de Adviesraad aan het college worden ook onverkort ter kennisname aan de
    gemeenteraad verstrekt, doch niet eerder dan wanneer het betreffende stuk vanuit het college naar de Adviesraad
    is verstuurd." The recorded step: which piece went to the council and on which day (once per piece)."""

    advies = models.ForeignKey(Advies, on_delete=models.PROTECT, related_name="raadsverstrekkingen")
    stuk = models.CharField(max_length=10, choices=Raadsstuk.choices)
    verstrekt_op = models.DateField()
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["verstrekt_op", "id"]
        constraints = [models.UniqueConstraint(fields=["advies", "stuk"], name="raadsverstrekking_eenmaal_per_stuk")]


class Functie(models.TextChoices):
    LID = "lid", "Lid"
    VOORZITTER = "voorzitter", "Voorzitter"


class Lid(models.Model):
    naam = models.CharField(max_length=200, unique=True)
    functie = models.CharField(max_length=12, choices=Functie.choices, default=Functie.LID)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Aftreden(models.TextChoices):
    """Art. 3:5 lid 1: how a membership ends before its term (onder d, the end of the term, needs no record)."""

    EIGEN_VERZOEK = "eigen_verzoek", "op eigen verzoek (artikel 3:5, eerste lid, onder a, en tweede lid)"
    VERHUIZING = "verhuizing", "verhuisd buiten de gemeente Lansingerland (onder b)"
    OVERLIJDEN = "overlijden", "overleden (onder c)"
    ONVERENIGBAAR = "onverenigbaar", "toegetreden tot gemeenteraad, raadscommissie of college, of in dienst van de gemeente of een instelling in het sociaal domein (onder e)"
    ONTSLAG = "ontslag", "ontslagbesluit van het college (onder f)"


class Zittingsperiode(models.Model):
    lid = models.ForeignKey(Lid, on_delete=models.PROTECT, related_name="perioden")
    begin = models.DateField()
    einde = models.DateField()  # inclusive: the last day of the term of office
    herbenoeming = models.BooleanField(default=False)
    # Art. 3:5: the membership ended before `einde`; `beeindigd_op` is the last day as a member.
    beeindigd_op = models.DateField(null=True, blank=True)
    aftreden = models.CharField(max_length=20, choices=Aftreden.choices, blank=True)
    aftreden_toelichting = models.TextField(blank=True)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["begin"]
