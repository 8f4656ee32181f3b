"""The term for an advice of the Adviesraad (Verordening Sociaal Domein Lansingerland 2018, art. 3:8 lid 4):

    "De Adviesraad brengt binnen drie weken na ontvangst van de adviesaanvraag schriftelijk advies uit aan het
    college. Dit advies uitbrengen kan, na overleg met de gemeente, met maximaal een week worden uitgesteld
    indien het om een beleidsvraag van grotere omvang gaat."

The numbers and sources are in `termijnen/termijnen.yaml` (rule `adviesraad_advies`); the arithmetic is the
term machinery's (`termijnen.rekenen`, Awb 6:8 convention: the term starts the day after receipt). The term is
set by an ordinance, not by a law: the Algemene termijnenwet does not apply (art. 1 lid 1).
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from maatwerk import formaat
from maatwerk.termijnen.gegevens import TermijnFout, regel
from maatwerk.termijnen.rekenen import bereken_einde, eerste_dag
from maatwerk.termijnen.termijn import Termijn

SLEUTEL = "adviesraad_advies"


def max_uitstel_weken() -> int:
    return int(regel(SLEUTEL)["uitstel_max_weken"])


def adviestermijn(ontvangen_op: date, *, uitstel_weken: int = 0, vandaag: date | None = None) -> Termijn:
    """The last day on which the advice is on time, with the steps that lead there."""
    r = regel(SLEUTEL)
    if uitstel_weken < 0 or uitstel_weken > max_uitstel_weken():
        raise TermijnFout(f"Uitstel is ten hoogste {max_uitstel_weken()} week, niet {uitstel_weken} "
                          f"({' '.join(r['uitstel_bron'].split())})")
    einde, stappen = bereken_einde(ontvangen_op, r["eenheid"], r["aantal"], atw=False)
    stappen.append(" ".join(r["atw_toelichting"].split()))
    if uitstel_weken:
        einde = einde + relativedelta(weeks=uitstel_weken)
        stappen.append(f"{' '.join(r['uitstel_bron'].split())}: uitgesteld met {uitstel_weken} week tot en met "
                       f"{formaat.datum(einde)}")
    return Termijn(naam=r["naam"], regel_id=r["id"], bron=" ".join(r["bron"].split()), soort=r["soort"],
                   gebeurtenis=ontvangen_op, start=eerste_dag(ontvangen_op), einde=einde,
                   vandaag=vandaag or date.today(), atw_van_toepassing=False, stappen=tuple(stappen))


def op_tijd(termijn: Termijn, uitgebracht_op: date) -> bool:
    """An advice given on the last day of the term is on time; one day later is late."""
    return uitgebracht_op <= termijn.einde
