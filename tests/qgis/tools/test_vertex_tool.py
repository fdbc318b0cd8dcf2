"""Shared boundary edit with press, drag and release: every parcel holding the vertex follows,
in the preview and in the working copy; Esc cancels a drag; an overlap is refused."""
from collections import Counter

import numpy as np
import pytest
import shapely
from qgis.core import Qgis
from qgis.PyQt.QtCore import Qt

from cadastre_plugin.tools.vertex_tool import SharedVertexTool
from tool_helpers import journal, messages, parcels, snapshot, zoom_to


@pytest.fixture
def tool(canvas, layer, runner, snapping):
    tool = SharedVertexTool(canvas, layer, runner, snapping)
    canvas.setMapTool(tool)
    return tool


def shared_vertex(path, holders=4):
    """A vertex held by ``holders`` parcels, and those parcels."""
    current = parcels(path)
    count = Counter(xy for _, _, _, g in current.values()
                    for xy in set(map(tuple, shapely.get_coordinates(g)[:-1])))
    xy = next(xy for xy, n in count.items() if n == holders)
    owners = {u for u, (_, _, _, g) in current.items()
              if xy in set(map(tuple, shapely.get_coordinates(g)))}
    return xy, owners


def test_drag_a_vertex_shared_by_four_parcels(demo_path, canvas, layer, mouse, tool,
                                              qgis_iface):
    (vx, vy), owners = shared_vertex(demo_path)
    old = parcels(demo_path)
    zoom_to(canvas, shapely.Point(vx, vy).buffer(6))
    target = (vx + 1.0, vy + 0.5)

    mouse.move(vx, vy)
    mouse.press(vx, vy)
    assert set(tool.labels) and len(tool.labels) == 4
    mouse.move(*target)
    # The preview moves the vertex in all four parcels, with their new areas.
    assert len(tool.preview) == 4
    for geom in tool.preview.values():
        assert shapely.dwithin(geom, shapely.Point(target), 0.05)
    assert tool.preview_text.count("→") == 4
    mouse.release(*target)

    after = parcels(demo_path)
    moved = [tuple(xy) for xy in shapely.get_coordinates(after[next(iter(owners))][3])]
    new = next(xy for xy in moved if xy not in set(map(tuple, shapely.get_coordinates(
        old[next(iter(owners))][3]))))
    assert np.hypot(new[0] - target[0], new[1] - target[1]) < 0.05
    for uuid in owners:  # every holder has the same new vertex, none keeps the old one
        coords = set(map(tuple, shapely.get_coordinates(after[uuid][3])))
        assert new in coords and (vx, vy) not in coords
        assert after[uuid][2] == round(after[uuid][3].area, 1)
    # No gap, no overlap: the four still tile the area they tiled before.
    before_union = shapely.union_all([old[u][3] for u in owners])
    after_union = shapely.union_all([after[u][3] for u in owners])
    assert shapely.symmetric_difference(before_union, after_union).area < 1e-6
    assert sum(after[u][3].area for u in owners) == pytest.approx(before_union.area, abs=1e-6)
    assert {r[1] for r in journal(demo_path)} == {"move_vertex"}
    assert {f["uuid"] for f in layer.selectedFeatures()} == owners
    assert "Moved a boundary vertex" in messages(qgis_iface, Qgis.Success)[-1]


def test_escape_during_a_drag_cancels(demo_path, canvas, mouse, tool):
    (vx, vy), _ = shared_vertex(demo_path)
    before = snapshot(demo_path)
    zoom_to(canvas, shapely.Point(vx, vy).buffer(6))
    mouse.move(vx, vy)
    mouse.press(vx, vy)
    mouse.move(vx + 1.0, vy)
    assert tool.preview
    mouse.key(Qt.Key_Escape)
    assert tool.move is None and not tool.bands
    mouse.release(vx + 1.0, vy)
    assert snapshot(demo_path) == before


def test_drag_a_shared_segment(demo_path, canvas, mouse, tool):
    (vx, vy), owners = shared_vertex(demo_path)
    old = parcels(demo_path)
    # An edge from that vertex, shared by two of the holders.
    geom = old[next(iter(owners))][3]
    ring = [tuple(xy) for xy in shapely.get_coordinates(geom.exterior)]
    i = ring.index((vx, vy))
    other = ring[i + 1]
    mid = ((vx + other[0]) / 2, (vy + other[1]) / 2)
    zoom_to(canvas, shapely.LineString([(vx, vy), other]).buffer(3))
    offset = np.array([0.4, -0.3])
    mouse.drag(mid, tuple(np.asarray(mid) + offset))

    after = parcels(demo_path)
    holders = [u for u in after if u in old and after[u][3] != old[u][3]]
    assert len(holders) >= 2
    for end in ((vx, vy), other):
        moved = tuple(np.asarray(end) + offset)
        for u in holders:
            coords = shapely.get_coordinates(after[u][3])
            if end in set(map(tuple, shapely.get_coordinates(old[u][3]))):
                assert np.hypot(*(coords - moved).T).min() < 0.05


def test_a_move_onto_a_neighbour_is_refused(demo_path, canvas, mouse, tool, qgis_iface):
    (vx, vy), owners = shared_vertex(demo_path, holders=2)
    before = snapshot(demo_path)
    old = parcels(demo_path)
    # Far across one of the holders: its boundary would cross its other edges.
    far = max(owners, key=lambda u: old[u][3].area)
    c = old[far][3].centroid
    target = (vx + 3 * (c.x - vx), vy + 3 * (c.y - vy))
    zoom_to(canvas, shapely.LineString([(vx, vy), target]).buffer(5))
    mouse.drag((vx, vy), target)
    error = messages(qgis_iface, Qgis.Critical)[-1]
    assert "Traceback" not in error and ("overlap" in error or "invalid" in error)
    assert snapshot(demo_path) == before
