"""Plots (matplotlib, drawn server-side to SVG) and the PDF report for the council (WeasyPrint, as the letters).

The SVGs carry no script; the page and the PDF show the same numbers in a table next to each plot (WCAG 1.1.1:
the table is the text alternative).
"""

from __future__ import annotations

import io
import re

import matplotlib

matplotlib.use("Agg")  # no display, no GUI toolkit: drawing only
import matplotlib.pyplot as plt  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402

from maatwerk.brieven.pdf import html_naar_pdf  # noqa: E402

_KLEUREN = {"winnaars": "#1b6e3a", "verliezers": "#a0241c", "oud": "#5a5a5a", "nieuw": "#154273"}


def _svg(fig, titel: str) -> str:
    uit = io.StringIO()
    fig.savefig(uit, format="svg", bbox_inches="tight")
    plt.close(fig)
    svg = uit.getvalue()
    svg = svg[svg.index("<svg"):]  # drop the XML prolog and doctype: the SVG is embedded in HTML
    # matplotlib writes an inline <style> (line joins); the page's CSP allows no inline style, and it only
    # changes how corners of lines are drawn.
    svg = re.sub(r"<style.*?</style>", "", svg, flags=re.S)
    # Scale with its container (reflow at 320 px) and name it for screen readers.
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1', svg, count=1)
    return svg.replace("<svg", f'<svg role="img" aria-label="{titel}" class="beleid-grafiek"', 1)


def grafiek_per_band(per_band: list[dict], titel: str) -> str:
    fig, ax = plt.subplots(figsize=(6.4, 3.2))
    labels = [r["band"] for r in per_band]
    x = range(len(labels))
    ax.bar([i - 0.2 for i in x], [r["winnaars"] for r in per_band], 0.4, label="gaan erop vooruit",
           color=_KLEUREN["winnaars"])
    ax.bar([i + 0.2 for i in x], [r["verliezers"] for r in per_band], 0.4, label="gaan erop achteruit",
           color=_KLEUREN["verliezers"])
    ax.set_xticks(list(x), labels)
    ax.set_xlabel("inkomen als deel van de bijstandsnorm")
    ax.set_ylabel("huishoudens")
    ax.legend(frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig, titel)


def grafiek_voorbeelden(voorbeelden: list[dict], titel: str, veld: str = "dk") -> str:
    """Draagkracht (or inkomenstoeslag) of the example households at 120 % of the norm, old and new."""
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    namen = [v["huishouden"] for v in voorbeelden]
    niveau = [next(n for n in v["niveaus"] if n["percentage"] == 120) for v in voorbeelden]
    y = range(len(namen))
    ax.barh([i + 0.2 for i in y], [n[f"{veld}_oud"] for n in niveau], 0.4, label="nu", color=_KLEUREN["oud"])
    ax.barh([i - 0.2 for i in y], [n[f"{veld}_nieuw"] for n in niveau], 0.4, label="voorstel",
            color=_KLEUREN["nieuw"])
    ax.set_yticks(list(y), namen, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlabel("euro" + (" (draagkracht over de draagkrachtperiode)" if veld == "dk" else " per jaar"))
    ax.legend(frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig, titel)


def grafieken(resultaat: dict) -> dict[str, str]:
    return {
        "per_band": grafiek_per_band(resultaat["synthetisch"]["per_band"],
                                     "Huishoudens die erop vooruit of achteruit gaan, per inkomensgroep"),
        "voorbeelden": grafiek_voorbeelden(resultaat["voorbeelden"],
                                           "Draagkracht van de voorbeeldhuishoudens bij 120 procent van de norm, "
                                           "nu en met het voorstel"),
    }


def pdf(context: dict) -> bytes:
    """The council report: the proposal, the assumptions, the tables and the plots."""
    html = render_to_string("maatwerk/beleid/rapport.html", context)
    return html_naar_pdf(html)
