"""CAD-OUTSIDE-SHEET: a parcel whose sheet number does not match where it lies. A parcel
belongs to the sheet that holds its label point (the same point the sheet assignment and the
zig-zag numbering use); a parcel whose label point is on another sheet, or whose sheet does not
exist in its commune, carries a wrong sheet number (or a wrong commune code)."""
from __future__ import annotations

import numpy as np
import shapely

from ..engine import Rule
from ..keys import value_codes


class OutsideSheet(Rule):
    id = "CAD-OUTSIDE-SHEET"
    name_en = "Parcel outside its map sheet or commune"
    name_vi = "Thửa nằm ngoài tờ bản đồ hoặc xã của nó"
    severity = "error"
    requires = ("sheet_no", "sheets")

    def check(self, ctx) -> list:
        sheets = list(ctx.sheets.values())
        frames = np.array([s.frame for s in sheets], dtype=object)
        sheet_of = ctx.attr_cached("sheet_index", lambda: _sheet_index(ctx, sheets))
        rows = ctx.rows
        rows = rows[ctx.usable(rows)]  # an invalid ring has no meaningful area or label point
        idx = sheet_of[rows]
        out = []
        for r in rows[idx < 0].tolist():
            en, vi = ctx.label(r)
            commune = self._commune(ctx, r)
            out.append(self.finding(
                ctx, [r], ctx.geoms[r],
                f"{en}: commune {commune} has no map sheet {_plain(ctx.sheet_no[r])}: correct "
                "the sheet number or the commune code.",
                f"{vi}: xã {commune} không có tờ bản đồ số {_plain(ctx.sheet_no[r])}: hãy sửa số "
                "hiệu tờ hoặc mã xã."))
        rows, idx = rows[idx >= 0], idx[idx >= 0]
        if rows.size == 0:
            return out
        # Wholly inside its (rectangular) frame: nothing to compute.
        fb = shapely.bounds(frames)[idx]
        gb = shapely.bounds(ctx.geoms[rows])
        rect = np.isclose(shapely.area(frames), shapely.area(shapely.envelope(frames)))[idx]
        inside = rect & (gb[:, 0] >= fb[:, 0]) & (gb[:, 1] >= fb[:, 1]) & \
            (gb[:, 2] <= fb[:, 2]) & (gb[:, 3] <= fb[:, 3])
        rows, idx = rows[~inside], idx[~inside]
        if rows.size == 0:
            return out
        label = shapely.point_on_surface(ctx.geoms[rows])
        wrong = ~shapely.covers(frames[idx], label)
        tree = shapely.STRtree(frames)
        for r, k, p in zip(rows[wrong].tolist(), idx[wrong].tolist(), label[wrong]):
            holder = tree.query(p, predicate="covered_by")
            elsewhere = sheets[int(holder[0])] if holder.size else None
            en, vi = ctx.label(r)
            s = sheets[k]
            outside = shapely.difference(ctx.geoms[r], s.frame)
            where_en = (f"its label point is on sheet {elsewhere.sheet_no} ({elsewhere.grid_number})"
                        if elsewhere else "its label point is on no sheet of the commune")
            where_vi = (f"điểm nhãn của thửa nằm trên tờ {elsewhere.sheet_no} ({elsewhere.grid_number})"
                        if elsewhere else "điểm nhãn của thửa không nằm trên tờ nào của xã")
            out.append(self.finding(
                ctx, [r], outside if not outside.is_empty else p,
                f"{en} lies outside its map sheet {s.sheet_no} ({s.grid_number}): {where_en}. "
                "Correct the sheet number (and give the parcel a number on that sheet).",
                f"{vi} nằm ngoài tờ bản đồ số {s.sheet_no} ({s.grid_number}) của nó: {where_vi}. "
                "Hãy sửa số hiệu tờ (và đánh số thửa theo tờ đó).",
                label_point=(p.x, p.y)))
        return out

    @staticmethod
    def _commune(ctx, row):
        if ctx.commune_code is not None and ctx.commune_code[row] is not None:
            return ctx.commune_code[row]
        return ctx.commune.code if ctx.commune is not None else "?"


def _sheet_index(ctx, sheets) -> np.ndarray:
    """Index into ``sheets`` of each parcel's own sheet, -1 when there is none."""
    s_code, s_uniq = value_codes(ctx, "sheet_no")
    default = ctx.commune.code if ctx.commune is not None else None
    if ctx.commune_code is not None:
        c_code, c_uniq = value_codes(ctx, "commune_code")
    else:
        c_code, c_uniq = np.zeros(ctx.n, dtype=np.int64), np.array([default], dtype=object)
    lookup = {(str(s.commune_code), str(s.sheet_no)): k for k, s in enumerate(sheets)}
    known = {str(s.commune_code) for s in sheets}
    ncomm = len(c_uniq)
    table = np.full((ncomm + 1) * (len(s_uniq) + 1), -1, dtype=np.int64)
    for ci, c in enumerate(list(c_uniq)):
        code = str(c).zfill(5) if str(c).isdigit() else str(c)
        # A malformed or foreign commune code is the commune rule's finding; the sheet is then
        # looked up in the working copy's own commune rather than reported a second time.
        if code not in known and default is not None:
            code = default
        for si, s in enumerate(list(s_uniq)):
            table[ci * (len(s_uniq) + 1) + si] = lookup.get((code, str(s)), -1)
    ok = (c_code >= 0) & (s_code >= 0)
    key = np.where(ok, c_code * (len(s_uniq) + 1) + s_code, table.size - 1)
    return table[key]


def _plain(value):
    return value.item() if hasattr(value, "item") else value
