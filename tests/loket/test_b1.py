"""Every fixed text of the loket reads at B1, measured with the project's measure (maatwerk.brieven.leesbaarheid:
Flesch-Douma >= 60, <= 15 words per sentence on average, no sentence over 25 words): the text of each template
and the questions, explanations and messages of the loket's forms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from maatwerk.brieven import leesbaarheid as L

LOKET = Path(__file__).resolve().parents[2] / "src" / "maatwerk" / "loket"
MOCK = LOKET.parent / "digid_mock"
# The staff page is for consulenten (not a resident text); the field/summary partials hold no own sentences.
TEMPLATES = sorted(p for p in [*(LOKET / "templates").rglob("*.html"), *(MOCK / "templates").rglob("*.html")]
                   if "medewerker" not in p.parts and not p.name.startswith("_"))


def _vaste_tekst(template: str) -> str:
    """The fixed text of a template: tags and variables out, each source reference out (a law citation is not
    prose: 'Verordening Sociaal Domein 2018, artikel 2:2, lid 1' is read as a reference, not a sentence)."""
    tekst = re.sub(r"{#.*?#}|{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", " ", template, flags=re.S)
    tekst = re.sub(r'<span class="loket-bron">.*?</span>', " ", tekst, flags=re.S)
    tekst = re.sub(r"<title>.*?</title>", " ", tekst, flags=re.S)
    tekst = re.sub(r"{%.*?%}|{{.*?}}", " ", tekst, flags=re.S)
    return tekst


@pytest.mark.parametrize("pad", TEMPLATES, ids=lambda p: p.name)
def test_template_b1(pad):
    html = f'<div data-leesbaarheid="meten">{_vaste_tekst(pad.read_text())}</div>'
    meting = L.meet_brief(html)
    assert meting.woorden > 0
    assert meting.voldoet, f"{pad.name}: {meting} — {meting.tekortkomingen()}"


def _formulierteksten() -> list[str]:
    from maatwerk.loket import formulieren as f

    teksten = []
    for klasse in (f.HuishoudenStap, f.InkomenStap, f.VerloopStap, f.VermogenStap, f.KostenStap, f.OverUStap,
                   f.StudieStap, f.StageStap, f.GesprekFormulier):
        for veld in klasse.base_fields.values():
            teksten += [str(veld.label), str(veld.help_text or "")]
            teksten += [str(m) for k, m in veld.error_messages.items() if k in ("required", "invalid", "invalid_choice")]
            teksten += [str(label) for _, label in getattr(veld, "choices", [])]
    return [t for t in teksten if t]


def test_vragen_uitleg_en_meldingen_b1():
    blokken = "".join(f"<p>{t}</p>" for t in _formulierteksten())
    meting = L.meet_brief(f'<div data-leesbaarheid="meten">{blokken}</div>')
    assert meting.voldoet, f"{meting} — {meting.tekortkomingen()}"


def test_aannames_van_de_zelftest_b1():
    from maatwerk.loket import zelftest

    blokken = "".join(f"<p>{t}</p>" for lijst in zelftest.AANNAMES.values() for t in lijst)
    assert L.meet_brief(f'<div data-leesbaarheid="meten">{blokken}</div>').voldoet


def test_mijn_zaken_teksten_b1():
    """Mijn zaken: the status sentences, the deadline sentences, the messages of the bezwaar and the reaction, and
    the labels of their forms (the templates are measured above)."""
    import datetime as dt

    from maatwerk.besluiten.models import Bezwaarschrift
    from maatwerk.loket import bezwaar_online, mijnzaken
    from maatwerk.loket import formulieren_mijnzaken as fm

    teksten = [*mijnzaken.STATUSZINNEN.values(), mijnzaken.ZIN_BESLUIT_ONDERWEG, mijnzaken.ZIN_BEZWAAR,
               mijnzaken.ZIN_BEZWAAR_BESLIST,
               bezwaar_online.al_bezwaar_bericht(Bezwaarschrift(ontvangen_op=dt.date(2026, 12, 7)))]
    for klasse in (fm.ReactieFormulier, fm.BezwaarFormulier):
        for veld in klasse(te_laat=True).fields.values() if klasse is fm.BezwaarFormulier else klasse().fields.values():
            teksten += [str(veld.label), str(veld.help_text or "")]
            teksten += [str(m) for k, m in veld.error_messages.items() if k in ("required", "max_length", "empty", "invalid")]
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as fout:  # empty grounds and no reason for a late bezwaar
        bezwaar_online.controleer("", "", True, None)
    teksten += [m for ms in fout.value.message_dict.values() for m in ms]
    # The deadline sentences termijnregels writes (with an example date).
    teksten += [z.format(datum="5 december 2026") for z in mijnzaken.ZINNEN_TERMIJN]
    blokken = "".join(f"<p>{t}</p>" for t in teksten if t)
    meting = L.meet_brief(f'<div data-leesbaarheid="meten">{blokken}</div>')
    assert meting.voldoet, f"{meting} — {meting.tekortkomingen()}"
