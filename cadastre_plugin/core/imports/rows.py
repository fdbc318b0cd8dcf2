"""Source rows to parcels through a field mapping; every row that cannot be one says why.

A row is rejected (an ``error``, marked ``dropped``, naming the row and its FID) when it has no
usable polygon, no valid sheet or parcel number, or belongs to another commune. Values that are
wrong but not essential (an unknown land-use code, an unreadable date, an area that disagrees
with the geometry) are ``warning``s: the parcel is imported and the quality check follows up.
"""
from __future__ import annotations

import uuid as _uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Optional

import numpy as np
import shapely

from ..area import round_area
from ..codelists import check_landuse, load
from ..sheets import point_accuracy_m
from .labels import area_tolerance
from .mapping import TARGETS, FieldMapping, Source
from .report import problem

#: A repair by make_valid is accepted when it changes the area by at most this share.
REPAIR_AREA_SHARE = 0.001


@dataclass
class MappedParcels:
    geoms: list = field(default_factory=list)
    columns: dict = field(default_factory=dict)
    holders: list = field(default_factory=list)
    rows: list = field(default_factory=list)  # source row index of each parcel
    fids: list = field(default_factory=list)  # and its feature id in the source
    problems: list = field(default_factory=list)


class _Reject(Exception):
    def __init__(self, code: str, en: str, vi: str, **details):
        super().__init__(en)
        self.code, self.en, self.vi, self.details = code, en, vi, details


def to_int(value):
    """(int or None, ok): 12, 12.0, '12', ' 012 ', '12.0' are 12; None and '' are missing."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, True
    if isinstance(value, bool):
        return None, False
    if isinstance(value, int):
        return value, True
    try:
        f = float(str(value).strip().replace(",", "."))
    except ValueError:
        return None, False
    return (int(f), True) if f.is_integer() else (None, False)


def to_float(value):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, True
    try:
        return float(str(value).strip().replace(",", ".")), True
    except ValueError:
        return None, False


_DATE_FORMATS = ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%dT%H:%M:%SZ",
                 "%Y-%m-%dT%H:%M:%S.%fZ", "%Y-%m-%dT%H:%M:%S", "%Y/%m/%d %H:%M:%S",
                 "%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%d-%m-%Y", "%Y%m%d")


def to_timestamp(value):
    """(ISO 8601 UTC text or None, ok). Day-first forms are Vietnamese usage (15/10/1993)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, True
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M:%SZ"), True
    if isinstance(value, date):
        return f"{value.isoformat()}T00:00:00Z", True
    text = str(value).strip()
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return parsed.strftime("%Y-%m-%dT%H:%M:%SZ"), True
    return None, False


def _polygon(geom, area_share: float = REPAIR_AREA_SHARE):
    """(polygon, repaired?) or _Reject: the one polygon a row's geometry stands for."""
    if geom is None or shapely.is_empty(geom):
        raise _Reject("row.no_geometry", "The row has no geometry.", "Dòng không có hình học.")
    kind = geom.geom_type
    if kind == "MultiPolygon" and len(geom.geoms) == 1:
        geom, kind = geom.geoms[0], "Polygon"
    if kind == "MultiPolygon":
        raise _Reject("row.multipart",
                      f"The row's geometry has {len(geom.geoms)} separate parts; a parcel is one "
                      "polygon. Split it into parcels (each with its own number) at the source.",
                      f"Hình học của dòng gồm {len(geom.geoms)} phần rời nhau; một thửa chỉ là một "
                      "vùng. Hãy tách thành các thửa (mỗi thửa một số) ở dữ liệu nguồn.",
                      parts=len(geom.geoms))
    if kind != "Polygon":
        raise _Reject("row.not_polygon", f"The row's geometry is a {kind}, not a polygon.",
                      f"Hình học của dòng là {kind}, không phải vùng (polygon).", type=kind)
    if shapely.is_valid(geom):
        return geom, False
    reason = shapely.is_valid_reason(geom)
    fixed = shapely.make_valid(geom)
    if fixed.geom_type == "GeometryCollection":  # e.g. a polygon and the line of a spike
        parts = shapely.get_parts(fixed)
        fixed = shapely.union_all(parts[np.isin(shapely.get_type_id(parts), (3, 6))])
    if fixed.geom_type == "MultiPolygon":
        big = max(fixed.geoms, key=lambda g: g.area)
        fixed = big if fixed.area - big.area <= area_share * max(geom.area, 1e-9) else fixed
    if fixed.geom_type == "Polygon" and abs(fixed.area - abs(geom.area)) <= \
            area_share * max(abs(geom.area), 1e-9):
        return fixed, reason
    raise _Reject("row.invalid_geometry",
                  f"The row's polygon is invalid ({reason}) and cannot be repaired without "
                  "changing the parcel. Fix it at the source.",
                  f"Hình thửa của dòng không hợp lệ ({reason}) và không sửa tự động được mà "
                  "không làm thay đổi thửa. Hãy sửa ở dữ liệu nguồn.", reason=reason)


def _number(source: Optional[Source], record, target: str):
    raw = source.get(record) if source is not None else None
    value, ok = to_int(raw)
    _, en, vi = TARGETS[target]
    if value is None or not ok or value < 1:
        shown = "empty" if raw is None or raw == "" else repr(raw)
        shown_vi = "trống" if raw is None or raw == "" else repr(raw)
        raise _Reject(f"row.bad_{target}",
                      f"The {en} is {shown}, not a whole number from 1 up.",
                      f"{vi[0].upper() + vi[1:]} là {shown_vi}, không phải số nguyên từ 1 trở "
                      "lên.", value=None if raw is None else str(raw))
    return value


def map_rows(records, geoms, fids, mapping: FieldMapping, commune_code: str, scale: int,
             existing_uuids=frozenset(),
             landuse_version: Optional[str] = None) -> MappedParcels:
    """Parcels from source ``records`` (attribute dicts) and ``geoms`` (shapely, already in the
    working copy's CRS), aligned; ``fids`` name the rows in problems."""
    out = MappedParcels(columns={c: [] for c in (
        "commune_code", "sheet_no", "parcel_no", "area", "legal_area", "landuse", "address",
        "uuid", "valid_from", "valid_to", "old_sheet_no", "old_parcel_no", "status")})
    codelist = load("landuse", landuse_version)
    accuracy = point_accuracy_m(scale)
    src = mapping.fields
    seen_uuids = set(existing_uuids)
    for i, (record, geom, fid) in enumerate(zip(records, geoms, fids)):
        where = f"#{i + 1} (FID {fid})"
        rep = shapely.point_on_surface(geom) if geom is not None and not shapely.is_empty(geom) \
            else None
        xy = (rep.x, rep.y) if rep is not None else (None, None)
        warnings = []

        def warn(code, en, vi, **details):
            warnings.append(problem(code, "warning", en, vi, *xy, where=where, row=i, fid=fid,
                                    **details))
        try:
            poly, repaired = _polygon(geom)
            sheet_no = _number(src.get("sheet_no"), record, "sheet_no")
            parcel_no = _number(src.get("parcel_no"), record, "parcel_no")
            commune = src["commune_code"].get(record) if "commune_code" in src else None
            commune = str(commune).strip() if commune not in (None, "") else commune_code
            if commune != commune_code:
                raise _Reject("row.other_commune",
                              f"The row belongs to commune {commune}, not {commune_code}; import "
                              "it into that commune's working copy.",
                              f"Dòng thuộc xã {commune}, không phải xã {commune_code}; hãy nhập "
                              "vào bản sao làm việc của xã đó.", commune=commune)
        except _Reject as rej:
            out.problems.append(problem(rej.code, "error", rej.en + " The row was not imported.",
                                        rej.vi + " Dòng này không được nhập.", *xy, where=where,
                                        row=i, fid=fid, dropped=True, **rej.details))
            continue
        label = f"{sheet_no}/{parcel_no}"
        where = f"{where} {label}"
        if repaired:
            warn("row.geometry_repaired",
                 f"Parcel {label}: the polygon was invalid ({repaired}) and was repaired without "
                 "changing its area; check its shape.",
                 f"Thửa {label}: hình thửa không hợp lệ ({repaired}) và đã được sửa tự động mà "
                 "không đổi diện tích; hãy kiểm tra hình dạng.", reason=repaired)
        area = float(round_area(poly.area))
        _compare_area(src.get("area"), record, area, poly.length, accuracy, label, warn)
        legal = _optional(src.get("legal_area"), record, to_float, "legal_area", label, warn)
        if legal is not None and legal <= 0:
            legal = None
        landuse = _text(src.get("landuse"), record)
        if landuse:
            for issue in check_landuse(landuse, codelist, label):
                warn(issue.code, issue.en, issue.vi, value=landuse)
        uid = _text(src.get("uuid"), record)
        if uid:
            try:
                uid = str(_uuid.UUID(uid))
            except ValueError:
                warn("row.bad_uuid", f"Parcel {label}: '{uid}' is not a UUID; a new one was given.",
                     f"Thửa {label}: '{uid}' không phải UUID; đã cấp mã mới.", value=uid)
                uid = None
        if uid and uid in seen_uuids:
            warn("row.duplicate_uuid",
                 f"Parcel {label}: UUID {uid} is already used (in this source or the working "
                 "copy); a new one was given.",
                 f"Thửa {label}: UUID {uid} đã được dùng (trong nguồn hoặc bản sao làm việc); "
                 "đã cấp mã mới.", value=uid)
            uid = None
        uid = uid or str(_uuid.uuid4())
        seen_uuids.add(uid)
        status = _text(src.get("status"), record) or "current"
        if status not in ("current", "retired"):
            warn("row.bad_status", f"Parcel {label}: status '{status}' is unknown; recorded as "
                 "current.", f"Thửa {label}: trạng thái '{status}' không hợp lệ; ghi là hiện "
                 "hành (current).", value=status)
            status = "current"
        cols = out.columns
        cols["commune_code"].append(commune_code)
        cols["sheet_no"].append(sheet_no)
        cols["parcel_no"].append(parcel_no)
        cols["area"].append(area)
        cols["legal_area"].append(legal)
        cols["landuse"].append(landuse)
        cols["address"].append(_text(src.get("address"), record))
        cols["uuid"].append(uid)
        cols["status"].append(status)
        for target in ("valid_from", "valid_to"):
            cols[target].append(_optional(src.get(target), record, to_timestamp, target, label,
                                          warn))
        for target in ("old_sheet_no", "old_parcel_no"):
            cols[target].append(_optional(src.get(target), record, to_int, target, label, warn))
        out.geoms.append(poly)
        out.holders.append(_text(src.get("holder"), record))
        out.rows.append(i)
        out.fids.append(fid)
        out.problems += warnings
    out.problems += _duplicates(out)
    return out


def _text(source: Optional[Source], record):
    if source is None:
        return None
    value = source.get(record)
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _optional(source, record, convert, target, label, warn):
    if source is None:
        return None
    raw = source.get(record)
    value, ok = convert(raw)
    if not ok:
        _, en, vi = TARGETS[target]
        warn(f"row.bad_{target}", f"Parcel {label}: the {en} '{raw}' could not be read; left "
             "empty.", f"Thửa {label}: không đọc được {vi} '{raw}'; để trống.", value=str(raw))
    return value


def _compare_area(source, record, area, perimeter, accuracy, label, warn) -> None:
    written = _optional(source, record, to_float, "area", label, warn)
    if written is None:
        return
    allowed = area_tolerance(perimeter, accuracy)
    if abs(written - area) > allowed:
        warn("row.area_mismatch",
             f"Parcel {label}: the source gives {written:.1f} m² but the polygon measures "
             f"{area:.1f} m² (difference {written - area:+.1f} m², more than {allowed:.1f} m²). "
             "The measured area was recorded; check the source.",
             f"Thửa {label}: nguồn ghi {written:.1f} m² nhưng đo trên hình thửa được {area:.1f} m² "
             f"(chênh {written - area:+.1f} m², quá {allowed:.1f} m²). Đã ghi diện tích đo được; "
             "hãy kiểm tra dữ liệu nguồn.", written_m2=written, computed_m2=area)


def _duplicates(out: MappedParcels) -> list:
    pairs = Counter((s, p) for s, p, st in zip(out.columns["sheet_no"], out.columns["parcel_no"],
                                                out.columns["status"]) if st == "current")
    problems = []
    for (s, p), c in sorted(pairs.items()):
        if c < 2:
            continue
        for k in np.flatnonzero([(a, b) == (s, p) for a, b in zip(out.columns["sheet_no"],
                                                                  out.columns["parcel_no"])]):
            rep = shapely.point_on_surface(out.geoms[k])
            problems.append(problem(
                "row.duplicate_number", "warning",
                f"Parcel number {s}/{p} is used by {c} rows of the source; all were imported. "
                "Renumber the wrong one.",
                f"Số thửa {s}/{p} xuất hiện ở {c} dòng của nguồn; đã nhập tất cả. Hãy đánh lại số "
                "cho thửa sai.", rep.x, rep.y,
                where=f"#{out.rows[k] + 1} (FID {out.fids[k]}) {s}/{p}", row=out.rows[k],
                fid=out.fids[k]))
    return problems
