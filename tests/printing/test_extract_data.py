"""What the extract shows, computed without QGIS."""
import shapely

from cadastre_plugin.printing.extract_data import (choose_scale, edge_label_points, fmt_area,
                                                   load_extract, number_vertices, table_rows,
                                                   vertex_label_points)


def test_points_are_numbered_from_the_north_west_corner_clockwise():
    # drawn counter-clockwise, starting in the south-east on purpose
    poly = shapely.Polygon([(110, 0), (110, 50), (100, 50), (100, 0)])
    vertices, edges = number_vertices(poly)
    assert [(v.y_easting, v.x_northing) for v in vertices] == [(100, 50), (110, 50), (110, 0),
                                                               (100, 0)]
    assert [(e.start, e.end, e.length) for e in edges] == [(1, 2, 10), (2, 3, 50), (3, 4, 10),
                                                           (4, 1, 50)]


def test_holes_are_numbered_after_the_outer_boundary():
    poly = shapely.Polygon([(0, 0), (30, 0), (30, 30), (0, 30)],
                           [[(10, 10), (20, 10), (20, 20), (10, 20)]])
    vertices, edges = number_vertices(poly)
    assert [v.number for v in vertices] == list(range(1, 9))
    assert (edges[3].start, edges[3].end) == (4, 1) and (edges[7].start, edges[7].end) == (8, 5)


def test_labels_go_outside_for_numbers_and_inside_for_lengths():
    poly = shapely.Polygon([(0, 0), (0, 20), (20, 20), (20, 0)])
    vertices, edges = number_vertices(poly)
    for p in vertex_label_points(poly, vertices, 1.0):
        assert not poly.contains(shapely.Point(p))
    for (p, rotation), e in zip(edge_label_points(poly, edges, 1.0), edges):
        assert poly.contains(shapely.Point(p)) and -90 <= rotation < 90  # kept upright
        assert abs(shapely.distance(shapely.Point(p), shapely.Point(e.mid)) - 1.0) < 1e-9


def test_scale_is_the_largest_standard_one_that_fits():
    frame = (186, 124)
    assert choose_scale((0, 0, 30, 20), *frame) == 250
    assert choose_scale((0, 0, 60, 50), *frame) == 1000
    assert choose_scale((0, 0, 560, 560), *frame) == 10000
    assert choose_scale((0, 0, 1e6, 1e6), *frame) == 50000


def test_area_in_vietnamese_notation():
    assert fmt_area(2549.94) == "2.549,9 m²" and fmt_area(85.0) == "85,0 m²"
    assert fmt_area(None) == ""


def test_load_extract_reads_holders_and_land_use(demo_path):
    data = load_extract(str(demo_path), 1, 5)
    assert data.parcel.parcel_no == 5 and data.commune.name == "Xã Tân Tiến"
    assert data.holders and all(h.strip() for h in data.holders)
    assert data.landuse[0][1]  # the code's Vietnamese name
    rows = table_rows(data)
    assert len(rows) == len(data.vertices) and rows[0][0] == "1" and rows[-1][3].endswith("-1")
    assert all(len(r[1].split(".")[1]) == 2 for r in rows)  # metres to 2 decimals
