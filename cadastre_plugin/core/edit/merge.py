"""Merge adjacent parcels into one (hợp thửa).

Parcels may be merged only when they form one connected group through shared boundaries
longer than the tolerance (touching at a corner is not enough: the result would be a
pinched, invalid parcel), lie in the same commune and on the same map sheet (the merged
parcel gets one number of one sheet). The union is exact: the outer boundary keeps every
vertex it had. Vertices where the dissolved boundaries met the outer boundary are dropped
only when they are collinear and no other parcel holds them; a vertex a neighbour shares
stays, or that neighbour would be left with a T-junction.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
import shapely
from shapely.geometry import Polygon

from ..messages import CadastreError
from .shared_vertex import ON_EDGE_EPS, format_xy
from .split_line import check_polygon


@dataclass(frozen=True)
class MergeCandidate:
    """What merging needs to know of one parcel."""

    geometry: Polygon
    commune_code: str
    sheet_no: int
    label: str


@dataclass(frozen=True)
class MergeResult:
    polygon: Polygon
    removed_vertices: np.ndarray  # k x 2: collinear junction vertices no longer needed
    shared_lengths: dict  # (i, j) -> length of the boundary parcels i and j shared


def shared_lengths(geoms: Sequence[Polygon]) -> dict:
    """{(i, j): length of common boundary} for every pair that shares a stretch of it."""
    arr = np.array(geoms, dtype=object)
    i, j = np.triu_indices(len(arr), k=1)
    if not len(i):
        return {}
    common = shapely.intersection(shapely.boundary(arr[i]), shapely.boundary(arr[j]))
    lengths = shapely.length(common)  # points (corner contacts) have length 0
    return {(int(a), int(b)): float(le) for a, b, le in zip(i, j, lengths) if le > 0}


def check_mergeable(parcels: Sequence[MergeCandidate], tolerance: float) -> dict:
    """Refuse (CadastreError, with the reason and the parcels concerned) a set that cannot be
    merged; return the shared boundary lengths otherwise."""
    labels = [p.label for p in parcels]
    if len(parcels) < 2:
        raise CadastreError(
            "MERGE_TOO_FEW",
            "Select at least two adjacent parcels to merge.",
            "Hãy chọn ít nhất hai thửa liền kề để hợp thửa.", ", ".join(labels))
    communes = sorted({p.commune_code for p in parcels})
    if len(communes) > 1:
        by = "; ".join(f"{c}: " + ", ".join(p.label for p in parcels if p.commune_code == c)
                       for c in communes)
        raise CadastreError(
            "MERGE_DIFFERENT_COMMUNES",
            f"The parcels lie in different communes ({by}). Parcels of different communes "
            "cannot be merged; adjust the commune boundary first.",
            f"Các thửa thuộc các xã khác nhau ({by}). Không thể hợp các thửa khác xã; hãy điều "
            "chỉnh địa giới xã trước.", ", ".join(labels))
    sheets = sorted({p.sheet_no for p in parcels})
    if len(sheets) > 1:
        by = "; ".join(f"tờ/sheet {s}: " + ", ".join(p.label for p in parcels if p.sheet_no == s)
                       for s in sheets)
        raise CadastreError(
            "MERGE_DIFFERENT_SHEETS",
            f"The parcels lie on different map sheets ({by}). A merged parcel gets one number "
            "of one sheet: move them onto the same sheet (sheet boundary edit) first.",
            f"Các thửa nằm trên các tờ bản đồ khác nhau ({by}). Thửa hợp chỉ có một số thửa "
            "của một tờ: hãy đưa các thửa về cùng một tờ trước.", ", ".join(labels))
    geoms = [check_polygon(p.geometry, p.label) for p in parcels]
    lengths = shared_lengths(geoms)
    # Connected components over the "shares more than the tolerance" relation.
    parent = list(range(len(geoms)))

    def root(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for (a, b), length in lengths.items():
        if length > tolerance:
            parent[root(a)] = root(b)
    groups = {}
    for k in range(len(geoms)):
        groups.setdefault(root(k), []).append(labels[k])
    if len(groups) > 1:
        parts = sorted(groups.values(), key=len, reverse=True)
        main, rest = parts[0], [label for g in parts[1:] for label in g]
        raise CadastreError(
            "MERGE_NOT_ADJACENT",
            f"Parcel(s) {', '.join(rest)} share no boundary longer than {tolerance:g} m with "
            f"{', '.join(main)}; only adjacent parcels can be merged (touching at a corner is not "
            "enough). Deselect them, or merge in separate steps.",
            f"Thửa {', '.join(rest)} không có cạnh chung dài hơn {tolerance:g} m với thửa "
            f"{', '.join(main)}; chỉ được hợp các thửa liền kề (chung một góc là chưa đủ). Hãy bỏ "
            "chọn các thửa đó, hoặc hợp thành nhiều bước.", ", ".join(rest))
    return lengths


def _collinear(prev: np.ndarray, cur: np.ndarray, nxt: np.ndarray) -> np.ndarray:
    """Whether each vertex lies on the straight line between its neighbours (within
    ON_EDGE_EPS), i.e. removing it changes nothing a survey could see."""
    d = nxt - prev
    length = np.hypot(d[:, 0], d[:, 1])
    cross = (cur[:, 0] - prev[:, 0]) * d[:, 1] - (cur[:, 1] - prev[:, 1]) * d[:, 0]
    with np.errstate(invalid="ignore", divide="ignore"):
        dev = np.abs(cross) / length
    between = ((cur - prev) * (nxt - cur)).sum(axis=1) > 0
    return (length > 0) & (dev <= ON_EDGE_EPS) & between


def _drop(ring: np.ndarray, removable: np.ndarray) -> tuple:
    """Ring (closed) without the collinear vertices listed in ``removable``."""
    pts = ring[:-1]
    drop = np.zeros(len(pts), dtype=bool)
    if len(removable):
        is_cand = (pts[:, None, :] == removable[None, :, :]).all(axis=2).any(axis=1)
        # One at a time, against the current neighbours, so two adjacent candidates are
        # judged against what is left rather than against each other.
        for k in np.flatnonzero(is_cand):
            keep_idx = np.flatnonzero(~drop)
            pos = int(np.searchsorted(keep_idx, k))
            prev = pts[keep_idx[pos - 1]]
            nxt = pts[keep_idx[(pos + 1) % len(keep_idx)]]
            if len(keep_idx) > 3 and _collinear(prev[None], pts[k][None], nxt[None])[0]:
                drop[k] = True
    kept = pts[~drop]
    return np.vstack([kept, kept[:1]]), pts[drop]


def merge_polygons(geoms: Sequence[Polygon], keep_vertices=None) -> MergeResult:
    """Exact union of adjacent polygons (check them with :func:`check_mergeable` first).

    ``keep_vertices`` (k x 2): vertices other parcels hold; they are never removed."""
    geoms = [shapely.orient_polygons(g) for g in geoms]
    merged = shapely.union_all(np.array(geoms, dtype=object))
    if isinstance(merged, shapely.MultiPolygon) or not isinstance(merged, Polygon):
        raise CadastreError(
            "MERGE_NOT_ADJACENT",
            "The parcels do not form one connected area and cannot be merged.",
            "Các thửa không tạo thành một vùng liền nhau nên không thể hợp thửa.")
    # Junctions: vertices held by two or more of the merged parcels.
    coords = [np.unique(shapely.get_coordinates(g), axis=0) for g in geoms]
    allc = np.concatenate(coords)
    uniq, counts = np.unique(allc, axis=0, return_counts=True)
    junctions = uniq[counts > 1]
    if keep_vertices is not None and len(junctions):
        keep = np.asarray(keep_vertices, dtype=float).reshape(-1, 2)
        if len(keep):
            held = (junctions[:, None, :] == keep[None, :, :]).all(axis=2).any(axis=1)
            junctions = junctions[~held]
    rings = [np.asarray(merged.exterior.coords)[:, :2]]
    rings += [np.asarray(r.coords)[:, :2] for r in merged.interiors]
    new_rings, removed = [], []
    for ring in rings:
        kept, dropped = _drop(ring, junctions)
        new_rings.append(kept)
        removed.append(dropped)
    polygon = shapely.orient_polygons(Polygon(new_rings[0], new_rings[1:]))
    if not polygon.is_valid:  # pragma: no cover - union of a valid coverage is valid
        reason = shapely.is_valid_reason(polygon)
        raise CadastreError(
            "MERGE_INVALID", f"The merged parcel would be invalid ({reason}).",
            f"Thửa sau khi hợp sẽ không hợp lệ ({reason}).")
    return MergeResult(polygon, np.concatenate(removed) if removed else np.zeros((0, 2)),
                       shared_lengths(geoms))


def merge_parcels(parcels: Sequence[MergeCandidate], tolerance: float,
                  keep_vertices=None) -> MergeResult:
    """Check and merge: the one call a merge tool needs."""
    check_mergeable(parcels, tolerance)
    result = merge_polygons([p.geometry for p in parcels], keep_vertices)
    expected = sum(p.geometry.area for p in parcels)
    if abs(result.polygon.area - expected) > max(0.01, 1e-6 * expected):
        # Overlapping parcels would merge into less than the sum: that is a topology fault
        # to repair first, not something to absorb silently.
        p = result.polygon.representative_point()
        raise CadastreError(
            "MERGE_OVERLAP",
            f"The selected parcels overlap (merged area {result.polygon.area:.2f} m², sum of "
            f"areas {expected:.2f} m²). Repair the overlap (quality check) before merging.",
            f"Các thửa đã chọn chồng lấn nhau (diện tích sau hợp {result.polygon.area:.2f} m², "
            f"tổng diện tích {expected:.2f} m²). Hãy sửa lỗi chồng lấn (kiểm tra chất lượng) "
            "trước khi hợp thửa.", format_xy(p.x, p.y))
    return result
