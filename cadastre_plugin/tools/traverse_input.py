"""From what the surveyor typed or imported to a boundary polygon and its closure.

No Qt here: the dock hands over the table's texts, or the points of a CSV, and shows what
comes back. A traverse closes on its start point; a coordinate list closes when its last row
measures the first point again (same point id), and then the distance between the two
measurements is its misclosure. A list that does not repeat its first point has no closure to
show and is taken as given.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

import numpy as np
from shapely.geometry import Polygon

from ..core.edit.traverse import (
    Leg, Traverse, compute_traverse, points_polygon, ring_polygon)
from ..core.messages import CadastreError, ValidationFailed


@dataclass
class Survey:
    polygon: Optional[Polygon] = None  # the boundary to create (adjusted when a traverse)
    closure: Optional[Traverse] = None  # None: nothing to close (or not computed)
    problems: list = field(default_factory=list)  # (leg or row number or None, Issue)
    max_misclosure: float = 0.0
    min_precision: float = 0.0

    @property
    def within_tolerance(self) -> bool:
        if self.closure is None:
            return True
        return (self.closure.linear_misclosure <= self.max_misclosure
                and self.closure.relative_precision >= self.min_precision)

    @property
    def can_create(self) -> bool:
        return self.polygon is not None and not self.problems and self.within_tolerance


def _issues(error: CadastreError) -> list:
    return list(error.issues) if isinstance(error, ValidationFailed) else [error.issue]


def from_legs(start, rows: Sequence, max_misclosure: float, min_precision: float) -> Survey:
    """``rows``: (bearing text, distance text) per leg; empty rows are skipped."""
    survey = Survey(max_misclosure=max_misclosure, min_precision=min_precision)
    legs = []
    for number, (bearing, distance) in enumerate(rows, start=1):
        if not str(bearing).strip() and not str(distance).strip():
            continue
        try:
            legs.append(Leg.parse(bearing, distance))
        except CadastreError as error:
            survey.problems += [(number, issue) for issue in _issues(error)]
    if survey.problems or start is None or len(legs) < 3:
        return survey
    closure = compute_traverse(start, legs)
    survey.closure = closure
    # Within the tolerance the stations are adjusted (Bowditch) so the boundary closes
    # exactly; beyond it the raw stations are still drawn, to help find the wrong leg.
    points = closure.bowditch() if survey.within_tolerance else closure.points
    try:
        survey.polygon = ring_polygon(points[:-1])
    except CadastreError as error:
        survey.problems += [(None, issue) for issue in _issues(error)]
    return survey


def from_points(points: Sequence, max_misclosure: float, min_precision: float) -> Survey:
    """Survey points (``traverse.SurveyPoint``) in boundary order."""
    survey = Survey(max_misclosure=max_misclosure, min_precision=min_precision)
    pts = list(points)
    if len(pts) > 2 and pts[-1].name == pts[0].name:
        xy = np.array([p.easting_northing for p in pts], dtype=float)
        legs = np.hypot(*np.diff(xy, axis=0).T)
        survey.closure = Traverse(xy, xy[0], float(legs.sum()))
    try:
        survey.polygon = points_polygon(pts)
    except CadastreError as error:
        survey.problems += [(None, issue) for issue in _issues(error)]
    return survey


def start_point(x_text: str, y_text: str):
    """(easting, northing) from the X (northing) and Y (easting) fields, or None while
    either is empty or not a number."""
    try:
        north = float(str(x_text).replace(" ", "").replace(",", "."))
        east = float(str(y_text).replace(" ", "").replace(",", "."))
    except ValueError:
        return None
    return (east, north)

