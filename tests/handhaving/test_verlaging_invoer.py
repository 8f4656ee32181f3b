"""The service's own input checks of a verlaging (issue 11; `besluiten.verlaging._valideer`), for whatever a caller
sends — the page, the API, a script: dates in the future, negative amounts, fractions outside 0–1, too many
decimals, texts that are too short or too long or hold control characters, unknown gedragingen, tick boxes that are
not yes or no, and facts that cannot be true together (horen 7:14, afwijking 7:13 onder d, recidive 7:27). Every
refusal names the field in Dutch; nothing is stored and nothing reaches the Regelkern."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from maatwerk.besluiten import verlaging
from maatwerk.besluiten.verlaging_models import Verlaging

from .test_verlaging import NORM, feiten, lopende_bijstand

MORGEN = (timezone.localdate() + dt.timedelta(days=1)).isoformat()


def _fouten(**anders) -> dict:
    with pytest.raises(ValidationError) as fout:
        verlaging._valideer(feiten(**anders))
    return fout.value.message_dict


def test_de_basisfeiten_zijn_geldig():
    v = verlaging._valideer(feiten())
    assert v["gedraging"] == "pw_tegenprestatie" and v["horen_datum"] == dt.date(2026, 8, 20)
    assert v["afwijken"] is False and v["vorige_duur_maanden"] is None


@pytest.mark.parametrize("anders, veld, woord", [
    # dates in the future (the planned bekendmaking may lie ahead, but not months)
    ({"datum_gedraging": MORGEN}, "datum_gedraging", "toekomst"),
    ({"datum_constatering": MORGEN}, "datum_constatering", "toekomst"),
    ({"horen_datum": MORGEN}, "horen_datum", "toekomst"),
    ({"vorige_gedraging": "pw_tegenprestatie", "vorige_bekendmaking": MORGEN}, "vorige_bekendmaking", "toekomst"),
    ({"geplande_bekendmaking": "2999-01-01"}, "geplande_bekendmaking", "dagen in de toekomst"),
    ({"datum_gedraging": "2026-W30-1"}, "datum_gedraging", "geen geldige datum"),
    ({"datum_gedraging": 20260720}, "datum_gedraging", "geen geldige datum"),
    # negative amounts, fractions outside 0-1, not a number, more decimals than are stored
    ({"benadelingsbedrag": "-0.01"}, "benadelingsbedrag", "negatief"),
    ({"benadelingsbedrag": "1000000.01"}, "benadelingsbedrag", "niet hoger zijn dan"),
    ({"benadelingsbedrag": "12.345"}, "benadelingsbedrag", "2 cijfers achter de komma"),
    ({"benadelingsbedrag": "Infinity"}, "benadelingsbedrag", "geen getal"),
    ({"benadelingsbedrag": True}, "benadelingsbedrag", "geen getal"),
    ({"benadelingsbedrag": [12]}, "benadelingsbedrag", "geen getal"),
    ({"afwijken": True, "afwijkend_percentage": "-0.1", "afwijking_reden": "Hij verzorgde zijn zieke moeder."},
     "afwijkend_percentage", "fractie van 0 tot en met 1"),
    ({"afwijken": True, "afwijkend_percentage": 20, "afwijking_reden": "Hij verzorgde zijn zieke moeder."},
     "afwijkend_percentage", "fractie van 0 tot en met 1"),
    ({"afwijken": True, "afwijkend_percentage": "0.123456", "afwijking_reden": "Hij verzorgde zijn zieke moeder."},
     "afwijkend_percentage", "4 cijfers achter de komma"),
    ({"vorige_gedraging": "pw_tegenprestatie", "vorige_bekendmaking": "2025-08-01", "vorige_percentage": "1.01"},
     "vorige_percentage", "fractie"),
    ({"vorige_gedraging": "pw_tegenprestatie", "vorige_bekendmaking": "2025-08-01", "vorige_duur_maanden": 0},
     "vorige_duur_maanden", "hele maanden"),
    ({"vorige_gedraging": "pw_tegenprestatie", "vorige_bekendmaking": "2025-08-01", "vorige_duur_maanden": True},
     "vorige_duur_maanden", "hele maanden"),
    ({"vorige_gedraging": "pw_tegenprestatie", "vorige_bekendmaking": "2025-08-01", "vorige_duur_maanden": 2.5},
     "vorige_duur_maanden", "hele maanden"),
    # texts: too short (also when padded with spaces), too long, control characters, not text
    ({"omschrijving": "   Kwam niet.          "}, "omschrijving", "ten minste 20 tekens"),
    ({"verwijtbaarheid_toelichting": "x" * 5001}, "verwijtbaarheid_toelichting", "ten hoogste 5000"),
    ({"horen_wijze": "g" * 201}, "horen_wijze", "ten hoogste 200"),
    ({"omschrijving": "Kwam drie keer niet naar de tegenprestatie.\x00"}, "omschrijving", "stuurteken"),
    ({"horen_toelichting": {"tekst": "Hij vergat het."}}, "horen_toelichting", "tekst"),
    ({"dringende_redenen": True, "dringende_redenen_toelichting": "ziek"}, "dringende_redenen_toelichting",
     "20 tekens"),
    # unknown gedraging and other choices
    ({"gedraging": "geen"}, "gedraging", "uit de lijst"),
    ({"gedraging": "PW_TEGENPRESTATIE"}, "gedraging", "uit de lijst"),
    ({"gedraging": ["pw_tegenprestatie"]}, "gedraging", "uit de lijst"),
    ({"gedraging_tevens": "vrijwilligerswerk"}, "gedraging_tevens", "uit de lijst"),
    ({"verwijtbaarheid": "niet_vastgesteld"}, "verwijtbaarheid", "uit de lijst"),
    ({"horen": "achterwege"}, "horen", "uit de lijst"),
    # a tick box is yes or no, never "anything non-empty"
    ({"afwijken": "false", "afwijkend_percentage": "0.1"}, "afwijken", "vink aan"),
    ({"dringende_redenen": "misschien"}, "dringende_redenen", "ja of nee"),
    ({"benadelingsbedrag_niet_vast_te_stellen": [True]}, "benadelingsbedrag_niet_vast_te_stellen", "ja of nee"),
    # facts that cannot be true together
    ({"horen_datum": "2026-07-19"}, "horen_datum", "vóór de gedraging"),
    ({"horen_datum": "2026-08-26"}, "horen_datum", "na de bekendmaking"),
    ({"vorige_gedraging": "pw_tegenprestatie"}, "vorige_bekendmaking", "7:27"),
    ({"vorige_bekendmaking": "2025-08-01"}, "vorige_gedraging", "7:27"),
    ({"vorige_percentage": "0.2"}, "vorige_gedraging", "7:27"),
    ({"vorige_gedraging": "pw_tegenprestatie", "vorige_bekendmaking": "2026-07-21"}, "vorige_bekendmaking",
     "na deze gedraging"),
])
def test_foute_invoer_noemt_het_veld(anders, veld, woord):
    fouten = _fouten(**anders)
    assert veld in fouten, fouten
    assert any(woord.lower() in m.lower() for m in fouten[veld]), fouten[veld]
    assert all(m and "_" not in m for m in fouten[veld])


@pytest.mark.parametrize("gegevens", [None, [], "feiten", 12])
def test_geen_velden_geeft_een_fout_op_invoer(gegevens):
    with pytest.raises(ValidationError) as fout:
        verlaging._valideer(gegevens)
    assert "invoer" in fout.value.message_dict


@pytest.mark.parametrize("anders, veld, waarde", [
    ({"afwijken": "on", "afwijkend_percentage": "0,2", "afwijking_reden": "Hij verzorgde zijn zieke moeder."},
     "afwijkend_percentage", Decimal("0.2")),
    ({"afwijken": "on", "afwijkend_percentage": "0,2", "afwijking_reden": "Hij verzorgde zijn zieke moeder."},
     "afwijken", True),
    ({"dringende_redenen": "false"}, "dringende_redenen", False),
    ({"benadelingsbedrag": " 1999,99 "}, "benadelingsbedrag", Decimal("1999.99")),
    ({"benadelingsbedrag": 0}, "benadelingsbedrag", Decimal("0")),
    ({"vorige_gedraging": "pw_tegenprestatie", "vorige_bekendmaking": "2026-07-20", "vorige_duur_maanden": "2"},
     "vorige_duur_maanden", 2),
    ({"horen_datum": "2026-07-20"}, "horen_datum", dt.date(2026, 7, 20)),  # on the day of the gedraging
    ({"horen_datum": dt.datetime(2026, 8, 25, 9, 30)}, "horen_datum", dt.date(2026, 8, 25)),  # the bekendmaking day
])
def test_grenzen_die_wel_mogen(anders, veld, waarde):
    assert verlaging._valideer(feiten(**anders))[veld] == waarde


@pytest.mark.django_db
def test_niets_bewaard_en_de_regelkern_niet_gevraagd(inkomen, monkeypatch):
    zaak = lopende_bijstand(inkomen, 51).zaak
    gevraagd = []
    monkeypatch.setattr(verlaging, "_bereken", lambda v: gevraagd.append(v))
    with pytest.raises(ValidationError) as fout:
        verlaging.leg_vast(inkomen, zaak, feiten(benadelingsbedrag="-5", horen_datum="2026-07-01", afwijken="ja?"))
    assert {"benadelingsbedrag", "horen_datum", "afwijken"} <= set(fout.value.message_dict)
    assert not gevraagd and not Verlaging.objects.exists()


@pytest.mark.django_db
def test_wat_bewaard_wordt_is_waarmee_gerekend_is(inkomen):
    zaak = lopende_bijstand(inkomen, 52).zaak
    v = verlaging.leg_vast(inkomen, zaak, feiten(afwijken=True, afwijkend_percentage="0.1234",
                                                 afwijking_reden="Hij verzorgde in die weken zijn zieke moeder."))
    v.refresh_from_db()
    assert v.afwijkend_percentage == Decimal("0.1234")
    # Computed with 12,34 % of the norm at bekendmaking (€ 1.419,46), not with a rounded fraction.
    assert Decimal(str(v.resultaat["afstemming_verlaging_totaal"])) == (NORM * Decimal("0.1234")).quantize(Decimal("0.01"))
