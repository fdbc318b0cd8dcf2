"""CAD-MIN-SPLIT-AREA: a parcel smaller than the province's minimum area for its land use.
Existing small parcels may predate the rule, so this is a warning; a split that creates one is
refused by the split tool itself."""
from __future__ import annotations

import numpy as np
import shapely

from ...codelists import split_landuse
from ..engine import Rule, fmt_area
from ..keys import text_value_codes


class MinSplitArea(Rule):
    id = "CAD-MIN-SPLIT-AREA"
    name_en = "Parcel below the minimum split area"
    name_vi = "Thửa nhỏ hơn diện tích tối thiểu được tách"
    severity = "warning"
    requires = ("landuse", "min_split")

    def check(self, ctx) -> list:
        cfg = ctx.min_split
        if not cfg.thresholds:
            return []
        codes, uniques = text_value_codes(ctx, "landuse")
        # The main code (first of "ONT+CLN") decides, per distinct value.
        main = [(split_landuse(str(u)) or [""])[0] for u in uniques]
        minimum = np.array([_limit(cfg, m) for m in main] + [np.nan])
        rows = ctx.rows
        rows = rows[ctx.usable(rows)]  # an invalid ring has no meaningful area or label point
        limit = minimum[codes[rows]]
        has = np.isfinite(limit)
        rows, limit = rows[has], limit[has]
        area = shapely.area(ctx.geoms[rows])
        small = area < limit
        out = []
        for r, a in zip(rows[small].tolist(), area[small]):
            code = main[codes[r]]
            t = cfg.for_landuse(code)
            en, vi = ctx.label(r)
            unverified_en = "" if cfg.verified else "; example value, check the province's decision"
            unverified_vi = "" if cfg.verified else "; giá trị ví dụ, hãy đối chiếu quyết định của tỉnh"
            out.append(self.finding(
                ctx, [r], ctx.geoms[r],
                f"{en} ({code}) has {fmt_area(a)} m², below the minimum of {t.min_area_m2:g} m² "
                f"for {t.zone_en} of {cfg.province_name} ({cfg.citation}{unverified_en}). A split "
                "may not create it; merge it with a neighbour if it comes from one.",
                f"{vi} ({code}) có {fmt_area(a)} m², nhỏ hơn diện tích tối thiểu {t.min_area_m2:g} m² "
                f"đối với {t.zone_vi} của {cfg.province_name} ({cfg.citation}{unverified_vi}). "
                "Không được tách thửa tạo ra thửa như vậy; nếu do tách thửa, hãy hợp với thửa liền kề.",
                minimum=t.min_area_m2, citation=cfg.citation, verified=cfg.verified))
        return out


def _limit(cfg, code: str) -> float:
    t = cfg.for_landuse(code)
    return t.min_area_m2 if t is not None else np.nan
