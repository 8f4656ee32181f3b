"""HTML → PDF with WeasyPrint. A letter may not load anything from outside (no network, no local files):
templates are edited by the beheerder, so an `<img src="http://…">` or `file:///etc/…` must not be fetched."""

from __future__ import annotations


def html_naar_pdf(html: str) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"}, allow_redirects=False)
    return HTML(string=html, url_fetcher=fetcher, base_url=None).write_pdf()
