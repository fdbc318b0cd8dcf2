"""Split by area with mouse, keys and the panel: pick the parcel, then a side or a vertex; the
areas follow the mouse; a typed area pins the cut; Enter or a click cuts it off."""
import numpy as np
import pytest
import shapely
from qgis.core import Qgis
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest

from cadastre_plugin.tools.split_area_panel import SplitAreaPanel
from cadastre_plugin.tools.split_area_tool import SplitAreaTool
from tool_helpers import inner_parcel, journal, messages, parcels, snapshot, zoom_to


@pytest.fixture
def panel():
    panel = SplitAreaPanel()
    yield panel
    panel.deleteLater()


@pytest.fixture
def tool(canvas, layer, runner, snapping, panel):
    tool = SplitAreaTool(canvas, layer, runner, snapping, panel)
    canvas.setMapTool(tool)
    return tool


def side_midpoint(geom, index, inward=0.0):
    a, b = np.asarray(geom.exterior.coords)[index:index + 2]
    mid = (a + b) / 2
    towards = np.asarray(geom.centroid.coords[0]) - mid
    return mid + inward * towards / np.hypot(*towards)


def type_area(panel, text):
    edit = panel.area.lineEdit()
    edit.selectAll()
    QTest.keyClicks(edit, text)


def test_parallel_cut_of_a_typed_area(demo_path, canvas, layer, mouse, tool, panel, runner,
                                      qgis_iface):
    parent, geom = inner_parcel(demo_path, landuse="ONT")
    zoom_to(canvas, geom)
    old = parcels(demo_path)
    c = geom.centroid
    mouse.click(c.x, c.y)  # the parcel
    assert tool.parcel.uuid == parent and layer.selectedFeatureIds() == [tool.parcel.fid]

    mouse.move(*side_midpoint(geom, 0, inward=0.3))
    assert tool.pick == ("edge", 0)  # the side under the mouse is highlighted
    mouse.click(*side_midpoint(geom, 0, inward=0.3))
    assert tool.cutter is not None

    # The preview follows the mouse: a line deeper into the parcel cuts off more.
    mouse.move(*side_midpoint(geom, 0, inward=3.0))
    small = tool.preview.cut_area
    mouse.move(*side_midpoint(geom, 0, inward=6.0))
    assert tool.preview.cut_area > small
    assert abs(tool.preview.cut_area + tool.preview.remainder_area - geom.area) < 1e-6
    assert panel.area.value() == pytest.approx(tool.preview.cut_area, abs=0.05)
    assert "m²" in panel.areas_label.text() and tool.label.isVisible()

    # A typed area pins the cut; the mouse no longer moves it. 30 m² of residential land is
    # below Hải Phòng's configured minimum for communes: warned before and after.
    type_area(panel, "30")
    assert tool.pinned == 30.0
    assert tool.preview.cut_area == pytest.approx(30.0, abs=0.01)
    mouse.move(*side_midpoint(geom, 0, inward=8.0))
    assert tool.preview.cut_area == pytest.approx(30.0, abs=0.01)
    assert panel.warning_label.isVisibleTo(panel) and "minimum" in panel.warning_label.text()
    mouse.key(Qt.Key_Return)

    after = parcels(demo_path)
    children = [u for u in after if u not in old]
    assert parent not in after and len(children) == 2
    cut = min(children, key=lambda u: after[u][2])
    assert after[cut][2] == 30.0  # the recorded area, in m² to 0.1
    assert abs(after[cut][3].area - 30.0) <= 0.01
    assert [r[1] for r in journal(demo_path)][0] == "split_area"
    warning = messages(qgis_iface, Qgis.Warning)[-1]
    assert "minimum split area" in warning and "30.0 m²" in warning
    # The quality engine's check of the neighbourhood found the new small parcel: listed and
    # outlined on the map.
    assert "New quality problems around the edit (1)" in warning
    assert len(runner.highlights.bands) == 1
    assert tool.parcel is None and tool.cutter is None


def test_cut_through_a_vertex_at_the_mouse(demo_path, canvas, layer, mouse, tool, panel):
    parent, geom = inner_parcel(demo_path)
    zoom_to(canvas, geom)
    old = parcels(demo_path)
    panel.vertex.setChecked(True)
    c = geom.centroid
    mouse.click(c.x, c.y)
    corner = np.asarray(geom.exterior.coords[1])
    inside = corner + 0.05 * (np.asarray(c.coords[0]) - corner)
    mouse.click(*inside)
    assert tool.pick == ("vertex", 1)
    mouse.move(c.x, c.y)
    at_centre = tool.preview.cut_area
    assert 0 < at_centre < geom.area
    mouse.click(c.x, c.y)  # a click cuts the area shown, rounded to 0.1 m²

    after = parcels(demo_path)
    children = [u for u in after if u not in old]
    assert len(children) == 2 and parent not in after
    areas = sorted(after[u][2] for u in children)
    assert round(at_centre, 1) in areas
    union = shapely.union_all([after[u][3] for u in children])
    assert shapely.symmetric_difference(union, geom).area < 1e-6


def test_escape_goes_back_one_step_and_writes_nothing(demo_path, canvas, mouse, tool):
    _, geom = inner_parcel(demo_path)
    zoom_to(canvas, geom)
    before = snapshot(demo_path)
    c = geom.centroid
    mouse.click(c.x, c.y)
    mouse.click(*side_midpoint(geom, 1, inward=0.3))
    mouse.move(c.x, c.y)
    assert tool.cutter is not None and tool.line_band is not None
    mouse.key(Qt.Key_Escape)
    assert tool.cutter is None and tool.parcel is not None
    mouse.key(Qt.Key_Escape)
    assert tool.parcel is None
    assert snapshot(demo_path) == before


def test_an_area_larger_than_the_parcel_is_explained(demo_path, canvas, mouse, tool, panel):
    _, geom = inner_parcel(demo_path)
    zoom_to(canvas, geom)
    c = geom.centroid
    mouse.click(c.x, c.y)
    mouse.click(*side_midpoint(geom, 0, inward=0.3))
    type_area(panel, str(int(geom.area) + 100))
    assert "Cannot cut" in panel.warning_label.text()
