"""Tolerances of the quality check, with defaults from the map sheet scale (Circular 25/2014).

The distance tolerance is the boundary-point accuracy of the sheet scale: two boundary points
closer than it cannot be told apart by the survey, so a vertex that close to a neighbour's edge
is a digitising error, and land between parcels narrower than it is a sliver, not a road.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable

from ..messages import CadastreError
from ..sheets import point_accuracy_m

#: Without any sheet scale (a shapefile from elsewhere): the accuracy of 1:1000, the usual
#: scale of residential and rural cadastral maps.
DEFAULT_SCALE = 1000


@dataclass(frozen=True)
class Tolerances:
    #: m: near-coincident vertices, near-duplicate vertices, sliver width, snapping.
    distance: float = point_accuracy_m(DEFAULT_SCALE)
    #: m²: overlaps and gaps smaller than this are floating-point noise, not land. 1 cm² is far
    #: above the noise of coordinates in metres (~1e-8 m²) and far below any survey.
    area: float = 1e-4
    #: m: "on the edge". Coordinates of ~2.5e6 m carry ~5e-10 m of rounding; 1 µm is far above it.
    on_edge: float = 1e-6
    #: degrees: a vertex whose two edges meet at a smaller angle is a spike.
    spike_angle: float = 1.0
    #: Measured vs legal area: reported when the difference exceeds both this share of the
    #: legal area and ``area_discrepancy_m2``.
    area_discrepancy_ratio: float = 0.05
    area_discrepancy_m2: float = 1.0

    def __post_init__(self):
        for name in ("distance", "area", "on_edge", "spike_angle", "area_discrepancy_ratio",
                     "area_discrepancy_m2"):
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and value >= 0):
                raise CadastreError(
                    "quality.tolerance", f"Tolerance {name} = {value!r} must be a number >= 0.",
                    f"Dung sai {name} = {value!r} phải là số lớn hơn hoặc bằng 0.")

    @classmethod
    def for_scales(cls, scales: Iterable[int], **overrides) -> "Tolerances":
        """The finest accuracy among the sheet scales present: a tolerance from a coarser sheet
        would call a real narrow strip on a large-scale sheet an error."""
        scales = sorted({int(s) for s in scales if s})
        distance = point_accuracy_m(scales[0]) if scales else point_accuracy_m(DEFAULT_SCALE)
        return cls(**{"distance": distance, **overrides})

    def with_distance(self, distance: float | None) -> "Tolerances":
        return self if distance is None else replace(self, distance=float(distance))
