"""Letters cannot carry script (issue 7, point 5; ASVS 5.2.1, 5.3.3).

A letter template is HTML that a beheerder edits; the letter is shown in the browser and kept for years. So
both the template source and every rendered letter are checked against an allowlist of HTML: only the tags
and attributes a letter needs (text, headings, lists, tables, a <style> for the print layout), links only
to http(s), mailto and tel. Everything else — <script>, <iframe>, <object>, <svg>, <form>, <img>, event
handlers (onclick=…), javascript: URLs, <meta http-equiv>, CSS with expression(), url() or @import — is
refused with a Dutch message naming what was found. The rendered letter is checked too because template
tags can assemble markup (`<{% if x %}scr{% endif %}ipt>`) that the source check cannot see.
Defence in depth: letter HTML is served under a CSP without any script (maatwerk.besluiten.views).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

TAGS = frozenset({
    "html", "head", "meta", "title", "style", "body", "header", "footer", "main", "section", "article", "aside",
    "div", "span", "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col", "sup", "sub", "strong",
    "b", "em", "i", "u", "small", "abbr", "address", "blockquote", "a",
})
ATTRIBUTEN = frozenset({"class", "id", "lang", "dir", "title", "scope", "colspan", "rowspan", "value", "start",
                        "type", "href", "charset", "style", "abbr", "headers"})
URL_SCHEMAS = ("http:", "https:", "mailto:", "tel:")
_CSS_VERBODEN = re.compile(r"expression\s*\(|url\s*\(|@import|javascript:|behavior\s*:|-moz-binding", re.I)
_ONZICHTBAAR = re.compile(r"[\x00-\x20\x7f]+")


class OnveiligeBrief(ValueError):
    """The HTML contains something a letter may not contain; the message is Dutch and names it."""


class _Controle(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fouten: list[str] = []
        self._in_style = False

    def _fout(self, tekst: str) -> None:
        if tekst not in self.fouten:
            self.fouten.append(tekst)

    def handle_starttag(self, tag, attrs):
        self._controleer_tag(tag, attrs)
        self._in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self._controleer_tag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def _controleer_tag(self, tag, attrs):
        if tag not in TAGS:
            self._fout(f"het element <{tag}> (toegestaan zijn alleen tekst, koppen, lijsten, tabellen en opmaak)")
            return
        for naam, waarde in attrs:
            waarde = waarde or ""
            if naam.startswith("on"):
                self._fout(f"het attribuut {naam}= (een script bij een gebeurtenis) op <{tag}>")
            elif naam.startswith(("data-", "aria-")):
                continue
            elif naam not in ATTRIBUTEN:
                self._fout(f"het attribuut {naam}= op <{tag}>")
            elif naam == "href":
                schoon = _ONZICHTBAAR.sub("", waarde).lower()
                if ":" in schoon.split("/", 1)[0] and not schoon.startswith(URL_SCHEMAS):
                    self._fout(f"de link '{waarde[:40]}' (alleen http, https, mailto en tel zijn toegestaan)")
            elif naam == "style" and _CSS_VERBODEN.search(waarde):
                self._fout(f"opmaak met expression(), url() of @import in style= op <{tag}>")
        if tag == "meta" and any(n != "charset" for n, _ in attrs):
            self._fout("een <meta> anders dan charset")

    def handle_data(self, data):
        if self._in_style and _CSS_VERBODEN.search(data):
            self._fout("opmaak (<style>) met expression(), url(), @import of javascript:")

    def unknown_decl(self, data):
        self._fout(f"de declaratie <![{data[:20]}")


def controleer_html(html: str, waar: str) -> None:
    """Raise OnveiligeBrief when `html` holds anything outside the letter allowlist."""
    controle = _Controle()
    controle.feed(html)
    controle.close()
    if controle.fouten:
        raise OnveiligeBrief(f"{waar} bevat wat in een brief niet mag: " + "; ".join(controle.fouten[:3])
                             + ". Een brief bevat alleen tekst en opmaak, nooit scripts of actieve inhoud.")
