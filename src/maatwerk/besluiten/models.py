"""Besluit (beschikking) on a zaak, its considerations, the letter that made it known, the editable letter
templates with their versions, the municipality's contact details for letters, and bezwaarschriften.

Rules live in the services (`services.py`, `bezwaar.py`, `sjabloonbeheer.py`). The models only enforce what
must hold whoever calls them: nothing that was made known (bekendgemaakt) ever changes or disappears
(principle 3; Awb 3:40 — a besluit takes effect by bekendmaking, so its text then is the legal fact).
A correction is a new besluit that names the old one (`vervangt`).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from maatwerk.zaken.fouten import OnveranderlijkFout
from maatwerk.zaken.onveranderlijk import NooitWijzigenQuerySet

BEDRAG = {"max_digits": 12, "decimal_places": 2}


def sha256(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()



# ------------------------------------------------------------------ keuzes


class Soort(models.TextChoices):
    TOEKENNING = "toekenning", "toekenning"
    GEDEELTELIJKE_TOEKENNING = "gedeeltelijke_toekenning", "gedeeltelijke toekenning"
    AFWIJZING = "afwijzing", "afwijzing"
    BUITEN_BEHANDELING = "buiten_behandeling", "buiten behandeling stellen"
    HERZIENING = "herziening", "herziening"
    INTREKKING = "intrekking", "intrekking"
    # Afstemming (Verordening Sociaal Domein 2018, artikelen 7:11-7:28): a verlaging of a running algemene bijstand,
    # or the letter that the college refrains from it for dringende redenen (artikel 7:15, tweede en derde lid).
    VERLAGING = "verlaging", "verlaging van de bijstand"
    AFZIEN_VERLAGING = "afzien_verlaging", "afzien van een verlaging"


# Soorten that grant something: the content elements of art. 4:6 / 5:5 (or the amount) apply.
MET_VERSTREKKING = (Soort.TOEKENNING, Soort.GEDEELTELIJKE_TOEKENNING, Soort.HERZIENING)
# Soorten that change an earlier, bekendgemaakt besluit: `vervangt` is required.
WIJZIGT_EERDER = (Soort.HERZIENING, Soort.INTREKKING)
# Soorten about a verlaging (afstemming) of a running benefit: no aanvraag, the zaak's own decision stays.
AFSTEMMING = (Soort.VERLAGING, Soort.AFZIEN_VERLAGING)


class Status(models.TextChoices):
    CONCEPT = "concept", "concept"
    VASTGESTELD = "vastgesteld", "vastgesteld"
    BEKENDGEMAAKT = "bekendgemaakt", "bekendgemaakt (verzonden)"
    VERVALLEN = "vervallen", "vervallen (concept niet gebruikt)"


class Vorm(models.TextChoices):
    NATURA = "natura", "in natura"
    PGB = "pgb", "persoonsgebonden budget (pgb)"
    GELD = "geld", "in geld"


class Financiering(models.TextChoices):
    OM_NIET = "om_niet", "om niet (u hoeft het niet terug te betalen)"
    LENING = "lening", "als lening"


class Periode(models.TextChoices):
    EENMALIG = "eenmalig", "eenmalig"
    PER_WEEK = "per_week", "per week"
    PER_MAAND = "per_maand", "per maand"
    # Wmo pgb for huishoudelijke ondersteuning: "75 % van het ZIN tarief per periode (4 weken)" (Vo art. 4:8 lid 1 c).
    PER_4_WEKEN = "vier_weken", "per 4 weken"
    PER_JAAR = "per_jaar", "per jaar"


class SoortBron(models.TextChoices):
    WET = "wet", "wet"
    VERORDENING = "verordening", "verordening"
    BELEIDSREGEL = "beleidsregel", "beleidsregel"
    DISCRETIE = "discretie", "oordeel van de consulent"


class Herkomst(models.TextChoices):
    REGELKERN = "regelkern", "berekening (Regelkern)"
    BEVINDING = "bevinding", "bevinding van de consulent"
    AFWIJKING = "afwijking", "afwijking van beleid"
    CONSULENT = "consulent", "toegevoegd door de consulent"


# ------------------------------------------------------------------ besluit

# The fields that make up the content of a besluit; approval (four eyes) is given to exactly this content.
INHOUDSVELDEN = (
    "soort", "vervangt_id", "op_bezwaar_id", "aanvraag", "toelichting_beslissing", "voorziening", "beoogd_resultaat",
    "vorm", "financiering", "lening_voorwaarden", "reden_natura", "bedrag", "bedrag_periode", "ingangsdatum", "einddatum", "duur",
    "omvang", "aanbieder", "andere_voorzieningen", "kwaliteitseisen", "pgb_bedrag", "pgb_berekening",
    "verantwoording", "bijdrage_verschuldigd", "bijdrage_toelichting", "meldplicht", "vervolg",
    "ontbrekende_gegevens", "hersteltermijn_tot", "reden_wijziging", "berekening_id",
)
# What may still change once vastgesteld: only the act of making it known.
BEKENDMAKINGSVELDEN = frozenset({"status", "bekendgemaakt_op", "bekendgemaakt_door_id", "bezwaartermijn_einde"})
_LIFECYCLEVELDEN = ("status", "vastgesteld_door_id", "vastgesteld_op", "besluitdatum", *sorted(BEKENDMAKINGSVELDEN))


class BesluitQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if self.exclude(status=Status.CONCEPT).exists():
            raise OnveranderlijkFout("Een vastgesteld of bekendgemaakt besluit kan niet in bulk worden gewijzigd.")
        return super().update(**kwargs)

    def delete(self):
        raise OnveranderlijkFout("Een besluit wordt nooit verwijderd; zet een ongebruikt concept op 'vervallen'.")


class Besluit(models.Model):
    zaak = models.ForeignKey("zaken.Zaak", on_delete=models.PROTECT, related_name="besluiten")
    soort = models.CharField("soort besluit", max_length=30, choices=Soort.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONCEPT)
    vervangt = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="vervangen_door",
        help_text="Het eerdere besluit dat dit besluit wijzigt, intrekt of corrigeert.",
    )
    op_bezwaar = models.ForeignKey(
        "Bezwaarschrift", on_delete=models.PROTECT, null=True, blank=True, related_name="nieuwe_besluiten",
        help_text="Dit besluit is genomen na een bezwaar (Awb 7:11): daartegen staat beroep open, geen bezwaar.",
    )

    # What was asked and what was decided (in words for the inwoner).
    aanvraag = models.TextField("wat vroeg de inwoner (of: waarom deze brief)", blank=True)
    toelichting_beslissing = models.TextField("toelichting op de beslissing", blank=True,
                                              help_text="Bij gedeeltelijke toekenning: wat niet en waarom.")
    # Art. 4:6 / 5:5 elements. Which are required depends on regeling, soort and vorm (see inhoud.py).
    voorziening = models.CharField("welke voorziening", max_length=300, blank=True)
    beoogd_resultaat = models.TextField("beoogd resultaat", blank=True)
    vorm = models.CharField("vorm van de verstrekking", max_length=10, choices=Vorm.choices, blank=True)
    financiering = models.CharField("om niet of als lening", max_length=10, choices=Financiering.choices, blank=True)
    lening_voorwaarden = models.TextField("voorwaarden van de lening (aflossing)", blank=True)
    reden_natura = models.TextField("reden om bijstand in natura te geven (Participatiewet, artikel 57)", blank=True)
    bedrag = models.DecimalField("bedrag", null=True, blank=True, **BEDRAG)
    bedrag_periode = models.CharField("bedrag per", max_length=10, choices=Periode.choices, blank=True)
    ingangsdatum = models.DateField("ingangsdatum", null=True, blank=True)
    einddatum = models.DateField("einddatum (tot en met)", null=True, blank=True)
    duur = models.CharField("duur in woorden", max_length=200, blank=True,
                            help_text="Bijvoorbeeld 'eenmalig' of 'zolang u de hulp nodig heeft, wij kijken elk jaar opnieuw'.")
    omvang = models.CharField("omvang", max_length=300, blank=True, help_text="Bijvoorbeeld '3 uur per week'.")
    aanbieder = models.CharField("aanbieder", max_length=300, blank=True)
    andere_voorzieningen = models.TextField("andere voorzieningen die relevant zijn", blank=True)
    kwaliteitseisen = models.TextField("kwaliteitseisen voor de besteding van het pgb", blank=True)
    pgb_bedrag = models.DecimalField("hoogte van het pgb", null=True, blank=True, **BEDRAG)
    pgb_berekening = models.TextField("hoe de hoogte van het pgb is berekend", blank=True)
    verantwoording = models.TextField("hoe de besteding van het pgb wordt verantwoord", blank=True)
    bijdrage_verschuldigd = models.BooleanField("bijdrage in de kosten verschuldigd", null=True, blank=True)
    bijdrage_toelichting = models.TextField("toelichting op de bijdrage", blank=True)
    meldplicht = models.TextField("wijzigingen doorgeven (meldplicht)", blank=True)
    vervolg = models.TextField("wat gebeurt er nu (betaling, start)", blank=True)
    # Buiten behandeling (Awb 4:5 lid 1): what was missing and until when it could be supplied.
    ontbrekende_gegevens = models.TextField("ontbrekende gegevens", blank=True)
    hersteltermijn_tot = models.DateField("gelegenheid tot aanvullen tot en met", null=True, blank=True)
    # Herziening / intrekking.
    reden_wijziging = models.TextField("reden van herziening of intrekking", blank=True)
    berekening = models.ForeignKey("zaken.Berekening", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # AVG art. 9/10: a letter that names special-category data is held back until the consulent records why it must
    # stay (issue 8). About the letter, not the decision: it may still be recorded once the besluit is vastgesteld.
    bijzondere_gegevens_reden = models.TextField(
        "waarom de brief een bijzonder persoonsgegeven noemt", blank=True,
        help_text="Alleen invullen als de brief bewust een gegeven over gezondheid, geloof, afkomst of strafrecht noemt.")

    opgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opgesteld_op = models.DateTimeField(default=timezone.now)
    vastgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    vastgesteld_op = models.DateTimeField(null=True, blank=True)
    besluitdatum = models.DateField("datum van het besluit", null=True, blank=True)
    bekendgemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    bekendgemaakt_op = models.DateField("dag van bekendmaking (verzending)", null=True, blank=True,
                                        help_text="Awb 3:41 lid 1: bekendmaking door toezending; de bezwaartermijn begint de dag erna (Awb 6:8 lid 1).")
    bezwaartermijn_einde = models.DateField("bezwaartermijn loopt tot en met", null=True, blank=True)

    objects = BesluitQuerySet.as_manager()

    class Meta:
        verbose_name = "besluit"
        verbose_name_plural = "besluiten"
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(condition=Q(bedrag__isnull=True) | Q(bedrag__gte=0), name="besluit_bedrag_niet_negatief"),
            models.CheckConstraint(condition=Q(pgb_bedrag__isnull=True) | Q(pgb_bedrag__gte=0), name="besluit_pgb_niet_negatief"),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(ingangsdatum__isnull=True) | Q(einddatum__gte=models.F("ingangsdatum")),
                name="besluit_einde_na_ingang",
            ),
        ]

    def __str__(self) -> str:
        return f"Besluit {self.pk} ({self.get_soort_display()}, {self.get_status_display()}) – zaak {self.zaak_id}"

    @property
    def kenmerk(self) -> str:
        return f"B{self.pk or 0:06d}-Z{self.zaak_id or 0:06d}"

    @property
    def is_bekendgemaakt(self) -> bool:
        return self.status == Status.BEKENDGEMAAKT

    @property
    def rechtsmiddel(self) -> str:
        """Against a decision on objection (Awb 7:11) lies beroep at the court, not bezwaar (Awb 7:1 lid 1)."""
        return "beroep" if self.op_bezwaar_id else "bezwaar"

    def inhoud(self) -> dict:
        """The content that is approved and fixed: fields plus considerations, as plain JSON values."""
        velden = {v: getattr(self, v) for v in INHOUDSVELDEN}
        velden = {k: (str(w) if w is not None and not isinstance(w, (bool, int, str)) else w) for k, w in velden.items()}
        velden["overwegingen"] = [
            [o.zin, o.bron, o.soort, o.herkomst, o.regel_id] for o in self.overwegingen.order_by("volgorde", "id")
        ] if self.pk else []
        return velden

    def inhoud_sha256(self) -> str:
        import json

        return sha256(json.dumps(self.inhoud(), sort_keys=True, ensure_ascii=False))

    # -------------------------------------------------------------- immutability

    def save(self, *args, **kwargs):
        if self.pk is not None:
            oud = Besluit.objects.filter(pk=self.pk).values(*INHOUDSVELDEN, *_LIFECYCLEVELDEN).first()
            if oud is not None:
                self._controleer_wijziging(oud)
        super().save(*args, **kwargs)

    def _controleer_wijziging(self, oud: dict) -> None:
        if oud["status"] in (Status.BEKENDGEMAAKT, Status.VERVALLEN):
            raise OnveranderlijkFout(
                f"Besluit {self.kenmerk} is {Status(oud['status']).label} en verandert nooit meer. Een correctie is een "
                "nieuw besluit dat naar dit besluit verwijst (herziening of intrekking)."
            )
        if oud["status"] == Status.VASTGESTELD:
            gewijzigd = {k for k, w in oud.items() if getattr(self, k) != w}
            if not gewijzigd <= BEKENDMAKINGSVELDEN or self.status not in (Status.VASTGESTELD, Status.BEKENDGEMAAKT):
                raise OnveranderlijkFout(
                    f"Besluit {self.kenmerk} is vastgesteld; de inhoud kan niet meer veranderen (gewijzigd: "
                    f"{', '.join(sorted(gewijzigd - BEKENDMAKINGSVELDEN)) or 'status'}). Het kan alleen nog worden bekendgemaakt."
                )

    def delete(self, *args, **kwargs):
        raise OnveranderlijkFout("Een besluit wordt nooit verwijderd; zet een ongebruikt concept op 'vervallen'.")


class OverwegingQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if self.exclude(besluit__status=Status.CONCEPT).exists():
            raise OnveranderlijkFout("De overwegingen van een vastgesteld besluit veranderen niet.")
        return super().update(**kwargs)

    def delete(self):
        if self.exclude(besluit__status=Status.CONCEPT).exists():
            raise OnveranderlijkFout("De overwegingen van een vastgesteld besluit veranderen niet.")
        return super().delete()


class Overweging(models.Model):
    """One reason for the besluit: one or two plain sentences for the inwoner, with the rule behind it."""

    besluit = models.ForeignKey(Besluit, on_delete=models.PROTECT, related_name="overwegingen")
    volgorde = models.PositiveSmallIntegerField(default=0)
    zin = models.TextField("overweging (één of twee eenvoudige zinnen)")
    bron = models.CharField("bron (artikel)", max_length=400)
    soort = models.CharField("soort bron", max_length=20, choices=SoortBron.choices)
    herkomst = models.CharField(max_length=20, choices=Herkomst.choices, default=Herkomst.CONSULENT)
    regel_id = models.CharField(max_length=120, blank=True)
    url = models.URLField(max_length=400, blank=True)
    bevinding = models.ForeignKey("zaken.Bevinding", on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    objects = OverwegingQuerySet.as_manager()

    class Meta:
        verbose_name = "overweging"
        verbose_name_plural = "overwegingen"
        ordering = ["volgorde", "id"]

    def _controleer(self) -> None:
        status = Besluit.objects.filter(pk=self.besluit_id).values_list("status", flat=True).first()
        if status not in (None, Status.CONCEPT):
            raise OnveranderlijkFout("De overwegingen van een vastgesteld besluit veranderen niet.")

    def save(self, *args, **kwargs):
        self._controleer()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._controleer()
        return super().delete(*args, **kwargs)


# The four-eyes approval of a besluit is `maatwerk.zaken.models.Goedkeuring` (one record for the zaak's proposal
# and the besluit drafted from it, issue 8 point 3); `besluit.goedkeuringen` are those given on this besluit.


# ------------------------------------------------------------------ brief en sjablonen


class BriefSjabloon(models.Model):
    """A letter template (or a part of one) the beheerder edits; every save is a new `BriefSjabloonVersie`."""

    code = models.SlugField(max_length=60, unique=True)
    naam = models.CharField(max_length=200)
    omschrijving = models.TextField(blank=True)

    class Meta:
        verbose_name = "briefsjabloon"
        verbose_name_plural = "briefsjablonen"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"

    def huidige_versie(self) -> BriefSjabloonVersie | None:
        return self.versies.order_by("-nummer").first()


class BriefSjabloonVersie(models.Model):
    sjabloon = models.ForeignKey(BriefSjabloon, on_delete=models.PROTECT, related_name="versies")
    nummer = models.PositiveIntegerField()
    inhoud = models.TextField()
    sha256 = models.CharField(max_length=64)
    toelichting = models.CharField("wat is er veranderd", max_length=300, blank=True)
    opgeslagen_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    opgeslagen_op = models.DateTimeField(default=timezone.now)

    objects = NooitWijzigenQuerySet.as_manager()

    class Meta:
        verbose_name = "versie van een briefsjabloon"
        verbose_name_plural = "versies van briefsjablonen"
        ordering = ["sjabloon", "-nummer"]
        constraints = [models.UniqueConstraint(fields=["sjabloon", "nummer"], name="sjabloonversie_uniek_nummer")]

    def __str__(self) -> str:
        return f"{self.sjabloon.code} versie {self.nummer}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise OnveranderlijkFout("Een sjabloonversie verandert nooit; sla het sjabloon opnieuw op voor een nieuwe versie.")
        self.sha256 = sha256(self.inhoud)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise OnveranderlijkFout("Een sjabloonversie wordt nooit verwijderd: besluiten verwijzen ernaar.")


class _VerzondenBrief(models.Model):
    """What every sent letter keeps: HTML and PDF bytes with their SHA-256 and the template versions used.
    Stored once and never changed or deleted (a correction is a new besluit with a new letter)."""

    html = models.TextField()
    pdf = models.BinaryField()
    html_sha256 = models.CharField(max_length=64)
    pdf_sha256 = models.CharField(max_length=64)
    sjabloonversies = models.JSONField(default=list, help_text="Alle gebruikte sjablonen: code, versie, id, sha256.")
    leesbaarheid = models.JSONField(default=dict)
    gemaakt_op = models.DateTimeField(default=timezone.now)
    gemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = NooitWijzigenQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise OnveranderlijkFout("Een verzonden brief verandert nooit.")
        self.html_sha256 = sha256(self.html)
        self.pdf_sha256 = sha256(bytes(self.pdf))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise OnveranderlijkFout("Een verzonden brief wordt nooit verwijderd.")

    def controleer_integriteit(self) -> bool:
        """True when the stored bytes still match their SHA-256 (tampering in the database shows here)."""
        return sha256(self.html) == self.html_sha256 and sha256(bytes(self.pdf)) == self.pdf_sha256


class Brief(_VerzondenBrief):
    """The letter exactly as it was sent: HTML and PDF bytes with their SHA-256, and the template versions used."""

    besluit = models.OneToOneField(Besluit, on_delete=models.PROTECT, related_name="brief")
    sjabloonversie = models.ForeignKey(BriefSjabloonVersie, on_delete=models.PROTECT, related_name="brieven",
                                       help_text="De versie van het hoofdsjabloon.")

    class Meta:
        verbose_name = "brief"
        verbose_name_plural = "brieven"
        ordering = ["-id"]


class Gemeentegegevens(models.Model):
    """Who sends the letters and where to object: edited by the beheerder, read into every letter."""

    naam = models.CharField("naam gemeente", max_length=200)
    afzender = models.CharField("ondertekening", max_length=300, default="Het college van burgemeester en wethouders")
    postadres = models.TextField("postadres")
    telefoon = models.CharField(max_length=50)
    website = models.CharField(max_length=200, blank=True)
    bezwaar_adres = models.TextField("adres voor bezwaarschriften")
    bezwaar_digitaal = models.CharField("digitaal bezwaar maken (adres van de webpagina)", max_length=300, blank=True)
    clientondersteuning = models.TextField(
        "waar vindt de inwoner gratis cliëntondersteuning",
        help_text="Eén of twee korte zinnen, bijvoorbeeld de naam van de organisatie en het telefoonnummer.",
    )
    rechtbank = models.CharField("rechtbank voor beroep", max_length=200, blank=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "gemeentegegevens voor brieven"
        verbose_name_plural = "gemeentegegevens voor brieven"

    def __str__(self) -> str:
        return self.naam

    @classmethod
    def huidige(cls) -> Gemeentegegevens | None:
        return cls.objects.order_by("-id").first()


# ------------------------------------------------------------------ bezwaar


class Uitkomst(models.TextChoices):
    GEGROND = "gegrond", "gegrond"
    ONGEGROND = "ongegrond", "ongegrond"
    NIET_ONTVANKELIJK = "niet_ontvankelijk", "niet-ontvankelijk"


class BezwaarQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if self.exclude(uitkomst="").exists():
            raise OnveranderlijkFout("Op dit bezwaar is beslist; het verandert niet meer.")
        return super().update(**kwargs)

    def delete(self):
        raise OnveranderlijkFout("Een bezwaarschrift wordt nooit verwijderd.")


class Bezwaarschrift(models.Model):
    """An objection against a bekendgemaakt besluit (Awb hoofdstuk 6 en 7). A late one is registered too."""

    besluit = models.ForeignKey(Besluit, on_delete=models.PROTECT, related_name="bezwaren")
    indiener = models.CharField(max_length=300)
    ontvangen_op = models.DateField("ontvangen op")
    ter_post_bezorgd_op = models.DateField("ter post bezorgd op", null=True, blank=True,
                                           help_text="Poststempel; alleen bij verzending per post (Awb 6:9 lid 2).")
    gronden = models.TextField("gronden van het bezwaar")
    geregistreerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    geregistreerd_op = models.DateTimeField(default=timezone.now)

    # Awb 6:9 (computed at registration by maatwerk.termijnen).
    bezwaartermijn_einde = models.DateField()
    tijdig = models.BooleanField()
    tijdigheid_bron = models.CharField(max_length=300)
    tijdigheid_uitleg = models.TextField()
    uiterste_ontvangst_bij_post = models.DateField()
    # Awb 6:11: a person's judgement with a reason, only for a late one.
    verschoonbaar = models.BooleanField(null=True, blank=True)
    verschoonbaarheid_reden = models.TextField(blank=True)
    verschoonbaarheid_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    verschoonbaarheid_op = models.DateTimeField(null=True, blank=True)

    # Awb 7:10 beslistermijn, with 7:13 adviescommissie and 7:10 lid 3 verdaging.
    adviescommissie = models.BooleanField("advies van een bezwaarcommissie (Awb 7:13)", default=False)
    verdaging_medegedeeld_op = models.DateField(null=True, blank=True)
    verdaging_weken = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(52)])
    verdaging_reden = models.TextField(blank=True)
    beslistermijn_einde = models.DateField()
    beslistermijn_uitleg = models.TextField(blank=True)

    # Awb 7:2: horen; 7:3: afzien van horen, with the reason.
    hoorzitting_op = models.DateField(null=True, blank=True)
    hoorverslag = models.TextField(blank=True)
    afzien_van_horen_reden = models.TextField(blank=True)
    # Awb 6:6: niet-ontvankelijk for a defect (verzuim) only "mits de indiener de gelegenheid heeft gehad het
    # verzuim te herstellen binnen een hem daartoe gestelde termijn": what was missing and until when.
    verzuim = models.TextField("wat ontbrak in het bezwaarschrift (Awb 6:6)", blank=True)
    hersteltermijn_tot = models.DateField("gelegenheid tot herstel tot en met (Awb 6:6)", null=True, blank=True)

    uitkomst = models.CharField(max_length=20, choices=Uitkomst.choices, blank=True)
    motivering = models.TextField(blank=True)
    beslist_op = models.DateField(null=True, blank=True)
    beslist_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    objects = BezwaarQuerySet.as_manager()

    class Meta:
        verbose_name = "bezwaarschrift"
        verbose_name_plural = "bezwaarschriften"
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ter_post_bezorgd_op__isnull=True) | Q(ter_post_bezorgd_op__lte=models.F("ontvangen_op")),
                name="bezwaar_post_voor_ontvangst",
            ),
        ]

    def __str__(self) -> str:
        return f"Bezwaar {self.pk} tegen besluit {self.besluit_id}"

    @property
    def kenmerk(self) -> str:
        return f"BZ{self.pk or 0:06d}-Z{self.besluit.zaak_id or 0:06d}"

    @property
    def is_beslist(self) -> bool:
        return bool(self.uitkomst)

    @property
    def verschoonbaarheid_te_beoordelen(self) -> bool:
        return not self.tijdig and self.verschoonbaar is None

    def save(self, *args, **kwargs):
        if self.pk is not None:
            oud = Bezwaarschrift.objects.filter(pk=self.pk).values_list("uitkomst", flat=True).first()
            if oud:
                raise OnveranderlijkFout(f"Op bezwaar {self.pk} is beslist ({oud}); het verandert niet meer.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise OnveranderlijkFout("Een bezwaarschrift wordt nooit verwijderd.")


class BezwaarBrief(_VerzondenBrief):
    """The letter that made the beslissing op bezwaar known (ongegrond / niet-ontvankelijk), exactly as sent.

    Awb 7:12 lid 1: "De beslissing op het bezwaar berust op een deugdelijke motivering, die bij de bekendmaking
    van de beslissing wordt vermeld." A gegrond bezwaar needs no letter of its own: the new besluit (Awb 7:11
    lid 2) is made known with its own `Brief`. Same guarantees as `Brief`: stored once, never changed."""

    bezwaar = models.OneToOneField(Bezwaarschrift, on_delete=models.PROTECT, related_name="brief")
    sjabloonversie = models.ForeignKey(BriefSjabloonVersie, on_delete=models.PROTECT, related_name="bezwaarbrieven",
                                       help_text="De versie van het hoofdsjabloon.")
    bekendgemaakt_op = models.DateField("dag van bekendmaking (verzending)",
                                        help_text="Awb 3:41 lid 1; de beroepstermijn begint de dag erna (Awb 6:8 lid 1).")
    beroepstermijn_einde = models.DateField("beroepstermijn loopt tot en met")

    class Meta:
        verbose_name = "brief bij een beslissing op bezwaar"
        verbose_name_plural = "brieven bij beslissingen op bezwaar"
        ordering = ["-id"]


# ------------------------------------------------------------------ ontvangstbewijs


def canonieke_json(inhoud: dict) -> str:
    """The one byte form of a receipt's content that its SHA-256 is taken over (sorted keys, no spaces)."""
    import json

    return json.dumps(inhoud, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class Ontvangstbewijs(models.Model):
    """What a besluit was computed from, fixed when it is vastgesteld (the legal fact): the rule-set version,
    engine and Maatwerk versions, the input situation, the results with their uitleg, the findings, deviations
    and the four-eyes approval. Built by `ontvangstbewijs.maak`; saved once, never changed or deleted, and its
    SHA-256 over the canonical JSON is checked on every read (`controleer_integriteit`)."""

    besluit = models.OneToOneField(Besluit, on_delete=models.PROTECT, related_name="ontvangstbewijs")
    inhoud = models.JSONField()
    sha256 = models.CharField(max_length=64)
    regelset_sha256 = models.CharField("versie van de regelset (SHA-256)", max_length=64)
    gemaakt_op = models.DateTimeField(default=timezone.now)

    objects = NooitWijzigenQuerySet.as_manager()

    class Meta:
        verbose_name = "ontvangstbewijs van een besluit"
        verbose_name_plural = "ontvangstbewijzen van besluiten"
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"Ontvangstbewijs van besluit {self.besluit_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise OnveranderlijkFout("Een ontvangstbewijs verandert nooit: het legt vast waarop het besluit berust.")
        self.sha256 = sha256(canonieke_json(self.inhoud))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise OnveranderlijkFout("Een ontvangstbewijs wordt nooit verwijderd.")

    def samenvatting(self) -> dict:
        """Readable summary for the besluit page (see `ontvangstbewijs.samenvatting`)."""
        from maatwerk.besluiten.ontvangstbewijs import samenvatting

        return samenvatting(self)

    def controleer_integriteit(self) -> bool:
        """True when the stored content still matches its SHA-256 and belongs to this besluit and rule set
        (a change in the database, by hand or by a bug, shows here)."""
        return (
            sha256(canonieke_json(self.inhoud)) == self.sha256
            and (self.inhoud.get("besluit") or {}).get("id") == self.besluit_id
            and (self.inhoud.get("versies") or {}).get("regelset_sha256") == self.regelset_sha256
        )


# Verlagingen (issue 11) live in their own module; imported here so they belong to this app.
from maatwerk.besluiten.verlaging_models import Verlaging  # noqa: E402, F401
