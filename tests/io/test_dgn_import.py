"""DGN v7 import, end to end through real DGN files written by GDAL's DGN driver."""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import shapely

from cadastre_plugin.core.imports.dgn_parcels import Element
from cadastre_plugin.core.messages import CadastreError
from cadastre_plugin.core.model import Commune
from cadastre_plugin.core.working_copy import WorkingCopy
from cadastre_plugin.io.dgn import read_elements, write_elements
from cadastre_plugin.io.dgn_import import import_dgn
from dgn_sheet_maker import (cut_gap, drop_texts, extend_end, make_sheet, neighbours, set_text,
                             shared_edge, shorten_end)

CADASTRE = shutil.which("cadastre", path=str(Path(sys.executable).parent)) or "cadastre"
COMMUNE = Commune("11686", "Xã Tân Tiến", 9210)


def run(*args, env=None):
    return subprocess.run([CADASTRE, *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


def imported(path):
    with WorkingCopy.open(str(path)) as wc:
        return wc.parcels("WHERE status = 'current' ORDER BY parcel_no")


def near(problem, xy, tol):
    return np.hypot(problem.details["x"] - xy[0], problem.details["y"] - xy[1]) <= tol


def test_writer_and_reader_keep_levels_texts_and_millimetres(tmp_path):
    elements = [Element(10, shapely.LineString([(588000.123, 2310000.456), (588100.5, 2310050.25),
                                                (588120.0, 2309990.0)])),
                Element(11, shapely.Point(588050.0, 2310020.0), "12"),
                Element(2, shapely.Point(588050.0, 2310010.0), "ONT+CLN"),
                Element(4, shapely.Point(588050.0, 2310000.0), "125,3"),
                Element(10, shapely.box(588200, 2310000, 588210, 2310010))]
    path = tmp_path / "t.dgn"
    write_elements(path, elements)
    back = read_elements(str(path))
    assert [(e.level, e.text) for e in back] == [(e.level, e.text) for e in elements]
    for a, b in zip(elements, back):
        assert shapely.hausdorff_distance(a.geometry, b.geometry) <= 0.0015
    assert back[4].geometry.geom_type == "Polygon"  # a DGN shape element comes back closed


def test_clean_sheet_round_trip_through_the_command_line(tmp_path):
    sheet = make_sheet(30, seed=3)
    dgn = tmp_path / "to5.dgn"
    write_elements(dgn, sheet.elements(extra=[
        # line work and text on other levels (roads, notes) must not split or label parcels
        Element(20, shapely.LineString([sheet.geoms[0].centroid, sheet.geoms[5].centroid])),
        Element(30, sheet.geoms[3].centroid, "Thôn Đông")]))
    out, report = tmp_path / "wc.gpkg", tmp_path / "report.json"
    res = run("import-dgn", dgn, "--commune", "11686", "--commune-name", "Xã Tân Tiến",
              "--sheet", 5, "--scale", 1000, "--crs", 9210, "--output", out, "--report", report)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Imported 30 parcels" in res.stdout
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["imported"] == 30 and data["problems"] == []
    assert data["ignored_elements_by_level"] == {"20": 1, "30": 1}
    parcels = imported(out)
    assert [p.parcel_no for p in parcels] == list(range(1, 31))
    for p in parcels:
        i = sheet.index_of(p.parcel_no)
        assert p.sheet_no == 5 and p.commune_code == "11686"
        assert p.landuse == sheet.landuse[i]
        assert abs(p.area - sheet.areas[i]) <= 0.1 + 1e-9  # millimetre coordinates
        assert shapely.hausdorff_distance(p.geometry, sheet.geoms[i]) < 0.002
    with WorkingCopy.open(str(out)) as wc:
        (s,) = wc.sheets()
        assert (s.sheet_no, s.scale, s.crs_epsg) == (5, 1000, 9210)
        assert s.grid_number and shapely.covers(s.frame, shapely.union_all(sheet.geoms))
        # the starting state of a new working copy is not a change to push
        assert wc.count("journal") == 0


def test_every_injected_fault_is_reported_at_its_place(tmp_path):
    sheet = make_sheet(40, seed=11)
    by_no = {int(n): i for i, n in enumerate(sheet.numbers)}
    # 1. a gap of 1 m in the boundary between two parcels: they merge, the line does not close
    a = by_no[8]
    b = neighbours(sheet, a)[0]
    mid = shapely.line_interpolate_point(shared_edge(sheet, a, b), 0.5, normalized=True)
    gap_ends = cut_gap(sheet, (mid.x, mid.y), 1.0)
    assert len(gap_ends) == 2
    # 2. an undershoot of 8 cm and 3. an overshoot of 10 cm (within tolerance: repaired)
    junction_lines = [k for k, ln in enumerate(sheet.lines)
                      if shapely.distance(ln, mid) > 5 and shapely.length(ln) > 10]
    under_old, under_new = shorten_end(sheet, junction_lines[0], 0.08)
    over_end = extend_end(sheet, junction_lines[3], 0.10)
    # 4. a parcel without its number, 5. a parcel with a second number, 6. a wrong area text
    c, d, e = [x for x in sorted(by_no) if x not in (8, int(sheet.numbers[b])) and x > 15][:3]
    drop_texts(sheet, 11, str(c))
    extra_no = sheet.text_points(by_no[d])[2]
    wrong_area = float(sheet.areas[by_no[e]]) * 1.25
    set_text(sheet, 4, f"{sheet.areas[by_no[e]]:.1f}", f"{wrong_area:.1f}", by_no[e])
    # 7. a number label outside any parcel
    minx, miny, maxx, maxy = shapely.total_bounds(sheet.geoms)
    outside = (maxx + 50, maxy + 50)
    dgn = tmp_path / "broken.dgn"
    write_elements(dgn, sheet.elements(extra=[Element(11, shapely.Point(extra_no), "999"),
                                              Element(11, shapely.Point(outside), "777")]))

    report = import_dgn(str(dgn), str(tmp_path / "wc.gpkg"), COMMUNE, 2, 1000)
    probs = report.problems
    codes = report.codes()

    unclosed = [p for p in probs if p.code == "linework.unclosed"]
    assert len(unclosed) == 2
    for end in gap_ends:
        assert any(near(p, end, 0.01) for p in unclosed)
    merged = [p for p in probs if p.code == "parcel.several_numbers"]
    assert {tuple(sorted(p.details["numbers"])) for p in merged} == {
        tuple(sorted((8, int(sheet.numbers[b])))), tuple(sorted((d, 999)))}
    assert any(near(p, under_new, 0.01) for p in probs if p.code == "linework.undershoot_closed")
    assert any(near(p, over_end, 0.01) for p in probs if p.code == "linework.overshoot_trimmed")
    (no_number,) = [p for p in probs if p.code == "parcel.no_number"]
    assert shapely.contains(sheet.geoms[by_no[c]],
                            shapely.Point(no_number.details["x"], no_number.details["y"]))
    (mismatch,) = [p for p in probs if p.code == "parcel.area_mismatch"]
    assert mismatch.where.startswith(f"2/{e}, X=")
    assert mismatch.details["written_m2"] == round(wrong_area, 1)
    (out_label,) = [p for p in probs if p.code == "label.outside"]
    assert near(out_label, outside, 0.01) and out_label.details["text"] == "777"
    assert not set(codes) - {"linework.unclosed", "parcel.several_numbers",
                             "linework.undershoot_closed", "linework.overshoot_trimmed",
                             "parcel.no_number", "parcel.area_mismatch", "label.outside"}
    # every problem says where, in both languages
    assert all(p.en and p.vi and "X=" in p.where for p in probs)

    # every parcel not touched by a fault comes back with its number and exact boundary
    lost = {8, int(sheet.numbers[b]), c, d}
    parcels = {p.parcel_no: p for p in imported(tmp_path / "wc.gpkg")}
    assert set(parcels) == {int(n) for n in sheet.numbers} - lost
    for no, p in parcels.items():
        assert shapely.hausdorff_distance(p.geometry, sheet.geoms[by_no[no]]) < 0.002
    assert report.imported == len(parcels)
    # each closed polygon is either imported or reported as not imported
    assert report.rejected == 3 and report.read == report.imported + report.rejected


def test_import_into_an_existing_working_copy_is_one_journalled_operation(demo_path, tmp_path):
    sheet = make_sheet(12, seed=5)
    dgn = tmp_path / "s.dgn"
    write_elements(dgn, sheet.elements())
    with WorkingCopy.open(str(demo_path)) as wc:
        before = wc.count("parcels")
    res = run("import-dgn", dgn, "--sheet", 77, "--scale", 1000, "--output", demo_path)
    assert res.returncode == 0, res.stdout + res.stderr
    with WorkingCopy.open(str(demo_path)) as wc:
        assert wc.count("parcels") == before + 12
        ops = wc.conn.execute("SELECT operation, count(DISTINCT op_id), count(*) FROM journal "
                              "WHERE table_name = 'parcels' GROUP BY operation").fetchall()
        assert ops == [("import-dgn", 1, 12)]
        assert 77 in {s.sheet_no for s in wc.sheets()}
    # the same sheet again: nothing doubled, every parcel reported as already there
    report = tmp_path / "again.json"
    res = run("import-dgn", dgn, "--sheet", 77, "--scale", 1000, "--output", demo_path,
              "--report", report)
    assert res.returncode == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["imported"] == 0
    assert [p["code"] for p in data["problems"]] == ["import.already_present"] * 12
    with WorkingCopy.open(str(demo_path)) as wc:
        assert wc.count("parcels") == before + 12


def test_import_rolls_back_completely_when_writing_fails(demo_path, tmp_path):
    sheet = make_sheet(6, seed=2)
    dgn = tmp_path / "s.dgn"
    write_elements(dgn, sheet.elements())
    conn = sqlite3.connect(demo_path)
    # a constraint the 4th parcel breaks halfway through the write
    conn.execute("CREATE TRIGGER fail_4 BEFORE INSERT ON parcels WHEN NEW.parcel_no = 4 "
                 "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
    conn.commit()
    conn.close()
    with WorkingCopy.open(str(demo_path)) as wc:
        before = (wc.count("parcels"), wc.count("journal"), wc.count("map_sheets"))
    with pytest.raises(sqlite3.IntegrityError):
        import_dgn(str(dgn), str(demo_path), None, 50, 1000)
    with WorkingCopy.open(str(demo_path)) as wc:
        assert (wc.count("parcels"), wc.count("journal"), wc.count("map_sheets")) == before


@pytest.mark.parametrize("case,needle", [
    ("missing", "does not exist"),
    ("v8", "V8"),
    ("text", "not a DGN v7"),
    ("scale", "1:750"),
    ("new_without_crs", "--crs"),
    ("commune", "5-digit"),
])
def test_bad_input_exits_2_with_a_message_and_writes_nothing(tmp_path, case, needle):
    dgn = tmp_path / "in.dgn"
    write_elements(dgn, make_sheet(3, seed=1).elements())
    args = ["import-dgn", dgn, "--sheet", 1, "--scale", 1000, "--commune", "11686", "--crs",
            9210, "--output", tmp_path / "out.gpkg"]
    if case == "missing":
        args[1] = tmp_path / "nope.dgn"
    elif case == "v8":
        (tmp_path / "v8.dgn").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
        args[1] = tmp_path / "v8.dgn"
    elif case == "text":
        (tmp_path / "t.dgn").write_text("not a drawing")
        args[1] = tmp_path / "t.dgn"
    elif case == "scale":
        args[5] = 750
    elif case == "new_without_crs":
        args = args[:8] + args[10:]
    elif case == "commune":
        args[7] = "1168"
    res = run(*args)
    assert res.returncode == 2, res.stdout + res.stderr
    assert needle in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "out.gpkg").exists()


def test_messages_follow_lang(tmp_path):
    res = run("import-dgn", tmp_path / "nope.dgn", "--sheet", 1, "--scale", 1000, "--output",
              tmp_path / "o.gpkg", "--commune", "11686", "--crs", 9210,
              env={"LANG": "vi_VN.UTF-8", "LC_ALL": "", "CADASTRE_LANG": ""})
    assert res.returncode == 2 and "Không đọc được" in res.stderr


def test_reader_refuses_what_is_not_dgn(tmp_path):
    with pytest.raises(CadastreError) as err:
        read_elements(str(tmp_path))
    assert err.value.code == "dgn.unreadable"


def test_a_sheet_drawn_on_other_levels_says_which_levels_it_has(tmp_path):
    sheet = make_sheet(4, seed=1)
    dgn = tmp_path / "other.dgn"
    write_elements(dgn, [Element(13, g) for g in sheet.lines] + sheet.texts)
    report = import_dgn(str(dgn), str(tmp_path / "wc.gpkg"), COMMUNE, 1, 1000)
    (p,) = report.problems
    assert f"13 ({len(sheet.lines)})" in p.en and "level 10" in p.vi
    assert report.imported == 0 and report.has_problems
