"""Tijdigheid of a bezwaarschrift (Awb 6:9) and the person's finding on excusability (Awb 6:11).

Awb 6:9: "1. Een bezwaar- of beroepschrift is tijdig ingediend indien het voor het einde van de termijn
is ontvangen. 2. Bij verzending per post is een bezwaar- of beroepschrift tijdig ingediend indien het
voor het einde van de termijn ter post is bezorgd, mits het niet later dan een week na afloop van de
termijn is ontvangen."
Awb 6:8 lid 1: the term "vangt aan met ingang van de dag na die waarop het besluit op de voorgeschreven wijze
is bekendgemaakt". Awb 6:10 lid 1: "Ten aanzien van een voor het begin van de termijn ingediend bezwaar- (...)
schrift blijft niet-ontvankelijkverklaring op grond daarvan achterwege indien het besluit ten tijde van de
indiening wel reeds tot stand was gekomen." So a bezwaarschrift received on the day of bekendmaking (the term
has not begun yet) or earlier, but after the besluit was taken, is not late and not premature: tijdig, with
6:10 lid 1 as its rule. Only one received before the besluit existed cannot be held against it (TermijnFout
with a Dutch message; the caller refuses the registration and says why).
Awb 6:11: "... blijft niet-ontvankelijkverklaring op grond daarvan achterwege indien redelijkerwijs niet
kan worden geoordeeld dat de indiener in verzuim is geweest." That is a judgement of a person
(principle 2): this module asks for it and records it, it never makes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from maatwerk import formaat
from maatwerk.termijnen.gegevens import TermijnFout, regel
from maatwerk.termijnen.rekenen import bereken_einde
from maatwerk.termijnen.termijn import Termijn


@dataclass(frozen=True)
class Verschoonbaarheid:
    """A person's finding under Awb 6:11 (soort: discretie), with the reason."""

    verschoonbaar: bool
    reden: str
    beoordeeld_door: str

    def __post_init__(self) -> None:
        if not self.reden.strip() or not self.beoordeeld_door.strip():
            raise TermijnFout("Een oordeel over verschoonbaarheid (Awb 6:11) vraagt een reden en wie oordeelde")


@dataclass(frozen=True)
class Tijdigheid:
    tijdig: bool
    regel_id: str
    bron: str  # the article that decided tijdig/te laat
    uitleg: str
    uiterste_ontvangst_bij_post: date  # 6:9 lid 2: last day a posted bezwaarschrift may arrive
    verschoonbaarheid: Verschoonbaarheid | None = None

    @property
    def verschoonbaarheid_te_beoordelen(self) -> bool:
        """Late and no 6:11 finding recorded yet: a person must decide, the system must not skip it."""
        return not self.tijdig and self.verschoonbaarheid is None

    @property
    def termijn_staat_niet_in_de_weg(self) -> bool | None:
        """True if the term is no obstacle to ontvankelijkheid; None while the 6:11 finding is missing."""
        if self.tijdig:
            return True
        if self.verschoonbaarheid is None:
            return None
        return self.verschoonbaarheid.verschoonbaar


def tijdigheid_bezwaarschrift(
    bezwaar: Termijn,
    *,
    ontvangen: date,
    ter_post_bezorgd: date | None = None,
    verschoonbaarheid: Verschoonbaarheid | None = None,
    besluit_genomen: date | None = None,
) -> Tijdigheid:
    """`besluit_genomen`: the day the besluit came into existence (its date); needed only for a bezwaarschrift
    received before the term began (Awb 6:10). Without it such a bezwaarschrift is taken to be after it."""
    r = regel("tijdigheid_bezwaarschrift")
    if bezwaar.regel_id != regel("bezwaartermijn")["id"]:
        raise TermijnFout(f"Verwacht een bezwaartermijn, kreeg {bezwaar.regel_id!r}")
    if ter_post_bezorgd is not None and ter_post_bezorgd > ontvangen:
        raise TermijnFout(f"Ter post bezorgd ({ter_post_bezorgd}) kan niet na ontvangst ({ontvangen}) liggen")
    uiterste, _ = bereken_einde(bezwaar.einde, r["nazending_eenheid"], r["nazending_aantal"], atw=r["atw"])
    if ontvangen < bezwaar.start:  # on or before the day of bekendmaking: the term has not begun (6:8 lid 1)
        return _voortijdig(bezwaar, r, ontvangen, besluit_genomen, uiterste)

    # uiterste: "niet later dan een week na afloop van de termijn" (6:9 lid 2), a statutory term of its own, Atw applied.
    einde = formaat.datum(bezwaar.einde)
    if ontvangen <= bezwaar.einde:
        tijdig, bron = True, r["bron_ontvangst"]
        uitleg = f"Ontvangen op {formaat.datum(ontvangen)}, vóór het einde van de bezwaartermijn ({einde})."
    elif ter_post_bezorgd is not None and ter_post_bezorgd <= bezwaar.einde and ontvangen <= uiterste:
        tijdig, bron = True, r["bron_post"]
        uitleg = (f"Ter post bezorgd op {formaat.datum(ter_post_bezorgd)} (uiterlijk {einde}) en ontvangen op "
                  f"{formaat.datum(ontvangen)}, niet later dan een week na afloop ({formaat.datum(uiterste)}).")
    else:
        tijdig, bron = False, r["bron_post"] if ter_post_bezorgd is not None else r["bron_ontvangst"]
        post = "" if ter_post_bezorgd is None else f"; ter post bezorgd op {formaat.datum(ter_post_bezorgd)}"
        uitleg = (f"Te laat: ontvangen op {formaat.datum(ontvangen)}{post}; de bezwaartermijn eindigde op {einde} "
                  f"en een per post verzonden bezwaarschrift moest uiterlijk {formaat.datum(uiterste)} binnen zijn. "
                  f"Of de overschrijding verschoonbaar is ({r['bron_verschoonbaar']}), beoordeelt een medewerker.")
        if verschoonbaarheid is not None:
            oordeel = "verschoonbaar" if verschoonbaarheid.verschoonbaar else "niet verschoonbaar"
            uitleg += (f" Oordeel van {verschoonbaarheid.beoordeeld_door}: {oordeel} "
                       f"({r['bron_verschoonbaar']}); reden: {verschoonbaarheid.reden}")
    return Tijdigheid(
        tijdig=tijdig,
        regel_id=r["id"],
        bron=bron,
        uitleg=uitleg,
        uiterste_ontvangst_bij_post=uiterste,
        verschoonbaarheid=verschoonbaarheid,
    )


def _voortijdig(bezwaar: Termijn, r: dict, ontvangen: date, besluit_genomen: date | None, uiterste: date) -> Tijdigheid:
    """Awb 6:10 lid 1: received before the term began. Not niet-ontvankelijk for that reason when the besluit
    already existed; before that there was nothing to object to (the 6:10 exception does not apply)."""
    if besluit_genomen is not None and ontvangen < besluit_genomen:
        raise TermijnFout(
            f"Het bezwaarschrift is ontvangen op {formaat.datum(ontvangen)}, vóór de datum van het besluit "
            f"({formaat.datum(besluit_genomen)}): het besluit bestond toen nog niet. Alleen een bezwaarschrift dat binnenkomt "
            f"nadat het besluit is genomen, geldt als tijdig ingediend vóór het begin van de termijn "
            f"(Awb 6:10, eerste lid). Vraag de indiener bezwaar te maken tegen het besluit zelf.")
    if ontvangen == bezwaar.gebeurtenis:
        wanneer = "op de dag van bekendmaking"
    else:
        wanneer = "vóór de bekendmaking"
    uitleg = (f"Ontvangen op {formaat.datum(ontvangen)}, {wanneer} ({formaat.datum(bezwaar.gebeurtenis)}); de bezwaartermijn "
              f"begint pas de dag daarna ({formaat.datum(bezwaar.start)}, Awb, artikel 6:8, eerste lid). Het besluit bestond "
              f"al, dus het bezwaarschrift is niet te vroeg en niet te laat ({r['bron_voortijdig']}).")
    return Tijdigheid(tijdig=True, regel_id=r["id"], bron=r["bron_voortijdig"], uitleg=uitleg,
                      uiterste_ontvangst_bij_post=uiterste)
