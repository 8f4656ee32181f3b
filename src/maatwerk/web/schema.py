"""The OpenAPI schema documents the error answers of every operation (issue 7: "the OpenAPI schema says so
and documents 400/401/403/404/409 answers").

Every operation gets, next to its own answers: 400 (field errors, or `Fout` for unreadable JSON), 401 (not
logged in), 403 (refused by the access policy), 404 (unknown object or URL) and 409 (the procedure or a
parallel change does not allow it); a changing operation also 503 (the database is busy, try again). The
bodies are those of `maatwerk.web.fouten`.
"""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers

ONVEILIG = ("POST", "PUT", "PATCH", "DELETE")


class FoutSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="De melding in het Nederlands, zonder technische details.")
    code = serializers.CharField(required=False, help_text="Vaste code van de fout, bijvoorbeeld `geen_toegang`, `ongeldige_overgang`, "
                                           "`niet_gevonden`, `conflict`, `database_bezet`.")

    class Meta:
        ref_name = "Fout"


FOUTEN = {
    "401": "Niet ingelogd, of een ongeldig of verlopen token.",
    "403": "Geweigerd: uw rol of het doel geeft geen toegang tot dit gegeven (de weigering staat in het auditlog).",
    "404": "Niet gevonden: het object bestaat niet of de URL is onbekend.",
    "409": "De procedure staat deze stap nu niet toe, of de wijziging botst met een wijziging die tegelijk is "
           "opgeslagen; `detail` noemt de regel. Er is niets opgeslagen.",
}
BEZET = "De database is tijdelijk bezet; probeer het na de `Retry-After` seconden opnieuw. Er is niets opgeslagen."
ONGELDIG = ("Ongeldige invoer. Per veld een lijst met Nederlandse meldingen (`{\"veld\": [\"melding\"]}`), of een "
            "`Fout` (bijvoorbeeld onleesbare JSON). Er is niets opgeslagen.")

# 400: field errors ({"veld": ["melding", ...]}, nested for nested input), or one message with a code.
VELDFOUTEN = {
    "type": "object",
    "description": "Per veld de Nederlandse meldingen; `detail` en `code` als de fout niet bij één veld hoort.",
    # No fixed `detail`/`code` properties: an input field may itself be called `code` (legal-ground catalogue).
    "additionalProperties": {"oneOf": [{"type": "array", "items": {}}, {"type": "object"}, {"type": "string"}]},
}


class MaatwerkAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        antwoorden = super()._get_response_bodies(direction)
        fout = self.resolve_serializer(FoutSerializer, direction).ref
        if "400" not in antwoorden:
            antwoorden["400"] = {"description": ONGELDIG, "content": {"application/json": {"schema": VELDFOUTEN}}}
        for code, omschrijving in FOUTEN.items():
            antwoorden.setdefault(code, {"description": omschrijving, "content": {"application/json": {"schema": fout}}})
        if self.method in ONVEILIG:
            antwoorden.setdefault("503", {"description": BEZET, "content": {"application/json": {"schema": fout}}})
        return antwoorden
