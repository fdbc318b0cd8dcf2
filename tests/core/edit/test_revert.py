"""Undo of an editing operation from the journal: every kind comes back to exactly the rows it
replaced; undos go back step by step; what cannot be undone is refused with the reason."""
from collections import Counter

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Polygon

from cadastre_plugin.core.edit.apply import (
    apply_merge, apply_move_vertex, apply_split_area, apply_split_line, apply_traverse)
from cadastre_plugin.core.edit.revert import last_operation, revert_operation, undo_op_id
from cadastre_plugin.core.messages import CadastreError

from edit_helpers import bilingual

ROAD_W = 588_166.0  # the road between the demo's first two blocks (see test_apply)
TABLES = ("parcels", "parcel_versions", "parcel_lineage")


def snapshot(wc):
    return {t: wc.conn.execute(f"SELECT * FROM {t} ORDER BY fid").fetchall() for t in TABLES}


def inner_parcel(wc):
    fids, geoms, attrs = wc.parcel_arrays()
    tree = shapely.STRtree(geoms)
    for i in np.argsort(-shapely.area(geoms)):
        if attrs["sheet_no"][i] == 1 and len(tree.query(geoms[i], predicate="touches")) >= 4:
            return attrs["uuid"][i], geoms[i]
    raise AssertionError("no inner parcel")


def across(geom):
    minx, miny, maxx, maxy = geom.bounds
    x = geom.centroid.x
    return LineString([(x, miny - 1), (x, maxy + 1)])


def shared_vertex(wc, holders=4):
    _, geoms, _ = wc.parcel_arrays()
    count = Counter(xy for g in geoms for xy in set(map(tuple, shapely.get_coordinates(g)[:-1])))
    return next(xy for xy, n in count.items() if n == holders)


def corner_survey(geom):
    ring = shapely.get_coordinates(geom)
    corner = ring[0]
    u = (ring[1] - corner) / np.hypot(*(ring[1] - corner))
    v = (ring[-2] - corner) / np.hypot(*(ring[-2] - corner))
    return Polygon([corner, corner + 5 * u, corner + 5 * u + 5 * v, corner + 5 * v])


OPERATIONS = {
    "split": lambda wc, uuid, geom: apply_split_line(wc, across(geom), uuid),
    "split_area": lambda wc, uuid, geom: apply_split_area(wc, uuid, 80.0, edge_index=0),
    "move_vertex": lambda wc, uuid, geom: apply_move_vertex(
        wc, shared_vertex(wc), np.asarray(shared_vertex(wc)) + (0.7, -0.4)),
    "traverse": lambda wc, uuid, geom: apply_traverse(
        wc, shapely.box(ROAD_W + 1, 2_309_900.0, ROAD_W + 5, 2_309_910.0)),
    "traverse_cut_out": lambda wc, uuid, geom: apply_traverse(
        wc, corner_survey(geom), within=uuid),
}


@pytest.mark.parametrize("kind", sorted(OPERATIONS))
def test_every_operation_comes_back_exactly(wc, kind):
    uuid, geom = inner_parcel(wc)
    before = snapshot(wc)
    result = OPERATIONS[kind](wc, uuid, geom)
    assert snapshot(wc) != before
    assert last_operation(wc) == (result.op_id, result.operation)

    undone = revert_operation(wc, result.op_id)

    assert snapshot(wc) == before
    assert set(undone.removed) == set(result.created)
    assert set(undone.restored) == set(result.retired) | set(result.updated)
    assert last_operation(wc) is None
    # Journalled as one 'undo' op whose id is derived from the undone op's.
    ops = wc.conn.execute("SELECT DISTINCT op_id, operation FROM journal WHERE operation = "
                          "'undo'").fetchall()
    assert ops == [(undo_op_id(result.op_id), "undo")]
    assert undone.summary().startswith("Undid the ")
    assert undone.summary("vi").startswith("Đã hoàn tác")


def test_merge_after_split_is_undone_first_then_the_split(wc):
    uuid, geom = inner_parcel(wc)
    before = snapshot(wc)
    split = apply_split_line(wc, across(geom), uuid)
    after_split = snapshot(wc)
    merge = apply_merge(wc, split.created)

    with pytest.raises(CadastreError) as exc:
        revert_operation(wc, split.op_id)
    assert exc.value.code == "UNDO_LATER_CHANGES" and "merge" in exc.value.en
    bilingual(exc.value)

    assert last_operation(wc)[0] == merge.op_id
    revert_operation(wc, merge.op_id)
    assert snapshot(wc) == after_split
    # The merge and its undo net out: the split can be undone now.
    assert last_operation(wc)[0] == split.op_id
    revert_operation(wc, split.op_id)
    assert snapshot(wc) == before


def test_an_undone_split_frees_its_numbers(wc):
    uuid, geom = inner_parcel(wc)
    first = apply_split_line(wc, across(geom), uuid)
    revert_operation(wc, first.op_id)
    again = apply_split_line(wc, across(geom), uuid)
    assert sorted(again.numbers.values()) == sorted(first.numbers.values())


def test_what_cannot_be_undone_is_refused(wc):
    uuid, geom = inner_parcel(wc)
    result = apply_split_line(wc, across(geom), uuid)
    revert_operation(wc, result.op_id)
    cases = []
    with pytest.raises(CadastreError) as exc:
        revert_operation(wc, result.op_id)
    cases.append((exc.value, "UNDO_ALREADY"))
    with pytest.raises(CadastreError) as exc:
        revert_operation(wc, undo_op_id(result.op_id))
    cases.append((exc.value, "UNDO_NOT_EDIT"))  # an undo is not undone (no redo here)
    with pytest.raises(CadastreError) as exc:
        revert_operation(wc, "no-such-op")
    cases.append((exc.value, "UNDO_UNKNOWN"))
    with wc.operation("attribute_edit") as conn:
        conn.execute("UPDATE parcels SET address = 'x' WHERE uuid = ?", (uuid,))
    op = wc.conn.execute("SELECT op_id FROM journal ORDER BY id DESC LIMIT 1").fetchone()[0]
    with pytest.raises(CadastreError) as exc:
        revert_operation(wc, op)
    cases.append((exc.value, "UNDO_NOT_EDIT"))
    for error, code in cases:
        assert error.code == code
        bilingual(error)


def test_an_operation_sent_to_the_server_is_not_undone_locally(wc):
    uuid, geom = inner_parcel(wc)
    result = apply_split_line(wc, across(geom), uuid)
    wc.conn.execute("UPDATE journal SET changeset_uuid = 'cs-1' WHERE op_id = ?",
                    (result.op_id,))
    before = snapshot(wc)
    with pytest.raises(CadastreError) as exc:
        revert_operation(wc, result.op_id)
    assert exc.value.code == "UNDO_SENT"
    assert snapshot(wc) == before


def test_rows_changed_without_a_journal_entry_are_not_overwritten(wc):
    uuid, geom = inner_parcel(wc)
    result = apply_split_line(wc, across(geom), uuid)
    # A pull applies the server's version of a parcel with the journal suspended.
    with wc.operation("pull", journal=False) as conn:
        conn.execute("UPDATE parcels SET version = version + 1 WHERE uuid = ?",
                     (result.created[0],))
    before = snapshot(wc)
    with pytest.raises(CadastreError) as exc:
        revert_operation(wc, result.op_id)
    assert exc.value.code == "UNDO_CHANGED_SINCE"
    assert snapshot(wc) == before
