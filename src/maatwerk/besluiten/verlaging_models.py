"""A verlaging (afstemming) on a zaak of a running algemene bijstand: the facts the consulent or handhaver records
(Verordening Sociaal Domein Lansingerland 2018, artikelen 7:11-7:28) and what the Regelkern computed from them.

The facts are the inputs of `maatwerk.regels.variables.afstemming`; the computation is never repeated here. Imported by
`besluiten/models.py`, so the model belongs to this app."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from maatwerk.regels.variables.afstemming import GEDRAGINGEN, Gedraging, Horen, Verwijtbaarheid

GEDRAGING_KEUZES = [(g.name, g.value) for g in Gedraging if g.name != "geen"]
VERWIJTBAARHEID_KEUZES = [(v.name, v.value) for v in Verwijtbaarheid if v.name != "niet_vastgesteld"]
HOREN_KEUZES = [(h.name, h.value) for h in Horen]
assert {g for g, _ in GEDRAGING_KEUZES} <= set(GEDRAGINGEN)


class Verlaging(models.Model):
    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.PROTECT, related_name="verlagingen")
    # The casustafel that decided on it (issue 11: "a signal becomes a casustafel decision").
    casustafel = models.ForeignKey("handhaving.Casustafel", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="verlagingen")
    gedraging = models.CharField("gedraging (artikelen 7:18-7:25)", max_length=40, choices=GEDRAGING_KEUZES)
    gedraging_tevens = models.CharField("dezelfde gedraging schendt ook (artikel 7:26, eerste lid)", max_length=40,
                                        choices=GEDRAGING_KEUZES, blank=True)
    omschrijving = models.TextField("wat is er gebeurd (feiten)")
    datum_gedraging = models.DateField("datum van de gedraging")
    datum_constatering = models.DateField("datum waarop de gedraging is geconstateerd")
    benadelingsbedrag = models.DecimalField("benadelingsbedrag (artikel 7:11, onder a)", max_digits=12, decimal_places=2,
                                            null=True, blank=True)
    benadelingsbedrag_niet_vast_te_stellen = models.BooleanField(default=False)
    verwijtbaarheid = models.CharField(max_length=30, choices=VERWIJTBAARHEID_KEUZES)
    verwijtbaarheid_toelichting = models.TextField("toelichting op de verwijtbaarheid")
    # Art. 7:14: horen as a recorded step.
    horen = models.CharField("horen (artikel 7:14)", max_length=40, choices=HOREN_KEUZES)
    horen_datum = models.DateField("datum van het horen", null=True, blank=True)
    horen_wijze = models.CharField("hoe gehoord (gesprek, telefoon, schriftelijk)", max_length=200, blank=True)
    horen_toelichting = models.TextField("zienswijze, of waarom niet gehoord", blank=True)
    # Art. 7:15 lid 2: the college may refrain for dringende redenen, and then writes (lid 3).
    dringende_redenen = models.BooleanField(default=False)
    dringende_redenen_toelichting = models.TextField(blank=True)
    # Art. 18 lid 2 Pw, art. 7:13 onder d: a deviation from the standard needs a written reason.
    afwijken = models.BooleanField(default=False)
    afwijkend_percentage = models.DecimalField(max_digits=5, decimal_places=4, null=True, blank=True)
    afwijking_reden = models.TextField(blank=True)
    # The previous verlaging (art. 7:27): found from an earlier besluit tot verlaging, or recorded from the dossier.
    vorige_gedraging = models.CharField(max_length=40, choices=GEDRAGING_KEUZES, blank=True)
    vorige_bekendmaking = models.DateField(null=True, blank=True)
    vorige_percentage = models.DecimalField(max_digits=5, decimal_places=4, null=True, blank=True)
    vorige_duur_maanden = models.PositiveSmallIntegerField(null=True, blank=True)
    # Art. 7:16 lid 1: the verlaging starts the month after the bekendmaking; the letter names that month.
    geplande_bekendmaking = models.DateField("verwachte dag van bekendmaking")
    # What the Regelkern computed (never edited by hand).
    opgelegd = models.BooleanField(default=False)
    situatie = models.JSONField(default=dict)
    resultaat = models.JSONField(default=dict)
    uitleg = models.JSONField(default=dict)
    elementen = models.JSONField(default=list)
    maanden = models.JSONField(default=list)  # [{"maand": "2026-09", "bedrag": "140.15"}] per art. 7:22
    besluit = models.OneToOneField("besluiten.Besluit", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="verlaging")
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "verlaging (afstemming)"
        verbose_name_plural = "verlagingen (afstemming)"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Verlaging {self.pk} – zaak {self.zaak_id}"
