"""Survey input: a bearing/distance traverse, or a coordinate list from a total station/GNSS.

Conventions of Vietnamese survey practice, which differ from GIS ones:

* Bearings (phương vị) are clockwise from grid north, in degrees-minutes-seconds. A leg of
  length d on bearing b moves the point by dE = d·sin(b) (easting) and dN = d·cos(b)
  (northing).
* Coordinates are written X = northing, Y = easting (the reverse of GIS x/y). Files follow
  that; everything returned here is in GIS order, (easting, northing), as shapely wants.
* The closure of a loop traverse is reported as the linear misclosure f = sqrt(fE² + fN²)
  and the relative precision 1:T with T = perimeter / f (rounded down to the hundred below
  so the figure shown is never better than the survey).
"""
from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import shapely
from shapely.geometry import Polygon

from ..messages import CadastreError, Issue, ValidationFailed
from .shared_vertex import format_xy

# ------------------------------------------------------------------------------------------
# Parsing what surveyors type
# ------------------------------------------------------------------------------------------

_DECIMAL = re.compile(r"^\d+(?:[.,]\d+)?$")
# Degree, minute, second marks as typed on Vietnamese and other keyboards (two apostrophes
# for seconds are common where ″ is not on the keyboard).
_DMS_SEPARATORS = re.compile(r"(?:''|[°º˚d:\-\s'’′\"”″ms])+", re.IGNORECASE)


def _bearing_error(text, why_en: str, why_vi: str) -> CadastreError:
    return CadastreError(
        "TRAVERSE_BEARING",
        f"Bearing {text!r} is not valid: {why_en}. Write degrees, minutes, seconds as "
        "125°30'15\", 125 30 15 or 125-30-15, or decimal degrees as 125.5042 (0 to 360, "
        "clockwise from north).",
        f"Phương vị {text!r} không hợp lệ: {why_vi}. Hãy viết độ, phút, giây dạng 125°30'15\", "
        "125 30 15 hoặc 125-30-15, hoặc độ thập phân dạng 125.5042 (từ 0 đến 360, theo chiều "
        "kim đồng hồ từ hướng Bắc).", str(text))


def parse_bearing(text) -> float:
    """Decimal degrees (0 <= b < 360) of a bearing typed as D°M′S″ (many spellings), "D M S",
    "D-M-S" or decimal degrees ("125.5042", decimal comma allowed).

    A single number is always decimal degrees: the calculator form D.MMSS is not guessed at,
    because 125.3015 is a valid decimal bearing too."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        value = float(text)
    else:
        s = str(text).strip()
        if not s:
            raise _bearing_error(text, "it is empty", "chưa nhập giá trị")
        if s.startswith("-"):
            raise _bearing_error(text, "bearings are never negative",
                                 "phương vị không được âm")
        if _DECIMAL.match(s):
            value = float(s.replace(",", "."))
        else:
            parts = [p for p in _DMS_SEPARATORS.split(s) if p]
            if not 1 <= len(parts) <= 3 or not all(_DECIMAL.match(p) for p in parts):
                raise _bearing_error(text, "it is not degrees, minutes and seconds",
                                     "không đúng dạng độ, phút, giây")
            if any(("." in p or "," in p) for p in parts[:-1]):
                raise _bearing_error(text, "only the last part may have decimals",
                                     "chỉ phần cuối cùng được có số thập phân")
            nums = [float(p.replace(",", ".")) for p in parts] + [0.0, 0.0]
            deg, minutes, seconds = nums[:3]
            if minutes >= 60 or seconds >= 60:
                raise _bearing_error(text, "minutes and seconds must be below 60",
                                     "phút và giây phải nhỏ hơn 60")
            value = deg + minutes / 60.0 + seconds / 3600.0
    if not math.isfinite(value) or not 0 <= value <= 360:
        raise _bearing_error(text, "it must be between 0° and 360°",
                             "phải nằm trong khoảng 0° đến 360°")
    return value % 360.0


def format_dms(degrees: float) -> str:
    """125.504166... -> "125°30'15\"" (seconds to 0.1″ when not whole)."""
    total = round(degrees * 36000.0) / 10.0  # tenths of a second
    d, rest = divmod(total, 3600.0)
    m, s = divmod(rest, 60.0)
    sec = f"{int(s):02d}" if s == int(s) else f"{s:04.1f}"
    return f"{int(d)}°{int(m):02d}'{sec}\""


def parse_distance(text) -> float:
    """Metres from "123.45", "123,45", "123.45 m"; must be positive."""
    s = str(text).strip().lower()
    s = re.sub(r"\s*m$", "", s)
    if not _DECIMAL.match(s) or float(s.replace(",", ".")) <= 0:
        raise CadastreError(
            "TRAVERSE_DISTANCE",
            f"Distance {text!r} is not valid: give a positive length in metres, e.g. 23.45.",
            f"Khoảng cách {text!r} không hợp lệ: hãy nhập chiều dài dương tính bằng mét, ví dụ "
            "23.45.", str(text))
    return float(s.replace(",", "."))


# ------------------------------------------------------------------------------------------
# The traverse
# ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Leg:
    bearing: float  # decimal degrees, clockwise from north
    distance: float  # metres

    @classmethod
    def parse(cls, bearing, distance) -> "Leg":
        return cls(parse_bearing(bearing), parse_distance(distance))


@dataclass(frozen=True)
class Traverse:
    """A computed traverse: the stations and how well it closes."""

    points: np.ndarray  # (legs + 1) x 2, (easting, northing), from the start point
    closing_point: np.ndarray  # where the traverse should end (the start, for a loop)
    perimeter: float

    @property
    def misclosure(self) -> np.ndarray:
        """(fE, fN): where the traverse ends minus where it should end."""
        return self.points[-1] - self.closing_point

    @property
    def linear_misclosure(self) -> float:
        return float(math.hypot(*self.misclosure))

    @property
    def relative_precision(self) -> float:
        """T of 1:T (inf when the traverse closes exactly)."""
        f = self.linear_misclosure
        return math.inf if f == 0 else self.perimeter / f

    @property
    def relative_text(self) -> str:
        """'1:12 000' (T rounded down to the hundred); '1:∞' for an exact closure."""
        t = self.relative_precision
        if math.isinf(t):
            return "1:∞"
        # A hair of slack so that 100 m / 0.02 m, which floats as 4999.999..., shows 1:5 000.
        t *= 1 + 1e-9
        t = int(t // 100 * 100) if t >= 1000 else int(t)
        return "1:" + f"{t:,}".replace(",", " ")

    def bowditch(self) -> np.ndarray:
        """Stations adjusted by the compass (Bowditch) rule: each takes a share of the
        misclosure proportional to the distance travelled to it, so the last one lands on
        the closing point and every leg keeps its direction as well as the survey allows."""
        legs = np.hypot(*np.diff(self.points, axis=0).T)
        run = np.concatenate([[0.0], np.cumsum(legs)])
        return self.points - np.outer(run / self.perimeter, self.misclosure)


def compute_traverse(start, legs: Sequence[Leg], end=None) -> Traverse:
    """Stations from ``start`` = (easting, northing) along ``legs``. A loop traverse closes
    on its start; give ``end`` for a traverse that closes on another known point."""
    if len(legs) < 1:
        raise CadastreError(
            "TRAVERSE_EMPTY", "The traverse has no legs; enter a bearing and a distance per leg.",
            "Đường chuyền chưa có cạnh nào; hãy nhập phương vị và khoảng cách cho từng cạnh.")
    b = np.radians([leg.bearing for leg in legs])
    d = np.array([leg.distance for leg in legs], dtype=float)
    steps = np.column_stack([d * np.sin(b), d * np.cos(b)])  # dE, dN
    start = np.asarray(start, dtype=float)
    points = np.vstack([start, start + np.cumsum(steps, axis=0)])
    closing = start if end is None else np.asarray(end, dtype=float)
    return Traverse(points, closing, float(d.sum()))


def traverse_polygon(start, legs: Sequence[Leg], max_misclosure: float,
                     min_precision: float | None = None, adjust: bool = True):
    """(Polygon in (easting, northing), Traverse) of a loop traverse.

    Refuses (CadastreError with the misclosure and what to do) a traverse whose linear
    misclosure exceeds ``max_misclosure`` metres, or whose relative precision is worse than
    1:``min_precision``. Within tolerance the stations are Bowditch-adjusted unless
    ``adjust`` is False (then the misclosure is simply dropped with the last station)."""
    trav = compute_traverse(start, legs)
    f, t = trav.linear_misclosure, trav.relative_precision
    fe, fn = trav.misclosure
    if f > max_misclosure or (min_precision is not None and t < min_precision):
        limit_en = f"{max_misclosure:g} m" + (
            f" and 1:{min_precision:,.0f}".replace(",", " ") if min_precision else "")
        limit_vi = f"{max_misclosure:g} m" + (
            f" và 1:{min_precision:,.0f}".replace(",", " ") if min_precision else "")
        raise CadastreError(
            "TRAVERSE_NOT_CLOSED",
            f"The traverse does not close: misclosure {f:.3f} m (fX={fn:+.3f}, fY={fe:+.3f}), "
            f"relative {trav.relative_text}, beyond the tolerance of {limit_en}. Check the "
            "bearings and distances against the field book (a swapped leg or a "
            "minutes/seconds slip is usual) and re-enter them.",
            f"Đường chuyền không khép: sai số khép {f:.3f} m (fX={fn:+.3f}, fY={fe:+.3f}), "
            f"tương đối {trav.relative_text}, vượt hạn sai {limit_vi}. Hãy đối chiếu phương "
            "vị và khoảng cách với sổ đo (thường do nhầm cạnh hoặc nhầm phút/giây) và nhập lại.",
            f"{trav.relative_text}")
    pts = trav.bowditch() if adjust else trav.points
    return ring_polygon(pts[:-1], [f"{i + 1}" for i in range(len(pts) - 1)]), trav


def ring_polygon(points, names: Sequence[str] | None = None) -> Polygon:
    """A valid polygon through ``points`` ((easting, northing), in boundary order, not
    closed), or a CadastreError naming the points at fault."""
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    names = list(names) if names is not None else [str(i + 1) for i in range(len(pts))]
    if len(pts) >= 2 and (pts[0] == pts[-1]).all():
        pts, names = pts[:-1], names[:-1]
    for i in range(len(pts)):
        j = (i + 1) % len(pts)
        if len(pts) > 1 and (pts[i] == pts[j]).all():
            raise CadastreError(
                "SURVEY_DUPLICATE_POINT",
                f"Points {names[i]} and {names[j]} have the same coordinates "
                f"({format_xy(*pts[i])}); remove one of them.",
                f"Điểm {names[i]} và điểm {names[j]} trùng tọa độ ({format_xy(*pts[i])}); hãy "
                "bỏ một điểm.", names[i])
    if len(pts) < 3:
        raise CadastreError(
            "SURVEY_TOO_FEW_POINTS",
            f"A parcel boundary needs at least 3 points; {len(pts)} were given.",
            f"Ranh giới thửa cần ít nhất 3 điểm; mới có {len(pts)} điểm.")
    polygon = Polygon(pts)
    if not polygon.is_valid or polygon.area <= 0:
        reason = shapely.is_valid_reason(polygon)
        raise CadastreError(
            "SURVEY_INVALID_BOUNDARY",
            f"The points do not form a valid boundary ({reason}): check the order of the "
            "points (the boundary must not cross itself).",
            f"Các điểm không tạo thành ranh giới hợp lệ ({reason}): hãy kiểm tra thứ tự các "
            "điểm (ranh giới không được tự cắt).")
    return shapely.orient_polygons(polygon)


# ------------------------------------------------------------------------------------------
# Coordinate lists (CSV from a total station or GNSS receiver)
# ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SurveyPoint:
    name: str
    x_northing: float
    y_easting: float
    row: int  # 1-based line number in the file

    @property
    def easting_northing(self) -> tuple:
        return (self.y_easting, self.x_northing)


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if unicodedata.category(c) != "Mn").strip().lower()


_X_NAMES = ("x", "n", "northing", "bac", "toa do x", "tung do")
_Y_NAMES = ("y", "e", "easting", "dong", "toa do y", "hoanh do")


def _column_roles(header: list) -> tuple:
    """(id, X, Y) column indexes from a header row; defaults are 0, 1, 2."""
    names = [re.sub(r"\s*[(\[].*$", "", _fold(h)) for h in header]
    x = next((i for i, n in enumerate(names) if n in _X_NAMES), None)
    y = next((i for i, n in enumerate(names) if n in _Y_NAMES), None)
    if x is None or y is None:
        return 0, 1, 2
    ident = next((i for i in range(len(names)) if i not in (x, y)), 0)
    return ident, x, y


def _number(value: str):
    s = value.strip().replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"[+-]?\d+(?:[.,]\d+)?", s):
        return float(s.replace(",", "."))
    return None


def _delimiter(first_line: str) -> str:
    for d in ("\t", ";"):
        if d in first_line:
            return d
    return ","


def parse_points_csv(text: str) -> list:
    """Survey points from CSV text: point id, X (northing), Y (easting)[, more columns].

    Separators: tab, semicolon or comma (taken from the first line). Decimal commas are read
    when the separator is a tab or a semicolon (with commas as separators, decimals must use a
    point). A first row whose coordinates are not
    numbers is a header, and may name the columns (X/N/Bắc, Y/E/Đông) in another order.
    Every bad row is reported (ValidationFailed), each issue naming its row number."""
    lines = text.splitlines()
    first = next((ln for ln in lines if ln.strip()), "")
    rows = list(csv.reader(io.StringIO(text), delimiter=_delimiter(first)))
    ident, xi, yi = 0, 1, 2
    issues, points, seen = [], [], {}
    data_started = False
    for row_no, row in enumerate(rows, start=1):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if not data_started:
            data_started = True
            if len(cells) >= 3 and (_number(cells[1]) is None or _number(cells[2]) is None):
                ident, xi, yi = _column_roles(cells)
                continue
        need = max(ident, xi, yi) + 1
        if len(cells) < need:
            issues.append(_row_issue(
                row_no, f"it has {len(cells)} value(s), {need} expected (point id, X, Y)",
                f"có {len(cells)} giá trị, cần {need} (tên điểm, X, Y)"))
            continue
        name = cells[ident]
        x, y = _number(cells[xi]), _number(cells[yi])
        bad = []
        if not name:
            bad.append(("the point id is empty", "thiếu tên điểm"))
        if x is None:
            bad.append((f"X (northing) {cells[xi]!r} is not a number",
                        f"X (tọa độ Bắc) {cells[xi]!r} không phải là số"))
        if y is None:
            bad.append((f"Y (easting) {cells[yi]!r} is not a number",
                        f"Y (tọa độ Đông) {cells[yi]!r} không phải là số"))
        elif y >= 1_000_000:
            # TM-3 eastings stay within 0-1 000 km, so this cannot be one.
            if x is not None and x < 1_000_000:
                bad.append((f"Y = {y:.3f} cannot be an easting: X and Y look swapped "
                            "(Vietnamese files give X = northing first, then Y = easting)",
                            f"Y = {y:.3f} không thể là tọa độ Đông: X và Y có vẻ bị đảo (theo "
                            "quy ước Việt Nam X là tọa độ Bắc, ghi trước, rồi đến Y là tọa độ "
                            "Đông)"))
            else:
                bad.append((f"Y = {y:.3f} is beyond the 0-1 000 km of VN-2000 TM-3 eastings",
                            f"Y = {y:.3f} vượt quá phạm vi 0-1 000 km của tọa độ Đông VN-2000 "
                            "múi 3°"))
        # The first point may come again, to close the ring; any other repeat is a mistake.
        if name and name in seen and not (points and points[0].name == name):
            bad.append((f"point {name} already appears on row {seen[name]}",
                        f"điểm {name} đã có ở dòng {seen[name]}"))
        if bad:
            issues.append(_row_issue(row_no, "; ".join(b[0] for b in bad),
                                     "; ".join(b[1] for b in bad)))
            continue
        seen.setdefault(name, row_no)
        points.append(SurveyPoint(name, x, y, row_no))
    for p in points[1:-1]:
        if points[0].name == p.name:
            issues.append(_row_issue(
                p.row, f"point {p.name} repeats the first point but is not the last row (only "
                "the last row may close the boundary on the first point)",
                f"điểm {p.name} lặp lại điểm đầu tiên nhưng không nằm ở dòng cuối (chỉ dòng "
                "cuối mới được khép về điểm đầu)"))
    if issues:
        raise ValidationFailed(issues)
    if not points:
        raise CadastreError(
            "SURVEY_CSV_EMPTY",
            "The file has no coordinate rows (point id, X, Y).",
            "Tệp không có dòng tọa độ nào (tên điểm, X, Y).")
    return points


def _row_issue(row_no: int, en: str, vi: str) -> Issue:
    return Issue(
        "SURVEY_CSV_ROW",
        f"Row {row_no}: {en}. Correct the row in the file and import it again.",
        f"Dòng {row_no}: {vi}. Hãy sửa dòng đó trong tệp rồi nhập lại.",
        f"row {row_no}", {"row": row_no})


def read_points_csv(path) -> list:
    """:func:`parse_points_csv` of a file: UTF-8 (with or without BOM), else Windows-1258,
    the code page older Vietnamese Windows software writes."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Windows-1258 writes many Vietnamese letters as a base letter plus a combining
        # accent: compose them so names compare equal to what users type.
        text = unicodedata.normalize("NFC", raw.decode("cp1258"))
    return parse_points_csv(text)


def points_polygon(points: Iterable[SurveyPoint]) -> Polygon:
    """The boundary through the survey points in file order, in (easting, northing). A last
    point repeating the first (by id or by coordinates) closes the ring and is dropped."""
    pts = list(points)
    if len(pts) > 1 and pts[-1].name == pts[0].name:
        pts = pts[:-1]
    return ring_polygon([p.easting_northing for p in pts], [p.name for p in pts])
