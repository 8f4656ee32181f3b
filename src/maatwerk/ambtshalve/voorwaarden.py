"""Who qualifies ambtshalve for the individuele inkomenstoeslag on a peildatum, from what the municipality already
knows (issue 12 point 4; seed 002 §8.2: "Ieder jaar wordt in het uitkeringssysteem van de gemeente bezien of zich
wijzigingen hebben voorgedaan [...] Als er geen wijzigingen zijn wordt de regeling automatisch toegekend").

Art. 36 lid 1 Pw: "een persoon van 21 jaar of ouder doch jonger dan de pensioengerechtigde leeftijd, die langdurig
een laag inkomen en geen in aanmerking te nemen vermogen als bedoeld in artikel 34 heeft en geen uitzicht heeft op
inkomensverbetering"; at most once per twelve months. Ordinance 7:1-7:3: the referteperiode is three years before
the peildatum, langdurig laag inkomen is an income not above 100 % of the norm in it.

Each condition is `ja` (known to hold, with what it rests on), `nee` (known not to hold) or `onbekend` (the
municipality does not know it). A household with a `nee` gets nothing; one with an `onbekend` goes to the review
list, never granted silently. Households looked at (`huishoudens_bekend`): those with algemene bijstand in the
referteperiode, those granted an inkomenstoeslag whose aanvraag lies in the referteperiode, and those with a
bijzondere bijstand zaak in it for which income or vermogen was recorded (data used: see docs/ambtshalve.md).
For a household without algemene bijstand on the peildatum the afwijzingsgronden (art. 11, 13 Pw) are not known,
so it can only reach the review list or geen_recht: never a concept toekenning without a consulent.

Where a condition rests on a running algemene bijstand, the amount check stays with the Regelkern: the batch
computes the toeslag on the zaak and a zaak whose computation gives no toeslag goes to the review list too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q

from maatwerk import formaat
from maatwerk.personen.models import Huishouden, Maandinkomen, Rol, Vermogensopgave

IIT = "individuele_inkomenstoeslag"
BIJSTAND = "algemene_bijstand"
BIJZONDERE_BIJSTAND = "bijzondere_bijstand"

# Where the municipality knows the household from (shown with the outcome).
BEKEND_BIJSTAND = "algemene bijstand"
BEKEND_IIT = "eerdere individuele inkomenstoeslag"
BEKEND_BIJZONDERE_BIJSTAND = "bijzondere bijstand met vastgelegd inkomen of vermogen"
PW = "Participatiewet"
VO = "Verordening Sociaal Domein 2018"

JA, NEE, ONBEKEND = "ja", "nee", "onbekend"


@dataclass
class Voorwaarde:
    code: str
    naam: str
    waarde: str  # ja | nee | onbekend
    grond: str  # what it rests on (besluit kenmerk and date, opgave, bevinding), or why it is not known
    bron: str
    soort_bron: str  # wet | verordening | discretie

    def als_json(self) -> dict:
        return self.__dict__.copy()


@dataclass
class Kandidaat:
    huishouden: Huishouden
    hoofdpersoon: object
    voorwaarden: list[Voorwaarde] = field(default_factory=list)
    bekend_uit: list[str] = field(default_factory=list)

    @property
    def zeker(self) -> bool:
        return all(v.waarde == JA for v in self.voorwaarden)

    @property
    def uitgesloten(self) -> bool:
        return any(v.waarde == NEE for v in self.voorwaarden)

    @property
    def reden(self) -> str:
        """The conditions not met (if any), else those not known, in words."""
        nee = [v for v in self.voorwaarden if v.waarde == NEE]
        return "; ".join(f"{v.naam}: {v.grond}" for v in (nee or [v for v in self.voorwaarden if v.waarde == ONBEKEND]))

    def voorwaarde(self, code: str) -> Voorwaarde:
        return next(v for v in self.voorwaarden if v.code == code)


def parameters(peildatum: dt.date):
    from maatwerk.regels.systeem import systeem

    return systeem(settings.MAATWERK_GEMEENTE).parameters(peildatum.isoformat())


def eerste_van_maand(datum: dt.date) -> dt.date:
    return datum.replace(day=1)


def maand_plus(datum: dt.date, maanden: int) -> dt.date:
    n = datum.year * 12 + datum.month - 1 + maanden
    return dt.date(n // 12, n % 12 + 1, 1)


def maanden_tussen(van: dt.date, tot: dt.date) -> int:
    """Whole calendar months from the month of `van` to the month of `tot` (as the Regelkern's maanden_sinds)."""
    return (tot.year * 12 + tot.month) - (van.year * 12 + van.month)


def referteperiode(peildatum: dt.date) -> list[dt.date]:
    """The months of art. 7:1 onder c ("drie jaar voorafgaand aan de peildatum"), as the Regelkern counts them: the
    `referteperiode` calendar months before the month of the peildatum."""
    aantal = int(parameters(peildatum).gemeente.individuele_inkomenstoeslag.referteperiode)
    begin = eerste_van_maand(peildatum)
    return [maand_plus(begin, -k) for k in range(aantal, 0, -1)]


def leeftijd_op(geboortedatum: dt.date, datum: dt.date) -> int:
    return datum.year - geboortedatum.year - ((datum.month, datum.day) < (geboortedatum.month, geboortedatum.day))


def bijstandsbesluiten(huishouden_ids=None):
    """The bekendgemaakt besluiten that grant algemene bijstand (toekenning, gedeeltelijk, herziening)."""
    from maatwerk.besluiten.models import MET_VERSTREKKING, Besluit, Status

    qs = Besluit.objects.filter(zaak__regeling=BIJSTAND, status=Status.BEKENDGEMAAKT, soort__in=MET_VERSTREKKING)
    if huishouden_ids is not None:
        qs = qs.filter(zaak__huishouden_id__in=huishouden_ids)
    return qs.select_related("zaak").order_by("ingangsdatum", "pk")


def _dekt(besluit, maand: dt.date) -> bool:
    einde = maand_plus(maand, 1) - dt.timedelta(days=1)
    return (besluit.ingangsdatum is None or besluit.ingangsdatum <= einde) and (
        besluit.einddatum is None or besluit.einddatum >= maand)


def _besluit_tekst(besluiten) -> str:
    return ", ".join(f"besluit {b.kenmerk} van {formaat.datum(b.besluitdatum)}" if b.besluitdatum else f"besluit {b.kenmerk}"
                     for b in besluiten)


def huishoudens_met_bijstand(peildatum: dt.date) -> list[int]:
    """The households with a granting algemene bijstand besluit that touches the referteperiode or the peildatum."""
    maanden = referteperiode(peildatum)
    eerste = maanden[0]
    return sorted(set(
        bijstandsbesluiten().filter(Q(einddatum__isnull=True) | Q(einddatum__gte=eerste))
        .filter(Q(ingangsdatum__isnull=True) | Q(ingangsdatum__lte=peildatum))
        .values_list("zaak__huishouden_id", flat=True)
    ))


def _eerste_datum(zaak_waarden) -> dt.date | None:
    return next((d for d in zaak_waarden if d is not None), None)


def huishoudens_bekend(peildatum: dt.date) -> dict[int, list[str]]:
    """The households to judge on the peildatum, each with where the municipality knows it from:
    - algemene bijstand touching the referteperiode or the peildatum (`huishoudens_met_bijstand`);
    - an individuele inkomenstoeslag granted on an aanvraag in the referteperiode (the first month of the
      referteperiode up to and including the peildatum): its own referteperiode was judged then;
    - a bijzondere bijstand zaak received in that period, for whose hoofdpersoon income (Maandinkomen) or vermogen
      (Vermogensopgave) of a month in that period is recorded (the draagkracht, seed 002 §1.5)."""
    from maatwerk.zaken.beoordeling import TOEGEKEND
    from maatwerk.zaken.models import Zaak

    eerste = referteperiode(peildatum)[0]
    bekend: dict[int, list[str]] = {h: [BEKEND_BIJSTAND] for h in huishoudens_met_bijstand(peildatum)}
    for h, *datums in (Zaak.objects.filter(regeling=IIT, besluit_uitkomst__in=TOEGEKEND)
                       .values_list("huishouden_id", "aanvraagdatum", "besluitdatum", "ontvangen_op")):
        datum = _eerste_datum(datums)
        if datum is not None and eerste <= datum <= peildatum and BEKEND_IIT not in bekend.setdefault(h, []):
            bekend[h].append(BEKEND_IIT)
    periode = dict(maand__gte=eerste, maand__lte=peildatum, vervallen_op__isnull=True)
    met_gegevens = (set(Maandinkomen.objects.filter(**periode).values_list("inwoner_id", flat=True))
                    | set(Vermogensopgave.objects.filter(**periode).values_list("inwoner_id", flat=True)))
    for h, hoofd in (Zaak.objects.filter(regeling=BIJZONDERE_BIJSTAND, ontvangen_op__gte=eerste,
                                         ontvangen_op__lte=peildatum, hoofdpersoon_id__in=met_gegevens)
                     .values_list("huishouden_id", "hoofdpersoon_id")):
        if BEKEND_BIJZONDERE_BIJSTAND not in bekend.setdefault(h, []):
            bekend[h].append(BEKEND_BIJZONDERE_BIJSTAND)
    return dict(sorted(bekend.items()))


def _leeftijd(partners, peildatum: dt.date, aow: dict[int, dt.date]) -> Voorwaarde:
    minimum = int(parameters(peildatum).wet.participatiewet.art_36_inkomenstoeslag.minimumleeftijd)
    te_jong = [p for p in partners if leeftijd_op(p.geboortedatum, peildatum) < minimum]
    aow_bereikt = [p for p in partners if aow.get(p.pk) is not None and aow[p.pk] <= peildatum]
    onbekend = [p for p in partners if aow.get(p.pk) is None]
    geboren = ", ".join(f"{p.naam} geboren op {formaat.datum(p.geboortedatum)}" for p in partners)
    if te_jong or aow_bereikt:
        wie = ", ".join(f"{p.naam} is jonger dan {minimum} jaar" for p in te_jong) or ", ".join(
            f"{p.naam} heeft de AOW-leeftijd bereikt" for p in aow_bereikt)
        waarde, grond = NEE, f"{wie} op {formaat.datum(peildatum)}"
    elif onbekend:
        waarde, grond = ONBEKEND, "de AOW-datum kon niet worden bepaald"
    else:
        waarde, grond = JA, f"basisregistratie personen: {geboren}"
    # Art. 7:4 lid 3 Vo: "de situatie op de peildatum is bepalend"; a birthday on the peildatum counts.
    return Voorwaarde("leeftijd", f"{minimum} jaar of ouder en jonger dan de AOW-leeftijd", waarde, grond,
                      f"{PW}, artikel 36, eerste lid; {VO}, artikel 7:4, derde lid", "wet")


def _inkomen_bekend(partners, maanden: list[dt.date]) -> set[dt.date]:
    """The months in which an income (Maandinkomen, also € 0) is recorded for every partner."""
    per: dict[int, set[dt.date]] = {}
    for inwoner, maand in Maandinkomen.objects.filter(inwoner__in=partners, maand__gte=maanden[0], maand__lte=maanden[-1],
                                                      vervallen_op__isnull=True).values_list("inwoner_id", "maand"):
        per.setdefault(inwoner, set()).add(maand)
    return set.intersection(*(per.get(p.pk, set()) for p in partners)) if partners else set()


def _laag_inkomen(besluiten, peildatum: dt.date, partners=(), regelkern: dict | None = None) -> Voorwaarde:
    """Known when every month of the referteperiode is covered by algemene bijstand, or by bijstand and recorded
    income together; then (unless all bijstand) the Regelkern compares the income with the norm per month (7:3, with
    the marginal excess of its toelichting). A month without either: not known."""
    maanden = referteperiode(peildatum)
    bijstand = {m for m in maanden if any(_dekt(b, m) for b in besluiten)}
    gebruikt = [b for b in besluiten if any(_dekt(b, m) for m in maanden)]
    naam = "langdurig laag inkomen in de referteperiode"
    bron = f"{PW}, artikel 36, eerste lid; {VO}, artikelen 7:1 onder a en c en 7:3"
    periode = f"{formaat.datum(maanden[0])} tot {formaat.datum(peildatum)}"
    if len(bijstand) == len(maanden):
        grond = f"algemene bijstand in alle {len(maanden)} maanden van {periode}: {_besluit_tekst(gebruikt)}"
        return Voorwaarde("langdurig_laag_inkomen", naam, JA, grond, bron, "verordening")
    inkomen = _inkomen_bekend(list(partners), maanden) - bijstand
    if len(bijstand) + len(inkomen) == len(maanden) and regelkern is not None:
        uit = regelkern
        hoogste = uit.get("iit_hoogste_overschrijding_referteperiode")
        delen = ([f"algemene bijstand in {len(bijstand)} maanden ({_besluit_tekst(gebruikt)})"] if bijstand else []) + [
            f"vastgelegd inkomen in {len(inkomen)} maanden"]
        grond = f"{' en '.join(delen)} van {periode}; hoogste overschrijding van de norm: {formaat.bedrag(hoogste or 0)}"
        return Voorwaarde("langdurig_laag_inkomen", naam, JA if uit.get("iit_langdurig_laag_inkomen") else NEE, grond,
                          bron, "verordening")
    grond = (f"algemene bijstand of vastgelegd inkomen in {len(bijstand) + len(inkomen)} van de {len(maanden)} maanden "
             "van de referteperiode; het inkomen in de andere maanden is de gemeente niet bekend")
    return Voorwaarde("langdurig_laag_inkomen", naam, ONBEKEND, grond, bron, "verordening")


def _lopende_bijstand(besluiten, peildatum: dt.date) -> Voorwaarde:
    """Art. 11 and 13 Pw (afwijzingsgronden): a running algemene bijstand on the peildatum means the municipality
    checked them for this household (and checks them monthly through the Inlichtingenbureau)."""
    lopend = [b for b in besluiten if (b.ingangsdatum is None or b.ingangsdatum <= peildatum)
              and (b.einddatum is None or b.einddatum >= peildatum)]
    naam = "geen grond om bijstand te weigeren (artikel 13 en 14 Participatiewet)"
    bron = f"{PW}, artikelen 11, 13 en 14"
    if lopend:
        return Voorwaarde("afwijzingsgronden", naam, JA, f"lopende algemene bijstand: {_besluit_tekst(lopend[-1:])}",
                          bron, "wet")
    return Voorwaarde("afwijzingsgronden", naam, ONBEKEND,
                      f"geen lopende algemene bijstand op {formaat.datum(peildatum)}", bron, "wet")


def _geen_eerdere_toeslag(huishouden, partners, peildatum: dt.date) -> Voorwaarde:
    """Art. 36 Pw: at most once per twelve months, counted as the Regelkern does (iit_buiten_herhalingstermijn):
    whole calendar months from the month of the aanvraag of the last granted toeslag to the month of the peildatum.
    An IIT zaak still open (also an ambtshalve concept of another peildatum) is not met either: it is being decided."""
    from maatwerk.zaken.beoordeling import TOEGEKEND
    from maatwerk.zaken.models import EINDSTATUSSEN, Zaak

    termijn = int(parameters(peildatum).wet.participatiewet.art_36_inkomenstoeslag.herhalingstermijn_maanden)
    zaken = Zaak.objects.filter(regeling=IIT).filter(Q(huishouden=huishouden) | Q(hoofdpersoon__in=partners))
    naam = f"geen individuele inkomenstoeslag in de laatste {termijn} maanden"
    bron = f"{PW}, artikel 36 (ten hoogste eenmaal per twaalf maanden)"
    open_ = zaken.exclude(status__in=EINDSTATUSSEN).first()
    if open_ is not None:
        return Voorwaarde("herhalingstermijn", naam, NEE, f"er loopt al een aanvraag (zaak {open_.pk})", bron, "wet")
    datums = [(z.aanvraagdatum or z.besluitdatum or z.ontvangen_op, z) for z in zaken.filter(besluit_uitkomst__in=TOEGEKEND)]
    datums = [(d, z) for d, z in datums if d <= peildatum]
    if not datums:
        return Voorwaarde("herhalingstermijn", naam, JA, "nooit eerder een individuele inkomenstoeslag", bron, "wet")
    laatste, zaak = max(datums, key=lambda t: t[0])
    maanden = maanden_tussen(laatste, peildatum)
    tekst = f"vorige toeslag op de aanvraag van {formaat.datum(laatste)} (zaak {zaak.pk}), {maanden} maanden geleden"
    return Voorwaarde("herhalingstermijn", naam, JA if maanden >= termijn else NEE, tekst, bron, "wet")


def _vermogen(partners, peildatum: dt.date, boven_grens: bool | None, grens: float | None) -> Voorwaarde:
    naam = "geen vermogen boven de vermogensgrens"
    bron = f"{PW}, artikel 36, eerste lid, met artikel 34"
    opgaven = []
    for p in partners:
        laatste = (Vermogensopgave.objects.filter(inwoner=p, maand__lte=peildatum, vervallen_op__isnull=True)
                   .order_by("-maand", "-id").first())
        if laatste is None:
            return Voorwaarde("vermogen", naam, ONBEKEND, f"voor {p.naam} is geen vermogen vastgesteld", bron, "wet")
        opgaven.append(laatste)
    grond = "; ".join(f"laatst vastgesteld voor {o.inwoner.naam}: {formaat.bedrag(o.bedrag)} in "
                      f"{formaat.datum(o.maand)}" for o in opgaven)
    if grens is not None:
        grond += f" (vermogensgrens {formaat.bedrag(grens)})"
    return Voorwaarde("vermogen", naam, NEE if boven_grens else JA, grond, bron, "wet")


def _zicht(huishouden, partners, peildatum: dt.date) -> Voorwaarde:
    """A judgement (art. 36 lid 2 Pw: krachten, bekwaamheden, inspanningen). Known only when a consulent recorded
    "no prospect" on an earlier granted toeslag of this household within the referteperiode and the household has
    been on algemene bijstand since (seed 002 §8.2: unchanged situation). Otherwise not known: review list."""
    from maatwerk.zaken.beoordeling import TOEGEKEND
    from maatwerk.zaken.models import Bevinding

    eerste = referteperiode(peildatum)[0]
    bevinding = (Bevinding.objects.filter(criterium="zicht_op_inkomensverbetering", actueel=True,
                                          zaak__regeling=IIT, zaak__besluit_uitkomst__in=TOEGEKEND,
                                          zaak__besluitdatum__gte=eerste, zaak__besluitdatum__lte=peildatum)
                 .filter(Q(zaak__huishouden=huishouden) | Q(zaak__hoofdpersoon__in=partners))
                 .select_related("zaak").order_by("-zaak__besluitdatum", "-id").first())
    naam = "geen zicht op inkomensverbetering"
    bron = f"{PW}, artikel 36, eerste en tweede lid"
    if bevinding is None or bevinding.waarde != "nee":
        return Voorwaarde("zicht", naam, ONBEKEND, "geen eerdere vaststelling door een consulent; dit is een "
                          "oordeel dat de gemeente niet uit haar gegevens kan afleiden", bron, "discretie")
    return Voorwaarde("zicht", naam, JA, f"vastgesteld door de consulent bij de toeslag van "
                      f"{formaat.datum(bevinding.zaak.besluitdatum)} (zaak {bevinding.zaak_id})", bron, "discretie")


def _bijstand_per_maand(besluiten, peildatum: dt.date) -> dict[str, float]:
    """Algemene bijstand per month of the referteperiode, from the granting besluiten (income in 7:1 onder a)."""
    from maatwerk.besluiten.models import Periode

    uit = {}
    for m in referteperiode(peildatum):
        for b in besluiten:
            if _dekt(b, m) and b.bedrag is not None and b.bedrag_periode == Periode.PER_MAAND:
                uit[f"{m.year:04d}-{m.month:02d}"] = float(b.bedrag)
    return uit


def _regelkern(huishouden, peildatum: dt.date, besluiten=()) -> tuple[dict[int, dt.date], bool | None, float | None, dict]:
    """AOW date per member, the vermogen test and the referteperiode income test, from the Regelkern (situation of
    the peildatum's month; the algemene bijstand per month is added as income, 7:1 onder a)."""
    from maatwerk.personen.situatie import bouw_situatie
    from maatwerk.regels.berekening import bereken

    situatie = bouw_situatie(huishouden, peildatum)
    bijstand = _bijstand_per_maand(besluiten, peildatum)
    if bijstand:
        situatie.json["huishoudens"][situatie.huishouden_sleutel]["algemene_bijstand"] = bijstand
    maand = f"{peildatum.year:04d}-{peildatum.month:02d}"
    uit = bereken(situatie.json, maand, settings.MAATWERK_GEMEENTE,
                  ["aow_datum", "vermogen_boven_vermogensgrens", "vermogensgrens", "iit_langdurig_laag_inkomen",
                   "iit_hoogste_overschrijding_referteperiode"])["resultaten"]
    aow = {}
    for lid in huishouden.lidmaatschappen_op(peildatum):
        waarde = uit["personen"].get(situatie.sleutel_van(lid.inwoner_id) or "", {}).get("aow_datum")
        aow[lid.inwoner_id] = dt.date.fromisoformat(str(waarde)[:10]) if waarde else None
    h = uit["huishoudens"][situatie.huishouden_sleutel]
    return aow, bool(h["vermogen_boven_vermogensgrens"]), h.get("vermogensgrens"), h


def beoordeel(huishouden: Huishouden, peildatum: dt.date, besluiten=None, bekend_uit=None) -> Kandidaat:
    """All conditions for one household on the peildatum, each with what it rests on."""
    leden = list(huishouden.lidmaatschappen_op(peildatum))
    partners = [lid.inwoner for lid in leden if lid.rol == Rol.PARTNER]
    hoofd = next((lid.inwoner for lid in leden if lid.relatie == "aanvrager"), partners[0] if partners else None)
    if besluiten is None:
        besluiten = list(bijstandsbesluiten([huishouden.pk]))
    kandidaat = Kandidaat(huishouden, hoofd, bekend_uit=list(bekend_uit or []))
    aow, boven, grens, rk = _regelkern(huishouden, peildatum, besluiten)
    kandidaat.voorwaarden = [
        _leeftijd(partners, peildatum, aow),
        _laag_inkomen(besluiten, peildatum, partners, rk),
        _geen_eerdere_toeslag(huishouden, partners, peildatum),
        _vermogen(partners, peildatum, boven, grens),
        _zicht(huishouden, partners, peildatum),
        _lopende_bijstand(besluiten, peildatum),
    ]
    return kandidaat


def kandidaten(peildatum: dt.date) -> list[Kandidaat]:
    """Every household the municipality knows (`huishoudens_bekend`), judged on the peildatum (sure, review, or not
    met)."""
    bekend = huishoudens_bekend(peildatum)
    per = {}
    for b in bijstandsbesluiten(list(bekend)):
        per.setdefault(b.zaak.huishouden_id, []).append(b)
    return [beoordeel(h, peildatum, per.get(h.pk, []), bekend[h.pk])
            for h in Huishouden.objects.filter(pk__in=list(bekend)).order_by("pk")]
