"""Parcels of one cadastral map sheet from its DGN elements (Circular 25/2014 levels).

A sheet delivered in MicroStation DGN v7 carries parcel boundaries as line work on level 10,
the parcel number as text on level 11, the land-use code as text on level 2 and the area as
text on level 4. The reader (:mod:`cadastre_plugin.io.dgn_reader`) hands over plain
:class:`Element` records; this module builds the polygons, attaches the texts and decides,
polygon by polygon, what can be imported, reporting everything else where it is.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

import numpy as np
import shapely

from ..area import round_area
from ..codelists import check_landuse, load
from ..sheets import point_accuracy_m
from .labels import Label, area_tolerance, attach, parse_area, parse_number
from .linework import build_polygons
from .report import problem


@dataclass(frozen=True)
class Levels:
    """DGN levels of a cadastral sheet (Circular 25/2014, appendix on map object levels)."""

    boundary: int = 10
    number: int = 11
    landuse: int = 2
    area: int = 4


CIRCULAR_25_LEVELS = Levels()


@dataclass(frozen=True)
class Element:
    """One DGN element as the reader sees it: its level, its geometry (shapely, in the sheet's
    coordinates) and, for text elements, the text (None for anything else)."""

    level: int
    geometry: object
    text: Optional[str] = None


@dataclass
class SheetParcels:
    """Parcels ready to write (``columns`` holds parcel_no, landuse, area) and the problems."""

    geoms: np.ndarray
    columns: dict
    problems: list = field(default_factory=list)
    summary: dict = field(default_factory=dict)


def _labels(elements, levels: Levels):
    kinds = {levels.number: "number", levels.landuse: "landuse", levels.area: "area"}
    labels, lines, ignored = [], [], Counter()
    for el in elements:
        if el.level == levels.boundary and el.text is None:
            lines.append(el.geometry)
        elif el.level in kinds and el.text is not None and el.geometry is not None:
            point = shapely.point_on_surface(el.geometry)
            text = el.text.strip()
            if text:
                labels.append(Label(kinds[el.level], text, shapely.get_x(point),
                                    shapely.get_y(point)))
        else:
            ignored[el.level] += 1
    return lines, labels, ignored


def parcels_from_elements(elements, scale: int, sheet_no: Optional[int] = None,
                          tolerance: Optional[float] = None,
                          area_tolerance_m2: Optional[float] = None,
                          levels: Levels = CIRCULAR_25_LEVELS,
                          landuse_version: Optional[str] = None) -> SheetParcels:
    """Polygons from the boundary level, labelled from the text levels.

    ``tolerance`` (m) defaults to the scale's boundary-point accuracy; ``area_tolerance_m2``
    to :func:`labels.area_tolerance` per parcel."""
    tol = point_accuracy_m(scale) if tolerance is None else float(tolerance)
    lines, labels, ignored = _labels(elements, levels)
    work = build_polygons(lines, tol)
    problems = list(work.problems)
    summary = {"polygons_built": int(len(work.polygons)), "labels": len(labels),
               "boundary_elements": len(lines),
               "ignored_elements_by_level": {str(k): v for k, v in sorted(ignored.items())},
               "tolerance_m": tol}
    if not lines:  # every label would be "outside": one problem says it all
        problems.append(_no_boundaries(levels, ignored))
        return SheetParcels(np.array([], dtype=object),
                            {"parcel_no": [], "landuse": [], "area": []}, problems, summary)
    polygons = work.polygons
    per_polygon, label_problems = attach(polygons, labels)
    problems += label_problems
    codelist = load("landuse", landuse_version)
    reps = shapely.point_on_surface(polygons) if len(polygons) else np.array([], dtype=object)
    areas = round_area(shapely.area(polygons)) if len(polygons) else np.array([])
    perims = shapely.length(polygons) if len(polygons) else np.array([])

    keep, numbers, landuses, area_out = [], [], [], []
    for i, idx in enumerate(per_polygon):
        x, y = shapely.get_x(reps[i]), shapely.get_y(reps[i])
        by_kind = {k: [labels[j] for j in idx if labels[j].kind == k]
                   for k in ("number", "landuse", "area")}
        number = _number(by_kind["number"], float(areas[i]), x, y, problems)
        if number is None:
            continue
        where = f"{sheet_no}/{number}" if sheet_no else str(number)
        landuse = _landuse(by_kind["landuse"], codelist, where, x, y, problems)
        _check_area(by_kind["area"], float(areas[i]), float(perims[i]), tol, area_tolerance_m2,
                    where, x, y, problems)
        keep.append(i)
        numbers.append(number)
        landuses.append(landuse)
        area_out.append(float(areas[i]))

    geoms = polygons[keep] if keep else np.array([], dtype=object)
    problems += _duplicate_numbers(numbers, geoms, sheet_no)
    return SheetParcels(geoms, {"parcel_no": numbers, "landuse": landuses, "area": area_out},
                        problems, summary)


def _no_boundaries(levels: Levels, ignored: Counter):
    found = ", ".join(f"{lv} ({n})" for lv, n in sorted(ignored.items())) or "none"
    return problem(
        "dgn.no_boundaries", "error",
        f"There is no line work on level {levels.boundary}, where Circular 25/2014 puts parcel "
        f"boundaries, so no parcel could be built. Levels in the file (elements): {found}. "
        f"Move the boundaries to level {levels.boundary} in MicroStation.",
        f"Không có đường nét nào ở level {levels.boundary}, nơi Thông tư 25/2014 quy định vẽ "
        f"ranh giới thửa, nên không tạo được thửa nào. Các level trong tệp (số phần tử): "
        f"{found}. Hãy chuyển ranh giới về level {levels.boundary} trong MicroStation.",
        levels_found={str(k): v for k, v in sorted(ignored.items())})


def _number(found: list, area: float, x: float, y: float, problems: list):
    """The polygon's parcel number, or None (reported) when it has none or several."""
    valid = []
    for lb in found:
        n = parse_number(lb.text)
        if n is None:
            problems.append(problem(
                "label.bad_number", "error",
                f"The parcel-number label '{lb.text}' is not a whole number from 1 up, so it "
                "was not used. Correct the text.",
                f"Nhãn số thửa '{lb.text}' không phải số nguyên từ 1 trở lên nên không được "
                "dùng. Hãy sửa lại nội dung nhãn.", lb.x, lb.y, text=lb.text))
        else:
            valid.append(n)
    if len(valid) == 1:
        return valid[0]
    if not valid:
        problems.append(problem(
            "parcel.no_number", "error",
            f"A closed parcel of {area:.1f} m² has no parcel-number label (level 11), so it was "
            "not imported. Put its number inside it, or, if it is not a parcel (a road, a "
            "canal), leave it out of the boundary level.",
            f"Một thửa khép kín diện tích {area:.1f} m² không có nhãn số thửa (level 11) nên "
            "không được nhập. Hãy ghi số thửa vào trong thửa, hoặc nếu không phải thửa đất "
            "(đường, kênh) thì đưa ra khỏi level ranh giới.", x, y, area_m2=area, dropped=True))
    else:
        listed = ", ".join(map(str, valid))
        problems.append(problem(
            "parcel.several_numbers", "error",
            f"One closed area of {area:.1f} m² holds several parcel numbers ({listed}), so it "
            "was not imported: a boundary between them is probably missing or does not close. "
            "Draw the dividing boundary, or delete the extra number.",
            f"Một vùng khép kín diện tích {area:.1f} m² chứa nhiều số thửa ({listed}) nên không "
            "được nhập: có thể thiếu ranh giới giữa các thửa hoặc ranh giới không khép kín. Hãy "
            "vẽ ranh giới phân chia, hoặc xoá số thừa.", x, y, numbers=valid, area_m2=area,
            dropped=True))
    return None


def _landuse(found: list, codelist, where: str, x: float, y: float, problems: list):
    if not found:
        problems.append(problem(
            "parcel.no_landuse", "warning",
            f"Parcel {where} has no land-use label (level 2); imported without a "
            "land-use code. Enter it in the parcel's attributes.",
            f"Thửa {where} không có nhãn loại đất (level 2); đã nhập nhưng chưa có "
            "mã loại đất. Hãy nhập trong thuộc tính thửa.", x, y, where=where))
        return None
    # Several land-use texts in one parcel: joined north to south (the main code is written
    # first, i.e. on top), and flagged so that the order is checked.
    ordered = sorted(found, key=lambda lb: -lb.y)
    value = "+".join(lb.text for lb in ordered)
    if len(found) > 1:
        problems.append(problem(
            "parcel.several_landuse", "warning",
            f"Parcel {where} has {len(found)} land-use labels; recorded as "
            f"'{value}' (main code first). Check the order.",
            f"Thửa {where} có {len(found)} nhãn loại đất; đã ghi là '{value}' (mã "
            "chính đứng đầu). Hãy kiểm tra thứ tự.", x, y, where=where, value=value))
    for issue in check_landuse(value, codelist, where):
        problems.append(problem(issue.code, "warning", issue.en, issue.vi, x, y, where=where,
                                value=value))
    return value


def _check_area(found: list, area: float, perimeter: float, tol: float, fixed_tol, where: str,
                x: float, y: float, problems: list) -> None:
    if not found:
        problems.append(problem(
            "parcel.no_area_text", "warning",
            f"Parcel {where} has no area label (level 4); its area {area:.1f} m² was computed "
            "from the boundary.",
            f"Thửa {where} không có nhãn diện tích (level 4); diện tích {area:.1f} m² được tính "
            "từ ranh giới.", x, y, where=where, area_m2=area))
        return
    allowed = float(fixed_tol) if fixed_tol is not None else area_tolerance(perimeter, tol)
    for lb in found:
        written = parse_area(lb.text)
        if written is None:
            problems.append(problem(
                "label.bad_area", "warning",
                f"The area label '{lb.text}' of parcel {where} is not a number; the area "
                f"{area:.1f} m² computed from the boundary was used.",
                f"Nhãn diện tích '{lb.text}' của thửa {where} không phải là số; đã dùng diện "
                f"tích {area:.1f} m² tính từ ranh giới.", lb.x, lb.y, where=where, text=lb.text))
        elif abs(written - area) > allowed:
            problems.append(problem(
                "parcel.area_mismatch", "warning",
                f"Parcel {where}: the area written on the map is {written:.1f} m² but its "
                f"boundary gives {area:.1f} m² (difference {written - area:+.1f} m², more "
                f"than the {allowed:.1f} m² the drawing's accuracy allows). The computed area "
                "was recorded; check the boundary or the written area.",
                f"Thửa {where}: diện tích ghi trên bản đồ là {written:.1f} m² nhưng tính từ "
                f"ranh giới được {area:.1f} m² (chênh {written - area:+.1f} m², quá mức "
                f"{allowed:.1f} m² cho phép theo độ chính xác bản vẽ). Đã ghi diện tích tính "
                "được; hãy kiểm tra ranh giới hoặc diện tích ghi.", x, y, where=where,
                written_m2=written, computed_m2=area, tolerance_m2=round(allowed, 2)))


def _duplicate_numbers(numbers: list, geoms: np.ndarray, sheet_no) -> list:
    out = []
    counts = Counter(numbers)
    for n, c in sorted(counts.items()):
        if c < 2:
            continue
        idx = [i for i, m in enumerate(numbers) if m == n]
        pts = shapely.point_on_surface(geoms[idx])
        for p in pts:
            out.append(problem(
                "parcel.duplicate_number", "warning",
                f"Parcel number {n} is used by {c} parcels on this sheet; all were imported. "
                "Renumber the wrong one (the quality check will keep flagging it).",
                f"Số thửa {n} được dùng cho {c} thửa trên tờ này; đã nhập tất cả. Hãy đánh lại "
                "số cho thửa sai (kiểm tra chất lượng sẽ tiếp tục báo lỗi này).",
                shapely.get_x(p), shapely.get_y(p), where=f"{sheet_no}/{n}" if sheet_no else str(n),
                number=n))
    return out
