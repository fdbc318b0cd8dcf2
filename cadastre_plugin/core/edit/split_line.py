"""Split a parcel by a drawn line (a polyline is allowed).

The pieces are built from one noded set of boundary and line work, so they share the cut's
vertices exactly and cover the parcel without gap or overlap. Where the cut meets the
parcel boundary it creates new vertices; :attr:`LineSplit.nodes` lists them so the caller
inserts them into the neighbours as well (:func:`.shared_vertex.insert_vertices_many`),
otherwise the coverage would be left with T-junctions.

Snapping mirrors what a surveyor expects from the map tool: line vertices within the
tolerance of a boundary vertex go onto that vertex, the line is bent through boundary
vertices it passes within the tolerance of, and line vertices within the tolerance of an
edge go onto the edge. So a cut never leaves a sliver edge next to an existing corner.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon

from ..messages import CadastreError
from ..numbering import number_parcels
from .shared_vertex import ON_EDGE_EPS, format_xy, insert_vertices, new_boundary_vertices

# Smallest piece the cadastre can record: areas are kept to 0.1 m² and must be positive.
MIN_RECORDABLE_AREA = 0.1


@dataclass(frozen=True)
class LineSplit:
    """The pieces of a split parcel, in parcel-numbering order (north to south, west to east)."""

    pieces: tuple  # Polygons, exterior counter-clockwise
    cut: object  # the part of the (snapped) line inside the parcel, a (Multi)LineString
    nodes: np.ndarray  # k x 2: new vertices on the parcel's boundary, for its neighbours
    source: Polygon  # the parcel as split (with any vertex the line's ends were snapped onto)

    @property
    def areas(self) -> tuple:
        return tuple(p.area for p in self.pieces)


def check_polygon(polygon, where: str = "") -> Polygon:
    """The parcel geometry as a valid single polygon, or a CadastreError saying what to fix."""
    if isinstance(polygon, shapely.MultiPolygon) and len(polygon.geoms) == 1:
        polygon = polygon.geoms[0]
    if not isinstance(polygon, Polygon) or polygon.is_empty:
        raise CadastreError(
            "EDIT_NOT_POLYGON",
            f"Parcel {where} is not a single polygon ({polygon.geom_type}); split it into "
            "separate parcels or repair it before editing.",
            f"Thửa {where} không phải là một đa giác đơn ({polygon.geom_type}); hãy tách thành "
            "các thửa riêng hoặc sửa hình học trước khi chỉnh sửa.", where)
    if not polygon.is_valid:
        reason = shapely.is_valid_reason(polygon)
        raise CadastreError(
            "EDIT_INVALID_PARCEL",
            f"Parcel {where} has an invalid geometry ({reason}); repair it (quality check, "
            "fix) before editing it.",
            f"Thửa {where} có hình học không hợp lệ ({reason}); hãy sửa lỗi (kiểm tra chất "
            "lượng, sửa) trước khi chỉnh sửa.", where)
    return polygon


def _line(line, where: str) -> LineString:
    if not isinstance(line, LineString):
        line = shapely.line_merge(line) if line is not None else None
    coords = np.asarray(line.coords)[:, :2] if isinstance(line, LineString) else np.zeros((0, 2))
    if len(coords):
        keep = np.ones(len(coords), dtype=bool)
        keep[1:] = (coords[1:] != coords[:-1]).any(axis=1)
        coords = coords[keep]
    if len(coords) < 2:
        raise CadastreError(
            "SPLIT_LINE_EMPTY",
            f"The split line for parcel {where} needs at least two different points; draw it "
            "across the parcel, from outside to outside.",
            f"Đường chia thửa {where} cần ít nhất hai điểm khác nhau; hãy vẽ cắt ngang qua "
            "thửa, từ ngoài thửa sang ngoài thửa.", where)
    line = LineString(coords)
    if not line.is_simple:
        raise CadastreError(
            "SPLIT_LINE_SELF_CROSSING",
            f"The split line for parcel {where} crosses itself; draw it without loops.",
            f"Đường chia thửa {where} tự cắt chính nó; hãy vẽ lại không có vòng lặp.", where)
    return line


def _snap_line(polygon: Polygon, line: LineString, radius: float, where: str):
    """Line vertices near the boundary go onto it. Returns (polygon with any vertex the line
    now ends on inserted, snapped line)."""
    boundary = polygon.boundary
    ring_xy = shapely.get_coordinates(boundary)
    coords = np.asarray(line.coords).copy()
    inserts = []
    for i, p in enumerate(coords):
        d_vertex = np.hypot(*(ring_xy - p).T)
        j = int(d_vertex.argmin())
        if d_vertex[j] <= radius:
            coords[i] = ring_xy[j]
            continue
        pt = shapely.Point(p)
        if boundary.distance(pt) <= radius:
            # Onto the edge, and into the ring as a vertex, so the noding below sees the
            # line end *exactly* on the boundary rather than 1e-10 m either side of it.
            q = boundary.interpolate(boundary.project(pt))
            coords[i] = (q.x, q.y)
            inserts.append(coords[i].copy())
        elif i in (0, len(coords) - 1) and polygon.contains(pt):
            raise CadastreError(
                "SPLIT_LINE_ENDS_INSIDE",
                f"The split line ends inside parcel {where} at {format_xy(*p)}. A split line must "
                "cross the parcel completely: extend it to or beyond the boundary.",
                f"Đường chia kết thúc bên trong thửa {where} tại {format_xy(*p)}. Đường chia phải "
                "cắt qua hết thửa: hãy kéo dài đến hoặc vượt qua ranh giới thửa.",
                format_xy(*p))
    if inserts:
        polygon = insert_vertices(polygon, inserts) or polygon
    line = LineString(coords)
    if radius > ON_EDGE_EPS:
        # Bend the line through boundary vertices it passes within the radius of (GEOS adds
        # the vertex to the segment), so no crossing lands a few cm beside a corner.
        line = shapely.snap(line, polygon.boundary, radius)
    return polygon, line


def split_by_line(polygon, line, tolerance: float, *, snap: bool = True,
                  min_area: float | None = None, where: str = "") -> LineSplit:
    """Split ``polygon`` by ``line``.

    ``tolerance`` (m, usually :func:`..sheets.point_accuracy_m` of the sheet scale) is the
    snapping radius and the narrowest piece allowed. ``snap=False`` keeps the line exactly as
    given (split by area needs that: snapping would change the area). ``min_area`` defaults to
    the larger of 0.1 m² and the tolerance squared.

    Refuses (CadastreError) a line that does not cross the parcel fully, that ends inside
    it, and a split that would leave a piece narrower than the tolerance or smaller than
    ``min_area``.
    """
    polygon = check_polygon(polygon, where)
    line = _line(line, where)
    radius = tolerance if snap else ON_EDGE_EPS
    source, line = _snap_line(polygon, line, radius, where)
    noded = shapely.union(source.boundary, line)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))
    inside = shapely.contains(source, shapely.point_on_surface(faces)) if len(faces) else []
    pieces = [f for f, keep in zip(faces, inside) if keep]
    if len(pieces) < 2:
        raise CadastreError(
            "SPLIT_LINE_NOT_CROSSING",
            f"The line does not cut parcel {where} into pieces. Draw it across the whole parcel: "
            "both ends outside the parcel or on its boundary.",
            f"Đường vẽ không chia được thửa {where}. Hãy vẽ cắt ngang qua toàn bộ thửa: hai đầu "
            "nằm ngoài thửa hoặc trên ranh giới thửa.", where)
    total = sum(p.area for p in pieces)
    if abs(total - source.area) > 1e-6 * max(1.0, source.area):
        # Noding can only fail this way on a broken input; never hand out a partial cover.
        raise CadastreError(
            "SPLIT_NOT_EXACT",
            f"Splitting parcel {where} did not give pieces that cover it exactly ({total:.4f} "
            f"of {source.area:.4f} m²). Run the quality check on the parcel and repair it.",
            f"Chia thửa {where} không tạo ra các phần phủ kín thửa ({total:.4f} trên "
            f"{source.area:.4f} m²). Hãy chạy kiểm tra chất lượng thửa và sửa lỗi.", where)
    check_pieces(pieces, tolerance, min_area, where)
    pieces = shapely.orient_polygons(np.array(pieces, dtype=object))
    order = np.argsort(number_parcels(pieces))
    pieces = tuple(pieces[order])
    cut = shapely.intersection(line, source)
    # Against the parcel as stored: the vertices the line's ends were snapped onto are new
    # to the neighbours too.
    return LineSplit(pieces, cut, new_boundary_vertices(polygon, pieces), source)


def check_pieces(pieces, tolerance: float, min_area: float | None, where: str) -> None:
    """Refuse slivers: a piece narrower than ``tolerance`` everywhere, or below ``min_area``."""
    min_area = max(MIN_RECORDABLE_AREA, tolerance ** 2) if min_area is None else min_area
    for piece in pieces:
        p = piece.representative_point()
        at = format_xy(p.x, p.y)
        if piece.area < min_area:
            raise CadastreError(
                "SPLIT_PIECE_TOO_SMALL",
                f"Splitting parcel {where} would leave a piece of {piece.area:.2f} m² near {at}, "
                f"below the {min_area:g} m² minimum. Move the line so that every piece is larger.",
                f"Chia thửa {where} sẽ tạo ra một phần chỉ {piece.area:.2f} m² gần {at}, nhỏ hơn "
                f"mức tối thiểu {min_area:g} m². Hãy dời đường chia để mọi phần đều lớn hơn.", at)
        # Erosion by half the tolerance empties a piece that is nowhere wider than it.
        if shapely.buffer(piece, -tolerance / 2.0, quad_segs=2).is_empty:
            raise CadastreError(
                "SPLIT_PIECE_TOO_NARROW",
                f"Splitting parcel {where} would leave a sliver narrower than {tolerance:g} m "
                f"near {at} ({piece.area:.2f} m²). Move the line away from the boundary, or snap "
                "it onto the boundary vertex.",
                f"Chia thửa {where} sẽ tạo ra một dải hẹp dưới {tolerance:g} m gần {at} "
                f"({piece.area:.2f} m²). Hãy dời đường chia xa ranh giới, hoặc bắt điểm vào "
                "đỉnh ranh giới.", at)
