"""Attribute rules: parcel numbers, land-use and commune codes, areas, minimum split area,
sheet membership; and rules whose input a source lacks are skipped, not run on blanks."""
import json

import numpy as np
import shapely

from cadastre_plugin.core.demo import DEMO_COMMUNE
from cadastre_plugin.core.model import Commune
from cadastre_plugin.core.quality import CheckContext, run_rules
from cadastre_plugin.core.quality.min_split_area import commune_kind, for_commune, load_config
from cadastre_plugin.core.quality.registry import create

from quality_helpers import bilingual, rect

SQUARES = [rect(i * 20, 0, i * 20 + 10, 10) for i in range(4)]


def check(rules, geoms=SQUARES, **columns):
    return run_rules(CheckContext(geoms, **columns), create(rules))


# -- parcel numbers --------------------------------------------------------------------------
def test_duplicate_number_on_one_sheet_names_sheet_number_and_all_parcels():
    r = check(["CAD-DUPLICATE-NUMBER"], sheet_no=[3, 3, 3, 4], parcel_no=[125, 125, 7, 125])
    [f] = r.findings
    assert f.rows == (0, 1)
    assert "Parcel number 125" in f.en and "sheet 3" in f.en
    assert "Số thửa 125" in f.vi and "tờ 3" in f.vi
    assert f.geometry.equals(shapely.MultiPolygon(SQUARES[:2]))
    bilingual(f)


def test_numbers_as_text_float_or_int_are_the_same_number():
    r = check(["CAD-DUPLICATE-NUMBER"], sheet_no=["3", 3.0, 3, None], parcel_no=[12, "12", 12.0, 12])
    [f] = r.findings
    assert f.rows == (0, 1, 2)


def test_missing_numbers_are_not_duplicates_of_each_other():
    r = check(["CAD-DUPLICATE-NUMBER"], sheet_no=[1, 1, 1, 1], parcel_no=[None, None, 1, 2])
    assert r.findings == []


# -- land use --------------------------------------------------------------------------------
def test_unknown_missing_and_composite_land_use():
    r = check(["CAD-LANDUSE-CODE"], landuse=["ONT+CLN", "XYZ", None, "ONT+KHAC"])
    rows = [f.rows for f in r.findings]
    assert rows == [(1,), (2,), (3,)]
    unknown, missing, part = r.findings
    assert "XYZ" in unknown.en and "không có trong danh mục" in unknown.vi
    assert "empty" in missing.en and missing.details["value"] is None
    assert "KHAC" in part.en
    assert unknown.geometry.equals(SQUARES[1])


def test_land_use_suggests_the_likely_code():
    r = check(["CAD-LANDUSE-CODE"], landuse=["ont", "ONT", "ONT", "ONT"])
    assert "Did you mean 'ONT'" in r.findings[0].en


# -- commune codes ---------------------------------------------------------------------------
def test_commune_code_format_and_working_copy_commune():
    r = run_rules(CheckContext(SQUARES, commune_code=["11686", "1168A", "11687", None],
                               commune=DEMO_COMMUNE), create(["CAD-COMMUNE-CODE"]))
    assert [f.rows for f in r.findings] == [(1,), (2,), (3,)]
    assert "not a 5-digit" in r.findings[0].en
    assert "commune 11686" in r.findings[1].en and "xã 11686" in r.findings[1].vi


def test_numeric_commune_codes_that_lost_their_leading_zeros_are_accepted():
    r = check(["CAD-COMMUNE-CODE"], commune_code=[256, "00256", 256.0, "00256"])
    assert r.findings == []


# -- areas -----------------------------------------------------------------------------------
def test_area_discrepancy_beyond_ratio_and_amount():
    # Each square measures 100 m²: 104 is within 5 %, 90 is not, 100.9 and None are fine.
    r = check(["CAD-AREA-DISCREPANCY"], legal_area=[104, 90, 100.9, None])
    [f] = r.findings
    assert f.rows == (1,) and f.severity == "warning"
    assert "100.0 m²" in f.en and "90.0 m²" in f.en and "11.1 %" in f.en  # of the legal area


def test_small_parcels_need_more_than_the_ratio():
    tiny = [rect(0, 0, 2, 2)]  # 4 m²: 10 % is 0.4 m², below the 1 m² floor
    assert check(["CAD-AREA-DISCREPANCY"], geoms=tiny, legal_area=[4.4]).findings == []


# -- minimum split area ----------------------------------------------------------------------
def test_config_has_citations_and_the_three_example_provinces():
    config = load_config()
    assert {"01", "79", "31"} <= set(config)
    for entry in config.values():
        assert entry["citation"] and entry["thresholds"]
        for t in entry["thresholds"]:
            assert t["min_area_m2"] > 0 and t["landuse"]
    assert "61/2024/QĐ-UBND" in config["01"]["citation"]
    assert "100/2024/QĐ-UBND" in config["79"]["citation"]


def test_commune_kind_from_its_name():
    assert commune_kind("Phường Đằng Giang") == "phuong"
    assert commune_kind("Thị trấn An Dương") == "thi_tran"
    assert commune_kind("Xã Tân Tiến") == "xa"
    assert commune_kind("Khu công nghiệp") == ""


def test_parcel_below_the_provinces_minimum_is_a_warning_with_the_citation():
    ctx = CheckContext([rect(0, 0, 5, 8), rect(10, 0, 20, 10), rect(30, 0, 35, 8)],
                       landuse=["ONT", "ONT", "LUC"], commune=DEMO_COMMUNE,
                       min_split=for_commune(DEMO_COMMUNE))
    [f] = run_rules(ctx, create(["CAD-MIN-SPLIT-AREA"])).findings
    assert f.rows == (0,) and f.severity == "warning"
    assert "40.0 m²" in f.en and "60 m²" in f.en and "Hải Phòng" in f.en
    assert "example value" in f.en and "giá trị ví dụ" in f.vi  # Hải Phòng is not verified
    assert f.details["citation"] == for_commune(DEMO_COMMUNE).citation


def test_district_zones_pick_the_right_threshold():
    ward = Commune("26734", "Phường Bến Nghé", 9210, "760", "Quận 1", "79", "TP Hồ Chí Minh")
    rural = Commune("27595", "Xã Tân Thông Hội", 9210, "783", "Huyện Củ Chi", "79", "TP Hồ Chí Minh")
    assert for_commune(ward).for_landuse("ODT").min_area_m2 == 36
    assert for_commune(rural).for_landuse("ONT").min_area_m2 == 80
    assert for_commune(Commune("00001", "Xã X", 9210, "", "", "99", "")) is None


def test_min_split_is_skipped_without_a_configured_province():
    r = check(["CAD-MIN-SPLIT-AREA"], landuse=["ONT"] * 4)
    assert r.findings == [] and r.skipped == [("CAD-MIN-SPLIT-AREA", ["min_split"])]


def test_custom_config_file(tmp_path):
    path = tmp_path / "rules.json"
    path.write_text(json.dumps({"provinces": {"31": {"name": "HP", "citation": "QĐ thử",
                                                     "thresholds": [{"landuse": ["LUC"],
                                                                     "min_area_m2": 500}]}}}))
    cfg = for_commune(DEMO_COMMUNE, path)
    assert cfg.for_landuse("LUC").min_area_m2 == 500 and cfg.for_landuse("ONT") is None


# -- sheets ----------------------------------------------------------------------------------
def test_parcel_with_another_sheets_number_is_outside_its_sheet(commune):
    attrs = {k: v.copy() for k, v in commune.attrs.items()}
    sheets = sorted({int(s) for s in attrs["sheet_no"]})
    r = int(np.flatnonzero(attrs["sheet_no"] == sheets[0])[0])
    attrs["sheet_no"][r] = sheets[1]
    attrs["sheet_no"][r + 1] = 999
    findings = run_rules(commune.context(attrs=attrs), create(["CAD-OUTSIDE-SHEET"])).findings
    assert [f.rows for f in findings] == [(r + 1,), (r,)]
    missing, moved = findings
    assert "no map sheet 999" in missing.en and "không có tờ bản đồ số 999" in missing.vi
    assert f"label point is on sheet {sheets[0]}" in moved.en
    frame = commune.sheets[(commune.commune.code, sheets[1])].frame
    assert moved.geometry.equals(commune.geoms[r].difference(frame))


def test_a_bad_commune_code_does_not_also_make_the_parcel_outside_its_sheet(commune):
    attrs = {k: v.copy() for k, v in commune.attrs.items()}
    attrs["commune_code"][5] = "ABCDE"
    findings = run_rules(commune.context(attrs=attrs)).findings
    assert [f.rule for f in findings] == ["CAD-COMMUNE-CODE"]


# -- inputs ----------------------------------------------------------------------------------
def test_rules_without_their_input_are_skipped_and_say_why():
    r = run_rules(CheckContext(SQUARES))
    skipped = dict(r.skipped)
    assert skipped["CAD-DUPLICATE-NUMBER"] == ["sheet_no", "parcel_no"]
    assert skipped["CAD-LANDUSE-CODE"] == ["landuse"]
    assert "CAD-OVERLAP" in r.rules and r.findings == []
