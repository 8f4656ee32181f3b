"""Template filters for Dutch formats: `{% load nl %}` then `{{ x|bedrag }}`, `{{ d|datum }}`, `{{ t|datumtijd }}`."""

from django import template

from maatwerk import formaat

register = template.Library()
register.filter("bedrag", formaat.bedrag)
register.filter("datum", formaat.datum)
register.filter("datumtijd", formaat.datumtijd)
