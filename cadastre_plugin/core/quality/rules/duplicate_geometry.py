"""CAD-DUPLICATE-GEOMETRY: the same parcel drawn twice (identical, or every point within the
tolerance of the other copy). Which record to keep is a decision for the land officer (the two
may carry different owners), so there is no automatic fix."""
from __future__ import annotations

import numpy as np

from ..engine import Rule, fmt_length
from ..overlaps import duplicate_pairs
from ..spatial import components


class DuplicateGeometry(Rule):
    id = "CAD-DUPLICATE-GEOMETRY"
    name_en = "Duplicate parcel geometry"
    name_vi = "Thửa trùng hình học"
    severity = "error"

    def check(self, ctx) -> list:
        a, b, dist = duplicate_pairs(ctx, self.tolerance_in(ctx))
        if a.size == 0:
            return []
        nodes, inv = np.unique(np.concatenate([a, b]), return_inverse=True)
        label = components(nodes.size, inv[: a.size], inv[a.size:])
        out = []
        for group in np.unique(label):
            rows = nodes[label == group]
            en, vi = ctx.labels(rows)
            worst = dist[np.isin(a, rows)].max()
            exact = worst == 0
            what_en = "identical" if exact else f"the same within {fmt_length(worst)}"
            what_vi = "giống hệt nhau" if exact else f"trùng nhau trong phạm vi {fmt_length(worst)}"
            out.append(self.finding(
                ctx, rows, ctx.geoms[rows[0]],
                f"{', '.join(en)} have {what_en} boundaries: the parcel is recorded "
                f"{rows.size} times. Keep one record and delete or merge the others.",
                f"{', '.join(vi)} có ranh giới {what_vi}: thửa đất bị ghi {rows.size} lần. "
                "Hãy giữ một bản ghi, xoá hoặc gộp các bản ghi còn lại.",
                hausdorff=float(worst)))
        return out
