"""The monitor's plots: matplotlib drawn server-side to SVG, the same way as the beleid report
(`beleid.rapport._svg`: no script, no inline style, scales with its container, named for screen readers).
Each plot has a table with the same numbers next to it on the page and in the PDF (WCAG 1.1.1).

Only figures that may be shown are drawn: a suppressed median ("< 5 zaken") gets no bar, never a guessed one.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from maatwerk.beleid.rapport import _svg  # noqa: E402
from maatwerk.monitor.cijfers import Bezwaren, Doorlooptijd  # noqa: E402

_KLEUREN = {"mediaan": "#154273", "p90": "#8fb3d9", "termijn": "#a0241c", "gegrond": "#1b6e3a",
            "ongegrond": "#5a5a5a", "niet-ontvankelijk": "#b36b00"}


def doorlooptijd(rijen: list[Doorlooptijd], titel: str) -> str:
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    namen = [r.naam for r in rijen]
    y = list(range(len(rijen)))
    ax.barh([i - 0.2 for i in y], [r.mediaan_dagen or 0 for r in rijen], 0.4, label="mediaan",
            color=_KLEUREN["mediaan"])
    ax.barh([i + 0.2 for i in y], [r.p90_dagen or 0 for r in rijen], 0.4, label="90 % binnen",
            color=_KLEUREN["p90"])
    for i, r in enumerate(rijen):
        ax.plot([r.termijn_dagen, r.termijn_dagen], [i - 0.45, i + 0.45], color=_KLEUREN["termijn"], linewidth=2,
                label="wettelijke termijn" if i == 0 else None)
    ax.set_yticks(y, namen, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("dagen van aanvraag tot besluit")
    ax.legend(frameon=False, fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig, titel)


def bezwaren(rijen: list[Bezwaren], titel: str) -> str:
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    namen = [r.naam for r in rijen]
    y = list(range(len(rijen)))
    links = [0] * len(rijen)
    for label in ("gegrond", "ongegrond", "niet-ontvankelijk"):
        waarden = [r.uitkomsten.get(label) if isinstance(r.uitkomsten.get(label), int) else 0 for r in rijen]
        ax.barh(y, waarden, 0.6, left=links, label=label, color=_KLEUREN[label])
        links = [a + b for a, b in zip(links, waarden)]
    ax.set_yticks(y, namen, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("beslissingen op bezwaar (aantallen onder 5 niet getekend)")
    ax.legend(frameon=False, fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig, titel)


def alle(m) -> dict[str, str]:
    return {
        "doorlooptijd": doorlooptijd(m.doorlooptijden, "Doorlooptijd van aanvraag tot besluit per regeling, met de "
                                                       "wettelijke termijn"),
        "bezwaren": bezwaren(m.bezwaren, "Beslissingen op bezwaar per regeling en uitkomst"),
    }
