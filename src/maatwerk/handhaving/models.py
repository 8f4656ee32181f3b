"""Enforcement records (issue 11; seed 003, the Participatieraad's advice on the Uitvoeringsplan Integrale
Handhaving): one meldpunt for everyone, casustafels on facts, the monthly Inlichtingenbureau file comparison
of everyone with a benefit, the huisbezoek protocol and the indicator register with two-person approval.

Nothing here links to a Wmo or Jeugd zaak: a handhaver works on reports, signals and visits, never on care
data (doelbinding, AVG art. 5 lid 1 onder b). Records are never deleted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from maatwerk.zaken.regelingen import DOMEIN_KEUZES


class Richting(models.TextChoices):
    """Seed 003 ("Algemeen"): enforcement of a client and of a provider are kept apart."""

    CLIENT = "client", "cliënt"
    AANBIEDER = "aanbieder", "aanbieder"


class Melder(models.TextChoices):
    INWONER = "inwoner", "inwoner"
    PROFESSIONAL = "professional", "professional (medewerker of andere hulpverlener)"
    AANBIEDER = "aanbieder", "aanbieder van zorg of ondersteuning"


class MeldingStatus(models.TextChoices):
    # The only feedback the melder gets (seed 003, "Meldpunt"; AVG): never findings about another person.
    IN_BEHANDELING = "in_behandeling", "in behandeling"
    AFGEHANDELD = "afgehandeld", "afgehandeld"


class Melding(models.Model):
    """A report of suspected misuse or poor quality of care, from anyone (seed 003, "Meldpunt – pagina 20")."""

    kenmerk = models.CharField("kenmerk", max_length=20, unique=True)
    code_hash = models.CharField(max_length=64)  # sha256 of salt + secret code; the code itself is never stored
    code_zout = models.CharField(max_length=32)
    richting = models.CharField("over wie gaat de melding", max_length=20, choices=Richting.choices)
    melder = models.CharField("wie meldt", max_length=20, choices=Melder.choices)
    domein = models.CharField("onderwerp", max_length=20, choices=DOMEIN_KEUZES)
    anoniem = models.BooleanField("anoniem", default=True)
    melder_naam = models.CharField("naam melder", max_length=200, blank=True)
    melder_contact = models.CharField("telefoon of e-mail melder", max_length=200, blank=True)
    betreft = models.CharField("over wie of welke organisatie", max_length=300)
    omschrijving = models.TextField("wat is er aan de hand")
    ontvangen_op = models.DateTimeField("ontvangen op")
    status = models.CharField(max_length=20, choices=MeldingStatus.choices, default=MeldingStatus.IN_BEHANDELING)
    afgehandeld_op = models.DateField(null=True, blank=True)
    geregistreerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                           related_name="+")

    class Meta:
        verbose_name = "melding handhaving"
        verbose_name_plural = "meldingen handhaving"
        ordering = ["-ontvangen_op", "-id"]

    def __str__(self) -> str:
        return self.kenmerk


class SignaalSoort(models.TextChoices):
    """The Inlichtingenbureau's products this comparison is modelled on (docs/handhaving.md)."""

    INKOMEN = "inkomen", "inkomen naast de uitkering"
    VERMOGEN = "vermogen", "vermogen"
    SAMENWONING = "samenwoning", "samenwoning (ander adres of medebewoner)"
    DETENTIE = "detentie", "detentie"
    STUDIEFINANCIERING = "studiefinanciering", "studiefinanciering"


class Indicator(models.Model):
    """A rule that selects people for a check (seed 003, "Controle-instrumenten": transparent criteria and the
    'twee ogen beleid'). Used only after approval by two people other than the author (`indicatoren.py`).
    Not editable once registered: a change is a new *version* (same code, `versie` + 1, `vorige` the one it
    replaces) that needs its own two approvals, so an approval always covers what is used. The old version stays
    in use until the new one is approved, and is then taken out of use; the history stays in the register."""

    code = models.SlugField("code", max_length=60)
    versie = models.PositiveSmallIntegerField("versie", default=1)
    vorige = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="opvolgers",
                               verbose_name="vervangt versie")
    naam = models.CharField("naam", max_length=100)
    omschrijving = models.CharField("korte omschrijving", max_length=350)
    doel = models.TextField("doel en impact")
    wettelijke_grondslag = models.TextField("wettelijke grondslag")
    criteria = models.TextField("criteria: wanneer ontstaat een signaal")
    gegevens = models.TextField("gebruikte gegevens en hun bron")
    eigenaar = models.CharField("eigenaar (functie)", max_length=200)
    signaalsoort = models.CharField("signaalsoort in het Inlichtingenbureau-bestand", max_length=30,
                                    choices=SignaalSoort.choices, blank=True)
    menselijke_tussenkomst = models.TextField("menselijke tussenkomst")
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    buiten_gebruik_op = models.DateField(null=True, blank=True)
    buiten_gebruik_reden = models.TextField("reden buiten gebruik", blank=True)
    buiten_gebruik_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                            related_name="+")

    class Meta:
        verbose_name = "indicator"
        verbose_name_plural = "indicatoren"
        ordering = ["naam", "id"]
        constraints = [models.UniqueConstraint(fields=["code", "versie"], name="indicator_code_versie_uniek")]

    def __str__(self) -> str:
        return self.naam


class IndicatorGoedkeuring(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="goedkeuringen")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(auto_now_add=True)
    toelichting = models.TextField("toelichting (ook: is het ethisch verantwoord?)")

    class Meta:
        ordering = ["op", "id"]
        constraints = [models.UniqueConstraint(fields=["indicator", "door"], name="indicator_een_goedkeuring_per_persoon")]


class Vergelijking(models.Model):
    """One import of a monthly Inlichtingenbureau file and its totals (every client checked the same way)."""

    maand = models.DateField("maand (eerste dag)")
    bestandsnaam = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64)
    ingelezen_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    ingelezen_op = models.DateTimeField(auto_now_add=True)
    aantal_regels = models.PositiveIntegerField(default=0)
    aantal_geweigerd = models.PositiveIntegerField("regels geweigerd (fout)", default=0)
    aantal_zonder_uitkering = models.PositiveIntegerField("regels zonder lopende uitkering", default=0)
    aantal_niet_goedgekeurd = models.PositiveIntegerField("regels van een niet goedgekeurde indicator", default=0)
    aantal_gecontroleerd = models.PositiveIntegerField("cliënten gecontroleerd", default=0)
    aantal_signalen = models.PositiveIntegerField(default=0)
    fouten = models.JSONField(default=list)  # [{"regel": n, "veld": "...", "melding": "..."}]

    class Meta:
        ordering = ["-maand", "-id"]
        constraints = [models.UniqueConstraint(fields=["maand", "sha256"], name="vergelijking_bestand_eenmaal")]


class SignaalStatus(models.TextChoices):
    OPEN = "open", "open"
    BESPROKEN = "besproken", "besproken op de casustafel"


class Signaal(models.Model):
    """A hit of the comparison: what the file says about one client, nothing more (no score, no rank)."""

    vergelijking = models.ForeignKey(Vergelijking, on_delete=models.PROTECT, related_name="signalen")
    inwoner = models.ForeignKey("personen.Inwoner", on_delete=models.PROTECT, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="signalen")
    regel = models.PositiveIntegerField("regel in het bestand")
    soort = models.CharField(max_length=30, choices=SignaalSoort.choices)
    bron = models.CharField("bron (instantie)", max_length=100)
    bedrag = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    begindatum = models.DateField(null=True, blank=True)
    einddatum = models.DateField(null=True, blank=True)
    omschrijving = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=20, choices=SignaalStatus.choices, default=SignaalStatus.OPEN)

    class Meta:
        ordering = ["vergelijking", "regel"]


class Interventie(models.TextChoices):
    GEEN = "geen", "geen actie: geen aanwijzing voor misbruik of slechte kwaliteit"
    GESPREK = "gesprek", "gesprek met de inwoner of aanbieder (uitleg en hulp)"
    HERINNERING = "herinnering", "herinnering aan de inlichtingenplicht of afspraken"
    VOORONDERZOEK = "vooronderzoek", "vooronderzoek"
    ONDERZOEK_RECHTMATIGHEID = "onderzoek_rechtmatigheid", "onderzoek naar de rechtmatigheid"
    HUISBEZOEK = "huisbezoek", "huisbezoek volgens het protocol"
    KWALITEITSONDERZOEK = "kwaliteitsonderzoek", "onderzoek naar de kwaliteit van de zorg"
    HULP = "hulp", "hulp of ondersteuning aanbieden (bescherming van de inwoner)"
    # Issue 11: the casustafel decides a verlaging; the consulent or handhaver records it on the client's zaak
    # (besluiten.verlaging), which links back to this casustafel.
    VERLAGING = "verlaging", "verlaging van de bijstand (maatregel, artikelen 7:11-7:28 van de verordening)"


class Casustafel(models.Model):
    """A multidisciplinary review of a melding or signal (seed 003, "Meldpunt": casustafels decide whether a
    (voor)onderzoek follows). On facts with a source, never on assumptions ("Aannames – pagina 35")."""

    richting = models.CharField(max_length=20, choices=Richting.choices)
    melding = models.ForeignKey(Melding, on_delete=models.PROTECT, null=True, blank=True, related_name="casustafels")
    signaal = models.ForeignKey(Signaal, on_delete=models.PROTECT, null=True, blank=True, related_name="casustafels")
    datum = models.DateField("datum van de casustafel")
    interventie = models.CharField("gekozen interventie", max_length=30, choices=Interventie.choices)
    motivering = models.TextField("waarom deze interventie")
    uitkomst = models.TextField("uitkomst en vervolg")
    afgerond = models.BooleanField("melding of signaal is hiermee afgehandeld", default=False)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-id"]
        constraints = [models.CheckConstraint(
            condition=models.Q(melding__isnull=False) | models.Q(signaal__isnull=False), name="casustafel_heeft_onderwerp")]


class Feit(models.Model):
    casustafel = models.ForeignKey(Casustafel, on_delete=models.PROTECT, related_name="feiten")
    feit = models.TextField()
    bron = models.CharField(max_length=300)

    class Meta:
        ordering = ["id"]


class Deelnemer(models.Model):
    casustafel = models.ForeignKey(Casustafel, on_delete=models.PROTECT, related_name="deelnemers")
    naam = models.CharField(max_length=200)
    discipline = models.CharField(max_length=200)
    akkoord = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]


class Grond(models.TextChoices):
    TOESTEMMING = "toestemming", "toestemming van de inwoner om binnen te komen"
    ART_53A = "art_53a", "Participatiewet artikel 53a lid 2: redelijke twijfel aan de opgegeven woonsituatie"


class HuisbezoekUitkomst(models.TextChoices):
    GEEN_WIJZIGING = "geen_wijziging", "woonsituatie komt overeen met de opgave: geen wijziging"
    WIJZIGING = "wijziging", "woonsituatie wijkt af: onderzoek of herziening door de consulent"
    GEWEIGERD = "geweigerd", "binnentreden geweigerd: gevolgen beoordelen (art. 17 en 54 Participatiewet)"
    HULP = "hulp", "hulpvraag gesignaleerd: doorverwezen"


class Huisbezoek(models.Model):
    """A home visit recorded per the protocol (seed 003, "Huisbezoek"): reason, consent or legal ground,
    announced or not and why, who went, findings, the resident's reaction, outcome."""

    inwoner = models.ForeignKey("personen.Inwoner", on_delete=models.PROTECT, related_name="+")
    casustafel = models.ForeignKey(Casustafel, on_delete=models.PROTECT, null=True, blank=True, related_name="huisbezoeken")
    datum = models.DateField("datum van het bezoek")
    reden = models.TextField("reden van het bezoek")
    grond = models.CharField("grond", max_length=20, choices=Grond.choices)
    toelichting_grond = models.TextField("toelichting op de grond", blank=True)
    toestemming_gegeven = models.BooleanField("de inwoner gaf toestemming om binnen te komen")
    aangekondigd = models.BooleanField("aangekondigd")
    reden_niet_aangekondigd = models.TextField("waarom niet aangekondigd", blank=True)
    medewerkers = models.CharField("wie gingen (namen en functie)", max_length=400)
    bevindingen = models.TextField("bevindingen")
    reactie_inwoner = models.TextField("reactie van de inwoner")
    uitkomst = models.CharField(max_length=30, choices=HuisbezoekUitkomst.choices)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-id"]


class VolgPoging(models.Model):
    """One look-up of a melding's feedback, kept for the rate limit only (`remmen.py`). The key is a keyed hash
    of the address or the kenmerk, so no IP address is stored (AVG art. 5 lid 1 onder c, dataminimalisatie)."""

    sleutel = models.CharField(max_length=64, db_index=True)
    op = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "poging terugkoppeling"
        verbose_name_plural = "pogingen terugkoppeling"
