"""Issue 12 point 5: the monitor runs on the demo data with figures above the small-cell threshold, and a second
load of the demo changes nothing. The archive zaken went through the real flow (procedure steps, findings,
calculation, besluit vastgesteld and bekendgemaakt with a letter) with their historic dates."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from maatwerk.loket.models import ZelftestTelling
from maatwerk.monitor import cijfers
from maatwerk.monitor.models import Ervaring
from maatwerk.monitor.periode import Periode, periode
from maatwerk.besluiten.models import Status as BesluitStatus
from maatwerk.monitor.demo import ARCHIEF, DOORLOOPTIJDEN, OPEN_DAGEN
from maatwerk.zaken.models import Status, Zaak

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


def test_archive_zaken_went_through_the_real_flow_with_their_historic_dates():
    from maatwerk.demo.gegevens import laad_demogegevens

    vandaag = timezone.localdate()
    laad_demogegevens(vandaag)
    beslist = Zaak.objects.filter(hoofdpersoon__bsn=ARCHIEF[0][0]).order_by("-besluitdatum")
    assert [(z.besluitdatum - z.aanvraagdatum).days for z in beslist] == DOORLOOPTIJDEN
    for i, z in enumerate(beslist):
        assert z.status == Status.BESLUIT and z.besluitdatum == vandaag - dt.timedelta(days=1 + 7 * i)
        # the procedure recorded each step on its historic day, in order (no field was set directly)
        stappen = list(z.overgangen.order_by("id").values_list("naar", "datum"))
        assert stappen[-1] == (Status.BESLUIT, z.besluitdatum)
        assert (Status.AANVRAAG, z.aanvraagdatum) in stappen
        assert [d for _, d in stappen] == sorted(d for _, d in stappen)
        assert z.bevindingen.exists() and z.berekeningen.exists()
        besluit = z.besluiten.get()
        assert besluit.status == BesluitStatus.BEKENDGEMAAKT and besluit.besluitdatum == z.besluitdatum
        assert besluit.brief.pdf_sha256
    open_ = Zaak.objects.filter(hoofdpersoon__bsn=ARCHIEF[1][0])
    assert sorted((vandaag - z.aanvraagdatum).days for z in open_) == OPEN_DAGEN
    assert all(z.status == Status.BEOORDELING and not z.besluiten.exists() for z in open_)
    # Plausible durations on the dashboard: the archive alone gives median 44 and p90 61 days (nearest rank);
    # with the case stories' own besluiten the figures stay in that range.
    rij = next(r for r in cijfers.doorlooptijden(Periode("demo", vandaag - dt.timedelta(days=100), vandaag))
               if r.regeling == "bijzondere_bijstand")
    assert 30 <= rij.mediaan_dagen <= 50 and 61 <= rij.p90_dagen <= 70
