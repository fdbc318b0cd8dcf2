"""Field detection, mapping files, value conversion and holder kinds (pure core)."""
import pytest

from cadastre_plugin.core.imports.fieldnames import VN_FIELDS, detect
from cadastre_plugin.core.imports.holders import party_kind
from cadastre_plugin.core.imports.mapping import FieldMapping, Source
from cadastre_plugin.core.imports.presets import auto
from cadastre_plugin.core.imports.rows import to_int, to_timestamp
from cadastre_plugin.core.messages import CadastreError


def test_full_names_short_forms_and_cut_offs_are_recognised():
    full = detect(["MaXa", "SoHieuToBanDo", "SoThuTuThua", "DienTich", "DienTichPhapLy",
                   "KyHieuMucDichSuDung", "TenChu", "DiaChi", "SoHieuToBanDoCu", "SoThuTuThuaCu"])
    assert full["sheet_no"] == "SoHieuToBanDo" and full["old_sheet_no"] == "SoHieuToBanDoCu"
    # GDAL's cut of both SoHieuToBanDo and SoHieuToBanDoCu is SoHieuToBa, then SoHieuTo_1
    cut = detect(["MAXA", "SoHieuToBa", "SoThuTuTh", "KyHieuMucD", "DienTichPh", "SoHieuTo_1"])
    assert (cut["commune_code"], cut["sheet_no"], cut["parcel_no"], cut["landuse"],
            cut["legal_area"]) == ("MAXA", "SoHieuToBa", "SoThuTuTh", "KyHieuMucD", "DienTichPh")
    assert "old_sheet_no" not in cut  # "SoHieuTo_1" is too cut to say which it was
    spelled = detect(["so_to", "SO_THUA", "Loại đất", "Diện tích"])
    assert spelled == {"sheet_no": "so_to", "parcel_no": "SO_THUA", "landuse": "Loại đất",
                       "area": "Diện tích"}
    assert detect(["x", "y", "name"]) == {}


def test_export_short_names_fit_dbase_and_never_collide():
    shorts = [f.short for f in VN_FIELDS]
    assert all(len(s) <= 10 for s in shorts) and len(set(shorts)) == len(shorts)
    # and reading our own export back recognises every field
    assert set(detect(shorts)) == {f.target for f in VN_FIELDS}


def test_auto_prefers_the_preset_that_finds_the_numbers():
    assert auto(["IDU", "TEX", "SUPF"]).name == "edigeo-pci"
    assert auto(["SoHieuToBa", "SoThuTuThu"]).name == "vn"


def test_mapping_json_round_trip_and_patterns():
    m = FieldMapping({"sheet_no": Source(value=3), "parcel_no": Source("IDU", pattern=r"(\d{4})$"),
                      "landuse": Source("LOAI")}, "x")
    back = FieldMapping.from_json(m.to_json())
    assert back.fields == m.fields
    assert back.fields["parcel_no"].get({"IDU": "354000AB0254"}) == "0254"
    assert back.fields["parcel_no"].get({"IDU": "none"}) is None
    with pytest.raises(CadastreError, match="parcel number"):
        FieldMapping({"sheet_no": Source(value=1)}).check(["a"])
    with pytest.raises(CadastreError, match="version 2"):
        FieldMapping.from_json({"version": 2, "fields": {}})


@pytest.mark.parametrize("raw,expected", [
    (12, (12, True)), (12.0, (12, True)), ("012", (12, True)), (" 12.0 ", (12, True)),
    (None, (None, True)), ("", (None, True)), ("12a", (None, False)), (12.5, (None, False)),
    (True, (None, False))])
def test_whole_numbers_from_what_sources_hold(raw, expected):
    assert to_int(raw) == expected


@pytest.mark.parametrize("raw,expected", [
    ("15/10/1993", "1993-10-15T00:00:00Z"), ("1993/10/15", "1993-10-15T00:00:00Z"),
    ("1993-10-15T08:30:00Z", "1993-10-15T08:30:00Z"), ("19931015", "1993-10-15T00:00:00Z")])
def test_dates_in_vietnamese_and_iso_forms(raw, expected):
    assert to_timestamp(raw) == (expected, True)
    assert to_timestamp("sometime") == (None, False)


@pytest.mark.parametrize("name,kind", [
    ("Nguyễn Văn An", "individual"), ("Hộ ông Trần Văn Bình", "household"),
    ("Hộ gia đình bà Lê Thị Cúc", "household"),
    ("Ông Lê Văn Cường và bà Phạm Thị Dung", "couple"), ("UBND xã Tân Tiến", "organisation"),
    ("Công ty TNHH Hải Long", "organisation"), ("Cộng đồng dân cư thôn Đông", "community"),
    ("Trường Tiểu học Tân Tiến", "organisation")])
def test_party_kind_from_holder_names(name, kind):
    assert party_kind(name) == kind
