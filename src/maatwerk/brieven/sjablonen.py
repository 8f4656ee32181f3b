"""A restricted Django template engine for letter templates the beheerder edits.

Restrictions (why: the beheerder is trusted with wording, not with code or data access):
- the context holds only strings, numbers, booleans, lists and dicts built by `maatwerk.besluiten.brief`
  — no model instances, so a template cannot walk relations or call methods;
- only the tags and filters listed below; no `{% load %}` (no other libraries), no `{% debug %}` (dumps
  the context), no `{% autoescape off %}` and no `|safe` (consulent text must stay escaped);
- `{% include %}` / `{% extends %}` resolve only to other letter templates (by code);
- an unknown variable renders as a marker, so validation can refuse a template that uses one;
- no script or active content: the source and every rendered letter are checked against an HTML allowlist
  (`maatwerk.brieven.veiligheid`), so a letter can never carry <script>, onclick= or javascript: links.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from django.template import Context, Engine, TemplateDoesNotExist, TemplateSyntaxError
from django.template.base import Lexer, TokenType
from django.template.loaders.locmem import Loader as LocMemLoader

from maatwerk.brieven.veiligheid import OnveiligeBrief, controleer_html

TOEGESTANE_TAGS = frozenset({
    "if", "elif", "else", "endif", "for", "empty", "endfor", "with", "endwith", "include", "extends", "block",
    "endblock", "comment", "endcomment", "spaceless", "endspaceless", "firstof", "cycle", "resetcycle",
    "ifchanged", "endifchanged", "filter", "endfilter", "verbatim", "endverbatim", "regroup", "widthratio",
    "templatetag",
})
TOEGESTANE_FILTERS = frozenset({
    "add", "capfirst", "cut", "default", "default_if_none", "divisibleby", "escape", "first", "floatformat",
    "force_escape", "join", "last", "length", "linebreaks", "linebreaksbr", "lower", "pluralize", "slice",
    "striptags", "title", "truncatewords", "upper", "wordwrap", "yesno",
})

ONBEKEND = "⟦onbekend:%s⟧"
_SJABLOONTAAL = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.S)
_VARIABELE = re.compile(r"\{\{.*?\}\}", re.S)
_ONBEKEND_RE = re.compile(r"⟦onbekend:([^⟧]*)⟧")


class SjabloonFout(ValueError):
    """A letter template that cannot be used; the message is Dutch and names the template and the problem."""


class _Loader(LocMemLoader):
    """locmem loader that remembers which templates a render used (the letter records their versions)."""

    def __init__(self, engine, templates_dict):
        super().__init__(engine, templates_dict)
        self.gebruikt: list[str] = []

    def get_contents(self, origin):
        inhoud = super().get_contents(origin)
        if origin.name not in self.gebruikt:
            self.gebruikt.append(origin.name)
        return inhoud


def _engine(bronnen: Mapping[str, str]) -> tuple[Engine, _Loader]:
    engine = Engine(
        loaders=[(f"{__name__}._Loader", dict(bronnen))],
        libraries={},
        builtins=[],
        autoescape=True,
        debug=False,
        string_if_invalid=ONBEKEND,
    )
    return engine, engine.template_loaders[0]


def controleer_bron(code: str, bron: str) -> None:
    """Syntax and whitelist check of one template source; raises SjabloonFout in Dutch."""
    try:
        tokens = Lexer(bron).tokenize()
    except Exception as fout:  # noqa: BLE001 - any lexer error is a bad template
        raise SjabloonFout(f"Sjabloon '{code}' is niet te lezen: {fout}") from None
    for token in tokens:
        regel = f" (regel {token.lineno})" if token.lineno else ""
        if token.token_type == TokenType.BLOCK:
            delen = token.split_contents()
            tag = delen[0] if delen else ""
            if tag not in TOEGESTANE_TAGS:
                raise SjabloonFout(f"Sjabloon '{code}'{regel}: de opdracht {{% {tag} %}} is in een brief niet toegestaan.")
            if tag == "filter":
                for naam in "|".join(delen[1:]).split("|"):
                    if naam.strip() and naam.strip() not in TOEGESTANE_FILTERS:
                        raise SjabloonFout(f"Sjabloon '{code}'{regel}: het filter {naam.strip()} is in een brief niet toegestaan.")
        if token.token_type in (TokenType.BLOCK, TokenType.VAR):
            for naam in re.findall(r"\|\s*([A-Za-z_]\w*)", token.contents):
                if naam not in TOEGESTANE_FILTERS:
                    raise SjabloonFout(f"Sjabloon '{code}'{regel}: het filter |{naam} is in een brief niet toegestaan.")
    # The HTML around the template language: tags vanish (as they may when rendered), a variable becomes
    # plain text, so `<p {% if x %}onclick="…"{% endif %}>` and `<scr{% if x %}{% endif %}ipt>` are caught.
    try:
        controleer_html(_VARIABELE.sub("x", _SJABLOONTAAL.sub("", bron)), f"Sjabloon '{code}'")
    except OnveiligeBrief as fout:
        raise SjabloonFout(str(fout)) from None
    engine, _ = _engine({code: bron})
    try:
        engine.from_string(bron)
    except TemplateSyntaxError as fout:
        raise SjabloonFout(f"Sjabloon '{code}' bevat een fout in de sjabloontaal: {fout}") from None
    except Exception as fout:  # noqa: BLE001
        raise SjabloonFout(f"Sjabloon '{code}' kan niet worden gebruikt: {fout}") from None


def render(bronnen: Mapping[str, str], hoofd: str, context: dict) -> tuple[str, list[str]]:
    """Render template `hoofd` from `bronnen` (code -> source) with `context`.

    Returns the HTML and the codes of the templates used (main first). Raises SjabloonFout when a template
    is missing, fails while rendering or uses a variable the context does not have.
    """
    engine, loader = _engine(bronnen)
    try:
        sjabloon = engine.get_template(hoofd)
        html = sjabloon.render(Context(context, autoescape=True))
    except TemplateDoesNotExist as fout:
        raise SjabloonFout(f"Het sjabloon '{fout}' bestaat niet (gebruikt vanuit '{hoofd}').") from None
    except TemplateSyntaxError as fout:
        raise SjabloonFout(f"Een sjabloon van de brief bevat een fout in de sjabloontaal: {fout}") from None
    except Exception as fout:  # noqa: BLE001 - a template must never crash the caller
        raise SjabloonFout(f"De brief kon niet worden gemaakt: {type(fout).__name__}: {fout}") from None
    try:
        controleer_html(html, "De brief")
    except OnveiligeBrief as fout:
        raise SjabloonFout(str(fout)) from None
    onbekend = sorted(set(_ONBEKEND_RE.findall(html)))
    if onbekend:
        raise SjabloonFout(
            "De brief gebruikt gegevens die niet bestaan: " + ", ".join(f"'{n}'" for n in onbekend)
            + ". Kijk in de lijst met beschikbare gegevens (docs/besluiten.md)."
        )
    gebruikt = [hoofd] + [c for c in loader.gebruikt if c != hoofd]
    return html, gebruikt
