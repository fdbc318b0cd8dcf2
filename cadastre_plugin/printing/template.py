"""The A4 parcel-extract layout, built in code and saved as ``extract_a4.qpt``.

The shipped .qpt is what :mod:`.extract` loads, so a land office can restyle it in QGIS's
layout designer (move items, change wording, add its logo) without touching code. Texts come
from layout variables (``@cadastre_parcel_no``, ``@cadastre_holders``...), which the designer
shows and a label can use in any wording. The items the code fills are found by their ids
(:data:`REQUIRED_IDS`); keep those when editing.

Run ``python -m cadastre_plugin.printing.template`` (with QGIS importable) to write the file
again after changing this module.
"""
from __future__ import annotations

import base64
from pathlib import Path

from qgis.core import (QgsLayoutFrame, QgsLayoutItemLabel, QgsLayoutItemManualTable,
                       QgsLayoutItemMap, QgsLayoutItemPage, QgsLayoutItemPicture,
                       QgsLayoutItemScaleBar, QgsLayoutMeasurement, QgsLayoutMultiFrame,
                       QgsLayoutPoint, QgsLayoutSize,
                       QgsLayoutTableColumn, QgsPrintLayout, QgsProject, QgsReadWriteContext,
                       QgsScaleBarSettings, QgsTextFormat, QgsUnitTypes)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "extract_a4.qpt"
NORTH_ARROW = HERE / "north_arrow.svg"
#: A font with every Vietnamese letter (ơ, ư, ạ, ặ, ề, ữ, đ...): the PDF embeds it.
FONT = "DejaVu Sans"
MM = QgsUnitTypes.LayoutMillimeters

#: Ids the code looks up; a template without them cannot be filled.
REQUIRED_IDS = ("map", "scalebar", "north_arrow", "coordinates", "title", "info")
#: Where the coordinate table continues on a second page (mm from the page's top-left).
CONTINUATION_TOP = 32.0
PAGE_BOTTOM_MARGIN = 15.0

TABLE_COLUMNS = (("Điểm", 11.0), ("X (m)", 27.0), ("Y (m)", 25.0), ("Cạnh", 14.0),
                 ("Dài (m)", 17.0))


def text_format(size: float, bold: bool = False) -> QgsTextFormat:
    font = QFont(FONT)
    font.setBold(bold)
    fmt = QgsTextFormat()
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(QColor("black"))
    return fmt


def _place(layout, item, item_id: str, x: float, y: float, w: float, h: float):
    item.setId(item_id)
    layout.addLayoutItem(item)
    item.attemptMove(QgsLayoutPoint(x, y, MM))
    item.attemptResize(QgsLayoutSize(w, h, MM))
    return item


def _label(layout, item_id: str, text: str, x, y, w, h, size=9.0, bold=False,
           align=Qt.AlignLeft):
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    font = QFont(FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    item.setFont(font)
    item.setHAlign(align)
    item.setVAlign(Qt.AlignTop)
    return _place(layout, item, item_id, x, y, w, h)


def build(project: QgsProject) -> QgsPrintLayout:
    """The extract layout with every item in place and no parcel filled in."""
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("Trích lục bản đồ địa chính (A4)")
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    _label(layout, "office", "[% @cadastre_office %]", 12, 8, 80, 12, 8.5, True, Qt.AlignHCenter)
    _label(layout, "motto", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
           98, 8, 100, 12, 9, True, Qt.AlignHCenter)
    _label(layout, "title", "TRÍCH LỤC BẢN ĐỒ ĐỊA CHÍNH", 12, 23, 186, 8, 14, True,
           Qt.AlignHCenter)
    _label(layout, "subtitle", "Thửa đất số: [% @cadastre_parcel_no %]        Tờ bản đồ số: "
           "[% @cadastre_sheet_no %]        Tỷ lệ tờ bản đồ: [% @cadastre_sheet_scale %]",
           12, 32, 186, 6, 10, True, Qt.AlignHCenter)
    _label(layout, "place", "Xã/phường/thị trấn: [% @cadastre_commune %]; huyện: "
           "[% @cadastre_district %]; tỉnh: [% @cadastre_province %]", 12, 38, 186, 6, 9,
           False, Qt.AlignHCenter)
    _label(layout, "info",
           "1. Diện tích: [% @cadastre_area %]\n"
           "2. Mục đích sử dụng đất: [% @cadastre_landuse %]\n"
           "3. Địa chỉ thửa đất: [% @cadastre_address %]\n"
           "4. Người sử dụng đất: [% @cadastre_holders %]", 12, 45, 186, 22, 8.5)
    map_item = QgsLayoutItemMap(layout)
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, MM))
    _place(layout, map_item, "map", 12, 68, 186, 124)
    arrow = QgsLayoutItemPicture(layout)
    # Embedded, so that the template works wherever the plugin is installed.
    arrow.setPicturePath("base64:" + base64.b64encode(NORTH_ARROW.read_bytes()).decode("ascii"),
                         QgsLayoutItemPicture.FormatSVG)
    arrow.setLinkedMap(map_item)
    _place(layout, arrow, "north_arrow", 186, 70, 10, 15)
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(map_item)
    bar.setUnits(QgsUnitTypes.DistanceMeters)
    bar.setUnitLabel("m")
    bar.setNumberOfSegmentsLeft(0)
    bar.setNumberOfSegments(4)
    bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFixed)
    bar.setUnitsPerSegment(10)  # the extract sets 1 cm on paper for the scale it chooses
    bar.setTextFormat(text_format(7))
    _place(layout, bar, "scalebar", 12, 193, 70, 10)
    _label(layout, "map_note", "Tỷ lệ bản trích lục 1:[% @cadastre_map_scale %]; hệ tọa độ "
           "[% @cadastre_crs %]", 84, 195, 114, 6, 7.5)
    _label(layout, "table_title", "BẢNG TỌA ĐỘ ĐỈNH THỬA VÀ CHIỀU DÀI CẠNH", 12, 204, 96, 5, 8,
           True)
    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    columns = []
    for heading, width in TABLE_COLUMNS:
        col = QgsLayoutTableColumn(heading)
        col.setWidth(width)
        col.setHAlignment(Qt.AlignHCenter)
        columns.append(col)
    table.setHeaders(columns)
    table.setIncludeTableHeader(True)
    table.setHeaderTextFormat(text_format(7.5, bold=True))
    table.setContentTextFormat(text_format(7.5))
    table.setCellMargin(0.8)
    table.setResizeMode(QgsLayoutMultiFrame.ExtendToNextPage)
    frame = QgsLayoutFrame(layout, table)
    _place(layout, frame, "coordinates", 12, 210, 96, 74)
    table.addFrame(frame)
    _label(layout, "signature_place", "[% @cadastre_place %], [% @cadastre_date %]", 112, 206,
           86, 6, 8.5, False, Qt.AlignHCenter)
    _label(layout, "signature_preparer", "NGƯỜI TRÍCH LỤC\n(Ký, ghi rõ họ tên)", 112, 214, 40,
           30, 8.5, True, Qt.AlignHCenter)
    _label(layout, "signature_head", "THỦ TRƯỞNG CƠ QUAN\n(Ký, ghi rõ họ tên, đóng dấu)", 154,
           214, 44, 30, 8.5, True, Qt.AlignHCenter)
    _label(layout, "footer", "Trích lục từ cơ sở dữ liệu địa chính bằng Cadastre Editor; tọa độ "
           "X (Bắc), Y (Đông) theo hệ VN-2000, đơn vị mét.", 12, 286, 186, 5, 6.5)
    return layout


def write(path: Path = TEMPLATE) -> Path:
    project = QgsProject()
    layout = build(project)
    if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
        raise OSError(f"cannot write {path}")
    return path


if __name__ == "__main__":
    from .headless import qgis_app

    with qgis_app():
        print(write())
