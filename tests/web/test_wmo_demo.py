"""The demo builds the Wmo cases of issue 10 (seed 004 stories 2 and 5, and the done-when case) through the
services, as far as the rules reach."""

from decimal import Decimal

import pytest

from maatwerk.besluiten.models import Besluit
from maatwerk.personen.models import Inwoner
from maatwerk.zaken.models import Status, Zaak

pytestmark = pytest.mark.django_db


def _zaak(bsn):
    return Zaak.objects.get(hoofdpersoon=Inwoner.objects.get(bsn=bsn), regeling="wmo_maatwerkvoorziening")


def test_the_demo_builds_the_wmo_cases():
    from maatwerk.demo.gegevens import laad_demogegevens

    uitkomst = laad_demogegevens(archief=False)
    assert {2, 5, 102} <= set(uitkomst["nieuw"])
    # Done when: huishoudelijke ondersteuning as a pgb with informal help, a concept besluit with pgb and bijdrage.
    van_dijk = _zaak("999994001")
    assert van_dijk.status == Status.KLAAR_VOOR_BESLUIT and van_dijk.voorstel_bedrag == Decimal("300.00")
    besluit = Besluit.objects.get(zaak=van_dijk)
    assert besluit.vorm == "pgb" and besluit.pgb_bedrag == Decimal("300.00") and besluit.bijdrage_verschuldigd
    assert "CAK" in besluit.bijdrage_toelichting
    # Story 2: every cascade step recorded, step g "nee" (Zvw/Wlz refused), the eigen bijdrage computed.
    patricia = _zaak("999994013")
    waarden = dict(patricia.actuele_bevindingen().values_list("criterium", "waarde"))
    assert waarden["cascade_andere_voorziening"] == "nee" and patricia.status == Status.BEOORDELING
    huishouden = next(iter(patricia.berekeningen.get().resultaat["huishoudens"].values()))
    # Partners of whom at least one has not reached the AOW age owe nothing (Uitvoeringsbesluit Wmo 2015, art. 3.8;
    # parameter vrijstelling_gehuwden_niet_aow).
    assert huishouden["wmo_eigen_bijdrage_per_periode"] == 0.0
    # Story 5: beschermd wonen, the aanbieder sets and collects the bijdrage (Vo art. 4:9 lid 5).
    dennis = _zaak("999994037")
    huishouden = next(iter(dennis.berekeningen.get().resultaat["huishoudens"].values()))
    assert huishouden["wmo_geen_bijdrage_reden"] == "beschermd_wonen"
    assert laad_demogegevens(archief=False)["nieuw"] == []  # idempotent


def test_the_demo_has_a_wmo_toewijzing_in_natura_with_its_301_and_a_305_with_its_306():
    """Issue 10 points 6 and 7 in the demo: huishoudelijke ondersteuning in natura at a contracted provider, the
    cost price from the product tariff, the besluit vastgesteld, the 301 made and downloaded, a 305 read with its
    306; all visible on the zaak page."""
    from django.test import Client
    from django.contrib.auth.models import User

    from maatwerk.demo.gegevens import laad_demogegevens
    from maatwerk.iwmo.models import Bericht, Toewijzing, ToewijzingStatus
    from maatwerk.toegang.models import AuditRegel

    assert 103 in laad_demogegevens(archief=False)["nieuw"]
    verbeek = _zaak("999994050")
    besluit = Besluit.objects.get(zaak=verbeek)
    assert besluit.vorm == "natura" and besluit.status in ("vastgesteld", "bekendgemaakt")
    berekening = verbeek.berekeningen.get()
    kostprijs = berekening.gegevens["natura_kostprijs"]
    # Demo tariff € 32,50 per hour (iwmo/demo.py), 3 hours a week: € 32,50 × 3 × 52/12 = € 422,50 per month.
    assert kostprijs["herkomst"] == "tarief" and kostprijs["product"] == "01A01" and kostprijs["voor_bijdrage"] == "422.50"
    toewijzing = Toewijzing.objects.get(zaak=verbeek)
    assert toewijzing.aanbieder.agb_code == "98000001" and toewijzing.status == ToewijzingStatus.GESTART
    soorten = set(Bericht.objects.filter(zaak=verbeek).values_list("soort", flat=True))
    assert soorten == {"301", "305", "306"}
    assert Bericht.objects.get(zaak=verbeek, soort="306").retourcodes == "0200"
    assert AuditRegel.objects.filter(onderwerp__contains="download", zaak=verbeek).exists()
    c = Client()
    c.force_login(verbeek.behandelaar or User.objects.filter(groups__name="consulent_wmo").order_by("pk").first())
    pagina = c.get(f"/zaken/{verbeek.pk}/").content.decode()
    for stuk in ("Thuiszorg De Berkel", "301", "305", "306", "Zorg gestart", "gestart op"):
        assert stuk in pagina, stuk


def test_the_demo_has_the_wmo_part_of_story_10_with_a_provider_without_a_contract():
    """Seed 004 story 10: the opvang after 18 at the Leger des Heils, "geen contractpartij van gemeente E.": the
    Wmo zaak waits at step g of the cascade, and a cost price from that provider's tariff is refused (no contract)."""
    from django.core.exceptions import ValidationError

    from maatwerk.demo.gegevens import laad_demogegevens
    from maatwerk.demo.wmo_verhalen import OPVANG_AGB
    from maatwerk.iwmo.models import Aanbieder, Product
    from maatwerk.zaken import wmo_kostprijs

    assert 110 in laad_demogegevens(archief=False)["nieuw"]
    fabian = _zaak("999994062")
    waarden = dict(fabian.actuele_bevindingen().values_list("criterium", "waarde"))
    assert fabian.status == Status.BEOORDELING
    assert waarden["cascade_eigen_kracht"] == "nee" and "cascade_andere_voorziening" not in waarden
    opvang = Aanbieder.objects.get(agb_code=OPVANG_AGB)
    assert not opvang.contracten.exists()
    product = Product.objects.get(domein="wmo", categorie="02", code="02A01")
    with pytest.raises(ValidationError) as fout:
        wmo_kostprijs.bereken(product=product, aanbieder=opvang, volume=4, maand="2026-03", pgb_soort="geen")
    assert "geen contract" in str(fout.value.message_dict["aanbieder"])
