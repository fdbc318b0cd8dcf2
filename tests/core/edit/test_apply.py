"""Editing operations on a real working copy (GeoPackage): numbers, areas, lineage, history,
journal, neighbours, and that a refusal leaves the file as it was."""
import json
from collections import Counter

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Polygon

from cadastre_plugin.core import gpkg
from cadastre_plugin.core.area import round_area
from cadastre_plugin.core.edit.apply import (
    apply_merge, apply_move_segment, apply_move_vertex, apply_split_area, apply_split_line,
    apply_traverse)
from cadastre_plugin.core.edit.traverse import Leg, traverse_polygon
from cadastre_plugin.core.messages import CadastreError, ValidationFailed

from edit_helpers import bilingual


def current(wc):
    fids, geoms, attrs = wc.parcel_arrays()
    return geoms, attrs


def coverage_ok(wc):
    geoms, _ = current(wc)
    return bool(shapely.coverage_is_valid(geoms))


def highest(wc, sheet):
    return wc.conn.execute(
        "SELECT max(n) FROM (SELECT parcel_no n FROM parcels WHERE sheet_no = ? UNION ALL "
        "SELECT parcel_no FROM parcel_versions WHERE sheet_no = ?)", (sheet, sheet)).fetchone()[0]


def row(wc, uuid, table="parcels", extra=""):
    cur = wc.conn.execute(f"SELECT * FROM {table} WHERE uuid = ? {extra}", (uuid,))
    names = [d[0] for d in cur.description]
    found = cur.fetchall()
    return [dict(zip(names, r)) for r in found]


def inner_parcel(wc):
    """A parcel with neighbours to the north and the south (inside a block), on sheet 1."""
    geoms, attrs = current(wc)
    tree = shapely.STRtree(geoms)
    for i in np.argsort(-shapely.area(geoms)):
        if attrs["sheet_no"][i] != 1:
            continue
        g = geoms[i]
        x = g.centroid.x
        minx, miny, maxx, maxy = g.bounds
        line = LineString([(x, miny - 1), (x, maxy + 1)])
        touched = [j for j in tree.query(line, predicate="intersects") if j != i]
        if len(touched) >= 2:
            return wc.parcels("WHERE uuid = ?", [attrs["uuid"][i]])[0], line
    raise AssertionError("no inner parcel in the demo")


def shared_vertex(wc, holders=4):
    geoms, _ = current(wc)
    count = Counter(xy for g in geoms for xy in set(map(tuple, shapely.get_coordinates(g)[:-1])))
    return next(xy for xy, n in count.items() if n == holders)


def adjacent_pair(wc):
    geoms, attrs = current(wc)
    tree = shapely.STRtree(geoms)
    a, b = tree.query(geoms, predicate="touches")
    for i, j in zip(a, b):
        if i < j and attrs["sheet_no"][i] == attrs["sheet_no"][j]:
            common = shapely.intersection(geoms[i].boundary, geoms[j].boundary)
            if common.length > 5:
                return attrs["uuid"][i], attrs["uuid"][j]
    raise AssertionError("no adjacent pair")


def journal_since(wc, last_id):
    return wc.conn.execute("SELECT op_id, operation, table_name, action FROM journal "
                           "WHERE id > ? ORDER BY id", (last_id,)).fetchall()


def last_journal_id(wc):
    return wc.conn.execute("SELECT coalesce(max(id), 0) FROM journal").fetchone()[0]


def test_split_by_line_on_the_working_copy(wc):
    parent, line = inner_parcel(wc)
    top = highest(wc, parent.sheet_no)
    before_id = last_journal_id(wc)
    assert coverage_ok(wc)

    result = apply_split_line(wc, line, parent.uuid)

    assert result.operation == "split" and result.retired == [parent.uuid]
    assert sorted(n for _, n in result.numbers.values()) == [top + 1, top + 2]
    assert {s for s, _ in result.numbers.values()} == {parent.sheet_no}
    # The parent is history now, not a current parcel.
    assert row(wc, parent.uuid) == []
    [old] = row(wc, parent.uuid, "parcel_versions")
    assert old["status"] == "retired" and old["valid_to"] and old["parcel_no"] == parent.parcel_no
    children = [wc.parcels("WHERE uuid = ?", [u])[0] for u in result.created]
    assert abs(sum(c.area for c in children) - parent.area) <= 0.1 + 1e-9
    for child in children:
        assert child.area == round_area(child.geometry.area) == result.areas[child.uuid]
        assert child.legal_area is None
        assert (child.landuse, child.address) == (parent.landuse, parent.address)
        assert child.version == 1 and child.valid_from == old["valid_to"]
        assert (child.old_sheet_no, child.old_parcel_no) == (parent.sheet_no, parent.parcel_no)
    lineage = wc.conn.execute("SELECT parent_uuid, child_uuid FROM parcel_lineage").fetchall()
    assert sorted(lineage) == sorted((parent.uuid, c) for c in result.created)
    # The neighbours the cut reaches hold its new vertices, one version later.
    assert len(result.updated) == 2
    for uuid in result.updated:
        [now] = row(wc, uuid)
        assert now["version"] == 2
        [was] = row(wc, uuid, "parcel_versions")
        assert was["version"] == 1 and was["valid_to"] == now["valid_from"]
        assert was["area"] == now["area"]
    assert coverage_ok(wc)
    # One journal entry: every row change under the op_id, named 'split'.
    entries = journal_since(wc, before_id)
    assert {(e[0], e[1]) for e in entries} == {(result.op_id, "split")}
    actions = Counter((e[2], e[3]) for e in entries)
    assert actions[("parcels", "insert")] == 2 and actions[("parcels", "delete")] == 1
    assert actions[("parcels", "update")] == 2 and actions[("parcel_lineage", "insert")] == 2
    assert "1/" in result.summary() and "Đã tách thửa" in result.summary("vi")


def test_numbers_are_never_reused(wc):
    geoms, attrs = current(wc)
    sheet = 1
    top = highest(wc, sheet)
    # Split the sheet's highest-numbered parcel: its number is retired, not handed out again.
    uuid = attrs["uuid"][(attrs["sheet_no"] == sheet) & (attrs["parcel_no"] == top)][0]
    g = wc.parcels("WHERE uuid = ?", [uuid])[0].geometry
    x, (_, miny, _, maxy) = g.centroid.x, g.bounds
    first = apply_split_line(wc, [(x, miny - 1), (x, maxy + 1)], uuid)
    assert sorted(n for _, n in first.numbers.values()) == [top + 1, top + 2]
    merged = apply_merge(wc, first.created)
    assert list(merged.numbers.values()) == [(sheet, top + 3)]
    again = apply_split_area(wc, merged.created[0], 50.0, edge_index=0)
    assert sorted(n for _, n in again.numbers.values()) == [top + 4, top + 5]
    _, attrs = current(wc)
    live = set(attrs["parcel_no"][attrs["sheet_no"] == sheet])
    retired = {r[0] for r in wc.conn.execute(
        "SELECT parcel_no FROM parcel_versions WHERE status = 'retired' AND sheet_no = ?",
        (sheet,))}
    assert retired == {top, top + 1, top + 2, top + 3} and not live & retired
    assert coverage_ok(wc)


def test_split_by_area_records_the_requested_area(wc):
    parent, _ = inner_parcel(wc)
    result = apply_split_area(wc, parent.uuid, 123.4, edge_index=1, legal_areas=[123.4, None],
                              min_split_area=150.0, citation="QĐ 20/2024/QĐ-UBND")
    cut, rest = (wc.parcels("WHERE uuid = ?", [u])[0] for u in result.created)
    assert cut.area == 123.4 and cut.legal_area == 123.4 and rest.legal_area is None
    assert abs(cut.geometry.area - 123.4) <= 0.01
    assert rest.area == round_area(parent.geometry.area - cut.geometry.area)
    assert [w.code for w in result.warnings] == ["SPLIT_BELOW_MINIMUM"]
    assert coverage_ok(wc)
    through = apply_split_area(wc, rest.uuid, 60.0, vertex_index=0)
    assert wc.parcels("WHERE uuid = ?", [through.created[0]])[0].area == 60.0
    assert coverage_ok(wc)


def test_merge_on_the_working_copy(wc):
    a, b = adjacent_pair(wc)
    pa, pb = (wc.parcels("WHERE uuid = ?", [u])[0] for u in (a, b))
    before_id = last_journal_id(wc)
    result = apply_merge(wc, [a, b], legal_area=500.0)
    [uid] = result.created
    merged = wc.parcels("WHERE uuid = ?", [uid])[0]
    assert merged.geometry.area == pytest.approx(pa.geometry.area + pb.geometry.area, abs=1e-6)
    assert merged.area == round_area(merged.geometry.area) and merged.legal_area == 500.0
    assert merged.old_parcel_no is None  # two parents: no single former number
    assert sorted(result.retired) == sorted([a, b])
    lineage = wc.conn.execute("SELECT parent_uuid FROM parcel_lineage WHERE child_uuid = ?",
                              (uid,)).fetchall()
    assert sorted(r[0] for r in lineage) == sorted([a, b])
    assert {e[:2] for e in journal_since(wc, before_id)} == {(result.op_id, "merge")}
    assert coverage_ok(wc)


def test_refused_merge_changes_nothing(wc):
    geoms, attrs = current(wc)
    far = np.argsort(shapely.distance(geoms, geoms[0]))[-1]
    before = (last_journal_id(wc), wc.count("parcels"), highest(wc, 1))
    with pytest.raises(CadastreError) as exc:
        apply_merge(wc, [attrs["uuid"][0], attrs["uuid"][far]])
    assert bilingual(exc.value).code in ("MERGE_NOT_ADJACENT", "MERGE_DIFFERENT_SHEETS")
    assert (last_journal_id(wc), wc.count("parcels"), highest(wc, 1)) == before


def test_move_a_vertex_shared_by_four_parcels(wc):
    xy = shared_vertex(wc, 4)
    geoms, attrs = current(wc)
    holders = [attrs["uuid"][i] for i, g in enumerate(geoms)
               if xy in map(tuple, shapely.get_coordinates(g))]
    total = sum(g.area for g in geoms if xy in map(tuple, shapely.get_coordinates(g)))
    before_id = last_journal_id(wc)
    result = apply_move_vertex(wc, (xy[0] + 0.05, xy[1] - 0.04), (xy[0] + 0.4, xy[1] + 0.3))
    assert sorted(result.updated) == sorted(holders)
    moved = [wc.parcels("WHERE uuid = ?", [u])[0] for u in holders]
    for p in moved:
        assert (xy[0] + 0.4, xy[1] + 0.3) in p.geometry.exterior.coords
        assert p.area == round_area(p.geometry.area) and p.version == 2
    assert sum(p.geometry.area for p in moved) == pytest.approx(total, abs=1e-6)
    assert {e[:2] for e in journal_since(wc, before_id)} == {(result.op_id, "move_vertex")}
    assert coverage_ok(wc)


def test_a_move_that_would_overlap_is_refused_and_changes_nothing(wc):
    xy = shared_vertex(wc, 4)
    before = last_journal_id(wc)
    with pytest.raises(CadastreError) as exc:
        apply_move_vertex(wc, xy, (xy[0] + 60, xy[1] + 45))
    assert bilingual(exc.value).code in ("EDIT_OVERLAP", "MOVE_INVALID_GEOMETRY")
    assert last_journal_id(wc) == before and coverage_ok(wc)


def test_move_a_shared_segment(wc):
    xy = shared_vertex(wc, 4)
    geoms, _ = current(wc)
    holder = next(g for g in geoms if xy in map(tuple, shapely.get_coordinates(g)))
    ring = [tuple(c) for c in shapely.get_coordinates(holder)]
    other = ring[ring.index(xy) + 1]
    result = apply_move_segment(wc, xy, other, (0.2, -0.1))
    assert len(result.updated) >= 2 and coverage_ok(wc)


def test_split_finds_the_parcel_under_the_line(wc):
    parent, line = inner_parcel(wc)
    result = apply_split_line(wc, line)  # overshoots into the neighbours, ends inside them
    assert result.retired == [parent.uuid]
    with pytest.raises(CadastreError) as exc:
        apply_split_line(wc, line, parent.uuid)
    assert bilingual(exc.value).code == "EDIT_PARCEL_RETIRED"


def test_refused_split_changes_nothing(wc):
    parent, line = inner_parcel(wc)
    c = parent.geometry.centroid
    before = last_journal_id(wc)
    with pytest.raises(CadastreError) as exc:
        apply_split_line(wc, [line.coords[0], (c.x, c.y)], parent.uuid)
    assert bilingual(exc.value).code == "SPLIT_LINE_ENDS_INSIDE"
    assert last_journal_id(wc) == before
    assert row(wc, parent.uuid)[0]["version"] == 1


# The first road of the demo runs north-south between the blocks at E 588 166-588 172.
ROAD_W, ROAD_E = 588_166.0, 588_172.0


def test_traverse_makes_a_parcel_on_free_land(wc):
    legs = [Leg.parse(b, d) for b, d in (("0", "10"), ("90", "4"), ("180", "10"), ("270", "4"))]
    poly, trav = traverse_polygon((ROAD_W + 1, 2_309_900.0), legs, max_misclosure=0.02)
    assert trav.linear_misclosure < 1e-9
    top = highest(wc, 1)
    result = apply_traverse(wc, poly, landuse="DGT", address="Đường thôn")
    [uid] = result.created
    p = wc.parcels("WHERE uuid = ?", [uid])[0]
    assert (p.sheet_no, p.parcel_no, p.area, p.landuse) == (1, top + 1, 40.0, "DGT")
    assert result.retired == [] and wc.count("parcel_lineage") == 0
    assert coverage_ok(wc)


def test_traverse_next_to_a_parcel_is_fitted_to_its_boundary(wc):
    # Surveyed 4 cm and 6 cm off the block edge: snapped onto it, the neighbour gets the
    # corners as new vertices.
    poly = Polygon([(ROAD_W + 0.04, 2_309_950.0), (ROAD_W + 3, 2_309_950.0),
                    (ROAD_W + 3, 2_309_960.0), (ROAD_W + 0.06, 2_309_960.0)])
    result = apply_traverse(wc, poly, landuse="DGT")
    p = wc.parcels("WHERE uuid = ?", [result.created[0]])[0]
    assert p.geometry.bounds[0] == pytest.approx(ROAD_W, abs=1e-6)
    assert len(result.updated) >= 1
    assert coverage_ok(wc)


def test_traverse_overlapping_parcels_is_refused(wc):
    poly = shapely.box(ROAD_W - 3, 2_309_900.0, ROAD_W + 2, 2_309_910.0)
    before = last_journal_id(wc)
    with pytest.raises(ValidationFailed) as exc:
        apply_traverse(wc, poly)
    assert exc.value.issues[0].code == "EDIT_OVERLAP"
    bilingual(exc.value.issues[0])
    assert last_journal_id(wc) == before


def test_traverse_cut_out_of_a_parcel(wc):
    parent, _ = inner_parcel(wc)
    ring = shapely.get_coordinates(parent.geometry)
    corner = ring[0]
    u = (ring[1] - corner) / np.hypot(*(ring[1] - corner))
    v = (ring[-2] - corner) / np.hypot(*(ring[-2] - corner))
    # A 6 m survey in the parcel's first corner, along its two sides, measured 2-3 cm off.
    sq = [corner + 0.03 * u, corner + 6 * u + 0.02 * v, corner + 6 * u + 6 * v,
          corner + 6 * v - 0.02 * u]
    result = apply_traverse(wc, Polygon(sq), within=parent.uuid, landuse="ONT", legal_area=36.0)
    survey, *rest = (wc.parcels("WHERE uuid = ?", [u])[0] for u in result.created)
    assert tuple(corner) in survey.geometry.exterior.coords
    assert survey.landuse == "ONT" and survey.legal_area == 36.0
    assert all(r.landuse == parent.landuse and r.legal_area is None for r in rest)
    assert abs(sum(p.geometry.area for p in [survey, *rest]) - parent.geometry.area) < 1e-6
    assert result.retired == [parent.uuid] and coverage_ok(wc)


def test_journal_rows_name_the_geometry_and_numbers(wc):
    parent, line = inner_parcel(wc)
    before_id = last_journal_id(wc)
    result = apply_split_line(wc, line, parent.uuid)
    inserted = wc.conn.execute(
        "SELECT new FROM journal WHERE id > ? AND table_name = 'parcels' AND action = 'insert'",
        (before_id,)).fetchall()
    numbers = sorted(json.loads(r[0])["parcel_no"] for r in inserted)
    assert numbers == sorted(n for _, n in result.numbers.values())
    blob = bytes.fromhex(json.loads(inserted[0][0])["geom"])
    assert gpkg.decode([blob])[0].is_valid


def test_an_unregistered_sheet_is_edited_with_the_default_tolerance_and_a_warning(wc):
    parent, line = inner_parcel(wc)
    with wc.operation("test", journal=False) as conn:
        conn.execute("DELETE FROM map_sheets WHERE sheet_no = ?", (parent.sheet_no,))
    result = apply_split_line(wc, line, parent.uuid)
    assert "EDIT_SHEET_UNKNOWN" in [w.code for w in result.warnings]
    bilingual(result.warnings[0])


def test_areas_are_measured_in_the_communes_tm3_crs(wc):
    # A layer stored in another CRS than the commune's (here the neighbouring TM-3 zone):
    # the recorded area is the one in the commune's own zone, not the layer's.
    from pyproj import Transformer

    parent, line = inner_parcel(wc)
    with wc.operation("test", journal=False) as conn:
        conn.execute("UPDATE gpkg_geometry_columns SET srs_id = 9209 WHERE table_name = 'parcels'")
    result = apply_split_line(wc, line, parent.uuid)
    to_commune = Transformer.from_crs(9209, 9210, always_xy=True)
    for uuid in result.created:
        p = wc.parcels("WHERE uuid = ?", [uuid])[0]
        there = shapely.transform(
            p.geometry, lambda xy: np.column_stack(to_commune.transform(*xy.T)))
        assert p.area == round_area(there.area)
        assert p.area != round_area(p.geometry.area)
