"""The yearly ambtshalve batch for one peildatum (issue 12 point 4; seed 002 §8.2).

For each household the municipality knows (algemene bijstand, an earlier inkomenstoeslag, bijzondere bijstand with
recorded income or vermogen: `voorwaarden.huishoudens_bekend`):
- all conditions known to hold: a zaak individuele inkomenstoeslag, its findings recorded as "vastgesteld uit eigen
  gegevens" with their source, the Regelkern's berekening, the proposal and a concept besluit with a B1 letter. The
  consulent inkomen then vaststelt and sends them from the review list (`vaststelling.py`), through the ordinary
  besluit services, with a second person where the mandate table asks for one (vier-ogen).
  Legal basis: art. 43 lid 1 Pw, "Het college stelt het recht op bijstand vast op aanvraag of, indien daartoe
  aanleiding bestaat, ambtshalve". The toeslag of art. 36 is bijstand (art. 5 onder a Pw: algemene en bijzondere
  bijstand), so the college may grant it without the "daartoe strekkend verzoek" of art. 36 lid 1. The aanvraag date
  of this zaak is the peildatum (7:1 onder b), and the letter says the toeslag comes without an aanvraag.
- a condition not known: the review list (`Uitkomst` soort controle) with the condition and why it is not known.
- a condition known not to hold: recorded as geen_recht with the reason, nothing else.

Each household is one transaction (the outcome row, the zaak and all its steps): a crash keeps what was committed,
and a rerun skips every household that has an outcome (unique per batch and household), so nothing is made twice.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from maatwerk import formaat
from maatwerk.ambtshalve import toegang
from maatwerk.ambtshalve.models import Batch, Soort, Uitkomst
from maatwerk.ambtshalve.voorwaarden import IIT, Kandidaat, beoordeel, bijstandsbesluiten, huishoudens_bekend
from maatwerk.personen.models import Huishouden

BRON_AMBTSHALVE = "Werkwijzer Maatwerk in de bijzondere bijstand (Divosa 2014), paragraaf 8.2 (ambtshalve toekenning)"
# Art. 43 lid 1 Pw: "Het college stelt het recht op bijstand vast op aanvraag of, indien daartoe aanleiding bestaat,
# ambtshalve." The ground to grant without an aanvraag; named in the zaak's grond and the letter's overweging.
GRONDSLAG_AMBTSHALVE = "Participatiewet, artikel 43, eerste lid (ambtshalve vaststelling) en artikel 36"

# The B1 letter (issue 12 point 4): why this letter, what to do when something is wrong. The bezwaar clause is the
# standard part of every besluit letter (besluiten.brief).
AANLEIDING = "U krijgt de toeslag zonder dat u die hoefde aan te vragen. Wij weten uit onze eigen gegevens dat u er recht op hebt."
KLOPT_IETS_NIET = ("Klopt er iets niet? Bijvoorbeeld omdat uw inkomen, uw vermogen of uw gezin anders is? Laat het ons "
                   "dan binnen zes weken weten. Bel ons, schrijf ons of stuur een bericht via Mijn zaken.")
VERVOLG = "Wij betalen de toeslag in één keer uit op uw rekening. U hoeft daarvoor niets te doen."


class PeildatumFout(ValidationError):
    pass


def parse_peildatum(tekst: str, veld: str = "peildatum") -> dt.date:
    """'2026-03-01' (or 1-3-2026) -> a date; a Dutch message naming the field otherwise. Not in the future: the
    conditions are facts on the peildatum, and the aanvraag of the zaak is dated on it (ordinance 7:1 onder b)."""
    waarde = (tekst or "").strip()
    datum = None
    for formaat_ in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            datum = dt.datetime.strptime(waarde, formaat_).date()
            break
        except ValueError:
            continue
    if datum is None:
        raise PeildatumFout({veld: [f"'{tekst}' is geen geldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-03-01."]})
    if datum > timezone.localdate():
        raise PeildatumFout({veld: [f"De peildatum {formaat.datum(datum)} ligt in de toekomst; kies vandaag of eerder."]})
    if datum.year < 2018:
        raise PeildatumFout({veld: ["Een peildatum vóór 2018 is niet mogelijk (Verordening Sociaal Domein 2018)."]})
    return datum


def start(gebruiker, peildatum: dt.date) -> Batch:
    """The batch of the peildatum: the existing one (a rerun continues it), or a new one."""
    toegang.vereis(gebruiker, toegang.CREATE, onderwerp="ambtshalve batch", toelichting=f"peildatum {peildatum}")
    totaal = len(huishoudens_bekend(peildatum))
    try:
        with transaction.atomic():
            batch, nieuw = Batch.objects.get_or_create(peildatum=peildatum, defaults={"gestart_door": gebruiker,
                                                                                        "totaal": totaal})
    except IntegrityError:  # started at the same moment by someone else
        batch, nieuw = Batch.objects.get(peildatum=peildatum), False
    if not nieuw and batch.klaar_op is None and batch.totaal != totaal:
        Batch.objects.filter(pk=batch.pk).update(totaal=totaal)
        batch.refresh_from_db()
    return batch


def open_huishoudens(batch: Batch) -> dict[int, list[str]]:
    """The households still to judge, each with where the municipality knows it from."""
    gedaan = set(batch.uitkomsten.values_list("huishouden_id", flat=True))
    return {h: uit for h, uit in huishoudens_bekend(batch.peildatum).items() if h not in gedaan}


def verwerk(batch: Batch, gebruiker, *, hoeveel: int | None = None) -> Batch:
    """Process the next `hoeveel` households (all when None), each in its own transaction."""
    toegang.vereis(gebruiker, toegang.CHANGE, onderwerp="ambtshalve batch", toelichting=f"peildatum {batch.peildatum}")
    te_doen = list(open_huishoudens(batch).items())
    for pk, bekend_uit in te_doen[:hoeveel] if hoeveel is not None else te_doen:
        huishouden = Huishouden.objects.get(pk=pk)
        kandidaat = beoordeel(huishouden, batch.peildatum, list(bijstandsbesluiten([pk])), bekend_uit)
        _verwerk_een(batch, gebruiker, kandidaat)
    if not open_huishoudens(batch):
        Batch.objects.filter(pk=batch.pk, klaar_op__isnull=True).update(klaar_op=timezone.now())
    batch.refresh_from_db()
    return batch


class _GeenToeslag(Exception):
    def __init__(self, reden: str):
        super().__init__(reden)
        self.reden = reden


def _verwerk_een(batch: Batch, gebruiker, kandidaat: Kandidaat) -> Uitkomst | None:
    voorwaarden = [v.als_json() for v in kandidaat.voorwaarden]
    velden = dict(batch=batch, huishouden=kandidaat.huishouden, hoofdpersoon=kandidaat.hoofdpersoon,
                  voorwaarden=voorwaarden, bekend_uit="; ".join(kandidaat.bekend_uit)[:300])
    try:
        with transaction.atomic():
            # Locks this household's row of the batch: a second runner at the same time gets an IntegrityError.
            if Uitkomst.objects.filter(batch=batch, huishouden=kandidaat.huishouden).exists():
                return None
            if kandidaat.uitgesloten:
                return Uitkomst.objects.create(soort=Soort.GEEN_RECHT, reden=kandidaat.reden, **velden)
            if not kandidaat.zeker:
                return Uitkomst.objects.create(soort=Soort.CONTROLE, reden=kandidaat.reden, **velden)
            try:
                with transaction.atomic():  # the zaak and its steps; undone when the Regelkern gives no toeslag
                    zaak = maak_concept(gebruiker, kandidaat, batch.peildatum)
                    return Uitkomst.objects.create(soort=Soort.CONCEPT_TOEKENNING, zaak=zaak, **velden)
            except _GeenToeslag as fout:
                return Uitkomst.objects.create(soort=Soort.CONTROLE, reden=fout.reden, **velden)
    except IntegrityError:
        return None


def _motivering(kandidaat: Kandidaat, *codes: str) -> str:
    delen = [f"{v.naam}: {v.grond} ({v.bron})" for v in kandidaat.voorwaarden if v.code in codes]
    return "Vastgesteld uit eigen gegevens (ambtshalve toekenning). " + "; ".join(delen) + "."


def maak_concept(gebruiker, kandidaat: Kandidaat, peildatum: dt.date):
    """The zaak of one sure candidate up to a concept besluit with its letter (no vaststelling)."""
    from maatwerk.besluiten import services as besluiten
    from maatwerk.besluiten.models import SoortBron
    from maatwerk.toegang import beleid
    from maatwerk.toegang.models import SoortGrond
    from maatwerk.zaken import beoordeling, procedure
    from maatwerk.zaken.models import Status
    from maatwerk.zaken.services import registreer_melding

    grond = beleid.Grond(True, SoortGrond.EIGEN_DOMEIN, f"Ambtshalve individuele inkomenstoeslag, peildatum "
                                                        f"{formaat.datum(peildatum)} ({GRONDSLAG_AMBTSHALVE}; {BRON_AMBTSHALVE})")
    zaak = registreer_melding(gebruiker, huishouden=kandidaat.huishouden, hoofdpersoon=kandidaat.hoofdpersoon,
                              regeling=IIT, omschrijving=f"Ambtshalve individuele inkomenstoeslag, peildatum "
                              f"{formaat.datum(peildatum)}", ontvangen_op=peildatum, kosten=None, grond=grond)
    procedure.voer_uit(zaak, Status.AANVRAAG, gebruiker, datum=peildatum,
                       reden="Ambtshalve (Participatiewet, artikel 43, eerste lid): de gemeente kent de voorwaarden uit "
                              "haar eigen gegevens.")
    procedure.voer_uit(zaak, Status.BEOORDELING, gebruiker, datum=peildatum)
    zaak.refresh_from_db()
    motivering = {"zicht_op_inkomensverbetering": ("nee", _motivering(kandidaat, "zicht")),
                  "afwijzingsgronden": ("nee", _motivering(kandidaat, "afwijzingsgronden"))}
    # The asked criteria, in order (Regeling.gevraagde_criteria), each once.
    while ontbrekend := beoordeling.ontbrekende_criteria(zaak):
        criterium = ontbrekend[0]
        waarde, tekst = motivering[criterium.code]
        beoordeling.leg_bevinding_vast(zaak, gebruiker, criterium=criterium.code, waarde=waarde, motivering=tekst)
    berekening = beoordeling.bereken(zaak, gebruiker, maand=beoordeling.maand_van(peildatum),
                                     gegevens={"ambtshalve": [v.als_json() for v in kandidaat.voorwaarden]})
    if not berekening.bedrag or berekening.bedrag <= Decimal("0"):
        raise _GeenToeslag("De berekening met de Regelkern geeft geen toeslag (bijvoorbeeld inkomen naast de bijstand "
                           "boven de norm); beoordeel de aanvraag zelf.")
    procedure.voer_uit(zaak, Status.KLAAR_VOOR_BESLUIT, gebruiker, datum=peildatum, uitkomst="toegekend",
                       bedrag=berekening.bedrag)
    zaak.refresh_from_db()
    besluit = besluiten.opstellen(zaak, gebruiker)
    # The toeslag is paid once, for the situation on the peildatum (7:4 lid 3): that is its ingangsdatum.
    besluiten.wijzigen(besluit, gebruiker, aanvraag=AANLEIDING, vervolg=f"{VERVOLG} {KLOPT_IETS_NIET}",
                       ingangsdatum=peildatum)
    besluiten.overweging_toevoegen(besluit, gebruiker, zin=AANLEIDING, bron=f"{GRONDSLAG_AMBTSHALVE}; {BRON_AMBTSHALVE}",
                                   soort=SoortBron.BELEIDSREGEL)
    zaak.refresh_from_db()
    return zaak


def draai(gebruiker, peildatum: dt.date) -> Batch:
    """The whole batch at once (CLI)."""
    return verwerk(start(gebruiker, peildatum), gebruiker)


def samenvatting(batch: Batch) -> dict[str, int]:
    tellingen = {s.value: 0 for s in Soort}
    for soort in batch.uitkomsten.values_list("soort", flat=True):
        tellingen[soort] += 1
    return tellingen
