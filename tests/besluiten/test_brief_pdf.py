"""Issue 8, point 2: letters are tagged PDF/UA-1 with language nl, a title and a structure tree; the signature
names the mandated official (see also test_brief_inhoud.py)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from maatwerk.besluiten import brief as briefmodule
from maatwerk.besluiten import demo, services
from maatwerk.brieven.pdf import html_naar_pdf, paginas_hoofddeel

DAG = dt.date(2026, 10, 6)


def _lees(pdf: bytes) -> tuple[PdfReader, dict]:
    lezer = PdfReader(io.BytesIO(pdf))
    return lezer, lezer.trailer["/Root"]


def _controleer_pdf_ua(pdf: bytes, titel: str) -> None:
    lezer, root = _lees(pdf)
    assert "/StructTreeRoot" in root and root["/StructTreeRoot"]["/K"]      # tagged: a structure tree
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a pypdf BooleanObject; /MarkInfo << /Marked true >>
    assert root["/Lang"] == "nl"                                             # /Lang (nl)
    assert lezer.metadata.title == titel                                     # the title in the document info
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712 - readers show it, not the file name
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in xmp and titel in xmp                         # PDF/UA identification in XMP


@pytest.mark.django_db
def test_verzonden_brief_van_casus_7_is_pdf_ua(casus_7, inkomen, kwaliteit):
    inkomen.first_name, inkomen.last_name = "Fatima", "El Amrani"
    inkomen.save()
    demo.demo_gemeente().save()
    besluit = services.opstellen(casus_7(inkomen), inkomen)
    services.wijzigen(besluit, inkomen, voorziening="de kosten van een boekhouder", ingangsdatum=DAG,
                      vervolg="Wij maken het geld binnen twee weken over.")
    if services.vier_ogen(besluit).vereist:
        services.goedkeuren(besluit, kwaliteit, akkoord=True)
    services.vaststellen(besluit, inkomen, datum=DAG)
    brief = services.bekendmaken(besluit, inkomen, datum=DAG)
    _controleer_pdf_ua(bytes(brief.pdf), "Besluit over uw aanvraag bijzondere bijstand")
    lezer, _ = _lees(bytes(brief.pdf))
    tekst = "\n".join(p.extract_text() for p in lezer.pages)
    assert "namens het college van burgemeester en wethouders," in tekst and "Fatima El Amrani" in tekst
    assert "consulent Inkomen" in tekst
    assert paginas_hoofddeel(brief.html) <= 2 < len(lezer.pages)  # the bijlage follows on its own page


def test_structuur_komt_uit_semantische_html():
    """Headings, lists and the table with header cells reach the structure tree in reading order."""
    variant = next(v for v in demo.varianten() if v.naam == "bijzondere_bijstand-toekenning-geld")
    html = demo.maak_voorbeeld(variant, bronnen=briefmodule.bronnen_uit_bestanden(), gemeente=demo.demo_gemeente()).html
    assert "<h1>Besluit over uw aanvraag bijzondere bijstand</h1>" in html and '<th scope="row">' in html
    pdf = html_naar_pdf(html)
    _controleer_pdf_ua(pdf, "Besluit over uw aanvraag bijzondere bijstand")
    _, root = _lees(pdf)
    soorten, stapel = [], [root["/StructTreeRoot"]]
    while stapel:  # depth-first over the structure elements, in document order
        element = stapel.pop().get_object()
        if "/S" in element:
            soorten.append(element["/S"])
        kinderen = element.get("/K", [])
        kinderen = kinderen if isinstance(kinderen, list) else [kinderen]
        stapel.extend(k for k in reversed(kinderen) if hasattr(k, "get_object") and hasattr(k.get_object(), "get"))
    assert {"/H1", "/H2", "/L", "/LI", "/Table", "/TH", "/P"} <= set(soorten), set(soorten)
    assert soorten.index("/H1") < soorten.index("/H2")


def test_beslissing_op_bezwaar_is_pdf_ua_en_ondertekend():
    variant = demo.bezwaar_varianten()[0]
    variant.bezwaar._voorbeeld = True
    html = demo.maak_voorbeeld(variant, bronnen=briefmodule.bronnen_uit_bestanden(), gemeente=demo.demo_gemeente()).html
    assert "namens het college van burgemeester en wethouders," in html
    _controleer_pdf_ua(html_naar_pdf(html), f"Beslissing op uw bezwaar over {briefmodule.REGELING_IN_ZIN[variant.besluit.zaak.regeling]}")
