"""OpenAPI: every operation documents the error answers of `maatwerk.web.fouten` (400, 401, 403, 404, 409).

Issue 7 asks that the schema documents these answers; the schemathesis run (tests/fuzz) fails on any status
code or body the schema does not describe. Operations that declare an answer for a code themselves keep it.
"""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers


class FoutSerializer(serializers.Serializer):
    """An error that is not about one field: a Dutch sentence and a short code."""

    detail = serializers.CharField(help_text="De melding, in het Nederlands.")
    code = serializers.CharField(required=False, help_text="Korte code van de fout, bijvoorbeeld geen_toegang.")


# 400: field errors ({"veld": ["melding", ...]}, nested for nested input), or one message with a code.
VELDFOUTEN = {
    "type": "object",
    "description": "Per veld de Nederlandse meldingen; `detail` en `code` als de fout niet bij één veld hoort.",
    "properties": {"detail": {"type": "string"}, "code": {"type": "string"}},
    "additionalProperties": {"oneOf": [{"type": "array", "items": {}}, {"type": "object"}, {"type": "string"}]},
}

FOUTEN = {
    "400": ("Foute invoer: de melding noemt het veld.", VELDFOUTEN),
    "401": ("Niet ingelogd of een onjuist token.", FoutSerializer),
    "403": ("Geen toegang.", FoutSerializer),
    "404": ("Niet gevonden.", FoutSerializer),
    "409": ("De procedure of een regel staat deze stap nu niet toe; de melding noemt de regel.", FoutSerializer),
}


class MaatwerkAutoSchema(AutoSchema):
    def _get_paginator(self):
        # The `list` actions page their answer; a list under one object (bevindingen, overgangen, termijnen,
        # versies) is answered whole unless its @action names a pagination_class, so only then does the schema
        # promise {count, next, previous, results}.
        actie = getattr(self.view, "action", None)
        if actie != "list" and "pagination_class" not in getattr(getattr(self.view, actie or "", None), "kwargs", {}):
            return None
        return super()._get_paginator()

    def _get_response_bodies(self, direction="response"):
        antwoorden = super()._get_response_bodies(direction)
        for code, (beschrijving, vorm) in FOUTEN.items():
            if code not in antwoorden:
                antwoord = self._get_response_for_code(vorm, code, ["application/json"], direction)
                antwoord["description"] = beschrijving
                antwoorden[code] = antwoord
        return antwoorden
