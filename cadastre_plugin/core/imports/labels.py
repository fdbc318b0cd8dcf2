"""Attaching label texts to the polygons that hold them, and reading what the texts say.

A label belongs to the polygon its insertion point falls in. A point outside every polygon, or
exactly on a shared boundary (inside two), belongs to none: both are reported at the label,
because the importer cannot tell which parcel was meant.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import shapely

from .report import problem


@dataclass(frozen=True)
class Label:
    kind: str  # "number", "landuse" or "area"
    text: str
    x: float
    y: float


KIND_NAMES = {"number": ("parcel number", "số thửa"), "landuse": ("land-use", "loại đất"),
              "area": ("area", "diện tích")}


def attach(polygons: np.ndarray, labels: list) -> tuple:
    """(list per polygon of the indices of its labels, problems for labels in no polygon)."""
    per_polygon: list = [[] for _ in range(len(polygons))]
    if not labels:
        return per_polygon, []
    points = shapely.points([(lb.x, lb.y) for lb in labels])
    if len(polygons):
        lab, poly = shapely.STRtree(polygons).query(points, predicate="intersects")
    else:
        lab, poly = np.zeros(0, dtype=int), np.zeros(0, dtype=int)
    hits = np.bincount(lab, minlength=len(labels))
    for i, p in zip(lab, poly):
        if hits[i] == 1:
            per_polygon[p].append(int(i))
    problems = []
    for i in np.flatnonzero(hits != 1):
        lb = labels[i]
        kind_en, kind_vi = KIND_NAMES[lb.kind]
        if hits[i] == 0:
            problems.append(problem(
                "label.outside", "error",
                f"The {kind_en} label '{lb.text}' is not inside any closed parcel, so it was not "
                "used. Move it into its parcel, or close the parcel's boundary.",
                f"Nhãn {kind_vi} '{lb.text}' không nằm trong thửa khép kín nào nên không được "
                "dùng. Hãy chuyển nhãn vào trong thửa, hoặc khép kín ranh giới thửa.",
                lb.x, lb.y, text=lb.text, label=lb.kind))
        else:
            problems.append(problem(
                "label.on_boundary", "error",
                f"The {kind_en} label '{lb.text}' lies exactly on a boundary between parcels, so "
                "it was not used. Move it inside its parcel.",
                f"Nhãn {kind_vi} '{lb.text}' nằm đúng trên ranh giới giữa các thửa nên không "
                "được dùng. Hãy chuyển nhãn vào trong thửa.",
                lb.x, lb.y, text=lb.text, label=lb.kind))
    return per_polygon, problems


def parse_number(text: str):
    """A parcel number from label text ('12', ' 12 '), or None."""
    t = (text or "").strip()
    return int(t) if t.isdigit() and int(t) > 0 else None


_AREA = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(?:m2|m²)?\s*$", re.IGNORECASE)


def parse_area(text: str):
    """An area in m² from label text: '125.3', '125,3' (Vietnamese decimal comma), '125.3 m2'."""
    m = _AREA.match(text or "")
    return float(m.group(1).replace(",", ".")) if m else None


def area_tolerance(perimeter: float, accuracy_m: float) -> float:
    """How far a written area may differ from the area computed from the line work.

    Moving every boundary point by the sheet's point accuracy changes the area by at most about
    half the perimeter times that accuracy (a band of that width along the boundary); below
    that, text and drawing agree as well as the drawing allows. 0.1 m² covers the rounding of
    the written value.
    """
    return max(0.1, 0.5 * perimeter * accuracy_m) + 0.05
