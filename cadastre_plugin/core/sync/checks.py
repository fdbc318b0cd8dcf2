"""The pre-push check in the working copy: the record rules of :mod:`rules` and the topology
check of :mod:`neighbourhood`, with the neighbours taken from the working copy's own R-tree.
The server runs the same checks against PostGIS, so a change set that passes here normally
passes there too (unless someone else changed the neighbourhood meanwhile)."""
from __future__ import annotations

from . import rows as wire_rows
from . import rules
from .neighbourhood import fetch_boxes, new_errors


def check(wc, built: dict) -> list:
    """Findings for a change set as :func:`changeset.build` returns it (empty: fine)."""
    conn = wc.conn
    parcels = built["rows"].get("parcels", [])
    out = rules.check_parcel_rows(parcels, [p["geometry"] for p in parcels])
    after = [p for p in parcels if p.get("status") == "current"]
    before = [p for p in built["before"] if p.get("status") == "current"]
    if after:
        out += _topology(wc, before, after)
        out += rules.check_numbers(after, _same_numbers(conn, after))
    out += rules.check_party_rows(built["rows"].get("parties", []))
    # A share removed changes the sum of those that remain, so deletes count too.
    touched = {c["key"]["right_uuid"] for c in built["body"]["changes"]
               if c["table"] == "right_shares"}
    out += rules.check_right_shares(_shares_of(conn, touched))
    return out


def _topology(wc, before: list, after: list) -> list:
    changed = {p["uuid"] for p in before} | {p["uuid"] for p in after}
    near = set()
    for x0, y0, x1, y1 in fetch_boxes([p["geometry"] for p in before + after]):
        near.update(r[0] for r in wc.conn.execute(
            "SELECT id FROM rtree_parcels_geom WHERE maxx >= ? AND minx <= ? AND "
            "maxy >= ? AND miny <= ?", (x0, x1, y0, y1)))
    neighbours = [r for r in wire_rows.read(wc.conn, "parcels", near).values()
                  if r["uuid"] not in changed and r["status"] == "current"]
    sheets = {(s.commune_code, s.sheet_no): s for s in wc.sheets()}
    used = {(p["commune_code"], p["sheet_no"]) for p in after}
    scales = [sheets[k].scale for k in used if k in sheets]
    return new_errors(before, after, neighbours, wc.commune, sheets, scales)


def _same_numbers(conn, after: list) -> list:
    changed = {p["uuid"] for p in after}
    others = []
    for commune, sheet, number in {(p["commune_code"], p["sheet_no"], p["parcel_no"])
                                   for p in after}:
        others += [r for r in conn.execute(
            "SELECT uuid, commune_code, sheet_no, parcel_no FROM parcels WHERE "
            "commune_code = ? AND sheet_no = ? AND parcel_no = ? AND status = 'current'",
            (commune, sheet, number)) if r[0] not in changed]
    return others


def _shares_of(conn, right_uuids) -> dict:
    out = {}
    for right in right_uuids:
        shares = conn.execute("SELECT party_uuid, share FROM right_shares WHERE right_uuid = ?",
                              (right,)).fetchall()
        exists = conn.execute("SELECT 1 FROM rights WHERE uuid = ?", (right,)).fetchone()
        if shares or exists:
            out[right] = shares
    return out
