"""CAD-MULTIPART: a parcel made of several separate polygons. A parcel is one piece of land;
separate pieces are separate parcels (or one piece was drawn by mistake)."""
from __future__ import annotations

import numpy as np
import shapely

from ..engine import Rule, fmt_area


class Multipart(Rule):
    id = "CAD-MULTIPART"
    name_en = "Multipart parcel"
    name_vi = "Thửa gồm nhiều phần rời"
    severity = "error"

    def check(self, ctx) -> list:
        rows = ctx.rows
        rows = rows[ctx.polygonal[rows]]
        multi = rows[shapely.get_num_geometries(ctx.geoms[rows]) > 1]
        if multi.size == 0:
            return []
        parts, owner = shapely.get_parts(ctx.geoms[multi], return_index=True)
        areas = shapely.area(parts)
        # The stray parts are everything but the largest part of each parcel.
        order = np.lexsort((-areas, owner))
        first = np.ones(order.size, dtype=bool)
        first[1:] = owner[order][1:] != owner[order][:-1]
        stray = order[~first]
        out = []
        for k, r in enumerate(multi):
            mine = stray[owner[stray] == k]
            geometry = shapely.multipolygons(parts[mine]) if mine.size > 1 else parts[mine[0]]
            en, vi = ctx.label(r)
            n = int(shapely.get_num_geometries(ctx.geoms[r]))
            extra = fmt_area(areas[mine].sum())
            out.append(self.finding(
                ctx, [r], geometry,
                f"{en} has {n} separate parts ({extra} m² outside the main part): make each "
                "part its own parcel, or delete the stray part.",
                f"{vi} gồm {n} phần rời nhau ({extra} m² ngoài phần chính): hãy tách mỗi phần "
                "thành một thửa, hoặc xoá phần thừa.", parts=n))
        return out
