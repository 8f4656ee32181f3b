"""The deadlines of the access and objection procedure (Wmo 2015, Awb; Verordening Sociaal Domein 2018).

Every number (6 weeks, 2 weeks, 8 weeks, ...) and every source text is read from `termijnen.yaml`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Sequence

from dateutil.relativedelta import relativedelta

from maatwerk import formaat
from maatwerk.termijnen.atw import atw_verlengen
from maatwerk.termijnen.gegevens import TermijnFout, regel
from maatwerk.termijnen.rekenen import bereken_einde, eerste_dag, te_lang_voor_atw
from maatwerk.termijnen.termijn import Opschorting, Termijn, Verdaging


class VerdagingTeLaat(TermijnFout):
    """Awb 4:14 lid 3 requires the notice "binnen deze termijn"; a notice after the end is not valid."""


class OpschortingOngeldig(TermijnFout):
    """A suspension that starts outside the running term, or overlaps another one."""


def wmo_onderzoek(melding: date, *, vandaag: date | None = None) -> Termijn:
    """Wmo 2015 art. 2.3.2 lid 1: onderzoek "zo spoedig mogelijk, doch uiterlijk binnen zes weken" after the
    melding. Verordening art. 2:1 onder b: the date of the first conversation with the toegangspartij counts
    as the date of melding; pass that date."""
    return _termijn("wmo_onderzoek", melding, vandaag=vandaag)


def wmo_beschikking(
    aanvraag_ontvangen: date,
    *,
    opschortingen: Sequence[Opschorting] = (),
    verdaging: Verdaging | None = None,
    vandaag: date | None = None,
) -> Termijn:
    """Wmo 2015 art. 2.3.5 lid 1: beschikking within two weeks after receipt of the aanvraag."""
    return _termijn("wmo_beschikking", aanvraag_ontvangen, opschortingen=opschortingen, verdaging=verdaging,
                    vandaag=vandaag)


def awb_beslistermijn(
    aanvraag_ontvangen: date,
    *,
    wet: str,
    opschortingen: Sequence[Opschorting] = (),
    verdaging: Verdaging | None = None,
    vandaag: date | None = None,
) -> Termijn:
    """Awb 4:13 lid 2 for an aanvraag under `wet` ("Jeugdwet" or "Participatiewet"), with opschorting
    (Awb 4:15) and one verdaging (Awb 4:14 lid 3) that must be notified before the term ends."""
    toegestaan = regel("awb_beslistermijn")["geldt_voor"]
    if wet not in toegestaan:
        raise TermijnFout(f"De Awb-beslistermijn van deze module geldt voor {' en '.join(toegestaan)}, niet {wet!r}")
    return _termijn("awb_beslistermijn", aanvraag_ontvangen, opschortingen=opschortingen, verdaging=verdaging,
                    vandaag=vandaag, naam=f"{regel('awb_beslistermijn')['naam']} – {wet}")


def bezwaartermijn(bekendmaking: date, *, vandaag: date | None = None) -> Termijn:
    """Awb 6:7 and 6:8 lid 1: six weeks, starting the day after bekendmaking; Atw applies."""
    return _termijn("bezwaartermijn", bekendmaking, vandaag=vandaag)


def beslistermijn_bezwaar(
    bezwaar: Termijn,
    *,
    adviescommissie: bool,
    opschortingen: Sequence[Opschorting] = (),
    verdaging: Verdaging | None = None,
    vandaag: date | None = None,
) -> Termijn:
    """Awb 7:10 lid 1: six weeks (twelve with an adviescommissie, art. 7:13), "gerekend vanaf de dag na
    die waarop de termijn voor het indienen van het bezwaarschrift is verstreken"; verdaging by at most
    six weeks (lid 3), notified before the term ends; opschorting for herstel verzuim (lid 2)."""
    if bezwaar.regel_id != regel("bezwaartermijn")["id"]:
        raise TermijnFout(f"Verwacht een bezwaartermijn, kreeg {bezwaar.regel_id!r}")
    r = regel("beslistermijn_bezwaar")
    aantal = r["aantal_met_adviescommissie"] if adviescommissie else r["aantal"]
    bron = r["bron_adviescommissie"] if adviescommissie else r["bron"]
    return _termijn("beslistermijn_bezwaar", bezwaar.einde, opschortingen=opschortingen, verdaging=verdaging,
                    vandaag=vandaag or bezwaar.vandaag, aantal=aantal, bron=bron,
                    verdaging_max_weken=r["verdaging_max_weken"])


def _termijn(
    sleutel: str,
    gebeurtenis: date,
    *,
    vandaag: date | None,
    opschortingen: Sequence[Opschorting] = (),
    verdaging: Verdaging | None = None,
    aantal: int | None = None,
    bron: str | None = None,
    naam: str | None = None,
    verdaging_max_weken: int | None = None,
) -> Termijn:
    r = regel(sleutel)
    start = eerste_dag(gebeurtenis)
    aantal = aantal or r["aantal"]
    statutair_einde, stappen = bereken_einde(gebeurtenis, r["eenheid"], aantal, atw=False)
    atw = r["atw"] and not te_lang_voor_atw(r["eenheid"], aantal)
    klok = _Klok(r, start, statutair_einde, atw)

    # Events in the order they happened: each must fall within the term as it stood at that moment.
    gebeurtenissen: list[tuple[date, int, Any]] = [(o.van - timedelta(days=1), 0, o) for o in opschortingen]
    if verdaging is not None:
        gebeurtenissen.append((verdaging.medegedeeld_op, 1, verdaging))
    vorige: Opschorting | None = None
    for _, _, g in sorted(gebeurtenissen, key=lambda e: (e[0], e[1])):
        if isinstance(g, Opschorting):
            stappen.append(klok.schort_op(g, vorige))
            vorige = g
        else:
            klok.verdaag(g, verdaging_max_weken)

    einde, atw_stappen = klok.einde_met_uitleg()
    stappen += atw_stappen + klok.verdaging_uitleg(einde)
    return Termijn(
        naam=naam or r["naam"],
        regel_id=r["id"],
        bron=" ".join((bron or r["bron"]).split()),
        soort=r["soort"],
        gebeurtenis=gebeurtenis,
        start=start,
        einde=einde,
        vandaag=vandaag or date.today(),
        atw_van_toepassing=atw,
        stappen=tuple(stappen),
    )


class _Klok:
    """Running state of one term: statutory end, suspended days and verdaging."""

    def __init__(self, r: dict[str, Any], start: date, statutair_einde: date, atw: bool) -> None:
        self.r, self.start, self.statutair_einde, self.atw = r, start, statutair_einde, atw
        self.opgeschort = 0
        self.verdaagd: Verdaging | None = None

    def _zonder_verdaging(self) -> tuple[date, list[str]]:
        einde = self.statutair_einde + timedelta(days=self.opgeschort)
        if not self.atw:
            return einde, []
        return atw_verlengen(self.start, einde)

    def einde_met_uitleg(self) -> tuple[date, list[str]]:
        einde, stappen = self._zonder_verdaging()
        if self.verdaagd is not None:
            # The bestuursorgaan chooses the length of a verdaging; it is not "een in een wet gestelde
            # termijn" (Atw art. 1 lid 1), so the Atw is not applied to the new end.
            einde += relativedelta(weeks=self.verdaagd.weken)
        return einde, stappen

    def einde(self) -> date:
        return self.einde_met_uitleg()[0]

    def schort_op(self, o: Opschorting, vorige: Opschorting | None) -> str:
        grond = " ".join((o.grond or self.r.get("opschorting_bron") or "").split())
        if not grond:
            raise OpschortingOngeldig(f"Voor '{self.r['naam']}' kent de wet geen opschorting")
        verzoek = o.van - timedelta(days=1)
        if o.van < self.start:
            raise OpschortingOngeldig(f"Opschorting vanaf {formaat.datum(o.van)} ligt vóór het begin van de termijn ({formaat.datum(self.start)})")
        if verzoek > self.einde():
            raise OpschortingOngeldig(
                f"Verzoek tot aanvulling op {verzoek} ligt na het einde van de termijn ({self.einde()}); "
                f"een verstreken termijn kan niet meer worden opgeschort ({grond})"
            )
        if vorige is not None and o.van < vorige.tot:
            raise OpschortingOngeldig(f"Opschorting vanaf {formaat.datum(o.van)} overlapt de vorige (tot {formaat.datum(vorige.tot)})")
        self.opgeschort += o.dagen
        return (f"{grond}: opgeschort van {formaat.datum(o.van)} tot {formaat.datum(o.tot)} "
                f"({o.dagen} kalenderdagen); de termijn schuift evenveel dagen op")

    def verdaag(self, v: Verdaging, max_weken: int | None) -> None:
        bron = " ".join((self.r.get("verdaging_bron") or "").split())
        if not bron:
            raise TermijnFout(f"Voor '{self.r['naam']}' kent de wet geen verdaging")
        if self.verdaagd is not None:
            raise TermijnFout("De termijn is al verdaagd; deze module kent één verdaging")
        if v.weken < 1:
            raise TermijnFout(f"Een verdaging duurt ten minste één week, niet {v.weken}")
        if max_weken is not None and v.weken > max_weken:
            raise TermijnFout(f"{bron}: verdaging is ten hoogste {max_weken} weken, niet {v.weken}")
        einde = self.einde()
        if self.r.get("verdaging_moet_binnen_termijn") and v.medegedeeld_op > einde:
            raise VerdagingTeLaat(
                f"{bron}: de mededeling van {formaat.datum(v.medegedeeld_op)} komt na het einde van de termijn "
                f"({formaat.datum(einde)}); verdaging moet binnen de termijn worden meegedeeld en is dus niet geldig"
            )
        self.verdaagd = v

    def verdaging_uitleg(self, einde: date) -> list[str]:
        v = self.verdaagd
        if v is None:
            return []
        bron = " ".join(self.r["verdaging_bron"].split())
        reden = f"; reden: {v.reden}" if v.reden else ""
        return [f"{bron}: op {formaat.datum(v.medegedeeld_op)} (binnen de termijn) verdaagd met {v.weken} weken "
                f"tot en met {formaat.datum(einde)}, zonder nieuwe Atw-verlenging{reden}"]
