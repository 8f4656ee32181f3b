"""Template filters for Dutch formats: `{% load nl %}` then `{{ x|bedrag }}`, `{{ d|datum }}`, `{{ t|datumtijd }}`."""

from django import template

from maatwerk import formaat

register = template.Library()
register.filter("bedrag", formaat.bedrag)
register.filter("datum", formaat.datum)
register.filter("datumtijd", formaat.datumtijd)


@register.filter
def rolnaam(code: str) -> str:
    """`{{ rol|rolnaam }}`: "Consulent Wmo" for "consulent_wmo" (no internal codes in text a person reads)."""
    from maatwerk.toegang.rollen import rol_naam

    return rol_naam(code)
