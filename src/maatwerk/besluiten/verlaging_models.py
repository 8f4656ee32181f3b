"""A verlaging (afstemming) on a zaak of a running algemene bijstand: the facts the consulent or handhaver records
(Verordening Sociaal Domein Lansingerland 2018, artikelen 7:11-7:28) and what the Regelkern computed from them.

The facts are the inputs of `maatwerk.regels.variables.afstemming`; the computation is never repeated here. Imported by
`besluiten/models.py`, so the model belongs to this app."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from maatwerk.regels.variables.afstemming import GEDRAGINGEN, Gedraging, Grondslag, Horen, Verwijtbaarheid

GRONDSLAG_KEUZES = [(g.name, g.value) for g in Grondslag]
# Art. 7:16 lid 2: retroactively only "als een verlaging overeenkomstig het eerste lid niet mogelijk is omdat de
# uitkering is beëindigd of ingetrokken of als de uitkering over die periode nog niet is uitbetaald".
TERUGWERKENDE_KRACHT_KEUZES = [
    ("beeindigd_of_ingetrokken", "De uitkering is beëindigd of ingetrokken (artikel 7:16, tweede lid)"),
    ("nog_niet_uitbetaald", "De uitkering over die periode is nog niet uitbetaald (artikel 7:16, tweede lid)"),
]
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
    # Art. 7:26 lid 3: no verlaging "voor zover voor die schending een bestuurlijke boete wordt opgelegd".
    bestuurlijke_boete = models.BooleanField("bestuurlijke boete voor dezelfde gedraging (artikel 7:26, derde lid)",
                                             default=False)
    bestuurlijke_boete_kenmerk = models.CharField("kenmerk van het boetebesluit", max_length=100, blank=True)
    bestuurlijke_boete_toelichting = models.TextField("toelichting op de bestuurlijke boete", blank=True)
    # Art. 7:28: the IOAW/IOAZ benefit is refused for the same gedraging: "blijft een verlaging ... achterwege".
    weigering_ioaw_ioaz = models.BooleanField("IOAW- of IOAZ-uitkering om dezelfde gedraging geweigerd (artikel 7:28)",
                                              default=False)
    weigering_ioaw_ioaz_toelichting = models.TextField("toelichting op de weigering IOAW/IOAZ", blank=True)
    # Art. 7:16 lid 2: retroactively over the period of the gedraging, on one of two grounds.
    terugwerkende_kracht = models.BooleanField("met terugwerkende kracht (artikel 7:16, tweede lid)", default=False)
    terugwerkende_kracht_grond = models.CharField("grond voor terugwerkende kracht", max_length=30,
                                                  choices=TERUGWERKENDE_KRACHT_KEUZES, blank=True)
    terugwerkende_kracht_toelichting = models.TextField("toelichting op de terugwerkende kracht", blank=True)
    # Art. 7:17: over the bijstandsnorm (lid 1), the norm with the art. 12 bijzondere bijstand (lid 2 a) or the
    # verleende bijzondere bijstand (lid 2 b), with the amount per month for lid 2.
    grondslag_keuze = models.CharField("berekeningsgrondslag (artikel 7:17)", max_length=30, choices=GRONDSLAG_KEUZES,
                                       default=Grondslag.bijstandsnorm.name)
    verleende_bijzondere_bijstand = models.DecimalField("verleende bijzondere bijstand per maand (artikel 7:17, tweede lid)",
                                                        max_digits=12, decimal_places=2, null=True, blank=True)
    grondslag_toelichting = models.TextField("toelichting op de berekeningsgrondslag", blank=True)
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
    # The part of a month's verlaging the benefit of that month could not bear ({"2026-09": "12.34"}), written by the
    # betaalbestand. The ordinance has no rule to carry it to later months (7:22 only spreads a 7:21 verlaging over
    # three months, fixed in the besluit), so it is recorded here and shown, never silently dropped (docs/verlaging.md).
    niet_uitgevoerd = models.JSONField(default=dict, blank=True)
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
