"""The mock broker's only state: which authorization codes were redeemed (RFC 6749, 4.1.2: "The client MUST NOT
use the authorization code more than once"). A row per redeemed code id; the primary key makes a second redemption
fail even when two token requests arrive at once, on any worker of the demo server. Rows older than the code's
lifetime are useless (the signature has expired by then) and are removed on the next redemption."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class GebruikteCode(models.Model):
    code_id = models.CharField(max_length=64, primary_key=True)
    gebruikt_op = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "ingewisselde autorisatiecode (mock DigiD)"
        verbose_name_plural = "ingewisselde autorisatiecodes (mock DigiD)"
