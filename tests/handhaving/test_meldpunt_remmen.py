"""The rate limit on the melder's feedback look-up (issue 11, point 3): guessing the secret code of a kenmerk
stops after the limit, with a Dutch message and status 429, and an audit line. No IP address is stored. The
parallel case runs against gunicorn in tests/web/test_gelijktijdigheid.py."""

from __future__ import annotations

from django.test import Client

from maatwerk.handhaving import remmen
from maatwerk.handhaving.models import VolgPoging
from maatwerk.toegang.models import AuditRegel


def _raad(c, kenmerk="HM-2026-00001", code="AAAAAAAAAA", adres="192.0.2.1"):
    return c.post("/loket/melden/volgen/", {"kenmerk": kenmerk, "code": code}, REMOTE_ADDR=adres)


def test_na_vijf_pogingen_op_een_kenmerk_429(db):
    c = Client()
    for _ in range(remmen.MAX_PER_KENMERK):
        assert _raad(c).status_code == 404
    te_veel = _raad(c)
    assert te_veel.status_code == 429
    assert "te vaak geprobeerd" in te_veel.content.decode() and "15 minuten" in te_veel.content.decode()
    assert AuditRegel.objects.filter(toelichting__contains="te veel pogingen", toegestaan=False).count() == 1
    # Another kenmerk from another address is not hit by this limit.
    assert _raad(c, kenmerk="HM-2026-00002", adres="192.0.2.2").status_code == 404


def test_per_adres_over_verschillende_kenmerken(db):
    c = Client()
    codes = [_raad(c, kenmerk=f"HM-2026-{n:05d}").status_code for n in range(remmen.MAX_PER_ADRES + 1)]
    assert codes[:-1] == [404] * remmen.MAX_PER_ADRES and codes[-1] == 429
    assert _raad(c, kenmerk="HM-2026-09999", adres="192.0.2.77").status_code == 404


def test_geen_ip_adres_bewaard_en_oude_pogingen_tellen_niet(db):
    import datetime as dt

    from django.utils import timezone

    c = Client()
    _raad(c, adres="198.51.100.23")
    assert not VolgPoging.objects.filter(sleutel__contains="198.51").exists()
    assert all(len(p.sleutel) == 64 for p in VolgPoging.objects.all())
    oud = timezone.now() - remmen.VENSTER - dt.timedelta(seconds=1)
    VolgPoging.objects.bulk_create([VolgPoging(sleutel=remmen._sleutel("kenmerk", "HM-2026-00001"), op=oud)] * 10)
    assert _raad(c).status_code == 404  # attempts older than the window do not count


def test_foute_invoer_telt_niet_mee(db):
    c = Client()
    for _ in range(remmen.MAX_PER_KENMERK + 2):
        assert c.post("/loket/melden/volgen/", {"kenmerk": "", "code": ""}).status_code == 400
    assert VolgPoging.objects.count() == 0
