"""CAD-DUPLICATE-NUMBER: two current parcels with the same number on the same map sheet.
Sheet and parcel number identify a parcel on certificates: they must be unique."""
from __future__ import annotations

import numpy as np
import shapely

from ..engine import Rule
from ..keys import value_codes


class DuplicateNumber(Rule):
    id = "CAD-DUPLICATE-NUMBER"
    name_en = "Duplicate parcel number on a sheet"
    name_vi = "Trùng số thửa trong tờ bản đồ"
    severity = "error"
    requires = ("sheet_no", "parcel_no")

    def check(self, ctx) -> list:
        groups = ctx.attr_cached("duplicate_numbers", lambda: _groups(ctx))
        out = []
        for rows in groups:
            if not ctx.in_scope[rows].any():
                continue
            sheet, number = ctx.sheet_no[rows[0]], ctx.parcel_no[rows[0]]
            s = _shown(sheet)
            p = _shown(number)
            polys = shapely.get_parts(ctx.geoms[rows[ctx.polygonal[rows]]])
            polys = polys[shapely.get_type_id(polys) == 3]
            geometry = shapely.multipolygons(polys) if len(polys) else None
            out.append(self.finding(
                ctx, rows, geometry,
                f"Parcel number {p} is used by {rows.size} parcels on sheet {s}: give all but "
                "one the next free numbers of the sheet.",
                f"Số thửa {p} được dùng cho {rows.size} thửa trên tờ {s}: hãy gán cho các thửa "
                "còn lại số tiếp theo còn trống của tờ.", sheet=s, number=p))
        return out


def _groups(ctx) -> list:
    """Rows of every (sheet, number) used more than once; the grouping is over all parcels,
    whatever the scope, since a duplicate can be anywhere on the sheet."""
    s_code, _ = value_codes(ctx, "sheet_no")
    p_code, p_uniq = value_codes(ctx, "parcel_no")
    ok = (s_code >= 0) & (p_code >= 0)
    key = np.where(ok, s_code * (len(p_uniq) + 1) + p_code, -1)
    order = np.argsort(key, kind="stable")
    k = key[order]
    start = np.flatnonzero(np.concatenate([[True], k[1:] != k[:-1]]))
    count = np.diff(np.concatenate([start, [k.size]]))
    dup = (count > 1) & (k[start] >= 0)
    return [np.sort(order[s:s + c]) for s, c in zip(start[dup], count[dup])]


def _shown(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value.item() if hasattr(value, "item") else value
