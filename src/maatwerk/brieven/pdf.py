"""HTML → PDF with WeasyPrint.

Safety: a letter may not load anything from outside (no network, no local files): templates are edited by the
beheerder, so an `<img src="http://…">` or `file:///etc/…` must not be fetched.

Accessibility (issue 8, point 2): every letter is a tagged PDF/UA-1 (ISO 14289-1), which WeasyPrint (≥ 61)
writes with `pdf_variant="pdf/ua-1"`: a structure tree from the semantic HTML (headings, lists, tables with
headers, in document order), `/MarkInfo << /Marked true >>`, the document language from `<html lang="nl">`,
the title from `<title>` (shown instead of the file name: `/DisplayDocTitle`) and `pdfuaid:part` in XMP.
A screen reader thus reads the letter in its order, in Dutch, under its title. The Wet digitale overheid and
the Besluit digitale toegankelijkheid overheid ask this of documents a government body publishes or sends.
"""

from __future__ import annotations

import re

PDF_VARIANT = "pdf/ua-1"
# The bijlage opens on a new page and does not count for the length of the letter itself.
_BIJLAGE = re.compile(r'<section class="bijlage".*?</section>', re.S)


def _document(html: str):
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"}, allow_redirects=False)
    return HTML(string=html, url_fetcher=fetcher, base_url=None)


def html_naar_pdf(html: str) -> bytes:
    return _document(html).write_pdf(pdf_variant=PDF_VARIANT)


def paginas_hoofddeel(html: str) -> int:
    """Pages of the letter without its bijlage, as WeasyPrint lays them out (A4, the template's @page)."""
    return len(_document(_BIJLAGE.sub("", html)).render().pages)
