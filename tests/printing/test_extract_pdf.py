"""The extract rendered by QGIS to PDF, then read back as a reader would: pdftotext for the
text, pdftoppm for the picture."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtGui import QImage

from cadastre_plugin.printing.extract import extract_pdf, load_template
from cadastre_plugin.printing.extract_data import load_extract, table_rows
from cadastre_plugin.printing.template import REQUIRED_IDS, TEMPLATE, build
from extract_fixtures import BIG_NUMBER, BIG_SHEET, BIG_VERTICES, add_big_parcel

CADASTRE = shutil.which("cadastre", path=str(Path(sys.executable).parent)) or "cadastre"
pytestmark = pytest.mark.skipif(not shutil.which("pdftotext") or not shutil.which("pdftoppm"),
                                reason="poppler-utils (pdftotext, pdftoppm) not installed")


def pdf_text(path) -> list:
    """Text of each page, in reading layout."""
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return out.split("\f")[:-1]


def png_pages(path, tmp_path) -> list:
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(tmp_path / "page")],
                   check=True)
    return sorted(tmp_path.glob("page-*.png"))


def dark_share(image: QImage, x0, y0, x1, y1) -> float:
    """Share of dark pixels in a box given in fractions of the page."""
    w, h = image.width(), image.height()
    dark = total = 0
    for y in range(int(y0 * h), int(y1 * h), 2):
        for x in range(int(x0 * w), int(x1 * w), 2):
            total += 1
            dark += image.pixelColor(x, y).lightness() < 128
    return dark / total


def test_extract_of_a_demo_parcel(demo_path, tmp_path):
    from datetime import date

    out = tmp_path / "trich_luc.pdf"
    result = extract_pdf(str(demo_path), 1, 5, str(out), day=date(2025, 3, 8))
    assert result["pages"] == 1
    (text,) = pdf_text(out)
    data = load_extract(str(demo_path), 1, 5)
    for needle in ("TRÍCH LỤC BẢN ĐỒ ĐỊA CHÍNH", "Thửa đất số: 5", "Tờ bản đồ số: 1",
                   "Trích lục từ cơ sở dữ liệu", "Xã Tân Tiến", "ngày 08 tháng 03 năm 2025",
                   "Mục đích sử dụng đất", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                   "BẢNG TỌA ĐỘ ĐỈNH THỬA", "NGƯỜI TRÍCH LỤC", *data.holders,
                   f"{data.landuse[0][0]} - {data.landuse[0][1]}"):
        assert needle in text, needle
    # a scale bar in round centimetres of paper: 10 m steps at 1:1000
    assert result["scale"] == 1000 and re.search(r"\b0\s+10\s+20\s+30\s+40 m\b", text)
    for row in table_rows(data):  # every point with its X, Y and the edge from it
        assert " ".join(row) in " ".join(text.split()), row
    # the map really was drawn: its frame holds line work and the neighbours' numbers
    (png,) = png_pages(out, tmp_path)
    page = QImage(str(png))
    assert page.width() > 300 and abs(page.height() / page.width() - 297 / 210) < 0.01
    assert dark_share(page, 0.1, 0.26, 0.9, 0.62) > 0.01
    assert dark_share(page, 0.1, 0.96, 0.9, 0.99) < 0.05


def test_long_table_continues_on_a_second_page_at_a_smaller_scale(demo_path, tmp_path):
    add_big_parcel(demo_path)
    out = tmp_path / "big.pdf"
    result = extract_pdf(str(demo_path), BIG_SHEET, BIG_NUMBER, str(out))
    assert result["pages"] == 2 and result["scale"] == 10000
    first, second = pdf_text(out)
    assert "1:10000" in first and "(tiếp theo)" in second and "Thửa đất số 500" in second
    row = re.compile(r"(\d+)\s+(\d{7}\.\d{2})\s+(\d{6}\.\d{2})\s+(\d+)-(\d+)\s+(\d+\.\d{2})")
    rows = [m for page in (first, second) for m in row.findall(page)]
    assert [int(r[0]) for r in rows] == list(range(1, BIG_VERTICES + 1))  # each once, in order
    assert len(row.findall(first)) > 5 and len(row.findall(second)) > 30
    assert len(png_pages(out, tmp_path)) == 2


def test_the_shipped_template_is_current_and_complete():
    project = QgsProject()
    layout = load_template(project, TEMPLATE)
    page = layout.pageCollection().page(0).pageSize()
    assert (round(page.width()), round(page.height())) == (210, 297)
    ids = {i.id() for i in layout.items() if hasattr(i, "id") and i.id()}
    assert set(REQUIRED_IDS) <= ids
    other = QgsProject()
    fresh = build(other)  # kept in a name: its items die with it

    def placed(lay):
        """Where each item is; a scale bar's size follows its map, so only its place counts."""
        return {i.id(): (round(i.positionWithUnits().x(), 2), round(i.positionWithUnits().y(), 2))
                + (() if i.id() == "scalebar" else (round(i.sizeWithUnits().width(), 2),
                                                    round(i.sizeWithUnits().height(), 2)))
                for i in lay.items() if hasattr(i, "id") and i.id()}

    assert placed(fresh) == placed(layout), \
        "extract_a4.qpt differs from template.py: run python -m cadastre_plugin.printing.template"
    assert "DejaVu Sans" in TEMPLATE.read_text(encoding="utf-8")
    assert "base64:" in TEMPLATE.read_text(encoding="utf-8")  # no path to this machine


def run(*args):
    return subprocess.run([CADASTRE, *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, "CADASTRE_LANG": "en"})


def test_command_line_extract(demo_path, tmp_path):
    out = tmp_path / "e.pdf"
    res = run("extract", demo_path, "--parcel", "2/3", "--output", out, "--date", "2025-01-02")
    assert res.returncode == 0, res.stdout + res.stderr
    assert "parcel 2/3, 1 page(s)" in res.stdout
    (text,) = pdf_text(out)
    assert "Thửa đất số: 3" in text and "Tờ bản đồ số: 2" in text


@pytest.mark.parametrize("args,needle", [
    (["--parcel", "1/9999"], "no current parcel 1/9999"),
    (["--parcel", "12"], "SHEET/NUMBER"),
    (["--parcel", "1/1", "--date", "8/3/2025"], "YYYY-MM-DD"),
    (["--parcel", "1/1", "--template", "/nowhere.qpt"], "does not exist"),
])
def test_command_line_extract_bad_input(demo_path, tmp_path, args, needle):
    res = run("extract", demo_path, "--output", tmp_path / "e.pdf", *args)
    assert res.returncode == 2 and needle in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "e.pdf").exists()
