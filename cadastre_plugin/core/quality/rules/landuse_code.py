"""CAD-LANDUSE-CODE: a land-use code that is missing or not in the code list (Circular 25/2014
by default, or the version the context was given)."""
from __future__ import annotations

import numpy as np

from ...codelists import check_landuse
from ..engine import Rule
from ..keys import text_value_codes


class LanduseCode(Rule):
    id = "CAD-LANDUSE-CODE"
    name_en = "Missing or unknown land-use code"
    name_vi = "Thiếu hoặc sai mã loại đất"
    severity = "error"
    requires = ("landuse",)

    def check(self, ctx) -> list:
        codes, uniques = text_value_codes(ctx, "landuse")
        # Each distinct value is checked once, then mapped back to the parcels.
        issues = [check_landuse(v, ctx.landuse_codes) for v in uniques]
        empty = check_landuse(None, ctx.landuse_codes)
        bad_code = np.array([bool(i) for i in issues] + [True])  # last: missing (-1)
        rows = ctx.rows
        rows = rows[bad_code[codes[rows]]]
        out = []
        for r in rows.tolist():
            c = codes[r]
            found = empty if c < 0 else issues[c]
            en, vi = ctx.label(r)
            out.append(self.finding(
                ctx, [r], ctx.geoms[r],
                f"{en}: " + " ".join(i.en for i in found),
                f"{vi}: " + " ".join(i.vi for i in found),
                value=None if c < 0 else str(uniques[c]),
                codes=[i.code for i in found]))
        return out

