"""Mijn zaken (issue 9, point 5): what a logged-in resident sees of his own zaken, and his reaction to the
individualiseringsrapportage. The views only ask and show; the rules are here.

Whose zaak (decided for this project; docs/loket.md "Mijn zaken"):
- A zaak is the resident's when he is its hoofdpersoon: the aanvrager to whom the besluit is addressed (Awb 1:3
  lid 3: the aanvraag is his; the beschikking names him). A partner or other member of the household does not see
  it on his own DigiD: a household member may not know everything of the other's request. He can act with a
  machtiging (DigiD Machtigen), and then sees what the represented person sees.
- One exception the law makes: a Jeugd zaak of a minor (Jeugdwet; Burgerlijk Wetboek 1:245, minors are under
  parental authority) is also visible to the adult aanvrager or partner of the same household, the parent who asks
  for the jeugdhulp. We know no more about gezag than the household; a parent outside it uses a machtiging.
- Every other zaak answers 404, whatever its number: a stranger learns nothing (common brief).

What he sees of a zaak: status in plain words, the deadline, the letters that were sent (bekendgemaakt) and only
those, the documents he uploaded himself (never the consulent's documents, bevindingen, internal notes or the data
of other persons), and the individualiseringsrapportage once it was shared with him (`rapportage_gedeeld`).

Every view is audited with both BSNs (`sessie.log`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from maatwerk import formaat
from maatwerk.besluiten.models import Besluit, BezwaarBrief, Bezwaarschrift
from maatwerk.besluiten.models import Status as BesluitStatus
from maatwerk.loket import sessie
from maatwerk.personen.models import Huishoudlid, Inwoner, Rol
from maatwerk.termijnen import TermijnFout, bezwaartermijn
from maatwerk.toegang import audit
from maatwerk.toegang.models import Actie
from maatwerk.zaken import onderzoek as onderzoekservice
from maatwerk.zaken import termijnen
from maatwerk.zaken.documentmodellen import Bron, Document
from maatwerk.zaken.models import (
    CHECKLIST,
    PARTICIPATIELADDER,
    ZRM_DOMEINEN,
    ZRM_SCORES,
    Clientreactie,
    Onderzoek,
    Status,
    Zaak,
)
from maatwerk.zaken.vergrendeling import vergrendel

MEERDERJARIG = 18  # Burgerlijk Wetboek 1:233: minderjarig is wie de leeftijd van achttien jaren niet heeft bereikt
MAX_REACTIE = 5000  # characters; room for a long reaction, not a legal figure

# One B1 sentence per status, for the resident. The staff labels (Status) are not his words.
STATUSZINNEN: dict[str, str] = {
    Status.MELDING: "We hebben uw vraag ontvangen. We bellen u voor een gesprek.",
    Status.SPOEDVOORZIENING: "U krijgt nu snel hulp voor korte tijd. Intussen zoeken we uit wat u nodig hebt.",
    Status.ONDERZOEK: "We onderzoeken uw vraag. We praten met u over wat u nodig hebt.",
    Status.ONDERSTEUNINGSPLAN: "We maken samen met u een plan. Daarin staan de afspraken.",
    Status.AANVRAAG: "We hebben uw aanvraag ontvangen.",
    Status.BEOORDELING: "We onderzoeken uw aanvraag.",
    Status.KLAAR_VOOR_BESLUIT: "We zijn bijna klaar. U krijgt snel een brief met ons besluit.",
    Status.BESLUIT: "Er is een besluit. U vindt de brief op deze pagina.",
    Status.BUITEN_BEHANDELING: "We behandelen uw aanvraag niet verder. In de brief leest u waarom.",
    Status.INGETROKKEN: "U hebt uw aanvraag ingetrokken. We doen er niets meer mee.",
}
ZIN_BESLUIT_ONDERWEG = "We zijn bijna klaar. U krijgt snel een brief met ons besluit."
ZIN_BEZWAAR = "U hebt bezwaar gemaakt. We behandelen uw bezwaar."
ZIN_BEZWAAR_BESLIST = "We hebben beslist op uw bezwaar. U vindt de brief op deze pagina."
# The deadline sentences ({datum}: the last day, in Dutch).
ZIN_BEZWAARTERMIJN = "Bent u het niet eens met het besluit? U kunt bezwaar maken tot en met {datum}."
ZIN_BEZWAARTERMIJN_VOORBIJ = ("U kon bezwaar maken tot en met {datum}. Die tijd is voorbij. Bent u het niet eens met "
                              "het besluit? U kunt toch nog bezwaar maken. Schrijf dan ook op waarom dat niet eerder kon.")
ZIN_ONDERZOEKSTERMIJN = "We ronden het onderzoek af uiterlijk op {datum}."
ZIN_BESLISTERMIJN = "We nemen een besluit uiterlijk op {datum}. Zo staat het in de wet."
ZIN_TERMIJN_VOORBIJ = "Die datum is voorbij. Bel uw consulent als u nog niets van ons hebt gehoord."
ZIN_TERMIJN_ONBEKEND = "We kunnen de datum nu niet uitrekenen. Uw consulent vertelt u de datum."
ZINNEN_TERMIJN = (ZIN_BEZWAARTERMIJN, ZIN_BEZWAARTERMIJN_VOORBIJ, ZIN_ONDERZOEKSTERMIJN, ZIN_BESLISTERMIJN,
                  ZIN_TERMIJN_VOORBIJ, ZIN_TERMIJN_ONBEKEND)


# ------------------------------------------------------------------ whose zaak


def _leeftijd(geboortedatum: dt.date, op: dt.date) -> int:
    return op.year - geboortedatum.year - ((op.month, op.day) < (geboortedatum.month, geboortedatum.day))


def _als_ouder(bsn: str, vandaag: dt.date) -> Q:
    """Jeugd zaken of a minor in a household where `bsn` is the aanvrager or partner now (see the module text)."""
    huishoudens = Huishoudlid.objects.filter(inwoner__bsn=bsn, rol=Rol.PARTNER).filter(
        Q(tot__isnull=True) | Q(tot__gte=vandaag)).values("huishouden_id")
    grens = dt.date(vandaag.year - MEERDERJARIG, vandaag.month, 28 if (vandaag.month, vandaag.day) == (2, 29) else vandaag.day)
    return Q(regeling__in=_jeugdregelingen(), huishouden_id__in=huishoudens, hoofdpersoon__geboortedatum__gt=grens)


def _jeugdregelingen() -> list[str]:
    from maatwerk.zaken.regelingen import REGELINGEN

    return [code for code, r in REGELINGEN.items() if r.domein == "jeugd"]


def _zaken_qs(h: sessie.Handelend, vandaag: dt.date):
    bsn = h.betreft_bsn
    return (Zaak.objects.filter(Q(hoofdpersoon__bsn=bsn) | _als_ouder(bsn, vandaag))
            .select_related("hoofdpersoon").distinct())


def zaken_van(request, h: sessie.Handelend) -> list[Zaak]:
    """The resident's zaken, newest first (one audit line for the list)."""
    vandaag = timezone.localdate()
    zaken = list(_zaken_qs(h, vandaag).order_by("-ontvangen_op", "-id"))
    sessie.log(request, Actie.VIEW, "mijn zaken", f"Lijst van {len(zaken)} zaken.", inwoner=persoon(h), h=h)
    return zaken


def zaak_van(request, h: sessie.Handelend, pk, *, onderwerp: str = "mijn zaak") -> Zaak:
    """The zaak `pk` when it is the resident's; otherwise 404 (and a refused audit line)."""
    zaak = _zaken_qs(h, timezone.localdate()).filter(pk=pk).first() if isinstance(pk, int) else None
    if zaak is None:
        audit.log(request.user, Actie.VIEW, audit_geweigerd(h), inwoner=persoon(h), onderwerp=onderwerp,
                  toelichting=f"zaak {pk}: niet van deze inwoner; 404")
        raise Http404("Niet gevonden.")
    sessie.log(request, Actie.VIEW, onderwerp, f"Zaak {zaak.pk}.", inwoner=zaak.hoofdpersoon, h=h)
    return zaak


def audit_geweigerd(h: sessie.Handelend):
    from maatwerk.toegang.beleid import Grond
    from maatwerk.toegang.models import SoortGrond

    wie = f"ingelogd BSN {h.bsn}" + (f", namens BSN {h.namens_bsn}" if h.gemachtigd else "")
    return Grond(False, SoortGrond.GEEN, f"Een inwoner ziet alleen zijn eigen zaken ({wie})")


def persoon(h: sessie.Handelend) -> Inwoner | None:
    return Inwoner.objects.filter(bsn=h.betreft_bsn).first()


# ------------------------------------------------------------------ what the resident reads of a zaak


def verzonden_besluiten(zaak: Zaak):
    """Only besluiten that were made known (bekendgemaakt = the letter was sent, Awb 3:40, 3:41)."""
    return (Besluit.objects.filter(zaak=zaak, status=BesluitStatus.BEKENDGEMAAKT)
            .select_related("brief").order_by("-bekendgemaakt_op", "-id"))


def eigen_bezwaren(zaak: Zaak):
    return Bezwaarschrift.objects.filter(besluit__zaak=zaak).select_related("besluit").order_by("-ontvangen_op", "-id")


def statuszin(zaak: Zaak) -> str:
    """The plain sentence for the zaak's state. A letter counts only once it was sent: until then a decided zaak
    reads 'bijna klaar'. An open bezwaar goes before the zaak's own state."""
    bezwaren = list(eigen_bezwaren(zaak)[:1])
    if bezwaren:
        return ZIN_BEZWAAR_BESLIST if BezwaarBrief.objects.filter(bezwaar=bezwaren[0]).exists() or bezwaren[0].is_beslist \
            else ZIN_BEZWAAR
    verzonden = verzonden_besluiten(zaak).exists()
    if zaak.status in (Status.BESLUIT, Status.BUITEN_BEHANDELING) and not verzonden:
        return ZIN_BESLUIT_ONDERWEG
    if verzonden and zaak.status not in (Status.BUITEN_BEHANDELING, Status.INGETROKKEN):
        return STATUSZINNEN[Status.BESLUIT]
    return STATUSZINNEN.get(zaak.status, STATUSZINNEN[Status.BEOORDELING])


@dataclass(frozen=True)
class Termijnregel:
    """A deadline as the resident reads it: the date, what it means, and its source."""

    datum: dt.date | None
    zin: str
    bron: str


def termijnregels(zaak: Zaak, vandaag: dt.date | None = None) -> list[Termijnregel]:
    """The running term(s) from the existing computation (zaken.termijnen, maatwerk.termijnen), in plain words.
    Once a letter was sent, the bezwaartermijn of the newest letter is the date that matters."""
    vandaag = vandaag or timezone.localdate()
    laatste = verzonden_besluiten(zaak).first()
    if laatste is not None:
        if laatste.op_bezwaar_id:
            return []  # the decision on a bezwaar: beroep at the court, named in the letter itself
        t = bezwaartermijn(laatste.bekendgemaakt_op, vandaag=vandaag)
        zin = ZIN_BEZWAARTERMIJN_VOORBIJ if t.verstreken else ZIN_BEZWAARTERMIJN
        return [Termijnregel(t.einde, zin.format(datum=formaat.datum(t.einde)), t.bron)]
    if zaak.is_afgerond:
        return []
    try:
        lijst = termijnen.termijnen_van_zaak(zaak, vandaag)
    except TermijnFout:
        return [Termijnregel(None, ZIN_TERMIJN_ONBEKEND, "")]
    uit = []
    for t in lijst:
        zin = (ZIN_ONDERZOEKSTERMIJN if t.regel_id == "termijn.wmo.onderzoek" else ZIN_BESLISTERMIJN).format(
            datum=formaat.datum(t.einde))
        if t.verstreken:
            zin += " " + ZIN_TERMIJN_VOORBIJ
        uit.append(Termijnregel(t.einde, zin, t.bron))
    return uit


def eigen_documenten(zaak: Zaak):
    """What the resident brought in himself (bron inwoner), never a consulent's document; withdrawn ones stay
    out of his list (they were withdrawn with a reason the consulent recorded, and stay in the dossier)."""
    return Document.objects.filter(zaak=zaak, bron=Bron.INWONER, ingetrokken_op__isnull=True).order_by("-geupload_op", "-id")


def eigen_document(zaak: Zaak, pk) -> Document:
    document = eigen_documenten(zaak).filter(pk=pk).first() if isinstance(pk, int) else None
    if document is None:
        raise Http404("Niet gevonden.")
    return document


# ------------------------------------------------------------------ the individualiseringsrapportage


def rapportage_gedeeld(zaak: Zaak) -> Onderzoek | None:
    """The report the resident may read, or None.

    Rule (docs/loket.md): the report is shared with the resident once the municipality gave him its outcome in
    writing: an ondersteuningsplan on this onderzoek was handed to him (`verstrekt_op`; Verordening art. 2:4
    lid 1: the plan records the outcomes of art. 2:3 lid 3 a-i and "de inwoner krijgt dit ondersteuningsplan"),
    or a besluit on the zaak was sent (the besluit rests on the report, and from then on he can object to it).
    Before that the report is a draft the consulent is still writing."""
    onderzoek = zaak.huidig_onderzoek()
    if onderzoek is None:
        return None
    if onderzoek.plannen.filter(verstrekt_op__isnull=False).exists() or verzonden_besluiten(zaak).exists():
        return onderzoek
    return None


def rapportage_inhoud(onderzoek: Onderzoek) -> dict:
    """What the resident reads of the report: the conversation, the items a-i, the measurement, the description.
    Labels only; no internal codes."""
    punten = [(tekst[0].upper() + tekst[1:], getattr(onderzoek, veld)) for veld, (_, tekst) in CHECKLIST.items()
              if getattr(onderzoek, veld).strip()]
    zrm = [(label, ZRM_SCORES[s]) for d, label in ZRM_DOMEINEN.items() if (s := getattr(onderzoek, f"zrm_{d}"))]
    return {
        "onderzoek": onderzoek,
        "punten": punten,
        "zrm": zrm,
        "participatieladder": PARTICIPATIELADDER.get(onderzoek.participatieladder) if onderzoek.participatieladder else "",
        "reacties": list(onderzoek.clientreacties.order_by("ontvangen_op", "id")),
    }


def voeg_reactie_toe(request, h: sessie.Handelend, zaak: Zaak, tekst: str) -> Clientreactie:
    """The resident's reaction to the shared report (Verordening art. 2:4 lid 4; seed 000: the client has a say in
    the report). Added next to the report, dated today; the report itself never changes. Audited with both BSNs."""
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValidationError({"tekst": ["Schrijf uw reactie op."]})
    if len(tekst) > MAX_REACTIE:
        raise ValidationError({"tekst": [f"Uw reactie is te lang. Gebruik ten hoogste {MAX_REACTIE} tekens."]})
    with audit.verzamel_weigeringen(), transaction.atomic():
        zaak = vergrendel(zaak)
        onderzoek = rapportage_gedeeld(zaak)
        if onderzoek is None:
            raise Http404("Niet gevonden.")
        reactie = onderzoekservice.leg_clientreactie_vast(
            zaak, request.user, sessie.grond(h), tekst=tekst, ontvangen_op=timezone.localdate(), bij="onderzoek",
            toelichting=f"via het loket; {sessie.wie(h)}")
    return reactie
