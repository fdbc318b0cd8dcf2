"""One editing operation's session on a working copy: reading the neighbourhood, numbering,
areas, history and lineage, and the common "replace parents by children" step.

Every operation runs through :func:`run_edit`, inside ``wc.operation(name)`` with ``name``
one of :data:`.operation_result.OPERATIONS`, so the journal groups all its row changes under
one op_id, and an error anywhere (a refused geometry, a broken neighbourhood) rolls
everything back. The operations themselves are in the ``apply_*`` modules.

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

from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np
import shapely
from shapely.geometry import Polygon

from .. import gpkg
from ..area import round_area
from ..messages import CadastreError, Issue, ValidationFailed
from ..model import Parcel, new_uuid
from ..numbering import SheetNumbering, number_parcels
from ..schema import PARCEL_COLUMN_NAMES, PARCEL_LAYER, PARCEL_VERSIONS_LAYER, SHEET_LAYER
from ..sheets import point_accuracy_m
from ..working_copy import WorkingCopy, utc_now
from .operation_result import OperationResult
from .shared_vertex import ON_EDGE_EPS, coverage_problems, insert_vertices_many
from .split_line import check_polygon

# Largest default tolerance (1:10000 sheets): how far around a clicked vertex to look before
# the sheet, and so the real tolerance, is known.
MAX_TOLERANCE = 3.0
# Scale assumed for a sheet that is not registered (with a warning saying so).
DEFAULT_SCALE = 1000


@dataclass
class ParcelRow:
    fid: int
    parcel: Parcel

    @property
    def geom(self) -> Polygon:
        return self.parcel.geometry

    @property
    def label(self) -> str:
        return self.parcel.label


_COLS = ", ".join(f"p.{c}" for c in PARCEL_COLUMN_NAMES)


class EditSession:
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
        return [ParcelRow(r[0], Parcel(geometry=g, **dict(zip(PARCEL_COLUMN_NAMES, r[1:-1]))))
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

    def tolerance(self, rows: Sequence[ParcelRow], given: float | None) -> float:
        """The given tolerance, else the boundary-point accuracy of the (largest-scale, so
        strictest) sheet of ``rows``."""
        if given is not None:
            return float(given)
        scales = []
        for sheet in sorted({(r.parcel.commune_code, r.parcel.sheet_no) for r in rows}):
            row = self.conn.execute(f"SELECT scale FROM {SHEET_LAYER} WHERE commune_code = ? "
                                    "AND sheet_no = ?", sheet).fetchone()
            if row is None:
                tol = point_accuracy_m(DEFAULT_SCALE)
                self.result.warnings.append(Issue(
                    "EDIT_SHEET_UNKNOWN",
                    f"Map sheet {sheet[1]} of commune {sheet[0]} is not registered; the "
                    f"1:{DEFAULT_SCALE} tolerance of {tol:g} m was used. Register the sheet "
                    "with its scale.",
                    f"Tờ bản đồ số {sheet[1]} của xã {sheet[0]} chưa được khai báo; đã dùng hạn "
                    f"sai {tol:g} m của tỷ lệ 1:{DEFAULT_SCALE}. Hãy khai báo tờ bản đồ và tỷ "
                    "lệ của nó.", f"{sheet[0]}:{sheet[1]}"))
                scales.append(DEFAULT_SCALE)
            else:
                scales.append(int(row[0]))
        return min(point_accuracy_m(s) for s in scales) if scales else \
            point_accuracy_m(DEFAULT_SCALE)

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

    def archive(self, row: ParcelRow, status: str) -> None:
        """Copy the stored row into the history, ending its validity now."""
        cols = [c for c in PARCEL_COLUMN_NAMES if c not in ("uuid", "status", "valid_to")]
        self.conn.execute(
            f"INSERT INTO {PARCEL_VERSIONS_LAYER} (geom, uuid, status, valid_to, "
            f"transaction_uuid, {', '.join(cols)}) SELECT geom, uuid, ?, ?, ?, "
            f"{', '.join(cols)} FROM {PARCEL_LAYER} WHERE fid = ?",
            (status, self.now, self.transaction_uuid, row.fid))

    def retire(self, rows: Sequence[ParcelRow]) -> None:
        for row in rows:
            self.archive(row, "retired")
            self.conn.execute(f"DELETE FROM {PARCEL_LAYER} WHERE fid = ?", (row.fid,))
            self.result.retired.append(row.parcel.uuid)
            self._note(row.parcel.uuid, row.label)

    def update_geometry(self, row: ParcelRow, geom: Polygon, area: float | None,
                        attrs: dict | None = None) -> None:
        """New geometry for a current parcel: the superseded version goes to the history.
        ``attrs`` (legal_area, landuse, address) change in the same update: a parcel gets one
        journal row per operation, which is what an undo restores."""
        self.archive(row, "current")
        sets = "geom = ?, version = version + 1, valid_from = ?"
        params = [self.blob(geom), self.now]
        if area is not None:
            sets += ", area = ?"
            params.append(float(area))
            self.result.areas[row.parcel.uuid] = float(area)
        for name, value in (attrs or {}).items():
            if name not in ("legal_area", "landuse", "address"):
                raise ValueError(f"not an editable attribute: {name}")
            sets += f", {name} = ?"
            params.append(value)
        self.conn.execute(f"UPDATE {PARCEL_LAYER} SET {sets} WHERE fid = ?", (*params, row.fid))
        self.result.updated.append(row.parcel.uuid)
        self._note(row.parcel.uuid, row.label)

    def create(self, geoms: Sequence[Polygon], template: Parcel, sheet: tuple,
               legal_areas: Sequence | None, parents: Sequence[ParcelRow],
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

    def link(self, parent_uuid: str, child_uuid: str) -> None:
        """A lineage row between two parcels that both live on (land moved from parent to
        child by a boundary correction); one row per pair, as the sync key wants."""
        if self.conn.execute("SELECT 1 FROM parcel_lineage WHERE parent_uuid = ? AND "
                             "child_uuid = ?", (parent_uuid, child_uuid)).fetchone():
            return
        self.conn.execute(
            "INSERT INTO parcel_lineage (parent_uuid, child_uuid, transaction_uuid, created_at) "
            "VALUES (?, ?, ?, ?)", (parent_uuid, child_uuid, self.transaction_uuid, self.now))

    def check(self, before: Sequence[Polygon], after: Sequence[Polygon],
              after_labels: Sequence[str], gap_width: float) -> None:
        problems = coverage_problems(before, after, gap_width, after_labels)
        if problems:
            raise ValidationFailed(problems)

    # -- the common shape of split, merge and cut-out ------------------------------------
    def replace(self, parents: Sequence[ParcelRow], children: Sequence[Polygon], nodes: np.ndarray,
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


def run_edit(wc: WorkingCopy, operation: str, actor, transaction_uuid, body):
    with wc.operation(operation, actor) as conn:
        return body(EditSession(wc, conn, operation, transaction_uuid))

