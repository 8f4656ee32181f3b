"""The half-yearly report to the council (Verordening Sociaal Domein 2018, art. 8:2: "Over het door het
gemeentebestuur gevoerde beleid wordt halfjaarlijks gerapporteerd. Het college zendt hiertoe elk half jaar
een rapportage over de doeltreffendheid en de effecten van de verordening in de praktijk naar de
gemeenteraad."). PDF with WeasyPrint, as the beleid report and the letters.

What it covers, read from 8:2: *doeltreffendheid* (are residents helped in time: doorlooptijden against the
legal terms, overdue zaken, four eyes on decisions) and *effecten in de praktijk* (what residents meet: the
outcomes of bezwaren, their own judgement in the survey, the self-checks, and the workload that shapes it).
The figures are those of the monitor, with the same small-cell protection.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from maatwerk.brieven.pdf import html_naar_pdf
from maatwerk.monitor import cijfers, grafieken
from maatwerk.monitor.periode import Periode

BRON = "Verordening Sociaal Domein Lansingerland 2018, artikel 8:2"


def context(periode: Periode, *, gemeente_naam: str, regeling: str | None = None) -> dict:
    m = cijfers.monitor(periode, regeling=regeling)
    return {"m": m, "grafieken": grafieken.alle(m), "bron": BRON, "gemeente_naam": gemeente_naam,
            "gemaakt_op": timezone.localdate()}


def pdf(periode: Periode, *, gemeente_naam: str) -> bytes:
    return html_naar_pdf(render_to_string("monitor/rapport.html", context(periode, gemeente_naam=gemeente_naam)))


def bestandsnaam(periode: Periode) -> str:
    return f"halfjaarrapportage-{periode.code}.pdf"
