"""Code lists: content against SPEC §4, the loader, and land-use value checks."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from cadastre_plugin.core import codelists
from cadastre_plugin.core.codelists import check_landuse, load, split_landuse
from cadastre_plugin.core.messages import CadastreError, Issue

# SPEC §4, as written there.
SPEC_LANDUSE = {
    "agricultural": "LUC LUK LUN BHK NHK CLN RSX RPH RDD NTS LMU NKH",
    "non_agricultural": "ONT ODT TSC DTS DVH DYT DGD DTT DKH DXH DNG DSK CQP CAN SKK SKT SKN SKC "
                        "TMD SKS SKX DGT DTL DNL DBV DSH DKV DCH DDT DDL DRA DCK TON TIN NTD SON "
                        "MNC PNK",
    "unused": "BCS DCS NCS",
}
SPEC_TRANSACTIONS = "CN TK TA TC XC TN CM CD GP CL TD DT SN TH GH".split()
SPEC_USER_TYPES = "GDC TKT TCN TSN TVN TNG CNN CDS UBS".split()

DATA_DIR = Path(codelists.__file__).parent
VIETNAMESE_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")


def has_vietnamese_marks(text: str) -> bool:
    decomposed = unicodedata.normalize("NFD", text)
    return any(unicodedata.combining(ch) for ch in decomposed) or bool(VIETNAMESE_LETTERS & set(text))


@pytest.fixture(scope="module")
def tt25():
    return load("landuse", "tt25_2014")


def test_tt25_has_the_53_spec_codes_in_spec_order(tt25):
    expected = [code for group in SPEC_LANDUSE.values() for code in group.split()]
    assert len(expected) == 53
    assert list(tt25.codes) == expected
    assert len(tt25) == 53


@pytest.mark.parametrize("group", SPEC_LANDUSE)
def test_tt25_groups(tt25, group):
    assert [c for c in tt25.codes if tt25.group(c) == group] == SPEC_LANDUSE[group].split()


@pytest.mark.parametrize("code,vi", [
    ("LUC", "Đất chuyên trồng lúa nước"), ("ONT", "Đất ở tại nông thôn"),
    ("ODT", "Đất ở tại đô thị"), ("CLN", "Đất trồng cây lâu năm"), ("BHK", "Đất bằng trồng cây hàng năm khác"),
    ("NTS", "Đất nuôi trồng thủy sản"), ("DGT", "Đất giao thông"), ("NCS", "Núi đá không có rừng cây"),
])
def test_tt25_known_names(tt25, code, vi):
    assert tt25.name(code) == vi
    assert tt25.name(code, "vi") == vi
    assert tt25.name(code, "en") and tt25.name(code, "en").isascii()


def test_default_landuse_version_is_tt25(tt25):
    assert load("landuse").version == "tt25_2014"
    assert load("landuse").codes == tt25.codes
    assert "25/2014" in tt25.source


def test_tt08_revision():
    tt08 = load("landuse", "tt08_2024")
    assert "08/2024" in tt08.source
    assert {"HNK", "CNT"} <= set(tt08.codes)
    assert "BHK" not in tt08 and "NHK" not in tt08
    assert tt08.replaced == {"BHK": "HNK", "NHK": "HNK"}
    assert tt08.group("CNT") == "agricultural"
    assert set(tt08.codes) - {"HNK", "CNT"} <= set(load("landuse", "tt25_2014").codes)


def test_transaction_types():
    tx = load("transaction_types")
    assert list(tx.codes) == SPEC_TRANSACTIONS
    assert tx.name("CN") == "Chuyển nhượng quyền sử dụng đất"
    assert tx.name("TC", "en") == "Mortgage"


def test_land_user_types():
    users = load("land_user_types")
    assert list(users.codes) == SPEC_USER_TYPES
    assert users.name("GDC") == "Hộ gia đình, cá nhân"


@pytest.mark.parametrize("path", sorted(DATA_DIR.glob("*.json")), ids=lambda p: p.name)
def test_every_file_is_well_formed(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {"list", "version", "source", "codes"} <= set(data)
    assert data["source"].strip()
    codes = [item["code"] for item in data["codes"]]
    assert len(codes) == len(set(codes)), "duplicate code"
    for item in data["codes"]:
        assert item["code"].isascii() and item["code"].isupper()
        assert item["vi"].strip() and item["en"].strip()
        assert item["en"].isascii(), item
        assert item["vi"] == unicodedata.normalize("NFC", item["vi"]), "Vietnamese must be NFC"
    # Names are real Vietnamese, with diacritics: nearly all carry some ("Đất", "ở", ...).
    with_marks = [item for item in data["codes"] if has_vietnamese_marks(item["vi"])]
    assert len(with_marks) >= 0.9 * len(data["codes"])


def test_available_and_loader_errors():
    listing = codelists.available()
    assert listing["landuse"] == ["tt25_2014", "tt08_2024"]  # oldest first
    assert set(listing) == {"landuse", "transaction_types", "land_user_types"}
    with pytest.raises(CadastreError) as info:
        load("nope")
    assert info.value.code == "codelist.unknown_list" and "landuse" in info.value.en
    with pytest.raises(CadastreError) as info:
        load("landuse", "tt99")
    assert "tt25_2014" in info.value.en and "tt25_2014" in info.value.vi


def test_unknown_code_and_bad_language(tt25):
    assert "XYZ" not in tt25 and "ONT" in tt25
    with pytest.raises(CadastreError) as info:
        tt25.name("XYZ")
    assert "XYZ" in info.value.en and "XYZ" in info.value.vi
    with pytest.raises(ValueError):
        tt25.name("ONT", "fr")


# --- composite land-use values --------------------------------------------------------------------

@pytest.mark.parametrize("value,parts", [
    ("ONT+CLN", ["ONT", "CLN"]), (" ONT + CLN ", ["ONT", "CLN"]), ("LUC", ["LUC"]),
    ("", []), (None, []), ("  ", []), ("ONT+", ["ONT", ""]),
])
def test_split_landuse(value, parts):
    assert split_landuse(value) == parts


@pytest.mark.parametrize("value", ["ONT", "ONT+CLN", "ODT+CLN+NTS", " LUC "])
def test_valid_values_have_no_issues(tt25, value):
    assert check_landuse(value, tt25) == []


@pytest.mark.parametrize("value", ["", None, "   "])
def test_empty_value(tt25, value):
    issues = check_landuse(value, tt25, where="parcel 12/3")
    assert [i.code for i in issues] == ["landuse.empty"]
    issue = issues[0]
    assert isinstance(issue, Issue) and issue.where == "parcel 12/3"
    assert "empty" in issue.en and "Chưa có mã loại đất" in issue.vi
    assert "25/2014" in issue.en and "25/2014" in issue.vi
    assert "+" in issue.en and "+" in issue.vi


def test_each_unknown_code_is_reported(tt25):
    issues = check_landuse("ONT+XYZ+CLN+QQQ", tt25)
    assert [i.code for i in issues] == ["landuse.unknown_code", "landuse.unknown_code"]
    assert [i.details["code"] for i in issues] == ["XYZ", "QQQ"]
    for issue, code in zip(issues, ["XYZ", "QQQ"]):
        assert f"'{code}'" in issue.en and f"'{code}'" in issue.vi
        assert "ONT+XYZ+CLN+QQQ" in issue.en
        assert "Accepted" in issue.en and "Chấp nhận" in issue.vi
        assert "Thông tư 25/2014" in issue.vi


def test_unknown_code_suggestions(tt25):
    [lower] = check_landuse("ont", tt25)
    assert "'ONT'" in lower.en and "'ONT'" in lower.vi
    [retired] = check_landuse("BHK", load("landuse", "tt08_2024"))
    assert retired.code == "landuse.unknown_code" and "'HNK'" in retired.en


def test_empty_part_and_duplicate(tt25):
    assert [i.code for i in check_landuse("ONT++CLN", tt25)] == ["landuse.empty_part"]
    assert [i.code for i in check_landuse("ONT+CLN+ONT", tt25)] == ["landuse.duplicate_code"]


def test_check_depends_on_version():
    assert check_landuse("BHK+CNT", load("landuse", "tt25_2014"))[0].details["code"] == "CNT"
    assert check_landuse("BHK+CNT", load("landuse", "tt08_2024"))[0].details["code"] == "BHK"
