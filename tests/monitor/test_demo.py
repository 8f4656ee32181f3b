"""Issue 12 point 5: the monitor runs on the demo data with figures above the small-cell threshold, and a second
load of the demo changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from maatwerk.loket.models import ZelftestTelling
from maatwerk.monitor import cijfers
from maatwerk.monitor.models import Ervaring
from maatwerk.monitor.periode import Periode, periode
from maatwerk.zaken.models import Zaak

pytestmark = pytest.mark.django_db


def test_demo_gives_non_trivial_figures():
    from maatwerk.demo.gegevens import laad_demogegevens

    vandaag = timezone.localdate()
    laad_demogegevens(vandaag)
    # the archive zaken are decided within the last 85 days
    laatste = cijfers.monitor(Periode("demo", vandaag - dt.timedelta(days=100), vandaag))
    bb = next(r for r in laatste.doorlooptijden if r.regeling == "bijzondere_bijstand")
    assert isinstance(bb.besluiten, int) and bb.besluiten >= 13
    assert bb.mediaan_dagen is not None and bb.p90_dagen >= 61
    assert bb.te_laat_nu != 0  # four archive zaken are open past the term today
    assert any(isinstance(r.open_zaken, int) and r.open_zaken >= 5 for r in laatste.caseload)
    ervaring = next(r for r in cijfers.ervaringen(periode(str(vandaag.year))) if r.regeling == "bijzondere_bijstand")
    assert ervaring.antwoorden == 8 and ervaring.gemiddeld["Begreep u de brief met ons besluit?"] == "3,8"
    aantallen = (Zaak.objects.count(), ZelftestTelling.objects.count(), Ervaring.objects.count())
    laad_demogegevens(vandaag)
    assert (Zaak.objects.count(), ZelftestTelling.objects.count(), Ervaring.objects.count()) == aantallen
