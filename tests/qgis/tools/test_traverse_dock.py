"""The survey input dock: a traverse typed in D°M′S″ with its closure, the refusal beyond the
tolerance, a CSV with a bad row, a CSV cut out of a parcel or of several, a re-survey replacing
the selected parcel's boundary (with the affected parcels listed first), and the start point
picked on the map."""
import numpy as np
import pytest
import shapely
from qgis.gui import QgsMapToolPan

from cadastre_plugin.tools import settings
from cadastre_plugin.tools.traverse_dock import TraverseDock
from tool_helpers import inner_parcel, journal, parcels, snapshot, zoom_to

# A 4 m x 30 m strip on the road between the first two village blocks of the demo commune
# (blocks are 160 m wide from E 588 006, roads 6 m): the field book's legs, closing 1 cm short.
START = ("2309960.000", "588167.000")  # X = northing, Y = easting
LEGS = [("0°00'00\"", "30.000"), ("90 00 00", "4.000"), ("180-00-00", "30.010"),
        ("270", "4,000")]


@pytest.fixture
def dock(canvas, layer, runner, snapping):
    settings.set_value(settings.TRAVERSE_MAX_MISCLOSURE, 0.10)
    settings.set_value(settings.TRAVERSE_MIN_PRECISION, 4000)
    dock = TraverseDock(canvas, runner, snapping)
    dock.set_layer(layer)
    yield dock
    dock.release()
    dock.deleteLater()


def enter(dock, start=START, legs=LEGS):
    dock.start_x.setText(start[0])
    dock.start_y.setText(start[1])
    dock.set_legs(legs)


def test_a_closed_traverse_makes_a_parcel_on_free_land(demo_path, dock, layer):
    old = parcels(demo_path)
    enter(dock)
    closure = dock.closure_label.text()
    # 68.01 m of perimeter, 1 cm misclosure in X: 1:6 801, shown rounded down.
    assert "0.010 m" in closure and "fX = -0.010" in closure and "1:6 800" in closure
    assert "within the tolerance" in closure
    assert dock.band is not None and dock.create_button.isEnabled()

    result = dock.create()
    assert result is not None
    after = parcels(demo_path)
    new = [u for u in after if u not in old]
    assert len(new) == 1
    sheet, number, area, geom = after[new[0]]
    assert area == pytest.approx(120.0, abs=0.1)  # 4 m x 30 m, Bowditch-adjusted
    assert geom.bounds[0] == pytest.approx(588167.0, abs=1e-6)
    assert number == max(n for s, n, _, _ in old.values() if s == sheet) + 1
    assert [r[1] for r in journal(demo_path)] == ["traverse"]
    assert {f["uuid"] for f in layer.selectedFeatures()} == set(new)
    assert dock.band is None


def test_beyond_the_tolerance_nothing_can_be_created(demo_path, dock):
    before = snapshot(demo_path)
    legs = list(LEGS)
    legs[2] = ("180°00'00\"", "30.500")  # a 0.5 m slip in the field book
    enter(dock, legs=legs)
    assert "beyond the tolerance" in dock.closure_label.text()
    assert "1:137" in dock.closure_label.text()  # 68.5 m / 0.5 m
    assert not dock.create_button.isEnabled()
    assert "tolerance" in dock.create_button.toolTip()
    assert dock.create() is None
    assert snapshot(demo_path) == before


def test_a_bad_bearing_is_named_by_its_leg(dock):
    legs = list(LEGS)
    legs[1] = ("90°75'00\"", "4.000")
    enter(dock, legs=legs)
    assert dock.problems_label.text().startswith("Leg 2: ")
    assert not dock.create_button.isEnabled()


def test_a_csv_with_a_bad_row_names_the_row(dock, tmp_path):
    path = tmp_path / "survey.csv"
    path.write_text("id,X,Y\n1,2309960.000,588167.000\n2,2309990.000,abc\n"
                    "3,2309990.000,588171.000\n", encoding="utf-8")
    assert not dock.import_csv(str(path))
    assert "Row 3" in dock.problems_label.text() and "abc" in dock.problems_label.text()
    assert not dock.create_button.isEnabled()


def test_a_csv_survey_cut_out_of_the_parcel_it_lies_in(demo_path, canvas, dock, layer,
                                                       tmp_path):
    parent, geom = inner_parcel(demo_path)
    ring = np.asarray(geom.exterior.coords)[:-1]
    p0 = ring[0]
    along = (ring[1] - p0) / np.hypot(*(ring[1] - p0))
    back = (ring[-1] - p0) / np.hypot(*(ring[-1] - p0))
    corners = [p0, p0 + 5 * along, p0 + 5 * along + 5 * back, p0 + 5 * back]
    rows = ["Điểm;X (Bắc);Y (Đông)"]  # Vietnamese header, semicolons, decimal commas
    for k, (e, n) in enumerate(corners + [corners[0]], start=1):
        name = "M1" if k == len(corners) + 1 else f"M{k}"
        rows.append(f"{name};{n:.3f};{e:.3f}".replace(".", ","))
    path = tmp_path / "toan_dac.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    old = parcels(demo_path)

    assert dock.import_csv(str(path))
    assert dock.csv_points.rowCount() == 5
    assert "1:" in dock.closure_label.text()  # the last row measures M1 again
    dock.cut_out.setChecked(True)
    dock.landuse.setText("ONT")
    assert dock.create() is not None

    after = parcels(demo_path)
    assert parent not in after
    new = [u for u in after if u not in old]
    assert len(new) == 2
    pieces = sorted(new, key=lambda u: after[u][2])
    survey = after[pieces[0]][3]
    assert survey.area == pytest.approx(shapely.Polygon(corners).area, abs=0.01)
    union = shapely.union_all([after[u][3] for u in new])
    assert shapely.symmetric_difference(union, geom).area < 1e-6


def test_the_start_point_is_picked_on_the_map(demo_path, canvas, dock, mouse):
    _, geom = inner_parcel(demo_path)
    zoom_to(canvas, geom)
    pan = QgsMapToolPan(canvas)
    canvas.setMapTool(pan)
    dock.pick_start()
    assert canvas.mapTool() is dock.pick_tool
    vx, vy = geom.exterior.coords[2]
    mouse.move(vx + 2 * canvas.mapUnitsPerPixel(), vy)
    mouse.click(vx + 2 * canvas.mapUnitsPerPixel(), vy)  # snapped onto the vertex
    assert (dock.start_x.text(), dock.start_y.text()) == (f"{vy:.3f}", f"{vx:.3f}")
    assert canvas.mapTool() is pan


def test_wrong_leg_texts_are_not_silently_dropped(dock):
    enter(dock, legs=LEGS[:2])
    assert dock.survey.polygon is None and not dock.create_button.isEnabled()
    assert "three legs" in dock.create_button.toolTip()


def csv_of(path, corners):
    rows = ["id,X,Y"] + [f"P{k},{n:.3f},{e:.3f}" for k, (e, n) in enumerate(corners, 1)]
    rows.append(f"P1,{corners[0][1]:.3f},{corners[0][0]:.3f}")  # closes on the first point
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return str(path)


def test_a_resurvey_replaces_the_selected_parcels_boundary(demo_path, canvas, dock, layer,
                                                         tmp_path, qgis_iface):
    uuid, geom = inner_parcel(demo_path)
    old = parcels(demo_path)
    touching = {u for u, (_, _, _, g) in old.items() if u != uuid and g.touches(geom)}
    ring = np.asarray(geom.exterior.coords)[:-1]
    # The first side measured 1.5 m further out at its middle: land from the neighbour.
    a, b = ring[0], ring[1]
    u = (b - a) / np.hypot(*(b - a))
    out = np.array([u[1], -u[0]]) if geom.exterior.is_ccw else np.array([-u[1], u[0]])
    corners = [a, (a + b) / 2 + 1.5 * out] + list(ring[1:])
    assert dock.import_csv(csv_of(tmp_path / "do_lai.csv", corners))

    dock.replace.setChecked(True)
    assert not dock.create_button.isEnabled()  # nothing selected yet
    assert "Select the one parcel" in dock.affected_label.text()
    assert dock.create() is None
    layer.selectByExpression(f"\"uuid\" = '{uuid}'")
    text = dock.affected_label.text()
    assert text.startswith("Parcels affected:") and "new boundary" in text
    assert "loses land" in text
    assert dock.create_button.isEnabled()

    assert dock.create() is not None
    after = parcels(demo_path)
    assert set(after) == set(old)  # numbers and identities kept
    assert after[uuid][1] == old[uuid][1]
    changed = {k for k in after if after[k][3] != old[k][3]}
    assert uuid in changed and changed - {uuid} <= touching
    assert after[uuid][3].area > geom.area
    assert len({r[0] for r in journal(demo_path)}) == 1  # one operation
    assert {r[1] for r in journal(demo_path)} == {"traverse"}
    assert [r[4] for r in journal(demo_path, "WHERE table_name = 'parcel_lineage'")]


def test_replace_is_refused_in_the_dock_naming_the_problem(demo_path, canvas, dock, layer,
                                                           tmp_path):
    uuid, geom = inner_parcel(demo_path)
    far = np.asarray(geom.exterior.coords)[:-1] + (0, 5000)
    assert dock.import_csv(csv_of(tmp_path / "xa.csv", list(far)))
    layer.selectByExpression(f"\"uuid\" = '{uuid}'")
    before = snapshot(demo_path)
    dock.replace.setChecked(True)
    assert not dock.create_button.isEnabled()
    assert "does not overlap parcel 1/" in dock.affected_label.text()
    assert dock.create_button.toolTip() == dock.affected_label.text()
    assert snapshot(demo_path) == before


def test_a_survey_across_parcels_is_cut_out_of_each(demo_path, canvas, dock, layer, tmp_path):
    uuid, geom = inner_parcel(demo_path)
    minx, miny, maxx, maxy = geom.bounds
    y = (miny + maxy) / 2
    corners = [(minx - 12, y - 2), (maxx + 2, y - 2), (maxx + 2, y + 2), (minx - 12, y + 2)]
    old = parcels(demo_path)
    assert dock.import_csv(csv_of(tmp_path / "duong.csv", corners))
    dock.cut_out.setChecked(True)
    assert dock.affected_label.text().count("cut, the rest renumbered") >= 2
    assert dock.create() is not None
    after = parcels(demo_path)
    assert uuid not in after
    gone = set(old) - set(after)
    assert len(gone) >= 2
    new = set(after) - set(old)
    assert len(new) == 1 + len(gone) + 1  # the road, one rest each, the cut parcel in two
