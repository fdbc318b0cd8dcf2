"""Cut a given area off a parcel: parallel to a chosen side, or through a chosen vertex.

Each mode is a small "cutter" prepared once per parcel. Its ``cut_area(param)`` is pure NumPy
on the parcel's coordinates (a few microseconds), so a map tool can show both areas on every
mouse move (:meth:`preview`, :meth:`param_at`); :meth:`solve` finds the parameter for a
target area with Brent's method (bracketed, so it cannot run away), and :meth:`split` makes
the exact pieces with :func:`.split_line.split_by_line`.

* Parallel to side ``i`` (edge from vertex i to i+1 of the stored exterior ring): the cut
  line runs parallel to that side at offset ``d`` (metres, into the parcel); the cut piece is
  the part between the side and the line. Its area is monotone in ``d``.
* Through vertex ``k``: the cut runs from the vertex into the parcel at angle ``phi``
  (radians, counted from the side towards the next vertex, turning into the parcel) to
  where it first meets the outer boundary. The cut piece is the one along the side from
  vertex k to the next vertex (or the previous one, ``along_next=False``). Its area grows
  with ``phi``; it may jump where a bend of the boundary hides part of the parcel from the
  vertex, and an area inside such a jump cannot be reached through that vertex.
  A parcel with holes (it encloses other parcels) is cut the same way: the line runs on
  through a hole to the outer boundary, each piece keeps the part of the hole on its side
  (as a notch in its boundary), and the cut piece's area is the land on its side, holes
  excluded. That area still grows with ``phi``, so the target is solved to 0.01 m² the
  same way; a cut that would leave a piece in two parts (a hole reaching across it) is
  refused like a bent parcel.

Geometry is handled in a local frame centred on the parcel, so that cross products of
VN-2000 coordinates (~2.3e6 m) lose no precision.
"""
from __future__ import annotations

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon

from ..messages import CadastreError, Issue
from .shared_vertex import format_xy
from .split_line import check_polygon, split_by_line

# Target accuracy of the cut piece's area (m²): ten times finer than the 0.1 m² the cadastre
# records, so the rounded area is the requested one.
AREA_ACCURACY = 0.01


@dataclass(frozen=True)
class CutPreview:
    """What the map tool shows while the user chooses: both areas and the cut line."""

    param: float
    cut_area: float
    remainder_area: float
    line: LineString


@dataclass(frozen=True)
class AreaSplit:
    cut: Polygon  # the piece with the requested area
    remainder: Polygon
    line: LineString  # the cut as drawn across the parcel
    param: float  # offset (m) or angle (rad) that gives it
    nodes: np.ndarray  # new vertices on the parcel boundary, for its neighbours
    source: Polygon
    warnings: tuple = field(default=())

    @property
    def pieces(self) -> tuple:
        return (self.cut, self.remainder)


def brent(f, a: float, b: float, fa: float, fb: float, xtol: float, ftol: float,
          maxiter: int = 100) -> float:
    """Root of ``f`` in [a, b] where fa, fb have opposite signs (Brent-Dekker: inverse
    quadratic interpolation, secant, bisection fallback). Stops when |f| <= ftol or the
    bracket is narrower than xtol; always returns a point inside the bracket."""
    if fa == 0:
        return a
    if fb == 0:
        return b
    if fa * fb > 0:
        raise ValueError("root not bracketed")
    c, fc = a, fa
    d = e = b - a
    for _ in range(maxiter):
        if fb * fc > 0:
            c, fc = a, fa
            d = e = b - a
        if abs(fc) < abs(fb):
            a, b, c = b, c, b
            fa, fb, fc = fb, fc, fb
        tol1 = 2.0 * np.finfo(float).eps * abs(b) + 0.5 * xtol
        xm = 0.5 * (c - b)
        if abs(xm) <= tol1 or abs(fb) <= ftol:
            return b
        if abs(e) >= tol1 and abs(fa) > abs(fb):
            s = fb / fa
            if a == c:
                p, q = 2.0 * xm * s, 1.0 - s
            else:
                q, r = fa / fc, fb / fc
                p = s * (2.0 * xm * q * (q - r) - (b - a) * (r - 1.0))
                q = (q - 1.0) * (r - 1.0) * (s - 1.0)
            if p > 0:
                q = -q
            p = abs(p)
            if 2.0 * p < min(3.0 * xm * q - abs(tol1 * q), abs(e * q)):
                e, d = d, p / q
            else:
                d = e = xm
        else:
            d = e = xm
        a, fa = b, fb
        b += d if abs(d) > tol1 else math.copysign(tol1, xm)
        fb = f(b)
    return b


class _Cutter(ABC):
    """Shared behaviour; subclasses define the parameter range, cut_area, the line and which
    piece is the cut one."""

    lo: float
    hi: float
    polygon: Polygon
    where: str

    @abstractmethod
    def cut_area(self, param):
        """Area (m²) of the cut piece at ``param`` (a number or an array of them)."""

    @abstractmethod
    def line(self, param) -> LineString:
        """The cut at ``param``, for drawing and for the exact split."""

    @property
    def total_area(self) -> float:
        return self.polygon.area

    def preview(self, param: float) -> CutPreview:
        param = min(max(float(param), self.lo), self.hi)
        a = float(self.cut_area(param))
        return CutPreview(param, a, self.total_area - a, self.line(param))

    def solve(self, target: float) -> float:
        """The parameter whose cut piece has ``target`` m² (to 1e-6 m² when reachable)."""
        total = self.total_area
        if not 0 < target < total:
            raise CadastreError(
                "SPLIT_AREA_OUT_OF_RANGE",
                f"Cannot cut {target:g} m² off parcel {self.where}: it has {total:.1f} m². Give "
                f"an area between 0 and {total:.1f} m².",
                f"Không thể tách {target:g} m² khỏi thửa {self.where}: thửa chỉ có "
                f"{total:.1f} m². Hãy nhập diện tích lớn hơn 0 và nhỏ hơn {total:.1f} m².",
                self.where)
        f = lambda p: float(self.cut_area(p)) - target  # noqa: E731
        span = self.hi - self.lo
        # The ends of the range are known exactly (no piece / the whole parcel): use those
        # rather than evaluations, which graze a side there and are the least reliable.
        lo_area, hi_area = self.end_areas
        return brent(f, self.lo, self.hi, lo_area - target, hi_area - target,
                     xtol=span * 1e-13, ftol=1e-6)

    @property
    def end_areas(self) -> tuple:
        """Cut area at ``lo`` and at ``hi``."""
        return 0.0, self.total_area

    def split(self, target: float, tolerance: float, min_split_area: float | None = None,
              citation: str = "") -> AreaSplit:
        """Exact pieces for ``target`` m². Refuses a target that is out of range or cannot be
        reached within 0.01 m², and cuts that would leave more than two pieces or a sliver;
        warns (``AreaSplit.warnings``) when a piece is below ``min_split_area``."""
        # Brent needs only a sign change, so a piece that shrinks as the parameter grows
        # (through a vertex, along the previous side) is solved on the same bracket.
        param = self.solve(target)
        reached = float(self.cut_area(param))
        if abs(reached - target) <= AREA_ACCURACY:
            line = self.line(param)
            result = split_by_line(self.polygon, line, tolerance, snap=False, where=self.where)
            cut, rest = self._sides(result.pieces, param)
            reached = cut.area
        if abs(reached - target) > AREA_ACCURACY:
            raise CadastreError(
                "SPLIT_AREA_UNREACHABLE",
                f"{target:g} m² cannot be cut off parcel {self.where} this way: the nearest "
                f"straight cut gives {reached:.2f} m² (a bend of the boundary is in the way). "
                "Choose another side or vertex, or draw the split line.",
                f"Không thể tách {target:g} m² khỏi thửa {self.where} theo cách này: đường cắt "
                f"thẳng gần nhất cho {reached:.2f} m² (ranh giới bị gấp khúc cản trở). Hãy chọn "
                "cạnh hoặc đỉnh khác, hoặc vẽ đường chia.", self.where)
        warnings = tuple(below_minimum((cut, rest), min_split_area, citation, self.where))
        return AreaSplit(cut, rest, line, param, result.nodes, result.source, warnings)

    @abstractmethod
    def _sides(self, pieces, param) -> tuple:
        """(cut piece, remainder) among the pieces of the exact split."""

    def _too_many(self, n: int) -> CadastreError:
        return CadastreError(
            "SPLIT_AREA_MULTIPART",
            f"This straight cut would divide parcel {self.where} into {n} pieces (the parcel "
            "is bent). Choose another side or vertex, or draw the split line.",
            f"Đường cắt thẳng này sẽ chia thửa {self.where} thành {n} phần (thửa bị gấp khúc). "
            "Hãy chọn cạnh hoặc đỉnh khác, hoặc vẽ đường chia.", self.where)


def _exterior_ccw(polygon: Polygon):
    """Exterior ring without its closing point, counter-clockwise, and whether the stored
    ring was clockwise (stored vertex numbers are what the user clicked on)."""
    ring = np.asarray(polygon.exterior.coords)[:-1, :2]
    flipped = not polygon.exterior.is_ccw
    return (ring[::-1] if flipped else ring), flipped


def _check_index(index: int, n: int, what_en: str, what_vi: str, where: str) -> int:
    if not isinstance(index, (int, np.integer)) or not 0 <= index < n:
        raise CadastreError(
            "SPLIT_AREA_BAD_INDEX",
            f"Parcel {where} has no {what_en} {index!r}: its outer boundary has {n} (0 to "
            f"{n - 1}). Pick one on the map.",
            f"Thửa {where} không có {what_vi} {index!r}: ranh giới ngoài có {n} (từ 0 đến "
            f"{n - 1}). Hãy chọn trên bản đồ.", where)
    return int(index)


class ParallelCut(_Cutter):
    """Cut parallel to side ``edge_index`` (stored exterior ring order)."""

    def __init__(self, polygon, edge_index: int, where: str = ""):
        self.where = where
        self.polygon = check_polygon(polygon, where)
        stored = np.asarray(self.polygon.exterior.coords)[:, :2]
        n = len(stored) - 1
        i = _check_index(edge_index, n, "side", "cạnh", where)
        a, b = stored[i], stored[i + 1]
        u = b - a
        length = math.hypot(*u)
        u = u / length
        # Interior lies left of a counter-clockwise ring's edges, right of a clockwise one's.
        ccw = self.polygon.exterior.is_ccw
        inward = np.array([-u[1], u[0]]) if ccw else np.array([u[1], -u[0]])
        self.origin, self.u, self.n = a, u, inward
        # (u, inward) is a left-handed frame when the stored ring is clockwise; the signed
        # areas below are measured in that frame, so flip them back.
        self._sign = float(u[0] * inward[1] - u[1] * inward[0])
        self.edge = LineString([a, b])
        # Every ring oriented so that the integral below gives signed areas: exterior
        # counter-clockwise, holes clockwise.
        oriented = shapely.orient_polygons(self.polygon)
        rings = [oriented.exterior] + list(oriented.interiors)
        s_parts, w_parts = [], []
        for ring in rings:
            xy = np.asarray(ring.coords)[:, :2] - a
            s_parts.append(xy @ u)
            w_parts.append(xy @ inward)
        self._s1 = np.concatenate([s[:-1] for s in s_parts])
        self._s2 = np.concatenate([s[1:] for s in s_parts])
        self._w1 = np.concatenate([w[:-1] for w in w_parts])
        self._w2 = np.concatenate([w[1:] for w in w_parts])
        sloped = self._w1 != self._w2
        self._s1, self._s2 = self._s1[sloped], self._s2[sloped]
        self._w1, self._w2 = self._w1[sloped], self._w2[sloped]
        self._k = (self._s2 - self._s1) / (self._w2 - self._w1)
        self._up = self._w2 > self._w1
        all_s, all_w = np.concatenate(s_parts), np.concatenate(w_parts)
        self.lo, self.hi = float(all_w.min()), float(all_w.max())
        self._smin, self._smax = float(all_s.min()), float(all_s.max())

    def cut_area(self, d):
        """Area (m²) of the parcel on the side's side of the line at offset ``d``.

        Green's theorem with the integral of s·dw: along the cut line w is constant, so only
        the clipped parts of the parcel's own edges contribute and no clipped polygon is
        built. Works for concave parcels and holes; ``d`` may be an array."""
        d = np.asarray(d, dtype=float)
        lo = np.minimum(self._w1, self._w2)
        hi = np.maximum(self._w1, self._w2)
        c = np.clip(d[..., None], lo, hi)
        x = c - self._w1
        f_c = self._s1 * x + 0.5 * self._k * x * x
        x2 = self._w2 - self._w1
        f_end = self._s1 * x2 + 0.5 * self._k * x2 * x2
        contrib = np.where(self._up, f_c, f_end - f_c)
        return self._sign * contrib.sum(axis=-1)

    def point(self, s: float, w: float) -> np.ndarray:
        return self.origin + s * self.u + w * self.n

    def line(self, d) -> LineString:
        """The cut at offset ``d``, reaching 1 m beyond the parcel on both sides."""
        return LineString([self.point(self._smin - 1.0, d), self.point(self._smax + 1.0, d)])

    def param_at(self, x: float, y: float) -> float:
        """Offset of a map point (the mouse) from the side: what the preview follows."""
        return float((np.array([x, y]) - self.origin) @ self.n)

    def _sides(self, pieces, d):
        w = [float((np.asarray(p.representative_point().coords[0]) - self.origin) @ self.n)
             for p in pieces]
        near = [p for p, wi in zip(pieces, w) if wi < d]
        far = [p for p, wi in zip(pieces, w) if wi >= d]
        if len(near) != 1 or len(far) != 1:
            raise self._too_many(len(pieces))
        return near[0], far[0]


class VertexCut(_Cutter):
    """Cut through vertex ``vertex_index`` (stored exterior ring order)."""

    def __init__(self, polygon, vertex_index: int, along_next: bool = True, where: str = ""):
        self.where = where
        self.polygon = check_polygon(polygon, where)
        ring, flipped = _exterior_ccw(self.polygon)
        n = len(ring)
        k = _check_index(vertex_index, n, "vertex", "đỉnh", where)
        k = n - 1 - k if flipped else k
        # "next" in the stored order is the counter-clockwise next unless the ring was flipped.
        self._grow_ccw = along_next != flipped
        ring = np.roll(ring, -k, axis=0)
        self.vertex = ring[0].copy()
        self._p = ring - self.vertex  # local: the vertex at the origin, counter-clockwise
        p = self._p
        cross = p[:-1, 0] * p[1:, 1] - p[:-1, 1] * p[1:, 0]
        self._prefix = np.concatenate([[0.0], np.cumsum(cross)])  # 2 x area of P0..Pj fan
        self._a = p[1:-1]  # segments P1->P2 ... P(n-2)->P(n-1): all that do not touch P0
        self._ab = p[2:] - p[1:-1]
        self._theta0 = math.atan2(p[1, 1], p[1, 0])
        back = math.atan2(p[-1, 1], p[-1, 0])
        self.interior_angle = (back - self._theta0) % (2 * math.pi)
        self._total = float(self._prefix[-1] + p[-1, 0] * p[0, 1] - p[-1, 1] * p[0, 0]) / 2.0
        # Holes (parcels this one encloses), in the same local frame. The cut runs on through
        # a hole to the outer boundary, so the fan below is measured against the exterior and
        # the holes' share of it taken off.
        self._holes = np.array([shapely.transform(Polygon(r), lambda xy: xy - self.vertex)
                                for r in self.polygon.interiors], dtype=object)
        if len(self._holes):
            shapely.prepare(self._holes)
            self._total -= float(shapely.area(self._holes).sum())
        # Stay a hair inside the corner: at exactly 0 or the interior angle the ray runs
        # along a side and "first hit" is undefined.
        eps = 1e-9 * max(1.0, self.interior_angle)
        self.lo, self.hi = eps, self.interior_angle - eps

    def _hit(self, phi: float):
        theta = self._theta0 + phi
        d = np.array([math.cos(theta), math.sin(theta)])
        ab, a = self._ab, self._a
        denom = d[0] * ab[:, 1] - d[1] * ab[:, 0]
        with np.errstate(divide="ignore", invalid="ignore"):
            t = (a[:, 0] * ab[:, 1] - a[:, 1] * ab[:, 0]) / denom
            s = (a[:, 0] * d[1] - a[:, 1] * d[0]) / denom
        # A ray that grazes a vertex may find s a rounding error outside [0, 1]: accept it
        # rather than let the ray run on past the vertex to a wall beyond.
        ok = (denom != 0) & (t > 0) & (s >= -1e-9) & (s <= 1 + 1e-9)
        if not ok.any():  # cannot happen for phi inside the corner of a valid polygon
            raise CadastreError(
                "SPLIT_AREA_NO_EXIT",
                f"No cut from the chosen vertex of parcel {self.where} reaches the boundary at "
                "that angle. Choose another angle or vertex.",
                f"Đường cắt từ đỉnh đã chọn của thửa {self.where} không gặp ranh giới ở góc "
                "đó. Hãy chọn góc hoặc đỉnh khác.", self.where)
        tt = np.where(ok, t, np.inf)
        j = int(tt.argmin())
        return j + 1, tt[j] * d  # segment P(j+1)->P(j+2), hit point (local)

    def _ccw_area(self, phi: float) -> float:
        j, e = self._hit(phi)
        pj = self._p[j]
        area = (self._prefix[j] + pj[0] * e[1] - pj[1] * e[0]) / 2.0
        if len(self._holes):
            fan = Polygon(np.vstack([self._p[:j + 1], e]))
            area -= float(shapely.area(shapely.intersection(fan, self._holes)).sum())
        return area

    def cut_area(self, phi):
        phis = np.atleast_1d(np.asarray(phi, dtype=float))
        areas = np.array([self._ccw_area(float(x)) for x in phis])
        if not self._grow_ccw:
            areas = self._total - areas
        return areas if np.ndim(phi) else float(areas[0])

    @property
    def total_area(self) -> float:
        return self._total

    @property
    def end_areas(self) -> tuple:
        return (0.0, self._total) if self._grow_ccw else (self._total, 0.0)

    def line(self, phi) -> LineString:
        """The cut from the vertex to where it first meets the boundary."""
        _, e = self._hit(float(phi))
        return LineString([self.vertex, self.vertex + e])

    def param_at(self, x: float, y: float) -> float:
        """Angle of a map point (the mouse) seen from the vertex, clamped into the corner."""
        phi = (math.atan2(y - self.vertex[1], x - self.vertex[0]) - self._theta0) % (2 * math.pi)
        return min(max(phi, self.lo), self.hi)

    def _sides(self, pieces, phi):
        if len(pieces) != 2:
            raise self._too_many(len(pieces))
        # The cut piece holds the side from the vertex to its next (or previous) vertex.
        step = self._p[1] if self._grow_ccw else self._p[-1]
        probe = shapely.Point(self.vertex + step / 2.0)
        a, b = pieces
        return (a, b) if a.distance(probe) <= b.distance(probe) else (b, a)


def below_minimum(pieces, min_split_area: float | None, citation: str = "",
                  where: str = "") -> list:
    """Issues for pieces smaller than the province's minimum split area (Land Law 2024 art.
    220: such a piece must be merged with a neighbour in the same procedure)."""
    if min_split_area is None:
        return []
    issues = []
    cite_en = f" ({citation})" if citation else ""
    for piece in pieces:
        if piece.area < min_split_area:
            p = piece.representative_point()
            at = format_xy(p.x, p.y)
            issues.append(Issue(
                "SPLIT_BELOW_MINIMUM",
                f"A piece of parcel {where} has {piece.area:.1f} m², below the province's minimum "
                f"split area of {min_split_area:g} m²{cite_en}. It may only be split off if it is "
                "merged with a neighbouring parcel in the same procedure.",
                f"Một phần của thửa {where} có {piece.area:.1f} m², nhỏ hơn diện tích tối thiểu "
                f"được tách thửa của tỉnh là {min_split_area:g} m²{cite_en}. Chỉ được tách nếu "
                "đồng thời hợp phần này với thửa liền kề.",
                at, {"area": piece.area, "minimum": min_split_area}))
    return issues


def split_parallel(polygon, edge_index: int, area: float, tolerance: float,
                   min_split_area: float | None = None, citation: str = "",
                   where: str = "") -> AreaSplit:
    """Cut ``area`` m² off ``polygon`` with a line parallel to side ``edge_index``."""
    return ParallelCut(polygon, edge_index, where).split(area, tolerance, min_split_area, citation)


def split_through_vertex(polygon, vertex_index: int, area: float, tolerance: float,
                         along_next: bool = True, min_split_area: float | None = None,
                         citation: str = "", where: str = "") -> AreaSplit:
    """Cut ``area`` m² off ``polygon`` with a line from vertex ``vertex_index``."""
    return VertexCut(polygon, vertex_index, along_next, where).split(
        area, tolerance, min_split_area, citation)
