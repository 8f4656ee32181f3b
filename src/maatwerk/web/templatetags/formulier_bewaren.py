"""{% load formulier_bewaren %}{% bewaard_formulier_json request as bewaard %}: see maatwerk.web.formulier_bewaren."""

from django import template

from maatwerk.web.formulier_bewaren import voor_script

register = template.Library()


@register.simple_tag
def bewaard_formulier_json(request):
    return voor_script(request) if request is not None else None
