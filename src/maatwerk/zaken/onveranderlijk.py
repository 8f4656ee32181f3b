"""Append-only records: saved once, never changed or deleted ("nothing is lost").

Model.save/delete are guarded by the models themselves; bulk update/delete bypass those, so the queryset
refuses them. Used for versions of the onderzoek and plan and for besluiten, letters and bezwaren.
"""

from django.db import models

from maatwerk.zaken.fouten import OnveranderlijkFout


class NooitWijzigenQuerySet(models.QuerySet):
    melding = "Dit gegeven wordt nooit gewijzigd of verwijderd."

    def update(self, **kwargs):
        raise OnveranderlijkFout(self.melding)

    def delete(self):
        raise OnveranderlijkFout(self.melding)
