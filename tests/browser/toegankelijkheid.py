"""Shared accessibility checks for the browser tests (issue 8, point 6).

    from .toegankelijkheid import controleer, controleer_reflow   # tests/browser is a package
    controleer(page, "besluitformulier")      # axe-core, WCAG 2.1 A and AA rules: 0 violations
    controleer_reflow(page)                   # WCAG 1.4.10: no sideways scrolling at 320 CSS px

axe-core comes from the PyPI package `axe-playwright-python` (dev extra), which ships `axe.min.js` inside the
wheel: nothing is downloaded at run time. The script is injected with `page.evaluate`, which the page's
Content-Security-Policy does not govern (it runs through the DevTools protocol, not as a page script).
"""

from __future__ import annotations

import json
from functools import lru_cache

# WCAG 2.1 level A and AA (the legal norm for Dutch government sites: EN 301 549 / Besluit digitale
# toegankelijkheid overheid). axe's "best-practice" rules are not part of the norm and are not run.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SMALSTE_BREEDTE = 320  # CSS px: WCAG 1.4.10 Reflow (1280 px at 400 % zoom)


@lru_cache(maxsize=1)
def _axe_bron() -> str:
    from importlib.resources import files

    return files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def axe_resultaat(page) -> dict:
    """Run axe-core on the current page with the WCAG 2.1 AA tags; the raw result object."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_axe_bron())
    return page.evaluate(
        "tags => window.axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )


def beschrijf_overtredingen(overtredingen: list[dict]) -> str:
    regels = []
    for o in overtredingen:
        regels.append(f"- {o['id']} ({o.get('impact') or '?'}): {o['help']} — {o.get('helpUrl', '')}")
        for knoop in o.get("nodes", [])[:5]:
            doel = " ".join(json.dumps(t) if not isinstance(t, str) else t for t in knoop.get("target", []))
            samenvatting = (knoop.get("failureSummary") or "").replace("\n", " ")
            regels.append(f"    doel: {doel}\n      html: {knoop.get('html', '')[:200]}\n      {samenvatting[:300]}")
        if len(o.get("nodes", [])) > 5:
            regels.append(f"    … en nog {len(o['nodes']) - 5} elementen")
    return "\n".join(regels)


def controleer(page, naam: str) -> None:
    """Assert that axe-core finds 0 WCAG 2.1 A/AA violations on the page as it is now."""
    overtredingen = axe_resultaat(page)["violations"]
    assert not overtredingen, (
        f"axe-core: {len(overtredingen)} WCAG 2.1 AA-overtreding(en) op '{naam}' ({page.url}):\n"
        + beschrijf_overtredingen(overtredingen)
    )


_BREEDSTE_ELEMENT = """
limiet => {
  const te_breed = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right > limiet + 0.5 && r.width > 0) {
      // Skip elements that sit inside their own scroll region (a labelled table wrapper scrolls, the page not).
      let p = el.parentElement, binnen = false;
      while (p && p !== document.body) {
        const s = getComputedStyle(p);
        if ((s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden') && p.getBoundingClientRect().right <= limiet + 0.5) { binnen = true; break; }
        p = p.parentElement;
      }
      if (binnen) continue;
      const kenmerk = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
        (el.classList.length ? '.' + Array.from(el.classList).join('.') : '');
      te_breed.push({kenmerk, rechts: Math.round(r.right), tekst: (el.textContent || '').trim().slice(0, 80)});
    }
  }
  // The innermost ones are the culprits: drop an element whose descendant is also listed.
  return te_breed.slice(-5);
}
"""


def controleer_reflow(page, naam: str = "") -> None:
    """WCAG 1.4.10: at a 320 px wide viewport the page needs no horizontal scrolling. Names the widest
    elements if it does. Leaves the viewport at 320 x 640."""
    page.set_viewport_size({"width": SMALSTE_BREEDTE, "height": 640})
    breedte = page.evaluate("() => document.documentElement.scrollWidth")
    if breedte <= SMALSTE_BREEDTE:
        return
    boosdoeners = page.evaluate(_BREEDSTE_ELEMENT, SMALSTE_BREEDTE)
    lijst = "\n".join(f"- {b['kenmerk']} tot {b['rechts']} px: {b['tekst']!r}" for b in boosdoeners)
    assert breedte <= SMALSTE_BREEDTE, (
        f"Reflow (WCAG 1.4.10): '{naam or page.url}' is {breedte} px breed bij een venster van {SMALSTE_BREEDTE} px. "
        f"Te brede elementen:\n{lijst}"
    )
