"""VN-2000 zone lookup and the EPSG:6960 transformation (plain pytest, no QGIS)."""
from __future__ import annotations

import ast
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from pyproj import CRS, Geod, Transformer
from pyproj.crs import CoordinateOperation
from pyproj.transformer import TransformerGroup

from cadastre_plugin.core import crs
from cadastre_plugin.core.messages import CadastreError

# SPEC §4 table, transcribed as written there: meridian (degrees, minutes) -> (EPSG, provinces).
SPEC_TM3 = {
    (103, 0): (9205, ["Lai Châu", "Điện Biên"]),
    (104, 0): (9206, ["Sơn La"]),
    (104, 30): (9207, ["Kiên Giang", "Cà Mau"]),
    (104, 45): (9208, ["Lào Cai", "Yên Bái", "Nghệ An", "Phú Thọ", "An Giang"]),
    (105, 0): (5897, ["Hà Nội", "Cần Thơ", "Hậu Giang", "Thanh Hóa", "Vĩnh Phúc", "Đồng Tháp",
                      "Bạc Liêu", "Ninh Bình", "Hà Nam"]),
    (105, 30): (9209, ["Hà Giang", "Hải Dương", "Hà Tĩnh", "Bắc Ninh", "Hưng Yên", "Thái Bình",
                       "Nam Định", "Tây Ninh", "Vĩnh Long", "Sóc Trăng", "Trà Vinh"]),
    (105, 45): (9210, ["Hải Phòng", "TP Hồ Chí Minh", "Bình Dương", "Cao Bằng", "Long An",
                       "Tiền Giang", "Bến Tre"]),
    (106, 0): (9211, ["Tuyên Quang", "Hòa Bình", "Quảng Bình"]),
    (106, 15): (9212, ["Quảng Trị", "Bình Phước"]),
    (106, 30): (9213, ["Bắc Kạn", "Thái Nguyên"]),
    (107, 0): (9214, ["Bắc Giang", "Thừa Thiên-Huế"]),
    (107, 15): (9215, ["Lạng Sơn"]),
    (107, 30): (9216, ["Kon Tum"]),
    (107, 45): (5899, ["Quảng Nam", "Đà Nẵng", "Quảng Ninh", "Đồng Nai", "Bà Rịa-Vũng Tàu",
                       "Lâm Đồng"]),
    (108, 0): (5898, ["Quảng Ngãi"]),
    (108, 15): (9217, ["Ninh Thuận", "Khánh Hòa", "Bình Định"]),
    (108, 30): (9218, ["Đắk Lắk", "Đắk Nông", "Phú Yên", "Gia Lai", "Bình Thuận"]),
}
SPEC_ROWS = [(name, epsg, d + m / 60) for (d, m), (epsg, names) in SPEC_TM3.items() for name in names]

# One point per zone family, in the province it serves: (epsg, lon, lat) in VN-2000 geographic.
SAMPLE_POINTS = [
    (5897, 105.85, 21.03),   # Hà Nội
    (9210, 106.70, 10.78),   # TP Hồ Chí Minh
    (5899, 108.20, 16.05),   # Đà Nẵng
    (9205, 103.45, 22.40),   # Lai Châu
    (9207, 105.15, 9.18),    # Cà Mau
    (9218, 108.05, 12.67),   # Đắk Lắk
    (9215, 106.76, 21.85),   # Lạng Sơn
    (5898, 108.80, 15.12),   # Quảng Ngãi
]

GEOD = Geod(ellps="WGS84")


def distance_m(lon1, lat1, lon2, lat2):
    return np.asarray(GEOD.inv(lon1, lat1, lon2, lat2)[2])


def projected(epsg, lon, lat):
    """VN-2000 lon/lat -> TM-3 easting/northing (a pure map projection, no datum shift)."""
    return Transformer.from_crs("EPSG:4756", f"EPSG:{epsg}", always_xy=True).transform(lon, lat)


def pyproj_operation(epsg: int, transformation_code: int):
    """pyproj's own route EPSG:{epsg} -> EPSG:4326 through the given EPSG transformation.

    The VN-2000 -> WGS 84 step is chosen from pyproj's TransformerGroup for EPSG:4756 -> 4326 by
    the EPSG id of the transformation (never by list position); for some zones PROJ does not
    offer EPSG:5194 directly on the projected CRS, hence the explicit inverse projection first.
    """
    group = TransformerGroup("EPSG:4756", "EPSG:4326", always_xy=True)
    matches = [t for t in group.transformers
               if {"authority": "EPSG", "code": transformation_code} in _step_ids(t.to_json_dict())]
    assert len(matches) == 1, [t.name for t in group.transformers]
    datum_shift = matches[0]
    unproject = Transformer.from_crs(f"EPSG:{epsg}", "EPSG:4756", always_xy=True)

    class _Route:
        name = datum_shift.name

        @staticmethod
        def transform(x, y):
            return datum_shift.transform(*unproject.transform(x, y))

    return _Route()


def _step_ids(node) -> list[dict]:
    if isinstance(node, dict):
        ids = [node["id"]] if node.get("type") == "Transformation" and "id" in node else []
        return ids + [i for k, v in node.items() if k not in ("source_crs", "target_crs")
                      for i in _step_ids(v)]
    if isinstance(node, list):
        return [i for v in node for i in _step_ids(v)]
    return []


# --- province table ---------------------------------------------------------------------------

def test_table_has_63_distinct_provinces():
    assert len(crs.PROVINCES) == 63
    assert len({p.name for p in crs.PROVINCES}) == 63
    assert len({p.key for p in crs.PROVINCES}) == 63
    assert len({p.gso_code for p in crs.PROVINCES}) == 63


def test_spec_table_lists_63_provinces_each_once_and_they_are_ours():
    assert len(SPEC_ROWS) == 63
    resolved = [crs.find_province(name) for name, _, _ in SPEC_ROWS]
    assert len(set(resolved)) == 63
    assert set(resolved) == set(crs.PROVINCES)


@pytest.mark.parametrize("name,epsg,meridian", SPEC_ROWS)
def test_province_matches_spec(name, epsg, meridian):
    assert crs.province_crs(name) == epsg
    assert crs.find_province(name).meridian == pytest.approx(meridian, abs=1e-12)
    assert crs.central_meridian(epsg) == pytest.approx(meridian, abs=1e-12)


@pytest.mark.parametrize("name,code", [
    ("Hà Nội", "01"), ("Hà Giang", "02"), ("Cao Bằng", "04"), ("Điện Biên", "11"),
    ("Quảng Ninh", "22"), ("Hải Phòng", "31"), ("Thanh Hóa", "38"), ("Thừa Thiên Huế", "46"),
    ("Đà Nẵng", "48"), ("Khánh Hòa", "56"), ("Đắk Nông", "67"), ("Bà Rịa-Vũng Tàu", "77"),
    ("TP Hồ Chí Minh", "79"), ("Cần Thơ", "92"), ("Cà Mau", "96"),
])
def test_gso_codes(name, code):
    assert crs.find_province(name).gso_code == code
    assert crs.find_province(code).name == name


def test_gso_codes_are_two_digits_in_table_order():
    codes = [p.gso_code for p in crs.PROVINCES]
    assert all(len(c) == 2 and c.isdigit() for c in codes)
    assert codes == sorted(codes)
    assert codes[0] == "01" and codes[-1] == "96"


def test_keys_are_folded_names():
    for p in crs.PROVINCES:
        words = crs.fold(p.name).split()
        if words[0] == "tp":
            words = words[1:]
        assert p.key == "_".join(words)
        assert p.key.isascii()


@pytest.mark.parametrize("province", crs.PROVINCES, ids=lambda p: p.key)
def test_every_province_resolves_in_every_spelling(province):
    spellings = [
        province.name, province.name.upper(), province.name.lower(), crs.fold(province.name),
        province.key, f"Tỉnh {province.name}", f"Thành phố {province.name}",
        f"TP. {province.name}", f"  {province.name}  ", province.gso_code, int(province.gso_code),
    ]
    for spelling in spellings:
        assert crs.province_crs(spelling) == province.epsg, spelling


@pytest.mark.parametrize("text,epsg", [
    ("ha noi", 5897), ("HANOI", 5897), ("TP Hà Nội", 5897), ("thanh pho ha noi", 5897), ("1", 5897),
    ("Thanh Hoa", 5897),           # starts like "Thành phố": must not lose its first word
    ("Thành phố Hồ Chí Minh", 9210), ("TP.HCM", 9210), ("tphcm", 9210), ("Ho Chi Minh", 9210),
    ("Thừa Thiên-Huế", 9214), ("Thành phố Huế", 9214), ("thua thien hue", 9214),
    ("Bà Rịa – Vũng Tàu", 5899), ("tinh ba ria vung tau", 5899), ("Đắc Lắc", 9218),
    ("DAK LAK", 9218), ("Kontum", 9216), ("Bắc Cạn", 9213), ("Hoà Bình", 9211),
])
def test_name_variants(text, epsg):
    assert crs.province_crs(text) == epsg


@pytest.mark.parametrize("bad", ["Atlantis", "", "   ", "00", "03", "100", "Hà", "TP", None, True])
def test_unknown_province_raises_bilingual(bad):
    with pytest.raises(CadastreError) as info:
        crs.province_crs(bad)
    err = info.value
    assert err.code == "crs.unknown_province"
    shown = "" if bad in (None, True) else str(bad).strip()
    assert f"'{shown}'" in err.en and f"'{shown}'" in err.vi
    assert "2-digit" in err.en and "name" in err.en
    assert "mã tỉnh 2 chữ số" in err.vi and "tên" in err.vi
    assert err.en != err.vi


def test_unknown_province_suggests_close_name():
    with pytest.raises(CadastreError) as info:
        crs.province_crs("Ha Noj")
    assert "Hà Nội" in info.value.en and "Hà Nội" in info.value.vi


# --- commune CRS ------------------------------------------------------------------------------

def test_commune_crs_takes_precedence_over_province():
    # A merged province spanning two legacy zones: the commune's own zone wins.
    assert crs.commune_crs(9209, "Hà Nội") == 9209
    assert crs.commune_crs("EPSG:9210", "Hà Nội") == 9210
    assert crs.commune_crs(3405, None) == 3405


def test_commune_crs_falls_back_to_province():
    assert crs.commune_crs(None, "Đà Nẵng") == 5899
    assert crs.commune_crs("", "79") == 9210


@pytest.mark.parametrize("bad", [4326, 4756, 5896, 32648, "EPSG:3857", "abc", 0])
def test_commune_crs_rejects_non_vn2000_even_with_a_province(bad):
    with pytest.raises(CadastreError) as info:
        crs.commune_crs(bad, "Hà Nội")
    assert info.value.code == "crs.not_vn2000"
    assert str(bad) in info.value.en and str(bad) in info.value.vi
    assert "9210" in info.value.en and "3405" in info.value.vi


def test_commune_crs_without_anything_raises():
    with pytest.raises(CadastreError) as info:
        crs.commune_crs(None, None)
    assert info.value.code == "crs.missing"
    assert info.value.vi != info.value.en


# --- zones against PROJ's EPSG database ----------------------------------------------------------

def test_tm3_codes_are_the_17_of_the_spec():
    assert crs.TM3_EPSG_CODES == {epsg for epsg, _ in SPEC_TM3.values()}
    assert len(crs.TM3_EPSG_CODES) == 17


def _params(epsg):
    return {int(p.code): p for p in CRS.from_epsg(epsg).coordinate_operation.params}


@pytest.mark.parametrize("epsg", sorted(crs.TM3_EPSG_CODES) + [3405, 3406])
def test_central_meridian_matches_pyproj(epsg):
    params = _params(epsg)
    lon0 = params[8802]  # EPSG parameter "Longitude of natural origin"
    assert math.degrees(lon0.value * lon0.unit_conversion_factor) == pytest.approx(
        crs.central_meridian(epsg), abs=1e-9)
    expected_k = 0.9996 if epsg in (3405, 3406) else crs.TM3_SCALE_FACTOR
    assert params[8805].value == pytest.approx(expected_k, abs=1e-12)   # scale factor
    assert params[8806].value == pytest.approx(crs.FALSE_EASTING)       # false easting
    assert params[8807].value == pytest.approx(0.0)                     # false northing
    assert CRS.from_epsg(epsg).geodetic_crs.to_epsg() == 4756           # VN-2000


def test_central_meridian_rejects_unknown_code():
    with pytest.raises(CadastreError):
        crs.central_meridian(4326)


def test_vn2000_crs_name():
    assert crs.vn2000_crs_name(9210) == "VN-2000 / TM-3 105°45′ (EPSG:9210)"
    assert crs.vn2000_crs_name(5897) == "VN-2000 / TM-3 105°00′ (EPSG:5897)"
    assert crs.vn2000_crs_name(3406) == "VN-2000 / UTM zone 49N (EPSG:3406)"
    for epsg in crs.TM3_EPSG_CODES:  # same meridian as the EPSG name, e.g. "TM-3 105-45"
        name = CRS.from_epsg(epsg).name
        if "zone 4" not in name:
            assert name.split("TM-3 ")[1].replace("-", "°") in crs.vn2000_crs_name(epsg)


# --- transformation to WGS 84 -------------------------------------------------------------------

def test_towgs84_constant_is_epsg_6960_from_the_database():
    op = CoordinateOperation.from_epsg(6960)
    assert op.name == "VN-2000 to WGS 84 (2)"
    assert op.method_code == "9607"  # coordinate frame rotation: rotations are the +towgs84 ones negated
    values = [p.value for p in op.params]
    tx, ty, tz, rx, ry, rz, s = crs.VN2000_TO_WGS84_TOWGS84
    assert values == pytest.approx([tx, ty, tz, -rx, -ry, -rz, s], abs=1e-12)


def test_pipeline_names_epsg_6960_parameters_not_5194():
    pipeline = crs.qgis_proj_pipeline(9210)
    assert "+x=-191.90441429" in pipeline and "+convention=coordinate_frame" in pipeline
    assert "-192.873" not in pipeline
    assert "+lon_0=105.75 +k=0.9999 +x_0=500000" in pipeline


@pytest.mark.parametrize("epsg,lon,lat", SAMPLE_POINTS)
def test_to_wgs84_matches_pyproj_epsg6960_within_1cm(epsg, lon, lat):
    x, y = projected(epsg, lon, lat)
    ref_lon, ref_lat = pyproj_operation(epsg, 6960).transform(x, y)
    got_lon, got_lat = crs.to_wgs84(x, y, epsg)
    assert distance_m(got_lon, got_lat, ref_lon, ref_lat) < 0.01


@pytest.mark.parametrize("epsg,lon,lat", SAMPLE_POINTS)
def test_chosen_operation_is_6960_not_5194(epsg, lon, lat):
    x, y = projected(epsg, lon, lat)
    got = crs.to_wgs84(x, y, epsg)
    via_5194 = pyproj_operation(epsg, 5194).transform(x, y)
    # The two published VN-2000 -> WGS 84 shifts differ by ~0.7 m in Viet Nam.
    assert distance_m(*got, *via_5194) > 0.3


@pytest.mark.parametrize("epsg,lon,lat", SAMPLE_POINTS)
def test_to_wgs84_agrees_with_spec_towgs84_string(epsg, lon, lat):
    # Independent route: PROJ applies SPEC's +towgs84 (position-vector) on a BoundCRS.
    towgs84 = ",".join(repr(v) for v in crs.VN2000_TO_WGS84_TOWGS84)
    bound = CRS.from_proj4(f"+proj=tmerc +lat_0=0 +lon_0={crs.central_meridian(epsg)} "
                           f"+k={0.9999} +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84={towgs84} +units=m")
    x, y = projected(epsg, lon, lat)
    ref = Transformer.from_crs(bound, "EPSG:4326", always_xy=True).transform(x, y)
    assert distance_m(*crs.to_wgs84(x, y, epsg), *ref) < 0.01


def test_to_wgs84_takes_arrays_and_round_trips():
    lon = np.array([105.70, 105.80, 105.95])
    lat = np.array([20.90, 21.03, 21.20])
    x, y = projected(5897, lon, lat)
    out_lon, out_lat = crs.to_wgs84(x, y, 5897)
    assert out_lon.shape == (3,) and out_lat.shape == (3,)
    ref = pyproj_operation(5897, 6960).transform(x, y)
    assert distance_m(out_lon, out_lat, *ref).max() < 0.01
    back_x, back_y = crs.from_wgs84(out_lon, out_lat, 5897)
    # PROJ inverts the Helmert step to first order: ~1 mm, far below survey accuracy (5 cm).
    assert np.abs(back_x - x).max() < 0.002 and np.abs(back_y - y).max() < 0.002


def test_to_wgs84_utm():
    x, y = projected(3405, 105.85, 21.03)
    ref = pyproj_operation(3405, 6960).transform(x, y)
    assert distance_m(*crs.to_wgs84(x, y, 3405), *ref) < 0.01


def test_transformers_are_cached():
    assert crs.transformer(9210) is crs.transformer(9210)


def test_to_wgs84_rejects_non_vn2000():
    with pytest.raises(CadastreError):
        crs.to_wgs84(500000, 1000000, 32648)


# --- purity -------------------------------------------------------------------------------------

CORE_MODULES = [
    Path(crs.__file__),
    Path(crs.__file__).parent / "codelists" / "__init__.py",
]


@pytest.mark.parametrize("path", CORE_MODULES, ids=lambda p: p.parent.name + "/" + p.name)
def test_module_imports_no_qt_or_qgis(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [n for n in names if n.split(".")[0] in ("qgis", "PyQt5", "PyQt6", "sip", "qtpy")]


def test_importing_core_pulls_in_no_qt_or_qgis():
    code = ("import sys, cadastre_plugin.core.crs, cadastre_plugin.core.codelists as c; "
            "c.load('landuse'); cadastre_plugin.core.crs.to_wgs84(500000, 2300000, 5897); "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6')]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(crs.__file__).parents[2])


def test_pyproj_offers_6960_for_the_projected_crs_and_it_matches():
    # Where PROJ proposes both operations directly on the TM-3 CRS, ours is its EPSG:6960 one.
    group = TransformerGroup("EPSG:9210", "EPSG:4326", always_xy=True)
    by_code = {c["code"]: t for t in group.transformers for c in _step_ids(t.to_json_dict())}
    assert {5194, 6960} <= set(by_code)
    assert "+" + by_code[6960].definition.replace(" ", " +") == crs.qgis_proj_pipeline(9210)
