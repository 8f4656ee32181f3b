"""`maatwerk brieven MAP`: render every letter variant with demo data into MAP (one HTML and one PDF per
variant, plus overzicht.html with the readability of each), so templates can be reviewed without a case.
Variants: every besluit letter and every letter on a bezwaar (ongegrond / niet-ontvankelijk). Every PDF is tagged
PDF/UA-1 (maatwerk.brieven.pdf); the overview also gives the pages of each letter without its bijlage.

If Django is not configured yet, this configures it with the project settings and an in-memory SQLite
database (migrated, so the templates come from the seeded database exactly as a fresh install has them).
Run inside a configured Django process, it uses that database: the beheerder's current template versions.

Exit status: 0 all letters written and at B1; 1 a letter is below B1 or could not be made; 2 bad MAP.
"""

from __future__ import annotations

import html
import os
import sys
from pathlib import Path


def _django() -> None:
    from django.conf import settings

    if settings.configured:
        import django

        django.setup()
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maatwerk.web.settings")
    import importlib

    module = importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])
    waarden = {k: getattr(module, k) for k in dir(module) if k.isupper()}
    waarden["DATABASES"] = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
    if "maatwerk.besluiten" not in waarden["INSTALLED_APPS"]:
        waarden["INSTALLED_APPS"] = [*waarden["INSTALLED_APPS"], "maatwerk.besluiten"]
    settings.configure(**waarden)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def main(map: str) -> int:  # noqa: A002 - the name the CLI contract uses
    doel = Path(map)
    if doel.exists() and not doel.is_dir():
        print(f"Fout: '{map}' bestaat al en is geen map.", file=sys.stderr)
        return 2
    try:
        doel.mkdir(parents=True, exist_ok=True)
    except OSError as fout:
        print(f"Fout: map '{map}' kan niet worden gemaakt ({fout.strerror}).", file=sys.stderr)
        return 2
    _django()

    from maatwerk.besluiten import brief as briefmodule
    from maatwerk.besluiten import demo
    from maatwerk.besluiten.models import Gemeentegegevens
    from maatwerk.brieven.leesbaarheid import MAX_WOORDEN_PER_ZIN, MIN_FLESCH_DOUMA, meet_brief
    from maatwerk.brieven.pdf import html_naar_pdf, paginas_hoofddeel
    from maatwerk.brieven.sjablonen import SjabloonFout

    bronnen = briefmodule.bronnen_uit_database()
    if briefmodule.HOOFDSJABLOON not in bronnen.inhoud:
        bronnen = briefmodule.bronnen_uit_bestanden()
    gemeente = Gemeentegegevens.huidige() or demo.demo_gemeente()
    regels, fouten = [], 0
    for v in demo.alle_varianten():
        v.besluit._voorbeeld = True
        if isinstance(v, demo.BezwaarVariant):
            v.bezwaar._voorbeeld = True
        try:
            gemaakt = demo.maak_voorbeeld(v, bronnen=bronnen, gemeente=gemeente, concept=True)
        except SjabloonFout as fout:
            fouten += 1
            print(f"{v.naam}: {fout}", file=sys.stderr)
            regels.append((v.naam, None, str(fout)))  # the third item: the error instead of the page count
            continue
        (doel / f"{v.naam}.html").write_text(gemaakt.html, encoding="utf-8")
        (doel / f"{v.naam}.pdf").write_bytes(html_naar_pdf(gemaakt.html))
        meting = meet_brief(gemaakt.html)
        if not meting.voldoet:
            fouten += 1
            print(f"{v.naam}: niet B1: {'; '.join(meting.tekortkomingen())}", file=sys.stderr)
        paginas = paginas_hoofddeel(gemaakt.html)  # without the bijlage; a simple grant or refusal fits on 2
        regels.append((v.naam, meting, paginas))
        print(f"{v.naam}: {meting}, {paginas} pagina's zonder bijlage")
    rijen = "\n".join(
        f"<tr><td><a href='{html.escape(n)}.html'>{html.escape(n)}</a> (<a href='{html.escape(n)}.pdf'>pdf</a>)</td>"
        + (f"<td>{m.flesch_douma:.1f}</td><td>{m.woorden_per_zin:.1f}</td><td>{'ja' if m.voldoet else 'NEE'}</td><td>{f}</td>"
           if m else f"<td colspan='4'>{html.escape(f)}</td>") + "</tr>"
        for n, m, f in regels
    )
    (doel / "overzicht.html").write_text(
        "<!DOCTYPE html><html lang='nl'><meta charset='utf-8'><title>Voorbeeldbrieven</title>"
        f"<h1>Voorbeeldbrieven ({len(regels)})</h1><p>Fictieve demogegevens. B1: Flesch-Douma ≥ {MIN_FLESCH_DOUMA:.0f} en "
        f"gemiddeld ≤ {MAX_WOORDEN_PER_ZIN:.0f} woorden per zin, gemeten op de brieftekst zonder adresblok en bijlage.</p>"
        "<table><tr><th>brief</th><th>Flesch-Douma</th><th>woorden per zin</th><th>B1</th><th>pagina's zonder bijlage</th></tr>"
        f"{rijen}</table></html>", encoding="utf-8")
    print(f"{len(regels)} voorbeeldbrieven in {doel}; {fouten} met een probleem.")
    return 1 if fouten else 0


if __name__ == "__main__":  # pragma: no cover - manual use: python -m maatwerk.besluiten.preview MAP
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "brieven"))
