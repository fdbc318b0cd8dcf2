"""Editing operations applied to a working copy, each one journalled SQLite transaction.

Every function here runs inside ``wc.operation(name)`` with ``name`` one of
:data:`OPERATIONS`, so the journal groups all its row changes under one op_id, and an
error anywhere (a refused geometry, a broken neighbourhood) rolls everything back.

What every operation does, after the pure geometry functions of this package:

* reads only the neighbourhood, through the GeoPackage R-tree (``rtree_parcels_geom``):
  never a scan of the whole layer, so it stays fast on a province-sized working copy;
* gives new parcels the next free numbers of their sheet (numbers ever used on the sheet,
  retired ones included, are never handed out again), in the sheet's zig-zag order;
* records areas in the commune's VN-2000 TM-3 CRS, rounded to 0.1 m²; keeps legal areas
  unless new ones are given (new parcels have none unless given);
* retires parents into ``parcel_versions`` (status 'retired', ``valid_to`` = now) and
  writes lineage rows child -> parent;
* inserts the new boundary vertices into the neighbours (no T-junctions), archives the
  version they supersede and bumps their version;
* checks the neighbourhood's coverage before and after, and refuses the edit if it creates
  an overlap, a gap narrower than the tolerance or an unmatched vertex.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon

from .. import gpkg
from ..area import round_area
from ..codelists import split_landuse
from ..messages import CadastreError, Issue, ValidationFailed
from ..model import Parcel, new_uuid
from ..numbering import SheetNumbering, number_parcels
from ..schema import PARCEL_COLUMN_NAMES, PARCEL_LAYER, PARCEL_VERSIONS_LAYER, SHEET_LAYER
from ..sheets import point_accuracy_m
from ..working_copy import WorkingCopy, utc_now
from .merge import MergeCandidate, merge_parcels
from .shared_vertex import (
    ON_EDGE_EPS, coverage_problems, format_xy, insert_vertices, insert_vertices_many,
    new_boundary_vertices, overlaps, prepare_moves, snap_to_coverage)
from .split_area import ParallelCut, VertexCut, below_minimum
from .split_line import check_pieces, check_polygon, split_by_line

OPERATIONS = ("split", "split_area", "merge", "move_vertex", "traverse")

# Largest default tolerance (1:10000 sheets): how far around a clicked vertex to look before
# the sheet, and so the real tolerance, is known.
_MAX_TOLERANCE = 3.0
_DEFAULT_SCALE = 1000


@dataclass
class OperationResult:
    """What an operation did, for the map tool to show and select."""

    operation: str
    op_id: str
    created: list = field(default_factory=list)  # uuids of new parcels
    retired: list = field(default_factory=list)  # uuids of parcels moved to the history
    updated: list = field(default_factory=list)  # uuids of parcels whose geometry changed
    numbers: dict = field(default_factory=dict)  # uuid -> (sheet_no, parcel_no), new parcels
    areas: dict = field(default_factory=dict)  # uuid -> recorded area, new and updated
    labels: dict = field(default_factory=dict)  # uuid -> "sheet/number" of every parcel above
    warnings: list = field(default_factory=list)  # Issues the user should see

    def summary(self, lang: str | None = None) -> str:
        vi = (lang or "en") == "vi"

        def names(uuids, with_area=False):
            out = []
            for u in uuids:
                area = self.areas.get(u)
                text = self.labels.get(u, u)
                if with_area and area is not None:
                    a = f"{area:.1f}".replace(".", ",") if vi else f"{area:.1f}"
                    text += f" ({a} m²)"
                out.append(text)
            return ", ".join(out)

        # "<verb> <retired> into <created>", or "<verb>: <created>" when nothing was retired.
        if vi:
            verbs = {"split": "Đã tách thửa", "split_area": "Đã tách thửa",
                     "merge": "Đã hợp thửa", "move_vertex": "Đã di chuyển đỉnh ranh giới",
                     "traverse": "Đã tạo thửa từ số liệu đo"}
            into, updated = " thành", f"cập nhật {len(self.updated)} thửa"
        else:
            verbs = {"split": "Split", "split_area": "Split", "merge": "Merged",
                     "move_vertex": "Moved a boundary vertex", "traverse": "Parcel from survey"}
            into, updated = " into", f"{len(self.updated)} parcel(s) updated"
        text = verbs.get(self.operation, self.operation)
        if self.retired:
            text += f" {names(self.retired)}"
        if self.created:
            text += (into if self.retired else ":") + f" {names(self.created, True)}"
        if self.updated:
            text += f"; {updated}: {names(self.updated, True)}"
        return text + "."


@dataclass
class _Row:
    fid: int
    parcel: Parcel

    @property
    def geom(self) -> Polygon:
        return self.parcel.geometry

    @property
    def label(self) -> str:
        return self.parcel.label


_COLS = ", ".join(f"p.{c}" for c in PARCEL_COLUMN_NAMES)


class _Edit:
    """One operation's access to the working copy, inside its transaction."""

    def __init__(self, wc: WorkingCopy, conn, operation: str, transaction_uuid: str | None):
        self.wc, self.conn, self.operation = wc, conn, operation
        self.transaction_uuid = transaction_uuid
        self.commune = wc.commune
        self.srs = conn.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?",
                                (PARCEL_LAYER,)).fetchone()[0]
        self.now = utc_now()
        op_id = conn.execute("SELECT op_id FROM journal_context WHERE id = 1").fetchone()[0]
        self.result = OperationResult(operation, op_id)
        self._transformer = None

    # -- reading -------------------------------------------------------------------------
    def _rows(self, sql: str, params: Sequence) -> list:
        rows = self.conn.execute(f"SELECT p.fid, {_COLS}, p.geom FROM {PARCEL_LAYER} p {sql}",
                                 tuple(params)).fetchall()
        geoms = gpkg.decode([r[-1] for r in rows])
        return [_Row(r[0], Parcel(geometry=g, **dict(zip(PARCEL_COLUMN_NAMES, r[1:-1]))))
                for r, g in zip(rows, geoms)]

    def parcels(self, uuids: Sequence[str]) -> list:
        """Current parcels by uuid, in the order asked; refuses missing or retired ones."""
        uuids = list(dict.fromkeys(uuids))
        marks = ",".join("?" * len(uuids))
        found = {r.parcel.uuid: r for r in self._rows(f"WHERE p.uuid IN ({marks})", uuids)}
        for u in uuids:
            if u in found:
                continue
            old = self.conn.execute(
                f"SELECT sheet_no, parcel_no, valid_to FROM {PARCEL_VERSIONS_LAYER} "
                "WHERE uuid = ? AND status = 'retired' ORDER BY fid DESC LIMIT 1", (u,)).fetchone()
            if old:
                label = f"{old[0]}/{old[1]}"
                raise CadastreError(
                    "EDIT_PARCEL_RETIRED",
                    f"Parcel {label} was retired on {old[2]} and can no longer be edited; edit "
                    "the parcels that replaced it.",
                    f"Thửa {label} đã bị chấm dứt từ {old[2]} nên không thể chỉnh sửa; hãy chỉnh "
                    "sửa các thửa thay thế nó.", label)
            raise CadastreError(
                "EDIT_PARCEL_MISSING",
                f"Parcel {u} is not in this working copy; refresh the layer and select it again.",
                f"Không có thửa {u} trong bản sao làm việc; hãy làm mới lớp và chọn lại.", u)
        for r in found.values():
            r.parcel.geometry = check_polygon(r.geom, r.label)
        return [found[u] for u in uuids]

    def in_bbox(self, bounds, exclude: Iterable[int] = ()) -> list:
        """Current parcels whose R-tree box meets ``bounds`` (minx, miny, maxx, maxy)."""
        minx, miny, maxx, maxy = bounds
        rows = self._rows(
            "JOIN rtree_parcels_geom r ON r.id = p.fid "
            "WHERE r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ?",
            (maxx, minx, maxy, miny))
        skip = set(exclude)
        return [r for r in rows if r.fid not in skip]

    def tolerance(self, rows: Sequence[_Row], given: float | None) -> float:
        """The given tolerance, else the boundary-point accuracy of the (largest-scale, so
        strictest) sheet of ``rows``."""
        if given is not None:
            return float(given)
        scales = []
        for sheet in sorted({(r.parcel.commune_code, r.parcel.sheet_no) for r in rows}):
            row = self.conn.execute(f"SELECT scale FROM {SHEET_LAYER} WHERE commune_code = ? "
                                    "AND sheet_no = ?", sheet).fetchone()
            if row is None:
                tol = point_accuracy_m(_DEFAULT_SCALE)
                self.result.warnings.append(Issue(
                    "EDIT_SHEET_UNKNOWN",
                    f"Map sheet {sheet[1]} of commune {sheet[0]} is not registered; the "
                    f"1:{_DEFAULT_SCALE} tolerance of {tol:g} m was used. Register the sheet "
                    "with its scale.",
                    f"Tờ bản đồ số {sheet[1]} của xã {sheet[0]} chưa được khai báo; đã dùng hạn "
                    f"sai {tol:g} m của tỷ lệ 1:{_DEFAULT_SCALE}. Hãy khai báo tờ bản đồ và tỷ "
                    "lệ của nó.", f"{sheet[0]}:{sheet[1]}"))
                scales.append(_DEFAULT_SCALE)
            else:
                scales.append(int(row[0]))
        return min(point_accuracy_m(s) for s in scales) if scales else \
            point_accuracy_m(_DEFAULT_SCALE)

    def numbering(self, commune_code: str, sheet_no: int) -> SheetNumbering:
        used = [r[0] for r in self.conn.execute(
            f"SELECT parcel_no FROM {PARCEL_LAYER} WHERE commune_code = ? AND sheet_no = ? "
            f"UNION SELECT parcel_no FROM {PARCEL_VERSIONS_LAYER} WHERE commune_code = ? "
            "AND sheet_no = ?", (commune_code, sheet_no, commune_code, sheet_no))]
        return SheetNumbering(used, sheet=str(sheet_no))

    def areas(self, geoms) -> np.ndarray:
        """Recorded areas: in the commune's TM-3 CRS, rounded to 0.1 m²."""
        geoms = np.asarray(geoms, dtype=object)
        if self.srs != self.commune.crs_epsg:
            if self._transformer is None:
                from pyproj import Transformer
                self._transformer = Transformer.from_crs(self.srs, self.commune.crs_epsg,
                                                         always_xy=True)
            t = self._transformer
            geoms = shapely.transform(geoms, lambda xy: np.column_stack(t.transform(*xy.T)))
        return round_area(shapely.area(geoms))

    # -- writing -------------------------------------------------------------------------
    def blob(self, geom) -> bytes:
        return gpkg.encode([geom], self.srs)[0]

    def _note(self, uuid: str, label: str) -> None:
        self.result.labels[uuid] = label

    def archive(self, row: _Row, status: str) -> None:
        """Copy the stored row into the history, ending its validity now."""
        cols = [c for c in PARCEL_COLUMN_NAMES if c not in ("uuid", "status", "valid_to")]
        self.conn.execute(
            f"INSERT INTO {PARCEL_VERSIONS_LAYER} (geom, uuid, status, valid_to, "
            f"transaction_uuid, {', '.join(cols)}) SELECT geom, uuid, ?, ?, ?, "
            f"{', '.join(cols)} FROM {PARCEL_LAYER} WHERE fid = ?",
            (status, self.now, self.transaction_uuid, row.fid))

    def retire(self, rows: Sequence[_Row]) -> None:
        for row in rows:
            self.archive(row, "retired")
            self.conn.execute(f"DELETE FROM {PARCEL_LAYER} WHERE fid = ?", (row.fid,))
            self.result.retired.append(row.parcel.uuid)
            self._note(row.parcel.uuid, row.label)

    def update_geometry(self, row: _Row, geom: Polygon, area: float | None) -> None:
        """New geometry for a current parcel: the superseded version goes to the history."""
        self.archive(row, "current")
        sets = "geom = ?, version = version + 1, valid_from = ?"
        params = [self.blob(geom), self.now]
        if area is not None:
            sets += ", area = ?"
            params.append(float(area))
            self.result.areas[row.parcel.uuid] = float(area)
        self.conn.execute(f"UPDATE {PARCEL_LAYER} SET {sets} WHERE fid = ?", (*params, row.fid))
        self.result.updated.append(row.parcel.uuid)
        self._note(row.parcel.uuid, row.label)

    def create(self, geoms: Sequence[Polygon], template: Parcel, sheet: tuple,
               legal_areas: Sequence | None, parents: Sequence[_Row],
               attrs: Sequence[dict] | None = None) -> list:
        """New parcels on ``sheet`` = (commune_code, sheet_no) with the next free numbers in
        zig-zag order, attributes from ``template`` (and ``attrs`` per child), lineage to
        ``parents``."""
        geoms = list(geoms)
        if legal_areas is not None and len(legal_areas) != len(geoms):
            raise CadastreError(
                "EDIT_LEGAL_AREAS",
                f"{len(legal_areas)} legal areas were given for {len(geoms)} new parcels; give "
                "one per new parcel (or none).",
                f"Đã nhập {len(legal_areas)} diện tích pháp lý cho {len(geoms)} thửa mới; hãy "
                "nhập mỗi thửa một giá trị (hoặc bỏ trống).")
        numbering = self.numbering(*sheet)
        free = numbering.allocate(len(geoms))
        rank = number_parcels(np.array(geoms, dtype=object)) - 1
        areas = self.areas(geoms)
        single = parents[0].parcel if len(parents) == 1 else None
        uuids = []
        for k, geom in enumerate(geoms):
            extra = attrs[k] if attrs else {}
            uid = new_uuid()
            values = {
                "uuid": uid, "commune_code": sheet[0], "sheet_no": sheet[1],
                "parcel_no": free[rank[k]], "area": float(areas[k]),
                "legal_area": None if legal_areas is None or legal_areas[k] is None
                else float(legal_areas[k]),
                "landuse": extra.get("landuse", template.landuse),
                "address": extra.get("address", template.address),
                "status": "current", "version": 1, "valid_from": self.now, "valid_to": None,
                # The number the land had before: what certificates and dossiers still quote.
                "old_sheet_no": single.sheet_no if single else None,
                "old_parcel_no": single.parcel_no if single else None,
            }
            names = list(values)
            self.conn.execute(
                f"INSERT INTO {PARCEL_LAYER} ({', '.join(names)}, geom) "
                f"VALUES ({', '.join('?' * len(names))}, ?)",
                (*values.values(), self.blob(geom)))
            for parent in parents:
                self.conn.execute(
                    "INSERT INTO parcel_lineage (parent_uuid, child_uuid, transaction_uuid, "
                    "created_at) VALUES (?, ?, ?, ?)",
                    (parent.parcel.uuid, uid, self.transaction_uuid, self.now))
            self.result.created.append(uid)
            self.result.numbers[uid] = (sheet[1], values["parcel_no"])
            self.result.areas[uid] = values["area"]
            self._note(uid, f"{sheet[1]}/{values['parcel_no']}")
            uuids.append(uid)
        return uuids

    def check(self, before: Sequence[Polygon], after: Sequence[Polygon],
              after_labels: Sequence[str], gap_width: float) -> None:
        problems = coverage_problems(before, after, gap_width, after_labels)
        if problems:
            raise ValidationFailed(problems)

    # -- the common shape of split, merge and cut-out ------------------------------------
    def replace(self, parents: Sequence[_Row], children: Sequence[Polygon], nodes: np.ndarray,
                tolerance: float, legal_areas=None, attrs=None, template: Parcel | None = None,
                warnings: Iterable[Issue] = ()) -> OperationResult:
        fids = {r.fid for r in parents}
        bounds = shapely.total_bounds(np.array([r.geom for r in parents] + list(children),
                                               dtype=object))
        pad = tolerance + ON_EDGE_EPS
        neighbours = self.in_bbox((bounds[0] - pad, bounds[1] - pad, bounds[2] + pad,
                                   bounds[3] + pad), exclude=fids)
        updates = insert_vertices_many({r.fid: r.geom for r in neighbours}, nodes)
        after_neighbours = [updates.get(r.fid, r.geom) for r in neighbours]
        first = parents[0].parcel
        # Name the new parcels by the numbers they are about to get, so that a refusal says
        # "12/301 would overlap 12/17" (nothing is reserved until the check passes).
        free = self.numbering(first.commune_code, first.sheet_no).next_free(len(children))
        rank = number_parcels(np.array(children, dtype=object)) - 1
        child_labels = [f"{first.sheet_no}/{free[k]}" for k in rank]
        self.check([r.geom for r in parents] + [r.geom for r in neighbours],
                   list(children) + after_neighbours,
                   child_labels + [r.label for r in neighbours], tolerance)
        self.retire(parents)
        self.create(children, template or first, (first.commune_code, first.sheet_no),
                    legal_areas, parents, attrs)
        for r in neighbours:
            if r.fid in updates:
                # A vertex on a straight edge changes no area: keep the recorded one.
                self.update_geometry(r, updates[r.fid], None)
        self.result.warnings.extend(warnings)
        return self.result


def _edit(wc: WorkingCopy, operation: str, actor, transaction_uuid, body):
    with wc.operation(operation, actor) as conn:
        return body(_Edit(wc, conn, operation, transaction_uuid))


# ------------------------------------------------------------------------------------------
# Split
# ------------------------------------------------------------------------------------------

def _parcel_under_line(edit: _Edit, line: LineString, tolerance: float | None) -> _Row:
    """The one parcel a drawn line crosses completely, or a message to select one.

    A line drawn from outside to outside usually overshoots into the neighbours; it ends
    inside them, so they are not candidates."""
    rows = edit.in_bbox(line.bounds)
    ends = shapely.points(np.asarray(line.coords)[[0, -1]])

    def crossed(r: _Row) -> bool:
        if not shapely.relate_pattern(line, r.geom, "1********"):
            return False
        reach = edit.tolerance([r], tolerance)
        inside = shapely.contains(r.geom, ends) & (shapely.distance(r.geom.boundary, ends) > reach)
        return not inside.any()

    hit = [r for r in rows if crossed(r)]
    if len(hit) == 1:
        hit[0].parcel.geometry = check_polygon(hit[0].geom, hit[0].label)
        return hit[0]
    if not hit:
        raise CadastreError(
            "SPLIT_NO_PARCEL",
            "The line does not cross any parcel; draw it across the parcel to split.",
            "Đường vẽ không cắt qua thửa nào; hãy vẽ cắt ngang qua thửa cần tách.")
    names = ", ".join(sorted(r.label for r in hit))
    raise CadastreError(
        "SPLIT_SEVERAL_PARCELS",
        f"The line crosses several parcels ({names}); select the one to split first.",
        f"Đường vẽ cắt qua nhiều thửa ({names}); hãy chọn trước thửa cần tách.", names)


def apply_split_line(wc: WorkingCopy, line, parcel_uuid: str | None = None, *,
                     tolerance: float | None = None, min_split_area: float | None = None,
                     citation: str = "", legal_areas: Sequence | None = None,
                     transaction_uuid: str | None = None, actor: str | None = None
                     ) -> OperationResult:
    """Split a parcel (``parcel_uuid``, or the one parcel the line cuts) by a drawn line."""
    def body(edit: _Edit):
        line_ = LineString(line) if not isinstance(line, LineString) else line
        parent = (edit.parcels([parcel_uuid])[0] if parcel_uuid
                  else _parcel_under_line(edit, line_, tolerance))
        tol = edit.tolerance([parent], tolerance)
        split = split_by_line(parent.geom, line_, tol, where=parent.label)
        warnings = below_minimum(split.pieces, min_split_area, citation, parent.label)
        return edit.replace([parent], split.pieces, split.nodes, tol, legal_areas,
                            warnings=warnings)
    return _edit(wc, "split", actor, transaction_uuid, body)


def apply_split_area(wc: WorkingCopy, parcel_uuid: str, area: float, *,
                     edge_index: int | None = None, vertex_index: int | None = None,
                     along_next: bool = True, tolerance: float | None = None,
                     min_split_area: float | None = None, citation: str = "",
                     legal_areas: Sequence | None = None, transaction_uuid: str | None = None,
                     actor: str | None = None) -> OperationResult:
    """Cut ``area`` m² off a parcel, parallel to side ``edge_index`` or through vertex
    ``vertex_index``. ``created`` lists the cut piece first, then the remainder;
    ``legal_areas`` (if given) follows that order."""
    if (edge_index is None) == (vertex_index is None):
        raise CadastreError(
            "SPLIT_AREA_MODE",
            "Choose either a side (cut parallel to it) or a vertex (cut through it), not both.",
            "Hãy chọn hoặc một cạnh (cắt song song với cạnh) hoặc một đỉnh (cắt qua đỉnh), "
            "không chọn cả hai.")

    def body(edit: _Edit):
        parent = edit.parcels([parcel_uuid])[0]
        tol = edit.tolerance([parent], tolerance)
        cutter = (ParallelCut(parent.geom, edge_index, parent.label) if edge_index is not None
                  else VertexCut(parent.geom, vertex_index, along_next, parent.label))
        split = cutter.split(area, tol, min_split_area, citation)
        return edit.replace([parent], split.pieces, split.nodes, tol, legal_areas,
                            warnings=split.warnings)
    return _edit(wc, "split_area", actor, transaction_uuid, body)


# ------------------------------------------------------------------------------------------
# Merge
# ------------------------------------------------------------------------------------------

def _merged_attributes(rows: Sequence[_Row]):
    """Land use and address of a merged parcel, with warnings where the parents differ."""
    by_area = sorted(rows, key=lambda r: -r.geom.area)
    codes = list(dict.fromkeys(c for r in by_area for c in split_landuse(r.parcel.landuse)))
    landuse = "+".join(codes)
    warnings = []
    names = ", ".join(r.label for r in rows)
    if len({r.parcel.landuse for r in rows}) > 1:
        warnings.append(Issue(
            "MERGE_LANDUSE_DIFFERS",
            f"The merged parcels had different land uses; the new parcel got {landuse} (largest "
            "parcel's first). Check it against the decision.",
            f"Các thửa được hợp có mục đích sử dụng khác nhau; thửa mới được ghi {landuse} (của "
            "thửa lớn nhất trước). Hãy kiểm tra lại theo quyết định.", names))
    address = by_area[0].parcel.address
    if len({r.parcel.address for r in rows}) > 1:
        warnings.append(Issue(
            "MERGE_ADDRESS_DIFFERS",
            f"The merged parcels had different addresses; the new parcel got that of the largest "
            f"({address}). Correct it if needed.",
            f"Các thửa được hợp có địa chỉ khác nhau; thửa mới lấy địa chỉ của thửa lớn nhất "
            f"({address}). Hãy sửa nếu cần.", names))
    return landuse, address, warnings


def apply_merge(wc: WorkingCopy, parcel_uuids: Sequence[str], *, tolerance: float | None = None,
                legal_area: float | None = None, transaction_uuid: str | None = None,
                actor: str | None = None) -> OperationResult:
    """Merge adjacent parcels of one sheet into one new parcel."""
    def body(edit: _Edit):
        rows = edit.parcels(parcel_uuids)
        tol = edit.tolerance(rows, tolerance)
        bounds = shapely.total_bounds(np.array([r.geom for r in rows], dtype=object))
        pad = tol + ON_EDGE_EPS
        around = edit.in_bbox((bounds[0] - pad, bounds[1] - pad, bounds[2] + pad,
                               bounds[3] + pad), exclude={r.fid for r in rows})
        keep = (np.concatenate([shapely.get_coordinates(r.geom) for r in around])
                if around else None)
        merged = merge_parcels([MergeCandidate(r.geom, r.parcel.commune_code, r.parcel.sheet_no,
                                               r.label) for r in rows], tol, keep)
        landuse, address, warnings = _merged_attributes(rows)
        return edit.replace(rows, [merged.polygon], np.zeros((0, 2)), tol,
                            None if legal_area is None else [legal_area],
                            attrs=[{"landuse": landuse, "address": address}], warnings=warnings)
    return _edit(wc, "merge", actor, transaction_uuid, body)


# ------------------------------------------------------------------------------------------
# Move shared vertices
# ------------------------------------------------------------------------------------------

def apply_move_vertices(wc: WorkingCopy, old_positions, new_positions, *,
                        tolerance: float | None = None, actor: str | None = None,
                        transaction_uuid: str | None = None) -> OperationResult:
    """Move boundary vertices (each nearest to one of ``old_positions``) to
    ``new_positions`` in every parcel that holds them; areas recomputed."""
    old = np.asarray(old_positions, dtype=float).reshape(-1, 2)
    new = np.asarray(new_positions, dtype=float).reshape(-1, 2)

    def body(edit: _Edit):
        r = tolerance if tolerance is not None else _MAX_TOLERANCE
        lo, hi = old.min(axis=0) - r, old.max(axis=0) + r
        near = edit.in_bbox((lo[0], lo[1], hi[0], hi[1]))
        if not near:
            raise CadastreError(
                "MOVE_NO_VERTEX",
                f"There is no parcel near {format_xy(*old[0])}; click on a boundary vertex.",
                f"Không có thửa nào gần {format_xy(*old[0])}; hãy bấm vào một đỉnh ranh giới.",
                format_xy(*old[0]))
        tol = edit.tolerance(near, tolerance)
        # Everything that the moved polygons could reach: their boxes and the new positions.
        holders = prepare_moves({x.fid: x.geom for x in near}, old, tol).keys
        boxes = np.array([shapely.bounds(x.geom) for x in near if x.fid in holders])
        lo = np.minimum(boxes[:, :2].min(axis=0), new.min(axis=0)) - tol
        hi = np.maximum(boxes[:, 2:].max(axis=0), new.max(axis=0)) + tol
        rows = {x.fid: x for x in edit.in_bbox((lo[0], lo[1], hi[0], hi[1]))}
        labels = {fid: x.label for fid, x in rows.items()}
        move = prepare_moves({fid: x.geom for fid, x in rows.items()}, old, tol, labels)
        updated = move.commit(new)
        fids = list(rows)
        before = [rows[f].geom for f in fids]
        after = [updated.get(f, rows[f].geom) for f in fids]
        edit.check(before, after, [labels[f] for f in fids], tol)
        areas = edit.areas([updated[f] for f in updated])
        for fid, area in zip(updated, areas):
            edit.update_geometry(rows[fid], updated[fid], area)
        return edit.result
    return _edit(wc, "move_vertex", actor, transaction_uuid, body)


def apply_move_vertex(wc: WorkingCopy, old_xy, new_xy, **kwargs) -> OperationResult:
    """Move one shared boundary vertex (see :func:`apply_move_vertices`)."""
    return apply_move_vertices(wc, [old_xy], [new_xy], **kwargs)


def apply_move_segment(wc: WorkingCopy, start_xy, end_xy, offset, **kwargs) -> OperationResult:
    """Move a shared boundary segment by ``offset`` = (dx, dy)."""
    ends = np.array([start_xy, end_xy], dtype=float)
    return apply_move_vertices(wc, ends, ends + np.asarray(offset, dtype=float), **kwargs)


# ------------------------------------------------------------------------------------------
# A boundary from survey data
# ------------------------------------------------------------------------------------------

def _sheet_at(edit: _Edit, point) -> int:
    x, y = point.x, point.y
    rows = edit.conn.execute(
        f"SELECT s.sheet_no, s.geom FROM {SHEET_LAYER} s JOIN rtree_map_sheets_geom r "
        "ON r.id = s.fid WHERE s.commune_code = ? AND r.minx <= ? AND r.maxx >= ? "
        "AND r.miny <= ? AND r.maxy >= ?", (edit.commune.code, x, x, y, y)).fetchall()
    frames = gpkg.decode([r[1] for r in rows])
    for (sheet_no, _), frame in zip(rows, frames):
        if frame is not None and frame.covers(point):
            return int(sheet_no)
    raise CadastreError(
        "TRAVERSE_NO_SHEET",
        f"No map sheet of commune {edit.commune.code} covers the new parcel at "
        f"{format_xy(x, y)}; check the coordinates (X = northing, Y = easting) or give the sheet.",
        f"Không có tờ bản đồ nào của xã {edit.commune.code} chứa thửa mới tại {format_xy(x, y)}; "
        "hãy kiểm tra tọa độ (X là tọa độ Bắc, Y là tọa độ Đông) hoặc chỉ định tờ bản đồ.",
        format_xy(x, y))


def _cut_out(parent: _Row, polygon: Polygon, tol: float):
    """Pieces of ``parent`` when the surveyed ``polygon`` is cut out of it: the survey first,
    then the rest; and the new vertices on the parent's boundary."""
    fitted, on_edge = snap_to_coverage(polygon, [parent.geom], tol)
    outside = shapely.difference(fitted, parent.geom)
    if outside.area > 1e-6:
        p = outside.representative_point()
        raise CadastreError(
            "TRAVERSE_OUTSIDE_PARENT",
            f"The surveyed boundary reaches {outside.area:.2f} m² outside parcel {parent.label} "
            f"near {format_xy(p.x, p.y)}; it can only cut a piece out of that one parcel. Check "
            "the survey, or split the neighbour separately.",
            f"Ranh giới đo đạc vượt ra ngoài thửa {parent.label} {outside.area:.2f} m² gần "
            f"{format_xy(p.x, p.y)}; chỉ có thể tách một phần từ chính thửa đó. Hãy kiểm tra "
            "số liệu đo, hoặc tách thửa liền kề riêng.", format_xy(p.x, p.y))
    source = insert_vertices(parent.geom, on_edge) or parent.geom
    noded = shapely.union(source.boundary, fitted.boundary)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))
    reps = shapely.point_on_surface(faces)
    inside = faces[shapely.contains(source, reps)]
    survey = [f for f in inside if fitted.contains(f.representative_point())]
    rest = [f for f in inside if not fitted.contains(f.representative_point())]
    if len(survey) != 1 or not rest:
        raise CadastreError(
            "TRAVERSE_WHOLE_PARCEL",
            f"The surveyed boundary covers all of parcel {parent.label}: there is nothing to "
            "cut out. Use it to correct the parcel's boundary instead.",
            f"Ranh giới đo đạc trùng toàn bộ thửa {parent.label}: không có phần nào để tách. "
            "Hãy dùng số liệu này để chỉnh lý ranh giới thửa.", parent.label)
    pieces = [shapely.orient_polygons(p) for p in survey + rest]
    check_pieces(pieces, tol, None, parent.label)
    return pieces, new_boundary_vertices(parent.geom, pieces)


def apply_traverse(wc: WorkingCopy, polygon: Polygon, *, within: str | None = None,
                   sheet_no: int | None = None, landuse: str | None = None,
                   address: str | None = None, legal_area: float | None = None,
                   tolerance: float | None = None, transaction_uuid: str | None = None,
                   actor: str | None = None) -> OperationResult:
    """Make a parcel from a surveyed boundary (``polygon`` in the layer CRS, e.g. from
    :func:`.traverse.traverse_polygon` or :func:`.traverse.points_polygon`).

    ``within`` = uuid of a parcel: the survey is cut out of that parcel (it is retired; the
    surveyed piece and the rest become new parcels, the surveyed one listed first).
    Otherwise the survey becomes a new parcel on unparcelled land (roads, rivers, newly
    mapped land) and may not overlap any parcel. Either way the boundary is fitted to the
    neighbours within the tolerance, as map snapping would."""
    def body(edit: _Edit):
        poly = check_polygon(polygon, "(survey)")
        if within is not None:
            parent = edit.parcels([within])[0]
            tol = edit.tolerance([parent], tolerance)
            pieces, nodes = _cut_out(parent, poly, tol)
            attrs = [{}] * len(pieces)
            if landuse is not None or address is not None:
                attrs[0] = {k: v for k, v in (("landuse", landuse), ("address", address))
                            if v is not None}
            legal = None if legal_area is None else [legal_area] + [None] * (len(pieces) - 1)
            return edit.replace([parent], pieces, nodes, tol, legal, attrs=attrs)
        return _new_parcel(edit, poly, sheet_no, landuse or "", address or "", legal_area,
                           tolerance)
    return _edit(wc, "traverse", actor, transaction_uuid, body)


def _new_parcel(edit: _Edit, poly: Polygon, sheet_no, landuse, address, legal_area, tolerance):
    sheet = sheet_no if sheet_no is not None else _sheet_at(edit, poly.representative_point())
    fake = _Row(0, Parcel(edit.commune.code, sheet, 1, poly))
    tol = edit.tolerance([fake], tolerance)
    b = poly.bounds
    rows = edit.in_bbox((b[0] - tol, b[1] - tol, b[2] + tol, b[3] + tol))
    fitted, on_edge = snap_to_coverage(poly, [r.geom for r in rows], tol)
    by_fid = {r.fid: r.geom for r in rows}
    problems = overlaps({"new": fitted}, {**by_fid, "new": fitted},
                        {"new": "(survey)", **{r.fid: r.label for r in rows}})
    if problems:
        raise ValidationFailed(problems)
    check_pieces([fitted], tol, None, "(survey)")
    updates = insert_vertices_many(by_fid, on_edge)
    edit.check([r.geom for r in rows], [fitted] + [updates.get(r.fid, r.geom) for r in rows],
               ["(survey)"] + [r.label for r in rows], tol)
    template = Parcel(edit.commune.code, sheet, 1, fitted, landuse=landuse, address=address)
    edit.create([fitted], template, (edit.commune.code, sheet),
                None if legal_area is None else [legal_area], [])
    for r in rows:
        if r.fid in updates:
            edit.update_geometry(r, updates[r.fid], None)
    return edit.result
