"""Split by line, driven by mouse and keys on a real canvas: click the points, right-click to
split, Esc to cancel; the working copy, the layer, the message bar and the undo."""
import sqlite3

import pytest
import shapely
from qgis.core import Qgis
from qgis.PyQt.QtCore import Qt

from cadastre_plugin.tools.split_line_tool import SplitLineTool
from tool_helpers import inner_parcel, journal, messages, parcels, snapshot, zoom_to


@pytest.fixture
def tool(canvas, layer, runner, snapping):
    tool = SplitLineTool(canvas, layer, runner, snapping)
    canvas.setMapTool(tool)
    return tool


def cut_line(geom):
    """A north-south line through the parcel's middle, from outside to outside."""
    minx, miny, maxx, maxy = geom.bounds
    x = geom.centroid.x
    return (x, miny - 2.0), (x, maxy + 2.0)


def test_click_click_right_click_splits_the_parcel(demo_path, canvas, layer, mouse, tool,
                                                   runner, qgis_iface):
    parent, geom = inner_parcel(demo_path)
    zoom_to(canvas, geom)
    before = snapshot(demo_path)
    old = parcels(demo_path)
    count = layer.featureCount()
    (x0, y0), (x1, y1) = cut_line(geom)

    mouse.click(x0, y0)
    mouse.move(x1, y1)
    # Live preview: the line, both pieces and their areas beside the cursor.
    assert tool.target is not None and tool.target.uuid == parent
    assert len(tool.piece_bands) == 2
    assert tool.preview_text.startswith(tool.target.label + ": ")
    assert tool.preview_text.count("m²") == 2 and tool.label.isVisible()
    mouse.click(x1, y1)
    mouse.click(x1 + 5, y1, Qt.RightButton)

    after = parcels(demo_path)
    assert parent not in after
    children = [u for u in after if u not in old]
    assert len(children) == 2
    # The pieces cover the parent: areas sum to it (0.1 m² rounding each), split at x.
    areas = [after[u][2] for u in children]
    assert abs(sum(areas) - geom.area) <= 0.1
    union = shapely.union_all([after[u][3] for u in children])
    assert shapely.symmetric_difference(union, geom).area < 1e-6
    # Next free numbers of the sheet, lineage to the parent, one journal op.
    used = max(no for sheet, no, _, _ in old.values() if sheet == 1)
    assert sorted(after[u][1] for u in children) == [used + 1, used + 2]
    with sqlite3.connect(str(demo_path)) as conn:
        lineage = conn.execute("SELECT parent_uuid, child_uuid FROM parcel_lineage").fetchall()
        status = conn.execute("SELECT status FROM parcel_versions WHERE uuid = ?",
                              (parent,)).fetchall()
    assert sorted(lineage) == sorted((parent, c) for c in children)
    assert status == [("retired",)]
    ops = {row[0]: row[1] for row in journal(demo_path)}
    assert list(ops.values()) == ["split"]
    # The layer shows the file: one more feature, the new parcels selected.
    assert layer.featureCount() == count + 1
    selected = {f["uuid"] for f in layer.selectedFeatures()}
    assert selected == set(children)
    text = messages(qgis_iface, Qgis.Success)[-1]
    assert "Split 1/" in text and "m²" in text
    assert not tool.points and not tool.piece_bands  # ready for the next split
    # The reloaded layer snaps to the new boundary vertices at once.
    known = set(map(tuple, shapely.get_coordinates(geom)))
    node = next(tuple(xy) for xy in shapely.get_coordinates(after[children[0]][3])
                if tuple(xy) not in known)
    mouse.click(node[0] + 3 * canvas.mapUnitsPerPixel(), node[1])
    assert tool.points == [node]
    mouse.key(Qt.Key_Escape)

    # One undo step gives back exactly the rows that were there.
    runner.undo_last(layer, "Undo")
    assert snapshot(demo_path) == before
    assert layer.featureCount() == count
    assert parent in {f["uuid"] for f in layer.selectedFeatures()}
    assert [row[1] for row in journal(demo_path)][-1] == "undo"


def test_clicks_snap_to_the_boundary_vertices(demo_path, canvas, layer, mouse, tool):
    _, geom = inner_parcel(demo_path)
    zoom_to(canvas, geom)
    vx, vy = geom.exterior.coords[0]
    step = 3 * canvas.mapUnitsPerPixel()  # a few pixels off: within the snapping tolerance
    mouse.click(vx + step, vy - step)
    assert tool.points == [(vx, vy)]


def test_escape_cancels_and_writes_nothing(demo_path, canvas, mouse, tool):
    _, geom = inner_parcel(demo_path)
    zoom_to(canvas, geom)
    before = snapshot(demo_path)
    (x0, y0), (x1, y1) = cut_line(geom)
    mouse.click(x0, y0)
    mouse.move(x1, y1)
    assert tool.piece_bands
    mouse.key(Qt.Key_Escape)
    assert tool.points == [] and tool.piece_bands == [] and not tool.label.isVisible()
    mouse.click(x1, y1, Qt.RightButton)  # nothing left to finish
    assert snapshot(demo_path) == before
    assert journal(demo_path) == []


def test_backspace_takes_back_the_last_point(demo_path, canvas, mouse, tool):
    _, geom = inner_parcel(demo_path)
    zoom_to(canvas, geom)
    (x0, y0), (x1, y1) = cut_line(geom)
    mouse.click(x0, y0)
    mouse.click(x1, y1)
    mouse.key(Qt.Key_Backspace)
    assert len(tool.points) == 1


def test_a_refused_line_shows_the_reason_and_changes_nothing(demo_path, canvas, mouse, tool,
                                                             qgis_iface):
    _, geom = inner_parcel(demo_path)
    zoom_to(canvas, geom)
    before = snapshot(demo_path)
    (x0, y0), _ = cut_line(geom)
    inside = geom.centroid
    mouse.click(x0, y0)
    mouse.click(inside.x, inside.y)  # ends inside the parcel
    mouse.key(Qt.Key_Return)
    errors = messages(qgis_iface, Qgis.Critical)
    assert errors and "line" in errors[-1].lower() and "Traceback" not in errors[-1]
    assert snapshot(demo_path) == before


def test_unsaved_edits_of_the_layer_are_not_overwritten(demo_path, canvas, layer, mouse, tool,
                                                        qgis_iface):
    _, geom = inner_parcel(demo_path)
    zoom_to(canvas, geom)
    before = snapshot(demo_path)
    layer.startEditing()
    feature = next(layer.getFeatures())
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("address"), "edited")
    (x0, y0), (x1, y1) = cut_line(geom)
    mouse.click(x0, y0)
    mouse.click(x1, y1)
    mouse.click(x1, y1, Qt.RightButton)
    assert "unsaved edits" in messages(qgis_iface, Qgis.Warning)[-1]
    assert snapshot(demo_path) == before
    layer.rollBack()


def test_a_layer_in_edit_mode_without_changes_is_edited_and_stays_in_edit_mode(
        demo_path, canvas, layer, mouse, tool):
    parent, geom = inner_parcel(demo_path)
    zoom_to(canvas, geom)
    layer.startEditing()
    (x0, y0), (x1, y1) = cut_line(geom)
    mouse.click(x0, y0)
    mouse.click(x1, y1)
    mouse.click(x1, y1, Qt.RightButton)
    assert parent not in parcels(demo_path)
    assert layer.isEditable() and not layer.isModified()
    assert parent not in {f["uuid"] for f in layer.getFeatures()}
    layer.rollBack()
