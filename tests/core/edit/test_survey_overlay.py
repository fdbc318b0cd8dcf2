"""A surveyed boundary over existing parcels, on a real working copy: replacing a parcel's
boundary (neighbours lose land, freed strips go to the one neighbour that held the old
boundary, or the edit is refused naming the place), and a new parcel cut out of every parcel
it covers; numbering, lineage, history, one journal op, undo, preview."""
import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon

from cadastre_plugin.core.area import round_area
from cadastre_plugin.core.edit.apply import apply_traverse, preview_traverse
from cadastre_plugin.core.edit.revert import revert_operation
from cadastre_plugin.core.messages import CadastreError

from edit_helpers import at, bilingual, box

TABLES = ("parcels", "parcel_versions", "parcel_lineage")


def snapshot(wc):
    return {t: wc.conn.execute(f"SELECT * FROM {t} ORDER BY fid").fetchall() for t in TABLES}


def coverage_ok(wc):
    _, geoms, _ = wc.parcel_arrays()
    return bool(shapely.coverage_is_valid(geoms))


def parcel(wc, uuid):
    found = wc.parcels("WHERE uuid = ?", [uuid])
    return found[0] if found else None


def target(wc):
    """A big sheet-1 parcel inside a block, with its neighbours."""
    _, geoms, attrs = wc.parcel_arrays()
    tree = shapely.STRtree(geoms)
    for i in np.argsort(-shapely.area(geoms)):
        near = [j for j in tree.query(geoms[i], predicate="touches")]
        if attrs["sheet_no"][i] == 1 and len(near) >= 4:
            return parcel(wc, attrs["uuid"][i]), [parcel(wc, attrs["uuid"][j]) for j in near]
    raise AssertionError("no inner parcel")


def shared_side(t, neighbours, min_length=20.0):
    """(index in t's ring, neighbour) of a side of ``t`` that one neighbour holds whole."""
    ring = shapely.get_coordinates(t.geometry.exterior)
    for k in range(len(ring) - 1):
        side = shapely.LineString(ring[k:k + 2])
        if side.length < min_length:
            continue
        for n in neighbours:
            if shapely.intersection(side, n.geometry.boundary).length > side.length - 1e-6:
                return k, n
    raise AssertionError("no side shared whole with one neighbour")


def with_apex(t, k, offset):
    """``t`` with a vertex pushed ``offset`` m off the middle of side k (positive: outwards)."""
    ring = shapely.get_coordinates(t.geometry.exterior)[:-1]
    a, b = ring[k], ring[(k + 1) % len(ring)]
    u = (b - a) / np.hypot(*(b - a))
    out = np.array([u[1], -u[0]]) if t.geometry.exterior.is_ccw else np.array([-u[1], u[0]])
    apex = (a + b) / 2 + offset * out
    return Polygon(np.insert(ring, k + 1, apex, axis=0)), 0.5 * np.hypot(*(b - a)) * abs(offset)


def lineage(wc):
    return set(wc.conn.execute("SELECT parent_uuid, child_uuid FROM parcel_lineage"))


def test_replace_takes_land_from_the_neighbour_it_now_covers(wc):
    t, neighbours = target(wc)
    k, n = shared_side(t, neighbours)
    survey, wedge = with_apex(t, k, 1.5)
    before = snapshot(wc)
    ops_before = wc.conn.execute("SELECT count(DISTINCT op_id) FROM journal").fetchone()[0]

    preview = preview_traverse(wc, survey, replace=t.uuid)
    assert [(a.label, a.change) for a in preview.affected] == [(t.label, "replaced"),
                                                               (n.label, "loses")]
    assert snapshot(wc) == before  # a preview writes nothing
    assert any("loses land" in line for line in preview.lines())
    assert any("mất đất" in line for line in preview.lines("vi"))

    result = apply_traverse(wc, survey, replace=t.uuid)

    assert result.created == [] and result.retired == []
    assert set(result.updated) == {t.uuid, n.uuid}
    t2, n2 = parcel(wc, t.uuid), parcel(wc, n.uuid)
    # The parcels keep their numbers and legal areas; new versions, areas recomputed.
    assert (t2.parcel_no, t2.legal_area, t2.version) == (t.parcel_no, t.legal_area, 2)
    assert (n2.parcel_no, n2.version) == (n.parcel_no, 2)
    assert t2.geometry.area == pytest.approx(t.geometry.area + wedge, abs=1e-6)
    assert n2.geometry.area == pytest.approx(n.geometry.area - wedge, abs=1e-6)
    assert t2.area == round_area(t2.geometry.area) and n2.area == round_area(n2.geometry.area)
    # History holds the versions replaced; lineage records the land moved from n to t.
    old = wc.conn.execute("SELECT uuid, version, status FROM parcel_versions").fetchall()
    assert sorted(old) == sorted([(t.uuid, 1, "current"), (n.uuid, 1, "current")])
    assert lineage(wc) == {(n.uuid, t.uuid)}
    ops = wc.conn.execute("SELECT DISTINCT op_id, operation FROM journal WHERE op_id = ?",
                          (result.op_id,)).fetchall()
    assert ops == [(result.op_id, "traverse")]
    assert wc.conn.execute("SELECT count(DISTINCT op_id) FROM journal").fetchone()[0] \
        == ops_before + 1
    assert coverage_ok(wc)

    revert_operation(wc, result.op_id)
    assert snapshot(wc) == before


def test_replace_gives_a_freed_strip_to_the_neighbour_that_held_the_old_boundary(wc):
    t, neighbours = target(wc)
    k, n = shared_side(t, neighbours)
    survey, wedge = with_apex(t, k, -1.5)
    before = snapshot(wc)
    result = apply_traverse(wc, survey, replace=t.uuid, legal_area=1234.5)
    t2, n2 = parcel(wc, t.uuid), parcel(wc, n.uuid)
    assert t2.geometry.area == pytest.approx(t.geometry.area - wedge, abs=1e-6)
    assert n2.geometry.area == pytest.approx(n.geometry.area + wedge, abs=1e-6)
    assert t2.legal_area == 1234.5  # set because it was given
    assert lineage(wc) == {(t.uuid, n.uuid)}
    assert result.warnings == [] and coverage_ok(wc)
    revert_operation(wc, result.op_id)
    assert snapshot(wc) == before


def test_a_strip_between_two_neighbours_is_refused_naming_them(wc):
    t, neighbours = target(wc)
    ring = shapely.get_coordinates(t.geometry.exterior)[:-1]
    # A vertex of t where its side passes from one neighbour to another.
    for i, v in enumerate(ring):
        holders = [n for n in neighbours
                   if tuple(v) in map(tuple, shapely.get_coordinates(n.geometry))]
        a, b = ring[i - 1], ring[(i + 1) % len(ring)]
        sides = [n for n in holders
                 if shapely.intersection(shapely.LineString([a, v]), n.geometry.boundary).length
                 > 5 or shapely.intersection(shapely.LineString([v, b]),
                                             n.geometry.boundary).length > 5]
        if len(sides) == 2:
            break
    else:
        raise AssertionError("no vertex between two neighbours")
    inward = (a + b) / 2 - v
    moved = ring.copy()
    moved[i] = v + 2.0 * inward / np.hypot(*inward)
    before = snapshot(wc)
    with pytest.raises(CadastreError) as exc:
        apply_traverse(wc, Polygon(moved), replace=t.uuid)
    issue = bilingual(exc.value)
    assert issue.code == "TRAVERSE_STRIP_AMBIGUOUS"
    assert all(s.label in issue.en and s.label in issue.vi for s in sides)
    assert "X=" in issue.where
    with pytest.raises(CadastreError):
        preview_traverse(wc, Polygon(moved), replace=t.uuid)
    assert snapshot(wc) == before


def test_a_freed_strip_on_unparcelled_land_is_returned_with_a_warning(wc):
    t, neighbours = target(wc)
    ring = shapely.get_coordinates(t.geometry.exterior)
    # A side on the road: held by no neighbour.
    for k in range(len(ring) - 1):
        side = shapely.LineString(ring[k:k + 2])
        if side.length > 20 and all(shapely.intersection(side, n.geometry.boundary).length
                                    < 1e-6 for n in neighbours):
            break
    else:
        raise AssertionError("no side on unparcelled land")
    survey, wedge = with_apex(t, k, -1.0)
    result = apply_traverse(wc, survey, replace=t.uuid)
    [warning] = result.warnings
    assert bilingual(warning).code == "TRAVERSE_STRIP_UNPARCELLED"
    assert f"{wedge:.2f}" in warning.en
    assert parcel(wc, t.uuid).geometry.area == pytest.approx(t.geometry.area - wedge, abs=1e-6)
    assert coverage_ok(wc)


def test_a_new_parcel_across_several_parcels_cuts_each_of_them(wc):
    t, _ = target(wc)
    minx, miny, maxx, maxy = t.geometry.bounds
    y = (miny + maxy) / 2
    # A 6 m road surveyed across the parcel and on into the parcels on both sides.
    road = shapely.box(minx - 15, y - 3, maxx + 15, y + 3)
    _, geoms, attrs = wc.parcel_arrays()
    hit = shapely.area(shapely.intersection(geoms, road)) > 1e-4
    covered = {attrs["uuid"][i]: geoms[i] for i in np.flatnonzero(hit)}
    assert t.uuid in covered and len(covered) >= 3
    top = wc.conn.execute("SELECT max(n) FROM (SELECT parcel_no n FROM parcels WHERE sheet_no "
                          "= 1 UNION ALL SELECT parcel_no FROM parcel_versions WHERE sheet_no "
                          "= 1)").fetchone()[0]
    before = snapshot(wc)

    preview = preview_traverse(wc, road)
    assert {a.uuid for a in preview.affected if a.change == "cut"} == set(covered)

    result = apply_traverse(wc, road, cut_covered=True, landuse="DGT")

    assert set(result.retired) == set(covered)
    survey_uuid = result.created[0]
    survey = parcel(wc, survey_uuid)
    assert survey.landuse == "DGT" and survey.legal_area is None
    numbers = sorted(n for _, n in result.numbers.values())
    assert numbers == list(range(top + 1, top + 1 + len(result.created)))
    links = lineage(wc)
    assert {(p, survey_uuid) for p in covered} <= links
    # t is cut in two: both halves are new parcels with t as their parent.
    halves = [c for p, c in links if p == t.uuid and c != survey_uuid]
    assert len(halves) == 2
    for uuid in result.created[1:]:
        [parent] = [p for p, c in links if c == uuid]
        child = parcel(wc, uuid)
        assert child.area == round_area(child.geometry.area)
        assert (child.old_sheet_no, child.old_parcel_no) != (None, None)
        assert covered[parent].covers(child.geometry.representative_point())
    rests = sum(parcel(wc, u).geometry.area for u in result.created[1:])
    taken = sum(g.intersection(road).area for g in covered.values())
    assert rests == pytest.approx(sum(g.area for g in covered.values()) - taken, abs=1e-3)
    retired = wc.conn.execute("SELECT count(*) FROM parcel_versions WHERE status = 'retired' "
                              "AND valid_to IS NOT NULL").fetchone()[0]
    assert retired == len(covered)
    assert coverage_ok(wc)

    revert_operation(wc, result.op_id)
    assert snapshot(wc) == before


def test_a_parcel_the_survey_covers_entirely_is_named(wc):
    t, neighbours = target(wc)
    small = min(neighbours, key=lambda n: n.geometry.area)
    before = snapshot(wc)
    with pytest.raises(CadastreError) as exc:
        apply_traverse(wc, small.geometry.buffer(0.5, join_style="mitre"), cut_covered=True)
    issue = bilingual(exc.value)
    assert issue.code == "TRAVERSE_SWALLOWS_PARCEL" and small.label in issue.en
    assert snapshot(wc) == before


def test_a_parcel_left_as_a_sliver_is_named(wc):
    t, neighbours = target(wc)
    _, n = shared_side(t, neighbours)
    # The survey takes all of n but a 5 cm band along one of its sides. Snapping to the
    # boundary within the tolerance usually closes such a band, and then the parcel would
    # vanish: either way the refusal names it.
    ring = shapely.get_coordinates(n.geometry.exterior)
    lengths = np.hypot(*np.diff(ring, axis=0).T)
    j = int(np.argmax(lengths))
    band = shapely.buffer(shapely.LineString(ring[j:j + 2]), 0.05, cap_style="flat")
    survey = shapely.difference(n.geometry, band)
    before = snapshot(wc)
    with pytest.raises(CadastreError) as exc:
        apply_traverse(wc, survey, cut_covered=True)
    issue = bilingual(exc.value)
    assert issue.code in ("TRAVERSE_SWALLOWS_PARCEL", "TRAVERSE_FIT_INVALID")
    assert (n.label in issue.en and n.label in issue.vi) or "X=" in issue.where
    assert snapshot(wc) == before


def test_the_overlay_names_a_neighbour_left_as_a_sliver():
    # Without the snapping of the working-copy step: the overlay's own refusal.
    from cadastre_plugin.core.edit.survey_overlay import overlay_survey

    a, b = box(0, 0, 20, 20), box(20, 0, 40, 20)
    survey = box(5, 0, 39.95, 20)
    with pytest.raises(CadastreError) as exc:
        overlay_survey(survey, {"a": a, "b": b}, 0.15, {"a": "1/1", "b": "1/2"})
    issue = bilingual(exc.value)
    assert issue.code == "TRAVERSE_LEAVES_SLIVER" and "1/2" in issue.en
    with pytest.raises(CadastreError) as exc:
        overlay_survey(box(5, 0, 40, 20), {"a": a, "b": b}, 0.15, {"a": "1/1", "b": "1/2"})
    assert bilingual(exc.value).code == "TRAVERSE_SWALLOWS_PARCEL"
    # Replacing a's boundary by one that runs a band right through b: b would be in two.
    through = Polygon([at(0, 0), at(20, 0), at(20, 8), at(40, 8), at(40, 12), at(20, 12),
                       at(20, 20), at(0, 20)])
    with pytest.raises(CadastreError) as exc:
        overlay_survey(through, {"a": a, "b": b}, 0.15, {"a": "1/1", "b": "1/2"}, target="a")
    issue = bilingual(exc.value)
    assert issue.code == "TRAVERSE_CUTS_NEIGHBOUR" and "1/2" in issue.en


def test_replace_refuses_a_survey_elsewhere_and_a_mode_mix(wc):
    t, neighbours = target(wc)
    far = shapely.affinity.translate(t.geometry, 500, 0)
    with pytest.raises(CadastreError) as exc:
        apply_traverse(wc, Polygon(far.exterior), replace=t.uuid)
    assert bilingual(exc.value).code in ("TRAVERSE_NOT_ON_TARGET", "TRAVERSE_NO_SHEET")
    with pytest.raises(CadastreError) as exc:
        apply_traverse(wc, t.geometry, replace=t.uuid, cut_covered=True)
    assert bilingual(exc.value).code == "TRAVERSE_MODE"
