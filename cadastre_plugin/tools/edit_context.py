"""What a tool needs to know about the working copy behind the parcel layer, read once when
the tool starts: the tolerance of each map sheet (for previews that match what the core will
do) and the province's minimum split areas."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..core.codelists import split_landuse
from ..core.sheets import point_accuracy_m
from ..core.working_copy import WorkingCopy
from . import settings

DEFAULT_TOLERANCE = point_accuracy_m(1000)


@dataclass
class MinimumArea:
    area: float  # m²
    citation: str  # the province's decision, or "" for the user's own setting


@dataclass
class EditContext:
    path: str
    tolerances: dict = field(default_factory=dict)  # sheet_no -> metres
    min_split: object = None  # quality.min_split_area.MinSplitAreas, or None

    @classmethod
    def read(cls, path: str) -> "EditContext":
        with WorkingCopy.open(path) as wc:
            tolerances = {s.sheet_no: point_accuracy_m(s.scale) for s in wc.sheets()}
            commune = wc.commune
        return cls(path, tolerances, _province_thresholds(commune))

    def tolerance(self, sheet_no) -> float:
        return self.tolerances.get(sheet_no, DEFAULT_TOLERANCE)

    def minimum_area(self, landuse: Optional[str]) -> Optional[MinimumArea]:
        """The minimum split area for a parcel of ``landuse``: the province's threshold for its
        main code when configured, else the user's setting (None when neither applies)."""
        main = (split_landuse(landuse) or [""])[0]
        if self.min_split is not None:
            threshold = self.min_split.for_landuse(main)
            if threshold is not None:
                return MinimumArea(threshold.min_area_m2, self.min_split.citation)
        fallback = settings.value(settings.MIN_SPLIT_AREA)
        return MinimumArea(fallback, "") if fallback > 0 else None


def _province_thresholds(commune):
    """The quality engine's per-province configuration, when that package is installed."""
    try:
        from ..core.quality.min_split_area import for_commune
    except ImportError:
        return None
    return for_commune(commune)
