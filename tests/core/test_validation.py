"""Record checks: messages say what is wrong, where, and what to do, in both languages."""
from fractions import Fraction

import pytest
import shapely

from cadastre_plugin.core import codelists
from cadastre_plugin.core.messages import ValidationFailed
from cadastre_plugin.core.model import Parcel, Party, Share
from cadastre_plugin.core.validation import (check_cccd, check_parcel, check_party, check_shares,
                                             check_tax_code, require)

LANDUSE = codelists.load("landuse")


@pytest.mark.parametrize("value,birth_year", [
    ("031085012345", 1985),   # male, 20th century, Hải Phòng
    ("001305123456", 2005),   # female, 21st century, Hà Nội
    ("079190000001", 1990),   # female, 20th century, TP Hồ Chí Minh
])
def test_valid_cccd(value, birth_year):
    assert check_cccd(value, birth_year) == []


@pytest.mark.parametrize("value,code", [
    ("03108501234", "cccd.format"),      # 11 digits
    ("0310850123456", "cccd.format"),    # 13 digits
    ("03108501234A", "cccd.format"),
    ("", "cccd.format"),
    ("099085012345", "cccd.province"),   # 099 is no province
    ("131085012345", "cccd.province"),
])
def test_invalid_cccd_is_named_with_what_to_do(value, code):
    issues = check_cccd(value)
    assert [i.code for i in issues] == [code]
    assert f"'{value}'" in issues[0].en and f"'{value}'" in issues[0].vi
    assert "check" in issues[0].en and "kiểm tra" in issues[0].vi


def test_cccd_birth_year_must_agree():
    (issue,) = check_cccd("031085012345", 1958)
    assert issue.code == "cccd.birth_year" and "1985" in issue.en and "1958" in issue.en


def test_shares_must_sum_to_exactly_one():
    thirds = [Share(p, Fraction(1, 3)) for p in "abc"]
    assert check_shares(thirds) == []  # exact: 1/3 + 1/3 + 1/3 == 1
    (issue,) = check_shares(thirds[:2])
    assert issue.code == "shares.sum" and "2/3" in issue.en and "2/3" in issue.vi
    assert check_shares([])[0].code == "shares.empty"
    codes = {i.code for i in check_shares([Share("a", Fraction(1)), Share("a", Fraction(0))])}
    assert {"shares.non_positive", "shares.duplicate_party"} <= codes


def test_tax_codes():
    assert check_tax_code("0100686174") == []
    assert check_tax_code("0100686174-203") == []
    assert check_tax_code("01006861")[0].code == "tax_code.format"


def test_parcel_checks_report_every_problem_at_once():
    good = Parcel("11686", 3, 125, shapely.box(0, 0, 10, 10), area=100.0, landuse="ONT+CLN")
    assert check_parcel(good, LANDUSE) == []
    bad = Parcel("1168", 0, 125, shapely.box(0, 0, 10, 10), area=-1.0, landuse="XYZ")
    codes = {i.code for i in check_parcel(bad, LANDUSE)}
    assert {"parcel.commune_code", "parcel.sheet_no", "parcel.area"} <= codes
    assert any(c.startswith("landuse.") for c in codes)
    with pytest.raises(ValidationFailed) as err:
        require(check_parcel(bad, LANDUSE))
    assert len(err.value.issues) >= 4 and "more" in err.value.en


def test_party_checks():
    person = Party("individual", "Nguyễn Văn An", birth_year=1985, citizen_id="031085012345")
    assert check_party(person) == []
    nameless = Party("individual", " ", citizen_id="123")
    assert {i.code for i in check_party(nameless)} == {"party.name", "cccd.format"}
    org = Party("organisation", "Công ty TNHH Một Thành Viên", tax_code="12")
    assert [i.code for i in check_party(org)] == ["tax_code.format"]
