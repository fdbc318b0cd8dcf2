"""CAD-AREA-DISCREPANCY: the area measured on the map differs from the legal area (diện tích
pháp lý, from the certificate) by more than the allowed share and amount. Usually an old
survey or a boundary error; the officer decides, hence a warning."""
from __future__ import annotations

import numpy as np
import shapely

from ...area import round_area
from ..engine import Rule, fmt_area


class AreaDiscrepancy(Rule):
    id = "CAD-AREA-DISCREPANCY"
    name_en = "Measured area differs from legal area"
    name_vi = "Diện tích đo đạc khác diện tích pháp lý"
    severity = "warning"
    requires = ("legal_area",)

    def check(self, ctx) -> list:
        rows = ctx.rows
        rows = rows[ctx.usable(rows)]  # an invalid ring has no meaningful area or label point
        legal = np.array(ctx.legal_area[rows], dtype=np.float64)
        has = np.isfinite(legal) & (legal > 0)
        rows, legal = rows[has], legal[has]
        measured = round_area(shapely.area(ctx.geoms[rows]))
        diff = measured - legal
        tol = ctx.tolerances
        allowed = np.maximum(tol.area_discrepancy_ratio * legal, tol.area_discrepancy_m2)
        bad = np.abs(diff) > allowed
        out = []
        pct = tol.area_discrepancy_ratio * 100
        for r, m, lg, d in zip(rows[bad].tolist(), measured[bad], legal[bad], diff[bad]):
            en, vi = ctx.label(r)
            share = abs(d) / lg * 100
            out.append(self.finding(
                ctx, [r], ctx.geoms[r],
                f"{en}: measured area {fmt_area(m)} m² differs from the legal area "
                f"{fmt_area(lg)} m² by {fmt_area(abs(d))} m² ({share:.1f} %, allowed {pct:g} %): "
                "check the boundary against the survey and the certificate.",
                f"{vi}: diện tích đo {fmt_area(m)} m² chênh với diện tích pháp lý {fmt_area(lg)} m² "
                f"là {fmt_area(abs(d))} m² ({share:.1f} %, cho phép {pct:g} %): hãy đối chiếu "
                "ranh giới với hồ sơ đo đạc và giấy chứng nhận.",
                measured=float(m), legal=float(lg)))
        return out
