"""What a parcel extract (trích lục bản đồ địa chính) shows, computed without QGIS.

Boundary points are numbered as surveyors number them on an extract: point 1 is the corner
nearest the north-west of the parcel, then clockwise around the outer boundary, then around
each hole. Coordinates are printed in the VN-2000 surveying convention, X = northing and
Y = easting, in metres to 2 decimals; edge lengths to 2 decimals; the area to 0.1 m².

The map scale is the largest standard scale at which the parcel, with room for its
neighbours' numbers around it, fits the map frame of the layout.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

import numpy as np
import shapely

from ..core.codelists import load, split_landuse
from ..core.crs import vn2000_crs_name
from ..core.messages import CadastreError
from ..core.model import Commune, Parcel
from ..core.working_copy import WorkingCopy

STANDARD_SCALES = (100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 25000, 50000)
#: The parcel takes at most this share of the frame, so its neighbours show around it.
FILL = 0.7


@dataclass(frozen=True)
class Vertex:
    number: int
    x_northing: float
    y_easting: float


@dataclass(frozen=True)
class Edge:
    start: int
    end: int
    length: float
    mid: tuple  # (easting, northing) of the middle, where the length is written


@dataclass
class ExtractData:
    commune: Commune
    parcel: Parcel
    sheet_scale: Optional[int]
    grid_number: Optional[str]
    vertices: list
    edges: list
    landuse: list  # (code, Vietnamese name)
    holders: list  # "name" or "name (share)"
    crs_name: str
    day: date = field(default_factory=date.today)


def number_vertices(polygon) -> tuple:
    """(vertices, edges) of a polygon, numbered from the north-west corner clockwise."""
    polygon = shapely.orient_polygons(polygon, exterior_cw=True)
    rings = [polygon.exterior, *polygon.interiors]
    vertices, edges = [], []
    for k, ring in enumerate(rings):
        coords = shapely.get_coordinates(ring)[:-1]
        if k == 0:
            minx, _, _, maxy = polygon.bounds
            start = int(np.argmin(np.hypot(coords[:, 0] - minx, coords[:, 1] - maxy)))
            coords = np.roll(coords, -start, axis=0)
        first = len(vertices) + 1
        for i, (x, y) in enumerate(coords):
            vertices.append(Vertex(first + i, float(y), float(x)))
        n = len(coords)
        for i in range(n):
            a, b = coords[i], coords[(i + 1) % n]
            edges.append(Edge(first + i, first + (i + 1) % n, float(np.hypot(*(b - a))),
                              (float((a[0] + b[0]) / 2), float((a[1] + b[1]) / 2))))
    return vertices, edges


def vertex_label_points(polygon, vertices: list, distance: float) -> list:
    """(easting, northing) for each vertex's number: ``distance`` m from the corner along the
    outward bisector, so that numbers sit outside the parcel, clear of its edges."""
    coords = np.array([(v.y_easting, v.x_northing) for v in vertices])
    out = []
    rings = [polygon.exterior, *polygon.interiors]
    ring_of = {}
    for ring in rings:
        ring_coords = shapely.get_coordinates(ring)[:-1]
        for c in ring_coords:
            ring_of[tuple(c)] = ring_coords
    for c in coords:
        ring = ring_of.get(tuple(c))
        if ring is None or len(ring) < 3:
            out.append(tuple(c))
            continue
        i = int(np.flatnonzero((ring == c).all(axis=1))[0])
        prev, nxt = ring[i - 1], ring[(i + 1) % len(ring)]
        a = (c - prev) / max(np.hypot(*(c - prev)), 1e-12)
        b = (c - nxt) / max(np.hypot(*(c - nxt)), 1e-12)
        d = a + b
        if np.hypot(*d) < 1e-9:  # a straight-through vertex: go square to the edge
            d = np.array([-a[1], a[0]])
        d = d / np.hypot(*d)
        p = c + d * distance
        if polygon.contains(shapely.Point(p)):
            p = c - d * distance
        out.append((float(p[0]), float(p[1])))
    return out


def edge_label_points(polygon, edges: list, distance: float) -> list:
    """((easting, northing), rotation) for each edge length: ``distance`` m inside the parcel
    from the edge's middle, turned along the edge (clockwise degrees, kept upright)."""
    out = []
    coords = {}
    for ring in [polygon.exterior, *polygon.interiors]:
        ring_coords = shapely.get_coordinates(ring)
        for a, b in zip(ring_coords[:-1], ring_coords[1:]):
            coords[(round(float((a[0] + b[0]) / 2), 6), round(float((a[1] + b[1]) / 2), 6))] = \
                (a, b)
    for e in edges:
        a, b = coords[(round(e.mid[0], 6), round(e.mid[1], 6))]
        d = (b - a) / max(np.hypot(*(b - a)), 1e-12)
        normal = np.array([-d[1], d[0]])
        p = np.array(e.mid) + normal * distance
        if not polygon.contains(shapely.Point(p)):
            p = np.array(e.mid) - normal * distance
        angle = float(np.degrees(np.arctan2(d[1], d[0])))
        if angle > 90:
            angle -= 180
        elif angle <= -90:
            angle += 180
        out.append(((float(p[0]), float(p[1])), -angle))
    return out


def choose_scale(bounds, frame_w_mm: float, frame_h_mm: float, fill: float = FILL) -> int:
    """The largest standard scale (smallest denominator) at which ``bounds`` fits ``fill`` of
    the frame; the smallest standard scale if none does."""
    minx, miny, maxx, maxy = bounds
    need = max((maxx - minx) / (frame_w_mm * fill), (maxy - miny) / (frame_h_mm * fill))
    for scale in STANDARD_SCALES:
        if need * 1000 <= scale:
            return scale
    return STANDARD_SCALES[-1]


def _holders(wc: WorkingCopy, parcel_uuid: str) -> list:
    rows = wc.conn.execute(
        "SELECT p.name, s.share FROM rights r JOIN right_shares s ON s.right_uuid = r.uuid "
        "JOIN parties p ON p.uuid = s.party_uuid WHERE r.parcel_uuid = ? AND r.valid_to IS NULL "
        "AND r.kind = 'land_use' ORDER BY s.fid", (parcel_uuid,))
    return [name if share in (None, "1") else f"{name} ({share})" for name, share in rows]


def _landuse(value: str) -> list:
    codes = load("landuse")
    out = []
    for code in split_landuse(value):
        out.append((code, codes.name(code) if code in codes else ""))
    return out


def load_extract(path: str, sheet_no: int, parcel_no: int,
                 day: Optional[date] = None) -> ExtractData:
    with WorkingCopy.open(path) as wc:
        found = wc.parcels("WHERE sheet_no = ? AND parcel_no = ? AND status = 'current'",
                           (sheet_no, parcel_no))
        if not found:
            raise CadastreError(
                "extract.no_parcel",
                f"There is no current parcel {sheet_no}/{parcel_no} in '{path}'. Check the sheet "
                "and parcel numbers (SHEET/NUMBER).",
                f"Không có thửa {parcel_no} tờ {sheet_no} (đang sử dụng) trong '{path}'. Hãy "
                "kiểm tra số tờ và số thửa (TỜ/SỐ THỬA).", f"{sheet_no}/{parcel_no}")
        parcel = found[0]
        commune = wc.commune
        sheet = next((s for s in wc.sheets() if s.sheet_no == sheet_no), None)
        holders = _holders(wc, parcel.uuid)
    if parcel.geometry is None or parcel.geometry.is_empty:
        raise CadastreError(
            "extract.no_geometry", f"Parcel {sheet_no}/{parcel_no} has no boundary to print.",
            f"Thửa {parcel_no} tờ {sheet_no} chưa có ranh giới để in.", f"{sheet_no}/{parcel_no}")
    vertices, edges = number_vertices(parcel.geometry)
    try:
        crs_name = vn2000_crs_name(commune.crs_epsg)
    except CadastreError:  # a working copy outside VN-2000 (foreign test data)
        crs_name = f"EPSG:{commune.crs_epsg}"
    return ExtractData(commune, parcel, sheet.scale if sheet else None,
                       sheet.grid_number if sheet else None, vertices, edges,
                       _landuse(parcel.landuse), holders, crs_name, day or date.today())


def fmt_m(value: float) -> str:
    """Metres to 2 decimals, as survey coordinate tables print them."""
    return f"{value:.2f}"


def fmt_area(value: Optional[float]) -> str:
    """'1.234,5 m²': the Vietnamese way certificates write an area."""
    if value is None:
        return ""
    whole, dec = f"{value:,.1f}".split(".")
    return f"{whole.replace(',', '.')},{dec} m²"


def table_rows(data: ExtractData) -> list:
    """[point, X, Y, edge, length] per vertex; the edge from it to the next point."""
    by_start = {e.start: e for e in data.edges}
    rows = []
    for v in data.vertices:
        e = by_start[v.number]
        rows.append([str(v.number), fmt_m(v.x_northing), fmt_m(v.y_easting),
                     f"{e.start}-{e.end}", fmt_m(e.length)])
    return rows


def date_vi(day: date) -> str:
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
