"""A parcel boundary from survey data (traverse or coordinate list), applied to a working copy.

Four ways to use a surveyed boundary, all one journalled operation named ``traverse``:

* **free land** (default): a new parcel on unparcelled land (roads, rivers, newly mapped
  land); overlapping any parcel is refused.
* **within** one parcel: cut out of it; the parent is retired, the surveyed piece and the
  rest become new parcels.
* **cut_covered**: a new parcel wherever the survey lies; every parcel it covers is
  retired and what remains of it becomes new parcel(s) (one per piece), each with lineage
  to its parent; the surveyed parcel has lineage to every parcel it took land from.
* **replace** a parcel's boundary (a re-survey): the parcel keeps its identity, number and
  legal area (unless a new one is given) and gets the surveyed boundary as a new version;
  the neighbours it now covers lose that land, and freed strips go to the neighbour that held
  the old boundary (see :mod:`.survey_overlay` for the rules and refusals). A boundary
  correction keeps every parcel's number, so the neighbours are new versions too (their
  previous ones in the history), and a lineage row records each land transfer (from the
  parcel that gave land to the one that received it).

The boundary is always fitted to the neighbours within the sheet tolerance first, as map
snapping would, and the whole neighbourhood's coverage is checked before anything is
written. :func:`preview_traverse` runs the same planning without writing, for the dock to
list the parcels an operation would touch.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import Polygon

from .. import gpkg
from ..messages import CadastreError, ValidationFailed
from ..model import Parcel
from ..schema import SHEET_LAYER
from ..working_copy import WorkingCopy
from .edit_session import EditSession, ParcelRow, run_edit
from .operation_result import OperationResult
from .shared_vertex import (
    ON_EDGE_EPS, format_xy, insert_vertices, insert_vertices_many, new_boundary_vertices,
    overlaps, snap_to_coverage)
from .split_line import check_pieces, check_polygon
from .survey_overlay import Overlay, changed_vertices, overlay_survey

SURVEY_LABEL = "(survey)"


def _sheet_at(edit: EditSession, point) -> int:
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


def _cut_out(parent: ParcelRow, polygon: Polygon, tol: float):
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
                   replace: str | None = None, cut_covered: bool = False,
                   sheet_no: int | None = None, landuse: str | None = None,
                   address: str | None = None, legal_area: float | None = None,
                   tolerance: float | None = None, transaction_uuid: str | None = None,
                   actor: str | None = None) -> OperationResult:
    """Make a parcel from a surveyed boundary (``polygon`` in the layer CRS, e.g. from
    :func:`.traverse.traverse_polygon` or :func:`.traverse.points_polygon`).

    ``within`` = uuid of a parcel: the survey is cut out of that parcel (it is retired; the
    surveyed piece and the rest become new parcels, the surveyed one listed first).
    ``replace`` = uuid of a parcel: the survey becomes that parcel's new boundary.
    ``cut_covered``: the survey becomes a new parcel, cut out of every parcel it covers.
    Otherwise the survey becomes a new parcel on unparcelled land and may not overlap any
    parcel. See the module docstring."""
    if sum((within is not None, replace is not None, bool(cut_covered))) > 1:
        raise CadastreError(
            "TRAVERSE_MODE",
            "Choose one use of the survey: cut out of one parcel, replace a parcel's boundary, "
            "or a new parcel cut out of the parcels it covers.",
            "Hãy chọn một cách dùng số liệu đo: tách từ một thửa, thay ranh giới một thửa, "
            "hoặc tạo thửa mới tách từ các thửa bị phủ.")

    def body(edit: EditSession):
        poly = check_polygon(polygon, SURVEY_LABEL)
        if replace is not None or cut_covered:
            plan = _plan_overlay(edit, poly, replace, sheet_no, tolerance)
            return _write_overlay(edit, plan, sheet_no, landuse, address, legal_area)
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
    return run_edit(wc, "traverse", actor, transaction_uuid, body)


def _new_parcel(edit: EditSession, poly: Polygon, sheet_no, landuse, address, legal_area,
                tolerance):
    """The survey as a new parcel on unparcelled land: overlapping any parcel is refused."""
    sheet = sheet_no if sheet_no is not None else _sheet_at(edit, poly.representative_point())
    fake = ParcelRow(0, Parcel(edit.commune.code, sheet, 1, poly))
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


# ------------------------------------------------------------------------------------------
# Over existing parcels: cut the covered parts out, or replace one parcel's boundary
# ------------------------------------------------------------------------------------------

@dataclass
class AffectedParcel:
    """One parcel an overlay operation would touch, for the dock's preview."""

    uuid: str | None  # None: the new surveyed parcel
    label: str
    change: str  # 'new', 'replaced', 'cut' (retired, rest renumbered), 'loses', 'gains'
    before: float  # m² (layer CRS; the recorded figures come from the TM-3 CRS on writing)
    after: float


@dataclass
class SurveyPreview:
    affected: list = field(default_factory=list)
    from_unparcelled: float = 0.0
    to_unparcelled: float = 0.0
    warnings: list = field(default_factory=list)

    def lines(self, lang: str | None = None) -> list:
        vi = (lang or "en") == "vi"
        words = {
            "new": ("new parcel", "thửa mới"),
            "replaced": ("new boundary", "ranh giới mới"),
            "cut": ("cut, the rest renumbered", "bị tách, phần còn lại đánh số mới"),
            "loses": ("loses land", "mất đất"),
            "gains": ("gains a freed strip", "nhận dải đất"),
        }

        def m2(value):
            text = f"{value:.1f}"
            return (text.replace(".", ",") if vi else text) + " m²"

        out = []
        for a in self.affected:
            what = words[a.change][1 if vi else 0]
            if a.change == "new":
                out.append(f"{a.label}: {what}, {m2(a.after)}")
            else:
                out.append(f"{a.label}: {what}, {m2(a.before)} → {m2(a.after)}")
        if self.from_unparcelled > 0.05:
            out.append(f"Lấy từ đất chưa lập thửa: {m2(self.from_unparcelled)}" if vi
                       else f"Taken from unparcelled land: {m2(self.from_unparcelled)}")
        if self.to_unparcelled > 0.05:
            out.append(f"Trả lại đất chưa lập thửa: {m2(self.to_unparcelled)}" if vi
                       else f"Returned to unparcelled land: {m2(self.to_unparcelled)}")
        return out


@dataclass
class _OverlayPlan:
    rows: dict  # fid -> ParcelRow: the whole neighbourhood read
    target: ParcelRow | None
    overlay: Overlay
    vertex_only: dict  # fid -> polygon: untouched neighbours that receive vertices
    tolerance: float

    def preview(self) -> SurveyPreview:
        ov, out = self.overlay, SurveyPreview(from_unparcelled=self.overlay.from_unparcelled,
                                              to_unparcelled=self.overlay.to_unparcelled,
                                              warnings=list(self.overlay.warnings))
        if self.target is None:
            out.affected.append(AffectedParcel(None, SURVEY_LABEL, "new", 0.0, ov.survey.area))
        else:
            t = self.target
            out.affected.append(AffectedParcel(t.parcel.uuid, t.label, "replaced", t.geom.area,
                                               ov.survey.area))
        for fid, pieces in ov.rests.items():
            r = self.rows[fid]
            out.affected.append(AffectedParcel(r.parcel.uuid, r.label, "cut", r.geom.area,
                                               sum(p.area for p in pieces)))
        for fid, geom in ov.after.items():
            r = self.rows[fid]
            change = "gains" if fid in ov.given and fid not in ov.taken else "loses"
            out.affected.append(AffectedParcel(r.parcel.uuid, r.label, change, r.geom.area,
                                               geom.area))
        return out

    def check(self, edit: EditSession) -> None:
        ov = self.overlay
        before, after, labels = [], [ov.survey], [self.target.label if self.target
                                                  else SURVEY_LABEL]
        for fid, r in self.rows.items():
            before.append(r.geom)
            if self.target is not None and fid == self.target.fid:
                continue
            if fid in ov.rests:
                after.extend(ov.rests[fid])
                labels.extend([r.label] * len(ov.rests[fid]))
                continue
            after.append(ov.after.get(fid, self.vertex_only.get(fid, r.geom)))
            labels.append(r.label)
        edit.check(before, after, labels, self.tolerance)


def _refuse_unfit(fitted: Polygon, tol: float):
    reason = shapely.is_valid_reason(fitted)
    at = reason.split("[")[-1].rstrip("]").split() if "[" in reason else []
    where = format_xy(float(at[0]), float(at[1])) if len(at) == 2 else ""
    raise CadastreError(
        "TRAVERSE_FIT_INVALID",
        f"Fitted to the neighbouring boundaries (within {tol:g} m), the surveyed boundary "
        f"would cross itself near {where}: some of its points lie closer than {tol:g} m to a "
        "boundary they should not reach. Put those points on the boundary vertices, or "
        "check them against the field book.",
        f"Khi khớp vào ranh giới các thửa liền kề (trong phạm vi {tol:g} m), ranh giới đo đạc "
        f"sẽ tự cắt gần {where}: một số điểm đo nằm cách ranh giới dưới {tol:g} m. Hãy đặt "
        "các điểm đó đúng vào đỉnh ranh giới, hoặc đối chiếu với sổ đo.", where)


def _plan_overlay(edit: EditSession, polygon: Polygon, target_uuid: str | None,
                  sheet_no: int | None, tolerance: float | None) -> _OverlayPlan:
    poly = check_polygon(polygon, SURVEY_LABEL)
    target = edit.parcels([target_uuid])[0] if target_uuid else None
    if target is not None:
        tol = edit.tolerance([target], tolerance)
        b = shapely.total_bounds(np.array([poly, target.geom], dtype=object))
    else:
        sheet = sheet_no if sheet_no is not None else _sheet_at(edit,
                                                                poly.representative_point())
        tol = edit.tolerance([ParcelRow(0, Parcel(edit.commune.code, sheet, 1, poly))],
                             tolerance)
        b = poly.bounds
    pad = tol + ON_EDGE_EPS
    rows = {r.fid: r for r in edit.in_bbox((b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad))}
    others = [r.geom for fid, r in rows.items() if target is None or fid != target.fid]
    fitted, _ = snap_to_coverage(poly, others, tol)
    if not fitted.is_valid:
        _refuse_unfit(fitted, tol)
    if target is not None and not shapely.relate_pattern(fitted, target.geom, "2********"):
        at = format_xy(*np.asarray(fitted.representative_point().coords[0]))
        raise CadastreError(
            "TRAVERSE_NOT_ON_TARGET",
            f"The surveyed boundary near {at} does not overlap parcel {target.label}, whose "
            "boundary it should replace. Select the right parcel, or check the coordinates "
            "(X = northing, Y = easting).",
            f"Ranh giới đo đạc gần {at} không chồng lên thửa {target.label} là thửa cần thay "
            "ranh giới. Hãy chọn đúng thửa, hoặc kiểm tra tọa độ (X là tọa độ Bắc, Y là tọa độ "
            "Đông).", target.label)
    check_pieces([fitted], tol, None, target.label if target else SURVEY_LABEL)
    labels = {fid: r.label for fid, r in rows.items()}
    # The survey's vertices on the parcels' edges go into them first, so the overlay cuts
    # along identical segments: a collinear but unnoded edge leaves zero-width debris.
    nodes = shapely.get_coordinates(fitted)
    noded = {fid: insert_vertices(r.geom, nodes) or r.geom for fid, r in rows.items()}
    ov = overlay_survey(fitted, noded, tol, labels, target.fid if target else None)
    touched = set(ov.after) | set(ov.rests) | ({target.fid} if target else set())
    points = changed_vertices(ov)
    vertex_only = {}
    for fid, geom in noded.items():
        if fid not in touched:
            final = insert_vertices(geom, points) or geom
            if final is not rows[fid].geom:
                vertex_only[fid] = final
    return _OverlayPlan(rows, target, ov, vertex_only, tol)


def _write_overlay(edit: EditSession, plan: _OverlayPlan, sheet_no, landuse, address,
                   legal_area) -> OperationResult:
    ov, rows = plan.overlay, plan.rows
    plan.check(edit)
    if plan.target is not None:
        attrs = {k: v for k, v in (("legal_area", legal_area), ("landuse", landuse),
                                   ("address", address)) if v is not None}
        changed = [(plan.target, ov.survey, attrs)] + [(rows[f], g, None)
                                                        for f, g in ov.after.items()]
        areas = edit.areas([g for _, g, _ in changed])
        for (row, geom, extra), area in zip(changed, areas):
            edit.update_geometry(row, geom, area, extra)
        for fid in ov.taken:
            edit.link(rows[fid].parcel.uuid, plan.target.parcel.uuid)
        for fid in ov.given:
            edit.link(plan.target.parcel.uuid, rows[fid].parcel.uuid)
    else:
        parents = [rows[fid] for fid in ov.rests]
        main = max(parents, key=lambda r: ov.taken[r.fid]) if parents else None
        if sheet_no is not None:
            sheet = sheet_no
        elif main is not None:
            sheet = main.parcel.sheet_no
        else:
            sheet = _sheet_at(edit, ov.survey.representative_point())
        template = Parcel(edit.commune.code, sheet, 1, ov.survey,
                          landuse=landuse if landuse is not None
                          else (main.parcel.landuse if main else ""),
                          address=address if address is not None
                          else (main.parcel.address if main else ""))
        edit.retire(parents)
        edit.create([ov.survey], template, (edit.commune.code, sheet),
                    None if legal_area is None else [legal_area], parents)
        for parent in parents:
            edit.create(ov.rests[parent.fid], parent.parcel,
                        (parent.parcel.commune_code, parent.parcel.sheet_no), None, [parent])
    for fid, geom in plan.vertex_only.items():
        edit.update_geometry(rows[fid], geom, None)  # a vertex on an edge changes no area
    edit.result.warnings.extend(ov.warnings)
    return edit.result


def preview_traverse(wc: WorkingCopy, polygon: Polygon, *, replace: str | None = None,
                     sheet_no: int | None = None,
                     tolerance: float | None = None) -> SurveyPreview:
    """The parcels :func:`apply_traverse` with ``replace`` (or ``cut_covered``, when
    ``replace`` is None) would touch, without writing anything; raises the same refusals."""
    edit = EditSession(wc, wc.conn, "traverse", None)
    return _plan_overlay(edit, polygon, replace, sheet_no, tolerance).preview()
