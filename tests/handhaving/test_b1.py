"""The public meldpunt and indicator pages read at B1 (the loket's measure, tests/loket/test_b1.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from maatwerk.brieven import leesbaarheid as L



def _vaste_tekst(template: str) -> str:
    """The fixed text of a template (as tests/loket/test_b1.py): comments, tags and variables out."""
    tekst = re.sub(r"{#.*?#}|{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", " ", template, flags=re.S)
    tekst = re.sub(r"<title>.*?</title>", " ", tekst, flags=re.S)
    return re.sub(r"{%.*?%}|{{.*?}}", " ", tekst, flags=re.S)


OPENBAAR = Path(__file__).resolve().parents[2] / "src" / "maatwerk" / "handhaving" / "templates" / "handhaving" / "openbaar"


@pytest.mark.parametrize("pad", sorted(OPENBAAR.glob("*.html")), ids=lambda p: p.name)
def test_openbare_pagina_b1(pad):
    meting = L.meet_brief(f'<div data-leesbaarheid="meten">{_vaste_tekst(pad.read_text())}</div>')
    assert meting.woorden > 0
    assert meting.voldoet, f"{pad.name}: {meting} — {meting.tekortkomingen()}"


def test_vragen_van_het_meldpunt_b1():
    from maatwerk.handhaving.forms import MeldingFormulier, VolgFormulier

    teksten = []
    for klasse in (MeldingFormulier, VolgFormulier):
        for veld in klasse.base_fields.values():
            teksten += [str(veld.label), str(veld.help_text or "")]
            teksten += [str(label) for _, label in getattr(veld, "choices", [])]
    blokken = "".join(f"<p>{t}</p>" for t in teksten if t)
    meting = L.meet_brief(f'<div data-leesbaarheid="meten">{blokken}</div>')
    assert meting.voldoet, f"{meting} — {meting.tekortkomingen()}"
