"""Issue 12 point 4: the ambtshalve batch runs on the demo data: Sanne de Wit gets a concept toekenning, Ahmed Yilmaz
goes to the review list (his prospects were never judged). Persons are looked up by their unique BSN."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from maatwerk.ambtshalve import batch
from maatwerk.ambtshalve.demo import CONTROLE_BSN, ZEKER_BSN
from maatwerk.ambtshalve.models import Soort, Uitkomst

pytestmark = pytest.mark.django_db


def test_batch_op_de_demogegevens():
    from maatwerk.demo.gegevens import laad_demogegevens

    laad_demogegevens()
    consulent = get_user_model().objects.get(username="consulent_inkomen")
    peildatum = timezone.localdate().replace(day=1)
    b = batch.draai(consulent, peildatum)
    zeker = Uitkomst.objects.get(batch=b, hoofdpersoon__bsn=ZEKER_BSN)
    assert zeker.soort == Soort.CONCEPT_TOEKENNING, zeker.reden
    assert zeker.zaak.besluiten.get().status == "concept" and zeker.zaak.voorstel_bedrag > 0
    controle = Uitkomst.objects.get(batch=b, hoofdpersoon__bsn=CONTROLE_BSN)
    assert controle.soort == Soort.CONTROLE and "zicht op inkomensverbetering" in controle.reden
    assert laad_demogegevens()["nieuw"] == []  # the demo stays idempotent
    assert batch.draai(consulent, peildatum).uitkomsten.count() == b.uitkomsten.count()
