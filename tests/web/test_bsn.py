"""BSN elfproef and postcode validation."""

import pytest
from django.core.exceptions import ValidationError

from maatwerk.personen.validators import elfproef, normaliseer_postcode, valideer_bsn, valideer_postcode


# 9*d1 + 8*d2 + ... + 2*d8 - d9 must be divisible by 11:
# 111222333: 9+8+7+12+10+8+9+6 = 69, 69-3 = 66 = 6*11
# 123456782: 9+16+21+24+25+24+21+16 = 156, 156-2 = 154 = 14*11
# 999999990: 9*44 = 396, 396-0 = 396 = 36*11
@pytest.mark.parametrize("bsn", ["111222333", "123456782", "999999990"])
def test_geldige_bsn(bsn):
    assert elfproef(bsn)
    valideer_bsn(bsn)


@pytest.mark.parametrize(
    "bsn",
    [
        "123456789",  # 156 - 9 = 147, not divisible by 11
        "111222334",  # 69 - 4 = 65
        "000000000",  # all zeros: passes the sum but is not a BSN
        "12345678",  # 8 digits
        "1234567820",  # 10 digits
        "12345678a",
        "１２３４５６７８２",  # full-width digits are not ASCII digits
        "",
    ],
)
def test_ongeldige_bsn(bsn):
    assert not elfproef(bsn)
    with pytest.raises(ValidationError) as fout:
        valideer_bsn(bsn)
    assert "BSN" in fout.value.messages[0]


def test_elfproef_melding_noemt_veld_en_elfproef():
    with pytest.raises(ValidationError) as fout:
        valideer_bsn("123456789")
    assert fout.value.messages == ["BSN: '123456789' is geen geldig burgerservicenummer (voldoet niet aan de elfproef)."]


@pytest.mark.parametrize("invoer,uit", [("2651ab", "2651 AB"), ("2651 AB", "2651 AB"), (" 2651 ab ", "2651 AB")])
def test_postcode_normaliseren(invoer, uit):
    assert normaliseer_postcode(invoer) == uit
    valideer_postcode(uit)


@pytest.mark.parametrize("postcode", ["0651 AB", "265 AB", "2651 A", "2651ab", "2651 SS", "ABCD EF"])
def test_ongeldige_postcode(postcode):
    with pytest.raises(ValidationError) as fout:
        valideer_postcode(postcode)
    assert fout.value.messages[0].startswith("Postcode:")


def test_inwoner_met_ongeldig_bsn_wordt_geweigerd(maak_inwoner, wmo):
    with pytest.raises(ValidationError) as fout:
        maak_inwoner(wmo, bsn="123456789")
    assert "bsn" in fout.value.message_dict
    assert "elfproef" in fout.value.message_dict["bsn"][0]


def test_dubbel_bsn_wordt_geweigerd(maak_inwoner, wmo):
    maak_inwoner(wmo, bsn="111222333")
    with pytest.raises(ValidationError) as fout:
        maak_inwoner(wmo, bsn="111222333")
    assert "bsn" in fout.value.message_dict
