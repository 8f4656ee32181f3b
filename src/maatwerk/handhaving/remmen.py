"""A rate limit on the public feedback look-up of the meldpunt (issue 11, point 3).

The look-up needs a kenmerk and a secret code of 10 characters; without a limit, someone could try codes for a
known kenmerk. Each attempt is first recorded and then counted, so 8 parallel requests can never slip past the
limit together (at worst one attempt too many is refused). The counter lives in the database, so it holds across
server processes, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from maatwerk.handhaving.models import VolgPoging

VENSTER = dt.timedelta(minutes=15)
MAX_PER_ADRES = 10  # a melder who mistypes a few times is never stopped
MAX_PER_KENMERK = 5  # guessing the code of one melding stops after 5 tries
BEWAREN = dt.timedelta(days=1)


def _sleutel(soort: str, waarde: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), f"{soort}:{waarde}".encode(), hashlib.sha256).hexdigest()


def adres(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "onbekend"


def te_vaak(adres: str, kenmerk: str) -> bool:
    """Record this attempt and say whether the address or the kenmerk went over its limit in the window."""
    nu = timezone.now()
    sleutels = (_sleutel("adres", adres), _sleutel("kenmerk", (kenmerk or "").strip().upper()))
    with transaction.atomic():
        VolgPoging.objects.bulk_create([VolgPoging(sleutel=s, op=nu) for s in sleutels])
    vanaf = nu - VENSTER
    per_adres = VolgPoging.objects.filter(sleutel=sleutels[0], op__gt=vanaf).count()
    per_kenmerk = VolgPoging.objects.filter(sleutel=sleutels[1], op__gt=vanaf).count()
    if nu.second == 0:  # now and then, forget old attempts
        VolgPoging.objects.filter(op__lt=nu - BEWAREN).delete()
    return per_adres > MAX_PER_ADRES or per_kenmerk > MAX_PER_KENMERK
