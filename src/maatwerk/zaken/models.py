"""Zaak and everything recorded on it: status history, onderzoek (individualiseringsrapportage),
ondersteuningsplan, client remarks, bevindingen, afwijkingen, goedkeuringen, berekeningen; and the
mandate table. Business rules live in the service modules (procedure, onderzoek, beoordeling, vierogen).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from maatwerk import formaat
from maatwerk.toegang.rollen import ROL_KEUZES
from maatwerk.zaken.fouten import OnveranderlijkFout
from maatwerk.zaken.onveranderlijk import NooitWijzigenQuerySet
from maatwerk.zaken.regelingen import REGELING_KEUZES, REGELINGEN, Regeling


class Status(models.TextChoices):
    MELDING = "melding", "melding"
    SPOEDVOORZIENING = "spoedvoorziening", "spoedprocedure: tijdelijke voorziening"
    ONDERZOEK = "onderzoek", "onderzoek"
    ONDERSTEUNINGSPLAN = "ondersteuningsplan", "ondersteuningsplan"
    AANVRAAG = "aanvraag", "aanvraag"
    BEOORDELING = "beoordeling", "beoordeling"
    KLAAR_VOOR_BESLUIT = "klaar_voor_besluit", "klaar voor besluit"
    BESLUIT = "besluit", "besluit"
    BUITEN_BEHANDELING = "buiten_behandeling", "buiten behandeling gesteld"
    INGETROKKEN = "ingetrokken", "ingetrokken"


EINDSTATUSSEN = (Status.BESLUIT, Status.BUITEN_BEHANDELING, Status.INGETROKKEN)


class Uitkomst(models.TextChoices):
    TOEGEKEND = "toegekend", "toegekend"
    GEDEELTELIJK_TOEGEKEND = "gedeeltelijk_toegekend", "gedeeltelijk toegekend"
    AFGEWEZEN = "afgewezen", "afgewezen"


class AanvraagVia(models.TextChoices):
    FORMULIER = "aanvraagformulier", "aanvraagformulier (art. 2:5 lid 1)"
    ONDERTEKEND_PLAN = "ondertekend_plan", "voor akkoord ondertekend ondersteuningsplan (art. 2:5 lid 4)"
    # Issue 9: the resident's own form in the loket, logged in with DigiD (Awb 4:1; art. 2:5 lid 1 "digitaal").
    ONLINE = "online", "online via het loket (art. 2:5 lid 1)"


# The ways a consulent can record an aanvraag in a procedure step: "online" is set only by the loket's own
# submission (maatwerk.loket.aanvraag), never chosen by hand.
AANVRAAG_VIA_MEDEWERKER = [(v, label) for v, label in AanvraagVia.choices if v != AanvraagVia.ONLINE]


BEDRAG = {"max_digits": 12, "decimal_places": 2}


class Zaak(models.Model):
    regeling = models.CharField("regeling", max_length=40, choices=REGELING_KEUZES)
    huishouden = models.ForeignKey("personen.Huishouden", on_delete=models.PROTECT, related_name="zaken")
    hoofdpersoon = models.ForeignKey("personen.Inwoner", on_delete=models.PROTECT, related_name="hoofdzaken")
    status = models.CharField("status", max_length=30, choices=Status.choices, default=Status.MELDING)
    omschrijving = models.TextField("ondersteuningsvraag", blank=True)
    ontvangen_op = models.DateField("vraag ontvangen op", help_text="Art. 2:2 lid 1 en 2: het dossier is aangemaakt.")
    meldingsdatum = models.DateField(
        "meldingsdatum", null=True, blank=True, help_text="Art. 2:1 onder b: de datum van het eerste gesprek."
    )
    aanvraagdatum = models.DateField("aanvraag ontvangen op", null=True, blank=True)
    aanvraag_via = models.CharField(max_length=30, choices=AanvraagVia.choices, blank=True)
    spoed = models.BooleanField("spoedprocedure toegepast", default=False)
    kosten = models.DecimalField(
        "kosten", null=True, blank=True, **BEDRAG,
        help_text="Bijzondere bijstand: de kosten waarvoor bijstand wordt gevraagd; Wmo/Jeugd: geraamde kosten.",
    )
    voorstel_uitkomst = models.CharField(max_length=30, choices=Uitkomst.choices, blank=True)
    voorstel_bedrag = models.DecimalField(null=True, blank=True, **BEDRAG)
    besluit_uitkomst = models.CharField(max_length=30, choices=Uitkomst.choices, blank=True)
    besluit_bedrag = models.DecimalField(null=True, blank=True, **BEDRAG)
    besluitdatum = models.DateField(null=True, blank=True)
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "zaak"
        verbose_name_plural = "zaken"
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(condition=Q(kosten__isnull=True) | Q(kosten__gte=0), name="zaak_kosten_niet_negatief"),
        ]

    @property
    def definitie(self) -> Regeling:
        return REGELINGEN[self.regeling]

    @property
    def domein(self) -> str:
        return self.definitie.domein

    @property
    def is_afgerond(self) -> bool:
        return self.status in EINDSTATUSSEN

    def huidig_onderzoek(self) -> Onderzoek | None:
        return self.onderzoeken.order_by("-id").first()

    def huidig_plan(self) -> Ondersteuningsplan | None:
        return self.plannen.order_by("-id").first()

    def actuele_bevindingen(self):
        return self.bevindingen.filter(actueel=True)

    def __str__(self) -> str:
        return f"Zaak {self.pk} {self.definitie.naam} ({self.get_status_display()})"


class Statusovergang(models.Model):
    """One step of the procedure: from, to, who, when, why, and the rule that allowed it."""

    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, related_name="overgangen")
    van = models.CharField(max_length=30, choices=Status.choices, blank=True)
    naar = models.CharField(max_length=30, choices=Status.choices)
    datum = models.DateField("datum van de gebeurtenis", help_text="Gesprek, aanvraag, besluit, ...")
    reden = models.TextField(blank=True)
    grondslag = models.CharField(max_length=300, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "statusovergang"
        verbose_name_plural = "statusovergangen"
        ordering = ["op", "id"]

    def __str__(self) -> str:
        return f"{self.van or '—'} → {self.naar} ({self.datum})"


# ------------------------------------------------------------------ onderzoek (individualiseringsrapportage)

# Art. 2:3 lid 3: what the toegangspartij examines in the conversation(s). Field name -> (letter, text).
CHECKLIST = {
    "behoefte": ("a", "de behoefte, persoonskenmerken en voorkeuren van de inwoner"),
    "gewenst_resultaat": ("b", "het gewenste resultaat (zelfredzaamheid, participatie, beschermd wonen, opvang of ondersteuning)"),
    "eigen_kracht": ("c", "de mogelijkheden op eigen kracht of met gebruikelijke hulp"),
    "mantelzorg_netwerk": ("d", "de mogelijkheden met mantelzorg of hulp uit het sociale netwerk"),
    "ondersteuning_mantelzorger": ("e", "de behoefte aan ondersteuning van de mantelzorger"),
    "algemene_voorzieningen": ("f", "de mogelijkheden met algemene of vrij toegankelijke voorzieningen"),
    "maatwerkvoorziening": ("g", "de mogelijkheden met een individuele of maatwerkvoorziening"),
    "samenwerking": ("h", "samenwerking met (zorg)aanbieders, zorgverzekeraars en andere partijen"),
    "levensovertuiging": ("i", "rekening houden met culturele achtergrond, godsdienst en levensovertuiging"),
}

# Zelfredzaamheidsmatrix: the usual life domains, scored 1 (acute problematiek) to 5 (volledig zelfredzaam).
ZRM_DOMEINEN = {
    "financien": "financiën",
    "werk_opleiding": "werk en opleiding",
    "tijdsbesteding": "tijdsbesteding",
    "huisvesting": "huisvesting",
    "huiselijke_relaties": "huiselijke relaties",
    "geestelijke_gezondheid": "geestelijke gezondheid",
    "lichamelijke_gezondheid": "lichamelijke gezondheid",
    "verslaving": "verslaving",
    "adl_vaardigheden": "ADL-vaardigheden",
    "sociaal_netwerk": "sociaal netwerk",
    "maatschappelijke_participatie": "maatschappelijke participatie",
    "justitie": "justitie",
}
ZRM_SCORES = {1: "acute problematiek", 2: "niet zelfredzaam", 3: "beperkt zelfredzaam", 4: "voldoende zelfredzaam",
              5: "volledig zelfredzaam"}
ZRM_SCORE_KEUZES = list(ZRM_SCORES.items())
PARTICIPATIELADDER = {
    1: "geïsoleerd",
    2: "sociale contacten buitenshuis",
    3: "deelname aan georganiseerde activiteiten",
    4: "onbetaald werk",
    5: "betaald werk met ondersteuning",
    6: "betaald werk",
}


def _zrm_veld(label: str):
    return models.PositiveSmallIntegerField(
        f"ZRM {label}", null=True, blank=True, choices=ZRM_SCORE_KEUZES,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )


class Onderzoek(models.Model):
    """The onderzoek of art. 2:3 and its report (individualiseringsrapportage)."""

    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, related_name="onderzoeken")
    gesprekdatum = models.DateField("datum eerste gesprek", help_text="Art. 2:3 lid 1: het onderzoek start met een gesprek.")
    laatste_gesprekdatum = models.DateField("datum laatste gesprek", null=True, blank=True)
    # How the report came about (advice Adviesraad Sociaal Domein 2018): where, who was present, who wrote it.
    plaats = models.CharField("waar en hoe (huisbezoek, gemeentehuis, telefonisch, ...)", max_length=200, blank=True)
    aanwezigen = models.TextField("aanwezigen bij het gesprek", blank=True)
    opgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Information duties of art. 2:2 and 2:3.
    gewezen_op_clientondersteuning = models.BooleanField("gewezen op kosteloze cliëntondersteuning (art. 2:2 lid 3)", default=False)
    gewezen_op_eigen_plan = models.BooleanField("gewezen op persoonlijk of familieplan (art. 2:2 lid 4)", default=False)
    doel_en_procedure_uitgelegd = models.BooleanField("doel, procedure, rechten en plichten uitgelegd (art. 2:3 lid 2)", default=False)
    toestemming_gegevensverwerking = models.BooleanField("toestemming voor verwerking persoonsgegevens (art. 2:3 lid 2)", default=False)
    bijdrage_besproken = models.BooleanField("geïnformeerd over de eigen bijdrage (art. 2:3 lid 4)", default=False)
    pgb_besproken = models.BooleanField("geïnformeerd over het pgb (art. 2:3 lid 5)", default=False)
    identiteitsdocument = models.CharField("identiteit vastgesteld met (art. 2:3 lid 7)", max_length=100, blank=True)
    # Art. 2:3 lid 3 onder a to i.
    behoefte = models.TextField("a. behoefte, persoonskenmerken en voorkeuren", blank=True)
    gewenst_resultaat = models.TextField("b. gewenst resultaat", blank=True)
    eigen_kracht = models.TextField("c. eigen kracht en gebruikelijke hulp", blank=True)
    mantelzorg_netwerk = models.TextField("d. mantelzorg en sociaal netwerk", blank=True)
    ondersteuning_mantelzorger = models.TextField("e. ondersteuning van de mantelzorger", blank=True)
    algemene_voorzieningen = models.TextField("f. algemene of vrij toegankelijke voorzieningen", blank=True)
    maatwerkvoorziening = models.TextField("g. individuele of maatwerkvoorziening", blank=True)
    samenwerking = models.TextField("h. samenwerking met aanbieders en partijen", blank=True)
    levensovertuiging = models.TextField("i. culturele achtergrond, godsdienst, levensovertuiging", blank=True)
    # One instrument to measure the situation plus a descriptive report (advice Adviesraad 2018).
    zrm_financien = _zrm_veld("financiën")
    zrm_werk_opleiding = _zrm_veld("werk en opleiding")
    zrm_tijdsbesteding = _zrm_veld("tijdsbesteding")
    zrm_huisvesting = _zrm_veld("huisvesting")
    zrm_huiselijke_relaties = _zrm_veld("huiselijke relaties")
    zrm_geestelijke_gezondheid = _zrm_veld("geestelijke gezondheid")
    zrm_lichamelijke_gezondheid = _zrm_veld("lichamelijke gezondheid")
    zrm_verslaving = _zrm_veld("verslaving")
    zrm_adl_vaardigheden = _zrm_veld("ADL-vaardigheden")
    zrm_sociaal_netwerk = _zrm_veld("sociaal netwerk")
    zrm_maatschappelijke_participatie = _zrm_veld("maatschappelijke participatie")
    zrm_justitie = _zrm_veld("justitie")
    participatieladder = models.PositiveSmallIntegerField(
        "trede participatieladder", null=True, blank=True, choices=list(PARTICIPATIELADDER.items()),
        validators=[MinValueValidator(1), MaxValueValidator(6)],
    )
    beschrijving = models.TextField("beschrijvende rapportage", blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "onderzoek"
        verbose_name_plural = "onderzoeken"
        ordering = ["id"]
        constraints = [
            *[
                models.CheckConstraint(
                    condition=Q(**{f"zrm_{d}__isnull": True}) | Q(**{f"zrm_{d}__gte": 1, f"zrm_{d}__lte": 5}),
                    name=f"onderzoek_zrm_{d}_1_tot_5",
                )
                for d in ZRM_DOMEINEN
            ],
            models.CheckConstraint(
                condition=Q(participatieladder__isnull=True) | Q(participatieladder__gte=1, participatieladder__lte=6),
                name="onderzoek_participatieladder_1_tot_6",
            ),
        ]

    def ontbrekende_checklist(self) -> list[str]:
        """The items of art. 2:3 lid 3 not yet written down, as 'c (de mogelijkheden op eigen kracht ...)'."""
        return [f"{letter} ({tekst})" for veld, (letter, tekst) in CHECKLIST.items() if not getattr(self, veld).strip()]

    @property
    def zrm(self) -> dict[str, int | None]:
        return {d: getattr(self, f"zrm_{d}") for d in ZRM_DOMEINEN}


class Ondersteuningsplan(models.Model):
    """Art. 2:4: the outcomes of the conversation and the agreements made; signed it can be the aanvraag."""

    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, related_name="plannen")
    onderzoek = models.ForeignKey(Onderzoek, on_delete=models.PROTECT, related_name="plannen")
    afspraken = models.TextField("afspraken (art. 2:4 lid 2)")
    verstrekt_op = models.DateField("aan de inwoner verstrekt op (art. 2:4 lid 1 en 3)", null=True, blank=True)
    ondertekend_op = models.DateField("voor akkoord ondertekend op (art. 2:5 lid 4)", null=True, blank=True)
    opgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "ondersteuningsplan"
        verbose_name_plural = "ondersteuningsplannen"
        ordering = ["id"]


class Clientreactie(models.Model):
    """Remarks or later additions of the inwoner, added to the report or plan (art. 2:4 lid 4)."""

    onderzoek = models.ForeignKey(Onderzoek, on_delete=models.PROTECT, null=True, blank=True, related_name="clientreacties")
    plan = models.ForeignKey(Ondersteuningsplan, on_delete=models.PROTECT, null=True, blank=True, related_name="clientreacties")
    tekst = models.TextField("opmerkingen of aanvullingen van de inwoner")
    ontvangen_op = models.DateField("ontvangen op")
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "cliëntreactie"
        verbose_name_plural = "cliëntreacties"
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(onderzoek__isnull=False) & Q(plan__isnull=True)) | (Q(onderzoek__isnull=True) & Q(plan__isnull=False)),
                name="clientreactie_bij_rapport_of_plan",
            )
        ]


ONVERANDERLIJKE_VERSIE = ("Een eerdere versie van het verslag of plan wordt nooit gewijzigd of verwijderd; "
                          "een wijziging wordt een nieuwe versie.")


class _VersieQuerySet(NooitWijzigenQuerySet):
    melding = ONVERANDERLIJKE_VERSIE


class _Versie(models.Model):
    """A snapshot of the report or the plan as it stood after one change ("nothing is lost": the text that was
    overwritten stays readable). Saved once; never changed or deleted."""

    nummer = models.PositiveIntegerField("versie")
    inhoud = models.JSONField("volledige inhoud van deze versie")
    gewijzigde_velden = models.JSONField("gewijzigde velden", default=list)
    toelichting = models.CharField(max_length=200, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(default=timezone.now)

    objects = _VersieQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding or self.pk is not None:
            raise OnveranderlijkFout(ONVERANDERLIJKE_VERSIE)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise OnveranderlijkFout(ONVERANDERLIJKE_VERSIE)


class OnderzoekVersie(_Versie):
    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, related_name="onderzoekversies")
    onderzoek = models.ForeignKey(Onderzoek, on_delete=models.PROTECT, related_name="versies")

    class Meta:
        verbose_name = "versie van het onderzoeksverslag"
        verbose_name_plural = "versies van het onderzoeksverslag"
        ordering = ["onderzoek", "nummer"]
        constraints = [models.UniqueConstraint(fields=["onderzoek", "nummer"], name="onderzoekversie_uniek_nummer")]


class PlanVersie(_Versie):
    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, related_name="planversies")
    plan = models.ForeignKey(Ondersteuningsplan, on_delete=models.PROTECT, related_name="versies")

    class Meta:
        verbose_name = "versie van het ondersteuningsplan"
        verbose_name_plural = "versies van het ondersteuningsplan"
        ordering = ["plan", "nummer"]
        constraints = [models.UniqueConstraint(fields=["plan", "nummer"], name="planversie_uniek_nummer")]


# ------------------------------------------------------------------ beoordeling


class Waarde(models.TextChoices):
    JA = "ja", "ja"
    NEE = "nee", "nee"
    NIET_VASTGESTELD = "niet_vastgesteld", "niet vastgesteld"


class Bevinding(models.Model):
    """A consulent's finding on one discretionary criterion, with a written reason. A new finding on the same
    criterion replaces the previous one (`actueel`), which is kept."""

    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, related_name="bevindingen")
    criterium = models.CharField(max_length=60)
    waarde = models.CharField(max_length=20, choices=Waarde.choices)
    motivering = models.TextField()
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(default=timezone.now)
    actueel = models.BooleanField(default=True)

    class Meta:
        verbose_name = "bevinding"
        verbose_name_plural = "bevindingen"
        ordering = ["criterium", "-op", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["zaak", "criterium"], condition=Q(actueel=True), name="bevinding_een_actueel_per_criterium"
            )
        ]


class SoortAfwijking(models.TextChoices):
    HARDHEIDSCLAUSULE = "hardheidsclausule", "hardheidsclausule"
    BUITENWETTELIJK_BEGUNSTIGEND = "buitenwettelijk_begunstigend_beleid", "buitenwettelijk begunstigend beleid"


class Afwijking(models.Model):
    """A decision that deviates from policy in favour of the inwoner: always a reason and a second person."""

    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, related_name="afwijkingen")
    soort = models.CharField(max_length=40, choices=SoortAfwijking.choices)
    bron = models.CharField(max_length=300)
    reden = models.TextField()
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "afwijking van beleid"
        verbose_name_plural = "afwijkingen van beleid"
        ordering = ["id"]


class GoedkeuringQuerySet(NooitWijzigenQuerySet):
    melding = "Een goedkeuring wordt nooit gewijzigd of verwijderd; een oude goedkeuring geldt alleen niet meer."


class Goedkeuring(models.Model):
    """The second person's judgement (four eyes), bound to the content it judged (issue 8, point 3).

    One record serves the zaak's proposal and the besluit drafted from it: `inhoud_sha256` is the hash of the
    content that carries the decision (regeling, outcome, amount and its period, the computation used, the
    deviations and the current findings; `vierogen.inhoud_van_voorstel`, `besluiten.services.inhoud_van_besluit`).
    The judgement counts for whatever has that same content; any change of it leaves the record as history.
    `besluit` says where it was given (empty: on the zaak's proposal). Append-only."""

    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, related_name="goedkeuringen")
    besluit = models.ForeignKey("besluiten.Besluit", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="goedkeuringen", verbose_name="gegeven op besluit")
    akkoord = models.BooleanField()
    toelichting = models.TextField(blank=True)
    inhoud_sha256 = models.CharField("inhoud (SHA-256)", max_length=64, blank=True, db_index=True)
    inhoud = models.JSONField("beoordeelde inhoud", default=dict, blank=True)
    samenvatting = models.TextField("wat is beoordeeld", blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(default=timezone.now)

    objects = GoedkeuringQuerySet.as_manager()

    class Meta:
        verbose_name = "goedkeuring"
        verbose_name_plural = "goedkeuringen"
        ordering = ["id"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise OnveranderlijkFout("Een goedkeuring wordt niet gewijzigd; geef zo nodig een nieuwe.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise OnveranderlijkFout("Een goedkeuring wordt nooit verwijderd.")


class Mandaatregel(models.Model):
    """Local policy (mandaatbesluit): up to which amount a role may decide alone on a regeling.
    No rule for a role and regeling means: never alone. `max_bedrag` empty means: no amount limit."""

    rol = models.CharField(max_length=40, choices=ROL_KEUZES)
    regeling = models.CharField(max_length=40, choices=REGELING_KEUZES)
    max_bedrag = models.DecimalField("tot en met bedrag", null=True, blank=True, **BEDRAG)
    toelichting = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = "mandaatregel"
        verbose_name_plural = "mandaattabel"
        ordering = ["regeling", "rol"]
        constraints = [
            models.UniqueConstraint(fields=["rol", "regeling"], name="mandaat_eenmaal_per_rol_regeling"),
            models.CheckConstraint(condition=Q(max_bedrag__isnull=True) | Q(max_bedrag__gte=0), name="mandaat_bedrag_niet_negatief"),
        ]

    def __str__(self) -> str:
        grens = "zonder bedraggrens" if self.max_bedrag is None else f"tot en met {formaat.bedrag(self.max_bedrag)}"
        return f"{self.rol} – {self.get_regeling_display()}: {grens}"


class Berekening(models.Model):
    """A Regelkern run for the zaak's household and a month: input, result and uitleg as they were."""

    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, related_name="berekeningen")
    maand = models.DateField()
    gemeente = models.CharField(max_length=100)
    situatie = models.JSONField()
    resultaat = models.JSONField()
    uitleg = models.JSONField()
    waarschuwingen = models.JSONField(default=list)
    bedrag = models.DecimalField(null=True, blank=True, **BEDRAG)
    # Wmo (issue 10): the besluit data given with the computation (voorziening, omvang, ingangsdatum, einddatum).
    gegevens = models.JSONField(default=dict, blank=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(default=timezone.now)
    # The approved policy version the Regelkern applied (issue 12): {"nummer", "wijzigingen": [...]}; None for
    # a computation made before policy versions existed (= version 0, the ordinance as adopted).
    beleidsversie = models.JSONField(null=True, blank=True)

    class Meta:
        verbose_name = "berekening"
        verbose_name_plural = "berekeningen"
        ordering = ["id"]


# Documents on a zaak (issue 8, point 7) live in their own module; imported here so they belong to this app.
from maatwerk.zaken.documentmodellen import Document, Documentinhoud  # noqa: E402, F401
# The structured Jeugd referral (5:3) and free access (5:2), issue 10 point 5: their own module as well.
from maatwerk.zaken.jeugdmodellen import Verwijzing, VrijeToegang  # noqa: E402, F401
