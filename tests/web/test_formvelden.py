"""BedragVeld: amounts typed the Dutch way ("1.234,50", "€ 1.234,50", "1234,50", "1234.50", "1.234") are read as
the amount meant; misplaced separators get a Dutch message and the typed text stays in the input. One view test
per form family (personen, zaken, besluiten) posts "1.234,50" and finds Decimal("1234.50") stored."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django import forms
from django.test import Client

from maatwerk.besluiten.models import Besluit
from maatwerk.personen.models import Maandinkomen
from maatwerk.personen.services import maak_huishouden
from maatwerk.web.formvelden import BEDRAG_ONGELDIG, BEDRAG_SCHRIJFWIJZE, BedragVeld
from maatwerk.zaken.models import Status, Zaak
from maatwerk.zaken.intake import meld_via_intake

# ------------------------------------------------------------------ the field on its own

GOED = [
    ("1.234,50", Decimal("1234.50")),
    ("€ 1.234,50", Decimal("1234.50")),
    ("€1.234,50", Decimal("1234.50")),
    ("  1.234,50 € ", Decimal("1234.50")),
    ("€\u00a01.234,50", Decimal("1234.50")),  # no-break space, as copied from a bank statement
    ("1234,50", Decimal("1234.50")),
    ("1234,5", Decimal("1234.5")),
    ("1234.50", Decimal("1234.50")),
    ("1234.5", Decimal("1234.5")),
    ("1.234", Decimal("1234")),  # a valid thousands group: one thousand two hundred thirty-four euros
    ("12.345", Decimal("12345")),
    ("1.234.567,89", Decimal("1234567.89")),
    ("1 234,50", Decimal("1234.50")),
    ("1234", Decimal("1234")),
    ("0,50", Decimal("0.50")),
    (",50", Decimal("0.50")),
    ("0.5", Decimal("0.5")),
    ("1.5", Decimal("1.5")),  # one dot but no group of three: a decimal separator
    ("€ 25,-", Decimal("25")),
    ("1.250,-", Decimal("1250")),
    ("-250", Decimal("-250")),
    ("€ -1.234,50", Decimal("-1234.50")),
    ("\u22121.234,50", Decimal("-1234.50")),  # the real minus sign
]

FOUT = [
    ("1.23,4", BEDRAG_SCHRIJFWIJZE),
    ("1,2,3", BEDRAG_SCHRIJFWIJZE),
    ("12.34.56", BEDRAG_SCHRIJFWIJZE),
    ("1.2345,00", BEDRAG_SCHRIJFWIJZE),
    ("1,234.50", BEDRAG_SCHRIJFWIJZE),  # English notation: refused rather than guessed
    ("0.500,00", BEDRAG_SCHRIJFWIJZE),  # a group of thousands never starts with 0
    ("1234.", BEDRAG_SCHRIJFWIJZE),
    ("1,5,-", BEDRAG_SCHRIJFWIJZE),
    ("veel", BEDRAG_ONGELDIG),
    ("12a", BEDRAG_ONGELDIG),
    ("1e3", BEDRAG_ONGELDIG),
    ("NaN", BEDRAG_ONGELDIG),
    ("-", BEDRAG_ONGELDIG),
    ("--5", BEDRAG_ONGELDIG),
    ("1234,567", "Gebruik hoogstens 2 cijfers achter de komma."),
    ("0.500", "Gebruik hoogstens 2 cijfers achter de komma."),  # not five hundred: 0,500
    ("1234567890123", "Dit bedrag is te groot: gebruik hoogstens 12 cijfers."),
    ("12345678901", "Dit bedrag is te groot: gebruik hoogstens 10 cijfers voor de komma."),
]


class _Formulier(forms.Form):
    bedrag = BedragVeld(label="Bedrag", required=False)


@pytest.mark.parametrize(("invoer", "verwacht"), GOED)
def test_geldige_invoer_geeft_het_bedrag(invoer, verwacht):
    form = _Formulier({"bedrag": invoer})
    assert form.is_valid(), form.errors
    waarde = form.cleaned_data["bedrag"]
    assert isinstance(waarde, Decimal) and waarde == verwacht


@pytest.mark.parametrize(("invoer", "bericht"), FOUT)
def test_foute_invoer_geeft_een_nederlandse_melding(invoer, bericht):
    form = _Formulier({"bedrag": invoer})
    assert not form.is_valid()
    assert form.errors["bedrag"] == [bericht]
    assert f'value="{invoer}"' in str(form["bedrag"])  # what was typed stays in the input


def test_min_en_max_value_blijven_gelden_met_nederlandse_melding():
    veld = BedragVeld(min_value=0)
    with pytest.raises(forms.ValidationError) as fout:
        veld.clean("-1")
    assert fout.value.messages == ["Het bedrag kan niet negatief zijn."]
    assert veld.clean("0,00") == Decimal("0")
    veld = BedragVeld(min_value=Decimal("10"), max_value=Decimal("1000"))
    with pytest.raises(forms.ValidationError) as fout:
        veld.clean("9,99")
    assert fout.value.messages == ["Het bedrag moet ten minste € 10 zijn."]
    with pytest.raises(forms.ValidationError) as fout:
        veld.clean("1.000,01")
    assert fout.value.messages == ["Het bedrag mag hoogstens € 1000 zijn."]


def test_leeg_en_alleen_een_euroteken():
    assert BedragVeld(required=False).clean("") is None
    assert BedragVeld(required=False).clean(" € ") is None
    with pytest.raises(forms.ValidationError) as fout:
        BedragVeld(error_messages={"required": "Vul het bedrag in."}).clean("€")
    assert fout.value.messages == ["Vul het bedrag in."]


def test_getallen_die_geen_tekst_zijn():
    veld = BedragVeld()
    assert veld.clean(Decimal("12.50")) == Decimal("12.50")
    assert veld.clean(12) == Decimal("12")
    assert veld.clean(0.1) == Decimal("0.1")


def test_invoerveld_is_tekst_met_decimaal_toetsenbord_en_toont_een_komma():
    html = str(_Formulier(initial={"bedrag": Decimal("1234.50")})["bedrag"])
    assert 'type="text"' in html and 'inputmode="decimal"' in html and 'value="1234,50"' in html
    assert _Formulier({"bedrag": "1234,50"}).is_valid()  # what is shown reads back


# ------------------------------------------------------------------ one view per form family

met_db = pytest.mark.django_db  # only the view tests need the database


def _client(user) -> Client:
    c = Client(raise_request_exception=True)
    c.force_login(user)
    return c


@pytest.fixture
def huishouden(wmo, maak_inwoner):
    aanvrager = maak_inwoner(wmo, voornamen="Floris", achternaam="Dekker")
    return maak_huishouden(wmo, naam="Huishouden Dekker", aanvrager=aanvrager), aanvrager


@met_db
def test_personen_melding_en_inkomen_bewaren_1_234_50(wmo, inkomen, huishouden):
    hh, floris = huishouden
    antwoord = _client(wmo).post(f"/huishoudens/{hh.pk}/melding/", {
        "melding-hoofdpersoon": floris.pk, "melding-regeling": "wmo_maatwerkvoorziening",
        "melding-omschrijving": "Een scootmobiel.", "melding-ontvangen_op": "2026-01-05", "melding-kosten": "€ 1.234,50"})
    assert antwoord.status_code == 302
    assert Zaak.objects.get(hoofdpersoon=floris).kosten == Decimal("1234.50")

    # income: the inkomen consulent comes in through the intake route and sees the household through his zaak
    meld_via_intake(inkomen, bsn=floris.bsn, geboortedatum=floris.geboortedatum, regeling="bijzondere_bijstand",
                    ontvangen_op=dt.date(2026, 1, 5), omschrijving="Inrichting",
                    reden="Floris vraagt aan de balie om bijzondere bijstand voor de inrichting.")
    c = _client(inkomen)
    url = f"/huishoudens/{hh.pk}/inkomen/"
    antwoord = c.post(url, {"formulier": "inkomen", "inkomen-inwoner": floris.pk, "inkomen-maand": "2026-01",
                            "inkomen-soort": "loon", "inkomen-netto_bedrag": "1.234,50"})
    assert antwoord.status_code == 302
    assert Maandinkomen.objects.get(inwoner=floris).netto_bedrag == Decimal("1234.50")

    fout = c.post(url, {"formulier": "inkomen", "inkomen-inwoner": floris.pk, "inkomen-maand": "2026-02",
                        "inkomen-soort": "loon", "inkomen-netto_bedrag": "1.23,4"})
    tekst = fout.content.decode()
    assert fout.status_code == 400 and "Schrijf een bedrag als 1.234,50" in tekst and 'value="1.23,4"' in tekst
    assert "Netto bedrag per maand in euro&#x27;s: Schrijf een bedrag als 1.234,50" in tekst  # summary names the field
    assert Maandinkomen.objects.filter(inwoner=floris).count() == 1


@met_db
def test_zaken_stap_klaar_voor_besluit_bewaart_1_234_50(wmo, maak_zaak, breng_in, leg_bevindingen_vast):
    zaak = breng_in(maak_zaak(wmo), Status.BEOORDELING, wmo)
    leg_bevindingen_vast(zaak, wmo)
    antwoord = _client(wmo).post(f"/zaken/{zaak.pk}/overgang/", {
        "naar": "klaar_voor_besluit", "stap-klaar_voor_besluit-datum": "2026-01-22",
        "stap-klaar_voor_besluit-uitkomst": "toegekend", "stap-klaar_voor_besluit-bedrag": "1.234,50"})
    assert antwoord.status_code == 302
    zaak.refresh_from_db()
    assert zaak.status == Status.KLAAR_VOOR_BESLUIT and zaak.voorstel_bedrag == Decimal("1234.50")


@met_db
def test_besluiten_wijzigen_bewaart_1_234_50(wmo, maak_zaak, breng_in, wmo_natura):
    zaak = breng_in(maak_zaak(wmo), Status.KLAAR_VOOR_BESLUIT, wmo)
    c = _client(wmo)
    assert c.post(f"/besluiten/zaak/{zaak.pk}/opstellen/").status_code == 302
    besluit = Besluit.objects.get(zaak=zaak)
    velden = {k: v.isoformat() if hasattr(v, "isoformat") else "true" if v is True else v for k, v in wmo_natura.items()}
    antwoord = c.post(f"/besluiten/{besluit.pk}/wijzigen/", {**velden, "pgb_bedrag": "1.234,50"})
    assert antwoord.status_code == 302
    besluit.refresh_from_db()
    assert besluit.pgb_bedrag == Decimal("1234.50")

    fout = c.post(f"/besluiten/{besluit.pk}/wijzigen/", {**velden, "pgb_bedrag": "1,2,3"})
    assert fout.status_code == 400 and 'value="1,2,3"' in fout.content.decode()
    assert "Schrijf een bedrag als 1.234,50" in fout.content.decode()
    besluit.refresh_from_db()
    assert besluit.pgb_bedrag == Decimal("1234.50")
