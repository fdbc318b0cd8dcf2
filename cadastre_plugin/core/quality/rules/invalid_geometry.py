"""CAD-INVALID-GEOMETRY: a parcel geometry GEOS calls invalid (self-intersecting ring, hole
outside its shell...), or that is missing or not a polygon at all."""
from __future__ import annotations

import re

import numpy as np
import shapely

from ..engine import NotFixable, Rule
from ..repair import repair_candidates
from ..spatial import POLYGONAL_TYPES

_REASON = re.compile(r"^(?P<what>[^\[]+?)\s*(?:\[(?P<x>[-+0-9.eE]+|nan) (?P<y>[-+0-9.eE]+|nan)\])?$")

_REASON_VI = {
    "Self-intersection": "ranh giới tự cắt",
    "Ring Self-intersection": "vòng ranh giới tự chạm",
    "Too few points": "quá ít đỉnh",
    "Interior is disconnected": "phần bên trong bị chia cắt",
    "Hole lies outside shell": "lỗ nằm ngoài đường bao",
    "Nested holes": "lỗ lồng trong lỗ",
    "Nested shells": "đường bao lồng nhau",
    "Duplicate Rings": "vòng trùng nhau",
    "Invalid Coordinate": "tọa độ không hợp lệ",
    "Ring is not closed": "vòng không khép kín",
}

_TYPE_VI = {"Point": "điểm", "MultiPoint": "đa điểm", "LineString": "đường",
            "MultiLineString": "đa đường", "GeometryCollection": "tập hợp hình học"}


class InvalidGeometry(Rule):
    id = "CAD-INVALID-GEOMETRY"
    name_en = "Invalid geometry"
    name_vi = "Hình học không hợp lệ"
    severity = "error"
    fixable = True

    def check(self, ctx) -> list:
        rows = ctx.rows
        geoms = ctx.geoms[rows]
        out = []
        missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
        for r in rows[missing]:
            en, vi = ctx.label(r)
            out.append(self.finding(
                ctx, [r], None, f"{en} has no geometry: draw its boundary or delete the record.",
                f"{vi} không có hình học: hãy vẽ ranh giới hoặc xoá bản ghi.", fixable=False))
        types = shapely.get_type_id(geoms)
        other = ~missing & ~np.isin(types, POLYGONAL_TYPES)
        for r, g in zip(rows[other], geoms[other]):
            en, vi = ctx.label(r)
            kind = g.geom_type
            out.append(self.finding(
                ctx, [r], g, f"{en} is a {kind}, not a polygon: redraw it as an area.",
                f"{vi} là {_TYPE_VI.get(kind, kind)}, không phải vùng: hãy vẽ lại thành vùng.",
                fixable=False))
        poly = ~missing & ~other
        bad = rows[poly][~ctx.is_valid(rows[poly])]
        if bad.size == 0:
            return out
        reasons = shapely.is_valid_reason(ctx.geoms[bad])
        for r, reason in zip(bad, reasons):
            what, point = _parse(reason, ctx.geoms[r])
            en, vi = ctx.label(r)
            where = f"({point.x:.3f}, {point.y:.3f})" if point is not None else ""
            out.append(self.finding(
                ctx, [r], point,
                f"{en}: invalid geometry, {what} at {where}. Redraw the boundary there or use "
                "the automatic repair.",
                f"{vi}: hình học không hợp lệ, {_REASON_VI.get(what, what)} tại {where}. Hãy vẽ "
                "lại ranh giới tại đó hoặc dùng chức năng sửa tự động.", reason=what))
        return out

    def fixes(self, ctx, finding):
        if not finding.fixable:
            return
        row = finding.rows[0]
        found = False
        for candidate in repair_candidates(ctx.geoms[row], self.tolerance_in(ctx), ctx.tolerances.area):
            found = True
            yield {row: candidate}
        if not found:
            en, vi = ctx.label(row)
            raise NotFixable(
                f"{en}: no repair keeps the parcel one valid polygon of the same area; redraw it.",
                f"{vi}: không có cách sửa nào giữ thửa là một vùng hợp lệ với cùng diện tích; "
                "hãy vẽ lại.")


def _parse(reason: str, geom):
    """(reason text, location point) from GEOS's "Self-intersection[x y]"."""
    m = _REASON.match(reason or "")
    if not m:
        return reason, shapely.point_on_surface(geom) if geom is not None else None
    point = None
    if m["x"] and m["x"] != "nan" and m["y"] != "nan":
        point = shapely.Point(float(m["x"]), float(m["y"]))
    elif geom is not None:
        # No location given (too few points...): the first vertex is where to look.
        coords = shapely.get_coordinates(geom)
        finite = coords[np.isfinite(coords).all(axis=1)]
        point = shapely.Point(finite[0]) if len(finite) else None
    return m["what"].strip(), point
