"""VN-2000 coordinate reference systems: which TM-3 zone a province uses, and how to reach WGS 84.

Cadastral maps are drawn in VN-2000 / TM-3 (k0 0.9999, false easting 500 000 m) with a central
meridian chosen per province (Circular 25/2014/TT-BTNMT appendix 02, after Circular 973/2001/
TT-TCĐC). The table below is the legacy 63-province list. After the 2025 province merger one
province can span several zones, so the CRS stored on the commune/map sheet always wins
(:func:`commune_crs`); the province table is only the fallback for data that carries none.

The datum shift to WGS 84 is pinned to EPSG:6960 ("VN-2000 to WGS 84 (2)", the official
parameters). PROJ also knows EPSG:5194 ("(1)"), and published code often gets the rotation signs
wrong (~0.75 m error), so nothing here lets PROJ pick: the pipeline is written out explicitly.

Pure Python (pyproj): no Qt, no QGIS.
"""
from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from typing import NamedTuple

from .messages import CadastreError

# ---------------------------------------------------------------------------------------------
# Zones
# ---------------------------------------------------------------------------------------------

#: TM-3 central meridian (decimal degrees) -> EPSG code, as verified in PROJ's EPSG database.
#: EPSG writes meridians in sexagesimal form ("105.45" = 105°45′ = 105.75°); these are decimal.
_TM3_ZONES: dict[float, int] = {
    103.00: 9205,
    104.00: 9206,
    104.50: 9207,
    104.75: 9208,
    105.00: 5897,  # "VN-2000 / TM-3 zone 482": older code, same definition as a 105-00 zone
    105.50: 9209,
    105.75: 9210,
    106.00: 9211,
    106.25: 9212,
    106.50: 9213,
    107.00: 9214,
    107.25: 9215,
    107.50: 9216,
    107.75: 5899,  # "VN-2000 / TM-3 107-45"
    108.00: 5898,  # "VN-2000 / TM-3 zone 491"
    108.25: 9217,
    108.50: 9218,
}

TM3_EPSG_CODES: frozenset[int] = frozenset(_TM3_ZONES.values())
TM3_SCALE_FACTOR = 0.9999
FALSE_EASTING = 500_000.0

#: VN-2000 / UTM zone 48N and 49N (k0 0.9996): used for small-scale maps, accepted on communes.
VN2000_UTM_EPSG: dict[int, int] = {3405: 48, 3406: 49}
_UTM_MERIDIANS: dict[int, float] = {3405: 105.0, 3406: 111.0}

_MERIDIAN_BY_EPSG: dict[int, float] = {epsg: cm for cm, epsg in _TM3_ZONES.items()}
_MERIDIAN_BY_EPSG.update(_UTM_MERIDIANS)

#: EPSG:6960 "VN-2000 to WGS 84 (2)" in PROJ ``+towgs84`` form (position-vector convention):
#: tx, ty, tz (m), rx, ry, rz (arc-seconds), scale difference (ppm). Source: SPEC §4.
VN2000_TO_WGS84_TOWGS84: tuple[float, ...] = (
    -191.90441429, -39.30318279, -111.45032835,
    0.00928836, -0.01975479, 0.00427372,
    0.252906278,
)
VN2000_TO_WGS84_EPSG = 6960


# ---------------------------------------------------------------------------------------------
# Provinces (legacy 63-province list)
# ---------------------------------------------------------------------------------------------

class Province(NamedTuple):
    name: str          # Vietnamese name with diacritics (as shown to users)
    key: str           # ASCII-folded key, without the "TP"/"Tỉnh" prefix
    gso_code: str      # 2-digit province code of the General Statistics Office
    meridian: float    # TM-3 central meridian, decimal degrees
    aliases: tuple[str, ...] = ()

    @property
    def epsg(self) -> int:
        return _TM3_ZONES[self.meridian]


# Ordered by GSO code. Meridians from Circular 25/2014 appendix 02 (= SPEC §4 table).
PROVINCES: tuple[Province, ...] = (
    Province("Hà Nội", "ha_noi", "01", 105.00),
    Province("Hà Giang", "ha_giang", "02", 105.50),
    Province("Cao Bằng", "cao_bang", "04", 105.75),
    Province("Bắc Kạn", "bac_kan", "06", 106.50, ("Bắc Cạn",)),
    Province("Tuyên Quang", "tuyen_quang", "08", 106.00),
    Province("Lào Cai", "lao_cai", "10", 104.75),
    Province("Điện Biên", "dien_bien", "11", 103.00),
    Province("Lai Châu", "lai_chau", "12", 103.00),
    Province("Sơn La", "son_la", "14", 104.00),
    Province("Yên Bái", "yen_bai", "15", 104.75),
    Province("Hòa Bình", "hoa_binh", "17", 106.00),
    Province("Thái Nguyên", "thai_nguyen", "19", 106.50),
    Province("Lạng Sơn", "lang_son", "20", 107.25),
    Province("Quảng Ninh", "quang_ninh", "22", 107.75),
    Province("Bắc Giang", "bac_giang", "24", 107.00),
    Province("Phú Thọ", "phu_tho", "25", 104.75),
    Province("Vĩnh Phúc", "vinh_phuc", "26", 105.00),
    Province("Bắc Ninh", "bac_ninh", "27", 105.50),
    Province("Hải Dương", "hai_duong", "30", 105.50),
    Province("Hải Phòng", "hai_phong", "31", 105.75),
    Province("Hưng Yên", "hung_yen", "33", 105.50),
    Province("Thái Bình", "thai_binh", "34", 105.50),
    Province("Hà Nam", "ha_nam", "35", 105.00),
    Province("Nam Định", "nam_dinh", "36", 105.50),
    Province("Ninh Bình", "ninh_binh", "37", 105.00),
    Province("Thanh Hóa", "thanh_hoa", "38", 105.00),
    Province("Nghệ An", "nghe_an", "40", 104.75),
    Province("Hà Tĩnh", "ha_tinh", "42", 105.50),
    Province("Quảng Bình", "quang_binh", "44", 106.00),
    Province("Quảng Trị", "quang_tri", "45", 106.25),
    # Became "Thành phố Huế" in 2025 (same code), hence the alias.
    Province("Thừa Thiên Huế", "thua_thien_hue", "46", 107.00, ("Huế", "TTH")),
    Province("Đà Nẵng", "da_nang", "48", 107.75),
    Province("Quảng Nam", "quang_nam", "49", 107.75),
    Province("Quảng Ngãi", "quang_ngai", "51", 108.00),
    Province("Bình Định", "binh_dinh", "52", 108.25),
    Province("Phú Yên", "phu_yen", "54", 108.50),
    Province("Khánh Hòa", "khanh_hoa", "56", 108.25),
    Province("Ninh Thuận", "ninh_thuan", "58", 108.25),
    Province("Bình Thuận", "binh_thuan", "60", 108.50),
    Province("Kon Tum", "kon_tum", "62", 107.50),
    Province("Gia Lai", "gia_lai", "64", 108.50),
    Province("Đắk Lắk", "dak_lak", "66", 108.50, ("Đắc Lắc",)),
    Province("Đắk Nông", "dak_nong", "67", 108.50),
    Province("Lâm Đồng", "lam_dong", "68", 107.75),
    Province("Bình Phước", "binh_phuoc", "70", 106.25),
    Province("Tây Ninh", "tay_ninh", "72", 105.50),
    Province("Bình Dương", "binh_duong", "74", 105.75),
    Province("Đồng Nai", "dong_nai", "75", 107.75),
    Province("Bà Rịa-Vũng Tàu", "ba_ria_vung_tau", "77", 107.75, ("BRVT",)),
    Province("TP Hồ Chí Minh", "ho_chi_minh", "79", 105.75, ("HCM", "TPHCM", "HCMC", "Sài Gòn")),
    Province("Long An", "long_an", "80", 105.75),
    Province("Tiền Giang", "tien_giang", "82", 105.75),
    Province("Bến Tre", "ben_tre", "83", 105.75),
    Province("Trà Vinh", "tra_vinh", "84", 105.50),
    Province("Vĩnh Long", "vinh_long", "86", 105.50),
    Province("Đồng Tháp", "dong_thap", "87", 105.00),
    Province("An Giang", "an_giang", "89", 104.75),
    Province("Kiên Giang", "kien_giang", "91", 104.50),
    Province("Cần Thơ", "can_tho", "92", 105.00),
    Province("Hậu Giang", "hau_giang", "93", 105.00),
    Province("Sóc Trăng", "soc_trang", "94", 105.50),
    Province("Bạc Liêu", "bac_lieu", "95", 105.00),
    Province("Cà Mau", "ca_mau", "96", 104.50),
)


def fold(text: str) -> str:
    """Lower-case ASCII with single spaces: 'Thừa Thiên-Huế' -> 'thua thien hue'.

    đ/Đ is a separate letter, not d + a combining mark, so NFD alone would keep it.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", ascii_text.lower()).split())


def _lookup_key(text: str) -> str:
    """Folded, administrative prefix removed, spaces dropped ('Kontum' == 'Kon Tum')."""
    words = fold(text).split()
    stripped = True
    while stripped:  # repeated: "Thành phố TP Hồ Chí Minh" happens in hand-typed data
        stripped = False
        for prefix in (["thanh", "pho"], ["tinh"], ["tp"], ["t", "p"]):
            if words[: len(prefix)] == prefix and len(words) > len(prefix):
                words, stripped = words[len(prefix):], True
                break
    return "".join(words)


def _build_index() -> dict[str, Province]:
    index: dict[str, Province] = {}
    for province in PROVINCES:
        for label in (province.name, province.key, *province.aliases):
            key = _lookup_key(label)
            if index.setdefault(key, province) is not province:
                raise AssertionError(f"province lookup key {key!r} is ambiguous")
        index[province.gso_code] = province
    return index


_INDEX = _build_index()


def find_province(name_or_code: str | int) -> Province:
    """The province for a name (any case, with or without diacritics or prefix) or a GSO code."""
    raw = str(name_or_code).strip() if name_or_code is not None else ""
    if isinstance(name_or_code, bool):  # bool is an int: True must not mean province "01"
        raw = ""
    # Codes: '1', '01' and 1 all mean Hà Nội; anything else is a name.
    key = str(int(raw)).zfill(2) if raw.isascii() and raw.isdigit() else _lookup_key(raw)
    province = _INDEX.get(key) if key else None
    if province is None:
        raise _unknown_province(raw)
    return province


def _unknown_province(raw: str) -> CadastreError:
    names = {p.key.replace("_", ""): p.name for p in PROVINCES}
    close = difflib.get_close_matches(_lookup_key(raw), names, n=1, cutoff=0.75) if raw else []
    hint = names[close[0]] if close else ""
    hint_en = f" Did you mean '{hint}'?" if hint else ""
    hint_vi = f" Có phải là '{hint}'?" if hint else ""
    return CadastreError(
        "crs.unknown_province",
        f"Unknown province '{raw}'.{hint_en} Give one of the 63 province names (with or without "
        "diacritics, any case, optionally prefixed by 'Tỉnh', 'Thành phố' or 'TP', e.g. 'Hà Nội', "
        "'ha noi', 'TP Hồ Chí Minh') or the 2-digit GSO province code (e.g. '01', '79').",
        f"Không nhận ra tỉnh/thành phố '{raw}'.{hint_vi} Hãy nhập tên một trong 63 tỉnh/thành phố "
        "(có dấu hoặc không dấu, chữ hoa hay thường đều được, có thể kèm 'Tỉnh', 'Thành phố' hoặc "
        "'TP', ví dụ 'Hà Nội', 'ha noi', 'TP Hồ Chí Minh') hoặc mã tỉnh 2 chữ số của Tổng cục "
        "Thống kê (ví dụ '01', '79').",
    )


def province_crs(name_or_code: str | int) -> int:
    """EPSG code of the province's VN-2000 TM-3 zone (legacy 63-province list)."""
    return find_province(name_or_code).epsg


def commune_crs(commune_epsg: int | str | None, province: str | int | None) -> int:
    """EPSG code for a commune: its own stored CRS if any, else its (legacy) province's zone."""
    if commune_epsg is not None and str(commune_epsg).strip() != "":
        epsg = _parse_epsg(commune_epsg)
        if epsg in TM3_EPSG_CODES or epsg in VN2000_UTM_EPSG:
            return epsg
        raise CadastreError(
            "crs.not_vn2000",
            f"The commune's CRS '{commune_epsg}' is not a VN-2000 TM-3 zone used for cadastral "
            f"maps nor VN-2000 UTM. Use one of EPSG {_codes_text()} (TM-3) or 3405, 3406 (UTM).",
            f"Hệ tọa độ của xã '{commune_epsg}' không phải múi chiếu TM-3 VN-2000 dùng cho bản đồ "
            f"địa chính, cũng không phải UTM VN-2000. Hãy dùng một trong các mã EPSG "
            f"{_codes_text()} (TM-3) hoặc 3405, 3406 (UTM).",
        )
    if province is None or str(province).strip() == "":
        raise CadastreError(
            "crs.missing",
            "The commune has no CRS and no province to derive it from. Set the commune's VN-2000 "
            "TM-3 EPSG code or its province.",
            "Xã chưa có hệ tọa độ và cũng không có tỉnh để suy ra. Hãy nhập mã EPSG múi chiếu "
            "TM-3 VN-2000 của xã hoặc tên tỉnh.",
        )
    return province_crs(province)


def _parse_epsg(value: int | str) -> int | None:
    text = str(value).strip().upper()
    text = text[5:] if text.startswith("EPSG:") else text
    return int(text) if text.isascii() and text.isdigit() and not isinstance(value, bool) else None


def _codes_text() -> str:
    return ", ".join(str(c) for c in sorted(TM3_EPSG_CODES))


def _known_epsg(epsg: int) -> float:
    try:
        return _MERIDIAN_BY_EPSG[int(epsg)]
    except (KeyError, TypeError, ValueError):
        raise CadastreError(
            "crs.not_vn2000",
            f"EPSG:{epsg} is not a VN-2000 TM-3 or UTM CRS known to the plugin. Use one of EPSG "
            f"{_codes_text()}, 3405, 3406.",
            f"EPSG:{epsg} không phải hệ TM-3 hoặc UTM VN-2000 mà phần mềm biết. Hãy dùng một "
            f"trong các mã EPSG {_codes_text()}, 3405, 3406.",
        ) from None


def central_meridian(epsg: int) -> float:
    """Central meridian in decimal degrees of a VN-2000 TM-3 (or UTM) EPSG code."""
    return _known_epsg(epsg)


def vn2000_crs_name(epsg: int) -> str:
    """Readable name, e.g. 'VN-2000 / TM-3 105°45′ (EPSG:9210)'."""
    meridian = _known_epsg(epsg)
    if epsg in VN2000_UTM_EPSG:
        return f"VN-2000 / UTM zone {VN2000_UTM_EPSG[epsg]}N (EPSG:{epsg})"
    degrees, minutes = int(meridian), round((meridian - int(meridian)) * 60)
    return f"VN-2000 / TM-3 {degrees}°{minutes:02d}′ (EPSG:{epsg})"


# ---------------------------------------------------------------------------------------------
# To WGS 84, pinned to EPSG:6960
# ---------------------------------------------------------------------------------------------

def _num(value: float) -> str:
    return f"{value:.12g}"


def _projection_step(epsg: int) -> str:
    meridian = _known_epsg(epsg)
    if epsg in VN2000_UTM_EPSG:
        return f"+proj=utm +zone={VN2000_UTM_EPSG[epsg]} +ellps=WGS84"
    return (f"+proj=tmerc +lat_0=0 +lon_0={_num(meridian)} +k={_num(TM3_SCALE_FACTOR)} "
            f"+x_0={_num(FALSE_EASTING)} +y_0=0 +ellps=WGS84")


def _helmert_step() -> str:
    # Written in the coordinate-frame convention (the EPSG:6960 method, 9607): rotations are the
    # +towgs84 (position-vector) ones negated. This is the exact text QGIS lists for EPSG:6960,
    # so QGIS recognises the operation in its datum-transform settings.
    tx, ty, tz, rx, ry, rz, s = VN2000_TO_WGS84_TOWGS84
    return (f"+proj=helmert +x={_num(tx)} +y={_num(ty)} +z={_num(tz)} +rx={_num(-rx)} "
            f"+ry={_num(-ry)} +rz={_num(-rz)} +s={_num(s)} +convention=coordinate_frame")


@functools.lru_cache(maxsize=None)
def qgis_proj_pipeline(epsg: int) -> str:
    """PROJ pipeline from VN-2000 TM-3/UTM easting, northing to WGS 84 lon, lat via EPSG:6960.

    For ``QgsCoordinateTransformContext.addCoordinateOperation(src, EPSG:4326, pipeline)``;
    x/y order in and out as QGIS uses it (easting, northing -> longitude, latitude).
    """
    return (
        "+proj=pipeline"
        f" +step +inv {_projection_step(epsg)}"
        " +step +proj=push +v_3"
        " +step +proj=cart +ellps=WGS84"
        f" +step {_helmert_step()}"
        " +step +inv +proj=cart +ellps=WGS84"
        " +step +proj=pop +v_3"
        " +step +proj=unitconvert +xy_in=rad +xy_out=deg"
    )


@functools.lru_cache(maxsize=None)
def transformer(epsg: int):
    """Cached pyproj Transformer for :func:`qgis_proj_pipeline` (pyproj >= 3.1 is thread-safe)."""
    from pyproj import Transformer  # import late: importing this module stays cheap

    return Transformer.from_pipeline(qgis_proj_pipeline(int(epsg)))


def to_wgs84(x, y, epsg: int):
    """(lon, lat) in WGS 84 degrees from VN-2000 easting x, northing y (scalars or arrays)."""
    return transformer(epsg).transform(x, y)


def from_wgs84(lon, lat, epsg: int):
    """(easting, northing) in the VN-2000 CRS from WGS 84 lon, lat (e.g. GNSS points)."""
    from pyproj.enums import TransformDirection

    return transformer(epsg).transform(lon, lat, direction=TransformDirection.INVERSE)
